/*
 * whole_money.c: whole allocations by the greedy exchange (see whole_money.h).
 *
 * A unit's cost at a is (p1, p2, p3, d); its marginal cost of one step up or down is
 * the difference of two such tuples, compared lexicographically. Between two
 * breakpoints (the bounds and the integers around x) the marginal cost is constant,
 * so a unit reaches its own best integer in a few jumps; the total then moves one
 * money unit at a time through a binary heap of the units' marginal costs.
 */
#include "whole_money.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

typedef struct cost {
    int64_t p[WM_TIERS];
    double d;
} cost;

static int64_t below(int64_t bound, int64_t a)
{
    return bound != INT64_MIN && a < bound ? bound - a : 0;
}

void wm_shortfall(const wm_unit *u, int64_t a, int64_t shortfall[WM_TIERS])
{
    shortfall[0] = below(u->nonneg, a);
    shortfall[1] = below(u->lower, a) + (u->upper != INT64_MAX && a > u->upper ? a - u->upper : 0);
    shortfall[2] = below(u->level, a);
}

static cost cost_at(const wm_unit *u, int64_t a)
{
    cost c;
    wm_shortfall(u, a, c.p);
    c.d = fabs((double)a - u->x);
    return c;
}

/* The marginal cost of moving u from a by dir (+1 or -1). */
static cost marginal(const wm_unit *u, int64_t a, int dir)
{
    cost from = cost_at(u, a), to = cost_at(u, a + dir), m;
    for (int k = 0; k < WM_TIERS; k++) m.p[k] = to.p[k] - from.p[k];
    m.d = to.d - from.d;
    return m;
}

/* -1, 0, 1 as a is lexicographically less than, equal to, greater than b. */
static int compare(const cost *a, const cost *b)
{
    for (int k = 0; k < WM_TIERS; k++)
        if (a->p[k] != b->p[k]) return a->p[k] < b->p[k] ? -1 : 1;
    return (a->d > b->d) - (a->d < b->d);
}

static bool negative(const cost *c)
{
    static const cost zero = {{0, 0, 0}, 0};
    return compare(c, &zero) < 0;
}

static bool free_of_penalty(const cost *c)
{
    for (int k = 0; k < WM_TIERS; k++)
        if (c->p[k] != 0) return false;
    return true;
}

/* The nearest breakpoint of u beyond a in direction dir (a itself when none). */
static int64_t next_breakpoint(const wm_unit *u, int64_t a, int dir)
{
    int64_t points[6] = {u->nonneg, u->lower, u->upper, u->level, (int64_t)floor(u->x), (int64_t)ceil(u->x)};
    int64_t best = a;
    for (int k = 0; k < 6; k++) {
        int64_t b = points[k];
        if (b == INT64_MIN || b == INT64_MAX || (dir > 0 ? b <= a : b >= a)) continue;
        if (best == a || (dir > 0 ? b < best : b > best)) best = b;
    }
    return best;
}

/* The integer that minimises u's cost: from the integer nearest x, jump from breakpoint
 * to breakpoint while a step lowers the cost (the marginal cost is constant between
 * two breakpoints, and never decreases as a moves on: the cost is convex). */
static int64_t own_best(const wm_unit *u)
{
    int64_t a = (int64_t)floor(u->x + 0.5);
    for (int dir = 1; dir >= -1; dir -= 2)
        for (;;) {
            cost m = marginal(u, a, dir);
            if (!negative(&m)) break;
            int64_t b = next_breakpoint(u, a, dir);
            a = b == a ? a + dir : b;
        }
    return a;
}

/* A binary heap of units by their marginal cost in one direction; ties: the lower
 * index first going up, the higher going down (as largest-remainder rounding). */
typedef struct heap {
    size_t *item;
    size_t count;
    const wm_unit *u;
    const int64_t *a;
    cost *key;
    int dir;
} heap;

static bool before(const heap *h, size_t i, size_t j)
{
    int c = compare(&h->key[i], &h->key[j]);
    if (c != 0) return c < 0;
    return h->dir > 0 ? i < j : i > j;
}

static void sift_up(heap *h, size_t k)
{
    while (k > 0) {
        size_t parent = (k - 1) / 2;
        if (!before(h, h->item[k], h->item[parent])) break;
        size_t t = h->item[k];
        h->item[k] = h->item[parent], h->item[parent] = t;
        k = parent;
    }
}

static void sift_down(heap *h, size_t k)
{
    for (;;) {
        size_t l = 2 * k + 1, r = l + 1, m = k;
        if (l < h->count && before(h, h->item[l], h->item[m])) m = l;
        if (r < h->count && before(h, h->item[r], h->item[m])) m = r;
        if (m == k) return;
        size_t t = h->item[k];
        h->item[k] = h->item[m], h->item[m] = t;
        k = m;
    }
}

/* Moves the total to `goal` one unit at a time, cheapest marginal cost first; with
 * `penalty_free`, only by moves that cost no tier 1–3 (it stops short otherwise). */
static int move_total(const wm_unit *u, size_t n, int64_t *a, int64_t sum, int64_t goal, bool penalty_free)
{
    if (sum == goal || n == 0) return 0;
    heap h = {malloc(n * sizeof *h.item), 0, u, a, malloc(n * sizeof *h.key), goal > sum ? 1 : -1};
    if (!h.item || !h.key) {
        free(h.item), free(h.key);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        h.key[i] = marginal(&u[i], a[i], h.dir);
        h.item[h.count++] = i;
        sift_up(&h, h.count - 1);
    }
    while (sum != goal) {
        size_t i = h.item[0];
        if (penalty_free && !free_of_penalty(&h.key[i])) break;
        a[i] += h.dir;
        sum += h.dir;
        h.key[i] = marginal(&u[i], a[i], h.dir);
        sift_down(&h, 0);
    }
    free(h.item), free(h.key);
    return 0;
}

int wm_allocate(const wm_unit *u, size_t n, wm_total mode, int64_t target, int64_t most, int64_t *a)
{
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        a[i] = own_best(&u[i]);
        sum += a[i];
    }
    switch (mode) {
    case WM_EXACT: return move_total(u, n, a, sum, target, false);
    case WM_AT_MOST:
        if (sum > most) return move_total(u, n, a, sum, most, false);
        return move_total(u, n, a, sum, target < most ? target : most, true);
    default: return move_total(u, n, a, sum, target, true);
    }
}
