/*
 * compare_output.c: the tables of a comparison (see compare_output.h): per unit, per
 * group and, with disbursement, per date and per day, as CSV and/or the sheets of one
 * XLSX workbook, and compare.json, all or nothing.
 */
#include "compare_output.h"

#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "columns.h"
#include "output_set_write.h"
#include "output_xlsx.h"
#include "table_write.h"

typedef struct compare_ctx {
    const fs_compare *c;
    const fs_model *base;
    fs_lang lang;
} compare_ctx;

static const char *const unit_header[] = {COL_UNIT, COL_KIND, COL_CLASS, "regime", "allocation_before",
                                          "allocation_after", COL_CHANGE, COL_COVERAGE_BEFORE, COL_COVERAGE_AFTER,
                                          "per_capita_before", "per_capita_after", "per_capita_change", COL_OUTCOME};
/* With disbursement, four columns come before `outcome`, which stays the last. */
static const char *const unit_header_disb[] = {
    COL_UNIT, COL_KIND, COL_CLASS, "regime", "allocation_before", "allocation_after", COL_CHANGE, COL_COVERAGE_BEFORE,
    COL_COVERAGE_AFTER, "per_capita_before", "per_capita_after", "per_capita_change", "disbursement_plan_before",
    "disbursement_plan_after", "completion_before", "completion_after", COL_OUTCOME};
enum { UNIT_COLS = sizeof unit_header / sizeof *unit_header, UNIT_COLS_DISB = UNIT_COLS + 4 };

static const char *outcome(int64_t before, int64_t after)
{
    return after > before ? "winner" : after < before ? "loser" : "unchanged";
}

static void unit_cell(const void *ctx, size_t row, size_t col, cell *v)
{
    const compare_ctx *x = ctx;
    const fs_compare_unit *u = &x->c->units[row];
    const fs_unit *unit = &x->base->units[u->base];
    v->type = CELL_REAL;
    if (!x->c->has_disbursement && col >= 12) col += 4;
    switch (col) {
    case 0: v->type = CELL_TEXT, v->text = unit->name; break;
    case 1: v->type = CELL_TEXT, v->text = fs_kind_name(unit->kind); break;
    case 2: v->type = CELL_TEXT, v->text = fs_class_name(unit->cls); break;
    case 3: v->type = CELL_TEXT, v->text = x->base->regimes[unit->regime]; break;
    case 4: v->type = CELL_INT, v->i = u->before; break;
    case 5: v->type = CELL_INT, v->i = u->after; break;
    case 6: v->type = CELL_INT, v->i = u->after - u->before; break;
    case 7: v->r = u->coverage_before; break;
    case 8: v->r = u->coverage_after; break;
    case 9: v->r = u->per_capita_before; break;
    case 10: v->r = u->per_capita_after; break;
    case 11: v->r = u->per_capita_after - u->per_capita_before; break;
    case 12: v->type = CELL_INT, v->i = u->plan_before; break;
    case 13: v->type = CELL_INT, v->i = u->plan_after; break;
    case 14: v->r = u->completion_before; break;
    case 15: v->r = u->completion_after; break;
    default: v->type = CELL_TEXT, v->text = outcome(u->before, u->after); break;
    }
}

static const char *const group_header[] = {COL_DIMENSION, COL_VALUE, COL_LABEL, "units", COL_WINNERS, COL_LOSERS,
                                           "allocation_before", "allocation_after", COL_CHANGE};

static void group_cell(const void *ctx, size_t row, size_t col, cell *v)
{
    const compare_ctx *x = ctx;
    const fs_compare_group *g = &x->c->groups[row];
    v->type = CELL_INT;
    switch (col) {
    case 0: v->type = CELL_TEXT, v->text = g->dimension; break;
    case 1: v->type = CELL_TEXT, v->text = g->value; break;
    case 2:
        v->type = CELL_TEXT;
        v->text = fs_compare_group_label(g->dimension, g->value, x->lang, v->buf, sizeof v->buf);
        break;
    case 3: v->i = (int64_t)g->units; break;
    case 4: v->i = (int64_t)g->winners; break;
    case 5: v->i = (int64_t)g->losers; break;
    case 6: v->i = g->before; break;
    case 7: v->i = g->after; break;
    default: v->i = g->after - g->before; break;
    }
}

static const char *const disb_header[] = {COL_DATE,         COL_PART,           COL_SHARE_BEFORE, COL_SHARE_AFTER,
                                          "simulated_before", "simulated_after", COL_CHANGE};

