/*
 * json_file.h (private): reading a JSON summary a command wrote (summary.json,
 * compare.json, sweep.json, backtest.json) back, for the charts.
 */
#ifndef FISCALSIM_JSON_FILE_H
#define FISCALSIM_JSON_FILE_H

#include <jansson.h>

#include "error.h"

/* Loads the JSON object in `path`. Returns it (the caller releases it), or NULL with a
 * diagnostic: FS_EIO when the file cannot be read, FS_EINPUT (with the line) when it
 * is not a JSON object. */
json_t *json_file_load(const char *path, fs_diag *diag);

#endif
