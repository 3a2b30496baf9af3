/*
 * result.c: from real shares and transfers to integer money (see result.h).
 *
 * Each collection's parts are floors or one more, adding up to it; whether the commune
 * part takes the one more is left open, so each unit's own revenue may be any whole
 * amount between its floors' sum and its ceilings' (lower still where the unit's own
 * chosen share may move: lowerable()). The optimisation's allocations are
 * then chosen in whole money by whole_money.h (limits, the non-negative transfer and
 * the coverage level as tiers before closeness to the LP), the own revenue as near its
 * real value as the allocation leaves room for, and each unit's collections settled to
 * it. The legal formula keeps the commune parts nearest their real values and pays
 * A − (B + C) in whole money. Requirements no whole allocation can meet are listed as
 * gaps.
 */
#include "result.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "round.h"
#include "whole_money.h"

void fs_result_free(fs_result *r)
{
    if (!r) return;
    free(r->units);
    free(r->share);
    free(r->central_part);
    free(r->city_part);
    free(r->commune_part);
    free(r->city_collected_city);
    free(r->city_collected_central);
    free(r->binding);
    free(r->gaps);
    free(r);
}

static fs_result *allocate(size_t n, size_t S)
{
    fs_result *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->unit_count = n;
    r->source_count = S;
    r->units = calloc(n + 1, sizeof *r->units);
    r->share = calloc(n * S + 1, sizeof *r->share);
    r->central_part = calloc(n * S + 1, sizeof *r->central_part);
    r->city_part = calloc(n * S + 1, sizeof *r->city_part);
    r->commune_part = calloc(n * S + 1, sizeof *r->commune_part);
    r->city_collected_city = calloc(S + 1, sizeof *r->city_collected_city);
    r->city_collected_central = calloc(S + 1, sizeof *r->city_collected_central);
    if (!r->units || !r->share || !r->central_part || !r->city_part || !r->commune_part ||
        !r->city_collected_city || !r->city_collected_central) {
        fs_result_free(r);
        return NULL;
    }
    return r;
}

/* Splits `amount` into central/city/commune by the given shares, exactly (a city's own
 * collection: the commune gets nothing). */
static int split3(int64_t amount, double central, double commune, int64_t *c, int64_t *city, int64_t *own)
{
    double a = (double)amount;
    double real[3] = {central * a, a - central * a - commune * a, commune * a};
    if (real[1] < 0) real[1] = 0;
    static const int64_t zero[3] = {0, 0, 0};
    int64_t out[3];
    if (fs_round_to_total(real, 3, amount, zero, out) != 0) return -1;
    *c = out[0];
    *city = out[1];
    *own = out[2];
    return 0;
}

static void city_totals(const fs_model *m, fs_result *r)
{
    int64_t retained = m->city.revenue + m->city.central_transfers;
    for (size_t s = 0; s < m->source_count; s++) {
        retained += r->city_collected_city[s];
        for (size_t u = 0; u < m->unit_count; u++) retained += r->city_part[u * m->source_count + s];
    }
    int64_t base = m->city.need + r->total_transfer + r->total_targeted;
    r->city_retained = retained;
    r->city_reserve = fs_round_money(m->city.reserve_rate * (double)base);
    r->city_spending = base + r->city_reserve;
    r->city_balance = retained - r->city_spending;
}

/* ---- Collections -------------------------------------------------------------------- */

enum { CENTRAL, CITY, COMMUNE, PARTS };

/* One collection's split: each part is its floor or one more, and `up` parts (those
 * with a fractional real value) take the one more, so that the parts add up to the
 * collection. Which part takes it is free: the commune part can round either way
 * whenever it is fractional (another fractional part then takes the unit), which is
 * what lets the allocation choose a unit's own revenue (below). */
typedef struct split {
    int64_t floor[PARTS];
    double frac[PARTS];
    int up;
    bool commune_up, commune_down;   /* what the commune part may do */
} split;

