/*
 * scenario.c: from a scenario file to a validated fs_model.
 *
 * The file is read into memory first so that we control what libconfig sees: a
 * UTF-8 byte-order mark is stripped, NUL bytes and invalid UTF-8 are rejected, and
 * @include is refused (libconfig resolves it against the working directory and
 * exit(2)s on a directory; reforms name their baseline instead). Every section is
 * read with located, typed getters; all errors are collected before returning.
 */
#include "scenario.h"

#include "settings.h"
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario_disburse.h"
#include "scenario_overlay.h"
#include "scenario_period.h"
#include "scenario_read.h"
#include "scenario_sweep.h"
#include "scenario_text.h"
#include "scenario_units.h"
#include "table.h"


static const char *const top_keys[] = {"name", "year", "money_unit", "upper_level", "units", "sources", "norms",
                                       "coefficients", "city", "policy", "disbursement", "period", "sweep", "base", NULL};
static const char *const source_keys[] = {"id", "name", "type", "central", "in_balance",
                                          "city_collected", "shares", NULL};
static const char *const share_keys[] = {"kind", "class", "regime", "commune", "min", "max",
                                         "step", "scope", NULL};
static const char *const norm_keys[] = {"id", "name", "per_capita", "per_km2", "fixed", "coefficients",
                                        "dossiers", "staff_quota", "staff_in_post", "schools",
                                        "health_stations", "hq_buildings", NULL};
static const char *const coef_keys[] = {"kind", "class", "island", "coastal", NULL};
static const char *const city_keys[] = {"revenue", "central_transfers", "need", "reserve_rate",
                                        "deficit_max", NULL};
static const char *const policy_keys[] = {"mode", "objective", "envelope", "envelope_mode",
                                          "coverage_min", "hold_harmless", "cap", "per_capita_floor",
                                          "nonneg_transfers", "priority", "mip_time_limit", NULL};
static const char *const kind_names[] = {"commune", "ward", "special_zone", NULL};
static const char *const class_names[] = {"I", "II", "III", "special", NULL};
static const char *const type_names[] = {"city", "commune", "shared", NULL};
static const char *const mode_names[] = {"optimise", "legal", NULL};
static const char *const objective_names[] = {"max_min_coverage", "min_deviation", "min_transfers", NULL};
static const char *const envelope_names[] = {"none", "exact", "max", NULL};
static const char *const scope_names[] = {"group", "unit", NULL};

static int find_regime(const fs_model *m, const char *name)
{
    for (size_t i = 0; i < m->regime_count; i++)
        if (!strcmp(m->regimes[i], name)) return (int)i;
    return -1;
}

