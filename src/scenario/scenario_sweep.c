/*
 * scenario_sweep.c: the `sweep` section: the design, the seed and each parameter's key
 * path and distribution (docs/scenario-format.md, "Sweeps").
 *
 * Everything a sweep could trip on later is refused here, at load time, so that
 * `fiscalsim check` refuses it too: a key given twice; a value (min, max, mode, each of
 * values, a normal's mean) outside the range of its scenario key; a normal whose sd is
 * wider than that range (it is truncated to the range, see sweep_design.c, and such a
 * wide one would be a uniform in disguise); a design of more than FS_SWEEP_VARIANTS_MAX
 * variants, counted with overflow checks (a grid of 8 × 256 values once wrapped to 0).
 */
#include "scenario_sweep.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "disburse_spec.h"
#include "key_range.h"
#include "sweep_spec.h"

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

/* The largest commune share a rule of source s may set: with it, the central share may
 * not pass 1 (the loader refuses commune + central > 1, read_share_rule). */
static double largest_commune_share(const fs_source *src)
{
    double most = 0;
    for (size_t k = 0; k < src->rule_count; k++) {
        const fs_share_rule *rule = &src->rules[k];
        double share = rule->choose ? rule->hi : rule->commune;
        if (share > most) most = share;
    }
    return most;
}

/* Parameter p's range, and in `why` what it is, for messages. */
static fs_key_range range_of(const fs_model *m, const fs_sweep_param *p, char *why, size_t size)
{
    fs_key_range k = *fs_key_range_of(p->target);
    if (k.what) snprintf(why, size, "%s", k.what);
    else snprintf(why, size, "the range of %s", p->key);
    if (p->target == FS_TARGET_CENTRAL) {
        double most = largest_commune_share(&m->sources[p->index]);
        if (most > 0) {
            k.hi = 1 - most;
            snprintf(why, size, "the range of %s, less the largest commune share of the source, %g", p->key, most);
        }
    }
    return k;
}

static bool in_range(const fs_key_range *k, double v)
{
    return (k->lo_open ? v > k->lo : v >= k->lo) && v <= k->hi;
}

/* Reports value v of setting s when it lies outside range k. Returns whether inside. */
static bool check_value(reader *r, const cfg_node *s, const fs_key_range *k, const char *why, double v)
{
    if (in_range(k, v)) return true;
    if (k->lo_open) rd_error(r, s, "must be greater than %g and at most %g (%s), got %g", k->lo, k->hi, why, v);
    else rd_error(r, s, "must be between %g and %g (%s), got %g", k->lo, k->hi, why, v);
    return false;
}

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

/* A discrete parameter's values, each in the key's range. */
static void read_values(reader *r, const cfg_node *g, fs_sweep_param *p, const fs_key_range *k, const char *why)
{
    const cfg_node *values = cfg_member(g, "values");
    if (!values || !cfg_is_array(values) || cfg_length(values) == 0) {
        rd_error(r, values ? values : g, "a discrete parameter needs values = [ ... ]");
        return;
    }
    size_t n = (size_t)cfg_length(values);
    p->values = calloc(n, sizeof *p->values);
    if (!p->values) {
        fs_diag_add(r->diag, FS_EINTERNAL, rd_file(r, g), 0, NULL, "out of memory");
        return;
    }
    p->value_count = n;
    for (size_t i = 0; i < n; i++) {
        const cfg_node *e = cfg_elem(values, (unsigned)i);
        if (rd_real_at(r, e, &p->values[i]) == 0) check_value(r, e, k, why, p->values[i]);
    }
    p->lo = p->values[0], p->hi = p->values[n - 1];
}

/* A normal: its mean (default: the scenario's value) in the key's range, its sd
 * positive and at most the range's width. It is truncated to the range (sweep_design.c);
 * its one-at-a-time ends are the 5% and 95% quantiles of the truncated normal (mean ∓
 * 1.6449 sd when the range holds the whole normal), inside the range as every draw is. */
