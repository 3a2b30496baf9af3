/*
 * sweep.c: running a sweep's variants (see sweep.h). Each variant is a fresh clone of
 * the scenario with its parameters set, solved by the engine with a kept, warm-started
 * GLPK problem. The variants run in blocks of the run order (sweep_order.h); with
 * several jobs, forked worker processes claim the blocks one by one and write each
 * variant's row into a shared map at the variant's index: the result does not depend
 * on the number of workers or on the order they finish in. Each worker journals the
 * variants of every block it finishes (sweep_journal.h), so that a killed sweep can
 * resume; a journal already in the folder is never overwritten or removed here.
 *
 * Workers die with the process that forked them (PR_SET_PDEATHSIG on Linux): a sweep
 * killed with SIGKILL, which it cannot pass on, once left its workers solving for
 * minutes, writing to the journal of a sweep nobody would resume.
 */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include "sweep.h"

#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "calendar.h"
#include "disburse.h"
#include "engine.h"
#include "sweep_journal.h"
#include "sweep_order.h"

void fs_sweep_result_free(fs_sweep_result *r)
{
    if (!r) return;
    free(r->x);
    if (r->rows) munmap(r->rows, r->variant_count * sizeof *r->rows + 1);
    free(r);
}

typedef struct capita {
    double per_capita, population, allocation;
} capita;

static int by_per_capita(const void *a, const void *b)
{
    double x = ((const capita *)a)->per_capita, y = ((const capita *)b)->per_capita;
    return (x > y) - (x < y);
}

/* Gini of per-capita allocation, each unit weighted by its population. */
static double gini(const fs_model *m, const fs_result *r)
{
    capita *c = malloc((m->unit_count + 1) * sizeof *c);
    if (!c) return NAN;
    double pop = 0, alloc = 0;
    for (size_t u = 0; u < m->unit_count; u++) {
        c[u].population = (double)m->units[u].population;
        c[u].allocation = (double)r->units[u].allocation;
        c[u].per_capita = c[u].population > 0 ? c[u].allocation / c[u].population : 0;
        pop += c[u].population, alloc += c[u].allocation;
    }
    qsort(c, m->unit_count, sizeof *c, by_per_capita);
    double x = 0, y = 0, g = 1;
    for (size_t u = 0; u < m->unit_count && pop > 0 && alloc > 0; u++) {
        double nx = x + c[u].population / pop, ny = y + c[u].allocation / alloc;
        g -= (nx - x) * (ny + y);
        x = nx, y = ny;
    }
    free(c);
    return g;
}

int32_t fs_sweep_month_end(int year, size_t k)
{
    return fs_month_end(fs_days_from_civil(year + (int)(k / 12), (int)(k % 12) + 1, 1));
}

fs_status fs_sweep_variant(const fs_model *m, const double *x, fs_disburse_spec *scratch, fs_model **out,
                           fs_diag *diag)
{
    *out = NULL;
    fs_model *y = fs_model_clone(m);
    if (!y) return fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory");
    if (m->disburse) *scratch = *m->disburse, y->disburse = scratch;
    fs_status st = fs_sweep_apply(y, m->sweep, x, diag);
    if (st != FS_OK) {
        fs_sweep_variant_free(y);
        return st;
    }
    *out = y;
    return FS_OK;
}

void fs_sweep_variant_free(fs_model *y)
{
    if (y) y->disburse = NULL; /* the scratch copy, not the model's own */
    fs_model_free(y);
}

const char *fs_sweep_failure_name(fs_sweep_failure f)
{
    static const char *const names[] = {"none", "invalid_variant", "unbounded", "internal"};
    return (unsigned)f < FS_SWEEP_FAIL_COUNT ? names[f] : "internal";
}

void fs_sweep_count(fs_sweep_result *r)
{
    r->solved = r->infeasible = r->failed = 0;
    memset(r->failures, 0, sizeof r->failures);
    for (size_t i = 0; i < r->variant_count; i++) {
        const fs_sweep_row *row = &r->rows[i];
        if (!row->done) continue;
        if (row->status == FS_OK) r->solved++;
        else if (row->status == FS_EINFEASIBLE) r->infeasible++;
        else {
            int f = row->failure > FS_SWEEP_FAIL_NONE && row->failure < FS_SWEEP_FAIL_COUNT ? row->failure
                                                                                          : FS_SWEEP_FAIL_INTERNAL;
            if (r->failures[f].count++ == 0) r->failures[f].first = i;
            r->failed++;
        }
    }
}

/* The scenario's own disbursement run, or NULL when it has no allocation (the sweep's
 * variants may still have one: each is then calibrated on its own). */
