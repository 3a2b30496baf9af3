/*
 * cmd_compare.c: `fiscalsim compare BASE REFORM`: solve both, compare unit by unit,
 * and, when both have a disbursement section, their disbursement forecasts at chosen
 * dates; write the tables, then draw the charts from them.
 */
#define _DEFAULT_SOURCE /* realpath */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "calendar.h"
#include "chart.h"
#include "compare_output.h"
#include "disburse.h"
#include "engine.h"
#include "explain.h"
#include "scenario.h"

enum { MAX_DATES = 64 };

typedef struct compare_args {
    const char *paths[2], *dir;
    bool sync, charts_given;
    fs_compare_options out;
    fs_chart_options charts;
    int32_t dates[MAX_DATES];
    size_t date_count;
} compare_args;

/* Loads and solves one scenario; on failure the diagnostics say why. */
static fs_status solve(const char *path, fs_model **m, fs_result **r, fs_diag *diag)
{
    fs_status st = fs_scenario_load(path, m, diag);
    if (st != FS_OK) return st;
    fs_engine_options opt = {0};
    st = fs_engine_run(*m, &opt, r, diag);
    fs_relaxation_free(opt.relaxation);
    return st;
}

/* "YYYY-MM-DD,YYYY-MM-DD,...": every date checked; the first bad one is named. */
static int parse_dates(const char *list, compare_args *a)
{
    a->date_count = 0;
    const char *p = list;
    for (;;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char text[32];
        snprintf(text, sizeof text, "%.*s", (int)(len < sizeof text - 1 ? len : sizeof text - 1), p);
        int32_t day;
        if (len >= sizeof text || fs_date_parse(text, &day) != 0)
            return cli_usage_error("--dates: \"%.*s\" is not a date (YYYY-MM-DD)", (int)len, p);
        if (a->date_count == MAX_DATES) return cli_usage_error("--dates: at most %d dates", MAX_DATES);
        a->dates[a->date_count++] = day;
        if (!end) return FS_OK;
        p = end + 1;
    }
}

static int parse_args(int argc, char **argv, compare_args *a)
{
    size_t given = 0;
    a->dir = "out/compare";
    a->out = (fs_compare_options){.csv = true, .lang = FS_LANG_VI};
    a->charts = (fs_chart_options){.png = true, .pdf = true, .lang = FS_LANG_VI};
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
            if (!has_value || cli_parse_formats(argv[++i], &a->out.csv, &a->out.xlsx) != 0)
                return cli_usage_error("--format takes csv, xlsx or csv,xlsx");
        } else if (!strcmp(arg, "--dates")) {
            if (!has_value) return cli_usage_error("--dates needs dates, such as 2026-06-30,2026-12-31");
            int rc = parse_dates(argv[++i], a);
            if (rc != FS_OK) return rc;
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
    a->out.sync = a->sync;
    a->out.lang = a->charts.lang;
    /* The charts are drawn from the CSV tables. */
    bool any = a->charts.png || a->charts.svg || a->charts.pdf;
    if (!a->out.csv && any) {
        if (a->charts_given) return cli_usage_error("--charts needs the CSV tables: use --format csv,xlsx");
        a->charts.png = a->charts.svg = a->charts.pdf = false;
    }
    return FS_OK;
}

static void print_disbursement(const fs_compare *c, const char *money_unit)
{
    printf("disbursement of the whole plan, forecast share and simulated by the month's end (%s):\n", money_unit);
    for (size_t k = 0; k < c->date_count; k++) {
        const fs_compare_date *d = &c->dates[k];
        char date[11];
        fs_date_format(d->date, date);
        int64_t before = d->simulated[FS_PLAN_WHOLE][0], after = d->simulated[FS_PLAN_WHOLE][1];
        char b[48], a[48], ch[48];
        fs_format_money(before, b, sizeof b);
        fs_format_money(after, a, sizeof a);
        fs_format_money(after - before, ch, sizeof ch);
        printf("  %s: %.1f%% -> %.1f%%; %s -> %s (%s)\n", date, 100 * d->share[FS_PLAN_WHOLE][0],
               100 * d->share[FS_PLAN_WHOLE][1], b, a, ch);
    }
}

