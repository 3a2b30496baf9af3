/*
 * check.h: a minimal test harness. Failed checks are counted and reported with
 * file:line; the test program exits non-zero when any failed. No check hides a return.
 */
#ifndef FISCALSIM_TEST_CHECK_H
#define FISCALSIM_TEST_CHECK_H

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static int check_failures;
static int check_count;

#define CHECK(cond)                                                                   \
    do {                                                                              \
        check_count++;                                                                \
        if (!(cond)) {                                                                \
            check_failures++;                                                         \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                             \
    } while (0)

#define CHECK_I64(got, want)                                                                              \
    do {                                                                                                  \
        int64_t g_ = (got), w_ = (want);                                                                  \
        check_count++;                                                                                    \
        if (g_ != w_) {                                                                                   \
            check_failures++;                                                                             \
            fprintf(stderr, "%s:%d: %s = %" PRId64 ", want %" PRId64 "\n", __FILE__, __LINE__, #got, g_, w_); \
        }                                                                                                 \
    } while (0)

#define CHECK_NEAR(got, want, tol)                                                                     \
    do {                                                                                               \
        double g_ = (got), w_ = (want);                                                                \
        check_count++;                                                                                 \
        if (!(fabs(g_ - w_) <= (tol))) {                                                               \
            check_failures++;                                                                          \
            fprintf(stderr, "%s:%d: %s = %.12g, want %.12g (tol %g)\n", __FILE__, __LINE__, #got, g_, w_, \
                    (double)(tol));                                                                    \
        }                                                                                              \
    } while (0)

#define CHECK_STR(got, want)                                                                   \
    do {                                                                                       \
        const char *g_ = (got), *w_ = (want);                                                  \
        check_count++;                                                                         \
        if (strcmp(g_, w_) != 0) {                                                             \
            check_failures++;                                                                  \
            fprintf(stderr, "%s:%d: %s = \"%s\", want \"%s\"\n", __FILE__, __LINE__, #got, g_, w_); \
        }                                                                                      \
    } while (0)

static int check_report(const char *name)
{
    printf("%s: %d checks, %d failed\n", name, check_count, check_failures);
    return check_failures ? 1 : 0;
}

#endif
