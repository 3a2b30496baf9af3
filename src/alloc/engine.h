/*
 * engine.h: one scenario, start to finish, without any I/O of its own.
 *
 * Runs the legal formula or builds and solves the optimisation LP, and rounds the
 * answer into an exact result. The CLI, the tests and (later) sweeps call this.
 */
#ifndef FISCALSIM_ENGINE_H
#define FISCALSIM_ENGINE_H

#include "error.h"
#include "model.h"
#include "relax.h"
#include "result.h"
#include "solve.h"

typedef struct fs_engine_options {
    bool verbose;              /* solver output */
    bool progress;             /* a long solve shows its progress on stderr (for a terminal) */
    const char *export_lp;     /* write the primary-stage LP here (CPLEX LP), or NULL */
    double phase_ms[3];        /* out: build, solve, round (milliseconds) */
    fs_relaxation *relaxation; /* out: on FS_EINFEASIBLE, the smallest relaxation (caller frees) */
    bool quick;                /* sweeps: no binding report and no relaxation when infeasible */
    fs_solver *solver;         /* keep the GLPK problem here between runs (warm starts), or NULL */
} fs_engine_options;

/* Computes the allocation of `model`. Returns FS_OK with a result the caller frees;
 * FS_EINFEASIBLE when no allocation satisfies the policy (then opt->relaxation says
 * which requirements must give way and by how much); FS_EINPUT when the policy
 * leaves the objective unbounded; FS_EINTERNAL/FS_EIO on solver or export failure.
 * On failure *out is NULL and diag says why. */
fs_status fs_engine_run(const fs_model *model, fs_engine_options *opt, fs_result **out, fs_diag *diag);

/* Makes this process keep the memory it frees for its next allocations (glibc: no
 * mmap for large blocks, no trimming of the heap). Every GLPK solve allocates and frees
 * the same large working arrays; returned to the system, each is faulted in again page
 * by page: half of a national run's time and a quarter of a national sweep's. Call it
 * once, early; processes forked later inherit it. No effect outside glibc. */
void fs_engine_keep_freed_memory(void);

#endif
