/*
 * chart.h: charts for a council session, drawn by gnuplot from a run's tables.
 *
 * Charts are drawn from the files a run wrote (allocation.csv, revenue_split.csv,
 * summary.json, with a disbursement section the disbursement_*.csv tables, with a
 * stability period period.csv), never from solver state, so `fiscalsim plot DIR`
 * redraws exactly what `run` drew. The
 * gnuplot script is written first (charts.gp, golden-testable without gnuplot), then
 * run; the charts are drawn into the staging folder of the command's output set
 * (output_set.h) and committed with the tables, once gnuplot exits cleanly
 * and each file checks out as PNG, SVG or PDF.
 */
#ifndef FISCALSIM_CHART_H
#define FISCALSIM_CHART_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "error.h"
#include "lang.h"

/* Where charts are drawn: `tables` is the folder their tables are read from, `stage`
 * the folder the script and the charts are written into (an output set's staging
 * folder), `dir` the output folder, where the saved script redraws them when run by
 * hand. */
typedef struct fs_chart_place {
    const char *tables, *stage, *dir;
} fs_chart_place;

typedef struct fs_chart_options {
    bool png, svg, pdf;   /* pdf: one multi-page council pack */
    fs_lang lang;
    double timeout_s;     /* gnuplot is killed after this; 0 = 60 s */
    const char *plots;    /* the folder of the chart scripts (plots/); NULL: fs_chart_find_plots */
} fs_chart_options;

/* The folder of the chart scripts, as an absolute path into out: `given` (it must hold
 * lib/common.gp), else $FISCALSIM_PLOTS, else plots/ next to the program (../plots,
 * ../../plots or ../share/fiscalsim/plots from its folder), else the folder
 * `cmake --install` puts them in. Returns FS_OK; FS_EUSAGE when `given` is not such a
 * folder; FS_EMISSING when none is found (the message says what to do). */
fs_status fs_chart_find_plots(const char *given, char *out, size_t size, fs_diag *diag);

/* One day of disbursement_daily.csv: the forecast share of the plan in place that day
 * and its band, for the whole plan and the lower level (shares in [0, 1]). */
typedef struct fs_chart_day {
    int32_t date;                        /* day number (calendar.h) */
    double whole, whole_lo, whole_hi;
    double lower, lower_lo, lower_hi;
} fs_chart_day;

/* One month of disbursement_months.csv: the whole plan in place at the month's end and
 * the cumulative amount scheduled under the cash limit by then (money unit). */
typedef struct fs_chart_month {
    int32_t month_end;                   /* day number */
    int64_t whole_planned, whole_scheduled;
} fs_chart_month;

/* One published point of disbursement_fit.csv (of any year; the chart keeps the plan
 * year's). */
typedef struct fs_chart_observed {
    int year;                            /* the plan year the point belongs to */
    int32_t date;                        /* day number */
    char plan[8];                        /* "whole", "lower" or "city" */
    double share;                        /* observed share of that plan */
} fs_chart_observed;

/* One row of disbursement_units.csv: forecast completion at the deadline and its band
 * (shares), and the risk flag ("", "watch" or "high"). */
typedef struct fs_chart_entity {
    char name[128];                      /* the unit's name; "city" for the city's row */
    char kind[16];                       /* "city" for the city's row */
    char risk[8];
    double completion, band_lo, band_hi;
} fs_chart_entity;

/* One row of period.csv: a year of a stability period. The figures are read only for
 * a solved year (the others have empty cells and stay 0); money in the money unit. */
typedef enum fs_chart_year_status {
    FS_CHART_YEAR_SOLVED,
    FS_CHART_YEAR_INFEASIBLE,            /* no feasible allocation: a stability violation
                                          * when the period has the stability rules */
    FS_CHART_YEAR_NOT_RUN                /* after an infeasible year: not drawn */
} fs_chart_year_status;

typedef struct fs_chart_year {
    int year;
    fs_chart_year_status status;
    double min_coverage;                 /* lowest coverage of need that year */
    int64_t transfer;                    /* total balancing transfers */
    int64_t own_revenue;                 /* own revenue of the commune level */
    int64_t units_under_need;
    int64_t city_balance;                /* 0 unless data->period_city */
} fs_chart_year;

