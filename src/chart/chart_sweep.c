/*
 * chart_sweep.c: the charts of `fiscalsim sweep` and `fiscalsim merge` (fs_sweep_draw
 * in chart.h), drawn by gnuplot from the tables the sweep just wrote, read back
 * (chart_sweep_data.c), so that the script sweep-charts.gp redraws them by itself.
 *
 * sweep_tornado: one panel per result (lowest coverage, units under need, Gini,
 * transfers, city balance), a horizontal bar per parameter, the largest effect on top.
 * With a one-at-a-time design the classic tornado: the result with the parameter at its
 * low end (hatched, lower half of the row) and at its high end (solid, upper half)
 * against the baseline (variant 1, a dashed line), each end's result written beside its
 * bar; an end that is infeasible is a cross on the baseline. With any other design the
 * standardised regression coefficients of sensitivity.csv and, with a Sobol design, the
 * total index with its interval as a second, hatched bar, each with its value. At most
 * MAX_BARS parameters per panel. The sixth cell of the page holds the key and what the
 * bars mean.
 *
 * sweep_scatter: the lowest coverage of each solved variant against the (up to) three
 * parameters with the largest |SRC|, one panel each, sharing the y axis; infeasible
 * variants are crosses in a strip below the axis (labelled on it), so that where they
 * happen shows, with their count at each value of a parameter with few values; the
 * counts are in the key. Past SCATTER_POINTS variants, every k-th is drawn.
 *
 * sweep_fan (chart_sweep_fan.c), for a sweep with dates only: the fan of the forecast
 * share of the plan disbursed at each month end over the solved variants.
 *
 * As in the other charts: every user text (parameter keys, the scenario's name) goes
 * through the quoting helpers (chart_common.c) and is printed `noenhanced`; DejaVu
 * Sans; solid gray, hatching, dashes and point shapes instead of colours. The PDF pack
 * sweep-pack.pdf has the two charts (three with the fan), each page with its title,
 * the scenario, the design and the number of variants (sw_page_setup).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart_sweep.h"

enum {
    MAX_BARS = 8,            /* parameters per tornado panel; the notes say when there are more */
    KEY_CHARS = 30,          /* a longer key is cut on the tornado's axis */
    SCATTER_PANELS = 3,
    SCATTER_POINTS = 10000   /* more variants: every k-th is drawn */
};

/* ---- text helpers ---- */

/* A key as a tick label: at most KEY_CHARS characters, a longer one cut with "…". */
static void short_key(char *buf, size_t size, const char *key)
{
    size_t bytes = strlen(key);
    if (chart_text_length(key, bytes) <= KEY_CHARS) {
        snprintf(buf, size, "%s", key);
        return;
    }
    size_t k = 0, chars = 0;
    while (k < bytes && chars < KEY_CHARS - 1) {
        k++;
        while (k < bytes && ((unsigned char)key[k] & 0xC0) == 0x80) k++;
        chars++;
    }
    snprintf(buf, size, "%.*s…", (int)k, key);
}

/* A quoted text wrapped at spaces into lines of about `width` characters, joined by
 * line breaks (gnuplot string concatenation). Returns the number of lines. */
static size_t quoted_wrapped(FILE *out, const char *text, size_t width)
{
    const char *line = text;
    bool first = true;
    size_t lines = 0;
    while (*line) {
        size_t bytes = strlen(line), cut = bytes;
        if (chart_text_length(line, bytes) > width) {
            /* The last space that keeps the line within width, else the first space. */
            size_t best = 0;
            for (size_t k = 1; k < bytes; k++) {
                if (line[k] != ' ') continue;
                if (chart_text_length(line, k) <= width || !best) best = k;
                if (chart_text_length(line, k) > width) break;
            }
            if (best) cut = best;
        }
        char part[1024];
        snprintf(part, sizeof part, "%.*s", (int)cut, line);
        if (!first) fputs(" . \"\\n\" . ", out);
        chart_quoted(out, part);
        first = false;
        lines++;
        line += cut;
        while (*line == ' ') line++;
    }
    if (first) chart_quoted(out, "");
    return lines;
}

/* A parameter's value in the words' format, about four significant digits, money
 * parameters in the unit shown. */
/* Parameter j as the tornado's tick label: its display name (sw_param_title: "Tổng
 * mức phân bổ cho cấp xã" for policy.envelope; the key when it has none), cut to
 * KEY_CHARS characters. */
static void param_label(char *buf, size_t size, const sw_data *d, size_t j, const sw_words *w)
{
    char name[SW_NAME_MAX * 2], detail[512];
    sw_param_title(name, sizeof name, detail, sizeof detail, d, d->param[j].key, w);
    short_key(buf, size, name);
}

