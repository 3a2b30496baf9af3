/*
 * solve.c: the only file that includes glpk.h.
 *
 * Settings, by measurement on the Hai Phong model: automatic scaling, an advanced
 * (crash) basis and the dual simplex (falling back to primal) need far fewer
 * iterations than the default primal with presolve. Stages of a lexicographic
 * objective reuse the basis of the previous stage. GLPK abort()s on invalid calls and
 * prints to stdout: the LP is built valid by construction, terminal output is off
 * unless verbose, and the error hook returns here via longjmp after glp_free_env()
 * (which frees every GLPK object of this thread; nothing of ours is allocated
 * inside the protected region without a cleanup path). A kept solver (fs_solver) holds
 * one problem between solves and warm-starts the next LP of the same shape from it.
 * Other LPs (the disbursement's cash schedule) come as plain arrays (fs_solve_plain).
 */
#include "solve.h"

#include <glpk.h>
#include <float.h>
#include <math.h>
#include <setjmp.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "atomic_file.h"

/* An integer column of an LP optimum this close to a whole number is whole (GLPK's
 * own integrality tolerance is 1e-5). */
#define INTEGRAL_EPS 1e-9
/* Duals below this are solver noise, not a binding requirement. */
#define DUAL_EPS 1e-9

typedef struct guard {
    jmp_buf jump;
    char said[512];   /* what GLPK last printed (its error text), kept for the diagnostic */
    bool verbose;
    bool progress;      /* show the iteration count on one line of stderr */
    bool shown;         /* a progress line is on the terminal */
} guard;

static void on_glpk_error(void *info)
{
    guard *g = info;
    glp_free_env();
    longjmp(g->jump, 1);
}

/* GLPK prints its error messages even with terminal output off: keep them for the
 * diagnostic instead, unless the user asked to see the solver's output. */
static int on_glpk_output(void *info, const char *text)
{
    guard *g = info;
    if (g->progress && !g->verbose) {
        /* GLPK's progress lines ("      1234: obj = ...", "+  5678: mip = ..."): the
         * iteration count on one line, rewritten in place. */
        const char *p = text + strspn(text, " *+#");
        size_t digits = strspn(p, "0123456789");
        if (digits > 0 && p[digits] == ':') {
            fprintf(stderr, "\rfiscalsim: solving: simplex iteration %.*s", (int)digits, p);
            g->shown = true;
            return 1;
        }
    }
    size_t used = strlen(g->said);
    if (used + strlen(text) >= sizeof g->said) used = 0, g->said[0] = '\0';
    snprintf(g->said + used, sizeof g->said - used, "%s", text);
    return g->verbose ? 0 : 1;
}

static int glpk_bound(fs_lp_bound t)
{
    switch (t) {
    case FS_LP_FREE: return GLP_FR;
    case FS_LP_LOWER: return GLP_LO;
    case FS_LP_UPPER: return GLP_UP;
    case FS_LP_DOUBLE: return GLP_DB;
    default: return GLP_FX;
    }
}

/* Loads the LP's rows, columns and matrix; objective of stage 0. */
static glp_prob *load(const fs_lp *lp, const int *ia1, const int *ja1, const double *ar1)
{
    glp_prob *P = glp_create_prob();
    glp_set_prob_name(P, "fiscalsim");
    glp_add_rows(P, (int)lp->row_count);
    glp_add_cols(P, (int)lp->col_count);
    for (size_t r = 0; r < lp->row_count; r++) {
        glp_set_row_name(P, (int)r + 1, lp->rows[r].name);
        glp_set_row_bnds(P, (int)r + 1, glpk_bound(lp->rows[r].type), lp->rows[r].lo, lp->rows[r].hi);
    }
    for (size_t c = 0; c < lp->col_count; c++) {
        glp_set_col_name(P, (int)c + 1, lp->cols[c].name);
        glp_set_col_bnds(P, (int)c + 1, glpk_bound(lp->cols[c].type), lp->cols[c].lo, lp->cols[c].hi);
        if (lp->cols[c].integer) glp_set_col_kind(P, (int)c + 1, GLP_IV);
    }
    glp_load_matrix(P, (int)lp->nnz, ia1, ja1, ar1);
    return P;
}

static void set_stage(glp_prob *P, const fs_lp *lp, size_t k)
{
    glp_set_obj_dir(P, lp->stage_maximise[k] ? GLP_MAX : GLP_MIN);
    glp_set_obj_name(P, lp->stage_name[k]);
    for (size_t c = 0; c < lp->col_count; c++)
        glp_set_obj_coef(P, (int)c + 1, lp->stage_coef[k * lp->col_count + c]);
}

/* Holds stage k's optimum `value` as a constraint for the following stages. Returns
 * 0, or -1 when memory runs out (then P is unchanged: the later stages must not run). */