static void read_share_rule(reader *r, const cfg_node *g, fs_source *src, fs_share_rule *rule)
{
    rd_check_keys(r, g, share_keys);
    rule->kind = rule->cls = rule->regime = -1;
    rule->line = (int)cfg_line(g);
    rd_choice(r, g, "kind", kind_names, &rule->kind);
    rd_choice(r, g, "class", class_names, &rule->cls);
    /* regime names are resolved after the units are read */
    int has_fixed = rd_real_in(r, g, "commune", 0, 1, &rule->commune);
    int has_lo = rd_real_in(r, g, "min", 0, 1, &rule->lo);
    int has_hi = rd_real_in(r, g, "max", 0, 1, &rule->hi);
    if (has_fixed == 0 && (has_lo == 0 || has_hi == 0)) {
        rd_error(r, g, "give either \"commune\" (a fixed share) or \"min\" and \"max\" (a share to choose), not both");
        return;
    }
    if (has_fixed == 1 && (has_lo != 0 || has_hi != 0)) {
        if (has_lo == 1 && has_hi == 1)
            rd_error(r, g, "give either \"commune\" (a fixed share) or \"min\" and \"max\" (a share to choose)");
        else if (has_lo == 1 || has_hi == 1)
            rd_error(r, g, "a share to choose needs both \"min\" and \"max\"");
        return;
    }
    double limit = 1.0 - src->central;
    if (has_fixed == 0 && (cfg_member(g, "step") || cfg_member(g, "scope"))) {
        rd_error(r, cfg_member(g, cfg_member(g, "step") ? "step" : "scope"),
                 "applies only to a share to choose (min and max), not to a fixed \"commune\" share");
        return;
    }
    if (has_fixed == 0) {
        if (rule->commune > limit + 1e-12)
            rd_error(r, cfg_member(g, "commune"),
                     "commune share %g plus central share %g exceeds 1", rule->commune, src->central);
        return;
    }
    rule->choose = true;
    if (rule->lo > rule->hi) {
        rd_error(r, cfg_member(g, "min"), "min %g is greater than max %g", rule->lo, rule->hi);
        return;
    }
    if (rule->hi > limit + 1e-12)
        rd_error(r, cfg_member(g, "max"), "max share %g plus central share %g exceeds 1",
                 rule->hi, src->central);
    if (rd_real_in(r, g, "step", 1e-6, 1, &rule->step) == 0) {
        double first = ceil(rule->lo / rule->step - 1e-9), last = floor(rule->hi / rule->step + 1e-9);
        if (first > last)
            rd_error(r, cfg_member(g, "step"), "no multiple of %g lies between min %g and max %g",
                     rule->step, rule->lo, rule->hi);
        else if (first == last)
            rd_warning(r, cfg_member(g, "step"),
                       "only one multiple of %g (%g) lies between min %g and max %g: the share is fixed, not chosen",
                       rule->step, first * rule->step, rule->lo, rule->hi);
    }
    int scope = 0;
    if (rd_choice(r, g, "scope", scope_names, &scope) == 0) rule->per_unit = scope == 1;
}

static void read_source(reader *r, const cfg_node *g, fs_source *src)
{
    rd_check_keys(r, g, source_keys);
    if (rd_name(r, g, "id", src->id, sizeof src->id) == 1) rd_error_missing(r, g, "id");
    else if (!src->id[0]) rd_error(r, cfg_member(g, "id"), "must not be empty");
    if (rd_name(r, g, "name", src->name, sizeof src->name) == 1) strcpy(src->name, src->id);
    int type = 0;
    if (rd_choice(r, g, "type", type_names, &type) == 1) rd_error_missing(r, g, "type");
    src->type = (fs_source_type)type;
    src->in_balance = true;
    rd_real_key(r, g, "central", FS_TARGET_CENTRAL, &src->central);
    rd_bool(r, g, "in_balance", &src->in_balance);
    rd_money(r, g, "city_collected", &src->city_collected);
    const cfg_node *shares = cfg_member(g, "shares");
    if (src->type != FS_SOURCE_SHARED) {
        if (shares) rd_error(r, shares, "only a shared source has commune shares");
        return;
    }
    if (!shares) {
        rd_error_missing(r, g, "shares");
        return;
    }
    if (!cfg_is_list(shares) || cfg_length(shares) == 0) {
        rd_error(r, shares, "expected a non-empty list of rules ( { commune = 0.5; }, ... ), got %s",
                 cfg_is_list(shares) ? "an empty list" : rd_type_name(cfg_type(shares)));
        return;
    }
    src->rule_count = (size_t)cfg_length(shares);
    src->rules = calloc(src->rule_count, sizeof *src->rules);
    if (!src->rules) {
        src->rule_count = 0;
        return;
    }
    for (size_t k = 0; k < src->rule_count; k++) {
        const cfg_node *rg = cfg_elem(shares, (unsigned)k);
        if (!cfg_is_group(rg))
            rd_error(r, rg, "expected a group { commune = ...; }, got %s", rd_type_name(cfg_type(rg)));
        else read_share_rule(r, rg, src, &src->rules[k]);
    }
}

/* Reports element k of `list` (sources or norms) when an earlier element's id has the
 * same key as `id` (fs_name_key): the same id, or one that differs only in letter case
 * or spacing, which the model would take for another. Element ids are read again from
 * the settings, as they were written. */
