/*
 * disburse.c: the disbursement of the plan year, start to finish (see disburse.h):
 * the plan of each unit, the curve model, calibration, the daily forecast with its
 * band, monthly whole-money curves per account, risk flags and the cash schedule.
 *
 * A unit's plan = the investment part of its allocation (allocation × investment
 * need / need, rounded down) + its targeted transfer + its part of the projects the
 * city delegates (the lower-level plan minus the former two, split by investment need
 * among the units with a project management board, or among all). Capital added in
 * the year is split the same way. The city's own projects are the whole plan minus
 * the lower-level part.
 */
#include "fiscalsim/disburse.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disburse_cash.h"
#include "disburse_curve.h"
#include "fiscalsim/calendar.h"
#include "fiscalsim/round.h"

const char *fs_plan_part_name(fs_plan_part part)
{
    static const char *const names[] = {"whole", "lower", "city"};
    return part < FS_PLAN_PART_COUNT ? names[part] : "?";
}

void fs_disburse_spec_free(fs_disburse_spec *spec)
{
    if (!spec) return;
    free(spec->plans), free(spec->obs), free(spec->added), free(spec->tet);
    free(spec);
}

void fs_disburse_result_free(fs_disburse_result *d)
{
    if (!d) return;
    for (size_t a = 0; a < d->account_count; a++) {
        free(d->accounts[a].planned), free(d->accounts[a].simulated), free(d->accounts[a].scheduled);
    }
    for (int p = 0; p < FS_PLAN_PART_COUNT; p++) {
        for (int k = 0; k < 3; k++) free(d->daily[p][k]);
        free(d->planned[p]), free(d->simulated[p]), free(d->scheduled[p]);
    }
    free(d->accounts), free(d->entities), free(d->fit), free(d->month_end);
    free(d->revenue), free(d->recurrent), free(d->balance), free(d->available);
    free(d->constrained), free(d->shadow_price);
    free(d);
}

const fs_disburse_plan *fs_disburse_plan_of(const fs_disburse_spec *s, int year)
{
    for (size_t k = 0; k < s->plan_count; k++)
        if (s->plans[k].year == year) return &s->plans[k];
    return NULL;
}

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

/* Working state of one run. */
typedef struct run {
    const fs_model *m;
    const fs_disburse_spec *s;
    fs_disburse_result *d;
    int64_t *unit_plan;         /* per unit: base plan */
    int64_t *added;             /* added_count × unit_count */
    double *capacity;           /* per entity */
    curve_model cm;
    double theta[CURVE_PARAMS], cov[CURVE_PARAMS * CURVE_PARAMS];
    size_t *tranche_index;      /* scratch: 1 + added_count */
    size_t *first_account;      /* per entity, and one past the last */
} run;

/* The plan year's tranches of entity e (see build_set for their order): its base
 * tranche, then one per added capital. Returns how many, indices in w->tranche_index. */
static size_t tranches_of(const run *w, size_t e)
{
    size_t n = w->m->unit_count, count = 0;
    w->tranche_index[count++] = e;
    for (size_t k = 0; e > 0 && k < w->s->added_count; k++) w->tranche_index[count++] = 1 + n + k * n + (e - 1);
    return count;
}

static fs_status unit_plans(run *w, fs_diag *diag, const fs_result *r)
{
    const fs_model *m = w->m;
    const fs_disburse_plan *p = fs_disburse_plan_of(w->s, m->year);
    int64_t own = 0;
    for (size_t u = 0; u < m->unit_count; u++) {
        int64_t need = r->units[u].need;
        __int128 part = need > 0 ? (__int128)r->units[u].allocation * investment_need(m, u) / need : 0;
        w->unit_plan[u] = (int64_t)part + r->units[u].targeted;
        own += w->unit_plan[u];
    }
    char key[64];
    snprintf(key, sizeof key, "disbursement.plans.[%zu].lower", (size_t)(p - w->s->plans));
    if (own > p->lower)
        return fs_diag_add(diag, FS_EINPUT, p->file, p->line, key,
                           "the units' own investment money and targeted transfers (%lld) exceed the lower-level "
                           "plan (%lld)", (long long)own, (long long)p->lower);
    int64_t *delegated = malloc((m->unit_count + 1) * sizeof *delegated);
    if (!delegated) return fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory");
    int rc = split_by_need(m, w->s->delegate_to, p->lower - own, delegated);
    for (size_t u = 0; rc == 0 && u < m->unit_count; u++) w->unit_plan[u] += delegated[u];
    free(delegated);
    if (rc != 0)
        return fs_diag_add(diag, FS_EINPUT, p->file, p->line, key,
                           "%lld of projects to delegate, but no unit %s", (long long)(p->lower - own),
                           w->s->delegate_to == FS_DELEGATE_PMB ? "has a project management board" : "has an investment need");
    for (size_t k = 0; k < w->s->added_count; k++)
        if (split_by_need(m, w->s->added[k].to, w->s->added[k].amount, w->added + k * m->unit_count) != 0) {
            snprintf(key, sizeof key, "disbursement.added.[%zu].to", k);
            return fs_diag_add(diag, FS_EINPUT, w->s->added[k].file, w->s->added[k].line, key,
                               "no unit can receive this capital: none %s",
                               w->s->added[k].to == FS_DELEGATE_PMB ? "has a project management board"
                                                                    : "has an investment need");
        }
    return FS_OK;
}

