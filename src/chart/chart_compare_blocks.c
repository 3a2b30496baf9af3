/*
 * chart_compare_blocks.c: the data the compare charts of plots/ draw (chart_compare.h),
 * written into the driver compare-charts.gp as datablocks, arrays and numbers: the
 * groups in display order with their positions on the axis, the units sorted by
 * change with the largest gains and losses, each unit's coverage before and after by
 * outcome, the disbursement forecasts before and after, and the cover's figures.
 *
 * Amounts of the datablocks are in the unit shown (tỷ đồng when the tables are in
 * million VND: compare_in_billions); the cover's totals stay in the tables' unit, whole
 * numbers, and plots/compare_cover.gp writes them. Names are datablock labels or quoted
 * strings (chart_common.c): a gnuplot string is code.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "chart_compare.h"
#include "chart_cover.h"
#include "money_text.h"

enum { EXTREMES = 3 }; /* largest gains and losses named under the units' chart */

/* ---- groups ---- */

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

/* A group's label as two datablock columns: a label longer than 13 characters is
 * split at the space nearest its middle ("former" / "Hai Duong"), else the second is
 * empty. */
static void two_lines(FILE *out, const char *label)
{
    size_t bytes = strlen(label), length = chart_text_length(label, bytes), best = 0, best_distance = SIZE_MAX;
    if (length > 13)
        for (size_t k = 1; k < bytes; k++) {
            if (label[k] != ' ') continue;
            size_t at = chart_text_length(label, k), distance = at * 2 > length ? at * 2 - length : length - at * 2;
            if (distance < best_distance) best = k, best_distance = distance;
        }
    char first[CMP_NAME_MAX];
    snprintf(first, sizeof first, "%.*s", (int)(best ? best : bytes), label);
    chart_label(out, first);
    fputc(' ', out);
    chart_label(out, best ? label + best + 1 : "");
}

/* $groups: x, the label's two lines, winners, losers, change (unit shown); a gap of one
 * place between dimensions. groups_x_max; dim_seen[3], dim_first[3], dim_last[3] (kind,
 * class, former province); groups_top and groups_bottom (most winners, most losers),
 * groups_high and groups_low (largest and smallest change, 0 included). */
