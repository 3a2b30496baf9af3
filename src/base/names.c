/*
 * names.c: what a name in a model may be (names.h: fs_name_validate, fs_name_key).
 *
 * Names are what outputs are matched and read by: two that print the same must be the
 * same name, and none may turn into a formula in a spreadsheet that opens allocation.csv.
 * So a name is refused (never silently repaired) when it has white space at either end,
 * a control character, an invisible one (zero-width characters, bidirectional marks, a
 * byte-order mark: Unicode's format characters and the other default-ignorable ones),
 * or a formula's first character; otherwise it is kept in Unicode NFC. Names of one kind
 * whose keys are equal (they differ in letter case or spacing only) are refused where
 * they are read, naming both lines. Trimming was rejected: a stray space is a mistake in
 * the table, and a silent repair would hide it from the officer who keeps the table.
 *
 * Unicode's normalisation and case folding come from libutf8proc (Debian's
 * libutf8proc-dev) when the build defines FISCALSIM_HAVE_UTF8PROC.
 */
#include "names.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef FISCALSIM_HAVE_UTF8PROC
#include <utf8proc.h>
#endif


/* Unicode's format characters (category Cf) and the other default-ignorable code points
 * that draw nothing (the combining grapheme joiner, Hangul fillers, Khmer inherent
 * vowels, variation selectors), as ranges: from Unicode 14 (Python's unicodedata). A
 * table of our own rather than a library's category, so that every build refuses the same
 * names. */
static const struct {
    unsigned lo, hi;
} invisible_ranges[] = {
    {0x00AD, 0x00AD}, {0x034F, 0x034F}, {0x0600, 0x0605}, {0x061C, 0x061C}, {0x06DD, 0x06DD},
    {0x070F, 0x070F}, {0x0890, 0x0891}, {0x08E2, 0x08E2}, {0x115F, 0x1160}, {0x17B4, 0x17B5},
    {0x180B, 0x180F}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064}, {0x2066, 0x206F},
    {0x3164, 0x3164}, {0xFE00, 0xFE0F}, {0xFEFF, 0xFEFF}, {0xFFA0, 0xFFA0}, {0xFFF9, 0xFFFB},
    {0x110BD, 0x110BD}, {0x110CD, 0x110CD}, {0x13430, 0x13438}, {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A},
    {0xE0001, 0xE0001}, {0xE0020, 0xE007F}, {0xE0100, 0xE01EF}};

/* The names of the invisible characters that text pasted from the web or a word
 * processor brings along, for messages. */
static const char *invisible_name(unsigned c)
{
    switch (c) {
    case 0x00AD: return "soft hyphen";
    case 0x200B: return "zero width space";
    case 0x200C: return "zero width non-joiner";
    case 0x200D: return "zero width joiner";
    case 0x200E: return "left-to-right mark";
    case 0x200F: return "right-to-left mark";
    case 0x2060: return "word joiner";
    case 0xFEFF: return "byte-order mark";
    default: return NULL;
    }
}

static bool is_invisible(unsigned c)
{
    for (size_t k = 0; k < sizeof invisible_ranges / sizeof *invisible_ranges; k++)
        if (c >= invisible_ranges[k].lo && c <= invisible_ranges[k].hi) return true;
    return false;
}

/* C0 and C1 controls, DEL, and the line and paragraph separators: they break a CSV row
 * or a spreadsheet cell. */
static bool is_control(unsigned c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
}

