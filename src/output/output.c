/*
 * output.c: the run's files. Tables are described once (a header and a cell getter)
 * and written by one CSV writer (table_write.c) and one XLSX writer (output_xlsx.c), so
 * the two never disagree.
 * CSV is UTF-8 with a byte-order mark (spreadsheets need it to read Vietnamese names),
 * comma separated, numbers in the C locale. Money is written as integers.
 */
#include "output.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "disburse_output.h"
#include "period_output.h"
#include "output_set_write.h"
#include "output_xlsx.h"
#include "table_write.h"
#include "whole_money_json.h"

/* The context of the run's tables. */
typedef struct run_tables {
    const fs_model *m;
    const fs_result *r;
} run_tables;

static const char *const alloc_header[] = {"unit", "kind", "class", "regime", "population", "area_km2",
                                           "need", "own_revenue", "transfer", "targeted", "allocation",
                                           "coverage", "per_capita"};
enum { ALLOC_COLS = sizeof alloc_header / sizeof *alloc_header };

static bool has_targeted(const fs_result *r)
{
    return r->total_targeted != 0;
}

static void alloc_cell(const void *ctx, size_t row, size_t col, cell *c)
{
    const fs_model *m = ((const run_tables *)ctx)->m;
    const fs_result *r = ((const run_tables *)ctx)->r;
    const fs_unit *u = &m->units[row];
    const fs_unit_result *ur = &r->units[row];
    /* Without targeted transfers the column is dropped: shift the later ones. */
    if (!has_targeted(r) && col >= 9) col++;
    c->type = CELL_INT;
    switch (col) {
    case 0: c->type = CELL_TEXT, c->text = u->name; break;
    case 1: c->type = CELL_TEXT, c->text = fs_kind_name(u->kind); break;
    case 2: c->type = CELL_TEXT, c->text = fs_class_name(u->cls); break;
    case 3: c->type = CELL_TEXT, c->text = m->regimes[u->regime]; break;
    case 4: c->i = u->population; break;
    case 5: c->type = CELL_REAL, c->r = u->area_km2; break;
    case 6: c->i = ur->need; break;
    case 7: c->i = ur->own; break;
    case 8: c->i = ur->transfer; break;
    case 9: c->i = ur->targeted; break;
    case 10: c->i = ur->allocation; break;
    case 11: c->type = CELL_REAL, c->r = ur->coverage; break;
    default: c->type = CELL_REAL, c->r = ur->per_capita; break;
    }
}

static const char *const split_header[] = {"source", "name", "type", "collected", "central", "city", "commune"};

static void split_cell(const void *ctx, size_t row, size_t col, cell *c)
{
    const fs_model *m = ((const run_tables *)ctx)->m;
    const fs_result *r = ((const run_tables *)ctx)->r;
    static const char *const types[] = {"city", "commune", "shared"};
    const fs_source *src = &m->sources[row];
    size_t S = m->source_count;
    int64_t central = r->city_collected_central[row], city = r->city_collected_city[row], own = 0;
    for (size_t u = 0; u < m->unit_count; u++) {
        central += r->central_part[u * S + row];
        city += r->city_part[u * S + row];
        own += r->commune_part[u * S + row];
    }
    c->type = CELL_INT;
    switch (col) {
    case 0: c->type = CELL_TEXT, c->text = src->id; break;
    case 1: c->type = CELL_TEXT, c->text = src->name; break;
    case 2: c->type = CELL_TEXT, c->text = types[src->type]; break;
    case 3: c->i = central + city + own; break;
    case 4: c->i = central; break;
    case 5: c->i = city; break;
    default: c->i = own; break;
    }
}

static json_t *binding_json(const fs_model *m, const fs_result *r)
{
    json_t *list = json_array();
    for (size_t k = 0; k < r->binding_count; k++) {
        const fs_constraint_report *c = &r->binding[k];
        json_t *o = json_object();
        json_object_set_new(o, "constraint", json_string(c->kind));
        json_object_set_new(o, "row", json_string(c->name));
        json_object_set_new(o, "unit", c->unit >= 0 ? json_string(m->units[c->unit].name) : json_null());
        if (c->source >= 0) json_object_set_new(o, "source", json_string(m->sources[c->source].id));
        json_object_set_new(o, "value", json_real(c->value));
        json_object_set_new(o, "shadow_price", json_real(c->shadow_price));
        json_object_set_new(o, "range_lo", isfinite(c->range_lo) ? json_real(c->range_lo) : json_null());
        json_object_set_new(o, "range_hi", isfinite(c->range_hi) ? json_real(c->range_hi) : json_null());
        json_array_append_new(list, o);
    }
    return list;
}

