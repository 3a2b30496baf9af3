/*
 * disburse_model.h (private): what the disbursement of a plan year is made of, before
 * any calibration: each unit's plan, the entities' capacities, the forecast year's
 * tranches, and every plan year of every series that has observed points, with its
 * curve and its points.
 *
 * A unit's plan = the investment part of its allocation (allocation × investment
 * need / need, rounded down) + its targeted transfer + its part of the projects the
 * city delegates (the lower-level plan minus the former two, split by investment need
 * among the units with a project management board, or among all). Capital added in
 * the year is split the same way. The city's own projects are the whole plan minus
 * the lower-level part.
 *
 * A year other than the forecast year is disbursed as the forecast year's plan would
 * be, with its own calendar (Tết, weekdays of the rush) and, when the scenario gives
 * that year's plan, its own split between the city and the lower level; its money
 * starts on 1 January and is due by 31 January of the next year. Only shares are
 * observed of such years, and a share does not depend on the plan's size.
 *
 * `run` and `backtest` both start here (disburse.c, disburse_backtest.c).
 */
#ifndef FISCALSIM_DISBURSE_MODEL_H
#define FISCALSIM_DISBURSE_MODEL_H

#include "disburse.h"
#include "disburse_prior.h"
#include "result.h"

/* Every plan year of every series with points. */
typedef struct disburse_years {
    size_t count;
    prior_year *years;           /* sorted by series, then year */
    curve_set *sets;             /* sets[j] for years[j]; the forecast year's is not here */
    const fs_disburse_observation **obs;  /* per point of every year, in the years' order */
    size_t *first;               /* years[j]'s first point in obs (count + 1 entries) */
    int forecast;                /* index of the forecast year (own series, model year), or -1 */
    int32_t *date;               /* per point: storage behind years[j].date */
} disburse_years;

typedef struct disburse_model {
    const fs_model *m;
    const fs_disburse_spec *s;
    int64_t *unit_plan;          /* per unit: base plan */
    int64_t *added;              /* added_count × unit_count */
    double *capacity;            /* per entity: the city, then the units */
    curve_set forecast;          /* the forecast year's tranches (base, then added per capital) */
    curve_model cm;              /* sets = &forecast, one set */
    disburse_years years;
} disburse_model;

/* Builds dm for model m with allocation r. Returns FS_OK; FS_EINPUT when the plan
 * cannot hold the units' investment money (the diagnostic names the plan's line);
 * FS_EINTERNAL when memory runs out. dm is freed by disburse_model_free either way. */
fs_status disburse_model_build(const fs_model *m, const fs_result *r, disburse_model *dm, fs_diag *diag);

void disburse_model_free(disburse_model *dm);

/* The deadline of money added on day `added` to the plan of `year`: 31 January of the
 * next year, or 31 December of the next year for capital added after 30 September. */
int32_t disburse_deadline(int year, int32_t added);

/* The prior with no history, and its weights, as the scenario sets them. Returns 0, or
 * -1 when the spread it gives is not a valid covariance. */
int disburse_prior_settings(const fs_disburse_spec *s, prior_settings *out);

/* The years of `years` but those of plan year skip_year (of any series; 0 skips none)
 * and the one at index skip_index (-1: none), as pointers into it; returns how many
 * (out has room for years->count). */
size_t disburse_years_except(const disburse_years *years, int skip_year, int skip_index, prior_year **out);

#endif
