/*
 * cli.h (private): the command-line tool's commands. Each returns an exit code
 * (fs_status values, see docs/exit-codes.md); only the CLI prints.
 */
#ifndef FISCALSIM_CLI_H
#define FISCALSIM_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "fiscalsim.h"

int cmd_run(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_plot(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_sweep(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_backtest(int argc, char **argv);
int cmd_template(int argc, char **argv);

/* help.c: the help in the language of a --lang among the arguments (Vietnamese by
 * default). The overview of every command (synopsis, purpose, example) to out; whether
 * the arguments ask for help (--help or -h); one command's help (purpose, synopsis,
 * options, example) to stdout, FS_OK, or a usage error for a command it does not know. */
void cli_print_overview(FILE *out, int argc, char **argv);
bool cli_wants_help(int argc, char **argv);
int cli_print_command_help(const char *name, int argc, char **argv);

/* The charts asked for: formats (FS_CHARTS_*), language ("vi" or "en"), and the
 * folder of the chart scripts (--plots; NULL: plots/ next to the program). */
typedef struct cli_charts {
    unsigned formats;
    const char *lang;
    const char *plots;
} cli_charts;

/* Parses --charts LIST / --lang LANG / --plots DIR at argv[*i]: returns 1 (consumed, *i advanced),
 * 0 (not a chart option), or FS_EUSAGE after printing the usage error. */
int cli_chart_option(int argc, char **argv, int *i, cli_charts *opt);

/* Reads -o/--output DIR at argv[*i] into *dir: returns 0 when argv[*i] is not that
 * option, 1 when it was read (*i moved past the folder), or a usage error's status. */
int cli_output_option(int argc, char **argv, int *i, const char **dir);

/* Parses --format's list: csv, xlsx or csv,xlsx. Returns 0, or -1 when it is none of those. */
int cli_parse_formats(const char *list, bool *csv, bool *xlsx);

/* Prints every diagnostic to stderr, one per line, prefixed "fiscalsim: ". */
void cli_print_diagnostics(const fs_diagnostics *d);

/* Prints warnings to stderr, one per line, prefixed "fiscalsim: warning: ". */
void cli_print_warnings(const fs_diagnostics *d);

/* A new run, or NULL after saying "out of memory" on stderr. */
fs_run *cli_run_new(void);

/* Tells the user a failed command left its output folder as it was. */
void cli_print_unchanged(const char *dir);

/* Prints a usage error and returns FS_EUSAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
