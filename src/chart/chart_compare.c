/*
 * chart_compare.c: the charts of `fiscalsim compare` (fs_compare_draw in compare.h),
 * drawn by gnuplot from the tables the comparison wrote, read back like `run`'s
 * (chart_compare_data.c), so that the script compare-charts.gp redraws them by itself.
 * This file writes that script: each chart in each format asked for, then the PDF
 * pack, which starts with a cover page (the two scenarios, the money unit, and the
 * totals before and after); then runs gnuplot on it (fs_chart_run).
 *
 * The charts are compare_groups and compare_units (chart_compare_bars.c),
 * compare_scatter and, when both scenarios have disbursement, compare_disbursement
 * (chart_compare_lines.c). As in chart_script.c: every user text goes through the
 * quoting helpers (chart_common.c) and is printed `noenhanced`; DejaVu Sans; patterns,
 * gray levels, dash and point types instead of colours. Money is shown in tỷ đồng
 * (billion VND) when the tables are in million VND. Vietnamese pages use the
 * Vietnamese number format (1.234,5), English ones the English (1,234.5)
 * (chart_compare_text.c).
 */
#include <stdlib.h>

#include "chart_compare.h"
#include "calendar.h"
#include "money_text.h"
#include "compare.h"

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

static void chart_cover(FILE *out, const cmp_data *d, const cmp_words *w)
{
    fputs("reset\nset encoding utf8\nunset border\nunset tics\nunset key\nset xrange [0:1]\nset yrange [0:1]\n", out);
    fputs("set label 1 ", out);
    chart_quoted(out, w->pack_title);
    fputs(" at screen 0.5, screen 0.88 center font ',22'\nset label 2 ", out);
    chart_quoted_printf(out, "%s: %s", w->baseline, d->base);
    fputs(" at screen 0.08, screen 0.76 left font ',14'\nset label 3 ", out);
    chart_quoted_printf(out, "%s: %s", w->reform, d->reform);
    fputs(" at screen 0.08, screen 0.71 left font ',14'\nset label 4 ", out);
    if (chart_in_billions(d->money_unit))
        chart_quoted_printf(out, "%s: %s (%s: %s)", w->money, cmp_display_unit(d, w), w->tables,
                            cmp_table_unit(d, w));
    else
        chart_quoted_printf(out, "%s: %s", w->money, d->money_unit);
    fputs(" at screen 0.08, screen 0.66 left font ',12'\nset label 5 ", out);
    long long unchanged = (long long)(d->units - d->winners - d->losers);
    chart_quoted_printf(out, w->unit_counts, (long long)d->units, (long long)d->winners, (long long)d->losers,
                        unchanged);
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
        cmp_money_text(b, sizeof b, d, d->totals[k][0], false, w);
        cmp_money_text(a, sizeof a, d, d->totals[k][1], false, w);
        cmp_money_text(c, sizeof c, d, d->totals[k][1] - d->totals[k][0], true, w);
        snprintf(name, sizeof name, "%s (%s)", w->rows[k], cmp_display_unit(d, w));
        const char *cells[4] = {name, b, a, c};
        y -= 0.06;
        cover_row(out, tag, y, cells, false);
        tag += 4;
    }
    char b[32], a[32], c[32];
    cmp_percent_text(b, sizeof b, d->min_coverage[0], w);
    cmp_percent_text(a, sizeof a, d->min_coverage[1], w);
    cmp_points_text(c, sizeof c, d->min_coverage[1] - d->min_coverage[0], w);
    const char *cells[4] = {w->rows[4], b, a, c};
    y -= 0.06;
    cover_row(out, tag, y, cells, false);
    tag += 4;
    if (d->has_disbursement && d->date_count) {
        const cmp_point *p = &d->date[d->date_count - 1];
        char date[FS_DATE_TEXT_MAX], name[160];
        fs_format_date(p->date, w->lang, date);
        snprintf(name, sizeof name, w->disb_row, date);
        cmp_percent_text(b, sizeof b, p->before, w);
        cmp_percent_text(a, sizeof a, p->after, w);
        cmp_points_text(c, sizeof c, p->after - p->before, w);
        const char *row[4] = {name, b, a, c};
        y -= 0.06;
        cover_row(out, tag, y, row, false);
    }
    fputs("set label 100 ", out);
    chart_quoted_printf(out, "%s · %s → %s", w->footer, d->base, d->reform);
    fputs(" at screen 0.01, screen 0.015 font ',9'\nplot -1 notitle\n", out);
}

/* ---- the script ---- */

static const char *const chart_names[] = {"compare_groups", "compare_units", "compare_scatter",
                                          "compare_disbursement"};
enum { CHARTS = sizeof chart_names / sizeof *chart_names };

static size_t chart_count(const cmp_data *d)
{
    return d->has_disbursement ? CHARTS : CHARTS - 1;
}

static void draw(FILE *out, const cmp_data *d, const cmp_words *w, size_t chart)
{
    switch (chart) {
    case 0: cmp_chart_groups(out, d, w); break;
    case 1: cmp_chart_units(out, d, w); break;
    case 2: cmp_chart_scatter(out, d, w); break;
    default: cmp_chart_disbursement(out, d, w); break;
    }
}

static void script(FILE *out, const cmp_data *d, const fs_chart_options *opt, const char *dir)
{
    const cmp_words *w = cmp_words_of(opt->lang);
    chart_script_start(out, "fiscalsim compare from its tables", "compare-charts.gp");
    for (chart_format f = CHART_PNG; f <= CHART_SVG; f++) {
        if (!chart_format_wanted(opt, f)) continue;
        for (size_t c = 0; c < chart_count(d); c++) {
            chart_output(out, f, dir, chart_names[c]);
            draw(out, d, w, c);
            fputs("unset output\n", out);
        }
    }
    if (opt->pdf) {
        chart_output(out, CHART_PDF, dir, "compare-pack");
        chart_cover(out, d, w);
        for (size_t c = 0; c < chart_count(d); c++) draw(out, d, w, c);
        fputs("unset output\n", out);
    }
}

static void write_script(FILE *out, const void *data, const fs_chart_options *opt, const char *dir)
{
    script(out, data, opt, dir);
}

fs_status fs_compare_draw(const fs_chart_place *place, const fs_chart_options *opt, fs_diag *diag)
{
    cmp_data d = {.unit_count = 0};
    if (cmp_data_read(place->tables, &d, diag)) {
        cmp_data_free(&d);
        return fs_diag_status(diag);
    }
    chart_path paths[2 * CHARTS + 1];
    const char *outputs[2 * CHARTS + 1];
    size_t n = chart_output_paths(place->stage, opt, chart_names, chart_count(&d), "compare-pack", paths, outputs);
    if (n == 0) {
        cmp_data_free(&d);
        return FS_OK;
    }
    fs_status st = chart_write_and_run(place, "compare-charts.gp", write_script, &d, opt, outputs, n, diag);
    cmp_data_free(&d);
    return st;
}
