/*
 * chart_backtest.c: the chart of `fiscalsim backtest` (fs_backtest_draw in chart.h),
 * drawn by plots/backtest.gp from the tables the backtest wrote (backtest.json,
 * backtest_curves.csv, backtest_points.csv): this file reads them and writes the
 * driver, backtest-charts.gp, with the panels' settings (arrays) and data
 * (datablocks), so that it redraws the chart by itself.
 *
 * backtest: a panel per plan year (of every series) on one page, each with a time
 * axis from 1 January to 31 January of the next year and the whole plan's share in
 * percent, the forecast from each cutoff, the last cutoff and the observed points
 * (plots/backtest.gp). The cutoffs' days are written in the run's language here; the
 * words are in plots/words. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "chart_common.h"
#include "chart_disburse.h"
#include "columns.h"
#include "json.h"
#include "money_text.h"

enum { CUTOFFS_MAX = 12, NAME_MAX_BYTES = 64 };

typedef struct bt_panel {
    char series[NAME_MAX_BYTES];
    int year;
} bt_panel;

typedef struct bt_curve {
    size_t panel, cutoff;
    int32_t date;
    double forecast, lo, hi;
} bt_curve;

typedef struct bt_point {
    size_t panel;
    int32_t date;
    double share;
} bt_point;

typedef struct bt_data {
    char scenario[128];
    char cutoff[CUTOFFS_MAX][6];
    size_t cutoff_count;
    bt_panel *panel;
    size_t panel_count;
    bt_curve *curve;
    size_t curve_count;
    bt_point *point;
    size_t point_count;
} bt_data;

static void bt_free(bt_data *d)
{
    free(d->panel), free(d->curve), free(d->point);
}

/* The panel of (series, year), added when new; SIZE_MAX when memory runs out. */
static size_t panel_of(bt_data *d, const char *series, int year)
{
    for (size_t k = 0; k < d->panel_count; k++)
        if (d->panel[k].year == year && !strcmp(d->panel[k].series, series)) return k;
    bt_panel *grown = realloc(d->panel, (d->panel_count + 1) * sizeof *grown);
    if (!grown) return (size_t)-1;
    d->panel = grown;
    snprintf(d->panel[d->panel_count].series, NAME_MAX_BYTES, "%s", series);
    d->panel[d->panel_count].year = year;
    return d->panel_count++;
}

static int read_summary(const char *dir, bt_data *d, fs_diag *diag)
{
    char path[FS_PATH_MAX + 32];
    snprintf(path, sizeof path, "%s/backtest.json", dir);
    js_node *root = js_load(path, diag);
    if (!root) return -1;
    const char *scenario = js_string_value(js_get(root, "scenario"));
    js_node *order = js_get(root, "cutoff_order");
    int rc = 0;
    if (!scenario || !js_is_array(order) || js_size(order) == 0 || js_size(order) > CUTOFFS_MAX) {
        fs_diag_add(diag, FS_EINPUT, path, 0, NULL, "expected \"scenario\" and \"cutoff_order\" (1 to %d cutoffs)",
                    CUTOFFS_MAX);
        rc = -1;
    } else {
        snprintf(d->scenario, sizeof d->scenario, "%s", scenario);
        for (size_t k = 0; k < js_size(order); k++) {
            const char *c = js_string_value(js_at(order, k));
            snprintf(d->cutoff[d->cutoff_count++], 6, "%s", c ? c : "");
        }
    }
    js_free(root);
    return rc;
}

static int cutoff_index(const bt_data *d, const char *text)
{
    for (size_t k = 0; k < d->cutoff_count; k++)
        if (!strcmp(d->cutoff[k], text)) return (int)k;
    return -1;
}

static int read_curves(const char *dir, bt_data *d, fs_diag *diag)
{
    static const char *const names[] = {COL_SERIES, COL_PLAN_YEAR, COL_CUTOFF, COL_PLAN, COL_DATE, COL_FORECAST, COL_LO, COL_HI};
    int c[8];
    fs_table *t = chart_table_open(dir, "backtest_curves.csv", names, c, 8, diag);
    if (!t) return -1;
    int rc = -1;
    if (!(d->curve = chart_rows_alloc(t, sizeof *d->curve, diag))) goto done;
    rc = 0;
    for (size_t r = 0; r < t->row_count && rc == 0; r++) {
        if (strcmp(fs_table_cell(t, r, (size_t)c[3]), "whole")) continue;
        int64_t year;
        bt_curve *v = &d->curve[d->curve_count];
        int cut = cutoff_index(d, fs_table_cell(t, r, (size_t)c[2]));
        if (chart_cell_int(t, r, c[1], &year, diag) || chart_cell_date(t, r, c[4], &v->date, diag) ||
            chart_cell_real(t, r, c[5], &v->forecast, diag) || chart_cell_real(t, r, c[6], &v->lo, diag) ||
            chart_cell_real(t, r, c[7], &v->hi, diag)) {
            rc = -1;
        } else if (cut < 0) {
            fs_diag_add(diag, FS_EINPUT, t->path, t->row_line[r], "cutoff", "not a cutoff of backtest.json");
            rc = -1;
        } else if ((v->panel = panel_of(d, fs_table_cell(t, r, (size_t)c[0]), (int)year)) == (size_t)-1) {
            fs_diag_add(diag, FS_EINTERNAL, t->path, 0, NULL, "out of memory");
            rc = -1;
        } else {
            v->cutoff = (size_t)cut;
            d->curve_count++;
        }
    }
done:
    fs_table_free(t);
    return rc;
}

