/*
 * disburse_prior.h (private): the prior of a plan year's curve, from the history of
 * other years, and the width of its bands from leave-one-year-out.
 *
 * A year's θ = (a_city, a_lower, b_city, b_lower, r) is its level φ = (a, b, r) =
 * (a_city, b_city, r) and the lower level's departure from it, d = (a_lower − a,
 * b_lower − b).
 * Every plan year of every series (the scenario's own plans; other series, such as the
 * national one, whose shares are of a single whole plan) has its own level, drawn around
 * its series' mean with its series' covariance, and its own departure:
 *
 *     φ_j ~ N(m_s, Σ_s),  d_j ~ N(δ, T),  observed share = f_j(θ_j) + ε,  ε ~ N(0, σ²).
 *
 * m_s, Σ_s, δ and σ are estimated from the history by expectation–maximisation with a
 * Laplace E-step: each year's posterior mode θ̂_j and covariance P_j (disburse_fit.h)
 * under the current estimates, then, with S_s = Σ_{j in s} [(φ̂_j − m_s)(φ̂_j − m_s)ᵀ +
 * P_j,φ] the spread of series s around its mean,
 *
 *     m_s = (Σ_{j in s} φ̂_j + κ·m̄) / (n_s + κ)                 m̄: the mean over all years
 *     Σ̄   = (Σ_s S_s + ν·Ψ) / (n + ν)                            pooled over the series
 *     Σ_s = (S_s + κ·Σ̄) / (n_s + κ)
 *     δ   = Σ_{j with part points} d̂_j / (n_parts + 1)
 *     σ²  = (Σ_jk [r_jk² + g_jkᵀ P_j g_jk] + ν_σ·σ0²) / (N + ν_σ),
 *
 * until they settle: a series with many years has its own mean and spread (the national
 * years end near 93% by 31 January, year after year; a province's own years may vary
 * more), a series with few leans on all of them. Ψ (a default spread of years' levels), T (the spread of the lower
 * level's departure), ν, σ0, ν_σ and κ are the scenario's `forecast.prior` settings;
 * with no history the prior is φ ~ N(m0, Ψ), d ~ N(0, T) and σ = σ0, and a series with
 * few years leans on the mean of all (κ). The lower level's departure is learnt only
 * from years whose lower-level or city shares are observed, and shrunk to none: where
 * only whole-plan shares are published the lower level follows the whole with the
 * spread T, never a parameter fitted to nothing.
 *
 * The band of a forecast is z·k·√(gᵀPg + σ²). k ≥ 1 comes from leave-one-year-out over
 * the history: each year is refitted to its points up to the same cutoff (under the
 * estimated prior, which is not re-estimated without the year: the year's own weight in
 * it is one of n) and its later points are predicted; k² is the mean squared
 * standardised error, and never less than 1.
 */
#ifndef FISCALSIM_DISBURSE_PRIOR_H
#define FISCALSIM_DISBURSE_PRIOR_H

#include "disburse_fit.h"

/* One plan year of one series, with its points in date order. */
typedef struct prior_year {
    int series, year;
    bool parts;               /* it has points of the lower level or the city's projects */
    const int32_t *date;      /* the points' dates, non-decreasing */
    curve_points points;
    curve_posterior post;     /* the last fit */
} prior_year;

enum { PRIOR_LEVELS = 3 };

typedef struct prior_settings {
    double level[PRIOR_LEVELS];                  /* m0 = (a, b, r) with no history */
    double level_cov[PRIOR_LEVELS * PRIOR_LEVELS]; /* Ψ: the spread of years' levels with no history */
    double parts_var[2];      /* T: variances of the lower level's departure in a and b */
    double years;             /* ν: the weight of Ψ, in years */
    double sigma;             /* σ0 */
    double sigma_points;      /* ν_σ: the weight of σ0, in points */
    double series_weight;     /* κ, in years */
} prior_settings;

typedef struct prior_hyper {
    size_t series_count;
    double *level;            /* series_count × PRIOR_LEVELS: m_s */
    double *level_cov;        /* series_count × PRIOR_LEVELS²: Σ_s */
    double parts[2];          /* δ */
    double parts_var[2];      /* T */
    double *mean;             /* series_count × CURVE_PARAMS: each series' prior mean of θ */
    double *cov;              /* series_count × CURVE_PARAMS²: and its covariance */
    double sigma;
    size_t years, points;     /* what it was estimated from */
    int iterations;
} prior_hyper;

/* Estimates h from years[0..n) (n may be 0: then h is the settings' default). Each
 * year's post receives its posterior under h. Returns 0, or -1 when memory runs out or
 * a fit fails (h is then freed). */
int prior_estimate(prior_year *const *years, size_t n, size_t series_count, const prior_settings *s,
                   prior_hyper *h);

void prior_hyper_free(prior_hyper *h);

/* The prior of a year of series s under h (whitened). Returns 0 or -1. */
int prior_of(const prior_hyper *h, int series, curve_gauss *out);

/* The number of a year's points dated on or before `last`. */
size_t prior_points_until(const prior_year *y, int32_t last);

/* k for forecasts made with each year's points up to its cutoff (cutoff[j] for
 * years[j]), by leave-one-year-out under h (see above). *held_out receives the number
 * of points predicted. Returns k ≥ 1, or -1 when a fit fails. */
double prior_band_scale(prior_year *const *years, size_t n, const prior_hyper *h, const int32_t *cutoff,
                        size_t *held_out);

#endif
