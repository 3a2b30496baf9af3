/*
 * chart_sweep_fan.c: the data of the disbursement fan of a sweep with dates
 * (sw_fan_data in chart_sweep.h), which plots/sweep_fan.gp draws: at each month end
 * over the solved variants the 5th, 25th, 50th, 75th and 95th percentiles and the mean
 * of the forecast share of the plan disbursed (sweep_disbursement.csv); the sweep's
 * dates with the variants' median forecast at each (sweep.csv's disbursed_<date>);
 * the deadline's median and middle 90%, and the widest 5th–95th band.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "chart_sweep.h"
#include "money_text.h"

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
    double m = sw_median(v, n);
    free(v);
    return m;
}

static void day_setting(FILE *out, const char *name, int32_t day, fs_lang lang)
{
    char text[FS_DATE_TEXT_MAX];
    fs_format_date(day, lang, text);
    fprintf(out, "%s = ", name);
    chart_quoted(out, text);
    fputc('\n', out);
}

void sw_fan_data(FILE *out, const sw_data *d, fs_lang lang)
{
    size_t drawn = 0;
    fputs("$fan << EOD\n# month_end p05 p25 p50 p75 p95 mean (% of plan)\n", out);
    for (size_t r = 0; r < d->fan_count; r++) {
        chart_date(out, d->fan[r].month_end);
        for (int k = 0; k < SW_FAN_STATS; k++) {
            double v = d->fan[r].stat[k];
            if (isnan(v)) fputs(" NaN", out);
            else fprintf(out, " %.10g", 100 * v);
        }
        fputc('\n', out);
        drawn += !isnan(d->fan[r].stat[SW_P50]);
    }
    fputs("EOD\n", out);
    int y, m, day;
    fs_civil_from_days(d->fan[0].month_end, &y, &m, &day);
    int32_t first = fs_days_from_civil(y, 1, 1), last = d->fan[d->fan_count - 1].month_end;
    for (size_t k = 0; k < d->date_count; k++) last = d->date[k] > last ? d->date[k] : last;
    /* A little room right of the deadline's point. */
    int32_t right = last + 8;
    fprintf(out, "fan_drawn = %zu\nfan_first = '", drawn);
    chart_date(out, first);
    fputs("'\nfan_right = '", out);
    chart_date(out, right);
    fputs("'\n", out);
    chart_month_tics_setting(out, first, last, lang);
    /* The sweep's dates: where (YYYY-MM-DD), in words, the median, and where the text
     * is aligned (-1 left, 0 centre, 1 right) so that it stays on the page. */
    size_t size = d->date_count ? d->date_count : 1;
    fprintf(out, "fan_dates = %zu\narray fan_date[%zu]; array fan_date_text[%zu]; array fan_date_median[%zu]; "
                 "array fan_date_align[%zu]\n",
            d->date_count, size, size, size, size);
    for (size_t k = 0; k < d->date_count; k++) {
        char iso[11], text[FS_DATE_TEXT_MAX];
        fs_date_format(d->date[k], iso);
        fs_format_date(d->date[k], lang, text);
        double at = (double)(d->date[k] - first) / (double)(right - first), median = median_at(d, k);
        fprintf(out, "fan_date[%zu] = '%s'; fan_date_text[%zu] = ", k + 1, iso, k + 1);
        chart_quoted(out, text);
        fprintf(out, "; fan_date_median[%zu] = %.10g; fan_date_align[%zu] = %d\n", k + 1,
                isnan(median) ? -1.0 : 100 * median, k + 1, at < 0.08 ? -1 : at > 0.92 ? 1 : 0);
    }
    /* The deadline's median and middle 90%, and the widest band. */
    const sw_fan_row *deadline = &d->fan[d->fan_count - 1], *widest = NULL;
    for (size_t r = 0; r < d->fan_count; r++) {
        const double *s = d->fan[r].stat;
        if (!isnan(s[SW_P05]) && !isnan(s[SW_P95]) &&
            (!widest || s[SW_P95] - s[SW_P05] > widest->stat[SW_P95] - widest->stat[SW_P05]))
            widest = &d->fan[r];
    }
    fprintf(out, "fan_has_widest = %d\n", widest != NULL);
    if (!widest) return;
    day_setting(out, "fan_deadline", deadline->month_end, lang);
    /* The deadline's row may have no solved variant (NaN): the scripts test for it. */
    chart_number_setting(out, "fan_deadline_median", 100 * deadline->stat[SW_P50]);
    chart_number_setting(out, "fan_deadline_p05", 100 * deadline->stat[SW_P05]);
    chart_number_setting(out, "fan_deadline_p95", 100 * deadline->stat[SW_P95]);
    day_setting(out, "fan_widest_at", widest->month_end, lang);
    fprintf(out, "fan_widest = %.10g\n", 100 * (widest->stat[SW_P95] - widest->stat[SW_P05]));
}
