/*
 * disburse_report.c: the lines `run` prints about the disbursement.
 */
#include <stdio.h>

#include "cli.h"
#include "fiscalsim/calendar.h"

void cli_print_disbursement(const fs_model *m, const fs_disburse_result *d)
{
    char date[11];
    fs_date_format(d->start + (int32_t)d->day_count - 1, date);
    size_t last = d->day_count - 1;
    if (d->baseline_calibration)
        printf("disbursement %d: the baseline's calibration (at the %zu observed dates this scenario differs by up to "
               "%.3f pp)",
               d->year, d->fit_count, 100 * d->max_residual);
    else
        printf("disbursement %d: calibrated to %zu observations (largest residual %.3f pp)", d->year, d->fit_count,
               100 * d->max_residual);
    printf("; forecast by %s: whole plan %.1f%% [%.1f, %.1f], lower level %.1f%% [%.1f, %.1f]\n", date, 100 * d->daily[FS_PLAN_WHOLE][0][last],
           100 * d->daily[FS_PLAN_WHOLE][1][last], 100 * d->daily[FS_PLAN_WHOLE][2][last],
           100 * d->daily[FS_PLAN_LOWER][0][last], 100 * d->daily[FS_PLAN_LOWER][1][last],
           100 * d->daily[FS_PLAN_LOWER][2][last]);
    size_t constrained = 0, watch = 0;
    for (size_t mo = 0; mo < d->month_count; mo++) constrained += d->constrained[mo];
    for (size_t e = 0; e < d->entity_count; e++) watch += d->entities[e].risk == 1;
    if (constrained == 0) {
        printf("cash: no month is cash-constrained");
    } else {
        printf("cash: %zu constrained month%s (", constrained, constrained > 1 ? "s" : "");
        const char *sep = "";
        for (size_t mo = 0; mo < d->month_count; mo++)
            if (d->constrained[mo]) {
                char month[8];
                fs_month_format(d->month_end[mo], month);
                printf("%s%s", sep, month);
                sep = ", ";
            }
        printf("), delay %lld %s-months, %lld not paid by a deadline", (long long)d->delay_total, m->money_unit,
               (long long)d->lost_total);
    }
    printf("; %zu units at risk of missing the deadline, %zu to watch\n", d->units_at_risk, watch);
}
