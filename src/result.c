/*
 * result.c: from real shares and transfers to integer money (see result.h).
 *
 * Rounding order: each collection is split into central, city and commune parts by
 * largest remainder (the parts add up to the collection); a unit's own revenue is the
 * sum of its commune parts; transfers are rounded by largest remainder to the amount
 * that makes the allocations add up to the envelope (or to the rounded real total when
 * there is none), never below zero when transfers must be non-negative.
 */
#include "fiscalsim/result.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fiscalsim/round.h"

void fs_result_free(fs_result *r)
{
    if (!r) return;
    free(r->units);
    free(r->share);
    free(r->central_part);
    free(r->city_part);
    free(r->commune_part);
    free(r->city_collected_city);
    free(r->city_collected_central);
    free(r->binding);
    free(r);
}

static fs_result *allocate(size_t n, size_t S)
{
    fs_result *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->unit_count = n;
    r->source_count = S;
    r->units = calloc(n + 1, sizeof *r->units);
    r->share = calloc(n * S + 1, sizeof *r->share);
    r->central_part = calloc(n * S + 1, sizeof *r->central_part);
    r->city_part = calloc(n * S + 1, sizeof *r->city_part);
    r->commune_part = calloc(n * S + 1, sizeof *r->commune_part);
    r->city_collected_city = calloc(S + 1, sizeof *r->city_collected_city);
    r->city_collected_central = calloc(S + 1, sizeof *r->city_collected_central);
    if (!r->units || !r->share || !r->central_part || !r->city_part || !r->commune_part ||
        !r->city_collected_city || !r->city_collected_central) {
        fs_result_free(r);
        return NULL;
    }
    return r;
}

/* Splits `amount` into central/city/commune by the given shares, exactly. */
static int split3(int64_t amount, double central, double commune, int64_t *c, int64_t *city, int64_t *own)
{
    double a = (double)amount;
    double real[3] = {central * a, a - central * a - commune * a, commune * a};
    if (real[1] < 0) real[1] = 0;
    static const int64_t zero[3] = {0, 0, 0};
    int64_t out[3];
    if (fs_round_to_total(real, 3, amount, zero, out) != 0) return -1;
    *c = out[0];
    *city = out[1];
    *own = out[2];
    return 0;
}

static void city_totals(const fs_model *m, fs_result *r)
{
    int64_t retained = m->city.revenue + m->city.central_transfers;
    for (size_t s = 0; s < m->source_count; s++) {
        retained += r->city_collected_city[s];
        for (size_t u = 0; u < m->unit_count; u++) retained += r->city_part[u * m->source_count + s];
    }
    int64_t base = m->city.need + r->total_transfer + r->total_targeted;
    r->city_retained = retained;
    r->city_reserve = fs_round_money(m->city.reserve_rate * (double)base);
    r->city_spending = base + r->city_reserve;
    r->city_balance = retained - r->city_spending;
}

/* The smallest whole allocation that meets unit u's lower requirements (hold-harmless,
 * per-capita floor, minimum coverage, the stability floor): requirements are real numbers, allocations are
 * whole money units, so a requirement of 171,123.3 needs 171,124. */
static int64_t required_floor(const fs_model *m, size_t u)
{
    const fs_policy *p = &m->policy;
    const fs_unit *unit = &m->units[u];
    double need = 0;
    if (!isnan(p->hold_harmless)) need = fmax(need, p->hold_harmless * (double)unit->last_year);
    if (!isnan(p->floor_per_capita[unit->cls]))
        need = fmax(need, p->floor_per_capita[unit->cls] * (double)unit->population);
    if (!isnan(p->coverage_min)) {
        double first = p->priority * (double)unit->delegated;
        need = fmax(need, p->coverage_min * ((double)m->need[u] - first) + first);
    }
    if (m->stability_floor) need = fmax(need, (double)m->stability_floor[u]);
    /* 1e-6: a requirement met by the solver to its tolerance is met. */
    return (int64_t)ceil(need - 1e-6);
}

