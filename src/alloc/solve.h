/*
 * solve.h: solving an fs_lp with GLPK.
 *
 * The call status (did the solver run?) is kept apart from the model status (is
 * there an allocation?). GLPK never prints unless verbose, and its internal errors
 * are caught by its error hook and reported, never abort()ed on.
 */
#ifndef FISCALSIM_SOLVE_H
#define FISCALSIM_SOLVE_H

#include <stdbool.h>

#include "error.h"
#include "lp.h"

typedef enum fs_lp_status {
    FS_LP_OPTIMAL,
    FS_LP_FEASIBLE_LIMIT,  /* MIP: time limit reached, best allocation found so far */
    FS_LP_INFEASIBLE,
    FS_LP_UNBOUNDED,
    FS_LP_NO_SOLUTION_IN_TIME, /* MIP: time limit reached before any allocation was found */
    FS_LP_FAILED
} fs_lp_status;

/* A requirement that binds at the optimum of the primary objective. */
typedef struct fs_binding {
    bool is_col;          /* a column bound (a share at its min/max) rather than a row */
    int index;            /* row or column of the LP */
    double dual;          /* change of the primary objective per LP unit of the bound */
    double activity;      /* value of the row or column, LP units */
    double range_lo, range_hi; /* bound values over which the dual stays valid (±HUGE_VAL) */
} fs_binding;

typedef struct fs_solution {
    fs_lp_status status;
    double *x;                         /* column values, LP units */
    double objective[FS_OBJ_COUNT];    /* per stage, LP units */
    fs_binding *binding;
    size_t binding_count;
    int iterations;                    /* simplex iterations, all stages */
    double max_violation;              /* largest bound or row violation of x, relative */
} fs_solution;

/* A solution whose rows or bounds are violated by more than this (relative to the
 * row's size) is numerically unsafe and is not reported as an allocation. */
#define FS_SOLVE_MAX_VIOLATION 1e-6

/* A lexicographic stage holds the earlier optimum up to this relative slack, so that
 * later stages are not made infeasible by the solver's own tolerances. */
#define FS_SOLVE_STAGE_SLACK 1e-9

/* A GLPK problem kept from one solve to the next (a sweep worker's). An LP with the
 * same rows, columns, nonzero pattern and integer columns as the last one solved only
 * has its numbers replaced, keeps the last scaling, and starts from the optimal basis of
 * the last primary stage that had one: a warm start, a few dual simplex iterations for a
 * neighbouring variant instead of a solve from scratch. Any other LP is loaded afresh.
 * The answer can depend on the starting basis where the optimum is not unique, so a
 * caller that needs reproducible results solves its LPs in a fixed order. */
typedef struct fs_solver fs_solver;

fs_solver *fs_solver_new(void);     /* NULL when out of memory */
void fs_solver_free(fs_solver *s);

typedef struct fs_solve_options {
    bool verbose;                      /* let GLPK print its progress */
    bool progress;                     /* a simplex running over 2 s shows its iteration count on stderr */
    double time_limit;                 /* seconds for the whole solve of a model with integer
                                        * columns, every stage together (0: 60) */
    bool no_binding;                   /* skip the binding report (prices, ranges): sweeps */
    fs_solver *solver;                 /* keep the problem here and warm-start from it, or NULL */
} fs_solve_options;

/* Solves every objective stage in order. Returns FS_OK with a solution (whose status
 * may be infeasible or unbounded: the caller decides), or FS_EINTERNAL when GLPK
 * failed, with *out NULL and the reason in diag. The caller frees the solution. */
fs_status fs_solve(const fs_lp *lp, const fs_solve_options *opt, fs_solution **out, fs_diag *diag);

/* Writes the primary stage of the LP in CPLEX LP format (readable by glpsol --lp).
 * Returns FS_OK or FS_EIO/FS_EINTERNAL with a diagnostic. */
fs_status fs_solve_export_lp(const fs_lp *lp, const char *path, fs_diag *diag);

void fs_solution_free(fs_solution *sol);

/* A linear program given in plain arrays and solved once, by GLPK's dual simplex, under
 * the same error hook as fs_solve: the disbursement's cash schedule. Rows are set in
 * order, each with its nonzeros in the order given. */
typedef struct fs_plain_lp {
    bool maximise;
    size_t col_count, row_count;
    const double *col_lo, *col_hi, *obj; /* per column; lo == hi: fixed */
    const double *row_lo, *row_hi;       /* per row; lo == hi: fixed; -HUGE_VAL, HUGE_VAL: no bound there */
    const size_t *row_start;             /* row i's nonzeros are row_start[i] .. row_start[i + 1] - 1 */
    const int *col;                      /* their 0-based columns */
    const double *val;                   /* and values */
} fs_plain_lp;

/* Solves lp: x (col_count values) and row_dual (row_count) get its optimum. Returns
 * FS_OK, or FS_EINTERNAL with a diagnostic at file and key ("`what` did not solve")
 * when GLPK fails or finds no optimum, or memory runs out. */
fs_status fs_solve_plain(const fs_plain_lp *lp, double *x, double *row_dual, const char *what, const char *file,
                         const char *key, fs_diag *diag);

#endif
