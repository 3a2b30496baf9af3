/*
 * chart_cover.h: private to the chart stage. The settings of the cover of a run's
 * council pack (chart_cover.c), which plots/cover.gp lays out.
 */
#ifndef FISCALSIM_CHART_COVER_H
#define FISCALSIM_CHART_COVER_H

#include <stdio.h>

#include "chart.h"

/* The cover's settings: the year and mode, the totals (money unit), the envelope and
 * the city's balance when summary.json has them, the lowest coverage and its unit, the
 * units under need, the count of each kind of binding requirement (binding_<kind>), the
 * chosen shares (share_line_<k>, share_lines), the disbursement forecast at the last
 * deadline, and pack_date, in lang. */
void chart_cover_data(FILE *out, const fs_chart_data *d, fs_lang lang);

/* pack_date = the day the pack is drawn in lang: today, or SOURCE_DATE_EPOCH's day when
 * it is set (reproducible packs). For the covers of every pack. */
void chart_pack_date_setting(FILE *out, fs_lang lang);

#endif
