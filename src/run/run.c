/*
 * run.c: the whole run of one scenario (fiscalsim.h): load, solve the allocation, the
 * disbursement and the period, write the tables and draw the charts into one output
 * set. What the command line's `run` does, so that any program can.
 *
 * A reform whose disbursement calibrates on its baseline holds the baseline's own run:
 * it is loaded with the reform (an error in it is found before anything is solved),
 * its allocation and disbursement are solved first, and its calibrated curves are the
 * reform's.
 */
#include "run_private.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chart.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

fs_run *fs_run_new(void)
{
    fs_run *run = calloc(1, sizeof *run);
    if (!run) return NULL;
    run->tables = FS_TABLES_CSV;
    run->charts = FS_CHARTS_PNG | FS_CHARTS_PDF;
    run->lang = FS_LANG_VI;
    run->solved = -1;
    run->cutoffs[0] = (fs_cutoff){4, 30}, run->cutoffs[1] = (fs_cutoff){6, 30}, run->cutoffs[2] = (fs_cutoff){8, 31};
    run->cutoff_count = 3;
    run->sweep_opt.jobs = 1, run->sweep_opt.shards = 1;
    return run;
}

void fs_run_free(fs_run *run)
{
    if (!run) return;
    fs_run_free(run->baseline);
    fs_relaxation_free(run->relaxation);
    shares_free(&run->shares);
    fs_disburse_result_free(run->disburse);
    fs_period_result_free(run->period);
    fs_backtest_result_free(run->backtest);
    fs_sweep_result_free(run->sweep);
    fs_result_free(run->result);
    fs_model_free(run->model);
    free(run->export_lp);
    fs_diag_clear(&run->diag);
    free(run);
}

/* The baseline's run of run's disbursement (m->files[1]), loaded into run->baseline. */
static fs_status load_baseline(fs_run *run, fs_diag *diag)
{
    const fs_model *m = run->model;
    if (!(run->baseline = fs_run_new())) return fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory");
    fs_status st = run_load(run->baseline, m->files[1], NULL, 0, true, diag);
    if (st == FS_OK && !run->baseline->model->disburse)
        st = fs_diag_add(diag, FS_EINPUT, m->disburse->file, m->disburse->line, "disbursement.calibration",
                         "the baseline %s has no disbursement section to calibrate on", m->files[1]);
    return st;
}

fs_status run_load(fs_run *run, const char *name, const char *text, size_t len, bool with_baseline, fs_diag *diag)
{
    fs_status st = text ? fs_scenario_load_text(name, text, len, &run->model, diag)
                        : fs_scenario_load(name, &run->model, diag);
    const fs_model *m = run->model;
    if (st != FS_OK || !with_baseline || !m->disburse || !m->disburse->calibrate_on_baseline) return st;
    return load_baseline(run, diag);
}

static fs_status load_checked(fs_run *run, const char *name, const char *text, size_t len)
{
    if (run->model) return fs_diag_add(&run->diag, FS_EUSAGE, name, 0, NULL, "the run already holds a scenario");
    double t0 = now_ms();
    fs_status st = run_load(run, name, text, len, true, &run->diag);
    if (st != FS_OK) {
        fs_run_free(run->baseline);
        fs_model_free(run->model);
        run->baseline = NULL, run->model = NULL;
    }
    run->ms[FS_PHASE_LOAD] = now_ms() - t0;
    return st;
}

fs_status fs_run_load_file(fs_run *run, const char *path)
{
    run_locale l = run_locale_enter();
    fs_status st = load_checked(run, path, NULL, 0);
    run_locale_leave(l);
    return st;
}

fs_status fs_run_load_text(fs_run *run, const char *name, const char *text, size_t len)
{
    if (!text) return fs_diag_add(&run->diag, FS_EUSAGE, name, 0, NULL, "no scenario text given");
    run_locale l = run_locale_enter();
    fs_status st = load_checked(run, name, text, len);
    run_locale_leave(l);
    return st;
}

void fs_run_set_flags(fs_run *run, unsigned flags)
{
    run->flags = flags;
}

fs_status run_check_outputs(unsigned tables, unsigned charts, const char *lang, fs_lang *out, fs_diag *diag)
{
    *out = FS_LANG_VI;
    if (lang && !strcmp(lang, "en")) *out = FS_LANG_EN;
    else if (lang && strcmp(lang, "vi"))
        return fs_diag_add(diag, FS_EUSAGE, NULL, 0, NULL, "the charts' language is vi or en, not \"%s\"", lang);
    if (!(tables & (FS_TABLES_CSV | FS_TABLES_XLSX)))
        return fs_diag_add(diag, FS_EUSAGE, NULL, 0, NULL, "no table format: csv, xlsx or both");
    if (charts && !(tables & FS_TABLES_CSV))
        return fs_diag_add(diag, FS_EUSAGE, NULL, 0, NULL, "charts are drawn from the CSV tables: use --format csv,xlsx");
    return FS_OK;
}

