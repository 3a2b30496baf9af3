/*
 * disburse.c: the disbursement of the plan year, start to finish (see disburse.h):
 * the prior from the history's years, the forecast year's posterior, the daily
 * forecast with its band, monthly whole-money curves per account, risk flags and the
 * cash schedule. What the curves are made of is disburse_model.c.
 *
 * The band of any forecast share S with gradient g in θ is S ± z·k·√(gᵀPg + σ²): P the
 * forecast year's posterior covariance (which holds the year-to-year spread of the
 * curve through the prior), σ the spread of a published figure around its year's
 * curve, k ≥ 1 the widening that leave-one-year-out over the history asks for at this
 * year's cutoff (the date of its last point), z = forecast.band. S never leaves (0, 1)
 * and the band is clipped to [0, 1] only on the side it crosses, so it never collapses.
 */
#include "disburse.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "disburse_cash.h"
#include "disburse_model.h"
#include "round.h"

enum { P = CURVE_PARAMS };

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

/* Working state of one run. */
typedef struct run {
    const fs_model *m;
    const fs_disburse_spec *s;
    fs_disburse_result *d;
    disburse_model dm;
    double theta[P], cov[P * P]; /* the forecast year's posterior */
    double prior_cov[P * P];     /* its prior's covariance */
    double sigma, k;             /* noise of a figure; the bands' widening */
    size_t *tranche_index;       /* scratch: 1 + added_count */
    size_t *first_account;       /* per entity, and one past the last */
} run;

/* Half-width of the band of a share with gradient g. */
static double band_half(const run *w, const double *g)
{
    return w->s->band_z * w->k * curve_predictive_sd(w->cov, g, w->sigma);
}

/* The forecast year's tranches of entity e (see build_forecast's order): its base
 * tranche, then one per added capital. Returns how many, indices in w->tranche_index. */
static size_t tranches_of(const run *w, size_t e)
{
    size_t n = w->m->unit_count, count = 0;
    w->tranche_index[count++] = e;
    for (size_t k = 0; e > 0 && k < w->s->added_count; k++) w->tranche_index[count++] = 1 + n + k * n + (e - 1);
    return count;
}

