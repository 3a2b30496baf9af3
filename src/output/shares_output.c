/*
 * shares_output.c: the sharing decisions as a table and JSON (see shares_output.h).
 */
#include "shares_output.h"

#include <stdbool.h>

static const char *const header[] = {"source", "name", "rule", "scope", "applies_to", "unit", "units", "min", "max",
                                     "step", "share", "legal_share", "collected", "commune", "legal_commune", "moved"};
enum { SHARE_COLS = sizeof header / sizeof *header };

static void share_cell(const void *ctx, size_t row_index, size_t col, cell *c)
{
    const shares_ctx *x = ctx;
    const share_row *row = &x->rows[row_index];
    const fs_source *src = &x->m->sources[row->source];
    const fs_share_rule *rule = &src->rules[row->rule];
    bool chosen = row->scope != SHARE_FIXED;
    c->type = CELL_REAL;
    switch (col) {
    case 0: c->type = CELL_TEXT, c->text = src->id; break;
    case 1: c->type = CELL_TEXT, c->text = src->name; break;
    case 2: c->type = CELL_INT, c->i = row->rule + 1; break;
    case 3: c->type = CELL_TEXT, c->text = shares_scope_name(row->scope); break;
    case 4:
        shares_rule_label(x->m, row->source, row->rule, c->buf, sizeof c->buf);
        c->type = CELL_TEXT, c->text = c->buf;
        break;
    case 5: c->type = CELL_TEXT, c->text = row->unit >= 0 ? x->m->units[row->unit].name : ""; break;
    case 6: c->type = CELL_INT, c->i = (int64_t)row->units; break;
    case 7: c->r = chosen ? rule->lo : rule->commune; break;
    case 8: c->r = chosen ? rule->hi : rule->commune; break;
    case 9: c->r = chosen ? rule->step : 0; break;
    case 10: c->r = row->share; break;
    case 11: c->r = row->legal; break;
    case 12: c->type = CELL_INT, c->i = row->collected; break;
    case 13: c->type = CELL_INT, c->i = row->commune; break;
    case 14: c->type = CELL_INT, c->i = row->legal_commune; break;
    default: c->type = CELL_INT, c->i = row->commune - row->legal_commune; break;
    }
}

table_view shares_table(const shares_ctx *x)
{
    return (table_view){"shares", SHARE_COLS, header, x->row_count, share_cell, x};
}

js_node *shares_json(const shares_ctx *x)
{
    js_node *list = js_array();
    for (size_t k = 0; list && k < x->row_count; k++) {
        js_node *o = js_object();
        for (size_t col = 0; col < SHARE_COLS; col++) {
            cell c;
            share_cell(x, k, col, &c);
            js_set(o, header[col], c.type == CELL_TEXT  ? js_string(c.text)
                                   : c.type == CELL_INT ? js_int(c.i)
                                                        : js_real(c.r));
        }
        if (js_append(list, o) != 0) {
            js_free(list);
            return NULL;
        }
    }
    return list;
}