static void make_split(int64_t amount, double central, double commune, split *sp)
{
    double a = (double)amount;
    double real[PARTS] = {central * a, a - central * a - commune * a, commune * a};
    if (real[CITY] < 0) real[CITY] = 0;
    int64_t sum = 0;
    int fractional = 0;
    for (int k = 0; k < PARTS; k++) {
        /* A part within 1e-9 of an integer is that integer: shares like 0.1 × 12,150. */
        double f = floor(real[k] + 1e-9);
        sp->floor[k] = (int64_t)f;
        sp->frac[k] = real[k] - f > 1e-9 ? real[k] - f : 0;
        sum += sp->floor[k];
        fractional += sp->frac[k] > 0;
    }
    sp->up = (int)(amount - sum);
    /* Shares that add up to more than the collection leave fewer units than floors (the
     * city part was clamped at 0): the commune part gives way first, then central. */
    for (int k = COMMUNE; sp->up < 0 && k >= CENTRAL; k--)
        while (sp->up < 0 && sp->floor[k] > 0) sp->floor[k]--, sp->frac[k] = 0, sp->up++;
    int others = fractional - (sp->frac[COMMUNE] > 0);
    sp->commune_up = sp->frac[COMMUNE] > 0 && sp->up >= 1;
    sp->commune_down = sp->frac[COMMUNE] == 0 || sp->up <= others;
    if (sp->up > fractional) sp->commune_up = sp->commune_down = false; /* degenerate: fixed below */
}

/* A degenerate split (shares adding up to more than the collection) goes by largest
 * remainder. */
static void degenerate_split(const split *sp, int64_t amount, int64_t part[PARTS])
{
    double real[PARTS];
    for (int k = 0; k < PARTS; k++) real[k] = (double)sp->floor[k] + sp->frac[k];
    static const int64_t zero[PARTS] = {0, 0, 0};
    if (fs_round_to_total(real, PARTS, amount, zero, part) != 0) {
        for (int k = 0; k < PARTS; k++) part[k] = sp->floor[k];
        part[CITY] += amount - part[CENTRAL] - part[CITY] - part[COMMUNE];
    }
}

/* The units of `up` left to the central and city parts once the commune part is
 * settled: none, one to either (when both are fractional: `flexible`), or one or two
 * that can only go one way. */
static int left_after(const split *sp, bool commune_up)
{
    return sp->up - (commune_up ? 1 : 0);
}

static bool flexible(const split *sp, bool commune_up)
{
    return left_after(sp, commune_up) == 1 && sp->frac[CENTRAL] > 0 && sp->frac[CITY] > 0;
}

/* ---- Requirements in whole money ----------------------------------------------------- */

/* The unit's lower requirements as the LP states them (real), by kind. */
typedef struct requirement {
    const char *kind;
    double value;
} requirement;

static size_t lower_requirements(const fs_model *m, size_t u, requirement out[4])
{
    const fs_policy *p = &m->policy;
    const fs_unit *unit = &m->units[u];
    size_t n = 0;
    if (!isnan(p->hold_harmless) && unit->last_year > 0)
        out[n++] = (requirement){"hold_harmless", p->hold_harmless * (double)unit->last_year};
    if (!isnan(p->floor_per_capita[unit->cls]))
        out[n++] = (requirement){"per_capita_floor", p->floor_per_capita[unit->cls] * (double)unit->population};
    if (!isnan(p->coverage_min)) {
        double first = p->priority * (double)unit->delegated;
        out[n++] = (requirement){"coverage_min", p->coverage_min * ((double)m->need[u] - first) + first};
    }
    if (m->stability_floor) out[n++] = (requirement){"stability", (double)m->stability_floor[u]};
    return n;
}

/* A lower requirement in whole money: its ceiling (1e-6: a requirement met by the
 * solver to its tolerance is met, so 117,140.0000001 needs 117,140). */
static int64_t ceiling(double v)
{
    return (int64_t)ceil(v - 1e-6);
}

static double level_of(const fs_model *m, size_t u, double z)
{
    double first = m->policy.priority * (double)m->units[u].delegated;
    return z * ((double)m->need[u] - first) + first;
}

