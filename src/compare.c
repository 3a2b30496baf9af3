/*
 * compare.c: a reform against its baseline (see compare.h). Units are matched by exact
 * name; a winner gains allocation, a loser loses it; group totals are sums of the
 * units' integer allocations, so every change adds up exactly.
 */
#include "fiscalsim/compare.h"

#include <stdlib.h>
#include <string.h>

#include "output_set.h"
#include "table_write.h"

void fs_compare_free(fs_compare *cmp)
{
    if (!cmp) return;
    free(cmp->units);
    free(cmp->groups);
    free(cmp);
}

static fs_compare_group *group_of(fs_compare *c, const char *dimension, const char *value)
{
    for (size_t g = 0; g < c->group_count; g++)
        if (c->groups[g].dimension == dimension && !strcmp(c->groups[g].value, value)) return &c->groups[g];
    fs_compare_group *g = &c->groups[c->group_count++];
    g->dimension = dimension;
    snprintf(g->value, sizeof g->value, "%s", value);
    return g;
}

static void add_to_group(fs_compare *c, const char *dimension, const char *value, const fs_compare_unit *u)
{
    fs_compare_group *g = group_of(c, dimension, value);
    g->units++;
    g->winners += u->after > u->before;
    g->losers += u->after < u->before;
    g->before += u->before;
    g->after += u->after;
}

/* kind, class, regime; then by value. */
static int by_dimension(const void *a, const void *b)
{
    const fs_compare_group *x = a, *y = b;
    static const char *const order = "kind class regime";
    int dx = (int)(strstr(order, x->dimension) - order), dy = (int)(strstr(order, y->dimension) - order);
    return dx != dy ? dx - dy : strcmp(x->value, y->value);
}

fs_status fs_compare_build(const fs_model *base, const fs_result *before, const fs_model *reform,
                           const fs_result *after, fs_compare **out, fs_diag *diag)
{
    *out = NULL;
    size_t errors = diag->count;
    for (size_t u = 0; u < base->unit_count; u++)
        if (fs_model_find_unit(reform, base->units[u].name) < 0)
            fs_diag_add(diag, FS_EINPUT, reform->file, 0, NULL, "unit \"%s\" of the baseline is not in the reform",
                        base->units[u].name);
    for (size_t u = 0; u < reform->unit_count; u++)
        if (fs_model_find_unit(base, reform->units[u].name) < 0)
            fs_diag_add(diag, FS_EINPUT, reform->file, reform->units[u].line, NULL,
                        "unit \"%s\" of the reform is not in the baseline", reform->units[u].name);
    if (diag->count > errors) return FS_EINPUT;
    fs_compare *c = calloc(1, sizeof *c);
    if (c) c->units = calloc(base->unit_count + 1, sizeof *c->units);
    if (c) c->groups = calloc(3 * base->unit_count + 1, sizeof *c->groups);
    if (!c || !c->units || !c->groups) {
        fs_compare_free(c);
        return fs_diag_add(diag, FS_EINTERNAL, NULL, 0, NULL, "out of memory");
    }
    c->unit_count = base->unit_count;
    for (size_t u = 0; u < base->unit_count; u++) {
        fs_compare_unit *cu = &c->units[u];
        cu->base = u;
        cu->reform = (size_t)fs_model_find_unit(reform, base->units[u].name);
        const fs_unit_result *b = &before->units[cu->base], *a = &after->units[cu->reform];
        cu->before = b->allocation;
        cu->after = a->allocation;
        cu->coverage_before = b->coverage;
        cu->coverage_after = a->coverage;
        cu->per_capita_before = b->per_capita;
        cu->per_capita_after = a->per_capita;
        c->winners += cu->after > cu->before;
        c->losers += cu->after < cu->before;
        const fs_unit *unit = &base->units[u];
        add_to_group(c, "kind", fs_kind_name(unit->kind), cu);
        add_to_group(c, "class", fs_class_name(unit->cls), cu);
        add_to_group(c, "regime", base->regimes[unit->regime], cu);
    }
    qsort(c->groups, c->group_count, sizeof *c->groups, by_dimension);
    c->has_city = base->city.present && reform->city.present;
    const fs_result *r[2] = {before, after};
    for (int k = 0; k < 2; k++) {
        c->allocation[k] = r[k]->total_allocation;
        c->transfer[k] = r[k]->total_transfer;
        c->own[k] = r[k]->total_own;
        c->city_balance[k] = r[k]->city_balance;
        c->min_coverage[k] = r[k]->min_coverage;
    }
    *out = c;
    return FS_OK;
}

