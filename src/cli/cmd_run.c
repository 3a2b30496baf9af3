/*
 * cmd_run.c: `fiscalsim run SCENARIO`: load, solve, write the outputs.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "disburse.h"
#include "engine.h"
#include "output.h"
#include "period.h"
#include "scenario.h"

typedef struct run_args {
    const char *scenario;
    const char *out_dir;
    const char *export_lp;
    bool csv, xlsx, verbose, timings, sync;
    fs_chart_options charts;
} run_args;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int parse_args(int argc, char **argv, run_args *a)
{
    bool charts_given = false;
    a->csv = true;
    a->charts = (fs_chart_options){.png = true, .pdf = true, .lang = FS_LANG_VI};
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
    if (!a->csv && (a->charts.png || a->charts.svg || a->charts.pdf)) {
        /* Charts are drawn from the CSV tables. */
        if (charts_given) return cli_usage_error("charts are drawn from the CSV tables: use --format csv,xlsx");
        a->charts.png = a->charts.svg = a->charts.pdf = false;
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

/* One line per year of a multi-year run. */
static void print_period(const fs_period_result *p)
{
    static const char *const status[] = {"solved", "no feasible allocation", "not run"};
    for (size_t k = 1; k < p->year_count; k++) {
        const fs_period_year *y = &p->years[k];
        if (y->status == FS_YEAR_SOLVED) {
            printf("%d: min coverage %.4f, %zu units under need, transfers %lld\n", y->year, y->result->min_coverage,
                   y->result->units_under_need, (long long)y->result->total_transfer);
            if (y->result->gap_count)
                fprintf(stderr, "fiscalsim: warning: %d: %zu requirement%s cannot be met in whole money; summary.json "
                                "lists them under period.by_year[].whole_money.gaps\n",
                        y->year, y->result->gap_count, y->result->gap_count == 1 ? "" : "s");
        } else
            printf("%d: %s\n", y->year, status[y->status]);
    }
}

int cmd_run(int argc, char **argv)
{
    run_args a = {0};
    int rc = parse_args(argc, argv, &a);
    if (rc != FS_OK) return rc;
    double t0 = now_ms();
    fs_diag diag = {0};
    fs_model *m = NULL;
    fs_result *r = NULL;
    fs_disburse_result *disb = NULL;
    fs_period_result *period = NULL;
    fs_status period_st = FS_OK;
    char dir[FS_PATH_MAX];
    if (a.out_dir) snprintf(dir, sizeof dir, "%s", a.out_dir);
    else default_out_dir(a.scenario, dir, sizeof dir);
    fs_engine_options opt = {.verbose = a.verbose, .export_lp = a.export_lp, .progress = isatty(STDERR_FILENO)};
    fs_status st = fs_scenario_load(a.scenario, &m, &diag);
    double t_load = now_ms();
    if (st == FS_OK) st = fs_engine_run(m, &opt, &r, &diag);
    double t_engine = now_ms();
    if (st == FS_OK && m->disburse) st = fs_disburse_scenario(m, r, &disb, &diag);
    if (st == FS_OK && m->period) {
        /* A stability violation is a result: the years before it are written, then exit 1. */
        period_st = fs_period_run(m, r, &period, &diag);
        if (period_st != FS_EINFEASIBLE) st = period_st;
    }
    double t_solve = now_ms();
    fs_output_options oo = {.csv = a.csv, .xlsx = a.xlsx, .sync = a.sync, .disburse = disb, .period = period};
    if (st == FS_EINFEASIBLE && opt.relaxation) {
        /* The explanation is this run's result: summary.json only. */
        fs_status wst = cli_make_dirs(dir, &diag);
        if (wst == FS_OK) wst = fs_output_write_infeasible(m, opt.relaxation, dir, &oo, &diag);
        if (wst != FS_OK) st = wst;
    }
    fs_output_set *set = NULL;
    if (st == FS_OK) st = cli_output_open(dir, &set, &diag);
    oo.set = set;
    if (st == FS_OK) st = fs_output_write(m, r, dir, &oo, &diag);
    double t_write = now_ms();
    if (st == FS_OK && (a.charts.png || a.charts.svg || a.charts.pdf)) {
        /* Charts are drawn from the tables just staged, as `plot` would, into the same set. */
        fs_chart_place place = {fs_output_set_stage(set), fs_output_set_stage(set), dir};
        fs_chart_data *data = NULL;
        st = fs_chart_data_read(place.tables, &data, &diag);
        if (st == FS_OK) st = fs_chart_draw(data, &a.charts, &place, &diag);
        fs_chart_data_free(data);
    }
    bool staged = set != NULL;
    st = cli_output_end(set, st, a.sync, &diag);
    double t_chart = now_ms();
    if (st == FS_OK && period_st == FS_EINFEASIBLE) {
        print_period(period);
        st = period_st;
        cli_print_diag(&diag);
    } else if (st != FS_OK) {
        cli_print_diag(&diag);
        if (staged) cli_print_unchanged(dir);
    } else {
        const char *how = m->policy.mode == FS_MODE_LEGAL    ? "legal formula"
                          : r->status == FS_LP_FEASIBLE_LIMIT ? "best allocation found within the time limit"
                                                              : "optimal";
        printf("%s: %s, min coverage %.4f, %zu of %zu units under need, outputs in %s\n", m->name, how,
               r->min_coverage, r->units_under_need, m->unit_count, dir);
        cli_print_money_gaps(m, r);
        if (disb) cli_print_disbursement(m, disb);
        if (period) print_period(period);
    }
    if (a.timings)
        fprintf(stderr,
                "timings_ms load %.3f build %.3f solve %.3f round %.3f disburse %.3f write %.3f chart %.3f total %.3f\n",
                t_load - t0, opt.phase_ms[0], opt.phase_ms[1], opt.phase_ms[2], t_solve - t_engine, t_write - t_solve,
                t_chart - t_write, t_chart - t0);
    fs_relaxation_free(opt.relaxation);
    fs_disburse_result_free(disb);
    fs_period_result_free(period);
    fs_result_free(r);
    fs_model_free(m);
    fs_diag_clear(&diag);
    return st;
}