fs_status fs_run_set_outputs(fs_run *run, unsigned tables, unsigned charts, const char *lang)
{
    fs_lang l;
    fs_status st = run_check_outputs(tables, charts, lang, &l, &run->diag);
    if (st == FS_OK) run->tables = tables, run->charts = charts, run->lang = l;
    return st;
}

fs_status fs_run_set_plots(fs_run *run, const char *dir)
{
    run->plots[0] = '\0';
    if (!dir) return FS_OK;
    return fs_chart_find_plots(dir, run->plots, sizeof run->plots, &run->diag);
}

fs_status fs_run_set_export_lp(fs_run *run, const char *path)
{
    char *copy = path ? strdup(path) : NULL;
    if (path && !copy) return fs_diag_add(&run->diag, FS_EINTERNAL, NULL, 0, NULL, "out of memory");
    free(run->export_lp);
    run->export_lp = copy;
    return FS_OK;
}

fs_status run_solve_allocation(fs_run *run, fs_diag *diag)
{
    fs_engine_options opt = {.verbose = run->flags & FS_RUN_VERBOSE,
                             .progress = run->flags & FS_RUN_PROGRESS,
                             .export_lp = run->export_lp};
    fs_status st = fs_engine_run(run->model, &opt, &run->result, diag);
    run->relaxation = opt.relaxation;
    memcpy(&run->ms[FS_PHASE_BUILD], opt.phase_ms, sizeof opt.phase_ms);
    return st;
}

fs_status run_solve_disbursement(fs_run *run, const fs_disburse_result *calibration, fs_diag *diag)
{
    const fs_model *m = run->model;
    fs_status st = FS_OK;
    if (!calibration && m->disburse->calibrate_on_baseline) {
        if (!run->baseline) st = load_baseline(run, diag);
        fs_run *base = run->baseline;
        if (st == FS_OK) base->flags = run->flags & FS_RUN_VERBOSE, st = run_solve_allocation(base, diag);
        if (st == FS_OK) st = run_solve_disbursement(base, NULL, diag);
        calibration = base->disburse;
    }
    if (st == FS_OK) st = fs_disburse_run(m, run->result, calibration, &run->disburse, diag);
    return st;
}

/* The allocation, then the disbursement (after the baseline's, when calibrated on it)
 * and the period. A period year with no feasible allocation is a result:
 * FS_EINFEASIBLE with failed_year set. */
static fs_status solve(fs_run *run, fs_diag *diag)
{
    const fs_model *m = run->model;
    fs_status st = run_solve_allocation(run, diag);
    /* The sharing decisions, once: for the tables and for what `run` prints. */
    if (st == FS_OK && shares_build(m, run->result, &run->shares) != 0)
        st = fs_diag_add(diag, FS_EINTERNAL, m->file, 0, NULL, "out of memory");
    double t0 = now_ms();
    bool rest = !(run->flags & FS_RUN_ALLOCATION_ONLY);
    if (st == FS_OK && rest && m->disburse) st = run_solve_disbursement(run, NULL, diag);
    if (st == FS_OK && rest && m->period && !(run->flags & FS_RUN_NO_PERIOD)) {
        st = fs_period_run(m, run->result, &run->period, diag);
        if (st == FS_EINFEASIBLE) run->failed_year = run->period->failed_year;
    }
    run->ms[FS_PHASE_DISBURSE] = now_ms() - t0;
    run->solved = (int)st;
    return st;
}

fs_status fs_run_solve(fs_run *run)
{
    if (!run->model) return fs_diag_add(&run->diag, FS_EUSAGE, NULL, 0, NULL, "no scenario loaded");
    if (run->solved >= 0) return fs_diag_add(&run->diag, FS_EUSAGE, run->model->file, 0, NULL, "already solved");
    run_locale l = run_locale_enter();
    fs_status st = solve(run, &run->diag);
    run_locale_leave(l);
    return st;
}

fs_chart_options run_chart_options(unsigned charts, fs_lang lang, const char *plots)
{
    return (fs_chart_options){.png = charts & FS_CHARTS_PNG, .svg = charts & FS_CHARTS_SVG,
                              .pdf = charts & FS_CHARTS_PDF, .lang = lang,
                              .plots = plots && plots[0] ? plots : NULL};
}

fs_chart_place run_chart_place(const fs_output_set *set, const char *dir)
{
    return (fs_chart_place){fs_output_set_stage(set), fs_output_set_stage(set), dir};
}

/* Draws the charts from the tables in `tables` (the staged ones of `set`, or dir's own)
 * into the set. */
