/*
 * disburse_fit.c: one plan year's posterior (see disburse_fit.h).
 */
#include "disburse_fit.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cholesky.h"

enum { P = CURVE_PARAMS };

/* L⁻¹ of the lower triangle L of l, by forward substitution column by column. */
static void lower_inverse(const double l[P * P], double inv[P * P])
{
    memset(inv, 0, P * P * sizeof *inv);
    for (int c = 0; c < P; c++)
        for (int i = c; i < P; i++) {
            double sum = i == c ? 1 : 0;
            for (int k = c; k < i; k++) sum -= l[i * P + k] * inv[k * P + c];
            inv[i * P + c] = sum / l[i * P + i];
        }
}

int curve_spd_inverse(const double *a, double *inv)
{
    double l[P * P], li[P * P];
    memcpy(l, a, sizeof l);
    if (fs_cholesky(l, P) != 0) return -1;
    lower_inverse(l, li);
    /* a⁻¹ = L⁻ᵀ L⁻¹. */
    for (int i = 0; i < P; i++)
        for (int j = 0; j <= i; j++) {
            double sum = 0;
            for (int k = i; k < P; k++) sum += li[k * P + i] * li[k * P + j];
            inv[i * P + j] = inv[j * P + i] = sum;
        }
    return 0;
}

int curve_gauss_prepare(curve_gauss *g)
{
    double l[P * P];
    memcpy(l, g->cov, sizeof l);
    if (fs_cholesky(l, P) != 0) return -1;
    lower_inverse(l, g->whiten);
    return 0;
}

double curve_quadratic(const double *cov, const double *g)
{
    double v = 0;
    for (int i = 0; i < P; i++)
        for (int j = 0; j < P; j++) v += g[i] * cov[i * P + j] * g[j];
    return v > 0 ? v : 0;
}

double curve_predictive_sd(const double *cov, const double *g, double sigma)
{
    return sqrt(curve_quadratic(cov, g) + sigma * sigma);
}

/* The stacked residuals and Jacobian at one θ, with the model's shares and their
 * gradients at the points. */
typedef struct fit_eval {
    double *r, *jac, *model, *grad;
    double cost;              /* the sum of squares of r */
} fit_eval;

/* Workspace of one fit: the evaluation at the current θ and at a trial one. */
typedef struct fit_work {
    size_t n, rows;          /* points; rows = n + P */
    fit_eval at, trial;
} fit_work;

static void eval_free(fit_eval *e)
{
    free(e->r), free(e->jac), free(e->model), free(e->grad);
}

static void work_free(fit_work *w)
{
    eval_free(&w->at), eval_free(&w->trial);
}

static int eval_alloc(fit_eval *e, size_t n)
{
    e->r = malloc((n + P) * sizeof *e->r);
    e->jac = malloc((n + P) * P * sizeof *e->jac);
    e->model = malloc((n + 1) * sizeof *e->model);
    e->grad = malloc((n + 1) * P * sizeof *e->grad);
    return e->r && e->jac && e->model && e->grad ? 0 : -1;
}

static int work_alloc(fit_work *w, size_t n)
{
    memset(w, 0, sizeof *w);
    w->n = n, w->rows = n + P;
    if (eval_alloc(&w->at, n) == 0 && eval_alloc(&w->trial, n) == 0) return 0;
    work_free(w);
    return -1;
}

/* The stacked residuals and Jacobian at θ into e. */
static void evaluate(curve_points *p, const curve_gauss *prior, double sigma, const double *theta, size_t n,
                     fit_eval *e)
{
    e->cost = 0;
    if (n > 0) curve_points_eval(p, theta, e->model, e->grad);
    for (size_t k = 0; k < n; k++) {
        e->r[k] = (e->model[k] - p->share[k]) / sigma;
        for (int j = 0; j < P; j++) e->jac[k * P + j] = e->grad[k * P + j] / sigma;
        e->cost += e->r[k] * e->r[k];
    }
    for (int i = 0; i < P; i++) {
        double sum = 0;
        for (int j = 0; j <= i; j++) sum += prior->whiten[i * P + j] * (theta[j] - prior->mean[j]);
        e->r[n + (size_t)i] = sum;
        for (int j = 0; j < P; j++) e->jac[(n + (size_t)i) * P + j] = prior->whiten[i * P + j];
        e->cost += sum * sum;
    }
}

/* Solves the symmetric positive definite system a·x = b (P × P, a overwritten by its
 * Cholesky factor). Returns 0, or -1 when a is not positive definite. */
