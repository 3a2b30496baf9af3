/*
 * test_solve.c: GLPK's internal errors are caught, not fatal. An LP with a duplicate
 * matrix entry makes glp_load_matrix fail inside GLPK (which would abort() the
 * process); fs_solve must return FS_EINTERNAL with a message, print nothing, and the
 * next solve on the same thread must work. argv[1]: a fixture scenario.
 */
#include <stdlib.h>

#include "check.h"
#include "lp.h"
#include "scenario.h"
#include "solve.h"

int main(int argc, char **argv)
{
    if (argc != 2) return 2;
    fs_diag diag = {0};
    fs_model *m = NULL;
    fs_lp *lp = NULL;
    CHECK(fs_scenario_load(argv[1], &m, &diag) == FS_OK);
    if (!m || fs_lp_build(m, &lp, &diag) != FS_OK) return check_report("test_solve");
    fs_solve_options opt = {.time_limit = 10};
    fs_solution *sol = NULL;

    /* Duplicate the first nonzero. */
    size_t n = lp->nnz;
    lp->ia = realloc(lp->ia, (n + 1) * sizeof *lp->ia);
    lp->ja = realloc(lp->ja, (n + 1) * sizeof *lp->ja);
    lp->ar = realloc(lp->ar, (n + 1) * sizeof *lp->ar);
    lp->ia[n] = lp->ia[0];
    lp->ja[n] = lp->ja[0];
    lp->ar[n] = lp->ar[0];
    lp->nnz = n + 1;
    CHECK(fs_solve(lp, &opt, &sol, &diag) == FS_EINTERNAL);
    CHECK(sol == NULL);
    CHECK(diag.count == 1 &&
          !strcmp(diag.items[0].message, "the solver (GLPK) failed internally: glp_load_mat: ia[1] = 1; ja[1] = 1; "
                                         "duplicate indices not allowed Error detected in file api/prob1.c at line 1033"));
    if (diag.count) fprintf(stderr, "message: %s\n", diag.items[0].message);
    fs_diag_clear(&diag);

    /* GLPK recovers: the valid LP solves afterwards. */
    lp->nnz = n;
    CHECK(fs_solve(lp, &opt, &sol, &diag) == FS_OK);
    CHECK(sol && sol->status == FS_LP_OPTIMAL);
    if (sol) CHECK_NEAR(sol->objective[0], 0.75, 1e-9);
    fs_solution_free(sol);
    fs_lp_free(lp);
    fs_model_free(m);
    return check_report("test_solve");
}
