/*
 * run_sweep.c: a run's sensitivity sweep (fiscalsim.h: fs_run_sweep_* and
 * fs_run_merge_shards): the variants run (in worker processes, a shard of them, or
 * continuing a journal), the parts of other processes added, and the outputs written
 * as one set: the tables and charts, or one shard's file for `merge`. A reform whose
 * forecast calibrates on its baseline gets the baseline's run, made here once.
 */
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "run_private.h"
#include "run_words.h"
#include "sweep_journal.h"
#include "sweep_output.h"

_Static_assert((int)FS_RUN_SHARDS_MAX == (int)FS_SWEEP_SHARDS_MAX, "fiscalsim.h and sweep_spec.h disagree on the shards");

/* One finished variant with its number, as parts travel between processes. */
typedef struct numbered_row {
    uint64_t variant;
    fs_sweep_row row;
} numbered_row;

fs_status fs_run_set_sweep(fs_run *run, int jobs, size_t shard, size_t shards, unsigned how)
{
    if (jobs < 1 || jobs > 1024)
        return fs_diag_add(&run->diag, FS_EUSAGE, NULL, 0, NULL, "jobs must be from 1 to 1024, not %d", jobs);
    if (shards < 1 || shards > FS_SWEEP_SHARDS_MAX || shard >= shards)
        return fs_diag_add(&run->diag, FS_EUSAGE, NULL, 0, NULL, "shard %zu of %zu: 1 <= K <= N <= %d", shard + 1,
                           shards, FS_SWEEP_SHARDS_MAX);
    if ((how & FS_SWEEP_RESUME) && (how & FS_SWEEP_RESTART))
        return fs_diag_add(&run->diag, FS_EUSAGE, NULL, 0, NULL, "resume and restart exclude each other");
    run->sweep_opt.jobs = jobs;
    run->sweep_opt.shard = shard, run->sweep_opt.shards = shards;
    run->sweep_opt.resume = how & FS_SWEEP_RESUME;
    run->sweep_opt.reasons = how & FS_SWEEP_REASONS;
    run->sweep_restart = how & FS_SWEEP_RESTART;
    return FS_OK;
}

void fs_run_set_progress(fs_run *run, void (*progress)(size_t done, size_t total, void *ctx), void *ctx)
{
    run->sweep_opt.progress = progress;
    run->sweep_opt.ctx = ctx;
}

static fs_status prepare(fs_run *run, const char *dir)
{
    if (!run->model) return fs_diag_add(&run->diag, FS_EUSAGE, NULL, 0, NULL, "no scenario loaded");
    const fs_model *m = run->model;
    if (!m->sweep) return fs_diag_add(&run->diag, FS_EINPUT, m->file, 0, "sweep", "the scenario has no sweep section");
    fs_status st = fs_output_make_dirs(dir, &run->diag);
    if (st != FS_OK) return st;
    snprintf(run->sweep_dir, sizeof run->sweep_dir, "%s", dir);
    run->sweep_opt.journal = run->sweep_dir;
    if (run->sweep_restart)
        run->sweep_discarded = journal_remove_parts(dir, run->sweep_opt.shard, run->sweep_opt.shards);
    return FS_OK;
}

fs_status fs_run_sweep_prepare(fs_run *run, const char *dir)
{
    run_locale l = run_locale_enter();
    fs_status st = prepare(run, dir);
    run_locale_leave(l);
    return st;
}

size_t fs_run_sweep_discarded(const fs_run *run)
{
    return run->sweep_discarded;
}

int fs_run_sweep_journal_found(const fs_run *run)
{
    return !run->sweep_opt.resume &&
           journal_count_parts(run->sweep_dir, run->sweep_opt.shard, run->sweep_opt.shards) > 0;
}

static fs_status sweep(fs_run *run)
{
    if (!run->sweep_opt.journal) return fs_diag_add(&run->diag, FS_EUSAGE, NULL, 0, NULL, "the sweep is not prepared");
    const fs_model *m = run->model;
    fs_status st = FS_OK;
    if (m->sweep->date_count > 0 && m->disburse && m->disburse->calibrate_on_baseline) {
        /* Every variant's forecast is calibrated on the baseline's run: made once, here. */
        fs_run *base = run->baseline;
        base->flags = run->flags & FS_RUN_VERBOSE;
        st = run_solve_allocation(base, &run->diag);
        if (st == FS_OK) st = run_solve_disbursement(base, NULL, &run->diag);
        run->sweep_opt.baseline_calibration = base->disburse;
    }
    if (st == FS_OK) st = fs_sweep_run(m, &run->sweep_opt, &run->sweep, &run->diag);
    run->solved = (int)st;
    return st;
}