static void param_text(char *buf, size_t size, const sw_data *d, size_t j, double v, const sw_words *w)
{
    if (sw_money_param(d->param[j].key)) v /= sw_divisor(d);
    int decimals = 0;
    if (v != 0 && fabs(v) < 1000) decimals = (int)fmin(6, fmax(0, 3 - floor(log10(fabs(v)))));
    sw_real_text(buf, size, v, decimals, w);
    if (decimals > 0) {
        char *dec = strrchr(buf, chart_numbers_of(w->lang).decimal), *end = buf + strlen(buf);
        while (dec && end > dec + 1 && end[-1] == '0') *--end = '\0';
        if (dec && end == dec + 1) *dec = '\0';
    }
}

/* The low and high ends of parameter j in a one-at-a-time design (variants 2 + 2j and
 * 3 + 2j, 1-based), "300 → 1.200", money parameters with their unit. */
static void range_text(char *buf, size_t size, const sw_data *d, size_t j, const sw_words *w)
{
    size_t np = d->param_count;
    char a[64], b[64];
    param_text(a, sizeof a, d, j, d->x[(1 + 2 * j) * np + j], w);
    param_text(b, sizeof b, d, j, d->x[(2 + 2 * j) * np + j], w);
    if (sw_money_param(d->param[j].key)) snprintf(buf, size, "%s → %s %s", a, b, sw_display_unit(d, w));
    else snprintf(buf, size, "%s → %s", a, b);
}

/* The width of an average character of a text in DejaVu Sans at `points`, as a share
 * of the page's width (about the same in the pictures and on the PDF's A4 page). */
static double char_width(int points)
{
    return 0.00043 * points;
}

static double result_at(const sw_data *d, size_t row, sw_result k)
{
    return d->y[row * SW_RESULTS + (size_t)k];
}

/* ---- the tornado ---- */

/* A bar of a panel: src mode: a = SRC, b = ST (lo, hi its interval); one at a time:
 * a = the result at the low end, b at the high end (shown units; NAN: not solved). */
typedef struct bar {
    size_t param;
    int unsolved;            /* one at a time: ends not solved */
    double effect;
    double a, b, lo, hi;
} bar;

static int by_effect(const void *pa, const void *pb)
{
    const bar *x = pa, *y = pb;
    if (x->unsolved != y->unsolved) return y->unsolved - x->unsolved;
    if (x->effect != y->effect) return (y->effect > x->effect) - (y->effect < x->effect);
    return (x->param > y->param) - (x->param < y->param);
}

/* Whether sweep.csv is a one-at-a-time design as sweep_design.c lays it out: the
 * baseline, then each parameter at its low and its high end. */
static bool oat_layout(const sw_data *d)
{
    if (d->design != SW_OAT || d->row_count != 1 + 2 * d->param_count) return false;
    for (size_t r = 0; r < d->row_count; r++)
        if (d->variant[r] != (int64_t)r + 1) return false;
    return true;
}

/* Whether result k takes one value over all the solved variants. */
static bool result_constant(const sw_data *d, sw_result k)
{
    double lo = INFINITY, hi = -INFINITY;
    for (size_t r = 0; r < d->row_count; r++) {
        double v = result_at(d, r, k);
        if (isnan(v)) continue;
        lo = fmin(lo, v), hi = fmax(hi, v);
    }
    return lo == hi;
}

/* The screen box of tornado cell `slot` (2 rows of 3): left, right, top, bottom. */
static void cell_box(int slot, double box[4])
{
    int col = slot % 3, row = slot / 3;
    box[0] = 0.012 + 0.33 * col;
    box[1] = box[0] + 0.305;
    box[2] = row ? 0.415 : 0.83;
    box[3] = row ? 0.13 : 0.545;
}

/* The notes under the key, in the sixth cell (the key itself is placed there by the
 * first panel's plot): what the bars are, and how many parameters are left out. */
static void tornado_notes(FILE *out, const sw_data *d, const sw_words *w, bool oat, double box[4])
{
    char text[1024];
    size_t chars = (size_t)((box[1] - box[0] - 0.015) / char_width(11));
    int tag = 110;
    double y = box[2] - (oat ? 0.135 : d->has_sobol ? 0.105 : 0.07);
    const char *notes[4] = {NULL, NULL, NULL, NULL};
    char fit[256], more[256];
    sw_count count, total;
    if (oat) {
        notes[0] = w->oat_note;
    } else {
        snprintf(fit, sizeof fit, w->fit_note, sw_count_text(count, (long long)d->fitted, w));
        notes[0] = fit;
        notes[1] = w->src_note;
        if (d->has_sobol) notes[2] = w->st_note;
    }
    if (d->param_count > MAX_BARS) {
        snprintf(more, sizeof more, w->more_params, sw_count_text(count, MAX_BARS, w),
                 sw_count_text(total, (long long)d->param_count, w));
        notes[3] = more;
    }
    for (int k = 0; k < 4; k++) {
        if (!notes[k]) continue;
        snprintf(text, sizeof text, "%s", notes[k]);
        fprintf(out, "set label %d ", tag++);
        size_t lines = quoted_wrapped(out, text, chars);
        fprintf(out, " at screen %.4f, screen %.4f left font ',11'\n", box[0] + 0.01, y);
        y -= 0.02 * (double)lines + 0.03;
    }
}

