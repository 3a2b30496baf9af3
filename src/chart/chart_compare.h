/*
 * chart_compare.h: private to the charts of `fiscalsim compare` (fs_compare_draw in
 * compare.h). What the comparison's tables say, read back (chart_compare_data.c); the
 * data the chart scripts of plots/ draw (chart_compare_blocks.c), which the driver
 * (chart_compare.c) writes. Helpers shared with the charts of `run` are in
 * chart_common.h.
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
    bool upper_is_province;      /* compare.json's upper_level: the level above the communes */
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

/* chart_compare_blocks.c: the settings and data the scripts compare_*.gp of plots/
 * read, into the driver: the scenarios' names and the money unit; the groups, the
 * units by change with the largest gains and losses, the coverage before and after
 * by outcome; with disbursement the forecasts before and after and the month tics in
 * lang; with `cover` the cover's figures and pack_date. The driver's comment lists
 * the names (plots/README.md: compare). */
void cmp_chart_data(FILE *out, const cmp_data *d, fs_lang lang, bool cover);

#endif
