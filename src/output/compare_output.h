/*
 * compare_output.h: the tables of `fiscalsim compare`.
 */
#ifndef FISCALSIM_COMPARE_OUTPUT_H
#define FISCALSIM_COMPARE_OUTPUT_H

#include <stdbool.h>

#include "compare.h"
#include "output_set.h"

typedef struct fs_compare_options {
    bool csv, xlsx;                /* compare*.csv and/or compare.xlsx (one sheet per table) */
    bool sync;                     /* flush each file to the disk before renaming it */
    fs_lang lang;                  /* of the group labels */
    fs_output_set *set;            /* write into this open set (the caller commits it), or NULL */
} fs_compare_options;

/* Writes compare.csv (per unit), compare_groups.csv, with disbursement
 * compare_disbursement.csv and compare_disbursement_daily.csv, the same tables as the
 * sheets of compare.xlsx, and compare.json into dir, all or nothing. Returns FS_OK,
 * FS_EIO with a diagnostic, or FS_EMISSING when XLSX is asked for and libxlsxwriter is
 * missing. */
fs_status fs_compare_write(const fs_compare *cmp, const fs_model *base, const fs_model *reform, const char *dir,
                           const fs_compare_options *opt, fs_diag *diag);

#endif
