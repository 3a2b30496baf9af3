/*
 * relax.h: why a policy is infeasible, and by how much.
 *
 * When no allocation meets every requirement, an elastic version of the LP lets each
 * requirement be missed and finds the smallest relaxation: which requirements, for
 * which units, must give way, and by how much money. The officer's requirements give
 * way before the budget's own limits (envelope, city balance, non-negative transfers).
 */
#ifndef FISCALSIM_RELAX_H
#define FISCALSIM_RELAX_H

#include <stdbool.h>
#include <stdint.h>

#include "error.h"
#include "lp.h"
#include "model.h"
#include "solve.h"

/* One requirement that must give way. */
typedef struct fs_relax_item {
    const char *kind;   /* "hold_harmless", "envelope", "nonneg_transfer", ... */
    int unit;           /* unit index, or -1 for a citywide requirement */
    int64_t amount;     /* money it is missed by, rounded up */
} fs_relax_item;

/* The requirements of one kind that give way, summed. */
typedef struct fs_relax_kind {
    const char *kind;
    size_t units;       /* units whose requirement of this kind is relaxed */
    size_t binding;     /* units held exactly at it (relaxed or not): the ones in conflict */
    int64_t amount;
    bool over;          /* it gives way upwards (the envelope: the allocations must exceed it) */
} fs_relax_kind;

typedef struct fs_relaxation {
    int64_t total;                 /* total relaxation, money */
    fs_relax_item *items;          /* largest first, then by unit. Where several units could
                                      give way equally, the split among them is one of many. */
    size_t item_count;
    fs_relax_kind *kinds;          /* largest first */
    size_t kind_count;
    bool steps_only;               /* feasible without whole-step shares: the steps conflict */
} fs_relaxation;

/* Computes the smallest relaxation of the optimisation LP `lp` of `model` (which the
 * caller found infeasible), within `seconds` when it has integer columns. Returns FS_OK
 * and a relaxation the caller frees, FS_EINFEASIBLE when the time ran out, or
 * FS_EINTERNAL, with a diagnostic. */
fs_status fs_relax(const fs_model *model, const fs_lp *lp, double seconds, fs_relaxation **out, fs_diag *diag);

/* fs_relax for many LPs of one shape (a sweep's variants): the elastic LP is kept in
 * `solver` and each solve starts warm from the last one's basis; without the binding
 * report, so each kind's `binding` count stays 0. The time limit is the policy's. */
fs_status fs_relax_warm(const fs_model *model, const fs_lp *lp, fs_solver *solver, fs_relaxation **out,
                        fs_diag *diag);

/* Describes a kind in words for messages, e.g. "hold-harmless". */
const char *fs_relax_kind_text(const char *kind);

/* What would restore feasibility when the requirements of `kind` give way by `amount`
 * (money as text), in words naming the scenario's keys, into buf: "lower
 * policy.hold_harmless, or give the communes at least 200 million VND more
 * (policy.envelope)". `city`: the scenario has a city block (its balance limits what the
 * city can pay). */
void fs_relax_kind_remedy(const fs_relax_kind *kind, const char *amount, const char *money_unit, bool city,
                          char *buf, size_t size);

void fs_relaxation_free(fs_relaxation *relax);

#endif
