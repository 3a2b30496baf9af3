/*
 * fiscalsim.h: the library's public interface, the only header a program that embeds
 * fiscalsim includes (the command-line tool is one such program; examples/ has another).
 *
 * A run is an opaque handle that owns everything of one scenario: its model, the
 * allocation, the disbursement forecast, the period's years, its diagnostics and the
 * outputs it writes. The life of a run:
 *
 *     fs_run *run = fs_run_new();
 *     fs_run_load_file(run, "scenarios/haiphong-2026.cfg");   (or fs_run_load_text)
 *     fs_run_solve(run);                  allocation, disbursement, period
 *     fs_run_write(run, "out/x");         tables and charts, all or nothing
 *     fs_run_unit_allocation(run, u) ...  figures by accessor
 *     fs_run_free(run);
 *
 * Every call that can fail returns an fs_status and adds diagnostics to the run, read
 * with fs_diagnostics_* (fs_run_diagnostics): each names the file, line and key it is
 * about. A call on a run
 * that has not reached its stage (a figure before fs_run_solve succeeded) returns
 * FS_EUSAGE, 0 or NULL. Money is in whole units of the scenario's money_unit.
 *
 * The library does not change the process: not its locale (numbers are read and
 * written in the C locale whatever the caller's), signal handlers, environment or
 * allocator settings. One run must not be used from two threads at once.
 */
#ifndef FISCALSIM_H
#define FISCALSIM_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "fiscalsim/status.h"

typedef struct fs_run fs_run;

/* ---- Life ------------------------------------------------------------------------ */

/* A new, empty run, or NULL when memory runs out. */
fs_run *fs_run_new(void);

/* Frees the run and everything it owns. NULL is allowed. */
void fs_run_free(fs_run *run);

/* Loads and checks the scenario at `path` (its tables and baselines are found relative
 * to it). Returns FS_OK; FS_EINPUT when the scenario is invalid, with a diagnostic per
 * problem; FS_EIO when a file cannot be read; FS_EUSAGE when the run already holds one. */
fs_status fs_run_load_file(fs_run *run, const char *path);

/* As fs_run_load_file, from the `len` bytes at `text` standing for the file `name`:
 * diagnostics name it, and its tables and baselines are found relative to its folder.
 * The text is copied. */
fs_status fs_run_load_text(fs_run *run, const char *name, const char *text, size_t len);

/* ---- Options, before fs_run_solve ------------------------------------------------- */

enum {
    FS_RUN_SYNC = 1,     /* flush each output file to the disk before it is committed */
    FS_RUN_VERBOSE = 2,  /* the solver's own output, on stdout */
    FS_RUN_PROGRESS = 4, /* a long solve shows its progress on stderr */
    FS_RUN_TIMINGS = 8,  /* fs_run_report prints the time of each phase on its warnings stream */
    FS_RUN_ALLOCATION_ONLY = 16, /* fs_run_solve solves the allocation alone: no disbursement, no period */
    FS_RUN_NO_PERIOD = 32        /* fs_run_solve solves no stability period (the disbursement still) */
};
/* Sets the run's flags (a sum of FS_RUN_*; none by default). */
void fs_run_set_flags(fs_run *run, unsigned flags);

enum { FS_TABLES_CSV = 1, FS_TABLES_XLSX = 2 };
enum { FS_CHARTS_PNG = 1, FS_CHARTS_SVG = 2, FS_CHARTS_PDF = 4 };

/* The formats fs_run_write writes: tables (FS_TABLES_*, CSV by default) and charts
 * (FS_CHARTS_*, PNG and PDF by default; 0 for none) in language `lang` ("vi" by
 * default, or "en"). Charts are drawn from the CSV tables. Returns FS_OK, or FS_EUSAGE
 * (with a diagnostic) for no table format, an unknown language, or charts without CSV. */
fs_status fs_run_set_outputs(fs_run *run, unsigned tables, unsigned charts, const char *lang);

