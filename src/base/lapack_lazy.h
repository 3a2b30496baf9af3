/*
 * lapack_lazy.h (private): LAPACKE, loaded on first use.
 *
 * Linking OpenBLAS into the program costs every run about 6 ms at start (its loader
 * and thread pool), most of a whole allocation run; only sweeps need it (the
 * sensitivity regression over the sample). It is opened with dlopen
 * the first time it is needed, single-threaded (OPENBLAS_NUM_THREADS=1 unless the
 * environment sets it): a sweep's workers are processes already.
 */
#ifndef FISCALSIM_LAPACK_LAZY_H
#define FISCALSIM_LAPACK_LAZY_H

#include <stdbool.h>
#include <stddef.h>

/* Whether LAPACKE can be used (liblapacke.so.3, Debian package liblapacke): loaded
 * once per process, whichever thread asks first. */
bool lapack_available(void);

/* Least squares: replaces the first `cols` entries of b (m values) with the x that
 * minimises |A x - b|, A the m × cols row-major matrix a (overwritten); LAPACKE's dgels.
 * Returns 0; -1 when A has not full rank or dgels fails; -2 when LAPACKE is missing. */
int lapack_least_squares(double *a, size_t m, size_t cols, double *b);

#endif
