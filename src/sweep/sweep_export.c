/*
 * sweep_export.c: every variant's LP as one JSON line (`fiscalsim sweep --export-lps`),
 * so that the same problems can be solved by other tools and the throughput compared
 * (bench/sweep_scipy.py, bench/sweep_pulp.py). The LP is the one `run` builds, with a
 * row per requirement; the sweep itself solves it with a unit's lower limits as column
 * bounds (lp.h), the same optimum, which SciPy 1.10's HiGHS (presolve off) does not
 * always reach: on a third of the default sweep's variants it stopped short. Indices are 0-based; an infinite bound
 * is null; amounts are in LP units (money / money_scale); reals have 17 digits.
 */
#include "sweep.h"

#include <math.h>
#include <stdlib.h>

#include "atomic_file.h"
#include "disburse.h"
#include "lp.h"
#include "solve.h"

static void write_real(FILE *f, double v)
{
    if (isfinite(v)) fprintf(f, "%.17g", v);
    else fputs("null", f);
}

static bool has_lower(fs_lp_bound t)
{
    return t == FS_LP_LOWER || t == FS_LP_DOUBLE || t == FS_LP_FIXED;
}

static bool has_upper(fs_lp_bound t)
{
    return t == FS_LP_UPPER || t == FS_LP_DOUBLE || t == FS_LP_FIXED;
}

/* Writes `name`: [ the n values of get(k) ]. */
#define WRITE_LIST(f, name, n, expr)                  \
    do {                                              \
        fputs(",\"" name "\":[", f);                  \
        for (size_t k = 0; k < (n); k++) {            \
            if (k) fputc(',', f);                     \
            expr;                                     \
        }                                             \
        fputc(']', f);                                \
    } while (0)

static void write_lp(FILE *f, size_t variant, const fs_lp *lp)
{
    fprintf(f, "{\"variant\":%zu,\"money_scale\":%.17g,\"rows\":%zu,\"cols\":%zu", variant, lp->money_scale,
            lp->row_count, lp->col_count);
    WRITE_LIST(f, "ia", lp->nnz, fprintf(f, "%d", lp->ia[k]));
    WRITE_LIST(f, "ja", lp->nnz, fprintf(f, "%d", lp->ja[k]));
    WRITE_LIST(f, "ar", lp->nnz, write_real(f, lp->ar[k]));
    WRITE_LIST(f, "row_lo", lp->row_count, write_real(f, has_lower(lp->rows[k].type) ? lp->rows[k].lo : -HUGE_VAL));
    WRITE_LIST(f, "row_hi", lp->row_count,
               write_real(f, has_upper(lp->rows[k].type) ? (lp->rows[k].type == FS_LP_FIXED ? lp->rows[k].lo
                                                                                             : lp->rows[k].hi)
                                                         : HUGE_VAL));
    WRITE_LIST(f, "col_lo", lp->col_count, write_real(f, has_lower(lp->cols[k].type) ? lp->cols[k].lo : -HUGE_VAL));
    WRITE_LIST(f, "col_hi", lp->col_count,
               write_real(f, has_upper(lp->cols[k].type) ? (lp->cols[k].type == FS_LP_FIXED ? lp->cols[k].lo
                                                                                             : lp->cols[k].hi)
                                                         : HUGE_VAL));
    WRITE_LIST(f, "integer", lp->col_count, fputs(lp->cols[k].integer ? "true" : "false", f));
    fputs(",\"stages\":[", f);
    for (size_t s = 0; s < lp->stage_count; s++) {
        fprintf(f, "%s{\"name\":\"%s\",\"maximise\":%s", s ? "," : "", lp->stage_name[s],
                lp->stage_maximise[s] ? "true" : "false");
        WRITE_LIST(f, "c", lp->col_count, write_real(f, lp->stage_coef[s * lp->col_count + k]));
        fputc('}', f);
    }
    fprintf(f, "],\"stage_slack\":%g}\n", FS_SOLVE_STAGE_SLACK);
}

fs_status fs_sweep_export_lps(const fs_model *m, const fs_sweep_result *r, const char *path, fs_diag *diag)
{
    if (m->policy.mode != FS_MODE_OPTIMISE)
        return fs_diag_add(diag, FS_EINPUT, m->file, 0, "policy.mode",
                           "--export-lps needs an optimisation policy (the legal formula has no LP)");
    fs_atomic_file out;
    fs_status st = fs_atomic_open(&out, path, diag);
    for (size_t i = 0; st == FS_OK && i < r->variant_count; i++) {
        fs_disburse_spec disburse;
        fs_model *y = NULL;
        fs_lp *lp = NULL;
        /* A variant that is not a valid scenario has no LP: it is left out (sweep.json
         * counts it among the failed). */
        fs_diag skipped = {0};
        fs_status built = fs_sweep_variant(m, r->x + i * r->param_count, &disburse, &y, &skipped);
        fs_diag_clear(&skipped);
        if (built == FS_EINTERNAL) st = fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory");
        else if (built == FS_OK && (st = fs_lp_build(y, &lp, diag)) == FS_OK) write_lp(out.fp, i + 1, lp);
        fs_lp_free(lp);
        fs_sweep_variant_free(y);
    }
    if (st != FS_OK) {
        fs_atomic_abort(&out);
        return st;
    }
    st = fs_atomic_close(&out, diag);
    return st == FS_OK ? fs_atomic_rename(out.temp, path, false, diag) : st;
}