/* The folder of the chart scripts the run's charts are drawn with (a copy of plots/,
 * restyled); NULL, the default: plots/ next to the program (README: charts). Returns
 * FS_OK, or FS_EUSAGE (with a diagnostic) when dir holds no chart scripts. */
fs_status fs_run_set_plots(fs_run *run, const char *dir);

/* Also write the allocation's LP (CPLEX LP format) to `path` when it is solved; NULL:
 * do not. The path is copied. */
fs_status fs_run_set_export_lp(fs_run *run, const char *path);

/* ---- Running ----------------------------------------------------------------------- */

/* Solves the loaded scenario: the allocation, then, when the scenario has them, the
 * disbursement forecast (calibrated on the baseline's run when it says so) and the
 * later years of its period. Returns FS_OK; FS_EINFEASIBLE when no allocation meets the
 * policy (fs_run_write then writes what would have to give) or a year of the period
 * has none (fs_run_failed_year; the years before it are results); FS_EINPUT,
 * FS_EINTERNAL, FS_ETIMEOUT, FS_EIO as the diagnostics say. */
fs_status fs_run_solve(fs_run *run);

/* Writes the run's outputs into folder `dir` (made with its parents when missing): the
 * tables and charts of a solved run, or summary.json with what would have to give when
 * the allocation was infeasible. All or nothing: on failure nothing in dir changes
 * (fs_run_output_kept says whether dir was reached at all). Returns FS_OK, FS_EIO,
 * FS_EMISSING (gnuplot or libxlsxwriter missing), FS_EINTERNAL, or FS_EUSAGE when the
 * run has nothing to write. */
fs_status fs_run_write(fs_run *run, const char *dir);

/* Redraws, into folder dir, the charts of a run written there earlier, from its tables
 * (no scenario is loaded or solved; fs_run_set_outputs chooses formats and language).
 * All or nothing, as fs_run_write. Returns FS_OK, FS_EINPUT when a table is missing or
 * malformed, FS_EMISSING without gnuplot, FS_EIO. */
fs_status fs_run_redraw(fs_run *run, const char *dir);

/* Draws, into folder dir, the page of one unit of its communes.pdf (commune.pdf), from
 * its communes.txt, the unit named as a person types it ("bach long vi"; every unit of
 * that name). All or nothing, as fs_run_write. Returns FS_OK; FS_EUSAGE when no unit
 * has that name or the folder has no communes.txt; FS_EINPUT, FS_EMISSING, FS_EIO as
 * fs_run_redraw. */
fs_status fs_run_redraw_unit(fs_run *run, const char *dir, const char *unit);

/* True when fs_run_write has something to write: the run is solved, or its allocation
 * is infeasible (what would have to give), or a year of its period is (the years
 * before it). A disbursement whose cash runs out, say, leaves nothing to write. */
int fs_run_writable(const fs_run *run);

/* True when the last fs_run_write failed after it had locked dir: dir is as it was. */
int fs_run_output_kept(const fs_run *run);

/* ---- Figures ----------------------------------------------------------------------- */

const char *fs_run_name(const fs_run *run);        /* the scenario's name */
const char *fs_run_money_unit(const fs_run *run);  /* "million VND" */
int fs_run_year(const fs_run *run);
size_t fs_run_unit_count(const fs_run *run);
const char *fs_run_unit_name(const fs_run *run, size_t u);
/* The unit named `name` as a person would type it: exactly, else case, spacing, marks
 * ("Thuỷ", "thuy") and the kind's prefix aside ("bach long vi" finds "Đặc khu Bạch Long
 * Vĩ"). Returns its index; -1 when no unit matches, -2 when several do. */
long fs_run_find_unit(const fs_run *run, const char *name);

/* The units to show for a name fs_run_find_unit did not settle: those it matches when
 * several do, else the closest names; at most 5, as "\"A\", \"B\"" into buf (size bytes,
 * always terminated). Returns how many. */
