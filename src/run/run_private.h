/*
 * run_private.h: what a run holds (the handle of fiscalsim.h), shared by the files of
 * src/run only.
 */
#ifndef FISCALSIM_RUN_PRIVATE_H
#define FISCALSIM_RUN_PRIVATE_H

#include <locale.h>
#include <stdbool.h>

#include "fiscalsim.h"

#include "backtest.h"
#include "chart.h"
#include "disburse.h"
#include "engine.h"
#include "error.h"
#include "lang.h"
#include "output.h"
#include "period.h"
#include "scenario.h"
#include "shares.h"
#include "sweep.h"

enum { FS_CUTOFFS_MAX = 12 };

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
    shares_ctx shares;            /* the allocation's sharing decisions, for its tables and report */
    fs_disburse_result *disburse;
    fs_period_result *period;
    int failed_year;              /* the period's year with no feasible allocation, or 0 */
    unsigned flags, tables, charts;
    fs_lang lang;
    char *export_lp;
    char plots[FS_PATH_MAX];      /* fs_run_set_plots's folder (absolute), or "" for the default */
    bool output_kept;             /* the last write failed and left its folder as it was */
    double ms[FS_PHASE_COUNT];
    fs_cutoff cutoffs[FS_CUTOFFS_MAX]; /* a backtest's cutoffs, increasing */
    size_t cutoff_count;
    fs_backtest_result *backtest;
    fs_sweep_options sweep_opt;   /* jobs, shard, journal (sweep_dir once prepared), progress */
    bool sweep_restart;           /* discard the journal of this part when prepared */
    size_t sweep_discarded;       /* journal files discarded then */
    bool sweep_gathered;          /* every part is here (fs_run_sweep_add_parts) */
    size_t sweep_merged;          /* shard files merged (fs_run_merge_shards), or 0 */
    char sweep_dir[FS_PATH_MAX];
    fs_sweep_result *sweep;
};

/* The most units a run writes communes.txt (and so communes.pdf) for: past it, the pages
 * would be thousands (the national scenario: 3,321 pages, 6.7 MB, 15 s), and `explain`
 * gives any one unit's. */
enum { RUN_COMMUNES_MAX = 500 };

/* Writes stage/communes.txt: every unit's explanation (fs_explain_unit) in the run's
 * language, each ended by a form feed, for communes.pdf. Returns FS_OK or FS_EIO. */
fs_status run_write_communes(fs_run *run, const char *stage);

/* Draws the run's charts (fs_chart_draw) and, with a PDF, communes.pdf
 * (fs_communes_draw) at the same time, on a second thread. Returns the charts'
 * failure (with its diagnostics), else the pages' (with theirs), else FS_OK. */
fs_status run_draw_charts(fs_run *run, const fs_chart_data *data, const fs_chart_options *opt,
                          const fs_chart_place *place);

/* Checks the outputs asked for (fiscalsim.h: fs_run_set_outputs) and gives the
 * language. Returns FS_OK, or FS_EUSAGE with a diagnostic. */
fs_status run_check_outputs(unsigned tables, unsigned charts, const char *lang, fs_lang *out, fs_diag *diag);

/* The library's chart options for the public FS_CHARTS_* formats, a language and the
 * folder of the chart scripts (fs_run_set_plots's, "" or NULL: found by the chart stage). */
fs_chart_options run_chart_options(unsigned charts, fs_lang lang, const char *plots);

/* Where charts are drawn: from the tables staged in `set`, into it, for folder dir. */
fs_chart_place run_chart_place(const fs_output_set *set, const char *dir);

/* Loads run's scenario (from the len bytes at text standing for `name` when text is not
 * NULL, else from the file `name`) and, with_baseline, the baseline's run its
 * disbursement calibrates on. Diagnostics go to diag (the outermost handle's). */
fs_status run_load(fs_run *run, const char *name, const char *text, size_t len, bool with_baseline, fs_diag *diag);

/* Solves run's allocation (result, or relaxation when infeasible). */
fs_status run_solve_allocation(fs_run *run, fs_diag *diag);

/* Solves run's disbursement after its allocation, calibrated on `calibration` when not
 * NULL, else as its scenario says: on its own points, or on its baseline's run (loaded
 * now when it was not, and solved: allocation and disbursement). */
fs_status run_solve_disbursement(fs_run *run, const fs_disburse_result *calibration, fs_diag *diag);

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
