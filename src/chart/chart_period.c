/*
 * chart_period.c: the trajectory chart of a stability period (chart_period.h), drawn
 * like the other charts (chart_script.c): data in a datablock, every text through the
 * quoting helpers, black and white.
 *
 * One page, a 2×2 multiplot with the years on the x axis, one panel per indicator:
 * the lowest coverage of need (in %, need itself at 100% dashed), the total balancing
 * transfers, the number of units under need, and the city's balance (or, without a
 * city block, the communes' own revenue). Money is in tỷ đồng / billion VND when the money unit is "million
 * VND", as in the other charts. Each solved year is a point on a solid line, with its
 * value written above it when the period has at most LABELLED_YEARS solved years. The
 * infeasible year (the run stops there) is a light gray band with dashed edges and a
 * label across it, "vi phạm ổn định" / "stability violation" under the stability
 * rules, else "không khả thi" / "infeasible"; the years not run are left out. Numbers
 * (value labels and y tics) are written here (chart_fixed_text), with a decimal comma
 * and thousands dots in Vietnamese: gnuplot's `set decimalsign` would outlive `reset`
 * into later pages.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart_period.h"
#include "chart_common.h"
#include "chart_disburse.h"

enum { LABELLED_YEARS = 10, MAX_XTICS = 12 };

typedef struct period_words {
    const char *title_stability, *title_plain; /* printf: first year, last year */
    const char *coverage, *coverage_y, *transfer, *units, *units_y, *city, *own;
    const char *violation, *infeasible, *billion;
    chart_numbers numbers;
} period_words;

static const period_words vi = {
    "Diễn biến qua các năm của thời kỳ ổn định ngân sách %d–%d",
    "Diễn biến qua các năm %d–%d",
    "Tỷ lệ đáp ứng nhu cầu chi thấp nhất",
    "% nhu cầu chi",
    "Tổng bổ sung cân đối cho cấp xã",
    "Số đơn vị được phân bổ dưới nhu cầu chi",
    "Số đơn vị",
    "Cân đối ngân sách thành phố",
    "Nguồn thu cấp xã được hưởng",
    "vi phạm ổn định",
    "không khả thi",
    "tỷ đồng",
    {'.', ','},
};

static const period_words en = {
    "Year by year over the budget stability period %d–%d",
    "Year by year, %d–%d",
    "Lowest coverage of need",
    "% of need",
    "Total balancing transfers to the communes",
    "Units allocated less than their need",
    "Units",
    "City budget balance",
    "Communes' own revenue",
    "stability violation",
    "infeasible",
    "billion VND",
    {',', '.'},
};

/* The digits after the decimal sign of a money panel's labels: in tỷ đồng, 0 from
 * 1,000 up, 1 from 10 up, else 3 (exact); whole money units otherwise. */
static int money_decimals(const fs_chart_data *d, int64_t largest)
{
    if (!chart_in_billions(d->money_unit)) return 0;
    return largest >= 1000000 ? 0 : largest >= 10000 ? 1 : 3;
}

/* The y axis of a panel: from 0 (or below the lowest value when it is negative) to
 * above the highest, with room for the value labels; tics at a step of 1, 2 or 5 times
 * a power of ten (whole numbers when `whole`), in the words' number format followed by
 * `suffix` (chart_number_axis). */
static void y_axis(FILE *out, double lo, double hi, bool whole, const char *suffix, const period_words *w)
{
    lo = fmin(lo, 0), hi = fmax(hi, whole ? 1 : 0); /* a count of 0: the axis still shows 1 */
    double span = hi - lo > 0 ? hi - lo : 1;
    double ymin = lo < 0 ? lo - 0.2 * span : 0, ymax = hi > 0 ? hi + 0.2 * span : 0.2 * span;
    double raw = (ymax - ymin) / 5, mag = pow(10, floor(log10(raw))), norm = raw / mag;
    double step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
    if (whole && step < 1) step = 1;
    chart_number_axis(out, "y", ymin, ymax, step, suffix, w->numbers);
}

static void panel_title(FILE *out, const char *title, const char *ylabel)
{
    fputs("set title ", out);
    chart_quoted(out, title);
    fputs(" font ',13'\nset ylabel ", out);
    chart_quoted(out, ylabel);
    fputc('\n', out);
}

/* One panel: the line through the solved years, and their values above the points. */
static void panel_plot(FILE *out, int column, bool labelled, const char *reference)
{
    fputs("plot ", out);
    if (reference) fprintf(out, "%s with lines dt 2 lw 1.5 lc 'gray40' notitle, \\\n     ", reference);
    fprintf(out, "$period using 1:%d with linespoints lw 2.5 pt 7 ps %s lc 'black' notitle", column,
            labelled ? "1.4" : "0.9");
    if (labelled)
        fprintf(out, ", \\\n     '' using 1:%d:%d with labels center offset 0, 1.3 font ',10' notitle", column,
                column + 4);
    fputc('\n', out);
}

