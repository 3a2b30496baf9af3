/*
 * sweep_spec.c: the plain-data `sweep` section (see sweep_spec.h): its variant count,
 * a parameter's distribution, and freeing it.
 */
#include "sweep_spec.h"

#include <math.h>
#include <stdlib.h>

#include "normal_dist.h"

void fs_sweep_spec_free(fs_sweep_spec *spec)
{
    if (!spec) return;
    for (size_t k = 0; k < spec->param_count; k++) free(spec->params[k].values);
    free(spec->params);
    free(spec->correlations);
    free(spec);
}

/* v kept in p's range: a + u (c - a) may round one ulp past c. */
static double in_range(const fs_sweep_param *p, double v)
{
    return v < p->range_lo ? p->range_lo : v > p->range_hi ? p->range_hi : v;
}

/* A normal truncated to its key's range: quantile u of the part inside it. The
 * scenario_sweep.c checks (mean inside, sd at most the range's width) keep that part
 * at least a third of the whole, so the mapping is well conditioned; the quantile's
 * own error (1.2e-9) may step over an end, hence the clamp. Where the range holds the
 * whole normal to double precision, u is unchanged: such designs are those of before. */
static double truncated_normal(const fs_sweep_param *p, double u)
{
    double lo = fs_normal_cdf((p->range_lo - p->a) / p->b), hi = fs_normal_cdf((p->range_hi - p->a) / p->b);
    if (lo > 0 || hi < 1) u = lo + u * (hi - lo);
    return in_range(p, p->a + p->b * fs_normal_quantile(u));
}

double fs_sweep_quantile(const fs_sweep_param *p, double u)
{
    switch (p->dist) {
    case FS_DIST_NORMAL: return truncated_normal(p, u);
    case FS_DIST_TRIANGULAR: {
        double lo = p->a, mode = p->b, hi = p->c, f = hi > lo ? (mode - lo) / (hi - lo) : 0.5;
        double v = u < f ? lo + sqrt(u * (hi - lo) * (mode - lo)) : hi - sqrt((1 - u) * (hi - lo) * (hi - mode));
        return in_range(p, v);
    }
    case FS_DIST_DISCRETE: {
        size_t k = (size_t)(u * (double)p->value_count);
        return p->values[k < p->value_count ? k : p->value_count - 1];
    }
    default: return in_range(p, p->a + u * (p->c - p->a));
    }
}

size_t fs_sweep_variant_total(const fs_sweep_spec *s)
{
    size_t np = s->param_count, n = s->variants, k = 0;
    switch (s->design) {
    case FS_DESIGN_OAT:
        if (__builtin_mul_overflow(np, 2, &n) || __builtin_add_overflow(n, 1, &n)) return SIZE_MAX;
        return n;
    case FS_DESIGN_SOBOL:
        if (__builtin_add_overflow(np, 2, &k) || __builtin_mul_overflow(s->variants, k, &n)) return SIZE_MAX;
        return n;
    case FS_DESIGN_GRID:
        n = 1;
        for (size_t j = 0; j < np; j++)
            if (__builtin_mul_overflow(n, s->params[j].value_count, &n)) return SIZE_MAX;
        return n;
    default: return n;
    }
}
