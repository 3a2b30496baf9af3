/*
 * disburse_fit.h (private): the curve of one plan year fitted to its points under a
 * prior.
 *
 * θ of a plan year is Gaussian a priori, N(m, Σ) (m and Σ come from the other years,
 * disburse_prior.h); an observed share is the year's curve plus noise of standard
 * deviation σ. The posterior mode is the least-squares solution of
 *
 *     [ (f(θ) − y) / σ ]
 *     [ L⁻¹ (θ − m)    ]   with L Lᵀ = Σ,
 *
 * found by Levenberg–Marquardt (each step a Cholesky solve of the damped normal
 * equations), and its covariance the Laplace approximation P = (JᵀJ)⁻¹ of that stacked
 * system, (Jfᵀ Jf / σ² + Σ⁻¹)⁻¹. With no points the posterior is the prior; with many,
 * the points dominate. A share predicted with gradient g has the predictive standard
 * deviation √(gᵀ P g + σ²): the year's remaining uncertainty plus the noise of a
 * reported figure.
 */
#ifndef FISCALSIM_DISBURSE_FIT_H
#define FISCALSIM_DISBURSE_FIT_H

#include "disburse_curve.h"

/* A Gaussian on θ. */
typedef struct curve_gauss {
    double mean[CURVE_PARAMS];
    double cov[CURVE_PARAMS * CURVE_PARAMS];
    double whiten[CURVE_PARAMS * CURVE_PARAMS];   /* L⁻¹ (lower triangular), L Lᵀ = cov */
} curve_gauss;

/* Fills g->whiten from g->cov. Returns 0, or -1 when cov is not positive definite. */
int curve_gauss_prepare(curve_gauss *g);

typedef struct curve_posterior {
    double theta[CURVE_PARAMS];
    double cov[CURVE_PARAMS * CURVE_PARAMS];
    int iterations;
} curve_posterior;

/* The posterior of θ given the points p (p->n may be 0) under `prior` and noise σ,
 * starting from `start` (NULL: the prior's mean), in at most `steps` accepted or
 * rejected Levenberg–Marquardt steps (0: until it converges; a few suffice from a
 * warm start, as in the history's expectation–maximisation). model and grad (p->n
 * values and p->n × CURVE_PARAMS; either may be NULL) receive the fitted shares and
 * their gradients. Returns 0, or -1 when memory runs out or the normal matrix is
 * singular (then *out is unchanged). */
int curve_fit(curve_points *p, const curve_gauss *prior, double sigma, const double *start, int steps,
              curve_posterior *out, double *model, double *grad);

/* √(gᵀ cov g + σ²). */
double curve_predictive_sd(const double *cov, const double *g, double sigma);

/* gᵀ cov g. */
double curve_quadratic(const double *cov, const double *g);

/* Inverts the symmetric positive definite CURVE_PARAMS² matrix a into inv (GSL
 * Cholesky). Returns 0, or -1 when a is not positive definite. */
int curve_spd_inverse(const double *a, double *inv);

#endif
