/*
 * sweep_design.c: the variants of a sweep (see sweep.h) and how a parameter's value is
 * set in a scenario. Random numbers come from splitmix64 seeded with the sweep's seed,
 * drawn in a fixed order, so a design depends on the seed alone.
 *
 * Every value a design draws lies in the range of its key (scenario_sweep.c checks
 * min, max and values at load time; a normal is truncated to the range here, its
 * quantiles taken within it, rather than clipped, which would pile variants up at the
 * ends). Sizes are counted with overflow checks. A variant is then checked as the
 * loader checks a scenario's figures that a multiplier or a norm changes (each unit's
 * population, revenue and need, the totals), so that a variant the engine could only
 * get wrong is a failure with a reason, never a silent result.
 */
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "disburse.h"
#include "rng.h"
#include "round.h"
#include "sweep.h"
#include "sweep_correlate.h"

/* The Saltelli sample: rows 0..N-1 are A and N..2N-1 are B (both already drawn at
 * random); block 2 + i is A with column i taken from B. */
static void saltelli(const fs_sweep_spec *s, double *x)
{
    size_t N = s->variants, np = s->param_count;
    for (size_t i = 0; i < np; i++)
        for (size_t r = 0; r < N; r++) {
            double *row = x + ((2 + i) * N + r) * np;
            for (size_t j = 0; j < np; j++) row[j] = x[(j == i ? N + r : r) * np + j];
        }
}

/* The n × np matrix of a design and the n-entry permutation of a Latin hypercube, or
 * -1 when their sizes do not fit or memory runs out (nothing allocated then). */
static int alloc_design(size_t n, size_t np, double **x, size_t **perm)
{
    size_t cells = 0, bytes = 0, perm_bytes = 0;
    *x = NULL, *perm = NULL;
    if (__builtin_mul_overflow(n, np, &cells) || __builtin_mul_overflow(cells, sizeof **x, &bytes) ||
        __builtin_add_overflow(bytes, 1, &bytes) || __builtin_mul_overflow(n, sizeof **perm, &perm_bytes) ||
        __builtin_add_overflow(perm_bytes, 1, &perm_bytes))
        return -1;
    *x = malloc(bytes);
    *perm = malloc(perm_bytes);
    if (*x && *perm) return 0;
    free(*x), free(*perm);
    *x = NULL, *perm = NULL;
    return -1;
}

size_t fs_sweep_design_values(const fs_sweep_spec *s, double **out, fs_diag *diag)
{
    size_t np = s->param_count, n = fs_sweep_variant_total(s);
    if (n == 0 || n > FS_SWEEP_VARIANTS_MAX) {
        /* The loader refuses such a design (scenario_sweep.c): a spec built otherwise. */
        fs_diag_add(diag, FS_EINPUT, s->file, s->line, "sweep", "the design has %s variants: from 1 to %d are possible",
                    n == SIZE_MAX ? "over 2^64" : n == 0 ? "no" : "too many", FS_SWEEP_VARIANTS_MAX);
        return 0;
    }
    double *x = NULL;
    size_t *perm = NULL;
    if (alloc_design(n, np, &x, &perm) != 0) {
        fs_diag_add(diag, FS_EINTERNAL, s->file, s->line, "sweep",
                    "out of memory for the design: %zu variants of %zu parameters", n, np);
        return 0;
    }
    uint64_t state = s->seed;
    for (size_t j = 0; j < np; j++) {
        const fs_sweep_param *p = &s->params[j];
        if (s->design == FS_DESIGN_LHS) {
            /* One value in each of n equal-probability strata, in a random order. */
            for (size_t i = 0; i < n; i++) perm[i] = i;
            for (size_t i = n; i > 1; i--) {
                size_t k = (size_t)(rng_next(&state) % i), t = perm[i - 1];
                perm[i - 1] = perm[k], perm[k] = t;
            }
        }
        size_t stride = 1;
        for (size_t k = j + 1; s->design == FS_DESIGN_GRID && k < np; k++) stride *= s->params[k].value_count;
        for (size_t i = 0; i < n; i++) {
            double v;
            switch (s->design) {
            case FS_DESIGN_GRID: v = p->values[(i / stride) % p->value_count]; break;
            case FS_DESIGN_OAT: v = i == 1 + 2 * j ? p->lo : i == 2 + 2 * j ? p->hi : p->baseline; break;
            case FS_DESIGN_LHS: v = fs_sweep_quantile(p, ((double)perm[i] + rng_uniform(&state)) / (double)n); break;
            default: v = fs_sweep_quantile(p, rng_uniform(&state)); break;
            }
            x[i * np + j] = v;
        }
    }
    free(perm);
    if (s->correlation_count > 0) {
        /* A Saltelli sample correlates its A and B matrices each on its own. */
        size_t rows = s->design == FS_DESIGN_SOBOL ? s->variants : n;
        int rc = sweep_correlate(s, x, rows, 0);
        if (rc == 0 && s->design == FS_DESIGN_SOBOL) rc = sweep_correlate(s, x, rows, rows);
        if (rc != 0) {
            free(x);
            if (rc == -1)
                fs_diag_add(diag, FS_EINPUT, s->file, s->correlations[0].line, "sweep.correlations",
                            "the stated correlations are not a valid correlation matrix (not positive definite)");
            else
                fs_diag_add(diag, FS_EINTERNAL, s->file, 0, NULL, "out of memory");
            return 0;
        }
    }
    if (s->design == FS_DESIGN_SOBOL) saltelli(s, x);
    *out = x;
    return n;
}

