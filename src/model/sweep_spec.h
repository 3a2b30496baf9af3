/*
 * sweep_spec.h: the `sweep` section of a scenario, as plain data: the parameters by
 * key path with their distributions, their stated correlations, the design and the
 * dates at which the disbursement forecast is read. Read and checked by the scenario
 * loader, owned by the model (fs_model.sweep), run by the sweep stage (sweep.h).
 */
#ifndef FISCALSIM_SWEEP_SPEC_H
#define FISCALSIM_SWEEP_SPEC_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"

enum {
    FS_SWEEP_DATES_MAX = 8,
    FS_SWEEP_MONTHS = 13,        /* month ends of the plan year, then 31 January of the next */
    FS_SWEEP_VARIANTS_MAX = 10000000, /* 10^7: the rows alone take 2 GB of shared memory */
    FS_SWEEP_SHARDS_MAX = 1000000     /* --shard K/N: N at most 10^6 */
};

typedef enum fs_sweep_design { FS_DESIGN_GRID, FS_DESIGN_OAT, FS_DESIGN_LHS, FS_DESIGN_MC, FS_DESIGN_SOBOL } fs_sweep_design;
typedef enum fs_sweep_dist { FS_DIST_UNIFORM, FS_DIST_NORMAL, FS_DIST_TRIANGULAR, FS_DIST_DISCRETE } fs_sweep_dist;

/* What a key path addresses in the model. */
typedef enum fs_sweep_target {
    FS_TARGET_ENVELOPE, FS_TARGET_HOLD_HARMLESS, FS_TARGET_PRIORITY, FS_TARGET_COVERAGE_MIN, FS_TARGET_CAP,
    FS_TARGET_CITY_REVENUE, FS_TARGET_CITY_NEED, FS_TARGET_CITY_TRANSFERS, FS_TARGET_RESERVE_RATE,
    FS_TARGET_REVENUE_SCALE,     /* revenue.<source>: a multiplier on every collection of the source */
    FS_TARGET_POPULATION_SCALE,  /* population: a multiplier on every unit's population */
    FS_TARGET_NORM_PER_CAPITA, FS_TARGET_NORM_PER_KM2, FS_TARGET_NORM_FIXED,
    FS_TARGET_CENTRAL,           /* sources.<id>.central */
    FS_TARGET_WITHOUT_PMB,       /* disbursement.capacity.without_pmb */
    FS_TARGET_STAFF_ELASTICITY,  /* disbursement.capacity.staff_elasticity */
    FS_TARGET_CASH_OPENING       /* disbursement.cash.opening */
} fs_sweep_target;

typedef struct fs_sweep_param {
    char key[FS_KEY_MAX_PATH];
    fs_sweep_target target;
    int index;                   /* source or norm index, else -1 */
    fs_sweep_dist dist;
    double a, b, c;              /* uniform: min max; normal: mean sd; triangular: min mode max */
    double *values;              /* discrete and grid values */
    size_t value_count;
    double baseline;             /* the scenario's own value (1 for multipliers) */
    double lo, hi;               /* the one-at-a-time ends */
    double range_lo, range_hi;   /* the range of the key (a normal is truncated to it) */
    int line;                    /* of the parameter's key */
} fs_sweep_param;

/* A stated rank correlation between two parameters (indices into params). */
typedef struct fs_sweep_correlation {
    size_t a, b;
    double rho;
    int line;
} fs_sweep_correlation;

typedef struct fs_sweep_spec {
    fs_sweep_design design;
    size_t variants;             /* Latin hypercube, Monte Carlo; Sobol: the base rows N */
    uint64_t seed;
    fs_sweep_param *params;
    size_t param_count;
    fs_sweep_correlation *correlations;
    size_t correlation_count;
    int32_t dates[FS_SWEEP_DATES_MAX]; /* disbursement forecast read at these days */
    size_t date_count;
    const char *file;
    int line;
} fs_sweep_spec;

/* Parameter p's value at quantile u (0 < u < 1) of its distribution: a normal is
 * truncated to p's range (range_lo..range_hi), every value kept in it. */
double fs_sweep_quantile(const fs_sweep_param *p, double u);

/* The number of variants of s's design (grid: the product of the value counts; oat:
 * 1 + 2p; sobol: N(p + 2); lhs, mc: N), or SIZE_MAX when it does not fit a size_t.
 * Callers refuse more than FS_SWEEP_VARIANTS_MAX. */
size_t fs_sweep_variant_total(const fs_sweep_spec *s);

void fs_sweep_spec_free(fs_sweep_spec *spec);

#endif