typedef struct compare_ctx {
    const fs_compare *c;
    const fs_model *base;
} compare_ctx;

static const char *const unit_header[] = {"unit", "kind", "class", "regime", "allocation_before",
                                          "allocation_after", "change", "coverage_before", "coverage_after",
                                          "per_capita_before", "per_capita_after", "per_capita_change", "outcome"};

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
    default: v->type = CELL_TEXT, v->text = outcome(u->before, u->after); break;
    }
}

static const char *const group_header[] = {"dimension", "value", "units", "winners", "losers",
                                           "allocation_before", "allocation_after", "change"};

static void group_cell(const void *ctx, size_t row, size_t col, cell *v)
{
    const fs_compare_group *g = &((const compare_ctx *)ctx)->c->groups[row];
    v->type = CELL_INT;
    switch (col) {
    case 0: v->type = CELL_TEXT, v->text = g->dimension; break;
    case 1: v->type = CELL_TEXT, v->text = g->value; break;
    case 2: v->i = (int64_t)g->units; break;
    case 3: v->i = (int64_t)g->winners; break;
    case 4: v->i = (int64_t)g->losers; break;
    case 5: v->i = g->before; break;
    case 6: v->i = g->after; break;
    default: v->i = g->after - g->before; break;
    }
}

static json_t *pair(int64_t before, int64_t after)
{
    json_t *o = json_object();
    json_object_set_new(o, "before", json_integer(before));
    json_object_set_new(o, "after", json_integer(after));
    json_object_set_new(o, "change", json_integer(after - before));
    return o;
}

static json_t *summary(const fs_compare *c, const fs_model *base, const fs_model *reform)
{
    json_t *o = json_object();
    json_object_set_new(o, "baseline", json_string(base->name));
    json_object_set_new(o, "reform", json_string(reform->name));
    json_object_set_new(o, "money_unit", json_string(base->money_unit));
    json_object_set_new(o, "units", json_integer((json_int_t)c->unit_count));
    json_object_set_new(o, "winners", json_integer((json_int_t)c->winners));
    json_object_set_new(o, "losers", json_integer((json_int_t)c->losers));
    json_object_set_new(o, "allocation", pair(c->allocation[0], c->allocation[1]));
    json_object_set_new(o, "transfer", pair(c->transfer[0], c->transfer[1]));
    json_object_set_new(o, "own_revenue", pair(c->own[0], c->own[1]));
    if (c->has_city) json_object_set_new(o, "city_balance", pair(c->city_balance[0], c->city_balance[1]));
    json_t *cov = json_object();
    json_object_set_new(cov, "before", json_real(c->min_coverage[0]));
    json_object_set_new(cov, "after", json_real(c->min_coverage[1]));
    json_object_set_new(o, "min_coverage", cov);
    return o;
}

fs_status fs_compare_write(const fs_compare *c, const fs_model *base, const fs_model *reform, const char *dir,
                           bool sync, fs_diag *diag)
{
    compare_ctx ctx = {c, base};
    table_view units = {"compare", sizeof unit_header / sizeof *unit_header, unit_header, c->unit_count, unit_cell,
                        &ctx};
    table_view groups = {"groups", sizeof group_header / sizeof *group_header, group_header, c->group_count,
                         group_cell, &ctx};
    output_set set = {.count = 0};
    fs_status st = output_set_text(&set, dir, "compare.csv", &units, NULL, diag);
    if (st == FS_OK) st = output_set_text(&set, dir, "compare_groups.csv", &groups, NULL, diag);
    if (st == FS_OK) st = output_set_json(&set, dir, "compare.json", summary(c, base, reform), diag);
    return output_set_finish(&set, st, sync, diag);
}
