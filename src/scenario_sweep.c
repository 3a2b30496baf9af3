/*
 * scenario_sweep.c: the `sweep` section: the design, the seed and each parameter's key
 * path and distribution (docs/scenario-format.md, "Sweeps").
 */
#include "scenario_sweep.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fiscalsim/calendar.h"
#include "fiscalsim/disburse.h"
#include "fiscalsim/sweep.h"

static const char *const sweep_keys[] = {"design", "variants", "seed", "parameters", "correlations", "dates", NULL};
static const char *const correlation_keys[] = {"a", "b", "rho", NULL};
static const char *const param_keys[] = {"key", "dist", "min", "max", "mode", "mean", "sd", "values", NULL};
static const char *const design_names[] = {"grid", "oat", "lhs", "mc", "sobol", NULL};
static const char *const dist_names[] = {"uniform", "normal", "triangular", "discrete", NULL};

static const struct {
    const char *key;
    fs_sweep_target target;
} direct_keys[] = {
    {"policy.envelope", FS_TARGET_ENVELOPE},     {"policy.hold_harmless", FS_TARGET_HOLD_HARMLESS},
    {"policy.priority", FS_TARGET_PRIORITY},     {"policy.coverage_min", FS_TARGET_COVERAGE_MIN},
    {"policy.cap", FS_TARGET_CAP},               {"city.revenue", FS_TARGET_CITY_REVENUE},
    {"city.need", FS_TARGET_CITY_NEED},          {"city.central_transfers", FS_TARGET_CITY_TRANSFERS},
    {"city.reserve_rate", FS_TARGET_RESERVE_RATE}, {"population", FS_TARGET_POPULATION_SCALE},
    {"disbursement.capacity.without_pmb", FS_TARGET_WITHOUT_PMB},
    {"disbursement.capacity.staff_elasticity", FS_TARGET_STAFF_ELASTICITY},
    {"disbursement.cash.opening", FS_TARGET_CASH_OPENING},
};

static double baseline_of(const fs_model *m, const fs_sweep_param *p)
{
    switch (p->target) {
    case FS_TARGET_ENVELOPE: return (double)m->policy.envelope;
    case FS_TARGET_HOLD_HARMLESS: return m->policy.hold_harmless;
    case FS_TARGET_PRIORITY: return m->policy.priority;
    case FS_TARGET_COVERAGE_MIN: return m->policy.coverage_min;
    case FS_TARGET_CAP: return m->policy.cap;
    case FS_TARGET_CITY_REVENUE: return (double)m->city.revenue;
    case FS_TARGET_CITY_NEED: return (double)m->city.need;
    case FS_TARGET_CITY_TRANSFERS: return (double)m->city.central_transfers;
    case FS_TARGET_RESERVE_RATE: return m->city.reserve_rate;
    case FS_TARGET_NORM_PER_CAPITA: return m->norms[p->index].per_capita;
    case FS_TARGET_NORM_PER_KM2: return m->norms[p->index].per_km2;
    case FS_TARGET_NORM_FIXED: return m->norms[p->index].fixed;
    case FS_TARGET_CENTRAL: return m->sources[p->index].central;
    case FS_TARGET_WITHOUT_PMB: return m->disburse ? m->disburse->pmb_factor : NAN;
    case FS_TARGET_STAFF_ELASTICITY: return m->disburse ? m->disburse->staff_elasticity : NAN;
    case FS_TARGET_CASH_OPENING: return m->disburse ? (double)m->disburse->cash.opening : NAN;
    default: return 1.0; /* multipliers */
    }
}

/* Resolves p->key to a target. Returns 0, or -1 when the path names nothing. */
static int resolve_key(const fs_model *m, fs_sweep_param *p)
{
    p->index = -1;
    for (size_t k = 0; k < sizeof direct_keys / sizeof *direct_keys; k++)
        if (!strcmp(p->key, direct_keys[k].key)) {
            p->target = direct_keys[k].target;
            return 0;
        }
    if (!strncmp(p->key, "revenue.", 8)) {
        for (size_t s = 0; s < m->source_count; s++)
            if (!strcmp(p->key + 8, m->sources[s].id)) {
                p->target = FS_TARGET_REVENUE_SCALE, p->index = (int)s;
                return 0;
            }
        return -1;
    }
    if (!strncmp(p->key, "sources.", 8)) {
        const char *dot = strrchr(p->key, '.');
        for (size_t s = 0; s < m->source_count && dot && !strcmp(dot, ".central"); s++)
            if (strlen(m->sources[s].id) == (size_t)(dot - p->key - 8) &&
                !strncmp(p->key + 8, m->sources[s].id, (size_t)(dot - p->key - 8))) {
                p->target = FS_TARGET_CENTRAL, p->index = (int)s;
                return 0;
            }
        return -1;
    }
    if (!strncmp(p->key, "norms.", 6)) {
        const char *dot = strrchr(p->key, '.');
        static const char *const fields[] = {".per_capita", ".per_km2", ".fixed"};
        static const fs_sweep_target targets[] = {FS_TARGET_NORM_PER_CAPITA, FS_TARGET_NORM_PER_KM2,
                                                  FS_TARGET_NORM_FIXED};
        for (int f = 0; f < 3 && dot; f++) {
            if (strcmp(dot, fields[f])) continue;
            for (size_t n = 0; n < m->norm_count; n++)
                if (strlen(m->norms[n].id) == (size_t)(dot - p->key - 6) &&
                    !strncmp(p->key + 6, m->norms[n].id, (size_t)(dot - p->key - 6))) {
                    p->target = targets[f], p->index = (int)n;
                    return 0;
                }
        }
    }
    return -1;
}

