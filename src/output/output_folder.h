/*
 * output_folder.h (private): the mechanics under output_set.h: the output folder's
 * lock, the commit of a staging folder into it, and the recovery of what a killed
 * command left there.
 */
#ifndef FISCALSIM_OUTPUT_FOLDER_H
#define FISCALSIM_OUTPUT_FOLDER_H

#include <stdbool.h>

#include "error.h"

/* The names inside an output folder that belong to fiscalsim's staging. */
#define OUTPUT_INTENT_NAME ".fiscalsim-commit"
#define OUTPUT_STAGE_PREFIX ".fiscalsim-stage-"

/* Takes the exclusive lock of folder `dir` (flock on the folder), waiting (with a note
 * on stderr) while another process holds it. Returns the lock's descriptor (close it to
 * release), or -1 with a diagnostic. A killed holder releases it. */
int output_folder_lock(const char *dir, fs_diag *diag);

/* With the lock held: completes an interrupted commit (the intent file names its
 * staging folder) and removes leftover staging folders. Returns FS_OK or FS_EIO. */
fs_status output_folder_recover(const char *dir, fs_diag *diag);

/* With the lock held: moves every file of the staging folder `stage` (a folder inside
 * `dir`) into `dir`, JSON files last, under an intent file, then removes the intent
 * and `stage`. With `sync` the files and the folder are synced first. Returns FS_OK,
 * or FS_EIO with a diagnostic. */
fs_status output_folder_commit(const char *dir, const char *stage, bool sync, fs_diag *diag);

/* Removes the staging folder `stage` and the files in it. */
void output_folder_remove_stage(const char *stage);

#endif
