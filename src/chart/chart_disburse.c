/*
 * chart_disburse.c: the two disbursement charts of the council pack (chart_disburse.h),
 * drawn like the others (chart_script.c): data in datablocks, every text through the
 * quoting helpers (chart_common.c), black and white with gray fills, dash types and
 * point types.
 *
 * disbursement: a time axis from 1 January of the plan year to the last forecast day,
 * ticked by month, shares of the plan in place in percent. The whole plan's band is a
 * light gray area, its forecast a solid line; the lower level's forecast is dashed and
 * its band edges dotted; the schedule under the cash limit is open squares at month
 * ends; the plan year's published points are filled markers.
 *
 * risk: the units flagged "high" or "watch", lowest forecast completion at the deadline
 * first (at most 30), as horizontal bars with the band as error bars and the risk
 * threshold as a dashed line.
 *
 * Shares are printed with 10 significant digits: the tables carry 6 decimals.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart_disburse.h"
#include "calendar.h"
#include "chart_common.h"

enum { RISK_MAX_UNITS = 30 };

typedef struct disb_words {
    const char *title, *x, *y, *band, *whole, *lower, *lower_band, *scheduled, *seen_whole, *seen_lower, *plan;
    const char *risk_title, *risk_x, *high, *watch, *risk_band, *threshold, *nobody;
    const char *lowest; /* printf: shown, flagged */
} disb_words;

static const disb_words vi = {
    "Giải ngân vốn đầu tư công: kế hoạch, mô phỏng, theo dòng tiền và số thực hiện",
    "Tháng",
    "% kế hoạch",
    "Khoảng dự báo, toàn bộ kế hoạch",
    "Mô phỏng, toàn bộ kế hoạch",
    "Mô phỏng, vốn cấp xã",
    "Khoảng dự báo, vốn cấp xã",
    "Theo dòng tiền, cuối tháng (toàn bộ kế hoạch)",
    "Số thực hiện, toàn bộ kế hoạch",
    "Số thực hiện, vốn cấp xã",
    "Kế hoạch (100%)",
    "Đơn vị có nguy cơ không giải ngân hết vốn đúng hạn",
    "Tỷ lệ giải ngân dự báo đến hạn (% kế hoạch của đơn vị)",
    "Nguy cơ cao",
    "Cần theo dõi",
    "Khoảng dự báo",
    "Ngưỡng nguy cơ",
    "Không có đơn vị nào có nguy cơ",
    "%zu đơn vị thấp nhất trong %zu đơn vị được đánh dấu",
};

static const disb_words en = {
    "Public investment disbursement: plan, simulated, scheduled under cash, and actuals",
    "Month",
    "% of plan",
    "Forecast band, whole plan",
    "Simulated, whole plan",
    "Simulated, lower level",
    "Forecast band, lower level",
    "Scheduled under cash, month end (whole plan)",
    "Actual, whole plan",
    "Actual, lower level",
    "Plan (100%)",
    "Units at risk of missing the disbursement deadline",
    "Forecast completion at the deadline (% of the unit's plan)",
    "High risk",
    "Watch",
    "Forecast band",
    "Risk threshold",
    "No unit is at risk",
    "the %zu lowest of %zu flagged units",
};

static void date_text(FILE *out, int32_t day)
{
    char text[11];
    fs_date_format(day, text);
    fputs(text, out);
}

static void plot_item(FILE *out, bool *first, const char *item, const char *title)
{
    fputs(*first ? "plot " : ", \\\n     ", out);
    *first = false;
    fputs(item, out);
    if (title) {
        fputs(" title ", out);
        chart_quoted(out, title);
    } else {
        fputs(" notitle", out);
    }
}

/* Writes the plan year's observed points of one plan as a datablock; returns how many. */
static size_t observed_block(FILE *out, const fs_chart_data *d, const char *plan)
{
    size_t n = 0;
    for (size_t k = 0; k < d->observed_count; k++)
        if (d->observed[k].year == d->year && !strcmp(d->observed[k].plan, plan)) n++;
    if (!n) return 0;
    fprintf(out, "$disb_seen_%s << EOD\n", plan);
    for (size_t k = 0; k < d->observed_count; k++) {
        const fs_chart_observed *o = &d->observed[k];
        if (o->year != d->year || strcmp(o->plan, plan)) continue;
        date_text(out, o->date);
        fprintf(out, " %.10g\n", 100 * o->share);
    }
    fputs("EOD\n", out);
    return n;
}