static int32_t deadline_of(int year, int32_t added)
{
    return added > fs_days_from_civil(year, 9, 30) ? fs_days_from_civil(year + 1, 12, 31)
                                                  : fs_days_from_civil(year + 1, 1, 31);
}

/* The tranches of plan year `year`: the plan year with its added capital, other
 * years with the plan year's split of the lower level scaled to their own plan. */
static int build_set(run *w, curve_set *set, int year)
{
    const fs_model *m = w->m;
    const fs_disburse_plan *p = fs_disburse_plan_of(w->s, year), *own = fs_disburse_plan_of(w->s, m->year);
    if (curve_year_init(&set->year, w->s, year) != 0) return -1;
    bool plan_year = year == m->year;
    size_t n = 1 + m->unit_count + (plan_year ? w->s->added_count * m->unit_count : 0);
    set->tranches = calloc(n, sizeof *set->tranches);
    if (!set->tranches) return -1;
    int32_t jan1 = fs_days_from_civil(year, 1, 1), normal = deadline_of(year, jan1);
    double scale = own->lower > 0 ? (double)p->lower / (double)own->lower : 0;
    set->tranches[0] = (curve_tranche){0, (double)(p->whole - p->lower), jan1, normal};
    size_t t = 1;
    for (size_t u = 0; u < m->unit_count; u++) {
        double amount = plan_year ? (double)w->unit_plan[u] : (double)w->unit_plan[u] * scale;
        set->tranches[t++] = (curve_tranche){(int)u + 1, amount, jan1, normal};
    }
    for (size_t k = 0; plan_year && k < w->s->added_count; k++)
        for (size_t u = 0; u < m->unit_count; u++) {
            int32_t date = w->s->added[k].date;
            set->tranches[t++] = (curve_tranche){(int)u + 1, (double)w->added[k * m->unit_count + u], date,
                                                 deadline_of(year, date)};
        }
    set->tranche_count = t;
    return 0;
}

static int build_model(run *w)
{
    const fs_disburse_spec *s = w->s;
    size_t ne = 1 + w->m->unit_count;
    w->capacity = malloc(ne * sizeof *w->capacity);
    w->cm.sets = calloc(s->plan_count, sizeof *w->cm.sets);
    if (!w->capacity || !w->cm.sets) return -1;
    w->capacity[0] = 1;
    for (size_t u = 0; u < w->m->unit_count; u++) w->capacity[u + 1] = unit_capacity(s, &w->m->units[u]);
    w->cm.capacity = w->capacity;
    w->cm.entity_count = ne;
    if (build_set(w, &w->cm.sets[w->cm.set_count++], w->m->year) != 0) return -1;
    for (size_t k = 0; k < s->plan_count; k++)
        if (s->plans[k].year != w->m->year && build_set(w, &w->cm.sets[w->cm.set_count++], s->plans[k].year) != 0)
            return -1;
    return 0;
}

static void free_model(run *w)
{
    for (size_t k = 0; k < w->cm.set_count; k++) {
        curve_year_free(&w->cm.sets[k].year);
        free(w->cm.sets[k].tranches);
    }
    free(w->cm.sets), free(w->capacity), free(w->unit_plan), free(w->added);
    free(w->tranche_index), free(w->first_account);
}

