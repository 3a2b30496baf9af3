/*
 * disburse_curve.c: seasonal effort, the share curve and its calibration
 * (see disburse_curve.h).
 */
#include "disburse_curve.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>

#include "fiscalsim/calendar.h"

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

/* e^θ of each part's α: the city's own projects, the lower level. */
static void exp_alpha_of(const double *theta, double exp_alpha[2])
{
    exp_alpha[0] = exp(theta[0]);
    exp_alpha[1] = exp(theta[1]);
}

/* α and q of entity e, given e^θ of each part's α (exp_alpha: city, lower); raw is
 * q before clamping. */
static void shape_of(const curve_model *cm, size_t e, const double *theta, const double exp_alpha[2], double *alpha,
                     double *q, double *raw)
{
    double c = cm->capacity[e];
    bool city = e == 0;
    *alpha = exp_alpha[city ? 0 : 1] / c;
    *raw = 1 - theta[city ? 2 : 3] / c;
    *q = *raw < 0 ? 0 : *raw > 1 ? 1 : *raw;
}

void curve_entity_shape(const curve_model *cm, size_t e, const double *theta, double *alpha, double *q)
{
    double exp_alpha[2], raw;
    exp_alpha_of(theta, exp_alpha);
    shape_of(cm, e, theta, exp_alpha, alpha, q, &raw);
}

/* The share q·x^α of a tranche of entity e at progress x (log_x = ln x when x > 0), and
 * its gradient in θ when grad is not NULL. */
static double share_at(const curve_model *cm, int e, double x, double log_x, const double *theta,
                       const double exp_alpha[2], double *grad)
{
    double alpha, q, raw;
    shape_of(cm, (size_t)e, theta, exp_alpha, &alpha, &q, &raw);
    double xa = x > 0 ? exp(alpha * log_x) : 0;
    double share = q * xa;
    if (grad) {
        bool city = e == 0;
        for (int j = 0; j < CURVE_PARAMS; j++) grad[j] = 0;
        grad[city ? 0 : 1] = x > 0 ? share * log_x * alpha : 0;
        grad[city ? 2 : 3] = raw > 0 && raw < 1 ? -xa / cm->capacity[e] : 0;
    }
    return share;
}

double curve_tranche_share(const curve_model *cm, const curve_set *set, const curve_tranche *tr, int32_t t,
                           const double *theta, double *grad)
{
    double exp_alpha[2];
    exp_alpha_of(theta, exp_alpha);
    double x = curve_progress(&set->year, tr, t);
    return share_at(cm, tr->entity, x, x > 0 ? log(x) : 0, theta, exp_alpha, grad);
}

