/*
 * compare.h: a reform against its baseline, unit by unit and group by group.
 *
 * Both scenarios are solved as they are; the comparison matches units by name and
 * reports, in exact money, the change of each unit's allocation, coverage and
 * per-capita amount, the winners and losers by kind, class and regime, and the change
 * in the city's balance and in total transfers.
 */
#ifndef FISCALSIM_COMPARE_H
#define FISCALSIM_COMPARE_H

#include <stdbool.h>
#include <stdint.h>

#include "fiscalsim/error.h"
#include "fiscalsim/model.h"
#include "fiscalsim/result.h"

typedef struct fs_compare_unit {
    size_t base, reform;           /* the unit's index in each model */
    int64_t before, after;         /* allocation */
    double coverage_before, coverage_after;
    double per_capita_before, per_capita_after;
} fs_compare_unit;

typedef struct fs_compare_group {
    const char *dimension;         /* "kind", "class" or "regime" */
    char value[FS_ID_MAX];
    size_t units, winners, losers;
    int64_t before, after;         /* allocation totals */
} fs_compare_group;

typedef struct fs_compare {
    size_t unit_count;
    fs_compare_unit *units;        /* in the baseline's order */
    size_t group_count;
    fs_compare_group *groups;
    size_t winners, losers;
    int64_t allocation[2], transfer[2], own[2], city_balance[2]; /* [0] baseline, [1] reform */
    double min_coverage[2];
    bool has_city;                 /* both scenarios have a city block: the balance means something */
} fs_compare;

/* Compares two solved scenarios. Returns FS_OK and a comparison the caller frees, or
 * FS_EINPUT when their units differ (each missing unit named), FS_EINTERNAL on memory. */
fs_status fs_compare_build(const fs_model *base, const fs_result *before, const fs_model *reform,
                           const fs_result *after, fs_compare **out, fs_diag *diag);

/* Writes compare.csv (per unit), compare_groups.csv and compare.json into dir, all or
 * nothing. Returns FS_OK or FS_EIO with a diagnostic. */
fs_status fs_compare_write(const fs_compare *cmp, const fs_model *base, const fs_model *reform, const char *dir,
                           bool sync, fs_diag *diag);

void fs_compare_free(fs_compare *cmp);

#endif
