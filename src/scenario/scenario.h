/*
 * scenario.h: reading a scenario file (libconfig) and its tables into a model.
 *
 * The only entry point from text to fs_model. Every user-input error is found here,
 * each with file, line and key path, and all of them are reported at once.
 */
#ifndef FISCALSIM_SCENARIO_H
#define FISCALSIM_SCENARIO_H

#include "error.h"
#include "model.h"

/* Reads and validates the scenario at `path` (tables are resolved relative to it).
 * On success returns FS_OK and a model the caller frees with fs_model_free. On
 * failure returns the worst status (FS_EINPUT for bad content, FS_EIO when a file
 * cannot be read), appends every problem found to diag, and sets *out to NULL. */
fs_status fs_scenario_load(const char *path, fs_model **out, fs_diag *diag);

/* As fs_scenario_load, from the len bytes at `text` standing for the file `name`:
 * diagnostics name it, and its tables and baselines are found relative to its folder
 * (which need not hold a file of that name). The text is copied. */
fs_status fs_scenario_load_text(const char *name, const char *text, size_t len, fs_model **out, fs_diag *diag);

#endif
