/*
 * sweep_output.c: a sweep's files: sweep.csv (one row per variant: its parameter
 * values and results), sensitivity.csv (standardised regression coefficients of each
 * result on the parameters, by least squares over the whole sample matrix with LAPACKE
 * dgels, and the R² of each fit; with a Sobol design also first-order and total Sobol
 * indices with bootstrap intervals), with dates sweep_disbursement.csv (the fan of the
 * month-end disbursement, sweep_fan.h) and sweep.json (the counts of variants solved,
 * infeasible and failed, the failures by reason with the first message of each),
 * written together or not at all.
 */
#include "sweep_output.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "columns.h"
#include "json.h"
#include "lapack_lazy.h"
#include "output_set_write.h"
#include "sobol.h"
#include "sweep_fan.h"
#include "sweep_journal.h"
#include "table_write.h"

static const char *const status_names[] = {"solved", "infeasible"};
static const char *const result_names[] = {COL_MIN_COVERAGE, COL_UNITS_UNDER_NEED, COL_GINI, COL_CITY_BALANCE, COL_TRANSFERS};
enum { BASE_RESULTS = 5 };

typedef struct ctx {
    const fs_model *m;
    const fs_sweep_result *r;
    size_t results;              /* BASE_RESULTS and one per disbursement date */
    char date_names[FS_SWEEP_DATES_MAX][32];
    double *src, *r2;            /* results × params, results */
    fs_sobol_index *sobol;       /* results × params, with a Sobol design */
    size_t n_fit;
    const char **header;
} ctx;

static const char *result_name(const ctx *x, size_t k)
{
    return k < BASE_RESULTS ? result_names[k] : x->date_names[k - BASE_RESULTS];
}

static double result_value(const fs_sweep_row *row, int k)
{
    if (k >= BASE_RESULTS) return row->disbursed[k - BASE_RESULTS];
    switch (k) {
    case 0: return row->min_coverage;
    case 1: return (double)row->units_under_need;
    case 2: return row->gini;
    case 3: return (double)row->city_balance;
    default: return (double)row->transfers;
    }
}

static void variant_cell(const void *p, size_t row, size_t col, cell *c)
{
    const ctx *x = p;
    const fs_sweep_result *r = x->r;
    const fs_sweep_row *v = &r->rows[row];
    size_t np = r->param_count;
    c->type = CELL_REAL;
    if (col == 0) {
        c->type = CELL_INT, c->i = (int64_t)row + 1;
    } else if (col <= np) {
        c->r = r->x[row * np + col - 1];
    } else if (col == np + 1) {
        c->type = CELL_TEXT, c->text = v->status == FS_OK ? status_names[0] : v->status == FS_EINFEASIBLE ? status_names[1]
                                                                                                         : "failed";
    } else if (col == np + 2 + x->results) {
        c->type = CELL_TEXT, c->text = fs_sweep_reason_name(v->reason); /* infeasible: what gives way first */
    } else if (col == np + 3 + x->results) {
        if (v->reason) c->type = CELL_INT, c->i = v->reason_amount;
        else c->type = CELL_TEXT, c->text = "";
    } else if (v->status != FS_OK) {
        c->type = CELL_TEXT, c->text = "";
    } else {
        int k = (int)(col - np - 2);
        if (k == 1 || k == 3 || k == 4) c->type = CELL_INT, c->i = (int64_t)result_value(v, k);
        else c->r = result_value(v, k);
    }
}

static const char *const sens_header[] = {COL_RESULT, COL_PARAMETER, COL_SRC, COL_R2, COL_VARIANTS, "s1", "s1_lo",
                                         "s1_hi", "st", "st_lo", "st_hi", "sobol_rows"};

static void sens_cell(const void *p, size_t row, size_t col, cell *c)
{
    const ctx *x = p;
    size_t np = x->r->param_count, k = row / np, j = row % np;
    c->type = CELL_REAL;
    switch (col) {
    case 0: c->type = CELL_TEXT, c->text = result_name(x, k); break;
    case 1: c->type = CELL_TEXT, c->text = x->m->sweep->params[j].key; break;
    case 2: c->r = x->src[k * np + j]; break;
    case 3: c->r = x->r2[k]; break;
    case 4: c->type = CELL_INT, c->i = (int64_t)x->n_fit; return;
    default: {
        const fs_sobol_index *o = &x->sobol[k * np + j];
        const double v[] = {o->s1, o->s1_lo, o->s1_hi, o->st, o->st_lo, o->st_hi};
        if (col == 11) c->type = CELL_INT, c->i = (int64_t)o->rows;
        else if (isnan(v[col - 5])) c->type = CELL_TEXT, c->text = "";
        else c->r = v[col - 5];
    }
    }
    if (c->type == CELL_REAL && isnan(c->r)) c->type = CELL_TEXT, c->text = ""; /* not fitted */
}

