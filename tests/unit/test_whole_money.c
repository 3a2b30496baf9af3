/*
 * test_whole_money.c: the whole-money allocation (whole_money.h) against an independent
 * solve. On 5,000 random problems (1 to 9 units, every kind of bound, bounds that
 * conflict with each other and with the total), GLPK's branch and bound minimises the
 * same tiers one after another (non-negative transfers, the policy's limits, the
 * coverage level, then Σ |a − x|) as an integer program, and the greedy exchange must
 * reach the same optimum of each tier, and with an exact total the same Σ |a − x|.
 * With the total free or at most a cap, the greedy may give up closeness to reach the
 * preferred total, so only its tiers are compared, and its total checked.
 */
#include <glpk.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "rng.h"
#include "whole_money.h"

enum { MAX_UNITS = 9, CASES = 5000 };

typedef uint64_t rng;

static uint64_t next(rng *g)
{
    return rng_next(g);
}

static int64_t pick(rng *g, int64_t lo, int64_t hi)
{
    return lo + (int64_t)(next(g) % (uint64_t)(hi - lo + 1));
}

/* A bound near x, or none (probability 1/3). */
static int64_t near_bound(rng *g, double x, int64_t none)
{
    return next(g) % 3 == 0 ? none : (int64_t)floor(x) + pick(g, -3, 3);
}

/* The independent solve: the tiers one after another by GLPK's MIP, each optimum held
 * while the next is minimised. The window [lo, hi] holds every allocation worth
 * considering. sums receives the optimum of the three tiers and of Σ |a − x|. */
static void mip(const wm_unit *u, size_t n, wm_total mode, int64_t target, int64_t most, double sums[4])
{
    glp_prob *p = glp_create_prob();
    glp_set_obj_dir(p, GLP_MIN);
    /* Columns per unit: a, s1, s2 (below lower), s2 (above upper), s3, dev. */
    enum { A, S1, S2L, S2U, S3, DEV, PER };
    glp_add_cols(p, (int)(PER * n));
    int row = 0;
    int ind[4 * MAX_UNITS + 2];
    double val[4 * MAX_UNITS + 2];
    for (size_t i = 0; i < n; i++) {
        int base = (int)(PER * i) + 1;
        glp_set_col_kind(p, base + A, GLP_IV);
        glp_set_col_bnds(p, base + A, GLP_DB, floor(u[i].x) - 60, ceil(u[i].x) + 60);
        for (int k = S1; k < PER; k++) glp_set_col_bnds(p, base + k, GLP_LO, 0, 0);
        /* s ≥ bound − a  ⇔  s + a ≥ bound; s ≥ a − upper ⇔ s − a ≥ −upper. */
        struct {
            int col;
            double sign;
            int64_t bound;
            bool has;
        } rows[] = {{S1, 1, u[i].nonneg, u[i].nonneg != INT64_MIN},
                    {S2L, 1, u[i].lower, u[i].lower != INT64_MIN},
                    {S2U, -1, u[i].upper == INT64_MAX ? 0 : -u[i].upper, u[i].upper != INT64_MAX},
                    {S3, 1, u[i].level, u[i].level != INT64_MIN}};
        for (size_t k = 0; k < 4; k++) {
            if (!rows[k].has) continue;
            glp_add_rows(p, 1);
            row++;
            ind[1] = base + rows[k].col, val[1] = 1;
            ind[2] = base + A, val[2] = rows[k].sign;
            glp_set_mat_row(p, row, 2, ind, val);
            glp_set_row_bnds(p, row, GLP_LO, (double)rows[k].bound, 0);
        }
        /* dev ≥ a − x and dev ≥ x − a. */
        for (int sign = 1; sign >= -1; sign -= 2) {
            glp_add_rows(p, 1);
            row++;
            ind[1] = base + DEV, val[1] = 1;
            ind[2] = base + A, val[2] = -sign;
            glp_set_mat_row(p, row, 2, ind, val);
            glp_set_row_bnds(p, row, GLP_LO, -sign * u[i].x, 0);
        }
    }
    if (mode != WM_FREE) {
        glp_add_rows(p, 1);
        row++;
        for (size_t i = 0; i < n; i++) ind[i + 1] = (int)(PER * i) + 1 + A, val[i + 1] = 1;
        glp_set_mat_row(p, row, (int)n, ind, val);
        if (mode == WM_EXACT) glp_set_row_bnds(p, row, GLP_FX, (double)target, (double)target);
        else glp_set_row_bnds(p, row, GLP_UP, 0, (double)most);
    }
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.presolve = GLP_ON;
    parm.msg_lev = GLP_MSG_OFF;
    static const int tier_cols[4][2] = {{S1, S1}, {S2L, S2U}, {S3, S3}, {DEV, DEV}};
    for (int t = 0; t < 4; t++) {
        for (int c = 1; c <= (int)(PER * n); c++) glp_set_obj_coef(p, c, 0);
        for (size_t i = 0; i < n; i++) {
            glp_set_obj_coef(p, (int)(PER * i) + 1 + tier_cols[t][0], 1);
            glp_set_obj_coef(p, (int)(PER * i) + 1 + tier_cols[t][1], 1);
        }
        CHECK(glp_intopt(p, &parm) == 0 && glp_mip_status(p) == GLP_OPT);
        sums[t] = glp_mip_obj_val(p);
        /* Hold this tier at its optimum (it is a whole number but for Σ |a − x|). */
        glp_add_rows(p, 1);
        row++;
        int k = 0;
        for (size_t i = 0; i < n; i++) {
            ind[++k] = (int)(PER * i) + 1 + tier_cols[t][0], val[k] = 1;
            if (tier_cols[t][1] != tier_cols[t][0]) ind[++k] = (int)(PER * i) + 1 + tier_cols[t][1], val[k] = 1;
        }
        glp_set_mat_row(p, row, k, ind, val);
        glp_set_row_bnds(p, row, GLP_UP, 0, sums[t] + 1e-7);
    }
    glp_delete_prob(p);
}

