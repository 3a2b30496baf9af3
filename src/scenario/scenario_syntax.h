/*
 * scenario_syntax.h (private): a scenario file's syntax errors, explained and all found.
 */
#ifndef FISCALSIM_SCENARIO_SYNTAX_H
#define FISCALSIM_SCENARIO_SYNTAX_H

#include "error.h"

/* Reports the syntax errors of `text` (the file `path`), the first being libconfig's
 * `message` at `line`. Each is reported with its line, its key when the line shows one,
 * the likely cause and, where the line shows what was meant, how to write it (a decimal
 * comma or digit groups in a number, text without quotes or in single quotes, yes or no
 * for true or false, a percent sign, a missing or doubled = or :, two ; in a row, a comma
 * before a closing bracket); otherwise what libconfig expected there, or the bracket
 * left open. The later errors are found by repairing each error's line in a copy (the
 * fix applied, or the line blanked) and parsing again, at most SCENARIO_SYNTAX_ERRORS_MAX
 * in all. Returns the repaired text (caller frees) when every error had a fix and the
 * repaired text parses, so that the rest of the file is checked as usual; NULL when the
 * settings cannot be checked (the last diagnostic says so). */
char *scenario_syntax_errors(const char *path, const char *text, int line, const char *message, fs_diag *diag);

enum { SCENARIO_SYNTAX_ERRORS_MAX = 20 };

#endif
