/*
 * chart_compare_bars.c: the two bar charts of `fiscalsim compare` (chart_compare.h).
 *
 * compare_groups: two panels over the groups (kind, class, former province): above,
 * the number of winners (bars up) and losers (bars down) of each group, with the
 * counts written on the bars; below, the change in the group's total allocation.
 * compare_units: the change of each unit's allocation, sorted, gains in dark gray and
 * losses hatched; the units are named when they are few, else the three largest gains
 * and losses are.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chart_compare.h"

enum { NAMED_UNITS = 40, VALUED_UNITS = 12, EXTREMES = 3 };

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

/* A group's label as two datablock columns: a label longer than 13 characters is
 * split at the space nearest its middle ("former" / "Hai Duong"), else the second is
 * empty. The script joins them with a line break. */
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

/* The tick label of a group: its two datablock columns, joined by a line break. */
#define GROUP_TIC "xtic(strcol(2) . (strlen(strcol(3)) ? \"\\n\" . strcol(3) : \"\"))"

void cmp_chart_groups(FILE *out, const cmp_data *d, const cmp_words *w)
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
    double div = cmp_divisor(d), pos = 0, top = 0, bottom = 0, high = 0, low = 0;
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
    cmp_page_setup(out, d, w, w->groups_title);
    /* Both panels share the x axis and the left and right edges. */
    fprintf(out, "set multiplot\nset lmargin at screen 0.09\nset rmargin at screen 0.97\nset xrange [0.3:%g]\n"
                 "set boxwidth 0.7\nset xzeroaxis lt -1 lw 1.5\nset grid noxtics\nset xtics scale 0 font ',12'\n",
            pos + 0.7);
    for (int k = 0; k < 3; k++)
        if (seen[k] && k > 0) fprintf(out, "set arrow %d from %g, graph 0 to %g, graph 1 nohead dt 2 lc 'gray50'\n",
                                      k + 1, first[k] - 1, first[k] - 1);
    /* Winners up, losers down, the counts written at the bars' ends; the axis shows
     * counts, without a minus sign below the axis. */
    double step = fmax(1, round(chart_nice_step(top + bottom, 8)));
    double ymax = top * 1.4, ymin = -bottom * 1.5;
    fprintf(out, "set tmargin at screen 0.83\nset bmargin at screen 0.56\nset yrange [%g:%g]\nset ytics (", ymin, ymax);
    bool comma = false;
    for (double t = -floor(bottom / step) * step; t <= top + step / 2; t += step) {
        char count[32];
        chart_fixed_text(count, sizeof count, llround(fabs(t)), 0, 0, false, chart_numbers_of(w->lang));
        fprintf(out, "%s'%s' %g", comma ? ", " : "", count, t);
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
    fputs("set tmargin at screen 0.45\nset bmargin at screen 0.17\n", out);
    double ylo = low < 0 ? low - 0.2 * span : 0, yhi = high > 0 ? high + 0.2 * span : 0.1 * span;
    chart_number_axis(out, "y", ylo, yhi, chart_nice_step(yhi - ylo, 6), "", chart_numbers_of(w->lang));
    fputs("set ylabel ", out);
    chart_quoted(out, cmp_display_unit(d, w));
    fputs("\nset label 103 ", out);
    chart_quoted(out, w->change_panel);
    fputs(" at graph 0, graph 1 left offset 0, 1.2 font ',13'\n", out);
    tag = 1;
    for (size_t k = 0; k < n; k++) {
        const cmp_group *g = &d->group[order[k]];
        if (!g->change) continue;
        char text[64];
        cmp_money_text(text, sizeof text, d, g->change, true, w);
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

void cmp_chart_units(FILE *out, const cmp_data *d, const cmp_words *w)
{
    size_t n = d->unit_count;
    chart_rank *r = malloc((n + 1) * sizeof *r);
    if (!r) return;
    /* By change, ties by unit: a change is exact as a double (amounts stay below 2^53,
     * check_totals in scenario.c). */
    for (size_t u = 0; u < n; u++) r[u] = (chart_rank){(double)d->unit[u].change, u};
    qsort(r, n, sizeof *r, chart_by_rank);
    double div = cmp_divisor(d), high = 0, low = 0;
    bool named = n <= NAMED_UNITS;
    fputs("$units << EOD\n# rank change name\n", out);
    for (size_t k = 0; k < n; k++) {
        double v = (double)d->unit[r[k].index].change / div;
        high = fmax(high, v), low = fmin(low, v);
        fprintf(out, "%zu %.10g ", k + 1, v);
        chart_label(out, d->unit[r[k].index].name);
        fputc('\n', out);
    }
    fputs("EOD\n", out);
    cmp_page_setup(out, d, w, w->units_title);
    double span = high - low;
    /* Room for the names written along the largest bars. */
    double room = named ? 0.15 : 0.4;
    if (!(span > 0)) span = 1;
    fprintf(out, "set xrange [0:%zu]\nset boxwidth 0.8 absolute\nset xzeroaxis lt -1 lw 1.5\n"
                 "set key top center horizontal\n",
            n + 1);
    double ylo = fmin(0, low) - room * span, yhi = fmax(0, high) + room * span;
    chart_number_axis(out, "y", ylo, yhi, chart_nice_step(yhi - ylo, 8), "", chart_numbers_of(w->lang));
    char xlabel[160];
    snprintf(xlabel, sizeof xlabel, "%s (%zu)", w->units_x, n);
    fputs("set xlabel ", out);
    chart_quoted(out, xlabel);
    fputs("\nset ylabel ", out);
    chart_quoted(out, cmp_display_unit(d, w));
    fputc('\n', out);
    if (named) {
        fputs("set xtics rotate by -40 left scale 0 font ',11'\nset bmargin 10\n", out);
        /* Few bars: each one's change written at its end. */
        for (size_t k = 0; k < n && n <= VALUED_UNITS; k++) {
            int64_t change = d->unit[r[k].index].change;
            if (!change) continue;
            char text[64];
            cmp_money_text(text, sizeof text, d, change, true, w);
            fprintf(out, "set label %zu ", k + 1);
            chart_quoted(out, text);
            fprintf(out, " at %zu, %.10g center offset 0, %s font ',11'\n", k + 1, (double)change / div,
                    change > 0 ? "0.7" : "-0.7");
        }
    } else {
        /* The three largest losses are numbered at their bars and listed below the plot
         * on the left, the three largest gains on the right: never over the bars. */
        fputs("unset xtics\nset bmargin at screen 0.28\n", out);
        for (int side = 0; side < 2; side++) {
            size_t shown = 0;
            for (size_t k = 0; k < EXTREMES && k < n; k++) {
                const cmp_unit *e = &d->unit[r[side ? n - 1 - k : k].index];
                if (side ? e->change <= 0 : e->change >= 0) break;
                size_t at = side ? n - k : k + 1;
                int tag = 10 + side * 10 + (int)k;
                fprintf(out, "set label %d '%zu' at %zu, %.10g center offset 0, %s font ',10'\n", tag, k + 1, at,
                        (double)e->change / div, side ? "0.7" : "-0.7");
                char value[64];
                cmp_money_text(value, sizeof value, d, e->change, true, w);
                fprintf(out, "set label %d ", tag + 5);
                chart_quoted_printf(out, "%zu. %s: %s", k + 1, e->name, value);
                fprintf(out, " at screen %s, screen %.3f %s font ',12'\n", side ? "0.97" : "0.09", 0.155 - 0.035 * (double)k,
                        side ? "right" : "left");
                shown++;
            }
            if (shown) {
                fprintf(out, "set label %d ", 9 + side * 10);
                chart_quoted_printf(out, "%s (%s)", side ? w->most_up : w->most_down, cmp_display_unit(d, w));
                fprintf(out, " at screen %s, screen 0.195 %s font ',12'\n", side ? "0.97" : "0.09", side ? "right" : "left");
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