/* Rounds the real allocations (own revenue + transfer + targeted) to whole money so
 * that they add up to the envelope (or to the rounded real total without one). Each
 * allocation stays at or above its whole-money requirements and, when transfers must be
 * non-negative, at or above its own revenue plus targeted transfers; if the
 * requirements cannot all be met in whole money, only the transfer bound is kept.
 * On return out[u] holds allocations; the transfer is then the allocation less the
 * whole-money own revenue and targeted transfers. */
static int round_allocations(const fs_model *m, const fs_result *r, const double *transfer, int64_t *out,
                             int64_t *lower)
{
    size_t n = m->unit_count;
    double *x = malloc((n + 1) * sizeof *x);
    if (!x) return -1;
    double sum = 0;
    for (size_t u = 0; u < n; u++) {
        double own = 0;
        for (size_t s = 0; s < m->source_count; s++)
            own += r->share[u * m->source_count + s] * (double)fs_model_revenue(m, u, s);
        x[u] = own + (double)r->units[u].targeted + transfer[u];
        sum += x[u];
    }
    int64_t target = m->policy.mode == FS_MODE_OPTIMISE && m->policy.envelope_mode == FS_ENVELOPE_EXACT
                         ? m->policy.envelope
                         : fs_round_money(sum);
    bool nonneg = m->policy.nonneg_transfers || m->policy.mode == FS_MODE_LEGAL;
    for (size_t u = 0; u < n; u++) {
        int64_t base = nonneg ? r->units[u].own + r->units[u].targeted : INT64_MIN / 4;
        int64_t req = m->policy.mode == FS_MODE_OPTIMISE ? required_floor(m, u) : 0;
        lower[u] = req > base ? req : base;
    }
    int rc = fs_round_to_total(x, n, target, lower, out);
    if (rc != 0) {
        for (size_t u = 0; u < n; u++)
            lower[u] = nonneg ? r->units[u].own + r->units[u].targeted : INT64_MIN / 4;
        rc = fs_round_to_total(x, n, target, lower, out);
    }
    free(x);
    return rc;
}

fs_status fs_result_build(const fs_model *m, const double *share, const double *transfer, fs_result **out,
                          fs_diag *diag)
{
    *out = NULL;
    size_t n = m->unit_count, S = m->source_count;
    fs_result *r = allocate(n, S);
    double *t_real = malloc((n + 1) * sizeof *t_real);
    int64_t *t_int = malloc((n + 1) * sizeof *t_int);
    int64_t *lower = calloc(n + 1, sizeof *lower);
    if (!r || !t_real || !t_int || !lower) goto oom;
    r->mode = m->policy.mode;
    memcpy(r->share, share, n * S * sizeof *share);
    for (size_t u = 0; u < n; u++) {
        int64_t own = 0;
        for (size_t s = 0; s < S; s++) {
            size_t k = u * S + s;
            if (split3(fs_model_revenue(m, u, s), m->sources[s].central, share[k], &r->central_part[k],
                       &r->city_part[k], &r->commune_part[k]) != 0)
                goto bug;
            own += r->commune_part[k];
        }
        r->units[u].own = own;
        r->units[u].targeted = m->units[u].targeted;
        r->units[u].need = m->need[u];
        t_real[u] = transfer[u];
    }
    for (size_t s = 0; s < S; s++) {
        int64_t unused;
        if (split3(m->sources[s].city_collected, m->sources[s].central, 0, &r->city_collected_central[s],
                   &r->city_collected_city[s], &unused) != 0)
            goto bug;
    }
    if (round_allocations(m, r, t_real, t_int, lower) != 0) goto bug;
    r->min_coverage = HUGE_VAL;
    for (size_t u = 0; u < n; u++) {
        fs_unit_result *ur = &r->units[u];
        ur->allocation = t_int[u];
        ur->transfer = ur->allocation - ur->own - ur->targeted;
        ur->coverage = (double)ur->allocation / (double)ur->need;
        ur->per_capita = (double)ur->allocation / (double)m->units[u].population;
        r->total_need += ur->need;
        r->total_own += ur->own;
        r->total_transfer += ur->transfer;
        r->total_targeted += ur->targeted;
        r->total_allocation += ur->allocation;
        if (ur->coverage < r->min_coverage) r->min_coverage = ur->coverage;
        if (ur->allocation < ur->need) r->units_under_need++;
    }
    city_totals(m, r);
    free(t_real);
    free(t_int);
    free(lower);
    *out = r;
    return FS_OK;
bug:
    fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "rounding could not meet the totals (transfers must be non-negative)");
    fs_result_free(r);
    free(t_real);
    free(t_int);
    free(lower);
    return FS_EINTERNAL;
