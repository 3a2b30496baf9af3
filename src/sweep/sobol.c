/*
 * sobol.c: Saltelli/Jansen estimators of Sobol indices with bootstrap intervals
 * (see sobol.h).
 */
#include "sobol.h"

#include <math.h>
#include <stdlib.h>

#include "rng.h"

/* The two estimates over the rows rows[0..m-1] of the base sample. */
static void estimate(const double *y, size_t n, size_t i, const size_t *rows, size_t m, double *s1, double *st)
{
    const double *fa = y, *fb = y + n, *fab = y + (2 + i) * n;
    double mean = 0, var = 0, num1 = 0, numt = 0;
    for (size_t k = 0; k < m; k++) mean += (fa[rows[k]] + fb[rows[k]]) / (2.0 * (double)m);
    for (size_t k = 0; k < m; k++) {
        size_t r = rows[k];
        var += ((fa[r] - mean) * (fa[r] - mean) + (fb[r] - mean) * (fb[r] - mean)) / (2.0 * (double)m - 1);
        num1 += (fb[r] - mean) * (fab[r] - fa[r]) / (double)m; /* centred: same expectation, less variance */
        numt += (fa[r] - fab[r]) * (fa[r] - fab[r]) / (2.0 * (double)m);
    }
    *s1 = var > 0 ? num1 / var : 0;
    *st = var > 0 ? numt / var : 0;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int fs_sobol_indices(const double *y, const bool *ok, size_t n, size_t p, size_t boot, uint64_t seed,
                     fs_sobol_index *out)
{
    size_t *rows = malloc((n + 1) * sizeof *rows), *pick = malloc((n + 1) * sizeof *pick);
    double *b1 = malloc((boot + 1) * sizeof *b1), *bt = malloc((boot + 1) * sizeof *bt);
    int rc = -1;
    if (!rows || !pick || !b1 || !bt) goto done;
    for (size_t i = 0; i < p; i++) {
        size_t m = 0;
        for (size_t r = 0; r < n; r++)
            if (ok[r] && ok[n + r] && ok[(2 + i) * n + r]) rows[m++] = r;
        fs_sobol_index *o = &out[i];
        o->rows = m;
        o->s1 = o->st = o->s1_lo = o->s1_hi = o->st_lo = o->st_hi = NAN;
        if (m < 2) continue;
        estimate(y, n, i, rows, m, &o->s1, &o->st);
        if (boot == 0) continue;
        uint64_t state = seed + i;
        for (size_t b = 0; b < boot; b++) {
            for (size_t k = 0; k < m; k++) pick[k] = rows[rng_next(&state) % m];
            estimate(y, n, i, pick, m, &b1[b], &bt[b]);
        }
        qsort(b1, boot, sizeof *b1, by_value);
        qsort(bt, boot, sizeof *bt, by_value);
        size_t lo = (size_t)(0.025 * (double)boot), hi = (size_t)(0.975 * (double)boot);
        if (hi >= boot) hi = boot - 1;
        o->s1_lo = b1[lo], o->s1_hi = b1[hi], o->st_lo = bt[lo], o->st_hi = bt[hi];
    }
    rc = 0;
done:
    free(rows), free(pick), free(b1), free(bt);
    return rc;
}
