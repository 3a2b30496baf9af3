/*
 * relax.c: the elastic relaxation of an infeasible allocation LP (see relax.h).
 *
 * The elastic LP keeps the definitional rows (allocation = own revenue + transfers)
 * and the share bounds, drops the objectives (the coverage level and the deviation
 * rows), and states the coverage requirements directly: X >= coverage_min part and the
 * priority earmark. Every requirement row gets a slack column (a fixed row gets one each
 * way), and every non-negative transfer gets a mirror column (a negative transfer: money
 * the unit would have to give back). The officer's requirements (hold-harmless, floors,
 * minimum coverage, priority, cap) cost 1 per money unit missed; the budget's own limits
 * (envelope, city balance, non-negative transfers) cost STRUCTURAL_COST, so the report
 * names the requirements to change before it touches the budget, and among equally
 * cheap answers it does not pick one at random. Integrality is
 * dropped: if the relaxation then needs nothing, the whole-step shares are the conflict.
 * A minimal conflicting set (deletion filter) is not computed: the per-requirement
 * amounts already say what to change.
 */
#include "relax.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "solve.h"

/* Slack below this (LP units) is solver noise. */
#define SLACK_EPS 1e-9
/* Cost of relaxing the budget's own limits, relative to the officer's requirements. */
#define STRUCTURAL_COST 1000.0

static bool structural(const char *kind)
{
    return !strcmp(kind, "envelope") || !strcmp(kind, "city_balance") || !strcmp(kind, "nonneg_transfer");
}

typedef struct elastic {
    fs_lp lp;
    size_t col_cap, row_cap, nnz_cap;
    int *row_map;            /* original row -> elastic row, -1 dropped */
    int *col_map;            /* original col -> elastic col, -1 dropped */
    const char **slack_kind; /* per elastic column: requirement it relaxes, NULL if none */
    int *slack_unit;
    signed char *slack_over; /* 1: the slack lets the row's activity exceed its bound */
    bool failed;
} elastic;

static void *grow(void *p, size_t *cap, size_t need, size_t size, bool *failed)
{
    if (need <= *cap) return p;
    size_t c = *cap ? *cap : 64;
    while (c < need) c *= 2;
    void *q = realloc(p, c * size);
    if (!q) {
        *failed = true;
        return p;
    }
    *cap = c;
    return q;
}

static int add_col(elastic *e, const fs_lp_col *col, const char *kind, int unit)
{
    size_t cap = e->col_cap;
    e->lp.cols = grow(e->lp.cols, &e->col_cap, e->lp.col_count + 1, sizeof *e->lp.cols, &e->failed);
    size_t cap2 = cap, cap3 = cap;
    e->slack_kind = grow(e->slack_kind, &cap, e->lp.col_count + 1, sizeof *e->slack_kind, &e->failed);
    e->slack_unit = grow(e->slack_unit, &cap2, e->lp.col_count + 1, sizeof *e->slack_unit, &e->failed);
    e->slack_over = grow(e->slack_over, &cap3, e->lp.col_count + 1, sizeof *e->slack_over, &e->failed);
    if (e->failed) return -1;
    e->lp.cols[e->lp.col_count] = *col;
    e->slack_kind[e->lp.col_count] = kind;
    e->slack_unit[e->lp.col_count] = unit;
    e->slack_over[e->lp.col_count] = 0;
    return (int)e->lp.col_count++;
}

static int add_row(elastic *e, const fs_lp_row *row)
{
    e->lp.rows = grow(e->lp.rows, &e->row_cap, e->lp.row_count + 1, sizeof *e->lp.rows, &e->failed);
    if (e->failed) return -1;
    e->lp.rows[e->lp.row_count] = *row;
    return (int)e->lp.row_count++;
}

