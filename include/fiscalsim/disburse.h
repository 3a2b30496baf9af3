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

#include "fiscalsim/error.h"
#include "fiscalsim/model.h"
#include "fiscalsim/result.h"

/* Which plan an observation measures: the whole plan, its lower-level part (the
 * units), or the city's own part (whole minus lower). */
typedef enum fs_plan_part { FS_PLAN_WHOLE, FS_PLAN_LOWER, FS_PLAN_CITY, FS_PLAN_PART_COUNT } fs_plan_part;

typedef struct fs_disburse_plan {
    int year;
    int64_t whole, lower;        /* the whole plan and its lower-level part */
    const char *file;            /* where it is given (a scenario or its baseline) */
    int line;
} fs_disburse_plan;

typedef struct fs_disburse_observation {
    int series;                  /* index into the spec's series; 0: the scenario's own plans */
    int year;                    /* the plan year observed */
    int32_t date;                /* day number: disbursed by the end of this day */
    fs_plan_part plan;
    double share;                /* disbursed / plan in place on that date */
    int64_t amount;              /* as published, or -1 when given as a share */
    const char *file;            /* where it is given: a scenario file or a table */
    int line;
} fs_disburse_observation;

typedef enum fs_delegate_to { FS_DELEGATE_PMB, FS_DELEGATE_ALL } fs_delegate_to;

/* Capital added to the units' plan on a date, split by investment need. */
typedef struct fs_disburse_added {
    int32_t date;
    int64_t amount;
    fs_delegate_to to;
    const char *file;
    int line;
} fs_disburse_added;

typedef struct fs_disburse_cash {
    int64_t opening, revenue, recurrent, min_balance;  /* revenue, recurrent: per year */
    double revenue_profile[12], recurrent_profile[12]; /* shares of the year, Jan..Dec */
    double catch_up;             /* a month may run this much above its curve to catch up */
    const char *file;
    int line;                    /* of the `cash` group */
} fs_disburse_cash;

typedef struct fs_disburse_spec {
    fs_disburse_plan *plans;
    size_t plan_count;
    fs_disburse_observation *obs;
    size_t obs_count;
    char observed_table[FS_PATH_MAX]; /* the table the points come from, or "" */
    fs_disburse_added *added;
    size_t added_count;
    int investment_norm;         /* index into model norms */
    fs_delegate_to delegate_to;
    double month_weight[13];     /* daily pace by month: Jan..Dec, then January of the next year */
    int32_t *tet;                /* Tết (first day of the year) dates of every year the curves span,
                                  * from the built-in table unless the scenario gives them */
    size_t tet_count;
    int tet_days;
    double tet_factor;
    int rush_from;               /* the December day from which the year-end rush runs */
    double rush_factor;
    double pmb_factor;           /* capacity of a unit without a project management board */
    double staff_elasticity;     /* capacity = pmb factor × (staff filled)^elasticity */
    char (*series)[FS_ID_MAX];   /* names of the observations' series; [0] is "" (own plans) */
    size_t series_count;
    double uncertainty;          /* σ0: standard deviation of an observed share, before history */
    double band_z;               /* half-width of the band in standard deviations */
    double band_scale;           /* > 0: the bands' widening as given; 0: from leave-one-year-out */
    /* The prior with no history, and its weight against the history (forecast.prior). */
    double prior_completion;     /* mean completion at capacity 1 */
    double prior_alpha_sd, prior_completion_sd;  /* spread of ln α and of completion's log-odds */
    double prior_rush_sd;        /* spread of r, the year-end's timing */
    double prior_parts_alpha_sd, prior_parts_completion_sd;  /* spread of the lower level's departure */
    double prior_years;          /* ν: weight of that spread, in years */
    double prior_points;         /* ν_σ: weight of σ0, in points */
    double prior_series_weight;  /* κ: a series' mean leans on the mean of all by this many years */
    bool calibrate_on_baseline;  /* use the baseline scenario's calibration (a reform) */
    double risk_threshold;       /* completion below this at the deadline is a miss */
    double watch_probability;    /* a unit whose chance of a miss reaches this is to watch */
    fs_disburse_cash cash;
    const char *file;
    int line;                    /* of the `disbursement` group */
} fs_disburse_spec;

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

/* fs_disburse_run, calibrated as the scenario says: on itself, or (calibration =
 * "baseline") on its baseline, which is loaded, solved and simulated first. */
fs_status fs_disburse_scenario(const fs_model *m, const fs_result *r, fs_disburse_result **out, fs_diag *diag);

/* The baseline's run (m names one: m->files[1]), loaded, solved and simulated, for its
 * calibrated parameters. Returns FS_OK with a result the caller frees. */
fs_status fs_disburse_baseline(const fs_model *m, fs_disburse_result **out, fs_diag *diag);

/* The plan of `year` in the spec, or NULL. */
const fs_disburse_plan *fs_disburse_plan_of(const fs_disburse_spec *spec, int year);

void fs_disburse_result_free(fs_disburse_result *d);
void fs_disburse_spec_free(fs_disburse_spec *spec);

const char *fs_plan_part_name(fs_plan_part part);

#endif