static fs_disburse_result *scenario_disbursement(const fs_model *m)
{
    fs_diag diag = {0};
    fs_engine_options opt = {.quick = true};
    fs_result *r = NULL;
    fs_disburse_result *d = NULL;
    if (fs_engine_run(m, &opt, &r, &diag) == FS_OK) fs_disburse_run(m, r, NULL, &d, &diag);
    fs_result_free(r);
    fs_relaxation_free(opt.relaxation);
    fs_diag_clear(&diag);
    return d;
}

/* The requirements a relaxation names (relax.c), as fs_sweep_row.reason 1.. */
static const char *const reason_names[] = {"", "hold_harmless", "coverage_min", "per_capita_floor", "priority", "cap",
                                      "envelope", "city_balance", "nonneg_transfer", "stability"};
_Static_assert(sizeof reason_names / sizeof *reason_names == FS_SWEEP_REASON_COUNT, "sweep.h counts the reasons");

const char *fs_sweep_reason_name(int reason)
{
    return reason > 0 && reason < FS_SWEEP_REASON_COUNT ? reason_names[reason] : "";
}

/* An infeasible variant's reason: the requirement that gives way first in the smallest
 * relaxation, and by how much (the relaxation the quick solve skips, warm from the
 * block's last one in `relax_solver`, or cold when it is NULL). Left 0 when the
 * relaxation cannot be made. */
static void infeasible_reason(const fs_model *y, fs_solver *relax_solver, fs_sweep_row *row)
{
    fs_diag diag = {0};
    fs_lp *lp = NULL;
    fs_relaxation *rx = NULL;
    if (fs_lp_build(y, &lp, &diag) == FS_OK && fs_relax_warm(y, lp, relax_solver, &rx, &diag) == FS_OK &&
        rx->kind_count > 0)
        for (int k = 1; k < FS_SWEEP_REASON_COUNT; k++)
            if (!strcmp(reason_names[k], rx->kinds[0].kind)) row->reason = k, row->reason_amount = rx->kinds[0].amount;
    fs_relaxation_free(rx);
    fs_lp_free(lp);
    fs_diag_clear(&diag);
}

/* Why a variant the engine (or fs_sweep_variant) did not solve failed. */
static fs_sweep_failure failure_of(fs_status st, bool built)
{
    if (st == FS_OK || st == FS_EINFEASIBLE) return FS_SWEEP_FAIL_NONE;
    if (st == FS_EINPUT) return built ? FS_SWEEP_FAIL_UNBOUNDED : FS_SWEEP_FAIL_INVALID;
    return FS_SWEEP_FAIL_INTERNAL;
}

/* The forecast share of the whole plan at the sweep's dates, then at the month ends
 * of the fan, from the variant's allocation r (left NAN when it cannot be made). */
static void forecast(const fs_model *y, const fs_result *r, const fs_disburse_result *base, const fs_sweep_spec *s,
                     fs_sweep_row *row, fs_diag *diag)
{
    int32_t days[FS_SWEEP_DATES_MAX + FS_SWEEP_MONTHS];
    double shares[FS_SWEEP_DATES_MAX + FS_SWEEP_MONTHS];
    size_t n = 0;
    for (size_t k = 0; k < s->date_count; k++) days[n++] = s->dates[k];
    for (size_t k = 0; k < FS_SWEEP_MONTHS; k++) days[n++] = fs_sweep_month_end(y->year, k);
    if (fs_disburse_forecast(y, r, base, days, n, shares, diag) == FS_OK) {
        memcpy(row->disbursed, shares, s->date_count * sizeof *shares);
        memcpy(row->month_end, shares + s->date_count, FS_SWEEP_MONTHS * sizeof *shares);
    }
}

/* One variant, its diagnostics in diag. `base`: with dates, the disbursement run whose
 * calibration (θ) every variant's forecast uses, computed once for the whole sweep: the
 * baseline's when the scenario calibrates on its baseline, else the scenario's own.
 * The points were observed under the scenario as it is; refitted to them, a variant's
 * changes (a capacity, say) would be calibrated away, as a reform's would
 * (disburse_baseline.c). NULL without dates, or when the scenario itself has no
 * allocation. `solver`: the kept GLPK problem to start warm from, or NULL (cold).
 * `reasons`: an infeasible variant's reason too, its relaxation warm in `relax_solver`. */
