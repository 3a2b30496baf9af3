/*
 * scenario_text.h (private): a scenario file's text, checked before parsing.
 */
#ifndef FISCALSIM_SCENARIO_TEXT_H
#define FISCALSIM_SCENARIO_TEXT_H

#include <stddef.h>

#include "fiscalsim/error.h"

/* Reads the whole file; rejects what libconfig would misread (too large, not UTF-8,
 * NUL bytes). Returns the text (caller frees), or NULL with a diagnostic. */
char *scenario_read_text(const char *path, fs_diag *diag);

/* Reports every plain integer literal of `text` that does not fit 32 bits, outside
 * strings and comments (libconfig silently wraps those). Returns how many. */
int scenario_report_wrapped_literals(const char *path, const char *text, fs_diag *diag);

/* The folder of `path` ("." when it has none). */
void scenario_directory_of(const char *path, char *dir, size_t size);

#endif