/* The bars of result k, largest effect first: one at a time, the results at the two
 * ends (an end not solved first); else the coefficients (with Sobol, by total index). */
static void oat_bars(const sw_data *d, sw_result k, bar *bars)
{
    size_t np = d->param_count;
    double base = sw_shown(d, k, result_at(d, 0, k));
    for (size_t j = 0; j < np; j++) {
        bar *b = &bars[j];
        b->param = j;
        b->a = sw_shown(d, k, result_at(d, 1 + 2 * j, k));
        b->b = sw_shown(d, k, result_at(d, 2 + 2 * j, k));
        b->lo = b->hi = NAN;
        b->unsolved = isnan(b->a) + isnan(b->b);
        b->effect = !isnan(b->a) && !isnan(b->b) ? fabs(b->b - b->a)
                    : !isnan(b->a)                ? fabs(b->a - base)
                    : !isnan(b->b)                ? fabs(b->b - base)
                                                  : 0;
    }
    qsort(bars, np, sizeof *bars, by_effect);
}

static void src_bars(const sw_data *d, sw_result k, bar *bars)
{
    size_t np = d->param_count;
    for (size_t j = 0; j < np; j++) {
        const sw_param *p = &d->param[j];
        bar *b = &bars[j];
        b->param = j;
        b->unsolved = 0;
        b->a = isnan(p->src[k]) ? 0 : p->src[k];
        b->b = p->st[k], b->lo = p->st_lo[k], b->hi = p->st_hi[k];
        b->effect = d->has_sobol && !isnan(b->b) ? b->b : fabs(b->a);
    }
    qsort(bars, np, sizeof *bars, by_effect);
}

/* Writes a number of a datablock, or NaN. */
static void data_number(FILE *out, double v)
{
    if (isnan(v)) fputs(" NaN", out);
    else fprintf(out, " %.10g", v);
}

