/*
 * run_diag.c: diagnostics by accessor (fiscalsim.h: fs_diagnostics is the library's
 * fs_diag list, its layout unpublished). k out of range reads as an empty diagnostic.
 */
#include <stdio.h>

#include "run_private.h"

static const fs_error *item(const fs_diagnostics *d, size_t k)
{
    return d && k < d->count ? &d->items[k] : NULL;
}

const fs_diagnostics *fs_run_diagnostics(const fs_run *run)
{
    return &run->diag;
}

const fs_diagnostics *fs_run_warnings(const fs_run *run)
{
    return run->model ? &run->model->warnings : NULL;
}

size_t fs_diagnostics_count(const fs_diagnostics *d)
{
    return d ? d->count : 0;
}

fs_status fs_diagnostics_status(const fs_diagnostics *d, size_t k)
{
    return item(d, k) ? item(d, k)->code : FS_OK;
}

const char *fs_diagnostics_file(const fs_diagnostics *d, size_t k)
{
    return item(d, k) ? item(d, k)->file : "";
}

int fs_diagnostics_line(const fs_diagnostics *d, size_t k)
{
    return item(d, k) ? item(d, k)->line : 0;
}

const char *fs_diagnostics_key(const fs_diagnostics *d, size_t k)
{
    return item(d, k) ? item(d, k)->key : "";
}

const char *fs_diagnostics_message(const fs_diagnostics *d, size_t k)
{
    return item(d, k) ? item(d, k)->message : "";
}

void fs_diagnostics_format(const fs_diagnostics *d, size_t k, char *buf, size_t size)
{
    if (item(d, k)) fs_error_format(item(d, k), buf, size);
    else if (size) buf[0] = '\0';
}
