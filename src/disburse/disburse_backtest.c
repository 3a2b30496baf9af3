/*
 * disburse_backtest.c: leave-one-year-out forecasts of the observed points, with the
 * two naive forecasts beside them (see backtest.h).
 */
#include "backtest.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "disburse_model.h"

enum { P = CURVE_PARAMS };

void fs_backtest_result_free(fs_backtest_result *b)
{
    if (!b) return;
    free(b->cutoffs), free(b->rows), free(b->curve), free(b->band_scale);
    free(b);
}

int32_t fs_cutoff_date(fs_cutoff c, int year)
{
    int32_t first = fs_days_from_civil(year, c.month, 1), last = fs_month_end(first);
    return first + c.day - 1 <= last ? first + c.day - 1 : last;
}

/* ---- Naive forecasts ------------------------------------------------------------- */

/* The point of plan `plan` of year `year` of `series` on day `date`, or NAN. */
static double point_on(const disburse_years *y, int series, int year, fs_plan_part plan, int32_t date)
{
    for (size_t j = 0; j < y->count; j++) {
        const prior_year *py = &y->years[j];
        if (py->series != series || py->year != year) continue;
        for (size_t k = 0; k < py->points.n; k++)
            if (py->date[k] == date && py->points.plan[k] == plan) return py->points.share[k];
    }
    return NAN;
}

/* Year j's share of `plan` on day `date` of plan year `year`, by straight lines through
 * its points moved to that year's calendar (and 0 on 1 January); NAN outside them. */
static double interpolated(const prior_year *py, fs_plan_part plan, int year, int32_t date)
{
    int32_t t0 = fs_days_from_civil(year, 1, 1) - 1;
    double s0 = 0;
    for (size_t k = 0; k < py->points.n; k++) {
        if (py->points.plan[k] != plan) continue;
        int32_t t = fs_date_shift_years(py->date[k], year - py->year);
        double s = py->points.share[k];
        if (t >= date) return t == t0 ? s : s0 + (s - s0) * (double)(date - t0) / (double)(t - t0);
        t0 = t, s0 = s;
    }
    return date == t0 ? s0 : NAN;
}

/* The mean over the series' other years covering both days of their interpolated
 * shares at `date`, scaled by this year's last known share over the mean at its day
 * (`last_date`; no scaling without a known share). NAN when no year covers them. */
static double mean_curve(const disburse_years *y, const prior_year *target, fs_plan_part plan, int32_t date,
                         int32_t last_date, double last_share)
{
    double at = 0, at_last = 0;
    size_t count = 0;
    for (size_t j = 0; j < y->count; j++) {
        const prior_year *py = &y->years[j];
        if (py->series != target->series || py->year == target->year) continue;
        double a = interpolated(py, plan, target->year, date);
        double b = isnan(last_share) ? 0 : interpolated(py, plan, target->year, last_date);
        if (isnan(a) || isnan(b)) continue;
        at += a, at_last += b;
        count++;
    }
    if (count == 0) return NAN;
    at /= (double)count, at_last /= (double)count;
    if (isnan(last_share) || at_last <= 0) return fmin(1, at);
    return fmin(1, at * last_share / at_last);
}

/* ---- One held-out year ------------------------------------------------------------ */

typedef struct backtest {
    const disburse_model *dm;
    const fs_disburse_spec *s;
    prior_settings settings;
    fs_backtest_result *b;
    prior_year **history;        /* scratch: the years kept */
    int32_t *cutoff_of;          /* scratch: each kept year's cutoff day */
    double *model, *grad;        /* scratch, for the most points of a year */
    size_t rows_cap, curve_cap;
} backtest;

static int push_row(backtest *t, const fs_backtest_row *row)
{
    fs_backtest_result *b = t->b;
    if (b->row_count == t->rows_cap) {
        size_t cap = t->rows_cap ? 2 * t->rows_cap : 256;
        fs_backtest_row *grown = realloc(b->rows, cap * sizeof *grown);
        if (!grown) return -1;
        b->rows = grown, t->rows_cap = cap;
    }
    b->rows[b->row_count++] = *row;
    return 0;
}