static void tornado_panel(FILE *out, const sw_data *d, const sw_words *w, sw_result k, int slot, bool oat,
                          double label_width, bool key_here, double key_box[4])
{
    size_t np = d->param_count, shown = np < MAX_BARS ? np : MAX_BARS;
    bar *bars = calloc(np + 1, sizeof *bars);
    if (!bars) return;
    double box[4];
    cell_box(slot, box);
    bool base_solved = !oat || !isnan(result_at(d, 0, k));
    bool none = d->solved == 0, constant = !none && result_constant(d, k);
    if (oat) oat_bars(d, k, bars);
    else src_bars(d, k, bars);
    double base = oat && base_solved ? sw_shown(d, k, result_at(d, 0, k)) : 0;
    /* The rows: the largest effect on top, at least three rows' height. */
    double slots = fmax((double)shown, 3), pad = (slots - (double)shown) / 2;
    fprintf(out, "$tornado_%s << EOD\n# row %s\n", sw_result_names[k],
            oat ? "low_end high_end low_text high_text low_unsolved high_unsolved"
                : "src st st_lo st_hi src_text st_text st_text_at");
    double lo = oat ? base : 0, hi = lo;
    size_t text_chars = 0;       /* the longest value written at a bar's end */
    int unsolved_ends = 0;
    /* Rows whose value is written right (above) or left (below) of the bar's start, of
     * each series: gnuplot 5.4 crashes on a `with labels` plot of one undefined row. */
    size_t above[2] = {0, 0}, below[2] = {0, 0};
    for (size_t r = 0; r < shown; r++) {
        const bar *b = &bars[r];
        char ta[64], tb[64];
        fprintf(out, "%zu", shown - r);
        data_number(out, b->a);
        data_number(out, b->b);
        if (oat) {
            /* The results at the two ends, written at the bars' ends. */
            sw_result_text(ta, sizeof ta, d, k, result_at(d, 1 + 2 * b->param, k), w);
            sw_result_text(tb, sizeof tb, d, k, result_at(d, 2 + 2 * b->param, k), w);
        } else {
            data_number(out, b->lo), data_number(out, b->hi);
            sw_real_text(ta, sizeof ta, b->a, 2, w);
            sw_real_text(tb, sizeof tb, isnan(b->b) ? 0 : b->b, 2, w);
        }
        fputc(' ', out);
        chart_label(out, ta);
        fputc(' ', out);
        chart_label(out, tb);
        double from = oat ? base : 0;
        above[0] += b->a > from, below[0] += b->a < from;
        above[1] += b->b > from, below[1] += oat && b->b < from;
        if (oat) fprintf(out, " %d %d", isnan(b->a), isnan(b->b)), unsolved_ends += b->unsolved;
        else data_number(out, isnan(b->hi) ? b->b : fmax(b->b, b->hi));
        fputc('\n', out);
        size_t la = chart_text_length(ta, strlen(ta)), lb = chart_text_length(tb, strlen(tb));
        text_chars = la > text_chars ? la : text_chars;
        text_chars = lb > text_chars && (oat || d->has_sobol) ? lb : text_chars;
        const double v[4] = {b->a, b->b, b->lo, b->hi};
        for (int c = 0; c < 4; c++)
            if (!isnan(v[c])) lo = fmin(lo, v[c]), hi = fmax(hi, v[c]);
    }
    fputs("EOD\n", out);
    /* The frame of the cell. */
    fprintf(out, "set lmargin at screen %.4f\nset rmargin at screen %.4f\nset tmargin at screen %.4f\n"
                 "set bmargin at screen %.4f\n",
            box[0] + label_width, box[1], box[2], box[3]);
    char title[256];
    const char *unit = k == SW_MIN_COVERAGE ? "%" : k == SW_UNDER_NEED ? w->units_word
                       : sw_money_result(k)  ? sw_display_unit(d, w)
                                             : NULL;
    if (oat && unit) snprintf(title, sizeof title, "%s (%s)", w->results[k], unit);
    else snprintf(title, sizeof title, "%s", w->results[k]);
    fputs("set label 103 ", out);
    chart_quoted(out, title);
    fprintf(out, " at screen %.4f, screen %.4f left font ',13'\n", box[0], box[2] + 0.028);
    fputs("unset grid\nset grid xtics lc 'gray70' dt 3\nset ytics nomirror scale 0 font ',11'\n"
          "set xtics nomirror font ',11'\n", out);
    fprintf(out, "set yrange [%.4f:%.4f]\n", 0.45 - pad, (double)shown + 0.55 + pad + (oat ? 0.5 : 0));
    if (!oat) {
        char r2[64], label[128];
        sw_real_text(r2, sizeof r2, d->r2[k], 3, w);
        snprintf(label, sizeof label, w->r2, r2);
        snprintf(title, sizeof title, "%s · %s", d->has_sobol ? w->sobol_axis : w->src_axis, label);
        fputs("set xlabel ", out);
        chart_quoted(out, title);
        fputs(" font ',11' offset 0, 0.3\n", out);
    } else {
        fputs("unset xlabel\n", out);
    }
    if (key_here) {
        fprintf(out, "set key at screen %.4f, screen %.4f top left Left reverse samplen 2.5 spacing 1.3 "
                     "width 2 font ',12'\n",
                key_box[0] + 0.005, key_box[2] + 0.02);
    } else {
        fputs("unset key\n", out);
    }
    const char *empty = none ? w->none_solved : !base_solved ? w->base_infeasible : constant ? w->no_change : NULL;
    if (empty) {
        /* Nothing to compare: the note instead of the bars, no parameter names. */
        fputs("unset ytics\nset xrange [-1:1]\nunset xtics\nunset xlabel\nset label 104 ", out);
        chart_quoted(out, empty);
        char value[96];
        if (constant && !none && base_solved) {
            double v = NAN;
            for (size_t r = 0; r < d->row_count && isnan(v); r++) v = result_at(d, r, k);
            sw_result_text(value, sizeof value, d, k, v, w);
            const char *suffix = k == SW_UNDER_NEED ? w->units_word : sw_money_result(k) ? sw_display_unit(d, w) : "";
            if (suffix[0]) snprintf(value + strlen(value), sizeof value - strlen(value), " %s", suffix);
            fputs(" . \"\\n\" . ", out);
            chart_quoted(out, value);
        }
        /* Centred in the cell, not in the plot box, whose left margin is kept for the
         * parameters' names: a long note would run into the next panel. */
        fprintf(out, " at screen %.4f, screen %.4f center font ',12'\n", (box[0] + box[1]) / 2, (box[2] + box[3]) / 2);
    } else {
        /* The parameters' names (one at a time: with their low and high values). */
        fputs("set ytics (", out);
        for (size_t r = 0; r < shown; r++) {
            const bar *b = &bars[r];
            char key[SW_NAME_MAX * 2];
            param_label(key, sizeof key, d, b->param, w);
            if (r) fputs(", ", out);
            chart_quoted(out, key);
            if (oat) {
                char range[192];
                range_text(range, sizeof range, d, b->param, w);
                fputs(" . \"\\n\" . ", out);
                chart_quoted(out, range);
            }
            fprintf(out, " %zu", shown - r);
        }
        fputs(")\n", out);
        double span = hi - lo;
        if (!(span > 0)) span = oat ? fmax(fabs(base) * 0.1, 1) : 1, lo -= span / 2, hi += span / 2;
        /* Room on both sides for the values written at the bars' ends: `room` of the
         * plot's width each. */
        double plot_width = box[1] - box[0] - label_width;
        double room = fmin(0.3, ((double)text_chars + 1.5) * char_width(10) / plot_width);
        if (oat) {
            double margin = room * span / (1 - 2 * room);
            lo -= margin, hi += margin;
        } else {
            /* The same scale in every panel, -1 to 1 at least, so that they compare. */
            double m = fmax(1, fmax(fabs(lo), fabs(hi))) / (1 - 2 * room);
            lo = -m, hi = m;
        }
        /* About five ticks: the panels are narrow. */
        chart_number_axis(out, "x", lo, hi, oat ? chart_nice_step(hi - lo, 5) : 0.5,
                          oat && k == SW_MIN_COVERAGE ? "%" : "", chart_numbers_of(w->lang));
        double x0 = oat ? base : 0;
        fprintf(out, "set arrow 1 from %.10g, graph 0 to %.10g, graph 1 nohead %s lc 'black' front\n", x0, x0,
                oat ? "dt 2 lw 2" : "lw 1.5");
        if (oat) {
            char value[64], label[128];
            sw_result_text(value, sizeof value, d, k, result_at(d, 0, k), w);
            snprintf(label, sizeof label, w->baseline_note, value);
            bool right = (base - lo) / (hi - lo) > 0.5;
            fputs("set label 105 ", out);
            chart_quoted(out, label);
            fprintf(out, " at %.10g, graph 1 %s offset %s, -0.8 font ',10'\n", base, right ? "right" : "left",
                    right ? "-0.5" : "0.5");
        }
    }
    /* The bars. The key entries come from the first panel only. */
    if (empty) {
        fputs("plot -1e30 notitle\n", out);
    } else if (oat) {
        fprintf(out, "plot $tornado_%s using 3:($1 + 0.19):(%.10g < $3 ? %.10g : $3):(%.10g < $3 ? $3 : %.10g):"
                     "($1 + 0.03):($1 + 0.35) with boxxyerror fs solid 1.0 border lc 'black' fc 'gray' title ",
                sw_result_names[k], base, base, base, base);
        chart_quoted(out, w->high_end);
        fprintf(out, ", \\\n     '' using 2:($1 - 0.19):(%.10g < $2 ? %.10g : $2):(%.10g < $2 ? $2 : %.10g):"
                     "($1 - 0.35):($1 - 0.03) with boxxyerror fs pattern 4 border lc 'black' lc 'black' title ",
                base, base, base, base);
        chart_quoted(out, w->low_end);
        fputs(", \\\n     NaN with lines dt 2 lw 2 lc 'black' title ", out);
        chart_quoted(out, w->baseline);
        /* An end that is not solved: a cross on the baseline, in its half of the row
         * (in the key when any end of the design is not solved). */
        if (d->solved < d->variants) {
            fputs(", \\\n     NaN with points pt 2 ps 2 lw 2 lc 'black' title ", out);
            chart_quoted(out, w->end_infeasible);
        }
        for (int end = 0; end < 2 && unsolved_ends; end++)
            fprintf(out, ", \\\n     '' using ($%d > 0 ? %.10g : NaN):($1 %c 0.19) with points pt 2 ps 2 lw 2 "
                         "lc 'black' notitle",
                    6 + end, base, end ? '+' : '-');
        /* Each end's result beside its bar, away from the baseline. */
        for (int end = 0; end < 2; end++) {
            if (above[end])
                fprintf(out, ", \\\n     '' using ($%d > %.10g ? $%d : NaN):($1 %c 0.19):%d with labels left "
                             "offset 0.5, 0 font ',10' notitle",
                        2 + end, base, 2 + end, end ? '+' : '-', 4 + end);
            if (below[end])
                fprintf(out, ", \\\n     '' using ($%d < %.10g ? $%d : NaN):($1 %c 0.19):%d with labels right offset "
                             "-0.5, 0 font ',10' notitle",
                        2 + end, base, 2 + end, end ? '+' : '-', 4 + end);
        }
        fputc('\n', out);
    } else {
        double mid = d->has_sobol ? 0.19 : 0, half = d->has_sobol ? 0.16 : 0.3;
        fprintf(out, "plot $tornado_%s using 2:($1 + %g):($2 < 0 ? $2 : 0):($2 < 0 ? 0 : $2):($1 + %g):($1 + %g) "
                     "with boxxyerror fs solid 1.0 border lc 'black' fc 'gray' title ",
                sw_result_names[k], mid, mid - half, mid + half);
        chart_quoted(out, w->src_bar);
        if (d->has_sobol) {
            fputs(", \\\n     '' using 3:($1 - 0.19):($3 < 0 ? $3 : 0):($3 < 0 ? 0 : $3):($1 - 0.35):($1 - 0.03) "
                  "with boxxyerror fs pattern 4 border lc 'black' lc 'black' title ", out);
            chart_quoted(out, w->st_bar);
            fputs(", \\\n     '' using 3:($1 - 0.19):4:5 with xerrorbars pt -1 lw 1.5 lc 'black' notitle", out);
            if (above[1])
                fputs(", \\\n     '' using ($3 > 0 ? $8 : NaN):($1 - 0.19):7 with labels left offset 0.5, 0 font ',10' "
                      "notitle", out);
        }
        /* Each coefficient beside its bar. */
        if (above[0])
            fprintf(out, ", \\\n     '' using ($2 > 0 ? $2 : NaN):($1 + %g):6 with labels left offset 0.5, 0 "
                         "font ',10' notitle", mid);
        if (below[0])
            fprintf(out, ", \\\n     '' using ($2 < 0 ? $2 : NaN):($1 + %g):6 with labels right offset -0.5, 0 "
                         "font ',10' notitle", mid);
        fputc('\n', out);
    }
    fputs("unset label\nunset arrow\nset format x '% h'\nset xtics autofreq\n", out);
    free(bars);
}

