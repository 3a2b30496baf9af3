/*
 * scenario_disburse.c: the `disbursement` section: plans by year, dated observations,
 * capital added in the year, seasonality, capacity, the forecast band and the city's
 * cash. Every value is checked here, so that the simulation only asserts.
 * docs/scenario-format.md documents each key and its default.
 */
#include "scenario_disburse.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "disburse_spec.h"
#include "scenario_observed.h"

static const char *const section_keys[] = {"investment_norm", "delegate_to", "calibration", "plans", "observed", "added",
                                           "seasonality", "capacity", "forecast", "cash", NULL};
static const char *const plan_keys[] = {"year", "whole", "lower", NULL};
static const char *const added_keys[] = {"date", "amount", "to", NULL};
static const char *const season_keys[] = {"months", "tet", "tet_days", "tet_factor", "rush_from", "rush_factor",
                                          NULL};
static const char *const capacity_keys[] = {"without_pmb", "staff_elasticity", NULL};
static const char *const forecast_keys[] = {"uncertainty", "band", "band_scale", "risk_below", "watch_probability",
                                            "prior", NULL};
static const char *const prior_keys[] = {"completion", "alpha_sd", "completion_sd", "rush_sd", "parts_alpha_sd", "parts_completion_sd",
                                         "years", "points",
                                         "series_weight", NULL};
static const char *const cash_keys[] = {"opening", "revenue", "recurrent", "minimum", "revenue_profile",
                                        "recurrent_profile", "catch_up", NULL};
static const char *const delegate_names[] = {"pmb", "all", NULL};
static const char *const calibration_names[] = {"self", "baseline", NULL};

/* Default pace by month (Jan..Dec, then the 13th month) with a year-end rush of ×11.64
 * from 25 December and ×0.3 for 14 days after Tết: fitted by scripts/fit_seasonality.py
 * to the national plans of 2019 to 2026 in the default scenario's history table (57
 * dated shares; root mean square error 1.75 percentage points, against 2.12 for the
 * earlier weights fitted to five figures of the national shape). See docs/model.md. */
static const double default_months[13] = {0.838, 0.766, 0.730, 0.943, 1.044, 1.176, 0.907,
                                          0.820, 1.044, 0.901, 0.982, 0.883, 1.967};
static const double default_rush_factor = 11.64;

/* The group `key` of g, or NULL (absent or reported as not a group). */
static const cfg_node *group_of(reader *r, const cfg_node *g, const char *key,
                                        const char *const *allowed)
{
    const cfg_node *s = cfg_member(g, key);
    if (!s) return NULL;
    if (!cfg_is_group(s)) {
        rd_error(r, s, "expected a group { ... }, got %s", rd_type_name(cfg_type(s)));
        return NULL;
    }
    rd_check_keys(r, s, allowed);
    return s;
}

/* The list `key` of g with its length, or NULL (absent or reported). */
static const cfg_node *list_of(reader *r, const cfg_node *g, const char *key, size_t *n)
{
    const cfg_node *s = cfg_member(g, key);
    *n = 0;
    if (!s) return NULL;
    if (!cfg_is_list(s)) {
        rd_error(r, s, "expected a list ( {...}, {...} ), got %s", rd_type_name(cfg_type(s)));
        return NULL;
    }
    *n = (size_t)cfg_length(s);
    return s;
}

/* Reads an array of exactly n reals, each in [lo, hi]. Returns 0, 1 when absent, -1. */
static int read_reals(reader *r, const cfg_node *g, const char *key, size_t n, double lo, double hi,
                      double *out)
{
    const cfg_node *s = cfg_member(g, key);
    if (!s) return 1;
    if (!cfg_is_array(s) || (size_t)cfg_length(s) != n) {
        rd_error(r, s, "expected an array of %zu numbers [ ... ]", n);
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        const cfg_node *e = cfg_elem(s, (unsigned)i);
        double v;
        if (rd_real_at(r, e, &v) != 0) rc = -1;
        else if (v < lo || v > hi) rd_error(r, e, "must be between %g and %g, got %g", lo, hi, v), rc = -1;
        else out[i] = v;
    }
    return rc;
}

