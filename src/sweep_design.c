/*
 * sweep_design.c: the variants of a sweep (see sweep.h) and how a parameter's value is
 * set in a scenario. Random numbers come from splitmix64 seeded with the sweep's seed,
 * drawn in a fixed order, so a design depends on the seed alone.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fiscalsim/disburse.h"
#include "fiscalsim/round.h"
#include "fiscalsim/sweep.h"
#include "rng.h"
#include "sweep_correlate.h"

/* The standard normal quantile (Acklam's rational approximation, relative error below
 * 1.2e-9). */
double sweep_normal_quantile(double p)
{
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                               1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                               6.680131188771972e+01, -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                               -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                               3.754408661907416e+00};
    if (p < 0.02425) {
        double q = sqrt(-2 * log(p));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - 0.02425) return -sweep_normal_quantile(1 - p);
    double q = p - 0.5, r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
           (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/* Parameter p's value at quantile u. */
static double quantile(const fs_sweep_param *p, double u)
{
    switch (p->dist) {
    case FS_DIST_NORMAL: return p->a + p->b * sweep_normal_quantile(u);
    case FS_DIST_TRIANGULAR: {
        double lo = p->a, mode = p->b, hi = p->c, f = hi > lo ? (mode - lo) / (hi - lo) : 0.5;
        return u < f ? lo + sqrt(u * (hi - lo) * (mode - lo)) : hi - sqrt((1 - u) * (hi - lo) * (hi - mode));
    }
    case FS_DIST_DISCRETE: {
        size_t k = (size_t)(u * (double)p->value_count);
        return p->values[k < p->value_count ? k : p->value_count - 1];
    }
    default: return p->a + u * (p->c - p->a);
    }
}

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

size_t fs_sweep_design_values(const fs_sweep_spec *s, double **out, fs_diag *diag)
{
    size_t np = s->param_count, n = s->variants;
    if (s->design == FS_DESIGN_OAT) n = 1 + 2 * np;
    if (s->design == FS_DESIGN_SOBOL) n = s->variants * (np + 2);
    if (s->design == FS_DESIGN_GRID) {
        n = 1;
        for (size_t j = 0; j < np; j++) n *= s->params[j].value_count;
    }
    double *x = malloc(n * np * sizeof *x + 1);
    size_t *perm = malloc(n * sizeof *perm + 1);
    if (!x || !perm) {
        free(x), free(perm);
        fs_diag_add(diag, FS_EINTERNAL, s->file, 0, NULL, "out of memory");
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
            case FS_DESIGN_LHS: v = quantile(p, ((double)perm[i] + rng_uniform(&state)) / (double)n); break;
            default: v = quantile(p, rng_uniform(&state)); break;
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
            else if (rc == -2)
                fs_diag_add(diag, FS_EMISSING, s->file, s->line, "sweep",
                            "correlated inputs need LAPACKE: install the Debian package liblapacke");
            else
                fs_diag_add(diag, FS_EINTERNAL, s->file, 0, NULL, "out of memory");
            return 0;
        }
    }
    if (s->design == FS_DESIGN_SOBOL) saltelli(s, x);
    *out = x;
    return n;
}

/* Sets one parameter; returns whether the needs must be computed again. */
static bool apply_one(fs_model *y, const fs_sweep_param *p, double v)
{
    size_t S = y->source_count;
    bool needs = false;
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
    case FS_TARGET_REVENUE_SCALE:
        for (size_t u = 0; u < y->unit_count; u++) {
            int64_t *r = &y->revenue[u * S + (size_t)p->index];
            *r = fs_round_money((double)*r * v);
        }
        y->sources[p->index].city_collected = fs_round_money((double)y->sources[p->index].city_collected * v);
        break;
    case FS_TARGET_POPULATION_SCALE:
        for (size_t u = 0; u < y->unit_count; u++)
            y->units[u].population = fs_round_money((double)y->units[u].population * v);
        needs = true;
        break;
    case FS_TARGET_NORM_PER_CAPITA: y->norms[p->index].per_capita = v, needs = true; break;
    case FS_TARGET_NORM_PER_KM2: y->norms[p->index].per_km2 = v, needs = true; break;
    case FS_TARGET_NORM_FIXED: y->norms[p->index].fixed = v, needs = true; break;
    }
    return needs;
}

int fs_sweep_apply(fs_model *y, const fs_sweep_spec *s, const double *x)
{
    bool needs = false;
    for (size_t j = 0; j < s->param_count; j++) needs |= apply_one(y, &s->params[j], x[j]);
    if (!needs) return 0;
    /* Once per variant, however many parameters touch the norms or populations. */
    size_t bad = 0;
    return fs_model_compute_needs(y, &bad) == 0 ? 0 : -1;
}