void sw_chart_tornado(FILE *out, const sw_data *d, const sw_words *w)
{
    bool oat = oat_layout(d);
    /* The parameters' names (and one at a time, their ends) take the same width in
     * every panel. */
    size_t longest = 0;
    for (size_t j = 0; j < d->param_count; j++) {
        char label[SW_NAME_MAX * 2];
        param_label(label, sizeof label, d, j, w);
        size_t n = chart_text_length(label, strlen(label));
        longest = n > longest ? n : longest;
        if (!oat) continue;
        char range[192];
        range_text(range, sizeof range, d, j, w);
        n = chart_text_length(range, strlen(range));
        longest = n > longest ? n : longest;
    }
    double label_width = fmax(0.06, 0.015 + char_width(11) * (double)longest);
    sw_page_setup(out, d, w, oat ? w->oat_title : w->tornado_title);
    fputs("set multiplot\n", out);
    double notes[4];
    cell_box(5, notes);
    tornado_notes(out, d, w, oat, notes);
    int slot = 0;
    for (int k = 0; k < SW_RESULTS; k++) {
        if (oat ? !d->has_result[k] : !d->has_sensitivity[k]) continue;
        tornado_panel(out, d, w, (sw_result)k, slot, oat, label_width, slot == 0, notes);
        slot++;
    }
    if (slot == 0) fputs("plot -1e30 notitle\n", out);
    fputs("unset multiplot\n", out);
}

