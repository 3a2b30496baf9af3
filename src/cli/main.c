/*
 * main.c: command dispatch, help, version. The exit codes are documented in
 * docs/exit-codes.md and are the fs_status values.
 */
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

void cli_print_diagnostics(const fs_diagnostics *d)
{
    for (size_t k = 0; k < fs_diagnostics_count(d); k++) {
        char line[FS_DIAGNOSTIC_MAX];
        fs_diagnostics_format(d, k, line, sizeof line);
        fprintf(stderr, "fiscalsim: %s\n", line);
    }
}

void cli_print_warnings(const fs_diagnostics *d)
{
    for (size_t k = 0; k < fs_diagnostics_count(d); k++) {
        char line[FS_DIAGNOSTIC_MAX];
        fs_diagnostics_format(d, k, line, sizeof line);
        fprintf(stderr, "fiscalsim: warning: %s\n", line);
    }
}

fs_run *cli_run_new(void)
{
    fs_run *run = fs_run_new();
    if (!run) fputs("fiscalsim: out of memory\n", stderr);
    return run;
}

void cli_print_unchanged(const char *dir)
{
    fprintf(stderr, "fiscalsim: nothing was written: %s is as it was\n", dir);
}

int cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("fiscalsim: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs("\n(see fiscalsim --help)\n", stderr);
    va_end(ap);
    return FS_EUSAGE;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        cli_print_overview(stderr, 0, NULL);
        return FS_EUSAGE;
    }
    const char *cmd = argv[1];
    fs_keep_freed_memory();
    /* A file-size limit (ulimit -f) is then a write error like a full disk (exit 74,
     * nothing half-written left), not a kill. gnuplot inherits it. */
    signal(SIGXFSZ, SIG_IGN);
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        cli_print_overview(stdout, argc - 2, argv + 2);
        return FS_OK;
    }
    if (!strcmp(cmd, "--version")) {
        printf("fiscalsim %s\n", FISCALSIM_VERSION);
        return FS_OK;
    }
    static const char *const known[] = {"run", "check", "explain", "plot", "compare", "sweep",
                                        "merge", "backtest", "template"};
    for (size_t k = 0; k < sizeof known / sizeof *known; k++)
        if (!strcmp(cmd, known[k]) && cli_wants_help(argc - 2, argv + 2))
            return cli_print_command_help(cmd, argc - 2, argv + 2);
    if (!strcmp(cmd, "run")) return cmd_run(argc - 2, argv + 2);
    if (!strcmp(cmd, "check")) return cmd_check(argc - 2, argv + 2);
    if (!strcmp(cmd, "explain")) return cmd_explain(argc - 2, argv + 2);
    if (!strcmp(cmd, "plot")) return cmd_plot(argc - 2, argv + 2);
    if (!strcmp(cmd, "compare")) return cmd_compare(argc - 2, argv + 2);
    if (!strcmp(cmd, "sweep")) return cmd_sweep(argc - 2, argv + 2);
    if (!strcmp(cmd, "merge")) return cmd_merge(argc - 2, argv + 2);
    if (!strcmp(cmd, "backtest")) return cmd_backtest(argc - 2, argv + 2);
    if (!strcmp(cmd, "template")) return cmd_template(argc - 2, argv + 2);
    return cli_usage_error("unknown command \"%s\"", cmd);
}