static int push_curve(backtest *t, const fs_backtest_curve_point *c)
{
    fs_backtest_result *b = t->b;
    if (b->curve_count == t->curve_cap) {
        size_t cap = t->curve_cap ? 2 * t->curve_cap : 1024;
        fs_backtest_curve_point *grown = realloc(b->curve, cap * sizeof *grown);
        if (!grown) return -1;
        b->curve = grown, t->curve_cap = cap;
    }
    b->curve[b->curve_count++] = *c;
    return 0;
}

/* The curve set of year j (the forecast year's is the model's). */
static const curve_set *set_of(const disburse_model *dm, size_t j)
{
    return (int)j == dm->years.forecast ? &dm->forecast : &dm->years.sets[j];
}

/* The forecast curve of year j from cutoff c (posterior post, band widening k, noise
 * sigma) for every plan the year has points of. */
static int curve_rows(backtest *t, size_t j, size_t c, const curve_posterior *post, double k, double sigma)
{
    const prior_year *py = &t->dm->years.years[j];
    bool has[FS_PLAN_PART_COUNT] = {false};
    for (size_t i = 0; i < py->points.n; i++) has[py->points.plan[i]] = true;
    int32_t first = fs_days_from_civil(py->year, 1, 1), last = fs_days_from_civil(py->year + 1, 1, 31);
    for (int32_t day = first; day <= last; day++) {
        int yy, mm, dd;
        fs_civil_from_days(day, &yy, &mm, &dd);
        if (dd != 1 && dd != 8 && dd != 15 && dd != 22 && day != fs_month_end(day)) continue;
        double share[FS_PLAN_PART_COUNT], grad[FS_PLAN_PART_COUNT][P];
        curve_part_shares(set_of(t->dm, j), day, post->theta, share, grad);
        for (int p = 0; p < FS_PLAN_PART_COUNT; p++) {
            if (!has[p]) continue;
            double half = t->s->band_z * k * curve_predictive_sd(post->cov, grad[p], sigma);
            fs_backtest_curve_point cp = {py->series, py->year, c, (fs_plan_part)p, day, share[p],
                                          fmax(0, share[p] - half), fmin(1, share[p] + half)};
            if (push_curve(t, &cp) != 0) return -1;
        }
    }
    return 0;
}

