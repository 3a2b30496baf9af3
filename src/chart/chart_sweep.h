/*
 * chart_sweep.h: private to the charts of `fiscalsim sweep` and `fiscalsim merge`
 * (fs_sweep_draw in chart.h). What the sweep's tables say, read back
 * (chart_sweep_data.c); the words, numbers and page frame of the charts
 * (chart_sweep_text.c); the tornado and the scatter plots (chart_sweep.c) and, with
 * dates, the disbursement fan (chart_sweep_fan.c), put together into sweep-charts.gp
 * and drawn by fs_chart_run. Helpers shared with the
 * other charts are in chart_common.h.
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

/* The designs of sweep.json's "design", in the order of sw_words.designs. */
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

/* The texts of the charts in one language. */
typedef struct sw_words {
    const char *tornado_title, *oat_title, *scatter_title;
    const char *subtitle;                       /* scenario, design, variants, solved, infeasible */
    const char *designs[SW_DESIGNS];
    const char *footer, *money, *tables, *billion, *million;
    const char *results[SW_RESULTS];
    const char *units_word;                     /* the x axis of units under need */
    const char *src_axis, *sobol_axis, *src_bar, *st_bar, *r2;
    const char *fit_note, *src_note, *st_note;
    const char *low_end, *high_end, *baseline, *oat_note, *baseline_note;
    const char *end_infeasible, *base_infeasible;
    const char *no_change, *none_solved, *more_params;
    const char *scatter_y, *solved_points, *infeasible_points, *infeasible_strip, *thinned, *panel_src;
    const char *fan_title, *fan_x, *fan_y, *fan_outer, *fan_inner, *fan_median, *fan_mean, *fan_plan, *fan_dates;
    const char *fan_date_label;                 /* printf: date, median (text) */
    const char *fan_deadline;                   /* printf: date, median, p05, p95 (texts) */
    const char *fan_widest;                     /* printf: points (text), month end */
    const char *failed;                         /* after the subtitle when variants failed: count */
    const char *scatter_note;                   /* under the scatter when variants were infeasible */
    fs_lang lang;                               /* how numbers (chart_numbers_of) and dates are written */
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

/* A count as the words' language writes it ("10.000", "10,000"); returns buf. */
typedef char sw_count[32];
const char *sw_count_text(sw_count buf, long long n, const sw_words *w);

/* A parameter's axis title in two parts: what it is, and its key with its unit, e.g.
 * "Tổng mức phân bổ cho cấp xã" and "(policy.envelope), tỷ đồng"; a key of no known
 * kind is its own name, with no detail. */
void sw_param_title(char *name, size_t name_size, char *detail, size_t detail_size, const sw_data *d,
                    const char *key, const sw_words *w);

/* The start of every chart's page: reset, the title, the scenario, design and variants
 * under it, and the footer; the plot area is between screen 0.08 and 0.87. */
void sw_page_setup(FILE *out, const sw_data *d, const sw_words *w, const char *title);

/* chart_sweep.c: the tornado (one panel per result) and the scatter plots; the
 * scatter's datablock ($scatter) is written only `with_data` (once per script). */
void sw_chart_tornado(FILE *out, const sw_data *d, const sw_words *w);
void sw_chart_scatter(FILE *out, const sw_data *d, const sw_words *w, bool with_data);

/* chart_sweep_fan.c: the disbursement fan (d->fan_count > 0): the month ends on the x
 * axis, the share of the plan disbursed in percent, the 5-95 and 25-75 percentile
 * bands, the median and the mean, the sweep's dates as dotted lines. */
void sw_chart_fan(FILE *out, const sw_data *d, const sw_words *w);

#endif