/* A profile: 12 shares of the year that add up to 1. */
static void read_profile(reader *r, const cfg_node *g, const char *key, double *out)
{
    if (read_reals(r, g, key, 12, 0, 1, out) != 0) return;
    double sum = 0;
    for (int i = 0; i < 12; i++) sum += out[i];
    if (fabs(sum - 1) > 1e-6)
        rd_error(r, cfg_member(g, key), "the 12 monthly shares must add up to 1, got %.6g", sum);
}

static int read_date(reader *r, const cfg_node *g, const char *key, int32_t *out)
{
    char text[32];
    int rc = rd_string(r, g, key, text, sizeof text);
    if (rc == 1) rd_error_missing(r, g, key);
    if (rc) return -1;
    if (fs_date_parse(text, out) != 0) {
        rd_error(r, cfg_member(g, key), "expected a date YYYY-MM-DD, got \"%s\"", text);
        return -1;
    }
    return 0;
}

static void read_plans(reader *r, const cfg_node *g, fs_disburse_spec *d, int model_year)
{
    const cfg_node *list = list_of(r, g, "plans", &d->plan_count);
    if (!list) {
        if (!cfg_member(g, "plans")) rd_error_missing(r, g, "plans");
        return;
    }
    d->plans = calloc(d->plan_count + 1, sizeof *d->plans);
    if (!d->plans) {
        d->plan_count = 0;
        return;
    }
    for (size_t k = 0; k < d->plan_count; k++) {
        const cfg_node *e = cfg_elem(list, (unsigned)k);
        fs_disburse_plan *p = &d->plans[k];
        p->line = cfg_line(e);
        p->file = rd_file(r, e);
        if (!cfg_is_group(e)) {
            rd_error(r, e, "expected a group { year = ...; whole = ...; lower = ...; }");
            continue;
        }
        rd_check_keys(r, e, plan_keys);
        int64_t year = 0;
        if (rd_int64(r, e, "year", &year) == 1) rd_error_missing(r, e, "year");
        else if (year < 1900 || year > 2200) rd_error(r, cfg_member(e, "year"), "expected a year");
        p->year = (int)year;
        if (rd_money(r, e, "whole", &p->whole) == 1) rd_error_missing(r, e, "whole");
        if (rd_money(r, e, "lower", &p->lower) == 1) rd_error_missing(r, e, "lower");
        if (p->lower > p->whole)
            rd_error(r, cfg_member(e, "lower"), "the lower-level part (%lld) exceeds the whole plan (%lld)",
                     (long long)p->lower, (long long)p->whole);
        if (p->whole == 0 && cfg_member(e, "whole"))
            rd_error(r, cfg_member(e, "whole"), "must be positive");
        for (size_t j = 0; j < k; j++)
            if (d->plans[j].year == p->year && p->year)
                rd_error(r, cfg_member(e, "year"), "a plan for %d is already given on line %d", p->year,
                         d->plans[j].line);
    }
    if (!fs_disburse_plan_of(d, model_year))
        rd_error(r, list, "no plan for the scenario's year %d: add { year = %d; whole = ...; lower = ...; }", model_year,
                 model_year);
}