/* figure × v rounded to whole money or persons, or -1 when the product leaves 0 to
 * FS_AMOUNT_MAX (not rounded then: llround would overflow). */
static int64_t scaled(int64_t figure, double v)
{
    double x = (double)figure * v;
    return x >= 0 && x < (double)FS_AMOUNT_MAX + 0.5 ? fs_round_money(x) : -1;
}

/* revenue.<source>: every unit's collection of the source and the city's, each at most
 * 10^15 as in the units table. */
static fs_status scale_revenue(fs_model *y, const fs_sweep_spec *s, const fs_sweep_param *p, double v, fs_diag *diag)
{
    size_t S = y->source_count, src = (size_t)p->index;
    for (size_t u = 0; u < y->unit_count; u++) {
        int64_t *r = &y->revenue[u * S + src], was = *r;
        if ((*r = scaled(was, v)) < 0)
            return fs_diag_add(diag, FS_EINPUT, s->file, p->line, p->key,
                               "unit \"%s\": revenue %" PRId64 " × %g is more than 10^15, the most a unit's revenue "
                               "may be", y->units[u].name, was, v);
    }
    int64_t *city = &y->sources[src].city_collected, was = *city;
    if ((*city = scaled(was, v)) < 0)
        return fs_diag_add(diag, FS_EINPUT, s->file, p->line, p->key,
                           "city_collected %" PRId64 " × %g is more than 10^15, the most it may be", was, v);
    return FS_OK;
}

/* population: every unit's population, a positive integer up to 10^15 as in the units
 * table. */
static fs_status scale_population(fs_model *y, const fs_sweep_spec *s, const fs_sweep_param *p, double v, fs_diag *diag)
{
    for (size_t u = 0; u < y->unit_count; u++) {
        int64_t was = y->units[u].population;
        if ((y->units[u].population = scaled(was, v)) < 1)
            return fs_diag_add(diag, FS_EINPUT, s->file, p->line, p->key,
                               "unit \"%s\": population %" PRId64 " × %g is %g, but a unit's population must be a "
                               "positive integer up to 10^15", y->units[u].name, was, v, (double)was * v);
    }
    return FS_OK;
}

