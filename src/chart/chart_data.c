/*
 * chart_data.c: reads a run's tables back for the charts (see chart.h). Uses the same
 * CSV reader and strict number parsing as the scenario loader. The disbursement tables
 * are read by chart_data_disburse.c, only when summary.json has a "disbursement" object,
 * and period.csv by chart_data_period.c, only when it has a "period" object.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "chart.h"
#include "chart_disburse.h"
#include "chart_data_cover.h"
#include "chart_period.h"
#include "columns.h"
#include "json.h"
#include "number.h"
#include "table.h"

void fs_chart_data_free(fs_chart_data *d)
{
    if (!d) return;
    free(d->unit);
    free(d->kind);
    free(d->cls);
    free(d->population);
    free(d->need);
    free(d->allocation);
    free(d->coverage);
    free(d->per_capita);
    free(d->source);
    free(d->central);
    free(d->city);
    free(d->commune);
    free(d->day);
    free(d->month);
    free(d->observed);
    free(d->entity);
    free(d->period_year);
    free(d);
}

/* Column index by name, or a diagnostic. */
int chart_column(const fs_table *t, const char *name, fs_diag *diag)
{
    int c = fs_table_column(t, name);
    if (c < 0) fs_diag_add(diag, FS_EINPUT, t->path, t->header_line, name, "missing column");
    return c;
}

int chart_cell_int(const fs_table *t, size_t row, int col, int64_t *out, fs_diag *diag)
{
    char why[256];
    if (fs_parse_int64(fs_table_cell(t, row, (size_t)col), out, why, sizeof why) == 0) return 0;
    fs_diag_add(diag, FS_EINPUT, t->path, t->row_line[row], t->header[col], "%s", why);
    return -1;
}

int chart_cell_real(const fs_table *t, size_t row, int col, double *out, fs_diag *diag)
{
    char why[256];
    if (fs_parse_real(fs_table_cell(t, row, (size_t)col), out, why, sizeof why) == 0) return 0;
    fs_diag_add(diag, FS_EINPUT, t->path, t->row_line[row], t->header[col], "%s", why);
    return -1;
}

int chart_cell_date(const fs_table *t, size_t row, int col, int32_t *out, fs_diag *diag)
{
    const char *text = fs_table_cell(t, row, (size_t)col);
    if (fs_date_parse(text, out) == 0) return 0;
    fs_diag_add(diag, FS_EINPUT, t->path, t->row_line[row], t->header[col], "expected a date YYYY-MM-DD, got \"%s\"",
                text);
    return -1;
}

int chart_cell_real_or_nan(const fs_table *t, size_t row, int col, double *out, fs_diag *diag)
{
    *out = NAN;
    if (col < 0 || !fs_table_cell(t, row, (size_t)col)[0]) return 0;
    return chart_cell_real(t, row, col, out, diag);
}