/* Daily shares of each part with their band, from 1 January to the last deadline. */
static int daily_forecast(run *w)
{
    fs_disburse_result *d = w->d;
    for (int p = 0; p < FS_PLAN_PART_COUNT; p++)
        for (int k = 0; k < 3; k++)
            if (!(d->daily[p][k] = malloc(d->day_count * sizeof *d->daily[p][k]))) return -1;
    for (size_t i = 0; i < d->day_count; i++) {
        double share[FS_PLAN_PART_COUNT], grad[FS_PLAN_PART_COUNT][P];
        curve_part_shares(&w->dm.forecast, d->start + (int32_t)i, w->theta, share, grad);
        for (int p = 0; p < FS_PLAN_PART_COUNT; p++) {
            double half = band_half(w, grad[p]);
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
    const curve_set *set = &w->dm.forecast;
    size_t ne = w->dm.cm.entity_count;
    d->accounts = calloc(2 * ne, sizeof *d->accounts);
    w->first_account = calloc(ne + 1, sizeof *w->first_account);
    if (!d->accounts || !w->first_account) return -1;
    int32_t normal = disburse_deadline(d->year, d->start);
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
                    paid += tr->amount * curve_tranche_share(&w->dm.cm, set, tr, d->month_end[mo], w->theta, NULL);
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
    const curve_set *set = &w->dm.forecast;
    size_t count = tranches_of(w, u + 1);
    for (size_t k = 0; k < count && left > 40; k++) {
        const curve_tranche *tr = &set->tranches[w->tranche_index[k]];
        if (tr->start == w->d->start || tr->amount <= 0) continue;
        double x = curve_progress(&set->year, tr->start, tr->deadline, tr->deadline);
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
    const curve_set *set = &w->dm.forecast;
    size_t ne = w->dm.cm.entity_count;
    d->entities = calloc(ne, sizeof *d->entities);
    if (!d->entities) return -1;
    d->entity_count = ne;
    for (size_t e = 0; e < ne; e++) {
        fs_disburse_entity *en = &d->entities[e];
        en->unit = (int)e - 1;
        en->capacity = w->dm.capacity[e];
        double q;
        curve_entity_shape(&w->dm.cm, e, w->theta, &en->alpha, &q);
        double num = 0, den = 0, g[P] = {0}, tg[P];
        en->deadline = d->start;
        size_t count = tranches_of(w, e);
        for (size_t k = 0; k < count; k++) {
            const curve_tranche *tr = &set->tranches[w->tranche_index[k]];
            num += tr->amount * curve_tranche_share(&w->dm.cm, set, tr, tr->deadline, w->theta, tg);
            den += tr->amount;
            for (int j = 0; j < P; j++) g[j] += tr->amount * tg[j];
            if (tr->amount > 0 && tr->deadline > en->deadline) en->deadline = tr->deadline;
        }
        for (int j = 0; j < P && den > 0; j++) g[j] /= den;
        en->completion = den > 0 ? num / den : 1;
        double half = band_half(w, g);
        en->band_lo = fmax(0, en->completion - half);
        en->band_hi = fmin(1, en->completion + half);
        for (size_t a = w->first_account[e]; a < w->first_account[e + 1]; a++) {
            const fs_disburse_account *acc = &d->accounts[a];
            en->plan += acc->plan;
            en->simulated += acc->simulated[d->month_count - 1];
        }
        if (en->plan == 0) continue;
        /* Normal approximation: the chance of finishing below the threshold. */
        double sd = w->k * curve_predictive_sd(w->cov, g, w->sigma);
        double gap = w->s->risk_threshold - en->completion;
        en->miss_probability = 0.5 * erfc(-gap / (sd * sqrt(2)));
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

/* ---- Calibration -------------------------------------------------------------------- */

/* The fit rows of year j: its points under posterior `post`. */
static int fit_rows(run *w, size_t j, const curve_posterior *post)
{
    disburse_years *y = &w->dm.years;
    prior_year *py = &y->years[j];
    size_t n = py->points.n;
    double *model = malloc((n + 1) * sizeof *model), *grad = malloc((n + 1) * P * sizeof *grad);
    if (!model || !grad) {
        free(model), free(grad);
        return -1;
    }
    curve_points_eval(&py->points, post->theta, model, grad);
    for (size_t k = 0; k < n; k++) {
        double half = w->s->band_z * w->k * curve_predictive_sd(post->cov, grad + k * P, w->sigma);
        fs_disburse_fit *f = &w->d->fit[y->first[j] + k];
        *f = (fs_disburse_fit){y->obs[y->first[j] + k], model[k], fmax(0, model[k] - half), fmin(1, model[k] + half),
                               (int)j == y->forecast};
    }
    free(model), free(grad);
    return 0;
}

/* Cutoffs of leave-one-year-out at this run's: each year's points up to the same
 * month and day as the forecast year's last point (none when it has none). */
static void run_cutoffs(const run *w, prior_year *const *years, size_t n, int32_t *cutoff)
{
    const disburse_years *y = &w->dm.years;
    int32_t last = w->d->start - 1;
    if (y->forecast >= 0) {
        const prior_year *f = &y->years[y->forecast];
        last = f->date[f->points.n - 1];
    }
    for (size_t j = 0; j < n; j++) cutoff[j] = fs_date_shift_years(last, years[j]->year - w->d->year);
}

/* The history's prior and the forecast year's posterior. */
static int calibrate_here(run *w)
{
    fs_disburse_result *d = w->d;
    disburse_years *y = &w->dm.years;
    prior_settings settings;
    prior_hyper h = {0};
    prior_year **history = malloc((y->count + 1) * sizeof *history);
    int32_t *cutoff = malloc((y->count + 1) * sizeof *cutoff);
    int rc = -1;
    if (!history || !cutoff || disburse_prior_settings(w->s, &settings) != 0) goto done;
    size_t n = disburse_years_except(y, 0, y->forecast, history);
    if (prior_estimate(history, n, w->s->series_count, &settings, &h) != 0) goto done;
    fs_disburse_prior *pr = &d->prior;
    memcpy(pr->mean, h.mean, sizeof pr->mean); /* the own series' */
    memcpy(pr->cov, h.cov, sizeof pr->cov);
    pr->sigma = h.sigma;
    pr->years = h.years, pr->points = h.points, pr->iterations = h.iterations;
    run_cutoffs(w, history, n, cutoff);
    pr->band_scale = w->s->band_scale > 0 ? w->s->band_scale : prior_band_scale(history, n, &h, cutoff, &pr->held_out);
    if (pr->band_scale < 0) goto done;
    w->sigma = d->prior.sigma;
    w->k = d->prior.band_scale;
    curve_gauss g;
    if (prior_of(&h, 0, &g) != 0) goto done;
    memcpy(w->prior_cov, g.cov, sizeof g.cov);
    curve_posterior post;
    curve_points *own = y->forecast >= 0 ? &y->years[y->forecast].points : NULL;
    if (curve_fit(own, &g, w->sigma, NULL, 0, &post, NULL, NULL) != 0) goto done;
    memcpy(w->theta, post.theta, sizeof w->theta);
    memcpy(w->cov, post.cov, sizeof w->cov);
    d->iterations = post.iterations;
    /* Every year's points under its own posterior: the history's from the estimate. */
    for (size_t j = 0; j < y->count; j++)
        if (fit_rows(w, j, (int)j == y->forecast ? &post : &y->years[j].post) != 0) goto done;
    rc = 0;
done:
    prior_hyper_free(&h);
    free(history), free(cutoff);
    return rc;
}

/* The baseline's θ and P; the fit rows show this scenario's curve at its points. */
static int calibrate_on(run *w, const fs_disburse_result *from)
{
    fs_disburse_result *d = w->d;
    d->prior = from->prior;
    d->baseline_calibration = true;
    w->sigma = from->prior.sigma;
    w->k = from->prior.band_scale;
    memcpy(w->theta, from->theta, sizeof w->theta);
    memcpy(w->cov, from->cov, sizeof w->cov);
    memcpy(w->prior_cov, from->prior.cov, sizeof w->prior_cov);
    const disburse_years *y = &w->dm.years;
    if (y->forecast < 0) return 0;
    curve_posterior post;
    memcpy(post.theta, w->theta, sizeof post.theta);
    memcpy(post.cov, w->cov, sizeof post.cov);
    return fit_rows(w, (size_t)y->forecast, &post);
}

/* What the calibration says of itself: the parameters, how much of the forecast at
 * the last deadline comes from this year's points, and the residuals. */
static void calibration_summary(run *w)
{
    fs_disburse_result *d = w->d;
    const disburse_years *y = &w->dm.years;
    d->points = y->forecast >= 0 ? y->years[y->forecast].points.n : 0;
    memcpy(d->theta, w->theta, sizeof d->theta);
    memcpy(d->cov, w->cov, sizeof d->cov);
    for (int j = 0; j < 2; j++) {
        d->params[j] = exp(w->theta[THETA_A_CITY + j]);
        d->param_sd[j] = d->params[j] * sqrt(w->cov[(THETA_A_CITY + j) * (P + 1)]);
        double q = 1 / (1 + exp(-w->theta[THETA_B_CITY + j]));
        d->params[2 + j] = q;
        d->param_sd[2 + j] = q * (1 - q) * sqrt(w->cov[(THETA_B_CITY + j) * (P + 1)]);
    }
    d->params[4] = exp(w->theta[THETA_R]);
    d->param_sd[4] = d->params[4] * sqrt(w->cov[THETA_R * (P + 1)]);
    double share[FS_PLAN_PART_COUNT], grad[FS_PLAN_PART_COUNT][P], inv[P * P];
    curve_part_shares(&w->dm.forecast, d->start + (int32_t)d->day_count - 1, w->theta, share, grad);
    double before = curve_quadratic(w->prior_cov, grad[FS_PLAN_WHOLE]);
    d->data_weight = before > 0 ? fmax(0, 1 - curve_quadratic(w->cov, grad[FS_PLAN_WHOLE]) / before) : 0;
    d->parameters_from_data = P;
    if (curve_spd_inverse(w->prior_cov, inv) == 0)
        for (int i = 0; i < P; i++)
            for (int j = 0; j < P; j++) d->parameters_from_data -= w->cov[i * P + j] * inv[j * P + i];
    if (d->parameters_from_data < 0) d->parameters_from_data = 0;
    for (size_t k = 0; k < d->fit_count; k++)
        if (d->fit[k].this_year) d->max_residual = fmax(d->max_residual, fabs(d->fit[k].model - d->fit[k].obs->share));
}

static int calibrate(run *w, const fs_disburse_result *from)
{
    fs_disburse_result *d = w->d;
    d->fit = calloc(w->s->obs_count + 1, sizeof *d->fit);
    if (!d->fit) return -1;
    int rc = from ? calibrate_on(w, from) : calibrate_here(w);
    if (rc != 0) return rc;
    /* Rows not filled (of the history, in a run calibrated on another) are left out. */
    size_t kept = 0;
    for (size_t k = 0; k < w->s->obs_count; k++)
        if (d->fit[k].obs) d->fit[kept++] = d->fit[k];
    d->fit_count = kept;
    calibration_summary(w);
    return 0;
}

/* What every run needs: the result's months, the units' plans, the curves,
 * calibrated, and the months' cash. On failure the diagnostic is added; the caller
 * frees w's model and result either way. */
static fs_status start_run(run *w, const fs_result *r, const fs_disburse_result *calibration, fs_diag *diag)
{
    const fs_model *m = w->m;
    fs_disburse_result *d = w->d = calloc(1, sizeof *d);
    w->tranche_index = calloc(w->s->added_count + 1, sizeof *w->tranche_index);
    if (!d || !w->tranche_index) goto oom;
    d->year = m->year;
    d->start = fs_days_from_civil(m->year, 1, 1);
    bool extended = false;
    for (size_t k = 0; k < w->s->added_count; k++)
        extended |= disburse_deadline(m->year, w->s->added[k].date) != disburse_deadline(m->year, d->start);
    d->month_count = extended ? 24 : 13;
    d->day_count =
        (size_t)(disburse_deadline(m->year, extended ? fs_days_from_civil(m->year, 12, 31) : d->start) - d->start + 1);
    fs_status st = disburse_model_build(m, r, &w->dm, diag);
    if (st != FS_OK) return st;
    if (alloc_months(d) != 0 || calibrate(w, calibration) != 0) goto oom;
    int rc = cash_months(w, diag);
    if (rc == -2) return FS_EINFEASIBLE;
    if (rc == 0) return FS_OK;
oom:
    return fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory, or the calibration failed");
}

static void end_run(run *w)
{
    disburse_model_free(&w->dm);
    free(w->tranche_index), free(w->first_account);
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
    end_run(&w);
    *out = d;
    return FS_OK;
oom:
    st = fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory");
fail:
    end_run(&w);
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
        if (inside) curve_part_shares(&w.dm.forecast, days[k], w.theta, share, NULL);
        shares[k] = inside ? share[FS_PLAN_WHOLE] : NAN;
    }
    end_run(&w);
    fs_disburse_result_free(w.d);
    return st;
}
