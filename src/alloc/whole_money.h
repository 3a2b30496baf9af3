/*
 * whole_money.h (private): the allocations in whole money, as an optimisation with
 * guarantees rather than a repair of rounded figures.
 *
 * Each unit's allocation a is an integer. Its cost is a tuple, compared in order:
 *
 *   1. how far a falls below the least it may be when transfers are non-negative (its
 *      own revenue at the least its collections can round to, plus targeted transfers);
 *   2. how far a falls below the policy's lower limits taken at their ceilings
 *      (hold-harmless, per-capita floor, minimum coverage, the stability floor: a
 *      requirement of 171,123.3 needs 171,124), plus how far it rises above the cap
 *      taken at its floor;
 *   3. how far a falls below the LP's common coverage level less one money unit;
 *   4. |a − x|, x the LP's real allocation.
 *
 * Every term is convex and piecewise linear in a with integer breakpoints, so the
 * allocations that minimise the sum of the units' costs, lexicographically, subject to
 * Σ a = the envelope, are found by the greedy exchange of separable convex resource
 * allocation: start every unit at its own best integer and move the total one money
 * unit at a time where the marginal cost is least (a unit's marginal costs never
 * decrease as it moves, so no exchange can improve the result: docs/model.md, "Money").
 * A term 1–3 is zero in the result whenever any whole-money allocation makes it zero;
 * when none does, the sum of each tier's shortfalls is the least possible, and the
 * caller reports them. With no shortfall and the total free, term 4 is largest
 * remainder rounding (the same allocations, the same tie-breaks).
 */
#ifndef FISCALSIM_WHOLE_MONEY_H
#define FISCALSIM_WHOLE_MONEY_H

#include <stddef.h>
#include <stdint.h>

enum { WM_TIERS = 3 };

/* One unit's whole-money problem. A missing bound is INT64_MIN (lower) or INT64_MAX
 * (upper). */
typedef struct wm_unit {
    double x;               /* the LP's real allocation */
    int64_t nonneg;         /* tier 1: the least allocation with a non-negative transfer */
    int64_t lower, upper;   /* tier 2: the policy's limits in whole money */
    int64_t level;          /* tier 3: the coverage level less one money unit */
} wm_unit;

typedef enum wm_total { WM_EXACT, WM_AT_MOST, WM_FREE } wm_total;

/* Whole allocations a[0..n) minimising the units' costs (above), lexicographically:
 *   WM_EXACT    Σ a = target;
 *   WM_AT_MOST  Σ a ≤ most, and as near `target` as moves that cost no tier 1–3 allow;
 *   WM_FREE     as near `target` as moves that cost no tier 1–3 allow.
 * Returns 0, or -1 when memory runs out (a is then unspecified). */
int wm_allocate(const wm_unit *u, size_t n, wm_total mode, int64_t target, int64_t most, int64_t *a);

/* The tiers 1–3 of unit u at allocation a: shortfall[0..WM_TIERS). */
void wm_shortfall(const wm_unit *u, int64_t a, int64_t shortfall[WM_TIERS]);

#endif
