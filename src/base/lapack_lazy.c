/*
 * lapack_lazy.c: LAPACKE opened with dlopen on first use (see lapack_lazy.h).
 */
#include "lapack_lazy.h"

#include <lapacke.h>

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

typedef struct lapack_api {
    lapack_int (*dgels)(int layout, char trans, lapack_int m, lapack_int n, lapack_int nrhs, double *a,
                        lapack_int lda, double *b, lapack_int ldb);
} lapack_api;

static lapack_api api;
static const lapack_api *loaded;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
    /* OpenBLAS starts its threads when it loads, as many as OPENBLAS_NUM_THREADS says:
     * one, for matrices this small and for forked sweep workers. The variable is set for
     * the load only, unless the program set it; the environment is then as it was. */
    bool own_setting = getenv("OPENBLAS_NUM_THREADS") == NULL;
    if (own_setting) setenv("OPENBLAS_NUM_THREADS", "1", 0);
    void *h = dlopen("liblapacke.so.3", RTLD_NOW | RTLD_LOCAL);
    if (!h) h = dlopen("liblapacke.so", RTLD_NOW | RTLD_LOCAL);
    if (own_setting) unsetenv("OPENBLAS_NUM_THREADS");
    if (!h) return;
    /* POSIX guarantees that a data pointer from dlsym converts to a function pointer. */
    *(void **)&api.dgels = dlsym(h, "LAPACKE_dgels");
    if (!api.dgels) {
        dlclose(h);
        return;
    }
    loaded = &api;
}

static const lapack_api *lapack_get(void)
{
    pthread_once(&once, load);
    return loaded;
}

bool lapack_available(void)
{
    return lapack_get() != NULL;
}

int lapack_least_squares(double *a, size_t m, size_t cols, double *b)
{
    const lapack_api *la = lapack_get();
    if (!la) return -2;
    return la->dgels(LAPACK_ROW_MAJOR, 'N', (lapack_int)m, (lapack_int)cols, 1, a, (lapack_int)cols, b, 1) == 0 ? 0
                                                                                                              : -1;
}