static void report_same_id(reader *r, const cfg_node *list, size_t k, const char *what, const char *id)
{
    char key[FS_NAME_KEY_MAX], other[FS_NAME_KEY_MAX], earlier[FS_ID_MAX];
    const cfg_node *here = cfg_member(cfg_elem(list, (unsigned)k), "id");
    if (!id[0] || !here || fs_name_key(id, key, sizeof key) != 0) return;
    for (size_t j = 0; j < k; j++) {
        const cfg_node *g = cfg_elem(list, (unsigned)j), *there;
        if (!cfg_is_group(g) || !(there = cfg_member(g, "id")) ||
            cfg_type(there) != CFG_STRING ||
            fs_name_nfc(cfg_string(there), earlier, sizeof earlier) != 0 ||
            fs_name_key(earlier, other, sizeof other) != 0 || strcmp(key, other) != 0)
            continue;
        char where[FS_PATH_MAX + 16];
        rd_where(r, here, there, where, sizeof where);
        if (!strcmp(id, earlier))
            rd_error(r, here, "duplicate %s \"%s\" (first at %s)", what, id, where);
        else {
            char difference[96];
            fs_name_difference(id, earlier, difference, sizeof difference);
            rd_error(r, here, "duplicate %s \"%s\" (first at %s as \"%s\"; %s): ids that differ only in letter case "
                     "or spacing are the same id", what, id, where, earlier, difference);
        }
        return;
    }
}

static void read_sources(reader *r, const cfg_node *root, fs_model *m)
{
    const cfg_node *list = cfg_member(root, "sources");
    if (!list) {
        rd_error_missing(r, root, "sources");
        return;
    }
    if (!cfg_is_list(list)) {
        rd_error(r, list, "expected a list of sources ( {...}, {...} ), got %s", rd_type_name(cfg_type(list)));
        return;
    }
    m->source_count = (size_t)cfg_length(list);
    m->sources = calloc(m->source_count + 1, sizeof *m->sources);
    if (!m->sources) {
        m->source_count = 0;
        return;
    }
    for (size_t s = 0; s < m->source_count; s++) {
        const cfg_node *g = cfg_elem(list, (unsigned)s);
        if (!cfg_is_group(g)) {
            rd_error(r, g, "expected a group { id = ...; type = ...; }, got %s", rd_type_name(cfg_type(g)));
            continue;
        }
        read_source(r, g, &m->sources[s]);
        report_same_id(r, list, s, "source id", m->sources[s].id);
    }
}

/* Regime names in rules refer to the regimes the units use. */
static void resolve_rule_regimes(reader *r, const cfg_node *root, fs_model *m)
{
    const cfg_node *list = cfg_member(root, "sources");
    for (size_t s = 0; list && s < m->source_count; s++) {
        const cfg_node *shares =
            cfg_member(cfg_elem(list, (unsigned)s), "shares");
        for (size_t k = 0; shares && k < m->sources[s].rule_count; k++) {
            const cfg_node *rg = cfg_elem(shares, (unsigned)k);
            char name[FS_ID_MAX];
            if (!cfg_is_group(rg) || rd_string(r, rg, "regime", name, sizeof name) != 0 ||
                fs_name_nfc(name, name, sizeof name) != 0)
                continue;
            m->sources[s].rules[k].regime = find_regime(m, name);
            if (m->sources[s].rules[k].regime < 0)
                rd_error(r, cfg_member(rg, "regime"), "no unit has regime \"%s\"", name);
        }
    }
}