fs_table *chart_table_open(const char *dir, const char *name, const char *const *names, int *cols, size_t n,
                           fs_diag *diag)
{
    char path[FS_PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    fs_table *t = NULL;
    if (fs_table_read(path, &t, diag) != FS_OK) return NULL;
    bool ok = true;
    for (size_t k = 0; k < n; k++) {
        cols[k] = chart_column(t, names[k], diag);
        ok &= cols[k] >= 0;
    }
    if (!ok) {
        fs_table_free(t);
        return NULL;
    }
    return t;
}

void *chart_rows_alloc(const fs_table *t, size_t size, fs_diag *diag)
{
    void *p = calloc(t->row_count + 1, size);
    if (!p) fs_diag_add(diag, FS_EINTERNAL, t->path, 0, NULL, "out of memory");
    return p;
}

static void copy_cell(char *dst, size_t size, const fs_table *t, size_t row, int col)
{
    snprintf(dst, size, "%s", fs_table_cell(t, row, (size_t)col));
}

static int read_units(const char *dir, fs_chart_data *d, fs_diag *diag)
{
    char path[FS_PATH_MAX];
    snprintf(path, sizeof path, "%s/allocation.csv", dir);
    fs_table *t = NULL;
    if (fs_table_read(path, &t, diag) != FS_OK) return -1;
    int cu = chart_column(t, COL_UNIT, diag), ck = chart_column(t, COL_KIND, diag), cc = chart_column(t, COL_CLASS, diag);
    int cp = chart_column(t, COL_POPULATION, diag), cn = chart_column(t, COL_NEED, diag);
    int ca = chart_column(t, COL_ALLOCATION, diag);
    int cv = chart_column(t, COL_COVERAGE, diag), cq = chart_column(t, COL_PER_CAPITA, diag);
    int rc = -1;
    size_t n = t->row_count;
    if (cu < 0 || ck < 0 || cc < 0 || cp < 0 || cn < 0 || ca < 0 || cv < 0 || cq < 0) goto done;
    d->unit_count = n;
    d->unit = calloc(n + 1, sizeof *d->unit);
    d->kind = calloc(n + 1, sizeof *d->kind);
    d->cls = calloc(n + 1, sizeof *d->cls);
    d->population = calloc(n + 1, sizeof *d->population);
    d->need = calloc(n + 1, sizeof *d->need);
    d->allocation = calloc(n + 1, sizeof *d->allocation);
    d->coverage = calloc(n + 1, sizeof *d->coverage);
    d->per_capita = calloc(n + 1, sizeof *d->per_capita);
    if (!d->unit || !d->kind || !d->cls || !d->population || !d->need || !d->allocation || !d->coverage ||
        !d->per_capita) {
        fs_diag_add(diag, FS_EINTERNAL, path, 0, NULL, "out of memory");
        goto done;
    }
    rc = 0;
    for (size_t r = 0; r < n; r++) {
        copy_cell(d->unit[r], sizeof d->unit[r], t, r, cu);
        copy_cell(d->kind[r], sizeof d->kind[r], t, r, ck);
        copy_cell(d->cls[r], sizeof d->cls[r], t, r, cc);
        if (chart_cell_int(t, r, cp, &d->population[r], diag) || chart_cell_int(t, r, cn, &d->need[r], diag) ||
            chart_cell_int(t, r, ca, &d->allocation[r], diag) || chart_cell_real(t, r, cv, &d->coverage[r], diag) ||
            chart_cell_real(t, r, cq, &d->per_capita[r], diag))
            rc = -1;
    }
done:
    fs_table_free(t);
    return rc;
}

static int read_sources(const char *dir, fs_chart_data *d, fs_diag *diag)
{
    char path[FS_PATH_MAX];
    snprintf(path, sizeof path, "%s/revenue_split.csv", dir);
    fs_table *t = NULL;
    if (fs_table_read(path, &t, diag) != FS_OK) return -1;
    int cn = chart_column(t, COL_NAME, diag), ce = chart_column(t, COL_CENTRAL, diag), cc = chart_column(t, COL_CITY, diag);
    int co = chart_column(t, COL_COMMUNE, diag);
    int rc = -1;
    size_t n = t->row_count;
    if (cn < 0 || ce < 0 || cc < 0 || co < 0) goto done;
    d->source_count = n;
    d->source = calloc(n + 1, sizeof *d->source);
    d->central = calloc(n + 1, sizeof *d->central);
    d->city = calloc(n + 1, sizeof *d->city);
    d->commune = calloc(n + 1, sizeof *d->commune);
    if (!d->source || !d->central || !d->city || !d->commune) {
        fs_diag_add(diag, FS_EINTERNAL, path, 0, NULL, "out of memory");
        goto done;
    }
    rc = 0;
    for (size_t r = 0; r < n; r++) {
        copy_cell(d->source[r], sizeof d->source[r], t, r, cn);
        if (chart_cell_int(t, r, ce, &d->central[r], diag) || chart_cell_int(t, r, cc, &d->city[r], diag) ||
            chart_cell_int(t, r, co, &d->commune[r], diag))
            rc = -1;
    }
done:
    fs_table_free(t);
    return rc;
}

/* summary.json's "period" object: the first year, the number of years, the stability
 * rules. */
static int read_period_summary(const char *path, js_node *period, fs_chart_data *d, fs_diag *diag)
{
    js_node *first = js_get(period, "first_year"), *years = js_get(period, "years");
    js_node *stability = js_get(period, "stability");
    int rc = 0;
    d->has_period = true;
    if (!js_is_integer(first) || js_int_value(first) < 1900 || js_int_value(first) > 2200) {
        fs_diag_add(diag, FS_EINPUT, path, 0, "period.first_year", "expected the period's first year, such as 2026");
        rc = -1;
    } else {
        d->period_first_year = (int)js_int_value(first);
    }
    /* 2..30 in a scenario; 1..100 here, so that the reader does not depend on it. */
    if (!js_is_integer(years) || js_int_value(years) < 1 || js_int_value(years) > 100) {
        fs_diag_add(diag, FS_EINPUT, path, 0, "period.years", "expected the number of years, such as 5");
        rc = -1;
    } else {
        d->period_year_count = (size_t)js_int_value(years);
    }
    if (!js_is_boolean(stability)) {
        fs_diag_add(diag, FS_EINPUT, path, 0, "period.stability", "expected true or false");
        rc = -1;
    } else {
        d->period_stability = js_is_true(stability);
    }
    return rc;
}

static int read_summary(const char *dir, fs_chart_data *d, fs_diag *diag)
{
    char path[FS_PATH_MAX];
    snprintf(path, sizeof path, "%s/summary.json", dir);
    js_node *root = js_load(path, diag);
    if (!root) return -1;
    const char *status = js_string_value(js_get(root, "status"));
    if (!status || !strcmp(status, "infeasible")) {
        fs_diag_add(diag, FS_EINPUT, path, 0, "status",
                    "the last run in this folder wrote no tables (%s): there is nothing to draw",
                    status ? status : "no status");
        js_free(root);
        return -1;
    }
    const char *name = js_string_value(js_get(root, "scenario"));
    const char *unit = js_string_value(js_get(root, "money_unit"));
    const char *fp = js_string_value(js_get(root, "fingerprint"));
    snprintf(d->scenario, sizeof d->scenario, "%s", name ? name : "");
    snprintf(d->money_unit, sizeof d->money_unit, "%s", unit ? unit : "");
    snprintf(d->fingerprint, sizeof d->fingerprint, "%s", fp ? fp : "");
    /* A summary written before upper_level existed is a city's. */
    const char *upper = js_string_value(js_get(root, "upper_level"));
    snprintf(d->upper_level, sizeof d->upper_level, "%s", upper && !strcmp(upper, "province") ? "province" : "city");
    /* Disbursement tables count only when this run wrote them, as its summary says:
     * tables left in the folder by an earlier run are not drawn. */
    js_node *disb = js_get(root, "disbursement");
    int rc = 0;
    if (js_is_object(disb)) {
        d->has_disbursement = true;
        js_node *year = js_get(root, "year"), *thr = js_get(disb, "risk_threshold");
        if (!js_is_integer(year) || js_int_value(year) < 1900 || js_int_value(year) > 2200) {
            fs_diag_add(diag, FS_EINPUT, path, 0, "year", "expected the plan year, such as 2026");
            rc = -1;
        } else {
            d->year = (int)js_int_value(year);
        }
        d->risk_threshold = 0.95; /* the default of a scenario's disbursement.risk_threshold */
        if (thr && (!js_is_number(thr) || !(js_number_value(thr) >= 0 && js_number_value(thr) <= 1))) {
            fs_diag_add(diag, FS_EINPUT, path, 0, "disbursement.risk_threshold", "expected a share in [0, 1]");
            rc = -1;
        } else if (thr) {
            d->risk_threshold = js_number_value(thr);
        }
    }
    /* The same for period.csv: drawn only when this run has a stability period. */
    js_node *period = js_get(root, "period");
    if (js_is_object(period) && read_period_summary(path, period, d, diag) != 0) rc = -1;
    chart_data_read_cover(root, &d->cover);
    js_free(root);
    return rc;
}

fs_status fs_chart_data_read(const char *dir, fs_chart_data **out, fs_diag *diag)
{
    *out = NULL;
    size_t before = diag->count;
    fs_chart_data *d = calloc(1, sizeof *d);
    if (!d) return fs_diag_add(diag, FS_EINTERNAL, dir, 0, NULL, "out of memory");
    int rc = read_summary(dir, d, diag);
    if (rc == 0) rc = read_units(dir, d, diag);
    if (rc == 0) rc = read_sources(dir, d, diag);
    if (rc == 0 && d->has_disbursement) rc = chart_data_read_disbursement(dir, d, diag);
    if (rc == 0 && d->has_period) rc = chart_data_read_period(dir, d, diag);
    if (rc != 0 || diag->count > before) {
        fs_chart_data_free(d);
        return diag->count > before ? diag->items[before].code : FS_EINTERNAL;
    }
    *out = d;
    return FS_OK;
}