static void read_param(reader *r, const config_setting_t *g, const fs_model *m, fs_sweep_param *p)
{
    rd_check_keys(r, g, param_keys);
    p->line = config_setting_source_line(g);
    if (rd_string(r, g, "key", p->key, sizeof p->key) == 1) {
        rd_error_missing(r, g, "key");
        return;
    }
    if (resolve_key(m, p) != 0) {
        rd_error(r, config_setting_get_member(g, "key"),
                 "\"%s\" is not a parameter a sweep can vary: policy.envelope, policy.hold_harmless, "
                 "policy.priority, policy.coverage_min, policy.cap, city.revenue, city.need, "
                 "city.central_transfers, city.reserve_rate, population, revenue.<source>, "
                 "sources.<source>.central, norms.<norm>.per_capita|per_km2|fixed, "
                 "disbursement.capacity.without_pmb|staff_elasticity, disbursement.cash.opening",
                 p->key);
        return;
    }
    if (!strncmp(p->key, "disbursement.", 13) && !m->disburse) {
        rd_error(r, config_setting_get_member(g, "key"), "\"%s\": the scenario has no disbursement section", p->key);
        return;
    }
    p->baseline = baseline_of(m, p);
    const config_setting_t *values = config_setting_get_member(g, "values");
    int dist = values ? FS_DIST_DISCRETE : FS_DIST_UNIFORM;
    rd_choice(r, g, "dist", dist_names, &dist);
    p->dist = (fs_sweep_dist)dist;
    if (p->dist == FS_DIST_DISCRETE) {
        if (!values || !config_setting_is_array(values) || config_setting_length(values) == 0) {
            rd_error(r, values ? values : g, "a discrete parameter needs values = [ ... ]");
            return;
        }
        p->value_count = (size_t)config_setting_length(values);
        p->values = calloc(p->value_count, sizeof *p->values);
        if (!p->values) return;
        for (size_t k = 0; k < p->value_count; k++) rd_real_at(r, config_setting_get_elem(values, (unsigned)k), &p->values[k]);
        p->lo = p->values[0], p->hi = p->values[p->value_count - 1];
        return;
    }
    if (p->dist == FS_DIST_NORMAL) {
        if (rd_real(r, g, "mean", &p->a) == 1) p->a = p->baseline;
        if (rd_real(r, g, "sd", &p->b) == 1) rd_error_missing(r, g, "sd");
        else if (p->b <= 0) rd_error(r, config_setting_get_member(g, "sd"), "must be positive");
        p->lo = p->a - 1.6449 * p->b, p->hi = p->a + 1.6449 * p->b; /* the 5% and 95% quantiles */
        return;
    }
    int has_min = rd_real(r, g, "min", &p->a), has_max = rd_real(r, g, "max", &p->c);
    if (has_min == 1) rd_error_missing(r, g, "min");
    if (has_max == 1) rd_error_missing(r, g, "max");
    if (has_min == 0 && has_max == 0 && p->c < p->a)
        rd_error(r, config_setting_get_member(g, "max"), "must not be below min (%g)", p->a);
    if (p->dist == FS_DIST_TRIANGULAR) {
        if (rd_real(r, g, "mode", &p->b) == 1) rd_error_missing(r, g, "mode");
        else if (p->b < p->a || p->b > p->c) rd_error(r, config_setting_get_member(g, "mode"), "must lie between min and max");
    }
    p->lo = p->a, p->hi = p->c;
}

/* A parameter's index by key, or -1 (reported at setting e). */
static int param_index(reader *r, const config_setting_t *e, const char *key, const fs_sweep_spec *s)
{
    char name[FS_KEY_MAX_PATH];
    if (rd_string(r, e, key, name, sizeof name) == 1) {
        rd_error_missing(r, e, key);
        return -1;
    }
    for (size_t j = 0; j < s->param_count; j++)
        if (!strcmp(s->params[j].key, name)) return (int)j;
    rd_error(r, config_setting_get_member(e, key), "\"%s\" is not one of the sweep's parameters", name);
    return -1;
}