static void read_added(reader *r, const cfg_node *g, fs_disburse_spec *d, int year)
{
    const cfg_node *list = list_of(r, g, "added", &d->added_count);
    if (!list) return;
    d->added = calloc(d->added_count + 1, sizeof *d->added);
    if (!d->added) {
        d->added_count = 0;
        return;
    }
    for (size_t k = 0; k < d->added_count; k++) {
        const cfg_node *e = cfg_elem(list, (unsigned)k);
        fs_disburse_added *a = &d->added[k];
        a->line = cfg_line(e);
        a->file = rd_file(r, e);
        if (!cfg_is_group(e)) {
            rd_error(r, e, "expected a group { date = ...; amount = ...; }");
            continue;
        }
        rd_check_keys(r, e, added_keys);
        if (read_date(r, e, "date", &a->date) == 0 &&
            (a->date < fs_days_from_civil(year, 1, 1) || a->date > fs_days_from_civil(year, 12, 31)))
            rd_error(r, cfg_member(e, "date"), "capital is added within the plan year %d", year);
        if (rd_money(r, e, "amount", &a->amount) == 1) rd_error_missing(r, e, "amount");
        else if (a->amount == 0 && cfg_member(e, "amount"))
            rd_error(r, cfg_member(e, "amount"), "must be positive");
        int to = FS_DELEGATE_ALL;
        rd_choice(r, e, "to", delegate_names, &to);
        a->to = (fs_delegate_to)to;
    }
}

static void read_seasonality(reader *r, const cfg_node *g, fs_disburse_spec *d)
{
    memcpy(d->month_weight, default_months, sizeof d->month_weight);
    d->tet_days = 14;
    d->tet_factor = 0.3;
    d->rush_from = 25;
    d->rush_factor = default_rush_factor;
    const cfg_node *s = group_of(r, g, "seasonality", season_keys);
    if (!s) return;
    read_reals(r, s, "months", 13, 0.01, 100, d->month_weight);
    const cfg_node *tet = cfg_member(s, "tet");
    if (tet && (!cfg_is_array(tet) || cfg_length(tet) == 0)) {
        rd_error(r, tet, "expected an array of dates [ \"2026-02-17\", ... ]");
    } else if (tet) {
        d->tet_count = (size_t)cfg_length(tet);
        d->tet = calloc(d->tet_count, sizeof *d->tet);
        if (!d->tet) d->tet_count = 0;
        for (size_t k = 0; k < d->tet_count; k++) {
            const cfg_node *e = cfg_elem(tet, (unsigned)k);
            const char *text = cfg_string(e);
            int y, mo, dd;
            if (!text || fs_date_parse(text, &d->tet[k]) != 0) {
                rd_error(r, e, "expected a date YYYY-MM-DD, got %s%s%s", text ? "\"" : "", text ? text : "a number",
                         text ? "\"" : "");
                continue;
            }
            fs_civil_from_days(d->tet[k], &y, &mo, &dd);
            if (d->tet[k] < fs_days_from_civil(y, 1, 21) || d->tet[k] > fs_days_from_civil(y, 2, 20)) {
                rd_error(r, e, "Tết falls between 21 January and 20 February, got \"%s\"", text);
                continue;
            }
            for (size_t j = 0; j < k; j++) {
                int yj, mj, dj;
                fs_civil_from_days(d->tet[j], &yj, &mj, &dj);
                if (yj == y) rd_error(r, e, "a second Tết date for %d", y);
            }
        }
    }
    int64_t days = d->tet_days;
    if (rd_int64(r, s, "tet_days", &days) == 0 && (days < 0 || days > 60))
        rd_error(r, cfg_member(s, "tet_days"), "must be between 0 and 60, got %lld", (long long)days);
    else d->tet_days = (int)days;
    rd_real_in(r, s, "tet_factor", 0.01, 1, &d->tet_factor);
    int64_t from = d->rush_from;
    if (rd_int64(r, s, "rush_from", &from) == 0 && (from < 1 || from > 31))
        rd_error(r, cfg_member(s, "rush_from"), "must be a day of December, 1 to 31, got %lld",
                 (long long)from);
    else d->rush_from = (int)from;
    rd_real_in(r, s, "rush_factor", 1, 100, &d->rush_factor);
}

