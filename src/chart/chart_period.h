/*
 * chart_period.h: private to the chart stage. The trajectory chart of a stability
 * period (chart_period.c) and its table (chart_data_period.c); the helpers they use
 * are in chart_disburse.h and chart_common.h.
 */
#ifndef FISCALSIM_CHART_PERIOD_H
#define FISCALSIM_CHART_PERIOD_H

#include <stdio.h>

#include "chart.h"

/* chart_period.c: the data and settings plots/period.gp reads (the four figures of
 * each solved year, the infeasible year, the years drawn, how money labels are
 * written). Needs d->has_period. */
void chart_period_data(FILE *out, const fs_chart_data *d);

/* chart_data_period.c: reads period.csv from dir into d (d->period_first_year and
 * d->period_year_count are set by the caller from summary.json, and checked against
 * the table). Returns 0, or -1 with diagnostics. */
int chart_data_read_period(const char *dir, fs_chart_data *d, fs_diag *diag);

#endif
