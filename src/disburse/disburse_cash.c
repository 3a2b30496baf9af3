/*
 * disburse_cash.c: the cash-constrained schedule as a GLPK LP (see disburse_cash.h),
 * and its rounding to whole money that keeps the cash limit exact. When the curves fit
 * the cash with room in every month the LP's optimum is known (the curves) and it is
 * not built.
 */
#include "disburse_cash.h"

#include <glpk.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

static const double unit_weight = 1.001, city_weight = 1.0;

/* LP money = money / divisor, a power of ten that keeps the largest amount near 10^4. */
static double money_divisor(const fs_disburse_result *d)
{
    int64_t top = 1;
    for (size_t m = 0; m < d->month_count; m++)
        if (d->available[m] > top) top = d->available[m];
    for (size_t a = 0; a < d->account_count; a++)
        if (d->accounts[a].plan > top) top = d->accounts[a].plan;
    double e = floor(log10((double)top)) - 4;
    return e > 0 ? pow(10, e) : 1;
}

/* Column index of account a's cumulative amount at month m (m ≤ deadline). */
static int col_of(const int *first_col, size_t a, size_t m)
{
    return first_col[a] + (int)m;
}

/* Whole money: round each cumulative amount, keep it between last month's and the
 * curve, then lower this month's amounts, largest first, until the cash holds. Money
 * paid stays paid, so month m's total must also fit every later month's cash:
 * `limit` is the least cash available from m on. */
static void round_schedule(fs_disburse_result *d, glp_prob *lp, const int *first_col, double div)
{
    for (size_t m = 0; m < d->month_count; m++) {
        int64_t limit = d->available[m];
        for (size_t k = m + 1; k < d->month_count; k++)
            if (d->available[k] < limit) limit = d->available[k];
        int64_t total = 0;
        for (size_t a = 0; a < d->account_count; a++) {
            fs_disburse_account *acc = &d->accounts[a];
            int64_t prev = m ? acc->scheduled[m - 1] : 0;
            int64_t y = prev;
            if ((int)m <= acc->deadline_month) {
                y = (int64_t)llround(glp_get_col_prim(lp, col_of(first_col, a, m)) * div);
                if (y < prev) y = prev;
                if (y > acc->simulated[m]) y = acc->simulated[m];
                if (y < prev) y = prev; /* the curve never falls, so this only guards */
            }
            acc->scheduled[m] = y;
            total += y;
        }
        int64_t excess = total - limit;
        while (excess > 0) {
            size_t best = d->account_count;
            int64_t best_gain = 0;
            for (size_t a = 0; a < d->account_count; a++) {
                fs_disburse_account *acc = &d->accounts[a];
                int64_t gain = acc->scheduled[m] - (m ? acc->scheduled[m - 1] : 0);
                if (gain > best_gain) best = a, best_gain = gain;
            }
            if (best == d->account_count) break; /* cannot happen: last month's total fits `limit` */
            int64_t cut = best_gain < excess ? best_gain : excess;
            d->accounts[best].scheduled[m] -= cut;
            excess -= cut;
        }
    }
}

/* Account acc's cumulative curve at month m: frozen after its deadline. */
static int64_t curve_at(const fs_disburse_account *acc, size_t m)
{
    return acc->simulated[(int)m < acc->deadline_month ? m : (size_t)acc->deadline_month];
}

/* True when the curves fit the cash with room to spare in every month: then the LP's
 * optimum is every account on its curve (each column at its upper bound, every
 * objective weight positive), no cash row binds, so all its duals are 0, and the
 * schedule is the curve itself; the LP is not needed. The cumulative total never falls,
 * so it also fits every later month's cash, as round_schedule requires. */
static bool curves_fit_cash(const fs_disburse_result *d)
{
    for (size_t m = 0; m < d->month_count; m++) {
        int64_t total = 0;
        for (size_t a = 0; a < d->account_count; a++) {
            const fs_disburse_account *acc = &d->accounts[a];
            total += curve_at(acc, m);
        }
        if (total >= d->available[m]) return false;
    }
    return true;
}

