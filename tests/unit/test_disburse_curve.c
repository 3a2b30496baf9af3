/*
 * test_disburse_curve.c: the disbursement curve's pieces. The gradients of shares in
 * θ agree with central differences at every kind of point (before the rush, inside it,
 * at the deadline); the quadrature over capacities gives the exact sum over entities;
 * the built-in Tết dates are the published ones, and moving a date by whole years keeps
 * its month and day (29 February becomes 28 February).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "disburse_curve.h"
#include "calendar.h"

enum { UNITS = 40 };

/* A spec with the built-in seasonality (as scenario_disburse.c sets it) and 2026's Tết. */
static void make_spec(fs_disburse_spec *s, int32_t *tet)
{
    memset(s, 0, sizeof *s);
    static const double months[13] = {0.838, 0.766, 0.730, 0.943, 1.044, 1.176, 0.907,
                                      0.820, 1.044, 0.901, 0.982, 0.883, 1.967};
    memcpy(s->month_weight, months, sizeof months);
    tet[0] = fs_tet_date(2026), tet[1] = fs_tet_date(2027);
    s->tet = tet, s->tet_count = 2, s->tet_days = 14, s->tet_factor = 0.3;
    s->rush_from = 25, s->rush_factor = 11.64;
}

/* The city (entity 0) and UNITS units of distinct capacities, their base tranches and
 * a tranche of capital added on 15 October (deadline a year later). */
static void make_set(const fs_disburse_spec *s, curve_set *set, double *capacity)
{
    memset(set, 0, sizeof *set);
    CHECK(curve_year_init(&set->year, s, 2026) == 0);
    set->tranches = calloc(1 + 2 * UNITS, sizeof *set->tranches);
    int32_t jan1 = fs_days_from_civil(2026, 1, 1), jan31 = fs_days_from_civil(2027, 1, 31);
    int32_t oct15 = fs_days_from_civil(2026, 10, 15), dec31 = fs_days_from_civil(2027, 12, 31);
    capacity[0] = 1;
    set->tranches[set->tranche_count++] = (curve_tranche){0, 5000, jan1, jan31};
    for (int u = 1; u <= UNITS; u++) {
        capacity[u] = 0.55 + 0.45 * (double)((u * 37) % UNITS) / UNITS;
        set->tranches[set->tranche_count++] = (curve_tranche){u, 10.0 + (u * 13) % 29, jan1, jan31};
        set->tranches[set->tranche_count++] = (curve_tranche){u, 3.0 + u % 5, oct15, dec31};
    }
    CHECK(curve_set_mix(set, capacity) == 0);
}

static void check_gradients(const curve_set *set)
{
    static const int dates[][3] = {{2026, 3, 31}, {2026, 8, 31}, {2026, 12, 24}, {2026, 12, 28},
                                   {2026, 12, 31}, {2027, 1, 15}, {2027, 1, 31}, {2027, 6, 30}};
    enum { N = sizeof dates / sizeof *dates };
    int32_t date[3 * N];
    fs_plan_part plan[3 * N];
    double share[3 * N];
    for (int k = 0; k < 3 * N; k++) {
        date[k] = fs_days_from_civil(dates[k / 3][0], dates[k / 3][1], dates[k / 3][2]);
        plan[k] = (fs_plan_part)(k % 3);
        share[k] = 0.5;
    }
    curve_points p;
    CHECK(curve_points_init(&p, set, date, plan, share, 3 * N) == 0);
    const double theta[CURVE_PARAMS] = {0.2, -0.1, 2.5, 1.8, 0.4};
    double model[3 * N], grad[3 * N * CURVE_PARAMS];
    curve_points_eval(&p, theta, model, grad);
    for (int j = 0; j < CURVE_PARAMS; j++) {
        double up[CURVE_PARAMS], down[CURVE_PARAMS], m_up[3 * N], m_down[3 * N], h = 1e-6;
        memcpy(up, theta, sizeof up), memcpy(down, theta, sizeof down);
        up[j] += h, down[j] -= h;
        curve_points_eval(&p, up, m_up, NULL);
        curve_points_eval(&p, down, m_down, NULL);
        for (int k = 0; k < 3 * N; k++) CHECK_NEAR(grad[k * CURVE_PARAMS + j], (m_up[k] - m_down[k]) / (2 * h), 1e-7);
    }
    /* The daily shares (curve_part_shares) are the points' shares. */
    for (int k = 0; k < 3 * N; k++) {
        double s[FS_PLAN_PART_COUNT], g[FS_PLAN_PART_COUNT][CURVE_PARAMS];
        curve_part_shares(set, date[k], theta, s, g);
        CHECK_NEAR(s[plan[k]], model[k], 1e-13);
        for (int j = 0; j < CURVE_PARAMS; j++) CHECK_NEAR(g[plan[k]][j], grad[k * CURVE_PARAMS + j], 1e-13);
    }
    curve_points_free(&p);
}

