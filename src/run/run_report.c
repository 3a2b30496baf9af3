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
#include "shares_output.h"

/* One line per later year of a multi-year run. */
static void print_period(const fs_period_result *p, FILE *out, FILE *warnings)
{
    static const char *const status[] = {"solved", "no feasible allocation", "not run"};
    for (size_t k = 1; k < p->year_count; k++) {
        const fs_period_year *y = &p->years[k];
        if (y->status == FS_YEAR_SOLVED) {
            fprintf(out, "%d: min coverage %.4f, %zu units under need, transfers %lld\n", y->year,
                    y->result->min_coverage, y->result->units_under_need, (long long)y->result->total_transfer);
            if (y->result->gap_count)
                fprintf(warnings, "fiscalsim: warning: %d: %zu requirement%s cannot be met in whole money; "
                                  "summary.json lists them under period.by_year[].whole_money.gaps\n",
                        y->year, y->result->gap_count, y->result->gap_count == 1 ? "" : "s");
        } else
            fprintf(out, "%d: %s\n", y->year, status[y->status]);
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

static void print_disbursement(const fs_model *m, const fs_disburse_result *d, FILE *out)
{
    char date[11];
    fs_date_format(d->start + (int32_t)d->day_count - 1, date);
    size_t last = d->day_count - 1;
    fprintf(out, "disbursement %d: forecast by %s: whole plan %.1f%% [%.1f, %.1f], lower level %.1f%% [%.1f, %.1f] "
           "(%.0f%% band)\n",
           d->year, date, 100 * d->daily[FS_PLAN_WHOLE][0][last], 100 * d->daily[FS_PLAN_WHOLE][1][last],
           100 * d->daily[FS_PLAN_WHOLE][2][last], 100 * d->daily[FS_PLAN_LOWER][0][last],
           100 * d->daily[FS_PLAN_LOWER][1][last], 100 * d->daily[FS_PLAN_LOWER][2][last],
           100 * erf(m->disburse->band_z / sqrt(2)));
    const fs_disburse_prior *pr = &d->prior;
    if (d->baseline_calibration) {
        fprintf(out, "calibration: the baseline's (at this scenario's %zu points of %d it differs by up to %.2f pp)\n",
               d->points, d->year, 100 * d->max_residual);
    } else {
        fprintf(out, "calibration: %zu point%s of %d", d->points, d->points == 1 ? "" : "s", d->year);
        if (d->points > 0) fprintf(out, " (largest residual %.2f pp)", 100 * d->max_residual);
        fprintf(out, " and a prior from %zu other plan year%s (%zu points)", pr->years, pr->years == 1 ? "" : "s",
               pr->points);
        if (d->points < FS_DISBURSE_PARAMS)
            fprintf(out, "; %zu point%s for %d parameters: the prior carries the rest", d->points, d->points == 1 ? "" : "s",
                   FS_DISBURSE_PARAMS);
        fprintf(out, "; this year's points settle %.0f%% of the forecast's uncertainty at %s, the prior %.0f%%; bands "
               "widened x%.2f by leave-one-year-out\n",
               100 * d->data_weight, date, 100 * (1 - d->data_weight), pr->band_scale);
    }
    size_t constrained = 0, watch = 0;
    for (size_t mo = 0; mo < d->month_count; mo++) constrained += d->constrained[mo];
    for (size_t e = 0; e < d->entity_count; e++) watch += d->entities[e].risk == 1;
    if (constrained == 0) {
        fprintf(out, "cash: no month is cash-constrained");
    } else {
        fprintf(out, "cash: %zu constrained month%s (", constrained, constrained > 1 ? "s" : "");
        const char *sep = "";
        for (size_t mo = 0; mo < d->month_count; mo++)
            if (d->constrained[mo]) {
                char month[8];
                fs_month_format(d->month_end[mo], month);
                fprintf(out, "%s%s", sep, month);
                sep = ", ";
            }
        fprintf(out, "), delay %lld %s-months, %lld not paid by a deadline", (long long)d->delay_total, m->money_unit,
               (long long)d->lost_total);
    }
    fprintf(out, "; %zu units at risk of missing the deadline, %zu to watch\n", d->units_at_risk, watch);
}

/* The chosen shares, one line per group of rules that apply to the same units ("regime
 * HP"), and one per source chosen unit by unit, with its range over the units. */
static void print_shares(const fs_model *m, const shares_ctx *shares, FILE *out)
{
    const shares_ctx x = *shares;
    for (size_t k = 0; k < x.row_count; k++) {
        const share_row *row = &x.rows[k];
        if (row->scope != SHARE_GROUP) continue;
        char label[128], other[128];
        shares_rule_label(m, row->source, row->rule, label, sizeof label);
        bool first = true;
        for (size_t j = 0; j < k && first; j++) {
            if (x.rows[j].scope != SHARE_GROUP) continue;
            shares_rule_label(m, x.rows[j].source, x.rows[j].rule, other, sizeof other);
            first = strcmp(label, other) != 0;
        }
        if (!first) continue; /* printed with the first rule of this label */
        fprintf(out, "chosen shares, %s:", label);
        for (size_t j = k, n = 0; j < x.row_count; j++) {
            if (x.rows[j].scope != SHARE_GROUP) continue;
            shares_rule_label(m, x.rows[j].source, x.rows[j].rule, other, sizeof other);
            if (strcmp(label, other)) continue;
            const fs_source *src = &m->sources[x.rows[j].source];
            fprintf(out, "%s %s %g%%", n++ ? "," : "", src->name[0] ? src->name : src->id, 100 * x.rows[j].share);
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
        fprintf(out, "chosen shares unit by unit, %s: %g%% to %g%% over %zu units\n", src->name[0] ? src->name : src->id,
                100 * lo, 100 * hi, units);
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
    if (run->failed_year) {
        print_period(run->period, out, warnings);
    } else {
        const char *how = m->policy.mode == FS_MODE_LEGAL    ? "legal formula"
                          : r->status == FS_LP_FEASIBLE_LIMIT ? "best allocation found within the time limit"
                                                              : "optimal";
        fprintf(out, "%s: %s, min coverage %.4f, %zu of %zu units under need, outputs in %s\n", m->name, how,
                r->min_coverage, r->units_under_need, m->unit_count, dir);
        print_shares(m, &run->shares, out);
        print_money_gaps(m, r, warnings);
        if (run->disburse) print_disbursement(m, run->disburse, out);
        if (run->period) print_period(run->period, out, warnings);
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
    if (format == FS_EXPLAIN_JSON) rc = fs_explain_unit_json(run->model, run->result, u, run->lang, out);
    else fs_explain_unit(run->model, run->result, u, run->lang, out);
    run_locale_leave(l);
    return rc == 0 ? FS_OK : FS_EINTERNAL;
}