void chart_disbursement(FILE *out, const fs_chart_data *d, fs_lang lang)
{
    const disb_words *w = lang == FS_LANG_EN ? &en : &vi;
    int32_t start = fs_days_from_civil(d->year, 1, 1), last = start + 1;
    fputs("$disb_daily << EOD\n# date whole whole_lo whole_hi lower lower_lo lower_hi (% of plan)\n", out);
    for (size_t k = 0; k < d->day_count; k++) {
        const fs_chart_day *y = &d->day[k];
        if (y->date > last) last = y->date;
        date_text(out, y->date);
        fprintf(out, " %.10g %.10g %.10g %.10g %.10g %.10g\n", 100 * y->whole, 100 * y->whole_lo, 100 * y->whole_hi,
                100 * y->lower, 100 * y->lower_lo, 100 * y->lower_hi);
    }
    fputs("EOD\n", out);
    size_t scheduled = 0;
    for (size_t k = 0; k < d->month_count; k++) scheduled += d->month[k].whole_planned > 0;
    if (scheduled) {
        fputs("$disb_scheduled << EOD\n# month_end whole_scheduled/whole_planned (%)\n", out);
        for (size_t k = 0; k < d->month_count; k++) {
            const fs_chart_month *m = &d->month[k];
            if (m->whole_planned <= 0) continue;
            date_text(out, m->month_end);
            fprintf(out, " %.10g\n", 100.0 * (double)m->whole_scheduled / (double)m->whole_planned);
        }
        fputs("EOD\n", out);
    }
    size_t seen_whole = observed_block(out, d, "whole"), seen_lower = observed_block(out, d, "lower");
    chart_page_setup(out, d, lang, w->title);
    fputs("set xdata time\nset timefmt '%Y-%m-%d'\nset xrange ['", out);
    date_text(out, start);
    fputs("':'", out);
    date_text(out, last);
    fputs("']\n", out);
    chart_time_axes(out, start, last, 105, lang, w->x, w->y);
    bool first = true;
    plot_item(out, &first, "$disb_daily using 1:3:4 with filledcurves fs solid 1.0 noborder fc 'light-gray'", w->band);
    plot_item(out, &first, "100 with lines dt 4 lw 1.5 lc 'gray40'", w->plan);
    plot_item(out, &first, "$disb_daily using 1:6 with lines dt 3 lw 2 lc 'black'", w->lower_band);
    plot_item(out, &first, "$disb_daily using 1:7 with lines dt 3 lw 2 lc 'black'", NULL);
    plot_item(out, &first, "$disb_daily using 1:5 with lines dt 2 lw 2.5 lc 'black'", w->lower);
    plot_item(out, &first, "$disb_daily using 1:2 with lines dt 1 lw 3 lc 'black'", w->whole);
    if (scheduled)
        plot_item(out, &first, "$disb_scheduled using 1:2 with points pt 4 ps 1.3 lw 2 lc 'black'", w->scheduled);
    if (seen_whole)
        plot_item(out, &first, "$disb_seen_whole using 1:2 with points pt 7 ps 1.8 lc 'black'", w->seen_whole);
    if (seen_lower)
        plot_item(out, &first, "$disb_seen_lower using 1:2 with points pt 9 ps 2.0 lc 'black'", w->seen_lower);
    fputc('\n', out);
}

/* One datablock of the shown units at one risk level: y completion (in %). */
static size_t risk_block(FILE *out, const fs_chart_data *d, const chart_rank *rows, size_t shown, const char *level)
{
    size_t n = 0;
    for (size_t k = 0; k < shown; k++) {
        if (strcmp(d->entity[rows[k].index].risk, level)) continue;
        if (!n++) fprintf(out, "$risk_%s << EOD\n", level);
        fprintf(out, "%zu %.10g\n", shown - k, 100 * d->entity[rows[k].index].completion);
    }
    if (n) fputs("EOD\n", out);
    return n;
}

