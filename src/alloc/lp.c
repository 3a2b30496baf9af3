/*
 * lp.c: builds the allocation LP from a model (see lp.h for the layout).
 *
 * Variables: per unit an allocation X and a balancing transfer T; one share column per
 * chosen sharing rule (or per unit, for scope = "unit"), counting steps when the rule
 * has a step (a MIP); the coverage level z for max_min_coverage; deviation pairs for
 * min_deviation. Every amount is divided by money_scale before it enters the LP.
 */
#include "lp.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct builder {
    fs_lp *lp;
    size_t col_cap, row_cap, nnz_cap;
    bool failed;
    bool bounds;                 /* a unit's lower limits as its column's bound (fs_lp_build_bounded) */
} builder;

/* name = prefix and number; left empty in a bounded build (a sweep's variant), whose
 * rows and columns are never named to anyone: formatting them took 7% of a variant. */
static void numbered(const builder *b, char name[64], const char *prefix, size_t number)
{
    if (b->bounds) name[0] = '\0';
    else snprintf(name, 64, "%s%zu", prefix, number);
}

static int add_col(builder *b, fs_col_role role, int unit, fs_lp_bound type, double lo, double hi,
                   const char *name)
{
    fs_lp *lp = b->lp;
    if (lp->col_count == b->col_cap) {
        size_t cap = b->col_cap ? 2 * b->col_cap : 256;
        fs_lp_col *grown = realloc(lp->cols, cap * sizeof *grown);
        if (!grown) {
            b->failed = true;
            return 0;
        }
        lp->cols = grown;
        b->col_cap = cap;
    }
    fs_lp_col *c = &lp->cols[lp->col_count];
    memset(c, 0, sizeof *c);
    snprintf(c->name, sizeof c->name, "%s", name);
    c->role = role;
    c->unit = unit;
    c->source = c->rule = -1;
    c->type = type;
    c->lo = lo;
    c->hi = hi;
    c->step = 1;
    return (int)lp->col_count++;
}

static int add_row(builder *b, fs_row_role role, int unit, fs_lp_bound type, double lo, double hi,
                   const char *name)
{
    fs_lp *lp = b->lp;
    if (lp->row_count == b->row_cap) {
        size_t cap = b->row_cap ? 2 * b->row_cap : 256;
        fs_lp_row *grown = realloc(lp->rows, cap * sizeof *grown);
        if (!grown) {
            b->failed = true;
            return 0;
        }
        lp->rows = grown;
        b->row_cap = cap;
    }
    fs_lp_row *r = &lp->rows[lp->row_count];
    snprintf(r->name, sizeof r->name, "%s", name);
    r->role = role;
    r->unit = unit;
    r->type = type;
    r->lo = lo;
    r->hi = hi;
    return (int)lp->row_count++;
}

/* Adds coefficient v at (row, col); zero coefficients are skipped (GLPK rejects none,
 * but they only cost time). Callers never add the same (row, col) twice, which GLPK
 * would abort on. */
static void add_nz(builder *b, int row, int col, double v)
{
    if (v == 0 || b->failed) return;
    fs_lp *lp = b->lp;
    if (lp->nnz == b->nnz_cap) {
        size_t cap = b->nnz_cap ? 2 * b->nnz_cap : 1024;
        int *ia = realloc(lp->ia, cap * sizeof *ia);
        if (ia) lp->ia = ia;
        int *ja = realloc(lp->ja, cap * sizeof *ja);
        if (ja) lp->ja = ja;
        double *ar = realloc(lp->ar, cap * sizeof *ar);
        if (ar) lp->ar = ar;
        if (!ia || !ja || !ar) {
            b->failed = true;
            return;
        }
        b->nnz_cap = cap;
    }
    lp->ia[lp->nnz] = row;
    lp->ja[lp->nnz] = col;
    lp->ar[lp->nnz] = v;
    lp->nnz++;
}