/* Standardised regression coefficients: regress the standardised result on the
 * standardised parameters over the solved variants (least squares, dgels); a parameter
 * or result that does not vary gets 0. */
static int regress(ctx *x)
{
    const fs_sweep_result *r = x->r;
    size_t np = r->param_count, n = 0;
    for (size_t i = 0; i < r->variant_count; i++) n += r->rows[i].status == FS_OK;
    x->n_fit = n;
    x->src = calloc(x->results * np + 1, sizeof *x->src);
    x->r2 = calloc(x->results + 1, sizeof *x->r2);
    if (!x->src || !x->r2) return -1;
    if (!lapack_available()) return -2;
    double *mean = calloc(np + 1, sizeof *mean), *sd = calloc(np + 1, sizeof *sd);
    double *a = malloc(n * (np + 1) * sizeof *a), *b = malloc(n * sizeof *b), *y = malloc(n * sizeof *y);
    int rc = -1;
    if (!mean || !sd || !a || !b || !y) goto done;
    for (size_t j = 0; j < np; j++) {
        for (size_t i = 0; i < r->variant_count; i++)
            if (r->rows[i].status == FS_OK) mean[j] += r->x[i * np + j] / (double)n;
        for (size_t i = 0; i < r->variant_count; i++)
            if (r->rows[i].status == FS_OK) sd[j] += pow(r->x[i * np + j] - mean[j], 2) / (double)(n - 1);
        sd[j] = sqrt(sd[j]);
        /* A constant column differs from its mean by rounding only: treat it as constant. */
        if (sd[j] <= 1e-12 * (fabs(mean[j]) + 1)) sd[j] = 0;
    }
    /* Only the parameters that vary over the solved variants enter the fit: a constant
     * column would make the matrix rank-deficient. */
    size_t q = 0;
    for (size_t j = 0; j < np; j++) q += sd[j] > 0;
    for (int k = 0; k < (int)x->results; k++) {
        double ym = 0, ys = 0;
        size_t t = 0;
        for (size_t i = 0; i < r->variant_count; i++)
            if (r->rows[i].status == FS_OK) y[t++] = result_value(&r->rows[i], k);
        for (size_t i = 0; i < n; i++) ym += y[i] / (double)n;
        for (size_t i = 0; i < n; i++) ys += (y[i] - ym) * (y[i] - ym) / (double)(n - 1);
        ys = sqrt(ys);
        if (!(ys > 0) || n <= q + 1) continue;
        t = 0;
        for (size_t i = 0; i < r->variant_count; i++) {
            if (r->rows[i].status != FS_OK) continue;
            double *row = a + t * (q + 1);
            row[0] = 1;
            for (size_t j = 0, c = 1; j < np; j++)
                if (sd[j] > 0) row[c++] = (r->x[i * np + j] - mean[j]) / sd[j];
            b[t] = (y[t] - ym) / ys;
            t++;
        }
        /* Collinear parameters (e.g. a grid's dependent columns) leave this result unfitted. */
        if (lapack_least_squares(a, n, q + 1, b) != 0) {
            for (size_t j = 0; j < np; j++) x->src[k * np + j] = NAN;
            x->r2[k] = NAN;
            continue;
        }
        double ss_res = 0, ss_tot = 0;
        t = 0;
        for (size_t i = 0; i < r->variant_count; i++) {
            if (r->rows[i].status != FS_OK) continue;
            double fit = b[0], z = (y[t] - ym) / ys;
            for (size_t j = 0, c = 1; j < np; j++)
                if (sd[j] > 0) fit += b[c++] * (r->x[i * np + j] - mean[j]) / sd[j];
            ss_res += (z - fit) * (z - fit), ss_tot += z * z;
            t++;
        }
        for (size_t j = 0, c = 1; j < np; j++) x->src[k * np + j] = sd[j] > 0 ? b[c++] : 0;
        x->r2[k] = ss_tot > 0 ? 1 - ss_res / ss_tot : 0;
    }
    rc = 0;
done:
    free(mean), free(sd), free(a), free(b), free(y);
    return rc;
}

