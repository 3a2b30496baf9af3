/*
 * chart_backtest.c: the chart of `fiscalsim backtest` (fs_backtest_draw in chart.h),
 * drawn by gnuplot from the tables the backtest wrote (backtest.json,
 * backtest_curves.csv, backtest_points.csv), so that backtest-charts.gp redraws it by
 * itself.
 *
 * backtest: a panel per plan year (of every series) on one page, each with a time
 * axis from 1 January to 31 January of the next year and the whole plan's share in
 * percent. The forecast from the last cutoff is a solid line over its band (light
 * gray); the forecasts from the earlier cutoffs are dashed and dotted lines; the last
 * cutoff is a vertical dotted line; the observed points of the whole plan are filled
 * circles up to the last cutoff (what the forecast knew) and open circles after it
 * (what it had to forecast). Black and white, DejaVu Sans, `noenhanced`, every text
 * through the quoting helpers, numbers in the C locale.
 */
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

typedef struct bt_words {
    const char *title, *x, *y, *band, *forecast, *earlier, *known, *later, *cutoff, *own, *footer;
    const char *month[4]; /* the x axis: January, April, July, October */
    fs_lang lang;         /* how the cutoffs' days are written */
} bt_words;

static const bt_words vi = {"Kiểm định dự báo giải ngân theo từng năm (bỏ riêng từng năm)",
                            "Tháng",
                            "% kế hoạch",
                            "Khoảng dự báo",
                            "Dự báo từ mốc %s",
                            "Dự báo từ mốc %s",
                            "Số thực hiện đã biết",
                            "Số thực hiện cần dự báo",
                            "Mốc dự báo",
                            "kế hoạch riêng",
                            "fiscalsim backtest · %s",
                            {"T1", "T4", "T7", "T10"},
                            FS_LANG_VI};

static const bt_words en = {"Backtest of the disbursement forecast, each plan year left out in turn",
                            "Month",
                            "% of plan",
                            "Forecast band",
                            "Forecast from %s",
                            "Forecast from %s",
                            "Actual, known",
                            "Actual, to forecast",
                            "Cutoff",
                            "own plans",
                            "fiscalsim backtest · %s",
                            {"Jan", "Apr", "Jul", "Oct"},
                            FS_LANG_EN};

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

static void date_text(FILE *out, int32_t day)
{
    char text[11];
    fs_date_format(day, text);
    fputs(text, out);
}

/* The day of cutoff "MM-DD" in `year`. */
static int32_t cutoff_day(const char *cutoff, int year)
{
    int month = (cutoff[0] - '0') * 10 + (cutoff[1] - '0'), day = (cutoff[3] - '0') * 10 + (cutoff[4] - '0');
    int32_t first = fs_days_from_civil(year, month, 1), last = fs_month_end(first);
    return first + day - 1 <= last ? first + day - 1 : last;
}

/* A cutoff "MM-DD" as w's language writes a day of a year ("30/04", "30 Apr"). */
static const char *cutoff_text(const char *cutoff, const bt_words *w, char text[FS_DATE_TEXT_MAX])
{
    int month = (cutoff[0] - '0') * 10 + (cutoff[1] - '0'), day = (cutoff[3] - '0') * 10 + (cutoff[4] - '0');
    fs_format_month_day(month, day, w->lang, text);
    return text;
}