static int cholesky_solve(double a[P * P], double b[P])
{
    if (fs_cholesky(a, P) != 0) return -1;
    for (int i = 0; i < P; i++) {
        for (int k = 0; k < i; k++) b[i] -= a[i * P + k] * b[k];
        b[i] /= a[i * P + i];
    }
    for (int i = P - 1; i >= 0; i--) {
        for (int k = i + 1; k < P; k++) b[i] -= a[k * P + i] * b[k];
        b[i] /= a[i * P + i];
    }
    return 0;
}

/* The damped Gauss–Newton (Levenberg–Marquardt) step δ = −(JᵀJ + μ·D)⁻¹Jᵀr with D the
 * diagonal of JᵀJ, by Cholesky: the system is P × P and JᵀJ holds the prior's Σ⁻¹, so
 * it is positive definite and well conditioned (the prior whitens θ). Householder QR
 * of the stacked system gave the same steps at ten times the cost. Returns 0 or -1. */
static int damped_step(const fit_work *w, double mu, double step[P])
{
    double a[P * P] = {0}, g[P] = {0};
    for (size_t k = 0; k < w->rows; k++) {
        const double *row = w->at.jac + k * P;
        for (int i = 0; i < P; i++) {
            g[i] -= row[i] * w->at.r[k];
            for (int j = 0; j <= i; j++) a[i * P + j] += row[i] * row[j];
        }
    }
    for (int i = 0; i < P; i++) {
        a[i * P + i] *= 1 + mu;
        for (int j = 0; j < i; j++) a[j * P + i] = a[i * P + j];
    }
    memcpy(step, g, sizeof g);
    return cholesky_solve(a, step);
}

int curve_fit(curve_points *p, const curve_gauss *prior, double sigma, const double *start, int steps,
              curve_posterior *out, double *model, double *grad)
{
    size_t n = p ? p->n : 0;
    if (n == 0) {
        memcpy(out->theta, prior->mean, sizeof out->theta);
        memcpy(out->cov, prior->cov, sizeof out->cov);
        out->iterations = 0;
        return 0;
    }
    fit_work w;
    if (work_alloc(&w, n) != 0) return -1;
    double theta[P];
    memcpy(theta, start ? start : prior->mean, sizeof theta);
    int it = 0, rc = -1;
    evaluate(p, prior, sigma, theta, n, &w.at);
    /* Nielsen's damping: grown a little after a step that gained less than the linear
     * model promised (which stops the zigzag of plain ×3/÷3 updates along a curved
     * valley), doubled again and again after a step that gained nothing. */
    double mu = 1e-4, grow = 2;
    for (; it < (steps > 0 ? steps : 100); it++) {
        double delta[P], trial[P], largest = 0;
        if (damped_step(&w, mu, delta) != 0) goto done;
        for (int j = 0; j < P; j++) {
            trial[j] = theta[j] + delta[j];
            largest = fmax(largest, fabs(delta[j]));
        }
        double predicted = w.at.cost;
        for (size_t k = 0; k < w.rows; k++) {
            double lin = w.at.r[k];
            for (int j = 0; j < P; j++) lin += w.at.jac[k * P + j] * delta[j];
            predicted -= lin * lin;
        }
        evaluate(p, prior, sigma, trial, n, &w.trial);
        double gain = predicted > 0 ? (w.at.cost - w.trial.cost) / predicted : -1;
        if (w.trial.cost <= w.at.cost && gain > 0) {
            double before = w.at.cost;
            fit_eval swap = w.at;
            w.at = w.trial, w.trial = swap;
            memcpy(theta, trial, sizeof trial);
            double c = 2 * gain - 1;
            mu = fmax(mu * fmax(1.0 / 3, 1 - c * c * c), 1e-12);
            grow = 2;
            /* θ to 1e-8 (its scale is 1: logs and log-odds) is far finer than any printed share. */
            if (largest < 1e-8 || before - w.at.cost <= 1e-12 * (1 + w.at.cost)) break;
        } else {
            mu *= grow;
            grow *= 2;
            if (mu > 1e12 || largest < 1e-8) break;
        }
    }
    curve_posterior post = {.iterations = it};
    memcpy(post.theta, theta, sizeof theta);
    double normal[P * P] = {0};
    for (size_t k = 0; k < w.rows; k++) {
        const double *row = w.at.jac + k * P;
        for (int i = 0; i < P; i++)
            for (int j = 0; j < P; j++) normal[i * P + j] += row[i] * row[j];
    }
    if (curve_spd_inverse(normal, post.cov) != 0) goto done;
    if (model) memcpy(model, w.at.model, n * sizeof *model);
    if (grad) memcpy(grad, w.at.grad, n * P * sizeof *grad);
    *out = post;
    rc = 0;
done:
    work_free(&w);
    return rc;
}
