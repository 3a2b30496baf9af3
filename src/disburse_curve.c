/*
 * disburse_curve.c: seasonal effort, the share curve and its calibration
 * (see disburse_curve.h).
 */
#include "disburse_curve.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fiscalsim/calendar.h"
#include "lapack_lazy.h"

/* Weight of the prior that keeps θ defined when observations do not pin it down; small
 * enough that four observations for four parameters are met to about 1e-5. */
static const double prior_weight = 1e-3;
static const double prior_theta[CURVE_PARAMS] = {0.0, 0.0, 0.02, 0.02};

static double day_weight(const fs_disburse_spec *spec, int plan_year, int32_t day)
{
    int y, m, d;
    fs_civil_from_days(day, &y, &m, &d);
    double w = (y == plan_year + 1 && m == 1) ? spec->month_weight[12] : spec->month_weight[m - 1];
    if (m == 12 && d >= spec->rush_from) w *= spec->rush_factor;
    for (size_t k = 0; k < spec->tet_count; k++)
        if (day >= spec->tet[k] && day < spec->tet[k] + spec->tet_days) w *= spec->tet_factor;
    return w;
}

int curve_year_init(curve_year *y, const fs_disburse_spec *spec, int year)
{
    y->year = year;
    y->first = fs_days_from_civil(year, 1, 1);
    y->day_count = (size_t)(fs_days_from_civil(year + 2, 1, 1) - y->first);
    y->effort = malloc(y->day_count * sizeof *y->effort);
    if (!y->effort) return -1;
    double sum = 0;
    for (size_t i = 0; i < y->day_count; i++) {
        sum += day_weight(spec, year, y->first + (int32_t)i);
        y->effort[i] = sum;
    }
    y->full = y->effort[fs_days_from_civil(year + 1, 1, 31) - y->first];
    return 0;
}

void curve_year_free(curve_year *y)
{
    free(y->effort);
    y->effort = NULL;
}

double curve_progress(const curve_year *y, const curve_tranche *tr, int32_t t)
{
    if (t < tr->start) return 0;
    int32_t end = t < tr->deadline ? t : tr->deadline;
    long i_end = (long)(end - y->first), i_start = (long)(tr->start - y->first);
    if (i_end >= (long)y->day_count) i_end = (long)y->day_count - 1;
    double e = y->effort[i_end] - (i_start > 0 ? y->effort[i_start - 1] : 0);
    double x = e / y->full;
    return x < 1 ? x : 1;
}

void curve_entity_shape(const curve_model *cm, size_t e, const double *theta, double *alpha, double *q)
{
    double c = cm->capacity[e];
    bool city = e == 0;
    *alpha = exp(theta[city ? 0 : 1]) / c;
    double raw = 1 - theta[city ? 2 : 3] / c;
    *q = raw < 0 ? 0 : raw > 1 ? 1 : raw;
}

double curve_tranche_share(const curve_model *cm, const curve_set *set, const curve_tranche *tr, int32_t t,
                           const double *theta, double *grad)
{
    double alpha, q;
    curve_entity_shape(cm, (size_t)tr->entity, theta, &alpha, &q);
    double x = curve_progress(&set->year, tr, t);
    double xa = x > 0 ? pow(x, alpha) : 0;
    double share = q * xa;
    if (grad) {
        bool city = tr->entity == 0;
        double c = cm->capacity[tr->entity];
        double raw = 1 - theta[city ? 2 : 3] / c;
        memset(grad, 0, CURVE_PARAMS * sizeof *grad);
        grad[city ? 0 : 1] = x > 0 ? share * log(x) * alpha : 0;
        grad[city ? 2 : 3] = raw > 0 && raw < 1 ? -xa / c : 0;
    }
    return share;
}

void curve_part_shares(const curve_model *cm, const curve_set *set, int32_t t, const double *theta,
                       double share[FS_PLAN_PART_COUNT], double grad[FS_PLAN_PART_COUNT][CURVE_PARAMS])
{
    double num[2] = {0, 0}, den[2] = {0, 0}, g[2][CURVE_PARAMS] = {{0}}, tg[CURVE_PARAMS];
    for (size_t k = 0; k < set->tranche_count; k++) {
        const curve_tranche *tr = &set->tranches[k];
        if (tr->start > t || tr->amount <= 0) continue;
        int p = tr->entity == 0 ? 0 : 1;
        num[p] += tr->amount * curve_tranche_share(cm, set, tr, t, theta, grad ? tg : NULL);
        den[p] += tr->amount;
        if (grad)
            for (int j = 0; j < CURVE_PARAMS; j++) g[p][j] += tr->amount * tg[j];
    }
    double whole_den = den[0] + den[1];
    share[FS_PLAN_CITY] = den[0] > 0 ? num[0] / den[0] : 0;
    share[FS_PLAN_LOWER] = den[1] > 0 ? num[1] / den[1] : 0;
    share[FS_PLAN_WHOLE] = whole_den > 0 ? (num[0] + num[1]) / whole_den : 0;
    if (!grad) return;
    for (int j = 0; j < CURVE_PARAMS; j++) {
        grad[FS_PLAN_CITY][j] = den[0] > 0 ? g[0][j] / den[0] : 0;
        grad[FS_PLAN_LOWER][j] = den[1] > 0 ? g[1][j] / den[1] : 0;
        grad[FS_PLAN_WHOLE][j] = whole_den > 0 ? (g[0][j] + g[1][j]) / whole_den : 0;
    }
}

static const curve_set *set_of(const curve_model *cm, int year)
{
    for (size_t k = 0; k < cm->set_count; k++)
        if (cm->sets[k].year.year == year) return &cm->sets[k];
    return NULL;
}

