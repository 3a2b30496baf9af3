/*
 * chart_sweep.c: the charts of `fiscalsim sweep` and `fiscalsim merge` (fs_sweep_draw
 * in chart.h), drawn from the tables the sweep wrote, read back (chart_sweep_data.c).
 *
 * Every chart is a script in plots/ (sweep_tornado, sweep_scatter, and for a sweep
 * with dates sweep_fan; the pack's cover sweep_cover), which an analyst restyles
 * without recompiling. This file writes the driver sweep-charts.gp: the settings (the
 * scripts' folder, the language and its number format, the scenario, the design and
 * the counts of variants) and the data only C computes (chart_sweep_tornado.c,
 * chart_sweep_scatter.c, chart_sweep_fan.c, chart_sweep_cover.c), then each chart in
 * each format asked for, then the PDF pack sweep-pack.pdf: the cover with its summary
 * in sentences, then the charts. Then it runs gnuplot on it (fs_chart_run).
 */
#include "chart_sweep.h"

static const char *const chart_names[] = {"sweep_tornado", "sweep_scatter", "sweep_fan"};
enum { CHARTS = 3 };

/* The charts drawn: the fan only for a sweep with dates. */
static size_t chart_count(const sw_data *d)
{
    return d->fan_count ? CHARTS : CHARTS - 1;
}

static void settings_and_data(FILE *out, const sw_data *d, const fs_chart_options *opt)
{
    static const char *const designs[SW_DESIGNS] = {"grid", "oat", "lhs", "mc", "sobol"};
    const sw_words *w = sw_words_of(opt->lang);
    chart_plots_settings(out, opt);
    fputs("scenario = ", out);
    chart_quoted(out, d->scenario);
    fputc('\n', out);
    chart_money_settings(out, d->money_unit, d->upper_is_province);
    fprintf(out, "sweep_design = '%s'\n", designs[d->design]);
    fprintf(out, "sweep_variants = %lld\nsweep_solved = %lld\nsweep_infeasible = %lld\nsweep_failed = %lld\n",
            (long long)d->variants, (long long)d->solved, (long long)d->infeasible, (long long)d->failed);
    fprintf(out, "sweep_has_fan = %d\n", d->fan_count > 0);
    sw_tornado_data(out, d, w);
    sw_scatter_data(out, d, w);
    if (d->fan_count) sw_fan_data(out, d, opt->lang);
    if (opt->pdf) sw_cover_data(out, d, w);
}

static void script(FILE *out, const sw_data *d, const fs_chart_options *opt, const char *dir)
{
    size_t charts = chart_count(d);
    chart_script_start(out, "fiscalsim sweep from its tables", "sweep-charts.gp");
    settings_and_data(out, d, opt);
    for (chart_format f = CHART_PNG; f <= CHART_SVG; f++) {
        if (!chart_format_wanted(opt, f)) continue;
        for (size_t c = 0; c < charts; c++) {
            chart_output(out, f, dir, chart_names[c]);
            fprintf(out, "load plots.'/%s.gp'\nunset output\n", chart_names[c]);
        }
    }
    if (opt->pdf) {
        chart_output(out, CHART_PDF, dir, "sweep-pack");
        fputs("load plots.'/sweep_cover.gp'\n", out);
        for (size_t c = 0; c < charts; c++) fprintf(out, "load plots.'/%s.gp'\n", chart_names[c]);
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
