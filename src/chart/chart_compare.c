/*
 * chart_compare.c: the charts of `fiscalsim compare` (fs_compare_draw in compare.h),
 * drawn from the tables the comparison wrote, read back (chart_compare_data.c).
 *
 * Every chart is a script in plots/ (compare_groups, compare_units, compare_scatter,
 * and when both scenarios have disbursement compare_disbursement; the pack's cover
 * compare_cover), which an analyst restyles without recompiling. This file writes the
 * driver compare-charts.gp: the settings (the scripts' folder, the language and its
 * number format) and the data only C computes (chart_compare_blocks.c), then each
 * chart in each format asked for, then the PDF pack: the cover with its summary in
 * sentences, then the charts. Then it runs gnuplot on it (fs_chart_run).
 */
#include "chart_compare.h"
#include "compare.h"

static const char *const chart_names[] = {"compare_groups", "compare_units", "compare_scatter",
                                          "compare_disbursement"};
enum { CHARTS = sizeof chart_names / sizeof *chart_names };

static size_t chart_count(const cmp_data *d)
{
    return d->has_disbursement ? CHARTS : CHARTS - 1;
}

static void script(FILE *out, const cmp_data *d, const fs_chart_options *opt, const char *dir)
{
    chart_script_start(out, "fiscalsim compare from its tables", "compare-charts.gp");
    chart_plots_settings(out, opt);
    cmp_chart_data(out, d, opt->lang, opt->pdf);
    for (chart_format f = CHART_PNG; f <= CHART_SVG; f++) {
        if (!chart_format_wanted(opt, f)) continue;
        for (size_t c = 0; c < chart_count(d); c++) {
            chart_output(out, f, dir, chart_names[c]);
            fprintf(out, "load plots.'/%s.gp'\nunset output\n", chart_names[c]);
        }
    }
    if (opt->pdf) {
        chart_output(out, CHART_PDF, dir, "compare-pack");
        fputs("load plots.'/compare_cover.gp'\n", out);
        for (size_t c = 0; c < chart_count(d); c++) fprintf(out, "load plots.'/%s.gp'\n", chart_names[c]);
        fputs("unset output\n", out);
    }
}

static void write_script(FILE *out, const void *data, const fs_chart_options *opt, const char *dir)
{
    script(out, data, opt, dir);
}

fs_status fs_compare_draw(const fs_chart_place *place, const fs_chart_options *opt, fs_diag *diag)
{
    cmp_data d = {.unit_count = 0};
    if (cmp_data_read(place->tables, &d, diag)) {
        cmp_data_free(&d);
        return fs_diag_status(diag);
    }
    chart_path paths[2 * CHARTS + 1];
    const char *outputs[2 * CHARTS + 1];
    size_t n = chart_output_paths(place->stage, opt, chart_names, chart_count(&d), "compare-pack", paths, outputs);
    fs_status st = chart_write_and_run(place, "compare-charts.gp", write_script, &d, opt, outputs, n, diag);
    cmp_data_free(&d);
    return st;
}