static void disb_cell(const void *ctx, size_t row, size_t col, cell *v)
{
    const fs_compare_date *d = &((const compare_ctx *)ctx)->c->dates[row / FS_PLAN_PART_COUNT];
    int p = (int)(row % FS_PLAN_PART_COUNT);
    v->type = CELL_INT;
    switch (col) {
    case 0: fs_date_format(d->date, v->buf), v->type = CELL_TEXT, v->text = v->buf; break;
    case 1: v->type = CELL_TEXT, v->text = fs_plan_part_name((fs_plan_part)p); break;
    case 2: v->type = CELL_REAL, v->r = d->share[p][0]; break;
    case 3: v->type = CELL_REAL, v->r = d->share[p][1]; break;
    case 4: v->i = d->simulated[p][0]; break;
    case 5: v->i = d->simulated[p][1]; break;
    default: v->i = d->simulated[p][1] - d->simulated[p][0]; break;
    }
}

/* The daily forecasts, from the earlier start to the later last deadline; a cell is
 * empty on a day outside its forecast. */
static const char *const daily_header[] = {COL_DATE,        COL_WHOLE_BEFORE, COL_WHOLE_AFTER, "lower_before",
                                           "lower_after", "city_before",  "city_after"};

static int32_t daily_first(const fs_compare *c)
{
    return c->disb_start[0] < c->disb_start[1] ? c->disb_start[0] : c->disb_start[1];
}

static size_t daily_rows(const fs_compare *c)
{
    int32_t first = daily_first(c), end = 0;
    for (int k = 0; k < 2; k++) {
        int32_t e = c->disb_start[k] + (int32_t)c->disb_days[k];
        if (k == 0 || e > end) end = e;
    }
    return (size_t)(end - first);
}

static void daily_cell(const void *ctx, size_t row, size_t col, cell *v)
{
    const fs_compare *c = ((const compare_ctx *)ctx)->c;
    int32_t day = daily_first(c) + (int32_t)row;
    if (col == 0) {
        fs_date_format(day, v->buf);
        v->type = CELL_TEXT, v->text = v->buf;
        return;
    }
    int side = (int)((col - 1) % 2), part = (int)((col - 1) / 2);
    long k = (long)day - (long)c->disb_start[side];
    if (k < 0 || (size_t)k >= c->disb_days[side]) {
        v->type = CELL_TEXT, v->text = "";
        return;
    }
    v->type = CELL_REAL, v->r = c->disb_daily[side][part][k];
}

static js_node *pair(int64_t before, int64_t after)
{
    js_node *o = js_object();
    js_set(o, "before", js_int(before));
    js_set(o, "after", js_int(after));
    js_set(o, "change", js_int(after - before));
    return o;
}

static js_node *disbursement_json(const fs_compare *c)
{
    js_node *o = js_object(), *list = js_array(), *deadline = js_object();
    char date[11];
    static const char *const side[2] = {"before", "after"};
    for (int k = 0; k < 2; k++) {
        fs_date_format(c->disb_start[k] + (int32_t)c->disb_days[k] - 1, date);
        js_set(deadline, side[k], js_string(date));
    }
    js_set(o, "last_deadline", deadline);
    for (size_t k = 0; k < c->date_count; k++) {
        const fs_compare_date *d = &c->dates[k];
        js_node *e = js_object();
        fs_date_format(d->date, date);
        js_set(e, "date", js_string(date));
        for (int p = 0; p < FS_PLAN_PART_COUNT; p++) {
            js_node *part = js_object();
            js_set(part, "share_before", js_real(d->share[p][0]));
            js_set(part, "share_after", js_real(d->share[p][1]));
            js_set(part, "simulated_before", js_int(d->simulated[p][0]));
            js_set(part, "simulated_after", js_int(d->simulated[p][1]));
            js_set(part, "change", js_int(d->simulated[p][1] - d->simulated[p][0]));
            js_set(e, fs_plan_part_name((fs_plan_part)p), part);
        }
        js_append(list, e);
    }
    js_set(o, "dates", list);
    return o;
}

static const char *const share_header[] = {"source", "name", "applies_to", "unit", "share_before", "share_after",
                                           "commune_before", "commune_after", "change"};

static void share_cell(const void *ctx, size_t row, size_t col, cell *v)
{
    const fs_compare_share *e = &((const compare_ctx *)ctx)->c->shares[row];
    int side = col == 4 || col == 6 ? 0 : 1;
    v->type = CELL_TEXT;
    switch (col) {
    case 0: v->text = e->source; break;
    case 1: v->text = e->name; break;
    case 2: v->text = e->applies_to; break;
    case 3: v->text = e->unit; break;
    case 4:
    case 5:
        if (e->present[side]) v->type = CELL_REAL, v->r = e->share[side];
        else v->text = "";
        break;
    case 6:
    case 7:
        if (e->present[side]) v->type = CELL_INT, v->i = e->commune[side];
        else v->text = "";
        break;
    default: v->type = CELL_INT, v->i = e->commune[1] - e->commune[0]; break;
    }
}

