/*
 * disburse_cash.c: the cash-constrained schedule as an LP (see disburse_cash.h), solved
 * by the solve module (fs_solve_plain, GLPK under its error hook), and its rounding to
 * whole money that keeps the cash limit exact. When the curves fit the cash with room
 * in every month the LP's optimum is known (the curves) and it is not built.
 *
 * Columns: each account's cumulative amount at each month up to its deadline. Rows:
 * each account's monthly steps, then the cash of each month.
 */
#include "disburse_cash.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

#include "solve.h"

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

/* Column (0-based) of account a's cumulative amount at month m (m ≤ deadline). */
static int col_of(const int *first_col, size_t a, size_t m)
{
    return first_col[a] + (int)m;
}

/* Whole money: round each cumulative amount, keep it between last month's and the
 * curve, then lower this month's amounts, largest first, until the cash holds. Money
 * paid stays paid, so month m's total must also fit every later month's cash:
 * `limit` is the least cash available from m on. */
static void round_schedule(fs_disburse_result *d, const double *x, const int *first_col, double div)
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
                y = (int64_t)llround(x[col_of(first_col, a, m)] * div);
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

/* The arrays of the cash LP. */
typedef struct plain_arrays {
    double *col_lo, *col_hi, *obj, *row_lo, *row_hi, *val, *x, *dual;
    size_t *row_start;
    int *col;
} plain_arrays;

static int plain_alloc(plain_arrays *p, size_t cols, size_t rows, size_t nnz)
{
    p->col_lo = malloc((cols + 1) * sizeof *p->col_lo), p->col_hi = malloc((cols + 1) * sizeof *p->col_hi);
    p->obj = malloc((cols + 1) * sizeof *p->obj), p->x = malloc((cols + 1) * sizeof *p->x);
    p->row_lo = malloc((rows + 1) * sizeof *p->row_lo), p->row_hi = malloc((rows + 1) * sizeof *p->row_hi);
    p->dual = malloc((rows + 1) * sizeof *p->dual), p->row_start = malloc((rows + 1) * sizeof *p->row_start);
    p->val = malloc((nnz + 1) * sizeof *p->val), p->col = malloc((nnz + 1) * sizeof *p->col);
    return p->col_lo && p->col_hi && p->obj && p->x && p->row_lo && p->row_hi && p->dual && p->row_start && p->val &&
                   p->col
               ? 0
               : -1;
}

static void plain_free(plain_arrays *p)
{
    free(p->col_lo), free(p->col_hi), free(p->obj), free(p->x), free(p->row_lo), free(p->row_hi);
    free(p->dual), free(p->row_start), free(p->val), free(p->col);
}

/* The cash LP in p's arrays, money divided by div: maximise the money paid (a unit's a
 * little more than the city's, and the deadline's most), each account on or below its
 * curve, each month's step at most (1 + catch_up) times the curve's, and the
 * cumulative total within the cumulative cash. */
static fs_plain_lp build(const fs_disburse_result *d, double catch_up, double div, const int *first_col,
                         size_t cols, plain_arrays *p)
{
    size_t na = d->account_count, nm = d->month_count, rows = 0, nz = 0;
    for (size_t a = 0; a < na; a++) {
        const fs_disburse_account *acc = &d->accounts[a];
        double w = acc->unit < 0 ? city_weight : unit_weight;
        for (int m = 0; m <= acc->deadline_month; m++) {
            int j = col_of(first_col, a, (size_t)m);
            double hi = (double)acc->simulated[m] / div;
            p->col_lo[j] = 0, p->col_hi[j] = hi > 0 ? hi : 0;
            p->obj[j] = w * (m == acc->deadline_month ? 1.0 + (double)nm : 1.0);
        }
    }
    /* Monthly steps: 0 <= y[m] - y[m-1] <= (1 + catch_up) × (D[m] - D[m-1]). */
    for (size_t a = 0; a < na; a++) {
        const fs_disburse_account *acc = &d->accounts[a];
        for (int m = 1; m <= acc->deadline_month; m++) {
            double cap = (1 + catch_up) * (double)(acc->simulated[m] - acc->simulated[m - 1]) / div;
            p->row_lo[rows] = 0, p->row_hi[rows] = cap > 0 ? cap : 0;
            p->row_start[rows++] = nz;
            p->col[nz] = col_of(first_col, a, (size_t)m), p->val[nz++] = 1;
            p->col[nz] = col_of(first_col, a, (size_t)m - 1), p->val[nz++] = -1;
        }
    }
    /* Cash: the cumulative schedule of every account within the cumulative cash. */
    for (size_t m = 0; m < nm; m++) {
        p->row_lo[rows] = -HUGE_VAL, p->row_hi[rows] = (double)d->available[m] / div;
        p->row_start[rows++] = nz;
        for (size_t a = 0; a < na; a++) {
            int last = d->accounts[a].deadline_month;
            p->col[nz] = col_of(first_col, a, (int)m < last ? m : (size_t)last), p->val[nz++] = 1;
        }
    }
    p->row_start[rows] = nz;
    return (fs_plain_lp){.maximise = true, .col_count = cols, .row_count = rows, .col_lo = p->col_lo,
                         .col_hi = p->col_hi, .obj = p->obj, .row_lo = p->row_lo, .row_hi = p->row_hi,
                         .row_start = p->row_start, .col = p->col, .val = p->val};
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
    size_t cols = 0, steps = 0;
    for (size_t a = 0; a < na; a++) {
        first_col[a] = (int)cols;
        cols += (size_t)d->accounts[a].deadline_month + 1;
        steps += (size_t)d->accounts[a].deadline_month;
    }
    size_t rows = steps + nm, nnz = 2 * steps + nm * na;
    plain_arrays p = {0};
    fs_status st = plain_alloc(&p, cols, rows, nnz) == 0 ? FS_OK
                                                         : fs_diag_add(diag, FS_EINTERNAL, file, 0, NULL, "out of memory");
    if (st == FS_OK) {
        fs_plain_lp lp = build(d, catch_up, money_divisor(d), first_col, cols, &p);
        st = fs_solve_plain(&lp, p.x, p.dual, "the cash schedule LP", file, "disbursement.cash", diag);
    }
    if (st == FS_OK) {
        round_schedule(d, p.x, first_col, money_divisor(d));
        for (size_t m = 0; m < nm; m++) {
            double dual = p.dual[steps + m];
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
    }
    plain_free(&p);
    free(first_col);
    return st;
}