/* The whole-money problem of unit u (whole_money.h). */
static wm_unit unit_problem(const fs_model *m, size_t u, double x, int64_t own_min, double level)
{
    wm_unit w = {x, INT64_MIN, 0, INT64_MAX, INT64_MIN}; /* an allocation is never negative (X_i >= 0) */
    if (m->policy.nonneg_transfers) w.nonneg = own_min + m->units[u].targeted;
    requirement req[4];
    size_t n = lower_requirements(m, u, req);
    for (size_t k = 0; k < n; k++)
        if (ceiling(req[k].value) > w.lower) w.lower = ceiling(req[k].value);
    if (!isnan(m->policy.cap)) w.upper = (int64_t)floor(m->policy.cap * (double)m->need[u] + 1e-6);
    if (!isnan(level)) w.level = ceiling(level_of(m, u, level) - 1);
    return w;
}

/* Adds the gaps of unit u at allocation a (transfer t). Returns 0 or -1 (memory). */
static int add_gap(fs_result *r, size_t *cap, size_t u, const char *kind, double required, int64_t a, int64_t gap)
{
    if (gap <= 0) return 0;
    if (r->gap_count == *cap) {
        size_t grown = *cap ? 2 * *cap : 8;
        fs_money_gap *g = realloc(r->gaps, grown * sizeof *g);
        if (!g) return -1;
        r->gaps = g, *cap = grown;
    }
    r->gaps[r->gap_count++] = (fs_money_gap){u, kind, required, a, gap};
    return 0;
}

static int collect_gaps(const fs_model *m, fs_result *r, double level)
{
    size_t cap = 0;
    for (size_t u = 0; u < m->unit_count; u++) {
        const fs_unit_result *ur = &r->units[u];
        int64_t a = ur->allocation;
        requirement req[4];
        size_t n = m->policy.mode == FS_MODE_OPTIMISE ? lower_requirements(m, u, req) : 0;
        for (size_t k = 0; k < n; k++)
            if (add_gap(r, &cap, u, req[k].kind, req[k].value, a, ceiling(req[k].value) - a) != 0) return -1;
        if (m->policy.mode == FS_MODE_OPTIMISE && add_gap(r, &cap, u, "nonneg_allocation", 0, a, -a) != 0) return -1;
        if (m->policy.mode == FS_MODE_OPTIMISE && !isnan(m->policy.cap)) {
            double most = m->policy.cap * (double)m->need[u];
            if (add_gap(r, &cap, u, "cap", most, a, a - (int64_t)floor(most + 1e-6)) != 0) return -1;
        }
        if (m->policy.nonneg_transfers && add_gap(r, &cap, u, "nonneg_transfers", 0, a, -ur->transfer) != 0) return -1;
        if (!isnan(level) &&
            add_gap(r, &cap, u, "coverage_level", level_of(m, u, level), a, ceiling(level_of(m, u, level) - 1) - a) != 0)
            return -1;
    }
    return 0;
}

/* ---- The build ------------------------------------------------------------------------- */

/* Working state: per collection its split; per unit its own revenue's range. */
typedef struct build {
    const fs_model *m;
    split *sp;               /* unit × source */
    double *own_real;        /* per unit: the commune parts' real sum */
    double *balance_real;    /* per unit: the real commune parts of sources in the legal balance */
    int64_t *own_min, *own_max;
    int64_t *own_usual;      /* per unit: own_min before lowering (below) */
    int64_t *lowerable;      /* unit × source: how far the commune part may go below its usual least */
    int64_t *lowered;        /* unit × source: how far it went */
    int64_t *own, *alloc;
    wm_unit *problem;
    bool *commune_up;        /* unit × source: the commune part takes the one more */
} build;

static void build_free(build *b)
{
    free(b->sp), free(b->own_real), free(b->balance_real), free(b->own_min), free(b->own_max);
    free(b->own_usual), free(b->lowerable), free(b->lowered);
    free(b->own), free(b->alloc), free(b->problem), free(b->commune_up);
}