size_t fs_run_unit_suggestions(const fs_run *run, const char *name, char *buf, size_t size);
int64_t fs_run_unit_need(const fs_run *run, size_t u);
/* After fs_run_solve succeeded: */
int64_t fs_run_unit_allocation(const fs_run *run, size_t u);
int64_t fs_run_total_allocation(const fs_run *run);
int64_t fs_run_total_transfer(const fs_run *run);
double fs_run_min_coverage(const fs_run *run);
size_t fs_run_units_under_need(const fs_run *run);
/* The year of the period with no feasible allocation, or 0. */
int fs_run_failed_year(const fs_run *run);

/* ---- Reports ------------------------------------------------------------------------ */

/* What `fiscalsim run` prints after fs_run_solve and fs_run_write: the outcome line
 * (naming dir), the disbursement forecast and the period's years on `out`; warnings
 * (requirements whole money cannot meet; with FS_RUN_TIMINGS the phases' times) on
 * `warnings`. Returns FS_OK, or FS_EUSAGE when the run is not solved. */
fs_status fs_run_report(const fs_run *run, const char *dir, FILE *out, FILE *warnings);

/* What `fiscalsim check` prints of a loaded scenario: its units, sources, need, and for
 * a reform every key it changes in its baseline. */
fs_status fs_run_report_scenario(const fs_run *run, const char *path, FILE *out);

/* Unit u's figures explained in words an officer can check by hand, in the language of
 * fs_run_set_outputs (Vietnamese by default): as text, or as JSON for programs (format
 * FS_EXPLAIN_JSON: numbers in the C locale, shares 0..1, each limit with its sentence). */
enum { FS_EXPLAIN_TEXT, FS_EXPLAIN_JSON };
fs_status fs_run_explain_unit(const fs_run *run, size_t u, int format, FILE *out);

/* ---- Excel, both ways ---------------------------------------------------------------- */

/* Writes the loaded scenario's units table as an Excel workbook at path, for an officer
 * to fill in with real figures: the table as it is, under its own column names, and a
 * sheet of notes on each column. A scenario reads the workbook back when its
 * `units.table` names it (a path ending in .xlsx). Returns FS_OK; FS_EUSAGE when the
 * units are listed inline; FS_EMISSING without libxlsxwriter; FS_EIO. */
fs_status fs_run_write_template(fs_run *run, const char *path);

/* ---- A backtest of the disbursement forecast ----------------------------------------- */

/* The cutoffs of fs_run_backtest: "MM-DD,MM-DD,..." (days any year has, increasing, at
 * most 12; 04-30,06-30,08-31 by default). Returns FS_OK, or FS_EUSAGE naming the
 * first that is not one (the cutoffs are then unchanged). */
fs_status fs_run_set_cutoffs(fs_run *run, const char *list);

/* Instead of fs_run_solve: solves the allocation, then forecasts each plan year with
 * observed points from the other years' at each cutoff, against two naive forecasts.
 * Returns FS_OK; FS_EINPUT when the scenario has no disbursement section or no points;
 * the statuses of fs_run_solve. */
fs_status fs_run_backtest(fs_run *run);

/* Writes the backtest's tables and chart (in the formats of fs_run_set_outputs) into
 * dir, all or nothing, as fs_run_write. */
fs_status fs_run_write_backtest(fs_run *run, const char *dir);

/* What `fiscalsim backtest` prints: per cutoff, the points, the band's coverage, and
 * the mean errors at 31 December and 31 January of the model and the naive forecasts. */
fs_status fs_run_report_backtest(const fs_run *run, const char *dir, FILE *out);

/* ---- A sensitivity sweep --------------------------------------------------------------- */

enum {
    FS_SWEEP_RESUME = 1,  /* take the variants the journal in the folder already has */
    FS_SWEEP_RESTART = 2, /* discard this part's journal in the folder first */
    FS_SWEEP_REASONS = 4  /* say why each infeasible variant is (sweep.csv's reason): its
                           * relaxation, about 0.5 ms a variant */
};