/* Daily shares of each part with their band, from 1 January to the last deadline. */
static int daily_forecast(run *w)
{
    fs_disburse_result *d = w->d;
    const curve_set *set = &w->cm.sets[0];
    for (int p = 0; p < FS_PLAN_PART_COUNT; p++)
        for (int k = 0; k < 3; k++)
            if (!(d->daily[p][k] = malloc(d->day_count * sizeof *d->daily[p][k]))) return -1;
    for (size_t i = 0; i < d->day_count; i++) {
        double share[FS_PLAN_PART_COUNT], grad[FS_PLAN_PART_COUNT][CURVE_PARAMS];
        curve_part_shares(&w->cm, set, d->start + (int32_t)i, w->theta, share, grad);
        for (int p = 0; p < FS_PLAN_PART_COUNT; p++) {
            double half = curve_band(w->cov, grad[p], w->s->uncertainty, w->s->band_z);
            d->daily[p][0][i] = share[p];
            d->daily[p][1][i] = fmax(0, share[p] - half);
            d->daily[p][2][i] = fmin(1, share[p] + half);
        }
    }
    return 0;
}

/* Accounts: per entity, one for the normal deadline and one for capital added after
 * 30 September; monthly planned and simulated amounts in whole money. */
static int build_accounts(run *w)
{
    fs_disburse_result *d = w->d;
    const curve_set *set = &w->cm.sets[0];
    size_t ne = w->cm.entity_count;
    d->accounts = calloc(2 * ne, sizeof *d->accounts);
    w->first_account = calloc(ne + 1, sizeof *w->first_account);
    if (!d->accounts || !w->first_account) return -1;
    int32_t normal = deadline_of(d->year, d->start);
    for (size_t e = 0; e < ne; e++) {
        w->first_account[e] = d->account_count;
        size_t count = tranches_of(w, e);
        for (int ext = 0; ext < 2; ext++) {
            double plan = 0;
            for (size_t k = 0; k < count; k++) {
                const curve_tranche *tr = &set->tranches[w->tranche_index[k]];
                if ((tr->deadline != normal) == ext) plan += tr->amount;
            }
            if (ext && plan == 0) continue;
            fs_disburse_account *acc = &d->accounts[d->account_count++];
            acc->unit = (int)e - 1;
            acc->extended = ext;
            acc->deadline_month = ext ? 23 : 12;
            acc->plan = (int64_t)plan;
            acc->planned = calloc(d->month_count, sizeof *acc->planned);
            acc->simulated = calloc(d->month_count, sizeof *acc->simulated);
            acc->scheduled = calloc(d->month_count, sizeof *acc->scheduled);
            if (!acc->planned || !acc->simulated || !acc->scheduled) return -1;
            for (size_t mo = 0; mo < d->month_count; mo++) {
                double in_place = 0, paid = 0;
                for (size_t k = 0; k < count; k++) {
                    const curve_tranche *tr = &set->tranches[w->tranche_index[k]];
                    if ((tr->deadline != normal) != ext) continue;
                    if (tr->start <= d->month_end[mo]) in_place += tr->amount;
                    paid += tr->amount * curve_tranche_share(&w->cm, set, tr, d->month_end[mo], w->theta, NULL);
                }
                acc->planned[mo] = (int64_t)in_place;
                /* Rounding a non-decreasing curve keeps it non-decreasing. */
                acc->simulated[mo] = (int64_t)floor(paid + 0.5);
                if (acc->simulated[mo] > acc->plan) acc->simulated[mo] = acc->plan;
            }
        }
    }
    w->first_account[ne] = d->account_count;
    return 0;
}