/* Every unit needs a rule for every shared source. */
static void match_rules(reader *r, fs_model *m, const char *units_file)
{
    m->rule_of = malloc((m->unit_count * m->source_count + 1) * sizeof *m->rule_of);
    if (!m->rule_of) return;
    for (size_t u = 0; u < m->unit_count; u++)
        for (size_t s = 0; s < m->source_count; s++) {
            const fs_source *src = &m->sources[s];
            const fs_unit *unit = &m->units[u];
            int match = -1;
            for (size_t k = 0; k < src->rule_count && match < 0; k++) {
                const fs_share_rule *rule = &src->rules[k];
                if ((rule->kind < 0 || rule->kind == (int)unit->kind) &&
                    (rule->cls < 0 || rule->cls == (int)unit->cls) &&
                    (rule->regime < 0 || rule->regime == unit->regime))
                    match = (int)k;
            }
            m->rule_of[u * m->source_count + s] = match;
            if (src->type == FS_SOURCE_SHARED && match < 0 && src->rule_count)
                fs_diag_add(r->diag, FS_EINPUT, units_file, unit->line, src->id,
                            "no sharing rule of source \"%s\" matches unit \"%s\"", src->id, unit->name);
        }
}

static void read_norms(reader *r, const cfg_node *root, fs_model *m)
{
    const cfg_node *list = cfg_member(root, "norms");
    if (!list) {
        rd_error_missing(r, root, "norms");
        return;
    }
    if (!cfg_is_list(list)) {
        rd_error(r, list, "expected a list of need components ( {...}, {...} ), got %s",
                 rd_type_name(cfg_type(list)));
        return;
    }
    m->norm_count = (size_t)cfg_length(list);
    m->norms = calloc(m->norm_count + 1, sizeof *m->norms);
    if (!m->norms) {
        m->norm_count = 0;
        return;
    }
    for (size_t k = 0; k < m->norm_count; k++) {
        const cfg_node *g = cfg_elem(list, (unsigned)k);
        fs_norm *n = &m->norms[k];
        if (!cfg_is_group(g)) {
            rd_error(r, g, "expected a group { id = ...; per_capita = ...; }, got %s",
                     rd_type_name(cfg_type(g)));
            continue;
        }
        rd_check_keys(r, g, norm_keys);
        if (rd_name(r, g, "id", n->id, sizeof n->id) == 1) rd_error_missing(r, g, "id");
        else if (!n->id[0]) rd_error(r, cfg_member(g, "id"), "must not be empty");
        report_same_id(r, list, k, "need component id", n->id);
        if (rd_name(r, g, "name", n->name, sizeof n->name) == 1) strcpy(n->name, n->id);
        rd_real_key(r, g, "per_capita", FS_TARGET_NORM_PER_CAPITA, &n->per_capita);
        rd_real_key(r, g, "per_km2", FS_TARGET_NORM_PER_KM2, &n->per_km2);
        rd_real_key(r, g, "fixed", FS_TARGET_NORM_FIXED, &n->fixed);
        for (int w = 0; w < FS_WL_COUNT; w++)
            rd_real_in(r, g, fs_workload_name((fs_workload)w), 0, 1e12, &n->per_workload[w]);
        rd_bool(r, g, "coefficients", &n->coefficients);
    }
}

static void read_coefficient_group(reader *r, const cfg_node *g, const char *key,
                                   const char *const *names, double *out)
{
    char what[64];
    snprintf(what, sizeof what, "a group { %s = 1.0; ... }", names[0]);
    const cfg_node *sub = rd_member_of_type(r, g, key, CFG_GROUP, what);
    if (!sub) return;
    rd_check_keys(r, sub, names);
    for (size_t i = 0; names[i]; i++) rd_real_in(r, sub, names[i], 0, 100, &out[i]);
}

static void read_coefficients(reader *r, const cfg_node *root, fs_model *m)
{
    for (int k = 0; k < FS_KIND_COUNT; k++) m->coef.kind[k] = 1.0;
    for (int c = 0; c < FS_CLASS_COUNT; c++) m->coef.cls[c] = 1.0;
    m->coef.island = m->coef.coastal = 1.0;
    const cfg_node *g =
        rd_member_of_type(r, root, "coefficients", CFG_GROUP, "a group { kind = { ward = 1.1; }; ... }");
    if (!g) return;
    rd_check_keys(r, g, coef_keys);
    read_coefficient_group(r, g, "kind", kind_names, m->coef.kind);
    read_coefficient_group(r, g, "class", class_names, m->coef.cls);
    rd_real_in(r, g, "island", 0, 100, &m->coef.island);
    rd_real_in(r, g, "coastal", 0, 100, &m->coef.coastal);
}