static void add_nz(elastic *e, int row, int col, double v)
{
    size_t c1 = e->nnz_cap, c2 = e->nnz_cap;
    e->lp.ia = grow(e->lp.ia, &c1, e->lp.nnz + 1, sizeof *e->lp.ia, &e->failed);
    e->lp.ja = grow(e->lp.ja, &c2, e->lp.nnz + 1, sizeof *e->lp.ja, &e->failed);
    e->lp.ar = grow(e->lp.ar, &e->nnz_cap, e->lp.nnz + 1, sizeof *e->lp.ar, &e->failed);
    if (e->failed) return;
    e->lp.ia[e->lp.nnz] = row;
    e->lp.ja[e->lp.nnz] = col;
    e->lp.ar[e->lp.nnz] = v;
    e->lp.nnz++;
}

static void add_slack(elastic *e, int row, double sign, const char *kind, int unit)
{
    fs_lp_col c = {.role = FS_COL_SLACK, .unit = unit, .source = -1, .rule = -1, .type = FS_LP_LOWER, .step = 1};
    snprintf(c.name, sizeof c.name, "slack_%u_%s", (unsigned)e->lp.col_count, sign > 0 ? "up" : "down");
    int col = add_col(e, &c, kind, unit);
    if (col >= 0) e->slack_over[col] = sign < 0, add_nz(e, row, col, sign);
}

static const char *row_kind(fs_row_role role)
{
    return fs_row_role_name(role);
}

/* Copies the LP without its objective machinery; requirement rows get slacks. */
static void build(elastic *e, const fs_model *m, const fs_lp *lp)
{
    e->lp.money_scale = lp->money_scale;
    e->lp.coverage_col = -1;
    for (size_t c = 0; c < lp->col_count; c++) {
        fs_col_role role = lp->cols[c].role;
        e->col_map[c] = -1;
        if (role == FS_COL_COVERAGE || role == FS_COL_DEV_OVER || role == FS_COL_DEV_UNDER) continue;
        fs_lp_col col = lp->cols[c];
        col.integer = false; /* integrality dropped: see the file comment */
        e->col_map[c] = add_col(e, &col, NULL, col.unit);
    }
    for (size_t r = 0; r < lp->row_count; r++) {
        fs_row_role role = lp->rows[r].role;
        e->row_map[r] = -1;
        if (role == FS_ROW_COVERAGE || role == FS_ROW_DEVIATION) continue;
        e->row_map[r] = add_row(e, &lp->rows[r]);
    }
    for (size_t k = 0; k < lp->nnz; k++) {
        int r = e->row_map[lp->ia[k]], c = e->col_map[lp->ja[k]];
        if (r >= 0 && c >= 0) add_nz(e, r, c, lp->ar[k]);
    }
    /* The coverage requirements, stated directly in money. */
    const fs_policy *p = &m->policy;
    double S = lp->money_scale;
    double cmin = lp->coverage_col >= 0 ? lp->cols[lp->coverage_col].lo : 0;
    for (size_t u = 0; u < m->unit_count && lp->coverage_col >= 0; u++) {
        double first = p->priority * (double)m->units[u].delegated;
        double lo = (cmin * ((double)m->need[u] - first) + first) / S;
        if (lo <= 0) continue;
        fs_lp_row row = {.role = cmin > 0 ? FS_ROW_COVERAGE_MIN : FS_ROW_PRIORITY, .unit = (int)u,
                         .type = FS_LP_LOWER, .lo = lo};
        snprintf(row.name, sizeof row.name, "%s_%zu", cmin > 0 ? "covmin" : "priority", u + 1);
        int r = add_row(e, &row);
        if (r >= 0) add_nz(e, r, e->col_map[lp->alloc_col[u]], 1);
    }
    /* Slacks on every requirement row. */
    size_t rows = e->lp.row_count;
    for (size_t r = 0; r < rows; r++) {
        const fs_lp_row *row = &e->lp.rows[r];
        if (row->role == FS_ROW_ALLOCATION) continue;
        const char *kind = row_kind(row->role);
        if (row->type == FS_LP_LOWER || row->type == FS_LP_FIXED || row->type == FS_LP_DOUBLE)
            add_slack(e, (int)r, +1, kind, row->unit);
        if (row->type == FS_LP_UPPER || row->type == FS_LP_FIXED || row->type == FS_LP_DOUBLE)
            add_slack(e, (int)r, -1, kind, row->unit);
    }
    /* Negative transfers, where transfers must be non-negative: the mirror column. */
    for (size_t u = 0; u < m->unit_count; u++) {
        size_t t = (size_t)lp->transfer_col[u];
        if (lp->cols[t].type != FS_LP_LOWER) continue;
        fs_lp_col c = {.role = FS_COL_SLACK, .unit = (int)u, .source = -1, .rule = -1, .type = FS_LP_LOWER, .step = 1};
        snprintf(c.name, sizeof c.name, "giveback_%zu", u + 1);
        int col = add_col(e, &c, "nonneg_transfer", (int)u);
        if (col < 0) return;
        size_t nnz = e->lp.nnz;
        for (size_t k = 0; k < nnz; k++)
            if (e->lp.ja[k] == e->col_map[t]) add_nz(e, e->lp.ia[k], col, -e->lp.ar[k]);
    }
    e->lp.stage_count = 1;
    e->lp.stage_maximise[0] = false;
    snprintf(e->lp.stage_name[0], sizeof e->lp.stage_name[0], "min_relaxation");
    e->lp.stage_coef = calloc(e->lp.col_count + 1, sizeof *e->lp.stage_coef);
    if (!e->lp.stage_coef) {
        e->failed = true;
        return;
    }
    for (size_t c = 0; c < e->lp.col_count; c++)
        e->lp.stage_coef[c] = !e->slack_kind[c] ? 0 : structural(e->slack_kind[c]) ? STRUCTURAL_COST : 1;
    /* fs_lp's lookups, for the solver's basis code. */
    e->lp.alloc_col = malloc((m->unit_count + 1) * sizeof *e->lp.alloc_col);
    e->lp.transfer_col = malloc((m->unit_count + 1) * sizeof *e->lp.transfer_col);
    if (!e->lp.alloc_col || !e->lp.transfer_col) {
        e->failed = true;
        return;
    }
    for (size_t u = 0; u < m->unit_count; u++) {
        e->lp.alloc_col[u] = e->col_map[lp->alloc_col[u]];
        e->lp.transfer_col[u] = e->col_map[lp->transfer_col[u]];
    }
}