static void read_normal(reader *r, const cfg_node *g, fs_sweep_param *p, const fs_key_range *k, const char *why)
{
    int has_mean = rd_real(r, g, "mean", &p->a);
    if (has_mean == 1) p->a = p->baseline;
    if (has_mean == 1 && isnan(p->baseline))
        rd_error(r, g, "a normal parameter needs a mean: the scenario does not set %s", p->key);
    else if (has_mean == 0)
        check_value(r, cfg_member(g, "mean"), k, why, p->a);
    double width = k->hi - k->lo;
    int has_sd = rd_real(r, g, "sd", &p->b);
    if (has_sd == 1) rd_error_missing(r, g, "sd");
    else if (has_sd == 0 && p->b <= 0) rd_error(r, cfg_member(g, "sd"), "must be positive");
    else if (has_sd == 0 && p->b > width)
        rd_error(r, cfg_member(g, "sd"),
                 "must be at most %g, the width of the range of %s (%g to %g), got %g", width, p->key, k->lo, k->hi,
                 p->b);
    if (has_sd == 0 && p->b > 0 && p->b <= width && in_range(k, p->a))
        p->lo = fs_sweep_quantile(p, 0.05), p->hi = fs_sweep_quantile(p, 0.95);
}

/* A uniform or triangular parameter: min and max in the key's range, in order; a
 * triangle's mode between them. */
static void read_bounded(reader *r, const cfg_node *g, fs_sweep_param *p, const fs_key_range *k, const char *why)
{
    int has_min = rd_real(r, g, "min", &p->a), has_max = rd_real(r, g, "max", &p->c);
    if (has_min == 1) rd_error_missing(r, g, "min");
    if (has_max == 1) rd_error_missing(r, g, "max");
    bool ok_min = has_min == 0 && check_value(r, cfg_member(g, "min"), k, why, p->a);
    bool ok_max = has_max == 0 && check_value(r, cfg_member(g, "max"), k, why, p->c);
    if (ok_min && ok_max && p->c < p->a)
        rd_error(r, cfg_member(g, "max"), "must not be below min (%g)", p->a);
    if (p->dist == FS_DIST_TRIANGULAR) {
        if (rd_real(r, g, "mode", &p->b) == 1) rd_error_missing(r, g, "mode");
        else if (p->b < p->a || p->b > p->c)
            rd_error(r, cfg_member(g, "mode"), "must lie between min and max");
    }
    p->lo = p->a, p->hi = p->c;
}

/* Reads one parameter. Its line is set only once its key names a parameter (so that a
 * duplicate is reported only among those). */
static void read_param(reader *r, const cfg_node *g, const fs_model *m, fs_sweep_param *p)
{
    rd_check_keys(r, g, param_keys);
    if (rd_string(r, g, "key", p->key, sizeof p->key) == 1) {
        rd_error_missing(r, g, "key");
        return;
    }
    const cfg_node *key = cfg_member(g, "key");
    if (resolve_key(m, p) != 0) {
        rd_error(r, key,
                 "\"%s\" is not a parameter a sweep can vary: policy.envelope, policy.hold_harmless, "
                 "policy.priority, policy.coverage_min, policy.cap, city.revenue, city.need, "
                 "city.central_transfers, city.reserve_rate, population, revenue.<source>, "
                 "sources.<source>.central, norms.<norm>.per_capita|per_km2|fixed, "
                 "disbursement.capacity.without_pmb|staff_elasticity, disbursement.cash.opening",
                 p->key);
        return;
    }
    if (!strncmp(p->key, "disbursement.", 13) && !m->disburse) {
        rd_error(r, key, "\"%s\": the scenario has no disbursement section", p->key);
        return;
    }
    p->line = cfg_line(key);
    p->baseline = baseline_of(m, p);
    char why[FS_KEY_MAX_PATH + 96];
    fs_key_range k = range_of(m, p, why, sizeof why);
    p->range_lo = k.lo, p->range_hi = k.hi;
    int dist = cfg_member(g, "values") ? FS_DIST_DISCRETE : FS_DIST_UNIFORM;
    rd_choice(r, g, "dist", dist_names, &dist);
    p->dist = (fs_sweep_dist)dist;
    if (p->dist == FS_DIST_DISCRETE) read_values(r, g, p, &k, why);
    else if (p->dist == FS_DIST_NORMAL) read_normal(r, g, p, &k, why);
    else read_bounded(r, g, p, &k, why);
}