static void read_city(reader *r, const cfg_node *root, fs_model *m)
{
    const cfg_node *g = rd_member_of_type(r, root, "city", CFG_GROUP, "a group { revenue = ...; ... }");
    if (!g) return;
    m->city.present = true;
    rd_check_keys(r, g, city_keys);
    rd_money(r, g, "revenue", &m->city.revenue);
    rd_money(r, g, "central_transfers", &m->city.central_transfers);
    rd_money(r, g, "need", &m->city.need);
    rd_real_key(r, g, "reserve_rate", FS_TARGET_RESERVE_RATE, &m->city.reserve_rate);
    rd_money(r, g, "deficit_max", &m->city.deficit_max);
}

static void read_objectives(reader *r, const cfg_node *g, fs_policy *p)
{
    const cfg_node *obj = cfg_member(g, "objective");
    p->objectives[0] = FS_OBJ_MAX_MIN_COVERAGE;
    p->objective_count = 1;
    if (!obj) return;
    if (cfg_type(obj) == CFG_STRING) {
        int v = 0;
        if (rd_choice(r, g, "objective", objective_names, &v) == 0) p->objectives[0] = (fs_objective)v;
        return;
    }
    if (!cfg_is_array(obj) && !cfg_is_list(obj)) {
        rd_error(r, obj, "expected an objective name or a list of them in priority order, got %s",
                 rd_type_name(cfg_type(obj)));
        return;
    }
    int n = cfg_length(obj);
    if (n < 1 || n > FS_OBJ_COUNT) {
        rd_error(r, obj, "expected 1 to %d objectives, got %d", FS_OBJ_COUNT, n);
        return;
    }
    p->objective_count = 0;
    for (int i = 0; i < n; i++) {
        const cfg_node *e = cfg_elem(obj, (unsigned)i);
        if (cfg_type(e) != CFG_STRING) {
            rd_error(r, e, "expected an objective name, got %s", rd_type_name(cfg_type(e)));
            continue;
        }
        const char *name = cfg_string(e);
        int found = -1;
        for (int k = 0; name && objective_names[k]; k++)
            if (!strcmp(name, objective_names[k])) found = k;
        if (found < 0) {
            const char *hint = name ? rd_suggest(name, objective_names) : NULL;
            if (hint) rd_error(r, e, "unknown objective \"%s\" (did you mean \"%s\"?)", name, hint);
            else rd_error(r, e, "unknown objective; expected max_min_coverage, min_deviation or min_transfers");
            continue;
        }
        for (size_t k = 0; k < p->objective_count; k++)
            if (p->objectives[k] == (fs_objective)found) {
                rd_error(r, e, "objective \"%s\" listed twice", name);
                found = -1;
                break;
            }
        if (found >= 0) p->objectives[p->objective_count++] = (fs_objective)found;
    }
    if (p->objective_count == 0) p->objectives[p->objective_count++] = FS_OBJ_MAX_MIN_COVERAGE;
}

