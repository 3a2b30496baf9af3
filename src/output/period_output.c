/*
 * period_output.c: the multi-year tables, described once for the CSV and XLSX writers.
 * Money is integer; a year that was not solved has its status and empty figures.
 */
#include "period_output.h"

#include "columns.h"
#include "whole_money_json.h"

const char *const period_table_files[PERIOD_TABLES] = {"period.csv", "period_units.csv"};

static const char *const status_names[] = {"solved", "infeasible", "not_run"};

/* The model and result of year k (k = 0: the caller's first year), NULL when unsolved. */
static const fs_result *result_of(const period_ctx *x, size_t k, const fs_model **m)
{
    if (k == 0) {
        *m = x->m;
        return x->first;
    }
    *m = x->p->years[k].model;
    return x->p->years[k].status == FS_YEAR_SOLVED ? x->p->years[k].result : NULL;
}

static const char *const year_header[] = {COL_YEAR, COL_STATUS, "envelope", COL_NEED, COL_OWN_REVENUE, COL_TRANSFER,
                                          COL_ALLOCATION, COL_MIN_COVERAGE, COL_UNITS_UNDER_NEED, COL_CITY_BALANCE,
                                          "transfer_change"};

static void year_cell(const void *p, size_t row, size_t col, cell *c)
{
    const period_ctx *x = p;
    const fs_model *m = NULL;
    const fs_result *r = result_of(x, row, &m);
    c->type = CELL_INT;
    if (col == 0) {
        c->i = x->p->years[row].year;
        return;
    }
    if (col == 1) {
        c->type = CELL_TEXT, c->text = status_names[x->p->years[row].status];
        return;
    }
    if (!r || (col == 9 && !m->city.present)) {
        c->type = CELL_TEXT, c->text = "";
        return;
    }
    const fs_model *pm = NULL;
    const fs_result *prev = row ? result_of(x, row - 1, &pm) : NULL;
    switch (col) {
    case 2: c->i = m->policy.envelope; break;
    case 3: c->i = r->total_need; break;
    case 4: c->i = r->total_own; break;
    case 5: c->i = r->total_transfer; break;
    case 6: c->i = r->total_allocation; break;
    case 7: c->type = CELL_REAL, c->r = r->min_coverage; break;
    case 8: c->i = (int64_t)r->units_under_need; break;
    case 9: c->i = r->city_balance; break;
    default: c->i = prev ? r->total_transfer - prev->total_transfer : 0; break;
    }
}

static const char *const unit_header[] = {COL_UNIT, COL_YEAR, COL_NEED, COL_OWN_REVENUE, COL_TRANSFER, COL_ALLOCATION,
                                          COL_COVERAGE};

/* Rows: unit-major over the solved years. */
static size_t solved_years(const period_ctx *x)
{
    size_t n = 0;
    while (n < x->p->year_count && (n == 0 || x->p->years[n].status == FS_YEAR_SOLVED)) n++;
    return n;
}

static void unit_cell(const void *p, size_t row, size_t col, cell *c)
{
    const period_ctx *x = p;
    size_t years = solved_years(x), u = row / years, k = row % years;
    const fs_model *m = NULL;
    const fs_result *r = result_of(x, k, &m);
    const fs_unit_result *ur = &r->units[u];
    c->type = CELL_INT;
    switch (col) {
    case 0: c->type = CELL_TEXT, c->text = m->units[u].name; break;
    case 1: c->i = x->p->years[k].year; break;
    case 2: c->i = ur->need; break;
    case 3: c->i = ur->own; break;
    case 4: c->i = ur->transfer; break;
    case 5: c->i = ur->allocation; break;
    default: c->type = CELL_REAL, c->r = ur->coverage; break;
    }
}

void period_tables(const period_ctx *ctx, table_view out[PERIOD_TABLES])
{
    out[0] = (table_view){"period", sizeof year_header / sizeof *year_header, year_header, ctx->p->year_count,
                          year_cell, ctx};
    out[1] = (table_view){"period_units", sizeof unit_header / sizeof *unit_header, unit_header,
                          ctx->m->unit_count * solved_years(ctx), unit_cell, ctx};
}

js_node *period_json(const period_ctx *ctx)
{
    const fs_period_spec *s = ctx->m->period;
    js_node *o = js_object();
    js_set(o, "years", js_int(s->years));
    js_set(o, "first_year", js_int(ctx->m->year));
    js_set(o, "stability", js_bool(s->stability));
    js_set(o, "solved_years", js_int((int64_t)solved_years(ctx)));
    js_set(o, "failed_year", ctx->p->failed_year ? js_int(ctx->p->failed_year) : js_null());
    js_node *list = js_array();
    for (size_t k = 0; k < solved_years(ctx); k++) {
        const fs_model *m = NULL;
        const fs_result *r = result_of(ctx, k, &m);
        js_node *y = js_object();
        js_set(y, "year", js_int(ctx->p->years[k].year));
        js_set(y, "min_coverage", js_real(r->min_coverage));
        js_set(y, "transfer", js_int(r->total_transfer));
        js_set(y, "allocation", js_int(r->total_allocation));
        if (m->city.present) js_set(y, "city_balance", js_int(r->city_balance));
        js_set(y, "whole_money", whole_money_json(m, r));
        js_append(list, y);
    }
    js_set(o, "by_year", list);
    return o;
}