void chart_period(FILE *out, const fs_chart_data *d, fs_lang lang)
{
    const period_words *w = lang == FS_LANG_EN ? &en : &vi;
    bool billions = chart_in_billions(d->money_unit);
    double div = chart_divisor(d->money_unit);
    /* The years drawn: the solved ones and the infeasible one; not-run years are left out. */
    int first = 0, last = 0;
    size_t solved = 0, shown = 0;
    int64_t money_max = 0;
    double cov_lo = 0, cov_hi = 0, tr_lo = 0, tr_hi = 0, un_hi = 0, m4_lo = 0, m4_hi = 0;
    for (size_t k = 0; k < d->period_year_count; k++) {
        const fs_chart_year *y = &d->period_year[k];
        if (y->status == FS_CHART_YEAR_NOT_RUN) continue;
        if (!shown++) first = y->year;
        last = y->year;
        if (y->status != FS_CHART_YEAR_SOLVED) continue;
        solved++;
        int64_t fourth = d->period_city ? y->city_balance : y->own_revenue;
        cov_hi = fmax(cov_hi, 100 * y->min_coverage), cov_lo = fmin(cov_lo, 100 * y->min_coverage);
        tr_hi = fmax(tr_hi, (double)y->transfer / div), tr_lo = fmin(tr_lo, (double)y->transfer / div);
        un_hi = fmax(un_hi, (double)y->units_under_need);
        m4_hi = fmax(m4_hi, (double)fourth / div), m4_lo = fmin(m4_lo, (double)fourth / div);
        int64_t big[2] = {y->transfer, fourth};
        for (int b = 0; b < 2; b++)
            if (llabs(big[b]) > money_max) money_max = llabs(big[b]);
    }
    bool labelled = solved <= LABELLED_YEARS;
    int decimals = money_decimals(d, money_max), scale = billions ? 3 : 0;
    /* Columns: year, coverage (%), transfers, units under need, the fourth panel's
     * amount (display unit), then the same four as label texts. */
    fputs("$period << EOD\n# year min_coverage(%) transfer units_under_need ", out);
    fputs(d->period_city ? "city_balance" : "own_revenue", out);
    fputs(" and their labels\n", out);
    for (size_t k = 0; k < d->period_year_count; k++) {
        const fs_chart_year *y = &d->period_year[k];
        if (y->status != FS_CHART_YEAR_SOLVED) continue;
        int64_t fourth = d->period_city ? y->city_balance : y->own_revenue;
        fprintf(out, "%d %.10g %.10g %lld %.10g ", y->year, 100 * y->min_coverage, (double)y->transfer / div,
                (long long)y->units_under_need, (double)fourth / div);
        char text[64];
        chart_fixed_text(text, sizeof text, llround(y->min_coverage * 1000), 1, 1, false, w->numbers);
        strcat(text, "%");
        chart_label(out, text);
        fputc(' ', out);
        chart_fixed_text(text, sizeof text, y->transfer, scale, decimals, false, w->numbers);
        chart_label(out, text);
        fprintf(out, " \"%lld\" ", (long long)y->units_under_need);
        chart_fixed_text(text, sizeof text, fourth, scale, decimals, false, w->numbers);
        chart_label(out, text);
        fputc('\n', out);
    }
    fputs("EOD\n", out);

    char title[256];
    int period_last = d->period_first_year + (int)d->period_year_count - 1;
    snprintf(title, sizeof title, d->period_stability ? w->title_stability : w->title_plain, d->period_first_year,
             period_last);
    chart_page_setup(out, d, lang, title);
    char page_title[512];
    snprintf(page_title, sizeof page_title, "%s: %s", d->scenario, title);
    fputs("set multiplot layout 2,2 rowsfirst title ", out);
    chart_quoted(out, page_title);
    fputs(" font ',16'\nset key off\nset bmargin 4\n", out);
    size_t step = (shown + MAX_XTICS - 1) / MAX_XTICS;
    fprintf(out, "set xrange [%g:%g]\nset xtics %d, %zu, %d format '%%.0f'\nset mxtics %zu\n", first - 0.5, last + 0.5,
            first, step, last, step);
    /* The infeasible year: a band with dashed edges and its label, in every panel. */
    size_t marked = 0;
    for (size_t k = 0; k < d->period_year_count; k++) {
        const fs_chart_year *y = &d->period_year[k];
        if (y->status != FS_CHART_YEAR_INFEASIBLE) continue;
        marked++;
        fprintf(out, "set object %zu rect from %g, graph 0 to %g, graph 1 behind fc 'gray90' fs solid 1.0 noborder\n",
                marked, y->year - 0.4, y->year + 0.4);
        for (int side = 0; side < 2; side++)
            fprintf(out, "set arrow %zu from %g, graph 0 to %g, graph 1 nohead dt 2 lw 1.5 lc 'black' back\n",
                    2 * marked - 1 + (size_t)side, y->year + (side ? 0.4 : -0.4), y->year + (side ? 0.4 : -0.4));
        /* Across the band while it is wide enough (up to 3 years drawn), else along it. */
        fprintf(out, "set label %zu ", marked);
        chart_quoted(out, d->period_stability ? w->violation : w->infeasible);
        fprintf(out, " at %d, graph 0.5 center %sfront font ',12'\n", y->year, shown <= 3 ? "" : "rotate by 90 ");
    }
    /* Lowest coverage, in % of need, with need (100%) dashed when it is in range. */
    panel_title(out, w->coverage, w->coverage_y);
    y_axis(out, cov_lo, cov_hi, false, "%", w);
    panel_plot(out, 2, labelled, "100");
    fputs("unset label 100\n", out); /* the footer, once */
    /* Balancing transfers. */
    panel_title(out, w->transfer, billions ? w->billion : d->money_unit);
    y_axis(out, tr_lo, tr_hi, false, "", w);
    panel_plot(out, 3, labelled, NULL);
    /* Units under need: whole numbers on the axis. */
    panel_title(out, w->units, w->units_y);
    y_axis(out, 0, un_hi, true, "", w);
    panel_plot(out, 4, labelled, NULL);
    /* The city's balance, or the communes' own revenue; a zero line when it goes negative. */
    panel_title(out, d->period_city ? w->city : w->own, billions ? w->billion : d->money_unit);
    y_axis(out, m4_lo, m4_hi, false, "", w);
    if (m4_lo < 0) fputs("set xzeroaxis lt -1 lw 1\n", out);
    panel_plot(out, 5, labelled, NULL);
    fputs("unset multiplot\n", out);
}
