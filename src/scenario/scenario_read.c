/*
 * scenario_read.c: typed, located access to libconfig settings (see scenario_read.h).
 *
 * libconfig 1.5 turns "1e999" into inf and refuses an int where a float is asked for:
 * these getters reject non-finite values and convert int to double themselves. (Its
 * silent wrap of integer literals beyond 32 bits is caught before parsing, by a
 * lexical pass over the whole file in scenario.c.)
 */
#include "scenario_read.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edit_distance.h"
#include "model.h"

void rd_path(const cfg_node *s, char *buf, size_t size)
{
    const cfg_node *chain[64];
    size_t depth = 0;
    for (const cfg_node *p = s; p && cfg_parent(p) && depth < 64;
         p = cfg_parent(p))
        chain[depth++] = p;
    size_t used = 0;
    buf[0] = '\0';
    while (depth-- > 0) {
        const cfg_node *p = chain[depth];
        const char *name = cfg_name(p);
        int n = name ? snprintf(buf + used, size - used, "%s%s", used ? "." : "", name)
                     : snprintf(buf + used, size - used, "%s[%d]", used ? "." : "",
                                cfg_index(p));
        if (n < 0 || (size_t)n >= size - used) break;
        used += (size_t)n;
    }
}

/* The file a setting was read from: a scenario's baseline holds most of its keys. */
const char *rd_file(const reader *r, const cfg_node *s)
{
    return s && cfg_file(s) ? cfg_file(s) : r->file;
}

static void add_error(reader *r, const char *file, int line, const char *key, const char *fmt, va_list ap)
{
    char message[FS_MESSAGE_MAX];
    vsnprintf(message, sizeof message, fmt, ap);
    fs_diag_add(r->diag, FS_EINPUT, file, line, key, "%s", message);
}

void rd_error(reader *r, const cfg_node *s, const char *fmt, ...)
{
    char key[FS_KEY_MAX];
    rd_path(s, key, sizeof key);
    va_list ap;
    va_start(ap, fmt);
    add_error(r, rd_file(r, s), s ? (int)cfg_line(s) : 0, key, fmt, ap);
    va_end(ap);
}

void rd_warning(reader *r, const cfg_node *s, const char *fmt, ...)
{
    if (!r->warnings) return;
    char key[FS_KEY_MAX], message[FS_MESSAGE_MAX];
    rd_path(s, key, sizeof key);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    fs_diag_add(r->warnings, FS_OK, rd_file(r, s), s ? (int)cfg_line(s) : 0, key, "%s", message);
}

void rd_error_missing(reader *r, const cfg_node *parent, const char *key)
{
    char path[FS_KEY_MAX];
    rd_path(parent, path, sizeof path);
    char full[FS_KEY_MAX + 64];
    snprintf(full, sizeof full, "%s%s%s", path, path[0] ? "." : "", key);
    fs_diag_add(r->diag, FS_EINPUT, rd_file(r, parent), parent ? (int)cfg_line(parent) : 0, full,
                "missing required key");
}

const char *rd_type_name(int type)
{
    switch (type) {
    case CFG_GROUP: return "a group";
    case CFG_INT:
    case CFG_INT64: return "an integer";
    case CFG_FLOAT: return "a real number";
    case CFG_STRING: return "a string";
    case CFG_BOOL: return "a boolean";
    case CFG_ARRAY: return "an array";
    case CFG_LIST: return "a list";
    default: return "nothing";
    }
}

const cfg_node *rd_member_of_type(reader *r, const cfg_node *parent, const char *key, int type,
                                          const char *what)
{
    const cfg_node *s = cfg_member(parent, key);
    if (!s || cfg_type(s) == type) return s;
    rd_error(r, s, "expected %s, got %s", what, rd_type_name(cfg_type(s)));
    return NULL;
}

int rd_real_at(reader *r, const cfg_node *s, double *out)
{
    int type = cfg_type(s);
    double v;
    if (type == CFG_INT || type == CFG_INT64) {
        v = (double)cfg_int64(s);
    } else if (type == CFG_FLOAT) {
        v = cfg_float(s);
    } else {
        rd_error(r, s, "expected a number, got %s", rd_type_name(type));
        return -1;
    }
    if (!isfinite(v)) {
        rd_error(r, s, "number out of range");
        return -1;
    }
    *out = v;
    return 0;
}

int rd_int64_at(reader *r, const cfg_node *s, int64_t *out)
{
    int type = cfg_type(s);
    if (type == CFG_FLOAT) {
        double v = cfg_float(s);
        if (!(fabs(v) < 1e15)) rd_error(r, s, "expected an integer, got the real number %g", v);
        else if (v == floor(v)) rd_error(r, s, "expected an integer, got the real number %.15g: write %.0f", v, v);
        else
            rd_error(r, s, "expected an integer, got the real number %.15g: write %.0f or %.0f", v, floor(v),
                     ceil(v));
        return -1;
    }
    if (type != CFG_INT && type != CFG_INT64) {
        rd_error(r, s, "expected an integer, got %s", rd_type_name(type));
        return -1;
    }
    *out = cfg_int64(s);
    return 0;
}

int rd_real(reader *r, const cfg_node *group, const char *key, double *out)
{
    const cfg_node *s = cfg_member(group, key);
    return s ? rd_real_at(r, s, out) : 1;
}

