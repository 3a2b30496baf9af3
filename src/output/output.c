/*
 * output.c: the run's files. Tables are described once (a header and a cell getter)
 * and written by one CSV writer (table_write.c) and one XLSX writer (output_xlsx.c), so
 * the two never disagree.
 * CSV is UTF-8 with a byte-order mark (spreadsheets need it to read Vietnamese names),
 * comma separated, numbers in the C locale. Money is written as integers.
 */
#include "output.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "columns.h"
#include "disburse_output.h"
#include "json.h"
#include "money_text.h"
#include "output_set_write.h"
#include "output_xlsx.h"
#include "period_output.h"
#include "shares_output.h"
#include "table_write.h"
#include "whole_money_json.h"

/* The context of the run's tables. */
typedef struct run_tables {
    const fs_model *m;
    const fs_result *r;
} run_tables;

static const char *const alloc_header[] = {COL_UNIT, COL_KIND, COL_CLASS, "regime", COL_POPULATION, "area_km2",
                                           COL_NEED, COL_OWN_REVENUE, COL_TRANSFER, "targeted", COL_ALLOCATION,
                                           COL_COVERAGE, COL_PER_CAPITA};
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

static const char *const split_header[] = {"source", COL_NAME, "type", "collected", COL_CENTRAL, COL_CITY, COL_COMMUNE};

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

/* The workbook's first sheet: the run's key figures, labelled in the run's language. */
typedef struct key_figures {
    const fs_model *m;
    const fs_result *r;
    fs_lang lang;
} key_figures;

enum { KEY_FIGURES = 9 };

static void figure_cell(const void *ctx, size_t row, size_t col, cell *c)
{
    const key_figures *k = ctx;
    const fs_result *r = k->r;
    static const char *const vi[KEY_FIGURES] = {"Kịch bản", "Năm", "Số đơn vị", "Tổng nhu cầu chi",
                                                "Tổng phân bổ", "Thu ngân sách xã hưởng", "Bổ sung cân đối",
                                                "Mức bảo đảm nhu cầu thấp nhất", "Số đơn vị dưới nhu cầu"};
    static const char *const en[KEY_FIGURES] = {"Scenario", "Year", "Units", "Total need", "Total allocation",
                                                "Own revenue", "Balancing transfers", "Lowest coverage of need",
                                                "Units under need"};
    const char *unit = fs_money_unit_text(k->m->money_unit, k->lang);
    if (col == 0) {
        c->type = CELL_TEXT, c->text = (k->lang == FS_LANG_VI ? vi : en)[row];
        return;
    }
    c->type = CELL_INT;
    if (col == 2) {
        c->type = CELL_TEXT, c->text = row >= 3 && row <= 6 ? unit : row == 7 ? "%" : "";
        return;
    }
    switch (row) {
    case 0: c->type = CELL_TEXT, c->text = k->m->name; break;
    case 1: c->i = k->m->year; break;
    case 2: c->i = (int64_t)k->m->unit_count; break;
    case 3: c->i = r->total_need; break;
    case 4: c->i = r->total_allocation; break;
    case 5: c->i = r->total_own; break;
    case 6: c->i = r->total_transfer; break;
    case 7: c->type = CELL_REAL, c->r = 100 * r->min_coverage; break;
    default: c->i = (int64_t)r->units_under_need; break;
    }
}

static const char *const figure_header[] = {"figure", "value", "measure"};

static table_view key_figures_table(const key_figures *k)
{
    return (table_view){"figures", 3, figure_header, KEY_FIGURES, figure_cell, k};
}