static int by_amount(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* A power of ten near the median need, so that LP amounts are of order 1–10. */
static double choose_scale(const fs_model *m)
{
    int64_t *sorted = malloc(m->unit_count * sizeof *sorted);
    if (!sorted || m->unit_count == 0) {
        free(sorted);
        return 1;
    }
    memcpy(sorted, m->need, m->unit_count * sizeof *sorted);
    qsort(sorted, m->unit_count, sizeof *sorted, by_amount);
    double median = (double)sorted[m->unit_count / 2];
    free(sorted);
    return median >= 10 ? pow(10, floor(log10(median))) : 1;
}

static bool has_objective(const fs_model *m, fs_objective o)
{
    for (size_t k = 0; k < m->policy.objective_count; k++)
        if (m->policy.objectives[k] == o) return true;
    return false;
}

/* Share columns: one per chosen rule (group) or per unit and chosen rule. */
static void add_share_columns(builder *b, const fs_model *m)
{
    fs_lp *lp = b->lp;
    size_t S = m->source_count;
    for (size_t s = 0; s < S; s++) {
        const fs_source *src = &m->sources[s];
        for (size_t k = 0; k < src->rule_count; k++) {
            const fs_share_rule *rule = &src->rules[k];
            if (!rule->choose) continue;
            int group_col = -1;
            for (size_t u = 0; u < m->unit_count; u++) {
                if (m->rule_of[u * S + s] != (int)k) continue;
                if (rule->per_unit || group_col < 0) {
                    char name[64];
                    if (b->bounds) name[0] = '\0';
                    else if (rule->per_unit) snprintf(name, sizeof name, "share_%u_%u_%u", (unsigned)(s + 1), (unsigned)(k + 1), (unsigned)(u + 1));
                    else snprintf(name, sizeof name, "share_%u_%u", (unsigned)(s + 1), (unsigned)(k + 1));
                    double lo = rule->lo, hi = rule->hi;
                    if (rule->step > 0) {
                        lo = ceil(rule->lo / rule->step - 1e-9);
                        hi = floor(rule->hi / rule->step + 1e-9);
                    }
                    int col = add_col(b, FS_COL_SHARE, rule->per_unit ? (int)u : -1,
                                      lo == hi ? FS_LP_FIXED : FS_LP_DOUBLE, lo, hi, name);
                    if (b->failed) return;
                    lp->cols[col].source = (int)s;
                    lp->cols[col].rule = (int)k;
                    if (rule->step > 0) {
                        lp->cols[col].integer = true;
                        lp->cols[col].step = rule->step;
                        lp->has_integer = true;
                    }
                    group_col = col;
                }
                lp->share_col[u * S + s] = group_col;
            }
        }
    }
}

/* Commune part of unit u's revenue that does not depend on a chosen share. */
static double fixed_own(const fs_model *m, size_t u)
{
    double own = 0;
    for (size_t s = 0; s < m->source_count; s++) {
        const fs_source *src = &m->sources[s];
        double r = (double)fs_model_revenue(m, u, s);
        if (src->type == FS_SOURCE_COMMUNE) own += r * (1 - src->central);
        else if (src->type == FS_SOURCE_SHARED) {
            const fs_share_rule *rule = fs_model_rule(m, u, s);
            if (!rule->choose) own += r * rule->commune;
        }
    }
    return own;
}

/* City revenue that does not depend on chosen shares, in money. */
static double fixed_city_revenue(const fs_model *m)
{
    double v = (double)m->city.revenue + (double)m->city.central_transfers;
    for (size_t s = 0; s < m->source_count; s++) {
        const fs_source *src = &m->sources[s];
        v += (double)src->city_collected * (1 - src->central);
        for (size_t u = 0; u < m->unit_count; u++) {
            double r = (double)fs_model_revenue(m, u, s);
            if (src->type == FS_SOURCE_CITY) v += r * (1 - src->central);
            else if (src->type == FS_SOURCE_SHARED) {
                const fs_share_rule *rule = fs_model_rule(m, u, s);
                v += r * (1 - src->central - (rule->choose ? 0 : rule->commune));
            }
        }
    }
    return v;
}

/* A requirement X_u >= value: a row of its own (its price and range are reported, the
 * relaxation can name it), or with b->bounds a lower bound of X_u's column. */
static void lower_limit(builder *b, fs_row_role role, size_t u, const char *prefix, double value)
{
    int x = b->lp->alloc_col[u];
    if (b->bounds) {
        fs_lp_col *col = &b->lp->cols[x];
        if (value > col->lo) col->lo = value;
        return;
    }
    char name[64];
    numbered(b, name, prefix, u + 1);
    int row = add_row(b, role, (int)u, FS_LP_LOWER, value, 0, name);
    add_nz(b, row, x, 1);
}

static void add_unit_rows(builder *b, const fs_model *m, size_t u, double S)
{
    fs_lp *lp = b->lp;
    const fs_policy *p = &m->policy;
    const fs_unit *unit = &m->units[u];
    int x = lp->alloc_col[u];
    double need = (double)m->need[u] / S;
    double first = p->priority * (double)unit->delegated / S; /* funded before coverage */
    char name[64];
    int row;

    numbered(b, name, "alloc_", u + 1);
    double rhs = (fixed_own(m, u) + (double)unit->targeted) / S;
    row = add_row(b, FS_ROW_ALLOCATION, (int)u, FS_LP_FIXED, rhs, rhs, name);
    add_nz(b, row, x, 1);
    add_nz(b, row, lp->transfer_col[u], -1);
    for (size_t s = 0; s < m->source_count; s++) {
        int col = lp->share_col[u * m->source_count + s];
        if (col >= 0) add_nz(b, row, col, -(double)fs_model_revenue(m, u, s) / S * lp->cols[col].step);
    }
    /* Several share columns of one unit never coincide: one per (source, rule). */

    if (lp->coverage_col >= 0) {
        numbered(b, name, "cov_", u + 1);
        row = add_row(b, FS_ROW_COVERAGE, (int)u, FS_LP_LOWER, first, 0, name);
        add_nz(b, row, x, 1);
        add_nz(b, row, lp->coverage_col, -(need - first));
    } else if (!isnan(p->coverage_min)) {
        lower_limit(b, FS_ROW_COVERAGE_MIN, u, "covmin_", p->coverage_min * (need - first) + first);
    }
    if (!isnan(p->hold_harmless) && unit->last_year > 0) /* X >= 0 already */
        lower_limit(b, FS_ROW_HOLD_HARMLESS, u, "hh_", p->hold_harmless * (double)unit->last_year / S);
    if (m->stability_floor) lower_limit(b, FS_ROW_STABILITY, u, "stab_", (double)m->stability_floor[u] / S);
    if (!isnan(p->cap)) {
        numbered(b, name, "cap_", u + 1);
        row = add_row(b, FS_ROW_CAP, (int)u, FS_LP_UPPER, 0, p->cap * need, name);
        add_nz(b, row, x, 1);
    }
    double floor_pc = p->floor_per_capita[unit->cls];
    if (!isnan(floor_pc)) lower_limit(b, FS_ROW_FLOOR, u, "floor_", floor_pc * (double)unit->population / S);
}

static void add_deviation(builder *b, const fs_model *m, double S)
{
    fs_lp *lp = b->lp;
    for (size_t u = 0; u < m->unit_count; u++) {
        char name[64];
        numbered(b, name, "over_", u + 1);
        int over = add_col(b, FS_COL_DEV_OVER, (int)u, FS_LP_LOWER, 0, 0, name);
        numbered(b, name, "under_", u + 1);
        int under = add_col(b, FS_COL_DEV_UNDER, (int)u, FS_LP_LOWER, 0, 0, name);
        numbered(b, name, "dev_", u + 1);
        int row = add_row(b, FS_ROW_DEVIATION, (int)u, FS_LP_FIXED, 1, 1, name);
        add_nz(b, row, lp->alloc_col[u], S / (double)m->need[u]);
        add_nz(b, row, over, -1);
        add_nz(b, row, under, 1);
    }
}

static void add_global_rows(builder *b, const fs_model *m, double S)
{
    fs_lp *lp = b->lp;
    const fs_policy *p = &m->policy;
    if (p->envelope_mode != FS_ENVELOPE_NONE) {
        double e = (double)p->envelope / S;
        int row = add_row(b, FS_ROW_ENVELOPE, -1, p->envelope_mode == FS_ENVELOPE_EXACT ? FS_LP_FIXED : FS_LP_UPPER,
                          e, e, "envelope");
        for (size_t u = 0; u < m->unit_count; u++) add_nz(b, row, lp->alloc_col[u], 1);
    }
    if (!m->city.present) return;
    /* retained − (1 + reserve)(need + Σ T + Σ G) >= −deficit, chosen shares moved left. */
    double grow = 1 + m->city.reserve_rate;
    double targeted = 0;
    for (size_t u = 0; u < m->unit_count; u++) targeted += (double)m->units[u].targeted;
    double lo = (-(double)m->city.deficit_max - fixed_city_revenue(m) + grow * ((double)m->city.need + targeted)) / S;
    int row = add_row(b, FS_ROW_CITY_BALANCE, -1, FS_LP_LOWER, lo, 0, "city_balance");
    for (size_t u = 0; u < m->unit_count; u++) add_nz(b, row, lp->transfer_col[u], -grow);
    for (size_t c = 0; c < lp->col_count; c++) {
        const fs_lp_col *col = &lp->cols[c];
        if (col->role != FS_COL_SHARE) continue;
        double collected = 0;
        for (size_t u = 0; u < m->unit_count; u++)
            if (lp->share_col[u * m->source_count + (size_t)col->source] == (int)c)
                collected += (double)fs_model_revenue(m, u, (size_t)col->source);
        add_nz(b, row, (int)c, -collected / S * col->step);
    }
}

static void set_objectives(fs_lp *lp, const fs_model *m)
{
    lp->stage_count = m->policy.objective_count;
    for (size_t k = 0; k < lp->stage_count; k++) {
        fs_objective o = m->policy.objectives[k];
        lp->stage[k] = o;
        snprintf(lp->stage_name[k], sizeof lp->stage_name[k], "%s", fs_objective_name(o));
        lp->stage_maximise[k] = o == FS_OBJ_MAX_MIN_COVERAGE;
        double *coef = &lp->stage_coef[k * lp->col_count];
        for (size_t c = 0; c < lp->col_count; c++) {
            fs_col_role role = lp->cols[c].role;
            coef[c] = (o == FS_OBJ_MAX_MIN_COVERAGE && role == FS_COL_COVERAGE) ||
                              (o == FS_OBJ_MIN_DEVIATION && (role == FS_COL_DEV_OVER || role == FS_COL_DEV_UNDER)) ||
                              (o == FS_OBJ_MIN_TRANSFERS && role == FS_COL_TRANSFER)
                          ? 1
                          : 0;
        }
    }
}

static fs_status build(const fs_model *m, bool bounds, fs_lp **out, fs_diag *diag)
{
    *out = NULL;
    fs_lp *lp = calloc(1, sizeof *lp);
    builder b = {.lp = lp, .bounds = bounds};
    size_t n = m->unit_count, S = m->source_count;
    if (lp) {
        lp->alloc_col = malloc((n + 1) * sizeof *lp->alloc_col);
        lp->transfer_col = malloc((n + 1) * sizeof *lp->transfer_col);
        lp->share_col = malloc((n * S + 1) * sizeof *lp->share_col);
    }
    if (!lp || !lp->alloc_col || !lp->transfer_col || !lp->share_col) {
        fs_lp_free(lp);
        return fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory");
    }
    for (size_t i = 0; i < n * S; i++) lp->share_col[i] = -1;
    double scale = lp->money_scale = choose_scale(m);
    const fs_policy *p = &m->policy;
    char name[64];
    for (size_t u = 0; u < n; u++) {
        numbered(&b, name, "alloc_", u + 1);
        lp->alloc_col[u] = add_col(&b, FS_COL_ALLOCATION, (int)u, FS_LP_LOWER, 0, 0, name);
        numbered(&b, name, "transfer_", u + 1);
        lp->transfer_col[u] = add_col(&b, FS_COL_TRANSFER, (int)u,
                                      p->nonneg_transfers ? FS_LP_LOWER : FS_LP_FREE, 0, 0, name);
    }
    add_share_columns(&b, m);
    lp->coverage_col = -1;
    if (has_objective(m, FS_OBJ_MAX_MIN_COVERAGE))
        lp->coverage_col = add_col(&b, FS_COL_COVERAGE, -1, FS_LP_LOWER,
                                   isnan(p->coverage_min) ? 0 : p->coverage_min, 0, "coverage");
    for (size_t u = 0; u < n && !b.failed; u++) add_unit_rows(&b, m, u, scale);
    if (has_objective(m, FS_OBJ_MIN_DEVIATION)) add_deviation(&b, m, scale);
    add_global_rows(&b, m, scale);
    if (!b.failed) {
        lp->stage_coef = calloc(p->objective_count * lp->col_count + 1, sizeof *lp->stage_coef);
        if (!lp->stage_coef) b.failed = true;
        else set_objectives(lp, m);
    }
    if (b.failed) {
        fs_lp_free(lp);
        return fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory");
    }
    *out = lp;
    return FS_OK;
}

fs_status fs_lp_build(const fs_model *m, fs_lp **out, fs_diag *diag)
{
    return build(m, false, out, diag);
}

fs_status fs_lp_build_bounded(const fs_model *m, fs_lp **out, fs_diag *diag)
{
    return build(m, true, out, diag);
}

static const char *bound_text(fs_lp_bound type, double lo, double hi, char *buf, size_t size)
{
    switch (type) {
    case FS_LP_FREE: snprintf(buf, size, "free"); break;
    case FS_LP_LOWER: snprintf(buf, size, ">= %.17g", lo); break;
    case FS_LP_UPPER: snprintf(buf, size, "<= %.17g", hi); break;
    case FS_LP_DOUBLE: snprintf(buf, size, "in [%.17g, %.17g]", lo, hi); break;
    case FS_LP_FIXED: snprintf(buf, size, "= %.17g", lo); break;
    }
    return buf;
}

void fs_lp_dump(const fs_lp *lp, FILE *out)
{
    char buf[96];
    fprintf(out, "money_scale %.17g\ncolumns %zu rows %zu nonzeros %zu\n", lp->money_scale, lp->col_count,
            lp->row_count, lp->nnz);
    for (size_t k = 0; k < lp->stage_count; k++) {
        fprintf(out, "stage %zu %s %s:", k + 1, lp->stage_maximise[k] ? "max" : "min", lp->stage_name[k]);
        for (size_t c = 0; c < lp->col_count; c++)
            if (lp->stage_coef[k * lp->col_count + c] != 0)
                fprintf(out, " %+.17g %s", lp->stage_coef[k * lp->col_count + c], lp->cols[c].name);
        fputc('\n', out);
    }
    for (size_t c = 0; c < lp->col_count; c++)
        fprintf(out, "col %s %s%s\n", lp->cols[c].name,
                bound_text(lp->cols[c].type, lp->cols[c].lo, lp->cols[c].hi, buf, sizeof buf),
                lp->cols[c].integer ? " integer" : "");
    for (size_t r = 0; r < lp->row_count; r++) {
        fprintf(out, "row %s:", lp->rows[r].name);
        for (size_t k = 0; k < lp->nnz; k++)
            if (lp->ia[k] == (int)r) fprintf(out, " %+.17g %s", lp->ar[k], lp->cols[lp->ja[k]].name);
        fprintf(out, " %s\n", bound_text(lp->rows[r].type, lp->rows[r].lo, lp->rows[r].hi, buf, sizeof buf));
    }
}

const char *fs_row_role_name(fs_row_role role)
{
    static const char *const names[] = {"allocation", "coverage", "coverage_min", "hold_harmless", "cap",
                                        "per_capita_floor", "deviation", "envelope", "city_balance",
                                        "priority", "stability"};
    return (unsigned)role < FS_ROW_ROLE_COUNT ? names[role] : "?";
}

void fs_lp_free(fs_lp *lp)
{
    if (!lp) return;
    free(lp->cols);
    free(lp->rows);
    free(lp->ia);
    free(lp->ja);
    free(lp->ar);
    free(lp->stage_coef);
    free(lp->alloc_col);
    free(lp->transfer_col);
    free(lp->share_col);
    free(lp);
}
