/*
 * chart_data_disburse.c: reads the disbursement tables of a run back for the charts
 * (see chart.h), with the same CSV reader, strict number parsing and diagnostics
 * (file, line, column) as chart_data.c. Only the columns the charts draw are read.
 */
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "chart_disburse.h"
#include "columns.h"

/* Copies a cell's text, cut at a UTF-8 character boundary when it is too long. */
static void copy_text(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80) n--;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static int read_daily(const char *dir, fs_chart_data *d, fs_diag *diag)
{
    static const char *const names[] = {COL_DATE, COL_WHOLE, COL_WHOLE_LO, COL_WHOLE_HI, COL_LOWER, COL_LOWER_LO, COL_LOWER_HI};
    int c[7];
    fs_table *t = chart_table_open(dir, "disbursement_daily.csv", names, c, 7, diag);
    if (!t) return -1;
    int rc = -1;
    if (t->row_count == 0) {
        fs_diag_add(diag, FS_EINPUT, t->path, t->header_line, NULL, "no days: there is no forecast to draw");
        goto done;
    }
    if (!(d->day = chart_rows_alloc(t, sizeof *d->day, diag))) goto done;
    d->day_count = t->row_count;
    rc = 0;
    for (size_t r = 0; r < t->row_count; r++) {
        fs_chart_day *y = &d->day[r];
        if (chart_cell_date(t, r, c[0], &y->date, diag) || chart_cell_real(t, r, c[1], &y->whole, diag) ||
            chart_cell_real(t, r, c[2], &y->whole_lo, diag) || chart_cell_real(t, r, c[3], &y->whole_hi, diag) ||
            chart_cell_real(t, r, c[4], &y->lower, diag) || chart_cell_real(t, r, c[5], &y->lower_lo, diag) ||
            chart_cell_real(t, r, c[6], &y->lower_hi, diag))
            rc = -1;
        else if (r > 0 && y->date <= d->day[r - 1].date) {
            fs_diag_add(diag, FS_EINPUT, t->path, t->row_line[r], "date", "dates must increase, row by row");
            rc = -1;
        }
    }
done:
    fs_table_free(t);
    return rc;
}

static int read_months(const char *dir, fs_chart_data *d, fs_diag *diag)
{
    static const char *const names[] = {COL_MONTH_END, COL_WHOLE_PLANNED, COL_WHOLE_SCHEDULED};
    int c[3];
    fs_table *t = chart_table_open(dir, "disbursement_months.csv", names, c, 3, diag);
    if (!t) return -1;
    int rc = -1;
    if (!(d->month = chart_rows_alloc(t, sizeof *d->month, diag))) goto done;
    d->month_count = t->row_count;
    rc = 0;
    for (size_t r = 0; r < t->row_count; r++) {
        fs_chart_month *m = &d->month[r];
        if (chart_cell_date(t, r, c[0], &m->month_end, diag) || chart_cell_int(t, r, c[1], &m->whole_planned, diag) ||
            chart_cell_int(t, r, c[2], &m->whole_scheduled, diag))
            rc = -1;
    }
done:
    fs_table_free(t);
    return rc;
}

/* The scenario's own points (an empty series: other series serve the prior only). */
static int read_fit(const char *dir, fs_chart_data *d, fs_diag *diag)
{
    static const char *const names[] = {COL_YEAR, COL_DATE, COL_PLAN, COL_OBSERVED_SHARE, COL_SERIES};
    int c[5];
    fs_table *t = chart_table_open(dir, "disbursement_fit.csv", names, c, 5, diag);
    if (!t) return -1;
    int rc = -1;
    if (!(d->observed = chart_rows_alloc(t, sizeof *d->observed, diag))) goto done;
    rc = 0;
    for (size_t r = 0; r < t->row_count; r++) {
        if (fs_table_cell(t, r, (size_t)c[4])[0]) continue;
        fs_chart_observed *o = &d->observed[d->observed_count++];
        int64_t year = 0;
        const char *plan = fs_table_cell(t, r, (size_t)c[2]);
        if (chart_cell_int(t, r, c[0], &year, diag) || chart_cell_date(t, r, c[1], &o->date, diag) ||
            chart_cell_real(t, r, c[3], &o->share, diag)) {
            rc = -1;
        } else if (year < 1900 || year > 2200) {
            fs_diag_add(diag, FS_EINPUT, t->path, t->row_line[r], "year", "expected a year such as 2026");
            rc = -1;
        } else if (strcmp(plan, "whole") && strcmp(plan, "lower") && strcmp(plan, "city")) {
            fs_diag_add(diag, FS_EINPUT, t->path, t->row_line[r], "plan", "expected whole, lower or city, got \"%s\"",
                        plan);
            rc = -1;
        } else {
            o->year = (int)year;
            copy_text(o->plan, sizeof o->plan, plan);
        }
    }
done:
    fs_table_free(t);
    return rc;
}

static int read_entities(const char *dir, fs_chart_data *d, fs_diag *diag)
{
    static const char *const names[] = {COL_ENTITY, COL_KIND, COL_COMPLETION, COL_BAND_LO, COL_BAND_HI, COL_RISK};
    int c[6];
    fs_table *t = chart_table_open(dir, "disbursement_units.csv", names, c, 6, diag);
    if (!t) return -1;
    int rc = -1;
    if (!(d->entity = chart_rows_alloc(t, sizeof *d->entity, diag))) goto done;
    d->entity_count = t->row_count;
    rc = 0;
    for (size_t r = 0; r < t->row_count; r++) {
        fs_chart_entity *e = &d->entity[r];
        const char *risk = fs_table_cell(t, r, (size_t)c[5]);
        copy_text(e->name, sizeof e->name, fs_table_cell(t, r, (size_t)c[0]));
        copy_text(e->kind, sizeof e->kind, fs_table_cell(t, r, (size_t)c[1]));
        if (chart_cell_real(t, r, c[2], &e->completion, diag) || chart_cell_real(t, r, c[3], &e->band_lo, diag) ||
            chart_cell_real(t, r, c[4], &e->band_hi, diag)) {
            rc = -1;
        } else if (*risk && strcmp(risk, "watch") && strcmp(risk, "high")) {
            fs_diag_add(diag, FS_EINPUT, t->path, t->row_line[r], "risk",
                        "expected watch, high or an empty cell, got \"%s\"", risk);
            rc = -1;
        } else {
            copy_text(e->risk, sizeof e->risk, risk);
        }
    }
done:
    fs_table_free(t);
    return rc;
}

int chart_data_read_disbursement(const char *dir, fs_chart_data *d, fs_diag *diag)
{
    int rc = read_daily(dir, d, diag);
    if (rc == 0) rc = read_months(dir, d, diag);
    if (rc == 0) rc = read_fit(dir, d, diag);
    if (rc == 0) rc = read_entities(dir, d, diag);
    return rc;
}
