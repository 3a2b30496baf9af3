/*
 * chart_sweep_tornado.c: the data of the tornado of a sweep (sw_tornado_data in
 * chart_sweep.h), which plots/sweep_tornado.gp draws: one panel per result (lowest
 * coverage, units under need, Gini, transfers, city balance), a bar per parameter, the
 * largest effect on top, at most MAX_BARS per panel.
 *
 * With a one-at-a-time design laid out as sweep_design.c lays it (the baseline, then
 * each parameter at its low and its high end) a row holds the result at each end
 * against the baseline (variant 1); an end not solved is NaN and flagged. With any
 * other design a row holds the standardised regression coefficient of sensitivity.csv
 * and, with a Sobol design, the total index with its interval. The axes' ends, steps
 * and the texts written at the bars' ends (in the run's language: chart_sweep_text.c)
 * are computed here, since they depend on the widest text; the layout is the script's.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart_sweep.h"

enum {
    MAX_BARS = 8,            /* parameters per tornado panel; the notes say when there are more */
    KEY_CHARS = 30           /* a longer parameter name is cut on the tornado's axis */
};

/* The width of an average character of a text in DejaVu Sans at `points`, as a share
 * of the page's width (about the same in the pictures and on the PDF's A4 page). */
static double char_width(int points)
{
    return 0.00043 * points;
}

/* A name as a tick label: at most KEY_CHARS characters, a longer one cut with "…". */
static void short_name(char *buf, size_t size, const char *name)
{
    size_t bytes = strlen(name);
    if (chart_text_length(name, bytes) <= KEY_CHARS) {
        snprintf(buf, size, "%s", name);
        return;
    }
    size_t k = 0, chars = 0;
    while (k < bytes && chars < KEY_CHARS - 1) {
        k++;
        while (k < bytes && ((unsigned char)name[k] & 0xC0) == 0x80) k++;
        chars++;
    }
    snprintf(buf, size, "%.*s…", (int)k, name);
}

/* Parameter j as the tornado's tick label: its display name (sw_param_title: "Tổng
 * mức phân bổ cho cấp xã" for policy.envelope; the key when it has none), cut. */
static void param_label(char *buf, size_t size, const sw_data *d, size_t j, const sw_words *w)
{
    char name[SW_NAME_MAX * 2], detail[512];
    sw_param_title(name, sizeof name, detail, sizeof detail, d, d->param[j].key, w);
    short_name(buf, size, name);
}

/* A parameter's value in the words' format, about four significant digits, money
 * parameters in the unit shown. */
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

bool sw_oat_layout(const sw_data *d)
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
        double v = sw_result_at(d, r, k);
        if (isnan(v)) continue;
        lo = fmin(lo, v), hi = fmax(hi, v);
    }
    return lo == hi;
}

/* The bars of result k, largest effect first: one at a time, the results at the two
 * ends (an end not solved first); else the coefficients (with Sobol, by total index). */