static void read_policy(reader *r, const cfg_node *root, fs_model *m)
{
    fs_policy *p = &m->policy;
    p->coverage_min = p->hold_harmless = p->cap = NAN;
    for (int c = 0; c < FS_CLASS_COUNT; c++) p->floor_per_capita[c] = NAN;
    p->nonneg_transfers = true;
    p->priority = 0;
    p->mip_time_limit = 60;
    p->objectives[0] = FS_OBJ_MAX_MIN_COVERAGE;
    p->objective_count = 1;
    const cfg_node *g = rd_member_of_type(r, root, "policy", CFG_GROUP, "a group { mode = ...; ... }");
    if (!g) return;
    rd_check_keys(r, g, policy_keys);
    int mode = 0, env = 0;
    if (rd_choice(r, g, "mode", mode_names, &mode) == 0) p->mode = (fs_mode)mode;
    read_objectives(r, g, p);
    int has_env = rd_money(r, g, "envelope", &p->envelope);
    if (has_env == 0) {
        p->envelope_file = rd_file(r, cfg_member(g, "envelope"));
        p->envelope_line = (int)cfg_line(cfg_member(g, "envelope"));
    }
    p->envelope_mode = has_env == 0 ? FS_ENVELOPE_EXACT : FS_ENVELOPE_NONE;
    if (rd_choice(r, g, "envelope_mode", envelope_names, &env) == 0) {
        p->envelope_mode = (fs_envelope_mode)env;
        if (env != FS_ENVELOPE_NONE && has_env == 1) /* missing; an invalid one is reported already */
            rd_error(r, cfg_member(g, "envelope_mode"), "needs \"envelope\" (the total amount)");
    }
    rd_real_key(r, g, "coverage_min", FS_TARGET_COVERAGE_MIN, &p->coverage_min);
    if (rd_real_key(r, g, "hold_harmless", FS_TARGET_HOLD_HARMLESS, &p->hold_harmless) == 0 &&
        p->hold_harmless > 1.5)
        rd_warning(r, cfg_member(g, "hold_harmless"),
                   "hold-harmless of %g%% of last year is above 150%%: a share is written as 0.9 for 90%%",
                   100 * p->hold_harmless);
    rd_real_key(r, g, "cap", FS_TARGET_CAP, &p->cap);
    if (!isnan(p->cap) && !isnan(p->coverage_min) && p->cap < p->coverage_min)
        rd_error(r, cfg_member(g, "cap"), "cap %g is below coverage_min %g", p->cap,
                 p->coverage_min);
    const cfg_node *floors =
        rd_member_of_type(r, g, "per_capita_floor", CFG_GROUP, "a group by class { I = ...; II = ...; }");
    if (floors) {
        rd_check_keys(r, floors, class_names);
        for (int c = 0; c < FS_CLASS_COUNT; c++) rd_real_in(r, floors, class_names[c], 0, 1e12, &p->floor_per_capita[c]);
    }
    rd_bool(r, g, "nonneg_transfers", &p->nonneg_transfers);
    rd_real_key(r, g, "priority", FS_TARGET_PRIORITY, &p->priority);
    rd_real_in(r, g, "mip_time_limit", 0.001, 86400, &p->mip_time_limit);
}

/* Diagnostics in file order: by file name, then line, stable. */
static void sort_diagnostics(fs_diag *diag, size_t from)
{
    for (size_t i = from + 1; i < diag->count; i++) {
        fs_error e = diag->items[i];
        size_t j = i;
        while (j > from) {
            const fs_error *p = &diag->items[j - 1];
            int c = strcmp(p->file, e.file);
            if (c < 0 || (c == 0 && p->line <= e.line)) break;
            diag->items[j] = *p;
            j--;
        }
        diag->items[j] = e;
    }
}

/* The legal formula sets the shares of sources in the balance; the others must be fixed. */
static void check_legal_mode(reader *r, const cfg_node *root, const fs_model *m)
{
    if (m->policy.mode != FS_MODE_LEGAL) return;
    const cfg_node *list = cfg_member(root, "sources");
    for (size_t s = 0; s < m->source_count; s++) {
        const fs_source *src = &m->sources[s];
        if (src->type != FS_SOURCE_SHARED || src->in_balance) continue;
        const cfg_node *shares = cfg_member(cfg_elem(list, (unsigned)s), "shares");
        for (size_t k = 0; k < src->rule_count; k++)
            if (src->rules[k].choose)
                rd_error(r, cfg_elem(shares, (unsigned)k),
                         "the legal mode needs a fixed commune share for a source outside the balance");
    }
}

