/*
 * invariants.h: checks every result must pass, whatever the scenario: money is
 * conserved to the last unit, and every enabled requirement holds. Lower requirements
 * (hold-harmless, floors, minimum coverage) hold at their ceilings in whole money and
 * the cap at its floor, unless the result lists that requirement of that unit as a gap;
 * the city balance may miss by the rounding of the amounts it adds up (stated below).
 */
#ifndef FISCALSIM_TEST_INVARIANTS_H
#define FISCALSIM_TEST_INVARIANTS_H

#include <math.h>
#include <string.h>

#include "check.h"
#include "model.h"
#include "result.h"

/* The shortfall the result lists for requirement `kind` of unit u, or 0. */
static int64_t listed_gap(const fs_result *r, size_t u, const char *kind)
{
    for (size_t k = 0; k < r->gap_count; k++)
        if (r->gaps[k].unit == u && !strcmp(r->gaps[k].requirement, kind)) return r->gaps[k].shortfall;
    return 0;
}

/* A lower requirement in whole money: its ceiling (the engine's 1e-6 tolerance). */
static int64_t least_whole(double v)
{
    return (int64_t)ceil(v - 1e-6);
}

static void check_invariants(const fs_model *m, const fs_result *r)
{
    size_t S = m->source_count;
    int64_t alloc = 0, own = 0, transfer = 0;
    int bad_split = 0, bad_sum = 0, bad_policy = 0;
    const fs_policy *p = &m->policy;
    for (size_t u = 0; u < m->unit_count; u++) {
        const fs_unit_result *ur = &r->units[u];
        int64_t commune = 0;
        for (size_t s = 0; s < S; s++) {
            size_t k = u * S + s;
            if (r->central_part[k] + r->city_part[k] + r->commune_part[k] != fs_model_revenue(m, u, s)) bad_split++;
            if (r->central_part[k] < 0 || r->city_part[k] < 0 || r->commune_part[k] < 0) bad_split++;
            commune += r->commune_part[k];
        }
        if (commune != ur->own || ur->own + ur->transfer + ur->targeted != ur->allocation) bad_sum++;
        if (ur->need != m->need[u]) bad_sum++;
        alloc += ur->allocation;
        own += ur->own;
        transfer += ur->transfer;
        if (p->mode != FS_MODE_OPTIMISE) continue;
        int64_t x = ur->allocation;
        if (p->nonneg_transfers && ur->transfer < 0 && -ur->transfer != listed_gap(r, u, "nonneg_transfers")) {
            fprintf(stderr, "unit %zu: negative transfer\n", u);
            bad_policy++;
        }
        if (!isnan(p->hold_harmless) && m->units[u].last_year > 0) {
            int64_t least = least_whole(p->hold_harmless * (double)m->units[u].last_year);
            if (x < least && least - x != listed_gap(r, u, "hold_harmless")) {
                fprintf(stderr, "unit %zu: allocation %lld below hold-harmless %lld\n", u, (long long)x,
                        (long long)least);
                bad_policy++;
            }
        }
        if (!isnan(p->cap)) {
            int64_t most = (int64_t)floor(p->cap * (double)ur->need + 1e-6);
            if (x > most && x - most != listed_gap(r, u, "cap")) bad_policy++;
        }
        double fl = p->floor_per_capita[m->units[u].cls];
        if (!isnan(fl)) {
            int64_t least = least_whole(fl * (double)m->units[u].population);
            if (x < least && least - x != listed_gap(r, u, "per_capita_floor")) bad_policy++;
        }
        double first = p->priority * (double)m->units[u].delegated;
        if (!isnan(p->coverage_min)) {
            int64_t least = least_whole(p->coverage_min * ((double)ur->need - first) + first);
            if (x < least && least - x != listed_gap(r, u, "coverage_min")) bad_policy++;
        }
    }
    CHECK_I64(bad_split, 0);
    CHECK_I64(bad_sum, 0);
    CHECK_I64(bad_policy, 0);
    CHECK_I64(alloc, r->total_allocation);
    CHECK_I64(own, r->total_own);
    CHECK_I64(transfer, r->total_transfer);
    if (p->mode == FS_MODE_OPTIMISE && p->envelope_mode == FS_ENVELOPE_EXACT) CHECK_I64(alloc, p->envelope);
    if (p->mode == FS_MODE_OPTIMISE && p->envelope_mode == FS_ENVELOPE_MAX) CHECK(alloc <= p->envelope);
    if (p->mode == FS_MODE_OPTIMISE && m->city.present)
        CHECK((double)r->city_balance >= -(double)m->city.deficit_max - (double)(m->unit_count * (S + 1) + S + 1));
    for (size_t s = 0; s < S; s++) {
        int64_t collected = m->sources[s].city_collected, parts = r->city_collected_central[s] + r->city_collected_city[s];
        for (size_t u = 0; u < m->unit_count; u++) {
            collected += fs_model_revenue(m, u, s);
            size_t k = u * S + s;
            parts += r->central_part[k] + r->city_part[k] + r->commune_part[k];
        }
        CHECK_I64(parts, collected);
    }
}

#endif
