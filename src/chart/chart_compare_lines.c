/*
 * chart_compare_lines.c: the point and line charts of `fiscalsim compare`
 * (chart_compare.h).
 *
 * compare_scatter: each unit's coverage before (x) and after (y), up and down
 * triangles for winners and losers, circles for the unchanged, and the y = x line.
 * compare_disbursement (both scenarios with disbursement): the daily forecast of the
 * whole plan before (a wide gray band) and after (a black line over it) on a time axis
 * ticked by month, the comparison dates marked with both shares.
 */
#include <math.h>

#include "calendar.h"
#include "chart_compare.h"

/* ---- coverage before and after ---- */

void cmp_chart_scatter(FILE *out, const cmp_data *d, const cmp_words *w)
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
    cmp_page_setup(out, d, w, w->scatter_title);
    fputs("set size ratio -1\nset lmargin at screen 0.2\n", out);
    chart_number_axis(out, "x", lo, hi, chart_nice_step(hi - lo, 6), "", chart_numbers_of(w->lang));
    chart_number_axis(out, "y", lo, hi, chart_nice_step(hi - lo, 6), "", chart_numbers_of(w->lang));
    fputs("set grid xtics ytics lc 'gray70' dt 3\nset key at graph 1.05, graph 1 top left Left reverse "
          "spacing 1.4\nset xlabel ", out);
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
        chart_quoted_printf(out, "%s (%zu)", names[s], count[s]);
    }
    fputc('\n', out);
}

/* ---- disbursement of the whole plan, before and after ---- */

void cmp_chart_disbursement(FILE *out, const cmp_data *d, const cmp_words *w)
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
    cmp_page_setup(out, d, w, w->disb_title);
    /* Room on the right for the last date's shares. */
    char a[11], b[11];
    int32_t right = last + (last - first) / 12 + 1;
    fs_date_format(first, a);
    fs_date_format(right, b);
    fprintf(out, "set xdata time\nset timefmt '%%Y-%%m-%%d'\nset xrange ['%s':'%s']\nset rmargin 4\n", a, b);
    chart_time_axes(out, first, last, 113, w->lang, w->disb_x, w->disb_y);
    /* Each comparison date: a dotted line, and both shares above the 100% line, where
     * no curve goes, in two alternating rows so that close dates do not collide. */
    fputs("set style textbox opaque noborder margins 2, 2\n", out);
    for (size_t k = 0; k < d->date_count; k++) {
        const cmp_point *p = &d->date[k];
        char date[11], before[32], after[32];
        fs_date_format(p->date, date);
        cmp_percent_text(before, sizeof before, p->before, w);
        cmp_percent_text(after, sizeof after, p->after, w);
        fprintf(out, "set arrow %zu from '%s', graph 0 to '%s', graph 1 nohead dt 3 lw 1.5 lc 'gray40'\n", k + 1,
                date, date);
        fprintf(out, "set label %zu ", k + 1);
        chart_quoted_printf(out, "%s → %s", before, after);
        fprintf(out, " at '%s', %d center font ',11' front boxed\n", date, k % 2 ? 104 : 109);
    }
    fputs("plot 100 with lines dt 4 lw 1.5 lc 'gray60' notitle", out);
    /* Before: a wide light-gray band; after: a black line over it, so that both show
     * where the two forecasts agree. */
    fputs(", \\\n     $disb_before using 1:2 with lines dt 1 lw 9 lc 'gray' title ", out);
    chart_quoted(out, w->before);
    fputs(", \\\n     $disb_after using 1:2 with lines dt 1 lw 2.5 lc 'black' title ", out);
    chart_quoted(out, w->after);
    if (d->date_count)
        fputs(", \\\n     $disb_dates using 1:2 with points pt 6 ps 2.2 lw 2 lc 'gray40' notitle"
              ", \\\n     $disb_dates using 1:3 with points pt 7 ps 1.2 lc 'black' notitle",
              out);
    fputc('\n', out);
}
