/*
 * atomic_file.h: files that appear complete or not at all.
 *
 * Output is written to a temporary file beside the target, flushed, fsync'ed and
 * renamed into place only when the writer says it is complete; a failed or killed run
 * leaves the previous output untouched. A full disk shows up at fflush/fclose, which
 * are checked.
 */
#ifndef FISCALSIM_ATOMIC_FILE_H
#define FISCALSIM_ATOMIC_FILE_H

#include <stdio.h>

#include "fiscalsim/error.h"

typedef struct fs_atomic_file {
    FILE *fp;                 /* write here */
    char path[FS_PATH_MAX];   /* final name */
    char temp[FS_PATH_MAX + 16];
} fs_atomic_file;

/* Opens a temporary file for `path`. Returns FS_OK or FS_EIO with a diagnostic. */
fs_status fs_atomic_open(fs_atomic_file *f, const char *path, fs_diag *diag);

/* Flushes, syncs and renames into place. On failure removes the temporary file and
 * returns FS_EIO with a diagnostic; the previous file at `path` is untouched. */
fs_status fs_atomic_commit(fs_atomic_file *f, fs_diag *diag);

/* Closes and removes the temporary file; the target is untouched. Safe to call twice. */
void fs_atomic_abort(fs_atomic_file *f);

/* Renames an already written temporary file (written by a library that takes a path)
 * into place, after fsync. */
fs_status fs_atomic_rename(const char *temp, const char *path, fs_diag *diag);

#endif