fs_status fs_run_sweep(fs_run *run)
{
    run_locale l = run_locale_enter();
    fs_status st = sweep(run);
    run_locale_leave(l);
    return st;
}

fs_status fs_run_sweep_part(const fs_run *run, void **part, size_t *count, size_t *record_size)
{
    const fs_sweep_result *r = run->sweep;
    *part = NULL, *count = 0, *record_size = sizeof(numbered_row);
    if (!r) return FS_EUSAGE;
    size_t n = r->variant_count, mine = 0;
    for (size_t i = 0; i < n; i++) mine += r->rows[i].done != 0;
    numbered_row *rows = malloc((mine + 1) * sizeof *rows);
    if (!rows) return FS_EINTERNAL;
    for (size_t i = 0, k = 0; i < n; i++)
        if (r->rows[i].done) rows[k++] = (numbered_row){i, r->rows[i]};
    *part = rows, *count = mine;
    return FS_OK;
}

fs_status fs_run_sweep_add_parts(fs_run *run, const void *parts, size_t count)
{
    fs_sweep_result *r = run->sweep;
    if (!r) return fs_diag_add(&run->diag, FS_EUSAGE, NULL, 0, NULL, "the run has no sweep to add parts to");
    const numbered_row *rows = parts;
    for (size_t k = 0; k < count; k++)
        if (rows[k].variant < r->variant_count) r->rows[rows[k].variant] = rows[k].row;
    fs_sweep_count(r);
    run_locale l = run_locale_enter();
    fs_sweep_explain_failures(run->model, r);
    run_locale_leave(l);
    run->sweep_gathered = true;
    return FS_OK;
}

/* True when this run holds one shard of a sweep, to be merged later. */
static bool is_shard(const fs_run *run)
{
    return run->sweep_opt.shards > 1 && !run->sweep_gathered;
}

/* The journal has served once the outputs hold everything: this run's part, or every
 * part when the parts were gathered here. */
static void remove_journal(const fs_run *run)
{
    const fs_sweep_options *o = &run->sweep_opt;
    if (!run->sweep_gathered) journal_remove_parts(run->sweep_dir, o->shard, o->shards);
    for (size_t k = 0; run->sweep_gathered && k < o->shards; k++) journal_remove_parts(run->sweep_dir, k, o->shards);
}

static fs_status write_sweep(fs_run *run, const char *dir, const char *export_lps)
{
    run->output_kept = false;
    const fs_model *m = run->model;
    fs_sweep_result *r = run->sweep;
    if (!r) return fs_diag_add(&run->diag, FS_EUSAGE, dir, 0, NULL, "the run has no sweep to write");
    bool sync = run->flags & FS_RUN_SYNC, shard = is_shard(run);
    fs_output_set *set = NULL;
    fs_status st = fs_output_set_begin(dir, &set, &run->diag);
    if (st == FS_OK)
        st = shard ? fs_sweep_write_shard(m, r, run->sweep_opt.shard, run->sweep_opt.shards, dir, set, &run->diag)
                   : fs_sweep_write(m, r, dir, set, sync, &run->diag);
    /* The charts are drawn from the tables just staged, into the same set (a shard draws none). */
    if (st == FS_OK && !shard && run->charts) {
        fs_chart_options charts = run_chart_options(run->charts, run->lang, run->plots);
        fs_chart_place place = run_chart_place(set, dir);
        st = fs_sweep_draw(&place, m->money_unit, &charts, &run->diag);
    }
    st = fs_output_set_end(set, st, sync, &run->diag);
    run->output_kept = set && st != FS_OK;
    if (st == FS_OK && export_lps) st = fs_sweep_export_lps(m, r, export_lps, &run->diag);
    if (st == FS_OK && run->sweep_opt.journal) remove_journal(run);
    return st;
}