static int hold_stage(glp_prob *P, const fs_lp *lp, size_t k, double value)
{
    int len = 0;
    int *ind = malloc((lp->col_count + 1) * sizeof *ind);
    double *val = malloc((lp->col_count + 1) * sizeof *val);
    if (!ind || !val) {
        free(ind);
        free(val);
        return -1;
    }
    int row = glp_add_rows(P, 1);
    for (size_t c = 0; c < lp->col_count; c++) {
        double v = lp->stage_coef[k * lp->col_count + c];
        if (v != 0) {
            len++;
            ind[len] = (int)c + 1;
            val[len] = v;
        }
    }
    glp_set_mat_row(P, row, len, ind, val);
    double slack = FS_SOLVE_STAGE_SLACK * fmax(1.0, fabs(value));
    if (lp->stage_maximise[k]) glp_set_row_bnds(P, row, GLP_LO, value - slack, 0);
    else glp_set_row_bnds(P, row, GLP_UP, 0, value + slack);
    free(ind);
    free(val);
    return 0;
}

/* Seconds on a monotonic clock. */
static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* `textbook`: Dantzig pricing instead of projected steepest edge, for a kept solver's
 * problems (sweeps), a few iterations from their start: the edge weights cost more to
 * set up than those iterations do (-14% of the instructions of 3,000 variants of the
 * default sweep). */
/* `progress`: GLPK reports every 1,000 iterations once 2 s have passed (on_glpk_output). */
static fs_lp_status run_simplex(glp_prob *P, bool verbose, bool progress, bool textbook, double seconds,
                                int *iterations)
{
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = verbose ? GLP_MSG_ON : GLP_MSG_OFF;
    parm.meth = GLP_DUALP;
    if (textbook) parm.pricing = GLP_PT_STD;
    if (progress) parm.msg_lev = GLP_MSG_ON, parm.out_dly = 2000, parm.out_frq = 1000;
    if (seconds > 0) parm.tm_lim = (int)fmax(1, fmin(seconds * 1000, 2e9));
    int before = glp_get_it_cnt(P);
    int rc = glp_simplex(P, &parm);
    *iterations += glp_get_it_cnt(P) - before;
    if (rc == GLP_ETMLIM) return FS_LP_NO_SOLUTION_IN_TIME;
    if (rc != 0) {
        /* A singular or ill-conditioned warm basis: retry once from a fresh crash basis. */
        glp_adv_basis(P, 0);
        rc = glp_simplex(P, &parm);
        if (rc != 0) return FS_LP_FAILED;
    }
    switch (glp_get_status(P)) {
    case GLP_OPT: return FS_LP_OPTIMAL;
    case GLP_NOFEAS: return FS_LP_INFEASIBLE;
    case GLP_UNBND: return FS_LP_UNBOUNDED;
    default:
        return glp_get_prim_stat(P) == GLP_NOFEAS ? FS_LP_INFEASIBLE
               : glp_get_dual_stat(P) == GLP_NOFEAS ? FS_LP_UNBOUNDED
                                                     : FS_LP_FAILED;
    }
}

static fs_lp_status run_mip(glp_prob *P, const fs_solve_options *opt, double seconds)
{
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.msg_lev = opt->verbose ? GLP_MSG_ON : GLP_MSG_OFF;
    parm.presolve = GLP_OFF; /* the LP basis is already optimal */
    /* By instruction counts on 300 variants of the default (a sweep) and on the default
     * run: the stage MIPs are small (few share columns, usually one fractional), so the
     * Driebeck-Tomlin branching estimate and node preprocessing cost more than they save
     * (-13%), and Gomory cuts close most of the gap of the transfer stage's relaxation,
     * which otherwise takes some 15 nodes to prove (-27%; MIR cuts cost 20 times more). */
    parm.br_tech = GLP_BR_MFV;
    parm.pp_tech = GLP_PP_NONE;
    parm.gmi_cuts = GLP_ON;
    parm.tm_lim = (int)fmax(1, fmin(seconds * 1000, 2e9));
    int rc = glp_intopt(P, &parm);
    int st = glp_mip_status(P);
    if (st == GLP_OPT) return FS_LP_OPTIMAL;
    if (st == GLP_FEAS) return FS_LP_FEASIBLE_LIMIT;
    if (st == GLP_NOFEAS || rc == GLP_ENOPFS) return FS_LP_INFEASIBLE;
    if (rc == GLP_ETMLIM) return FS_LP_NO_SOLUTION_IN_TIME;
    return FS_LP_FAILED;
}

/* How far non-basic variable k (row 1..m, column m+1..m+n) can move from its value
 * before a basic variable leaves its bounds: the range of its active bound over which
 * the basis, and so the dual, stays optimal. Same result as glp_analyze_bound, whose
 * generic ratio test took 44% of the solve on the Hai Phong model; this one walks the
 * tableau column once. ind/val are scratch arrays of m+1 entries. */
/* Bounds and values of every row and column (1..m+n), read once for the ratio tests. */
typedef struct bound_table {
    int *type;
    double *value, *lb, *ub;
} bound_table;

