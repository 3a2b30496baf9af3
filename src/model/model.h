/*
 * model.h: the validated, immutable description of one scenario.
 *
 * Produced by fs_scenario_load (scenario.h); every later stage reads it through a
 * const pointer and may assert, never reject. Money is int64 in the scenario's money
 * unit; ratios and coefficients are doubles. Needs are computed here from the norms
 * and rounded once, so that every stage sees the same integer need.
 */
#ifndef FISCALSIM_MODEL_H
#define FISCALSIM_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "names.h"

enum { FS_ID_MAX = 48, FS_KEY_MAX_PATH = 160 };

/* Largest amount (money, persons) one field may hold, and largest total the engine
 * computes exactly: money passes through doubles in the solver and in rounding, which
 * are exact for integers up to 2^53. */
#define FS_AMOUNT_MAX 1000000000000000LL /* 10^15 */
#define FS_TOTAL_MAX 9007199254740992.0  /* 2^53 */

typedef enum fs_kind { FS_KIND_COMMUNE, FS_KIND_WARD, FS_KIND_SPECIAL_ZONE, FS_KIND_COUNT } fs_kind;
typedef enum fs_class { FS_CLASS_I, FS_CLASS_II, FS_CLASS_III, FS_CLASS_SPECIAL, FS_CLASS_COUNT } fs_class;

/* Workload indicators a norm may price, in the order of the units table's columns. */
typedef enum fs_workload {
    FS_WL_DOSSIERS, FS_WL_STAFF_QUOTA, FS_WL_STAFF_IN_POST, FS_WL_SCHOOLS,
    FS_WL_HEALTH_STATIONS, FS_WL_HQ_BUILDINGS, FS_WL_COUNT
} fs_workload;

typedef enum fs_source_type { FS_SOURCE_CITY, FS_SOURCE_COMMUNE, FS_SOURCE_SHARED } fs_source_type;
typedef enum fs_mode { FS_MODE_OPTIMISE, FS_MODE_LEGAL } fs_mode;
typedef enum fs_objective {
    FS_OBJ_MAX_MIN_COVERAGE, FS_OBJ_MIN_DEVIATION, FS_OBJ_MIN_TRANSFERS, FS_OBJ_COUNT
} fs_objective;
typedef enum fs_envelope_mode { FS_ENVELOPE_NONE, FS_ENVELOPE_EXACT, FS_ENVELOPE_MAX } fs_envelope_mode;

typedef struct fs_unit {
    char name[FS_NAME_MAX];
    char district[FS_NAME_MAX];
    fs_kind kind;
    fs_class cls;
    int regime;                      /* index into fs_model.regimes */
    int64_t population;
    double area_km2;
    double workload[FS_WL_COUNT];
    bool island, coastal, has_pmb;
    int64_t last_year;               /* last year's allocation, for hold-harmless */
    int64_t delegated;               /* earmark for newly delegated tasks (part of need) */
    int64_t targeted;                /* targeted transfer from the city */
    char published[FS_NAME_MAX];     /* fields that are published figures, not estimates */
    int line;                        /* line in the units table (or scenario) */
} fs_unit;

/* A sharing rule: which units it covers and what commune share it sets. The first rule
 * of a source that matches a unit applies to it. */
typedef struct fs_share_rule {
    int kind;          /* fs_kind, or -1 for any */
    int cls;           /* fs_class, or -1 for any */
    int regime;        /* regime index, or -1 for any */
    bool choose;       /* false: fixed share `commune`; true: chosen in [lo, hi] */
    double commune;
    double lo, hi;
    double step;       /* 0 = continuous; otherwise the share is a multiple of step (MIP) */
    bool per_unit;     /* chosen share: one per unit (true) or one for the group (false) */
    int line;
} fs_share_rule;

typedef struct fs_source {
    char id[FS_ID_MAX];
    char name[FS_NAME_MAX];
    fs_source_type type;
    double central;          /* share of every collection that goes to the central budget */
    bool in_balance;         /* counts in the legal formula's B and C (false: land-use fees) */
    int64_t city_collected;  /* collected by city agencies, not attributed to any unit */
    fs_share_rule *rules;
    size_t rule_count;
} fs_source;

/* One component of need: a price per person, per km², per workload unit, plus a fixed
 * amount, optionally multiplied by the kind/class/island/coastal coefficients. */
typedef struct fs_norm {
    char id[FS_ID_MAX];
    char name[FS_NAME_MAX];
    double per_capita, per_km2, fixed;
    double per_workload[FS_WL_COUNT];
    bool coefficients;
} fs_norm;

typedef struct fs_coefficients {
    double kind[FS_KIND_COUNT];
    double cls[FS_CLASS_COUNT];
    double island, coastal;
} fs_coefficients;

typedef struct fs_city {
    bool present;
    int64_t revenue;            /* city-only revenue not listed as a source */
    int64_t central_transfers;  /* transfers received from the central budget */
    int64_t need;               /* the city's own spending need */
    double reserve_rate;        /* reserve as a share of the city's spending */
    int64_t deficit_max;        /* allowed deficit (>= 0) */
} fs_city;

