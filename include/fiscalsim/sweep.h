/*
 * sweep.h: batch sensitivity sweeps over a scenario's numeric parameters.
 *
 * A `sweep` section names parameters by key path (docs/scenario-format.md, "Sweeps"),
 * each with a distribution or a list of values, and a design: a full grid, one at a
 * time (for tornado charts), a Latin hypercube, Monte Carlo or a Saltelli sample for
 * Sobol indices (N(p + 2) variants), reproducible from a seed. Every variant is the scenario with those parameters set, solved by the engine;
 * an infeasible variant is recorded, not fatal. Results are in variant order whatever
 * the number of worker processes, so outputs are identical to the byte.
 */
#ifndef FISCALSIM_SWEEP_H
#define FISCALSIM_SWEEP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fiscalsim/error.h"
#include "fiscalsim/model.h"

enum {
    FS_SWEEP_DATES_MAX = 8,
    FS_SWEEP_MONTHS = 13         /* month ends of the plan year, then 31 January of the next */
};

typedef enum fs_sweep_design { FS_DESIGN_GRID, FS_DESIGN_OAT, FS_DESIGN_LHS, FS_DESIGN_MC, FS_DESIGN_SOBOL } fs_sweep_design;
typedef enum fs_sweep_dist { FS_DIST_UNIFORM, FS_DIST_NORMAL, FS_DIST_TRIANGULAR, FS_DIST_DISCRETE } fs_sweep_dist;

/* What a key path addresses in the model. */
typedef enum fs_sweep_target {
    FS_TARGET_ENVELOPE, FS_TARGET_HOLD_HARMLESS, FS_TARGET_PRIORITY, FS_TARGET_COVERAGE_MIN, FS_TARGET_CAP,
    FS_TARGET_CITY_REVENUE, FS_TARGET_CITY_NEED, FS_TARGET_CITY_TRANSFERS, FS_TARGET_RESERVE_RATE,
    FS_TARGET_REVENUE_SCALE,     /* revenue.<source>: a multiplier on every collection of the source */
    FS_TARGET_POPULATION_SCALE,  /* population: a multiplier on every unit's population */
    FS_TARGET_NORM_PER_CAPITA, FS_TARGET_NORM_PER_KM2, FS_TARGET_NORM_FIXED,
    FS_TARGET_CENTRAL,           /* sources.<id>.central */
    FS_TARGET_WITHOUT_PMB,       /* disbursement.capacity.without_pmb */
    FS_TARGET_STAFF_ELASTICITY,  /* disbursement.capacity.staff_elasticity */
    FS_TARGET_CASH_OPENING       /* disbursement.cash.opening */
} fs_sweep_target;

typedef struct fs_sweep_param {
    char key[FS_KEY_MAX_PATH];
    fs_sweep_target target;
    int index;                   /* source or norm index, else -1 */
    fs_sweep_dist dist;
    double a, b, c;              /* uniform: min max; normal: mean sd; triangular: min mode max */
    double *values;              /* discrete and grid values */
    size_t value_count;
    double baseline;             /* the scenario's own value (1 for multipliers) */
    double lo, hi;               /* the one-at-a-time ends */
    int line;
} fs_sweep_param;

/* A stated rank correlation between two parameters (indices into params). */
typedef struct fs_sweep_correlation {
    size_t a, b;
    double rho;
    int line;
} fs_sweep_correlation;

typedef struct fs_sweep_spec {
    fs_sweep_design design;
    size_t variants;             /* Latin hypercube, Monte Carlo; Sobol: the base rows N */
    uint64_t seed;
    fs_sweep_param *params;
    size_t param_count;
    fs_sweep_correlation *correlations;
    size_t correlation_count;
    int32_t dates[FS_SWEEP_DATES_MAX]; /* disbursement forecast read at these days */
    size_t date_count;
    const char *file;
    int line;
} fs_sweep_spec;

