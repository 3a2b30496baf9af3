/*
 * output.h: writing a result's tables (CSV, XLSX) and summary (JSON).
 *
 * All files of a run are written to temporary names first and renamed into place
 * only when every one of them is complete: a failed run leaves the previous run's
 * outputs as they were.
 */
#ifndef FISCALSIM_OUTPUT_H
#define FISCALSIM_OUTPUT_H

#include <stdbool.h>

#include "error.h"
#include "lang.h"
#include "lp.h"
#include "model.h"
#include "output_set.h"
#include "relax.h"
#include "result.h"

typedef struct fs_output_options {
    bool csv;          /* allocation.csv, revenue_split.csv */
    bool xlsx;         /* allocation.xlsx with the same sheets */
    bool sync;         /* sync each file to the disk before renaming it into place */
    fs_lang lang;      /* of the workbook's titles and words (the CSV tables have none) */
    const struct fs_disburse_result *disburse; /* its tables and summary too, or NULL */
    const struct fs_period_result *period;     /* a multi-year run's tables and summary, or NULL */
    const struct shares_ctx *shares;           /* the run's sharing decisions (shares.h), or NULL: found here */
    fs_output_set *set; /* write into this open set (the caller commits it), or NULL: a set of their own */
} fs_output_options;

/* Writes summary.json and the chosen tables into `dir` (which must exist): committed
 * at once, or staged in opt->set. Returns FS_OK, or FS_EIO with a diagnostic and
 * nothing changed in dir. */
fs_status fs_output_write(const fs_model *model, const fs_result *result, const char *dir,
                          const fs_output_options *opt, fs_diag *diag);

/* For an infeasible policy: writes only summary.json (status "infeasible" and the
 * smallest relaxation) into `dir`; tables from an earlier run stay as they were.
 * Returns FS_OK, or FS_EIO with a diagnostic and nothing changed in dir. */
fs_status fs_output_write_infeasible(const fs_model *model, const fs_relaxation *relax, const char *dir,
                                     const fs_output_options *opt, fs_diag *diag);

#endif
