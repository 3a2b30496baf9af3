/*
 * output_set.h (private): the files of one command's output, staged and committed to
 * their folder together.
 *
 * Opening a set locks the output folder (flock on the folder itself, held until the
 * set is finished: a second command writing there waits, and says so) and makes a
 * private staging folder inside it (.fiscalsim-stage-XXXXXX, mode 0700: no one can
 * plant a link in it). Every file of the output, tables, summaries, workbooks and
 * charts alike, is written there under its final name. Committing writes an intent
 * file (.fiscalsim-commit) naming the staging folder, renames every staged file into
 * the folder (JSON summaries last), then removes the intent and the staging folder.
 * A command killed before the intent exists leaves the folder as it was; one killed
 * during the renames leaves the intent, and the next command to open a set there
 * completes them first. Either way the next one removes leftover staging folders. So
 * the folder only ever holds one command's complete set, and a failed command changes
 * nothing in it.
 */
#ifndef FISCALSIM_OUTPUT_SET_H
#define FISCALSIM_OUTPUT_SET_H

#include <stdbool.h>

#include "error.h"
#include "json.h"
#include "output_set.h"
#include "table_write.h"

/* The longest file name a command stages (the pack, the charts, the tables). */
enum { OUTPUT_NAME_MAX = 64 };

typedef struct output_set {
    bool open;
    int lock_fd;
    char dir[FS_PATH_MAX];
    char stage[FS_PATH_MAX];
} output_set;

/* Opens the set for the existing folder `dir` (see above): checks that every staged
 * path fits (FS_EUSAGE otherwise), takes the lock (waiting, with a note on stderr,
 * while another command holds it), completes or cleans up what a killed command left,
 * and makes the staging folder. Opening an open set is nothing to do. Returns FS_OK,
 * or FS_EUSAGE/FS_EIO with a diagnostic (the set is then not open). */
fs_status output_set_open(output_set *set, const char *dir, fs_diag *diag);

/* The staged path of file `name` into buf (the set must be open), for writers that
 * open files by name (gnuplot, libxlsxwriter). */
void output_set_path(const output_set *set, const char *name, char *buf, size_t size);

/* Writes dir/name (a CSV table t, or else the JSON document) into the set, opening the
 * set for `dir` first if needed. Returns FS_OK, or FS_EIO (or the opening's status)
 * with a diagnostic. */
fs_status output_set_text(output_set *set, const char *dir, const char *name, const table_view *t, js_node *json,
                          fs_diag *diag);

/* Writes the JSON document `json` (stolen: released here; NULL means memory ran out)
 * as dir/name into the set, like output_set_text. */
fs_status output_set_json(output_set *set, const char *dir, const char *name, js_node *json, fs_diag *diag);

/* Commits the set (syncing each file and the folder first when `sync`) and closes it.
 * Returns FS_OK, or FS_EIO with a diagnostic (a folder in the way of a file is found
 * before anything is renamed). */
fs_status output_set_commit(output_set *set, bool sync, fs_diag *diag);

/* Removes the staged files and closes the set; the folder is as it was. Safe on a set
 * that is not open. */
void output_set_discard(output_set *set);

/* Ends a command's output: when `st` is FS_OK commits the set, else discards it and
 * returns `st`. */
fs_status output_set_finish(output_set *set, fs_status st, bool sync, fs_diag *diag);

/* For writers that can write into a caller's set: `given` when not NULL, else `own`. */
output_set *output_set_or(fs_output_set *given, output_set *own);

/* Ends such a writer's output: with a caller's set, returns `st` (the caller commits
 * or discards the set); else finishes `own` as output_set_finish does. */
fs_status output_set_end(fs_output_set *given, output_set *own, fs_status st, bool sync, fs_diag *diag);

#endif
