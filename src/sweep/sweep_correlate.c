/*
 * sweep_correlate.c: rank correlation between a sweep's inputs, by the method of
 * Iman and Conover (1982). The independently drawn columns are rearranged, not
 * redrawn, so every parameter keeps its distribution (and a Latin hypercube its
 * strata); only the pairing of values across columns changes, so that the rank
 * correlations approach the stated ones: van der Waerden scores in random order get
 * the target correlation through Cholesky factors (cholesky.h), and each column
 * takes the rank order of its score column.
 */
#include "sweep_correlate.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cholesky.h"
#include "normal_dist.h"
#include "rng.h"

/* Lower Cholesky factor of the p × p matrix a (row-major), in place, its upper
 * triangle zero. Returns 0, or -1 when a is not positive definite. */
static int cholesky(double *a, size_t p)
{
    if (fs_cholesky(a, p) != 0) return -1;
    for (size_t i = 0; i < p; i++)
        for (size_t j = i + 1; j < p; j++) a[i * p + j] = 0;
    return 0;
}

typedef struct keyed {
    double key;
    size_t index;
} keyed;

static int by_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int by_key(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->key != y->key) return (x->key > y->key) - (x->key < y->key);
    return (x->index > y->index) - (x->index < y->index);
}

int sweep_correlate(const fs_sweep_spec *s, double *x, size_t n, size_t first_row)
{
    size_t p = s->param_count;
    double *target = calloc(p * p, sizeof *target), *have = calloc(p * p, sizeof *have);
    double *score = malloc(n * p * sizeof *score), *adj = malloc(n * p * sizeof *adj), *col = malloc(n * sizeof *col);
    keyed *order = malloc(n * sizeof *order);
    int rc = -3;
    if (!target || !have || !score || !adj || !col || !order) goto done;
    for (size_t i = 0; i < p; i++) target[i * p + i] = 1;
    for (size_t k = 0; k < s->correlation_count; k++) {
        const fs_sweep_correlation *c = &s->correlations[k];
        target[c->a * p + c->b] = target[c->b * p + c->a] = c->rho;
    }
    if ((rc = cholesky(target, p)) != 0) goto done;
    /* Scores Φ⁻¹(i / (n + 1)) in a random order per column. */
    uint64_t state = s->seed ^ 0xC0A1E5CEDULL;
    for (size_t j = 0; j < p; j++) {
        for (size_t i = 0; i < n; i++) score[i * p + j] = fs_normal_quantile((double)(i + 1) / (double)(n + 1));
        for (size_t i = n; i > 1; i--) {
            size_t r = (size_t)(rng_next(&state) % i);
            double t = score[(i - 1) * p + j];
            score[(i - 1) * p + j] = score[r * p + j], score[r * p + j] = t;
        }
    }
    /* Their actual correlation T = Q Qᵀ; adjusted scores S Q⁻ᵀ Pᵀ have the target's. */
    for (size_t a = 0; a < p; a++)
        for (size_t b = 0; b < p; b++) {
            double sab = 0, saa = 0, sbb = 0;
            for (size_t i = 0; i < n; i++) {
                double u = score[i * p + a], v = score[i * p + b];
                sab += u * v, saa += u * u, sbb += v * v;
            }
            have[a * p + b] = sab / sqrt(saa * sbb);
        }
    if ((rc = cholesky(have, p)) != 0) goto done;
    for (size_t i = 0; i < n; i++) {
        /* z = Q⁻¹ s (forward substitution), then adj = P z. */
        double z[64];
        for (size_t a = 0; a < p; a++) {
            double v = score[i * p + a];
            for (size_t b = 0; b < a; b++) v -= have[a * p + b] * z[b];
            z[a] = v / have[a * p + a];
        }
        for (size_t a = 0; a < p; a++) {
            double v = 0;
            for (size_t b = 0; b <= a; b++) v += target[a * p + b] * z[b];
            adj[i * p + a] = v;
        }
    }
    /* Each column of x takes the rank order of its adjusted score column. */
    for (size_t j = 0; j < p; j++) {
        for (size_t i = 0; i < n; i++) col[i] = x[(first_row + i) * p + j];
        qsort(col, n, sizeof *col, by_double);
        for (size_t i = 0; i < n; i++) order[i] = (keyed){adj[i * p + j], i};
        qsort(order, n, sizeof *order, by_key);
        for (size_t r = 0; r < n; r++) x[(first_row + order[r].index) * p + j] = col[r];
    }
    rc = 0;
done:
    free(target), free(have), free(score), free(adj), free(col), free(order);
    return rc;
}
