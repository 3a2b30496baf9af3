/*
 * chart_compare.c: the charts of `fiscalsim compare` (fs_compare_draw in compare.h),
 * drawn by gnuplot from the tables the comparison wrote, read back like `run`'s
 * (chart_data.c), so that the script compare-charts.gp redraws them by itself.
 *
 * compare_groups: two panels over the groups (kind, class, former province): above,
 * the number of winners (bars up) and losers (bars down) of each group, with the
 * counts written on the bars; below, the change in the group's total allocation.
 * compare_units: the change of each unit's allocation, sorted, gains in dark gray and
 * losses hatched; the units are named when they are few, else the three largest gains
 * and losses are. compare_scatter: each unit's coverage before (x) and after (y), up
 * and down triangles for winners and losers, circles for the unchanged, and the y = x
 * line. compare_disbursement (both scenarios with disbursement): the daily forecast of
 * the whole plan before (a wide gray band) and after (a black line over it), the
 * comparison dates marked with both shares. The PDF pack starts with a cover page: the
 * two scenarios, the money unit and the totals before and after.
 *
 * As in chart_script.c: every user text goes through the quoting helpers and is
 * printed `noenhanced`; DejaVu Sans; patterns, gray levels, dash and point types
 * instead of colours. Money is shown in tỷ đồng (billion VND) when the tables are in
 * million VND. Vietnamese pages use the Vietnamese number format (1.234,5), English
 * ones the English (1,234.5).
 */
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "chart_disburse.h"
#include "fiscalsim/calendar.h"
#include "fiscalsim/compare.h"
#include "fiscalsim/table.h"

enum { NAME_MAX_LEN = 256, NAMED_UNITS = 40, VALUED_UNITS = 12, EXTREMES = 3 };

typedef struct cmp_unit {
    char name[NAME_MAX_LEN];
    int64_t change;
    double before, after;        /* coverage */
    int outcome;                 /* 1 winner, -1 loser, 0 unchanged */
} cmp_unit;

typedef struct cmp_group {
    char dimension[16], value[64], label[NAME_MAX_LEN];
    int64_t winners, losers, change;
} cmp_group;

typedef struct cmp_point {
    int32_t date;
    double before, after;        /* shares; NAN when the day is outside that forecast */
} cmp_point;

/* What the charts show, read back from the comparison's tables. */
typedef struct cmp_data {
    char base[NAME_MAX_LEN], reform[NAME_MAX_LEN], money_unit[64];
    int64_t units, winners, losers;
    int64_t totals[4][2];        /* allocation, transfer, own revenue, city balance */
    bool has_total[4];
    double min_coverage[2];
    size_t unit_count, group_count, date_count, day_count;
    cmp_unit *unit;
    cmp_group *group;
    bool has_disbursement;
    cmp_point *date;             /* the comparison dates (whole plan) */
    cmp_point *day;              /* the daily forecasts of the whole plan */
} cmp_data;

static void data_free(cmp_data *d)
{
    free(d->unit);
    free(d->group);
    free(d->date);
    free(d->day);
}

typedef struct words {
    const char *pack_title, *baseline, *reform, *money, *tables, *footer;
    const char *groups_title, *count_panel, *count_y, *winners, *losers, *change_panel, *dimension[3];
    const char *units_title, *units_x, *up, *down, *nothing_changed, *most_up, *most_down;
    const char *scatter_title, *scatter_x, *scatter_y, *unchanged, *diagonal;
    const char *disb_title, *disb_x, *disb_y, *before, *after;
    const char *item, *was, *is, *change, *rows[5], *unit_counts, *disb_row;
    const char *billion, *million, *points;
    char thousands, decimal;
} words;

static const words vi = {
    "So sánh hai phương án phân bổ ngân sách",
    "Phương án cơ sở",
    "Phương án cải cách",
    "Đơn vị tiền",
    "các bảng",
    "fiscalsim · so sánh",
    "Đơn vị được tăng và bị giảm phân bổ theo nhóm",
    "Số đơn vị được tăng (cột lên) và bị giảm (cột xuống)",
    "Số đơn vị",
    "Được tăng phân bổ",
    "Bị giảm phân bổ",
    "Thay đổi tổng phân bổ của nhóm",
    {"Loại hình", "Phân loại", "Tỉnh cũ"},
    "Thay đổi phân bổ của từng đơn vị",
    "Đơn vị cấp xã, xếp theo mức thay đổi",
    "Được tăng",
    "Bị giảm",
    "Không đơn vị nào thay đổi phân bổ",
    "Tăng nhiều nhất",
    "Giảm nhiều nhất",
    "Tỷ lệ đáp ứng nhu cầu chi: trước và sau",
    "Trước (phương án cơ sở)",
    "Sau (phương án cải cách)",
    "Không đổi",
    "Đường y = x: không thay đổi",
    "Dự báo giải ngân toàn bộ kế hoạch vốn đầu tư: trước và sau",
    "Tháng",
    "% kế hoạch",
    "Trước (phương án cơ sở)",
    "Sau (phương án cải cách)",
    "Chỉ tiêu",
    "Trước",
    "Sau",
    "Thay đổi",
    {"Tổng phân bổ cho cấp xã", "Bổ sung từ ngân sách thành phố", "Nguồn thu cấp xã được hưởng",
     "Cân đối ngân sách thành phố", "Tỷ lệ đáp ứng thấp nhất"},
    "%lld đơn vị: %lld được tăng, %lld bị giảm, %lld không đổi",
    "Giải ngân dự báo, toàn bộ kế hoạch, đến ngày %s",
    "tỷ đồng",
    "triệu đồng",
    " điểm %",
    '.',
    ',',
};

