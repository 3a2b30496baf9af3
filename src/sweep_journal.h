/*
 * sweep_journal.h (private): finished variants on disk, one line each, so that an
 * interrupted sweep can resume and shards of a sweep can be merged.
 *
 * A journal file starts with "# fiscalsim sweep journal: fingerprint F variants N",
 * then a header, then one line per finished variant: its number (from 1), status and
 * results (then the disbursement at each of the sweep's dates and, with dates, at
 * each month end), reals with 17 significant digits so that they read back exactly.
 */
#ifndef FISCALSIM_SWEEP_JOURNAL_H
#define FISCALSIM_SWEEP_JOURNAL_H

#include <stdint.h>
#include <stdio.h>

#include "fiscalsim/error.h"
#include "fiscalsim/sweep.h"

/* Writes the two header lines of a journal (or of a shard, which has its form). */
void journal_write_header(FILE *f, uint64_t fingerprint, size_t variants);

/* Opens a new journal file (its name unique to this process) in dir, its header
 * written and flushed. NULL on error. */
FILE *journal_create(const char *dir, const char *name, uint64_t fingerprint, size_t variants);

/* Appends variant i's row (with its first `dates` disbursement figures and, when
 * there are dates, its month ends). The caller flushes (a sweep after each block: a
 * block cut short is solved again from its start anyway when the sweep resumes). */
void journal_append(FILE *f, size_t i, const fs_sweep_row *row, size_t dates);

/* Reads a journal file into rows (marking them done). Returns FS_OK, FS_EIO when it
 * cannot be read, FS_EINPUT when it belongs to another sweep or a line is damaged,
 * with a diagnostic naming the file and line. *count: variants read. */
fs_status journal_read(const char *path, uint64_t fingerprint, size_t variants, size_t dates, fs_sweep_row *rows,
                       size_t *count, fs_diag *diag);

/* Reads every file dir/sweep-part-*.csv; removes them when `remove_them`. */
fs_status journal_read_parts(const char *dir, uint64_t fingerprint, size_t variants, size_t dates, fs_sweep_row *rows,
                             size_t *count, fs_diag *diag);
void journal_remove_parts(const char *dir);

#endif