static int bound_table_init(glp_prob *P, bound_table *t)
{
    int m = glp_get_num_rows(P), n = glp_get_num_cols(P);
    size_t size = (size_t)(m + n) + 1;
    t->type = malloc(size * sizeof *t->type);
    t->value = malloc(size * sizeof *t->value);
    t->lb = malloc(size * sizeof *t->lb);
    t->ub = malloc(size * sizeof *t->ub);
    if (!t->type || !t->value || !t->lb || !t->ub) return -1;
    for (int k = 1; k <= m + n; k++) {
        bool row = k <= m;
        int j = row ? k : k - m;
        t->type[k] = row ? glp_get_row_type(P, j) : glp_get_col_type(P, j);
        t->value[k] = row ? glp_get_row_prim(P, j) : glp_get_col_prim(P, j);
        t->lb[k] = row ? glp_get_row_lb(P, j) : glp_get_col_lb(P, j);
        t->ub[k] = row ? glp_get_row_ub(P, j) : glp_get_col_ub(P, j);
    }
    return 0;
}

static void bound_table_free(bound_table *t)
{
    free(t->type), free(t->value), free(t->lb), free(t->ub);
}

static void bound_range(glp_prob *P, const bound_table *t, int k, int *ind, double *val, double *lo, double *hi)
{
    double x = t->value[k];
    double up = HUGE_VAL, down = HUGE_VAL; /* admissible increase and decrease of x_k */
    int len = glp_eval_tab_col(P, k, ind, val);
    for (int i = 1; i <= len; i++) {
        double a = val[i];
        if (fabs(a) < 1e-9) continue; /* GLPK's own pivot tolerance order */
        int j = ind[i], type = t->type[j];
        double v = t->value[j], l = t->lb[j], u = t->ub[j];
        bool has_l = type == GLP_LO || type == GLP_DB || type == GLP_FX;
        bool has_u = type == GLP_UP || type == GLP_DB || type == GLP_FX;
        /* x_j moves by a per unit of x_k */
        if (a > 0) {
            if (has_u) up = fmin(up, fmax(0, (u - v) / a));
            if (has_l) down = fmin(down, fmax(0, (v - l) / a));
        } else {
            if (has_l) up = fmin(up, fmax(0, (v - l) / -a));
            if (has_u) down = fmin(down, fmax(0, (u - v) / -a));
        }
    }
    *lo = isinf(down) ? -HUGE_VAL : x - down;
    *hi = isinf(up) ? HUGE_VAL : x + up;
}

/* Binding rows and share/coverage column bounds of the current optimal basis, with
 * the range of the bound over which the basis (and so the dual) stays optimal. */
static int collect_binding(glp_prob *P, const fs_lp *lp, fs_solution *sol)
{
    int m = (int)lp->row_count;
    if (!glp_bf_exists(P) && glp_factorize(P) != 0) return 0;
    size_t cap = 64;
    sol->binding = malloc(cap * sizeof *sol->binding);
    int *ind = malloc(((size_t)m + 1) * sizeof *ind);
    double *val = malloc(((size_t)m + 1) * sizeof *val);
    bound_table table = {0};
    if (!sol->binding || !ind || !val || bound_table_init(P, &table) != 0) {
        free(ind);
        free(val);
        bound_table_free(&table);
        return -1;
    }
    for (int k = 1; k <= m + (int)lp->col_count; k++) {
        bool is_col = k > m;
        int idx = is_col ? k - m - 1 : k - 1;
        int stat = is_col ? glp_get_col_stat(P, idx + 1) : glp_get_row_stat(P, k);
        double dual = is_col ? glp_get_col_dual(P, idx + 1) : glp_get_row_dual(P, k);
        if (stat == GLP_BS || stat == GLP_NF || fabs(dual) < DUAL_EPS) continue;
        if (!is_col && (lp->rows[idx].role == FS_ROW_ALLOCATION || lp->rows[idx].role == FS_ROW_DEVIATION)) continue;
        if (is_col && lp->cols[idx].role != FS_COL_SHARE && lp->cols[idx].role != FS_COL_COVERAGE) continue;
        if (sol->binding_count == cap) {
            fs_binding *grown = realloc(sol->binding, (cap *= 2) * sizeof *grown);
            if (!grown) {
                free(ind);
                free(val);
                bound_table_free(&table);
                return -1;
            }
            sol->binding = grown;
        }
        fs_binding *b = &sol->binding[sol->binding_count++];
        b->is_col = is_col;
        b->index = idx;
        b->dual = dual;
        b->activity = is_col ? glp_get_col_prim(P, idx + 1) : glp_get_row_prim(P, k);
        /* The coverage-level rows are the max-min objective's device, one per unit at the
         * minimum, not requirements: listed with their prices, not ranged (a range costs a
         * tableau column, so ranging them all is quadratic in the units). */
        if (!is_col && lp->rows[idx].role == FS_ROW_COVERAGE) b->range_lo = -HUGE_VAL, b->range_hi = HUGE_VAL;
        else bound_range(P, &table, k, ind, val, &b->range_lo, &b->range_hi);
    }
    free(ind);
    free(val);
    bound_table_free(&table);
    return 0;
}