typedef struct fs_policy {
    fs_mode mode;
    fs_objective objectives[FS_OBJ_COUNT];
    size_t objective_count;
    fs_envelope_mode envelope_mode;
    int64_t envelope;
    double coverage_min;                 /* NAN: off */
    double hold_harmless;                /* NAN: off; share of last_year */
    double cap;                          /* NAN: off; maximum coverage */
    double floor_per_capita[FS_CLASS_COUNT]; /* NAN: off; money unit per person */
    bool nonneg_transfers;
    double priority;                     /* share of the delegated earmark funded first */
    double mip_time_limit;               /* seconds, for ratio steps */
    const char *envelope_file;           /* where `envelope` is given (for warnings), or NULL */
    int envelope_line;
} fs_policy;

/* One key a scenario changes in its baseline (see docs/scenario-format.md, "Reforms"). */
typedef struct fs_overlay_change {
    char key[FS_KEY_MAX_PATH];
    char value[256], base_value[256];    /* short texts (a string: 60 characters at most); base_value
                                          * "(not set)" when added */
    const char *file, *base_file;        /* into fs_model.files; base_file NULL when added */
    int line, base_line;
} fs_overlay_change;

typedef struct fs_model {
    char name[FS_NAME_MAX];
    char file[512];                      /* the scenario file, as given */
    char (*files)[512];                  /* it and its chain of baselines, the scenario first */
    size_t file_count;
    fs_overlay_change *changes;          /* what the scenario changes in its baseline */
    size_t change_count;
    int year;
    char money_unit[FS_ID_MAX];
    bool upper_is_province;              /* upper_level = "province": the level above the
                                          * communes is a province (Tỉnh), not a city */
    uint64_t fingerprint;                /* of the scenario file and its tables (FNV-1a) */
    char (*regimes)[FS_ID_MAX];
    size_t regime_count;
    fs_unit *units;
    size_t unit_count;
    fs_source *sources;
    size_t source_count;
    int64_t *revenue;                    /* unit_count × source_count, collected on the unit's territory */
    fs_norm *norms;
    size_t norm_count;
    fs_coefficients coef;
    fs_city city;
    fs_policy policy;
    struct fs_disburse_spec *disburse;   /* the `disbursement` section, or NULL */
    /* Derived at load time. */
    int64_t *need;                       /* per unit, rounded; components sum to it */
    int64_t *need_parts;                 /* unit_count × (norm_count + 1): norms, then delegated */
    int *rule_of;                        /* unit_count × source_count: matching rule, -1 none */
    /* Set for the later years of a stability period (period.h), else NULL. */
    int64_t *stability_floor;            /* per unit: the least allocation that keeps its
                                          * balancing transfer at last year's */
    struct fs_period_spec *period;       /* the `period` section, or NULL */
    struct fs_sweep_spec *sweep;         /* the `sweep` section, or NULL */
    fs_diag warnings;                    /* what is valid but looks wrong (hold-harmless of 900%) */
    char units_table[FS_PATH_MAX];       /* the units table's file, or "" when they are listed inline */
} fs_model;

/* Frees a model and everything it owns; NULL is harmless. */
void fs_model_free(fs_model *model);

/* A deep copy of the model's data (units, sources and rules, revenue, norms, needs) to
 * vary for another year; without its files, changes, disbursement and period sections.
 * NULL when memory runs out. */
fs_model *fs_model_clone(const fs_model *m);

/* Revenue of source s collected on unit u's territory. */
static inline int64_t fs_model_revenue(const fs_model *m, size_t u, size_t s)
{
    return m->revenue[u * m->source_count + s];
}

/* The rule that sets unit u's share of source s, or NULL when the source is not shared. */
const fs_share_rule *fs_model_rule(const fs_model *m, size_t u, size_t s);

/* Unit index by exact name, or -1. */
int fs_model_find_unit(const fs_model *m, const char *name);

/* A unit named as a person would type it: exactly, by key, or by loose key (marks
 * stripped, đ as d) with or without its kind's prefix ("bach long vi" for "Đặc khu Bạch
 * Long Vĩ"). Returns its index; -2 when several units match (near gets them); -1 when
 * none does (near gets the closest names). near holds at most max (≤ 8) units;
 * *near_count says how many it got. */
int fs_model_lookup_unit(const fs_model *m, const char *name, size_t *near, size_t max, size_t *near_count);
/* (A name not found exactly is then looked up by its key, fs_name_key: "Hòa Bình" in
 * decomposed form or in capitals finds the unit "Hòa Bình". Keys are unique in a model.) */

/* Computes needs from norms: fills need and need_parts, replacing any the model had
 * (a sweep's variant, a later year of a period). Deterministic. Returns 0; -1 on allocation failure; -2 when a unit's need exceeds
 * FS_AMOUNT_MAX (the index of the first such unit in *bad_unit). */
int fs_model_compute_needs(fs_model *model, size_t *bad_unit);

const char *fs_kind_name(fs_kind kind);
const char *fs_class_name(fs_class cls);
const char *fs_objective_name(fs_objective obj);
const char *fs_workload_name(fs_workload wl);

#endif