/* ---- lowest coverage against the most influential parameters ---- */

/* A parameter with few distinct values (a discrete or grid parameter): the number of
 * infeasible variants at each value is written over the strip, since their crosses
 * pile up. Returns the number of distinct values (0 when more than DISCRETE_VALUES). */
enum { DISCRETE_VALUES = 12 };

static size_t discrete_counts(const sw_data *d, size_t j, size_t step, double *value, long long *count)
{
    size_t np = d->param_count, n = 0;
    for (size_t r = 0; r < d->row_count; r += step) {
        double x = d->x[r * np + j];
        size_t k = 0;
        while (k < n && value[k] != x) k++;
        if (k == n) {
            if (n == DISCRETE_VALUES) return 0;
            value[n] = x, count[n] = 0, n++;
        }
        count[k] += d->status[r] == SW_INFEASIBLE;
    }
    return n;
}

/* A two-part axis title, each part wrapped at `width` characters, one under the other. */
static void quoted_title(FILE *out, const char *name, const char *detail, size_t width)
{
    quoted_wrapped(out, name, width);
    if (!detail[0]) return;
    fputs(" . \"\\n\" . ", out);
    quoted_wrapped(out, detail, width);
}

void sw_chart_scatter(FILE *out, const sw_data *d, const sw_words *w, bool with_data)
{
    size_t np = d->param_count, n = d->row_count;
    sw_count number;
    chart_rank *rank = malloc((np + 1) * sizeof *rank);
    if (!rank) return;
    for (size_t j = 0; j < np; j++) {
        double s = d->param[j].src[SW_MIN_COVERAGE];
        rank[j] = (chart_rank){isnan(s) ? 0 : -fabs(s), j};
    }
    qsort(rank, np, sizeof *rank, chart_by_rank);
    size_t panels = np < SCATTER_PANELS ? np : SCATTER_PANELS;
    size_t step = n > SCATTER_POINTS ? (n + SCATTER_POINTS - 1) / SCATTER_POINTS : 1;
    /* The data: the coverage of the solved variants in percent (NaN otherwise), whether
     * a variant is infeasible, and the values of the parameters drawn. */
    double ylo = INFINITY, yhi = -INFINITY, xlo[SCATTER_PANELS], xhi[SCATTER_PANELS];
    long long solved = 0, infeasible = 0;
    for (size_t p = 0; p < SCATTER_PANELS; p++) xlo[p] = INFINITY, xhi[p] = -INFINITY;
    /* The datablock is written once, before the first output that draws it: it may
     * have thousands of rows. The ranges are computed on every draw. */
    if (with_data) {
        fputs("$scatter << EOD\n# variant coverage_percent infeasible", out);
        for (size_t p = 0; p < panels; p++) fprintf(out, " p%zu", p + 1);
        fputc('\n', out);
    }
    for (size_t r = 0; r < n; r += step) {
        double y = sw_shown(d, SW_MIN_COVERAGE, result_at(d, r, SW_MIN_COVERAGE));
        bool off = d->status[r] == SW_INFEASIBLE;
        if (d->status[r] == SW_FAILED) continue;
        if (with_data) {
            fprintf(out, "%lld", (long long)d->variant[r]);
            data_number(out, y);
            fprintf(out, " %d", off);
        }
        for (size_t p = 0; p < panels; p++) {
            size_t j = rank[p].index;
            double x = d->x[r * np + j] / (sw_money_param(d->param[j].key) ? sw_divisor(d) : 1);
            if (with_data) data_number(out, x);
            xlo[p] = fmin(xlo[p], x), xhi[p] = fmax(xhi[p], x);
        }
        if (with_data) fputc('\n', out);
        if (!isnan(y)) ylo = fmin(ylo, y), yhi = fmax(yhi, y), solved++;
        infeasible += off;
    }
    if (with_data) fputs("EOD\n", out);
    sw_page_setup(out, d, w, w->scatter_title);
    /* The y axis: the coverage of the solved variants; below it, the strip of the
     * infeasible variants, under a dashed line. */
    if (!(ylo <= yhi)) ylo = 0, yhi = 100;
    double span = yhi - ylo;
    if (!(span > 0)) span = fmax(1, fabs(ylo) * 0.1), ylo -= span / 2, yhi += span / 2;
    double strip = ylo - 0.12 * span, bottom = ylo - 0.19 * span, top = yhi + 0.05 * span;
    double line = ylo - 0.055 * span;
    /* Ticks from the dashed line up, none in the strip. */
    double ytick = chart_nice_step(span, 6), first = ceil((line + 0.015 * span) / ytick - 1e-9) * ytick;
    fprintf(out, "set multiplot\nset yrange [%.10g:%.10g]\n", bottom, top);
    if (infeasible)
        fprintf(out, "set arrow 1 from graph 0, first %.10g to graph 1, first %.10g nohead dt 2 lc 'gray40'\n", line,
                line);
    fputs("set grid xtics ytics lc 'gray70' dt 3\nset xtics nomirror font ',11'\n", out);
    fputs("set key at screen 0.97, screen 0.885 right horizontal samplen 1 width 2 font ',12'\n", out);
    fputs("set label 105 ", out);
    chart_quoted(out, w->scatter_y);
    fputs(" at screen 0.018, screen 0.51 center rotate by 90 font ',12'\n", out);
    if (step > 1) {
        fputs("set label 104 ", out);
        chart_quoted_printf(out, w->thinned, sw_count_text(number, (long long)step, w));
        fputs(" at screen 0.03, screen 0.885 left font ',11'\n", out);
    }
    if (d->infeasible > 0) {
        fputs("set label 106 ", out);
        chart_quoted(out, w->scatter_note);
        fputs(" at screen 0.5, screen 0.05 center font ',11'\n", out);
    }
    /* The panels share the y axis: its labels on the first only. */
    double width = 0.87 / (double)(panels ? panels : 1);
    size_t title_chars = (size_t)((width - 0.03) / char_width(12));
    for (size_t p = 0; p < panels; p++) {
        size_t j = rank[p].index;
        double left = 0.1 + width * (double)p, right = left + width - 0.025;
        fprintf(out, "set lmargin at screen %.4f\nset rmargin at screen %.4f\nset tmargin at screen 0.82\n"
                     "set bmargin at screen 0.2\n",
                left, right);
        fprintf(out, "set ytics %.10g, %.10g, %.10g nomirror font ',11' format '%s'\n", first, ytick, top,
                p ? "" : "%g%%");
        if (infeasible && p == 0) {
            fprintf(out, "set ytics add (");
            chart_quoted(out, w->infeasible_strip);
            fprintf(out, " %.10g)\n", strip);
        }
        double xs = xhi[p] - xlo[p], a = xlo[p], b = xhi[p];
        if (!(xs > 0)) xs = fmax(fabs(a) * 0.1, 1), a -= xs / 2, b += xs / 2;
        else a -= 0.05 * xs, b += 0.05 * xs;
        chart_number_axis(out, "x", a, b, chart_nice_step(b - a, 5), "", chart_numbers_of(w->lang));
        char name[256], detail[512], src[64], panel[SW_NAME_MAX + 96];
        sw_param_title(name, sizeof name, detail, sizeof detail, d, d->param[j].key, w);
        fputs("set xlabel ", out);
        quoted_title(out, name, detail, title_chars);
        fputs(" font ',12'\n", out);
        sw_real_text(src, sizeof src, d->param[j].src[SW_MIN_COVERAGE], 2, w);
        snprintf(panel, sizeof panel, "%s · ", d->param[j].key);
        size_t used = strlen(panel);
        snprintf(panel + used, sizeof panel - used, w->panel_src, src);
        fputs("set label 103 ", out);
        chart_quoted(out, panel);
        fprintf(out, " at screen %.4f, screen 0.835 left font ',13'\n", left);
        /* A parameter with few values: the count of infeasible variants at each, over
         * the strip. */
        double value[DISCRETE_VALUES];
        long long count[DISCRETE_VALUES];
        size_t values = infeasible ? discrete_counts(d, j, step, value, count) : 0;
        for (size_t k = 0; k < values; k++) {
            if (!count[k]) continue;
            double x = value[k] / (sw_money_param(d->param[j].key) ? sw_divisor(d) : 1);
            fprintf(out, "set label %zu '%lld' at %.10g, %.10g left offset 1, 0 font ',11'\n", 10 + k, count[k], x,
                    strip);
        }
        if (p > 0) fputs("unset key\n", out);
        /* The points: circles, smaller when there are many; the infeasible variants,
         * crosses spread over the strip by their number, so that the density shows. */
        const char *pts = solved > 2000 ? "pt 7 ps 0.35" : solved > 300 ? "pt 6 ps 0.7" : "pt 6 ps 1.2";
        fputs("plot ", out);
        bool comma = false;
        if (solved) {
            fprintf(out, "$scatter using %zu:2 with points %s lc 'black' title ", 4 + p, pts);
            chart_quoted_printf(out, w->solved_points, sw_count_text(number, (long long)solved, w));
            comma = true;
        }
        if (infeasible) {
            fprintf(out, "%s$scatter using %zu:($3 > 0 ? %.10g + %.10g * (int($1) %% 7 - 3) : NaN) with points pt 2 "
                         "ps 1.1 lw 1.5 lc 'gray20' title ",
                    comma ? ", \\\n     " : "", 4 + p, strip, 0.011 * span);
            chart_quoted_printf(out, w->infeasible_points, sw_count_text(number, (long long)infeasible, w));
            comma = true;
        }
        if (!comma) fputs("-1e30 notitle", out);
        fputs("\nunset label 103\n", out);
        for (size_t k = 0; k < values; k++)
            if (count[k]) fprintf(out, "unset label %zu\n", 10 + k);
    }
    if (panels == 0) fputs("plot -1e30 notitle\n", out);
    fputs("unset multiplot\n", out);
    free(rank);
}

