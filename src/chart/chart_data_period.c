/*
 * chart_data_period.c: reads period.csv back for the trajectory chart (chart.h), with
 * the same CSV reader, strict number parsing and diagnostics (file, line, column) as
 * chart_data.c. Only the columns the chart draws are read, and only for solved years:
 * the figures of an infeasible or not-run year are empty cells.
 */
#include <stdlib.h>
#include <string.h>

#include "chart_disburse.h"
#include "chart_period.h"
#include "columns.h"

static const char *const status_names[] = {"solved", "infeasible", "not_run"};

/* The year's status, or -1 with a diagnostic. */
static int cell_status(const fs_table *t, size_t row, int col, fs_chart_year_status *out, fs_diag *diag)
{
    const char *text = fs_table_cell(t, row, (size_t)col);
    for (int k = 0; k < 3; k++)
        if (!strcmp(text, status_names[k])) {
            *out = (fs_chart_year_status)k;
            return 0;
        }
    fs_diag_add(diag, FS_EINPUT, t->path, t->row_line[row], t->header[col],
                "expected solved, infeasible or not_run, got \"%s\"", text);
    return -1;
}

/* The figures of a solved year; *city is set when its city_balance cell is not empty. */
static int read_figures(const fs_table *t, size_t r, const int *c, fs_chart_year *y, bool *city, fs_diag *diag)
{
    if (chart_cell_real(t, r, c[2], &y->min_coverage, diag) || chart_cell_int(t, r, c[3], &y->transfer, diag) ||
        chart_cell_int(t, r, c[4], &y->own_revenue, diag) || chart_cell_int(t, r, c[5], &y->units_under_need, diag))
        return -1;
    if (y->units_under_need < 0) {
        fs_diag_add(diag, FS_EINPUT, t->path, t->row_line[r], t->header[c[5]], "expected a count, got %lld",
                    (long long)y->units_under_need);
        return -1;
    }
    *city = fs_table_cell(t, r, (size_t)c[6])[0] != '\0';
    return *city ? chart_cell_int(t, r, c[6], &y->city_balance, diag) : 0;
}

int chart_data_read_period(const char *dir, fs_chart_data *d, fs_diag *diag)
{
    static const char *const names[] = {COL_YEAR, COL_STATUS, COL_MIN_COVERAGE, COL_TRANSFER, COL_OWN_REVENUE,
                                        COL_UNITS_UNDER_NEED, COL_CITY_BALANCE};
    enum { NAMES = sizeof names / sizeof *names };
    int c[NAMES], rc = -1;
    fs_table *t = chart_table_open(dir, "period.csv", names, c, NAMES, diag);
    if (!t) return -1;
    /* The table must be the one summary.json describes, a row per year of the period. */
    if (t->row_count != d->period_year_count) {
        fs_diag_add(diag, FS_EINPUT, t->path, t->header_line, NULL,
                    "%zu rows, but summary.json says the period has %zu years", t->row_count,
                    d->period_year_count);
        goto done;
    }
    if (!(d->period_year = chart_rows_alloc(t, sizeof *d->period_year, diag))) goto done;
    rc = 0;
    size_t solved = 0, with_city = 0;
    for (size_t r = 0; r < t->row_count; r++) {
        fs_chart_year *y = &d->period_year[r];
        int64_t year = 0;
        bool city = false;
        if (chart_cell_int(t, r, c[0], &year, diag) || cell_status(t, r, c[1], &y->status, diag)) {
            rc = -1;
            continue;
        }
        if (year != (int64_t)d->period_first_year + (int64_t)r) {
            fs_diag_add(diag, FS_EINPUT, t->path, t->row_line[r], "year",
                        "expected %lld (summary.json period.first_year %d, one row a year), got %lld",
                        (long long)d->period_first_year + (long long)r, d->period_first_year, (long long)year);
            rc = -1;
            continue;
        }
        y->year = (int)year;
        if (y->status != FS_CHART_YEAR_SOLVED) continue;
        if (read_figures(t, r, c, y, &city, diag)) {
            rc = -1;
            continue;
        }
        solved++;
        with_city += city;
    }
    if (rc == 0 && solved == 0) {
        fs_diag_add(diag, FS_EINPUT, t->path, t->header_line, "status", "no solved year: there is nothing to draw");
        rc = -1;
    } else if (rc == 0 && with_city != 0 && with_city != solved) {
        fs_diag_add(diag, FS_EINPUT, t->path, t->header_line, "city_balance",
                    "given for %zu of the %zu solved years: expected all or none", with_city, solved);
        rc = -1;
    }
    d->period_city = rc == 0 && with_city > 0;
done:
    fs_table_free(t);
    return rc;
}
