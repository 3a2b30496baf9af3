/*
 * cli.h (private): the command-line tool's commands. Each returns an exit code
 * (fs_status values, see docs/exit-codes.md); only the CLI prints.
 */
#ifndef FISCALSIM_CLI_H
#define FISCALSIM_CLI_H

#include "fiscalsim/error.h"

int cmd_run(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_explain(int argc, char **argv);

/* Prints every diagnostic to stderr, one per line, prefixed "fiscalsim: ". */
void cli_print_diag(const fs_diag *diag);

/* Prints a usage error and returns FS_EUSAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