static int build_alloc(build *b, const fs_model *m)
{
    size_t n = m->unit_count, S = m->source_count;
    memset(b, 0, sizeof *b);
    b->m = m;
    b->sp = calloc(n * S + 1, sizeof *b->sp);
    b->own_real = calloc(n + 1, sizeof *b->own_real);
    b->balance_real = calloc(n + 1, sizeof *b->balance_real);
    b->own_min = calloc(n + 1, sizeof *b->own_min);
    b->own_max = calloc(n + 1, sizeof *b->own_max);
    b->own_usual = calloc(n + 1, sizeof *b->own_usual);
    b->lowerable = calloc(n * S + 1, sizeof *b->lowerable);
    b->lowered = calloc(n * S + 1, sizeof *b->lowered);
    b->own = calloc(n + 1, sizeof *b->own);
    b->alloc = calloc(n + 1, sizeof *b->alloc);
    b->problem = calloc(n + 1, sizeof *b->problem);
    b->commune_up = calloc(n * S + 1, sizeof *b->commune_up);
    return b->sp && b->own_real && b->balance_real && b->own_min && b->own_max && b->own_usual && b->lowerable &&
                   b->lowered && b->own && b->alloc && b->problem && b->commune_up
               ? 0
               : -1;
}

/* How many money units the commune part of unit u's collection of source s may go
 * below `least`, its usual least: when the optimiser chooses the share of that unit
 * alone on a continuum (a rule with scope "unit" and no step), any whole commune part
 * down to the rule's least share is a share it could have chosen, and the city part
 * takes the difference. A group's share is common to its units, and a stepped share
 * a multiple of its step: neither moves. */
static int64_t lowerable(const fs_model *m, size_t u, size_t s, const split *sp, int64_t least)
{
    if (m->policy.mode != FS_MODE_OPTIMISE || m->sources[s].type != FS_SOURCE_SHARED) return 0;
    if (!sp->commune_up && !sp->commune_down) return 0; /* degenerate split */
    const fs_share_rule *rule = fs_model_rule(m, u, s);
    if (!rule || !rule->choose || !rule->per_unit || rule->step > 0) return 0;
    int64_t lowest = (int64_t)ceil(rule->lo * (double)fs_model_revenue(m, u, s) - 1e-9);
    return least > lowest ? least - lowest : 0;
}

/* Each unit's collections: their splits and the range of its own revenue. */
static void make_splits(build *b, const double *share)
{
    const fs_model *m = b->m;
    size_t S = m->source_count;
    for (size_t u = 0; u < m->unit_count; u++) {
        int64_t lower = 0;
        for (size_t s = 0; s < S; s++) {
            split *sp = &b->sp[u * S + s];
            int64_t amount = fs_model_revenue(m, u, s);
            make_split(amount, m->sources[s].central, share[u * S + s], sp);
            double commune = (double)sp->floor[COMMUNE] + sp->frac[COMMUNE];
            b->own_real[u] += commune;
            if (m->sources[s].in_balance) b->balance_real[u] += commune;
            bool fixed_up = !sp->commune_down && sp->commune_up;
            b->own_min[u] += sp->floor[COMMUNE] + fixed_up;
            b->own_max[u] += sp->floor[COMMUNE] + (sp->commune_up || fixed_up);
            b->lowerable[u * S + s] = lowerable(m, u, s, sp, sp->floor[COMMUNE] + fixed_up);
            lower += b->lowerable[u * S + s];
        }
        b->own_usual[u] = b->own_min[u];
        b->own_min[u] -= lower;
    }
}

/* The own revenue in [lo, hi] nearest its real value (halves up). */
static int64_t nearest_within(double real, int64_t lo, int64_t hi)
{
    int64_t v = fs_round_money(real);
    return v < lo ? lo : v > hi ? hi : v;
}

/* Unit u's commune parts adding up to own: the collections whose commune part may round
 * either way round it up, largest fraction first (ties: the lower source), until they
 * do. Marks b->commune_up. */
static void settle_commune(build *b, size_t u, int64_t own)
{
    const fs_model *m = b->m;
    size_t S = m->source_count;
    int64_t ups = own - b->own_usual[u];
    for (size_t s = 0; s < S; s++) {
        const split *sp = &b->sp[u * S + s];
        b->commune_up[u * S + s] = sp->commune_up && !sp->commune_down;
        /* Below the usual least: the unit's own chosen shares give way, in source order. */
        int64_t down = ups < 0 ? (-ups < b->lowerable[u * S + s] ? -ups : b->lowerable[u * S + s]) : 0;
        b->lowered[u * S + s] = down;
        ups += down;
    }
    for (; ups > 0; ups--) {
        size_t best = S;
        for (size_t s = 0; s < S; s++) {
            const split *sp = &b->sp[u * S + s];
            if (b->commune_up[u * S + s] || !sp->commune_up || !sp->commune_down) continue;
            if (best == S || sp->frac[COMMUNE] > b->sp[u * S + best].frac[COMMUNE]) best = s;
        }
        if (best == S) break;
        b->commune_up[u * S + best] = true;
    }
}