static void groups_data(FILE *out, const cmp_data *d)
{
    size_t n = d->group_count;
    size_t *order = malloc((n + 1) * sizeof *order);
    if (!order) return;
    for (size_t k = 0; k < n; k++) order[k] = k;
    /* Stable insertion sort by rank: the table is already in dimension order. */
    for (size_t k = 1; k < n; k++)
        for (size_t j = k; j > 0 && group_rank(&d->group[order[j]]) < group_rank(&d->group[order[j - 1]]); j--) {
            size_t t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    double div = chart_divisor(d->money_unit), pos = 0, top = 0, bottom = 0, high = 0, low = 0;
    double first[3] = {0}, last[3] = {0};
    bool seen[3] = {false};
    int dim = -1;
    fputs("$groups << EOD\n# x label (two lines) winners losers change\n", out);
    for (size_t k = 0; k < n; k++) {
        const cmp_group *g = &d->group[order[k]];
        int di = dimension_index(g->dimension);
        pos += di != dim && dim >= 0 ? 2 : 1;
        dim = di;
        if (!seen[di]) first[di] = pos, seen[di] = true;
        last[di] = pos;
        double change = (double)g->change / div;
        fprintf(out, "%g ", pos);
        two_lines(out, g->label);
        fprintf(out, " %lld %lld %.10g\n", (long long)g->winners, (long long)g->losers, change);
        top = fmax(top, (double)g->winners), bottom = fmax(bottom, (double)g->losers);
        high = fmax(high, change), low = fmin(low, change);
    }
    fputs("EOD\n", out);
    fprintf(out, "groups_x_max = %g\narray dim_seen[3]\narray dim_first[3]\narray dim_last[3]\n", pos);
    for (int k = 0; k < 3; k++)
        fprintf(out, "dim_seen[%d] = %d; dim_first[%d] = %g; dim_last[%d] = %g\n", k + 1, seen[k], k + 1, first[k],
                k + 1, last[k]);
    fprintf(out, "groups_top = %g\ngroups_bottom = %g\ngroups_high = %.10g\ngroups_low = %.10g\n", top, bottom, high,
            low);
    free(order);
}

/* ---- units ---- */

/* $units: rank, change (unit shown), name, by change; unit_count; changes_high and
 * changes_low (0 included); the largest losses (down_*) and gains (up_*): down_count,
 * down_name[k], down_at[k] (its rank), down_change[k] (unit shown). */
static void units_data(FILE *out, const cmp_data *d)
{
    size_t n = d->unit_count;
    chart_rank *r = malloc((n + 1) * sizeof *r);
    if (!r) return;
    /* By change, ties by unit: a change is exact as a double (amounts stay below 2^53,
     * check_totals in scenario.c). */
    for (size_t u = 0; u < n; u++) r[u] = (chart_rank){(double)d->unit[u].change, u};
    qsort(r, n, sizeof *r, chart_by_rank);
    double div = chart_divisor(d->money_unit), high = 0, low = 0;
    fputs("$units << EOD\n# rank change name\n", out);
    for (size_t k = 0; k < n; k++) {
        double v = (double)d->unit[r[k].index].change / div;
        high = fmax(high, v), low = fmin(low, v);
        fprintf(out, "%zu %.10g ", k + 1, v);
        chart_label(out, d->unit[r[k].index].name);
        fputc('\n', out);
    }
    fputs("EOD\n", out);
    fprintf(out, "unit_count = %zu\nchanges_high = %.10g\nchanges_low = %.10g\n", n, high, low);
    for (int side = 0; side < 2; side++) {
        const char *name = side ? "up" : "down";
        size_t shown = 0;
        fprintf(out, "array %s_name[%d]\narray %s_at[%d]\narray %s_change[%d]\n", name, EXTREMES, name, EXTREMES,
                name, EXTREMES);
        for (size_t k = 0; k < EXTREMES && k < n; k++) {
            size_t at = side ? n - 1 - k : k;
            const cmp_unit *e = &d->unit[r[at].index];
            if (side ? e->change <= 0 : e->change >= 0) break;
            fprintf(out, "%s_name[%zu] = ", name, k + 1);
            chart_quoted(out, e->name);
            fprintf(out, "; %s_at[%zu] = %zu; %s_change[%zu] = %.10g\n", name, k + 1, at + 1, name, k + 1,
                    (double)e->change / div);
            shown++;
        }
        fprintf(out, "%s_count = %zu\n", name, shown);
    }
    free(r);
}

/* ---- coverage before and after ---- */

/* $up, $down, $same: coverage before and after of the winners, losers and unchanged;
 * up_units, down_units, same_units; scatter_low and scatter_high (the axes' ends,
 * padded, never below 0). */
static void scatter_data(FILE *out, const cmp_data *d)
{
    static const char *const blocks[3] = {"up", "down", "same"};
    static const int outcome[3] = {1, -1, 0};
    size_t count[3] = {0};
    double lo = INFINITY, hi = -INFINITY;
    for (int s = 0; s < 3; s++) {
        fprintf(out, "$%s << EOD\n# coverage_before coverage_after\n", blocks[s]);
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
    fprintf(out, "up_units = %zu\ndown_units = %zu\nsame_units = %zu\nscatter_low = %.10g\nscatter_high = %.10g\n",
            count[0], count[1], count[2], fmax(0, lo - pad), hi + pad);
}

/* ---- disbursement before and after ---- */

/* $disb_before, $disb_after: date, % of the plan; $disb_dates: the comparison dates,
 * date, before and after (%); disb_dates; disb_first, disb_last and disb_right (the
 * axis, with room right of the last day for the last date's shares); month_tics. */
static void disbursement_data(FILE *out, const cmp_data *d, fs_lang lang)
{
    int32_t first = d->day_count ? d->day[0].date : 0, last = first;
    for (int s = 0; s < 2; s++) {
        fprintf(out, "$disb_%s << EOD\n# date share (%% of plan)\n", s ? "after" : "before");
        for (size_t k = 0; k < d->day_count; k++) {
            double v = s ? d->day[k].after : d->day[k].before;
            if (isnan(v)) continue;
            chart_date(out, d->day[k].date);
            fprintf(out, " %.10g\n", 100 * v);
            if (d->day[k].date > last) last = d->day[k].date;
        }
        fputs("EOD\n", out);
    }
    fputs("$disb_dates << EOD\n# date before after (% of plan)\n", out);
    for (size_t k = 0; k < d->date_count; k++) {
        chart_date(out, d->date[k].date);
        fprintf(out, " %.10g %.10g\n", 100 * d->date[k].before, 100 * d->date[k].after);
    }
    fprintf(out, "EOD\ndisb_dates = %zu\ndisb_first = '", d->date_count);
    chart_date(out, first);
    fputs("'\ndisb_last = '", out);
    chart_date(out, last);
    fputs("'\ndisb_right = '", out);
    chart_date(out, last + (last - first) / 12 + 1);
    fputs("'\n", out);
    chart_month_tics_setting(out, first, last, lang);
}

/* ---- the cover ---- */

/* cover_units, cover_winners, cover_losers; has_total[4], total_before[4] and
 * total_after[4] (allocation, transfer, own revenue, city balance; the tables' unit);
 * lowest_before, lowest_after; with disbursement, cover_has_disb, cover_disb_date (the
 * last comparison date in the language), cover_disb_before and cover_disb_after
 * (shares); pack_date. */
static void cover_data(FILE *out, const cmp_data *d, fs_lang lang)
{
    fprintf(out, "cover_units = %lld\ncover_winners = %lld\ncover_losers = %lld\n", (long long)d->units,
            (long long)d->winners, (long long)d->losers);
    fputs("array has_total[4]\narray total_before[4]\narray total_after[4]\n", out);
    for (int k = 0; k < 4; k++)
        fprintf(out, "has_total[%d] = %d; total_before[%d] = %lld; total_after[%d] = %lld\n", k + 1, d->has_total[k],
                k + 1, (long long)d->totals[k][0], k + 1, (long long)d->totals[k][1]);
    fprintf(out, "lowest_before = %.10g\nlowest_after = %.10g\n", d->min_coverage[0], d->min_coverage[1]);
    bool disb = d->has_disbursement && d->date_count;
    fprintf(out, "cover_has_disb = %d\n", disb);
    if (disb) {
        const cmp_point *p = &d->date[d->date_count - 1];
        char date[FS_DATE_TEXT_MAX];
        fs_format_date(p->date, lang, date);
        fputs("cover_disb_date = ", out);
        chart_quoted(out, date);
        fprintf(out, "\ncover_disb_before = %.10g\ncover_disb_after = %.10g\n", p->before, p->after);
    }
    chart_pack_date_setting(out, lang);
}

void cmp_chart_data(FILE *out, const cmp_data *d, fs_lang lang, bool cover)
{
    fputs("base = ", out);
    chart_quoted(out, d->base);
    fputs("\nreform = ", out);
    chart_quoted(out, d->reform);
    fputc('\n', out);
    chart_money_settings(out, d->money_unit, d->upper_is_province);
    groups_data(out, d);
    units_data(out, d);
    scatter_data(out, d);
    if (d->has_disbursement) disbursement_data(out, d, lang);
    if (cover) cover_data(out, d, lang);
}