void chart_risk(FILE *out, const fs_chart_data *d, fs_lang lang)
{
    const disb_words *w = lang == FS_LANG_EN ? &en : &vi;
    chart_rank *rows = malloc((d->entity_count + 1) * sizeof *rows);
    if (!rows) return;
    size_t flagged = 0;
    for (size_t e = 0; e < d->entity_count; e++)
        if (strcmp(d->entity[e].kind, "city") && d->entity[e].risk[0])
            rows[flagged++] = (chart_rank){d->entity[e].completion, e};
    qsort(rows, flagged, sizeof *rows, chart_by_rank);
    size_t shown = flagged < RISK_MAX_UNITS ? flagged : RISK_MAX_UNITS;
    if (!shown) {
        chart_page_setup(out, d, lang, w->risk_title);
        fputs("unset border\nunset tics\nunset grid\nunset key\nset xrange [0:1]\nset yrange [0:1]\nset label 1 ", out);
        chart_quoted(out, w->nobody);
        fputs(" at graph 0.5, graph 0.5 center font ',20'\nplot -1 notitle\n", out);
        free(rows);
        return;
    }
    /* Top to bottom, lowest completion first: the first row is at y = shown. */
    double low = 100 * d->risk_threshold;
    fputs("$risk << EOD\n# y completion band_lo band_hi (% of the unit's plan)\n", out);
    for (size_t k = 0; k < shown; k++) {
        const fs_chart_entity *e = &d->entity[rows[k].index];
        low = fmin(low, 100 * fmin(e->completion, e->band_lo));
        fprintf(out, "%zu %.10g %.10g %.10g\n", shown - k, 100 * e->completion, 100 * e->band_lo, 100 * e->band_hi);
    }
    fputs("EOD\n", out);
    size_t high = risk_block(out, d, rows, shown, "high"), watch = risk_block(out, d, rows, shown, "watch");
    /* The axis starts at 0 unless every value is above 50%; then 10 points below the
     * lowest, so that gaps of a few points between units stay visible. */
    double xmin = low < 50 ? 0 : 10 * floor(low / 10) - 10;
    /* Inside the y range at both ends: gnuplot drops a segment whose two ends are out. */
    fprintf(out, "$risk_threshold << EOD\n%.10g 0.4\n%.10g %g\nEOD\n", 100 * d->risk_threshold,
            100 * d->risk_threshold, (double)shown + 0.6);
    chart_page_setup(out, d, lang, w->risk_title);
    fprintf(out, "set xrange [%g:100]\nset yrange [0.4:%g]\nset format x '%%g%%%%'\nunset grid\n"
                 "set grid xtics lc 'gray70' dt 3\nset bmargin 9\n"
                 "set key at screen 0.5, screen 0.055 center center horizontal width 2\n"
                 "set ytics scale 0 (",
            xmin, (double)shown + 0.6);
    for (size_t k = 0; k < shown; k++) {
        if (k) fputs(", ", out);
        chart_quoted(out, d->entity[rows[k].index].name);
        fprintf(out, " %zu", shown - k);
    }
    fputs(")\nset xlabel ", out);
    chart_quoted(out, w->risk_x);
    fputc('\n', out);
    if (flagged > shown) {
        char note[160];
        snprintf(note, sizeof note, w->lowest, shown, flagged);
        fputs("set label 2 ", out);
        chart_quoted(out, note);
        fputs(" at graph 0.5, graph 1 center offset 0, 0.9 font ',11'\nset tmargin 5\nset title offset 0, 1\n", out);
    }
    fputs("set style fill solid 1.0 border lc 'black'\n", out);
    bool first = true;
    char item[160];
    snprintf(item, sizeof item, "$risk_high using (%g):1:(%g):2:($1-0.35):($1+0.35) with boxxyerror fc 'gray40'",
             xmin, xmin);
    if (high) plot_item(out, &first, item, w->high);
    snprintf(item, sizeof item, "$risk_watch using (%g):1:(%g):2:($1-0.35):($1+0.35) with boxxyerror fc 'light-gray'",
             xmin, xmin);
    if (watch) plot_item(out, &first, item, w->watch);
    plot_item(out, &first, "$risk using 2:1:3:4 with xerrorbars pt 7 ps 0.6 lw 1.5 lc 'black'", w->risk_band);
    char threshold[96];
    snprintf(threshold, sizeof threshold, "%s (%.4g%%)", w->threshold, 100 * d->risk_threshold);
    plot_item(out, &first, "$risk_threshold using 1:2 with lines dt (8, 4) lw 2.5 lc 'black'", threshold);
    fputc('\n', out);
    free(rows);
}
