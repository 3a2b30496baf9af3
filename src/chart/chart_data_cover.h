/*
 * chart_data_cover.h: private to the chart stage. The figures of a pack's cover, read
 * from a run's summary.json (chart_data_cover.c).
 */
#ifndef FISCALSIM_CHART_DATA_COVER_H
#define FISCALSIM_CHART_DATA_COVER_H

#include "chart.h"
#include "json.h"

/* Fills c from summary.json's root object: the year and mode, the totals, the city's
 * balance, the lowest coverage and units under need, the count of each kind of binding
 * requirement, the shares chosen by group, and the disbursement forecast at the last
 * deadline. What is absent stays 0, false or "". */
void chart_data_read_cover(const js_node *root, fs_chart_cover *c);

#endif