/* First-order and total indices of each result, from the Saltelli sample. */
static int sobol(ctx *x)
{
    const fs_sweep_result *r = x->r;
    size_t n = r->variant_count, np = r->param_count, base = x->m->sweep->variants;
    x->sobol = calloc(x->results * np + 1, sizeof *x->sobol);
    double *y = malloc((n + 1) * sizeof *y);
    bool *ok = malloc((n + 1) * sizeof *ok);
    int rc = -1;
    if (!x->sobol || !y || !ok) goto done;
    for (int k = 0; k < (int)x->results; k++) {
        for (size_t i = 0; i < n; i++) {
            ok[i] = r->rows[i].status == FS_OK;
            y[i] = ok[i] ? result_value(&r->rows[i], k) : 0;
        }
        if (fs_sobol_indices(y, ok, base, np, 200, x->m->sweep->seed, &x->sobol[(size_t)k * np]) != 0) goto done;
    }
    rc = 0;
done:
    free(y), free(ok);
    return rc;
}

/* A message as a JSON string: one cut to its buffer may end inside a UTF-8 sequence,
 * which jansson refuses; the broken end is dropped. */
static js_node *message_text(const char *text)
{
    size_t n = strlen(text);
    for (size_t cut = 0; cut < 4 && cut <= n; cut++) {
        js_node *t = js_stringn(text, n - cut);
        if (t) return t;
    }
    return js_string("");
}

/* The failed variants by reason: how many, the first and what went wrong with it. */
static js_node *failures(const fs_sweep_result *r)
{
    js_node *list = js_array();
    for (int f = FS_SWEEP_FAIL_NONE + 1; f < FS_SWEEP_FAIL_COUNT; f++) {
        const fs_sweep_failures *fail = &r->failures[f];
        if (fail->count == 0) continue;
        js_node *o = js_object();
        js_set(o, "reason", js_string(fs_sweep_failure_name((fs_sweep_failure)f)));
        js_set(o, "variants", js_int((int64_t)fail->count));
        js_set(o, "first_variant", js_int((int64_t)fail->first + 1));
        js_set(o, "message", message_text(fail->message));
        js_append(list, o);
    }
    return list;
}

/* The infeasible variants by the requirement that gives way first (none known without
 * `sweep --reasons`: an empty object). */
static js_node *infeasible_reasons(const fs_sweep_result *r)
{
    js_node *o = js_object();
    size_t counts[FS_SWEEP_REASON_COUNT] = {0}, unknown = 0;
    for (size_t i = 0; i < r->variant_count; i++) {
        const fs_sweep_row *v = &r->rows[i];
        if (!v->done || v->status != FS_EINFEASIBLE) continue;
        if (v->reason > 0 && v->reason < FS_SWEEP_REASON_COUNT) counts[v->reason]++;
        else unknown++;
    }
    bool any = false;
    for (int k = 1; k < FS_SWEEP_REASON_COUNT; k++)
        if (counts[k]) js_set(o, fs_sweep_reason_name(k), js_int((int64_t)counts[k])), any = true;
    if (any && unknown) js_set(o, "unknown", js_int((int64_t)unknown));
    return o;
}

static js_node *summary(const ctx *x)
{
    const fs_sweep_spec *s = x->m->sweep;
    static const char *const designs[] = {"grid", "oat", "lhs", "mc", "sobol"};
    js_node *o = js_object();
    js_set(o, "scenario", js_string(x->m->name));
    js_set(o, "upper_level", js_string(x->m->upper_is_province ? "province" : "city"));
    js_set(o, "design", js_string(designs[s->design]));
    js_set(o, "seed", js_int((int64_t)s->seed));
    js_set(o, "variants", js_int((int64_t)x->r->variant_count));
    js_set(o, "solved", js_int((int64_t)x->r->solved));
    js_set(o, "infeasible", js_int((int64_t)x->r->infeasible));
    js_node *reasons = infeasible_reasons(x->r);
    js_set(o, "infeasible_by_reason", reasons); /* empty without `sweep --reasons` */
    js_set(o, "failed", js_int((int64_t)x->r->failed));
    js_set(o, "failures", failures(x->r));
    js_node *params = js_array();
    for (size_t j = 0; j < s->param_count; j++) js_append(params, js_string(s->params[j].key));
    js_set(o, "parameters", params);
    return o;
}