/* Every part's share by quadrature against the sum over the entities' tranches. */
static void check_quadrature(const curve_set *set, const double *capacity)
{
    curve_model cm = {capacity, 1 + UNITS, (curve_set *)set, 1};
    const double theta[CURVE_PARAMS] = {0.3, 0.25, 3.0, 2.2, -0.3};
    for (int32_t day = fs_days_from_civil(2026, 1, 1); day <= fs_days_from_civil(2027, 12, 31); day += 7) {
        double num[2] = {0, 0}, den[2] = {0, 0}, share[FS_PLAN_PART_COUNT];
        for (size_t k = 0; k < set->tranche_count; k++) {
            const curve_tranche *tr = &set->tranches[k];
            if (tr->start > day) continue;
            int part = tr->entity == 0 ? 0 : 1;
            num[part] += tr->amount * curve_tranche_share(&cm, set, tr, day, theta, NULL);
            den[part] += tr->amount;
        }
        curve_part_shares(set, day, theta, share, NULL);
        CHECK_NEAR(share[FS_PLAN_LOWER], num[1] / den[1], 1e-10);
        CHECK_NEAR(share[FS_PLAN_WHOLE], (num[0] + num[1]) / (den[0] + den[1]), 1e-10);
    }
}

/* 2007 and 2030 are years where Vietnam's Tết is a day before China's: the new moon
 * falls before midnight at UTC+7 and after it at UTC+8 (2 February 2030, 23:07 in Hà
 * Nội). */
static void check_calendar(void)
{
    static const int known[][3] = {{2007, 2, 17}, {2020, 1, 25}, {2024, 2, 10}, {2025, 1, 29}, {2026, 2, 17},
                                   {2027, 2, 6}, {2030, 2, 2}};
    for (size_t k = 0; k < sizeof known / sizeof *known; k++)
        CHECK_I64(fs_tet_date(known[k][0]), fs_days_from_civil(known[k][0], known[k][1], known[k][2]));
    CHECK_I64(fs_tet_date(1969), -1);
    CHECK_I64(fs_tet_date(2101), -1);
    CHECK_I64(fs_tet_date(1985), fs_days_from_civil(1985, 1, 21)); /* a month before China's */
    CHECK_I64(fs_date_shift_years(fs_days_from_civil(2024, 2, 29), 1), fs_days_from_civil(2025, 2, 28));
    CHECK_I64(fs_date_shift_years(fs_days_from_civil(2026, 5, 20), -3), fs_days_from_civil(2023, 5, 20));
}

int main(void)
{
    fs_disburse_spec spec;
    int32_t tet[2];
    make_spec(&spec, tet);
    curve_set set;
    double capacity[1 + UNITS];
    make_set(&spec, &set, capacity);
    CHECK(set.mix_count == 3); /* the city's base; the units' base; the units' added capital */
    check_gradients(&set);
    check_quadrature(&set, capacity);
    check_calendar();
    curve_set_free(&set);
    return check_report("test_disburse_curve");
}
