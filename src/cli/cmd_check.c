/*
 * cmd_check.c: `fiscalsim check SCENARIO`: load and validate, report all errors.
 */
#include <stdio.h>

#include "cli.h"

int cmd_check(int argc, char **argv)
{
    if (argc != 1) return cli_usage_error("check takes one scenario file");
    fs_run *run = cli_run_new();
    if (!run) return FS_EINTERNAL;
    fs_status st = fs_run_load_file(run, argv[0]);
    if (st != FS_OK) {
        size_t n = fs_diagnostics_count(fs_run_diagnostics(run));
        cli_print_diagnostics(fs_run_diagnostics(run));
        fprintf(stderr, "fiscalsim: %zu error%s in %s\n", n, n == 1 ? "" : "s", argv[0]);
    } else {
        cli_print_warnings(fs_run_warnings(run));
        fs_run_report_scenario(run, argv[0], stdout);
    }
    fs_run_free(run);
    return st;
}
