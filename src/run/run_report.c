/*
 * run_report.c: what the command line prints of a run (fiscalsim.h: fs_run_report,
 * fs_run_report_scenario, fs_run_explain_unit), written to the streams it is given, so
 * that another program can show the same lines. Every figure is read from the run,
 * never recomputed.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "calendar.h"
#include "explain.h"
#include "run_private.h"
#include "money_text.h"
#include "run_words.h"
#include "shares_output.h"
#include "xlsx_words.h"

/* One line per later year of a multi-year run. */
static void print_period(const fs_period_result *p, const report_words *w, FILE *out, FILE *warnings)
{
    for (size_t k = 1; k < p->year_count; k++) {
        const fs_period_year *y = &p->years[k];
        if (y->status == FS_YEAR_SOLVED) {
            report_number cov, under, transfers;
            fprintf(out, w->year_solved, y->year, report_real(cov, y->result->min_coverage, 4, w),
                    report_int(under, (int64_t)y->result->units_under_need, w),
                    report_int(transfers, y->result->total_transfer, w));
            if (y->result->gap_count)
                fprintf(warnings, "fiscalsim: warning: %d: %zu requirement%s cannot be met in whole money; "
                                  "summary.json lists them under period.by_year[].whole_money.gaps\n",
                        y->year, y->result->gap_count, y->result->gap_count == 1 ? "" : "s");
        } else
            fprintf(out, "%d: %s\n", y->year, w->year_status[y->status]);
    }
}

enum { GAPS_SHOWN = 10 };

static void print_money_gaps(const fs_model *m, const fs_result *r, FILE *warnings)
{
    if (r->gap_count == 0) return;
    fprintf(warnings, "fiscalsim: warning: %zu requirement%s cannot be met in whole money (the real solution meets "
                    "%s); summary.json lists them under whole_money.gaps:\n",
            r->gap_count, r->gap_count == 1 ? "" : "s", r->gap_count == 1 ? "it" : "them");
    for (size_t k = 0; k < r->gap_count && k < GAPS_SHOWN; k++) {
        const fs_money_gap *g = &r->gaps[k];
        const char *how = strcmp(g->requirement, "cap") == 0 ? "over" : "short by";
        fprintf(warnings, "  %s: %s %.3f, allocation %lld (%s %lld %s)\n", m->units[g->unit].name, g->requirement,
                g->required, (long long)g->allocation, how, (long long)g->shortfall, m->money_unit);
    }
    if (r->gap_count > GAPS_SHOWN) fprintf(warnings, "  ... and %zu more\n", r->gap_count - GAPS_SHOWN);
}

/* A share of a plan in percent with one decimal. */
static const char *percent(report_number buf, double share, const report_words *w)
{
    return report_real(buf, 100 * share, 1, w);
}

static void print_calibration(const fs_disburse_result *d, const char *date, const report_words *w, FILE *out)
{
    const fs_disburse_prior *pr = &d->prior;
    report_number a, b, c;
    if (d->baseline_calibration) {
        fprintf(out, w->calib_baseline, report_int(a, (int64_t)d->points, w), d->year,
                report_real(b, 100 * d->max_residual, 2, w));
        return;
    }
    fprintf(out, w->calib_points, report_int(a, (int64_t)d->points, w), report_plural(d->points, w), d->year);
    if (d->points > 0) fprintf(out, w->calib_residual, report_real(a, 100 * d->max_residual, 2, w));
    fprintf(out, w->calib_prior, report_int(a, (int64_t)pr->years, w), report_plural(pr->years, w),
            report_int(b, (int64_t)pr->points, w));
    if (d->points < FS_DISBURSE_PARAMS)
        fprintf(out, w->calib_few, report_int(a, (int64_t)d->points, w), report_plural(d->points, w),
                report_int(b, FS_DISBURSE_PARAMS, w));
    fprintf(out, w->calib_weight, report_real(a, 100 * d->data_weight, 0, w), date,
            report_real(b, 100 * (1 - d->data_weight), 0, w), report_real(c, pr->band_scale, 2, w));
}

