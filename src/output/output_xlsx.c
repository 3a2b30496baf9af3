/*
 * output_xlsx.c: tables as the sheets of one XLSX workbook (output_xlsx.h), for every
 * command that writes one (`run`'s allocation.xlsx, `compare`'s compare.xlsx).
 *
 * libxlsxwriter is opened with dlopen only when a workbook is asked for: linking it
 * outright loads libcrypto at every start and costs 4 ms of a 10 ms run.
 */
#include "output_xlsx.h"

#include <dlfcn.h>
#include <stdio.h>
#include <unistd.h>
#include <xlsxwriter.h>

typedef struct xlsx_api {
    void *handle;
    lxw_workbook *(*workbook_new)(const char *);
    lxw_worksheet *(*add_worksheet)(lxw_workbook *, const char *);
    lxw_error (*write_string)(lxw_worksheet *, lxw_row_t, lxw_col_t, const char *, lxw_format *);
    lxw_error (*write_number)(lxw_worksheet *, lxw_row_t, lxw_col_t, double, lxw_format *);
    lxw_error (*workbook_close)(lxw_workbook *);
} xlsx_api;

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
    if (!x->workbook_new || !x->add_worksheet || !x->write_string || !x->write_number || !x->workbook_close) {
        dlclose(x->handle);
        return -1;
    }
    return 0;
}

static int write_sheet(const xlsx_api *x, lxw_workbook *wb, const table_view *t)
{
    lxw_worksheet *ws = x->add_worksheet(wb, t->sheet);
    if (!ws) return -1;
    for (size_t c = 0; c < t->col_count; c++) x->write_string(ws, 0, (lxw_col_t)c, t->header[c], NULL);
    for (size_t row = 0; row < t->row_count; row++)
        for (size_t c = 0; c < t->col_count; c++) {
            cell v;
            t->get(t->ctx, row, c, &v);
            lxw_row_t xr = (lxw_row_t)(row + 1);
            if (v.type == CELL_TEXT) x->write_string(ws, xr, (lxw_col_t)c, v.text, NULL);
            else x->write_number(ws, xr, (lxw_col_t)c, v.type == CELL_INT ? (double)v.i : v.r, NULL);
        }
    return 0;
}

fs_status output_xlsx_stage(output_set *set, const char *dir, const char *name, const table_view *const *tables,
                            size_t n, fs_diag *diag)
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
    int failed = 0;
    for (size_t k = 0; k < n && !failed; k++) failed = write_sheet(&x, wb, tables[k]);
    if (x.workbook_close(wb) != LXW_NO_ERROR || failed) {
        dlclose(x.handle);
        remove(temp);
        return fs_diag_add(diag, FS_EIO, path, 0, NULL, "cannot write the workbook");
    }
    dlclose(x.handle);
    return FS_OK;
}
