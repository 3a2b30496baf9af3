/*
 * output_set.c: a command's output files, committed together (see output_set.h).
 */
#include "output_set.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fiscalsim/atomic_file.h"

void output_set_add(output_set *p, const char *temp, const char *path)
{
    snprintf(p->temp[p->count], sizeof p->temp[0], "%s", temp);
    snprintf(p->path[p->count], sizeof p->path[0], "%s", path);
    p->count++;
}


void output_set_discard(output_set *p)
{
    for (size_t k = 0; k < p->count; k++) remove(p->temp[k]);
    p->count = 0;
}

/* Writes the document, indented, and a newline. jansson builds it in memory first: its
 * stream writer hands stdio one call per token. Returns 0, or -1 (errno says why). */
static int write_json(const json_t *json, FILE *fp)
{
    char *text = json_dumps(json, JSON_INDENT(2) | JSON_REAL_PRECISION(10));
    if (!text) {
        errno = ENOMEM;
        return -1;
    }
    size_t n = strlen(text);
    int rc = fwrite(text, 1, n, fp) == n && fputc('\n', fp) != EOF ? 0 : -1;
    free(text);
    return rc;
}

/* Writes a text file to a temporary name and records it for the final rename. */
fs_status output_set_text(output_set *p, const char *dir, const char *name, const table_view *t,
                          json_t *json, fs_diag *diag)
{
    fs_atomic_file f;
    char path[FS_PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (fs_atomic_open(&f, path, diag) != FS_OK) return FS_EIO;
    if (t) table_write_csv(f.fp, t);
    else if (write_json(json, f.fp) != 0) {
        int err = errno;
        fs_atomic_abort(&f);
        return fs_diag_add(diag, FS_EIO, path, 0, NULL, "cannot write: %s", strerror(err));
    }
    if (fs_atomic_close(&f, diag) != FS_OK) return FS_EIO;
    output_set_add(p, f.temp, path);
    return FS_OK;
}

/* Renames every staged file into place; on failure removes the rest. */
fs_status output_set_commit(output_set *p, bool sync, fs_diag *diag)
{
    for (size_t k = 0; k < p->count; k++) {
        fs_status st = fs_atomic_rename(p->temp[k], p->path[k], sync, diag);
        if (st != FS_OK) {
            for (size_t j = k + 1; j < p->count; j++) remove(p->temp[j]);
            return st;
        }
    }
    return FS_OK;
}


fs_status output_set_json(output_set *p, const char *dir, const char *name, json_t *json, fs_diag *diag)
{
    if (!json) return fs_diag_add(diag, FS_EINTERNAL, NULL, 0, NULL, "out of memory");
    fs_status st = output_set_text(p, dir, name, NULL, json, diag);
    json_decref(json);
    return st;
}

fs_status output_set_finish(output_set *p, fs_status st, bool sync, fs_diag *diag)
{
    if (st != FS_OK) {
        output_set_discard(p);
        return st;
    }
    return output_set_commit(p, sync, diag);
}
