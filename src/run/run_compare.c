/*
 * run_compare.c: a reform against its baseline, start to finish (fiscalsim.h:
 * fs_comparison_*): both scenarios loaded and solved as `run` would (the allocation;
 * the disbursement when both have a section, no period), compared unit by unit and
 * date by date, the tables written and the charts drawn as one output set.
 *
 * When the reform's disbursement calibrates on its baseline and that baseline is the
 * scenario compared with it (the same file, however named), the baseline's run is
 * already done: its calibration is used, not computed again.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "calendar.h"
#include "chart.h"
#include "compare_output.h"
#include "money_text.h"
#include "run_private.h"
#include "run_words.h"
#include "xlsx_words.h"

enum { DATES_MAX = 64 };

struct fs_comparison {
    fs_diag diag;
    fs_run *run[2];               /* the baseline and the reform */
    fs_compare *cmp;
    int32_t dates[DATES_MAX];
    size_t date_count;
    unsigned flags, tables, charts;
    fs_lang lang;
    char plots[FS_PATH_MAX];      /* the chart scripts' folder; empty: found next to the program */
    bool output_kept;
};

fs_comparison *fs_comparison_new(void)
{
    fs_comparison *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->tables = FS_TABLES_CSV;
    c->charts = FS_CHARTS_PNG | FS_CHARTS_PDF;
    c->lang = FS_LANG_VI;
    return c;
}

void fs_comparison_free(fs_comparison *c)
{
    if (!c) return;
    fs_run_free(c->run[0]);
    fs_run_free(c->run[1]);
    fs_compare_free(c->cmp);
    fs_diag_clear(&c->diag);
    free(c);
}

const fs_diagnostics *fs_comparison_diagnostics(const fs_comparison *c)
{
    return &c->diag;
}

void fs_comparison_set_flags(fs_comparison *c, unsigned flags)
{
    c->flags = flags;
}

fs_status fs_comparison_set_outputs(fs_comparison *c, unsigned tables, unsigned charts, const char *lang)
{
    fs_lang l;
    fs_status st = run_check_outputs(tables, charts, lang, &l, &c->diag);
    if (st == FS_OK) c->tables = tables, c->charts = charts, c->lang = l;
    return st;
}

fs_status fs_comparison_set_plots(fs_comparison *c, const char *dir)
{
    c->plots[0] = '\0';
    if (!dir) return FS_OK;
    return fs_chart_find_plots(dir, c->plots, sizeof c->plots, &c->diag);
}

fs_status fs_comparison_set_dates(fs_comparison *c, const char *list)
{
    c->date_count = 0;
    for (const char *p = list;;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char text[32];
        snprintf(text, sizeof text, "%.*s", (int)(len < sizeof text - 1 ? len : sizeof text - 1), p);
        int32_t day;
        if (len >= sizeof text || fs_date_parse(text, &day) != 0)
            return fs_diag_add(&c->diag, FS_EUSAGE, NULL, 0, NULL, "\"%.*s\" is not a date (YYYY-MM-DD)", (int)len,
                               p);
        if (c->date_count == DATES_MAX)
            return fs_diag_add(&c->diag, FS_EUSAGE, NULL, 0, NULL, "at most %d dates", DATES_MAX);
        c->dates[c->date_count++] = day;
        if (!end) return FS_OK;
        p = end + 1;
    }
}

/* Loads and solves the allocation of one of the two. */
static fs_status solve_one(fs_comparison *c, int k, const char *path)
{
    if (!(c->run[k] = fs_run_new())) return fs_diag_add(&c->diag, FS_EINTERNAL, path, 0, NULL, "out of memory");
    fs_status st = run_load(c->run[k], path, NULL, 0, false, &c->diag);
    return st == FS_OK ? run_solve_allocation(c->run[k], &c->diag) : st;
}

/* True when the reform's disbursement calibrates on the file the baseline was read from. */
static bool calibrates_on(const fs_model *reform, const fs_model *base)
{
    if (!reform->disburse->calibrate_on_baseline || reform->file_count < 2) return false;
    struct stat a, b;
    return stat(reform->files[1], &a) == 0 && stat(base->files[0], &b) == 0 && a.st_dev == b.st_dev &&
           a.st_ino == b.st_ino;
}

static fs_status solve(fs_comparison *c, const char *base_path, const char *reform_path)
{
    fs_status st = solve_one(c, 0, base_path);
    if (st == FS_OK) st = solve_one(c, 1, reform_path);
    if (st != FS_OK) return st;
    const fs_model *m[2] = {c->run[0]->model, c->run[1]->model};
    bool disburse = m[0]->disburse && m[1]->disburse;
    if (disburse) st = run_solve_disbursement(c->run[0], NULL, &c->diag);
    if (disburse && st == FS_OK)
        st = run_solve_disbursement(c->run[1], calibrates_on(m[1], m[0]) ? c->run[0]->disburse : NULL, &c->diag);
    if (st == FS_OK) st = fs_compare_build(m[0], c->run[0]->result, m[1], c->run[1]->result, &c->cmp, &c->diag);
    if (st == FS_OK && disburse)
        st = fs_compare_disbursement(c->cmp, c->run[0]->disburse, c->run[1]->disburse, c->dates, c->date_count,
                                     &c->diag);
    return st;
}

fs_status fs_comparison_solve(fs_comparison *c, const char *base, const char *reform)
{
    if (c->run[0]) return fs_diag_add(&c->diag, FS_EUSAGE, reform, 0, NULL, "the comparison is already solved");
    run_locale l = run_locale_enter();
    fs_status st = solve(c, base, reform);
    run_locale_leave(l);
    return st;
}

