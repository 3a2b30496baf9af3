/*
 * sweep_output.h: writing a sweep's tables (sweep.csv, sensitivity.csv) and sweep.json.
 */
#ifndef FISCALSIM_SWEEP_OUTPUT_H
#define FISCALSIM_SWEEP_OUTPUT_H

#include <stdbool.h>

#include "error.h"
#include "output_set.h"
#include "sweep.h"

/* Writes the sweep's files into dir (which must exist), all or nothing: committed at
 * once, or staged in `set` when it is not NULL (the caller commits it). Returns FS_OK,
 * FS_EIO with a diagnostic, or FS_EMISSING when LAPACKE is not installed. */
fs_status fs_sweep_write(const fs_model *m, const fs_sweep_result *r, const char *dir, fs_output_set *set, bool sync,
                         fs_diag *diag);

/* Writes sweep-shard-K-of-N.csv (K = shard + 1, N = shards): the shard's finished
 * variants in the journal's form, for `fiscalsim merge`, staged in `set` (dir is the
 * folder named in messages). Returns FS_OK or FS_EIO with a diagnostic. */
fs_status fs_sweep_write_shard(const fs_model *m, const fs_sweep_result *r, size_t shard, size_t shards,
                               const char *dir, fs_output_set *set, fs_diag *diag);

#endif
