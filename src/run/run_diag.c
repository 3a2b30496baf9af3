/*
 * run_diag.c: a run's diagnostics by accessor (fiscalsim.h). k out of range reads as
 * an empty diagnostic.
 */
#include <stdio.h>

#include "run_private.h"

static const fs_error *item(const fs_run *run, size_t k)
{
    return k < run->diag.count ? &run->diag.items[k] : NULL;
}

size_t fs_run_diag_count(const fs_run *run)
{
    return run->diag.count;
}

fs_status fs_run_diag_status(const fs_run *run, size_t k)
{
    return item(run, k) ? item(run, k)->code : FS_OK;
}

const char *fs_run_diag_file(const fs_run *run, size_t k)
{
    return item(run, k) ? item(run, k)->file : "";
}

int fs_run_diag_line(const fs_run *run, size_t k)
{
    return item(run, k) ? item(run, k)->line : 0;
}

const char *fs_run_diag_key(const fs_run *run, size_t k)
{
    return item(run, k) ? item(run, k)->key : "";
}

const char *fs_run_diag_message(const fs_run *run, size_t k)
{
    return item(run, k) ? item(run, k)->message : "";
}

void fs_run_diag_format(const fs_run *run, size_t k, char *buf, size_t size)
{
    if (item(run, k)) fs_error_format(item(run, k), buf, size);
    else if (size) buf[0] = '\0';
}
