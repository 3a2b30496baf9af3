/*
 * output_xlsx.c: tables as the sheets of one XLSX workbook (output_xlsx.h), for every
 * command that writes one (`run`'s allocation.xlsx, `compare`'s compare.xlsx).
 *
 * libxlsxwriter is opened with dlopen only when a workbook is asked for: linking it
 * outright loads libcrypto at every start and costs 4 ms of a 10 ms run.
 */
#include "output_xlsx.h"

#include <dlfcn.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "calendar.h"
#include "xlsx_words.h"

typedef struct xlsx_api {
    void *handle;
    lxw_workbook *(*workbook_new)(const char *);
    lxw_worksheet *(*add_worksheet)(lxw_workbook *, const char *);
    lxw_error (*write_string)(lxw_worksheet *, lxw_row_t, lxw_col_t, const char *, lxw_format *);
    lxw_error (*write_number)(lxw_worksheet *, lxw_row_t, lxw_col_t, double, lxw_format *);
    lxw_error (*workbook_close)(lxw_workbook *);
    lxw_format *(*add_format)(lxw_workbook *);
    void (*set_num_format)(lxw_format *, const char *);
    void (*set_bold)(lxw_format *);
    lxw_error (*freeze_panes)(lxw_worksheet *, lxw_row_t, lxw_col_t);
    lxw_error (*set_column)(lxw_worksheet *, lxw_col_t, lxw_col_t, double, lxw_format *);
} xlsx_api;

/* The workbook's cell formats: the header, whole numbers, reals, percentages, dates
 * and months. */
typedef struct xlsx_formats {
    lxw_format *header, *integer, *real, *percent, *date, *month, *year;
} xlsx_formats;

