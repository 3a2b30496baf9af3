/*
 * sweep_correlate.h (private): rank correlation between a sweep's inputs (Iman–Conover).
 */
#ifndef FISCALSIM_SWEEP_CORRELATE_H
#define FISCALSIM_SWEEP_CORRELATE_H

#include <stddef.h>

#include "sweep.h"

/* Rearranges rows first_row..first_row+n-1 of the design x (rows × param_count) so that
 * the rank correlations approach s->correlations. Returns 0; -1 when the stated
 * correlations are not a valid correlation matrix (not positive definite); -3 on
 * memory. */
int sweep_correlate(const fs_sweep_spec *s, double *x, size_t n, size_t first_row);


#endif
