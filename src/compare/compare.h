/*
 * compare.h: a reform against its baseline, unit by unit and group by group.
 *
 * Both scenarios are solved as they are; the comparison matches units by name and
 * reports, in exact money, the change of each unit's allocation, coverage and
 * per-capita amount, the winners and losers by kind, class and regime, and the change
 * in the city's balance and in total transfers. When both scenarios have a
 * disbursement section, it also compares their disbursement forecasts at chosen dates
 * and each unit's disbursement plan and forecast completion.
 */
#ifndef FISCALSIM_COMPARE_H
#define FISCALSIM_COMPARE_H

#include <stdbool.h>
#include <stdint.h>

#include "disburse.h"
#include "error.h"
#include "lang.h"
#include "model.h"
#include "result.h"

typedef struct fs_compare_unit {
    size_t base, reform;           /* the unit's index in each model */
    int64_t before, after;         /* allocation */
    double coverage_before, coverage_after;
    double per_capita_before, per_capita_after;
    /* With disbursement (fs_compare.has_disbursement): the unit's disbursement plan at
     * its last deadline and its forecast completion (share of that plan). */
    int64_t plan_before, plan_after;
    double completion_before, completion_after;
} fs_compare_unit;

typedef struct fs_compare_group {
    const char *dimension;         /* "kind", "class" or "regime" */
    char value[FS_ID_MAX];
    size_t units, winners, losers;
    int64_t before, after;         /* allocation totals */
} fs_compare_group;

/* One comparison date: per plan part (whole, lower, city), the forecast share of the
 * plan in place that day and the cumulative simulated amount at the end of its month;
 * [0] baseline, [1] reform. */
typedef struct fs_compare_date {
    int32_t date;                  /* day number (calendar.h) */
    double share[FS_PLAN_PART_COUNT][2];
    int64_t simulated[FS_PLAN_PART_COUNT][2];
} fs_compare_date;

/* One sharing decision in both scenarios (shares.h), matched by source, the units its
 * rule applies to and, for a rule chosen unit by unit, the unit. */
typedef struct fs_compare_share {
    char source[FS_ID_MAX];
    char name[FS_NAME_MAX];
    char applies_to[128];          /* "regime HP", "all" */
    char unit[FS_NAME_MAX];        /* "" for a rule's group */
    bool present[2];               /* [0] baseline, [1] reform */
    double share[2];
    int64_t commune[2];
} fs_compare_share;

typedef struct fs_compare {
    size_t unit_count;
    fs_compare_unit *units;        /* in the baseline's order */
    size_t group_count;
    fs_compare_group *groups;
    size_t winners, losers;
    int64_t allocation[2], transfer[2], own[2], city_balance[2]; /* [0] baseline, [1] reform */
    double min_coverage[2];
    bool has_city;                 /* both scenarios have a city block: the balance means something */
    /* Disbursement, set by fs_compare_disbursement (both scenarios have one). */
    bool has_disbursement;
    size_t date_count;
    fs_compare_date *dates;        /* in date order, no date twice */
    int32_t disb_start[2];         /* 1 January of each plan year */
    size_t disb_days[2];           /* days of each forecast, to the last deadline */
    double *disb_daily[2][FS_PLAN_PART_COUNT]; /* each forecast's daily share of the plan in place */
    size_t share_count;
    fs_compare_share *shares;      /* the sharing decisions, the baseline's order first */
} fs_compare;

/* Compares two solved scenarios. Returns FS_OK and a comparison the caller frees, or
 * FS_EINPUT when their units differ (each missing unit named), FS_EINTERNAL on memory. */
fs_status fs_compare_build(const fs_model *base, const fs_result *before, const fs_model *reform,
                           const fs_result *after, fs_compare **out, fs_diag *diag);

/* Adds the comparison of the two scenarios' disbursement (each as `run` computes it)
 * at dates[0..date_count) (day numbers, any order), or, when
 * date_count is 0, at the end of June, the end of September and 31 December of the
 * baseline's plan year and the earlier of the two last deadlines, those that lie in
 * both forecasts. Returns FS_OK; FS_EUSAGE when a given date is outside either
 * forecast (the diagnostic names it and the window); FS_EINTERNAL on memory. */
fs_status fs_compare_disbursement(fs_compare *cmp, const fs_disburse_result *before, const fs_disburse_result *after,
                                  const int32_t *dates, size_t date_count, fs_diag *diag);

/* The display name of a group (kind, class or regime value) in lang: "Phường",
 * "loại II", "Hải Phòng cũ" (regime HP); "Ward", "class II", "former Hai Phong". A
 * regime other than HP and HD is shown by its id. */
const char *fs_compare_group_label(const char *dimension, const char *value, fs_lang lang, char *buf, size_t size);

void fs_compare_free(fs_compare *cmp);

#endif
