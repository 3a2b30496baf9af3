/*
 * scenario_text.h (private): a scenario file's text, checked before parsing.
 */
#ifndef FISCALSIM_SCENARIO_TEXT_H
#define FISCALSIM_SCENARIO_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

/* Deepest nesting of groups, lists and arrays a scenario file may have. A scenario
 * needs five levels; libconfig's parser runs out of stack ("memory exhausted") at about
 * two thousand. */
enum { SCENARIO_NESTING_MAX = 32 };

/* Reads the whole file; rejects what libconfig would misread (too large, not UTF-8,
 * NUL bytes, a second byte-order mark, @include). Returns the text (caller frees), or
 * NULL with a diagnostic. An empty file is returned as "" for the caller to judge. */
char *scenario_read_text(const char *path, fs_diag *diag);

/* A copy of the len bytes at text, standing for the file `name`, checked as
 * scenario_read_text checks a file's. Returns NULL on error (diagnostics say why). */
char *scenario_copy_text(const char *name, const char *text, size_t len, fs_diag *diag);

/* Checks a scenario's text (len bytes at text, NUL-terminated, read from `path`): no NUL
 * byte, one byte-order mark at most (removed), valid UTF-8, no @include. Returns text,
 * or NULL after freeing it, with diagnostics. */
char *scenario_accept_text(const char *path, char *text, size_t len, fs_diag *diag);

/* True when `text` holds no setting: only white space and comments. */
int scenario_text_is_empty(const char *text);

/* Lexical checks of `text`, outside strings and comments: every plain integer literal
 * that does not fit 32 bits (libconfig silently wraps those), and nesting deeper than
 * SCENARIO_NESTING_MAX (reported once, at the line where it gets too deep). Returns how
 * many problems were reported. */
int scenario_check_text(const char *path, const char *text, fs_diag *diag);

/* Skips the string or comment that starts at *p (a "string", a # or // comment to the
 * end of the line, a block comment), counting its line breaks into *line; false (and
 * nothing moved) when none starts there. */
bool scenario_skip_string_or_comment(const char **p, int *line);

/* The folder of `path` ("." when it has none). */
void scenario_directory_of(const char *path, char *dir, size_t size);

#endif
