/*
 * chart_disburse.h: private to the chart stage. The disbursement charts
 * (chart_disburse.c) and their tables (chart_data_disburse.c), and the helpers they
 * share with chart_script.c and chart_data.c; those every chart script shares (quoting,
 * terminals, month ticks) are in chart_common.h.
 */
#ifndef FISCALSIM_CHART_DISBURSE_H
#define FISCALSIM_CHART_DISBURSE_H

#include <stdio.h>

#include "chart.h"
#include "table.h"

/* chart_disburse.c: the data and settings plots/disbursement.gp reads (the forecast,
 * its bands, the schedule under cash, the published points, the axis and its month
 * tics in lang) and those plots/risk.gp reads (the units at risk of missing the
 * deadline, the threshold). */
void chart_disbursement_data(FILE *out, const fs_chart_data *d, fs_lang lang);
void chart_risk_data(FILE *out, const fs_chart_data *d);

/* chart_data.c: a column's index by name, or -1 with a diagnostic; a cell parsed as an
 * integer, a real or a date (YYYY-MM-DD, a day number), 0, or -1 with a diagnostic
 * naming the file, line and column. */
int chart_column(const fs_table *t, const char *name, fs_diag *diag);
int chart_cell_int(const fs_table *t, size_t row, int col, int64_t *out, fs_diag *diag);
int chart_cell_real(const fs_table *t, size_t row, int col, double *out, fs_diag *diag);
int chart_cell_date(const fs_table *t, size_t row, int col, int32_t *out, fs_diag *diag);

/* chart_data.c: a real cell that may be empty or absent (col < 0): NAN then, and 0; or
 * -1 with a diagnostic. */
int chart_cell_real_or_nan(const fs_table *t, size_t row, int col, double *out, fs_diag *diag);

/* chart_data.c: reads dir/name; the indexes of its columns names[0..n) go to cols.
 * Returns the table, or NULL with diagnostics (file unreadable or a column missing). */
fs_table *chart_table_open(const char *dir, const char *name, const char *const *names, int *cols, size_t n,
                           fs_diag *diag);

/* chart_data.c: room for a table's rows and one more (never an empty allocation),
 * zeroed, or NULL with an "out of memory" diagnostic. */
void *chart_rows_alloc(const fs_table *t, size_t size, fs_diag *diag);

/* chart_data_disburse.c: reads disbursement_daily.csv, disbursement_months.csv,
 * disbursement_fit.csv and disbursement_units.csv from dir into d (d->year and
 * d->risk_threshold are set by the caller). Returns 0, or -1 with diagnostics. */
int chart_data_read_disbursement(const char *dir, fs_chart_data *d, fs_diag *diag);

#endif
