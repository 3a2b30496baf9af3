/*
 * disburse_spec.h: the `disbursement` section of a scenario, as plain data: the plans,
 * the dated observations and their series, capital added during the year, the curve's
 * settings, the forecast's prior and the city's cash. Read by the scenario loader,
 * owned by the model (fs_model.disburse), used by the disbursement stage (disburse.h).
 */
#ifndef FISCALSIM_DISBURSE_SPEC_H
#define FISCALSIM_DISBURSE_SPEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "model.h"

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

/* The plan of `year` in the spec, or NULL. */
const fs_disburse_plan *fs_disburse_plan_of(const fs_disburse_spec *spec, int year);

void fs_disburse_spec_free(fs_disburse_spec *spec);

const char *fs_plan_part_name(fs_plan_part part);

#endif
