/*
 * chart_period.c: the data of the trajectory chart of a stability period
 * (chart_period.h), which plots/period.gp draws: a 2×2 page with the years on the x
 * axis, one panel per indicator (the lowest coverage of need in %, the total balancing
 * transfers, the units under need, and the city's balance or, without a city block,
 * the communes' own revenue). Money is in tỷ đồng / billion VND when the money unit is
 * "million VND", as in the other charts. The infeasible year (the run stops there) is
 * marked; the years not run are left out.
 */
#include <math.h>
#include <stdlib.h>

#include "chart_period.h"
#include "chart_common.h"

enum { LABELLED_YEARS = 10, MAX_XTICS = 12 };

/* The digits after the decimal sign of a money panel's labels: in tỷ đồng, 0 from
 * 1,000 up, 1 from 10 up, else 3 (exact); whole money units otherwise. */
static int money_decimals(const fs_chart_data *d, int64_t largest)
{
    if (!chart_in_billions(d->money_unit)) return 0;
    return largest >= 1000000 ? 0 : largest >= 10000 ? 1 : 3;
}

void chart_period_data(FILE *out, const fs_chart_data *d)
{
    double div = chart_divisor(d->money_unit);
    /* The years drawn: the solved ones and the infeasible one; not-run years are left out. */
    int first = 0, last = 0;
    size_t solved = 0, shown = 0;
    int64_t money_max = 0;
    fputs("$period << EOD\n# year min_coverage(%) transfer units_under_need ", out);
    fputs(d->period_city ? "city_balance" : "own_revenue", out);
    fputs("\n", out);
    for (size_t k = 0; k < d->period_year_count; k++) {
        const fs_chart_year *y = &d->period_year[k];
        if (y->status == FS_CHART_YEAR_NOT_RUN) continue;
        if (!shown++) first = y->year;
        last = y->year;
        if (y->status != FS_CHART_YEAR_SOLVED) continue;
        solved++;
        int64_t fourth = d->period_city ? y->city_balance : y->own_revenue;
        int64_t big[2] = {y->transfer, fourth};
        for (int b = 0; b < 2; b++)
            if (llabs(big[b]) > money_max) money_max = llabs(big[b]);
        fprintf(out, "%d %.10g %.10g %lld %.10g\n", y->year, 100 * y->min_coverage, (double)y->transfer / div,
                (long long)y->units_under_need, (double)fourth / div);
    }
    fputs("EOD\n$period_bad << EOD\n", out);
    for (size_t k = 0; k < d->period_year_count; k++)
        if (d->period_year[k].status == FS_CHART_YEAR_INFEASIBLE) fprintf(out, "%d\n", d->period_year[k].year);
    fputs("EOD\n", out);
    fprintf(out,
            "period_first = %d\nperiod_last = %d\nperiod_from = %d\nperiod_to = %d\nperiod_shown = %zu\n"
            "period_stability = %d\nperiod_city = %d\nperiod_labelled = %d\nmoney_decimals = %d\nxtic_step = %zu\n",
            d->period_first_year, d->period_first_year + (int)d->period_year_count - 1, first, last, shown,
            d->period_stability, d->period_city, solved <= LABELLED_YEARS, money_decimals(d, money_max),
            (shown + MAX_XTICS - 1) / MAX_XTICS);
}
