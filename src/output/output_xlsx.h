/*
 * output_xlsx.h (private): one workbook of a command's output. Each table (the same
 * description the CSV writer reads, table_write.h) becomes one sheet; the workbook is
 * written to a temporary name and added to the command's output set, so it is renamed
 * into place together with the command's other files.
 */
#ifndef FISCALSIM_OUTPUT_XLSX_H
#define FISCALSIM_OUTPUT_XLSX_H

#include "error.h"
#include "lang.h"
#include "output_set_write.h"
#include "table.h"
#include "table_write.h"

/* Writes tables[0..n) as the sheets of the workbook dir/name and adds it to set: for
 * people, in lang (xlsx_words.h: sheet and column titles, words for codes; the header
 * bold and frozen with the first column; whole numbers grouped, shares as percentages). Returns FS_OK; FS_EMISSING when libxlsxwriter
 * cannot be loaded (the message says what to install); FS_EIO when the workbook cannot
 * be written (nothing is added). */
fs_status output_xlsx_stage(output_set *set, const char *dir, const char *name, const table_view *const *tables,
                            size_t n, fs_lang lang, fs_diag *diag);

/* Writes the table t as a workbook at path for an officer to fill in: its first sheet
 * the table itself under the table's own column names (so that it reads back as the
 * table: fs_table_read_xlsx), numbers as numbers, the header frozen; its second sheet a
 * note on each column (notes[k]: column, Vietnamese, English; NULL-terminated). Written
 * to a temporary name and renamed into place. Returns FS_OK, FS_EMISSING without
 * libxlsxwriter, FS_EIO. */
fs_status output_xlsx_template(const char *path, const fs_table *t, const char *const (*notes)[3], fs_diag *diag);

#endif
