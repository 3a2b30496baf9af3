/*
 * number.h: strict parsing of numbers written as text (CSV cells).
 *
 * Spreadsheets export "1.234,5" (Vietnamese), "1,234.5" (English) and "1 234";
 * a lenient parser would misread them, so anything but a plain C-locale number is
 * rejected with a message that says what was found.
 */
#ifndef FISCALSIM_NUMBER_H
#define FISCALSIM_NUMBER_H

#include <stddef.h>
#include <stdint.h>

/* Parses a whole string as a decimal integer (optional sign, digits only, fits int64).
 * Returns 0 and sets *out, or -1 and writes a reason ("expected an integer") to why. */
int fs_parse_int64(const char *text, int64_t *out, char *why, size_t why_size);

/* Parses a whole string as a finite real in the C locale ("12", "-0.5", "1e3").
 * Returns 0 and sets *out, or -1 and writes a reason to why. */
int fs_parse_real(const char *text, double *out, char *why, size_t why_size);

#endif
