/*
 * sweep.h: batch sensitivity sweeps over a scenario's numeric parameters.
 *
 * A `sweep` section names parameters by key path (docs/scenario-format.md, "Sweeps"),
 * each with a distribution or a list of values, and a design: a full grid, one at a
 * time (for tornado charts), a Latin hypercube, Monte Carlo or a Saltelli sample for
 * Sobol indices (N(p + 2) variants), reproducible from a seed. Every variant is the
 * scenario with those parameters set, solved by the engine; an infeasible variant is
 * recorded, not fatal, and so is one that fails (counted by reason, the first of each
 * reason explained). Results are in variant order whatever the number of worker
 * processes, so outputs are identical to the byte.
 *
 * A sweep is checked when it is loaded, like every other section: each parameter's
 * values lie in the range of its scenario key, no key is given twice, and the design
 * has at most FS_SWEEP_VARIANTS_MAX variants (counted without overflow).
 */
#ifndef FISCALSIM_SWEEP_H
#define FISCALSIM_SWEEP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "model.h"
#include "sweep_spec.h"


/* Why a variant failed (neither solved nor infeasible). */
typedef enum fs_sweep_failure {
    FS_SWEEP_FAIL_NONE,
    FS_SWEEP_FAIL_INVALID,       /* the variant is not a scenario the loader would accept (a unit's
                                  * population, revenue or need out of its range, a total past 2^53) */
    FS_SWEEP_FAIL_UNBOUNDED,     /* the policy leaves the objective unbounded */
    FS_SWEEP_FAIL_INTERNAL,      /* the solver failed, a time limit, memory */
    FS_SWEEP_FAIL_COUNT
} fs_sweep_failure;

/* The name of a failure reason in sweep.json: "invalid_variant", "unbounded", "internal". */
const char *fs_sweep_failure_name(fs_sweep_failure f);

/* One variant's inputs and results. */
typedef struct fs_sweep_row {
    int status;                  /* fs_status of the engine: 0 solved, 1 infeasible, other failed */
    int failure;                 /* fs_sweep_failure: why it failed, else FS_SWEEP_FAIL_NONE */
    int done;                    /* set last, when the row is complete (progress) */
    int reason;                  /* infeasible: the requirement that gives way first (fs_sweep_reason_name), or 0 */
    int64_t reason_amount;       /* and by how much money */
    double min_coverage, gini;
    int64_t units_under_need, city_balance, transfers;
    double disbursed[FS_SWEEP_DATES_MAX]; /* forecast share of the whole plan at each date */
    double month_end[FS_SWEEP_MONTHS];    /* and at each month end (the fan chart), with dates */
} fs_sweep_row;

/* The reasons fs_sweep_row.reason may hold: 1 .. FS_SWEEP_REASON_COUNT - 1 (0: none). */
enum { FS_SWEEP_REASON_COUNT = 10 };

/* The name of an infeasible variant's reason (fs_sweep_row.reason): the requirement
 * that gives way first in the smallest relaxation ("hold_harmless", "city_balance",
 * "envelope", ...), "" for 0. */
const char *fs_sweep_reason_name(int reason);

/* The day number of month end k (0..FS_SWEEP_MONTHS-1) of plan year `year`. */
int32_t fs_sweep_month_end(int year, size_t k);

/* The failed variants of one reason: how many, the first (0-based, in variant order)
 * and what went wrong with it (fs_sweep_explain_failures). */
typedef struct fs_sweep_failures {
    size_t count, first;
    char message[FS_PATH_MAX + FS_KEY_MAX + FS_MESSAGE_MAX + 64]; /* a formatted diagnostic */
} fs_sweep_failures;

typedef struct fs_sweep_result {
    size_t variant_count, param_count;
    size_t resumed;              /* variants taken from a journal, not run again */
    double *x;                   /* variant_count × param_count: each variant's parameter values */
    fs_sweep_row *rows;
    size_t solved, infeasible, failed;
    fs_sweep_failures failures[FS_SWEEP_FAIL_COUNT]; /* by fs_sweep_failure; [0] unused */
} fs_sweep_result;


/* The design: variant_count × param_count values (caller frees *out). Returns the
 * number of variants, or 0 with a diagnostic (more than FS_SWEEP_VARIANTS_MAX
 * variants; memory; stated correlations that are not a valid correlation matrix). */
