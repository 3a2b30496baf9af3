/*
 * sweep_fan.h (private): the disbursement fan of a sweep: at each month end of the
 * plan year (and 31 January of the next, the deadline), quantiles over the solved
 * variants of the forecast share of the whole plan disbursed. Written as
 * sweep_disbursement.csv when the sweep has `dates`; the fan chart reads it.
 */
#ifndef FISCALSIM_SWEEP_FAN_H
#define FISCALSIM_SWEEP_FAN_H

#include "sweep.h"
#include "table_write.h"

enum { FAN_STATS = 7 };          /* variants, p05, p25, p50, p75, p95, mean */

typedef struct sweep_fan {
    int32_t month_end[FS_SWEEP_MONTHS];
    double stat[FS_SWEEP_MONTHS][FAN_STATS];
    char date[FS_SWEEP_MONTHS][11];
} sweep_fan;

/* Computes the fan of r for plan year `year`. Returns 0, or -1 when out of memory. */
int sweep_fan_compute(const fs_sweep_result *r, int year, sweep_fan *fan);

/* The fan as a table (month_end, variants, p05 ... mean), reading `fan`. */
table_view sweep_fan_table(const sweep_fan *fan);

#endif
