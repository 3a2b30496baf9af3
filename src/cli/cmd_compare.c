/*
 * cmd_compare.c: `fiscalsim compare BASE REFORM`: solve both, compare unit by unit.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "fiscalsim/compare.h"
#include "fiscalsim/engine.h"
#include "fiscalsim/explain.h"
#include "fiscalsim/scenario.h"

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

int cmd_compare(int argc, char **argv)
{
    const char *paths[2] = {NULL, NULL}, *dir = "out/compare";
    bool sync = false;
    size_t given = 0;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "-o") || !strcmp(argv[i], "--output")) {
            if (i + 1 >= argc) return cli_usage_error("%s needs a folder", argv[i]);
            dir = argv[++i];
            if (!dir[0]) return cli_usage_error("%s needs a folder, got an empty name", argv[i - 1]);
        } else if (!strcmp(argv[i], "--sync")) {
            sync = true;
        } else if (argv[i][0] == '-') {
            return cli_usage_error("unknown option \"%s\"", argv[i]);
        } else if (given < 2) {
            paths[given++] = argv[i];
        } else {
            return cli_usage_error("compare takes two scenario files");
        }
    }
    if (given != 2) return cli_usage_error("compare takes two scenario files: BASE REFORM");
    fs_diag diag = {0};
    fs_model *m[2] = {NULL, NULL};
    fs_result *r[2] = {NULL, NULL};
    fs_compare *cmp = NULL;
    fs_status st = solve(paths[0], &m[0], &r[0], &diag);
    if (st == FS_OK) st = solve(paths[1], &m[1], &r[1], &diag);
    if (st == FS_OK) st = fs_compare_build(m[0], r[0], m[1], r[1], &cmp, &diag);
    if (st == FS_OK) st = cli_make_dirs(dir, &diag);
    if (st == FS_OK) st = fs_compare_write(cmp, m[0], m[1], dir, sync, &diag);
    if (st == FS_OK) {
        char change[48], transfers[48];
        fs_format_money(cmp->allocation[1] - cmp->allocation[0], change, sizeof change);
        fs_format_money(cmp->transfer[1] - cmp->transfer[0], transfers, sizeof transfers);
        printf("%s -> %s: %zu winners, %zu losers, %zu unchanged; allocation change %s, transfers change %s %s; "
               "outputs in %s\n",
               m[0]->name, m[1]->name, cmp->winners, cmp->losers, cmp->unit_count - cmp->winners - cmp->losers,
               change, transfers, m[0]->money_unit, dir);
    } else {
        cli_print_diag(&diag);
    }
    fs_compare_free(cmp);
    for (int k = 0; k < 2; k++) {
        fs_result_free(r[k]);
        fs_model_free(m[k]);
    }
    fs_diag_clear(&diag);
    return st;
}
