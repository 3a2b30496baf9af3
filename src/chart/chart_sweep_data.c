/*
 * chart_sweep_data.c: the tables of a sweep read back for its charts (sw_data_read in
 * chart_sweep.h), like `run`'s and `compare`'s are for theirs: sweep.json (the
 * scenario, the design, the counts and the parameters in order), sweep.csv (each
 * variant's parameter values, status and results, columns found by name, so that
 * result columns added later are simply not drawn) and sensitivity.csv (the
 * standardised regression coefficients, R², and with a Sobol design the total
 * indices); with dates (sweep.csv's disbursed_<date> columns), each variant's forecast
 * at those dates and the fan of sweep_disbursement.csv. A bad cell is a diagnostic
 * naming the file, line and column; a table stops at its first.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "chart_disburse.h"
#include "chart_sweep.h"
#include "columns.h"
#include "json.h"
#include "table.h"

const char *const sw_result_names[SW_RESULTS] = {COL_MIN_COVERAGE, COL_UNITS_UNDER_NEED, COL_GINI, COL_TRANSFERS,
                                                 COL_CITY_BALANCE};

static int read_json(const char *dir, sw_data *d, fs_diag *diag)
{
    char path[FS_PATH_MAX];
    snprintf(path, sizeof path, "%s/sweep.json", dir);
    js_node *root = js_load(path, diag);
    if (!root) return -1;
    static const char *const designs[SW_DESIGNS] = {"grid", "oat", "lhs", "mc", "sobol"};
    const char *scenario = js_string_value(js_get(root, "scenario"));
    const char *design = js_string_value(js_get(root, "design"));
    snprintf(d->scenario, sizeof d->scenario, "%s", scenario ? scenario : "");
    const char *upper = js_string_value(js_get(root, "upper_level"));
    d->upper_is_province = upper && !strcmp(upper, "province");
    d->design = SW_DESIGNS;
    for (int k = 0; design && k < SW_DESIGNS; k++)
        if (!strcmp(design, designs[k])) d->design = (sw_design)k;
    d->variants = js_int_value(js_get(root, "variants"));
    d->solved = js_int_value(js_get(root, "solved"));
    d->infeasible = js_int_value(js_get(root, "infeasible"));
    d->failed = js_int_value(js_get(root, "failed")); /* 0 when absent */
    js_node *params = js_get(root, "parameters");
    int rc = -1;
    if (d->design == SW_DESIGNS) {
        fs_diag_add(diag, FS_EINPUT, path, 0, "design", "expected grid, oat, lhs, mc or sobol");
    } else if (!js_is_array(params) || js_size(params) == 0) {
        fs_diag_add(diag, FS_EINPUT, path, 0, "parameters", "expected a list of parameter keys");
    } else if (!(d->param = calloc(js_size(params), sizeof *d->param))) {
        fs_diag_add(diag, FS_EINTERNAL, path, 0, NULL, "out of memory");
    } else {
        d->param_count = js_size(params);
        rc = 0;
        for (size_t j = 0; j < d->param_count; j++) {
            const char *key = js_string_value(js_at(params, j));
            snprintf(d->param[j].key, sizeof d->param[j].key, "%s", key ? key : "");
            for (int k = 0; k < SW_RESULTS; k++)
                d->param[j].src[k] = d->param[j].st[k] = d->param[j].st_lo[k] = d->param[j].st_hi[k] = NAN;
        }
    }
    js_free(root);
    return rc;
}

/* The disbursed_<date> columns of sweep.csv (the first SW_DATES_MAX; a name whose
 * end is not a date is not one): each variant's forecast share of the whole plan at
 * that date, NAN unless solved. */
