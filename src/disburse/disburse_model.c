/*
 * disburse_model.c: units' plans, capacities, the forecast year's tranches and the
 * years of the history (see disburse_model.h).
 */
#include "disburse_model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "round.h"

static int64_t investment_need(const fs_model *m, size_t u)
{
    return m->need_parts[u * (m->norm_count + 1) + (size_t)m->disburse->investment_norm];
}

/* Splits `amount` over the eligible units by investment need, exactly. */
static int split_by_need(const fs_model *m, fs_delegate_to to, int64_t amount, int64_t *out)
{
    size_t n = m->unit_count;
    double key = 0;
    for (size_t u = 0; u < n; u++)
        if (to == FS_DELEGATE_ALL || m->units[u].has_pmb) key += (double)investment_need(m, u);
    if (key <= 0) return amount == 0 ? (memset(out, 0, n * sizeof *out), 0) : -1;
    double *x = malloc(n * sizeof *x);
    if (!x) return -1;
    for (size_t u = 0; u < n; u++)
        x[u] = to == FS_DELEGATE_ALL || m->units[u].has_pmb ? (double)amount * (double)investment_need(m, u) / key : 0;
    int rc = fs_round_to_total(x, n, amount, NULL, out);
    free(x);
    return rc;
}

static double unit_capacity(const fs_disburse_spec *s, const fs_unit *u)
{
    double quota = u->workload[FS_WL_STAFF_QUOTA], filled = 1;
    if (quota > 0) filled = fmin(1, u->workload[FS_WL_STAFF_IN_POST] / quota);
    return (u->has_pmb ? 1 : s->pmb_factor) * pow(filled, s->staff_elasticity);
}

int32_t disburse_deadline(int year, int32_t added)
{
    return added > fs_days_from_civil(year, 9, 30) ? fs_days_from_civil(year + 1, 12, 31)
                                                  : fs_days_from_civil(year + 1, 1, 31);
}

static fs_status unit_plans(disburse_model *dm, const fs_result *r, fs_diag *diag)
{
    const fs_model *m = dm->m;
    const fs_disburse_plan *p = fs_disburse_plan_of(dm->s, m->year);
    int64_t own = 0;
    for (size_t u = 0; u < m->unit_count; u++) {
        int64_t need = r->units[u].need;
        __int128 part = need > 0 ? (__int128)r->units[u].allocation * investment_need(m, u) / need : 0;
        dm->unit_plan[u] = (int64_t)part + r->units[u].targeted;
        own += dm->unit_plan[u];
    }
    char key[64];
    snprintf(key, sizeof key, "disbursement.plans.[%zu].lower", (size_t)(p - dm->s->plans));
    if (own > p->lower)
        return fs_diag_add(diag, FS_EINPUT, p->file, p->line, key,
                           "the units' own investment money and targeted transfers (%lld) exceed the lower-level "
                           "plan (%lld)", (long long)own, (long long)p->lower);
    int64_t *delegated = malloc((m->unit_count + 1) * sizeof *delegated);
    if (!delegated) return fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory");
    int rc = split_by_need(m, dm->s->delegate_to, p->lower - own, delegated);
    for (size_t u = 0; rc == 0 && u < m->unit_count; u++) dm->unit_plan[u] += delegated[u];
    free(delegated);
    if (rc != 0)
        return fs_diag_add(diag, FS_EINPUT, p->file, p->line, key,
                           "%lld of projects to delegate, but no unit %s", (long long)(p->lower - own),
                           dm->s->delegate_to == FS_DELEGATE_PMB ? "has a project management board"
                                                                 : "has an investment need");
    for (size_t k = 0; k < dm->s->added_count; k++)
        if (split_by_need(m, dm->s->added[k].to, dm->s->added[k].amount, dm->added + k * m->unit_count) != 0) {
            snprintf(key, sizeof key, "disbursement.added.[%zu].to", k);
            return fs_diag_add(diag, FS_EINPUT, dm->s->added[k].file, dm->s->added[k].line, key,
                               "no unit can receive this capital: none %s",
                               dm->s->added[k].to == FS_DELEGATE_PMB ? "has a project management board"
                                                                     : "has an investment need");
        }
    return FS_OK;
}

/* The forecast year's tranches: the city's projects, each unit's plan, then each added
 * capital's split (so that an entity's tranches are found by index, disburse.c). */