/* True when the reform's disbursement is calibrated on its baseline and that baseline
 * is the scenario compared with it: its run is already done (fs_disburse_scenario
 * would load, solve and simulate it again). */
static bool calibrates_on(const fs_model *reform, const fs_model *base)
{
    if (!reform->disburse->calibrate_on_baseline || reform->file_count < 2) return false;
    char a[PATH_MAX], b[PATH_MAX];
    return realpath(reform->files[1], a) && realpath(base->files[0], b) && !strcmp(a, b);
}

int cmd_compare(int argc, char **argv)
{
    compare_args a = {0};
    int rc = parse_args(argc, argv, &a);
    if (rc != FS_OK) return rc;
    fs_diag diag = {0};
    fs_model *m[2] = {NULL, NULL};
    fs_result *r[2] = {NULL, NULL};
    fs_disburse_result *d[2] = {NULL, NULL};
    fs_compare *cmp = NULL;
    fs_status st = solve(a.paths[0], &m[0], &r[0], &diag);
    if (st == FS_OK) st = solve(a.paths[1], &m[1], &r[1], &diag);
    /* Disbursement is compared only when both scenarios have it, each as `run` does it. */
    bool disburse = st == FS_OK && m[0]->disburse && m[1]->disburse;
    for (int k = 0; disburse && k < 2 && st == FS_OK; k++)
        st = k == 1 && calibrates_on(m[1], m[0]) ? fs_disburse_run(m[1], r[1], d[0], &d[1], &diag)
                                                 : fs_disburse_scenario(m[k], r[k], &d[k], &diag);
    if (st == FS_OK) st = fs_compare_build(m[0], r[0], m[1], r[1], &cmp, &diag);
    if (st == FS_OK && disburse) st = fs_compare_disbursement(cmp, d[0], d[1], a.dates, a.date_count, &diag);
    fs_output_set *set = NULL;
    if (st == FS_OK) st = fs_output_set_begin(a.dir, &set, &diag);
    a.out.set = set;
    if (st == FS_OK) st = fs_compare_write(cmp, m[0], m[1], a.dir, &a.out, &diag);
    fs_chart_place place = {set ? fs_output_set_stage(set) : NULL, set ? fs_output_set_stage(set) : NULL, a.dir};
    if (st == FS_OK && (a.charts.png || a.charts.svg || a.charts.pdf)) st = fs_compare_draw(&place, &a.charts, &diag);
    bool staged = set != NULL;
    st = fs_output_set_end(set, st, a.out.sync, &diag);
    if (st == FS_OK) {
        char change[48], transfers[48];
        fs_format_money(cmp->allocation[1] - cmp->allocation[0], change, sizeof change);
        fs_format_money(cmp->transfer[1] - cmp->transfer[0], transfers, sizeof transfers);
        printf("%s -> %s: %zu winners, %zu losers, %zu unchanged; allocation change %s, transfers change %s %s; "
               "outputs in %s\n",
               m[0]->name, m[1]->name, cmp->winners, cmp->losers, cmp->unit_count - cmp->winners - cmp->losers,
               change, transfers, m[0]->money_unit, a.dir);
        if (cmp->has_disbursement) print_disbursement(cmp, m[0]->money_unit);
    } else {
        cli_print_diag(&diag);
        if (staged) cli_print_unchanged(a.dir);
    }
    fs_compare_free(cmp);
    for (int k = 0; k < 2; k++) {
        fs_disburse_result_free(d[k]);
        fs_result_free(r[k]);
        fs_model_free(m[k]);
    }
    fs_diag_clear(&diag);
    return st;
}
