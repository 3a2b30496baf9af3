/*
 * sobol.h: Sobol sensitivity indices from a Saltelli sample.
 *
 * The sample has N rows of matrix A, N of B, then N of each A_B^(i) (A with column i
 * taken from B), p parameters: N(p + 2) evaluations. First-order indices use Saltelli's
 * 2010 estimator with f centred, S_i = mean((f(B) − f̄)(f(A_B^i) − f(A))) / V, total
 * indices Jansen's,
 * ST_i = mean((f(A) − f(A_B^i))²) / 2V, V the variance of f over A and B. Rows where any
 * of the three evaluations failed (an infeasible variant) are left out of that index.
 * Confidence intervals are percentile bootstrap intervals, resampled from a seed.
 */
#ifndef FISCALSIM_SOBOL_H
#define FISCALSIM_SOBOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct fs_sobol_index {
    double s1, s1_lo, s1_hi;     /* first order and its 95% interval */
    double st, st_lo, st_hi;     /* total */
    size_t rows;                 /* base rows used */
} fs_sobol_index;

/* Indices of each of p parameters from y (N(p + 2) values in the order above; ok[k]
 * false for a failed evaluation), with `boot` bootstrap resamples (0: no intervals).
 * Fills out[0..p-1]. Returns 0, or -1 on memory. */
int fs_sobol_indices(const double *y, const bool *ok, size_t n_base, size_t p, size_t boot, uint64_t seed,
                     fs_sobol_index *out);

#endif
