/*
 * period.h: a multi-year run over a stability period.
 *
 * The scenario's year is the first year. Each later year is the scenario grown by the
 * period's rates (revenue by source, population, the prices of the norms, the envelope,
 * the city's budget), with last year's allocation as this year's hold-harmless base.
 * Under the stability rules the sharing ratios chosen in the first year are frozen for
 * the whole period, and no unit's balancing transfer may fall below last year's; a
 * year in which those rules leave no feasible allocation is a violation, reported with
 * what would have to give, and the run stops there.
 */
#ifndef FISCALSIM_PERIOD_H
#define FISCALSIM_PERIOD_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "model.h"
#include "period_spec.h"
#include "relax.h"
#include "result.h"


typedef enum fs_year_status { FS_YEAR_SOLVED, FS_YEAR_INFEASIBLE, FS_YEAR_NOT_RUN } fs_year_status;

typedef struct fs_period_year {
    int year;
    fs_year_status status;
    fs_model *model;             /* the year's scenario (owned) */
    fs_result *result;           /* when solved */
    fs_relaxation *relaxation;   /* when infeasible: what would have to give */
} fs_period_year;

typedef struct fs_period_result {
    size_t year_count;
    fs_period_year *years;       /* years[0] is the scenario's year, solved by the caller */
    int failed_year;             /* the year with no feasible allocation (a stability
                                  * violation under the stability rules), or 0 */
} fs_period_result;

/* Runs years 2..n of m's period, given the first year's solved result `first` (which
 * the caller keeps; years[0] holds no model or result). Returns FS_OK with a result the
 * caller frees; FS_EINFEASIBLE, also with the result, when a year has no feasible
 * allocation (the later years are not run; the diagnostics say which year and what
 * would have to give); FS_EINTERNAL/FS_EINPUT on solver failure, grown amounts out of
 * range or memory, with diagnostics and no result. */
fs_status fs_period_run(const fs_model *m, const fs_result *first, fs_period_result **out, fs_diag *diag);

void fs_period_result_free(fs_period_result *p);

#endif