static int build_forecast(disburse_model *dm)
{
    const fs_model *m = dm->m;
    const fs_disburse_spec *s = dm->s;
    const fs_disburse_plan *p = fs_disburse_plan_of(s, m->year);
    curve_set *set = &dm->forecast;
    if (curve_year_init(&set->year, s, m->year) != 0) return -1;
    set->tranches = calloc(1 + m->unit_count + s->added_count * m->unit_count, sizeof *set->tranches);
    if (!set->tranches) return -1;
    int32_t jan1 = fs_days_from_civil(m->year, 1, 1), normal = disburse_deadline(m->year, jan1);
    size_t t = 0;
    set->tranches[t++] = (curve_tranche){0, (double)(p->whole - p->lower), jan1, normal};
    for (size_t u = 0; u < m->unit_count; u++)
        set->tranches[t++] = (curve_tranche){(int)u + 1, (double)dm->unit_plan[u], jan1, normal};
    for (size_t k = 0; k < s->added_count; k++)
        for (size_t u = 0; u < m->unit_count; u++) {
            int32_t date = s->added[k].date;
            set->tranches[t++] =
                (curve_tranche){(int)u + 1, (double)dm->added[k * m->unit_count + u], date, disburse_deadline(m->year, date)};
        }
    set->tranche_count = t;
    return curve_set_mix(set, dm->capacity);
}

/* ---- The years with points ---------------------------------------------------------- */

static int by_series_year_date(const void *a, const void *b)
{
    const fs_disburse_observation *x = *(const fs_disburse_observation *const *)a;
    const fs_disburse_observation *y = *(const fs_disburse_observation *const *)b;
    if (x->series != y->series) return x->series < y->series ? -1 : 1;
    if (x->year != y->year) return x->year < y->year ? -1 : 1;
    if (x->date != y->date) return x->date < y->date ? -1 : 1;
    return x->plan < y->plan ? -1 : x->plan > y->plan;
}

/* A year's curve as the forecast year's base plan would run in it, with the city's and
 * the lower level's totals `city` and `lower`. */
static int build_history_set(const disburse_model *dm, int year, double city, double lower, curve_set *set)
{
    if (curve_year_init(&set->year, dm->s, year) != 0) return -1;
    set->mixes = calloc(2, sizeof *set->mixes);
    if (!set->mixes) return -1;
    int32_t jan1 = fs_days_from_civil(year, 1, 1), deadline = disburse_deadline(year, jan1);
    int32_t own_jan1 = fs_days_from_civil(dm->m->year, 1, 1);
    const curve_mix *base = NULL;
    for (size_t k = 0; k < dm->forecast.mix_count; k++) {
        const curve_mix *x = &dm->forecast.mixes[k];
        if (x->part == 1 && x->start == own_jan1 && x->amount > 0) base = x;
    }
    if (city > 0) set->mixes[set->mix_count++] = (curve_mix){0, jan1, deadline, city, 1, {1}, {city}};
    if (lower > 0) {
        curve_mix *x = &set->mixes[set->mix_count++];
        if (base) {
            *x = *base;
            for (size_t i = 0; i < x->node_count; i++) x->w[i] *= lower / base->amount;
        } else {
            *x = (curve_mix){1, jan1, deadline, lower, 1, {1}, {lower}};
        }
        x->start = jan1, x->deadline = deadline, x->amount = lower;
    }
    return 0;
}