static const words en = {
    "Comparison of two budget allocation scenarios",
    "Baseline",
    "Reform",
    "Money",
    "tables",
    "fiscalsim · comparison",
    "Winners and losers of allocation by group",
    "Units that gain (bars up) and lose (bars down)",
    "Units",
    "Winners (allocation up)",
    "Losers (allocation down)",
    "Change in the group's total allocation",
    {"Kind", "Class", "Former province"},
    "Change in allocation by unit",
    "Commune-level units, sorted by change",
    "Gain",
    "Loss",
    "No unit's allocation changes",
    "Largest gains",
    "Largest losses",
    "Coverage of need: before and after",
    "Before (baseline)",
    "After (reform)",
    "Unchanged",
    "y = x: no change",
    "Forecast disbursement of the whole investment plan: before and after",
    "Month",
    "% of plan",
    "Before (baseline)",
    "After (reform)",
    "Item",
    "Before",
    "After",
    "Change",
    {"Total allocation to the communes", "Transfers from the city budget", "Communes' own revenue",
     "City budget balance", "Lowest coverage of need"},
    "%lld units: %lld winners, %lld losers, %lld unchanged",
    "Forecast disbursement of the whole plan by %s",
    "billion VND",
    "million VND",
    " pp",
    ',',
    '.',
};

/* ---- reading the tables back ---- */

static int read_json(const char *dir, cmp_data *d, fs_diag *diag)
{
    char path[FS_PATH_MAX];
    snprintf(path, sizeof path, "%s/compare.json", dir);
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err);
    if (!root) {
        fs_diag_add(diag, FS_EIO, path, err.line > 0 ? err.line : 0, NULL, "cannot read: %s", err.text);
        return -1;
    }
    const char *base = json_string_value(json_object_get(root, "baseline"));
    const char *reform = json_string_value(json_object_get(root, "reform"));
    const char *unit = json_string_value(json_object_get(root, "money_unit"));
    snprintf(d->base, sizeof d->base, "%s", base ? base : "");
    snprintf(d->reform, sizeof d->reform, "%s", reform ? reform : "");
    snprintf(d->money_unit, sizeof d->money_unit, "%s", unit ? unit : "");
    d->units = json_integer_value(json_object_get(root, "units"));
    d->winners = json_integer_value(json_object_get(root, "winners"));
    d->losers = json_integer_value(json_object_get(root, "losers"));
    static const char *const keys[4] = {"allocation", "transfer", "own_revenue", "city_balance"};
    for (int k = 0; k < 4; k++) {
        json_t *o = json_object_get(root, keys[k]);
        d->has_total[k] = json_is_object(o);
        d->totals[k][0] = json_integer_value(json_object_get(o, "before"));
        d->totals[k][1] = json_integer_value(json_object_get(o, "after"));
    }
    json_t *cov = json_object_get(root, "min_coverage");
    d->min_coverage[0] = json_number_value(json_object_get(cov, "before"));
    d->min_coverage[1] = json_number_value(json_object_get(cov, "after"));
    /* Disbursement tables count only when this comparison wrote them. */
    d->has_disbursement = json_is_object(json_object_get(root, "disbursement"));
    json_decref(root);
    return 0;
}