static void fix_integers(glp_prob *P, const fs_lp *lp, const double *x)
{
    for (size_t c = 0; c < lp->col_count; c++)
        if (lp->cols[c].integer) {
            double v = x[c];
            glp_set_col_kind(P, (int)c + 1, GLP_CV);
            glp_set_col_bnds(P, (int)c + 1, GLP_FX, v, v);
        }
}

typedef struct arrays {
    int *ia1, *ja1;
    double *ar1;
} arrays;

static int one_based(const fs_lp *lp, arrays *a)
{
    a->ia1 = malloc((lp->nnz + 1) * sizeof *a->ia1);
    a->ja1 = malloc((lp->nnz + 1) * sizeof *a->ja1);
    a->ar1 = malloc((lp->nnz + 1) * sizeof *a->ar1);
    if (!a->ia1 || !a->ja1 || !a->ar1) return -1;
    for (size_t k = 0; k < lp->nnz; k++) {
        a->ia1[k + 1] = lp->ia[k] + 1;
        a->ja1[k + 1] = lp->ja[k] + 1;
        a->ar1[k + 1] = lp->ar[k];
    }
    return 0;
}

static void free_arrays(arrays *a)
{
    free(a->ia1);
    free(a->ja1);
    free(a->ar1);
}

struct fs_solver {
    glp_prob *P;                 /* the loaded problem (its own rows only: stage holds removed), or NULL */
    size_t rows, cols, nnz;      /* shape of the loaded LP */
    int *ia, *ja;                /* its nonzero pattern, 0-based */
    bool *integer;               /* its integer columns */
    int *row_stat[FS_OBJ_COUNT]; /* per stage, the last optimal basis (its rows with the */
    int *col_stat[FS_OBJ_COUNT]; /* earlier stages' holds), 1-based */
    bool has_basis[FS_OBJ_COUNT];
};

fs_solver *fs_solver_new(void)
{
    return calloc(1, sizeof(fs_solver));
}

static void forget_shape(fs_solver *s)
{
    free(s->ia), free(s->ja), free(s->integer);
    s->ia = s->ja = NULL;
    s->integer = NULL;
    for (size_t k = 0; k < FS_OBJ_COUNT; k++) {
        free(s->row_stat[k]), free(s->col_stat[k]);
        s->row_stat[k] = s->col_stat[k] = NULL;
        s->has_basis[k] = false;
    }
    s->rows = s->cols = s->nnz = 0;
}

void fs_solver_free(fs_solver *s)
{
    if (!s) return;
    if (s->P) glp_delete_prob(s->P);
    forget_shape(s);
    free(s);
}

static bool same_shape(const fs_solver *s, const fs_lp *lp)
{
    if (!s->P || s->rows != lp->row_count || s->cols != lp->col_count || s->nnz != lp->nnz) return false;
    if (memcmp(s->ia, lp->ia, lp->nnz * sizeof *lp->ia) != 0 || memcmp(s->ja, lp->ja, lp->nnz * sizeof *lp->ja) != 0)
        return false;
    for (size_t c = 0; c < lp->col_count; c++)
        if (s->integer[c] != lp->cols[c].integer) return false;
    return true;
}

/* Remembers lp's shape for same_shape. Returns 0, or -1 on memory (then nothing is kept). */
static int keep_shape(fs_solver *s, const fs_lp *lp)
{
    forget_shape(s);
    s->ia = malloc((lp->nnz + 1) * sizeof *s->ia);
    s->ja = malloc((lp->nnz + 1) * sizeof *s->ja);
    s->integer = malloc((lp->col_count + 1) * sizeof *s->integer);
    bool ok = s->ia && s->ja && s->integer;
    for (size_t k = 0; k < FS_OBJ_COUNT; k++) {
        s->row_stat[k] = malloc((lp->row_count + k + 1) * sizeof *s->row_stat[k]);
        s->col_stat[k] = malloc((lp->col_count + 1) * sizeof *s->col_stat[k]);
        ok = ok && s->row_stat[k] && s->col_stat[k];
    }
    if (!ok) {
        forget_shape(s);
        return -1;
    }
    memcpy(s->ia, lp->ia, lp->nnz * sizeof *lp->ia);
    memcpy(s->ja, lp->ja, lp->nnz * sizeof *lp->ja);
    for (size_t c = 0; c < lp->col_count; c++) s->integer[c] = lp->cols[c].integer;
    s->rows = lp->row_count, s->cols = lp->col_count, s->nnz = lp->nnz;
    return 0;
}

/* Replaces the numbers of the kept problem by lp's (same shape): bounds, integer
 * columns (a MIP's duals fix them) and the matrix. Statuses and scaling stay. */
static void update_numbers(glp_prob *P, const fs_lp *lp, const arrays *a)
{
    for (size_t r = 0; r < lp->row_count; r++)
        glp_set_row_bnds(P, (int)r + 1, glpk_bound(lp->rows[r].type), lp->rows[r].lo, lp->rows[r].hi);
    for (size_t c = 0; c < lp->col_count; c++) {
        glp_set_col_kind(P, (int)c + 1, lp->cols[c].integer ? GLP_IV : GLP_CV);
        glp_set_col_bnds(P, (int)c + 1, glpk_bound(lp->cols[c].type), lp->cols[c].lo, lp->cols[c].hi);
    }
    glp_load_matrix(P, (int)lp->nnz, a->ia1, a->ja1, a->ar1);
}