static void check_case(rng *g)
{
    size_t n = (size_t)pick(g, 1, MAX_UNITS);
    wm_unit u[MAX_UNITS];
    double sum_x = 0;
    for (size_t i = 0; i < n; i++) {
        double x = (double)pick(g, 0, 40) + (double)(next(g) % 1000) / 1000.0;
        u[i] = (wm_unit){x, near_bound(g, x, INT64_MIN), near_bound(g, x, INT64_MIN), INT64_MAX,
                         near_bound(g, x, INT64_MIN)};
        if (next(g) % 3 == 0) u[i].upper = (int64_t)ceil(x) + pick(g, -2, 3);
        sum_x += x;
    }
    wm_total mode = (wm_total)(next(g) % 3);
    int64_t target = (int64_t)floor(sum_x + 0.5) + pick(g, -(int64_t)n, (int64_t)n);
    int64_t most = target + pick(g, -2, 4);
    int64_t a[MAX_UNITS];
    CHECK(wm_allocate(u, n, mode, target, most, a) == 0);
    double greedy[4] = {0}, total = 0;
    for (size_t i = 0; i < n; i++) {
        int64_t short_[WM_TIERS];
        wm_shortfall(&u[i], a[i], short_);
        for (int t = 0; t < WM_TIERS; t++) greedy[t] += (double)short_[t];
        greedy[3] += fabs((double)a[i] - u[i].x);
        total += (double)a[i];
    }
    double best[4];
    mip(u, n, mode, target, most, best);
    for (int t = 0; t < WM_TIERS; t++) CHECK_NEAR(greedy[t], best[t], 1e-6);
    if (mode == WM_EXACT) {
        CHECK_NEAR(total, (double)target, 0);
        CHECK_NEAR(greedy[3], best[3], 1e-6);
    } else if (mode == WM_AT_MOST) {
        CHECK(total <= (double)most);
    }
}

int main(void)
{
    glp_term_out(GLP_OFF);
    rng g = 2026;
    for (int k = 0; k < CASES; k++) check_case(&g);
    glp_free_env();
    return check_report("test_whole_money");
}