/* compare.json's "shares": each decision before and after (null where absent). */
static js_node *shares_json(const fs_compare *c)
{
    js_node *list = js_array();
    for (size_t k = 0; k < c->share_count; k++) {
        const fs_compare_share *e = &c->shares[k];
        js_node *o = js_object();
        js_set(o, "source", js_string(e->source));
        js_set(o, "applies_to", js_string(e->applies_to));
        if (e->unit[0]) js_set(o, "unit", js_string(e->unit));
        js_set(o, "share_before", e->present[0] ? js_real(e->share[0]) : js_null());
        js_set(o, "share_after", e->present[1] ? js_real(e->share[1]) : js_null());
        js_set(o, "commune", pair(e->commune[0], e->commune[1]));
        js_append(list, o);
    }
    return list;
}

static js_node *summary(const fs_compare *c, const fs_model *base, const fs_model *reform)
{
    js_node *o = js_object();
    js_set(o, "baseline", js_string(base->name));
    js_set(o, "reform", js_string(reform->name));
    js_set(o, "money_unit", js_string(base->money_unit));
    js_set(o, "upper_level", js_string(base->upper_is_province ? "province" : "city"));
    js_set(o, "units", js_int((int64_t)c->unit_count));
    js_set(o, "winners", js_int((int64_t)c->winners));
    js_set(o, "losers", js_int((int64_t)c->losers));
    js_set(o, "allocation", pair(c->allocation[0], c->allocation[1]));
    js_set(o, "transfer", pair(c->transfer[0], c->transfer[1]));
    js_set(o, "own_revenue", pair(c->own[0], c->own[1]));
    if (c->has_city) js_set(o, "city_balance", pair(c->city_balance[0], c->city_balance[1]));
    js_node *cov = js_object();
    js_set(cov, "before", js_real(c->min_coverage[0]));
    js_set(cov, "after", js_real(c->min_coverage[1]));
    js_set(o, "min_coverage", cov);
    js_set(o, "shares", shares_json(c));
    if (c->has_disbursement) js_set(o, "disbursement", disbursement_json(c));
    return o;
}

static const char *const table_files[] = {"compare.csv", "compare_groups.csv", "compare_shares.csv",
                                          "compare_disbursement.csv", "compare_disbursement_daily.csv"};

fs_status fs_compare_write(const fs_compare *c, const fs_model *base, const fs_model *reform, const char *dir,
                           const fs_compare_options *opt, fs_diag *diag)
{
    compare_ctx ctx = {c, base, opt->lang};
    table_view tables[5] = {
        {"compare", c->has_disbursement ? UNIT_COLS_DISB : UNIT_COLS,
         c->has_disbursement ? unit_header_disb : unit_header, c->unit_count, unit_cell, &ctx},
        {"groups", sizeof group_header / sizeof *group_header, group_header, c->group_count, group_cell, &ctx},
        {"shares", sizeof share_header / sizeof *share_header, share_header, c->share_count, share_cell, &ctx},
        {"compare_disb", sizeof disb_header / sizeof *disb_header, disb_header, c->date_count * FS_PLAN_PART_COUNT,
         disb_cell, &ctx},
        {"compare_disb_daily", sizeof daily_header / sizeof *daily_header, daily_header,
         c->has_disbursement ? daily_rows(c) : 0, daily_cell, &ctx},
    };
    const table_view *sheets[5] = {&tables[0], &tables[1], &tables[2], &tables[3], &tables[4]};
    size_t n = c->has_disbursement ? 5 : 3;
    output_set own = {0}, *set = output_set_or(opt->set, &own);
    fs_status st = FS_OK;
    for (size_t k = 0; opt->csv && k < n && st == FS_OK; k++)
        st = output_set_text(set, dir, table_files[k], &tables[k], NULL, diag);
    if (st == FS_OK && opt->xlsx) st = output_xlsx_stage(set, dir, "compare.xlsx", sheets, n, opt->lang, diag);
    /* compare.json last: renamed last, it never describes tables not in place. */
    if (st == FS_OK) st = output_set_json(set, dir, "compare.json", summary(c, base, reform), diag);
    return output_set_end(opt->set, &own, st, opt->sync, diag);
}
