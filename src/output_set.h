/*
 * output_set.h (private): the files of one command's output, written to temporary
 * names and renamed into place together only when all of them are complete, so that a
 * failed run leaves the previous outputs as they were.
 */
#ifndef FISCALSIM_OUTPUT_SET_H
#define FISCALSIM_OUTPUT_SET_H

#include <jansson.h>
#include <stdbool.h>

#include "fiscalsim/error.h"
#include "table_write.h"

enum { OUTPUT_SET_MAX = 16 };

typedef struct output_set {
    char temp[OUTPUT_SET_MAX][FS_PATH_MAX + 16];
    char path[OUTPUT_SET_MAX][FS_PATH_MAX];
    size_t count;
} output_set;

/* Writes dir/name (a CSV table t, or else the JSON document) to a temporary file and
 * adds it to the set. Returns FS_OK, or FS_EIO with a diagnostic (nothing added). */
fs_status output_set_text(output_set *set, const char *dir, const char *name, const table_view *t, json_t *json,
                          fs_diag *diag);

/* Writes the JSON document `json` (stolen: released here; NULL means memory ran out)
 * as dir/name into the set, like output_set_text. */
fs_status output_set_json(output_set *set, const char *dir, const char *name, json_t *json, fs_diag *diag);

/* Ends a command's output: when `st` is FS_OK commits the set, else discards it and
 * returns `st`. */
fs_status output_set_finish(output_set *set, fs_status st, bool sync, fs_diag *diag);

/* Adds a temporary file written by someone else (a library that takes a path). A set
 * holds at most OUTPUT_SET_MAX files; commands write fewer. */
void output_set_add(output_set *set, const char *temp, const char *path);

/* Renames every file into place (syncing each first when `sync`); on failure removes
 * the temporary files not yet renamed and returns FS_EIO with a diagnostic. */
fs_status output_set_commit(output_set *set, bool sync, fs_diag *diag);

/* Removes every temporary file of the set. */
void output_set_discard(output_set *set);

#endif