int rd_int64(reader *r, const cfg_node *group, const char *key, int64_t *out)
{
    const cfg_node *s = cfg_member(group, key);
    return s ? rd_int64_at(r, s, out) : 1;
}

int rd_bool(reader *r, const cfg_node *group, const char *key, bool *out)
{
    const cfg_node *s = cfg_member(group, key);
    if (!s) return 1;
    if (cfg_type(s) != CFG_BOOL) {
        rd_error(r, s, "expected true or false, got %s", rd_type_name(cfg_type(s)));
        return -1;
    }
    *out = cfg_bool(s) != 0;
    return 0;
}

int rd_string(reader *r, const cfg_node *group, const char *key, char *out, size_t size)
{
    const cfg_node *s = cfg_member(group, key);
    if (!s) return 1;
    if (cfg_type(s) != CFG_STRING) {
        rd_error(r, s, "expected a string, got %s", rd_type_name(cfg_type(s)));
        return -1;
    }
    const char *v = cfg_string(s);
    if (strlen(v) >= size) {
        rd_error(r, s, "string longer than %zu bytes", size - 1);
        return -1;
    }
    strcpy(out, v);
    return 0;
}

int rd_name(reader *r, const cfg_node *group, const char *key, char *out, size_t size)
{
    int rc = rd_string(r, group, key, out, size);
    if (rc != 0) return rc;
    char why[FS_MESSAGE_MAX / 2];
    if (fs_name_validate(out, size, why, sizeof why) == 0) return 0;
    rd_error(r, cfg_member(group, key), "%s", why);
    return -1;
}

void rd_where(const reader *r, const cfg_node *here, const cfg_node *there, char *buf, size_t size)
{
    const char *a = rd_file(r, here), *b = rd_file(r, there);
    int line = (int)cfg_line(there);
    if (a == b || !strcmp(a, b)) snprintf(buf, size, "line %d", line);
    else snprintf(buf, size, "%s:%d", b, line);
}

int rd_choice(reader *r, const cfg_node *group, const char *key,
              const char *const *choices, int *out)
{
    char value[FS_KEY_MAX];
    int rc = rd_string(r, group, key, value, sizeof value);
    if (rc) return rc;
    for (int i = 0; choices[i]; i++)
        if (strcmp(value, choices[i]) == 0) {
            *out = i;
            return 0;
        }
    char list[FS_MESSAGE_MAX / 2] = "";
    for (int i = 0; choices[i]; i++) {
        size_t used = strlen(list);
        snprintf(list + used, sizeof list - used, "%s\"%s\"", i ? ", " : "", choices[i]);
    }
    const char *hint = rd_suggest(value, choices);
    if (hint)
        rd_error(r, cfg_member(group, key), "expected one of %s, got \"%s\" (did you mean \"%s\"?)",
                 list, value, hint);
    else
        rd_error(r, cfg_member(group, key), "expected one of %s, got \"%s\"", list, value);
    return -1;
}

const char *rd_suggest(const char *word, const char *const *names)
{
    const char *best = NULL;
    size_t best_d = 3;
    for (size_t i = 0; names[i]; i++) {
        size_t d = fs_edit_distance(word, names[i]);
        if (d < best_d) best_d = d, best = names[i];
    }
    return best;
}

void rd_check_keys(reader *r, const cfg_node *group, const char *const *allowed)
{
    int n = cfg_length(group);
    for (int i = 0; i < n; i++) {
        const cfg_node *s = cfg_elem(group, (unsigned)i);
        const char *name = cfg_name(s);
        if (!name) continue;
        bool known = false;
        for (size_t k = 0; allowed[k] && !known; k++) known = strcmp(name, allowed[k]) == 0;
        if (known) continue;
        const char *hint = rd_suggest(name, allowed);
        if (hint)
            rd_error(r, s, "unknown key (did you mean \"%s\"?)", hint);
        else
            rd_error(r, s, "unknown key");
    }
}

/* Reads a real that must lie in [lo, hi]; keeps *out unchanged when absent. */
int rd_real_in(reader *r, const cfg_node *g, const char *key, double lo, double hi,
                        double *out)
{
    double v;
    int rc = rd_real(r, g, key, &v);
    if (rc) return rc;
    if (v < lo || v > hi) {
        rd_error(r, cfg_member(g, key), "must be between %g and %g, got %g", lo, hi, v);
        return -1;
    }
    *out = v;
    return 0;
}

int rd_real_key(reader *r, const cfg_node *g, const char *key, fs_sweep_target target, double *out)
{
    const fs_key_range *k = fs_key_range_of(target);
    return rd_real_in(r, g, key, k->lo, k->hi, out);
}

int rd_money(reader *r, const cfg_node *g, const char *key, int64_t *out)
{
    int64_t v;
    int rc = rd_int64(r, g, key, &v);
    if (rc) return rc;
    if (v < 0) {
        rd_error(r, cfg_member(g, key), "must not be negative, got %lld", (long long)v);
        return -1;
    }
    if (v > FS_AMOUNT_MAX) {
        rd_error(r, cfg_member(g, key), "must be at most 10^15, got %lld", (long long)v);
        return -1;
    }
    *out = v;
    return 0;
}
