/*
 * scenario_syntax.c: a scenario file's syntax errors, explained (scenario_syntax.h).
 * libconfig stops at the first error of a file and says only "syntax error"; an officer
 * needs to know what is wrong with the line and how to write it, and to see every error
 * of the file at once. Each error's line is diagnosed from its text; the line is then
 * repaired in a copy (with the fix, or blanked when there is none) and the copy parsed
 * again for the next error. Only when every error had a fix does the rest of the file
 * get checked, on the repaired text: a blanked line would make its keys look missing.
 */
#include "scenario_syntax.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scenario_text.h"
#include "settings.h"

/* What an error's line shows: its key, the cause in words, and the line repaired when
 * the cause has a fix. */
typedef struct syntax_finding {
    char key[FS_KEY_MAX];
    char cause[1536];
    char fixed[2048];
    bool fix;
    bool brackets; /* the cause is a bracket left open or closed wrongly: nothing to repair */
} syntax_finding;

/* The first number written with a separator libconfig does not read, after an `=` or
 * `:` of `line`: a decimal comma (0,9), digit-group commas (28,777,335) or dots
 * (27.338.468), or both (1.234,5). Fills key, the number as written and as it must be
 * written, and what the separator is; false when the line has none. */
static bool find_local_number(const char *line, char *key, size_t key_size, char *number, size_t number_size,
                              char *fixed, size_t fixed_size, const char **what)
{
    int ignored = 0;
    for (const char *p = line; *p && *p != '\n';) {
        if (scenario_skip_string_or_comment(&p, &ignored)) continue;
        if (*p != '=' && *p != ':') {
            p++;
            continue;
        }
        const char *name_end = p;
        while (name_end > line && isspace((unsigned char)name_end[-1])) name_end--;
        const char *name = name_end;
        while (name > line && (isalnum((unsigned char)name[-1]) || name[-1] == '_' || name[-1] == '-' || name[-1] == '*'))
            name--;
        const char *q = p + 1;
        while (*q == ' ' || *q == '\t') q++;
        const char *num = q;
        if (*q == '-' || *q == '+') q++;
        const char *end = q;
        size_t commas = 0, dots = 0;
        while (isdigit((unsigned char)*end) || ((*end == ',' || *end == '.') && isdigit((unsigned char)end[1]))) {
            commas += *end == ',', dots += *end == '.';
            end++;
        }
        if (end > q && (commas > 0 || dots > 1)) {
            /* The last separator is the decimal mark when both kinds appear, or when a single
             * comma is not followed by a group of exactly three digits; the others group digits. */
            const char *last = NULL;
            for (const char *c = q; c < end; c++)
                if (*c == ',' || *c == '.') last = c;
            size_t after = (size_t)(end - last - 1);
            bool decimal = (commas && dots) || (commas == 1 && dots == 0 && after != 3);
            size_t w = 0;
            for (const char *c = num; c < end && w + 1 < fixed_size; c++) {
                if (c == last && decimal) fixed[w++] = '.';
                else if (*c != ',' && *c != '.') fixed[w++] = *c;
            }
            fixed[w] = '\0';
            *what = commas && dots ? (*last == ',' ? "digit groups and a decimal comma" : "digit-group commas")
                    : decimal      ? "decimal comma"
                    : commas       ? "digit-group commas"
                                   : "digit-group dots";
            snprintf(key, key_size, "%.*s", (int)(name_end - name), name);
            snprintf(number, number_size, "%.*s", (int)(end - num), num);
            return true;
        }
        p++;
    }
    return false;
}

/* The start of line `line` (1-based) of text, or NULL past its end. */
static const char *line_start(const char *text, int line)
{
    const char *at = text;
    for (int l = 1; l < line && at; l++) {
        at = strchr(at, '\n');
        if (at) at++;
    }
    return at;
}

static size_t line_length(const char *at)
{
    const char *end = strchr(at, '\n');
    return end ? (size_t)(end - at) : strlen(at);
}

/* f->fixed := the line [at, at + len) with [from, to) replaced by `with`. */
static void fix_line(syntax_finding *f, const char *at, size_t len, const char *from, const char *to, const char *with)
{
    snprintf(f->fixed, sizeof f->fixed, "%.*s%s%.*s", (int)(from - at), at, with, (int)(at + len - to), to);
    f->fix = true;
}

static bool key_start(char c)
{
    return isalpha((unsigned char)c) || c == '*';
}

static bool key_char(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == '-' || c == '*';
}