static void print_cash(const fs_model *m, const fs_disburse_result *d, const report_words *w, FILE *out)
{
    size_t constrained = 0, watch = 0;
    for (size_t mo = 0; mo < d->month_count; mo++) constrained += d->constrained[mo];
    for (size_t e = 0; e < d->entity_count; e++) watch += d->entities[e].risk == 1;
    report_number a, b;
    if (constrained == 0) {
        fputs(w->cash_none, out);
    } else {
        fprintf(out, w->cash_months, report_int(a, (int64_t)constrained, w), report_plural(constrained, w));
        const char *sep = "";
        for (size_t mo = 0; mo < d->month_count; mo++)
            if (d->constrained[mo]) {
                char month[FS_DATE_TEXT_MAX];
                fs_format_month(d->month_end[mo], w->lang, month);
                fprintf(out, "%s%s", sep, month);
                sep = ", ";
            }
        fprintf(out, w->cash_delay, report_int(a, d->delay_total, w), fs_money_unit_text(m->money_unit, w->lang),
                report_int(b, d->lost_total, w));
    }
    fprintf(out, w->at_risk, report_int(a, (int64_t)d->units_at_risk, w), report_int(b, (int64_t)watch, w));
}

static void print_disbursement(const fs_model *m, const fs_disburse_result *d, const report_words *w, FILE *out)
{
    char date[FS_DATE_TEXT_MAX];
    fs_format_date(d->start + (int32_t)d->day_count - 1, w->lang, date);
    size_t last = d->day_count - 1;
    char whole_band[128], lower_band[128];
    report_number a, b, whole, lower, band;
    snprintf(whole_band, sizeof whole_band, w->band, percent(a, d->daily[FS_PLAN_WHOLE][1][last], w),
             percent(b, d->daily[FS_PLAN_WHOLE][2][last], w));
    snprintf(lower_band, sizeof lower_band, w->band, percent(a, d->daily[FS_PLAN_LOWER][1][last], w),
             percent(b, d->daily[FS_PLAN_LOWER][2][last], w));
    fprintf(out, w->disbursement, d->year, date, percent(whole, d->daily[FS_PLAN_WHOLE][0][last], w), whole_band,
            percent(lower, d->daily[FS_PLAN_LOWER][0][last], w), lower_band,
            report_real(band, 100 * erf(m->disburse->band_z / sqrt(2)), 0, w));
    print_calibration(d, date, w, out);
    print_cash(m, d, w, out);
}

/* The chosen shares, one line per group of rules that apply to the same units ("regime
 * HP"), and one per source chosen unit by unit, with its range over the units. */
static void print_shares(const fs_model *m, const shares_ctx *shares, const report_words *w, FILE *out)
{
    const shares_ctx x = *shares;
    report_number a, b, c;
    for (size_t k = 0; k < x.row_count; k++) {
        const share_row *row = &x.rows[k];
        if (row->scope != SHARE_GROUP) continue;
        char label[128], other[128], words[192];
        shares_rule_label(m, row->source, row->rule, label, sizeof label);
        bool first = true;
        for (size_t j = 0; j < k && first; j++) {
            if (x.rows[j].scope != SHARE_GROUP) continue;
            shares_rule_label(m, x.rows[j].source, x.rows[j].rule, other, sizeof other);
            first = strcmp(label, other) != 0;
        }
        if (!first) continue; /* printed with the first rule of this label */
        fprintf(out, w->shares, fs_applies_to_text(label, w->lang, words, sizeof words));
        for (size_t j = k, n = 0; j < x.row_count; j++) {
            if (x.rows[j].scope != SHARE_GROUP) continue;
            shares_rule_label(m, x.rows[j].source, x.rows[j].rule, other, sizeof other);
            if (strcmp(label, other)) continue;
            const fs_source *src = &m->sources[x.rows[j].source];
            fprintf(out, "%s %s %s%%", n++ ? "," : "", src->name[0] ? src->name : src->id,
                    report_share(a, x.rows[j].share, w));
        }
        fputc('\n', out);
    }
    for (size_t k = 0; k < x.row_count; k++) {
        const share_row *row = &x.rows[k];
        if (row->scope != SHARE_UNIT || (k > 0 && x.rows[k - 1].scope == SHARE_UNIT &&
                                         x.rows[k - 1].source == row->source && x.rows[k - 1].rule == row->rule))
            continue;
        double lo = row->share, hi = row->share;
        size_t units = 0;
        for (size_t j = k; j < x.row_count && x.rows[j].source == row->source && x.rows[j].rule == row->rule; j++)
            lo = fmin(lo, x.rows[j].share), hi = fmax(hi, x.rows[j].share), units++;
        const fs_source *src = &m->sources[row->source];
        fprintf(out, w->shares_by_unit, src->name[0] ? src->name : src->id,
                report_share(a, lo, w), report_share(b, hi, w),
                report_int(c, (int64_t)units, w));
    }
}