/* Saves the optimal basis of stage k (P has the LP's rows and k stage holds). */
static void save_basis(fs_solver *s, glp_prob *P, size_t k)
{
    for (size_t r = 0; r < s->rows + k; r++) s->row_stat[k][r + 1] = glp_get_row_stat(P, (int)r + 1);
    for (size_t c = 0; c < s->cols; c++) s->col_stat[k][c + 1] = glp_get_col_stat(P, (int)c + 1);
    s->has_basis[k] = true;
}

static void restore_basis(const fs_solver *s, glp_prob *P, size_t k)
{
    for (size_t r = 0; r < s->rows + k; r++) glp_set_row_stat(P, (int)r + 1, s->row_stat[k][r + 1]);
    for (size_t c = 0; c < s->cols; c++) glp_set_col_stat(P, (int)c + 1, s->col_stat[k][c + 1]);
}

/* Removes the rows added after the LP's own (the stage holds), so that the kept
 * problem has the LP's shape again. */
static void drop_added_rows(glp_prob *P, const fs_lp *lp)
{
    int extra = glp_get_num_rows(P) - (int)lp->row_count;
    if (extra <= 0) return;
    int rows[FS_OBJ_COUNT + 1]; /* a hold per stage but the last */
    for (int i = 1; i <= extra; i++) rows[i] = (int)lp->row_count + i;
    glp_del_rows(P, extra, rows);
}

/* Default non-basic status of a column from its bound type. */
static int nonbasic_status(fs_lp_bound type)
{
    switch (type) {
    case FS_LP_FREE: return GLP_NF;
    case FS_LP_UPPER: return GLP_NU;
    case FS_LP_FIXED: return GLP_NS;
    default: return GLP_NL;
    }
}

/* A starting basis with every unit at the common coverage level: the coverage rows
 * and the definitional rows tight, allocations, transfers and z basic, the envelope
 * (or else the city balance) tight. It is dual feasible for max_min_coverage, so the
 * dual simplex only repairs the few units held up by other requirements: about 15
 * iterations on the Hai Phong model where a crash basis took ~150. Returns false
 * (leaving GLPK's crash basis) when the model has no row to close the basis. */
static bool coverage_basis(glp_prob *P, const fs_lp *lp)
{
    if (lp->coverage_col < 0 || lp->stage[0] != FS_OBJ_MAX_MIN_COVERAGE) return false;
    int closing = -1;
    for (size_t r = 0; r < lp->row_count; r++)
        if (lp->rows[r].role == FS_ROW_ENVELOPE) closing = (int)r;
    for (size_t r = 0; r < lp->row_count && closing < 0; r++)
        if (lp->rows[r].role == FS_ROW_CITY_BALANCE) closing = (int)r;
    if (closing < 0) return false;
    for (size_t r = 0; r < lp->row_count; r++) {
        const fs_lp_row *row = &lp->rows[r];
        int stat = GLP_BS;
        if (row->role == FS_ROW_ALLOCATION || row->role == FS_ROW_COVERAGE || (int)r == closing)
            stat = row->type == FS_LP_FIXED ? GLP_NS : row->type == FS_LP_UPPER ? GLP_NU : GLP_NL;
        glp_set_row_stat(P, (int)r + 1, stat);
    }
    for (size_t c = 0; c < lp->col_count; c++) {
        fs_col_role role = lp->cols[c].role;
        bool basic = role == FS_COL_ALLOCATION || role == FS_COL_TRANSFER || role == FS_COL_COVERAGE;
        glp_set_col_stat(P, (int)c + 1, basic ? GLP_BS : nonbasic_status(lp->cols[c].type));
    }
    return true;
}

/* True when every integer column of the optimal LP in P is whole: the LP's optimum is
 * then the MIP's, and the branch and bound has nothing to do. */
static bool relaxation_is_integral(glp_prob *P, const fs_lp *lp)
{
    for (size_t c = 0; c < lp->col_count; c++) {
        if (!lp->cols[c].integer) continue;
        double v = glp_get_col_prim(P, (int)c + 1);
        if (fabs(v - round(v)) > INTEGRAL_EPS) return false;
    }
    return true;
}

static double max_violation(const fs_lp *lp, const double *x);

/* The solution's column values (a MIP's integer columns exactly whole). */
static void read_values(glp_prob *P, const fs_lp *lp, bool from_mip, double *x)
{
    for (size_t c = 0; c < lp->col_count; c++) {
        x[c] = from_mip ? glp_mip_col_val(P, (int)c + 1) : glp_get_col_prim(P, (int)c + 1);
        if (lp->cols[c].integer) x[c] = round(x[c]);
    }
}

/* Solves the stages of lp loaded in P. `kept`: the solver P is kept in (each stage's
 * optimal basis is saved there), or NULL; `warm`: P was solved before, so each stage
 * starts from the kept basis of that stage, with the kept scaling. */
