/*
 * cmd_run.c: `fiscalsim run SCENARIO`: load, solve, write the outputs.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

typedef struct run_args {
    const char *scenario;
    const char *out_dir;
    const char *export_lp;
    bool csv, xlsx, verbose, timings, sync;
    cli_charts charts;
} run_args;

static int parse_args(int argc, char **argv, run_args *a)
{
    bool charts_given = false;
    a->csv = true;
    a->charts = (cli_charts){FS_CHARTS_PNG | FS_CHARTS_PDF, "vi", NULL};
    for (int i = 0; i < argc; i++) {
        bool is_charts = !strcmp(argv[i], "--charts");
        int used = cli_chart_option(argc, argv, &i, &a->charts);
        if (used < 0 || used > 1) return used;
        if (used == 1) {
            charts_given |= is_charts;
            continue;
        }
        int out = cli_output_option(argc, argv, &i, &a->out_dir);
        if (out != 0) {
            if (out != 1) return out;
            continue;
        }
        const char *arg = argv[i];
        bool has_value = i + 1 < argc;
        if (!strcmp(arg, "--format")) {
            if (!has_value || cli_parse_formats(argv[++i], &a->csv, &a->xlsx) != 0)
                return cli_usage_error("--format takes csv, xlsx or csv,xlsx");
        } else if (!strcmp(arg, "--export-lp")) {
            if (!has_value) return cli_usage_error("--export-lp needs a file name");
            a->export_lp = argv[++i];
        } else if (!strcmp(arg, "--verbose")) {
            a->verbose = true;
        } else if (!strcmp(arg, "--sync")) {
            a->sync = true;
        } else if (!strcmp(arg, "--timings")) {
            a->timings = true;
        } else if (arg[0] == '-' && arg[1]) {
            return cli_usage_error("unknown option \"%s\"", arg);
        } else if (!a->scenario) {
            a->scenario = arg;
        } else {
            return cli_usage_error("run takes one scenario file, got \"%s\" too", arg);
        }
    }
    if (!a->scenario) return cli_usage_error("run needs a scenario file");
    if (!a->csv && a->charts.formats) {
        /* Charts are drawn from the CSV tables. */
        if (charts_given) return cli_usage_error("charts are drawn from the CSV tables: use --format csv,xlsx");
        a->charts.formats = 0;
    }
    return FS_OK;
}

/* out/<scenario file name without extension> */
static void default_out_dir(const char *scenario, char *buf, size_t size)
{
    const char *base = strrchr(scenario, '/');
    base = base ? base + 1 : scenario;
    snprintf(buf, size, "out/%s", base);
    char *dot = strrchr(buf, '.');
    if (dot && dot > buf + 4) *dot = '\0';
}

int cmd_run(int argc, char **argv)
{
    run_args a = {0};
    int rc = parse_args(argc, argv, &a);
    if (rc != FS_OK) return rc;
    fs_run *run = cli_run_new();
    if (!run) return FS_EINTERNAL;
    char dir[FS_PATH_MAX];
    if (a.out_dir) snprintf(dir, sizeof dir, "%s", a.out_dir);
    else default_out_dir(a.scenario, dir, sizeof dir);
    fs_run_set_flags(run, (a.sync ? FS_RUN_SYNC : 0) | (a.verbose ? FS_RUN_VERBOSE : 0) |
                              (a.timings ? FS_RUN_TIMINGS : 0) | (isatty(STDERR_FILENO) ? FS_RUN_PROGRESS : 0));
    fs_status st = fs_run_set_outputs(run, (a.csv ? FS_TABLES_CSV : 0) | (a.xlsx ? FS_TABLES_XLSX : 0),
                                      a.charts.formats, a.charts.lang);
    if (st == FS_OK) st = fs_run_set_export_lp(run, a.export_lp);
    if (st == FS_OK) st = fs_run_set_plots(run, a.charts.plots);
    if (st == FS_OK) st = fs_run_load_file(run, a.scenario);
    if (st == FS_OK) cli_print_warnings(fs_run_warnings(run));
    if (st == FS_OK) st = fs_run_solve(run);
    if (fs_run_writable(run)) {
        /* An infeasible allocation writes what would have to give; a period year with no
         * feasible allocation is a result, written, then exit 1. */
        fs_status wst = fs_run_write(run, dir);
        if (wst != FS_OK) st = wst;
    }
    if (st == FS_OK || (st == FS_EINFEASIBLE && fs_run_failed_year(run))) fs_run_report(run, dir, stdout, stderr);
    if (st != FS_OK) {
        cli_print_diagnostics(fs_run_diagnostics(run));
        if (fs_run_output_kept(run)) cli_print_unchanged(dir);
    }
    fs_run_free(run);
    return st;
}
