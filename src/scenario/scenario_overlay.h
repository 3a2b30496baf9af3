/*
 * scenario_overlay.h (private): a scenario file and the chain of baselines it builds on.
 *
 * A scenario may name a baseline (`base = "haiphong-2026.cfg";`, relative to its own
 * folder) and change only a few keys. The baseline is loaded first (it may have its
 * own base, up to 8 deep), then the scenario's keys are merged onto it:
 * - a group merges key by key (a key given replaces or adds that key only);
 * - a list of groups that all have an `id` (sources, norms) merges by id: an element
 *   whose id the baseline has merges into it as a group, a new id is appended;
 * - anything else (a number, a string, an array, any other list) replaces the
 *   baseline's value.
 * Every setting of the result keeps the file and line it came from, so that errors
 * name the file that holds the mistake, and every change is recorded for `check`.
 */
#ifndef FISCALSIM_SCENARIO_OVERLAY_H
#define FISCALSIM_SCENARIO_OVERLAY_H

#include "settings.h"

#include "error.h"
#include "model.h"

enum { OVERLAY_DEPTH_MAX = 8 };

/* Reads `path` (or, when text is not NULL, the len bytes at text standing for the file
 * path) and its baselines into a new document *out (the caller frees it with
 * cfg_doc_free, also after an error; NULL when memory ran out).
 * File names go into m->files (which must hold OVERLAY_DEPTH_MAX + 1 names) and stay
 * there as the settings' `file`; m->fingerprint covers every file's text; the changes
 * the scenario makes to its baseline go into m->changes. Returns FS_OK, or an error
 * status with diagnostics (cfg is then empty). */
fs_status scenario_config_load(const char *path, const char *text, size_t len, cfg_doc **out, fs_model *m,
                               fs_diag *diag);

#endif
