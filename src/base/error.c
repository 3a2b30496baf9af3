/*
 * error.c: the diagnostics list. Library code never prints; the CLI prints what
 * lands here. A diagnostic that cannot be stored (out of memory) is replaced by a
 * static one so that a failure is never reported as success.
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static fs_error out_of_memory = {FS_EINTERNAL, "", 0, "", "out of memory"};

static void copy_text(char *dst, size_t size, const char *src)
{
    if (!src) src = "";
    snprintf(dst, size, "%s", src);
}

fs_status fs_diag_add(fs_diag *diag, fs_status code, const char *file, int line,
                      const char *key, const char *fmt, ...)
{
    if (diag->count == diag->capacity) {
        size_t cap = diag->capacity ? diag->capacity * 2 : 8;
        fs_error *grown = (diag->items == &out_of_memory) ? NULL
                                                          : realloc(diag->items, cap * sizeof *grown);
        if (!grown) {
            if (diag->items != &out_of_memory) free(diag->items);
            diag->items = &out_of_memory;
            diag->count = diag->capacity = 1;
            return code;
        }
        diag->items = grown;
        diag->capacity = cap;
    }
    fs_error *e = &diag->items[diag->count++];
    e->code = code;
    copy_text(e->file, sizeof e->file, file);
    e->line = line;
    copy_text(e->key, sizeof e->key, key);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
    return code;
}

fs_status fs_diag_status(const fs_diag *diag)
{
    fs_status worst = FS_OK;
    for (size_t i = 0; i < diag->count; i++) {
        fs_status c = diag->items[i].code;
        if (c == FS_EINFEASIBLE && worst != FS_OK) continue;
        if (worst == FS_EINFEASIBLE || c > worst) worst = c;
    }
    return worst;
}

void fs_error_format(const fs_error *err, char *buf, size_t size)
{
    char where[FS_PATH_MAX + 32] = "";
    if (err->file[0] && err->line > 0)
        snprintf(where, sizeof where, "%s:%d: ", err->file, err->line);
    else if (err->file[0])
        snprintf(where, sizeof where, "%s: ", err->file);
    if (err->key[0])
        snprintf(buf, size, "%s%s: %s", where, err->key, err->message);
    else
        snprintf(buf, size, "%s%s", where, err->message);
}

void fs_diag_clear(fs_diag *diag)
{
    if (diag->items != &out_of_memory) free(diag->items);
    diag->items = NULL;
    diag->count = diag->capacity = 0;
}