/* A key given twice would be set twice in every variant, the second value winning. */
static void check_duplicate(reader *r, const cfg_node *e, const fs_sweep_spec *s, size_t k)
{
    const fs_sweep_param *p = &s->params[k];
    for (size_t j = 0; j < k && p->line > 0; j++)
        if (s->params[j].line > 0 && !strcmp(s->params[j].key, p->key)) {
            rd_error(r, cfg_member(e, "key"),
                     "\"%s\" is already a parameter of this sweep (line %d): give each key once", p->key,
                     s->params[j].line);
            return;
        }
}

/* "256 × 256 × 32": the value counts of a grid, cut short with "…" when long. */
static void grid_counts(const fs_sweep_spec *s, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t j = 0; j < s->param_count; j++) {
        int n = snprintf(buf + used, size - used, "%s%zu", j ? " × " : "", s->params[j].value_count);
        if (n < 0 || (size_t)n >= size - used - 8) {
            snprintf(buf + used, size - used, " × …");
            return;
        }
        used += (size_t)n;
    }
}

/* A design of more than FS_SWEEP_VARIANTS_MAX variants is refused here rather than
 * when the sweep runs out of memory (or, counted in a wrapped size_t, overruns it). */
static void check_variant_total(reader *r, const cfg_node *g, const fs_sweep_spec *s)
{
    size_t n = fs_sweep_variant_total(s);
    if (n <= FS_SWEEP_VARIANTS_MAX) return;
    char total[64];
    if (n == SIZE_MAX) snprintf(total, sizeof total, "over 2^64");
    else snprintf(total, sizeof total, "%zu", n);
    const cfg_node *list = cfg_member(g, "parameters");
    if (s->design == FS_DESIGN_GRID) {
        char counts[200];
        grid_counts(s, counts, sizeof counts);
        rd_error(r, list,
                 "a grid of %s values makes %s variants, more than the %d a sweep can run: give fewer values, "
                 "or draw a sample (design = \"lhs\")",
                 counts, total, FS_SWEEP_VARIANTS_MAX);
    } else if (s->design == FS_DESIGN_SOBOL) {
        const cfg_node *v = cfg_member(g, "variants");
        rd_error(r, v ? v : g,
                 "a Sobol design of %zu base rows and %zu parameters makes %s variants (N × (parameters + 2)), "
                 "more than the %d a sweep can run: give fewer base rows",
                 s->variants, s->param_count, total, FS_SWEEP_VARIANTS_MAX);
    } else {
        rd_error(r, list, "%zu parameters make %s variants, more than the %d a sweep can run", s->param_count, total,
                 FS_SWEEP_VARIANTS_MAX);
    }
}

/* A parameter's index by key, or -1 (reported at setting e). */
static int param_index(reader *r, const cfg_node *e, const char *key, const fs_sweep_spec *s)
{
    char name[FS_KEY_MAX_PATH];
    if (rd_string(r, e, key, name, sizeof name) == 1) {
        rd_error_missing(r, e, key);
        return -1;
    }
    for (size_t j = 0; j < s->param_count; j++)
        if (!strcmp(s->params[j].key, name)) return (int)j;
    rd_error(r, cfg_member(e, key), "\"%s\" is not one of the sweep's parameters", name);
    return -1;
}