/* The kinds of requirement that can bind (summary.json "binding"[].constraint) the
 * cover counts, in the order it names them. */
enum { FS_COVER_KINDS = 10, FS_COVER_SHARES = 32 };
extern const char *const fs_cover_kinds[FS_COVER_KINDS];

/* The figures of a pack's cover, read from summary.json (chart_data_cover.c): what is
 * absent stays 0 / false / "". */
typedef struct fs_chart_cover {
    int year;                            /* the budget year */
    bool legal;                          /* mode "legal": the legal formula, not optimised */
    int64_t need, own_revenue, transfer, targeted, allocation;
    bool has_envelope, has_city;
    int64_t envelope, city_balance;
    double min_coverage;
    int64_t units, units_under_need;
    size_t binding[FS_COVER_KINDS];      /* how many requirements of each kind bind */
    size_t share_count;                  /* the shares chosen by group ("group" rows) */
    struct {
        char applies_to[96], name[128];
        double share;
    } shares[FS_COVER_SHARES];
    bool has_disbursement;
    char deadline[11];                   /* YYYY-MM-DD */
    double forecast, band_lo, band_hi;   /* the whole plan's at the deadline, shares */
    int64_t units_at_risk, units_to_watch;
} fs_chart_cover;

/* What the charts show, read back from a run's tables. */
typedef struct fs_chart_data {
    fs_chart_cover cover;
    char scenario[128];
    char money_unit[48];
    char fingerprint[32];
    char upper_level[16];       /* "city" or "province": what the level above the communes is */
    size_t unit_count;
    char (*unit)[128];
    char (*kind)[16];
    char (*cls)[16];
    int64_t *population, *need, *allocation;
    double *coverage, *per_capita;
    size_t source_count;
    char (*source)[128];                 /* the source's display name */
    int64_t *central, *city, *commune;
    /* Disbursement: read only when summary.json has a "disbursement" object (so that
     * disbursement tables left by an earlier run in the same folder are ignored);
     * otherwise has_disbursement is false and the fields below are zero and NULL. */
    bool has_disbursement;
    int year;                            /* summary.json "year", the plan year */
    double risk_threshold;               /* summary.json disbursement.risk_threshold, else 0.95 */
    size_t day_count, month_count, observed_count, entity_count;
    fs_chart_day *day;                   /* disbursement_daily.csv, in date order */
    fs_chart_month *month;               /* disbursement_months.csv */
    fs_chart_observed *observed;         /* disbursement_fit.csv */
    fs_chart_entity *entity;             /* disbursement_units.csv, the city's row included */
    /* Stability period: read only when summary.json has a "period" object (so that a
     * period.csv left by an earlier run in the same folder is ignored); otherwise
     * has_period is false and the fields below are zero and NULL. */
    bool has_period;
    bool period_stability;               /* summary.json period.stability */
    bool period_city;                    /* every solved year has a city_balance */
    int period_first_year;               /* summary.json period.first_year */
    size_t period_year_count;            /* summary.json period.years, the rows of period.csv */
    fs_chart_year *period_year;          /* period.csv, in year order, at least one solved */
} fs_chart_data;

/* Reads allocation.csv, revenue_split.csv and summary.json from `dir`; when
 * summary.json has a "disbursement" object, disbursement_daily.csv,
 * disbursement_months.csv, disbursement_fit.csv and disbursement_units.csv; and when it
 * has a "period" object, period.csv. Returns
 * FS_OK and data the caller frees, or FS_EIO/FS_EINPUT with a diagnostic naming the
 * file (and line). */
fs_status fs_chart_data_read(const char *dir, fs_chart_data **out, fs_diag *diag);

void fs_chart_data_free(fs_chart_data *data);

