/*
 * disburse_report.c: the lines `run` prints about the disbursement.
 */
#include <math.h>
#include <stdio.h>

#include "cli.h"
#include "calendar.h"

void cli_print_disbursement(const fs_model *m, const fs_disburse_result *d)
{
    char date[11];
    fs_date_format(d->start + (int32_t)d->day_count - 1, date);
    size_t last = d->day_count - 1;
    printf("disbursement %d: forecast by %s: whole plan %.1f%% [%.1f, %.1f], lower level %.1f%% [%.1f, %.1f] "
           "(%.0f%% band)\n",
           d->year, date, 100 * d->daily[FS_PLAN_WHOLE][0][last], 100 * d->daily[FS_PLAN_WHOLE][1][last],
           100 * d->daily[FS_PLAN_WHOLE][2][last], 100 * d->daily[FS_PLAN_LOWER][0][last],
           100 * d->daily[FS_PLAN_LOWER][1][last], 100 * d->daily[FS_PLAN_LOWER][2][last],
           100 * erf(m->disburse->band_z / sqrt(2)));
    const fs_disburse_prior *pr = &d->prior;
    if (d->baseline_calibration) {
        printf("calibration: the baseline's (at this scenario's %zu points of %d it differs by up to %.2f pp)\n",
               d->points, d->year, 100 * d->max_residual);
    } else {
        printf("calibration: %zu point%s of %d", d->points, d->points == 1 ? "" : "s", d->year);
        if (d->points > 0) printf(" (largest residual %.2f pp)", 100 * d->max_residual);
        printf(" and a prior from %zu other plan year%s (%zu points)", pr->years, pr->years == 1 ? "" : "s",
               pr->points);
        if (d->points < FS_DISBURSE_PARAMS)
            printf("; %zu point%s for %d parameters: the prior carries the rest", d->points, d->points == 1 ? "" : "s",
                   FS_DISBURSE_PARAMS);
        printf("; this year's points settle %.0f%% of the forecast's uncertainty at %s, the prior %.0f%%; bands "
               "widened x%.2f by leave-one-year-out\n",
               100 * d->data_weight, date, 100 * (1 - d->data_weight), pr->band_scale);
    }
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
