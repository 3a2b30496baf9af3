/*
 * cmd_backtest.c: `fiscalsim backtest SCENARIO`: leave-one-year-out forecasts of the
 * scenario's observed disbursement points at cutoffs, against two naive forecasts;
 * write the tables, then draw the chart from them.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "backtest_output.h"
#include "calendar.h"
#include "engine.h"
#include "scenario.h"

enum { MAX_CUTOFFS = 12 };

typedef struct backtest_args {
    const char *scenario, *dir;
    bool sync;
    cli_charts charts;
    fs_cutoff cutoffs[MAX_CUTOFFS];
    size_t cutoff_count;
} backtest_args;

/* "MM-DD,MM-DD,...": days of a plan year, increasing. */
static int parse_cutoffs(const char *list, backtest_args *a)
{
    a->cutoff_count = 0;
    const char *p = list;
    for (;;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        int month = 0, day = 0;
        char text[16];
        snprintf(text, sizeof text, "%.*s", (int)(len < sizeof text - 1 ? len : sizeof text - 1), p);
        /* A day any year has: 02-29 is refused, the plan years are not all leap years. */
        static const int days_in[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        bool ok = len == 5 && text[2] == '-' && sscanf(text, "%2d-%2d", &month, &day) == 2 && month >= 1 &&
                  month <= 12 && day >= 1 && day <= days_in[month - 1];
        if (!ok) return cli_usage_error("--cutoffs: \"%.*s\" is not a day of the year (MM-DD)", (int)len, p);
        if (a->cutoff_count == MAX_CUTOFFS) return cli_usage_error("--cutoffs: at most %d cutoffs", MAX_CUTOFFS);
        fs_cutoff c = {month, day};
        if (a->cutoff_count > 0) {
            fs_cutoff before = a->cutoffs[a->cutoff_count - 1];
            if (before.month * 100 + before.day >= month * 100 + day)
                return cli_usage_error("--cutoffs: \"%s\" does not come after the cutoff before it", text);
        }
        a->cutoffs[a->cutoff_count++] = c;
        if (!end) return FS_OK;
        p = end + 1;
    }
}

static int parse_args(int argc, char **argv, backtest_args *a)
{
    a->dir = "out/backtest";
    a->charts = (cli_charts){FS_CHARTS_PNG, "vi"};
    a->cutoffs[0] = (fs_cutoff){4, 30}, a->cutoffs[1] = (fs_cutoff){6, 30}, a->cutoffs[2] = (fs_cutoff){8, 31};
    a->cutoff_count = 3;
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
            int rc = parse_cutoffs(argv[++i], a);
            if (rc != FS_OK) return rc;
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

/* The lines printed: per cutoff, the errors at 31 December and 31 January of the
 * model and the naive forecasts, and the band's coverage. */
static void print_summary(const fs_backtest_result *b)
{
    for (size_t c = 0; c < b->cutoff_count; c++) {
        double err[2][3] = {{0}}, inside = 0;
        size_t n[2] = {0, 0}, rows = 0;
        for (size_t k = 0; k < b->row_count; k++) {
            const fs_backtest_row *r = &b->rows[k];
            if (r->cutoff != c) continue;
            rows++;
            inside += r->actual >= r->lo && r->actual <= r->hi;
            int y, m, d;
            fs_civil_from_days(r->date, &y, &m, &d);
            int at = y == r->plan_year && m == 12 && d == 31 ? 0 : y == r->plan_year + 1 && m == 1 && d == 31 ? 1 : -1;
            if (at < 0 || r->plan != FS_PLAN_WHOLE || isnan(r->naive_last_year) || isnan(r->naive_mean_curve))
                continue;
            err[at][0] += fabs(r->forecast - r->actual);
            err[at][1] += fabs(r->naive_last_year - r->actual);
            err[at][2] += fabs(r->naive_mean_curve - r->actual);
            n[at]++;
        }
        printf("cutoff %02d-%02d: %zu points, %.0f%% inside the band", b->cutoffs[c].month, b->cutoffs[c].day, rows,
               rows ? 100 * inside / (double)rows : 0.0);
        static const char *const at_name[] = {"31 Dec", "31 Jan"};
        for (int at = 0; at < 2; at++)
            if (n[at])
                printf("; %s mean abs error (pp) over %zu: model %.2f, last year %.2f, mean curve %.2f", at_name[at],
                       n[at], 100 * err[at][0] / (double)n[at], 100 * err[at][1] / (double)n[at],
                       100 * err[at][2] / (double)n[at]);
        printf("\n");
    }
}

int cmd_backtest(int argc, char **argv)
{
    backtest_args a = {0};
    int rc = parse_args(argc, argv, &a);
    if (rc != FS_OK) return rc;
    fs_diag diag = {0};
    fs_model *m = NULL;
    fs_result *r = NULL;
    fs_backtest_result *b = NULL;
    fs_engine_options opt = {0};
    fs_status st = fs_scenario_load(a.scenario, &m, &diag);
    if (st == FS_OK) st = fs_engine_run(m, &opt, &r, &diag);
    if (st == FS_OK) st = fs_backtest_run(m, r, a.cutoffs, a.cutoff_count, &b, &diag);
    fs_output_set *set = NULL;
    if (st == FS_OK) st = fs_output_set_begin(a.dir, &set, &diag);
    if (st == FS_OK) st = fs_backtest_write(m, b, a.dir, set, a.sync, &diag);
    fs_chart_place place = {set ? fs_output_set_stage(set) : NULL, set ? fs_output_set_stage(set) : NULL, a.dir};
    fs_chart_options charts = cli_chart_internal(&a.charts);
    if (st == FS_OK && a.charts.formats) st = fs_backtest_draw(&place, &charts, &diag);
    bool staged = set != NULL;
    st = fs_output_set_end(set, st, a.sync, &diag);
    if (st != FS_OK) {
        cli_print_diag(&diag);
        if (staged) cli_print_unchanged(a.dir);
    } else {
        printf("%s: backtest of %zu plan years, outputs in %s\n", m->name, b->year_count, a.dir);
        print_summary(b);
    }
    fs_backtest_result_free(b);
    fs_relaxation_free(opt.relaxation);
    fs_result_free(r);
    fs_model_free(m);
    fs_diag_clear(&diag);
    return st;
}