static int by_amount(const void *a, const void *b)
{
    const fs_relax_item *x = a, *y = b;
    if (x->amount != y->amount) return x->amount > y->amount ? -1 : 1;
    int c = strcmp(x->kind, y->kind);
    return c ? c : (x->unit > y->unit) - (x->unit < y->unit);
}

static int kind_by_amount(const void *a, const void *b)
{
    const fs_relax_kind *x = a, *y = b;
    if (x->amount != y->amount) return x->amount > y->amount ? -1 : 1;
    return strcmp(x->kind, y->kind);
}

/* Counts, for each relaxed kind, the unit rows held exactly at their bound (slack
 * included): all of them take part in the conflict, whichever the LP chose to relax.
 * Returns 0, or -1 when memory runs out (then nothing is counted). */
static int count_binding(const elastic *e, const fs_solution *sol, fs_relaxation *rx)
{
    double *activity = calloc(e->lp.row_count + 1, sizeof *activity);
    if (!activity) return -1;
    for (size_t k = 0; k < e->lp.nnz; k++) activity[e->lp.ia[k]] += e->lp.ar[k] * sol->x[e->lp.ja[k]];
    for (size_t r = 0; r < e->lp.row_count; r++) {
        const fs_lp_row *row = &e->lp.rows[r];
        if (row->role == FS_ROW_ALLOCATION || row->unit < 0) continue;
        double bound = row->type == FS_LP_UPPER ? row->hi : row->lo;
        if (fabs(activity[r] - bound) > 1e-7 * fmax(1.0, fabs(bound))) continue;
        const char *kind = row_kind(row->role);
        for (size_t k = 0; k < rx->kind_count; k++)
            if (!strcmp(rx->kinds[k].kind, kind)) rx->kinds[k].binding++;
    }
    free(activity);
    return 0;
}

