/*
 * chart_sweep.h: private to the charts of `fiscalsim sweep` and `fiscalsim merge`
 * (fs_sweep_draw in chart.h). What the sweep's tables say, read back
 * (chart_sweep_data.c); the texts the program writes (chart_sweep_text.c); the data
 * of the tornado, the scatter, the fan and the cover, which the chart scripts of
 * plots/ draw, written into the driver sweep-charts.gp (chart_sweep.c) and drawn by
 * fs_chart_run. Helpers shared with the other charts are in chart_common.h.
 */
#ifndef FISCALSIM_CHART_SWEEP_H
#define FISCALSIM_CHART_SWEEP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "chart.h"
#include "chart_common.h"
#include "error.h"

enum { SW_NAME_MAX = 256, SW_DATES_MAX = 8 };

/* The results of a variant, in the order of the tornado's panels; their column names
 * in sweep.csv and result names in sensitivity.csv are sw_result_names. */
typedef enum sw_result { SW_MIN_COVERAGE, SW_UNDER_NEED, SW_GINI, SW_TRANSFERS, SW_CITY_BALANCE, SW_RESULTS } sw_result;
extern const char *const sw_result_names[SW_RESULTS];

/* The designs of sweep.json's "design", in the order of their names in sweep.json (chart_sweep.c). */
typedef enum sw_design { SW_GRID, SW_OAT, SW_LHS, SW_MC, SW_SOBOL, SW_DESIGNS } sw_design;

/* A variant's status in sweep.csv. */
typedef enum sw_status { SW_SOLVED, SW_INFEASIBLE, SW_FAILED } sw_status;

/* A parameter and its sensitivities (sensitivity.csv); NAN where the table has none. */
typedef struct sw_param {
    char key[SW_NAME_MAX];
    double src[SW_RESULTS];
    double st[SW_RESULTS], st_lo[SW_RESULTS], st_hi[SW_RESULTS];   /* Sobol design only */
} sw_param;

/* A row of sweep_disbursement.csv: at a month end, the quantiles and the mean over the
 * solved variants of the forecast share of the whole plan disbursed (0..1; NAN when
 * no variant solved). */
typedef enum sw_fan_stat { SW_P05, SW_P25, SW_P50, SW_P75, SW_P95, SW_MEAN, SW_FAN_STATS } sw_fan_stat;
typedef struct sw_fan_row {
    int32_t month_end;                          /* day number (calendar.h) */
    int64_t variants;
    double stat[SW_FAN_STATS];
} sw_fan_row;

/* What the charts show, read back from the sweep's tables. */
typedef struct sw_data {
    char scenario[SW_NAME_MAX], money_unit[64];
    bool upper_is_province;                     /* sweep.json's upper_level */
    sw_design design;
    int64_t variants, solved, infeasible, failed; /* sweep.json */
    size_t param_count;
    sw_param *param;                            /* sweep.json "parameters", in order */
    bool has_result[SW_RESULTS];                /* a column of sweep.csv */
    bool has_sensitivity[SW_RESULTS];           /* rows of sensitivity.csv */
    double r2[SW_RESULTS];
    int64_t fitted;                             /* sensitivity.csv "variants": the solved ones fitted */
    bool has_sobol;                             /* sensitivity.csv has st */
    size_t row_count;                           /* sweep.csv, in variant order */
    int64_t *variant;
    sw_status *status;
    double *x;                                  /* row_count × param_count */
    double *y;                                  /* row_count × SW_RESULTS; NAN unless solved */
    size_t date_count;                          /* the sweep's dates: sweep.csv's disbursed_<date> */
    int32_t date[SW_DATES_MAX];                 /* columns (the first SW_DATES_MAX), day numbers */
    double *disbursed;                          /* row_count × date_count; NAN unless solved */
    size_t fan_count;                           /* sweep_disbursement.csv, read when there are */
    sw_fan_row *fan;                            /* dates: the fan chart is drawn when fan_count > 0 */
} sw_data;

/* chart_sweep_data.c: reads sweep.json, sweep.csv and sensitivity.csv from dir into d
 * (zeroed by the caller; money_unit is set by the caller, the tables do not say it),
 * and sweep_disbursement.csv when sweep.csv has disbursed_<date> columns (a sweep with
 * dates; a file left by an earlier sweep with dates is not read otherwise).
 * Columns are found by name; result columns the charts do not draw are ignored.
 * Returns 0, or -1 when it added diagnostics; either way sw_data_free(d) releases what
 * was read. */
int sw_data_read(const char *dir, sw_data *d, fs_diag *diag);
void sw_data_free(sw_data *d);

/* Result k of sweep.csv's row (NAN unless the variant solved). */
double sw_result_at(const sw_data *d, size_t row, sw_result k);

/* The median of the n values (no NaN among them), sorted in place; NAN when n is 0. */
double sw_median(double *values, size_t n);

/* The texts the program writes in one language: the money units, and how numbers
 * and dates are written (chart_numbers_of). The charts' words are in plots/words. */
typedef struct sw_words {
    const char *billion, *million;
    fs_lang lang;
} sw_words;

/* chart_sweep_text.c: the words of `lang`. */
const sw_words *sw_words_of(fs_lang lang);

/* Money results (transfers, city balance) and money parameters (policy.envelope,
 * city.revenue, city.need, city.central_transfers, disbursement.cash.opening) are
 * shown in tỷ đồng (billion VND) when the tables are in million VND: the divisor from
 * the tables' unit to the one shown, and the unit shown. */
bool sw_money_result(sw_result k);
bool sw_money_param(const char *key);
double sw_divisor(const sw_data *d);
const char *sw_display_unit(const sw_data *d, const sw_words *w);

/* A result's value as shown on an axis: coverage in percent, money in the unit shown. */
double sw_shown(const sw_data *d, sw_result k, double value);

/* A result's value as text in the words' number format: coverage in percent with one
 * decimal, units whole, Gini with three decimals, money in the unit shown. */
void sw_result_text(char *buf, size_t size, const sw_data *d, sw_result k, double value, const sw_words *w);

/* A real with `decimals` decimals in the words' number format (grouped by thousands). */
void sw_real_text(char *buf, size_t size, double value, int decimals, const sw_words *w);

/* A parameter's axis title in two parts: what it is, and its key with its unit, e.g.
 * "Tổng mức phân bổ cho cấp xã" and "(policy.envelope), tỷ đồng"; a key of no known
 * kind is its own name, with no detail. */
void sw_param_title(char *name, size_t name_size, char *detail, size_t detail_size, const sw_data *d,
                    const char *key, const sw_words *w);

/* Whether sweep.csv is a one-at-a-time design as sweep_design.c lays it out: the
 * baseline, then each parameter at its low and its high end. */
bool sw_oat_layout(const sw_data *d);

/* The data the chart scripts of plots/ draw, into the driver sweep-charts.gp (the
 * names each writes: plots/README.md, sweep): the tornado's panels
 * (chart_sweep_tornado.c), the scatter (chart_sweep_scatter.c), the fan for a sweep
 * with dates (chart_sweep_fan.c; needs d->fan_count > 0), and the pack's cover
 * (chart_sweep_cover.c). */
void sw_tornado_data(FILE *out, const sw_data *d, const sw_words *w);
void sw_scatter_data(FILE *out, const sw_data *d, const sw_words *w);
void sw_fan_data(FILE *out, const sw_data *d, fs_lang lang);
void sw_cover_data(FILE *out, const sw_data *d, const sw_words *w);

#endif