/* A collection whose leftover unit may go to either part, by its central fraction. */
typedef struct flexible_part {
    double frac;
    size_t unit;
} flexible_part;

static int by_larger_fraction(const void *a, const void *b)
{
    const flexible_part *x = a, *y = b;
    if (x->frac != y->frac) return x->frac < y->frac ? 1 : -1;
    return (x->unit > y->unit) - (x->unit < y->unit);
}

/* Marks in central_up the `more` flexible collections of source s with the largest
 * central fractions (ties: the lower unit): sorted once, O(n log n). Returns 0, or -1
 * when memory runs out (then nothing is marked). */
static int take_central(const build *b, size_t s, size_t more, bool *central_up)
{
    size_t S = b->m->source_count, n = b->m->unit_count, count = 0;
    flexible_part *c = malloc((n + 1) * sizeof *c);
    if (!c) return -1;
    for (size_t u = 0; u < n; u++) {
        const split *sp = &b->sp[u * S + s];
        if ((sp->commune_up || sp->commune_down) && flexible(sp, b->commune_up[u * S + s]))
            c[count++] = (flexible_part){sp->frac[CENTRAL], u};
    }
    qsort(c, count, sizeof *c, by_larger_fraction);
    for (size_t k = 0; k < count && k < more; k++) central_up[c[k].unit] = true;
    free(c);
    return 0;
}

/* Source s's collections: with their commune parts settled, the central parts of the
 * collections whose last unit may go to either the central or the city part take it,
 * largest central fraction first (ties: the lower unit), until the central parts add
 * up to the real central total nearest; the city parts take the rest. So each
 * source's central and city totals are as near their real values as the commune
 * parts leave room for, not off by a unit per collection. Returns 0, or -1 when memory
 * runs out (then r's parts of source s are not set). */
static int settle_source(build *b, fs_result *r, size_t s)
{
    const fs_model *m = b->m;
    size_t S = m->source_count, n = m->unit_count;
    double central_real = 0;
    int64_t central = 0;
    for (size_t u = 0; u < n; u++) {
        const split *sp = &b->sp[u * S + s];
        bool up = b->commune_up[u * S + s];
        central_real += (double)sp->floor[CENTRAL] + sp->frac[CENTRAL];
        int64_t c = sp->floor[CENTRAL];
        if (sp->commune_up || sp->commune_down)
            if (!flexible(sp, up) && left_after(sp, up) > 0 && sp->frac[CENTRAL] > 0) c++;
        central += c;
    }
    int64_t more = fs_round_money(central_real) - central;
    bool *central_up = calloc(n + 1, sizeof *central_up);
    if (!central_up || (more > 0 && take_central(b, s, (size_t)more, central_up) != 0)) {
        free(central_up);
        return -1;
    }
    for (size_t u = 0; u < n; u++) {
        const split *sp = &b->sp[u * S + s];
        size_t k = u * S + s;
        int64_t amount = fs_model_revenue(m, u, s), part[PARTS];
        if (!sp->commune_up && !sp->commune_down) {
            degenerate_split(sp, amount, part);
        } else {
            bool up = b->commune_up[k];
            for (int p = 0; p < PARTS; p++) part[p] = sp->floor[p];
            if (up) part[COMMUNE]++;
            if (flexible(sp, up)) part[central_up[u] ? CENTRAL : CITY]++;
            else
                for (int p = CENTRAL, left = left_after(sp, up); p <= CITY && left > 0; p++)
                    if (sp->frac[p] > 0) part[p]++, left--;
        }
        if (b->lowered[k] > 0) {
            /* A lower share of the unit's own choosing (lowerable()): the city takes it. */
            part[COMMUNE] -= b->lowered[k], part[CITY] += b->lowered[k];
            r->share[k] = (double)part[COMMUNE] / (double)amount;
        }
        r->central_part[k] = part[CENTRAL], r->city_part[k] = part[CITY], r->commune_part[k] = part[COMMUNE];
    }
    free(central_up);
    return 0;
}