/* ---- the script ---- */

static const char *const chart_names[] = {"sweep_tornado", "sweep_scatter", "sweep_fan"};
enum { CHARTS = 3 };

/* The charts drawn: the fan only for a sweep with dates. */
static size_t chart_count(const sw_data *d)
{
    return d->fan_count ? CHARTS : CHARTS - 1;
}

static void draw(FILE *out, const sw_data *d, const sw_words *w, size_t chart, bool *data_written)
{
    if (chart == 0) sw_chart_tornado(out, d, w);
    else if (chart == 1) sw_chart_scatter(out, d, w, !*data_written);
    else sw_chart_fan(out, d, w);
    if (chart == 1) *data_written = true;
}

static void script(FILE *out, const sw_data *d, const fs_chart_options *opt, const char *dir)
{
    const sw_words *w = sw_words_of(opt->lang);
    bool data_written = false;
    size_t charts = chart_count(d);
    chart_script_start(out, "fiscalsim sweep from its tables", "sweep-charts.gp");
    for (chart_format f = CHART_PNG; f <= CHART_SVG; f++) {
        if (!chart_format_wanted(opt, f)) continue;
        for (size_t c = 0; c < charts; c++) {
            chart_output(out, f, dir, chart_names[c]);
            draw(out, d, w, c, &data_written);
            fputs("unset output\n", out);
        }
    }
    if (opt->pdf) {
        chart_output(out, CHART_PDF, dir, "sweep-pack");
        for (size_t c = 0; c < charts; c++) draw(out, d, w, c, &data_written);
        fputs("unset output\n", out);
    }
}

static void write_script(FILE *out, const void *data, const fs_chart_options *opt, const char *dir)
{
    script(out, data, opt, dir);
}

fs_status fs_sweep_draw(const fs_chart_place *place, const char *money_unit, const fs_chart_options *opt,
                        fs_diag *diag)
{
    if (!opt->png && !opt->svg && !opt->pdf) return FS_OK;
    chart_path paths[2 * CHARTS + 1];
    const char *outputs[2 * CHARTS + 1];
    sw_data d = {.param_count = 0};
    snprintf(d.money_unit, sizeof d.money_unit, "%s", money_unit ? money_unit : "");
    if (sw_data_read(place->tables, &d, diag)) {
        sw_data_free(&d);
        return fs_diag_status(diag);
    }
    size_t n = chart_output_paths(place->stage, opt, chart_names, chart_count(&d), "sweep-pack", paths, outputs);
    fs_status st = chart_write_and_run(place, "sweep-charts.gp", write_script, &d, opt, outputs, n, diag);
    sw_data_free(&d);
    return st;
}
