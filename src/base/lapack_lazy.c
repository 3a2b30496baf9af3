/*
 * lapack_lazy.c: LAPACKE opened with dlopen on first use (see lapack_lazy.h).
 */
#include "lapack_lazy.h"

#include <dlfcn.h>
#include <stdbool.h>
#include <stdlib.h>

const lapack_api *lapack_get(void)
{
    static lapack_api api;
    static bool tried;
    static const lapack_api *loaded;
    if (tried) return loaded;
    tried = true;
    /* OpenBLAS starts its threads when it loads, as many as OPENBLAS_NUM_THREADS says:
     * one, for matrices this small and for forked sweep workers. The variable is set for
     * the load only, unless the program set it; the environment is then as it was. */
    bool own_setting = getenv("OPENBLAS_NUM_THREADS") == NULL;
    if (own_setting) setenv("OPENBLAS_NUM_THREADS", "1", 0);
    void *h = dlopen("liblapacke.so.3", RTLD_NOW | RTLD_LOCAL);
    if (!h) h = dlopen("liblapacke.so", RTLD_NOW | RTLD_LOCAL);
    if (own_setting) unsetenv("OPENBLAS_NUM_THREADS");
    if (!h) return NULL;
    /* POSIX guarantees that a data pointer from dlsym converts to a function pointer. */
    *(void **)&api.dgels = dlsym(h, "LAPACKE_dgels");
    *(void **)&api.dpotrf = dlsym(h, "LAPACKE_dpotrf");
    if (!api.dgels || !api.dpotrf) {
        dlclose(h);
        return NULL;
    }
    loaded = &api;
    return loaded;
}