static void solve_variant(const fs_model *m, const fs_disburse_result *base, fs_solver *solver,
                          fs_solver *relax_solver, bool reasons, const double *x, fs_sweep_row *row, fs_diag *diag)
{
    const fs_sweep_spec *s = m->sweep;
    memset(row, 0, sizeof *row);
    row->min_coverage = row->gini = NAN;
    fs_disburse_spec disburse;
    fs_model *y = NULL;
    fs_engine_options opt = {.quick = true, .solver = solver};
    fs_result *r = NULL;
    row->status = fs_sweep_variant(m, x, &disburse, &y, diag);
    if (row->status == FS_OK) row->status = fs_engine_run(y, &opt, &r, diag);
    row->failure = failure_of(row->status, y != NULL);
    if (reasons && row->status == FS_EINFEASIBLE && y) infeasible_reason(y, relax_solver, row);
    if (r) {
        row->min_coverage = r->min_coverage;
        row->units_under_need = (int64_t)r->units_under_need;
        row->city_balance = r->city_balance;
        row->transfers = r->total_transfer;
        row->gini = gini(y, r);
        for (size_t k = 0; k < FS_SWEEP_DATES_MAX; k++) row->disbursed[k] = NAN;
        for (size_t k = 0; k < FS_SWEEP_MONTHS; k++) row->month_end[k] = NAN;
        if (s->date_count > 0) forecast(y, r, base, s, row, diag);
    }
    fs_result_free(r);
    fs_relaxation_free(opt.relaxation);
    fs_sweep_variant_free(y);
}

static void run_variant(const fs_model *m, const fs_disburse_result *base, fs_solver *solver,
                        fs_solver *relax_solver, bool reasons, const double *x, fs_sweep_row *row)
{
    fs_diag diag = {0};
    solve_variant(m, base, solver, relax_solver, reasons, x, row, &diag);
    fs_diag_clear(&diag);
}

void fs_sweep_explain_failures(const fs_model *m, fs_sweep_result *r)
{
    for (int f = FS_SWEEP_FAIL_NONE + 1; f < FS_SWEEP_FAIL_COUNT; f++) {
        fs_sweep_failures *fail = &r->failures[f];
        if (fail->count == 0) continue;
        fs_diag diag = {0};
        fs_sweep_row row;
        solve_variant(m, NULL, NULL, NULL, false, r->x + fail->first * r->param_count, &row, &diag);
        int used = snprintf(fail->message, sizeof fail->message, "variant %zu: ", fail->first + 1);
        char *text = fail->message + used;
        size_t room = sizeof fail->message - (size_t)used;
        if (row.failure == f && diag.count > 0) fs_error_format(&diag.items[0], text, room);
        else snprintf(text, room, "it did not fail again when solved from scratch (it failed warm-started from the "
                                  "variant before it)");
        fs_diag_clear(&diag);
    }
}

static size_t count_done(const fs_sweep_row *rows, size_t n)
{
    size_t done = 0;
    for (size_t i = 0; i < n; i++) done += __atomic_load_n(&rows[i].done, __ATOMIC_ACQUIRE) != 0;
    return done;
}

/* Waits for the workers, reporting progress every 100 ms when there is a progress
 * callback (polling), else blocking until each exits. Returns how many failed. */
static int wait_workers(pid_t *pid, int jobs, const fs_sweep_row *rows, size_t n, const fs_sweep_options *opt)
{
    int running = 0, failed = 0;
    for (int w = 0; w < jobs; w++) running += pid[w] > 0;
    while (running > 0) {
        for (int w = 0; w < jobs; w++) {
            int status = 0;
            if (pid[w] <= 0 || waitpid(pid[w], &status, opt->progress ? WNOHANG : 0) == 0) continue;
            failed += !WIFEXITED(status) || WEXITSTATUS(status) != 0;
            pid[w] = 0;
            running--;
        }
        if (opt->progress) opt->progress(count_done(rows, n), n, opt->ctx);
        if (running > 0 && opt->progress) usleep(100000);
    }
    return failed;
}

