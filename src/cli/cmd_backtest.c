/*
 * cmd_backtest.c: `fiscalsim backtest SCENARIO`: leave-one-year-out forecasts of the
 * scenario's observed disbursement points at cutoffs, against two naive forecasts;
 * write the tables, then draw the chart from them.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct backtest_args {
    const char *scenario, *dir, *cutoffs;
    bool sync;
    cli_charts charts;
} backtest_args;

static int parse_args(int argc, char **argv, backtest_args *a)
{
    a->dir = "out/backtest";
    a->charts = (cli_charts){FS_CHARTS_PNG, "vi", NULL};
    for (int i = 0; i < argc; i++) {
        int used = cli_chart_option(argc, argv, &i, &a->charts);
        if (used < 0 || used > 1) return used;
        if (used == 1) continue;
        int out = cli_output_option(argc, argv, &i, &a->dir);
        if (out != 0) {
            if (out != 1) return out;
            continue;
        }
        const char *arg = argv[i];
        bool has_value = i + 1 < argc;
        if (!strcmp(arg, "--cutoffs")) {
            if (!has_value) return cli_usage_error("--cutoffs needs a list of days, e.g. 04-30,06-30,08-31");
            a->cutoffs = argv[++i];
        } else if (!strcmp(arg, "--sync")) {
            a->sync = true;
        } else if (arg[0] == '-' && arg[1]) {
            return cli_usage_error("unknown option \"%s\"", arg);
        } else if (!a->scenario) {
            a->scenario = arg;
        } else {
            return cli_usage_error("backtest takes one scenario file, got \"%s\" too", arg);
        }
    }
    if (!a->scenario) return cli_usage_error("backtest needs a scenario file");
    return FS_OK;
}

int cmd_backtest(int argc, char **argv)
{
    backtest_args a = {0};
    int rc = parse_args(argc, argv, &a);
    if (rc != FS_OK) return rc;
    fs_run *run = cli_run_new();
    if (!run) return FS_EINTERNAL;
    const fs_diagnostics *diag = fs_run_diagnostics(run);
    fs_run_set_flags(run, a.sync ? FS_RUN_SYNC : 0);
    fs_status st = fs_run_set_outputs(run, FS_TABLES_CSV, a.charts.formats, a.charts.lang);
    if (st == FS_OK) st = fs_run_set_plots(run, a.charts.plots);
    if (st == FS_OK && a.cutoffs && fs_run_set_cutoffs(run, a.cutoffs) != FS_OK) {
        /* A cutoff the library refuses is a usage error of --cutoffs. */
        rc = cli_usage_error("--cutoffs: %s", fs_diagnostics_message(diag, fs_diagnostics_count(diag) - 1));
        fs_run_free(run);
        return rc;
    }
    if (st == FS_OK) st = fs_run_load_file(run, a.scenario);
    if (st == FS_OK) st = fs_run_backtest(run);
    if (st == FS_OK) st = fs_run_write_backtest(run, a.dir);
    if (st == FS_OK) {
        fs_run_report_backtest(run, a.dir, stdout);
    } else {
        cli_print_diagnostics(diag);
        if (fs_run_output_kept(run)) cli_print_unchanged(a.dir);
    }
    fs_run_free(run);
    return st;
}