/* The key whose = or : is at `sign`, into f->key; the key's first character, or NULL. */
static const char *key_before(const char *at, const char *sign, syntax_finding *f)
{
    const char *end = sign;
    while (end > at && (end[-1] == ' ' || end[-1] == '\t')) end--;
    const char *key = end;
    while (key > at && key_char(key[-1])) key--;
    if (key == end) return NULL;
    snprintf(f->key, sizeof f->key, "%.*s", (int)(end - key), key);
    return key;
}

/* The value after the = or : at `sign` of the line [at, at + len): a doubled sign, text
 * in single quotes or without quotes, yes or no, a percentage. True when one is found. */
static bool value_mistake(const char *at, size_t len, const char *sign, syntax_finding *f)
{
    const char *end = at + len, *p = sign + 1;
    const char *key = key_before(at, sign, f);
    if (!key) return false;
    while (p < end && (*p == ' ' || *p == '\t')) p++;
    if (p < end && (*p == '=' || *p == ':')) {
        fix_line(f, at, len, sign, p + 1, "=");
        snprintf(f->cause, sizeof f->cause, "one = (or :) between a key and its value: write %s = ...", f->key);
        return true;
    }
    const char *value = p;
    if (p < end && *p == '\'') {
        const char *close = memchr(p + 1, '\'', (size_t)(end - p - 1));
        if (!close || memchr(p, '"', (size_t)(close - p))) {
            snprintf(f->cause, sizeof f->cause, "text goes in double quotes (\"...\"), not single ones");
            return true;
        }
        char quoted[512];
        snprintf(quoted, sizeof quoted, "\"%.*s\"", (int)(close - p - 1), p + 1);
        fix_line(f, at, len, p, close + 1, quoted);
        snprintf(f->cause, sizeof f->cause, "text goes in double quotes, not single ones: write %s = %s", f->key,
                 quoted);
        return true;
    }
    if (p < end && isalpha((unsigned char)*p)) {
        const char *w = p;
        while (p < end && (isalnum((unsigned char)*p) || *p == '_')) p++;
        size_t n = (size_t)(p - w);
        if ((n == 4 && !strncasecmp(w, "true", 4)) || (n == 5 && !strncasecmp(w, "false", 5))) return false;
        bool yes = (n == 3 && !strncasecmp(w, "yes", 3)) || (n == 2 && !strncasecmp(w, "on", 2));
        bool no = (n == 2 && !strncasecmp(w, "no", 2)) || (n == 3 && !strncasecmp(w, "off", 3));
        if (yes || no) {
            fix_line(f, at, len, w, p, yes ? "true" : "false");
            snprintf(f->cause, sizeof f->cause, "write true or false, not %.*s: %s = %s", (int)n, w, f->key,
                     yes ? "true" : "false");
            return true;
        }
        /* Text without quotes: up to the end of the setting. */
        const char *stop = w;
        while (stop < end && *stop != ';' && *stop != ',' && *stop != '#' && *stop != '}' && *stop != ')' &&
               !(stop[0] == '/' && stop + 1 < end && stop[1] == '/'))
            stop++;
        while (stop > w && isspace((unsigned char)stop[-1])) stop--;
        if (memchr(w, '"', (size_t)(stop - w))) {
            snprintf(f->cause, sizeof f->cause, "a text value goes in double quotes");
            return true;
        }
        char quoted[512];
        snprintf(quoted, sizeof quoted, "\"%.*s\"", (int)(stop - w), w);
        fix_line(f, at, len, w, stop, quoted);
        snprintf(f->cause, sizeof f->cause, "a text value goes in double quotes: write %s = %s", f->key, quoted);
        return true;
    }
    if (p < end && (isdigit((unsigned char)*p) || *p == '-' || *p == '+' || *p == '.')) {
        char *num_end;
        double v = strtod(p, &num_end);
        const char *q = num_end;
        while (q < end && (*q == ' ' || *q == '\t')) q++;
        if (num_end > p && q < end && *q == '%') {
            char fraction[64];
            snprintf(fraction, sizeof fraction, "%.10g", v / 100);
            fix_line(f, at, len, value, q + 1, fraction);
            snprintf(f->cause, sizeof f->cause, "shares are fractions, not percentages: write %s = %s for %.*s",
                     f->key, fraction, (int)(q + 1 - value), value);
            return true;
        }
    }
    f->key[0] = '\0';
    return false;
}

/* The settings of the line [at, at + len): a first word that cannot be a key, a key
 * without = or :, or a mistake in any value (value_mistake). True when one is found. */
