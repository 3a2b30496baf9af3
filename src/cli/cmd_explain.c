/*
 * cmd_explain.c: `fiscalsim explain SCENARIO UNIT [--lang vi|en] [--format text|json]`:
 * solve, then explain one unit, found as a person would type its name.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct explain_args {
    const char *scenario, *unit, *lang;
    int format;
} explain_args;

static int parse_args(int argc, char **argv, explain_args *a)
{
    a->lang = "vi";
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        bool has_value = i + 1 < argc;
        if (!strcmp(arg, "--lang")) {
            if (!has_value || (strcmp(argv[i + 1], "vi") && strcmp(argv[i + 1], "en")))
                return cli_usage_error("--lang takes vi or en");
            a->lang = argv[++i];
        } else if (!strcmp(arg, "--format")) {
            if (!has_value || (strcmp(argv[i + 1], "text") && strcmp(argv[i + 1], "json")))
                return cli_usage_error("explain's --format takes text or json");
            a->format = !strcmp(argv[++i], "json") ? FS_EXPLAIN_JSON : FS_EXPLAIN_TEXT;
        } else if (arg[0] == '-' && arg[1]) {
            return cli_usage_error("unknown option \"%s\"", arg);
        } else if (!a->scenario) {
            a->scenario = arg;
        } else if (!a->unit) {
            a->unit = arg;
        } else {
            return cli_usage_error("explain takes a scenario file and a unit name");
        }
    }
    if (!a->unit) return cli_usage_error("explain takes a scenario file and a unit name");
    return FS_OK;
}

/* Says why the name settles no unit: several match, or none (with the closest). */
static int unit_not_found(const fs_run *run, const explain_args *a, long u)
{
    char near[1024];
    size_t n = fs_run_unit_suggestions(run, a->unit, near, sizeof near);
    if (u == -2)
        fprintf(stderr, "fiscalsim: %s: \"%s\" names %zu units: %s; give the full name\n", a->scenario, a->unit, n,
                near);
    else
        fprintf(stderr, "fiscalsim: %s: no unit named \"%s\"%s%s\n", a->scenario, a->unit, n ? "; the closest: " : "",
                near);
    return FS_EUSAGE;
}

int cmd_explain(int argc, char **argv)
{
    explain_args a = {0};
    int rc = parse_args(argc, argv, &a);
    if (rc != FS_OK) return rc;
    fs_run *run = cli_run_new();
    if (!run) return FS_EINTERNAL;
    fs_status st = fs_run_set_outputs(run, FS_TABLES_CSV, 0, a.lang);
    if (st == FS_OK) st = fs_run_load_file(run, a.scenario);
    long u = st == FS_OK ? fs_run_find_unit(run, a.unit) : -1;
    if (st == FS_OK && u < 0) {
        rc = unit_not_found(run, &a, u);
        fs_run_free(run);
        return rc;
    }
    fs_run_set_flags(run, FS_RUN_NO_PERIOD); /* the unit's allocation and its disbursement */
    if (st == FS_OK) st = fs_run_solve(run);
    if (st == FS_OK) st = fs_run_explain_unit(run, (size_t)u, a.format, stdout);
    if (st != FS_OK) cli_print_diagnostics(fs_run_diagnostics(run));
    fs_run_free(run);
    return st;
}
