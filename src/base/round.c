/*
 * round.c: largest-remainder rounding. Naive per-item rounding loses or gains units
 * in totals; this keeps every total exact with a deterministic, stable tie-break, so
 * results are identical across runs, platforms and worker counts.
 */
#include "round.h"

#include <math.h>
#include <stdlib.h>

typedef struct ranked {
    double frac;
    size_t index;
} ranked;

/* Largest fraction first; ties by index ascending. */
static int by_frac_desc(const void *a, const void *b)
{
    const ranked *p = a, *q = b;
    if (p->frac > q->frac) return -1;
    if (p->frac < q->frac) return 1;
    return (p->index > q->index) - (p->index < q->index);
}

int64_t fs_round_money(double x)
{
    return (int64_t)llround(x);
}

/* Sorts a few items in place (a result splits every collection three ways, some
 * 1,500 times a solve: qsort and malloc cost more than the sorting). */
static void sort_few(ranked *order, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        ranked item = order[i];
        size_t k = i;
        for (; k > 0 && by_frac_desc(&order[k - 1], &item) > 0; k--) order[k] = order[k - 1];
        order[k] = item;
    }
}

enum { FEW = 8 };

int fs_round_to_total(const double *x, size_t n, int64_t total, const int64_t *lower,
                      int64_t *out)
{
    if (n == 0) return total == 0 ? 0 : -1;
    ranked few[FEW];
    ranked *order = n <= FEW ? few : malloc(n * sizeof *order);
    if (!order) return -1;
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        /* Values within 1e-9 of an integer are that integer: solver noise must not
         * decide who gets the remainder. */
        double fl = floor(x[i] + 1e-9);
        double frac = x[i] - fl;
        if (frac < 0) frac = 0;
        out[i] = (int64_t)fl;
        if (lower && out[i] < lower[i]) {
            out[i] = lower[i];
            frac = 0;
        }
        sum += out[i];
        order[i].frac = frac;
        order[i].index = i;
    }
    if (n <= FEW) sort_few(order, n);
    else qsort(order, n, sizeof *order, by_frac_desc);
    int64_t gap = total - sum;
    while (gap > 0) {
        for (size_t k = 0; k < n && gap > 0; k++, gap--) out[order[k].index]++;
    }
    while (gap < 0) {
        int64_t before = gap;
        for (size_t k = n; k-- > 0 && gap < 0;) {
            size_t i = order[k].index;
            if (lower && out[i] <= lower[i]) continue;
            out[i]--;
            gap++;
        }
        if (gap == before) {
            if (order != few) free(order);
            return -1;
        }
    }
    if (order != few) free(order);
    return 0;
}
