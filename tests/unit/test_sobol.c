/*
 * test_sobol.c: the Sobol estimators on the Ishigami function (a = 7, b = 0.1, inputs
 * uniform on [−π, π]), whose indices are known in closed form: first order 0.3139,
 * 0.4424, 0; total 0.5576, 0.4424, 0.2437. The estimates must be within 0.02 and the
 * bootstrap intervals must hold the true values. Also: failed evaluations are left out.
 */
#include <stdlib.h>

static const double pi = 3.14159265358979323846;

#include "check.h"
#include "sobol.h"

static double ishigami(const double *x)
{
    return sin(x[0]) + 7 * sin(x[1]) * sin(x[1]) + 0.1 * pow(x[2], 4) * sin(x[0]);
}

static uint64_t state = 12345;

static double uniform_pi(void)
{
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return ((double)(z >> 11) / 9007199254740992.0) * 2 * pi - pi;
}

int main(void)
{
    enum { N = 20000, P = 3 };
    static double a[N][P], b[N][P], y[N * (P + 2)];
    static bool ok[N * (P + 2)];
    for (size_t r = 0; r < N; r++)
        for (size_t j = 0; j < P; j++) a[r][j] = uniform_pi(), b[r][j] = uniform_pi();
    for (size_t r = 0; r < N; r++) {
        y[r] = ishigami(a[r]);
        y[N + r] = ishigami(b[r]);
        for (size_t i = 0; i < P; i++) {
            double x[P] = {a[r][0], a[r][1], a[r][2]};
            x[i] = b[r][i];
            y[(2 + i) * N + r] = ishigami(x);
        }
    }
    for (size_t k = 0; k < N * (P + 2); k++) ok[k] = true;
    fs_sobol_index idx[P];
    CHECK(fs_sobol_indices(y, ok, N, P, 200, 7, idx) == 0);
    const double s1[P] = {0.3139, 0.4424, 0.0}, st[P] = {0.5576, 0.4424, 0.2437};
    for (size_t i = 0; i < P; i++) {
        CHECK_NEAR(idx[i].s1, s1[i], 0.02);
        CHECK_NEAR(idx[i].st, st[i], 0.02);
        CHECK(idx[i].s1_lo <= s1[i] + 0.005 && s1[i] - 0.005 <= idx[i].s1_hi);
        CHECK(idx[i].st_lo <= st[i] + 0.005 && st[i] - 0.005 <= idx[i].st_hi);
        CHECK_I64((int64_t)idx[i].rows, N);
    }
    /* A failed evaluation drops its base row from that parameter's index only. */
    ok[(2 + 1) * N + 5] = false;
    CHECK(fs_sobol_indices(y, ok, N, P, 0, 7, idx) == 0);
    CHECK_I64((int64_t)idx[0].rows, N);
    CHECK_I64((int64_t)idx[1].rows, N - 1);
    return check_report("test_sobol");
}
