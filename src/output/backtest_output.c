/*
 * backtest_output.c: the backtest's tables and summary (see backtest.h), written as a
 * set: backtest.csv (one row per held-out point and cutoff), backtest_curves.csv and
 * backtest_points.csv (the forecast curves and every observed point, which the chart
 * draws) and backtest.json (mean absolute errors at
 * 31 December and 31 January per cutoff, for the model and both naive forecasts over
 * the same points, and how often the band held the actual figure). Shares are 0..1.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backtest_output.h"
#include "calendar.h"
#include "columns.h"
#include "decimal_format.h"
#include "output_set_write.h"

typedef struct backtest_ctx {
    const fs_model *m;
    const fs_backtest_result *b;
} backtest_ctx;

/* "MM-DD". */
static void cutoff_text(fs_cutoff c, char buf[6])
{
    decimal_padded((unsigned)c.month % 100u, 2, buf);
    buf[2] = '-';
    decimal_padded((unsigned)c.day % 100u, 2, buf + 3);
    buf[5] = '\0';
}

static const char *series_name(const fs_model *m, int series)
{
    return series == 0 ? "" : m->disburse->series[series];
}

static void real_or_empty(double v, cell *c)
{
    if (isnan(v)) c->type = CELL_TEXT, c->text = "";
    else c->type = CELL_REAL, c->r = v;
}

static const char *const row_header[] = {COL_PLAN_YEAR, COL_CUTOFF, COL_DATE, COL_PLAN, "actual", COL_FORECAST, COL_LO, COL_HI,
                                         "naive_last_year", "naive_mean_curve", COL_SERIES, "points_used",
                                         "inside_band", "source_line"};

static void row_cell(const void *p, size_t row, size_t col, cell *c)
{
    const backtest_ctx *x = p;
    const fs_backtest_row *r = &x->b->rows[row];
    c->type = CELL_REAL;
    switch (col) {
    case 0: c->type = CELL_INT, c->i = r->plan_year; break;
    case 1: cutoff_text(x->b->cutoffs[r->cutoff], c->buf), c->type = CELL_TEXT, c->text = c->buf; break;
    case 2: fs_date_format(r->date, c->buf), c->type = CELL_TEXT, c->text = c->buf; break;
    case 3: c->type = CELL_TEXT, c->text = fs_plan_part_name(r->plan); break;
    case 4: c->r = r->actual; break;
    case 5: c->r = r->forecast; break;
    case 6: c->r = r->lo; break;
    case 7: c->r = r->hi; break;
    case 8: real_or_empty(r->naive_last_year, c); break;
    case 9: real_or_empty(r->naive_mean_curve, c); break;
    case 10: c->type = CELL_TEXT, c->text = series_name(x->m, r->series); break;
    case 11: c->type = CELL_INT, c->i = (int64_t)r->points_used; break;
    case 12: c->type = CELL_INT, c->i = r->actual >= r->lo && r->actual <= r->hi; break;
    default: c->type = CELL_INT, c->i = r->obs->line; break;
    }
}

static const char *const curve_header[] = {COL_SERIES, COL_PLAN_YEAR, COL_CUTOFF, COL_PLAN, COL_DATE, COL_FORECAST, COL_LO, COL_HI};

static void curve_cell(const void *p, size_t row, size_t col, cell *c)
{
    const backtest_ctx *x = p;
    const fs_backtest_curve_point *r = &x->b->curve[row];
    c->type = CELL_REAL;
    switch (col) {
    case 0: c->type = CELL_TEXT, c->text = series_name(x->m, r->series); break;
    case 1: c->type = CELL_INT, c->i = r->plan_year; break;
    case 2: cutoff_text(x->b->cutoffs[r->cutoff], c->buf), c->type = CELL_TEXT, c->text = c->buf; break;
    case 3: c->type = CELL_TEXT, c->text = fs_plan_part_name(r->plan); break;
    case 4: fs_date_format(r->date, c->buf), c->type = CELL_TEXT, c->text = c->buf; break;
    case 5: c->r = r->forecast; break;
    case 6: c->r = r->lo; break;
    default: c->r = r->hi; break;
    }
}

static const char *const point_header[] = {COL_SERIES, COL_PLAN_YEAR, COL_DATE, COL_PLAN, COL_SHARE};

static void point_cell(const void *p, size_t row, size_t col, cell *c)
{
    const backtest_ctx *x = p;
    const fs_disburse_observation *o = &x->m->disburse->obs[row];
    switch (col) {
    case 0: c->type = CELL_TEXT, c->text = series_name(x->m, o->series); break;
    case 1: c->type = CELL_INT, c->i = o->year; break;
    case 2: fs_date_format(o->date, c->buf), c->type = CELL_TEXT, c->text = c->buf; break;
    case 3: c->type = CELL_TEXT, c->text = fs_plan_part_name(o->plan); break;
    default: c->type = CELL_REAL, c->r = o->share; break;
    }
}

/* True when row r is on `month`-`day` of its plan year (month 13: January next). */
static bool on_day(const fs_backtest_row *r, int month, int day)
{
    int y, m, d;
    fs_civil_from_days(r->date, &y, &m, &d);
    return month == 13 ? (y == r->plan_year + 1 && m == 1 && d == day) : (y == r->plan_year && m == month && d == day);
}

/* Mean absolute errors at one day of the plan year for cutoff c: over the points where
 * both naive forecasts exist too (so the three are compared on the same points), and
 * the model's over all its points. */
