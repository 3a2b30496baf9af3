/*
 * chart_script.c: the gnuplot script of a run's charts (see chart.h), charts.gp: a
 * driver that gives the chart scripts of plots/ their settings and data, then draws
 * each chart in each format asked for, then the pack.
 *
 * Every chart of a run is a script in plots/ (coverage, per_capita, revenue_split,
 * lorenz, and with their sections disbursement, risk and period), which an analyst
 * restyles without recompiling. The driver writes what they read: the settings (the
 * scripts' folder, the language, its number format, the scenario, its fingerprint and
 * money unit) and the data only C computes (the units sorted by coverage, the
 * allocation per person of each kind and class, the Lorenz curve and its Gini
 * coefficient, and the disbursement's and the period's data: chart_disburse.c,
 * chart_period.c), as datablocks and variables; the words come from
 * plots/words/<lang>.gp.
 *
 * All user text (names, the scenario title) goes through the quoting helpers
 * (chart_common.c): a gnuplot string is code.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "chart_common.h"
#include "chart_cover.h"
#include "chart_disburse.h"
#include "chart_period.h"

enum { CHART_COUNT = 4, CHART_PERIOD = 6 };
/* The four charts of every run, then the two drawn when the run has disbursement data,
 * then the one drawn when it has a stability period. */
const char *const chart_run_names[CHART_RUN_ALL] = {"coverage", "per_capita", "revenue_split", "lorenz",
                                                    "disbursement", "risk", "period"};

bool chart_run_drawn(const fs_chart_data *d, size_t chart)
{
    return chart < CHART_COUNT || (chart < CHART_PERIOD ? d->has_disbursement : d->has_period);
}

/* $coverage: rank, coverage (sorted up, ties in table order); and unit_count,
 * lowest_coverage and lowest_unit, highest_coverage and highest_unit, under_need (the
 * units whose coverage is below 1). */
static void coverage_data(FILE *out, const fs_chart_data *d)
{
    chart_rank *rows = malloc((d->unit_count + 1) * sizeof *rows);
    if (!rows) return;
    size_t under = 0;
    for (size_t u = 0; u < d->unit_count; u++) {
        rows[u] = (chart_rank){d->coverage[u], u};
        under += d->coverage[u] < 1;
    }
    qsort(rows, d->unit_count, sizeof *rows, chart_by_rank);
    fputs("$coverage << EOD\n# rank coverage (allocation / need)\n", out);
    for (size_t k = 0; k < d->unit_count; k++) fprintf(out, "%zu %.17g\n", k + 1, rows[k].value);
    fputs("EOD\n", out);
    size_t last = d->unit_count ? d->unit_count - 1 : 0;
    fprintf(out, "unit_count = %zu\nunder_need = %zu\nlowest_coverage = %.17g\nhighest_coverage = %.17g\n",
            d->unit_count, under, d->unit_count ? rows[0].value : 0.0, d->unit_count ? rows[last].value : 0.0);
    fputs("lowest_unit = ", out);
    chart_quoted(out, d->unit_count ? d->unit[rows[0].index] : "");
    fputs("\nhighest_unit = ", out);
    chart_quoted(out, d->unit_count ? d->unit[rows[last].index] : "");
    fputc('\n', out);
    free(rows);
}

/* $per_capita: kind, class, allocation per person (money unit), for each kind and
 * class with people. */
static void per_capita_data(FILE *out, const fs_chart_data *d)
{
    static const char *const kinds[] = {"commune", "ward", "special_zone"};
    static const char *const classes[] = {"I", "II", "III", "special"};
    fputs("$per_capita << EOD\n# kind class allocation_per_person\n", out);
    for (int k = 0; k < 3; k++)
        for (int c = 0; c < 4; c++) {
            double alloc = 0, pop = 0;
            for (size_t u = 0; u < d->unit_count; u++)
                if (!strcmp(d->kind[u], kinds[k]) && !strcmp(d->cls[u], classes[c]))
                    alloc += (double)d->allocation[u], pop += (double)d->population[u];
            if (pop > 0) fprintf(out, "%s %s %.17g\n", kinds[k], classes[c], alloc / pop);
        }
    fputs("EOD\n", out);
}

