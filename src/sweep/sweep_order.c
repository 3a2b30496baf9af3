/*
 * sweep_order.c: variants in Hilbert-curve order of their parameters' ranks (see
 * sweep_order.h). The curve index is Skilling's transpose form ("Programming the
 * Hilbert curve", AIP Conf. Proc. 707, 2004), its bits interleaved into one key.
 */
#include "sweep_order.h"

#include <stdint.h>
#include <stdlib.h>

typedef struct keyed {
    uint64_t key;
    size_t index;
} keyed;

static int by_key(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return (x->index > y->index) - (x->index < y->index);
}

typedef struct valued {
    double value;
    size_t index;
} valued;

static int by_value(const void *a, const void *b)
{
    const valued *x = a, *y = b;
    if (x->value != y->value) return x->value < y->value ? -1 : 1;
    return (x->index > y->index) - (x->index < y->index);
}

/* Skilling's AxestoTranspose: coordinates of `bits` bits each in d dimensions become
 * the transposed Hilbert index, in place. */
static void axes_to_transpose(uint32_t *c, int bits, size_t d)
{
    uint32_t top = 1u << (bits - 1);
    for (uint32_t q = top; q > 1; q >>= 1) {
        uint32_t p = q - 1;
        for (size_t i = 0; i < d; i++) {
            if (c[i] & q) {
                c[0] ^= p;
            } else {
                uint32_t t = (c[0] ^ c[i]) & p;
                c[0] ^= t, c[i] ^= t;
            }
        }
    }
    for (size_t i = 1; i < d; i++) c[i] ^= c[i - 1];
    uint32_t t = 0;
    for (uint32_t q = top; q > 1; q >>= 1)
        if (c[d - 1] & q) t ^= q - 1;
    for (size_t i = 0; i < d; i++) c[i] ^= t;
}

/* The transposed index read most significant bit first, dimension by dimension. */
static uint64_t interleave(const uint32_t *c, int bits, size_t d)
{
    uint64_t key = 0;
    for (int b = bits - 1; b >= 0; b--)
        for (size_t i = 0; i < d; i++) key = key << 1 | ((c[i] >> b) & 1u);
    return key;
}

size_t *sweep_order(const double *x, size_t n, size_t p)
{
    size_t d = p < 16 ? p : 16;
    int bits = d == 0 ? 1 : (int)(64 / d);
    if (bits > 16) bits = 16;
    size_t *order = malloc((n + 1) * sizeof *order);
    keyed *keys = malloc((n + 1) * sizeof *keys);
    valued *column = malloc((n + 1) * sizeof *column);
    uint32_t *coord = malloc((n * d + 1) * sizeof *coord);
    if (!order || !keys || !column || !coord) {
        free(order), free(keys), free(column), free(coord);
        return NULL;
    }
    /* Each parameter's rank (equal values share one), scaled to `bits` bits. */
    for (size_t j = 0; j < d; j++) {
        for (size_t i = 0; i < n; i++) column[i] = (valued){x[i * p + j], i};
        qsort(column, n, sizeof *column, by_value);
        size_t rank = 0;
        for (size_t i = 0; i < n; i++) {
            if (i > 0 && column[i].value != column[i - 1].value) rank = i;
            coord[column[i].index * d + j] = (uint32_t)(((uint64_t)rank << bits) / n);
        }
    }
    for (size_t i = 0; i < n; i++) {
        keys[i].index = i;
        keys[i].key = 0;
        if (d == 0) continue;
        axes_to_transpose(coord + i * d, bits, d);
        keys[i].key = interleave(coord + i * d, bits, d);
    }
    qsort(keys, n, sizeof *keys, by_key);
    for (size_t i = 0; i < n; i++) order[i] = keys[i].index;
    free(keys), free(column), free(coord);
    return order;
}