static const char *status_name(const fs_result *r)
{
    if (r->mode == FS_MODE_LEGAL) return "legal_formula";
    switch (r->status) {
    case FS_LP_OPTIMAL: return "optimal";
    case FS_LP_FEASIBLE_LIMIT: return "feasible_time_limit";
    case FS_LP_INFEASIBLE: return "infeasible";
    case FS_LP_UNBOUNDED: return "unbounded";
    case FS_LP_NO_SOLUTION_IN_TIME: return "no_solution_in_time";
    default: return "failed";
    }
}

/* The fields every summary starts with. */
static json_t *summary_head(const fs_model *m, const char *status)
{
    json_t *o = json_object();
    json_object_set_new(o, "scenario", json_string(m->name));
    json_object_set_new(o, "year", json_integer(m->year));
    json_object_set_new(o, "money_unit", json_string(m->money_unit));
    json_object_set_new(o, "mode", json_string(m->policy.mode == FS_MODE_LEGAL ? "legal" : "optimise"));
    json_object_set_new(o, "status", json_string(status));
    char fp[32];
    snprintf(fp, sizeof fp, "%016llx", (unsigned long long)m->fingerprint);
    json_object_set_new(o, "fingerprint", json_string(fp));
    return o;
}

static json_t *summary_json(const fs_model *m, const fs_result *r)
{
    json_t *o = summary_head(m, status_name(r));
    json_t *obj = json_object();
    for (size_t k = 0; k < r->objective_count; k++)
        json_object_set_new(obj, fs_objective_name(m->policy.objectives[k]), json_real(r->objective[k]));
    json_object_set_new(o, "objective", obj);
    json_object_set_new(o, "units", json_integer((json_int_t)m->unit_count));
    json_object_set_new(o, "min_coverage", json_real(r->min_coverage));
    json_object_set_new(o, "units_under_need", json_integer((json_int_t)r->units_under_need));
    json_t *t = json_object();
    json_object_set_new(t, "need", json_integer(r->total_need));
    json_object_set_new(t, "own_revenue", json_integer(r->total_own));
    json_object_set_new(t, "transfer", json_integer(r->total_transfer));
    json_object_set_new(t, "targeted", json_integer(r->total_targeted));
    json_object_set_new(t, "allocation", json_integer(r->total_allocation));
    if (m->policy.envelope_mode != FS_ENVELOPE_NONE) json_object_set_new(t, "envelope", json_integer(m->policy.envelope));
    json_object_set_new(o, "totals", t);
    if (m->city.present) {
        json_t *c = json_object();
        json_object_set_new(c, "retained_revenue", json_integer(r->city_retained));
        json_object_set_new(c, "reserve", json_integer(r->city_reserve));
        json_object_set_new(c, "spending", json_integer(r->city_spending));
        json_object_set_new(c, "balance", json_integer(r->city_balance));
        json_object_set_new(o, "city", c);
    }
    json_object_set_new(o, "binding", binding_json(m, r));
    json_object_set_new(o, "whole_money", whole_money_json(m, r));
    if (r->mode == FS_MODE_OPTIMISE) {
        json_t *lp = json_object();
        json_object_set_new(lp, "money_scale", json_real(r->money_scale));
        json_object_set_new(lp, "primary_objective", json_real(r->lp_objective));
        json_object_set_new(lp, "simplex_iterations", json_integer(r->iterations));
        json_object_set_new(lp, "max_violation", json_real(r->max_violation));
        json_object_set_new(o, "lp", lp);
    }
    return o;
}

