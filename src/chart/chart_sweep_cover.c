/*
 * chart_sweep_cover.c: the settings of the sweep pack's cover (sw_cover_data in
 * chart_sweep.h), which plots/sweep_cover.gp lays out: each result's lowest, median
 * and highest value over the solved variants and, in a one-at-a-time design, its
 * value in variant 1 (the scenario as written), in the unit shown; the parameters that move the lowest
 * coverage most (one at a time: the one with the widest gap between its ends, with the
 * results at both; otherwise up to three by |SRC|, with their coefficients); and the
 * day the pack is drawn.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart_cover.h"
#include "chart_sweep.h"

enum { TOP_PARAMS = 3 };

static void number_or_nan(FILE *out, const char *name, int k, double v)
{
    if (isnan(v)) fprintf(out, "%s[%d] = NaN; ", name, k);
    else fprintf(out, "%s[%d] = %.10g; ", name, k, v);
}

/* res_has, res_low, res_median, res_high and res_base of each result (1 to
 * SW_RESULTS, sweep.csv's order; NaN where no variant solved); res_base is variant
 * 1's, the scenario as written, in a one-at-a-time design only (cover_has_base). */
static void results(FILE *out, const sw_data *d)
{
    double *v = malloc((d->row_count + 1) * sizeof *v);
    if (!v) return;
    fprintf(out, "array res_name[%d]; array res_has[%d]; array res_low[%d]; array res_median[%d]; "
                 "array res_high[%d]; array res_base[%d]\n",
            SW_RESULTS, SW_RESULTS, SW_RESULTS, SW_RESULTS, SW_RESULTS, SW_RESULTS);
    for (int k = 0; k < SW_RESULTS; k++) {
        size_t n = 0;
        for (size_t r = 0; r < d->row_count; r++) {
            double x = sw_result_at(d, r, (sw_result)k);
            if (!isnan(x)) v[n++] = sw_shown(d, (sw_result)k, x);
        }
        double median = sw_median(v, n);
        double base = sw_oat_layout(d) ? sw_shown(d, (sw_result)k, sw_result_at(d, 0, (sw_result)k)) : NAN;
        fprintf(out, "res_name[%d] = '%s'; res_has[%d] = %d; ", k + 1, sw_result_names[k], k + 1,
                d->has_result[k] && n > 0);
        number_or_nan(out, "res_low", k + 1, n ? v[0] : NAN);
        number_or_nan(out, "res_median", k + 1, median);
        number_or_nan(out, "res_high", k + 1, n ? v[n - 1] : NAN);
        number_or_nan(out, "res_base", k + 1, base);
        fputc('\n', out);
    }
    free(v);
}

/* One at a time: oat_name, oat_low and oat_high (the lowest coverage at its ends, in
 * %; NaN when not solved) of the tornado's top bar for the lowest coverage. Otherwise top_count,
 * top_name[k] and top_src[k] by |SRC| of the lowest coverage. */
static void influence(FILE *out, const sw_data *d, const sw_words *w)
{
    size_t np = d->param_count;
    char name[SW_NAME_MAX * 2], detail[512];
    if (sw_oat_layout(d)) {
        /* As the tornado's top bar: an end not solved first, then the widest gap (or,
         * with one end solved, its distance from the baseline). */
        double base = sw_result_at(d, 0, SW_MIN_COVERAGE);
        size_t best = np;
        int best_unsolved = -1;
        double best_effect = -1;
        for (size_t j = 0; j < np; j++) {
            double a = sw_result_at(d, 1 + 2 * j, SW_MIN_COVERAGE);
            double b = sw_result_at(d, 2 + 2 * j, SW_MIN_COVERAGE);
            int unsolved = isnan(a) + isnan(b);
            double effect = !unsolved ? fabs(b - a) : !isnan(a) ? fabs(a - base) : !isnan(b) ? fabs(b - base) : 0;
            if (unsolved == 2 || isnan(effect)) continue;
            if (unsolved > best_unsolved || (unsolved == best_unsolved && effect > best_effect))
                best = j, best_unsolved = unsolved, best_effect = effect;
        }
        bool found = best < np && (best_unsolved > 0 || best_effect > 0);
        fprintf(out, "oat_found = %d\n", found);
        if (!found) return;
        sw_param_title(name, sizeof name, detail, sizeof detail, d, d->param[best].key, w);
        fputs("oat_name = ", out);
        chart_quoted(out, name);
        fputc('\n', out);
        chart_number_setting(out, "oat_low", 100 * sw_result_at(d, 1 + 2 * best, SW_MIN_COVERAGE));
        chart_number_setting(out, "oat_high", 100 * sw_result_at(d, 2 + 2 * best, SW_MIN_COVERAGE));
        return;
    }
    fputs("oat_found = 0\n", out);
    chart_rank *rank = malloc((np + 1) * sizeof *rank);
    if (!rank) return;
    size_t n = 0;
    for (size_t j = 0; j < np; j++) {
        double s = d->param[j].src[SW_MIN_COVERAGE];
        if (!isnan(s) && fabs(s) >= 0.005) rank[n++] = (chart_rank){-fabs(s), j};
    }
    qsort(rank, n, sizeof *rank, chart_by_rank);
    size_t top = n < TOP_PARAMS ? n : TOP_PARAMS;
    fprintf(out, "top_count = %zu\narray top_name[%d]; array top_src[%d]\n", top, TOP_PARAMS, TOP_PARAMS);
    for (size_t k = 0; k < top; k++) {
        size_t j = rank[k].index;
        sw_param_title(name, sizeof name, detail, sizeof detail, d, d->param[j].key, w);
        fprintf(out, "top_name[%zu] = ", k + 1);
        chart_quoted(out, name);
        fprintf(out, "; top_src[%zu] = %.10g\n", k + 1, d->param[j].src[SW_MIN_COVERAGE]);
    }
    free(rank);
}

void sw_cover_data(FILE *out, const sw_data *d, const sw_words *w)
{
    fprintf(out, "cover_has_base = %d\n", sw_oat_layout(d));
    results(out, d);
    influence(out, d, w);
    chart_pack_date_setting(out, w->lang);
}