/* One variant's inputs and results. */
typedef struct fs_sweep_row {
    int status;                  /* fs_status of the engine: 0 solved, 1 infeasible, other failed */
    int done;                    /* set last, when the row is complete (progress) */
    double min_coverage, gini;
    int64_t units_under_need, city_balance, transfers;
    double disbursed[FS_SWEEP_DATES_MAX]; /* forecast share of the whole plan at each date */
    double month_end[FS_SWEEP_MONTHS];    /* and at each month end (the fan chart), with dates */
} fs_sweep_row;

/* The day number of month end k (0..FS_SWEEP_MONTHS-1) of plan year `year`. */
int32_t fs_sweep_month_end(int year, size_t k);

typedef struct fs_sweep_result {
    size_t variant_count, param_count;
    size_t resumed;              /* variants taken from a journal, not run again */
    double *x;                   /* variant_count × param_count: each variant's parameter values */
    fs_sweep_row *rows;
    size_t solved, infeasible;
} fs_sweep_result;

/* The design: variant_count × param_count values (caller frees *out). Returns the
 * number of variants, or 0 with a diagnostic (memory; stated correlations that are not
 * a valid correlation matrix; LAPACKE missing). */
size_t fs_sweep_design_values(const fs_sweep_spec *spec, double **out, fs_diag *diag);

/* Sets every parameter of s to its value in x (one variant's row) in model y (a clone
 * of the scenario), then computes the needs again once if a population or a norm
 * changed. Returns 0, or -1 on memory. */
int fs_sweep_apply(fs_model *y, const fs_sweep_spec *s, const double *x);

/* Variant x of m's sweep: a clone of m with the parameters set (fs_sweep_apply). The
 * clone shares m's disbursement lists and keeps its own copy of the disbursement's
 * scalars in *scratch, which must outlive it. NULL when out of memory. Free it with
 * fs_sweep_variant_free, never fs_model_free. */
fs_model *fs_sweep_variant(const fs_model *m, const double *x, struct fs_disburse_spec *scratch);
void fs_sweep_variant_free(fs_model *y);

/* Counts r's finished variants that were solved and that were infeasible. */
void fs_sweep_count(fs_sweep_result *r);

/* Called now and then during a sweep with the variants done so far. */
typedef void (*fs_sweep_progress)(size_t done, size_t total, void *ctx);

typedef struct fs_sweep_options {
    int jobs;                    /* worker processes; 1: in this process */
    size_t shard, shards;        /* run only the blocks b of the run order with b % shards == shard (shards > 1) */
    const char *journal;         /* folder for the journal of finished variants, or NULL */
    bool resume;                 /* take the variants the journal there already has */
    fs_sweep_progress progress;  /* about ten times a second, or NULL */
    void *ctx;
} fs_sweep_options;

/* The sweep's design with no variant run yet (rows in a shared map). NULL with a
 * diagnostic when it cannot be built. */
fs_sweep_result *fs_sweep_result_new(const fs_model *m, fs_diag *diag);

/* Runs m's sweep as the options say. The journal (sweep-part-*.csv in opt->journal)
 * gets every finished variant as it finishes, so that a killed sweep can resume.
 * Returns FS_OK with a result the caller frees, or an error with diagnostics. */
fs_status fs_sweep_run(const fs_model *m, const fs_sweep_options *opt, fs_sweep_result **out, fs_diag *diag);

/* Writes every variant's LP (as the engine builds it) to `path`, one JSON line per
 * variant in variant order (src/sweep_export.c gives the fields), atomically. FS_EINPUT
 * under the legal formula (no LP); FS_EIO when it cannot be written. */
fs_status fs_sweep_export_lps(const fs_model *m, const fs_sweep_result *r, const char *path, fs_diag *diag);

void fs_sweep_result_free(fs_sweep_result *r);
void fs_sweep_spec_free(fs_sweep_spec *spec);

#endif
