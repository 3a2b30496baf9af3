/*
 * rng.h (private): splitmix64, the one random number generator of sweeps, Sobol
 * bootstraps and correlated designs: a result depends on its seed alone.
 */
#ifndef FISCALSIM_RNG_H
#define FISCALSIM_RNG_H

#include <stdint.h>

/* The next 64 random bits; advances *state. */
static inline uint64_t rng_next(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* Uniform in (0, 1): 53 random bits, never 0 or 1. */
static inline double rng_uniform(uint64_t *state)
{
    return ((double)(rng_next(state) >> 11) + 0.5) / 9007199254740992.0;
}

#endif