static fs_lp_status solve_stages(glp_prob *P, const fs_lp *lp, const fs_solve_options *opt, fs_solution *sol,
                                 fs_solver *kept, bool warm)
{
    fs_lp_status st = FS_LP_OPTIMAL;
    bool from_mip = false;     /* the last stage's values are the branch and bound's */
    size_t solved = 0;         /* stages whose values are in sol->x */
    /* A model with integer columns has opt->time_limit for all its stages together. */
    double deadline = lp->has_integer ? now_s() + (opt->time_limit > 0 ? opt->time_limit : 60) : 0;
    if (!warm) glp_scale_prob(P, GLP_SF_AUTO);
    for (size_t k = 0; k < lp->stage_count; k++) {
        double left = lp->has_integer ? deadline - now_s() : 0;
        if (lp->has_integer && left <= 0) {
            st = FS_LP_NO_SOLUTION_IN_TIME;
            break;
        }
        set_stage(P, lp, k);
        if (warm && kept->has_basis[k]) restore_basis(kept, P, k);
        else if (k == 0 && !coverage_basis(P, lp)) glp_adv_basis(P, 0);
        fs_lp_status lst = run_simplex(P, opt->verbose, opt->progress, kept != NULL, left, &sol->iterations);
        if (kept && lst == FS_LP_OPTIMAL) save_basis(kept, P, k);
        from_mip = lst == FS_LP_OPTIMAL && lp->has_integer && !relaxation_is_integral(P, lp);
        if (from_mip) lst = run_mip(P, opt, deadline - now_s());
        if (lst == FS_LP_NO_SOLUTION_IN_TIME) {
            st = lst;
            break;
        }
        if (lst != FS_LP_OPTIMAL && lst != FS_LP_FEASIBLE_LIMIT) return lst;
        sol->objective[k] = from_mip ? glp_mip_obj_val(P) : glp_get_obj_val(P);
        read_values(P, lp, from_mip, sol->x);
        solved = k + 1;
        if (lst == FS_LP_FEASIBLE_LIMIT) {
            st = lst; /* the time is up: the later stages are not run */
            break;
        }
        if (k == 0 && !lp->has_integer && !opt->no_binding && collect_binding(P, lp, sol) != 0) return FS_LP_FAILED;
        if (k + 1 < lp->stage_count && hold_stage(P, lp, k, sol->objective[k]) != 0) return FS_LP_FAILED;
    }
    if (st == FS_LP_NO_SOLUTION_IN_TIME && solved == 0) return st;
    if (solved < lp->stage_count) {
        /* Stopped by the time limit after `solved` stages: the values of the last one
         * solved meet every requirement; the later objectives are what they give. */
        st = FS_LP_FEASIBLE_LIMIT;
        for (size_t k = solved; k < lp->stage_count; k++) {
            double v = 0;
            for (size_t c = 0; c < lp->col_count; c++) v += lp->stage_coef[k * lp->col_count + c] * sol->x[c];
            sol->objective[k] = v;
        }
        sol->max_violation = max_violation(lp, sol->x);
        return st;
    }
    sol->max_violation = max_violation(lp, sol->x);
    if (sol->max_violation > FS_SOLVE_MAX_VIOLATION) {
        /* GLPK's floating-point simplex meets bounds to its own tolerance, relative to
         * its scaled problem: on tiny amounts that can miss a requirement by more than
         * ours allows. The exact (rational) simplex from the final basis, with a MIP's
         * integer columns fixed, polishes the same vertex: a few pivots at most. */
        if (from_mip) fix_integers(P, lp, sol->x);
        glp_smcp parm;
        glp_init_smcp(&parm);
        parm.msg_lev = opt->verbose ? GLP_MSG_ON : GLP_MSG_OFF;
        if (glp_exact(P, &parm) == 0 && glp_get_status(P) == GLP_OPT) {
            sol->objective[lp->stage_count - 1] = glp_get_obj_val(P);
            read_values(P, lp, false, sol->x);
            sol->max_violation = max_violation(lp, sol->x);
        }
    }
    if (lp->has_integer && !opt->no_binding && deadline - now_s() > 0) {
        /* Duals of a MIP: those of the primary LP with the chosen steps fixed. */
        drop_added_rows(P, lp);
        fix_integers(P, lp, sol->x);
        set_stage(P, lp, 0);
        if (!coverage_basis(P, lp)) glp_adv_basis(P, 0);
        if (run_simplex(P, opt->verbose, opt->progress, false, deadline - now_s(), &sol->iterations) == FS_LP_OPTIMAL &&
            collect_binding(P, lp, sol) != 0)
            return FS_LP_FAILED;
    }
    return st;
}

/* The largest violation of a row or column bound by x, each relative to the size of
 * the bound and of the row's terms: an independent check of what GLPK reports. */
