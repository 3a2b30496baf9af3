/*
 * explain_json.c: the explanation of one unit as JSON (see explain.h), for programs:
 * the same figures as the text, numbers in the C locale, shares from 0 to 1.
 */
#include <stdlib.h>

#include "explain.h"
#include "calendar.h"
#include "explain_facts.h"
#include "json.h"

static js_node *need_json(const fs_model *m, size_t u)
{
    js_node *o = js_object();
    size_t parts = m->norm_count + 1;
    for (size_t k = 0; k < m->norm_count; k++) js_set(o, m->norms[k].id, js_int(m->need_parts[u * parts + k]));
    js_set(o, "delegated", js_int(m->need_parts[u * parts + m->norm_count]));
    js_set(o, "total", js_int(m->need[u]));
    return o;
}

static js_node *revenue_json(const fs_model *m, const fs_result *r, size_t u)
{
    js_node *list = js_array();
    size_t S = m->source_count;
    for (size_t s = 0; s < S; s++) {
        js_node *o = js_object();
        js_set(o, "source", js_string(m->sources[s].id));
        js_set(o, "name", js_string(m->sources[s].name));
        js_set(o, "collected", js_int(fs_model_revenue(m, u, s)));
        js_set(o, "share", js_real(r->share[u * S + s]));
        js_set(o, "commune", js_int(r->commune_part[u * S + s]));
        js_append(list, o);
    }
    return list;
}

static js_node *binding_json(const fs_model *m, const fs_result *r, size_t u, const explain_facts *f)
{
    js_node *list = js_array();
    for (size_t k = 0; k < r->binding_count; k++) {
        const fs_constraint_report *c = &r->binding[k];
        char sentence[512];
        if (!explain_binding(m, u, f, c, sentence, sizeof sentence)) continue;
        js_node *o = js_object();
        js_set(o, "limit", js_string(c->kind));
        js_set(o, "row", js_string(c->name));
        if (c->source >= 0) js_set(o, "source", js_string(m->sources[c->source].id));
        js_set(o, "value", js_real(c->value));
        js_set(o, "shadow_price", js_real(c->shadow_price));
        js_set(o, "text", js_string(sentence));
        js_append(list, o);
    }
    return list;
}

/* The unit's disbursement forecast at its deadline, or null. */
static js_node *disbursement_json(const fs_model *m, const fs_disburse_entity *e)
{
    if (!e || !m->disburse) return js_null();
    static const char *const risk[3] = {"", "watch", "high"};
    char deadline[11];
    fs_date_format(e->deadline, deadline);
    js_node *o = js_object();
    js_set(o, "plan", js_int(e->plan));
    js_set(o, "deadline", js_string(deadline));
    js_set(o, "completion", js_real(e->completion));
    js_set(o, "band_lo", js_real(e->band_lo));
    js_set(o, "band_hi", js_real(e->band_hi));
    js_set(o, "simulated", js_int(e->simulated));
    js_set(o, "miss_probability", js_real(e->miss_probability));
    js_set(o, "risk", js_string(risk[e->risk < 0 ? 0 : e->risk > 2 ? 2 : e->risk]));
    return o;
}

int fs_explain_unit_json(const fs_model *m, const fs_result *r, const fs_disburse_result *d, size_t u, fs_lang lang,
                         FILE *out)
{
    explain_facts f;
    explain_facts_of(m, r, u, lang, &f);
    const fs_unit *unit = &m->units[u];
    const fs_unit_result *ur = &r->units[u];
    js_node *o = js_object();
    js_set(o, "unit", js_string(unit->name));
    js_set(o, "kind", js_string(fs_kind_name(unit->kind)));
    js_set(o, "class", js_string(fs_class_name(unit->cls)));
    js_set(o, "regime", js_string(m->regimes[unit->regime]));
    js_set(o, "population", js_int(unit->population));
    js_set(o, "area_km2", js_real(unit->area_km2));
    js_set(o, "money_unit", js_string(m->money_unit));
    js_set(o, "need", need_json(m, u));
    js_set(o, "revenue", revenue_json(m, r, u));
    js_set(o, "own_revenue", js_int(ur->own));
    js_set(o, "transfer", js_int(ur->transfer));
    js_set(o, "targeted", js_int(ur->targeted));
    js_set(o, "allocation", js_int(ur->allocation));
    js_set(o, "last_year", unit->last_year > 0 ? js_int(unit->last_year) : js_null());
    js_set(o, "change", unit->last_year > 0 ? js_int(ur->allocation - unit->last_year) : js_null());
    js_set(o, "coverage", js_real(ur->coverage));
    js_node *lowest = js_object();
    js_set(lowest, "coverage", js_real(r->units[f.lowest].coverage));
    js_set(lowest, "unit", js_string(m->units[f.lowest].name));
    js_set(o, "lowest_coverage", lowest);
    js_node *rank = js_object();
    js_set(rank, "coverage_rank", js_int((int64_t)f.rank));
    js_set(rank, "of", js_int((int64_t)f.of_kind));
    js_set(o, "rank_in_kind", rank);
    js_set(o, "coverage_level", js_real(f.level));
    js_set(o, "per_capita", js_real(ur->per_capita));
    js_set(o, "binding", binding_json(m, r, u, &f));
    js_set(o, "disbursement", disbursement_json(m, fs_explain_entity(d, u)));
    char *text = o ? js_dump(o) : NULL;
    js_free(o);
    if (!text) return -1;
    fprintf(out, "%s\n", text);
    free(text);
    return 0;
}