/* Held-out year j: the prior from the other plan years, then each cutoff. */
static int hold_out(backtest *t, size_t j)
{
    const disburse_years *y = &t->dm->years;
    prior_year *target = &y->years[j];
    size_t n = disburse_years_except(y, target->year, -1, t->history);
    prior_hyper h;
    if (prior_estimate(t->history, n, t->s->series_count, &t->settings, &h) != 0) return -1;
    int rc = -1;
    curve_gauss g;
    if (prior_of(&h, target->series, &g) != 0) goto done;
    for (size_t c = 0; c < t->b->cutoff_count; c++) {
        fs_cutoff cut = t->b->cutoffs[c];
        for (size_t i = 0; i < n; i++) t->cutoff_of[i] = fs_cutoff_date(cut, t->history[i]->year);
        size_t held = 0;
        double k = t->s->band_scale > 0 ? t->s->band_scale : prior_band_scale(t->history, n, &h, t->cutoff_of, &held);
        if (k < 0) goto done;
        t->b->band_scale[j * t->b->cutoff_count + c] = k;
        int32_t day = fs_cutoff_date(cut, target->year);
        size_t m = prior_points_until(target, day);
        curve_points known = curve_points_view(&target->points, 0, m);
        curve_points later = curve_points_view(&target->points, m, target->points.n);
        curve_posterior post;
        if (curve_fit(&known, &g, h.sigma, NULL, 0, &post, NULL, NULL) != 0) goto done;
        if (later.n > 0) curve_points_eval(&later, post.theta, t->model, t->grad);
        for (size_t i = 0; i < later.n; i++) {
            const fs_disburse_observation *o = y->obs[y->first[j] + m + i];
            double half = t->s->band_z * k * curve_predictive_sd(post.cov, t->grad + i * P, h.sigma);
            /* This year's last share of the same plan up to the cutoff, for the mean curve. */
            double last_share = NAN;
            int32_t last_date = 0;
            for (size_t q = 0; q < m; q++)
                if (target->points.plan[q] == later.plan[i]) last_share = target->points.share[q], last_date = target->date[q];
            fs_backtest_row row = {
                .series = target->series,
                .plan_year = target->year,
                .cutoff = c,
                .date = o->date,
                .plan = later.plan[i],
                .actual = later.share[i],
                .forecast = t->model[i],
                .lo = fmax(0, t->model[i] - half),
                .hi = fmin(1, t->model[i] + half),
                .naive_last_year = point_on(y, target->series, target->year - 1, later.plan[i],
                                            fs_date_shift_years(o->date, -1)),
                .naive_mean_curve = mean_curve(y, target, later.plan[i], o->date, last_date, last_share),
                .points_used = m,
                .obs = o,
            };
            if (push_row(t, &row) != 0) goto done;
        }
        if (curve_rows(t, j, c, &post, k, h.sigma) != 0) goto done;
    }
    rc = 0;
done:
    prior_hyper_free(&h);
    return rc;
}

fs_status fs_backtest_run(const fs_model *m, const fs_result *r, const fs_cutoff *cutoffs, size_t n,
                          fs_backtest_result **out, fs_diag *diag)
{
    *out = NULL;
    if (!m->disburse)
        return fs_diag_add(diag, FS_EINPUT, m->file, 0, "disbursement",
                           "the scenario has no disbursement section: there is nothing to backtest");
    if (m->disburse->obs_count == 0)
        return fs_diag_add(diag, FS_EINPUT, m->disburse->file, m->disburse->line, "disbursement.observed",
                           "no observed points: there is nothing to backtest");
    backtest t = {.s = m->disburse};
    disburse_model dm;
    fs_status st = disburse_model_build(m, r, &dm, diag);
    t.dm = &dm;
    fs_backtest_result *b = t.b = calloc(1, sizeof *b);
    size_t years = dm.years.count, most = 1;
    for (size_t j = 0; j < years; j++)
        if (dm.years.years[j].points.n > most) most = dm.years.years[j].points.n;
    if (st != FS_OK) goto fail;
    if (!b || disburse_prior_settings(t.s, &t.settings) != 0) goto oom;
    b->cutoffs = malloc((n + 1) * sizeof *b->cutoffs);
    b->band_scale = calloc(years * n + 1, sizeof *b->band_scale);
    t.history = malloc((years + 1) * sizeof *t.history);
    t.cutoff_of = malloc((years + 1) * sizeof *t.cutoff_of);
    t.model = malloc(most * sizeof *t.model);
    t.grad = malloc(most * P * sizeof *t.grad);
    if (!b->cutoffs || !b->band_scale || !t.history || !t.cutoff_of || !t.model || !t.grad) goto oom;
    memcpy(b->cutoffs, cutoffs, n * sizeof *cutoffs);
    b->cutoff_count = n;
    b->year_count = years;
    for (size_t j = 0; j < years; j++)
        if (hold_out(&t, j) != 0) goto oom;
    free(t.history), free(t.cutoff_of), free(t.model), free(t.grad);
    disburse_model_free(&dm);
    *out = b;
    return FS_OK;
oom:
    st = fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory, or a fit failed");
fail:
    free(t.history), free(t.cutoff_of), free(t.model), free(t.grad);
    disburse_model_free(&dm);
    fs_backtest_result_free(b);
    return st;
}