oom:
    fs_result_free(r);
    free(t_real);
    free(t_int);
    free(lower);
    return fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory");
}

/* Money per LP unit of the primary objective: transfers are money, the rest are ratios. */
static double objective_scale(const fs_lp *lp, size_t stage)
{
    return lp->stage[stage] == FS_OBJ_MIN_TRANSFERS ? lp->money_scale : 1.0;
}

static int attach_binding(const fs_lp *lp, const fs_solution *sol, fs_result *r)
{
    r->binding = calloc(sol->binding_count + 1, sizeof *r->binding);
    if (!r->binding) return -1;
    double S = lp->money_scale, obj = objective_scale(lp, 0);
    for (size_t k = 0; k < sol->binding_count; k++) {
        const fs_binding *b = &sol->binding[k];
        fs_constraint_report *c = &r->binding[r->binding_count++];
        c->source = c->rule = -1;
        if (b->is_col) {
            const fs_lp_col *col = &lp->cols[b->index];
            snprintf(c->name, sizeof c->name, "%s", col->name);
            c->unit = col->unit;
            double step = col->step;
            if (col->role == FS_COL_COVERAGE) {
                c->kind = "coverage_min";
                step = 1;
            } else {
                c->source = col->source;
                c->rule = col->rule;
                c->kind = fabs(b->activity - col->lo) <= fabs(b->activity - col->hi) ? "share_min" : "share_max";
            }
            c->value = b->activity * step;
            c->shadow_price = b->dual * obj / step;
            c->range_lo = b->range_lo * step;
            c->range_hi = b->range_hi * step;
        } else {
            const fs_lp_row *row = &lp->rows[b->index];
            snprintf(c->name, sizeof c->name, "%s", row->name);
            c->kind = fs_row_role_name(row->role);
            c->unit = row->unit;
            c->value = b->activity * S;
            c->shadow_price = b->dual * obj / S;
            c->range_lo = b->range_lo * S;
            c->range_hi = b->range_hi * S;
        }
    }
    return 0;
}

fs_status fs_result_from_lp(const fs_model *m, const fs_lp *lp, const fs_solution *sol, fs_result **out,
                            fs_diag *diag)
{
    size_t n = m->unit_count, S = m->source_count;
    double *share = malloc((n * S + 1) * sizeof *share);
    double *transfer = malloc((n + 1) * sizeof *transfer);
    if (!share || !transfer) {
        free(share);
        free(transfer);
        return fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory");
    }
    for (size_t u = 0; u < n; u++) {
        transfer[u] = sol->x[lp->transfer_col[u]] * lp->money_scale;
        for (size_t s = 0; s < S; s++) {
            const fs_source *src = &m->sources[s];
            int col = lp->share_col[u * S + s];
            double v;
            if (src->type == FS_SOURCE_CITY) v = 0;
            else if (src->type == FS_SOURCE_COMMUNE) v = 1 - src->central;
            else if (col >= 0) v = sol->x[col] * lp->cols[col].step;
            else v = fs_model_rule(m, u, s)->commune;
            share[u * S + s] = v;
        }
    }
    fs_status st = fs_result_build(m, share, transfer, out, diag);
    free(share);
    free(transfer);
    if (st != FS_OK) return st;
    fs_result *r = *out;
    r->status = sol->status;
    r->iterations = sol->iterations;
    r->money_scale = lp->money_scale;
    r->lp_objective = sol->objective[0];
    r->max_violation = sol->max_violation;
    r->objective_count = lp->stage_count;
    for (size_t k = 0; k < lp->stage_count; k++) r->objective[k] = sol->objective[k] * objective_scale(lp, k);
    if (attach_binding(lp, sol, r) != 0) {
        fs_result_free(r);
        *out = NULL;
        return fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory");
    }
    return FS_OK;
}