/* Residuals (observations, then the prior) and their Jacobian (row-major, rows × 4).
 * Returns the sum of squares. */
static double residuals(const curve_model *cm, const fs_disburse_spec *spec, const double *theta, double *r,
                        double *jac, double *model)
{
    size_t n = spec->obs_count;
    double cost = 0;
    for (size_t k = 0; k < n; k++) {
        const fs_disburse_observation *o = &spec->obs[k];
        double share[FS_PLAN_PART_COUNT], grad[FS_PLAN_PART_COUNT][CURVE_PARAMS];
        curve_part_shares(cm, set_of(cm, o->year), o->date, theta, share, grad);
        if (model) model[k] = share[o->plan];
        r[k] = share[o->plan] - o->share;
        if (jac) memcpy(jac + k * CURVE_PARAMS, grad[o->plan], sizeof grad[o->plan]);
        cost += r[k] * r[k];
    }
    for (size_t j = 0; j < CURVE_PARAMS; j++) {
        r[n + j] = prior_weight * (theta[j] - prior_theta[j]);
        if (jac)
            for (size_t i = 0; i < CURVE_PARAMS; i++) jac[(n + j) * CURVE_PARAMS + i] = i == j ? prior_weight : 0;
        cost += r[n + j] * r[n + j];
    }
    return cost;
}

/* cov = (JᵀJ)⁻¹ by Cholesky. Returns 0 or -1. */
static int inverse_normal(const lapack_api *la, const double *jac, size_t rows, double *cov)
{
    double a[CURVE_PARAMS * CURVE_PARAMS] = {0};
    for (size_t i = 0; i < CURVE_PARAMS; i++)
        for (size_t j = 0; j < CURVE_PARAMS; j++)
            for (size_t k = 0; k < rows; k++) a[i * CURVE_PARAMS + j] += jac[k * CURVE_PARAMS + i] * jac[k * CURVE_PARAMS + j];
    if (la->dpotrf(LAPACK_ROW_MAJOR, 'U', CURVE_PARAMS, a, CURVE_PARAMS) != 0) return -1;
    if (la->dpotri(LAPACK_ROW_MAJOR, 'U', CURVE_PARAMS, a, CURVE_PARAMS) != 0) return -1;
    for (size_t i = 0; i < CURVE_PARAMS; i++)
        for (size_t j = 0; j < CURVE_PARAMS; j++) cov[i * CURVE_PARAMS + j] = i <= j ? a[i * CURVE_PARAMS + j] : a[j * CURVE_PARAMS + i];
    return 0;
}

int curve_calibrate(const curve_model *cm, const fs_disburse_spec *spec, double *theta, double *cov, double *model)
{
    size_t rows = spec->obs_count + CURVE_PARAMS, arows = rows + CURVE_PARAMS;
    double *r = malloc(rows * sizeof *r), *jac = malloc(rows * CURVE_PARAMS * sizeof *jac);
    double *a = malloc(arows * CURVE_PARAMS * sizeof *a), *b = malloc(arows * sizeof *b);
    double *trial_r = malloc(rows * sizeof *trial_r);
    int result = -1;
    const lapack_api *la = lapack_get();
    if (!la || !r || !jac || !a || !b || !trial_r) goto done;
    double cost = residuals(cm, spec, theta, r, jac, NULL), mu = 1e-3;
    int it = 0;
    for (; it < 200 && cost > 1e-26; it++) {
        /* Damped Gauss–Newton step: least squares of [J; √μ I] δ = [−r; 0]. */
        for (size_t i = 0; i < rows; i++) {
            memcpy(a + i * CURVE_PARAMS, jac + i * CURVE_PARAMS, CURVE_PARAMS * sizeof *a);
            b[i] = -r[i];
        }
        for (size_t j = 0; j < CURVE_PARAMS; j++) {
            for (size_t i = 0; i < CURVE_PARAMS; i++) a[(rows + j) * CURVE_PARAMS + i] = i == j ? sqrt(mu) : 0;
            b[rows + j] = 0;
        }
        if (la->dgels(LAPACK_ROW_MAJOR, 'N', (lapack_int)arows, CURVE_PARAMS, 1, a, CURVE_PARAMS, b, 1) != 0)
            goto done;
        double trial[CURVE_PARAMS], step = 0;
        for (size_t j = 0; j < CURVE_PARAMS; j++) {
            trial[j] = theta[j] + b[j];
            step = fmax(step, fabs(b[j]));
        }
        double trial_cost = residuals(cm, spec, trial, trial_r, NULL, NULL);
        if (trial_cost < cost) {
            memcpy(theta, trial, sizeof trial);
            cost = residuals(cm, spec, theta, r, jac, NULL);
            mu = fmax(mu / 3, 1e-12);
            if (step < 1e-12) break;
        } else {
            mu *= 4;
            if (mu > 1e12) break;
        }
    }
    residuals(cm, spec, theta, r, jac, model);
    if (inverse_normal(la, jac, rows, cov) == 0) result = it;
done:
    free(r), free(jac), free(a), free(b), free(trial_r);
    return result;
}

void curve_observed_shares(const curve_model *cm, const fs_disburse_spec *spec, const double *theta, double *model)
{
    double *r = malloc((spec->obs_count + CURVE_PARAMS) * sizeof *r);
    if (!r) return;
    residuals(cm, spec, theta, r, NULL, model);
    free(r);
}

double curve_band(const double *cov, const double *g, double sigma, double z)
{
    double v = 0;
    for (size_t i = 0; i < CURVE_PARAMS; i++)
        for (size_t j = 0; j < CURVE_PARAMS; j++) v += g[i] * cov[i * CURVE_PARAMS + j] * g[j];
    return z * sigma * sqrt(v > 0 ? v : 0);
}