static void read_correlations(reader *r, const config_setting_t *g, fs_sweep_spec *s)
{
    const config_setting_t *list = config_setting_get_member(g, "correlations");
    if (!list) return;
    if (!config_setting_is_list(list)) {
        rd_error(r, list, "expected a list ( { a = \"...\"; b = \"...\"; rho = 0.5; } )");
        return;
    }
    if (s->design == FS_DESIGN_GRID || s->design == FS_DESIGN_OAT) {
        rd_error(r, list, "correlated inputs need a random design (lhs, mc or sobol)");
        return;
    }
    if (s->param_count > 64) {
        rd_error(r, list, "correlated inputs are limited to 64 parameters");
        return;
    }
    s->correlation_count = (size_t)config_setting_length(list);
    s->correlations = calloc(s->correlation_count + 1, sizeof *s->correlations);
    if (!s->correlations) {
        s->correlation_count = 0;
        return;
    }
    for (size_t k = 0; k < s->correlation_count; k++) {
        const config_setting_t *e = config_setting_get_elem(list, (unsigned)k);
        fs_sweep_correlation *c = &s->correlations[k];
        c->line = config_setting_source_line(e);
        if (!config_setting_is_group(e)) {
            rd_error(r, e, "expected a group { a = ...; b = ...; rho = ...; }");
            continue;
        }
        rd_check_keys(r, e, correlation_keys);
        int a = param_index(r, e, "a", s), b = param_index(r, e, "b", s);
        if (rd_real(r, e, "rho", &c->rho) == 1) rd_error_missing(r, e, "rho");
        else if (!(c->rho > -1 && c->rho < 1)) rd_error(r, config_setting_get_member(e, "rho"), "must lie strictly between -1 and 1");
        if (a >= 0 && a == b) rd_error(r, config_setting_get_member(e, "b"), "a parameter is not correlated with itself");
        c->a = a < 0 ? 0 : (size_t)a, c->b = b < 0 ? 0 : (size_t)b;
    }
}

/* Dates at which each variant's disbursement forecast (whole plan) is reported. */
static void read_dates(reader *r, const config_setting_t *g, const fs_model *m, fs_sweep_spec *s)
{
    const config_setting_t *dates = config_setting_get_member(g, "dates");
    if (!dates) return;
    if (!m->disburse) {
        rd_error(r, dates, "dates need a disbursement section in the scenario");
        return;
    }
    if (!config_setting_is_array(dates) || config_setting_length(dates) < 1 ||
        config_setting_length(dates) > FS_SWEEP_DATES_MAX) {
        rd_error(r, dates, "expected an array of 1 to %d dates [ \"2026-12-31\", ... ]", FS_SWEEP_DATES_MAX);
        return;
    }
    int32_t first = fs_days_from_civil(m->year, 1, 1), last = fs_days_from_civil(m->year + 1, 1, 31);
    for (int k = 0; k < config_setting_length(dates); k++) {
        const config_setting_t *e = config_setting_get_elem(dates, (unsigned)k);
        const char *text = config_setting_get_string(e);
        int32_t day = 0;
        if (!text || fs_date_parse(text, &day) != 0 || day < first || day > last)
            rd_error(r, e, "expected a date YYYY-MM-DD from %d-01-01 to %d-01-31", m->year, m->year + 1);
        s->dates[s->date_count++] = day;
    }
}

void scenario_read_sweep(reader *r, const config_setting_t *root, fs_model *m)
{
    const config_setting_t *g = config_setting_get_member(root, "sweep");
    if (!g) return;
    if (!config_setting_is_group(g)) {
        rd_error(r, g, "expected a group { design = ...; parameters = ( ... ); }");
        return;
    }
    rd_check_keys(r, g, sweep_keys);
    fs_sweep_spec *s = calloc(1, sizeof *s);
    if (!s) return;
    m->sweep = s;
    s->file = rd_file(r, g);
    s->line = config_setting_source_line(g);
    int design = FS_DESIGN_LHS;
    rd_choice(r, g, "design", design_names, &design);
    s->design = (fs_sweep_design)design;
    int64_t variants = 100, seed = 1;
    if (rd_int64(r, g, "variants", &variants) == 0 && (variants < 1 || variants > 10000000))
        rd_error(r, config_setting_get_member(g, "variants"), "must be between 1 and 10000000");
    rd_int64(r, g, "seed", &seed);
    s->variants = (size_t)variants;
    s->seed = (uint64_t)seed;
    const config_setting_t *list = config_setting_get_member(g, "parameters");
    if (!list || !config_setting_is_list(list) || config_setting_length(list) == 0) {
        if (list) rd_error(r, list, "expected a list of parameters ( { key = ...; ... } )");
        else rd_error_missing(r, g, "parameters");
        return;
    }
    s->param_count = (size_t)config_setting_length(list);
    s->params = calloc(s->param_count, sizeof *s->params);
    if (!s->params) {
        s->param_count = 0;
        return;
    }
    for (size_t k = 0; k < s->param_count; k++) {
        const config_setting_t *e = config_setting_get_elem(list, (unsigned)k);
        if (!config_setting_is_group(e)) rd_error(r, e, "expected a group { key = ...; ... }");
        else read_param(r, e, m, &s->params[k]);
        if (s->design == FS_DESIGN_GRID && s->params[k].dist != FS_DIST_DISCRETE && config_setting_is_group(e))
            rd_error(r, e, "a grid needs values = [ ... ] for every parameter");
    }
    read_correlations(r, g, s);
    read_dates(r, g, m, s);
}
