/*
 * run_backtest.c: a backtest of a run's disbursement forecast (fiscalsim.h:
 * fs_run_backtest and its cutoffs, writer and report): the allocation solved, then
 * each plan year with points forecast from the others at each cutoff, written as one
 * output set with its chart.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "backtest_output.h"
#include "calendar.h"
#include "chart.h"
#include "money_text.h"
#include "run_private.h"
#include "run_words.h"

/* "MM-DD,MM-DD,...": days of a plan year, increasing. */
static fs_status parse_cutoffs(const char *list, fs_run *run)
{
    run->cutoff_count = 0;
    const char *p = list;
    for (;;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        int month = 0, day = 0;
        char text[16];
        snprintf(text, sizeof text, "%.*s", (int)(len < sizeof text - 1 ? len : sizeof text - 1), p);
        /* A day any year has: 02-29 is refused, the plan years are not all leap years. */
        static const int days_in[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        bool ok = len == 5 && text[2] == '-' && sscanf(text, "%2d-%2d", &month, &day) == 2 && month >= 1 &&
                  month <= 12 && day >= 1 && day <= days_in[month - 1];
        if (!ok) return fs_diag_add(&run->diag, FS_EUSAGE, NULL, 0, NULL, "\"%.*s\" is not a day of the year (MM-DD)", (int)len, p);
        if (run->cutoff_count == FS_CUTOFFS_MAX)
            return fs_diag_add(&run->diag, FS_EUSAGE, NULL, 0, NULL, "at most %d cutoffs", FS_CUTOFFS_MAX);
        fs_cutoff c = {month, day};
        if (run->cutoff_count > 0) {
            fs_cutoff before = run->cutoffs[run->cutoff_count - 1];
            if (before.month * 100 + before.day >= month * 100 + day)
                return fs_diag_add(&run->diag, FS_EUSAGE, NULL, 0, NULL, "\"%s\" does not come after the cutoff before it",
                                   text);
        }
        run->cutoffs[run->cutoff_count++] = c;
        if (!end) return FS_OK;
        p = end + 1;
    }
}

fs_status fs_run_set_cutoffs(fs_run *run, const char *list)
{
    fs_cutoff kept[FS_CUTOFFS_MAX];
    size_t kept_count = run->cutoff_count;
    memcpy(kept, run->cutoffs, sizeof kept);
    fs_status st = parse_cutoffs(list, run);
    if (st != FS_OK) memcpy(run->cutoffs, kept, sizeof kept), run->cutoff_count = kept_count;
    return st;
}

static fs_status backtest(fs_run *run)
{
    if (!run->model) return fs_diag_add(&run->diag, FS_EUSAGE, NULL, 0, NULL, "no scenario loaded");
    if (run->solved >= 0) return fs_diag_add(&run->diag, FS_EUSAGE, run->model->file, 0, NULL, "already solved");
    fs_status st = run_solve_allocation(run, &run->diag);
    run->solved = (int)st;
    if (st == FS_OK)
        st = fs_backtest_run(run->model, run->result, run->cutoffs, run->cutoff_count, &run->backtest, &run->diag);
    return st;
}

fs_status fs_run_backtest(fs_run *run)
{
    run_locale l = run_locale_enter();
    fs_status st = backtest(run);
    run_locale_leave(l);
    return st;
}

static fs_status write_backtest(fs_run *run, const char *dir)
{
    run->output_kept = false;
    if (!run->backtest) return fs_diag_add(&run->diag, FS_EUSAGE, dir, 0, NULL, "the run has no backtest to write");
    bool sync = run->flags & FS_RUN_SYNC;
    fs_output_set *set = NULL;
    fs_status st = fs_output_set_begin(dir, &set, &run->diag);
    if (st == FS_OK) st = fs_backtest_write(run->model, run->backtest, dir, set, sync, &run->diag);
    if (st == FS_OK && run->charts) {
        fs_chart_options charts = run_chart_options(run->charts, run->lang, run->plots);
        fs_chart_place place = run_chart_place(set, dir);
        st = fs_backtest_draw(&place, &charts, &run->diag);
    }
    st = fs_output_set_end(set, st, sync, &run->diag);
    run->output_kept = set && st != FS_OK;
    return st;
}

fs_status fs_run_write_backtest(fs_run *run, const char *dir)
{
    run_locale l = run_locale_enter();
    fs_status st = write_backtest(run, dir);
    run_locale_leave(l);
    return st;
}

/* The lines printed: per cutoff, the errors at 31 December and 31 January of the
 * model and the naive forecasts, and the band's coverage. */
static void print_summary(const fs_backtest_result *b, const report_words *w, FILE *out)
{
    for (size_t c = 0; c < b->cutoff_count; c++) {
        double err[2][3] = {{0}}, inside = 0;
        size_t n[2] = {0, 0}, rows = 0;
        for (size_t k = 0; k < b->row_count; k++) {
            const fs_backtest_row *r = &b->rows[k];
            if (r->cutoff != c) continue;
            rows++;
            inside += r->actual >= r->lo && r->actual <= r->hi;
            int y, m, d;
            fs_civil_from_days(r->date, &y, &m, &d);
            int at = y == r->plan_year && m == 12 && d == 31 ? 0 : y == r->plan_year + 1 && m == 1 && d == 31 ? 1 : -1;
            if (at < 0 || r->plan != FS_PLAN_WHOLE || isnan(r->naive_last_year) || isnan(r->naive_mean_curve))
                continue;
            err[at][0] += fabs(r->forecast - r->actual);
            err[at][1] += fabs(r->naive_last_year - r->actual);
            err[at][2] += fabs(r->naive_mean_curve - r->actual);
            n[at]++;
        }
        char day[FS_DATE_TEXT_MAX];
        report_number points, share, model, last_year, mean;
        fs_format_month_day(b->cutoffs[c].month, b->cutoffs[c].day, w->lang, day);
        fprintf(out, w->cutoff, day, report_int(points, (int64_t)rows, w),
                report_real(share, rows ? 100 * inside / (double)rows : 0.0, 0, w));
        for (int at = 0; at < 2; at++)
            if (n[at])
                fprintf(out, w->cutoff_error, w->year_end[at], report_int(points, (int64_t)n[at], w),
                        report_real(model, 100 * err[at][0] / (double)n[at], 2, w),
                        report_real(last_year, 100 * err[at][1] / (double)n[at], 2, w),
                        report_real(mean, 100 * err[at][2] / (double)n[at], 2, w));
        fprintf(out, "\n");
    }
}

fs_status fs_run_report_backtest(const fs_run *run, const char *dir, FILE *out)
{
    const fs_backtest_result *b = run->backtest;
    if (!b) return FS_EUSAGE;
    run_locale l = run_locale_enter();
    const report_words *w = report_words_of(run->lang);
    report_number years;
    fprintf(out, w->backtest, run->model->name, report_int(years, (int64_t)b->year_count, w), dir);
    print_summary(b, w, out);
    run_locale_leave(l);
    return FS_OK;
}
