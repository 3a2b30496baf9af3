/*
 * sweep_fan.c: quantiles of the month-end disbursement over a sweep's solved variants
 * (see sweep_fan.h). A quantile is interpolated linearly between order statistics
 * (Hyndman and Fan's type 7, as R and NumPy do by default).
 */
#include "sweep_fan.h"

#include <math.h>
#include <stdlib.h>

#include "calendar.h"
#include "columns.h"

static const double levels[] = {0.05, 0.25, 0.50, 0.75, 0.95};
static const char *const header[] = {COL_MONTH_END, COL_VARIANTS, COL_P05, COL_P25, COL_P50, COL_P75, COL_P95, COL_MEAN};

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double quantile(const double *sorted, size_t n, double p)
{
    double h = (double)(n - 1) * p;
    size_t lo = (size_t)floor(h);
    return lo + 1 < n ? sorted[lo] + (h - (double)lo) * (sorted[lo + 1] - sorted[lo]) : sorted[n - 1];
}

int sweep_fan_compute(const fs_sweep_result *r, int year, sweep_fan *fan)
{
    double *v = malloc((r->variant_count + 1) * sizeof *v);
    if (!v) return -1;
    for (size_t k = 0; k < FS_SWEEP_MONTHS; k++) {
        fan->month_end[k] = fs_sweep_month_end(year, k);
        fs_date_format(fan->month_end[k], fan->date[k]);
        size_t n = 0;
        double sum = 0;
        for (size_t i = 0; i < r->variant_count; i++) {
            const fs_sweep_row *row = &r->rows[i];
            if (row->status == FS_OK && isfinite(row->month_end[k])) v[n++] = row->month_end[k], sum += row->month_end[k];
        }
        qsort(v, n, sizeof *v, by_value);
        fan->stat[k][0] = (double)n;
        for (size_t q = 0; q < 5; q++) fan->stat[k][q + 1] = n ? quantile(v, n, levels[q]) : NAN;
        fan->stat[k][6] = n ? sum / (double)n : NAN;
    }
    free(v);
    return 0;
}

static void fan_cell(const void *p, size_t row, size_t col, cell *c)
{
    const sweep_fan *fan = p;
    if (col == 0) {
        c->type = CELL_TEXT, c->text = fan->date[row];
    } else if (col == 1) {
        c->type = CELL_INT, c->i = (int64_t)fan->stat[row][0];
    } else if (isnan(fan->stat[row][col - 1])) {
        c->type = CELL_TEXT, c->text = "";
    } else {
        c->type = CELL_REAL, c->r = fan->stat[row][col - 1];
    }
}

table_view sweep_fan_table(const sweep_fan *fan)
{
    return (table_view){"disbursement", sizeof header / sizeof *header, header, FS_SWEEP_MONTHS, fan_cell, fan};
}