static void risk_reason(run *w, size_t u, fs_disburse_entity *en)
{
    const fs_unit *unit = &w->m->units[u];
    char *p = en->reason;
    size_t left = sizeof en->reason;
    if (!unit->has_pmb) {
        int n = snprintf(p, left, "no project management board");
        p += n, left -= (size_t)n;
    }
    double quota = unit->workload[FS_WL_STAFF_QUOTA];
    if (quota > 0 && unit->workload[FS_WL_STAFF_IN_POST] < 0.9 * quota) {
        int n = snprintf(p, left, "%sstaff filled %.0f%%", p == en->reason ? "" : "; ",
                         100 * unit->workload[FS_WL_STAFF_IN_POST] / quota);
        p += n, left -= (size_t)n;
    }
    const curve_set *set = &w->cm.sets[0];
    size_t count = tranches_of(w, u + 1);
    for (size_t k = 0; k < count && left > 40; k++) {
        const curve_tranche *tr = &set->tranches[w->tranche_index[k]];
        if (tr->start == w->d->start || tr->amount <= 0) continue;
        double x = curve_progress(&set->year, tr, tr->deadline);
        if (x >= 0.999) continue;
        char date[11];
        fs_date_format(tr->start, date);
        int n = snprintf(p, left, "%scapital added %s has %.0f%% of the time it needs",
                         p == en->reason ? "" : "; ", date, 100 * x);
        p += n, left -= (size_t)n;
    }
}

/* Each entity at its last deadline: completion, band and risk. */
static int build_entities(run *w)
{
    fs_disburse_result *d = w->d;
    const curve_set *set = &w->cm.sets[0];
    size_t ne = w->cm.entity_count;
    d->entities = calloc(ne, sizeof *d->entities);
    if (!d->entities) return -1;
    d->entity_count = ne;
    for (size_t e = 0; e < ne; e++) {
        fs_disburse_entity *en = &d->entities[e];
        en->unit = (int)e - 1;
        en->capacity = w->capacity[e];
        double q;
        curve_entity_shape(&w->cm, e, w->theta, &en->alpha, &q);
        double num = 0, den = 0, g[CURVE_PARAMS] = {0}, tg[CURVE_PARAMS];
        en->deadline = d->start;
        size_t count = tranches_of(w, e);
        for (size_t k = 0; k < count; k++) {
            const curve_tranche *tr = &set->tranches[w->tranche_index[k]];
            num += tr->amount * curve_tranche_share(&w->cm, set, tr, tr->deadline, w->theta, tg);
            den += tr->amount;
            for (int j = 0; j < CURVE_PARAMS; j++) g[j] += tr->amount * tg[j];
            if (tr->amount > 0 && tr->deadline > en->deadline) en->deadline = tr->deadline;
        }
        for (int j = 0; j < CURVE_PARAMS && den > 0; j++) g[j] /= den;
        en->completion = den > 0 ? num / den : 1;
        double half = curve_band(w->cov, g, w->s->uncertainty, w->s->band_z);
        en->band_lo = fmax(0, en->completion - half);
        en->band_hi = fmin(1, en->completion + half);
        for (size_t a = w->first_account[e]; a < w->first_account[e + 1]; a++) {
            const fs_disburse_account *acc = &d->accounts[a];
            en->plan += acc->plan;
            en->simulated += acc->simulated[d->month_count - 1];
        }
        if (en->plan == 0) continue;
        /* Normal approximation: the chance of finishing below the threshold. */
        double sd = curve_band(w->cov, g, w->s->uncertainty, 1);
        double gap = w->s->risk_threshold - en->completion;
        en->miss_probability = sd > 0 ? 0.5 * erfc(-gap / (sd * sqrt(2))) : gap > 0;
        if (e == 0) continue; /* flags are for units; the city's chance is shown */
        en->risk = en->miss_probability >= 0.5 ? 2 : en->miss_probability >= w->s->watch_probability ? 1 : 0;
        if (en->risk) {
            risk_reason(w, e - 1, en);
            d->units_at_risk += en->risk == 2;
        }
    }
    return 0;
}

/* Monthly revenue and recurrent spending in whole money, the same each year. */
static int cash_months(run *w, fs_diag *diag)
{
    fs_disburse_result *d = w->d;
    const fs_disburse_cash *c = &w->s->cash;
    int64_t rev[12], rec[12];
    double x[12];
    for (int k = 0; k < 12; k++) x[k] = (double)c->revenue * c->revenue_profile[k];
    if (fs_round_to_total(x, 12, c->revenue, NULL, rev) != 0) return -1;
    for (int k = 0; k < 12; k++) x[k] = (double)c->recurrent * c->recurrent_profile[k];
    if (fs_round_to_total(x, 12, c->recurrent, NULL, rec) != 0) return -1;
    int64_t cash = c->opening;
    for (size_t mo = 0; mo < d->month_count; mo++) {
        d->revenue[mo] = rev[mo % 12];
        d->recurrent[mo] = rec[mo % 12];
        cash += d->revenue[mo] - d->recurrent[mo];
        d->available[mo] = cash - c->min_balance;
        if (d->available[mo] < 0) {
            char month[8];
            fs_month_format(d->month_end[mo], month);
            fs_diag_add(diag, FS_EINFEASIBLE, c->file, c->line, "disbursement.cash",
                        "recurrent spending alone leaves %lld less than the minimum balance in %s: no investment can "
                        "be paid; raise the opening balance or revenue",
                        (long long)-d->available[mo], month);
            return -2;
        }
    }
    return 0;
}