size_t fs_sweep_design_values(const fs_sweep_spec *spec, double **out, fs_diag *diag);

/* Sets every parameter of s to its value in x (one variant's row) in model y (a clone
 * of the scenario), then computes the needs again once if a population or a norm
 * changed, and checks what the loader would check of those figures (each unit's
 * population, revenue and need in range, the totals below 2^53). Returns FS_OK;
 * FS_EINPUT with a diagnostic located at the sweep when the variant is not a valid
 * scenario; FS_EINTERNAL on memory. y may be partly changed on failure. */
fs_status fs_sweep_apply(fs_model *y, const fs_sweep_spec *s, const double *x, fs_diag *diag);

/* Variant x of m's sweep: a clone of m with the parameters set (fs_sweep_apply). The
 * clone shares m's disbursement lists and keeps its own copy of the disbursement's
 * scalars in *scratch, which must outlive it. Returns FS_OK with the clone in *out;
 * else the status of fs_sweep_apply (or FS_EINTERNAL on memory) with a diagnostic and
 * *out NULL. Free the clone with fs_sweep_variant_free, never fs_model_free. */
fs_status fs_sweep_variant(const fs_model *m, const double *x, struct fs_disburse_spec *scratch, fs_model **out,
                           fs_diag *diag);
void fs_sweep_variant_free(fs_model *y);

/* Counts r's finished variants that were solved, infeasible and failed (by reason,
 * with the first of each reason; messages cleared). */
void fs_sweep_count(fs_sweep_result *r);

/* Explains the first failed variant of each reason in r->failures[].message: that
 * variant is solved again from scratch and its first diagnostic kept ("variant 7:
 * file:line: key: message"). Call it after fs_sweep_count. Cannot fail: a message it
 * cannot get says so. */
void fs_sweep_explain_failures(const fs_model *m, fs_sweep_result *r);

/* Called now and then during a sweep with the variants done so far. */
typedef void (*fs_sweep_progress)(size_t done, size_t total, void *ctx);

typedef struct fs_sweep_options {
    int jobs;                    /* worker processes; 1: in this process */
    size_t shard, shards;        /* run only the blocks b of the run order with b % shards == shard (shards > 1) */
    const char *journal;         /* folder for the journal of finished variants, or NULL */
    bool resume;                 /* take the variants the journal there already has; without it a
                                  * journal of this shard already there is refused */
    fs_sweep_progress progress;  /* about ten times a second, or NULL */
    void *ctx;
    /* A reform whose disbursement calibrates on its baseline, with forecast dates: the
     * baseline's disbursement run, which the caller made (required then). */
    const struct fs_disburse_result *baseline_calibration;
    bool reasons;                /* say why each infeasible variant is (its relaxation, warm): 0.5 ms each */
} fs_sweep_options;

/* The sweep's design with no variant run yet (rows in a shared map). NULL with a
 * diagnostic when it cannot be built. */
fs_sweep_result *fs_sweep_result_new(const fs_model *m, fs_diag *diag);

/* Runs m's sweep as the options say. The journal (sweep-part-*.csv in opt->journal,
 * sweep_journal.h) gets every finished variant as it finishes, so that a killed sweep
 * can resume. A journal of the same shard already there is read with opt->resume and
 * refused without (FS_EUSAGE, saying what it is and which option to use); a damaged
 * journal or another sweep's is FS_EINPUT with opt->resume. Worker processes die with
 * the process that started them. Returns FS_OK with a result the caller frees (counted
 * and its failures explained), or an error with diagnostics. */
fs_status fs_sweep_run(const fs_model *m, const fs_sweep_options *opt, fs_sweep_result **out, fs_diag *diag);

/* Writes every variant's LP (as the engine builds it) to `path`, one JSON line per
 * variant in variant order (sweep_export.c gives the fields), atomically. FS_EINPUT
 * under the legal formula (no LP); FS_EIO when it cannot be written. */
fs_status fs_sweep_export_lps(const fs_model *m, const fs_sweep_result *r, const char *path, fs_diag *diag);

void fs_sweep_result_free(fs_sweep_result *r);

#endif