static int read_disbursed(const fs_table *t, sw_data *d, fs_diag *diag)
{
    static const char prefix[] = "disbursed_";
    int col[SW_DATES_MAX];
    for (size_t c = 0; c < t->column_count && d->date_count < SW_DATES_MAX; c++) {
        const char *name = t->header[c];
        if (strncmp(name, prefix, sizeof prefix - 1) ||
            fs_date_parse(name + sizeof prefix - 1, &d->date[d->date_count]))
            continue;
        col[d->date_count++] = (int)c;
    }
    if (!d->date_count) return 0;
    if (!(d->disbursed = calloc(d->row_count * d->date_count + 1, sizeof *d->disbursed))) {
        fs_diag_add(diag, FS_EINTERNAL, t->path, 0, NULL, "out of memory");
        return -1;
    }
    for (size_t r = 0; r < d->row_count; r++)
        for (size_t k = 0; k < d->date_count; k++) {
            double *v = &d->disbursed[r * d->date_count + k];
            *v = NAN;
            if (d->status[r] == SW_SOLVED && chart_cell_real_or_nan(t, r, col[k], v, diag)) return -1;
        }
    return 0;
}

/* sweep_disbursement.csv: the fan, a row per month end; a quantile is empty when no
 * variant solved. */
static int read_fan(const char *dir, sw_data *d, fs_diag *diag)
{
    static const char *const names[SW_FAN_STATS] = {COL_P05, COL_P25, COL_P50, COL_P75, COL_P95, COL_MEAN};
    fs_table *t = chart_table_open(dir, "sweep_disbursement.csv", NULL, NULL, 0, diag);
    if (!t) return -1;
    int rc = -1, cm = chart_column(t, COL_MONTH_END, diag), cv = chart_column(t, COL_VARIANTS, diag), cs[SW_FAN_STATS];
    bool missing = cm < 0 || cv < 0;
    for (int k = 0; k < SW_FAN_STATS; k++) missing |= (cs[k] = chart_column(t, names[k], diag)) < 0;
    sw_fan_row *fan = missing ? NULL : calloc(t->row_count + 1, sizeof *fan);
    if (!missing && !fan) fs_diag_add(diag, FS_EINTERNAL, t->path, 0, NULL, "out of memory");
    for (size_t r = 0; fan && r < t->row_count; r++) {
        if (chart_cell_date(t, r, cm, &fan[r].month_end, diag) || chart_cell_int(t, r, cv, &fan[r].variants, diag))
            goto done;
        for (int k = 0; k < SW_FAN_STATS; k++)
            if (chart_cell_real_or_nan(t, r, cs[k], &fan[r].stat[k], diag)) goto done;
    }
    if (fan) d->fan = fan, d->fan_count = t->row_count, fan = NULL, rc = 0;
done:
    free(fan);
    fs_table_free(t);
    return rc;
}

static int read_variants(const char *dir, sw_data *d, fs_diag *diag)
{
    fs_table *t = chart_table_open(dir, "sweep.csv", NULL, NULL, 0, diag);
    if (!t) return -1;
    size_t np = d->param_count, n = t->row_count;
    int rc = -1, cv = chart_column(t, COL_VARIANT, diag), cs = chart_column(t, COL_STATUS, diag);
    int *cx = calloc(np + 1, sizeof *cx), cy[SW_RESULTS];
    bool missing = cv < 0 || cs < 0;
    if (!cx) {
        fs_diag_add(diag, FS_EINTERNAL, t->path, 0, NULL, "out of memory");
        fs_table_free(t);
        return -1;
    }
    for (size_t j = 0; j < np; j++) missing |= (cx[j] = chart_column(t, d->param[j].key, diag)) < 0;
    for (int k = 0; k < SW_RESULTS; k++) {
        /* Only the lowest coverage is needed (the scatter); a result column missing
         * leaves its panel out of the tornado. */
        cy[k] = k == SW_MIN_COVERAGE ? chart_column(t, sw_result_names[k], diag)
                                     : fs_table_column(t, sw_result_names[k]);
        d->has_result[k] = cy[k] >= 0;
    }
    missing |= cy[SW_MIN_COVERAGE] < 0;
    if (missing) goto done;
    d->variant = calloc(n + 1, sizeof *d->variant);
    d->status = calloc(n + 1, sizeof *d->status);
    d->x = calloc(n * np + 1, sizeof *d->x);
    d->y = calloc(n * SW_RESULTS + 1, sizeof *d->y);
    if (!d->variant || !d->status || !d->x || !d->y) {
        fs_diag_add(diag, FS_EINTERNAL, t->path, 0, NULL, "out of memory");
        goto done;
    }
    d->row_count = n;
    for (size_t r = 0; r < n; r++) {
        const char *status = fs_table_cell(t, r, (size_t)cs);
        d->status[r] = !strcmp(status, "solved")       ? SW_SOLVED
                       : !strcmp(status, "infeasible") ? SW_INFEASIBLE
                                                       : SW_FAILED;
        if (chart_cell_int(t, r, cv, &d->variant[r], diag)) goto done;
        for (size_t j = 0; j < np; j++)
            if (chart_cell_real(t, r, cx[j], &d->x[r * np + j], diag)) goto done;
        for (int k = 0; k < SW_RESULTS; k++) {
            double *y = &d->y[r * SW_RESULTS + (size_t)k];
            *y = NAN;
            if (d->status[r] == SW_SOLVED && cy[k] >= 0 && chart_cell_real(t, r, cy[k], y, diag)) goto done;
        }
    }
    rc = read_disbursed(t, d, diag);
done:
    free(cx);
    fs_table_free(t);
    return rc;
}

