/*
 * run_private.h: what a run holds (the handle of fiscalsim.h), shared by the files of
 * src/run only.
 */
#ifndef FISCALSIM_RUN_PRIVATE_H
#define FISCALSIM_RUN_PRIVATE_H

#include <locale.h>
#include <stdbool.h>

#include "fiscalsim.h"

#include "disburse.h"
#include "engine.h"
#include "error.h"
#include "lang.h"
#include "output.h"
#include "period.h"
#include "scenario.h"

/* The phases timed (FS_RUN_TIMINGS). */
enum { FS_PHASE_LOAD, FS_PHASE_BUILD, FS_PHASE_SOLVE, FS_PHASE_ROUND, FS_PHASE_DISBURSE, FS_PHASE_WRITE,
       FS_PHASE_CHART, FS_PHASE_COUNT };

struct fs_run {
    fs_diag diag;
    fs_model *model;
    fs_run *baseline;             /* the baseline's run, when the disbursement calibrates on it */
    int solved;                   /* fs_run_solve's status, or -1 before it */
    fs_result *result;
    fs_relaxation *relaxation;    /* the allocation is infeasible: what would have to give */
    fs_disburse_result *disburse;
    fs_period_result *period;
    int failed_year;              /* the period's year with no feasible allocation, or 0 */
    unsigned flags, tables, charts;
    fs_lang lang;
    char *export_lp;
    bool output_kept;             /* the last write failed and left its folder as it was */
    double ms[FS_PHASE_COUNT];
};

/* The calling thread's locale while the library works: numbers in the C locale, every
 * other category as the caller had it. The process's locale is never changed. */
typedef struct run_locale {
    locale_t ours, callers;
} run_locale;

/* Switches the calling thread to the C locale for numbers; returns what to restore. */
run_locale run_locale_enter(void);

/* Restores the caller's locale and frees ours. */
void run_locale_leave(run_locale l);

#endif
