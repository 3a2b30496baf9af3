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

#include <lapacke.h>

typedef struct lapack_api {
    lapack_int (*dgels)(int layout, char trans, lapack_int m, lapack_int n, lapack_int nrhs, double *a,
                        lapack_int lda, double *b, lapack_int ldb);
} lapack_api;

/* The loaded functions, or NULL when liblapacke.so.3 cannot be opened (Debian package
 * liblapacke). Loaded once per process, whichever thread asks first. */
const lapack_api *lapack_get(void);

#endif
