/*
 * result.h: the allocation in integer money, with its explanation.
 *
 * Built from real shares and transfers (from the LP or the legal formula) by the
 * whole-money stage (docs/model.md, "Money"): every collection splits into central,
 * city and commune parts that add up to it exactly, each within one money unit of its
 * real value; the allocations add up to the envelope exactly when the policy fixes
 * one; every lower limit holds at its ceiling and the cap at its floor, and no
 * allocation falls more than one money unit below the LP's common coverage level,
 * unless no allocation in whole money can: then the gaps say which requirement, where,
 * by how much. A pure function of its inputs.
 */
#ifndef FISCALSIM_RESULT_H
#define FISCALSIM_RESULT_H

#include <stdint.h>

#include "error.h"
#include "lp.h"
#include "model.h"
#include "solve.h"

typedef struct fs_unit_result {
    int64_t need, own, transfer, targeted, allocation;
    double coverage;     /* allocation / need */
    double per_capita;   /* allocation / population, money unit per person */
} fs_unit_result;

/* A requirement binding at the optimum, in the scenario's money unit. */
typedef struct fs_constraint_report {
    char name[64];        /* LP row or column name */
    const char *kind;     /* "hold_harmless", "envelope", ..., or "share_min"/"share_max" */
    int unit;             /* unit index, or -1 */
    int source;           /* share bounds: source index, else -1 */
    int rule;             /* share bounds: the sharing rule of that source, else -1 */
    double value;         /* the bound: money (rows) or a share (share bounds) */
    double shadow_price;  /* primary objective gained per money unit (rows) or per 1.0 of share */
    double range_lo, range_hi; /* values of the bound over which the price holds */
} fs_constraint_report;

/* A requirement that no allocation in whole money can meet (the real one met it):
 * the shortfall is what the unit's allocation lacks (or, for the cap, exceeds). */
typedef struct fs_money_gap {
    size_t unit;
    const char *requirement;  /* "hold_harmless", "per_capita_floor", "coverage_min", "stability", "cap",
                               * "nonneg_allocation", "nonneg_transfers" or "coverage_level" */
    double required;          /* the real requirement (the cap: the most) */
    int64_t allocation;
    int64_t shortfall;
} fs_money_gap;

typedef struct fs_result {
    fs_mode mode;
    fs_lp_status status;
    size_t unit_count, source_count;
    fs_unit_result *units;
    double *share;                       /* unit × source: commune share applied */
    int64_t *central_part, *city_part, *commune_part; /* unit × source */
    int64_t *city_collected_city, *city_collected_central; /* per source */
    int64_t total_need, total_own, total_transfer, total_targeted, total_allocation;
    double min_coverage;
    size_t units_under_need;
    int64_t city_retained, city_spending, city_reserve, city_balance;
    double objective[FS_OBJ_COUNT];      /* natural units: coverage, deviation, money */
    size_t objective_count;
    fs_constraint_report *binding;
    size_t binding_count;
    int iterations;
    double money_scale;                  /* LP money = money / money_scale */
    double lp_objective;                 /* primary objective in LP units (for re-solves) */
    double max_violation;                /* the solution's largest relative violation */
    double level;                        /* the LP's common coverage level z held in whole money, or NAN */
    fs_money_gap *gaps;                  /* requirements no whole-money allocation can meet */
    size_t gap_count;
} fs_result;

/* Turns real shares (unit × source) and transfers (per unit) into whole money (see
 * above); `level` is the LP's common coverage level z (NAN when max-min coverage is
 * not an objective). Returns FS_OK, or FS_EINTERNAL with a diagnostic when memory runs
 * out. */
fs_status fs_result_build(const fs_model *model, const double *share, const double *transfer, double level,
                          fs_result **out, fs_diag *diag);

/* Reads shares and transfers off an optimal LP solution, rounds them, and attaches the
 * objective values and binding requirements. */
fs_status fs_result_from_lp(const fs_model *model, const fs_lp *lp, const fs_solution *sol,
                            fs_result **out, fs_diag *diag);

void fs_result_free(fs_result *result);

#endif
