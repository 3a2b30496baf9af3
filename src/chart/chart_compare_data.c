/*
 * chart_compare_data.c: the tables of `fiscalsim compare` read back for its charts
 * (cmp_data_read in chart_compare.h), like `run`'s tables are for its own
 * (chart_data.c): compare.json (the scenarios, the money unit, the counts and totals,
 * whether disbursement was compared), compare.csv (each unit's change, coverage before
 * and after, and outcome), compare_groups.csv (winners, losers and change by group)
 * and, with disbursement, the whole plan's shares at the comparison dates and day by
 * day. Every bad cell is a diagnostic naming the file, line and column.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "chart_compare.h"
#include "chart_disburse.h"
#include "columns.h"
#include "json.h"
#include "table.h"

static int read_json(const char *dir, cmp_data *d, fs_diag *diag)
{
    char path[FS_PATH_MAX];
    snprintf(path, sizeof path, "%s/compare.json", dir);
    js_node *root = js_load(path, diag);
    if (!root) return -1;
    const char *base = js_string_value(js_get(root, "baseline"));
    const char *reform = js_string_value(js_get(root, "reform"));
    const char *unit = js_string_value(js_get(root, "money_unit"));
    snprintf(d->base, sizeof d->base, "%s", base ? base : "");
    snprintf(d->reform, sizeof d->reform, "%s", reform ? reform : "");
    snprintf(d->money_unit, sizeof d->money_unit, "%s", unit ? unit : "");
    const char *upper = js_string_value(js_get(root, "upper_level"));
    d->upper_is_province = upper && !strcmp(upper, "province");
    d->units = js_int_value(js_get(root, "units"));
    d->winners = js_int_value(js_get(root, "winners"));
    d->losers = js_int_value(js_get(root, "losers"));
    static const char *const keys[4] = {"allocation", "transfer", "own_revenue", "city_balance"};
    for (int k = 0; k < 4; k++) {
        js_node *o = js_get(root, keys[k]);
        d->has_total[k] = js_is_object(o);
        d->totals[k][0] = js_int_value(js_get(o, "before"));
        d->totals[k][1] = js_int_value(js_get(o, "after"));
    }
    js_node *cov = js_get(root, "min_coverage");
    d->min_coverage[0] = js_number_value(js_get(cov, "before"));
    d->min_coverage[1] = js_number_value(js_get(cov, "after"));
    /* Disbursement tables count only when this comparison wrote them. */
    d->has_disbursement = js_is_object(js_get(root, "disbursement"));
    js_free(root);
    return 0;
}

static int read_units(const char *dir, cmp_data *d, fs_diag *diag)
{
    fs_table *t = chart_table_open(dir, "compare.csv", NULL, NULL, 0, diag);
    if (!t) return -1;
    int cu = chart_column(t, COL_UNIT, diag), cc = chart_column(t, COL_CHANGE, diag);
    int cb = chart_column(t, COL_COVERAGE_BEFORE, diag), ca = chart_column(t, COL_COVERAGE_AFTER, diag);
    int co = chart_column(t, COL_OUTCOME, diag);
    int rc = -1;
    if (cu < 0 || cc < 0 || cb < 0 || ca < 0 || co < 0) goto done;
    d->unit = chart_rows_alloc(t, sizeof *d->unit, diag);
    if (!d->unit) goto done;
    d->unit_count = t->row_count;
    rc = 0;
    for (size_t r = 0; r < t->row_count; r++) {
        cmp_unit *u = &d->unit[r];
        snprintf(u->name, sizeof u->name, "%s", fs_table_cell(t, r, (size_t)cu));
        const char *outcome = fs_table_cell(t, r, (size_t)co);
        u->outcome = !strcmp(outcome, "winner") ? 1 : !strcmp(outcome, "loser") ? -1 : 0;
        if (chart_cell_int(t, r, cc, &u->change, diag) || chart_cell_real(t, r, cb, &u->before, diag) ||
            chart_cell_real(t, r, ca, &u->after, diag))
            rc = -1;
    }
done:
    fs_table_free(t);
    return rc;
}

