/*
 * chart_sweep_fan.c: the disbursement fan of a sweep with dates (sw_chart_fan in
 * chart_sweep.h), drawn from sweep_disbursement.csv and sweep.csv's disbursed_<date>
 * columns as read back by chart_sweep_data.c.
 *
 * sweep_fan: a time axis from 1 January of the plan year to 31 January of the next
 * (the deadline), ticked by month as the disbursement chart of `run` is
 * (chart_time_axes: "MM/YYYY", percent of the plan from 0 to 100). At each month end,
 * over the solved variants: the 5th–95th percentiles as a light gray band, the
 * 25th–75th as a darker one, the median as a solid line with points and the mean
 * dashed; the plan (100%) a dashed gray line. Each of the sweep's dates is a dotted
 * line with the date and the variants' median forecast at it above the 100% line, in
 * two alternating rows so that close dates do not collide. Above the plot: the median
 * and the middle 90% at the deadline, and the widest 5th–95th band in percentage
 * points, since on a 0–100% axis a band a point wide hardly shows.
 *
 * As in the other sweep charts: text through the quoting helpers, `noenhanced`,
 * DejaVu Sans, grays and dashes instead of colours, the page of sw_page_setup.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "money_text.h"
#include "chart_sweep.h"

/* A share (0..1) in percent with one decimal in the words' format, "41,8%". */
static void percent_text(char *buf, size_t size, double share, const sw_words *w)
{
    sw_real_text(buf, size, 100 * share, 1, w);
    strncat(buf, "%", size - strlen(buf) - 1);
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The median over the solved variants of the forecast at date k (NAN: none). */
static double median_at(const sw_data *d, size_t k)
{
    double *v = malloc((d->row_count + 1) * sizeof *v);
    if (!v) return NAN;
    size_t n = 0;
    for (size_t r = 0; r < d->row_count; r++) {
        double x = d->disbursed[r * d->date_count + k];
        if (!isnan(x)) v[n++] = x;
    }
    qsort(v, n, sizeof *v, by_value);
    double m = n == 0 ? NAN : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    free(v);
    return m;
}

/* The fan as a datablock, in percent; returns the number of month ends with a median. */
static size_t fan_block(FILE *out, const sw_data *d)
{
    size_t drawn = 0;
    fputs("$fan << EOD\n# month_end p05 p25 p50 p75 p95 mean (% of plan)\n", out);
    for (size_t r = 0; r < d->fan_count; r++) {
        char date[11];
        fs_date_format(d->fan[r].month_end, date);
        fputs(date, out);
        for (int k = 0; k < SW_FAN_STATS; k++) {
            double v = d->fan[r].stat[k];
            if (isnan(v)) fputs(" NaN", out);
            else fprintf(out, " %.10g", 100 * v);
        }
        fputc('\n', out);
        drawn += !isnan(d->fan[r].stat[SW_P50]);
    }
    fputs("EOD\n", out);
    return drawn;
}

/* The sweep's dates: a dotted line each, its date and median above the 100% line,
 * left or right aligned near an end of the axis so that it stays on the page. */
static void date_marks(FILE *out, const sw_data *d, const sw_words *w, int32_t first, int32_t right)
{
    for (size_t k = 0; k < d->date_count; k++) {
        char date[11], text[FS_DATE_TEXT_MAX], median[32];
        fs_date_format(d->date[k], date);
        fs_format_date(d->date[k], w->lang, text);
        double m = median_at(d, k), at = (double)(d->date[k] - first) / (double)(right - first);
        fprintf(out, "set arrow %zu from '%s', graph 0 to '%s', graph 1 nohead dt 3 lw 1.5 lc 'gray40'\n", k + 1, date,
                date);
        fprintf(out, "set label %zu ", k + 1);
        if (isnan(m)) {
            chart_quoted(out, text);
        } else {
            percent_text(median, sizeof median, m, w);
            chart_quoted_printf(out, w->fan_date_label, text, median);
        }
        fprintf(out, " at '%s', %d %s font ',11' front boxed\n", date, k % 2 ? 104 : 109,
                at < 0.08 ? "left" : at > 0.92 ? "right" : "center");
    }
}

/* Above the plot: the deadline's median and middle 90%, and the widest band. */
static void fan_notes(FILE *out, const sw_data *d, const sw_words *w)
{
    const sw_fan_row *last = &d->fan[d->fan_count - 1], *widest = NULL;
    for (size_t r = 0; r < d->fan_count; r++) {
        const double *s = d->fan[r].stat;
        if (!isnan(s[SW_P05]) && !isnan(s[SW_P95]) &&
            (!widest || s[SW_P95] - s[SW_P05] > widest->stat[SW_P95] - widest->stat[SW_P05]))
            widest = &d->fan[r];
    }
    if (!widest) return;
    char date[FS_DATE_TEXT_MAX], median[32], lo[32], hi[32], points[32];
    fs_format_date(last->month_end, w->lang, date);
    percent_text(median, sizeof median, last->stat[SW_P50], w);
    percent_text(lo, sizeof lo, last->stat[SW_P05], w);
    percent_text(hi, sizeof hi, last->stat[SW_P95], w);
    fputs("set label 21 ", out);
    chart_quoted_printf(out, w->fan_deadline, date, median, lo, hi);
    fputs(" at screen 0.08, screen 0.89 left font ',12'\nset label 22 ", out);
    double width = 100 * (widest->stat[SW_P95] - widest->stat[SW_P05]);
    sw_real_text(points, sizeof points, width, width < 1 ? 2 : 1, w);
    fs_format_date(widest->month_end, w->lang, date);
    chart_quoted_printf(out, w->fan_widest, points, date);
    fputs(" at screen 0.08, screen 0.86 left font ',12'\n", out);
}

/* The plot: the bands, the plan, the mean, the median, a key entry for the dates. */
static void fan_plot(FILE *out, const sw_data *d, const sw_words *w, bool data)
{
    fputs("plot 100 with lines dt 4 lw 1.5 lc 'gray40' title ", out);
    chart_quoted(out, w->fan_plan);
    if (data) {
        fputs(", \\\n     $fan using 1:2:6 with filledcurves fs solid 1.0 noborder fc 'light-gray' title ", out);
        chart_quoted(out, w->fan_outer);
        fputs(", \\\n     $fan using 1:3:5 with filledcurves fs solid 1.0 noborder fc 'gray60' title ", out);
        chart_quoted(out, w->fan_inner);
        fputs(", \\\n     $fan using 1:4 with linespoints dt 1 lw 3 pt 7 ps 1.3 lc 'black' title ", out);
        chart_quoted(out, w->fan_median);
        fputs(", \\\n     $fan using 1:7 with lines dt (10, 6) lw 2 lc 'gray30' title ", out);
        chart_quoted(out, w->fan_mean);
    }
    if (d->date_count) {
        fputs(", \\\n     NaN with lines dt 3 lw 1.5 lc 'gray40' title ", out);
        chart_quoted(out, w->fan_dates);
    }
    fputc('\n', out);
}

void sw_chart_fan(FILE *out, const sw_data *d, const sw_words *w)
{
    if (!d->fan_count) return;
    size_t drawn = fan_block(out, d);
    int y, m, day;
    fs_civil_from_days(d->fan[0].month_end, &y, &m, &day);
    int32_t first = fs_days_from_civil(y, 1, 1), last = d->fan[d->fan_count - 1].month_end;
    for (size_t k = 0; k < d->date_count; k++) last = d->date[k] > last ? d->date[k] : last;
    /* A little room right of the deadline's point. */
    int32_t right = last + 8;
    char a[11], b[11];
    fs_date_format(first, a);
    fs_date_format(right, b);
    sw_page_setup(out, d, w, w->fan_title);
    fprintf(out, "set xdata time\nset timefmt '%%Y-%%m-%%d'\nset xrange ['%s':'%s']\n", a, b);
    fputs("set lmargin at screen 0.08\nset rmargin at screen 0.97\nset tmargin at screen 0.83\n"
          "set bmargin at screen 0.22\nset style textbox opaque noborder margins 2, 2\n", out);
    chart_time_axes(out, first, last, 113, w->lang, w->fan_x, w->fan_y);
    /* The key below the plot: over it, the date lines and the curves would cross it. */
    fputs("set key at screen 0.5, screen 0.075 center center horizontal maxrows 2 width 1 spacing 1.1 noopaque "
          "nobox\n", out);
    date_marks(out, d, w, first, right);
    fan_notes(out, d, w);
    if (!drawn) {
        fputs("set label 23 ", out);
        chart_quoted(out, w->none_solved);
        fputs(" at graph 0.5, graph 0.5 center font ',20'\n", out);
    }
    fan_plot(out, d, w, drawn > 0);
}
