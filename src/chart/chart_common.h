/*
 * chart_common.h: private to the chart stage. What every gnuplot script of fiscalsim
 * writes the same way (chart_common.c), for the charts of `run` (chart_script.c,
 * chart_disburse.c, chart_period.c) and of `compare` (chart_compare*.c): the script's
 * first lines, each output's terminal and file, the start of a page, user text quoted,
 * numbers in a language's format, the axes of a share over time, and a sort order.
 */
#ifndef FISCALSIM_CHART_COMMON_H
#define FISCALSIM_CHART_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "chart.h"

/* The formats of an output, in the order a script writes them: one file per chart in
 * PNG, then in SVG, then all the charts in one PDF pack. */
typedef enum chart_format { CHART_PNG, CHART_SVG, CHART_PDF } chart_format;

/* Whether opt asks for format f. */
bool chart_format_wanted(const fs_chart_options *opt, chart_format f);

/* The file extension of format f, without the dot: "png", "svg" or "pdf". */
const char *chart_format_ext(chart_format f);

/* The first lines of a script: "# Drawn by <drawn_by>; rerun with: gnuplot <script>",
 * the note on `suffix` and its default (empty), and the UTF-8 encoding. */
void chart_script_start(FILE *out, const char *drawn_by, const char *script);

/* The settings every script of plots/ starts from: the scripts' folder (opt->plots,
 * unless `plots` is set when the script runs: gnuplot -e "plots='DIR'" charts.gp), the
 * language and its number format (lang, thousands, decimal), then plots/lib/common.gp
 * and the words of the language (plots/words/<lang>.gp). */
void chart_plots_settings(FILE *out, const fs_chart_options *opt);

/* A day (calendar.h) as a datablock's date, YYYY-MM-DD. */
void chart_date(FILE *out, int32_t day);

/* A number of a datablock row: " " then v with 10 significant digits, or " NaN". */
void chart_number(FILE *out, double v);

/* A setting "name = v" (10 significant digits), or "name = NaN", on a line. */
void chart_number_setting(FILE *out, const char *name, double v);

/* The settings every driver writes for the money and the level above the communes:
 * money_unit, in_billions (1 when amounts are shown in tỷ đồng) and upper_level ("city"
 * or "province"). */
void chart_money_settings(FILE *out, const char *money_unit, bool upper_is_province);

/* An output of format f: its terminal (DejaVu Sans, `noenhanced`; 1600×1000 pixels, or
 * A4 landscape for the PDF) and "set output <outdir, else '<dir>'>.'/<name>.<ext>'".
 * The caller draws the pages, then writes "unset output". */
void chart_output(FILE *out, chart_format f, const char *dir, const char *name);

/* A single-quoted gnuplot string: quotes doubled, control bytes dropped. */
void chart_quoted(FILE *out, const char *s);

/* chart_quoted of a printf text (at most 1023 bytes; longer is cut). */
void chart_quoted_printf(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A datablock label: double-quoted, with double quotes, backslashes and control bytes
 * dropped. */
void chart_label(FILE *out, const char *s);

/* Whether amounts in money_unit are shown in tỷ đồng / billion VND: they are when the
 * tables are in million VND. */
bool chart_in_billions(const char *money_unit);

/* What amounts in money_unit are divided by to be shown: 1000 when chart_in_billions,
 * else 1. */
double chart_divisor(const char *money_unit);

/* Characters (not bytes) of the first `bytes` bytes of a UTF-8 text. */
size_t chart_text_length(const char *s, size_t bytes);

/* A language's number format: the thousands separator and the decimal sign. */
typedef struct chart_numbers {
    char thousands, decimal;
} chart_numbers;

/* The number format of lang: thousands dots and a decimal comma in Vietnamese
 * (1.234,5), the other way round in English (1,234.5). */
chart_numbers chart_numbers_of(fs_lang lang);

/* value × 10^-scale with `decimals` digits (0 <= decimals <= scale, at most 20),
 * rounded half away from zero, digits grouped by thousands, in the format `num`. With
 * `sign`, a positive value gets a "+" and one that rounds to zero is written "0". */
void chart_fixed_text(char *buf, size_t size, int64_t value, int scale, int decimals, bool sign, chart_numbers num);

/* month_tics = "(...)": the gnuplot tic list of the months from that of `first` to
 * that of `last` (day numbers, calendar.h), for a chart script of plots/ (eval 'set
 * xtics ' . month_tics): each month named as lang writes it ("01/2027", "Jan 2027") at
 * its middle, on every month when they fit (13 at most), else on every second
 * (third...), and a minor tic (the grid) at each month's start. */
void chart_month_tics_setting(FILE *out, int32_t first, int32_t last, fs_lang lang);

/* The charts of a run (chart_script.c, whose order the scripts and chart.c follow): the
 * four of every run, then the two drawn only with disbursement data, then the one drawn
 * only with a stability period. */
enum { CHART_RUN_ALL = 7 };
extern const char *const chart_run_names[CHART_RUN_ALL];

/* Whether chart number `chart` (an index into chart_run_names) is drawn for d. */
bool chart_run_drawn(const fs_chart_data *d, size_t chart);

/* A row sorted by value, ties by index (qsort with chart_by_rank): a stable order. */
typedef struct chart_rank {
    double value;
    size_t index;
} chart_rank;

int chart_by_rank(const void *a, const void *b);

/* The path of a file a script writes. */
typedef char chart_path[FS_PATH_MAX + 64];

/* The files a script writes: dir/<name>.png for each of the n `names`, then the SVGs,
 * each format only when opt asks for it, then dir/<pack>.pdf when opt asks for a PDF.
 * paths (and outputs, which points to them) hold 2 * n + 1 at least. Returns how many. */
size_t chart_output_paths(const char *dir, const fs_chart_options *opt, const char *const *names, size_t n,
                          const char *pack, chart_path *paths, const char **outputs);

/* Writes a whole gnuplot script for `data` (into a file stream). */
typedef void (*chart_script_writer)(FILE *out, const void *data, const fs_chart_options *opt, const char *dir);

/* Finds the folder of the chart scripts (fs_chart_find_plots of opt->plots), writes the
 * script with `write` (given opt with that folder; its outputs named in place->dir) and
 * runs it through fs_chart_run, which saves it as place->stage/script_name and checks the
 * n outputs (paths in place->stage). Nothing to draw (n == 0): FS_OK. Returns like
 * fs_chart_run or fs_chart_find_plots (FS_EINTERNAL on memory). */
fs_status chart_write_and_run(const fs_chart_place *place, const char *script_name, chart_script_writer write,
                              const void *data, const fs_chart_options *opt, const char *const *outputs, size_t n,
                              fs_diag *diag);

#endif
