/*
 * atomic_file.h: a file that appears complete or not at all.
 *
 * A regular file (or a name that does not exist yet) is written to a temporary file
 * beside it, created new (O_EXCL, never through a link someone planted), flushed and
 * closed (a full disk shows up only at fflush/fclose, which are checked) and renamed
 * into place only when the writer says it is complete: a failed, interrupted or
 * killed run leaves the previous file untouched. A name that exists and is not a
 * regular file (a character device such as /dev/null, a FIFO, a link such as
 * /dev/stdout) is written in place: renaming over it would replace the device or the
 * link with a regular file. Syncing the data to the disk before the rename guards
 * against power loss too; it is optional (`--sync`) because it costs a disk flush per
 * file, about 2 ms of a 10 ms run, and ext4 already orders a rename-over after the data.
 *
 * The folders a command writes its outputs to use output_set.h, which stages the whole
 * set and commits it at once; this is for single files given by name (--export-lp).
 */
#ifndef FISCALSIM_ATOMIC_FILE_H
#define FISCALSIM_ATOMIC_FILE_H

#include <stdbool.h>
#include <stdio.h>

#include "error.h"

typedef struct fs_atomic_file {
    FILE *fp;                 /* write here (NULL after fs_atomic_begin) */
    char path[FS_PATH_MAX];   /* final name */
    char temp[FS_PATH_MAX];   /* the temporary file; empty when written in place */
} fs_atomic_file;

/* Opens `path` for writing (a temporary file beside it, or the target itself in place,
 * see above). Returns FS_OK, FS_EUSAGE when the name is too long to have a temporary
 * file beside it, or FS_EIO, with a diagnostic. */
fs_status fs_atomic_open(fs_atomic_file *f, const char *path, fs_diag *diag);

/* As fs_atomic_open, for a library that opens files by name itself: creates the
 * temporary file (empty) and closes it; the writer then writes to fs_atomic_name(f)
 * and calls fs_atomic_commit. */
fs_status fs_atomic_begin(fs_atomic_file *f, const char *path, fs_diag *diag);

/* The name to write to: the temporary file, or the target when written in place. */
const char *fs_atomic_name(const fs_atomic_file *f);

/* Closes the stream once complete. On a write error (a full disk shows only here)
 * removes the temporary file and returns FS_EIO with a diagnostic naming the target. */
fs_status fs_atomic_close(fs_atomic_file *f, fs_diag *diag);

/* Renames the complete temporary file into place (after syncing it when `sync`);
 * nothing to do when written in place. On failure removes the temporary file and
 * returns FS_EIO with a diagnostic; the previous file is untouched. */
fs_status fs_atomic_commit(fs_atomic_file *f, bool sync, fs_diag *diag);

/* Closes and removes the temporary file; the target is untouched. Safe to call twice. */
void fs_atomic_abort(fs_atomic_file *f);

/* Renames the complete temporary file `temp` to `path` as fs_atomic_commit does; an
 * empty `temp` (written in place) is nothing to do. */
fs_status fs_atomic_rename(const char *temp, const char *path, bool sync, fs_diag *diag);

#endif
