/*
 * engine.c: the flow model → (legal formula | LP → GLPK) → result, timed by phase.
 */
#include "engine.h"

#include <math.h>
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <time.h>

#include "legal.h"
#include "lp.h"
#include "money_text.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static fs_status run_legal(const fs_model *m, fs_engine_options *opt, fs_result **out, fs_diag *diag)
{
    double t0 = now_ms();
    double *share = malloc((m->unit_count * m->source_count + 1) * sizeof *share);
    double *transfer = malloc((m->unit_count + 1) * sizeof *transfer);
    fs_status st;
    if (!share || !transfer) {
        st = fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory");
    } else {
        fs_legal_solve(m, share, transfer);
        st = fs_result_build(m, share, transfer, NAN, out, diag);
    }
    free(share);
    free(transfer);
    opt->phase_ms[2] = now_ms() - t0;
    return st;
}

/* Runs the elastic relaxation and words its result as diagnostics. */
static fs_status explain_infeasible(const fs_model *m, const fs_lp *lp, fs_engine_options *opt, double seconds,
                                    fs_diag *diag)
{
    fs_diag_add(diag, FS_EINFEASIBLE, m->file, 0, "policy",
                "no allocation satisfies every requirement of the policy (infeasible)");
    fs_relaxation *rx = NULL;
    if (fs_relax(m, lp, seconds, &rx, diag) != FS_OK) return FS_EINFEASIBLE;
    char money[48];
    if (rx->steps_only) {
        fs_diag_add(diag, FS_EINFEASIBLE, m->file, 0, "policy",
                    "the requirements can be met with shares between their steps: the whole steps conflict");
    } else {
        fs_format_money(rx->total, money, sizeof money);
        fs_diag_add(diag, FS_EINFEASIBLE, m->file, 0, "policy",
                    "the smallest change that makes it feasible relaxes %s %s in all:", money, m->money_unit);
    }
    for (size_t k = 0; k < rx->kind_count; k++) {
        const fs_relax_kind *kind = &rx->kinds[k];
        fs_format_money(kind->amount, money, sizeof money);
        size_t held = kind->binding > kind->units ? kind->binding : kind->units;
        if (held)
            fs_diag_add(diag, FS_EINFEASIBLE, m->file, 0, "policy", "  %s (%zu unit%s held at it): %s %s",
                        fs_relax_kind_text(kind->kind), held, held == 1 ? "" : "s", money, m->money_unit);
        else
            fs_diag_add(diag, FS_EINFEASIBLE, m->file, 0, "policy", "  %s: %s %s",
                        fs_relax_kind_text(kind->kind), money, m->money_unit);
        char remedy[512];
        fs_relax_kind_remedy(kind, money, m->money_unit, m->city.present, remedy, sizeof remedy);
        fs_diag_add(diag, FS_EINFEASIBLE, m->file, 0, "policy", "    to restore feasibility: %s", remedy);
    }
    opt->relaxation = rx;
    return FS_EINFEASIBLE;
}

fs_status fs_engine_run(const fs_model *m, fs_engine_options *opt, fs_result **out, fs_diag *diag)
{
    *out = NULL;
    if (m->policy.mode == FS_MODE_LEGAL) return run_legal(m, opt, out, diag);
    double t0 = now_ms();
    fs_lp *lp = NULL;
    fs_status st = opt->quick ? fs_lp_build_bounded(m, &lp, diag) : fs_lp_build(m, &lp, diag);
    if (st != FS_OK) return st;
    if (opt->export_lp && (st = fs_solve_export_lp(lp, opt->export_lp, diag)) != FS_OK) {
        fs_lp_free(lp);
        return st;
    }
    double t1 = now_ms();
    fs_solution *sol = NULL;
    fs_solve_options so = {.verbose = opt->verbose, .progress = opt->progress, .time_limit = m->policy.mip_time_limit, .no_binding = opt->quick,
                          .solver = opt->solver};
    st = fs_solve(lp, &so, &sol, diag);
    double t2 = now_ms();
    if (st == FS_OK) {
        if (sol->status == FS_LP_INFEASIBLE && opt->quick)
            st = fs_diag_add(diag, FS_EINFEASIBLE, m->file, 0, "policy", "no allocation satisfies the policy");
        else if (sol->status == FS_LP_INFEASIBLE)
            /* The time limit covers the explanation too: what the solve left of it. */
            st = explain_infeasible(m, lp, opt, fmax(0.001, m->policy.mip_time_limit - (now_ms() - t1) / 1e3), diag);
        else if (sol->status == FS_LP_UNBOUNDED)
            st = fs_diag_add(diag, FS_EINPUT, m->file, 0, "policy",
                             "the objective is unbounded: set an envelope, a city block or a cap to limit the pool");
        else if (sol->status == FS_LP_NO_SOLUTION_IN_TIME)
            st = fs_diag_add(diag, FS_ETIMEOUT, m->file, 0, "policy.mip_time_limit",
                             "the time limit of %g s was reached before any allocation with shares in whole "
                             "steps was found: raise the limit or remove the steps",
                             m->policy.mip_time_limit);
        else
            st = fs_result_from_lp(m, lp, sol, out, diag);
    }
    opt->phase_ms[0] = t1 - t0;
    opt->phase_ms[1] = t2 - t1;
    opt->phase_ms[2] = now_ms() - t2;
    fs_solution_free(sol);
    fs_lp_free(lp);
    return st;
}

void fs_engine_keep_freed_memory(void)
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
#endif
}
