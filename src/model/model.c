/*
 * model.c: the model's lifetime, lookups and the need computation.
 *
 * Need of a unit = Σ over norm components (per capita × population + per km² × area
 * + Σ per workload unit × workload + fixed, times the kind/class/island/coastal
 * coefficients where the component says so) + its delegated-task earmark. Each
 * component is rounded to money within the unit by largest remainder, so the parts
 * shown by `explain` add up to the need exactly.
 *
 * What a name in a model may be (fs_name_validate, fs_name_key) is in names.c.
 */
#include "model.h"

#include "disburse_spec.h"
#include "period_spec.h"
#include "sweep_spec.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "round.h"

void fs_model_free(fs_model *model)
{
    if (!model) return;
    for (size_t s = 0; s < model->source_count; s++) free(model->sources[s].rules);
    free(model->sources);
    free(model->regimes);
    free(model->units);
    free(model->revenue);
    free(model->norms);
    free(model->need);
    free(model->need_parts);
    free(model->rule_of);
    fs_diag_clear(&model->warnings);
    fs_disburse_spec_free(model->disburse);
    free(model->files);
    free(model->changes);
    free(model->stability_floor);
    fs_period_spec_free(model->period);
    fs_sweep_spec_free(model->sweep);
    free(model);
}

/* A copy of n elements of `size` bytes (NULL for none); *ok cleared on failure. */
static void *copy_of(const void *p, size_t n, size_t size, bool *ok)
{
    if (!p) return NULL;
    void *c = malloc(n * size + 1);
    if (!c) {
        *ok = false;
        return NULL;
    }
    memcpy(c, p, n * size);
    return c;
}

fs_model *fs_model_clone(const fs_model *m)
{
    fs_model *c = malloc(sizeof *c);
    if (!c) return NULL;
    *c = *m;
    c->files = NULL, c->file_count = 0, c->changes = NULL, c->change_count = 0;
    c->disburse = NULL, c->period = NULL, c->sweep = NULL;
    c->warnings = (fs_diag){0};                   /* the scenario's, said when it was loaded */
    c->policy.envelope_file = NULL;               /* a name in m->files, which the clone does not have */
    bool ok = true;
    size_t n = m->unit_count, S = m->source_count;
    c->regimes = copy_of(m->regimes, m->regime_count, sizeof *m->regimes, &ok);
    c->units = copy_of(m->units, n, sizeof *m->units, &ok);
    c->revenue = copy_of(m->revenue, n * S, sizeof *m->revenue, &ok);
    c->norms = copy_of(m->norms, m->norm_count, sizeof *m->norms, &ok);
    c->need = copy_of(m->need, n, sizeof *m->need, &ok);
    c->need_parts = copy_of(m->need_parts, n * (m->norm_count + 1), sizeof *m->need_parts, &ok);
    c->rule_of = copy_of(m->rule_of, n * S, sizeof *m->rule_of, &ok);
    c->stability_floor = copy_of(m->stability_floor, n, sizeof *m->stability_floor, &ok);
    c->sources = calloc(S + 1, sizeof *c->sources);
    if (!c->sources) ok = false;
    for (size_t s = 0; ok && s < S; s++) {
        c->sources[s] = m->sources[s];
        c->sources[s].rules = copy_of(m->sources[s].rules, m->sources[s].rule_count, sizeof *m->sources[s].rules, &ok);
    }
    if (!ok) {
        if (!c->sources) c->source_count = 0;
        fs_model_free(c);
        return NULL;
    }
    return c;
}

const fs_share_rule *fs_model_rule(const fs_model *m, size_t u, size_t s)
{
    const fs_source *src = &m->sources[s];
    if (src->type != FS_SOURCE_SHARED) return NULL;
    int k = m->rule_of[u * m->source_count + s];
    return k < 0 ? NULL : &src->rules[k];
}

/* Exact names first: the usual case, and no key computed per unit. */
int fs_model_find_unit(const fs_model *m, const char *name)
{
    for (size_t u = 0; u < m->unit_count; u++)
        if (!strcmp(m->units[u].name, name)) return (int)u;
    char key[FS_NAME_KEY_MAX], other[FS_NAME_KEY_MAX];
    if (fs_name_key(name, key, sizeof key) != 0) return -1;
    for (size_t u = 0; u < m->unit_count; u++)
        if (fs_name_key(m->units[u].name, other, sizeof other) == 0 && !strcmp(key, other)) return (int)u;
    return -1;
}

static double norm_amount(const fs_model *m, const fs_norm *n, const fs_unit *u)
{
    double v = n->per_capita * (double)u->population + n->per_km2 * u->area_km2 + n->fixed;
    for (int w = 0; w < FS_WL_COUNT; w++) v += n->per_workload[w] * u->workload[w];
    if (n->coefficients) {
        v *= m->coef.kind[u->kind] * m->coef.cls[u->cls];
        if (u->island) v *= m->coef.island;
        if (u->coastal) v *= m->coef.coastal;
    }
    return v;
}

int fs_model_compute_needs(fs_model *m, size_t *bad_unit)
{
    size_t parts = m->norm_count + 1;
    free(m->need), free(m->need_parts); /* computed again: a variant or a later year */
    m->need = calloc(m->unit_count + 1, sizeof *m->need);
    m->need_parts = calloc(m->unit_count * parts + 1, sizeof *m->need_parts);
    double *real = malloc(parts * sizeof *real);
    if (!m->need || !m->need_parts || !real) {
        free(real);
        return -1;
    }
    for (size_t u = 0; u < m->unit_count; u++) {
        const fs_unit *unit = &m->units[u];
        double total = 0;
        for (size_t k = 0; k < m->norm_count; k++) total += real[k] = norm_amount(m, &m->norms[k], unit);
        real[m->norm_count] = (double)unit->delegated;
        total += real[m->norm_count];
        if (!(total <= (double)FS_AMOUNT_MAX)) {
            *bad_unit = u;
            free(real);
            return -2;
        }
        int64_t *out = &m->need_parts[u * parts];
        if (fs_round_to_total(real, parts, fs_round_money(total), NULL, out) != 0) {
            free(real);
            return -1;
        }
        m->need[u] = 0;
        for (size_t k = 0; k < parts; k++) m->need[u] += out[k];
    }
    free(real);
    return 0;
}

const char *fs_kind_name(fs_kind kind)
{
    static const char *const names[] = {"commune", "ward", "special_zone"};
    return (unsigned)kind < FS_KIND_COUNT ? names[kind] : "?";
}

const char *fs_class_name(fs_class cls)
{
    static const char *const names[] = {"I", "II", "III", "special"};
    return (unsigned)cls < FS_CLASS_COUNT ? names[cls] : "?";
}

const char *fs_objective_name(fs_objective obj)
{
    static const char *const names[] = {"max_min_coverage", "min_deviation", "min_transfers"};
    return (unsigned)obj < FS_OBJ_COUNT ? names[obj] : "?";
}

const char *fs_workload_name(fs_workload wl)
{
    static const char *const names[] = {"dossiers", "staff_quota", "staff_in_post", "schools",
                                        "health_stations", "hq_buildings"};
    return (unsigned)wl < FS_WL_COUNT ? names[wl] : "?";
}