static js_node *errors_at(const fs_backtest_result *b, size_t c, int month, int day)
{
    double model = 0, last = 0, mean = 0, model_all = 0, width = 0;
    size_t n = 0, all = 0;
    double *widths = malloc((b->row_count + 1) * sizeof *widths);
    for (size_t k = 0; k < b->row_count; k++) {
        const fs_backtest_row *r = &b->rows[k];
        if (r->cutoff != c || r->plan != FS_PLAN_WHOLE || !on_day(r, month, day)) continue;
        model_all += fabs(r->forecast - r->actual);
        if (widths) widths[all] = r->hi - r->lo;
        all++;
        if (isnan(r->naive_last_year) || isnan(r->naive_mean_curve)) continue;
        model += fabs(r->forecast - r->actual);
        last += fabs(r->naive_last_year - r->actual);
        mean += fabs(r->naive_mean_curve - r->actual);
        n++;
    }
    if (widths && all > 0) {
        /* Median band width over the model's points (insertion sort: a few points). */
        for (size_t i = 1; i < all; i++)
            for (size_t j = i; j > 0 && widths[j - 1] > widths[j]; j--) {
                double t = widths[j];
                widths[j] = widths[j - 1], widths[j - 1] = t;
            }
        width = all % 2 ? widths[all / 2] : (widths[all / 2 - 1] + widths[all / 2]) / 2;
    }
    free(widths);
    js_node *o = js_object();
    js_set(o, "points", js_int((int64_t)n));
    js_set(o, "model", n ? js_real(model / (double)n) : js_null());
    js_set(o, "naive_last_year", n ? js_real(last / (double)n) : js_null());
    js_set(o, "naive_mean_curve", n ? js_real(mean / (double)n) : js_null());
    js_set(o, "model_points", js_int((int64_t)all));
    js_set(o, "model_all", all ? js_real(model_all / (double)all) : js_null());
    js_set(o, "median_band_width", all ? js_real(width) : js_null());
    return o;
}

/* Share of the rows (of cutoff c, or of all when c is the cutoff count) whose actual
 * figure lies in the band. */
static js_node *coverage(const fs_backtest_result *b, size_t c)
{
    size_t n = 0, inside = 0;
    for (size_t k = 0; k < b->row_count; k++) {
        const fs_backtest_row *r = &b->rows[k];
        if (c < b->cutoff_count && r->cutoff != c) continue;
        n++;
        inside += r->actual >= r->lo && r->actual <= r->hi;
    }
    js_node *o = js_object();
    js_set(o, "points", js_int((int64_t)n));
    js_set(o, "inside_band", n ? js_real((double)inside / (double)n) : js_null());
    return o;
}

static js_node *summary(const fs_model *m, const fs_backtest_result *b)
{
    js_node *o = js_object();
    js_set(o, "scenario", js_string(m->name));
    js_set(o, "band_z", js_real(m->disburse->band_z));
    js_set(o, "years", js_int((int64_t)b->year_count));
    js_node *series = js_array();
    for (size_t k = 0; k < m->disburse->series_count; k++) js_append(series, js_string(m->disburse->series[k]));
    js_set(o, "series", series);
    js_node *cutoffs = js_object(), *order = js_array();
    for (size_t c = 0; c < b->cutoff_count; c++) {
        char cut[6];
        cutoff_text(b->cutoffs[c], cut);
        js_node *e = js_object();
        js_set(e, "dec31", errors_at(b, c, 12, 31));
        js_set(e, "jan31", errors_at(b, c, 13, 31));
        js_set(e, "band", coverage(b, c));
        double k = 0;
        size_t count = 0;
        for (size_t j = 0; j < b->year_count; j++) k += b->band_scale[j * b->cutoff_count + c], count++;
        js_set(e, "mean_band_scale", count ? js_real(k / (double)count) : js_null());
        js_set(cutoffs, cut, e);
        js_append(order, js_string(cut));
    }
    js_set(o, "cutoff_order", order);
    js_set(o, "cutoffs", cutoffs);
    js_set(o, "band", coverage(b, b->cutoff_count));
    return o;
}

fs_status fs_backtest_write(const fs_model *m, const fs_backtest_result *b, const char *dir, fs_output_set *given,
                            bool sync, fs_diag *diag)
{
    backtest_ctx ctx = {m, b};
    table_view rows = {"backtest", sizeof row_header / sizeof *row_header, row_header, b->row_count, row_cell, &ctx};
    table_view curves = {"curves", sizeof curve_header / sizeof *curve_header, curve_header, b->curve_count,
                         curve_cell, &ctx};
    table_view points = {"points", sizeof point_header / sizeof *point_header, point_header, m->disburse->obs_count,
                         point_cell, &ctx};
    output_set own = {0}, *set = output_set_or(given, &own);
    fs_status st = output_set_text(set, dir, "backtest.csv", &rows, NULL, diag);
    if (st == FS_OK) st = output_set_text(set, dir, "backtest_curves.csv", &curves, NULL, diag);
    if (st == FS_OK) st = output_set_text(set, dir, "backtest_points.csv", &points, NULL, diag);
    /* backtest.json last: renamed last, it never describes tables not in place. */
    if (st == FS_OK) st = output_set_json(set, dir, "backtest.json", summary(m, b), diag);
    return output_set_end(given, &own, st, sync, diag);
}
