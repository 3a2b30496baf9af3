/*
 * cholesky.c: the Cholesky factor (see cholesky.h), by the Cholesky–Crout loop. The
 * matrices are small (5 × 5 for a forecast, a sweep's parameters at most 64): a plain
 * loop costs a tenth of a general library call at these sizes, needs no library, and
 * gives the same bits on every machine.
 */
#include "cholesky.h"

#include <math.h>

int fs_cholesky(double *a, size_t n)
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