static void read_correlations(reader *r, const cfg_node *g, fs_sweep_spec *s)
{
    const cfg_node *list = cfg_member(g, "correlations");
    if (!list) return;
    if (!cfg_is_list(list)) {
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
    s->correlation_count = (size_t)cfg_length(list);
    s->correlations = calloc(s->correlation_count + 1, sizeof *s->correlations);
    if (!s->correlations) {
        s->correlation_count = 0;
        return;
    }
    for (size_t k = 0; k < s->correlation_count; k++) {
        const cfg_node *e = cfg_elem(list, (unsigned)k);
        fs_sweep_correlation *c = &s->correlations[k];
        c->line = cfg_line(e);
        if (!cfg_is_group(e)) {
            rd_error(r, e, "expected a group { a = ...; b = ...; rho = ...; }");
            continue;
        }
        rd_check_keys(r, e, correlation_keys);
        int a = param_index(r, e, "a", s), b = param_index(r, e, "b", s);
        if (rd_real(r, e, "rho", &c->rho) == 1) rd_error_missing(r, e, "rho");
        else if (!(c->rho > -1 && c->rho < 1)) rd_error(r, cfg_member(e, "rho"), "must lie strictly between -1 and 1");
        if (a >= 0 && a == b) rd_error(r, cfg_member(e, "b"), "a parameter is not correlated with itself");
        c->a = a < 0 ? 0 : (size_t)a, c->b = b < 0 ? 0 : (size_t)b;
    }
}

/* Dates at which each variant's disbursement forecast (whole plan) is reported. */
static void read_dates(reader *r, const cfg_node *g, const fs_model *m, fs_sweep_spec *s)
{
    const cfg_node *dates = cfg_member(g, "dates");
    if (!dates) return;
    if (!m->disburse) {
        rd_error(r, dates, "dates need a disbursement section in the scenario");
        return;
    }
    if (!cfg_is_array(dates) || cfg_length(dates) < 1 ||
        cfg_length(dates) > FS_SWEEP_DATES_MAX) {
        rd_error(r, dates, "expected an array of 1 to %d dates [ \"2026-12-31\", ... ]", FS_SWEEP_DATES_MAX);
        return;
    }
    int32_t first = fs_days_from_civil(m->year, 1, 1), last = fs_days_from_civil(m->year + 1, 1, 31);
    for (int k = 0; k < cfg_length(dates); k++) {
        const cfg_node *e = cfg_elem(dates, (unsigned)k);
        const char *text = cfg_string(e);
        int32_t day = 0;
        if (!text || fs_date_parse(text, &day) != 0 || day < first || day > last)
            rd_error(r, e, "expected a date YYYY-MM-DD from %d-01-01 to %d-01-31", m->year, m->year + 1);
        s->dates[s->date_count++] = day;
    }
}

void scenario_read_sweep(reader *r, const cfg_node *root, fs_model *m)
{
    const cfg_node *g = cfg_member(root, "sweep");
    if (!g) return;
    if (!cfg_is_group(g)) {
        rd_error(r, g, "expected a group { design = ...; parameters = ( ... ); }");
        return;
    }
    rd_check_keys(r, g, sweep_keys);
    fs_sweep_spec *s = calloc(1, sizeof *s);
    if (!s) return;
    m->sweep = s;
    s->file = rd_file(r, g);
    s->line = cfg_line(g);
    int design = FS_DESIGN_LHS;
    rd_choice(r, g, "design", design_names, &design);
    s->design = (fs_sweep_design)design;
    int64_t variants = 100, seed = 1;
    if (rd_int64(r, g, "variants", &variants) == 0 && (variants < 1 || variants > FS_SWEEP_VARIANTS_MAX))
        rd_error(r, cfg_member(g, "variants"), "must be between 1 and %d", FS_SWEEP_VARIANTS_MAX);
    rd_int64(r, g, "seed", &seed);
    s->variants = (size_t)variants;
    s->seed = (uint64_t)seed;
    const cfg_node *list = cfg_member(g, "parameters");
    if (!list || !cfg_is_list(list) || cfg_length(list) == 0) {
        if (list) rd_error(r, list, "expected a list of parameters ( { key = ...; ... } )");
        else rd_error_missing(r, g, "parameters");
        return;
    }
    s->param_count = (size_t)cfg_length(list);
    s->params = calloc(s->param_count, sizeof *s->params);
    if (!s->params) {
        s->param_count = 0;
        return;
    }
    for (size_t k = 0; k < s->param_count; k++) {
        const cfg_node *e = cfg_elem(list, (unsigned)k);
        if (!cfg_is_group(e)) {
            rd_error(r, e, "expected a group { key = ...; ... }");
            continue;
        }
        read_param(r, e, m, &s->params[k]);
        check_duplicate(r, e, s, k);
        if (s->design == FS_DESIGN_GRID && s->params[k].dist != FS_DIST_DISCRETE)
            rd_error(r, e, "a grid needs values = [ ... ] for every parameter");
    }
    check_variant_total(r, g, s);
    read_correlations(r, g, s);
    read_dates(r, g, m, s);
}