static double max_violation(const fs_lp *lp, const double *x)
{
    double *act = calloc(lp->row_count + 1, sizeof *act), *size = calloc(lp->row_count + 1, sizeof *size);
    if (!act || !size) {
        free(act);
        free(size);
        return HUGE_VAL;
    }
    for (size_t k = 0; k < lp->nnz; k++) {
        double term = lp->ar[k] * x[lp->ja[k]];
        act[lp->ia[k]] += term;
        size[lp->ia[k]] = fmax(size[lp->ia[k]], fabs(term));
    }
    double worst = 0;
    for (size_t r = 0; r < lp->row_count + lp->col_count; r++) {
        bool is_row = r < lp->row_count;
        fs_lp_bound type = is_row ? lp->rows[r].type : lp->cols[r - lp->row_count].type;
        double lo = is_row ? lp->rows[r].lo : lp->cols[r - lp->row_count].lo;
        double hi = is_row ? lp->rows[r].hi : lp->cols[r - lp->row_count].hi;
        double v = is_row ? act[r] : x[r - lp->row_count];
        double scale = fmax(1.0, fmax(fabs(v), is_row ? size[r] : 0));
        double miss = 0;
        if ((type == FS_LP_LOWER || type == FS_LP_DOUBLE || type == FS_LP_FIXED) && v < lo) miss = lo - v;
        if ((type == FS_LP_UPPER || type == FS_LP_DOUBLE) && v > hi) miss = v - hi;
        if (type == FS_LP_FIXED && v > lo) miss = v - lo;
        worst = fmax(worst, miss / scale);
    }
    free(act);
    free(size);
    return worst;
}

fs_status fs_solve(const fs_lp *lp, const fs_solve_options *opt, fs_solution **out, fs_diag *diag)
{
    *out = NULL;
    fs_solution *sol = calloc(1, sizeof *sol);
    arrays a = {0};
    if (!sol || !(sol->x = calloc(lp->col_count + 1, sizeof *sol->x)) || one_based(lp, &a) != 0) {
        free_arrays(&a);
        fs_solution_free(sol);
        return fs_diag_add(diag, FS_EINTERNAL, NULL, 0, NULL, "out of memory");
    }
    glp_term_out(opt->verbose || opt->progress ? GLP_ON : GLP_OFF);
    guard *g = calloc(1, sizeof *g);
    if (!g) {
        free_arrays(&a);
        fs_solution_free(sol);
        return fs_diag_add(diag, FS_EINTERNAL, NULL, 0, NULL, "out of memory");
    }
    volatile fs_status result = FS_OK;
    glp_prob *volatile P = NULL;
    fs_solver *kept = opt->solver;
    g->verbose = opt->verbose;
    g->progress = opt->progress;
    if (setjmp(g->jump) == 0) {
        glp_term_hook(on_glpk_output, g);
        glp_error_hook(on_glpk_error, g);
        bool warm = kept && same_shape(kept, lp);
        if (warm) {
            P = kept->P;
            update_numbers(P, lp, &a);
        } else {
            P = load(lp, a.ia1, a.ja1, a.ar1);
            if (kept) {
                if (kept->P) glp_delete_prob(kept->P);
                kept->P = keep_shape(kept, lp) == 0 ? P : NULL;
            }
        }
        sol->status = solve_stages(P, lp, opt, sol, kept && kept->P ? kept : NULL, warm);
        if (kept && kept->P) drop_added_rows(P, lp);
        else glp_delete_prob(P);
        /* A solve that failed leaves no basis worth starting from. */
        for (size_t k = 0; kept && sol->status == FS_LP_FAILED && k < FS_OBJ_COUNT; k++) kept->has_basis[k] = false;
        glp_error_hook(NULL, NULL);
        glp_term_hook(NULL, NULL);
    } else {
        /* glp_free_env() in the hook has freed P (a kept one too) and removed the hooks. */
        if (kept) kept->P = NULL, forget_shape(kept);
        char *nl;
        while ((nl = strrchr(g->said, '\n')) && nl[1] == '\0') *nl = '\0';
        for (char *p = g->said; *p; p++)
            if (*p == '\n') *p = ' ';
        result = fs_diag_add(diag, FS_EINTERNAL, NULL, 0, NULL, "the solver (GLPK) failed internally: %s",
                             g->said[0] ? g->said : "no message");
    }
    if (g->shown) fputc('\n', stderr);
    free(g);
    free_arrays(&a);
    if (result != FS_OK) {
        fs_solution_free(sol);
        return result;
    }
    if (sol->status == FS_LP_FAILED) {
        fs_solution_free(sol);
        return fs_diag_add(diag, FS_EINTERNAL, NULL, 0, NULL,
                           "the solver (GLPK) could not solve the model: numerical difficulties");
    }
    if (sol->status == FS_LP_OPTIMAL || sol->status == FS_LP_FEASIBLE_LIMIT) {
        /* solve_stages measured it (max_violation: independent of what GLPK reports). */
        if (sol->max_violation > FS_SOLVE_MAX_VIOLATION) {
            double v = sol->max_violation;
            fs_solution_free(sol);
            return fs_diag_add(diag, FS_EINTERNAL, NULL, 0, NULL,
                               "numerically unsafe: the solver's answer misses a requirement by %.3g (relative); "
                               "amounts of very different sizes in one model can cause this",
                               v);
        }
    }
    *out = sol;
    return FS_OK;
}