/* Collects the nonzero slacks into items (amounts rounded up to whole money) and sums them by kind.
 * Returns 0, or -1 when memory runs out. */
static int report(const elastic *e, const fs_solution *sol, fs_relaxation *rx)
{
    rx->items = calloc(e->lp.col_count + 1, sizeof *rx->items);
    rx->kinds = calloc(e->lp.col_count + 1, sizeof *rx->kinds);
    if (!rx->items || !rx->kinds) return -1;
    for (size_t c = 0; c < e->lp.col_count; c++) {
        if (!e->slack_kind[c] || sol->x[c] <= SLACK_EPS) continue;
        int64_t amount = (int64_t)ceil(sol->x[c] * e->lp.money_scale - 1e-6);
        if (amount <= 0) continue;
        fs_relax_item *it = &rx->items[rx->item_count++];
        it->kind = e->slack_kind[c];
        it->unit = e->slack_unit[c];
        it->amount = amount;
        rx->total += amount;
        size_t k = 0;
        while (k < rx->kind_count && strcmp(rx->kinds[k].kind, it->kind)) k++;
        if (k == rx->kind_count) rx->kinds[rx->kind_count++].kind = it->kind;
        rx->kinds[k].amount += amount;
        rx->kinds[k].over |= e->slack_over[c] != 0;
        if (it->unit >= 0) rx->kinds[k].units++;
    }
    if (count_binding(e, sol, rx) != 0) return -1;
    qsort(rx->items, rx->item_count, sizeof *rx->items, by_amount);
    qsort(rx->kinds, rx->kind_count, sizeof *rx->kinds, kind_by_amount);
    return 0;
}

static void free_elastic(elastic *e)
{
    free(e->lp.cols);
    free(e->lp.rows);
    free(e->lp.ia);
    free(e->lp.ja);
    free(e->lp.ar);
    free(e->lp.stage_coef);
    free(e->lp.alloc_col);
    free(e->lp.transfer_col);
    free(e->row_map);
    free(e->col_map);
    free(e->slack_kind);
    free(e->slack_unit);
    free(e->slack_over);
}

/* fs_relax with a kept solver (warm starts, no binding report: the binding counts stay
 * 0) when `solver` is not NULL. */
static fs_status relax(const fs_model *m, const fs_lp *lp, double seconds, fs_solver *solver, fs_relaxation **out,
                       fs_diag *diag)
{
    *out = NULL;
    elastic e = {0};
    e.row_map = malloc((lp->row_count + 1) * sizeof *e.row_map);
    e.col_map = malloc((lp->col_count + 1) * sizeof *e.col_map);
    fs_relaxation *rx = calloc(1, sizeof *rx);
    if (e.row_map && e.col_map && rx) build(&e, m, lp);
    if (!e.row_map || !e.col_map || !rx || e.failed) {
        free_elastic(&e);
        fs_relaxation_free(rx);
        return fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory");
    }
    fs_solution *sol = NULL;
    fs_solve_options opt = {.time_limit = seconds, .solver = solver, .no_binding = solver != NULL};
    fs_status st = fs_solve(&e.lp, &opt, &sol, diag);
    if (st == FS_OK && (sol->status == FS_LP_NO_SOLUTION_IN_TIME || sol->status == FS_LP_FEASIBLE_LIMIT))
        st = fs_diag_add(diag, FS_EINFEASIBLE, m->file, 0, "policy.mip_time_limit",
                         "the time limit ran out before the smallest change that makes it feasible was found");
    else if (st == FS_OK && sol->status != FS_LP_OPTIMAL)
        st = fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "the relaxation of the policy could not be solved");
    if (st == FS_OK && report(&e, sol, rx) != 0) st = fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory");
    if (st == FS_OK) rx->steps_only = rx->item_count == 0 && lp->has_integer;
    fs_solution_free(sol);
    free_elastic(&e);
    if (st != FS_OK) {
        fs_relaxation_free(rx);
        return st;
    }
    *out = rx;
    return FS_OK;
}