static fs_status write(fs_comparison *c, const char *dir)
{
    c->output_kept = false;
    if (!c->cmp) return fs_diag_add(&c->diag, FS_EUSAGE, dir, 0, NULL, "the comparison has nothing to write");
    const fs_model *base = c->run[0]->model, *reform = c->run[1]->model;
    bool sync = c->flags & FS_RUN_SYNC;
    fs_output_set *set = NULL;
    fs_status st = fs_output_set_begin(dir, &set, &c->diag);
    fs_compare_options out = {.csv = c->tables & FS_TABLES_CSV, .xlsx = c->tables & FS_TABLES_XLSX, .sync = sync,
                              .lang = c->lang, .set = set};
    if (st == FS_OK) st = fs_compare_write(c->cmp, base, reform, dir, &out, &c->diag);
    if (st == FS_OK && c->charts) {
        fs_chart_options charts = run_chart_options(c->charts, c->lang, c->plots);
        fs_chart_place place = run_chart_place(set, dir);
        st = fs_compare_draw(&place, &charts, &c->diag);
    }
    st = fs_output_set_end(set, st, sync, &c->diag);
    c->output_kept = set && st != FS_OK;
    return st;
}

fs_status fs_comparison_write(fs_comparison *c, const char *dir)
{
    run_locale l = run_locale_enter();
    fs_status st = write(c, dir);
    run_locale_leave(l);
    return st;
}

int fs_comparison_output_kept(const fs_comparison *c)
{
    return c->output_kept;
}

/* The whole plan's forecast share and simulated amount at each compared date. */
static void print_disbursement(const fs_compare *c, const char *money_unit, const report_words *w, FILE *out)
{
    fprintf(out, w->compare_disb, fs_money_unit_text(money_unit, w->lang));
    for (size_t k = 0; k < c->date_count; k++) {
        const fs_compare_date *d = &c->dates[k];
        char date[FS_DATE_TEXT_MAX];
        fs_format_date(d->date, w->lang, date);
        int64_t before = d->simulated[FS_PLAN_WHOLE][0], after = d->simulated[FS_PLAN_WHOLE][1];
        report_number sb, sa, b, a, ch;
        fprintf(out, "  %s: %s%% %s %s%%; %s %s %s (%s)\n", date,
                report_real(sb, 100 * d->share[FS_PLAN_WHOLE][0], 1, w), w->arrow,
                report_real(sa, 100 * d->share[FS_PLAN_WHOLE][1], 1, w), report_int(b, before, w), w->arrow,
                report_int(a, after, w), report_int(ch, after - before, w));
    }
}

/* True when decision e's share differs between the two scenarios (or is in one only). */
static bool share_changed(const fs_compare_share *e)
{
    return e->present[0] != e->present[1] || fabs(e->share[1] - e->share[0]) > 1e-9;
}

/* The shares that changed: one line per group of units ("regime HP"), then a count of
 * the shares chosen unit by unit that changed. */
static void print_shares(const fs_compare *cmp, const report_words *w, FILE *out)
{
    size_t per_unit = 0;
    report_number a, b;
    for (size_t k = 0; k < cmp->share_count; k++) {
        const fs_compare_share *e = &cmp->shares[k];
        if (!share_changed(e)) continue;
        if (e->unit[0]) {
            per_unit++;
            continue;
        }
        bool first = true;
        for (size_t j = 0; j < k && first; j++)
            first = !(share_changed(&cmp->shares[j]) && !cmp->shares[j].unit[0] &&
                      !strcmp(cmp->shares[j].applies_to, e->applies_to));
        if (!first) continue;
        char words[192];
        fprintf(out, w->shares_changed, fs_applies_to_text(e->applies_to, w->lang, words, sizeof words));
        for (size_t j = k, n = 0; j < cmp->share_count; j++) {
            const fs_compare_share *f = &cmp->shares[j];
            if (!share_changed(f) || f->unit[0] || strcmp(f->applies_to, e->applies_to)) continue;
            fprintf(out, "%s %s ", n++ ? "," : "", f->name[0] ? f->name : f->source);
            if (f->present[0]) fprintf(out, "%s%%", report_share(a, f->share[0], w));
            else fputs(w->none, out);
            if (f->present[1]) fprintf(out, " %s %s%%", w->arrow, report_share(b, f->share[1], w));
            else fprintf(out, " %s %s", w->arrow, w->none);
        }
        fputc('\n', out);
    }
    if (per_unit) fprintf(out, w->shares_changed_units, report_int(a, (int64_t)per_unit, w));
}

static void report(const fs_comparison *c, const char *dir, FILE *out)
{
    const fs_compare *cmp = c->cmp;
    const fs_model *base = c->run[0]->model, *reform = c->run[1]->model;
    const report_words *w = report_words_of(c->lang);
    report_number gains, losses, same, change, transfers;
    fprintf(out, w->compare, base->name, reform->name, report_int(gains, (int64_t)cmp->winners, w),
            report_int(losses, (int64_t)cmp->losers, w),
            report_int(same, (int64_t)(cmp->unit_count - cmp->winners - cmp->losers), w),
            report_int(change, cmp->allocation[1] - cmp->allocation[0], w),
            report_int(transfers, cmp->transfer[1] - cmp->transfer[0], w), fs_money_unit_text(base->money_unit, w->lang),
            dir);
    print_shares(cmp, w, out);
    if (cmp->has_disbursement) print_disbursement(cmp, base->money_unit, w, out);
}

fs_status fs_comparison_report(const fs_comparison *c, const char *dir, FILE *out)
{
    if (!c->cmp) return FS_EUSAGE;
    run_locale l = run_locale_enter();
    report(c, dir, out);
    run_locale_leave(l);
    return FS_OK;
}
