/*
 * table.h: a CSV table as officers keep them (exported from a spreadsheet).
 *
 * UTF-8, comma separated, RFC 4180 quoting, LF or CRLF line ends, an optional UTF-8
 * byte-order mark, and optional comment lines starting with '#' before the header.
 * Every cell is kept as text with the line it came from; typing is the caller's job.
 */
#ifndef FISCALSIM_TABLE_H
#define FISCALSIM_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

/* Tables larger than this are refused: a units table of the whole country is ~1 MiB. */
#define FS_TABLE_MAX_BYTES (256 << 20)

typedef struct fs_table {
    char *path;
    size_t column_count;
    char **header;        /* column_count names */
    size_t row_count;
    char **cells;         /* row_count × column_count, row-major, never NULL; owned by the table:
                           * each row's texts are one block, held by its first cell (and the
                           * header's by header[0]) */
    int *row_line;        /* line of each row in the file, 1-based */
    int header_line;
    uint64_t hash;        /* FNV-1a of the file's bytes, for the inputs' fingerprint */
} fs_table;

/* Reads a CSV file. On success returns FS_OK and a table the caller frees with
 * fs_table_free. On failure returns FS_EIO (cannot read) or FS_EINPUT (malformed:
 * ragged rows, invalid UTF-8, empty file, an empty header cell, two byte-order marks),
 * adds every problem found to diag, and
 * sets *out to NULL. */
fs_status fs_table_read(const char *path, fs_table **out, fs_diag *diag);

/* Reads the first sheet of an Excel workbook (.xlsx) as a table: its first row with a
 * value is the header, blank rows are skipped, and each row keeps the sheet's row
 * number (row_line) so that messages name the row an officer sees; the table's path is
 * "FILE:SHEET". A whole number the spreadsheet stored as a real reads as the whole
 * number. Returns as fs_table_read: FS_EIO when the file cannot be opened, FS_EINPUT
 * when it is not a workbook or its header has an empty cell. */
fs_status fs_table_read_xlsx(const char *path, fs_table **out, fs_diag *diag);

/* fs_table_read_xlsx for a path ending in ".xlsx", else fs_table_read. */
fs_status fs_table_read_any(const char *path, fs_table **out, fs_diag *diag);

/* FNV-1a 64-bit hash of n bytes, continuing from h (start with FS_FNV_OFFSET). */
#define FS_FNV_OFFSET 14695981039346656037ULL
uint64_t fs_fnv1a(uint64_t h, const void *data, size_t n);

/* Index of a column by exact name, or -1. */
int fs_table_column(const fs_table *table, const char *name);

/* The cell at (row, column). */
const char *fs_table_cell(const fs_table *table, size_t row, size_t column);

void fs_table_free(fs_table *table);

#endif