static fs_status draw(fs_run *run, fs_output_set *set, const char *tables, const char *dir)
{
    fs_chart_options opt = run_chart_options(run->charts, run->lang, run->plots);
    fs_chart_place place = {tables, fs_output_set_stage(set), dir};
    fs_chart_data *data = NULL;
    fs_status st = fs_chart_data_read(place.tables, &data, &run->diag);
    if (st == FS_OK) st = run_draw_charts(run, data, &opt, &place);
    fs_chart_data_free(data);
    return st;
}

int fs_run_writable(const fs_run *run)
{
    return run->solved == FS_OK || (run->solved == FS_EINFEASIBLE && (run->failed_year || run->relaxation));
}

static fs_status write(fs_run *run, const char *dir)
{
    run->output_kept = false;
    bool explain = run->solved == FS_EINFEASIBLE && run->relaxation;
    if (!fs_run_writable(run))
        return fs_diag_add(&run->diag, FS_EUSAGE, dir, 0, NULL, "the run has nothing to write: it is not solved");
    double t0 = now_ms();
    fs_output_options oo = {.csv = run->tables & FS_TABLES_CSV,
                            .xlsx = run->tables & FS_TABLES_XLSX,
                            .sync = run->flags & FS_RUN_SYNC,
                            .lang = run->lang,
                            .disburse = run->disburse,
                            .period = run->period,
                            .shares = &run->shares};
    fs_status st = fs_output_make_dirs(dir, &run->diag);
    if (explain) {
        /* The explanation is this run's result: summary.json only. */
        if (st == FS_OK) st = fs_output_write_infeasible(run->model, run->relaxation, dir, &oo, &run->diag);
        run->ms[FS_PHASE_WRITE] = now_ms() - t0;
        return st;
    }
    fs_output_set *set = NULL;
    if (st == FS_OK) st = fs_output_set_open(dir, &set, &run->diag);
    oo.set = set;
    if (st == FS_OK) st = fs_output_write(run->model, run->result, dir, &oo, &run->diag);
    if (st == FS_OK && (run->charts & FS_CHARTS_PDF) && run->model->unit_count <= RUN_COMMUNES_MAX)
        st = run_write_communes(run, fs_output_set_stage(set));
    double t1 = now_ms();
    if (st == FS_OK && run->charts) st = draw(run, set, fs_output_set_stage(set), dir);
    st = fs_output_set_end(set, st, run->flags & FS_RUN_SYNC, &run->diag);
    run->output_kept = set && st != FS_OK;
    run->ms[FS_PHASE_WRITE] = t1 - t0;
    run->ms[FS_PHASE_CHART] = now_ms() - t1;
    return st;
}

fs_status fs_run_write(fs_run *run, const char *dir)
{
    run_locale l = run_locale_enter();
    fs_status st = write(run, dir);
    run_locale_leave(l);
    return st;
}

/* One unit's pages of communes.pdf, into commune.pdf. */
static fs_status draw_unit(fs_run *run, fs_output_set *set, const char *dir, const char *unit)
{
    fs_chart_options opt = run_chart_options(FS_CHARTS_PDF, run->lang, run->plots);
    fs_chart_place place = {dir, fs_output_set_stage(set), dir};
    fs_chart_data *data = NULL;
    fs_status st = fs_chart_data_read(dir, &data, &run->diag);
    if (st == FS_OK) st = fs_communes_draw(data, &opt, &place, unit, &run->diag);
    fs_chart_data_free(data);
    return st;
}

static fs_status redraw(fs_run *run, const char *dir, const char *unit)
{
    run->output_kept = false;
    fs_output_set *set = NULL;
    fs_status st = fs_output_set_open(dir, &set, &run->diag);
    if (st == FS_OK) st = unit ? draw_unit(run, set, dir, unit) : draw(run, set, dir, dir);
    st = fs_output_set_end(set, st, run->flags & FS_RUN_SYNC, &run->diag);
    run->output_kept = set && st != FS_OK;
    return st;
}

fs_status fs_run_redraw(fs_run *run, const char *dir)
{
    run_locale l = run_locale_enter();
    fs_status st = redraw(run, dir, NULL);
    run_locale_leave(l);
    return st;
}

fs_status fs_run_redraw_unit(fs_run *run, const char *dir, const char *unit)
{
    if (!unit) return fs_diag_add(&run->diag, FS_EUSAGE, dir, 0, NULL, "no unit named");
    run_locale l = run_locale_enter();
    fs_status st = redraw(run, dir, unit);
    run_locale_leave(l);
    return st;
}

int fs_run_output_kept(const fs_run *run)
{
    return run->output_kept;
}

void fs_keep_freed_memory(void)
{
    fs_engine_keep_freed_memory();
}