/* How fs_run_sweep runs: `jobs` worker processes (1 to 1024; 1 by default), only the
 * shard-th of `shards` parts of the variants (0-based; 0 of 1 by default), and `how`
 * (FS_SWEEP_*). Returns FS_OK or FS_EUSAGE. */
fs_status fs_run_set_sweep(fs_run *run, int jobs, size_t shard, size_t shards, unsigned how);

/* Calls progress(done, total, ctx) about ten times a second while variants run. */
void fs_run_set_progress(fs_run *run, void (*progress)(size_t done, size_t total, void *ctx), void *ctx);

/* Readies the sweep of the loaded scenario in folder dir (made when missing; its
 * journal of finished variants lives there): with FS_SWEEP_RESTART this part's
 * journal is discarded (fs_run_sweep_discarded files). Returns FS_OK, FS_EINPUT when
 * the scenario has no sweep section, FS_EIO. */
fs_status fs_run_sweep_prepare(fs_run *run, const char *dir);
size_t fs_run_sweep_discarded(const fs_run *run);

/* True when a journal of this part is in the folder and FS_SWEEP_RESUME was not given:
 * fs_run_sweep would refuse it (FS_EUSAGE, saying whose it is). */
int fs_run_sweep_journal_found(const fs_run *run);

/* Runs the variants of this part, journaling each as it finishes. Returns FS_OK (an
 * infeasible or failed variant is a result, counted), FS_EUSAGE when a journal is in
 * the way, FS_EINPUT for a damaged journal or another sweep's, FS_EINTERNAL. */
fs_status fs_run_sweep(fs_run *run);

/* The finished variants of this part as `count` records of `record_size` bytes each,
 * in a buffer the caller frees with free(): what a process that ran one part sends to
 * the one that writes (mpirun). Returns FS_OK, FS_EUSAGE without a sweep, FS_EINTERNAL. */
fs_status fs_run_sweep_part(const fs_run *run, void **part, size_t *count, size_t *record_size);

/* Adds `count` records of other parts (as fs_run_sweep_part gives them, from the same
 * build) to this run's sweep, which then holds every part: fs_run_write_sweep writes
 * the whole sweep's outputs and removes every part's journal. */
fs_status fs_run_sweep_add_parts(fs_run *run, const void *parts, size_t count);

/* Writes the sweep into dir, all or nothing: sweep.csv, sensitivity.csv, sweep.json and
 * the charts, or, for one shard of several, sweep-shard-K-of-N.csv for `merge`; then,
 * when export_lps is not NULL, every variant's LP there (one JSON line each); then the
 * journal goes. Returns as fs_run_write. */
fs_status fs_run_write_sweep(fs_run *run, const char *dir, const char *export_lps);

/* True when this part's finished variants are kept in the folder's journal (after a
 * failure: running again with FS_SWEEP_RESUME continues from them). */
int fs_run_sweep_resumable(const fs_run *run);

/* Instead of fs_run_sweep: gathers the shard files of the loaded scenario's sweep
 * (`sweep-shard-K-of-N.csv`), which must hold every variant exactly once, into the
 * sweep a single run would have made. Returns FS_OK, FS_EINPUT naming what is wrong. */
fs_status fs_run_merge_shards(fs_run *run, const char *const *shards, size_t count);

/* What `fiscalsim sweep` and `merge` print: the failed variants by reason (on
 * warnings), and the counts and folder (on out). */
fs_status fs_run_report_sweep(const fs_run *run, const char *dir, FILE *out, FILE *warnings);

/* The most shards a sweep may be cut into. */
enum { FS_RUN_SHARDS_MAX = 1000000 };

/* ---- A reform against its baseline ------------------------------------------------ */

/* A comparison: two scenarios (a baseline and a reform with the same units), each
 * solved as fs_run_solve would (the allocation, and the disbursement when both have a
 * section; no period), compared unit by unit, by kind, class and regime, and by date.
 * Its diagnostics: fs_comparison_diagnostics. */
