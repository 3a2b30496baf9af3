/*
 * cmd_plot.c: `fiscalsim plot DIR [--plots SCRIPTS] [--unit NAME]`: redraw the charts
 * from a run's tables, no solve, with the chart scripts of plots/ or of a restyled copy;
 * with --unit, only one unit's page of communes.pdf, into commune.pdf.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int cmd_plot(int argc, char **argv)
{
    cli_charts charts = {FS_CHARTS_PNG | FS_CHARTS_PDF, "vi", NULL};
    const char *dir = NULL, *unit = NULL;
    for (int i = 0; i < argc; i++) {
        int used = cli_chart_option(argc, argv, &i, &charts);
        if (used < 0 || used > 1) return used;
        if (used == 1) continue;
        if (!strcmp(argv[i], "--unit")) {
            if (i + 1 >= argc) return cli_usage_error("--unit needs a unit's name");
            unit = argv[++i];
            continue;
        }
        if (argv[i][0] == '-') return cli_usage_error("unknown option \"%s\"", argv[i]);
        if (dir) return cli_usage_error("plot takes one folder");
        dir = argv[i];
    }
    if (!dir) return cli_usage_error("plot needs the folder of a run");
    fs_run *run = cli_run_new();
    if (!run) return FS_EINTERNAL;
    fs_status st = fs_run_set_outputs(run, FS_TABLES_CSV, charts.formats, charts.lang);
    if (st == FS_OK) st = fs_run_set_plots(run, charts.plots);
    if (st == FS_OK) st = unit ? fs_run_redraw_unit(run, dir, unit) : fs_run_redraw(run, dir);
    if (st == FS_OK && unit) printf("%s/commune.pdf drawn\n", dir);
    else if (st == FS_OK) printf("charts drawn in %s\n", dir);
    else cli_print_diagnostics(fs_run_diagnostics(run));
    fs_run_free(run);
    return st;
}
