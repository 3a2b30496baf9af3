/*
 * cholesky.h: the Cholesky factor of a symmetric positive definite matrix, the one
 * every stage uses (the forecast's 5 × 5 posteriors, a sweep's rank correlations).
 */
#ifndef FISCALSIM_CHOLESKY_H
#define FISCALSIM_CHOLESKY_H

#include <math.h>
#include <stddef.h>

/* Replaces the lower triangle of the n × n row-major matrix a with its lower Cholesky
 * factor L (a = L Lᵀ), reading the lower triangle only; the upper triangle is left as
 * it was. Returns 0, or -1 when a is not positive definite (a is then partly changed).
 * By the Cholesky–Crout loop: the matrices are small (5 × 5 for a forecast, a sweep's
 * parameters at most 64), where a plain loop costs a tenth of a library call, needs no
 * library and gives the same bits on every machine. Inline, so that a caller with a
 * constant n (the forecast's 5) gets the loop unrolled, as its own copy once had. */
static inline int fs_cholesky(double *a, size_t n)
{
    for (size_t j = 0; j < n; j++) {
        double d = a[j * n + j];
        for (size_t k = 0; k < j; k++) d -= a[j * n + k] * a[j * n + k];
        if (!(d > 0)) return -1;
        a[j * n + j] = sqrt(d);
        for (size_t i = j + 1; i < n; i++) {
            double v = a[i * n + j];
            for (size_t k = 0; k < j; k++) v -= a[i * n + k] * a[j * n + k];
            a[i * n + j] = v / a[j * n + j];
        }
    }
    return 0;
}

#endif