static void oat_bars(const sw_data *d, sw_result k, bar *bars)
{
    size_t np = d->param_count;
    double base = sw_shown(d, k, sw_result_at(d, 0, k));
    for (size_t j = 0; j < np; j++) {
        bar *b = &bars[j];
        b->param = j;
        b->a = sw_shown(d, k, sw_result_at(d, 1 + 2 * j, k));
        b->b = sw_shown(d, k, sw_result_at(d, 2 + 2 * j, k));
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

/* The longest parameter label (one at a time: or range) in characters: the labels take
 * the same width in every panel. */
static size_t longest_label(const sw_data *d, const sw_words *w, bool oat)
{
    size_t longest = 0;
    for (size_t j = 0; j < d->param_count; j++) {
        char label[SW_NAME_MAX * 2], range[192];
        param_label(label, sizeof label, d, j, w);
        size_t n = chart_text_length(label, strlen(label));
        longest = n > longest ? n : longest;
        if (!oat) continue;
        range_text(range, sizeof range, d, j, w);
        n = chart_text_length(range, strlen(range));
        longest = n > longest ? n : longest;
    }
    return longest;
}

/* Panel p (1-based) of result k: its rows into $tornado_<p>, its settings into the
 * panel_* arrays. */
static void panel(FILE *out, const sw_data *d, const sw_words *w, sw_result k, int p, bool oat, double plot_width)
{
    size_t np = d->param_count, shown = np < MAX_BARS ? np : MAX_BARS;
    bar *bars = calloc(np + 1, sizeof *bars);
    if (!bars) return;
    bool base_solved = !oat || !isnan(sw_result_at(d, 0, k));
    bool none = d->solved == 0, constant = !none && result_constant(d, k);
    if (oat) oat_bars(d, k, bars);
    else src_bars(d, k, bars);
    double base = oat && base_solved ? sw_shown(d, k, sw_result_at(d, 0, k)) : 0;
    fprintf(out, "$tornado_%d << EOD\n# row a b lo hi a_text b_text a_unsolved b_unsolved st_text_at name range a_side "
                 "b_side\n",
            p);
    double lo = oat ? base : 0, hi = lo;
    size_t text_chars = 0; /* the longest value written at a bar's end */
    int unsolved_ends = 0;
    /* Rows whose value is written right (above) or left (below) of the bar's start, of
     * each series: gnuplot 5.4 crashes on a `with labels` plot of one undefined row. */
    size_t above[2] = {0, 0}, below[2] = {0, 0};
    for (size_t r = 0; r < shown; r++) {
        const bar *b = &bars[r];
        char ta[64], tb[64], name[SW_NAME_MAX * 2], range[192] = "";
        fprintf(out, "%zu", shown - r);
        chart_number(out, b->a);
        chart_number(out, b->b);
        chart_number(out, b->lo);
        chart_number(out, b->hi);
        if (oat) {
            sw_result_text(ta, sizeof ta, d, k, sw_result_at(d, 1 + 2 * b->param, k), w);
            sw_result_text(tb, sizeof tb, d, k, sw_result_at(d, 2 + 2 * b->param, k), w);
            range_text(range, sizeof range, d, b->param, w);
        } else {
            sw_real_text(ta, sizeof ta, b->a, 2, w);
            sw_real_text(tb, sizeof tb, isnan(b->b) ? 0 : b->b, 2, w);
        }
        fputc(' ', out);
        chart_label(out, ta);
        fputc(' ', out);
        chart_label(out, tb);
        fprintf(out, " %d %d", oat && isnan(b->a), oat && isnan(b->b));
        chart_number(out, oat ? NAN : isnan(b->hi) ? b->b : fmax(b->b, b->hi));
        param_label(name, sizeof name, d, b->param, w);
        fputc(' ', out);
        chart_label(out, name);
        fputc(' ', out);
        chart_label(out, range);
        /* Which side of the baseline (or of 0) each end's text goes: decided here, on
         * the values the rows and the counts below share. */
        double from = oat ? base : 0;
        int side_a = b->a > from ? 1 : b->a < from ? -1 : 0;
        int side_b = b->b > from ? 1 : oat && b->b < from ? -1 : 0;
        fprintf(out, " %d %d\n", side_a, side_b);
        above[0] += side_a > 0, below[0] += side_a < 0;
        above[1] += side_b > 0, below[1] += side_b < 0;
        unsolved_ends += oat ? b->unsolved : 0;
        size_t la = chart_text_length(ta, strlen(ta)), lb = chart_text_length(tb, strlen(tb));
        text_chars = la > text_chars ? la : text_chars;
        text_chars = lb > text_chars && (oat || d->has_sobol) ? lb : text_chars;
        const double v[4] = {b->a, b->b, b->lo, b->hi};
        for (int c = 0; c < 4; c++)
            if (!isnan(v[c])) lo = fmin(lo, v[c]), hi = fmax(hi, v[c]);
    }
    fputs("EOD\n", out);
    /* Nothing to compare: a note instead of the bars (1 none solved, 2 the baseline is
     * infeasible, 3 the same in every variant, with that value). */
    int empty = none ? 1 : !base_solved ? 2 : constant ? 3 : 0;
    char value[96] = "";
    if (empty == 3) {
        double v = NAN;
        for (size_t r = 0; r < d->row_count && isnan(v); r++) v = sw_result_at(d, r, k);
        sw_result_text(value, sizeof value, d, k, v, w);
    }
    double span = hi - lo;
    if (!(span > 0)) span = oat ? fmax(fabs(base) * 0.1, 1) : 1, lo -= span / 2, hi += span / 2;
    /* Room on both sides for the values written at the bars' ends: `room` of the
     * plot's width each. */
    double room = fmin(0.3, ((double)text_chars + 1.5) * char_width(10) / plot_width);
    if (oat) {
        double margin = room * span / (1 - 2 * room);
        lo -= margin, hi += margin;
    } else {
        /* The same scale in every panel, -1 to 1 at least, so that they compare. */
        double m = fmax(1, fmax(fabs(lo), fabs(hi))) / (1 - 2 * room);
        lo = -m, hi = m;
    }
    char base_text[64] = "", r2[64] = "";
    if (oat && base_solved) sw_result_text(base_text, sizeof base_text, d, k, sw_result_at(d, 0, k), w);
    if (!oat && !isnan(d->r2[k])) sw_real_text(r2, sizeof r2, d->r2[k], 3, w);
    else if (!oat) snprintf(r2, sizeof r2, "–");
    fprintf(out, "panel_result[%d] = '%s'; panel_rows[%d] = %zu; panel_empty[%d] = %d\n", p, sw_result_names[k], p,
            shown, p, empty);
    fprintf(out, "panel_value[%d] = ", p);
    chart_quoted(out, value);
    fprintf(out, "\npanel_lo[%d] = %.10g; panel_hi[%d] = %.10g; panel_base[%d] = %.10g\n", p, lo, p, hi, p, base);
    fprintf(out, "panel_base_text[%d] = '%s'; panel_r2[%d] = '%s'; panel_unsolved[%d] = %d\n", p, base_text, p, r2, p,
            unsolved_ends);
    fprintf(out, "panel_above_a[%d] = %zu; panel_below_a[%d] = %zu; panel_above_b[%d] = %zu; panel_below_b[%d] = %zu\n",
            p, above[0], p, below[0], p, above[1], p, below[1]);
    free(bars);
}

void sw_tornado_data(FILE *out, const sw_data *d, const sw_words *w)
{
    bool oat = sw_oat_layout(d);
    int panels = 0;
    for (int k = 0; k < SW_RESULTS; k++) panels += oat ? d->has_result[k] : d->has_sensitivity[k];
    double label_width = fmax(0.06, 0.015 + char_width(11) * (double)longest_label(d, w, oat));
    fprintf(out, "tornado_oat = %d\ntornado_sobol = %d\ntornado_panels = %d\ntornado_label_width = %.4f\n", oat,
            d->has_sobol, panels, label_width);
    fprintf(out, "tornado_params = %zu\ntornado_max_bars = %d\ntornado_fitted = %lld\ntornado_unsolved = %d\n",
            d->param_count, MAX_BARS, (long long)d->fitted, d->solved < d->variants);
    int size = panels ? panels : 1;
    fprintf(out, "array panel_result[%d]; array panel_rows[%d]; array panel_empty[%d]; array panel_value[%d]\n", size,
            size, size, size);
    fprintf(out, "array panel_lo[%d]; array panel_hi[%d]; array panel_base[%d]; array panel_base_text[%d]\n", size,
            size, size, size);
    fprintf(out, "array panel_r2[%d]; array panel_unsolved[%d]\n", size, size);
    fprintf(out, "array panel_above_a[%d]; array panel_below_a[%d]; array panel_above_b[%d]; array panel_below_b[%d]\n",
            size, size, size, size);
    /* The plot's width in a cell (sweep_tornado.gp's cell_box: 0.305 of the page). */
    double plot_width = 0.305 - label_width;
    int p = 0;
    for (int k = 0; k < SW_RESULTS; k++)
        if (oat ? d->has_result[k] : d->has_sensitivity[k]) panel(out, d, w, (sw_result)k, ++p, oat, plot_width);
}
