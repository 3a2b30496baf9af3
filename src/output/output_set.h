/*
 * output_set.h: one command's output, staged and committed to its folder at once.
 *
 * Every file a command writes into its output folder, tables, summaries, workbooks
 * and charts alike, goes into one set: staged in a private folder inside the output
 * folder while the folder is locked against other commands, then renamed into place
 * together, or discarded. A failed or killed command leaves the folder as it was (a
 * commit interrupted half-way is completed by the next command writing there), and
 * two commands writing to one folder never mix their files: the second waits.
 * The mechanics are in output_set_write.h.
 */
#ifndef FISCALSIM_OUTPUT_SET_PUBLIC_H
#define FISCALSIM_OUTPUT_SET_PUBLIC_H

#include <stdbool.h>

#include "error.h"

typedef struct output_set fs_output_set;

/* Opens a set for the existing folder `dir`: locks it (waiting, with a note on stderr,
 * while another command writes there) and makes the staging folder. Returns FS_OK and
 * *out, FS_EUSAGE when the folder's path leaves no room for the files written there,
 * or FS_EIO, with a diagnostic. */
fs_status fs_output_set_open(const char *dir, fs_output_set **out, fs_diag *diag);

/* The staging folder: write the set's files there under their final names. */
const char *fs_output_set_stage(const fs_output_set *set);

/* Commits the set (syncing the files first when `sync`), releases the folder and frees
 * the set. Returns FS_OK or FS_EIO with a diagnostic. */
fs_status fs_output_set_commit(fs_output_set *set, bool sync, fs_diag *diag);

/* Discards the set, releases the folder and frees the set (NULL: nothing to do). */
void fs_output_set_discard(fs_output_set *set);

/* Makes folder dir (with its parents) and opens its output set: fs_output_set_open's
 * results, or fs_output_make_dirs's failure. */
fs_status fs_output_set_begin(const char *dir, fs_output_set **out, fs_diag *diag);

/* Ends a set: commits it when st is FS_OK, else discards it; returns the final status.
 * A NULL set: returns st. */
fs_status fs_output_set_end(fs_output_set *set, fs_status st, bool sync, fs_diag *diag);

/* Creates folder `path` and its parents (like mkdir -p). Returns FS_OK, or FS_EIO /
 * FS_EUSAGE with a diagnostic. */
fs_status fs_output_make_dirs(const char *path, fs_diag *diag);

#endif