static bool setting_mistake(const char *at, size_t len, syntax_finding *f)
{
    const char *end = at + len, *p = at;
    while (p < end && isspace((unsigned char)*p)) p++;
    if (p < end && !key_start(*p) && !strchr("{}()[]\"#/-+.'", *p) && !isdigit((unsigned char)p[0])) return false;
    if (p < end && isdigit((unsigned char)*p)) {
        const char *q = p;
        while (q < end && key_char(*q)) q++;
        const char *r = q;
        while (r < end && (*r == ' ' || *r == '\t')) r++;
        if (q > p && r < end && (*r == '=' || *r == ':') && !isdigit((unsigned char)q[-1])) {
            snprintf(f->cause, sizeof f->cause,
                     "\"%.*s\" cannot be a key: a key starts with a letter and holds only letters, digits, - and _",
                     (int)(q - p), p);
            return true;
        }
    }
    if (p < end && key_start(*p)) {
        const char *key = p;
        while (p < end && key_char(*p)) p++;
        const char *key_end = p;
        while (p < end && (*p == ' ' || *p == '\t')) p++;
        if (p < end && *p != '=' && *p != ':' &&
            (isdigit((unsigned char)*p) || *p == '"' || *p == '-' || *p == '+' || *p == '(' || *p == '[' ||
             *p == '{' || isalpha((unsigned char)*p))) {
            snprintf(f->key, sizeof f->key, "%.*s", (int)(key_end - key), key);
            fix_line(f, at, len, key_end, key_end, " =");
            snprintf(f->cause, sizeof f->cause, "expected = (or :) between the key \"%s\" and its value: write %s",
                     f->key, f->fixed + (key - at));
            return true;
        }
    }
    int ignored = 0;
    for (p = at; p < end;) {
        if (scenario_skip_string_or_comment(&p, &ignored)) continue;
        if ((*p == '=' || *p == ':') && value_mistake(at, len, p, f)) return true;
        p++;
    }
    return false;
}

/* Whether the line [at, at + len) opens as many brackets as it closes (outside strings
 * and comments): only then can it be left out to look for the next error. */
static bool balanced(const char *at, size_t len)
{
    int depth = 0, ignored = 0;
    for (const char *p = at; p < at + len;) {
        if (scenario_skip_string_or_comment(&p, &ignored)) continue;
        depth += (*p == '{' || *p == '(' || *p == '[') - (*p == '}' || *p == ')' || *p == ']');
        p++;
    }
    return depth == 0;
}

/* Two ; in a row, or a comma before a closing bracket, outside strings and comments. */
static bool separator_mistake(const char *at, size_t len, syntax_finding *f)
{
    int ignored = 0;
    for (const char *p = at; p < at + len;) {
        if (scenario_skip_string_or_comment(&p, &ignored)) continue;
        const char *q = p + 1;
        while (q < at + len && (*q == ' ' || *q == '\t')) q++;
        if (*p == ';' && q < at + len && *q == ';') {
            fix_line(f, at, len, p, q, "");
            snprintf(f->cause, sizeof f->cause, "two ; in a row: remove one");
            return true;
        }
        if (*p == ',' && q < at + len && (*q == ')' || *q == ']')) {
            fix_line(f, at, len, p, p + 1, "");
            snprintf(f->cause, sizeof f->cause, "a list or array does not end with a comma: remove the one before %c",
                     *q);
            return true;
        }
        p++;
    }
    return false;
}

/* A bracket closed by the wrong kind, one that closes nothing, or one never closed, in
 * the whole text (outside strings and comments). True when one is found. */
static bool bracket_mistake(const char *text, syntax_finding *f)
{
    enum { DEPTH = 64 };
    char open[DEPTH];
    int open_line[DEPTH], depth = 0, line = 1;
    for (const char *p = text; *p;) {
        if (scenario_skip_string_or_comment(&p, &line)) continue;
        char c = *p++;
        if (c == '\n') line++;
        else if (c == '{' || c == '(' || c == '[') {
            if (depth < DEPTH) open[depth] = c, open_line[depth] = line;
            depth++;
        } else if (c == '}' || c == ')' || c == ']') {
            char want = c == '}' ? '{' : c == ')' ? '(' : '[';
            if (depth == 0) {
                snprintf(f->cause, sizeof f->cause, "the %c on line %d closes nothing that is open", c, line);
                return f->brackets = true;
            }
            depth--;
            if (depth < DEPTH && open[depth] != want) {
                char close = open[depth] == '{' ? '}' : open[depth] == '(' ? ')' : ']';
                snprintf(f->cause, sizeof f->cause, "the %c on line %d closes the %c opened on line %d, which needs %c",
                         c, line, open[depth], open_line[depth], close);
                return f->brackets = true;
            }
        }
    }
    if (depth > 0 && depth <= DEPTH) {
        char c = open[depth - 1], close = c == '{' ? '}' : c == '(' ? ')' : ']';
        snprintf(f->cause, sizeof f->cause, "the %c opened on line %d is never closed: a %c is missing", c,
                 open_line[depth - 1], close);
        return f->brackets = true;
    }
    return false;
}

