/*
 * cholesky.h: the Cholesky factor of a symmetric positive definite matrix, the one
 * every stage uses (the forecast's 5 × 5 posteriors, a sweep's rank correlations).
 */
#ifndef FISCALSIM_CHOLESKY_H
#define FISCALSIM_CHOLESKY_H

#include <stddef.h>

/* Replaces the lower triangle of the n × n row-major matrix a with its lower Cholesky
 * factor L (a = L Lᵀ), reading the lower triangle only; the upper triangle is left as
 * it was. Returns 0, or -1 when a is not positive definite (a is then partly changed). */
int fs_cholesky(double *a, size_t n);

#endif
