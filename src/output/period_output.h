/*
 * period_output.h (private): the tables of a multi-year run and its part of summary.json.
 */
#ifndef FISCALSIM_PERIOD_OUTPUT_H
#define FISCALSIM_PERIOD_OUTPUT_H

#include "json.h"

#include "period.h"
#include "table_write.h"

enum { PERIOD_TABLES = 2 };

extern const char *const period_table_files[PERIOD_TABLES];

typedef struct period_ctx {
    const fs_model *m;           /* the first year */
    const fs_result *first;
    const fs_period_result *p;
} period_ctx;

/* Describes period.csv (one row per year) and period_units.csv (one row per unit and
 * solved year) over ctx, which must outlive the views. */
void period_tables(const period_ctx *ctx, table_view out[PERIOD_TABLES]);

/* The "period" object of summary.json (NULL when memory runs out). */
js_node *period_json(const period_ctx *ctx);

#endif