static int read_points(const char *dir, bt_data *d, fs_diag *diag)
{
    static const char *const names[] = {COL_SERIES, COL_PLAN_YEAR, COL_DATE, COL_PLAN, COL_SHARE};
    int c[5];
    fs_table *t = chart_table_open(dir, "backtest_points.csv", names, c, 5, diag);
    if (!t) return -1;
    int rc = -1;
    if (!(d->point = chart_rows_alloc(t, sizeof *d->point, diag))) goto done;
    rc = 0;
    for (size_t r = 0; r < t->row_count && rc == 0; r++) {
        if (strcmp(fs_table_cell(t, r, (size_t)c[3]), "whole")) continue;
        int64_t year;
        bt_point *p = &d->point[d->point_count];
        if (chart_cell_int(t, r, c[1], &year, diag) || chart_cell_date(t, r, c[2], &p->date, diag) ||
            chart_cell_real(t, r, c[4], &p->share, diag)) {
            rc = -1;
        } else if ((p->panel = panel_of(d, fs_table_cell(t, r, (size_t)c[0]), (int)year)) == (size_t)-1) {
            fs_diag_add(diag, FS_EINTERNAL, t->path, 0, NULL, "out of memory");
            rc = -1;
        } else {
            d->point_count++;
        }
    }
done:
    fs_table_free(t);
    return rc;
}

/* The day of cutoff "MM-DD" in `year`. */
static int32_t cutoff_day(const char *cutoff, int year)
{
    int month = (cutoff[0] - '0') * 10 + (cutoff[1] - '0'), day = (cutoff[3] - '0') * 10 + (cutoff[4] - '0');
    int32_t first = fs_days_from_civil(year, month, 1), last = fs_month_end(first);
    return first + day - 1 <= last ? first + day - 1 : last;
}

/* A cutoff "MM-DD" as lang writes a day of a year ("30/04", "30 Apr"). */
static const char *cutoff_text(const char *cutoff, fs_lang lang, char text[FS_DATE_TEXT_MAX])
{
    int month = (cutoff[0] - '0') * 10 + (cutoff[1] - '0'), day = (cutoff[3] - '0') * 10 + (cutoff[4] - '0');
    fs_format_month_day(month, day, lang, text);
    return text;
}

/* "array <name>[n] = [" then the items the caller writes, then "]": gnuplot arrays
 * have at least one element. */
static void array_start(FILE *out, const char *name, size_t n)
{
    fprintf(out, "array %s[%zu] = [", name, n ? n : 1);
}

/* The panels' settings (plots/backtest.gp): their series, year and last cutoff's date,
 * whether they have points known and to forecast, which cutoffs have a curve. */