/* Totals the engine computes must stay exact in double arithmetic (2^53). */
static void check_totals(fs_diag *diag, const fs_model *m, const char *path)
{
    double revenue = 0, need = 0, last = 0;
    for (size_t u = 0; u < m->unit_count; u++) {
        need += (double)m->need[u];
        last += (double)m->units[u].last_year;
        for (size_t s = 0; s < m->source_count; s++) revenue += (double)fs_model_revenue(m, u, s);
    }
    for (size_t s = 0; s < m->source_count; s++) revenue += (double)m->sources[s].city_collected;
    revenue += (double)m->city.revenue + (double)m->city.central_transfers + (double)m->city.need;
    const struct {
        const char *what;
        double total;
    } totals[] = {{"revenue (all sources and the city block)", revenue}, {"need", need}, {"last_year", last}};
    for (size_t k = 0; k < sizeof totals / sizeof *totals; k++)
        if (totals[k].total >= FS_TOTAL_MAX)
            fs_diag_add(diag, FS_EINPUT, path, 0, NULL,
                        "the total %s exceeds 2^53 = 9,007,199,254,740,992, the largest amount computed exactly: "
                        "state the amounts in a larger money unit", totals[k].what);
}

/* Coverage divides by need: every unit must have some. */
static void check_needs(fs_diag *diag, const fs_model *m, const char *units_file)
{
    for (size_t u = 0; u < m->unit_count; u++)
        if (m->need[u] <= 0)
            fs_diag_add(diag, FS_EINPUT, units_file, m->units[u].line, "need",
                        "unit \"%s\" has no need under the norms: give it a population-, area- or workload-based norm",
                        m->units[u].name);
}

/* A warning when the envelope is far from the units' total need (its units mistaken). */
static void warn_envelope(fs_model *m)
{
    const fs_policy *p = &m->policy;
    int64_t need = 0;
    for (size_t u = 0; u < m->unit_count; u++) need += m->need[u];
    if (p->envelope_mode == FS_ENVELOPE_NONE || need <= 0 || !p->envelope_file) return;
    double ratio = (double)p->envelope / (double)need;
    if (ratio >= 0.5 && ratio <= 2) return;
    fs_diag_add(&m->warnings, FS_OK, p->envelope_file, p->envelope_line, "policy.envelope",
                "the envelope %lld is %.0f%% of the units' total need %lld %s: are its units those of the need?",
                (long long)p->envelope, 100 * ratio, (long long)need, m->money_unit);
}

