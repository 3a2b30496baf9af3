/*
 * test_round.c: largest-remainder rounding keeps every total exactly, respects lower
 * bounds, and breaks ties by index.
 */
#include <stdlib.h>

#include "check.h"
#include "round.h"

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static double uniform(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (double)(rng_state >> 11) / 9007199254740992.0;
}

int main(void)
{
    int64_t out[8];
    double thirds[3] = {1.0 / 3, 1.0 / 3, 1.0 / 3};
    CHECK(fs_round_to_total(thirds, 3, 1, NULL, out) == 0);
    CHECK_I64(out[0], 1); /* tie: lowest index first */
    CHECK_I64(out[1], 0);
    CHECK_I64(out[2], 0);

    double x[4] = {10.6, 20.3, 5.1, 4.0};
    CHECK(fs_round_to_total(x, 4, 40, NULL, out) == 0);
    CHECK_I64(out[0], 11);
    CHECK_I64(out[1], 20);
    CHECK_I64(out[2], 5);
    CHECK_I64(out[3], 4);

    /* Overshoot: floors add up to more than the total, smallest fractions go down first. */
    double y[3] = {3.9, 3.1, 3.5};
    CHECK(fs_round_to_total(y, 3, 8, NULL, out) == 0);
    CHECK_I64(out[0] + out[1] + out[2], 8);
    CHECK_I64(out[0], 3);
    CHECK_I64(out[1], 2);
    CHECK_I64(out[2], 3);

    /* Lower bounds hold even when the total forces units down. */
    double z[3] = {0.2, 5.0, 0.0};
    int64_t lower[3] = {0, 0, 0};
    CHECK(fs_round_to_total(z, 3, 3, lower, out) == 0);
    CHECK_I64(out[0] + out[1] + out[2], 3);
    CHECK(out[0] >= 0 && out[2] >= 0);
    CHECK(fs_round_to_total(z, 3, -1, lower, out) == -1);

    /* Solver noise just below an integer is that integer. */
    double w[2] = {2.9999999999999, 1.0000000000001};
    CHECK(fs_round_to_total(w, 2, 4, NULL, out) == 0);
    CHECK_I64(out[0], 3);
    CHECK_I64(out[1], 1);

    /* 100k random cases: totals are met and every item is within 1 of its real value. */
    int bad = 0;
    for (int trial = 0; trial < 100000; trial++) {
        size_t n = 1 + (size_t)(uniform() * 8);
        double v[8], sum = 0;
        for (size_t i = 0; i < n; i++) sum += v[i] = uniform() * 1e6;
        int64_t total = (int64_t)llround(sum);
        if (fs_round_to_total(v, n, total, NULL, out) != 0) bad++;
        int64_t s = 0;
        for (size_t i = 0; i < n; i++) {
            s += out[i];
            if (fabs((double)out[i] - v[i]) >= 1.0 + 1e-6) bad++;
        }
        if (s != total) bad++;
    }
    CHECK_I64(bad, 0);
    return check_report("test_round");
}