fs_status cash_schedule(fs_disburse_result *d, double catch_up, const char *file, fs_diag *diag)
{
    size_t na = d->account_count, nm = d->month_count;
    if (curves_fit_cash(d)) {
        for (size_t a = 0; a < na; a++) {
            fs_disburse_account *acc = &d->accounts[a];
            for (size_t m = 0; m < nm; m++)
                acc->scheduled[m] = curve_at(acc, m);
        }
        for (size_t m = 0; m < nm; m++) d->constrained[m] = false, d->shadow_price[m] = 0;
        return FS_OK;
    }
    int *first_col = malloc((na + 1) * sizeof *first_col);
    if (!first_col) return fs_diag_add(diag, FS_EINTERNAL, file, 0, NULL, "out of memory");
    double div = money_divisor(d);
    glp_prob *lp = glp_create_prob();
    glp_set_obj_dir(lp, GLP_MAX);
    int cols = 0;
    for (size_t a = 0; a < na; a++) {
        first_col[a] = cols + 1;
        cols += d->accounts[a].deadline_month + 1;
    }
    glp_add_cols(lp, cols);
    for (size_t a = 0; a < na; a++) {
        const fs_disburse_account *acc = &d->accounts[a];
        double w = acc->unit < 0 ? city_weight : unit_weight;
        for (int m = 0; m <= acc->deadline_month; m++) {
            int j = col_of(first_col, a, (size_t)m);
            double hi = (double)acc->simulated[m] / div;
            glp_set_col_bnds(lp, j, hi > 0 ? GLP_DB : GLP_FX, 0, hi);
            glp_set_obj_coef(lp, j, w * (m == acc->deadline_month ? 1.0 + (double)nm : 1.0));
        }
    }
    /* Monthly steps: 0 <= y[m] - y[m-1] <= (1 + catch_up) × (D[m] - D[m-1]). */
    int ind[3];
    double val[3];
    for (size_t a = 0; a < na; a++) {
        const fs_disburse_account *acc = &d->accounts[a];
        for (int m = 1; m <= acc->deadline_month; m++) {
            int i = glp_add_rows(lp, 1);
            double cap = (1 + catch_up) * (double)(acc->simulated[m] - acc->simulated[m - 1]) / div;
            glp_set_row_bnds(lp, i, cap > 0 ? GLP_DB : GLP_FX, 0, cap);
            ind[1] = col_of(first_col, a, (size_t)m), val[1] = 1;
            ind[2] = col_of(first_col, a, (size_t)m - 1), val[2] = -1;
            glp_set_mat_row(lp, i, 2, ind, val);
        }
    }
    /* Cash: the cumulative schedule of every account within the cumulative cash. */
    int *cind = malloc((na + 1) * sizeof *cind);
    double *cval = malloc((na + 1) * sizeof *cval);
    int *cash_row = malloc(nm * sizeof *cash_row);
    fs_status st = FS_OK;
    if (!cind || !cval || !cash_row) {
        st = fs_diag_add(diag, FS_EINTERNAL, file, 0, NULL, "out of memory");
        goto done;
    }
    for (size_t m = 0; m < nm; m++) {
        int i = glp_add_rows(lp, 1);
        cash_row[m] = i;
        int n = 0;
        for (size_t a = 0; a < na; a++) {
            int last = d->accounts[a].deadline_month;
            cind[++n] = col_of(first_col, a, (int)m < last ? m : (size_t)last);
            cval[n] = 1;
        }
        glp_set_row_bnds(lp, i, GLP_UP, 0, (double)d->available[m] / div);
        glp_set_mat_row(lp, i, n, cind, cval);
    }
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.meth = GLP_DUALP;
    int rc = glp_simplex(lp, &parm);
    if (rc != 0 || glp_get_status(lp) != GLP_OPT) {
        st = fs_diag_add(diag, FS_EINTERNAL, file, 0, "disbursement.cash",
                         "the cash schedule LP did not solve (glp_simplex %d, status %d)", rc, glp_get_status(lp));
        goto done;
    }
    round_schedule(d, lp, first_col, div);
    for (size_t m = 0; m < nm; m++) {
        double dual = glp_get_row_dual(lp, cash_row[m]);
        int64_t sim = 0, sched = 0;
        for (size_t a = 0; a < na; a++) {
            sim += d->accounts[a].simulated[m];
            sched += d->accounts[a].scheduled[m];
        }
        /* Behind the curve only for lack of cash: the curve is what capacity allows. The
         * binding cash row may be a later month's: money kept back for it. */
        d->constrained[m] = sched < sim;
        d->shadow_price[m] = dual > 1e-9 ? dual : 0;
    }
done:
    free(cind), free(cval), free(cash_row), free(first_col);
    glp_delete_prob(lp);
    return st;
}