/* One panel: its curves (one datablock per cutoff), its points known and to forecast. */
static void panel(FILE *out, const bt_data *d, size_t k, const bt_words *w)
{
    const bt_panel *p = &d->panel[k];
    size_t last = d->cutoff_count - 1;
    int32_t start = fs_days_from_civil(p->year, 1, 1), end = fs_days_from_civil(p->year + 1, 1, 31);
    int32_t cut = cutoff_day(d->cutoff[last], p->year);
    bool has_curve[CUTOFFS_MAX] = {false}, known = false, later = false;
    for (size_t c = 0; c < d->cutoff_count; c++) {
        fprintf(out, "$c%zu_%zu << EOD\n", k, c);
        for (size_t i = 0; i < d->curve_count; i++) {
            const bt_curve *v = &d->curve[i];
            if (v->panel != k || v->cutoff != c) continue;
            has_curve[c] = true;
            date_text(out, v->date);
            fprintf(out, " %.10g %.10g %.10g\n", 100 * v->forecast, 100 * v->lo, 100 * v->hi);
        }
        fputs("EOD\n", out);
    }
    fprintf(out, "$p%zu << EOD\n", k);
    for (size_t i = 0; i < d->point_count; i++) {
        const bt_point *q = &d->point[i];
        if (q->panel != k) continue;
        bool before = q->date <= cut;
        known |= before, later |= !before;
        date_text(out, q->date);
        fprintf(out, " %.10g %.10g\n", before ? 100 * q->share : NAN, before ? NAN : 100 * q->share);
    }
    fputs("EOD\n", out);
    fputs("set title ", out);
    if (p->series[0]) chart_quoted_printf(out, "%s %d", p->series, p->year);
    else chart_quoted_printf(out, "%d (%s)", p->year, w->own);
    fputs(" font ',11'\nset xdata time\nset timefmt '%Y-%m-%d'\nset xrange ['", out);
    date_text(out, start);
    fputs("':'", out);
    date_text(out, end);
    fputs("']\nset xtics (", out);
    for (int q = 0; q <= 4; q++) {
        fputs(q ? ", " : "", out);
        chart_quoted(out, w->month[q % 4]);
        fputs(" '", out);
        date_text(out, fs_days_from_civil(p->year + q / 4, 3 * (q % 4) + 1, 1));
        fputc('\'', out);
    }
    fputs(") font ',9'\nset yrange [0:105]\nset ytics 0, 25, 100 font ',9'\nset format y '%g'\n", out);
    fputs("set grid ytics lc 'gray70' dt 3\nset border 3\nset xtics nomirror\nset ytics nomirror\n", out);
    fputs("set arrow 1 from '", out);
    date_text(out, cut);
    fputs("', graph 0 to '", out);
    date_text(out, cut);
    fputs("', graph 1 nohead dt 3 lw 1.5 lc 'black'\n", out);
    fputs("unset key\n", out);
    static const char *const dashes[] = {"dt 3 lw 1.5", "dt 2 lw 1.5", "dt 4 lw 1.5", "dt 5 lw 1.5"};
    bool first = true;
    if (has_curve[last]) {
        fprintf(out, "plot $c%zu_%zu using 1:3:4 with filledcurves fs solid 1.0 noborder fc 'light-gray' title ", k,
                last);
        chart_quoted(out, w->band);
        first = false;
    }
    for (size_t c = 0; c < d->cutoff_count; c++) {
        char day[FS_DATE_TEXT_MAX];
        if (!has_curve[c]) continue;
        fprintf(out, "%s$c%zu_%zu using 1:2 with lines %s lc 'black' title ", first ? "plot " : ", \\\n     ", k, c,
                c == last ? "dt 1 lw 2.5" : dashes[c % 4]);
        chart_quoted_printf(out, c == last ? w->forecast : w->earlier, cutoff_text(d->cutoff[c], w, day));
        first = false;
    }
    if (known) {
        fprintf(out, "%s$p%zu using 1:2 with points pt 7 ps 1.1 lc 'black' title ", first ? "plot " : ", \\\n     ", k);
        chart_quoted(out, w->known);
        first = false;
    }
    if (later) {
        fprintf(out, "%s$p%zu using 1:3 with points pt 6 ps 1.3 lw 1.5 lc 'black' title ", first ? "plot " : ", \\\n     ",
                k);
        chart_quoted(out, w->later);
        first = false;
    }
    fputs(first ? "plot -1 notitle\n" : "\n", out);
}