fs_status fs_relax(const fs_model *m, const fs_lp *lp, double seconds, fs_relaxation **out, fs_diag *diag)
{
    return relax(m, lp, seconds, NULL, out, diag);
}

fs_status fs_relax_warm(const fs_model *m, const fs_lp *lp, fs_solver *solver, fs_relaxation **out, fs_diag *diag)
{
    return relax(m, lp, m->policy.mip_time_limit, solver, out, diag);
}

const char *fs_relax_kind_text(const char *kind)
{
    static const char *const pairs[][2] = {
        {"hold_harmless", "hold-harmless"},        {"coverage_min", "minimum coverage"},
        {"per_capita_floor", "per-capita floor"},  {"cap", "cap on coverage"},
        {"envelope", "the envelope"},              {"city_balance", "the city balance"},
        {"priority", "priority for delegated tasks"}, {"nonneg_transfer", "non-negative transfers"},
        {"stability", "balancing transfers not below last year's"},
    };
    for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++)
        if (!strcmp(pairs[k][0], kind)) return pairs[k][1];
    return kind;
}

void fs_relax_kind_remedy(const fs_relax_kind *kind, const char *amount, const char *money_unit, bool city,
                          char *buf, size_t size)
{
    if (!strcmp(kind->kind, "envelope")) {
        if (kind->over)
            snprintf(buf, size, "the requirements need %s %s more than the envelope: raise policy.envelope by at least "
                                "that, or lower the requirements listed",
                     amount, money_unit);
        else if (city)
            snprintf(buf, size, "the city cannot pay the envelope: it is %s %s too large for the city's balance; lower "
                                "policy.envelope or raise the city's revenue (city.revenue) by at least that",
                     amount, money_unit);
        else
            snprintf(buf, size, "the envelope is %s %s more than the units may get (their caps): lower policy.envelope "
                                "by at least that, or raise policy.cap",
                     amount, money_unit);
        return;
    }
    static const char *const remedies[][2] = {
        {"hold_harmless", "lower policy.hold_harmless, or give the communes at least %s %s more (policy.envelope)"},
        {"coverage_min", "lower policy.coverage_min, or give the communes at least %s %s more (policy.envelope)"},
        {"per_capita_floor", "lower policy.floor_per_capita, or give the communes at least %s %s more "
                             "(policy.envelope)"},
        {"priority", "lower policy.priority, or give the communes at least %s %s more (policy.envelope)"},
        {"cap", "raise policy.cap, or give the communes at least %s %s less (policy.envelope)"},
        {"city_balance", "the city's balance is short by %s %s: lower the communes' envelope (policy.envelope) or "
                         "raise the city's revenue (city.revenue) by at least that"},
        {"nonneg_transfer", "the units' own revenue exceeds what the policy lets them have by %s %s: raise policy.cap "
                            "or the envelope, or lower the commune shares"},
        {"stability", "balancing transfers cannot all stay at last year's (%s %s short): slow the period's growth "
                      "rates or raise the envelope"},
    };
    for (size_t k = 0; k < sizeof remedies / sizeof *remedies; k++)
        if (!strcmp(remedies[k][0], kind->kind)) {
            snprintf(buf, size, remedies[k][1], amount, money_unit);
            return;
        }
    snprintf(buf, size, "relax %s by %s %s", kind->kind, amount, money_unit);
}

void fs_relaxation_free(fs_relaxation *relax)
{
    if (!relax) return;
    free(relax->items);
    free(relax->kinds);
    free(relax);
}
