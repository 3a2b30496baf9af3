/*
 * shares_output.h: the sharing decisions (shares.h) as shares.csv, the `shares` sheet
 * and summary.json's "shares".
 */
#ifndef FISCALSIM_SHARES_OUTPUT_H
#define FISCALSIM_SHARES_OUTPUT_H

#include "json.h"
#include "shares.h"
#include "table_write.h"

/* shares.csv's view of x (the `shares` sheet). */
table_view shares_table(const shares_ctx *x);

/* summary.json's "shares": one object per row. NULL when memory runs out. */
js_node *shares_json(const shares_ctx *x);

#endif