/* Optimisation: the allocations by whole_money.h, then each unit's own revenue as near
 * its real value as a non-negative transfer allows. */
static int allocate_optimised(build *b, const fs_result *r, const double *transfer, double level)
{
    const fs_model *m = b->m;
    size_t n = m->unit_count;
    double sum = 0;
    for (size_t u = 0; u < n; u++) {
        double x = b->own_real[u] + (double)r->units[u].targeted + transfer[u];
        sum += x;
        b->problem[u] = unit_problem(m, u, x, b->own_min[u], level);
    }
    const fs_policy *p = &m->policy;
    wm_total mode = p->envelope_mode == FS_ENVELOPE_EXACT ? WM_EXACT
                    : p->envelope_mode == FS_ENVELOPE_MAX ? WM_AT_MOST
                                                          : WM_FREE;
    int64_t target = mode == WM_EXACT ? p->envelope : fs_round_money(sum);
    if (wm_allocate(b->problem, n, mode, target, p->envelope, b->alloc) != 0) return -1;
    for (size_t u = 0; u < n; u++) {
        int64_t hi = b->own_max[u];
        if (p->nonneg_transfers && b->alloc[u] - r->units[u].targeted < hi) hi = b->alloc[u] - r->units[u].targeted;
        b->own[u] = nearest_within(b->own_real[u], b->own_min[u], hi < b->own_min[u] ? b->own_min[u] : hi);
    }
    return 0;
}

fs_status fs_result_build(const fs_model *m, const double *share, const double *transfer, double level,
                          fs_result **out, fs_diag *diag)
{
    *out = NULL;
    size_t n = m->unit_count, S = m->source_count;
    fs_result *r = allocate(n, S);
    build b = {.m = m};
    if (!r || build_alloc(&b, m) != 0) goto oom;
    r->mode = m->policy.mode;
    r->level = level;
    memcpy(r->share, share, n * S * sizeof *share);
    for (size_t u = 0; u < n; u++) {
        r->units[u].targeted = m->units[u].targeted;
        r->units[u].need = m->need[u];
    }
    make_splits(&b, share);
    for (size_t s = 0; s < S; s++) {
        int64_t unused;
        if (split3(m->sources[s].city_collected, m->sources[s].central, 0, &r->city_collected_central[s],
                   &r->city_collected_city[s], &unused) != 0)
            goto oom;
    }
    bool legal = m->policy.mode == FS_MODE_LEGAL;
    if (legal) {
        for (size_t u = 0; u < n; u++) b.own[u] = nearest_within(b.own_real[u], b.own_min[u], b.own_max[u]);
    } else if (allocate_optimised(&b, r, transfer, level) != 0) {
        goto oom;
    }
    for (size_t u = 0; u < n; u++) settle_commune(&b, u, b.own[u]);
    for (size_t s = 0; s < S; s++)
        if (settle_source(&b, r, s) != 0) goto oom;
    for (size_t u = 0; u < n; u++) {
        fs_unit_result *ur = &r->units[u];
        for (size_t s = 0; s < S; s++) ur->own += r->commune_part[u * S + s];
        if (legal) {
            /* A − (B + C) in whole money: the real transfer plus what rounding took from or
             * gave to the balance's own revenue (land-use fees are outside it). */
            int64_t balance = 0;
            for (size_t s = 0; s < S; s++)
                if (m->sources[s].in_balance) balance += r->commune_part[u * S + s];
            ur->transfer = transfer[u] > 0 ? fs_round_money(transfer[u] + b.balance_real[u] - (double)balance) : 0;
            ur->allocation = ur->own + ur->targeted + ur->transfer;
        } else {
            ur->allocation = b.alloc[u];
            ur->transfer = ur->allocation - ur->own - ur->targeted;
        }
    }
    r->min_coverage = HUGE_VAL;
    for (size_t u = 0; u < n; u++) {
        fs_unit_result *ur = &r->units[u];
        ur->coverage = (double)ur->allocation / (double)ur->need;
        ur->per_capita = (double)ur->allocation / (double)m->units[u].population;
        r->total_need += ur->need;
        r->total_own += ur->own;
        r->total_transfer += ur->transfer;
        r->total_targeted += ur->targeted;
        r->total_allocation += ur->allocation;
        if (ur->coverage < r->min_coverage) r->min_coverage = ur->coverage;
        if (ur->allocation < ur->need) r->units_under_need++;
    }
    city_totals(m, r);
    if (collect_gaps(m, r, level) != 0) goto oom;
    build_free(&b);
    *out = r;
    return FS_OK;
oom:
    build_free(&b);
    fs_result_free(r);
    return fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory");
}