/* Writes the gnuplot script that draws every chart into `dir`: coverage, per_capita,
 * revenue_split and lorenz, then disbursement and risk when data->has_disbursement,
 * then period when data->has_period (the PDF pack has one page per chart, in that
 * order: 4 to 7 pages). Each output goes to the folder in the gnuplot variable
 * `outdir` when it is set before the script runs (fs_chart_draw sets it to the
 * staging folder), else to `dir`. Numbers in the C locale. */
void fs_chart_script(const fs_chart_data *data, const fs_chart_options *opt, const char *dir, FILE *out);

/* Writes charts.gp and runs gnuplot on it in place->stage (the data come from
 * place->tables, read by the caller), and checks each output. Returns FS_OK; FS_EMISSING
 * when gnuplot is not installed (the message says what to install); FS_EINTERNAL when
 * gnuplot fails or times out (its message is included); FS_EIO on file errors, a full
 * disk among them. */
fs_status fs_chart_draw(const fs_chart_data *data, const fs_chart_options *opt, const fs_chart_place *place,
                        fs_diag *diag);

/* Draws communes.pdf, a page per unit, from place->tables/communes.txt (the
 * explanation of every unit, each ended by a form feed: run_write_communes) with
 * plots/commune.gp; the script is communes.gp. No communes.txt: nothing to draw, FS_OK.
 * With `unit` (else NULL), only the pages of the units of that name, matched as a person
 * types it (fs_name_loose_key, with or without the kind: "bach long vi"), into
 * commune.pdf; none: FS_EUSAGE. Returns like fs_chart_draw. */
fs_status fs_communes_draw(const fs_chart_data *data, const fs_chart_options *opt, const fs_chart_place *place,
                           const char *unit, fs_diag *diag);

/* The runner behind fs_chart_draw, for any chart script (compare's too): writes the
 * `len` bytes of `script` to place->stage/script_name, pipes them into gnuplot after a
 * line that sets `outdir` to place->stage, and checks that each of outputs[0..n) (paths
 * in the stage) was written as the PNG, SVG or PDF its extension names. The script
 * must write each output to outdir.'/<name>'. timeout_s 0 means 60 s. Returns like
 * fs_chart_draw. */
fs_status fs_chart_run(const char *script, size_t len, const fs_chart_place *place, const char *script_name,
                       const char *const *outputs, size_t n, double timeout_s, fs_diag *diag);

/* The charts of a sweep, drawn from the tables `fiscalsim sweep` (or `merge`) just
 * wrote into dir (sweep.json, sweep.csv, sensitivity.csv): sweep_tornado (each
 * parameter's effect on each result: the low and high ends against the baseline for a
 * one-at-a-time design, else the standardised regression coefficients and, for a Sobol
 * design, the total indices) and sweep_scatter (the lowest coverage against the three
 * most influential parameters, infeasible variants marked), as PNG and SVG files, and
 * sweep-pack.pdf with both; the script is sweep-charts.gp. money_unit is the
 * scenario's (the tables do not say it): million VND is shown in tỷ đồng. Returns
 * like fs_chart_draw; FS_EINPUT/FS_EIO when a table cannot be read. */
fs_status fs_sweep_draw(const fs_chart_place *place, const char *money_unit, const fs_chart_options *opt,
                        fs_diag *diag);

/* The chart of a backtest (backtest.png, .svg, and backtest-pack.pdf as asked), drawn
 * from the tables `fiscalsim backtest` wrote into dir: a panel per plan year with the
 * forecast and its band from each cutoff against the observed points. The script is
 * backtest-charts.gp. Returns like fs_chart_draw. */
fs_status fs_backtest_draw(const fs_chart_place *place, const fs_chart_options *opt, fs_diag *diag);

/* Draws the comparison's charts from the tables fs_compare_write wrote (place->tables)
 * (compare.csv, compare_groups.csv, compare.json and, when compare.json has a
 * "disbursement" object, the two disbursement tables): compare_groups, compare_units,
 * compare_scatter (and compare_disbursement) as PNG and/or SVG, and compare-pack.pdf.
 * The gnuplot script is written first, as compare-charts.gp. Returns like
 * fs_chart_draw. */
fs_status fs_compare_draw(const fs_chart_place *place, const fs_chart_options *opt, fs_diag *diag);

#endif
