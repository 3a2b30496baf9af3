/*
 * names.h: what a name may be, and the key names are compared by.
 */
#ifndef FISCALSIM_NAMES_H
#define FISCALSIM_NAMES_H

#include <stdbool.h>
#include <stddef.h>

enum { FS_NAME_MAX = 128 };

/* Names of units, regimes, sources, norms and disbursement series. In a model every such
 * name is in Unicode NFC, has no white space at either end, no control or invisible
 * character, and does not start with a formula's =, +, - or @; and no two of a kind have
 * the same key. Without libutf8proc (a build without FISCALSIM_HAVE_UTF8PROC) names are
 * kept as written and keys fold ASCII letters only: fs_name_unicode() tells which. */

/* Checks a name as written and puts it in NFC in place (`name` holds `size` bytes).
 * Returns 0, or -1 with why it is refused in `why` (name unchanged). An empty name
 * passes: callers say "must not be empty". */
int fs_name_validate(char *name, size_t size, char *why, size_t why_size);

/* The NFC form of a UTF-8 `name` in `out` (`size` bytes; out may be name). Returns 0, or
 * -1 when it does not fit or is not UTF-8 (out then unchanged). */
int fs_name_nfc(const char *name, char *out, size_t size);

/* The key two names are compared by: NFC, case folded (Unicode's full case folding), each
 * run of white space one space. Returns 0, or -1 as fs_name_nfc. */
int fs_name_key(const char *name, char *out, size_t size);

/* The key a person's spelling of a name is matched by: fs_name_key's, with the marks
 * stripped and đ read as d ("Thuỷ", "Thủy", "THUY" and "thuy" alike). Returns 0, or -1 as
 * fs_name_nfc. */
int fs_name_loose_key(const char *name, char *out, size_t size);

/* Where two names differ, for messages about names that look alike: "character 5 is
 * U+0020 here and U+00A0 there" (`here` is a, `there` b); "" when they are equal. */
void fs_name_difference(const char *a, const char *b, char *buf, size_t size);

/* Whether names are normalised with Unicode's tables (libutf8proc). */
bool fs_name_unicode(void);

/* Room for a name's key: case folding may lengthen a name up to three times. */
enum { FS_NAME_KEY_MAX = 3 * FS_NAME_MAX };

#endif