/* White space as Unicode has it (White_Space), which a reader cannot see at a name's end. */
static bool is_space(unsigned c)
{
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Decodes the UTF-8 sequence at s (already checked to be valid) into *c; returns its length. */
static size_t decode_utf8(const unsigned char *s, unsigned *c)
{
    if (s[0] < 0x80) return *c = s[0], 1;
    if ((s[0] >> 5) == 6) return *c = (unsigned)(s[0] & 0x1F) << 6 | (s[1] & 0x3F), 2;
    if ((s[0] >> 4) == 14) return *c = (unsigned)(s[0] & 0x0F) << 12 | (unsigned)(s[1] & 0x3F) << 6 | (s[2] & 0x3F), 3;
    *c = (unsigned)(s[0] & 0x07) << 18 | (unsigned)(s[1] & 0x3F) << 12 | (unsigned)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
    return 4;
}

/* The first character of `name` that is refused anywhere (a control or an invisible
 * one), described in `why`; false when there is none. Positions count characters from 1. */
static bool refused_character(const char *name, char *why, size_t size)
{
    const unsigned char *s = (const unsigned char *)name;
    for (size_t i = 0, pos = 1; s[i]; pos++) {
        unsigned c;
        i += decode_utf8(s + i, &c);
        if (is_control(c)) {
            snprintf(why, size, "has a control character (U+%04X%s) at character %zu: a CSV output or a "
                     "spreadsheet cell would break there; remove it", c, c == '\t' ? ", a tab" :
                     c == '\r' ? ", a carriage return" : c == '\n' ? ", a line break" : "", pos);
            return true;
        }
        if (is_invisible(c)) {
            const char *what = invisible_name(c);
            snprintf(why, size, "has an invisible character (U+%04X%s%s) at character %zu: names that print "
                     "the same must be the same name; remove it", c, what ? ", " : "", what ? what : "", pos);
            return true;
        }
    }
    return false;
}

int fs_name_validate(char *buf, size_t size, char *why, size_t why_size)
{
    if (!buf[0]) return 0;
    if (refused_character(buf, why, why_size)) return -1;
    unsigned first, last = 0;
    decode_utf8((const unsigned char *)buf, &first);
    for (const unsigned char *s = (const unsigned char *)buf; *s;) s += decode_utf8(s, &last);
    if (is_space(first) || is_space(last)) {
        snprintf(why, why_size, "\"%s\" has white space at its %s: remove it (names are compared as written)", buf,
                 is_space(first) ? "start" : "end");
        return -1;
    }
    if (strchr("=+-@", buf[0])) {
        snprintf(why, why_size, "\"%s\" starts with \"%c\": a spreadsheet opening the CSV outputs would run it as a "
                 "formula; write the name without it", buf, buf[0]);
        return -1;
    }
    char normal[1024];
    if (fs_name_nfc(buf, normal, sizeof normal) != 0 || strlen(normal) >= size) {
        snprintf(why, why_size, "longer than %zu bytes in Unicode's composed form (NFC)", size - 1);
        return -1;
    }
    memcpy(buf, normal, strlen(normal) + 1);
    return 0;
}

void fs_name_difference(const char *a, const char *b, char *buf, size_t size)
{
    const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
    size_t pos = 1;
    buf[0] = '\0';
    while (*x || *y) {
        unsigned c = 0, d = 0;
        size_t n = *x ? decode_utf8(x, &c) : 0, m = *y ? decode_utf8(y, &d) : 0;
        if (c != d) {
            if (!*x || !*y)
                snprintf(buf, size, "%s has %zu characters and %s more", *x ? "there" : "here", pos - 1,
                         *x ? "here" : "there");
            else
                snprintf(buf, size, "character %zu is U+%04X here and U+%04X there", pos, c, d);
            return;
        }
        x += n, y += m, pos++;
    }
}

#ifdef FISCALSIM_HAVE_UTF8PROC
/* utf8proc_map of `in` with `options` (stable, NUL-terminated) into out. */
static int map_into(const char *in, char *out, size_t size, utf8proc_option_t options)
{
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)in, 0, &mapped,
                                      UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | options);
    int rc = n >= 0 && (size_t)n < size ? 0 : -1;
    if (rc == 0) memcpy(out, mapped, (size_t)n + 1);
    free(mapped);
    return rc;
}

bool fs_name_unicode(void)
{
    return true;
}

int fs_name_nfc(const char *name, char *out, size_t size)
{
    return map_into(name, out, size, 0);
}

/* Case folded in NFC. */
static int fold(const char *name, char *out, size_t size)
{
    return map_into(name, out, size, UTF8PROC_CASEFOLD);
}

/* Case folded, the marks stripped ("Thuỷ", "Thủy", "thuy" alike), and đ as d (a letter of
 * its own, not a d with a mark). */
static int fold_loose(const char *name, char *out, size_t size)
{
    if (map_into(name, out, size, UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK) != 0) return -1;
    char *w = out;
    for (const char *r = out; *r;) {
        if (!strncmp(r, "\xc4\x91", 2)) *w++ = 'd', r += 2;
        else *w++ = *r++;
    }
    *w = '\0';
    return 0;
}
#else
bool fs_name_unicode(void)
{
    return false;
}

int fs_name_nfc(const char *name, char *out, size_t size)
{
    size_t n = strlen(name);
    if (n >= size) return -1;
    memmove(out, name, n + 1);
    return 0;
}

/* ASCII letters folded only: without Unicode's tables, "Hòa" and "HÒA" stay apart. */
static int fold(const char *name, char *out, size_t size)
{
    if (fs_name_nfc(name, out, size) != 0) return -1;
    for (char *p = out; *p; p++)
        if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
    return 0;
}

static int fold_loose(const char *name, char *out, size_t size)
{
    return fold(name, out, size);
}
#endif

/* `folded` with each run of white space one space, none at the ends, into out. */
static int collapse_space(const char *folded, char *out, size_t size)
{
    size_t used = 0;
    bool in_space = false;
    for (const unsigned char *s = (const unsigned char *)folded; *s;) {
        unsigned c;
        size_t len = decode_utf8(s, &c);
        if (is_space(c)) {
            in_space = true;
            s += len;
            continue;
        }
        if (in_space && used > 0) {
            if (used + 1 >= size) return -1;
            out[used++] = ' ';
        }
        in_space = false;
        if (used + len >= size) return -1;
        memcpy(out + used, s, len);
        used += len;
        s += len;
    }
    out[used] = '\0';
    return 0;
}

int fs_name_key(const char *name, char *out, size_t size)
{
    char folded[4 * FS_NAME_KEY_MAX];
    return fold(name, folded, sizeof folded) == 0 ? collapse_space(folded, out, size) : -1;
}

int fs_name_loose_key(const char *name, char *out, size_t size)
{
    char folded[4 * FS_NAME_KEY_MAX];
    return fold_loose(name, folded, sizeof folded) == 0 ? collapse_space(folded, out, size) : -1;
}
