/*
 * legal.c: the legal sharing formula, see legal.h. No solver: the formula is a
 * closed form per unit, so the baseline is exact and instant.
 */
#include "legal.h"

void fs_legal_solve(const fs_model *m, double *share, double *transfer)
{
    size_t S = m->source_count;
    for (size_t u = 0; u < m->unit_count; u++) {
        double A = (double)m->need[u], B = 0, C = 0;
        for (size_t s = 0; s < S; s++) {
            const fs_source *src = &m->sources[s];
            double r = (double)fs_model_revenue(m, u, s);
            if (!src->in_balance) continue;
            if (src->type == FS_SOURCE_COMMUNE) B += r * (1 - src->central);
            else if (src->type == FS_SOURCE_SHARED) C += r * (1 - src->central);
        }
        double ratio, t = 0; /* share of the local (non-central) part */
        if (A - B <= 0) ratio = 0;
        else if (A - B < C) ratio = (A - B) / C;
        else {
            ratio = 1;
            t = A - (B + C);
        }
        transfer[u] = t;
        for (size_t s = 0; s < S; s++) {
            const fs_source *src = &m->sources[s];
            double *out = &share[u * S + s];
            if (src->type == FS_SOURCE_CITY) *out = 0;
            else if (src->type == FS_SOURCE_COMMUNE) *out = 1 - src->central;
            else if (src->in_balance) *out = ratio * (1 - src->central);
            else *out = fs_model_rule(m, u, s)->commune;
        }
    }
}
