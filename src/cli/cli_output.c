/*
 * cli_output.c: the output set of a command (output_set.h), for every
 * command that writes a folder: made, locked and staged before the first file, then
 * committed or discarded at once.
 */
#include <stdio.h>

#include "cli.h"

fs_status cli_output_open(const char *dir, fs_output_set **set, fs_diag *diag)
{
    *set = NULL;
    fs_status st = cli_make_dirs(dir, diag);
    return st == FS_OK ? fs_output_set_open(dir, set, diag) : st;
}

fs_status cli_output_end(fs_output_set *set, fs_status st, bool sync, fs_diag *diag)
{
    if (!set) return st;
    if (st != FS_OK) {
        fs_output_set_discard(set);
        return st;
    }
    return fs_output_set_commit(set, sync, diag);
}

void cli_print_unchanged(const char *dir)
{
    fprintf(stderr, "fiscalsim: nothing was written: %s is as it was\n", dir);
}