/* Sets one parameter; *needs: the needs must be computed again. */
static fs_status apply_one(fs_model *y, const fs_sweep_spec *s, const fs_sweep_param *p, double v, bool *needs,
                           fs_diag *diag)
{
    switch (p->target) {
    case FS_TARGET_ENVELOPE: y->policy.envelope = fs_round_money(v); break;
    case FS_TARGET_HOLD_HARMLESS: y->policy.hold_harmless = v; break;
    case FS_TARGET_PRIORITY: y->policy.priority = v; break;
    case FS_TARGET_COVERAGE_MIN: y->policy.coverage_min = v; break;
    case FS_TARGET_CAP: y->policy.cap = v; break;
    case FS_TARGET_CITY_REVENUE: y->city.revenue = fs_round_money(v); break;
    case FS_TARGET_CITY_NEED: y->city.need = fs_round_money(v); break;
    case FS_TARGET_CITY_TRANSFERS: y->city.central_transfers = fs_round_money(v); break;
    case FS_TARGET_RESERVE_RATE: y->city.reserve_rate = v; break;
    case FS_TARGET_CENTRAL: y->sources[p->index].central = v; break;
    case FS_TARGET_WITHOUT_PMB: y->disburse->pmb_factor = v; break;
    case FS_TARGET_STAFF_ELASTICITY: y->disburse->staff_elasticity = v; break;
    case FS_TARGET_CASH_OPENING: y->disburse->cash.opening = fs_round_money(v); break;
    case FS_TARGET_REVENUE_SCALE: return scale_revenue(y, s, p, v, diag);
    case FS_TARGET_POPULATION_SCALE: *needs = true; return scale_population(y, s, p, v, diag);
    case FS_TARGET_NORM_PER_CAPITA: y->norms[p->index].per_capita = v, *needs = true; break;
    case FS_TARGET_NORM_PER_KM2: y->norms[p->index].per_km2 = v, *needs = true; break;
    case FS_TARGET_NORM_FIXED: y->norms[p->index].fixed = v, *needs = true; break;
    }
    return FS_OK;
}

/* The needs again, as the loader checks them: each unit's at most 10^15 and not 0. */
static fs_status recompute_needs(fs_model *y, const fs_sweep_spec *s, fs_diag *diag)
{
    size_t bad = 0;
    int rc = fs_model_compute_needs(y, &bad);
    if (rc == -1) return fs_diag_add(diag, FS_EINTERNAL, s->file, s->line, "sweep", "out of memory");
    if (rc == -2)
        return fs_diag_add(diag, FS_EINPUT, s->file, s->line, "sweep",
                           "unit \"%s\": its need under this variant's norms and population is more than 10^15",
                           y->units[bad].name);
    for (size_t u = 0; u < y->unit_count; u++)
        if (y->need[u] <= 0)
            return fs_diag_add(diag, FS_EINPUT, s->file, s->line, "sweep",
                               "unit \"%s\" has no need under this variant's norms: every unit needs some",
                               y->units[u].name);
    return FS_OK;
}

/* The totals the engine computes must stay exact in doubles (below 2^53), as the
 * loader requires of a scenario. */
static fs_status check_totals(const fs_model *y, const fs_sweep_spec *s, fs_diag *diag)
{
    double revenue = (double)y->city.revenue + (double)y->city.central_transfers + (double)y->city.need, need = 0;
    for (size_t k = 0; k < y->unit_count * y->source_count; k++) revenue += (double)y->revenue[k];
    for (size_t k = 0; k < y->source_count; k++) revenue += (double)y->sources[k].city_collected;
    for (size_t u = 0; u < y->unit_count; u++) need += (double)y->need[u];
    if (revenue < FS_TOTAL_MAX && need < FS_TOTAL_MAX) return FS_OK;
    return fs_diag_add(diag, FS_EINPUT, s->file, s->line, "sweep",
                       "the total %s of this variant is 2^53 or more, past the largest amount computed exactly",
                       revenue < FS_TOTAL_MAX ? "need" : "revenue (all sources and the city block)");
}

fs_status fs_sweep_apply(fs_model *y, const fs_sweep_spec *s, const double *x, fs_diag *diag)
{
    bool needs = false;
    fs_status st = FS_OK;
    for (size_t j = 0; j < s->param_count && st == FS_OK; j++) st = apply_one(y, s, &s->params[j], x[j], &needs, diag);
    /* Once per variant, however many parameters touch the norms or populations. */
    if (st == FS_OK && needs) st = recompute_needs(y, s, diag);
    return st == FS_OK ? check_totals(y, s, diag) : st;
}