fs_status fs_solve_export_lp(const fs_lp *lp, const char *path, fs_diag *diag)
{
    arrays a = {0};
    if (one_based(lp, &a) != 0) {
        free_arrays(&a);
        return fs_diag_add(diag, FS_EINTERNAL, path, 0, NULL, "out of memory");
    }
    fs_atomic_file f;
    fs_status st = fs_atomic_begin(&f, path, diag);
    if (st != FS_OK) {
        free_arrays(&a);
        return st;
    }
    glp_term_out(GLP_OFF);
    glp_prob *P = load(lp, a.ia1, a.ja1, a.ar1);
    set_stage(P, lp, 0);
    int rc = glp_write_lp(P, NULL, fs_atomic_name(&f));
    glp_delete_prob(P);
    free_arrays(&a);
    if (rc != 0) {
        fs_atomic_abort(&f);
        return fs_diag_add(diag, FS_EIO, path, 0, NULL, "cannot write the LP file");
    }
    return fs_atomic_commit(&f, false, diag);
}

void fs_solution_free(fs_solution *sol)
{
    if (!sol) return;
    free(sol->x);
    free(sol->binding);
    free(sol);
}

/* ---- Plain LPs (fs_solve_plain) ------------------------------------------------------ */

/* GLPK's bound type of [lo, hi]. */
static int plain_bound(double lo, double hi)
{
    if (lo == hi) return GLP_FX;
    if (isinf(lo) && isinf(hi)) return GLP_FR;
    if (isinf(lo)) return GLP_UP;
    return isinf(hi) ? GLP_LO : GLP_DB;
}

/* Loads lp into P (ind, val: room for a row's nonzeros, 1-based as GLPK wants them). */
static void plain_load(glp_prob *P, const fs_plain_lp *lp, int *ind, double *val)
{
    glp_set_obj_dir(P, lp->maximise ? GLP_MAX : GLP_MIN);
    glp_add_cols(P, (int)lp->col_count);
    for (size_t j = 0; j < lp->col_count; j++) {
        double lo = lp->col_lo[j], hi = lp->col_hi[j];
        glp_set_col_bnds(P, (int)j + 1, plain_bound(lo, hi), isinf(lo) ? 0 : lo, isinf(hi) ? 0 : hi);
        glp_set_obj_coef(P, (int)j + 1, lp->obj[j]);
    }
    if (lp->row_count) glp_add_rows(P, (int)lp->row_count);
    for (size_t i = 0; i < lp->row_count; i++) {
        double lo = lp->row_lo[i], hi = lp->row_hi[i];
        glp_set_row_bnds(P, (int)i + 1, plain_bound(lo, hi), isinf(lo) ? 0 : lo, isinf(hi) ? 0 : hi);
        size_t first = lp->row_start[i], n = lp->row_start[i + 1] - first;
        for (size_t k = 0; k < n; k++) ind[k + 1] = lp->col[first + k] + 1, val[k + 1] = lp->val[first + k];
        glp_set_mat_row(P, (int)i + 1, (int)n, ind, val);
    }
}

fs_status fs_solve_plain(const fs_plain_lp *lp, double *x, double *row_dual, const char *what, const char *file,
                         const char *key, fs_diag *diag)
{
    guard *g = calloc(1, sizeof *g);
    int *ind = malloc((lp->col_count + 1) * sizeof *ind);
    double *val = malloc((lp->col_count + 1) * sizeof *val);
    if (!g || !ind || !val) {
        free(g), free(ind), free(val);
        return fs_diag_add(diag, FS_EINTERNAL, file, 0, NULL, "out of memory");
    }
    volatile int rc = 0, status = 0;
    if (setjmp(g->jump) == 0) {
        glp_term_hook(on_glpk_output, g);
        glp_error_hook(on_glpk_error, g);
        glp_prob *P = glp_create_prob();
        plain_load(P, lp, ind, val);
        glp_smcp parm;
        glp_init_smcp(&parm);
        parm.msg_lev = GLP_MSG_OFF;
        parm.meth = GLP_DUALP;
        rc = glp_simplex(P, &parm);
        status = glp_get_status(P);
        for (size_t j = 0; j < lp->col_count && rc == 0 && status == GLP_OPT; j++)
            x[j] = glp_get_col_prim(P, (int)j + 1);
        for (size_t i = 0; i < lp->row_count && rc == 0 && status == GLP_OPT; i++)
            row_dual[i] = glp_get_row_dual(P, (int)i + 1);
        glp_delete_prob(P);
        glp_error_hook(NULL, NULL);
        glp_term_hook(NULL, NULL);
    } else {
        rc = -1; /* glp_free_env() in the hook freed P and removed the hooks */
    }
    free(g), free(ind), free(val);
    if (rc != 0 || status != GLP_OPT)
        return fs_diag_add(diag, FS_EINTERNAL, file, 0, key, "%s did not solve (glp_simplex %d, status %d)", what,
                           (int)rc, (int)status);
    return FS_OK;
}
