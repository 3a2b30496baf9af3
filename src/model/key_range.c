/*
 * key_range.c: the ranges of the sweepable scenario keys (see key_range.h).
 */
#include "key_range.h"

#define MONEY 0, (double)FS_AMOUNT_MAX, false, NULL

static const fs_key_range ranges[] = {
    [FS_TARGET_ENVELOPE] = {MONEY},
    [FS_TARGET_HOLD_HARMLESS] = {0, 100, false, NULL},
    [FS_TARGET_PRIORITY] = {0, 1, false, NULL},
    [FS_TARGET_COVERAGE_MIN] = {0, 100, false, NULL},
    [FS_TARGET_CAP] = {0, 100, false, NULL},
    [FS_TARGET_CITY_REVENUE] = {MONEY},
    [FS_TARGET_CITY_NEED] = {MONEY},
    [FS_TARGET_CITY_TRANSFERS] = {MONEY},
    [FS_TARGET_RESERVE_RATE] = {0, 0.5, false, NULL},
    [FS_TARGET_REVENUE_SCALE] = {0, (double)FS_AMOUNT_MAX, false, "a multiplier of the source's revenue"},
    [FS_TARGET_POPULATION_SCALE] = {0, (double)FS_AMOUNT_MAX, true, "a multiplier of every unit's population"},
    [FS_TARGET_NORM_PER_CAPITA] = {0, 1e12, false, NULL},
    [FS_TARGET_NORM_PER_KM2] = {0, 1e12, false, NULL},
    [FS_TARGET_NORM_FIXED] = {0, 1e15, false, NULL},
    [FS_TARGET_CENTRAL] = {0, 1, false, NULL},
    [FS_TARGET_WITHOUT_PMB] = {0.05, 1, false, NULL},
    [FS_TARGET_STAFF_ELASTICITY] = {0, 5, false, NULL},
    [FS_TARGET_CASH_OPENING] = {MONEY},
};

const fs_key_range *fs_key_range_of(fs_sweep_target target)
{
    return &ranges[target];
}
