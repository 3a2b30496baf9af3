/*
 * key_range.h: the range of each scenario key a sweep can vary, one table for the
 * loader (which refuses a value outside it) and the sweep (whose parameters must stay
 * inside it), so that a variant is always a scenario the loader would accept.
 */
#ifndef FISCALSIM_KEY_RANGE_H
#define FISCALSIM_KEY_RANGE_H

#include <stdbool.h>

#include "sweep_spec.h"

typedef struct fs_key_range {
    double lo, hi;
    bool lo_open;                /* lo itself is outside */
    const char *what;            /* a key with no range of its own (a multiplier): what it is */
} fs_key_range;

/* The range of the key a sweep target addresses. Money keys are 0 to FS_AMOUNT_MAX, as
 * the loader reads money; the multipliers have no key of their own (a population one
 * must be positive, a revenue one not negative, both at most FS_AMOUNT_MAX). */
const fs_key_range *fs_key_range_of(fs_sweep_target target);

#endif
