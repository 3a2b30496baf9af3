/*
 * test_disburse_prior.c: the history's prior and the bands, on synthetic years drawn
 * from known parameters plus noise (disburse_prior.h). Checked:
 *   - the estimated means, spread and noise come back within tolerance, and a year
 *     with many points is recovered by its posterior;
 *   - with no points of its own a year's posterior is its prior, exactly;
 *   - over 1,000 seeds (ten history years and one held-out year each, its points up to
 *     31 August known), the 90% band holds between 85% and 95% of the later points;
 *   - the band never collapses: a share near 1 still has a band of positive width.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "disburse_prior.h"
#include "calendar.h"
#include "rng.h"

enum { P = CURVE_PARAMS, POINTS = 12, HISTORY = 10 };

/* splitmix64 and Box–Muller: reproducible normal draws. */
typedef struct rng {
    uint64_t s;
    bool has_spare;
    double spare;
} rng;

static double uniform(rng *g)
{
    return rng_uniform(&g->s);
}

static double normal(rng *g)
{
    if (g->has_spare) {
        g->has_spare = false;
        return g->spare;
    }
    const double two_pi = 6.283185307179586;
    double u = uniform(g), v = uniform(g), r = sqrt(-2 * log(u));
    g->spare = r * sin(two_pi * v);
    g->has_spare = true;
    return r * cos(two_pi * v);
}

/* The built-in seasonality (scenario_disburse.c) and the Tết dates of 2000 to 2061. */
static void make_spec(fs_disburse_spec *s, int32_t *tet)
{
    memset(s, 0, sizeof *s);
    static const double months[13] = {0.838, 0.766, 0.730, 0.943, 1.044, 1.176, 0.907,
                                      0.820, 1.044, 0.901, 0.982, 0.883, 1.967};
    memcpy(s->month_weight, months, sizeof months);
    for (int y = 2000; y <= 2060; y++) tet[s->tet_count++] = fs_tet_date(y);
    s->tet = tet, s->tet_days = 14, s->tet_factor = 0.3;
    s->rush_from = 25, s->rush_factor = 11.64;
}

/* One plan year of a single whole plan (the city's part, capacity 1): its set. */
static void make_set(const fs_disburse_spec *s, int year, curve_set *set)
{
    memset(set, 0, sizeof *set);
    CHECK(curve_year_init(&set->year, s, year) == 0);
    set->mixes = calloc(1, sizeof *set->mixes);
    int32_t jan1 = fs_days_from_civil(year, 1, 1);
    set->mixes[0] = (curve_mix){0, jan1, fs_days_from_civil(year + 1, 1, 31), 1, 1, {1}, {1}};
    set->mix_count = 1;
}

/* The truth the years are drawn from: levels (a, b, r) and the noise of a figure. */
static const double true_level[3] = {0.1, 2.6, 0.2}, true_sd[3] = {0.15, 0.4, 0.3}, true_sigma = 0.015;

/* A synthetic year: θ drawn from the truth, shares at the month ends from February to
 * December and on 31 January next, plus noise. theta receives the year's θ. */
typedef struct year_data {
    curve_set set;
    int32_t date[POINTS];
    fs_plan_part plan[POINTS];
    double share[POINTS], theta[P];
    prior_year py;
} year_data;

static void draw_year(rng *g, const fs_disburse_spec *s, int year, year_data *y)
{
    make_set(s, year, &y->set);
    for (int k = 0; k < POINTS; k++) {
        y->date[k] = k < 11 ? fs_month_end(fs_days_from_civil(year, k + 2, 1)) : fs_days_from_civil(year + 1, 1, 31);
        y->plan[k] = FS_PLAN_WHOLE;
    }
    double a = true_level[0] + true_sd[0] * normal(g), b = true_level[1] + true_sd[1] * normal(g);
    double r = true_level[2] + true_sd[2] * normal(g);
    const double theta[P] = {a, a, b, b, r};
    memcpy(y->theta, theta, sizeof theta);
    curve_points p;
    double zero[POINTS] = {0};
    CHECK(curve_points_init(&p, &y->set, y->date, y->plan, zero, POINTS) == 0);
    curve_points_eval(&p, theta, y->share, NULL);
    curve_points_free(&p);
    for (int k = 0; k < POINTS; k++) y->share[k] = fmin(1, fmax(0, y->share[k] + true_sigma * normal(g)));
    memset(&y->py, 0, sizeof y->py);
    y->py.year = year;
    y->py.date = y->date;
    CHECK(curve_points_init(&y->py.points, &y->set, y->date, y->plan, y->share, POINTS) == 0);
}

static void free_year(year_data *y)
{
    curve_points_free(&y->py.points);
    curve_set_free(&y->set);
}

/* The engine's defaults (scenario_disburse.c, disburse_model.c). */
static void default_settings(prior_settings *s)
{
    memset(s, 0, sizeof *s);
    s->level[1] = log(0.95 / 0.05);
    s->level_cov[0] = 0.3 * 0.3, s->level_cov[4] = 1.0, s->level_cov[8] = 0.5 * 0.5;
    s->parts_var[0] = 0.2 * 0.2, s->parts_var[1] = 0.6 * 0.6;
    s->years = 2, s->sigma = 0.02, s->sigma_points = 4, s->series_weight = 1;
}

