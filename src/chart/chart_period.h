/*
 * chart_period.h: private to the chart stage. The trajectory chart of a stability
 * period (chart_period.c) and its table (chart_data_period.c); the helpers they use
 * are in chart_disburse.h and chart_common.h.
 */
#ifndef FISCALSIM_CHART_PERIOD_H
#define FISCALSIM_CHART_PERIOD_H

#include <stdio.h>

#include "chart.h"

/* chart_period.c: one page, four panels by year (lowest coverage, balancing transfers,
 * units under need, the city's balance or else the communes' own revenue), the
 * infeasible year marked in each. Needs d->has_period. */
void chart_period(FILE *out, const fs_chart_data *d, fs_lang lang);

/* chart_data_period.c: reads period.csv from dir into d (d->period_first_year and
 * d->period_year_count are set by the caller from summary.json, and checked against
 * the table). Returns 0, or -1 with diagnostics. */
int chart_data_read_period(const char *dir, fs_chart_data *d, fs_diag *diag);

#endif