static int build_years(disburse_model *dm)
{
    const fs_disburse_spec *s = dm->s;
    disburse_years *y = &dm->years;
    size_t n = s->obs_count;
    fs_plan_part *plan = malloc((n + 1) * sizeof *plan);
    double *share = malloc((n + 1) * sizeof *share);
    y->obs = malloc((n + 1) * sizeof *y->obs);
    y->date = malloc((n + 1) * sizeof *y->date);
    y->first = malloc((n + 2) * sizeof *y->first);
    y->years = calloc(n + 1, sizeof *y->years);
    y->sets = calloc(n + 1, sizeof *y->sets);
    y->forecast = -1;
    int rc = -1;
    if (!plan || !share || !y->obs || !y->date || !y->first || !y->years || !y->sets) goto done;
    for (size_t k = 0; k < n; k++) y->obs[k] = &s->obs[k];
    qsort(y->obs, n, sizeof *y->obs, by_series_year_date);
    for (size_t k = 0; k < n; k++) {
        const fs_disburse_observation *o = y->obs[k];
        y->date[k] = o->date;
        plan[k] = o->plan;
        share[k] = o->share;
        if (k == 0 || o->series != y->obs[k - 1]->series || o->year != y->obs[k - 1]->year) {
            y->first[y->count] = k;
            prior_year *py = &y->years[y->count++];
            py->series = o->series, py->year = o->year;
        }
    }
    y->first[y->count] = n;
    const fs_disburse_plan *own = fs_disburse_plan_of(s, dm->m->year);
    for (size_t j = 0; j < y->count; j++) {
        prior_year *py = &y->years[j];
        const curve_set *set = &dm->forecast;
        if (py->series == 0 && py->year == dm->m->year) {
            y->forecast = (int)j;
        } else {
            const fs_disburse_plan *p = py->series == 0 ? fs_disburse_plan_of(s, py->year) : NULL;
            if (!p) p = own;
            /* Another series' shares are of one whole plan: a single part, of capacity 1. */
            double city = py->series == 0 ? (double)(p->whole - p->lower) : 1, lower = py->series == 0 ? (double)p->lower : 0;
            if (build_history_set(dm, py->year, city, lower, &y->sets[j]) != 0) goto done;
            set = &y->sets[j];
        }
        size_t f = y->first[j], c = y->first[j + 1] - f;
        py->date = y->date + f;
        for (size_t k = f; k < f + c; k++) py->parts |= plan[k] != FS_PLAN_WHOLE;
        if (curve_points_init(&py->points, set, y->date + f, plan + f, share + f, c) != 0) goto done;
    }
    rc = 0;
done:
    free(plan), free(share);
    return rc;
}

fs_status disburse_model_build(const fs_model *m, const fs_result *r, disburse_model *dm, fs_diag *diag)
{
    memset(dm, 0, sizeof *dm);
    dm->m = m, dm->s = m->disburse;
    size_t ne = 1 + m->unit_count;
    dm->unit_plan = calloc(m->unit_count + 1, sizeof *dm->unit_plan);
    dm->added = calloc(dm->s->added_count * m->unit_count + 1, sizeof *dm->added);
    dm->capacity = malloc(ne * sizeof *dm->capacity);
    if (!dm->unit_plan || !dm->added || !dm->capacity) goto oom;
    fs_status st = unit_plans(dm, r, diag);
    if (st != FS_OK) return st;
    dm->capacity[0] = 1;
    for (size_t u = 0; u < m->unit_count; u++) dm->capacity[u + 1] = unit_capacity(dm->s, &m->units[u]);
    if (build_forecast(dm) != 0 || build_years(dm) != 0) goto oom;
    dm->cm = (curve_model){dm->capacity, ne, &dm->forecast, 1};
    return FS_OK;
oom:
    return fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory");
}

void disburse_model_free(disburse_model *dm)
{
    disburse_years *y = &dm->years;
    for (size_t j = 0; y->years && j < y->count; j++) {
        curve_points_free(&y->years[j].points);
        curve_set_free(&y->sets[j]);
    }
    free(y->years), free(y->sets), free(y->obs), free(y->first), free(y->date);
    curve_set_free(&dm->forecast);
    free(dm->unit_plan), free(dm->added), free(dm->capacity);
    memset(dm, 0, sizeof *dm);
}

int disburse_prior_settings(const fs_disburse_spec *s, prior_settings *out)
{
    memset(out, 0, sizeof *out);
    out->level[0] = 0;
    out->level[1] = log(s->prior_completion / (1 - s->prior_completion));
    out->level[2] = 0;
    out->level_cov[0] = s->prior_alpha_sd * s->prior_alpha_sd;
    out->level_cov[PRIOR_LEVELS + 1] = s->prior_completion_sd * s->prior_completion_sd;
    out->level_cov[2 * PRIOR_LEVELS + 2] = s->prior_rush_sd * s->prior_rush_sd;
    out->parts_var[0] = s->prior_parts_alpha_sd * s->prior_parts_alpha_sd;
    out->parts_var[1] = s->prior_parts_completion_sd * s->prior_parts_completion_sd;
    out->years = s->prior_years;
    out->sigma = s->uncertainty;
    out->sigma_points = s->prior_points;
    out->series_weight = s->prior_series_weight;
    return 0;
}

size_t disburse_years_except(const disburse_years *years, int skip_year, int skip_index, prior_year **out)
{
    size_t n = 0;
    for (size_t j = 0; j < years->count; j++)
        if ((int)j != skip_index && (skip_year == 0 || years->years[j].year != skip_year)) out[n++] = &years->years[j];
    return n;
}