fs_status fs_run_write_sweep(fs_run *run, const char *dir, const char *export_lps)
{
    run_locale l = run_locale_enter();
    fs_status st = write_sweep(run, dir, export_lps);
    run_locale_leave(l);
    return st;
}

int fs_run_sweep_resumable(const fs_run *run)
{
    return run->model && run->model->sweep && run->sweep_opt.journal &&
           journal_count_parts(run->sweep_dir, run->sweep_opt.shard, run->sweep_opt.shards) > 0;
}

static fs_status merge(fs_run *run, const char *const *shards, size_t shard_count)
{
    const fs_model *m = run->model;
    if (!m) return fs_diag_add(&run->diag, FS_EUSAGE, NULL, 0, NULL, "no scenario loaded");
    if (!m->sweep) return fs_diag_add(&run->diag, FS_EINPUT, m->file, 0, "sweep", "the scenario has no sweep section");
    fs_sweep_result *r = run->sweep = fs_sweep_result_new(m, &run->diag);
    if (!r) return fs_diag_status(&run->diag);
    size_t got = 0;
    journal_expect e = {m->fingerprint, r->variant_count, m->sweep->date_count};
    fs_status st = FS_OK;
    for (size_t k = 0; st == FS_OK && k < shard_count; k++)
        st = journal_read(shards[k], &e, r->rows, &got, "", &run->diag);
    if (st == FS_OK && got != r->variant_count) {
        size_t first = 0;
        while (first < r->variant_count && r->rows[first].done) first++;
        st = fs_diag_add(&run->diag, FS_EINPUT, m->file, 0, "sweep",
                         "the shards hold %zu of the %zu variants (variant %zu is missing)", got, r->variant_count,
                         first + 1);
    }
    if (st == FS_OK) {
        fs_sweep_count(r);
        fs_sweep_explain_failures(m, r);
    }
    run->sweep_merged = shard_count;
    return st;
}

fs_status fs_run_merge_shards(fs_run *run, const char *const *shards, size_t count)
{
    run_locale l = run_locale_enter();
    fs_status st = merge(run, shards, count);
    run_locale_leave(l);
    return st;
}

/* Each reason's failed variants, with the first one's message. */
static void print_failures(const fs_sweep_result *r, FILE *warnings)
{
    for (int f = FS_SWEEP_FAIL_NONE + 1; f < FS_SWEEP_FAIL_COUNT; f++)
        if (r->failures[f].count > 0)
            fprintf(warnings, "fiscalsim: warning: %zu variant%s failed (%s), the first: %s\n", r->failures[f].count,
                    r->failures[f].count == 1 ? "" : "s", fs_sweep_failure_name((fs_sweep_failure)f),
                    r->failures[f].message);
}

static void report(const fs_run *run, const char *dir, FILE *out, FILE *warnings)
{
    const fs_sweep_result *r = run->sweep;
    const char *name = run->model->name;
    const report_words *w = report_words_of(run->lang);
    report_number a, b, c, d, e, f;
    print_failures(r, warnings);
    if (run->sweep_merged)
        fprintf(out, w->sweep_merged, name, report_int(a, (int64_t)run->sweep_merged, w),
                report_int(b, (int64_t)r->variant_count, w), report_int(c, (int64_t)r->solved, w),
                report_int(d, (int64_t)r->infeasible, w), report_int(e, (int64_t)r->failed, w), dir);
    else if (is_shard(run))
        fprintf(out, w->sweep_shard, name, report_int(a, (int64_t)run->sweep_opt.shard + 1, w),
                report_int(b, (int64_t)run->sweep_opt.shards, w), dir);
    else
        fprintf(out, w->sweep_done, name, report_int(a, (int64_t)r->variant_count, w),
                report_int(b, (int64_t)r->resumed, w), report_int(c, (int64_t)r->solved, w),
                report_int(d, (int64_t)r->infeasible, w), report_int(f, (int64_t)r->failed, w), dir);
}

fs_status fs_run_report_sweep(const fs_run *run, const char *dir, FILE *out, FILE *warnings)
{
    if (!run->sweep) return FS_EUSAGE;
    run_locale l = run_locale_enter();
    report(run, dir, out, warnings);
    run_locale_leave(l);
    return FS_OK;
}