fs_sweep_result *fs_sweep_result_new(const fs_model *m, fs_diag *diag)
{
    const fs_sweep_spec *s = m->sweep;
    fs_sweep_result *res = calloc(1, sizeof *res);
    if (!res) {
        fs_diag_add(diag, FS_EINTERNAL, s->file, 0, NULL, "out of memory");
        return NULL;
    }
    res->param_count = s->param_count;
    res->variant_count = fs_sweep_design_values(s, &res->x, diag);
    size_t n = res->variant_count;
    if (n == 0) {
        free(res);
        return NULL;
    }
    void *map = mmap(NULL, n * sizeof *res->rows + 1, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (map == MAP_FAILED) {
        free(res->x), free(res);
        fs_diag_add(diag, FS_EINTERNAL, s->file, 0, NULL, "out of memory");
        return NULL;
    }
    res->rows = map;
    return res;
}

/* What the workers share: the blocks to run and the next one to claim. */
typedef struct run_plan {
    const size_t *order;         /* the run order of the variants (sweep_order.h) */
    const size_t *blocks;        /* the blocks to run, ascending */
    size_t block_count;
    size_t *next;                /* in shared memory: the next entry of blocks to claim */
} run_plan;

/* Copies a finished row into the result, marking it done last. */
static void publish_row(fs_sweep_row *dst, const fs_sweep_row *src)
{
    fs_sweep_row copy = *src;
    copy.done = 0;
    *dst = copy;
    __atomic_store_n(&dst->done, 1, __ATOMIC_RELEASE);
}

/* Runs the blocks this process claims until none is left, each from a cold solver
 * and then warm from variant to variant, journaling the variants of each block when
 * the block is done. A
 * variant the journal already had is solved again (the block's warm starts go
 * through it) but not recorded again. `report`: call the progress callback (the only
 * process running). Returns 0, or -1 when out of memory. */
static int run_blocks(const fs_model *m, const fs_disburse_result *calibration, fs_sweep_result *res,
                      const run_plan *plan, const fs_sweep_options *opt, bool report)
{
    size_t n = res->variant_count, done = report ? count_done(res->rows, n) : 0;
    FILE *journal = opt->journal ? journal_create(opt->journal, opt->shard, opt->shards, m->fingerprint, n) : NULL;
    int failed = 0;
    for (;;) {
        size_t claim = __atomic_fetch_add(plan->next, 1, __ATOMIC_RELAXED);
        if (claim >= plan->block_count) break;
        size_t size = sweep_block_size(n), first = plan->blocks[claim] * size;
        size_t last = first + size < n ? first + size : n;
        /* Both kept problems start cold at each block: a variant's result depends on its
         * block alone, whichever worker runs it. */
        fs_solver *solver = fs_solver_new(), *relax_solver = opt->reasons ? fs_solver_new() : NULL;
        if (!solver || (opt->reasons && !relax_solver)) {
            fs_solver_free(solver), fs_solver_free(relax_solver);
            failed = -1;
            break;
        }
        for (size_t k = first; k < last; k++) {
            size_t i = plan->order[k];
            fs_sweep_row row;
            run_variant(m, calibration, solver, relax_solver, opt->reasons, res->x + i * res->param_count, &row);
            if (res->rows[i].done) continue;
            publish_row(&res->rows[i], &row);
            if (journal) journal_append(journal, i, &row, m->sweep->date_count);
            if (report && opt->progress && ++done % 64 == 0) opt->progress(done, n, opt->ctx);
        }
        fs_solver_free(solver), fs_solver_free(relax_solver);
        if (journal) fflush(journal);
    }
    if (report && opt->progress) opt->progress(count_done(res->rows, n), n, opt->ctx);
    if (journal) fclose(journal);
    return failed;
}

/* The blocks of this shard that still have a variant to run. */
static size_t pending_blocks(const fs_sweep_result *res, const size_t *order, const fs_sweep_options *opt,
                             size_t *blocks)
{
    size_t n = res->variant_count, size = sweep_block_size(n), count = 0;
    for (size_t b = 0; b < sweep_block_count(n); b++) {
        if (opt->shards > 1 && b % opt->shards != opt->shard) continue;
        bool pending = false;
        for (size_t k = b * size; k < n && k < (b + 1) * size && !pending; k++)
            pending = !res->rows[order[k]].done;
        if (pending) blocks[count++] = b;
    }
    return count;
}

/* In a worker just forked from `parent`: be killed when the parent dies. Returns -1
 * when it already has (the worker was then adopted before the request was made). */
static int die_with_parent(pid_t parent)
{
#ifdef __linux__
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) return -1;
#endif
    return getppid() == parent ? 0 : -1;
}

