/*
 * whole_money_json.c: the whole-money stage's report as JSON (whole_money_json.h).
 */
#include "whole_money_json.h"

#include <math.h>

json_t *whole_money_json(const fs_model *m, const fs_result *r)
{
    json_t *gaps = json_array();
    for (size_t k = 0; k < r->gap_count; k++) {
        const fs_money_gap *g = &r->gaps[k];
        json_t *o = json_object();
        json_object_set_new(o, "requirement", json_string(g->requirement));
        json_object_set_new(o, "unit", json_string(m->units[g->unit].name));
        json_object_set_new(o, "required", json_real(g->required));
        json_object_set_new(o, "allocation", json_integer(g->allocation));
        json_object_set_new(o, "shortfall", json_integer(g->shortfall));
        json_array_append_new(gaps, o);
    }
    json_t *o = json_object();
    json_object_set_new(o, "coverage_level", isnan(r->level) ? json_null() : json_real(r->level));
    json_object_set_new(o, "gaps", gaps);
    return o;
}

