/*
 * cmd_explain.c: `fiscalsim explain SCENARIO UNIT`: solve, then explain one unit.
 */
#include <stdio.h>

#include "cli.h"

int cmd_explain(int argc, char **argv)
{
    if (argc != 2) return cli_usage_error("explain takes a scenario file and a unit name");
    fs_run *run = cli_run_new();
    if (!run) return FS_EINTERNAL;
    fs_status st = fs_run_load_file(run, argv[0]);
    long u = st == FS_OK ? fs_run_find_unit(run, argv[1]) : -1;
    if (st == FS_OK && u < 0) {
        char near[1024];
        size_t n = fs_run_unit_suggestions(run, argv[1], near, sizeof near);
        if (u == -2)
            fprintf(stderr, "fiscalsim: %s: \"%s\" names %zu units: %s; give the full name\n", argv[0], argv[1], n,
                    near);
        else
            fprintf(stderr, "fiscalsim: %s: no unit named \"%s\"%s%s\n", argv[0], argv[1], n ? "; the closest: " : "",
                    near);
        fs_run_free(run);
        return FS_EUSAGE;
    }
    fs_run_set_flags(run, FS_RUN_ALLOCATION_ONLY);
    if (st == FS_OK) st = fs_run_solve(run);
    if (st == FS_OK) fs_run_explain_unit(run, (size_t)u, stdout);
    else cli_print_diagnostics(fs_run_diagnostics(run));
    fs_run_free(run);
    return st;
}
