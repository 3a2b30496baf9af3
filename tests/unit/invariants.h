/*
 * invariants.h: checks every result must pass, whatever the scenario: money is
 * conserved to the last unit, and every enabled requirement holds. Lower requirements
 * (hold-harmless, floors, minimum coverage) hold exactly in whole money; the cap and the
 * city balance may miss by the rounding of the amounts they add up (stated below).
 */
#ifndef FISCALSIM_TEST_INVARIANTS_H
#define FISCALSIM_TEST_INVARIANTS_H

#include "check.h"
#include "fiscalsim/model.h"
#include "fiscalsim/result.h"

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
        double x = (double)ur->allocation;
        if (p->nonneg_transfers && ur->transfer < 0) bad_policy++;
        if (!isnan(p->hold_harmless) && x < p->hold_harmless * (double)m->units[u].last_year - 1e-6) {
            fprintf(stderr, "unit %zu: allocation %.0f below hold-harmless %.3f\n", u, x,
                    p->hold_harmless * (double)m->units[u].last_year);
            bad_policy++;
        }
        if (!isnan(p->cap) && x > p->cap * (double)ur->need + 1) bad_policy++;
        double fl = p->floor_per_capita[m->units[u].cls];
        if (!isnan(fl) && x < fl * (double)m->units[u].population - 1e-6) bad_policy++;
        double first = p->priority * (double)m->units[u].delegated;
        if (!isnan(p->coverage_min) && x < p->coverage_min * ((double)ur->need - first) + first - 1e-6) bad_policy++;
        if (p->nonneg_transfers && ur->transfer < 0) fprintf(stderr, "unit %zu: negative transfer\n", u);
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