/* What line `line` of text shows of libconfig's error `message`. */
static void diagnose(const char *text, int line, const char *message, syntax_finding *f)
{
    memset(f, 0, sizeof *f);
    const char *at = line_start(text, line);
    size_t len = at ? line_length(at) : 0;
    char number[64], fixed[64];
    const char *what = NULL;
    if (strstr(message, "mismatched element type")) {
        snprintf(f->cause, sizeof f->cause,
                 "an array [ ... ] holds values of one type (all numbers, or all texts): a mix goes in a list ( ... )");
        return;
    }
    if (!at) {
        if (!bracket_mistake(text, f)) snprintf(f->cause, sizeof f->cause, "the file ends in the middle of a setting");
        return;
    }
    const char *bom = strstr(at, "\xEF\xBB\xBF");
    if (bom && bom < at + len) {
        fix_line(f, at, len, bom, bom + 3, "");
        snprintf(f->cause, sizeof f->cause, "a byte-order mark (U+FEFF) inside the file: was another file pasted in? "
                                            "Remove it");
        return;
    }
    if (find_local_number(at, f->key, sizeof f->key, number, sizeof number, fixed, sizeof fixed, &what)) {
        const char *where = strstr(at, number);
        if (where && where < at + len) fix_line(f, at, len, where, where + strlen(number), fixed);
        snprintf(f->cause, sizeof f->cause, "%s: write %s, not %s", what, fixed, number);
        return;
    }
    if (setting_mistake(at, len, f) || separator_mistake(at, len, f)) return;
    f->key[0] = '\0';
    if (bracket_mistake(text, f)) return;
    snprintf(f->cause, sizeof f->cause,
             "libconfig expected a setting (key = value;), a value, or the end of a group, list or array here: "
             "look for a missing ; , \" or bracket on this line or the one before");
}

/* text with line `line` replaced by `with` (a line without its newline); NULL on memory. */
static char *replace_line(const char *text, int line, const char *with)
{
    const char *at = line_start(text, line);
    if (!at) return strdup(text);
    size_t len = line_length(at), head = (size_t)(at - text), n = strlen(with), rest = strlen(at + len);
    char *out = malloc(head + n + rest + 1);
    if (!out) return NULL;
    memcpy(out, text, head);
    memcpy(out + head, with, n);
    memcpy(out + head + n, at + len, rest + 1);
    return out;
}

char *scenario_syntax_errors(const char *path, const char *text, int line, const char *message, fs_diag *diag)
{
    char *work = strdup(text);
    char msg[256];
    snprintf(msg, sizeof msg, "%s", message);
    bool all_fixed = true, parsed = false;
    int last_line = -1, same_line = 0;
    size_t first = diag->count;
    for (int n = 0; work && n < SCENARIO_SYNTAX_ERRORS_MAX; n++) {
        if (!strcmp(msg, "memory exhausted")) {
            fs_diag_add(diag, FS_EINPUT, path, line, NULL,
                        "nested too deeply: libconfig's parser ran out of stack (\"memory exhausted\")");
            all_fixed = false;
            break;
        }
        syntax_finding f;
        diagnose(work, line, msg, &f);
        fs_diag_add(diag, FS_EINPUT, path, line, f.key[0] ? f.key : NULL, "%s: %s", msg, f.cause);
        all_fixed &= f.fix;
        same_line = line == last_line ? same_line + 1 : 0;
        last_line = line;
        const char *at = line_start(work, line);
        if (f.brackets || same_line >= 2 || (!f.fix && at && !balanced(at, line_length(at))))
            break; /* nothing on the line to repair, or leaving it out would unbalance the brackets */
        char *next = replace_line(work, line, f.fix ? f.fixed : "");
        free(work);
        work = next;
        if (!work) break;
        cfg_doc *doc = cfg_doc_new();
        if (!doc) break;
        parsed = cfg_doc_parse(doc, work) == 0;
        if (!parsed) {
            line = cfg_doc_error_line(doc);
            snprintf(msg, sizeof msg, "%s", cfg_doc_error_text(doc));
        }
        cfg_doc_free(doc);
        if (parsed) break;
    }
    if (parsed && all_fixed) return work;
    free(work);
    if (diag->count > first && diag->items) {
        fs_error *last = &diag->items[diag->count - 1];
        size_t used = strlen(last->message);
        snprintf(last->message + used, sizeof last->message - used,
                 " (the settings were not checked: correct the syntax first)");
    }
    return NULL;
}
