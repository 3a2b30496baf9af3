/*
 * period.c: the later years of a stability period (see period.h).
 *
 * Year t is built from the scenario itself, grown t times by the period's rates (so
 * rounding never compounds): populations, revenues and city-collected amounts by source,
 * the prices of the norms (and the delegated and targeted amounts), the envelope and the
 * city's budget; needs are recomputed from the grown norms. Hold-harmless is against
 * last year's allocation. Under the stability rules every shared source's commune share
 * is frozen, unit by unit, at the first year's, and each unit's allocation must cover its
 * own revenue, its targeted transfer and last year's balancing transfer, so that the
 * balancing transfer never falls.
 */
#include "period.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "round.h"

void fs_period_result_free(fs_period_result *p)
{
    if (!p) return;
    /* Year 0 belongs to the caller. */
    for (size_t k = 1; k < p->year_count; k++) {
        fs_result_free(p->years[k].result);
        fs_model_free(p->years[k].model);
        fs_relaxation_free(p->years[k].relaxation);
    }
    free(p->years);
    free(p);
}

static int64_t grown(int64_t v, double rate, int t)
{
    return fs_round_money((double)v * pow(1 + rate, t));
}

/* Grows y (a clone of m) to year t of the period. Returns 0, -1 on memory, -2 when an
 * amount outgrows FS_AMOUNT_MAX. */
static int grow(fs_model *y, const fs_period_spec *p, int t)
{
    double cost = pow(1 + p->cost_growth, t);
    size_t S = y->source_count;
    int64_t largest = 0;
    for (size_t u = 0; u < y->unit_count; u++) {
        fs_unit *unit = &y->units[u];
        unit->population = grown(unit->population, p->population_growth, t);
        unit->delegated = grown(unit->delegated, p->cost_growth, t);
        unit->targeted = grown(unit->targeted, p->cost_growth, t);
        for (size_t s = 0; s < S; s++) {
            int64_t *r = &y->revenue[u * S + s];
            *r = grown(*r, p->source_growth[s], t);
            if (*r > largest) largest = *r;
        }
    }
    for (size_t s = 0; s < S; s++)
        y->sources[s].city_collected = grown(y->sources[s].city_collected, p->source_growth[s], t);
    for (size_t k = 0; k < y->norm_count; k++) {
        fs_norm *n = &y->norms[k];
        n->per_capita *= cost, n->per_km2 *= cost, n->fixed *= cost;
        for (int w = 0; w < FS_WL_COUNT; w++) n->per_workload[w] *= cost;
    }
    y->policy.envelope = grown(y->policy.envelope, p->envelope_growth, t);
    y->city.revenue = grown(y->city.revenue, p->city_growth, t);
    y->city.central_transfers = grown(y->city.central_transfers, p->city_growth, t);
    y->city.need = grown(y->city.need, p->city_growth, t);
    if (y->policy.envelope > largest) largest = y->policy.envelope;
    if (y->city.revenue > largest) largest = y->city.revenue;
    if (largest > FS_AMOUNT_MAX) return -2;
    size_t bad = 0;
    return fs_model_compute_needs(y, &bad);
}

/* Every shared source's commune share, unit by unit, fixed at `share` (unit × source). */
static int freeze_shares(fs_model *y, const double *share)
{
    size_t n = y->unit_count, S = y->source_count;
    for (size_t s = 0; s < S; s++) {
        fs_source *src = &y->sources[s];
        if (src->type != FS_SOURCE_SHARED) continue;
        fs_share_rule *rules = calloc(n + 1, sizeof *rules);
        if (!rules) return -1;
        for (size_t u = 0; u < n; u++) {
            rules[u] = (fs_share_rule){.kind = -1, .cls = -1, .regime = -1, .commune = share[u * S + s]};
            y->rule_of[u * S + s] = (int)u;
        }
        free(src->rules);
        src->rules = rules;
        src->rule_count = n;
    }
    return 0;
}

/* The allocation each unit needs for its balancing transfer to stay at last year's:
 * its own revenue under the frozen shares (rounded as results are), its targeted
 * transfer and last year's transfer. */