typedef struct fs_comparison fs_comparison;

fs_comparison *fs_comparison_new(void);           /* NULL when memory runs out */
void fs_comparison_free(fs_comparison *c);

/* As fs_run_set_flags (FS_RUN_SYNC) and fs_run_set_outputs: the language is also that
 * of the group labels in the tables. */
void fs_comparison_set_flags(fs_comparison *c, unsigned flags);
fs_status fs_comparison_set_outputs(fs_comparison *c, unsigned tables, unsigned charts, const char *lang);

/* The folder of the chart scripts the comparison's charts are drawn with, as
 * fs_run_set_plots. */
fs_status fs_comparison_set_plots(fs_comparison *c, const char *dir);

/* The dates the disbursement forecasts are compared at: "YYYY-MM-DD,YYYY-MM-DD,..." (at
 * most 64). By default the ends of June and September, 31 December and the earlier
 * last deadline. Returns FS_OK, or FS_EUSAGE naming the first that is not a date. */
fs_status fs_comparison_set_dates(fs_comparison *c, const char *list);

/* Loads and solves the scenarios at `base` and `reform`, then compares them. Returns
 * FS_OK; FS_EINPUT when either is invalid or their units differ (each named); the
 * statuses of fs_run_solve. */
fs_status fs_comparison_solve(fs_comparison *c, const char *base, const char *reform);

/* Writes the comparison's tables and charts into dir, all or nothing, as fs_run_write;
 * fs_comparison_output_kept as fs_run_output_kept. */
fs_status fs_comparison_write(fs_comparison *c, const char *dir);
int fs_comparison_output_kept(const fs_comparison *c);

/* What `fiscalsim compare` prints: winners, losers and the changes (naming dir), and
 * the disbursement at each compared date. */
fs_status fs_comparison_report(const fs_comparison *c, const char *dir, FILE *out);

/* ---- Diagnostics ---------------------------------------------------------------------- */

/* The diagnostics of a run (or a comparison, a backtest), in the order found: k from 0
 * to fs_diagnostics_count - 1. They belong to their handle and change with its calls. */
typedef struct fs_diag fs_diagnostics;

const fs_diagnostics *fs_run_diagnostics(const fs_run *run);
const fs_diagnostics *fs_comparison_diagnostics(const fs_comparison *c);

/* The loaded scenario's warnings: what is valid but looks wrong (a hold-harmless of 900%,
 * an envelope far from the total need, a share range with one step). They never change
 * a status; NULL before a scenario is loaded. */
const fs_diagnostics *fs_run_warnings(const fs_run *run);

size_t fs_diagnostics_count(const fs_diagnostics *d);
fs_status fs_diagnostics_status(const fs_diagnostics *d, size_t k);
const char *fs_diagnostics_file(const fs_diagnostics *d, size_t k);    /* "" when about no file */
int fs_diagnostics_line(const fs_diagnostics *d, size_t k);            /* 0 when about no line */
const char *fs_diagnostics_key(const fs_diagnostics *d, size_t k);     /* "" when about no key */
const char *fs_diagnostics_message(const fs_diagnostics *d, size_t k);
/* Diagnostic k as a compiler writes one, "file:line: key: message", into buf (size
 * bytes, always terminated). */
void fs_diagnostics_format(const fs_diagnostics *d, size_t k, char *buf, size_t size);

/* ---- The process ------------------------------------------------------------------------ */

/* Makes this process keep the memory it frees for its next allocations (glibc: no mmap
 * for large blocks, no trimming of the heap): every solve allocates and frees the same
 * large arrays, and returned to the system each is faulted in again page by page (half
 * of a national run's time, a quarter of a national sweep's). The library never calls
 * it: a program that runs many solves calls it once, early; processes it forks later
 * inherit it. No effect outside glibc. */
void fs_keep_freed_memory(void);

#endif
