/*
 * backtest_output.h: the tables of `fiscalsim backtest`.
 */
#ifndef FISCALSIM_BACKTEST_OUTPUT_H
#define FISCALSIM_BACKTEST_OUTPUT_H

#include <stdbool.h>

#include "backtest.h"
#include "output_set.h"

/* Writes backtest.csv, backtest_curves.csv, backtest_points.csv and backtest.json into
 * `dir` (which must exist), all or none (`sync`: each file flushed to the disk first):
 * committed at once, or staged in `set` when it is not NULL (the caller commits it).
 * Returns FS_OK, or FS_EIO with a diagnostic and nothing changed in dir. */
fs_status fs_backtest_write(const fs_model *m, const fs_backtest_result *b, const char *dir, fs_output_set *set,
                            bool sync, fs_diag *diag);

#endif
