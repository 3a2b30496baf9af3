/*
 * scenario_text.c: reading a scenario file's text before libconfig parses it: size,
 * encoding, and the integer literals libconfig would silently wrap.
 */
#include "scenario_text.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Scenario files larger than this are refused (big tables belong in CSV files). */
#define SCENARIO_MAX_BYTES (64 << 20)

/* Line of the first byte sequence that is not UTF-8, or 0. */
static int invalid_utf8_line(const char *text)
{
    int line = 1;
    const unsigned char *s = (const unsigned char *)text;
    while (*s) {
        unsigned char c = *s;
        size_t len = c < 0x80 ? 1 : (c >> 5) == 6 && c >= 0xC2 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0) return line;
        for (size_t k = 1; k < len; k++)
            if ((s[k] & 0xC0) != 0x80) return line;
        if (c == '\n') line++;
        s += len;
    }
    return 0;
}

/* Finds every plain integer literal (no L suffix) that does not fit 32 bits, outside
 * strings and comments: libconfig silently wraps those ("4294967297" reads as 1). A
 * lexical pass, so it holds wherever the literal stands (next line, after a comment,
 * several settings on a line). Returns the number of such literals reported. */
int scenario_report_wrapped_literals(const char *path, const char *text, fs_diag *diag)
{
    int line = 1, found = 0;
    const char *p = text;
    while (*p) {
        if (*p == '\n') {
            line++;
            p++;
        } else if (*p == '"') {
            for (p++; *p && *p != '"'; p++) {
                if (*p == '\\' && p[1]) p++;
                else if (*p == '\n') line++;
            }
            if (*p) p++;
        } else if (*p == '#' || (p[0] == '/' && p[1] == '/')) {
            while (*p && *p != '\n') p++;
        } else if (p[0] == '/' && p[1] == '*') {
            for (p += 2; *p && !(p[0] == '*' && p[1] == '/'); p++)
                if (*p == '\n') line++;
            if (*p) p += 2;
        } else if (isdigit((unsigned char)*p) && (p == text || !(isalnum((unsigned char)p[-1]) || p[-1] == '_' ||
                                                                 p[-1] == '.'))) {
            const char *start = p;
            bool hex = p[0] == '0' && (p[1] == 'x' || p[1] == 'X');
            if (hex) p += 2;
            while (hex ? isxdigit((unsigned char)*p) : isdigit((unsigned char)*p)) p++;
            bool real = !hex && (*p == '.' || *p == 'e' || *p == 'E');
            while (isalnum((unsigned char)*p) || *p == '.' || ((*p == '+' || *p == '-') && (p[-1] == 'e' || p[-1] == 'E')))
                p++;
            if (real || p[-1] == 'L') continue;
            const char *digits = start + (hex ? 2 : 0);
            while (*digits == '0' && digits + 1 < p && isxdigit((unsigned char)digits[1])) digits++;
            size_t len = (size_t)(p - digits);
            bool wraps = hex ? len > 8 : len > 10 || (len == 10 && strncmp(digits, "2147483647", 10) > 0);
            if (wraps) {
                fs_diag_add(diag, FS_EINPUT, path, line, NULL,
                            "integer %.*s too large for a plain literal: add an L suffix (e.g. 5000000000L)",
                            (int)(p - start), start);
                found++;
            }
        } else {
            p++;
        }
    }
    return found;
}


/* Reads the whole file; rejects what libconfig would misread. Returns NULL on error. */
char *scenario_read_text(const char *path, fs_diag *diag)
{
    struct stat info;
    if (stat(path, &info) == 0 && !S_ISREG(info.st_mode)) {
        fs_diag_add(diag, FS_EINPUT, path, 0, NULL, "expected a scenario file, got a folder or a device");
        return NULL;
    }
    if (stat(path, &info) == 0 && info.st_size > SCENARIO_MAX_BYTES) {
        fs_diag_add(diag, FS_EINPUT, path, 0, NULL, "scenario file larger than %d MiB", SCENARIO_MAX_BYTES >> 20);
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        fs_diag_add(diag, FS_EIO, path, 0, NULL, "cannot open scenario: %s", strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, len = 0;
    char *text = malloc(cap);
    size_t n;
    while (text && (n = fread(text + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (len + 1 == cap) {
            if (cap > (size_t)SCENARIO_MAX_BYTES) {
                fs_diag_add(diag, FS_EINPUT, path, 0, NULL, "scenario file larger than %d MiB",
                            SCENARIO_MAX_BYTES >> 20);
                free(text);
                fclose(f);
                return NULL;
            }
            char *grown = realloc(text, cap *= 2);
            if (!grown) free(text);
            text = grown;
        }
    }
    bool failed = ferror(f);
    fclose(f);
    if (!text || failed) {
        free(text);
        fs_diag_add(diag, FS_EIO, path, 0, NULL, "cannot read scenario");
        return NULL;
    }
    text[len] = '\0';
    if (memchr(text, '\0', len)) {
        fs_diag_add(diag, FS_EINPUT, path, 0, NULL, "the file contains a NUL byte: is it a text file?");
        free(text);
        return NULL;
    }
    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) memmove(text, text + 3, len - 2);
    int bad_line = invalid_utf8_line(text);
    if (bad_line) {
        fs_diag_add(diag, FS_EINPUT, path, bad_line, NULL, "invalid UTF-8: save the file as UTF-8");
        free(text);
        return NULL;
    }
    int line = 1;
    for (const char *p = text; *p; p++) {
        if (*p == '\n') line++;
        const char *q = p;
        if (p == text || p[-1] == '\n') {
            while (*q == ' ' || *q == '\t') q++;
            if (!strncmp(q, "@include", 8)) {
                fs_diag_add(diag, FS_EINPUT, path, line, NULL,
                            "@include is not supported: put tables in CSV files (units.table)");
                free(text);
                return NULL;
            }
        }
    }
    return text;
}

void scenario_directory_of(const char *path, char *dir, size_t size)
{
    snprintf(dir, size, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash == dir) dir[1] = '\0';
    else if (slash) *slash = '\0';
    else snprintf(dir, size, ".");
}