static void print_timings(const fs_run *run, FILE *warnings)
{
    const double *ms = run->ms;
    double total = 0;
    for (int k = 0; k < FS_PHASE_COUNT; k++) total += ms[k];
    fprintf(warnings,
            "timings_ms load %.3f build %.3f solve %.3f round %.3f disburse %.3f write %.3f chart %.3f total %.3f\n",
            ms[FS_PHASE_LOAD], ms[FS_PHASE_BUILD], ms[FS_PHASE_SOLVE], ms[FS_PHASE_ROUND], ms[FS_PHASE_DISBURSE],
            ms[FS_PHASE_WRITE], ms[FS_PHASE_CHART], total);
}

static fs_status report(const fs_run *run, const char *dir, FILE *out, FILE *warnings)
{
    const fs_model *m = run->model;
    const fs_result *r = run->result;
    if (!r) return FS_EUSAGE;
    const report_words *w = report_words_of(run->lang);
    if (run->failed_year) {
        print_period(run->period, w, out, warnings);
    } else {
        const char *how = m->policy.mode == FS_MODE_LEGAL            ? w->legal
                          : r->status == FS_LP_FEASIBLE_LIMIT ? w->time_limit
                                                              : w->optimal;
        report_number cov, under, units;
        fprintf(out, w->summary, m->name, how, report_real(cov, r->min_coverage, 4, w),
                report_int(under, (int64_t)r->units_under_need, w), report_int(units, (int64_t)m->unit_count, w), dir);
        print_shares(m, &run->shares, w, out);
        print_money_gaps(m, r, warnings);
        if (run->disburse) print_disbursement(m, run->disburse, w, out);
        if (run->period) print_period(run->period, w, out, warnings);
    }
    if (run->flags & FS_RUN_TIMINGS) print_timings(run, warnings);
    return FS_OK;
}

/* A reform: its chain of baselines and every key it changes, with where each value
 * comes from. */
static void print_overlay(const fs_model *m, FILE *out)
{
    if (m->file_count < 2) return;
    fprintf(out, "%s builds on", m->files[0]);
    for (size_t k = 1; k < m->file_count; k++) fprintf(out, "%s %s", k > 1 ? ", which builds on" : "", m->files[k]);
    fprintf(out, " and changes %zu key%s:\n", m->change_count, m->change_count == 1 ? "" : "s");
    for (size_t k = 0; k < m->change_count; k++) {
        const fs_overlay_change *c = &m->changes[k];
        fprintf(out, "  %s = %s (%s:%d", c->key, c->value, c->file, c->line);
        if (c->base_file) fprintf(out, "; was %s at %s:%d)\n", c->base_value, c->base_file, c->base_line);
        else fprintf(out, "; new)\n");
    }
    fprintf(out, "every other value is the baseline's\n");
}

static fs_status report_scenario(const fs_run *run, const char *path, FILE *out)
{
    const fs_model *m = run->model;
    if (!m) return FS_EUSAGE;
    int64_t need = 0;
    for (size_t u = 0; u < m->unit_count; u++) need += m->need[u];
    fprintf(out, "%s: ok: \"%s\", %zu units, %zu sources, %zu need components, total need %lld %s\n", path, m->name,
            m->unit_count, m->source_count, m->norm_count, (long long)need, m->money_unit);
    print_overlay(m, out);
    return FS_OK;
}

fs_status fs_run_report(const fs_run *run, const char *dir, FILE *out, FILE *warnings)
{
    run_locale l = run_locale_enter();
    fs_status st = report(run, dir, out, warnings);
    run_locale_leave(l);
    return st;
}

fs_status fs_run_report_scenario(const fs_run *run, const char *path, FILE *out)
{
    run_locale l = run_locale_enter();
    fs_status st = report_scenario(run, path, out);
    run_locale_leave(l);
    return st;
}

fs_status fs_run_explain_unit(const fs_run *run, size_t u, int format, FILE *out)
{
    if (!run->result || u >= run->model->unit_count) return FS_EUSAGE;
    run_locale l = run_locale_enter();
    int rc = 0;
    if (format == FS_EXPLAIN_JSON) rc = fs_explain_unit_json(run->model, run->result, run->disburse, u, run->lang, out);
    else fs_explain_unit(run->model, run->result, run->disburse, u, run->lang, out);
    run_locale_leave(l);
    return rc == 0 ? FS_OK : FS_EINTERNAL;
}
