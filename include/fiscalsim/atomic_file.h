/*
 * atomic_file.h: files that appear complete or not at all.
 *
 * Output is written to a temporary file beside the target, flushed, closed (a full
 * disk shows up only at fflush/fclose, which are checked) and renamed into place only
 * when the writer says it is complete: a failed, interrupted or killed run leaves the
 * previous output untouched. Syncing the data to the disk before the rename guards
 * against power loss too; it is optional (`--sync`) because it costs a disk flush per
 * file, about 2 ms of a 10 ms run, and ext4 already orders a rename-over after the data.
 */
#ifndef FISCALSIM_ATOMIC_FILE_H
#define FISCALSIM_ATOMIC_FILE_H

#include <stdbool.h>
#include <stdio.h>

#include "fiscalsim/error.h"

typedef struct fs_atomic_file {
    FILE *fp;                 /* write here */
    char path[FS_PATH_MAX];   /* final name */
    char temp[FS_PATH_MAX + 16];
} fs_atomic_file;

/* Opens a temporary file for `path`. Returns FS_OK or FS_EIO with a diagnostic. */
fs_status fs_atomic_open(fs_atomic_file *f, const char *path, fs_diag *diag);

/* Closes the temporary file once complete. On a write error (a full disk shows only
 * here) removes it and returns FS_EIO with a diagnostic naming the target. */
fs_status fs_atomic_close(fs_atomic_file *f, fs_diag *diag);

/* Closes and removes the temporary file; the target is untouched. Safe to call twice. */
void fs_atomic_abort(fs_atomic_file *f);

/* Renames a complete temporary file into place, after syncing its data to the disk
 * when `sync` is set. On failure removes the temporary file and returns FS_EIO with a
 * diagnostic; the previous file at `path` is untouched. */
fs_status fs_atomic_rename(const char *temp, const char *path, bool sync, fs_diag *diag);

#endif
