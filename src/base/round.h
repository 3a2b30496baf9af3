/*
 * round.h: turning real amounts into integer money that adds up exactly.
 */
#ifndef FISCALSIM_ROUND_H
#define FISCALSIM_ROUND_H

#include <stddef.h>
#include <stdint.h>

/* Largest-remainder rounding: out[i] is floor(x[i]) or a neighbour, and the out[i]
 * add up to `total` exactly. Units are raised in order of largest fractional part
 * (ties: lower index first) and, when the floors overshoot, lowered in order of
 * smallest fractional part (ties: higher index first); repeated passes handle gaps
 * larger than n. When `lower` is not NULL, no out[i] goes below lower[i]. Returns 0,
 * or -1 when the total cannot be met (out is then unspecified) or on allocation failure. */
int fs_round_to_total(const double *x, size_t n, int64_t total, const int64_t *lower,
                      int64_t *out);

/* Nearest integer to x (halves away from zero), for amounts known to fit int64. */
int64_t fs_round_money(double x);

#endif