static int read_sensitivity(const char *dir, sw_data *d, fs_diag *diag)
{
    fs_table *t = chart_table_open(dir, "sensitivity.csv", NULL, NULL, 0, diag);
    if (!t) return -1;
    int rc = -1, cr = chart_column(t, COL_RESULT, diag), cp = chart_column(t, COL_PARAMETER, diag);
    int cs = chart_column(t, COL_SRC, diag), c2 = chart_column(t, COL_R2, diag), cn = chart_column(t, COL_VARIANTS, diag);
    int ct = fs_table_column(t, "st"), cl = fs_table_column(t, "st_lo"), ch = fs_table_column(t, "st_hi");
    if (cr < 0 || cp < 0 || cs < 0 || c2 < 0 || cn < 0) goto done;
    d->has_sobol = ct >= 0;
    for (size_t r = 0; r < t->row_count; r++) {
        const char *result = fs_table_cell(t, r, (size_t)cr), *key = fs_table_cell(t, r, (size_t)cp);
        int k = 0;
        while (k < SW_RESULTS && strcmp(result, sw_result_names[k])) k++;
        size_t j = 0;
        while (j < d->param_count && strcmp(key, d->param[j].key)) j++;
        if (k == SW_RESULTS || j == d->param_count) continue; /* a result the charts do not draw */
        sw_param *p = &d->param[j];
        if (chart_cell_real(t, r, cs, &p->src[k], diag) || chart_cell_real(t, r, c2, &d->r2[k], diag) ||
            chart_cell_int(t, r, cn, &d->fitted, diag) || chart_cell_real_or_nan(t, r, ct, &p->st[k], diag) ||
            chart_cell_real_or_nan(t, r, cl, &p->st_lo[k], diag) ||
            chart_cell_real_or_nan(t, r, ch, &p->st_hi[k], diag))
            goto done;
        d->has_sensitivity[k] = true;
    }
    rc = 0;
done:
    fs_table_free(t);
    return rc;
}

int sw_data_read(const char *dir, sw_data *d, fs_diag *diag)
{
    size_t errors = diag->count;
    if (read_json(dir, d, diag) == 0) {
        /* The fan only with dates: a file of an earlier sweep is not this one's. */
        if (read_variants(dir, d, diag) == 0 && d->date_count) read_fan(dir, d, diag);
        read_sensitivity(dir, d, diag);
    }
    return diag->count > errors ? -1 : 0;
}

double sw_result_at(const sw_data *d, size_t row, sw_result k)
{
    return d->y[row * SW_RESULTS + (size_t)k];
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double sw_median(double *values, size_t n)
{
    if (n == 0) return NAN;
    qsort(values, n, sizeof *values, by_value);
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

void sw_data_free(sw_data *d)
{
    free(d->param);
    free(d->variant);
    free(d->status);
    free(d->x);
    free(d->y);
    free(d->disbursed);
    free(d->fan);
}
