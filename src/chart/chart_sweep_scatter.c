/*
 * chart_sweep_scatter.c: the data of the scatter of a sweep (sw_scatter_data in
 * chart_sweep.h), which plots/sweep_scatter.gp draws: the lowest coverage of each
 * solved variant against the (up to) three parameters with the largest |SRC|, one
 * panel each, sharing the y axis; the infeasible variants in a strip below the axis,
 * with their count at each value of a parameter with few values. Past SCATTER_POINTS
 * variants every k-th is drawn.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart_sweep.h"

enum {
    SCATTER_PANELS = 3,
    SCATTER_POINTS = 10000,  /* more variants: every k-th is drawn */
    DISCRETE_VALUES = 12     /* a parameter with at most this many values has counts */
};

/* Parameter j's value as drawn: money parameters in the unit shown. */
static double shown_param(const sw_data *d, size_t j, double x)
{
    return x / (sw_money_param(d->param[j].key) ? sw_divisor(d) : 1);
}

/* The distinct values of parameter j over the drawn rows and the number of infeasible
 * variants at each; returns how many (0 when more than DISCRETE_VALUES). */
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

/* The panel of parameter j: sc_xlo, sc_xhi (the axis, padded), sc_name and sc_detail
 * (sw_param_title), sc_key, sc_src; $sc_counts_<p> (value, infeasible variants). */
static void panel(FILE *out, const sw_data *d, const sw_words *w, size_t j, size_t p, size_t step, bool infeasible)
{
    size_t np = d->param_count;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t r = 0; r < d->row_count; r += step) {
        if (d->status[r] == SW_FAILED) continue;
        double x = shown_param(d, j, d->x[r * np + j]);
        lo = fmin(lo, x), hi = fmax(hi, x);
    }
    double span = hi - lo;
    if (!(lo <= hi)) lo = 0, hi = 1, span = 1;
    if (!(span > 0)) span = fmax(fabs(lo) * 0.1, 1), lo -= span / 2, hi += span / 2;
    else lo -= 0.05 * span, hi += 0.05 * span;
    char name[256], detail[512];
    sw_param_title(name, sizeof name, detail, sizeof detail, d, d->param[j].key, w);
    fprintf(out, "sc_xlo[%zu] = %.10g; sc_xhi[%zu] = %.10g; sc_src[%zu] = %.10g\nsc_name[%zu] = ", p, lo, p, hi, p,
            isnan(d->param[j].src[SW_MIN_COVERAGE]) ? 0 : d->param[j].src[SW_MIN_COVERAGE], p);
    chart_quoted(out, name);
    fprintf(out, "\nsc_detail[%zu] = ", p);
    chart_quoted(out, detail);
    fprintf(out, "\nsc_key[%zu] = ", p);
    chart_quoted(out, d->param[j].key);
    double value[DISCRETE_VALUES];
    long long count[DISCRETE_VALUES];
    size_t values = infeasible ? discrete_counts(d, j, step, value, count) : 0, shown = 0;
    fprintf(out, "\n$sc_counts_%zu << EOD\n# value infeasible_variants\n", p);
    for (size_t k = 0; k < values; k++)
        if (count[k]) fprintf(out, "%.10g %lld\n", shown_param(d, j, value[k]), count[k]), shown++;
    fprintf(out, "EOD\nsc_counts[%zu] = %zu\n", p, shown);
}

void sw_scatter_data(FILE *out, const sw_data *d, const sw_words *w)
{
    size_t np = d->param_count, n = d->row_count;
    chart_rank *rank = malloc((np + 1) * sizeof *rank);
    if (!rank) return;
    for (size_t j = 0; j < np; j++) {
        double s = d->param[j].src[SW_MIN_COVERAGE];
        rank[j] = (chart_rank){isnan(s) ? 0 : -fabs(s), j};
    }
    qsort(rank, np, sizeof *rank, chart_by_rank);
    size_t panels = np < SCATTER_PANELS ? np : SCATTER_PANELS;
    size_t step = n > SCATTER_POINTS ? (n + SCATTER_POINTS - 1) / SCATTER_POINTS : 1;
    /* The coverage of the solved variants in percent (NaN otherwise), whether a
     * variant is infeasible, and the values of the parameters drawn. */
    double ylo = INFINITY, yhi = -INFINITY;
    long long solved = 0, infeasible = 0;
    fputs("$scatter << EOD\n# variant coverage_percent infeasible", out);
    for (size_t p = 0; p < panels; p++) fprintf(out, " p%zu", p + 1);
    fputc('\n', out);
    for (size_t r = 0; r < n; r += step) {
        if (d->status[r] == SW_FAILED) continue;
        double y = sw_shown(d, SW_MIN_COVERAGE, sw_result_at(d, r, SW_MIN_COVERAGE));
        bool off = d->status[r] == SW_INFEASIBLE;
        fprintf(out, "%lld", (long long)d->variant[r]);
        chart_number(out, y);
        fprintf(out, " %d", off);
        for (size_t p = 0; p < panels; p++) chart_number(out, shown_param(d, rank[p].index, d->x[r * np + rank[p].index]));
        fputc('\n', out);
        if (!isnan(y)) ylo = fmin(ylo, y), yhi = fmax(yhi, y), solved++;
        infeasible += off;
    }
    fputs("EOD\n", out);
    /* The y axis: the coverage of the solved variants; below it, the strip of the
     * infeasible variants, under a dashed line. */
    if (!(ylo <= yhi)) ylo = 0, yhi = 100;
    double span = yhi - ylo;
    if (!(span > 0)) span = fmax(1, fabs(ylo) * 0.1), ylo -= span / 2, yhi += span / 2;
    fprintf(out, "sc_panels = %zu\nsc_step = %zu\nsc_solved = %lld\nsc_infeasible = %lld\n", panels, step, solved,
            infeasible);
    fprintf(out, "sc_low = %.10g\nsc_high = %.10g\nsc_span = %.10g\n", ylo, yhi, span);
    size_t size = panels ? panels : 1;
    fprintf(out, "array sc_xlo[%zu]; array sc_xhi[%zu]; array sc_src[%zu]; array sc_name[%zu]; array sc_detail[%zu]\n"
                 "array sc_key[%zu]; array sc_counts[%zu]\n",
            size, size, size, size, size, size, size);
    for (size_t p = 0; p < panels; p++) panel(out, d, w, rank[p].index, p + 1, step, infeasible > 0);
    free(rank);
}
