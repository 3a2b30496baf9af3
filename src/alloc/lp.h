/*
 * lp.h: the allocation problem as a plain linear program (no GLPK types).
 *
 * Built from a model, it can be dumped, golden-tested and handed to any solver.
 * Money inside the LP is divided by `money_scale` (a power of ten near the median
 * need): GLPK gave "optimal" answers off by up to 3% with raw amounts of ~10^7 beside
 * ratios near 1. Rows are kept one per policy constraint and unit so that duals name
 * exactly which requirement binds. Lexicographic objectives are stages, solved in
 * order, each earlier optimum held as a constraint.
 */
#ifndef FISCALSIM_LP_H
#define FISCALSIM_LP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "error.h"
#include "model.h"

typedef enum fs_lp_bound { FS_LP_FREE, FS_LP_LOWER, FS_LP_UPPER, FS_LP_DOUBLE, FS_LP_FIXED } fs_lp_bound;

typedef enum fs_col_role {
    FS_COL_ALLOCATION, FS_COL_TRANSFER, FS_COL_SHARE, FS_COL_COVERAGE, FS_COL_DEV_OVER, FS_COL_DEV_UNDER,
    FS_COL_SLACK          /* elastic relaxation: how far a requirement is missed (relax.c) */
} fs_col_role;

typedef enum fs_row_role {
    FS_ROW_ALLOCATION,    /* X = own revenue + transfer + targeted */
    FS_ROW_COVERAGE,      /* X >= z × (need − priority part) + priority part */
    FS_ROW_COVERAGE_MIN,  /* X >= coverage_min × (need − priority part) + priority part */
    FS_ROW_HOLD_HARMLESS, /* X >= hold_harmless × last_year */
    FS_ROW_CAP,           /* X <= cap × need */
    FS_ROW_FLOOR,         /* X >= per-capita floor × population */
    FS_ROW_DEVIATION,     /* X / need − over + under = 1 */
    FS_ROW_ENVELOPE,      /* Σ X = (or <=) envelope */
    FS_ROW_CITY_BALANCE,  /* city retained revenue − spending − reserve >= −deficit */
    FS_ROW_PRIORITY,      /* X >= priority part (relaxation only, in place of coverage rows) */
    FS_ROW_STABILITY,     /* X >= stability floor: the balancing transfer at least last year's */
    FS_ROW_ROLE_COUNT
} fs_row_role;

typedef struct fs_lp_col {
    char name[64];
    fs_col_role role;
    int unit;           /* unit index, or -1 */
    int source, rule;   /* share columns: the rule they price */
    fs_lp_bound type;
    double lo, hi;
    bool integer;       /* share in steps: the column counts steps */
    double step;        /* share per column unit (1 when continuous) */
} fs_lp_col;

typedef struct fs_lp_row {
    char name[64];
    fs_row_role role;
    int unit;           /* unit index, or -1 */
    fs_lp_bound type;
    double lo, hi;
} fs_lp_row;

typedef struct fs_lp {
    double money_scale;            /* LP money = money / money_scale */
    size_t col_count, row_count, nnz;
    fs_lp_col *cols;
    fs_lp_row *rows;
    int *ia, *ja;                  /* 0-based row and column of each nonzero */
    double *ar;
    size_t stage_count;
    fs_objective stage[FS_OBJ_COUNT];
    char stage_name[FS_OBJ_COUNT][32];  /* objective row name in exports */
    bool stage_maximise[FS_OBJ_COUNT];
    double *stage_coef;            /* stage_count × col_count */
    /* Column lookup. */
    int *alloc_col, *transfer_col; /* per unit */
    int *share_col;                /* unit × source: chosen share column, -1 if fixed */
    int coverage_col;              /* -1 when max_min_coverage is not an objective */
    bool has_integer;
} fs_lp;

/* Builds the optimisation LP of a model in FS_MODE_OPTIMISE. Returns FS_OK and an LP
 * the caller frees with fs_lp_free, or FS_EINTERNAL (allocation) with *out NULL. */
fs_status fs_lp_build(const fs_model *model, fs_lp **out, fs_diag *diag);

/* The same LP with a unit's lower limits (hold-harmless, per-capita floor, minimum
 * coverage, stability) as lower bounds of its allocation column instead of rows of
 * their own: the same optimum from a third fewer rows, for sweeps, which report no
 * prices and no relaxation of those limits. */
fs_status fs_lp_build_bounded(const fs_model *model, fs_lp **out, fs_diag *diag);

/* Writes a readable, deterministic dump of the LP (for golden tests). */
void fs_lp_dump(const fs_lp *lp, FILE *out);

const char *fs_row_role_name(fs_row_role role);

void fs_lp_free(fs_lp *lp);

#endif
