/*
 * test_decimal_format.c: the table writer's number formats give printf's text to the
 * byte: exact ties (halves in the 7th decimal that a double holds exactly), values
 * next to them, signs and zeros, tiny and huge magnitudes, non-finite values, and two
 * million random doubles over every magnitude.
 */
#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "decimal_format.h"

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint64_t next_bits(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static int mismatches;

static void same_as_printf(double v)
{
    char mine[DECIMAL_FORMAT_MAX], theirs[DECIMAL_FORMAT_MAX];
    size_t n = decimal_fixed6(v, mine);
    snprintf(theirs, sizeof theirs, "%.6f", v);
    if (strcmp(mine, theirs) != 0 || n != strlen(theirs)) {
        if (mismatches++ < 10) fprintf(stderr, "%a: got %s, printf gives %s\n", v, mine, theirs);
    }
}

static void same_int_as_printf(int64_t v)
{
    char mine[21], theirs[32];
    size_t n = decimal_int64(v, mine);
    snprintf(theirs, sizeof theirs, "%" PRId64, v);
    if (strcmp(mine, theirs) != 0 || n != strlen(theirs)) {
        if (mismatches++ < 10) fprintf(stderr, "%" PRId64 ": got %s\n", v, mine);
    }
}

int main(void)
{
    char out[DECIMAL_FORMAT_MAX];
    /* Known texts, ties to even included: 2^-7 = 0.0078125, 3·2^-7 = 0.0234375. */
    decimal_fixed6(0.0078125, out);
    CHECK(strcmp(out, "0.007812") == 0);
    decimal_fixed6(0.0234375, out);
    CHECK(strcmp(out, "0.023438") == 0);
    decimal_fixed6(-0.0, out);
    CHECK(strcmp(out, "-0.000000") == 0);
    decimal_fixed6(-1e-9, out);
    CHECK(strcmp(out, "-0.000000") == 0);
    decimal_fixed6(1234567.5, out);
    CHECK(strcmp(out, "1234567.500000") == 0);

    double fixed[] = {0.0, 1.0, -1.0, 0.5, 0.1, 0.9999995, 0.99999949999, 1e-7, 5e-7, 4.9999999e-7,
                      DBL_MIN, DBL_TRUE_MIN, DBL_MAX, -DBL_MAX, 8.999999999999e12, 9.0e12, 1e15,
                      INFINITY, -INFINITY, NAN, 123456789.123456789, 0.975, 0.285, 0.307};
    for (size_t k = 0; k < sizeof fixed / sizeof *fixed; k++) same_as_printf(fixed[k]);

    /* Every exact tie k/2^7 .. k/2^20 near 0..10, and its neighbours. */
    for (int p = 7; p <= 20; p++)
        for (int k = -3000; k <= 3000; k++) {
            double v = ldexp((double)k, -p) + (double)(k % 11);
            same_as_printf(v);
            same_as_printf(nextafter(v, INFINITY));
            same_as_printf(nextafter(v, -INFINITY));
        }

    /* Random magnitudes 10^-12 .. 10^14 and random bit patterns. */
    for (int k = 0; k < 1000000; k++) {
        double u = (double)(next_bits() >> 11) / 9007199254740992.0;
        double v = pow(10.0, -12.0 + 26.0 * u) * ((next_bits() & 1) ? -1 : 1);
        same_as_printf(v);
        uint64_t bits = next_bits();
        memcpy(&v, &bits, sizeof v);
        same_as_printf(v);
    }
    CHECK(mismatches == 0);

    int64_t ints[] = {0, 1, -1, 9, 10, -10, 1234567890123LL, INT64_MAX, INT64_MIN, INT64_MIN + 1};
    for (size_t k = 0; k < sizeof ints / sizeof *ints; k++) same_int_as_printf(ints[k]);
    for (int k = 0; k < 100000; k++) same_int_as_printf((int64_t)next_bits() >> (next_bits() % 63));
    CHECK(mismatches == 0);
    return check_report("decimal_format");
}