/* Monthly totals of each part, closing balances, delay and money lost at deadlines. */
static int totals(fs_disburse_result *d, int64_t min_balance)
{
    for (int p = 0; p < FS_PLAN_PART_COUNT; p++) {
        d->planned[p] = calloc(d->month_count, sizeof *d->planned[p]);
        d->simulated[p] = calloc(d->month_count, sizeof *d->simulated[p]);
        d->scheduled[p] = calloc(d->month_count, sizeof *d->scheduled[p]);
        if (!d->planned[p] || !d->simulated[p] || !d->scheduled[p]) return -1;
    }
    for (size_t a = 0; a < d->account_count; a++) {
        const fs_disburse_account *acc = &d->accounts[a];
        int part = acc->unit < 0 ? FS_PLAN_CITY : FS_PLAN_LOWER;
        for (size_t mo = 0; mo < d->month_count; mo++) {
            int q[2] = {part, FS_PLAN_WHOLE};
            for (int k = 0; k < 2; k++) {
                d->planned[q[k]][mo] += acc->planned[mo];
                d->simulated[q[k]][mo] += acc->simulated[mo];
                d->scheduled[q[k]][mo] += acc->scheduled[mo];
            }
        }
        fs_disburse_entity *en = &d->entities[acc->unit + 1];
        int last = acc->deadline_month;
        for (int mo = 0; mo <= last; mo++) en->delay += acc->simulated[mo] - acc->scheduled[mo];
        en->scheduled += acc->scheduled[last];
        d->lost_total += acc->simulated[last] - acc->scheduled[last];
    }
    for (size_t e = 0; e < d->entity_count; e++) d->delay_total += d->entities[e].delay;
    for (size_t mo = 0; mo < d->month_count; mo++)
        d->balance[mo] = d->available[mo] + min_balance - d->scheduled[FS_PLAN_WHOLE][mo];
    return 0;
}

static int alloc_months(fs_disburse_result *d)
{
    size_t n = d->month_count;
    d->month_end = malloc(n * sizeof *d->month_end);
    d->revenue = calloc(n, sizeof *d->revenue);
    d->recurrent = calloc(n, sizeof *d->recurrent);
    d->balance = calloc(n, sizeof *d->balance);
    d->available = calloc(n, sizeof *d->available);
    d->constrained = calloc(n, sizeof *d->constrained);
    d->shadow_price = calloc(n, sizeof *d->shadow_price);
    if (!d->month_end || !d->revenue || !d->recurrent || !d->balance || !d->available || !d->constrained ||
        !d->shadow_price)
        return -1;
    int32_t day = d->start;
    for (size_t mo = 0; mo < n; mo++) {
        d->month_end[mo] = fs_month_end(day);
        day = d->month_end[mo] + 1;
    }
    return 0;
}

/* Calibrates θ here, or takes it from `from` (the baseline's run); fills the fit. */
static int calibrate(run *w, const fs_disburse_result *from)
{
    fs_disburse_result *d = w->d;
    const fs_disburse_spec *s = w->s;
    double *model = calloc(s->obs_count + 1, sizeof *model);
    d->fit = calloc(s->obs_count + 1, sizeof *d->fit);
    if (!model || !d->fit) {
        free(model);
        return -1;
    }
    if (from) {
        memcpy(w->theta, from->theta, sizeof w->theta);
        memcpy(w->cov, from->cov, sizeof w->cov);
        d->iterations = 0;
        d->baseline_calibration = true;
        curve_observed_shares(&w->cm, s, w->theta, model);
    } else {
        w->theta[0] = w->theta[1] = 0;
        w->theta[2] = w->theta[3] = 0.02;
        d->iterations = curve_calibrate(&w->cm, s, w->theta, w->cov, model);
    }
    for (size_t k = 0; k < s->obs_count; k++) {
        d->fit[k] = (fs_disburse_fit){&s->obs[k], model[k]};
        d->max_residual = fmax(d->max_residual, fabs(model[k] - s->obs[k].share));
    }
    d->fit_count = s->obs_count;
    free(model);
    if (d->iterations < 0) return -1;
    memcpy(d->theta, w->theta, sizeof d->theta);
    memcpy(d->cov, w->cov, sizeof d->cov);
    d->params[0] = exp(w->theta[0]);
    d->params[1] = exp(w->theta[1]);
    d->params[2] = w->theta[2];
    d->params[3] = w->theta[3];
    for (int j = 0; j < CURVE_PARAMS; j++)
        d->param_sd[j] = s->uncertainty * sqrt(w->cov[j * CURVE_PARAMS + j]) * (j < 2 ? d->params[j] : 1);
    return 0;
}

