/*
 * chart_disburse.c: the data of the two disbursement charts of the council pack
 * (chart_disburse.h), which plots/disbursement.gp and plots/risk.gp draw: the daily
 * forecast of the plan year with its bands, the schedule under the cash limit at month
 * ends, the plan year's published points, the month tics in the run's language; the
 * units flagged at risk, lowest forecast completion at the deadline first (at most 30),
 * with their band and level, and the risk threshold.
 *
 * Shares are printed with 10 significant digits: the tables carry 6 decimals. A unit's
 * name is a datablock label (chart_label: double-quoted, no quote or backslash).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart_disburse.h"
#include "calendar.h"
#include "chart_common.h"

enum { RISK_MAX_UNITS = 30 };

/* The plan year's observed points of one plan as a datablock (maybe empty); returns
 * how many. */
static size_t observed_block(FILE *out, const fs_chart_data *d, const char *plan)
{
    size_t n = 0;
    fprintf(out, "$disb_seen_%s << EOD\n", plan);
    for (size_t k = 0; k < d->observed_count; k++) {
        const fs_chart_observed *o = &d->observed[k];
        if (o->year != d->year || strcmp(o->plan, plan)) continue;
        chart_date(out, o->date);
        fprintf(out, " %.10g\n", 100 * o->share);
        n++;
    }
    fputs("EOD\n", out);
    return n;
}

void chart_disbursement_data(FILE *out, const fs_chart_data *d, fs_lang lang)
{
    int32_t start = fs_days_from_civil(d->year, 1, 1), last = start + 1;
    fputs("$disb_daily << EOD\n# date whole whole_lo whole_hi lower lower_lo lower_hi (% of plan)\n", out);
    for (size_t k = 0; k < d->day_count; k++) {
        const fs_chart_day *y = &d->day[k];
        if (y->date > last) last = y->date;
        chart_date(out, y->date);
        fprintf(out, " %.10g %.10g %.10g %.10g %.10g %.10g\n", 100 * y->whole, 100 * y->whole_lo, 100 * y->whole_hi,
                100 * y->lower, 100 * y->lower_lo, 100 * y->lower_hi);
    }
    fputs("EOD\n", out);
    size_t scheduled = 0;
    fputs("$disb_scheduled << EOD\n", out);
    for (size_t k = 0; k < d->month_count; k++) {
        const fs_chart_month *m = &d->month[k];
        if (m->whole_planned <= 0) continue;
        chart_date(out, m->month_end);
        fprintf(out, " %.10g\n", 100.0 * (double)m->whole_scheduled / (double)m->whole_planned);
        scheduled++;
    }
    fputs("EOD\n", out);
    size_t seen_whole = observed_block(out, d, "whole"), seen_lower = observed_block(out, d, "lower");
    fprintf(out, "has_scheduled = %d\nhas_seen_whole = %d\nhas_seen_lower = %d\ndisb_first = '", scheduled > 0,
            seen_whole > 0, seen_lower > 0);
    chart_date(out, start);
    fputs("'\ndisb_last = '", out);
    chart_date(out, last);
    fputs("'\n", out);
    chart_month_tics_setting(out, start, last, lang);
}

void chart_risk_data(FILE *out, const fs_chart_data *d)
{
    chart_rank *rows = malloc((d->entity_count + 1) * sizeof *rows);
    if (!rows) return;
    size_t flagged = 0;
    for (size_t e = 0; e < d->entity_count; e++)
        if (strcmp(d->entity[e].kind, "city") && d->entity[e].risk[0])
            rows[flagged++] = (chart_rank){d->entity[e].completion, e};
    qsort(rows, flagged, sizeof *rows, chart_by_rank);
    size_t shown = flagged < RISK_MAX_UNITS ? flagged : RISK_MAX_UNITS, high = 0, watch = 0;
    /* Top to bottom, lowest completion first: the first row is at y = shown. */
    fputs("$risk << EOD\n# y completion band_lo band_hi (% of the unit's plan) unit level\n", out);
    for (size_t k = 0; k < shown; k++) {
        const fs_chart_entity *e = &d->entity[rows[k].index];
        fprintf(out, "%zu %.10g %.10g %.10g ", shown - k, 100 * e->completion, 100 * e->band_lo, 100 * e->band_hi);
        chart_label(out, e->name);
        fprintf(out, " %s\n", e->risk);
        high += !strcmp(e->risk, "high"), watch += !strcmp(e->risk, "watch");
    }
    fputs("EOD\n", out);
    /* Inside the y range at both ends: gnuplot drops a segment whose two ends are out. */
    fprintf(out, "$risk_threshold << EOD\n%.10g 0.4\n%.10g %g\nEOD\n", 100 * d->risk_threshold,
            100 * d->risk_threshold, (double)shown + 0.6);
    fprintf(out, "risk_threshold = %.10g\nrisk_shown = %zu\nrisk_flagged = %zu\nrisk_high = %zu\nrisk_watch = %zu\n",
            d->risk_threshold, shown, flagged, high, watch);
    free(rows);
}