static fs_status stability_floor(fs_model *y, const fs_result *prev, fs_diag *diag)
{
    size_t n = y->unit_count;
    double *zero = calloc(n + 1, sizeof *zero), *share = malloc((n * y->source_count + 1) * sizeof *share);
    y->stability_floor = calloc(n + 1, sizeof *y->stability_floor);
    fs_status st = FS_OK;
    if (!zero || !share || !y->stability_floor) {
        st = fs_diag_add(diag, FS_EINTERNAL, y->file, 0, NULL, "out of memory");
        goto done;
    }
    for (size_t u = 0; u < n; u++)
        for (size_t s = 0; s < y->source_count; s++) {
            const fs_share_rule *rule = fs_model_rule(y, u, s);
            share[u * y->source_count + s] = y->sources[s].type == FS_SOURCE_COMMUNE ? 1 - y->sources[s].central
                                             : rule                                  ? rule->commune
                                                                                     : 0;
        }
    fs_result *own = NULL;
    if ((st = fs_result_build(y, share, zero, NAN, &own, diag)) == FS_OK)
        for (size_t u = 0; u < n; u++)
            y->stability_floor[u] = own->units[u].own + own->units[u].targeted + prev->units[u].transfer;
    fs_result_free(own);
done:
    free(zero), free(share);
    return st;
}

static fs_status build_year(const fs_model *m, const fs_result *first, const fs_result *prev, int t, fs_model **out,
                            fs_diag *diag)
{
    const fs_period_spec *p = m->period;
    fs_model *y = fs_model_clone(m);
    if (!y) return fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory");
    y->year = m->year + t;
    int rc = grow(y, p, t);
    fs_status st = FS_OK;
    if (rc == -2)
        st = fs_diag_add(diag, FS_EINPUT, p->file, p->line, "period",
                         "by %d the grown amounts exceed 10^15: lower the growth rates or the number of years", y->year);
    else if (rc != 0)
        st = fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory");
    for (size_t u = 0; st == FS_OK && u < y->unit_count; u++) y->units[u].last_year = prev->units[u].allocation;
    if (st == FS_OK && p->stability && freeze_shares(y, first->share) != 0)
        st = fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory");
    if (st == FS_OK && p->stability) st = stability_floor(y, prev, diag);
    if (st != FS_OK) {
        fs_model_free(y);
        return st;
    }
    *out = y;
    return FS_OK;
}

fs_status fs_period_run(const fs_model *m, const fs_result *first, fs_period_result **out, fs_diag *diag)
{
    *out = NULL;
    const fs_period_spec *p = m->period;
    fs_period_result *res = calloc(1, sizeof *res);
    if (res) res->years = calloc((size_t)p->years, sizeof *res->years);
    if (!res || !res->years) {
        free(res);
        return fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory");
    }
    res->year_count = (size_t)p->years;
    res->years[0] = (fs_period_year){.year = m->year, .status = FS_YEAR_SOLVED};
    for (size_t t = 1; t < res->year_count; t++)
        res->years[t] = (fs_period_year){.year = m->year + (int)t, .status = FS_YEAR_NOT_RUN};
    const fs_result *prev = first;
    fs_status st = FS_OK;
    for (size_t t = 1; t < res->year_count && st == FS_OK; t++) {
        fs_period_year *yr = &res->years[t];
        if ((st = build_year(m, first, prev, (int)t, &yr->model, diag)) != FS_OK) break;
        fs_diag local = {0};
        fs_engine_options opt = {0};
        st = fs_engine_run(yr->model, &opt, &yr->result, &local);
        if (st == FS_EINFEASIBLE) {
            yr->status = FS_YEAR_INFEASIBLE;
            yr->relaxation = opt.relaxation;
            res->failed_year = yr->year;
            if (p->stability)
                fs_diag_add(diag, FS_EINFEASIBLE, p->file, p->line, "period",
                            "%d: the stability rules are violated: with the sharing ratios of %d and balancing "
                            "transfers not below %d's, no allocation meets the policy",
                            yr->year, m->year, yr->year - 1);
            else
                fs_diag_add(diag, FS_EINFEASIBLE, p->file, p->line, "period", "%d: no allocation meets the policy",
                            yr->year);
        } else {
            fs_relaxation_free(opt.relaxation);
            if (st == FS_OK) {
                yr->status = FS_YEAR_SOLVED;
                prev = yr->result;
            }
        }
        if (st != FS_OK)
            for (size_t i = 0; i < local.count; i++) {
                const fs_error *e = &local.items[i];
                fs_diag_add(diag, e->code, e->file, e->line, e->key, "%d: %s", yr->year, e->message);
            }
        fs_diag_clear(&local);
    }
    if (st != FS_OK && st != FS_EINFEASIBLE) {
        fs_period_result_free(res);
        return st;
    }
    *out = res;
    return st;
}