static void panel_settings(FILE *out, const bt_data *d, fs_lang lang)
{
    size_t n = d->panel_count, cuts = d->cutoff_count, last = cuts - 1;
    fprintf(out, "panel_count = %zu\ncutoff_count = %zu\n", n, cuts);
    array_start(out, "panel_series", n);
    for (size_t k = 0; k < n; k++) {
        fputs(k ? ", " : "", out);
        chart_quoted(out, d->panel[k].series);
    }
    fputs(n ? "]\n" : "'']\n", out);
    array_start(out, "panel_year", n);
    for (size_t k = 0; k < n; k++) fprintf(out, "%s%d", k ? ", " : "", d->panel[k].year);
    fputs(n ? "]\n" : "0]\n", out);
    array_start(out, "panel_cut", n);
    for (size_t k = 0; k < n; k++) {
        fputs(k ? ", '" : "'", out);
        chart_date(out, cutoff_day(d->cutoff[last], d->panel[k].year));
        fputc('\'', out);
    }
    fputs(n ? "]\n" : "'']\n", out);
    bool *known = calloc(2 * n + 1, sizeof *known), *curve = calloc(n * cuts + 1, sizeof *curve);
    if (!known || !curve) {
        free(known), free(curve);
        return;
    }
    for (size_t i = 0; i < d->point_count; i++) {
        const bt_point *q = &d->point[i];
        bool before = q->date <= cutoff_day(d->cutoff[last], d->panel[q->panel].year);
        known[2 * q->panel + !before] = true;
    }
    for (size_t i = 0; i < d->curve_count; i++) curve[d->curve[i].panel * cuts + d->curve[i].cutoff] = true;
    static const char *const names[2] = {"panel_known", "panel_later"};
    for (int which = 0; which < 2; which++) {
        array_start(out, names[which], n);
        for (size_t k = 0; k < n; k++) fprintf(out, "%s%d", k ? ", " : "", known[2 * k + (size_t)which]);
        fputs(n ? "]\n" : "0]\n", out);
    }
    array_start(out, "has_curve", n * cuts);
    for (size_t k = 0; k < n * cuts; k++) fprintf(out, "%s%d", k ? ", " : "", curve[k]);
    fputs(n ? "]\n" : "0]\n", out);
    free(known), free(curve);
    array_start(out, "cutoff_label", cuts);
    for (size_t c = 0; c < cuts; c++) {
        char day[FS_DATE_TEXT_MAX];
        fputs(c ? ", " : "", out);
        chart_quoted(out, cutoff_text(d->cutoff[c], lang, day));
    }
    fputs("]\n", out);
}

/* A panel's data: one datablock per cutoff ($c<panel>_<cutoff>, 1-based) and its
 * points ($p<panel>: known before the last cutoff, or to forecast). */
static void panel_data(FILE *out, const bt_data *d, size_t k)
{
    int32_t cut = cutoff_day(d->cutoff[d->cutoff_count - 1], d->panel[k].year);
    for (size_t c = 0; c < d->cutoff_count; c++) {
        fprintf(out, "$c%zu_%zu << EOD\n", k + 1, c + 1);
        for (size_t i = 0; i < d->curve_count; i++) {
            const bt_curve *v = &d->curve[i];
            if (v->panel != k || v->cutoff != c) continue;
            chart_date(out, v->date);
            fprintf(out, " %.10g %.10g %.10g\n", 100 * v->forecast, 100 * v->lo, 100 * v->hi);
        }
        fputs("EOD\n", out);
    }
    fprintf(out, "$p%zu << EOD\n", k + 1);
    for (size_t i = 0; i < d->point_count; i++) {
        const bt_point *q = &d->point[i];
        if (q->panel != k) continue;
        bool before = q->date <= cut;
        chart_date(out, q->date);
        fprintf(out, " %.10g %.10g\n", before ? 100 * q->share : NAN, before ? NAN : 100 * q->share);
    }
    fputs("EOD\n", out);
}

/* The driver of plots/backtest.gp: settings, data, one output per format. */
static void write_script(FILE *out, const void *data, const fs_chart_options *opt, const char *dir)
{
    const bt_data *d = data;
    chart_script_start(out, "fiscalsim backtest from its tables", "backtest-charts.gp");
    chart_plots_settings(out, opt);
    fputs("scenario = ", out);
    chart_quoted(out, d->scenario);
    fputc('\n', out);
    panel_settings(out, d, opt->lang);
    for (size_t k = 0; k < d->panel_count; k++) panel_data(out, d, k);
    for (chart_format f = CHART_PNG; f <= CHART_SVG; f++) {
        if (!chart_format_wanted(opt, f)) continue;
        chart_output(out, f, dir, "backtest");
        fputs("load plots.'/backtest.gp'\nunset output\n", out);
    }
    if (opt->pdf) {
        chart_output(out, CHART_PDF, dir, "backtest-pack");
        fputs("load plots.'/backtest.gp'\nunset output\n", out);
    }
}

fs_status fs_backtest_draw(const fs_chart_place *place, const fs_chart_options *opt, fs_diag *diag)
{
    bt_data d = {.cutoff_count = 0};
    const char *dir = place->tables;
    if (read_summary(dir, &d, diag) || read_curves(dir, &d, diag) || read_points(dir, &d, diag)) {
        bt_free(&d);
        return fs_diag_status(diag);
    }
    static const char *const names[] = {"backtest"};
    chart_path paths[3];
    const char *outputs[3];
    size_t n = chart_output_paths(place->stage, opt, names, 1, "backtest-pack", paths, outputs);
    fs_status st = chart_write_and_run(place, "backtest-charts.gp", write_script, &d, opt, outputs, n, diag);
    bt_free(&d);
    return st;
}