static int read_groups(const char *dir, cmp_data *d, fs_diag *diag)
{
    fs_table *t = chart_table_open(dir, "compare_groups.csv", NULL, NULL, 0, diag);
    if (!t) return -1;
    int cd = chart_column(t, COL_DIMENSION, diag), cv = chart_column(t, COL_VALUE, diag);
    int cl = chart_column(t, COL_LABEL, diag), cw = chart_column(t, COL_WINNERS, diag);
    int cs = chart_column(t, COL_LOSERS, diag), cc = chart_column(t, COL_CHANGE, diag);
    int rc = -1;
    if (cd < 0 || cv < 0 || cl < 0 || cw < 0 || cs < 0 || cc < 0) goto done;
    d->group = chart_rows_alloc(t, sizeof *d->group, diag);
    if (!d->group) goto done;
    d->group_count = t->row_count;
    rc = 0;
    for (size_t r = 0; r < t->row_count; r++) {
        cmp_group *g = &d->group[r];
        snprintf(g->dimension, sizeof g->dimension, "%s", fs_table_cell(t, r, (size_t)cd));
        snprintf(g->value, sizeof g->value, "%s", fs_table_cell(t, r, (size_t)cv));
        snprintf(g->label, sizeof g->label, "%s", fs_table_cell(t, r, (size_t)cl));
        if (chart_cell_int(t, r, cw, &g->winners, diag) || chart_cell_int(t, r, cs, &g->losers, diag) ||
            chart_cell_int(t, r, cc, &g->change, diag))
            rc = -1;
    }
done:
    fs_table_free(t);
    return rc;
}

/* The whole plan's rows of compare_disbursement.csv, and the whole plan's columns of
 * compare_disbursement_daily.csv (an empty cell: outside that forecast). */
static int read_disbursement(const char *dir, cmp_data *d, fs_diag *diag)
{
    int rc = -1;
    fs_table *t = chart_table_open(dir, "compare_disbursement.csv", NULL, NULL, 0, diag);
    if (!t) return -1;
    int cd = chart_column(t, COL_DATE, diag), cp = chart_column(t, COL_PART, diag);
    int cb = chart_column(t, COL_SHARE_BEFORE, diag), ca = chart_column(t, COL_SHARE_AFTER, diag);
    if (cd < 0 || cp < 0 || cb < 0 || ca < 0) goto done;
    d->date = chart_rows_alloc(t, sizeof *d->date, diag);
    if (!d->date) goto done;
    rc = 0;
    for (size_t r = 0; r < t->row_count; r++) {
        if (strcmp(fs_table_cell(t, r, (size_t)cp), "whole")) continue;
        cmp_point *p = &d->date[d->date_count++];
        if (chart_cell_date(t, r, cd, &p->date, diag) || chart_cell_real(t, r, cb, &p->before, diag) ||
            chart_cell_real(t, r, ca, &p->after, diag))
            rc = -1;
    }
    fs_table_free(t);
    if (rc) return rc;
    rc = -1;
    t = chart_table_open(dir, "compare_disbursement_daily.csv", NULL, NULL, 0, diag);
    if (!t) return -1;
    cd = chart_column(t, COL_DATE, diag), cb = chart_column(t, COL_WHOLE_BEFORE, diag);
    ca = chart_column(t, COL_WHOLE_AFTER, diag);
    if (cd < 0 || cb < 0 || ca < 0) goto done;
    d->day = chart_rows_alloc(t, sizeof *d->day, diag);
    if (!d->day) goto done;
    d->day_count = t->row_count;
    rc = 0;
    for (size_t r = 0; r < t->row_count; r++) {
        cmp_point *p = &d->day[r];
        if (chart_cell_date(t, r, cd, &p->date, diag)) rc = -1;
        if (chart_cell_real_or_nan(t, r, cb, &p->before, diag)) rc = -1;
        if (chart_cell_real_or_nan(t, r, ca, &p->after, diag)) rc = -1;
    }
done:
    fs_table_free(t);
    return rc;
}

int cmp_data_read(const char *dir, cmp_data *d, fs_diag *diag)
{
    size_t errors = diag->count;
    if (read_json(dir, d, diag) == 0) {
        read_units(dir, d, diag);
        read_groups(dir, d, diag);
        if (d->has_disbursement) read_disbursement(dir, d, diag);
    }
    return diag->count > errors ? -1 : 0;
}

void cmp_data_free(cmp_data *d)
{
    free(d->unit);
    free(d->group);
    free(d->date);
    free(d->day);
}
