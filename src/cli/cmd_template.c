/*
 * cmd_template.c: `fiscalsim template SCENARIO -o UNITS.xlsx`: the scenario's units
 * table as a workbook for an officer to fill in with real figures.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int cmd_template(int argc, char **argv)
{
    const char *scenario = NULL, *out = NULL;
    for (int i = 0; i < argc; i++) {
        int used = cli_output_option(argc, argv, &i, &out);
        if (used < 0 || used > 1) return used;
        if (used == 1) continue;
        if (argv[i][0] == '-') return cli_usage_error("unknown option \"%s\"", argv[i]);
        if (scenario) return cli_usage_error("template takes one scenario file");
        scenario = argv[i];
    }
    if (!scenario || !out) return cli_usage_error("template needs a scenario file and -o UNITS.xlsx");
    size_t n = strlen(out);
    if (n < 5 || strcmp(out + n - 5, ".xlsx")) return cli_usage_error("template writes an .xlsx workbook, not \"%s\"", out);
    fs_run *run = cli_run_new();
    if (!run) return FS_EINTERNAL;
    fs_status st = fs_run_load_file(run, scenario);
    if (st == FS_OK) st = fs_run_write_template(run, out);
    if (st == FS_OK)
        printf("%s: the units table of \"%s\" (%zu units), to fill in; name it in units.table to use it\n", out,
               fs_run_name(run), fs_run_unit_count(run));
    else cli_print_diagnostics(fs_run_diagnostics(run));
    fs_run_free(run);
    return st;
}