/* Loads the scenario at path, or the one given as text (len bytes) standing for it. */
static fs_status load(const char *path, const char *text, size_t len, fs_model **out, fs_diag *diag)
{
    *out = NULL;
    size_t errors_before = diag->count;
    fs_model *m = calloc(1, sizeof *m);
    if (m) m->files = calloc(OVERLAY_DEPTH_MAX + 1, sizeof *m->files);
    if (!m || !m->files) {
        fs_model_free(m);
        return fs_diag_add(diag, FS_EINTERNAL, path, 0, NULL, "out of memory");
    }
    snprintf(m->file, sizeof m->file, "%s", path);
    cfg_doc *cfg = NULL;
    fs_status loaded = scenario_config_load(path, text, len, &cfg, m, diag);
    if (loaded != FS_OK) {
        cfg_doc_free(cfg);
        fs_model_free(m);
        return loaded;
    }
    reader rd = {.file = path, .diag = diag, .warnings = &m->warnings};
    reader *r = &rd;
    snprintf(m->money_unit, sizeof m->money_unit, "million VND");
    const cfg_node *root = cfg_root(cfg);
    rd_check_keys(r, root, top_keys);
    int has_name = rd_string(r, root, "name", m->name, sizeof m->name);
    if (has_name == 1) rd_error_missing(r, root, "name");
    else if (has_name == 0 && !m->name[0]) rd_error(r, cfg_member(root, "name"), "must not be empty");
    int64_t year = 0;
    int has_year = rd_int64(r, root, "year", &year);
    if (has_year == 1) rd_error_missing(r, root, "year");
    else if (has_year == 0 && (year < 1900 || year > 2200))
        rd_error(r, cfg_member(root, "year"), "expected a year such as 2026, got %lld",
                 (long long)year);
    m->year = (int)year;
    rd_string(r, root, "money_unit", m->money_unit, sizeof m->money_unit);
    static const char *const upper_names[] = {"city", "province", NULL};
    int upper = 0;
    if (rd_choice(r, root, "upper_level", upper_names, &upper) == 0) m->upper_is_province = upper == 1;
    read_sources(r, root, m);
    read_norms(r, root, m);
    read_coefficients(r, root, m);
    read_city(r, root, m);
    read_policy(r, root, m);
    scenario_read_disbursement(r, root, m);
    scenario_read_period(r, root, m);
    scenario_read_sweep(r, root, m);
    const cfg_node *units = cfg_member(root, "units");
    /* A table's path is relative to the file that names it (the scenario or a baseline). */
    const cfg_node *table_key = units ? cfg_member(units, "table") : NULL;
    char dir[FS_PATH_MAX];
    scenario_directory_of(rd_file(r, table_key ? table_key : units), dir, sizeof dir);
    char units_file[FS_PATH_MAX * 2] = "";
    if (!units) {
        rd_error_missing(r, root, "units");
    } else if (!cfg_is_group(units)) {
        rd_error(r, units, "expected a group { table = \"units.csv\"; }, got %s", rd_type_name(cfg_type(units)));
    } else if (scenario_read_units(r, units, dir, m) == 0) {
        char table[FS_PATH_MAX];
        if (rd_string(r, units, "table", table, sizeof table) == 0)
            scenario_table_path(dir, table, units_file, sizeof units_file);
        else
            snprintf(units_file, sizeof units_file, "%s", rd_file(r, units));
        resolve_rule_regimes(r, root, m);
        match_rules(r, m, units_file);
    }
    if (diag->count == errors_before && m->policy.mode == FS_MODE_OPTIMISE &&
        !isnan(m->policy.hold_harmless)) {
        int64_t last = 0;
        for (size_t u = 0; u < m->unit_count; u++) last += m->units[u].last_year;
        if (last == 0)
            rd_error(r, cfg_member(cfg_member(root, "policy"), "hold_harmless"),
                     "hold-harmless needs each unit's last_year amount, and none is given");
    }
    if (diag->count == errors_before) check_legal_mode(r, root, m);
    cfg_doc_free(cfg);
    if (diag->count == errors_before) {
        size_t bad = 0;
        int rc = fs_model_compute_needs(m, &bad);
        if (rc == -1) fs_diag_add(diag, FS_EINTERNAL, path, 0, NULL, "out of memory");
        else if (rc == -2)
            fs_diag_add(diag, FS_EINPUT, units_file, m->units[bad].line, "need",
                        "the need of unit \"%s\" under the norms exceeds 10^15: check the norms' units",
                        m->units[bad].name);
        else check_needs(diag, m, units_file);
        if (rc == 0) check_totals(diag, m, path);
        if (rc == 0) warn_envelope(m);
    }
    if (diag->count > errors_before) {
        sort_diagnostics(diag, errors_before);
        fs_model_free(m);
        fs_status worst = FS_OK;
        for (size_t i = errors_before; i < diag->count; i++)
            if (diag->items[i].code > worst) worst = diag->items[i].code;
        return worst;
    }
    *out = m;
    return FS_OK;
}

fs_status fs_scenario_load(const char *path, fs_model **out, fs_diag *diag)
{
    return load(path, NULL, 0, out, diag);
}

fs_status fs_scenario_load_text(const char *name, const char *text, size_t len, fs_model **out, fs_diag *diag)
{
    return load(name, text, len, out, diag);
}