/* What every run needs: the result's months, the units' plans, the curve model,
 * calibrated, and the months' cash. On failure the diagnostic is added; the caller
 * frees w's model and result either way. */
static fs_status start_run(run *w, const fs_result *r, const fs_disburse_result *calibration, fs_diag *diag)
{
    const fs_model *m = w->m;
    fs_disburse_result *d = w->d = calloc(1, sizeof *d);
    w->unit_plan = calloc(m->unit_count + 1, sizeof *w->unit_plan);
    w->added = calloc(w->s->added_count * m->unit_count + 1, sizeof *w->added);
    w->tranche_index = calloc(w->s->added_count + 1, sizeof *w->tranche_index);
    if (!d || !w->unit_plan || !w->added || !w->tranche_index) goto oom;
    d->year = m->year;
    d->start = fs_days_from_civil(m->year, 1, 1);
    bool extended = false;
    for (size_t k = 0; k < w->s->added_count; k++)
        extended |= deadline_of(m->year, w->s->added[k].date) != deadline_of(m->year, d->start);
    d->month_count = extended ? 24 : 13;
    d->day_count = (size_t)(deadline_of(m->year, extended ? fs_days_from_civil(m->year, 12, 31) : d->start) -
                            d->start + 1);
    fs_status st = unit_plans(w, diag, r);
    if (st != FS_OK) return st;
    if (build_model(w) != 0 || alloc_months(d) != 0 || calibrate(w, calibration) != 0) goto oom;
    int rc = cash_months(w, diag);
    if (rc == -2) return FS_EINFEASIBLE;
    if (rc == 0) return FS_OK;
oom:
    return fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory, or the calibration failed");
}

fs_status fs_disburse_run(const fs_model *m, const fs_result *r, const fs_disburse_result *calibration,
                          fs_disburse_result **out, fs_diag *diag)
{
    *out = NULL;
    run w = {.m = m, .s = m->disburse};
    fs_status st = start_run(&w, r, calibration, diag);
    fs_disburse_result *d = w.d;
    if (st != FS_OK) goto fail;
    if (daily_forecast(&w) != 0 || build_accounts(&w) != 0 || build_entities(&w) != 0) goto oom;
    if ((st = cash_schedule(d, w.s->cash.catch_up, m->file, diag)) != FS_OK) goto fail;
    if (totals(d, w.s->cash.min_balance) != 0) goto oom;
    free_model(&w);
    *out = d;
    return FS_OK;
oom:
    st = fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory, or the calibration failed");
fail:
    free_model(&w);
    fs_disburse_result_free(d);
    return st;
}

fs_status fs_disburse_forecast(const fs_model *m, const fs_result *r, const fs_disburse_result *calibration,
                               const int32_t *days, size_t n, double *shares, fs_diag *diag)
{
    run w = {.m = m, .s = m->disburse};
    fs_status st = start_run(&w, r, calibration, diag);
    const fs_disburse_result *d = w.d;
    for (size_t k = 0; st == FS_OK && k < n; k++) {
        double share[FS_PLAN_PART_COUNT];
        bool inside = days[k] >= d->start && (size_t)(days[k] - d->start) < d->day_count;
        if (inside) curve_part_shares(&w.cm, &w.cm.sets[0], days[k], w.theta, share, NULL);
        shares[k] = inside ? share[FS_PLAN_WHOLE] : NAN;
    }
    free_model(&w);
    fs_disburse_result_free(w.d);
    return st;
}
