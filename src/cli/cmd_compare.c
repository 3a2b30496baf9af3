/*
 * cmd_compare.c: `fiscalsim compare BASE REFORM`: solve both, compare unit by unit
 * and, when both have a disbursement section, their disbursement forecasts at chosen
 * dates; write the tables, then draw the charts from them (fs_comparison_*).
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct compare_args {
    const char *paths[2], *dir, *dates;
    bool csv, xlsx, sync, charts_given;
    cli_charts charts;
} compare_args;

static int parse_args(int argc, char **argv, compare_args *a)
{
    size_t given = 0;
    a->dir = "out/compare";
    a->csv = true;
    a->charts = (cli_charts){FS_CHARTS_PNG | FS_CHARTS_PDF, "vi", NULL};
    for (int i = 0; i < argc; i++) {
        bool charts = !strcmp(argv[i], "--charts");
        int used = cli_chart_option(argc, argv, &i, &a->charts);
        if (used < 0 || used > 1) return used;
        if (used == 1) {
            a->charts_given |= charts;
            continue;
        }
        int out = cli_output_option(argc, argv, &i, &a->dir);
        if (out != 0) {
            if (out != 1) return out;
            continue;
        }
        const char *arg = argv[i];
        bool has_value = i + 1 < argc;
        if (!strcmp(arg, "--format")) {
            if (!has_value || cli_parse_formats(argv[++i], &a->csv, &a->xlsx) != 0)
                return cli_usage_error("--format takes csv, xlsx or csv,xlsx");
        } else if (!strcmp(arg, "--dates")) {
            if (!has_value) return cli_usage_error("--dates needs dates, such as 2026-06-30,2026-12-31");
            a->dates = argv[++i];
        } else if (!strcmp(arg, "--sync")) {
            a->sync = true;
        } else if (arg[0] == '-' && arg[1]) {
            return cli_usage_error("unknown option \"%s\"", arg);
        } else if (given < 2) {
            a->paths[given++] = arg;
        } else {
            return cli_usage_error("compare takes two scenario files");
        }
    }
    if (given != 2) return cli_usage_error("compare takes two scenario files: BASE REFORM");
    /* The charts are drawn from the CSV tables. */
    if (!a->csv && a->charts.formats) {
        if (a->charts_given) return cli_usage_error("--charts needs the CSV tables: use --format csv,xlsx");
        a->charts.formats = 0;
    }
    return FS_OK;
}

int cmd_compare(int argc, char **argv)
{
    compare_args a = {0};
    int rc = parse_args(argc, argv, &a);
    if (rc != FS_OK) return rc;
    fs_comparison *c = fs_comparison_new();
    if (!c) {
        fputs("fiscalsim: out of memory\n", stderr);
        return FS_EINTERNAL;
    }
    const fs_diagnostics *diag = fs_comparison_diagnostics(c);
    fs_comparison_set_flags(c, a.sync ? FS_RUN_SYNC : 0);
    fs_status st = fs_comparison_set_outputs(c, (a.csv ? FS_TABLES_CSV : 0) | (a.xlsx ? FS_TABLES_XLSX : 0),
                                             a.charts.formats, a.charts.lang);
    if (st == FS_OK) st = fs_comparison_set_plots(c, a.charts.plots);
    if (st == FS_OK && a.dates && fs_comparison_set_dates(c, a.dates) != FS_OK) {
        /* A date the library refuses is a usage error of --dates. */
        rc = cli_usage_error("--dates: %s", fs_diagnostics_message(diag, fs_diagnostics_count(diag) - 1));
        fs_comparison_free(c);
        return rc;
    }
    if (st == FS_OK) st = fs_comparison_solve(c, a.paths[0], a.paths[1]);
    if (st == FS_OK) st = fs_comparison_write(c, a.dir);
    if (st == FS_OK) {
        fs_comparison_report(c, a.dir, stdout);
    } else {
        cli_print_diagnostics(diag);
        if (fs_comparison_output_kept(c)) cli_print_unchanged(a.dir);
    }
    fs_comparison_free(c);
    return st;
}