/* Money per LP unit of the primary objective: transfers are money, the rest are ratios. */
static double objective_scale(const fs_lp *lp, size_t stage)
{
    return lp->stage[stage] == FS_OBJ_MIN_TRANSFERS ? lp->money_scale : 1.0;
}

static int attach_binding(const fs_lp *lp, const fs_solution *sol, fs_result *r)
{
    r->binding = calloc(sol->binding_count + 1, sizeof *r->binding);
    if (!r->binding) return -1;
    double S = lp->money_scale, obj = objective_scale(lp, 0);
    for (size_t k = 0; k < sol->binding_count; k++) {
        const fs_binding *b = &sol->binding[k];
        fs_constraint_report *c = &r->binding[r->binding_count++];
        c->source = c->rule = -1;
        if (b->is_col) {
            const fs_lp_col *col = &lp->cols[b->index];
            snprintf(c->name, sizeof c->name, "%s", col->name);
            c->unit = col->unit;
            double step = col->step;
            if (col->role == FS_COL_COVERAGE) {
                c->kind = "coverage_min";
                step = 1;
            } else {
                c->source = col->source;
                c->rule = col->rule;
                c->kind = fabs(b->activity - col->lo) <= fabs(b->activity - col->hi) ? "share_min" : "share_max";
            }
            c->value = b->activity * step;
            c->shadow_price = b->dual * obj / step;
            c->range_lo = b->range_lo * step;
            c->range_hi = b->range_hi * step;
        } else {
            const fs_lp_row *row = &lp->rows[b->index];
            snprintf(c->name, sizeof c->name, "%s", row->name);
            c->kind = fs_row_role_name(row->role);
            c->unit = row->unit;
            c->value = b->activity * S;
            c->shadow_price = b->dual * obj / S;
            c->range_lo = b->range_lo * S;
            c->range_hi = b->range_hi * S;
        }
    }
    return 0;
}

fs_status fs_result_from_lp(const fs_model *m, const fs_lp *lp, const fs_solution *sol, fs_result **out,
                            fs_diag *diag)
{
    size_t n = m->unit_count, S = m->source_count;
    double *share = malloc((n * S + 1) * sizeof *share);
    double *transfer = malloc((n + 1) * sizeof *transfer);
    if (!share || !transfer) {
        free(share);
        free(transfer);
        return fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory");
    }
    for (size_t u = 0; u < n; u++) {
        transfer[u] = sol->x[lp->transfer_col[u]] * lp->money_scale;
        for (size_t s = 0; s < S; s++) {
            const fs_source *src = &m->sources[s];
            int col = lp->share_col[u * S + s];
            double v;
            if (src->type == FS_SOURCE_CITY) v = 0;
            else if (src->type == FS_SOURCE_COMMUNE) v = 1 - src->central;
            else if (col >= 0) v = sol->x[col] * lp->cols[col].step;
            else v = fs_model_rule(m, u, s)->commune;
            share[u * S + s] = v;
        }
    }
    double level = lp->coverage_col >= 0 ? sol->x[lp->coverage_col] : NAN;
    fs_status st = fs_result_build(m, share, transfer, level, out, diag);
    free(share);
    free(transfer);
    if (st != FS_OK) return st;
    fs_result *r = *out;
    r->status = sol->status;
    r->iterations = sol->iterations;
    r->money_scale = lp->money_scale;
    r->lp_objective = sol->objective[0];
    r->max_violation = sol->max_violation;
    r->objective_count = lp->stage_count;
    for (size_t k = 0; k < lp->stage_count; k++) r->objective[k] = sol->objective[k] * objective_scale(lp, k);
    if (attach_binding(lp, sol, r) != 0) {
        fs_result_free(r);
        *out = NULL;
        return fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory");
    }
    return FS_OK;
}