/* The key of every panel, drawn once across the foot of the page: an empty plot
 * whose items carry the panels' styles (a key inside one small panel would fold into
 * a column). */
static void legend(FILE *out, const bt_data *d, const bt_words *w)
{
    size_t last = d->cutoff_count - 1;
    static const char *const dashes[] = {"dt 3 lw 1.5", "dt 2 lw 1.5", "dt 4 lw 1.5", "dt 5 lw 1.5"};
    fputs("set origin 0, 0.02\nset size 1, 0.08\nunset border\nunset tics\nunset grid\nunset title\n"
          "unset arrow\nset xrange [0:1]\nset yrange [0:1]\nset xdata\n"
          "set key center center horizontal maxrows 2 font ',10' width 2\nplot NaN with filledcurves "
          "fs solid 1.0 noborder fc 'light-gray' title ",
          out);
    chart_quoted(out, w->band);
    for (size_t c = 0; c < d->cutoff_count; c++) {
        char day[FS_DATE_TEXT_MAX];
        fprintf(out, ", \\\n     NaN with lines %s lc 'black' title ", c == last ? "dt 1 lw 2.5" : dashes[c % 4]);
        chart_quoted_printf(out, c == last ? w->forecast : w->earlier, cutoff_text(d->cutoff[c], w, day));
    }
    fputs(", \\\n     NaN with points pt 7 ps 1.1 lc 'black' title ", out);
    chart_quoted(out, w->known);
    fputs(", \\\n     NaN with points pt 6 ps 1.3 lw 1.5 lc 'black' title ", out);
    chart_quoted(out, w->later);
    fputc('\n', out);
}

/* The page: the panels in rows of `cols` (about 1.6 as many columns as rows) above the
 * legend, each panel placed by origin and size. */
static void page(FILE *out, const bt_data *d, const bt_words *w)
{
    size_t n = d->panel_count, cols = 1;
    while (cols * cols * 10 < n * 16) cols++;
    size_t rows = (n + cols - 1) / cols;
    double top = 0.92, bottom = 0.11, height = (top - bottom) / (double)rows, width = 0.98 / (double)cols;
    chart_page_reset(out);
    fputs("set label 101 ", out);
    chart_quoted_printf(out, w->footer, d->scenario);
    fputs(" at screen 0.01, screen 0.015 font ',9'\nset multiplot title ", out);
    chart_quoted_printf(out, "%s: %s", d->scenario, w->title);
    fputs(" font ',15'\n", out);
    for (size_t k = 0; k < n; k++) {
        fprintf(out, "set origin %.4f, %.4f\nset size %.4f, %.4f\n", 0.01 + width * (double)(k % cols),
                top - height * (double)(k / cols + 1), width, height);
        panel(out, d, k, w);
        if (k == 0) fputs("unset label 101\n", out);
    }
    legend(out, d, w);
    fputs("unset multiplot\n", out);
}

static void write_script(FILE *out, const void *data, const fs_chart_options *opt, const char *dir)
{
    const bt_data *d = data;
    const bt_words *w = opt->lang == FS_LANG_EN ? &en : &vi;
    chart_script_start(out, "fiscalsim backtest from its tables", "backtest-charts.gp");
    for (chart_format f = CHART_PNG; f <= CHART_SVG; f++) {
        if (!chart_format_wanted(opt, f)) continue;
        chart_output(out, f, dir, "backtest");
        page(out, d, w);
        fputs("unset output\n", out);
    }
    if (opt->pdf) {
        chart_output(out, CHART_PDF, dir, "backtest-pack");
        page(out, d, w);
        fputs("unset output\n", out);
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
    fs_status st = FS_OK;
    if (n > 0) st = chart_write_and_run(place, "backtest-charts.gp", write_script, &d, opt, outputs, n, diag);
    bt_free(&d);
    return st;
}
