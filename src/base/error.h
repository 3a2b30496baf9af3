/*
 * error.h: statuses (fiscalsim/status.h) and diagnostics shared by every stage.
 *
 * Every fallible function returns a status, takes its diagnostics last, appends to
 * them only on failure, and writes its outputs only on success.
 */
#ifndef FISCALSIM_ERROR_H
#define FISCALSIM_ERROR_H

#include <stddef.h>

#include "status.h" /* fs_status and the limits: include/fiscalsim/status.h, public */


/* One diagnostic: where (file, line, key path) and what. line 0 = no line. */
typedef struct fs_error {
    fs_status code;
    char file[FS_PATH_MAX];
    int line;
    char key[FS_KEY_MAX];
    char message[FS_MESSAGE_MAX];
} fs_error;

/* All diagnostics of one call, in the order found. */
typedef struct fs_diag {
    fs_error *items;
    size_t count;
    size_t capacity;
} fs_diag;

/* Appends a diagnostic; file and key may be NULL. Returns code, so that callers can
 * `return fs_diag_add(...)`. On allocation failure the diagnostic is dropped but a
 * flag keeps the list non-empty. */
fs_status fs_diag_add(fs_diag *diag, fs_status code, const char *file, int line,
                      const char *key, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* The worst (numerically largest but FS_EINFEASIBLE last) status in the list, FS_OK if empty. */
fs_status fs_diag_status(const fs_diag *diag);

/* Formats one diagnostic like a compiler: "file:line: key: message". */
void fs_error_format(const fs_error *err, char *buf, size_t size);

/* Releases the list's storage; the list is empty and reusable afterwards. */
void fs_diag_clear(fs_diag *diag);

#endif
