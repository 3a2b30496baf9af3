/*
 * disburse.h: disbursement of investment money through the year.
 *
 * The plan of the scenario's year is split into accounts: the city's own projects and,
 * per unit, its investment money (the investment part of its allocation, its targeted
 * transfer and the projects the city delegates to it), plus capital added later in
 * the year. Each account disburses along a daily curve shaped by seasonality (the
 * slow weeks after Tết, the year-end rush, the 13th month) and by its unit's capacity
 * (a project management board or not, staff filled). The curve parameters are
 * calibrated to dated observations, the forecast carries an uncertainty band, and a
 * GLPK LP schedules the disbursement under the city's cash. Money is exact: every
 * cumulative amount is an integer and every total is the sum of its parts.
 */
#ifndef FISCALSIM_DISBURSE_H
#define FISCALSIM_DISBURSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "disburse_spec.h"
#include "error.h"
#include "model.h"
#include "result.h"


/* One account: an entity's money under one deadline. */
typedef struct fs_disburse_account {
    int unit;                    /* unit index, or -1 for the city's own projects */
    bool extended;               /* capital added after 30 September: deadline a year later */
    int deadline_month;          /* index of the last month it may disburse in */
    int64_t plan;
    int64_t *planned;            /* month_count: capital in place by the end of the month */
    int64_t *simulated;          /* month_count: cumulative, by the end of the month */
    int64_t *scheduled;          /* month_count: cumulative under the cash limit */
} fs_disburse_account;

/* One unit (or the city: unit -1) at its last deadline. */
typedef struct fs_disburse_entity {
    int unit;
    double capacity, alpha, completion;   /* completion: forecast share disbursed by the deadline */
    double band_lo, band_hi;
    int64_t plan, simulated, scheduled;   /* at the last deadline */
    int64_t delay;                        /* money-months behind the simulated curve */
    int32_t deadline;
    double miss_probability;              /* chance of finishing below the risk threshold */
    int risk;                             /* 0 none, 1 watch, 2 high (a miss is more likely than not) */
    char reason[160];
} fs_disburse_entity;

typedef struct fs_disburse_fit {
    const fs_disburse_observation *obs;
    double model;                /* the share of the point's year's fitted curve */
    double lo, hi;               /* its band (the year's posterior and the noise of a figure) */
    bool this_year;              /* a point of the forecast year (else of the history) */
} fs_disburse_fit;

/* The curve's parameters θ = (ln α_city, ln α_lower, b_city, b_lower, r): the pace
 * exponent and completion log-odds of the city's projects and of the lower level, and
 * the timing of the year-end (docs/model.md). */
enum { FS_DISBURSE_PARAMS = 5 };

/* The prior of the forecast year, estimated from the history (disburse_prior.h). */
typedef struct fs_disburse_prior {
    double mean[FS_DISBURSE_PARAMS];
    double cov[FS_DISBURSE_PARAMS * FS_DISBURSE_PARAMS];   /* between years */
    double sigma;                /* standard deviation of an observed share around its year's curve */
    double band_scale;           /* k ≥ 1: the bands' widening from leave-one-year-out */
    size_t years, points;        /* the history it comes from */
    size_t held_out;             /* points predicted by the leave-one-year-out */
    int iterations;              /* of its estimation */
} fs_disburse_prior;

typedef struct fs_disburse_result {
    int year;
    int32_t start;               /* 1 January of the plan year */
    size_t month_count;          /* months from January of the plan year */
    int32_t *month_end;          /* day number of each month's last day */
    size_t day_count;            /* days from `start` to the last deadline */
    double *daily[FS_PLAN_PART_COUNT][3];      /* share of plan in place: forecast, band low, band high */
    double params[FS_DISBURSE_PARAMS];   /* alpha_city, alpha_lower, completion_city, completion_lower
                                          * (at capacity 1), rush timing e^r */
    double param_sd[FS_DISBURSE_PARAMS];
    double theta[FS_DISBURSE_PARAMS];    /* the forecast year's posterior mode and covariance */
    double cov[FS_DISBURSE_PARAMS * FS_DISBURSE_PARAMS];
    fs_disburse_prior prior;
    bool baseline_calibration;   /* θ came from the baseline scenario, not from this one */
    size_t points;               /* the forecast year's own points */
    double data_weight;          /* share of the variance of the whole plan's forecast at the last
                                  * deadline that this year's points removed (0: all prior) */
    double parameters_from_data; /* tr(I − PΣ⁻¹): how many of θ's 4 the year's points determine */
    int iterations;
    fs_disburse_fit *fit;        /* every observation, history included */
    size_t fit_count;
    double max_residual;         /* largest |model − observed| share over this year's points */
    fs_disburse_account *accounts;
    size_t account_count;
    fs_disburse_entity *entities;  /* the city first, then the units in model order */
    size_t entity_count;
    /* Per month, totals of the lower level and the whole plan (cumulative). */
    int64_t *planned[FS_PLAN_PART_COUNT], *simulated[FS_PLAN_PART_COUNT], *scheduled[FS_PLAN_PART_COUNT];
    /* Cash, per month. */
    int64_t *revenue, *recurrent, *balance; /* balance: closing, after scheduled investment */
    int64_t *available;          /* cumulative cash for investment: opening + revenue − recurrent − minimum */
    bool *constrained;           /* behind the simulated curve for lack of cash */
    double *shadow_price;        /* LP value of one more money unit of cash in the month (dual) */
    int64_t delay_total;         /* money-months */
    int64_t lost_total;          /* simulated by a deadline but not paid for lack of cash */
    size_t units_at_risk;
} fs_disburse_result;

/* Simulates, calibrates, forecasts and schedules the disbursement of model's plan
 * year given the allocation r. With `calibration` (another run's result) its calibrated
 * parameters are used instead of calibrating here, and the fit shows what this
 * scenario's curve gives at the observed dates. Returns FS_OK with a result the caller
 * frees;
 * FS_EINPUT when the plan cannot hold the units' investment money (the diagnostic
 * names the plan's line); FS_EINFEASIBLE when recurrent spending alone exhausts the
 * cash; FS_EINTERNAL on solver failure. */
fs_status fs_disburse_run(const fs_model *m, const fs_result *r, const fs_disburse_result *calibration,
                          fs_disburse_result **out, fs_diag *diag);

/* The forecast alone, as a sweep's variant needs it: shares[k] is the whole plan's share
 * disbursed by the end of days[k], as fs_disburse_run's daily forecast gives it (NAN
 * outside it), without the band, the accounts, the units' risk or the cash schedule.
 * `calibration` as for fs_disburse_run. Fails as fs_disburse_run does when the plan
 * cannot hold the units' money or recurrent spending alone exhausts the cash. */
fs_status fs_disburse_forecast(const fs_model *m, const fs_result *r, const fs_disburse_result *calibration,
                               const int32_t *days, size_t n, double *shares, fs_diag *diag);

void fs_disburse_result_free(fs_disburse_result *d);


#endif