static json_t *infeasible_json(const fs_model *m, const fs_relaxation *rx)
{
    json_t *o = summary_head(m, "infeasible");
    json_t *relax = json_object();
    json_object_set_new(relax, "total", json_integer(rx->total));
    json_object_set_new(relax, "steps_only", json_boolean(rx->steps_only));
    json_t *kinds = json_array();
    for (size_t k = 0; k < rx->kind_count; k++) {
        json_t *e = json_object();
        json_object_set_new(e, "requirement", json_string(rx->kinds[k].kind));
        json_object_set_new(e, "amount", json_integer(rx->kinds[k].amount));
        json_object_set_new(e, "units_relaxed", json_integer((json_int_t)rx->kinds[k].units));
        json_object_set_new(e, "units_held", json_integer((json_int_t)rx->kinds[k].binding));
        json_array_append_new(kinds, e);
    }
    json_object_set_new(relax, "by_requirement", kinds);
    json_t *items = json_array();
    for (size_t k = 0; k < rx->item_count; k++) {
        json_t *e = json_object();
        json_object_set_new(e, "requirement", json_string(rx->items[k].kind));
        json_object_set_new(e, "unit", rx->items[k].unit >= 0 ? json_string(m->units[rx->items[k].unit].name)
                                                             : json_null());
        json_object_set_new(e, "amount", json_integer(rx->items[k].amount));
        json_array_append_new(items, e);
    }
    json_object_set_new(relax, "items", items);
    json_object_set_new(o, "relaxation", relax);
    json_object_set_new(o, "tables_written", json_false());
    return o;
}

fs_status fs_output_write_infeasible(const fs_model *m, const fs_relaxation *rx, const char *dir,
                                     const fs_output_options *opt, fs_diag *diag)
{
    output_set own = {0}, *p = output_set_or(opt->set, &own);
    fs_status st = output_set_json(p, dir, "summary.json", infeasible_json(m, rx), diag);
    return output_set_end(opt->set, &own, st, opt->sync, diag);
}

fs_status fs_output_write(const fs_model *m, const fs_result *r, const char *dir, const fs_output_options *opt,
                          fs_diag *diag)
{
    run_tables ctx = {m, r};
    table_view alloc = {"allocation", has_targeted(r) ? ALLOC_COLS : ALLOC_COLS - 1, NULL, m->unit_count, alloc_cell,
                        &ctx};
    const char *alloc_no_targeted[ALLOC_COLS - 1];
    const char *const *header = alloc_header;
    if (!has_targeted(r)) {
        for (size_t c = 0, k = 0; c < ALLOC_COLS; c++)
            if (c != 9) alloc_no_targeted[k++] = alloc_header[c];
        header = alloc_no_targeted;
    }
    alloc.header = header;
    table_view split = {"sources", 7, split_header, m->source_count, split_cell, &ctx};
    const table_view *tables[2 + DISBURSE_TABLES + PERIOD_TABLES] = {&alloc, &split};
    size_t table_count = 2;
    disburse_ctx dctx = {m, opt->disburse};
    table_view disb[DISBURSE_TABLES];
    if (opt->disburse) {
        disburse_tables(&dctx, disb);
        for (size_t k = 0; k < DISBURSE_TABLES; k++) tables[table_count++] = &disb[k];
    }
    period_ctx pctx = {m, r, opt->period};
    table_view years[PERIOD_TABLES];
    if (opt->period) {
        period_tables(&pctx, years);
        for (size_t k = 0; k < PERIOD_TABLES; k++) tables[table_count++] = &years[k];
    }
    output_set own = {0}, *p = output_set_or(opt->set, &own);
    /* summary.json last: it is renamed last, so it never describes tables not in place. */
    fs_status st = FS_OK;
    if (opt->csv) st = output_set_text(p, dir, "allocation.csv", &alloc, NULL, diag);
    if (st == FS_OK && opt->csv) st = output_set_text(p, dir, "revenue_split.csv", &split, NULL, diag);
    for (size_t k = 0; opt->disburse && opt->csv && k < DISBURSE_TABLES && st == FS_OK; k++)
        st = output_set_text(p, dir, disburse_table_files[k], &disb[k], NULL, diag);
    for (size_t k = 0; opt->period && opt->csv && k < PERIOD_TABLES && st == FS_OK; k++)
        st = output_set_text(p, dir, period_table_files[k], &years[k], NULL, diag);
    if (st == FS_OK && opt->xlsx) st = output_xlsx_stage(p, dir, "allocation.xlsx", tables, table_count, diag);
    json_t *summary = summary_json(m, r);
    if (summary && opt->disburse) json_object_set_new(summary, "disbursement", disburse_json(m, opt->disburse));
    if (summary && opt->period) json_object_set_new(summary, "period", period_json(&pctx));
    if (st == FS_OK) st = output_set_json(p, dir, "summary.json", summary, diag);
    else json_decref(summary);
    return output_set_end(opt->set, &own, st, opt->sync, diag);
}
