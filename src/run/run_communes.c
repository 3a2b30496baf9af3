/*
 * run_communes.c: communes.txt, the explanation of every unit of a run (run_private.h:
 * run_write_communes), from which the chart stage draws communes.pdf, a page per
 * commune. Each unit's text is what `fiscalsim explain` prints for it, in the run's
 * language; a form feed ends each one. It is a table of the run like the others: `plot`
 * redraws the pages from it.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "explain.h"
#include "run_private.h"

fs_status run_write_communes(fs_run *run, const char *stage)
{
    char path[FS_PATH_MAX + 16];
    snprintf(path, sizeof path, "%s/communes.txt", stage);
    FILE *f = fopen(path, "w");
    if (!f) return fs_diag_add(&run->diag, FS_EIO, path, 0, NULL, "cannot write: %s", strerror(errno));
    for (size_t u = 0; u < run->model->unit_count; u++) {
        fs_explain_unit(run->model, run->result, run->disburse, u, run->lang, f);
        fputs("\f\n", f);
    }
    int failed = ferror(f);
    failed |= fclose(f) != 0;
    if (failed) return fs_diag_add(&run->diag, FS_EIO, path, 0, NULL, "cannot write: %s", strerror(errno));
    return FS_OK;
}
