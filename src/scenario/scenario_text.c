/*
 * scenario_text.c: reading a scenario file's text before libconfig parses it (size,
 * encoding, the integer literals libconfig would silently wrap, nesting its parser
 * cannot take). Syntax errors are explained in scenario_syntax.c. The
 * names a scenario holds are checked as they are read, by fs_name_validate (model.h).
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

/* Skips the string or comment that starts at *p, counting its line breaks into *line;
 * false (and nothing moved) when none starts there. */
bool scenario_skip_string_or_comment(const char **p, int *line)
{
    const char *q = *p;
    if (*q == '"') {
        for (q++; *q && *q != '"'; q++) {
            if (*q == '\\' && q[1]) q++;
            else if (*q == '\n') (*line)++;
        }
        if (*q) q++;
    } else if (*q == '#' || (q[0] == '/' && q[1] == '/')) {
        while (*q && *q != '\n') q++;
    } else if (q[0] == '/' && q[1] == '*') {
        for (q += 2; *q && !(q[0] == '*' && q[1] == '/'); q++)
            if (*q == '\n') (*line)++;
        if (*q) q += 2;
    } else {
        return false;
    }
    *p = q;
    return true;
}

/* The integer literal at *p (a digit not preceded by a name or number character):
 * moves past it and reports it when it has no L suffix and does not fit 32 bits, as
 * libconfig silently wraps those ("4294967297" reads as 1). Returns 1 when reported. */
static int check_literal(const char *path, int line, const char **p, fs_diag *diag)
{
    const char *start = *p, *q = *p;
    bool hex = q[0] == '0' && (q[1] == 'x' || q[1] == 'X');
    if (hex) q += 2;
    while (hex ? isxdigit((unsigned char)*q) : isdigit((unsigned char)*q)) q++;
    bool real = !hex && (*q == '.' || *q == 'e' || *q == 'E');
    while (isalnum((unsigned char)*q) || *q == '.' || ((*q == '+' || *q == '-') && (q[-1] == 'e' || q[-1] == 'E')))
        q++;
    *p = q;
    if (real || q[-1] == 'L') return 0;
    const char *digits = start + (hex ? 2 : 0);
    while (*digits == '0' && digits + 1 < q && isxdigit((unsigned char)digits[1])) digits++;
    size_t len = (size_t)(q - digits);
    bool wraps = hex ? len > 8 : len > 10 || (len == 10 && strncmp(digits, "2147483647", 10) > 0);
    if (!wraps) return 0;
    fs_diag_add(diag, FS_EINPUT, path, line, NULL,
                "integer %.*s too large for a plain literal: add an L suffix (e.g. 5000000000L)", (int)(q - start),
                start);
    return 1;
}

/* A lexical pass, so that it holds wherever a literal stands (next line, after a
 * comment, several settings on a line); nesting is counted on the brackets outside
 * strings and comments, which is all libconfig's parser stacks. */
int scenario_check_text(const char *path, const char *text, fs_diag *diag)
{
    int line = 1, found = 0, depth = 0;
    bool too_deep = false;
    const char *p = text;
    while (*p) {
        if (scenario_skip_string_or_comment(&p, &line)) continue;
        if (*p == '\n') {
            line++;
        } else if (*p == '{' || *p == '(' || *p == '[') {
            if (++depth > SCENARIO_NESTING_MAX && !too_deep) {
                fs_diag_add(diag, FS_EINPUT, path, line, NULL,
                            "nested too deeply: more than %d levels of groups, lists and arrays (a scenario needs "
                            "five)", SCENARIO_NESTING_MAX);
                too_deep = true;
                found++;
            }
        } else if (*p == '}' || *p == ')' || *p == ']') {
            depth -= depth > 0;
        } else if (isdigit((unsigned char)*p) &&
                   (p == text || !(isalnum((unsigned char)p[-1]) || p[-1] == '_' || p[-1] == '.'))) {
            found += check_literal(path, line, &p, diag);
            continue;
        }
        p++;
    }
    return found;
}

int scenario_text_is_empty(const char *text)
{
    int line = 1;
    const char *p = text;
    while (*p) {
        if (*p == '"') return 0;
        if (scenario_skip_string_or_comment(&p, &line)) continue;
        if (!isspace((unsigned char)*p)) return 0;
        p++;
    }
    return 1;
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
    return scenario_accept_text(path, text, len, diag);
}

char *scenario_copy_text(const char *name, const char *text, size_t len, fs_diag *diag)
{
    if (len > (size_t)SCENARIO_MAX_BYTES) {
        fs_diag_add(diag, FS_EINPUT, name, 0, NULL, "scenario file larger than %d MiB", SCENARIO_MAX_BYTES >> 20);
        return NULL;
    }
    char *copy = malloc(len + 1);
    if (!copy) {
        fs_diag_add(diag, FS_EINTERNAL, name, 0, NULL, "out of memory");
        return NULL;
    }
    memcpy(copy, text, len);
    copy[len] = '\0';
    return scenario_accept_text(name, copy, len, diag);
}

char *scenario_accept_text(const char *path, char *text, size_t len, fs_diag *diag)
{
    if (memchr(text, '\0', len)) {
        fs_diag_add(diag, FS_EINPUT, path, 0, NULL, "the file contains a NUL byte: is it a text file?");
        free(text);
        return NULL;
    }
    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) memmove(text, text + 3, len - 2);
    if (!strncmp(text, "\xEF\xBB\xBF", 3)) {
        fs_diag_add(diag, FS_EINPUT, path, 1, NULL,
                    "the file starts with two byte-order marks (it was converted to UTF-8 twice): save it as UTF-8 "
                    "once");
        free(text);
        return NULL;
    }
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