static fs_table *open_table(const char *dir, const char *name, fs_diag *diag)
{
    char path[FS_PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    fs_table *t = NULL;
    return fs_table_read(path, &t, diag) == FS_OK ? t : NULL;
}

static int read_units(const char *dir, cmp_data *d, fs_diag *diag)
{
    fs_table *t = open_table(dir, "compare.csv", diag);
    if (!t) return -1;
    int cu = chart_column(t, "unit", diag), cc = chart_column(t, "change", diag);
    int cb = chart_column(t, "coverage_before", diag), ca = chart_column(t, "coverage_after", diag);
    int co = chart_column(t, "outcome", diag);
    int rc = -1;
    if (cu < 0 || cc < 0 || cb < 0 || ca < 0 || co < 0) goto done;
    d->unit = calloc(t->row_count + 1, sizeof *d->unit);
    if (!d->unit) {
        fs_diag_add(diag, FS_EINTERNAL, t->path, 0, NULL, "out of memory");
        goto done;
    }
    d->unit_count = t->row_count;
    rc = 0;
    for (size_t r = 0; r < t->row_count; r++) {
        cmp_unit *u = &d->unit[r];
        snprintf(u->name, sizeof u->name, "%s", fs_table_cell(t, r, (size_t)cu));
        const char *outcome = fs_table_cell(t, r, (size_t)co);
        u->outcome = !strcmp(outcome, "winner") ? 1 : !strcmp(outcome, "loser") ? -1 : 0;
        if (chart_cell_int(t, r, cc, &u->change, diag) || chart_cell_real(t, r, cb, &u->before, diag) ||
            chart_cell_real(t, r, ca, &u->after, diag))
            rc = -1;
    }
done:
    fs_table_free(t);
    return rc;
}

static int read_groups(const char *dir, cmp_data *d, fs_diag *diag)
{
    fs_table *t = open_table(dir, "compare_groups.csv", diag);
    if (!t) return -1;
    int cd = chart_column(t, "dimension", diag), cv = chart_column(t, "value", diag);
    int cl = chart_column(t, "label", diag), cw = chart_column(t, "winners", diag);
    int cs = chart_column(t, "losers", diag), cc = chart_column(t, "change", diag);
    int rc = -1;
    if (cd < 0 || cv < 0 || cl < 0 || cw < 0 || cs < 0 || cc < 0) goto done;
    d->group = calloc(t->row_count + 1, sizeof *d->group);
    if (!d->group) {
        fs_diag_add(diag, FS_EINTERNAL, t->path, 0, NULL, "out of memory");
        goto done;
    }
    d->group_count = t->row_count;
    rc = 0;
    for (size_t r = 0; r < t->row_count; r++) {
        cmp_group *g = &d->group[r];
        snprintf(g->dimension, sizeof g->dimension, "%s", fs_table_cell(t, r, (size_t)cd));
        snprintf(g->value, sizeof g->value, "%s", fs_table_cell(t, r, (size_t)cv));
        snprintf(g->label, sizeof g->label, "%s", fs_table_cell(t, r, (size_t)cl));
        if (chart_cell_int(t, r, cw, &g->winners, diag) || chart_cell_int(t, r, cs, &g->losers, diag) ||
            chart_cell_int(t, r, cc, &g->change, diag))
            rc = -1;
    }
done:
    fs_table_free(t);
    return rc;
}

/* A date cell, or -1 with a diagnostic. */
static int cell_date(const fs_table *t, size_t row, int col, int32_t *out, fs_diag *diag)
{
    if (fs_date_parse(fs_table_cell(t, row, (size_t)col), out) == 0) return 0;
    fs_diag_add(diag, FS_EINPUT, t->path, t->row_line[row], t->header[col], "expected a date (YYYY-MM-DD)");
    return -1;
}

/* The whole plan's rows of compare_disbursement.csv, and the whole plan's columns of
 * compare_disbursement_daily.csv (an empty cell: outside that forecast). */
static int read_disbursement(const char *dir, cmp_data *d, fs_diag *diag)
{
    int rc = -1;
    fs_table *t = open_table(dir, "compare_disbursement.csv", diag);
    if (!t) return -1;
    int cd = chart_column(t, "date", diag), cp = chart_column(t, "part", diag);
    int cb = chart_column(t, "share_before", diag), ca = chart_column(t, "share_after", diag);
    if (cd < 0 || cp < 0 || cb < 0 || ca < 0) goto done;
    d->date = calloc(t->row_count + 1, sizeof *d->date);
    if (!d->date) goto memory;
    rc = 0;
    for (size_t r = 0; r < t->row_count; r++) {
        if (strcmp(fs_table_cell(t, r, (size_t)cp), "whole")) continue;
        cmp_point *p = &d->date[d->date_count++];
        if (cell_date(t, r, cd, &p->date, diag) || chart_cell_real(t, r, cb, &p->before, diag) ||
            chart_cell_real(t, r, ca, &p->after, diag))
            rc = -1;
    }
    fs_table_free(t);
    if (rc) return rc;
    rc = -1;
    t = open_table(dir, "compare_disbursement_daily.csv", diag);
    if (!t) return -1;
    cd = chart_column(t, "date", diag), cb = chart_column(t, "whole_before", diag);
    ca = chart_column(t, "whole_after", diag);
    if (cd < 0 || cb < 0 || ca < 0) goto done;
    d->day = calloc(t->row_count + 1, sizeof *d->day);
    if (!d->day) goto memory;
    d->day_count = t->row_count;
    rc = 0;
    for (size_t r = 0; r < t->row_count; r++) {
        cmp_point *p = &d->day[r];
        p->before = p->after = NAN;
        if (cell_date(t, r, cd, &p->date, diag)) rc = -1;
        if (fs_table_cell(t, r, (size_t)cb)[0] && chart_cell_real(t, r, cb, &p->before, diag)) rc = -1;
        if (fs_table_cell(t, r, (size_t)ca)[0] && chart_cell_real(t, r, ca, &p->after, diag)) rc = -1;
    }
    goto done;
memory:
    fs_diag_add(diag, FS_EINTERNAL, t->path, 0, NULL, "out of memory");
done:
    fs_table_free(t);
    return rc;
}

/* ---- numbers and the page ---- */

/* Tables in million VND are shown in tỷ đồng (billion VND). */
static bool in_billions(const cmp_data *d)
{
    return !strcmp(d->money_unit, "million VND");
}

static double divisor(const cmp_data *d)
{
    return in_billions(d) ? 1000.0 : 1.0;
}

static const char *display_unit(const cmp_data *d, const words *w)
{
    return in_billions(d) ? w->billion : d->money_unit;
}

static const char *table_unit(const cmp_data *d, const words *w)
{
    return in_billions(d) ? w->million : d->money_unit;
}

/* value × 10^-scale with `decimals` digits (decimals <= scale), rounded half away
 * from zero, digits grouped by thousands, in the words' number format. */
static void fixed_text(char *buf, size_t size, int64_t value, int scale, int decimals, bool sign, const words *w)
{
    uint64_t mag = value < 0 ? (uint64_t)0 - (uint64_t)value : (uint64_t)value, drop = 1, keep = 1;
    for (int k = 0; k < scale - decimals; k++) drop *= 10;
    for (int k = 0; k < decimals; k++) keep *= 10;
    mag = (mag + drop / 2) / drop;
    uint64_t whole = mag / keep, frac = mag % keep;
    char digits[32], grouped[48];
    snprintf(digits, sizeof digits, "%llu", (unsigned long long)whole);
    size_t n = strlen(digits), g = 0;
    for (size_t k = 0; k < n; k++) {
        if (k && (n - k) % 3 == 0) grouped[g++] = w->thousands;
        grouped[g++] = digits[k];
    }
    grouped[g] = '\0';
    const char *s = value < 0 && mag ? "-" : sign && mag ? "+" : "";
    if (sign && !mag)
        snprintf(buf, size, "0"); /* no change */
    else if (decimals > 0) {
        char fraction[24];
        int places = decimals < 20 ? decimals : 20;
        for (int k = places - 1; k >= 0; k--, frac /= 10) fraction[k] = (char)('0' + frac % 10);
        fraction[places] = '\0';
        snprintf(buf, size, "%s%s%c%s", s, grouped, w->decimal, fraction);
    } else
        snprintf(buf, size, "%s%s", s, grouped);
}

/* Money in the display unit (tỷ đồng: 3 decimals, exact). */
static void money_text(char *buf, size_t size, const cmp_data *d, int64_t value, bool sign, const words *w)
{
    int scale = in_billions(d) ? 3 : 0;
    fixed_text(buf, size, value, scale, scale, sign, w);
}

/* A share as a percentage with one decimal. */
static void percent_text(char *buf, size_t size, double share, const words *w)
{
    fixed_text(buf, size, (int64_t)llround(share * 1000), 1, 1, false, w);
    strncat(buf, "%", size - strlen(buf) - 1);
}

/* A change of a share in percentage points, with two decimals. */
static void points_text(char *buf, size_t size, double change, const words *w)
{
    fixed_text(buf, size, (int64_t)llround(change * 10000), 2, 2, true, w);
    strncat(buf, w->points, size - strlen(buf) - 1);
}

static void quoted_printf(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void quoted_printf(FILE *out, const char *fmt, ...)
{
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    chart_quoted(out, text);
}

/* The start of every page: fonts, the title, the two scenarios under it, and the
 * footer with the money unit. The plot area starts below them (tmargin at screen). */
static void page_setup(FILE *out, const cmp_data *d, const words *w, const char *title)
{
    fputs("reset\nset encoding utf8\nset border 3\nset tics nomirror\nset grid ytics lc 'gray70' dt 3\n", out);
    fprintf(out, "set decimalsign '%c'\n", w->decimal);
    fputs("set tmargin at screen 0.86\nset bmargin 6\nset label 102 ", out);
    chart_quoted(out, title);
    fputs(" at screen 0.5, screen 0.965 center font ',16'\nset label 101 ", out);
    quoted_printf(out, "%s: %s   →   %s: %s", w->baseline, d->base, w->reform, d->reform);
    fputs(" at screen 0.5, screen 0.925 center font ',11'\nset label 100 ", out);
    if (in_billions(d))
        quoted_printf(out, "%s · %s → %s · %s: %s (%s: %s)", w->footer, d->base, d->reform, w->money,
                      display_unit(d, w), w->tables, table_unit(d, w));
    else
        quoted_printf(out, "%s · %s → %s · %s: %s", w->footer, d->base, d->reform, w->money, d->money_unit);
    fputs(" at screen 0.01, screen 0.015 font ',9'\n", out);
}

/* ---- the cover page (the pack only) ---- */

static void cover_row(FILE *out, int tag, double y, const char *cells[4], bool head)
{
    static const double x[4] = {0.08, 0.62, 0.77, 0.93};
    for (int c = 0; c < 4; c++) {
        fprintf(out, "set label %d ", tag + c);
        chart_quoted(out, cells[c]);
        fprintf(out, " at screen %.3f, screen %.3f %s font ',%d'\n", x[c], y, c ? "right" : "left", head ? 13 : 12);
    }
}

static void chart_cover(FILE *out, const cmp_data *d, const words *w)
{
    fputs("reset\nset encoding utf8\nunset border\nunset tics\nunset key\nset xrange [0:1]\nset yrange [0:1]\n", out);
    fputs("set label 1 ", out);
    chart_quoted(out, w->pack_title);
    fputs(" at screen 0.5, screen 0.88 center font ',22'\nset label 2 ", out);
    quoted_printf(out, "%s: %s", w->baseline, d->base);
    fputs(" at screen 0.08, screen 0.76 left font ',14'\nset label 3 ", out);
    quoted_printf(out, "%s: %s", w->reform, d->reform);
    fputs(" at screen 0.08, screen 0.71 left font ',14'\nset label 4 ", out);
    if (in_billions(d))
        quoted_printf(out, "%s: %s (%s: %s)", w->money, display_unit(d, w), w->tables, table_unit(d, w));
    else
        quoted_printf(out, "%s: %s", w->money, d->money_unit);
    fputs(" at screen 0.08, screen 0.66 left font ',12'\nset label 5 ", out);
    long long unchanged = (long long)(d->units - d->winners - d->losers);
    quoted_printf(out, w->unit_counts, (long long)d->units, (long long)d->winners, (long long)d->losers, unchanged);
    fputs(" at screen 0.08, screen 0.60 left font ',12'\n", out);
    const char *head[4] = {w->item, w->was, w->is, w->change};
    double y = 0.50;
    cover_row(out, 10, y, head, true);
    fprintf(out, "set arrow 1 from screen 0.08, screen %.3f to screen 0.93, screen %.3f nohead lw 1\n", y - 0.025,
            y - 0.025);
    int tag = 20;
    for (int k = 0; k < 4; k++) {
        if (!d->has_total[k]) continue;
        char b[64], a[64], c[64], name[160];
        money_text(b, sizeof b, d, d->totals[k][0], false, w);
        money_text(a, sizeof a, d, d->totals[k][1], false, w);
        money_text(c, sizeof c, d, d->totals[k][1] - d->totals[k][0], true, w);
        snprintf(name, sizeof name, "%s (%s)", w->rows[k], display_unit(d, w));
        const char *cells[4] = {name, b, a, c};
        y -= 0.06;
        cover_row(out, tag, y, cells, false);
        tag += 4;
    }
    char b[32], a[32], c[32];
    percent_text(b, sizeof b, d->min_coverage[0], w);
    percent_text(a, sizeof a, d->min_coverage[1], w);
    points_text(c, sizeof c, d->min_coverage[1] - d->min_coverage[0], w);
    const char *cells[4] = {w->rows[4], b, a, c};
    y -= 0.06;
    cover_row(out, tag, y, cells, false);
    tag += 4;
    if (d->has_disbursement && d->date_count) {
        const cmp_point *p = &d->date[d->date_count - 1];
        char date[11], name[160];
        fs_date_format(p->date, date);
        snprintf(name, sizeof name, w->disb_row, date);
        percent_text(b, sizeof b, p->before, w);
        percent_text(a, sizeof a, p->after, w);
        points_text(c, sizeof c, p->after - p->before, w);
        const char *row[4] = {name, b, a, c};
        y -= 0.06;
        cover_row(out, tag, y, row, false);
    }
    fputs("set label 100 ", out);
    quoted_printf(out, "%s · %s → %s", w->footer, d->base, d->reform);
    fputs(" at screen 0.01, screen 0.015 font ',9'\nplot -1 notitle\n", out);
}

/* ---- winners and losers by group ---- */

/* Display order: the kinds commune, ward, special zone; then classes and former
 * provinces in the table's order. */
static int group_rank(const cmp_group *g)
{
    static const char *const kinds[] = {"commune", "ward", "special_zone"};
    if (!strcmp(g->dimension, "kind")) {
        for (int k = 0; k < 3; k++)
            if (!strcmp(g->value, kinds[k])) return k;
        return 3;
    }
    return !strcmp(g->dimension, "class") ? 10 : 20;
}

static int dimension_index(const char *dimension)
{
    return !strcmp(dimension, "kind") ? 0 : !strcmp(dimension, "class") ? 1 : 2;
}

/* A tick step of 1, 2 or 5 × 10^k that gives at most about 8 ticks over `span`. */
static double nice_step(double span)
{
    if (!(span > 0)) return 1;
    double raw = span / 8, mag = pow(10, floor(log10(raw)));
    double f = raw / mag;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

/* Characters (not bytes) of a UTF-8 text. */
static size_t text_length(const char *s, size_t bytes)
{
    size_t n = 0;
    for (size_t k = 0; k < bytes && s[k]; k++) n += ((unsigned char)s[k] & 0xC0) != 0x80;
    return n;
}

/* A group's label as two datablock columns: a label longer than 13 characters is
 * split at the space nearest its middle ("former" / "Hai Duong"), else the second is
 * empty. The script joins them with a line break. */
static void two_lines(FILE *out, const char *label)
{
    size_t bytes = strlen(label), length = text_length(label, bytes), best = 0, best_distance = SIZE_MAX;
    if (length > 13)
        for (size_t k = 1; k < bytes; k++) {
            if (label[k] != ' ') continue;
            size_t at = text_length(label, k), distance = at * 2 > length ? at * 2 - length : length - at * 2;
            if (distance < best_distance) best = k, best_distance = distance;
        }
    char first[NAME_MAX_LEN];
    snprintf(first, sizeof first, "%.*s", (int)(best ? best : bytes), label);
    chart_label(out, first);
    fputc(' ', out);
    chart_label(out, best ? label + best + 1 : "");
}

/* The tick label of a group: its two datablock columns, joined by a line break. */
#define GROUP_TIC "xtic(strcol(2) . (strlen(strcol(3)) ? \"\\n\" . strcol(3) : \"\"))"

static void chart_groups(FILE *out, const cmp_data *d, const words *w)
{
    size_t n = d->group_count;
    size_t *order = malloc((n + 1) * sizeof *order);
    double *x = malloc((n + 1) * sizeof *x);
    if (!order || !x) {
        free(order);
        free(x);
        return;
    }
    for (size_t k = 0; k < n; k++) order[k] = k;
    /* Stable insertion sort by rank: the table is already in dimension order. */
    for (size_t k = 1; k < n; k++)
        for (size_t j = k; j > 0 && group_rank(&d->group[order[j]]) < group_rank(&d->group[order[j - 1]]); j--) {
            size_t t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    double div = divisor(d), pos = 0, top = 0, bottom = 0, high = 0, low = 0;
    int dim = -1;
    double first[3] = {0}, last[3] = {0};
    bool seen[3] = {false};
    fputs("$groups << EOD\n# x label (two lines) winners losers change\n", out);
    for (size_t k = 0; k < n; k++) {
        const cmp_group *g = &d->group[order[k]];
        int di = dimension_index(g->dimension);
        pos += di != dim && dim >= 0 ? 2 : 1;
        dim = di;
        x[k] = pos;
        if (!seen[di]) first[di] = pos, seen[di] = true;
        last[di] = pos;
        fprintf(out, "%g ", pos);
        two_lines(out, g->label);
        fprintf(out, " %lld %lld %.10g\n", (long long)g->winners, (long long)g->losers, (double)g->change / div);
        top = fmax(top, (double)g->winners);
        bottom = fmax(bottom, (double)g->losers);
        high = fmax(high, (double)g->change / div);
        low = fmin(low, (double)g->change / div);
    }
    fputs("EOD\n", out);
    bool none = top == 0 && bottom == 0;
    top = fmax(top, 1), bottom = fmax(bottom, 1);
    page_setup(out, d, w, w->groups_title);
    /* Both panels share the x axis and the left and right edges. */
    fprintf(out, "set multiplot\nset lmargin at screen 0.09\nset rmargin at screen 0.97\nset xrange [0.3:%g]\n"
                 "set boxwidth 0.7\nset xzeroaxis lt -1 lw 1.5\nset grid noxtics\nset xtics scale 0 font ',12'\n",
            pos + 0.7);
    for (int k = 0; k < 3; k++)
        if (seen[k] && k > 0) fprintf(out, "set arrow %d from %g, graph 0 to %g, graph 1 nohead dt 2 lc 'gray50'\n",
                                      k + 1, first[k] - 1, first[k] - 1);
    /* Winners up, losers down, the counts written at the bars' ends; the axis shows
     * counts, without a minus sign below the axis. */
    double step = fmax(1, round(nice_step(top + bottom)));
    double ymax = top * 1.4, ymin = -bottom * 1.5;
    fprintf(out, "set tmargin at screen 0.83\nset bmargin at screen 0.56\nset yrange [%g:%g]\nset ytics (", ymin, ymax);
    bool comma = false;
    for (double t = -floor(bottom / step) * step; t <= top + step / 2; t += step) {
        fprintf(out, "%s'%g' %g", comma ? ", " : "", fabs(t), t);
        comma = true;
    }
    fputs(")\nset ylabel ", out);
    chart_quoted(out, w->count_y);
    fputs("\nset label 103 ", out);
    chart_quoted(out, w->count_panel);
    fputs(" at graph 0, graph 1 left offset 0, 1.2 font ',13'\n"
          "set key at screen 0.97, screen 0.885 right horizontal samplen 2 width 1\n", out);
    int tag = 1;
    for (size_t k = 0; k < n; k++) {
        const cmp_group *g = &d->group[order[k]];
        if (g->winners)
            fprintf(out, "set label %d '%lld' at %g, %lld center offset 0, 0.7 font ',11'\n", tag++,
                    (long long)g->winners, x[k], (long long)g->winners);
        if (g->losers)
            fprintf(out, "set label %d '%lld' at %g, %lld center offset 0, -0.7 font ',11'\n", tag++,
                    (long long)g->losers, x[k], -(long long)g->losers);
    }
    if (none) {
        fputs("set label 104 ", out);
        chart_quoted(out, w->nothing_changed);
        fputs(" at graph 0.5, graph 0.75 center font ',16'\n", out);
    }
    fprintf(out, "plot $groups using 1:4:%s with boxes fs solid 1.0 border lc 'black' fc 'gray40' title ", GROUP_TIC);
    chart_quoted(out, w->winners);
    fputs(", \\\n     '' using 1:(-$5) with boxes lc 'black' fs pattern 4 border lc 'black' title ", out);
    chart_quoted(out, w->losers);
    fputc('\n', out);
    /* The second panel: the change of each group's total, labelled in the display unit. */
    fputs("unset label\nunset key\n", out);
    double span = high - low;
    if (!(span > 0)) span = 1, high = fmax(high, 0.5), low = fmin(low, -0.5);
    fprintf(out, "set tmargin at screen 0.45\nset bmargin at screen 0.17\nset yrange [%.10g:%.10g]\nset ytics auto\n",
            low < 0 ? low - 0.2 * span : 0, high > 0 ? high + 0.2 * span : 0.1 * span);
    fputs("set ylabel ", out);
    chart_quoted(out, display_unit(d, w));
    fputs("\nset label 103 ", out);
    chart_quoted(out, w->change_panel);
    fputs(" at graph 0, graph 1 left offset 0, 1.2 font ',13'\n", out);
    tag = 1;
    for (size_t k = 0; k < n; k++) {
        const cmp_group *g = &d->group[order[k]];
        if (!g->change) continue;
        char text[64];
        money_text(text, sizeof text, d, g->change, true, w);
        fprintf(out, "set label %d ", tag++);
        chart_quoted(out, text);
        fprintf(out, " at %g, %.10g center offset 0, %s font ',11'\n", x[k], (double)g->change / div,
                g->change > 0 ? "0.7" : "-0.7");
    }
    for (int k = 0; k < 3; k++) {
        if (!seen[k]) continue;
        fprintf(out, "set label %d ", 90 + k);
        chart_quoted(out, w->dimension[k]);
        fprintf(out, " at %g, graph 0 center offset 0, -4.2 font ',13'\n", (first[k] + last[k]) / 2);
    }
    fprintf(out, "plot $groups using 1:($6 >= 0 ? $6 : 1/0):%s with boxes fs solid 1.0 border lc 'black' "
                 "fc 'gray40' notitle, \\\n     '' using 1:($6 < 0 ? $6 : 1/0) with boxes lc 'black' fs pattern 4 "
                 "border lc 'black' notitle\nunset multiplot\n",
            GROUP_TIC);
    free(order);
    free(x);
}

/* ---- the change per unit, sorted ---- */

typedef struct ranked {
    int64_t change;
    size_t unit;
} ranked;

static int by_change(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->change != y->change) return (x->change > y->change) - (x->change < y->change);
    return (x->unit > y->unit) - (x->unit < y->unit);
}

static void chart_units(FILE *out, const cmp_data *d, const words *w)
{
    size_t n = d->unit_count;
    ranked *r = malloc((n + 1) * sizeof *r);
    if (!r) return;
    for (size_t u = 0; u < n; u++) r[u] = (ranked){d->unit[u].change, u};
    qsort(r, n, sizeof *r, by_change);
    double div = divisor(d), high = 0, low = 0;
    bool named = n <= NAMED_UNITS;
    fputs("$units << EOD\n# rank change name\n", out);
    for (size_t k = 0; k < n; k++) {
        double v = (double)r[k].change / div;
        high = fmax(high, v), low = fmin(low, v);
        fprintf(out, "%zu %.10g ", k + 1, v);
        chart_label(out, d->unit[r[k].unit].name);
        fputc('\n', out);
    }
    fputs("EOD\n", out);
    page_setup(out, d, w, w->units_title);
    double span = high - low;
    /* Room for the names written along the largest bars. */
    double room = named ? 0.15 : 0.4;
    if (!(span > 0)) span = 1;
    fprintf(out, "set xrange [0:%zu]\nset yrange [%.10g:%.10g]\nset boxwidth 0.8 absolute\nset xzeroaxis lt -1 lw 1.5\n"
                 "set key top center horizontal\n",
            n + 1, fmin(0, low) - room * span, fmax(0, high) + room * span);
    char xlabel[160];
    snprintf(xlabel, sizeof xlabel, "%s (%zu)", w->units_x, n);
    fputs("set xlabel ", out);
    chart_quoted(out, xlabel);
    fputs("\nset ylabel ", out);
    chart_quoted(out, display_unit(d, w));
    fputc('\n', out);
    if (named) {
        fputs("set xtics rotate by -40 left scale 0 font ',11'\nset bmargin 10\n", out);
        /* Few bars: each one's change written at its end. */
        for (size_t k = 0; k < n && n <= VALUED_UNITS; k++) {
            if (!r[k].change) continue;
            char text[64];
            money_text(text, sizeof text, d, r[k].change, true, w);
            fprintf(out, "set label %zu ", k + 1);
            chart_quoted(out, text);
            fprintf(out, " at %zu, %.10g center offset 0, %s font ',11'\n", k + 1, (double)r[k].change / div,
                    r[k].change > 0 ? "0.7" : "-0.7");
        }
    } else {
        fputs("unset xtics\n", out);
        /* The three largest losses are numbered at their bars and listed in the empty
         * upper left, the three largest gains in the empty lower right. */
        for (int side = 0; side < 2; side++) {
            size_t shown = 0;
            for (size_t k = 0; k < EXTREMES && k < n; k++) {
                const ranked *e = side ? &r[n - 1 - k] : &r[k];
                if (side ? e->change <= 0 : e->change >= 0) break;
                size_t at = side ? n - k : k + 1;
                int tag = 10 + side * 10 + (int)k;
                fprintf(out, "set label %d '%zu' at %zu, %.10g center offset 0, %s font ',10'\n", tag, k + 1, at,
                        (double)e->change / div, side ? "0.7" : "-0.7");
                char value[64];
                money_text(value, sizeof value, d, e->change, true, w);
                fprintf(out, "set label %d ", tag + 5);
                quoted_printf(out, "%zu. %s: %s", k + 1, d->unit[e->unit].name, value);
                if (side)
                    fprintf(out, " at graph 0.98, graph %.3f right font ',12'\n", 0.05 + 0.055 * (double)(2 - k));
                else
                    fprintf(out, " at graph 0.02, graph %.3f left font ',12'\n", 0.83 - 0.055 * (double)k);
                shown++;
            }
            if (shown) {
                fprintf(out, "set label %d ", 9 + side * 10);
                quoted_printf(out, "%s (%s)", side ? w->most_up : w->most_down, display_unit(d, w));
                if (side)
                    fprintf(out, " at graph 0.98, graph %.3f right font ',12'\n", 0.05 + 0.055 * 3);
                else
                    fputs(" at graph 0.02, graph 0.885 left font ',12'\n", out);
            }
        }
    }
    if (high == 0 && low == 0) {
        fputs("set label 30 ", out);
        chart_quoted(out, w->nothing_changed);
        fputs(" at graph 0.5, graph 0.6 center font ',18'\n", out);
    }
    fputs("plot $units using 1:($2 >= 0 ? $2 : 1/0)", out);
    if (named) fputs(":xtic(3)", out);
    fputs(" with boxes fs solid 1.0 border lc 'black' fc 'gray40' title ", out);
    chart_quoted(out, w->up);
    fputs(", \\\n     '' using 1:($2 < 0 ? $2 : 1/0) with boxes lc 'black' fs pattern 4 border lc 'black' title ", out);
    chart_quoted(out, w->down);
    fputc('\n', out);
    free(r);
}

/* ---- coverage before and after ---- */

static void chart_scatter(FILE *out, const cmp_data *d, const words *w)
{
    static const char *const blocks[3] = {"$up", "$down", "$same"};
    static const int outcome[3] = {1, -1, 0};
    size_t count[3] = {0};
    double lo = INFINITY, hi = -INFINITY;
    for (int s = 0; s < 3; s++) {
        fprintf(out, "%s << EOD\n# coverage_before coverage_after\n", blocks[s]);
        for (size_t u = 0; u < d->unit_count; u++) {
            const cmp_unit *p = &d->unit[u];
            if (p->outcome != outcome[s]) continue;
            fprintf(out, "%.10g %.10g\n", p->before, p->after);
            count[s]++;
            lo = fmin(lo, fmin(p->before, p->after));
            hi = fmax(hi, fmax(p->before, p->after));
        }
        fputs("EOD\n", out);
    }
    if (!(lo <= hi)) lo = 0, hi = 1;
    double pad = hi > lo ? 0.06 * (hi - lo) : 0.05;
    lo = fmax(0, lo - pad), hi += pad;
    page_setup(out, d, w, w->scatter_title);
    fprintf(out, "set size ratio -1\nset lmargin at screen 0.2\nset xrange [%.10g:%.10g]\nset yrange [%.10g:%.10g]\n"
                 "set grid xtics ytics lc 'gray70' dt 3\nset key at graph 1.05, graph 1 top left Left reverse "
                 "spacing 1.4\nset xlabel ",
            lo, hi, lo, hi);
    chart_quoted(out, w->scatter_x);
    fputs("\nset ylabel ", out);
    chart_quoted(out, w->scatter_y);
    fputs("\nplot x with lines dt 2 lw 2 lc 'gray40' title ", out);
    chart_quoted(out, w->diagonal);
    static const char *const style[3] = {"pt 9 ps 1.6 lc 'black'", "pt 11 ps 1.6 lc 'gray40'",
                                         "pt 6 ps 1.4 lc 'black'"};
    const char *names[3] = {w->winners, w->losers, w->unchanged};
    for (int s = 0; s < 3; s++) {
        if (!count[s]) continue;
        fprintf(out, ", \\\n     %s using 1:2 with points %s title ", blocks[s], style[s]);
        quoted_printf(out, "%s (%zu)", names[s], count[s]);
    }
    fputc('\n', out);
}

/* ---- disbursement of the whole plan, before and after ---- */

/* Month ticks from the first day's month to the last day's: "MM/YYYY" on every month
 * when they fit, else on every second (third...) month with minor ticks between. */
static void month_tics(FILE *out, int32_t first, int32_t last)
{
    int y0, m0, d0;
    fs_civil_from_days(first, &y0, &m0, &d0);
    size_t months = 0;
    for (int y = y0, m = m0; fs_days_from_civil(y, m, 1) <= last; m = m % 12 + 1, y += m == 1) months++;
    size_t step = (months + 12) / 13;
    fputs("set xtics (", out);
    size_t k = 0;
    for (int y = y0, m = m0; k < months; m = m % 12 + 1, y += m == 1, k++) {
        char name[16], at[16];
        snprintf(name, sizeof name, "%02d/%04d", m, y);
        snprintf(at, sizeof at, "%04d-%02d-01", y, m);
        if (k) fputs(", ", out);
        chart_quoted(out, k % step ? "" : name);
        fputc(' ', out);
        chart_quoted(out, at);
        if (k % step) fputs(" 1", out);
    }
    fputs(")\n", out);
}

static void chart_disb(FILE *out, const cmp_data *d, const words *w)
{
    static const char *const blocks[2] = {"$disb_before", "$disb_after"};
    int32_t first = d->day_count ? d->day[0].date : 0, last = first;
    for (int s = 0; s < 2; s++) {
        fprintf(out, "%s << EOD\n# date share (%% of plan)\n", blocks[s]);
        for (size_t k = 0; k < d->day_count; k++) {
            double v = s ? d->day[k].after : d->day[k].before;
            if (isnan(v)) continue;
            char date[11];
            fs_date_format(d->day[k].date, date);
            fprintf(out, "%s %.10g\n", date, 100 * v);
            if (d->day[k].date > last) last = d->day[k].date;
        }
        fputs("EOD\n", out);
    }
    if (d->date_count) {
        fputs("$disb_dates << EOD\n# date before after (% of plan)\n", out);
        for (size_t k = 0; k < d->date_count; k++) {
            char date[11];
            fs_date_format(d->date[k].date, date);
            fprintf(out, "%s %.10g %.10g\n", date, 100 * d->date[k].before, 100 * d->date[k].after);
        }
        fputs("EOD\n", out);
    }
    page_setup(out, d, w, w->disb_title);
    /* Room on the right for the last date's shares. */
    char a[11], b[11];
    int32_t right = last + (last - first) / 12 + 1;
    fs_date_format(first, a);
    fs_date_format(right, b);
    fprintf(out, "set xdata time\nset timefmt '%%Y-%%m-%%d'\nset xrange ['%s':'%s']\nset rmargin 4\n", a, b);
    month_tics(out, first, last);
    fputs("set yrange [0:113]\nset ytics 0, 10, 100\nset format y '%g%%'\nset grid xtics ytics lc 'gray70' dt 3\n"
          "set key bottom right opaque box spacing 1.4\nset xlabel ",
          out);
    chart_quoted(out, w->disb_x);
    fputs("\nset ylabel ", out);
    chart_quoted(out, w->disb_y);
    fputc('\n', out);
    /* Each comparison date: a dotted line, and both shares above the 100% line, where
     * no curve goes, in two alternating rows so that close dates do not collide. */
    fputs("set style textbox opaque noborder margins 2, 2\n", out);
    for (size_t k = 0; k < d->date_count; k++) {
        const cmp_point *p = &d->date[k];
        char date[11], before[32], after[32];
        fs_date_format(p->date, date);
        percent_text(before, sizeof before, p->before, w);
        percent_text(after, sizeof after, p->after, w);
        fprintf(out, "set arrow %zu from '%s', graph 0 to '%s', graph 1 nohead dt 3 lw 1.5 lc 'gray40'\n", k + 1,
                date, date);
        fprintf(out, "set label %zu ", k + 1);
        quoted_printf(out, "%s → %s", before, after);
        fprintf(out, " at '%s', %d center font ',11' front boxed\n", date, k % 2 ? 104 : 109);
    }
    fputs("plot 100 with lines dt 4 lw 1.5 lc 'gray60' notitle", out);
    /* Before: a wide light-gray band; after: a black line over it, so that both show
     * where the two forecasts agree. */
    fputs(", \\\n     $disb_before using 1:2 with lines dt 1 lw 9 lc 'gray75' title ", out);
    chart_quoted(out, w->before);
    fputs(", \\\n     $disb_after using 1:2 with lines dt 1 lw 2.5 lc 'black' title ", out);
    chart_quoted(out, w->after);
    if (d->date_count)
        fputs(", \\\n     $disb_dates using 1:2 with points pt 6 ps 2.2 lw 2 lc 'gray40' notitle"
              ", \\\n     $disb_dates using 1:3 with points pt 7 ps 1.2 lc 'black' notitle",
              out);
    fputc('\n', out);
}

/* ---- the script ---- */

static const char *const chart_names[] = {"compare_groups", "compare_units", "compare_scatter",
                                          "compare_disbursement"};

static size_t chart_count(const cmp_data *d)
{
    return d->has_disbursement ? 4 : 3;
}

static void draw(FILE *out, const cmp_data *d, const words *w, size_t chart)
{
    switch (chart) {
    case 0: chart_groups(out, d, w); break;
    case 1: chart_units(out, d, w); break;
    case 2: chart_scatter(out, d, w); break;
    default: chart_disb(out, d, w); break;
    }
}

static void set_output(FILE *out, const char *dir, const char *name, const char *ext)
{
    char path[FS_PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/%s.%s", dir, name, ext);
    fputs("set output ", out);
    chart_quoted(out, path);
    fputs(".suffix\n", out);
}

static void script(FILE *out, const cmp_data *d, const fs_chart_options *opt, const char *dir)
{
    const words *w = opt->lang == FS_LANG_EN ? &en : &vi;
    fputs("# Drawn by fiscalsim compare from its tables; rerun with: gnuplot compare-charts.gp\n", out);
    fputs("# fiscalsim sets `suffix` to write temporary files first; rerun by hand, it is empty.\n", out);
    fputs("if (!exists(\"suffix\")) suffix = ''\n", out);
    fputs("set encoding utf8\n", out);
    static const struct {
        const char *ext, *terminal;
    } formats[] = {
        {"png", "pngcairo size 1600,1000 font 'DejaVu Sans,14' noenhanced"},
        {"svg", "svg size 1600,1000 font 'DejaVu Sans,14' noenhanced"},
    };
    for (int f = 0; f < 2; f++) {
        if ((f == 0 && !opt->png) || (f == 1 && !opt->svg)) continue;
        for (size_t c = 0; c < chart_count(d); c++) {
            fprintf(out, "set terminal %s\n", formats[f].terminal);
            set_output(out, dir, chart_names[c], formats[f].ext);
            draw(out, d, w, c);
            fputs("unset output\n", out);
        }
    }
    if (opt->pdf) {
        fputs("set terminal pdfcairo size 29.7cm,21cm font 'DejaVu Sans,11' noenhanced\n", out);
        set_output(out, dir, "compare-pack", "pdf");
        chart_cover(out, d, w);
        for (size_t c = 0; c < chart_count(d); c++) draw(out, d, w, c);
        fputs("unset output\n", out);
    }
}

fs_status fs_compare_draw(const char *dir, const fs_chart_options *opt, fs_diag *diag)
{
    cmp_data d = {.unit_count = 0};
    size_t errors = diag->count;
    if (read_json(dir, &d, diag) == 0) {
        read_units(dir, &d, diag);
        read_groups(dir, &d, diag);
        if (d.has_disbursement) read_disbursement(dir, &d, diag);
    }
    if (diag->count > errors) {
        data_free(&d);
        return fs_diag_status(diag);
    }
    char paths[9][FS_PATH_MAX + 64];
    const char *outputs[9];
    size_t n = 0;
    static const char *const exts[] = {"png", "svg"};
    for (int f = 0; f < 2; f++) {
        if ((f == 0 && !opt->png) || (f == 1 && !opt->svg)) continue;
        for (size_t c = 0; c < chart_count(&d); c++, n++)
            snprintf(paths[n], sizeof paths[n], "%s/%s.%s", dir, chart_names[c], exts[f]);
    }
    if (opt->pdf) snprintf(paths[n++], sizeof paths[0], "%s/compare-pack.pdf", dir);
    if (n == 0) {
        data_free(&d);
        return FS_OK;
    }
    for (size_t k = 0; k < n; k++) outputs[k] = paths[k];
    char script_path[FS_PATH_MAX + 32];
    snprintf(script_path, sizeof script_path, "%s/compare-charts.gp", dir);
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem) {
        data_free(&d);
        return fs_diag_add(diag, FS_EINTERNAL, script_path, 0, NULL, "out of memory");
    }
    script(mem, &d, opt, dir);
    fclose(mem);
    data_free(&d);
    char redraw[FS_PATH_MAX + 64];
    snprintf(redraw, sizeof redraw, "gnuplot %s", script_path);
    fs_status st = fs_chart_run(text, len, script_path, outputs, n, opt->timeout_s, redraw, diag);
    free(text);
    return st;
}
