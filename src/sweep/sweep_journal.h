/*
 * sweep_journal.h (private): finished variants on disk, one line each, so that an
 * interrupted sweep can resume and shards of a sweep can be merged.
 *
 * A journal file starts with "# fiscalsim sweep journal: fingerprint F variants N",
 * then the header "variant,status,failure,reason,...", then one line per finished
 * variant: its number (from 1), status, failure reason (fs_sweep_failure), an
 * infeasible variant's reason (fs_sweep_reason_name) and its amount, and results (then the disbursement at each of the sweep's dates and, with dates, at each
 * month end), reals with 17 significant digits so that they read back exactly. A
 * shard file (`sweep --shard`) has the same form.
 *
 * The journal of a run is the set of its files in the output folder: a whole sweep's
 * are sweep-part-<pid>.csv, shard K of N's (--shard K/N, or MPI rank K - 1 of N)
 * sweep-part-K-of-N-<pid>.csv, so that the shards of one sweep, or its ranks, share a
 * folder without touching each other's journals. Rejected: one journal file per
 * folder, locked (workers of one run write in parallel, each to its own file).
 */
#ifndef FISCALSIM_SWEEP_JOURNAL_H
#define FISCALSIM_SWEEP_JOURNAL_H

#include <stdint.h>
#include <stdio.h>

#include "error.h"
#include "sweep.h"

/* What a journal must be to be read: of the sweep with this fingerprint and number of
 * variants; `dates`: the sweep's dates (more columns with dates). */
typedef struct journal_expect {
    uint64_t fingerprint;
    size_t variants, dates;
} journal_expect;

/* Writes the two header lines of a journal (or of a shard, which has its form). */
void journal_write_header(FILE *f, uint64_t fingerprint, size_t variants);

/* Opens a new journal file of this process in dir, for shard `shard` (0-based) of
 * `shards` (a whole sweep: shards <= 1), its header written and flushed. NULL on
 * error. */
FILE *journal_create(const char *dir, size_t shard, size_t shards, uint64_t fingerprint, size_t variants);

/* Appends variant i's row (with its first `dates` disbursement figures and, when
 * there are dates, its month ends). The caller flushes (a sweep after each block: a
 * block cut short is solved again from its start anyway when the sweep resumes). */
void journal_append(FILE *f, size_t i, const fs_sweep_row *row, size_t dates);

/* Reads a journal file into rows (marking them done). Returns FS_OK; FS_EIO when it
 * cannot be read; FS_EINPUT when it is not a journal, belongs to another sweep (both
 * fingerprints and variant counts said) or a line is damaged (its line and byte
 * said), with a diagnostic naming the file and line and ending with `advice` (e.g.
 * "; discard it with --restart", or ""). *count: variants read that were not done. */
fs_status journal_read(const char *path, const journal_expect *e, fs_sweep_row *rows, size_t *count,
                       const char *advice, fs_diag *diag);

/* Reads every journal file of shard `shard` of `shards` in dir (as journal_read, in
 * name order) and counts them in *files. A folder that does not exist holds none. */
fs_status journal_read_parts(const char *dir, size_t shard, size_t shards, const journal_expect *e,
                             fs_sweep_row *rows, size_t *count, size_t *files, const char *advice, fs_diag *diag);

/* The number of journal files of shard `shard` of `shards` in dir. */
size_t journal_count_parts(const char *dir, size_t shard, size_t shards);

/* Removes the journal files of shard `shard` of `shards` in dir; returns how many. */
size_t journal_remove_parts(const char *dir, size_t shard, size_t shards);

#endif