static void read_cash(reader *r, const cfg_node *g, fs_disburse_spec *d)
{
    fs_disburse_cash *c = &d->cash;
    for (int k = 0; k < 12; k++) c->revenue_profile[k] = c->recurrent_profile[k] = 1.0 / 12;
    c->catch_up = 0.5;
    const cfg_node *s = group_of(r, g, "cash", cash_keys);
    if (!s) {
        if (!cfg_member(g, "cash")) rd_error_missing(r, g, "cash");
        return;
    }
    c->line = cfg_line(s);
    c->file = rd_file(r, s);
    if (rd_money(r, s, "opening", &c->opening) == 1) rd_error_missing(r, s, "opening");
    if (rd_money(r, s, "revenue", &c->revenue) == 1) rd_error_missing(r, s, "revenue");
    if (rd_money(r, s, "recurrent", &c->recurrent) == 1) rd_error_missing(r, s, "recurrent");
    rd_money(r, s, "minimum", &c->min_balance);
    read_profile(r, s, "revenue_profile", c->revenue_profile);
    read_profile(r, s, "recurrent_profile", c->recurrent_profile);
    rd_real_in(r, s, "catch_up", 0, 10, &c->catch_up);
}

/* Adds `year`'s Tết to `out` (the scenario's date when it gives one, else the built-in
 * table's); reports a year neither knows at `where`. */
static void add_tet(reader *r, const cfg_node *where, const fs_disburse_spec *d, int year, int32_t *out,
                    size_t *n)
{
    for (size_t k = 0; k < *n; k++) {
        int y, m, dd;
        fs_civil_from_days(out[k], &y, &m, &dd);
        if (y == year) return;
    }
    for (size_t k = 0; k < d->tet_count; k++) {
        int y, m, dd;
        fs_civil_from_days(d->tet[k], &y, &m, &dd);
        if (y == year) {
            out[(*n)++] = d->tet[k];
            return;
        }
    }
    int32_t day = fs_tet_date(year);
    if (day >= 0) out[(*n)++] = day;
    else
        rd_error(r, where, "no Tết date is known for %d (the built-in table covers %d to %d): give it in "
                 "disbursement.seasonality.tet", year, FS_TET_FIRST_YEAR, FS_TET_LAST_YEAR);
}

/* Tết of every year the curves span (each plan year and the next), unless tet_days
 * is 0: the scenario's dates where given, else the built-in table's. */
static void resolve_tet(reader *r, const cfg_node *g, fs_disburse_spec *d, int model_year)
{
    size_t cap = 2 * (d->plan_count + d->obs_count + 1), n = 0;
    int32_t *all = calloc(cap, sizeof *all);
    if (!all) return;
    if (d->tet_days > 0) {
        const cfg_node *plans = cfg_member(g, "plans");
        for (int k = 0; k < 2; k++) add_tet(r, plans ? plans : g, d, model_year + k, all, &n);
        for (size_t p = 0; p < d->plan_count; p++)
            for (int k = 0; k < 2 && d->plans[p].year; k++) add_tet(r, plans, d, d->plans[p].year + k, all, &n);
        const cfg_node *obs = cfg_member(g, "observed");
        for (size_t o = 0; o < d->obs_count; o++)
            for (int k = 0; k < 2 && d->obs[o].year; k++) add_tet(r, obs, d, d->obs[o].year + k, all, &n);
    }
    free(d->tet);
    d->tet = all;
    d->tet_count = n;
}