static int xlsx_open(xlsx_api *x)
{
    x->handle = dlopen("libxlsxwriter.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!x->handle) x->handle = dlopen("libxlsxwriter.so", RTLD_NOW | RTLD_LOCAL);
    if (!x->handle) return -1;
    /* POSIX guarantees that a data pointer from dlsym converts to a function pointer. */
    *(void **)&x->workbook_new = dlsym(x->handle, "workbook_new");
    *(void **)&x->add_worksheet = dlsym(x->handle, "workbook_add_worksheet");
    *(void **)&x->write_string = dlsym(x->handle, "worksheet_write_string");
    *(void **)&x->write_number = dlsym(x->handle, "worksheet_write_number");
    *(void **)&x->workbook_close = dlsym(x->handle, "workbook_close");
    *(void **)&x->add_format = dlsym(x->handle, "workbook_add_format");
    *(void **)&x->set_num_format = dlsym(x->handle, "format_set_num_format");
    *(void **)&x->set_bold = dlsym(x->handle, "format_set_bold");
    *(void **)&x->freeze_panes = dlsym(x->handle, "worksheet_freeze_panes");
    *(void **)&x->set_column = dlsym(x->handle, "worksheet_set_column");
    if (!x->workbook_new || !x->add_worksheet || !x->write_string || !x->write_number || !x->workbook_close ||
        !x->add_format || !x->set_num_format || !x->set_bold || !x->freeze_panes || !x->set_column) {
        dlclose(x->handle);
        return -1;
    }
    return 0;
}

/* The formats of a workbook in lang. Numbers are grouped and marked as the reader's
 * Excel does it (its own locale's separators); dates and months are real dates, shown
 * day first in Vietnamese (31/01/2027, 01/2027), with the month's name in English
 * (31 Jan 2027, Jan 2027). */
static xlsx_formats make_formats(const xlsx_api *x, lxw_workbook *wb, fs_lang lang)
{
    xlsx_formats f = {x->add_format(wb), x->add_format(wb), x->add_format(wb), x->add_format(wb),
                      x->add_format(wb), x->add_format(wb), x->add_format(wb)};
    if (f.header) x->set_bold(f.header);
    if (f.integer) x->set_num_format(f.integer, "#,##0");
    if (f.real) x->set_num_format(f.real, "#,##0.00##");
    if (f.percent) x->set_num_format(f.percent, "0.00%");
    if (f.date) x->set_num_format(f.date, lang == FS_LANG_VI ? "dd/mm/yyyy" : "d mmm yyyy");
    if (f.month) x->set_num_format(f.month, lang == FS_LANG_VI ? "mm/yyyy" : "mmm yyyy");
    if (f.year) x->set_num_format(f.year, "0");
    return f;
}

/* Excel's serial number of a day number (calendar.h): days since 30 December 1899. */
static double excel_serial(int32_t day)
{
    return (double)day + 25569.0;
}

/* Whether text is an ISO date ("2027-01-31": *is_month false) or month ("2027-01":
 * *is_month true), and its first day in *day. */
static bool iso_date(const char *text, int32_t *day, bool *is_month)
{
    char first[11];
    *is_month = strlen(text) == 7;
    if (*is_month) {
        snprintf(first, sizeof first, "%s-01", text);
        text = first;
    }
    return text[0] >= '0' && text[0] <= '9' && fs_date_parse(text, day) == 0;
}

/* One table as a sheet for people: titles in lang, the header bold and frozen, words
 * for codes, whole numbers grouped, shares as percentages. */
static int write_sheet(const xlsx_api *x, lxw_workbook *wb, const xlsx_formats *f, const table_view *t, fs_lang lang)
{
    lxw_worksheet *ws = x->add_worksheet(wb, xlsx_sheet_title(t->sheet, lang));
    if (!ws) return -1;
    for (size_t c = 0; c < t->col_count; c++) {
        x->write_string(ws, 0, (lxw_col_t)c, xlsx_column_title(t->header[c], lang), f->header);
        x->set_column(ws, (lxw_col_t)c, (lxw_col_t)c, c == 0 ? 28 : 16, NULL);
    }
    x->freeze_panes(ws, 1, 1);
    for (size_t row = 0; row < t->row_count; row++)
        for (size_t c = 0; c < t->col_count; c++) {
            cell v;
            t->get(t->ctx, row, c, &v);
            lxw_row_t xr = (lxw_row_t)(row + 1);
            const char *column = t->header[c];
            char word[64];
            int32_t day;
            bool is_month;
            if (v.type == CELL_TEXT && iso_date(v.text, &day, &is_month))
                x->write_number(ws, xr, (lxw_col_t)c, excel_serial(day), is_month ? f->month : f->date);
            else if (v.type == CELL_TEXT)
                x->write_string(ws, xr, (lxw_col_t)c, xlsx_code_word(column, v.text, lang, word, sizeof word), NULL);
            else if (v.type == CELL_INT)
                x->write_number(ws, xr, (lxw_col_t)c, (double)v.i, xlsx_is_year(column) ? f->year : f->integer);
            else x->write_number(ws, xr, (lxw_col_t)c, v.r, xlsx_is_percent(column) ? f->percent : f->real);
        }
    return 0;
}

fs_status output_xlsx_stage(output_set *set, const char *dir, const char *name, const table_view *const *tables,
                            size_t n, fs_lang lang, fs_diag *diag)
{
    char path[FS_PATH_MAX], temp[FS_PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    fs_status st = output_set_open(set, dir, diag);
    if (st != FS_OK) return st;
    xlsx_api x;
    if (xlsx_open(&x) != 0)
        return fs_diag_add(diag, FS_EMISSING, path, 0, NULL,
                           "XLSX output needs libxlsxwriter: install the Debian package libxlsxwriter4");
    output_set_path(set, name, temp, sizeof temp);
    lxw_workbook *wb = x.workbook_new(temp);
    if (!wb) {
        dlclose(x.handle);
        return fs_diag_add(diag, FS_EIO, path, 0, NULL, "cannot write");
    }
    xlsx_formats formats = make_formats(&x, wb, lang);
    int failed = 0;
    for (size_t k = 0; k < n && !failed; k++) failed = write_sheet(&x, wb, &formats, tables[k], lang);
    if (x.workbook_close(wb) != LXW_NO_ERROR || failed) {
        dlclose(x.handle);
        remove(temp);
        return fs_diag_add(diag, FS_EIO, path, 0, NULL, "cannot write the workbook");
    }
    dlclose(x.handle);
    return FS_OK;
}

/* A cell of the template: a number when the text is one, else the text. */
static void write_cell(const xlsx_api *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *v,
                       const xlsx_formats *f)
{
    char *end = NULL;
    double d = v[0] ? strtod(v, &end) : 0;
    if (v[0] && end && !*end && isfinite(d))
        x->write_number(ws, row, col, d, d == floor(d) && fabs(d) < 1e15 ? f->integer : f->real);
    else x->write_string(ws, row, col, v, NULL);
}

fs_status output_xlsx_template(const char *path, const fs_table *t, const char *const (*notes)[3], fs_diag *diag)
{
    xlsx_api x;
    if (xlsx_open(&x) != 0)
        return fs_diag_add(diag, FS_EMISSING, path, 0, NULL,
                           "XLSX output needs libxlsxwriter: install the Debian package libxlsxwriter4");
    char temp[FS_PATH_MAX + 32];
    snprintf(temp, sizeof temp, "%s.tmp-%ld", path, (long)getpid());
    lxw_workbook *wb = x.workbook_new(temp);
    lxw_worksheet *units = wb ? x.add_worksheet(wb, "units") : NULL;
    lxw_worksheet *about = wb ? x.add_worksheet(wb, "notes") : NULL;
    if (!units || !about) {
        if (wb) x.workbook_close(wb);
        remove(temp);
        dlclose(x.handle);
        return fs_diag_add(diag, FS_EIO, path, 0, NULL, "cannot write");
    }
    xlsx_formats f = make_formats(&x, wb, FS_LANG_VI); /* a template has no dates */
    for (size_t c = 0; c < t->column_count; c++) {
        x.write_string(units, 0, (lxw_col_t)c, t->header[c], f.header);
        x.set_column(units, (lxw_col_t)c, (lxw_col_t)c, c == 0 ? 28 : 14, NULL);
    }
    x.freeze_panes(units, 1, 1);
    for (size_t r = 0; r < t->row_count; r++)
        for (size_t c = 0; c < t->column_count; c++)
            write_cell(&x, units, (lxw_row_t)(r + 1), (lxw_col_t)c, fs_table_cell(t, r, c), &f);
    static const char *const heads[3] = {"column", "ghi chú", "note"};
    for (int c = 0; c < 3; c++) {
        x.write_string(about, 0, (lxw_col_t)c, heads[c], f.header);
        x.set_column(about, (lxw_col_t)c, (lxw_col_t)c, c == 0 ? 18 : 70, NULL);
    }
    for (size_t k = 0; notes[k][0]; k++)
        for (int c = 0; c < 3; c++) x.write_string(about, (lxw_row_t)(k + 1), (lxw_col_t)c, notes[k][c], NULL);
    bool closed = x.workbook_close(wb) == LXW_NO_ERROR;
    dlclose(x.handle);
    if (!closed || rename(temp, path) != 0) {
        remove(temp);
        return fs_diag_add(diag, FS_EIO, path, 0, NULL, "cannot write the workbook");
    }
    return FS_OK;
}
