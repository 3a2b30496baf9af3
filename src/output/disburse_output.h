/*
 * disburse_output.h (private): the disbursement's tables and its part of summary.json.
 */
#ifndef FISCALSIM_DISBURSE_OUTPUT_H
#define FISCALSIM_DISBURSE_OUTPUT_H

#include "json.h"

#include "disburse.h"
#include "table_write.h"

enum { DISBURSE_TABLES = 5 };

/* File names of the tables, in the order of disburse_tables. */
extern const char *const disburse_table_files[DISBURSE_TABLES];

typedef struct disburse_ctx {
    const fs_model *m;
    const fs_disburse_result *d;
} disburse_ctx;

/* Describes the five tables (disbursement, units, months, daily, fit) over ctx, which
 * must outlive the views. */
void disburse_tables(const disburse_ctx *ctx, table_view out[DISBURSE_TABLES]);

/* The "disbursement" object of summary.json (NULL when memory runs out). */
js_node *disburse_json(const fs_model *m, const fs_disburse_result *d);

#endif
