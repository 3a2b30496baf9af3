/*
 * cmd_explain.c: `fiscalsim explain SCENARIO UNIT`: solve, then explain one unit.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "engine.h"
#include "explain.h"
#include "scenario.h"

int cmd_explain(int argc, char **argv)
{
    if (argc != 2) return cli_usage_error("explain takes a scenario file and a unit name");
    fs_diag diag = {0};
    fs_model *m = NULL;
    fs_result *r = NULL;
    fs_status st = fs_scenario_load(argv[0], &m, &diag);
    int u = -1;
    if (st == FS_OK) {
        u = fs_model_find_unit(m, argv[1]);
        if (u < 0) st = fs_diag_add(&diag, FS_EUSAGE, argv[0], 0, NULL, "no unit named \"%s\"", argv[1]);
    }
    fs_engine_options opt = {0};
    if (st == FS_OK) st = fs_engine_run(m, &opt, &r, &diag);
    if (st == FS_OK) fs_explain_unit(m, r, (size_t)u, stdout);
    else cli_print_diag(&diag);
    fs_relaxation_free(opt.relaxation);
    fs_result_free(r);
    fs_model_free(m);
    fs_diag_clear(&diag);
    return st;
}
