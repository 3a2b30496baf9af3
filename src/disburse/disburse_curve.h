/*
 * disburse_curve.h (private): the disbursement curve of one plan year.
 *
 * A tranche of money (amount A, added on day a, deadline T) disburses, by the end of
 * day t, the share q·h(x(t)) of A, where x(t) is the seasonal effort from a to t over
 * the effort a whole plan year needs (1 January to 31 January of the next year),
 * capped at 1 and frozen after T. Effort is the sum of daily weights: the month's
 * pace, slowed after Tết and raised in the year-end rush. Until the rush starts
 * (x_R: the effort up to the day before `rush_from` December) the curve is a power,
 * h = x^α; from then on the gap left to the target closes with the effort,
 * h = x_R^α + (1 − x_R^α)·z^ρ with z = (x − x_R)/(1 − x_R) and ρ = e^r, so that h(1) = 1
 * whatever α and ρ. A year's pace (α) shapes its months and how far it has come when the
 * rush starts; its timing (ρ > 1: more of the rest in January, ρ < 1: more in
 * December) splits the rest between the calendar year's end and the 13th month; its
 * completion (q) is what it reaches by the deadline. None of the three is tied to
 * another by one power law through the year-end: the national years end near 93% by
 * 31 January whether they were slow or fast in the summer, and reach 75% to 84% by
 * 31 December. An entity of capacity c (the city: 1) of a part (the city's own
 * projects, or the lower level) has
 *
 *     α = e^a / c                     (slower when capacity is low)
 *     q = 1 / (1 + e^(−b) / c)        (finishes less when capacity is low)
 *
 * with θ = (a_city, a_lower, b_city, b_lower, r) the curve's five parameters: a is the
 * log of the part's pace exponent, b the log-odds of its completion at capacity 1, r
 * the year-end's timing (common to both parts).
 * q lies strictly inside (0, 1) for every θ, so shares, gradients and bands never
 * meet a clamp. For small e^(−b), 1 − q ≈ e^(−b)/c: the shortfall grows as capacity
 * falls.
 *
 * A part's share sums over its entities; the entities whose tranches share a start
 * and a deadline (a "mix") differ only in capacity, so the sum is a quadrature over
 * u = 1/c: Σ_e A_e f(u_e) = Σ_i w_i f(u_i) with at most CURVE_NODES nodes, exact when
 * the mix has that few capacities and otherwise Gauss's rule for the mix's own
 * distribution of u (its moments 0..2n−1 met exactly; f is analytic in u, so the
 * error is far below the shares' last printed digit, ~1e-12 on the default). This
 * makes a share of a plan part cost 9 exponentials instead of one per unit, which the
 * calibration over many history years needs.
 */
#ifndef FISCALSIM_DISBURSE_CURVE_H
#define FISCALSIM_DISBURSE_CURVE_H

#include <stddef.h>
#include <stdint.h>

#include "disburse.h"

enum { CURVE_PARAMS = FS_DISBURSE_PARAMS, CURVE_NODES = 8 };
enum { THETA_A_CITY, THETA_A_LOWER, THETA_B_CITY, THETA_B_LOWER, THETA_R };

/* Seasonal effort of one plan year, by day from 1 January of the year to 31 December
 * of the next. */
typedef struct curve_year {
    int year;
    int32_t first;
    size_t day_count;
    double *effort;   /* effort[i]: sum of the weights of days 0..i */
    double full;      /* effort of a whole plan year: 1 January to 31 January next */
    int32_t rush;     /* the first day of the year-end rush */
} curve_year;

typedef struct curve_tranche {
    int entity;       /* 0: the city's own projects; 1 + unit index */
    double amount;
    int32_t start, deadline;
} curve_tranche;

/* The tranches of one part that share a start and a deadline, as a quadrature over
 * their entities' u = 1/capacity. */
typedef struct curve_mix {
    int part;                   /* 0: the city's own projects, 1: the lower level */
    int32_t start, deadline;
    double amount;              /* the tranches' total */
    size_t node_count;
    double u[CURVE_NODES], w[CURVE_NODES];   /* nodes and weights (adding up to amount) */
} curve_mix;

/* Everything the curve of one plan year needs. */
typedef struct curve_set {
    curve_year year;
    curve_tranche *tranches;
    size_t tranche_count;
    curve_mix *mixes;
    size_t mix_count;
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

/* Groups the set's tranches into mixes with their quadrature (capacity: per entity).
 * Returns 0, or -1 when memory runs out. */
int curve_set_mix(curve_set *set, const double *capacity);

/* Frees a set's effort, tranches and mixes. */
void curve_set_free(curve_set *set);

/* x of a tranche (or a mix: its start and deadline) at the end of day t (see above). */
double curve_progress(const curve_year *y, int32_t start, int32_t deadline, int32_t t);

/* x_R of a tranche (or a mix): its progress when the year-end rush starts. */
double curve_rush_progress(const curve_year *y, int32_t start, int32_t deadline);

/* h(x) of a curve with exponent α, timing ρ and rush progress x_R (log_x = ln x when
 * x > 0), with dh/dα and dh/dr (r = ln ρ) in dh[0], dh[1] (dh may be NULL). */
double curve_shape_h(double x, double log_x, double x_rush, double alpha, double rho, double dh[2]);

/* α and q of entity e under θ. */
void curve_entity_shape(const curve_model *cm, size_t e, const double *theta, double *alpha, double *q);

/* Share of tranche tr disbursed at day t, and its gradient in θ (grad may be NULL). */
double curve_tranche_share(const curve_model *cm, const curve_set *set, const curve_tranche *tr, int32_t t,
                           const double *theta, double *grad);

/* Share of each plan part in place at day t (whole, lower, city) disbursed by the end
 * of day t, with gradients (grad[part][param], may be NULL). A part with no money in
 * place has share 0. */
void curve_part_shares(const curve_set *set, int32_t t, const double *theta, double share[FS_PLAN_PART_COUNT],
                       double grad[FS_PLAN_PART_COUNT][CURVE_PARAMS]);

/* The dated points of one plan year, with what the curve needs of each computed once:
 * each mix's progress at the point's date. */
typedef struct curve_points {
    const curve_set *set;
    size_t n;
    fs_plan_part *plan;     /* which plan each point measures */
    double *share;          /* its observed share */
    double *x, *log_x;      /* n × mix_count: progress of each mix (x < 0: not yet in place) */
    double *log_z;          /* n × mix_count: ln z after the rush starts (see above), else 0 */
    double *x_rush;         /* per mix: its progress when the rush starts */
    double *shape;          /* scratch: per mix and node, what its share needs of the last θ */
} curve_points;

/* Prepares n points of `set` (dates, plans and shares). Returns 0, or -1 when memory
 * runs out (p is then empty and may be freed). */
int curve_points_init(curve_points *p, const curve_set *set, const int32_t *date, const fs_plan_part *plan,
                      const double *share, size_t n);
void curve_points_free(curve_points *p);

/* The points [from, to) of p, sharing p's arrays (and its scratch: one at a time). */
curve_points curve_points_view(const curve_points *p, size_t from, size_t to);

/* The model's share at every point under θ (model: n values) and, when grad is not
 * NULL, its gradient (n × CURVE_PARAMS, row-major). */
void curve_points_eval(curve_points *p, const double *theta, double *model, double *grad);

#endif
