/*
 * sweep_order.h (private): the order a sweep runs its variants in.
 *
 * A variant is warm-started from the one solved before it (solve.h, fs_solver), which
 * pays only when the two are close. Variants are therefore run along a Hilbert curve
 * through their parameters' ranks, so that neighbours in the run are neighbours in
 * the parameter space, and that order is cut into blocks (sweep_block_size). Each
 * block starts cold: a variant's result depends on its block alone, never on
 * which worker, rank or shard ran the block, so results are identical to the byte
 * whatever the number of jobs.
 */
#ifndef FISCALSIM_SWEEP_ORDER_H
#define FISCALSIM_SWEEP_ORDER_H

#include <stddef.h>

/* Blocks of 256 variants, fewer in small sweeps (at least 64 blocks, of at least 8
 * variants) so that their blocks still spread over workers and shards. Depends on the
 * number of variants alone. */
static inline size_t sweep_block_size(size_t n)
{
    size_t size = (n + 63) / 64;
    return size < 8 ? 8 : size > 256 ? 256 : size;
}

/* The run order of n variants with p parameters each (x: n × p, row-major): a
 * permutation of 0..n-1 the caller frees, or NULL when out of memory. With more than
 * 16 parameters the first 16 give the curve. Depends on x alone. */
size_t *sweep_order(const double *x, size_t n, size_t p);

/* The number of blocks of n variants. */
static inline size_t sweep_block_count(size_t n)
{
    return (n + sweep_block_size(n) - 1) / sweep_block_size(n);
}

#endif