/* $split: source, central, city, commune, in the display unit. */
static void split_data(FILE *out, const fs_chart_data *d)
{
    double div = chart_divisor(d->money_unit); /* tỷ đồng / billion VND from million VND */
    fputs("$split << EOD\n# source central city commune\n", out);
    for (size_t s = 0; s < d->source_count; s++) {
        chart_label(out, d->source[s]);
        fprintf(out, " %.17g %.17g %.17g\n", (double)d->central[s] / div, (double)d->city[s] / div,
                (double)d->commune[s] / div);
    }
    fputs("EOD\n", out);
}

typedef struct lorenz_point {
    double per_capita;
    double population, allocation;
} lorenz_point;

static int by_per_capita(const void *a, const void *b)
{
    const lorenz_point *x = a, *y = b;
    return (x->per_capita > y->per_capita) - (x->per_capita < y->per_capita);
}

/* $lorenz: cumulative shares of population and allocation, units by allocation per
 * person; and gini. */
static void lorenz_data(FILE *out, const fs_chart_data *d)
{
    lorenz_point *p = malloc((d->unit_count + 1) * sizeof *p);
    if (!p) return;
    double pop = 0, alloc = 0;
    for (size_t u = 0; u < d->unit_count; u++) {
        p[u].population = (double)d->population[u];
        p[u].allocation = (double)d->allocation[u];
        p[u].per_capita = p[u].population > 0 ? p[u].allocation / p[u].population : 0;
        pop += p[u].population;
        alloc += p[u].allocation;
    }
    qsort(p, d->unit_count, sizeof *p, by_per_capita);
    double x = 0, y = 0, gini = 1;
    fputs("$lorenz << EOD\n# population allocation (cumulative shares)\n0 0\n", out);
    for (size_t u = 0; u < d->unit_count && pop > 0 && alloc > 0; u++) {
        double nx = x + p[u].population / pop, ny = y + p[u].allocation / alloc;
        gini -= (nx - x) * (ny + y);
        x = nx, y = ny;
        fprintf(out, "%.17g %.17g\n", x, y);
    }
    fputs("EOD\n", out);
    fprintf(out, "gini = %.17g\n", gini);
    free(p);
}

/* The settings every script of plots/ reads, and the data of every chart drawn. */
static void settings_and_data(FILE *out, const fs_chart_data *d, const fs_chart_options *opt)
{
    chart_plots_settings(out, opt);
    fputs("scenario = ", out);
    chart_quoted(out, d->scenario);
    fputs("\nfingerprint = ", out);
    chart_quoted(out, d->fingerprint);
    fputc('\n', out);
    chart_money_settings(out, d->money_unit, !strcmp(d->upper_level, "province"));
    coverage_data(out, d);
    per_capita_data(out, d);
    split_data(out, d);
    lorenz_data(out, d);
    if (d->has_disbursement) chart_disbursement_data(out, d, opt->lang);
    if (d->has_disbursement) chart_risk_data(out, d);
    if (d->has_period) chart_period_data(out, d);
    if (opt->pdf) chart_cover_data(out, d, opt->lang);
}

/* Chart number `only` (an index into chart_run_names), or every chart drawn for -1. */
static void draw_all(FILE *out, const fs_chart_data *d, int only)
{
    for (size_t c = 0; c < CHART_RUN_ALL; c++)
        if ((only < 0 || only == (int)c) && chart_run_drawn(d, c))
            fprintf(out, "load plots.'/%s.gp'\n", chart_run_names[c]);
}

void fs_chart_script(const fs_chart_data *d, const fs_chart_options *opt, const char *dir, FILE *out)
{
    chart_script_start(out, "fiscalsim from the run's tables", "charts.gp");
    settings_and_data(out, d, opt);
    for (chart_format f = CHART_PNG; f <= CHART_SVG; f++) {
        if (!chart_format_wanted(opt, f)) continue;
        for (size_t c = 0; c < CHART_RUN_ALL; c++) {
            if (!chart_run_drawn(d, c)) continue;
            chart_output(out, f, dir, chart_run_names[c]);
            draw_all(out, d, (int)c);
            fputs("unset output\n", out);
        }
    }
    if (opt->pdf) {
        chart_output(out, CHART_PDF, dir, "council-pack");
        fputs("load plots.'/cover.gp'\n", out);
        draw_all(out, d, -1);
        fputs("unset output\n", out);
    }
}