static void read_forecast(reader *r, const cfg_node *g, fs_disburse_spec *d)
{
    d->uncertainty = 0.02;
    d->band_z = 1.645;
    d->band_scale = 0;
    d->risk_threshold = 0.95;
    d->watch_probability = 0.1;
    d->prior_completion = 0.95;
    d->prior_alpha_sd = 0.3;
    d->prior_completion_sd = 1.0;
    d->prior_rush_sd = 0.5;
    d->prior_parts_alpha_sd = 0.2;
    d->prior_parts_completion_sd = 0.6;
    d->prior_years = 2;
    d->prior_points = 4;
    d->prior_series_weight = 1;
    const cfg_node *fc = group_of(r, g, "forecast", forecast_keys);
    if (!fc) return;
    rd_real_in(r, fc, "uncertainty", 0.001, 0.5, &d->uncertainty);
    rd_real_in(r, fc, "band", 0, 5, &d->band_z);
    rd_real_in(r, fc, "band_scale", 1, 10, &d->band_scale);
    rd_real_in(r, fc, "risk_below", 0, 1, &d->risk_threshold);
    rd_real_in(r, fc, "watch_probability", 0.001, 0.5, &d->watch_probability);
    const cfg_node *pr = group_of(r, fc, "prior", prior_keys);
    if (!pr) return;
    rd_real_in(r, pr, "completion", 0.01, 0.999, &d->prior_completion);
    rd_real_in(r, pr, "alpha_sd", 0.01, 100, &d->prior_alpha_sd);
    rd_real_in(r, pr, "completion_sd", 0.01, 100, &d->prior_completion_sd);
    rd_real_in(r, pr, "rush_sd", 0.01, 100, &d->prior_rush_sd);
    rd_real_in(r, pr, "parts_alpha_sd", 0.01, 100, &d->prior_parts_alpha_sd);
    rd_real_in(r, pr, "parts_completion_sd", 0.01, 100, &d->prior_parts_completion_sd);
    rd_real_in(r, pr, "years", 0.1, 1000, &d->prior_years);
    rd_real_in(r, pr, "points", 0, 1000, &d->prior_points);
    rd_real_in(r, pr, "series_weight", 0, 1000, &d->prior_series_weight);
}

void scenario_read_disbursement(reader *r, const cfg_node *root, fs_model *m)
{
    const cfg_node *g = cfg_member(root, "disbursement");
    if (!g) return;
    if (!cfg_is_group(g)) {
        rd_error(r, g, "expected a group { plans = ...; cash = ...; }, got %s", rd_type_name(cfg_type(g)));
        return;
    }
    fs_disburse_spec *d = calloc(1, sizeof *d);
    if (!d) {
        rd_error(r, g, "out of memory");
        return;
    }
    m->disburse = d;
    d->line = cfg_line(g);
    d->file = rd_file(r, g);
    rd_check_keys(r, g, section_keys);
    char norm[FS_ID_MAX] = "investment";
    rd_name(r, g, "investment_norm", norm, sizeof norm);
    d->investment_norm = -1;
    for (size_t k = 0; k < m->norm_count; k++)
        if (!strcmp(m->norms[k].id, norm)) d->investment_norm = (int)k;
    if (d->investment_norm < 0 && m->norm_count > 0) {
        const cfg_node *s = cfg_member(g, "investment_norm");
        if (s) rd_error(r, s, "no norm has the id \"%s\"", norm);
        else rd_error(r, g, "no norm has the id \"investment\": name the investment norm in investment_norm");
    }
    int to = FS_DELEGATE_PMB;
    rd_choice(r, g, "delegate_to", delegate_names, &to);
    d->delegate_to = (fs_delegate_to)to;
    int calibration = 0;
    if (rd_choice(r, g, "calibration", calibration_names, &calibration) == 0 && calibration == 1 &&
        m->file_count < 2)
        rd_error(r, cfg_member(g, "calibration"),
                 "\"baseline\" needs a baseline: this scenario names none (base = \"...\";)");
    d->calibrate_on_baseline = calibration == 1;
    read_plans(r, g, d, m->year);
    scenario_read_observed(r, g, d, m);
    read_added(r, g, d, m->year);
    read_seasonality(r, g, d);
    d->pmb_factor = 0.8;
    d->staff_elasticity = 1.0;
    const cfg_node *cap = group_of(r, g, "capacity", capacity_keys);
    if (cap) {
        rd_real_key(r, cap, "without_pmb", FS_TARGET_WITHOUT_PMB, &d->pmb_factor);
        rd_real_key(r, cap, "staff_elasticity", FS_TARGET_STAFF_ELASTICITY, &d->staff_elasticity);
    }
    read_forecast(r, g, d);
    read_cash(r, g, d);
    resolve_tet(r, g, d, m->year);
}