fs_status fs_sweep_write(const fs_model *m, const fs_sweep_result *r, const char *dir, fs_output_set *given, bool sync,
                         fs_diag *diag)
{
    ctx x = {.m = m, .r = r, .results = BASE_RESULTS + m->sweep->date_count};
    size_t np = r->param_count, cols = np + 2 + x.results + 2;
    for (size_t k = 0; k < m->sweep->date_count; k++) {
        char date[11];
        fs_date_format(m->sweep->dates[k], date);
        snprintf(x.date_names[k], sizeof x.date_names[k], "disbursed_%s", date);
    }
    x.header = calloc(cols, sizeof *x.header);
    if (!x.header) return fs_diag_add(diag, FS_EINTERNAL, NULL, 0, NULL, "out of memory");
    x.header[0] = "variant";
    for (size_t j = 0; j < np; j++) x.header[j + 1] = m->sweep->params[j].key;
    x.header[np + 1] = "status";
    for (size_t k = 0; k < x.results; k++) x.header[np + 2 + k] = result_name(&x, k);
    x.header[cols - 2] = "reason";
    x.header[cols - 1] = "reason_amount";
    fs_status st = FS_OK;
    int rc = regress(&x);
    bool with_sobol = m->sweep->design == FS_DESIGN_SOBOL;
    if (rc == 0 && with_sobol && sobol(&x) != 0) rc = -1;
    if (rc == -1) st = fs_diag_add(diag, FS_EINTERNAL, NULL, 0, NULL, "out of memory, or least squares failed");
    if (rc == -2)
        st = fs_diag_add(diag, FS_EMISSING, m->sweep->file, m->sweep->line, "sweep",
                         "the sensitivity regression needs LAPACKE: install the Debian package liblapacke");
    table_view variants = {"sweep", cols, x.header, r->variant_count, variant_cell, &x};
    table_view sens = {"sensitivity", with_sobol ? 12 : 5, sens_header, x.results * np, sens_cell, &x};
    output_set own = {0}, *set = output_set_or(given, &own);
    if (st == FS_OK) st = output_set_text(set, dir, "sweep.csv", &variants, NULL, diag);
    if (st == FS_OK) st = output_set_text(set, dir, "sensitivity.csv", &sens, NULL, diag);
    /* With dates, the disbursement forecast's fan over the variants. */
    sweep_fan fan;
    if (st == FS_OK && m->sweep->date_count > 0) {
        if (sweep_fan_compute(r, m->year, &fan) != 0) st = fs_diag_add(diag, FS_EINTERNAL, NULL, 0, NULL, "out of memory");
        table_view fan_view = sweep_fan_table(&fan);
        if (st == FS_OK) st = output_set_text(set, dir, "sweep_disbursement.csv", &fan_view, NULL, diag);
    }
    if (st == FS_OK) st = output_set_json(set, dir, "sweep.json", summary(&x), diag);
    st = output_set_end(given, &own, st, sync, diag);
    free(x.header), free(x.src), free(x.r2), free(x.sobol);
    return st;
}

fs_status fs_sweep_write_shard(const fs_model *m, const fs_sweep_result *r, size_t shard, size_t shards,
                               const char *dir, fs_output_set *set, fs_diag *diag)
{
    char path[FS_PATH_MAX + 64], shown[FS_PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/sweep-shard-%zu-of-%zu.csv", fs_output_set_stage(set), shard + 1, shards);
    snprintf(shown, sizeof shown, "%s/sweep-shard-%zu-of-%zu.csv", dir, shard + 1, shards);
    FILE *out = fopen(path, "wbx");
    if (!out) return fs_diag_add(diag, FS_EIO, shown, 0, NULL, "cannot write: %s", strerror(errno));
    journal_write_header(out, m->fingerprint, r->variant_count);
    for (size_t i = 0; i < r->variant_count; i++)
        if (r->rows[i].done) journal_append(out, i, &r->rows[i], m->sweep->date_count);
    int failed = ferror(out) || fflush(out) != 0;
    int err = errno;
    if (fclose(out) != 0 && !failed) failed = 1, err = errno;
    return failed ? fs_diag_add(diag, FS_EIO, shown, 0, NULL, "cannot write: %s", strerror(err ? err : EIO)) : FS_OK;
}