void curve_part_shares(const curve_model *cm, const curve_set *set, int32_t t, const double *theta,
                       double share[FS_PLAN_PART_COUNT], double grad[FS_PLAN_PART_COUNT][CURVE_PARAMS])
{
    double num[2] = {0, 0}, den[2] = {0, 0}, g[2][CURVE_PARAMS] = {{0}}, tg[CURVE_PARAMS];
    double exp_alpha[2];
    exp_alpha_of(theta, exp_alpha);
    /* Tranches come in runs with the same start and deadline (build_set's order), and
     * so the same progress: x and ln x are computed once per run. */
    const curve_tranche *run = NULL;
    double x = 0, log_x = 0;
    for (size_t k = 0; k < set->tranche_count; k++) {
        const curve_tranche *tr = &set->tranches[k];
        if (tr->start > t || tr->amount <= 0) continue;
        if (!run || run->start != tr->start || run->deadline != tr->deadline) {
            run = tr;
            x = curve_progress(&set->year, tr, t);
            log_x = x > 0 ? log(x) : 0;
        }
        int p = tr->entity == 0 ? 0 : 1;
        num[p] += tr->amount * share_at(cm, tr->entity, x, log_x, theta, exp_alpha, grad ? tg : NULL);
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

/* cov = (JᵀJ)⁻¹ by Cholesky. Returns 0 or -1 (JᵀJ not positive definite). */
static int inverse_normal(const double *jac, size_t rows, double *cov)
{
    for (size_t i = 0; i < CURVE_PARAMS; i++)
        for (size_t j = 0; j < CURVE_PARAMS; j++) {
            double sum = 0;
            for (size_t k = 0; k < rows; k++) sum += jac[k * CURVE_PARAMS + i] * jac[k * CURVE_PARAMS + j];
            cov[i * CURVE_PARAMS + j] = sum;
        }
    gsl_matrix_view a = gsl_matrix_view_array(cov, CURVE_PARAMS, CURVE_PARAMS);
    if (gsl_linalg_cholesky_decomp1(&a.matrix) != GSL_SUCCESS) return -1;
    return gsl_linalg_cholesky_invert(&a.matrix) == GSL_SUCCESS ? 0 : -1;
}

/* The damped Gauss–Newton step δ: least squares of [J; √μ·I]·δ = [−r; 0] by Householder
 * QR. a (arows × 4) and b (2·arows: the right-hand side, then the residual) are
 * workspace, arows = rows + 4. Returns 0 or -1. */
static int damped_step(const double *jac, const double *r, size_t rows, double mu, double *a, double *b,
                       double step[CURVE_PARAMS])
{
    size_t arows = rows + CURVE_PARAMS;
    for (size_t i = 0; i < rows; i++) {
        memcpy(a + i * CURVE_PARAMS, jac + i * CURVE_PARAMS, CURVE_PARAMS * sizeof *a);
        b[i] = -r[i];
    }
    for (size_t j = 0; j < CURVE_PARAMS; j++) {
        for (size_t i = 0; i < CURVE_PARAMS; i++) a[(rows + j) * CURVE_PARAMS + i] = i == j ? sqrt(mu) : 0;
        b[rows + j] = 0;
    }
    double tau_data[CURVE_PARAMS];
    gsl_matrix_view qr = gsl_matrix_view_array(a, arows, CURVE_PARAMS);
    gsl_vector_view tau = gsl_vector_view_array(tau_data, CURVE_PARAMS);
    gsl_vector_view rhs = gsl_vector_view_array(b, arows), residual = gsl_vector_view_array(b + arows, arows);
    gsl_vector_view x = gsl_vector_view_array(step, CURVE_PARAMS);
    if (gsl_linalg_QR_decomp(&qr.matrix, &tau.vector) != GSL_SUCCESS) return -1;
    return gsl_linalg_QR_lssolve(&qr.matrix, &tau.vector, &rhs.vector, &x.vector, &residual.vector) == GSL_SUCCESS
               ? 0
               : -1;
}

int curve_calibrate(const curve_model *cm, const fs_disburse_spec *spec, double *theta, double *cov, double *model)
{
    size_t rows = spec->obs_count + CURVE_PARAMS, arows = rows + CURVE_PARAMS;
    double *r = malloc(rows * sizeof *r), *jac = malloc(rows * CURVE_PARAMS * sizeof *jac);
    double *a = malloc(arows * CURVE_PARAMS * sizeof *a), *b = malloc(2 * arows * sizeof *b);
    double *trial_r = malloc(rows * sizeof *trial_r);
    int result = -1;
    /* GSL's default handler aborts: here its errors are return codes. */
    gsl_error_handler_t *caller_handler = gsl_set_error_handler_off();
    if (!r || !jac || !a || !b || !trial_r) goto done;
    double cost = residuals(cm, spec, theta, r, jac, NULL), mu = 1e-3;
    int it = 0;
    for (; it < 200 && cost > 1e-26; it++) {
        double delta[CURVE_PARAMS], trial[CURVE_PARAMS], largest_change = 0;
        if (damped_step(jac, r, rows, mu, a, b, delta) != 0) goto done;
        for (size_t j = 0; j < CURVE_PARAMS; j++) {
            trial[j] = theta[j] + delta[j];
            largest_change = fmax(largest_change, fabs(delta[j]));
        }
        double trial_cost = residuals(cm, spec, trial, trial_r, NULL, NULL);
        if (trial_cost < cost) {
            memcpy(theta, trial, sizeof trial);
            cost = residuals(cm, spec, theta, r, jac, NULL);
            mu = fmax(mu / 3, 1e-12);
            if (largest_change < 1e-12) break;
        } else {
            mu *= 4;
            if (mu > 1e12) break;
        }
    }
    residuals(cm, spec, theta, r, jac, model);
    if (inverse_normal(jac, rows, cov) == 0) result = it;
done:
    gsl_set_error_handler(caller_handler);
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