/* Runs the plan on `jobs` forked workers (or in this process for one). */
static fs_status run_plan_on(const fs_model *m, const fs_disburse_result *calibration, fs_sweep_result *res,
                             const run_plan *plan, int jobs, const fs_sweep_options *opt, fs_diag *diag)
{
    const char *file = m->sweep->file;
    if (jobs == 1)
        return run_blocks(m, calibration, res, plan, opt, true) == 0
                   ? FS_OK
                   : fs_diag_add(diag, FS_EINTERNAL, file, 0, NULL, "out of memory");
    fs_status st = FS_OK;
    pid_t *pid = calloc((size_t)jobs, sizeof *pid);
    if (!pid) return fs_diag_add(diag, FS_EINTERNAL, file, 0, NULL, "out of memory");
    pid_t parent = getpid();
    for (int w = 0; st == FS_OK && w < jobs; w++) {
        pid[w] = fork();
        if (pid[w] == 0) {
            if (die_with_parent(parent) != 0) _exit(1);
            _exit(run_blocks(m, calibration, res, plan, opt, false) == 0 ? 0 : 1);
        }
        if (pid[w] < 0) st = fs_diag_add(diag, FS_EINTERNAL, file, 0, NULL, "cannot start worker %d", w + 1);
    }
    int failed = wait_workers(pid, jobs, res->rows, res->variant_count, opt);
    if (failed && st == FS_OK)
        st = fs_diag_add(diag, FS_EINTERNAL, file, 0, NULL, "%d worker%s of the sweep failed", failed,
                         failed == 1 ? "" : "s");
    free(pid);
    return st;
}

/* The journal already in opt->journal for this shard: with opt->resume, its variants
 * are taken (res->resumed); without, any file of it stops the sweep, which would
 * otherwise run beside it and remove it when done. */
static fs_status take_journal(const fs_model *m, const fs_sweep_options *opt, fs_sweep_result *res, fs_diag *diag)
{
    if (!opt->journal) return FS_OK;
    journal_expect e = {m->fingerprint, res->variant_count, m->sweep->date_count};
    const char *advice = opt->resume
                             ? ": it cannot be resumed; discard it with --restart, or write to another folder (-o)"
                             : ": the sweep does not start over it; discard it with --restart, or write to another "
                               "folder (-o)";
    size_t files = 0, done = 0;
    fs_status st = journal_read_parts(opt->journal, opt->shard, opt->shards, &e, res->rows, &done, &files, advice,
                                      diag);
    if (opt->resume) {
        res->resumed = done;
        return st;
    }
    if (files == 0) return FS_OK;
    if (st == FS_OK)
        fs_diag_add(diag, FS_EUSAGE, opt->journal, 0, NULL,
                    "this folder holds the journal of an unfinished run of this sweep (%zu of %zu variants done, "
                    "%zu file%s): continue it with --resume, or discard it with --restart",
                    done, res->variant_count, files, files == 1 ? "" : "s");
    return FS_EUSAGE;
}

fs_status fs_sweep_run(const fs_model *m, const fs_sweep_options *opt, fs_sweep_result **out, fs_diag *diag)
{
    *out = NULL;
    const fs_sweep_spec *s = m->sweep;
    fs_sweep_result *res = fs_sweep_result_new(m, diag);
    if (!res) return fs_diag_status(diag);
    size_t n = res->variant_count;
    fs_status st = take_journal(m, opt, res, diag);
    /* The disbursement's calibration, once for every variant: a reform calibrated on
     * its baseline takes the baseline's (the caller's run of it); otherwise the
     * scenario's own history prior. */
    fs_disburse_result *own = NULL;
    const fs_disburse_result *calibration = NULL;
    if (st == FS_OK && s->date_count > 0 && m->disburse->calibrate_on_baseline) {
        calibration = opt->baseline_calibration;
        if (!calibration)
            st = fs_diag_add(diag, FS_EINTERNAL, s->file, s->line, "sweep",
                             "the baseline's disbursement run was not given (fs_sweep_options)");
    } else if (st == FS_OK && s->date_count > 0) {
        calibration = own = scenario_disbursement(m);
    }
    size_t *order = st == FS_OK ? sweep_order(res->x, n, res->param_count) : NULL;
    size_t *blocks = malloc((sweep_block_count(n) + 1) * sizeof *blocks);
    size_t *next = mmap(NULL, sizeof *next, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (st == FS_OK && (!order || !blocks || next == MAP_FAILED))
        st = fs_diag_add(diag, FS_EINTERNAL, s->file, 0, NULL, "out of memory");
    if (st == FS_OK) {
        *next = 0;
        run_plan plan = {.order = order, .blocks = blocks, .next = next};
        plan.block_count = pending_blocks(res, order, opt, blocks);
        int jobs = opt->jobs < 1 ? 1 : opt->jobs;
        if ((size_t)jobs > plan.block_count) jobs = plan.block_count ? (int)plan.block_count : 1;
        st = run_plan_on(m, calibration, res, &plan, jobs, opt, diag);
    }
    if (next != MAP_FAILED) munmap(next, sizeof *next);
    free(order);
    free(blocks);
    fs_disburse_result_free(own);
    fs_sweep_count(res);
    if (st != FS_OK) {
        fs_sweep_result_free(res);
        return st;
    }
    fs_sweep_explain_failures(m, res);
    *out = res;
    return FS_OK;
}
