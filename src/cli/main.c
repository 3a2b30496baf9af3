/*
 * main.c: command dispatch, help, version. The exit codes are documented in
 * docs/exit-codes.md and are the fs_status values.
 */
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: fiscalsim COMMAND [ARGS]\n"
    "\n"
    "commands:\n"
    "  run SCENARIO [-o DIR] [--format csv|xlsx|csv,xlsx] [--charts png,svg,pdf|none]\n"
    "      [--lang vi|en] [--plots SCRIPTS] [--export-lp FILE] [--sync] [--verbose] [--timings]\n"
    "                          solve the allocation (and the disbursement and the stability\n"
    "                          period when the scenario has them) and write summary.json, the\n"
    "                          tables and the charts (default png,pdf: council-pack.pdf, and\n"
    "                          communes.pdf, a page per unit) to DIR\n"
    "                          (default: out/<scenario name>); --sync flushes each file first\n"
    "  compare BASE REFORM [-o DIR] [--format csv|xlsx|csv,xlsx] [--dates D,...]\n"
    "      [--charts png,svg,pdf|none] [--lang vi|en] [--plots SCRIPTS] [--sync]\n"
    "                          solve both scenarios and compare them unit by unit and by kind,\n"
    "                          class and former province, and their disbursement at the dates\n"
    "                          D (YYYY-MM-DD); charts and compare-pack.pdf (default DIR:\n"
    "                          out/compare)\n"
    "  sweep SCENARIO [-o DIR] [--jobs N] [--shard K/N] [--resume | --restart] [--sync]\n"
    "      [--charts png,svg,pdf|none] [--lang vi|en] [--plots SCRIPTS] [--export-lps FILE]\n"
    "                          run every variant of the scenario's sweep section on N workers\n"
    "                          (default: all cores): sweep.csv, sensitivity.csv, sweep.json\n"
    "                          (default DIR: out/sweep); --shard runs the K-th of N parts\n"
    "                          (N <= 1000000), --resume continues an interrupted sweep in DIR,\n"
    "                          --restart discards the journal in DIR and starts afresh;\n"
    "                          --export-lps writes every variant's LP as JSON lines\n"
    "                          (fiscalsim sweep --help: every option)\n"
    "  merge SCENARIO SHARD... [-o DIR] [--charts png,svg,pdf|none] [--lang vi|en]\n"
    "      [--plots SCRIPTS]\n"
    "                          merge the shard files of a sweep into its outputs\n"
    "  backtest SCENARIO [-o DIR] [--cutoffs MM-DD,...] [--charts png,svg,pdf|none]\n"
    "      [--lang vi|en] [--plots SCRIPTS] [--sync]\n"
    "                          forecast each plan year with observed disbursement from its\n"
    "                          points up to each cutoff (default 04-30,06-30,08-31) and the\n"
    "                          other years' prior; against the previous year's figure and the\n"
    "                          mean curve: backtest.csv, backtest.json, backtest.png (default\n"
    "                          DIR: out/backtest)\n"
    "  template SCENARIO -o UNITS.xlsx\n"
    "                          the scenario's units table as an Excel workbook to fill in with\n"
    "                          real figures (a scenario's units.table may name the .xlsx)\n"
    "  plot DIR [--charts png,svg,pdf] [--lang vi|en] [--plots SCRIPTS] [--unit NAME]\n"
    "                          redraw the charts from the tables in DIR (no solve); --plots:\n"
    "                          with the chart scripts of SCRIPTS, a restyled copy of plots/;\n"
    "                          --unit: only that unit's page of communes.pdf, into commune.pdf\n"
    "  check SCENARIO          validate the scenario and report every error at once\n"
    "  explain SCENARIO UNIT   explain one unit's need, revenue, transfers and binding limits\n"
    "  --help, --version\n"
    "\n"
    "exit codes: 0 ok, 1 infeasible policy, 64 usage, 65 invalid input, 69 missing program,\n"
    "            70 internal error, 74 I/O error, 75 time limit reached with no allocation\n";

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
        fputs(usage, stderr);
        return FS_EUSAGE;
    }
    const char *cmd = argv[1];
    fs_keep_freed_memory();
    /* A file-size limit (ulimit -f) is then a write error like a full disk (exit 74,
     * nothing half-written left), not a kill. gnuplot inherits it. */
    signal(SIGXFSZ, SIG_IGN);
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(usage, stdout);
        return FS_OK;
    }
    if (!strcmp(cmd, "--version")) {
        printf("fiscalsim %s\n", FISCALSIM_VERSION);
        return FS_OK;
    }
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
