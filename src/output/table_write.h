/*
 * table_write.h (private): one description of an output table (a header and a cell
 * getter) written by one CSV writer, so that every table of every command is written
 * the same way. The XLSX writer (output_xlsx.c) reads the same description.
 */
#ifndef FISCALSIM_TABLE_WRITE_H
#define FISCALSIM_TABLE_WRITE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef enum cell_type { CELL_TEXT, CELL_INT, CELL_REAL } cell_type;

/* One cell: a getter sets type and the value; a text made for the cell (a date, a
 * label) is written into buf, which text may point at. */
enum { CELL_TEXT_MAX = 128 };
typedef struct cell {
    cell_type type;
    const char *text;
    int64_t i;
    double r;
    char buf[CELL_TEXT_MAX];
} cell;

typedef struct table_view {
    const char *sheet;
    size_t col_count;
    const char *const *header;
    size_t row_count;
    void (*get)(const void *ctx, size_t row, size_t col, cell *out);
    const void *ctx;
} table_view;

/* Writes the table as CSV: UTF-8 with a byte-order mark (spreadsheets need it to read
 * Vietnamese names), RFC 4180 quoting, integers as such, reals with 6 decimals in the
 * C locale. Errors show in ferror(fp). */
void table_write_csv(FILE *fp, const table_view *t);

#endif
