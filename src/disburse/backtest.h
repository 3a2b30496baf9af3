/*
 * backtest.h: how well the disbursement forecast would have done, year by year.
 *
 * For every plan year of every series that has observed points, the year is left out
 * of the history: the prior is estimated from the other plan years (of every series),
 * the year's curve is fitted to its own points dated up to each cutoff, and its later
 * points are forecast with their band. Two naive forecasts stand beside the model's:
 * the previous year's share on the same day (where that figure is known) and the mean
 * curve of the series' other years, scaled to this year's last point before the
 * cutoff. The band's widening k is itself found by leave-one-year-out within the
 * other years, so no held-out point shapes its own band.
 */
#ifndef FISCALSIM_BACKTEST_H
#define FISCALSIM_BACKTEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "disburse.h"
#include "error.h"
#include "model.h"
#include "result.h"

/* A cutoff: a month and day of the plan year. */
typedef struct fs_cutoff {
    int month, day;
} fs_cutoff;

/* One forecast point: a later point of a plan year, forecast from its points up to a
 * cutoff. Shares are 0..1; a naive forecast that cannot be made is NAN. */
typedef struct fs_backtest_row {
    int series;                  /* index into the spec's series (0: the scenario's own plans) */
    int plan_year;
    size_t cutoff;               /* index into the result's cutoffs */
    int32_t date;                /* day number */
    fs_plan_part plan;
    double actual, forecast, lo, hi;
    double naive_last_year, naive_mean_curve;
    size_t points_used;          /* the year's points up to the cutoff */
    const fs_disburse_observation *obs;
} fs_backtest_row;

/* The forecast curve of a plan year from one cutoff, on the 1st, 8th, 15th and 22nd
 * and the last day of each month, for the chart. */
typedef struct fs_backtest_curve_point {
    int series, plan_year;
    size_t cutoff;
    fs_plan_part plan;
    int32_t date;
    double forecast, lo, hi;
} fs_backtest_curve_point;

typedef struct fs_backtest_result {
    fs_cutoff *cutoffs;
    size_t cutoff_count;
    fs_backtest_row *rows;       /* by series, plan year, cutoff, date, plan */
    size_t row_count;
    fs_backtest_curve_point *curve;
    size_t curve_count;
    size_t year_count;           /* plan years (of all series) with points */
    double *band_scale;          /* year_count × cutoff_count: k of each held-out year and cutoff */
} fs_backtest_result;

/* Backtests the disbursement of model m (its `disbursement` section; r its allocation,
 * which shapes the curves) at the cutoffs[0..n). Returns FS_OK with a result the
 * caller frees; FS_EINPUT when m has no disbursement section, no observed points, or
 * the plan cannot hold the units' money; FS_EINTERNAL when memory runs out or a fit
 * fails. */
fs_status fs_backtest_run(const fs_model *m, const fs_result *r, const fs_cutoff *cutoffs, size_t n,
                          fs_backtest_result **out, fs_diag *diag);

void fs_backtest_result_free(fs_backtest_result *b);

/* The day of cutoff c in `year` (29 February is 28 February in a common year). */
int32_t fs_cutoff_date(fs_cutoff c, int year);

#endif
