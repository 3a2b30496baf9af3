/*
 * disburse_curve.h (private): the disbursement curve, its calibration and its band.
 *
 * A tranche of money (amount A, added on day a, deadline T) disburses, by the end of
 * day t, the share q·x(t)^α of A, where x(t) is the seasonal effort from a to t over
 * the effort a whole plan year needs (January 1 to January 31 of the next year),
 * capped at 1 and frozen after T. Effort is the sum of daily weights: the month's
 * pace, slowed after Tết and raised in the year-end rush. An entity of capacity c
 * (the city: 1) has α = α_part / c and q = 1 − s_part / c (clamped to [0, 1]), where
 * the part is the city's own projects or the lower level. The four parameters
 * θ = (ln α_city, ln α_lower, s_city, s_lower) are calibrated to observed shares by
 * Levenberg–Marquardt, each step a least-squares solve by GSL's Householder QR; the
 * band is the delta method with the parameters' covariance σ²(JᵀJ)⁻¹ (GSL Cholesky).
 * GSL (linked statically where Debian's libgsl.a is installed) rather than LAPACKE:
 * the problem has 4 parameters, and loading OpenBLAS (with its Fortran runtime) cost a
 * run 7 ms and slowed its printf.
 */
#ifndef FISCALSIM_DISBURSE_CURVE_H
#define FISCALSIM_DISBURSE_CURVE_H

#include <stddef.h>
#include <stdint.h>

#include "fiscalsim/disburse.h"

enum { CURVE_PARAMS = 4 };

/* Seasonal effort of one plan year, by day from 1 January of the year to 31 December
 * of the next. */
typedef struct curve_year {
    int year;
    int32_t first;
    size_t day_count;
    double *effort;   /* effort[i]: sum of the weights of days 0..i */
    double full;      /* effort of a whole plan year: 1 January to 31 January next */
} curve_year;

typedef struct curve_tranche {
    int entity;       /* 0: the city's own projects; 1 + unit index */
    double amount;
    int32_t start, deadline;
} curve_tranche;

/* Everything the curve of one year needs. */
typedef struct curve_set {
    curve_year year;
    curve_tranche *tranches;
    size_t tranche_count;
} curve_set;

typedef struct curve_model {
    const double *capacity;  /* per entity */
    size_t entity_count;
    curve_set *sets;         /* one per plan year; sets[0] is the scenario's year */
    size_t set_count;
} curve_model;

/* Fills y with the effort of plan year `year` under spec's seasonality.
 * Returns 0, or -1 when memory runs out. */
int curve_year_init(curve_year *y, const fs_disburse_spec *spec, int year);
void curve_year_free(curve_year *y);

/* x of a tranche at the end of day t (see above). */
double curve_progress(const curve_year *y, const curve_tranche *tr, int32_t t);

/* α and q of entity e under θ. */
void curve_entity_shape(const curve_model *cm, size_t e, const double *theta, double *alpha, double *q);

/* Share of tranche tr disbursed at day t, and its gradient in θ (grad may be NULL). */
double curve_tranche_share(const curve_model *cm, const curve_set *set, const curve_tranche *tr, int32_t t,
                           const double *theta, double *grad);

/* Share of each plan part in place at day t (whole, lower, city) disbursed by the end
 * of day t, with gradients (grad[part][param], may be NULL). A part with no money in
 * place has share 0. */
void curve_part_shares(const curve_model *cm, const curve_set *set, int32_t t, const double *theta,
                       double share[FS_PLAN_PART_COUNT], double grad[FS_PLAN_PART_COUNT][CURVE_PARAMS]);

/* Calibrates θ to the observations (theta holds the prior on entry and the estimate on
 * return); cov receives (JᵀJ)⁻¹ (CURVE_PARAMS², row-major) and model the calibrated
 * share of each observation. Returns the iterations used, or -1 on failure. */
int curve_calibrate(const curve_model *cm, const fs_disburse_spec *spec, double *theta, double *cov,
                    double *model);

/* The model's share at each observation under θ (model: spec->obs_count values). */
void curve_observed_shares(const curve_model *cm, const fs_disburse_spec *spec, const double *theta, double *model);

/* Half-width of the band of a quantity with gradient g: z·σ·sqrt(gᵀ cov g). */
double curve_band(const double *cov, const double *g, double sigma, double z);

#endif