static js_node *binding_json(const fs_model *m, const fs_result *r)
{
    js_node *list = js_array();
    for (size_t k = 0; k < r->binding_count; k++) {
        const fs_constraint_report *c = &r->binding[k];
        js_node *o = js_object();
        js_set(o, "constraint", js_string(c->kind));
        js_set(o, "row", js_string(c->name));
        js_set(o, "unit", c->unit >= 0 ? js_string(m->units[c->unit].name) : js_null());
        if (c->source >= 0) js_set(o, "source", js_string(m->sources[c->source].id));
        js_set(o, "value", js_real(c->value));
        js_set(o, "shadow_price", js_real(c->shadow_price));
        js_set(o, "range_lo", isfinite(c->range_lo) ? js_real(c->range_lo) : js_null());
        js_set(o, "range_hi", isfinite(c->range_hi) ? js_real(c->range_hi) : js_null());
        js_append(list, o);
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
static js_node *summary_head(const fs_model *m, const char *status)
{
    js_node *o = js_object();
    js_set(o, "scenario", js_string(m->name));
    js_set(o, "year", js_int(m->year));
    js_set(o, "money_unit", js_string(m->money_unit));
    js_set(o, "upper_level", js_string(m->upper_is_province ? "province" : "city"));
    js_set(o, "mode", js_string(m->policy.mode == FS_MODE_LEGAL ? "legal" : "optimise"));
    js_set(o, "status", js_string(status));
    char fp[32];
    snprintf(fp, sizeof fp, "%016llx", (unsigned long long)m->fingerprint);
    js_set(o, "fingerprint", js_string(fp));
    return o;
}

static js_node *summary_json(const fs_model *m, const fs_result *r)
{
    js_node *o = summary_head(m, status_name(r));
    js_node *obj = js_object();
    for (size_t k = 0; k < r->objective_count; k++)
        js_set(obj, fs_objective_name(m->policy.objectives[k]), js_real(r->objective[k]));
    js_set(o, "objective", obj);
    js_set(o, "units", js_int((int64_t)m->unit_count));
    js_set(o, "min_coverage", js_real(r->min_coverage));
    js_set(o, "units_under_need", js_int((int64_t)r->units_under_need));
    js_node *t = js_object();
    js_set(t, "need", js_int(r->total_need));
    js_set(t, "own_revenue", js_int(r->total_own));
    js_set(t, "transfer", js_int(r->total_transfer));
    js_set(t, "targeted", js_int(r->total_targeted));
    js_set(t, "allocation", js_int(r->total_allocation));
    if (m->policy.envelope_mode != FS_ENVELOPE_NONE) js_set(t, "envelope", js_int(m->policy.envelope));
    js_set(o, "totals", t);
    if (m->city.present) {
        js_node *c = js_object();
        js_set(c, "retained_revenue", js_int(r->city_retained));
        js_set(c, "reserve", js_int(r->city_reserve));
        js_set(c, "spending", js_int(r->city_spending));
        js_set(c, "balance", js_int(r->city_balance));
        js_set(o, "city", c);
    }
    js_set(o, "binding", binding_json(m, r));
    js_set(o, "whole_money", whole_money_json(m, r));
    if (r->mode == FS_MODE_OPTIMISE) {
        js_node *lp = js_object();
        js_set(lp, "money_scale", js_real(r->money_scale));
        js_set(lp, "primary_objective", js_real(r->lp_objective));
        js_set(lp, "simplex_iterations", js_int(r->iterations));
        js_set(lp, "max_violation", js_real(r->max_violation));
        js_set(o, "lp", lp);
    }
    return o;
}

static js_node *infeasible_json(const fs_model *m, const fs_relaxation *rx)
{
    js_node *o = summary_head(m, "infeasible");
    js_node *relax = js_object();
    js_set(relax, "total", js_int(rx->total));
    js_set(relax, "steps_only", js_bool(rx->steps_only));
    js_node *kinds = js_array();
    for (size_t k = 0; k < rx->kind_count; k++) {
        js_node *e = js_object();
        js_set(e, "requirement", js_string(rx->kinds[k].kind));
        js_set(e, "amount", js_int(rx->kinds[k].amount));
        js_set(e, "units_relaxed", js_int((int64_t)rx->kinds[k].units));
        js_set(e, "units_held", js_int((int64_t)rx->kinds[k].binding));
        js_append(kinds, e);
    }
    js_set(relax, "by_requirement", kinds);
    js_node *items = js_array();
    for (size_t k = 0; k < rx->item_count; k++) {
        js_node *e = js_object();
        js_set(e, "requirement", js_string(rx->items[k].kind));
        js_set(e, "unit", rx->items[k].unit >= 0 ? js_string(m->units[rx->items[k].unit].name)
                                                             : js_null());
        js_set(e, "amount", js_int(rx->items[k].amount));
        js_append(items, e);
    }
    js_set(relax, "items", items);
    js_set(o, "relaxation", relax);
    js_set(o, "tables_written", js_bool(false));
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
    shares_ctx own_shares = {0};
    if (!opt->shares && shares_build(m, r, &own_shares) != 0)
        return fs_diag_add(diag, FS_EINTERNAL, dir, 0, NULL, "out of memory");
    const shares_ctx *shares = opt->shares ? opt->shares : &own_shares;
    table_view shares_view = shares_table(shares);
    const table_view *tables[3 + DISBURSE_TABLES + PERIOD_TABLES] = {&alloc, &split, &shares_view};
    size_t table_count = 3;
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
    if (st == FS_OK && opt->csv) st = output_set_text(p, dir, "shares.csv", &shares_view, NULL, diag);
    for (size_t k = 0; opt->disburse && opt->csv && k < DISBURSE_TABLES && st == FS_OK; k++)
        st = output_set_text(p, dir, disburse_table_files[k], &disb[k], NULL, diag);
    for (size_t k = 0; opt->period && opt->csv && k < PERIOD_TABLES && st == FS_OK; k++)
        st = output_set_text(p, dir, period_table_files[k], &years[k], NULL, diag);
    key_figures kf = {m, r, opt->lang};
    table_view figures = key_figures_table(&kf);
    const table_view *sheets[1 + sizeof tables / sizeof *tables] = {&figures};
    for (size_t k = 0; k < table_count; k++) sheets[1 + k] = tables[k];
    if (st == FS_OK && opt->xlsx)
        st = output_xlsx_stage(p, dir, "allocation.xlsx", sheets, table_count + 1, opt->lang, diag);
    js_node *summary = summary_json(m, r);
    if (summary) js_set(summary, "shares", shares_json(shares));
    if (summary && opt->disburse) js_set(summary, "disbursement", disburse_json(m, opt->disburse));
    if (summary && opt->period) js_set(summary, "period", period_json(&pctx));
    if (st == FS_OK) st = output_set_json(p, dir, "summary.json", summary, diag);
    else js_free(summary);
    shares_free(&own_shares);
    return output_set_end(opt->set, &own, st, opt->sync, diag);
}
