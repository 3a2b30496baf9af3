/*
 * chart_compare.h: private to the charts of `fiscalsim compare` (fs_compare_draw in
 * compare.h). What the comparison's tables say, read back (chart_compare_data.c); the
 * words, numbers and page frame of the charts (chart_compare_text.c); the bar charts
 * (chart_compare_bars.c) and the point and line charts (chart_compare_lines.c), which
 * the script (chart_compare.c) puts together. Helpers shared with the charts of `run`
 * are in chart_common.h.
 */
#ifndef FISCALSIM_CHART_COMPARE_H
#define FISCALSIM_CHART_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "chart.h"
#include "chart_common.h"
#include "error.h"

enum { CMP_NAME_MAX = 256 };

typedef struct cmp_unit {
    char name[CMP_NAME_MAX];
    int64_t change;
    double before, after;        /* coverage */
    int outcome;                 /* 1 winner, -1 loser, 0 unchanged */
} cmp_unit;

typedef struct cmp_group {
    char dimension[16], value[64], label[CMP_NAME_MAX];
    int64_t winners, losers, change;
} cmp_group;

typedef struct cmp_point {
    int32_t date;
    double before, after;        /* shares; NAN when the day is outside that forecast */
} cmp_point;

/* What the charts show, read back from the comparison's tables. */
typedef struct cmp_data {
    char base[CMP_NAME_MAX], reform[CMP_NAME_MAX], money_unit[64];
    int64_t units, winners, losers;
    int64_t totals[4][2];        /* allocation, transfer, own revenue, city balance */
    bool has_total[4];
    double min_coverage[2];
    size_t unit_count, group_count, date_count, day_count;
    cmp_unit *unit;
    cmp_group *group;
    bool has_disbursement;
    cmp_point *date;             /* the comparison dates (whole plan) */
    cmp_point *day;              /* the daily forecasts of the whole plan */
} cmp_data;

/* chart_compare_data.c: reads compare.json, compare.csv, compare_groups.csv and, when
 * compare.json has a "disbursement" object, the whole plan's rows of
 * compare_disbursement.csv and columns of compare_disbursement_daily.csv from dir into
 * d (zeroed by the caller). Returns 0, or -1 when it added diagnostics; either way
 * cmp_data_free(d) releases what was read. */
int cmp_data_read(const char *dir, cmp_data *d, fs_diag *diag);
void cmp_data_free(cmp_data *d);

/* The texts of the charts in one language. */
typedef struct cmp_words {
    const char *pack_title, *baseline, *reform, *money, *tables, *footer;
    const char *groups_title, *count_panel, *count_y, *winners, *losers, *change_panel, *dimension[3];
    const char *units_title, *units_x, *up, *down, *nothing_changed, *most_up, *most_down;
    const char *scatter_title, *scatter_x, *scatter_y, *unchanged, *diagonal;
    const char *disb_title, *disb_x, *disb_y, *before, *after;
    const char *item, *was, *is, *change, *rows[5], *unit_counts, *disb_row;
    const char *billion, *million, *points;
    fs_lang lang; /* how numbers (chart_numbers_of) and dates are written */
} cmp_words;

/* chart_compare_text.c: the words of `lang`. */
const cmp_words *cmp_words_of(fs_lang lang);

/* The money of the charts: tables in million VND are shown in tỷ đồng (billion VND):
 * the divisor from the tables' unit to the one shown, the unit shown, and the tables'
 * unit in the words' language. */
double cmp_divisor(const cmp_data *d);
const char *cmp_display_unit(const cmp_data *d, const cmp_words *w);
const char *cmp_table_unit(const cmp_data *d, const cmp_words *w);

/* Texts in the words' number format: an amount of the tables in the unit shown (tỷ
 * đồng: 3 decimals, exact), with "+" on a gain when `sign`; a share as a percentage
 * with one decimal; a change of a share in percentage points, with two decimals. */
void cmp_money_text(char *buf, size_t size, const cmp_data *d, int64_t value, bool sign, const cmp_words *w);
void cmp_percent_text(char *buf, size_t size, double share, const cmp_words *w);
void cmp_points_text(char *buf, size_t size, double change, const cmp_words *w);

/* The start of every chart's page: reset, the title, the two scenarios under it, and
 * the footer with the money unit; the plot area starts below them. */
void cmp_page_setup(FILE *out, const cmp_data *d, const cmp_words *w, const char *title);

/* chart_compare_bars.c: winners and losers by group, and the change per unit. */
void cmp_chart_groups(FILE *out, const cmp_data *d, const cmp_words *w);
void cmp_chart_units(FILE *out, const cmp_data *d, const cmp_words *w);

/* chart_compare_lines.c: coverage before and after, and the disbursement forecast of
 * the whole plan before and after (needs d->has_disbursement). */
void cmp_chart_scatter(FILE *out, const cmp_data *d, const cmp_words *w);
void cmp_chart_disbursement(FILE *out, const cmp_data *d, const cmp_words *w);

#endif