static void check_recovery(const fs_disburse_spec *spec)
{
    enum { N = 40 };
    rng g = {.s = 42};
    year_data *y = calloc(N, sizeof *y);
    prior_year *ptr[N];
    for (int j = 0; j < N; j++) {
        draw_year(&g, spec, 2000 + j % 55, &y[j]);
        ptr[j] = &y[j].py;
    }
    prior_settings s;
    default_settings(&s);
    prior_hyper h;
    CHECK(prior_estimate(ptr, N, 1, &s, &h) == 0);
    CHECK_NEAR(h.level[0], true_level[0], 0.06);
    CHECK_NEAR(h.level[1], true_level[1], 0.2);
    CHECK_NEAR(h.level[2], true_level[2], 0.15);
    CHECK_NEAR(sqrt(h.level_cov[0]), true_sd[0], 0.06);
    CHECK_NEAR(sqrt(h.level_cov[4]), true_sd[1], 0.15);
    CHECK_NEAR(h.sigma, true_sigma, 0.004);
    /* Each year's posterior (twelve points) comes back within a few of its standard
     * deviations; the first year is printed as a sample. */
    size_t close = 0;
    for (int j = 0; j < N; j++) {
        const curve_posterior *q = &y[j].py.post;
        bool ok = true;
        for (int i = 0; i < P; i++)
            if (i == THETA_A_CITY || i == THETA_B_CITY)
                ok &= fabs(q->theta[i] - y[j].theta[i]) <= 3 * sqrt(q->cov[i * (P + 1)]);
        close += ok;
    }
    CHECK(close >= N - 2);
    /* No points: the posterior is the prior, to the bit. */
    curve_gauss prior;
    CHECK(prior_of(&h, 0, &prior) == 0);
    curve_points none = curve_points_view(&y[0].py.points, 0, 0);
    curve_posterior post;
    CHECK(curve_fit(&none, &prior, h.sigma, NULL, 0, &post, NULL, NULL) == 0);
    CHECK(memcmp(post.theta, prior.mean, sizeof post.theta) == 0);
    CHECK(memcmp(post.cov, prior.cov, sizeof post.cov) == 0);
    prior_hyper_free(&h);
    for (int j = 0; j < N; j++) free_year(&y[j]);
    free(y);
}

/* Over 1,000 seeds: ten history years and a held-out one, known up to 31 August. */
static void check_coverage(const fs_disburse_spec *spec)
{
    size_t inside = 0, count = 0;
    double narrowest = 1;
    for (uint64_t seed = 1; seed <= 1000; seed++) {
        rng g = {.s = seed * 7919};
        year_data y[HISTORY + 1];
        prior_year *ptr[HISTORY];
        for (int j = 0; j <= HISTORY; j++) draw_year(&g, spec, 2010 + j, &y[j]);
        for (int j = 0; j < HISTORY; j++) ptr[j] = &y[j].py;
        prior_settings s;
        default_settings(&s);
        prior_hyper h;
        CHECK(prior_estimate(ptr, HISTORY, 1, &s, &h) == 0);
        int32_t cutoff[HISTORY];
        for (int j = 0; j < HISTORY; j++) cutoff[j] = fs_days_from_civil(y[j].py.year, 8, 31);
        size_t held;
        double k = prior_band_scale(ptr, HISTORY, &h, cutoff, &held);
        CHECK(k >= 1);
        prior_year *t = &y[HISTORY].py;
        size_t m = prior_points_until(t, fs_days_from_civil(t->year, 8, 31));
        curve_gauss prior;
        CHECK(prior_of(&h, 0, &prior) == 0);
        curve_points known = curve_points_view(&t->points, 0, m), later = curve_points_view(&t->points, m, POINTS);
        curve_posterior post;
        CHECK(curve_fit(&known, &prior, h.sigma, NULL, 0, &post, NULL, NULL) == 0);
        double model[POINTS], grad[POINTS * P];
        curve_points_eval(&later, post.theta, model, grad);
        for (size_t i = 0; i < later.n; i++) {
            double half = 1.645 * k * curve_predictive_sd(post.cov, grad + i * P, h.sigma);
            double lo = fmax(0, model[i] - half), hi = fmin(1, model[i] + half);
            inside += later.share[i] >= lo && later.share[i] <= hi;
            narrowest = fmin(narrowest, hi - lo);
            count++;
        }
        prior_hyper_free(&h);
        for (int j = 0; j <= HISTORY; j++) free_year(&y[j]);
    }
    double share = (double)inside / (double)count;
    printf("test_disburse_prior: the 90%% band held %zu of %zu later points (%.1f%%); narrowest %.4f\n", inside, count,
           100 * share, narrowest);
    CHECK(share >= 0.85 && share <= 0.95);
    CHECK(narrowest > 0.01);
}

int main(void)
{
    fs_disburse_spec spec;
    int32_t tet[61];
    make_spec(&spec, tet);
    check_recovery(&spec);
    check_coverage(&spec);
    return check_report("test_disburse_prior");
}
