/*
 * whole_money_json.c: the whole-money stage's report as JSON (whole_money_json.h).
 */
#include "whole_money_json.h"

#include <math.h>

js_node *whole_money_json(const fs_model *m, const fs_result *r)
{
    js_node *gaps = js_array();
    for (size_t k = 0; k < r->gap_count; k++) {
        const fs_money_gap *g = &r->gaps[k];
        js_node *o = js_object();
        js_set(o, "requirement", js_string(g->requirement));
        js_set(o, "unit", js_string(m->units[g->unit].name));
        js_set(o, "required", js_real(g->required));
        js_set(o, "allocation", js_int(g->allocation));
        js_set(o, "shortfall", js_int(g->shortfall));
        js_append(gaps, o);
    }
    js_node *o = js_object();
    js_set(o, "coverage_level", isnan(r->level) ? js_null() : js_real(r->level));
    js_set(o, "gaps", gaps);
    return o;
}

