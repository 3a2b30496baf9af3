/*
 * scenario_overlay.c: loading a scenario with its baselines and merging them (see
 * scenario_overlay.h).
 *
 * Files of the chain are told apart by device and inode, not by the paths that name
 * them: "a.cfg", "./a.cfg" and "../x/a.cfg" are one file, and a cycle is found at its
 * first repeat and shown whole. An overlay's id list must not name an id twice: merged
 * one after the other, the second would silently change the first.
 */
#include "scenario_overlay.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "error.h"
#include "scenario_read.h"
#include "scenario_syntax.h"
#include "scenario_text.h"
#include "table.h"

/* Marks s and everything under it as read from `file`. */
static void tag_file(cfg_node *s, const char *file)
{
    cfg_set_file(s, file);
    int n = cfg_length(s);
    if (cfg_is_aggregate(s))
        for (int i = 0; i < n; i++) tag_file(cfg_elem(s, (unsigned)i), file);
}

/* Copies src (and everything under it) into parent as `name` (NULL in lists and
 * arrays), keeping its file and line. Returns 0 or -1. */
static int copy_setting(cfg_node *parent, const cfg_node *src, const char *name)
{
    int type = cfg_type(src);
    cfg_node *c = cfg_add(parent, name, type);
    if (!c) return -1;
    cfg_set_line(c, cfg_line(src));
    cfg_set_file(c, cfg_file(src));
    switch (type) {
    case CFG_INT: cfg_set_int(c, cfg_int(src)); break;
    case CFG_INT64: cfg_set_int64(c, cfg_int64(src)); break;
    case CFG_FLOAT: cfg_set_float(c, cfg_float(src)); break;
    case CFG_BOOL: cfg_set_bool(c, cfg_bool(src)); break;
    case CFG_STRING: cfg_set_string(c, cfg_string(src)); break;
    default:
        for (int i = 0; i < cfg_length(src); i++) {
            const cfg_node *e = cfg_elem(src, (unsigned)i);
            if (copy_setting(c, e, type == CFG_GROUP ? cfg_name(e) : NULL) != 0) return -1;
        }
    }
    return 0;
}

static const char *id_of(const cfg_node *g)
{
    const cfg_node *id = cfg_is_group(g) ? cfg_member(g, "id") : NULL;
    return id ? cfg_string(id) : NULL;
}

/* A key path as `check` shows it: list elements by id where they have one,
 * e.g. "sources[pit].shares". */
static void key_path(const cfg_node *s, char *buf, size_t size)
{
    const cfg_node *chain[64];
    size_t depth = 0, used = 0;
    for (const cfg_node *p = s; p && cfg_parent(p) && depth < 64; p = cfg_parent(p))
        chain[depth++] = p;
    buf[0] = '\0';
    while (depth-- > 0 && used < size) {
        const cfg_node *p = chain[depth];
        const char *name = cfg_name(p), *id = id_of(p);
        int n = name ? snprintf(buf + used, size - used, "%s%s", used ? "." : "", name)
                : id ? snprintf(buf + used, size - used, "[%s]", id)
                     : snprintf(buf + used, size - used, "[%d]", cfg_index(p));
        if (n < 0) break;
        used += (size_t)n;
    }
}

/* A string as a short quoted text: at most TEXT_CHARS characters, a longer one cut at a
 * character (not inside a UTF-8 sequence) and ended with "…". */
enum { TEXT_CHARS = 60 };

static void quoted_text(const char *text, char *buf, size_t size)
{
    size_t k = 0, chars = 0;
    while (text[k] && chars < TEXT_CHARS) {
        k++;
        while (((unsigned char)text[k] & 0xC0) == 0x80) k++;
        chars++;
    }
    snprintf(buf, size, "\"%.*s%s\"", (int)k, text, text[k] ? "…" : "");
}

/* A short text for a value, as `check` shows it. */
static void value_text(const cfg_node *s, char *buf, size_t size)
{
    if (!s) {
        snprintf(buf, size, "(not set)");
        return;
    }
    int n = cfg_length(s);
    switch (cfg_type(s)) {
    case CFG_INT:
    case CFG_INT64: snprintf(buf, size, "%lld", (long long)cfg_int64(s)); break;
    case CFG_FLOAT: snprintf(buf, size, "%.10g", cfg_float(s)); break;
    case CFG_BOOL: snprintf(buf, size, "%s", cfg_bool(s) ? "true" : "false"); break;
    case CFG_STRING: quoted_text(cfg_string(s), buf, size); break;
    case CFG_GROUP: snprintf(buf, size, "{ %d key%s }", n, n == 1 ? "" : "s"); break;
    case CFG_ARRAY: snprintf(buf, size, "[ %d value%s ]", n, n == 1 ? "" : "s"); break;
    default: snprintf(buf, size, "( %d element%s )", n, n == 1 ? "" : "s"); break;
    }
}

/* Same type and same value text: an overlay that repeats a value changes nothing. */
static int same_value(const cfg_node *a, const cfg_node *b)
{
    if (!a || !b || cfg_type(a) != cfg_type(b) || cfg_is_aggregate(a)) return 0;
    if (cfg_type(a) == CFG_STRING) return !strcmp(cfg_string(a), cfg_string(b));
    char x[256], y[256];
    value_text(a, x, sizeof x);
    value_text(b, y, sizeof y);
    return !strcmp(x, y);
}

static int record(fs_model *m, const char *key, const cfg_node *now, const cfg_node *was)
{
    if (same_value(now, was)) return 0;
    fs_overlay_change *grown = realloc(m->changes, (m->change_count + 1) * sizeof *grown);
    if (!grown) return -1;
    m->changes = grown;
    fs_overlay_change *c = &m->changes[m->change_count++];
    memset(c, 0, sizeof *c);
    snprintf(c->key, sizeof c->key, "%s", key);
    value_text(now, c->value, sizeof c->value);
    value_text(was, c->base_value, sizeof c->base_value);
    c->file = cfg_file(now);
    c->line = (int)cfg_line(now);
    c->base_file = was ? cfg_file(was) : NULL;
    c->base_line = was ? (int)cfg_line(was) : 0;
    return 0;
}


/* Ids as the model compares them: in NFC ("Thuế" composed or decomposed is one id). */
static bool same_id(const char *a, const char *b)
{
    char x[FS_NAME_MAX], y[FS_NAME_MAX];
    if (fs_name_nfc(a, x, sizeof x) != 0 || fs_name_nfc(b, y, sizeof y) != 0) return !strcmp(a, b);
    return !strcmp(x, y);
}

/* A list whose elements are all groups with a string id (and at least one element). */
static int is_id_list(const cfg_node *s)
{
    if (!cfg_is_list(s) || cfg_length(s) == 0) return 0;
    for (int i = 0; i < cfg_length(s); i++)
        if (!id_of(cfg_elem(s, (unsigned)i))) return 0;
    return 1;
}

static int merge_group(fs_model *m, cfg_node *dst, const cfg_node *src, int record_changes);

static int merge_id_list(fs_model *m, cfg_node *dst, const cfg_node *src, int record_changes)
{
    for (int i = 0; i < cfg_length(src); i++) {
        const cfg_node *e = cfg_elem(src, (unsigned)i);
        cfg_node *match = NULL;
        for (int j = 0; j < cfg_length(dst) && !match; j++) {
            cfg_node *d = cfg_elem(dst, (unsigned)j);
            if (id_of(d) && same_id(id_of(d), id_of(e))) match = d;
        }
        if (match) {
            if (merge_group(m, match, e, record_changes) != 0) return -1;
            continue;
        }
        if (copy_setting(dst, e, NULL) != 0) return -1;
        if (record_changes) {
            char key[FS_KEY_MAX];
            key_path(cfg_elem(dst, (unsigned)cfg_length(dst) - 1), key, sizeof key);
            if (record(m, key, e, NULL) != 0) return -1;
        }
    }
    return 0;
}

static int merge_group(fs_model *m, cfg_node *dst, const cfg_node *src, int record_changes)
{
    for (int i = 0; i < cfg_length(src); i++) {
        const cfg_node *s = cfg_elem(src, (unsigned)i);
        const char *name = cfg_name(s);
        if (!cfg_parent(dst) && !strcmp(name, "base")) continue;
        cfg_node *d = cfg_member(dst, name);
        if (d && cfg_is_group(d) && cfg_is_group(s)) {
            if (merge_group(m, d, s, record_changes) != 0) return -1;
            continue;
        }
        if (d && is_id_list(d) && is_id_list(s)) {
            if (merge_id_list(m, d, s, record_changes) != 0) return -1;
            continue;
        }
        char key[FS_KEY_MAX];
        key_path(dst, key, sizeof key);
        size_t used = strlen(key);
        snprintf(key + used, sizeof key - used, "%s%s", used ? "." : "", name);
        /* Recorded before the baseline's setting is removed. */
        if (record_changes && record(m, key, s, d) != 0) return -1;
        if (d && cfg_remove(dst, name) != 0) return -1;
        if (copy_setting(dst, s, name) != 0) return -1;
    }
    return 0;
}

/* The files read so far, the scenario first, with their identities; where merges go. */
typedef struct chain {
    fs_model *m;
    fs_diag *diag;
    cfg_doc *out;
    const char *text;            /* the scenario's own text when given in memory, else NULL */
    size_t text_len;
    dev_t dev[OVERLAY_DEPTH_MAX + 1];
    ino_t ino[OVERLAY_DEPTH_MAX + 1];
} chain;

/* Reports every id that an id list of an overlay names twice, or twice up to letter case
 * and spacing (fs_name_key), at the second with the line of the first. Whole settings
 * are walked, so that any id list counts (sources, norms and their lists). */
static void check_overlay_ids(chain *c, const cfg_node *s)
{
    if (!cfg_is_aggregate(s)) return;
    for (int i = 0; i < cfg_length(s); i++) check_overlay_ids(c, cfg_elem(s, (unsigned)i));
    if (!is_id_list(s)) return;
    const char *list = cfg_name(s);
    const char *what = !list ? "id" : !strcmp(list, "sources") ? "source id" : !strcmp(list, "norms") ? "need component id"
                                                                                                     : "id";
    for (int i = 1; i < cfg_length(s); i++) {
        const cfg_node *e = cfg_member(cfg_elem(s, (unsigned)i), "id");
        char key[FS_NAME_KEY_MAX], other[FS_NAME_KEY_MAX];
        if (fs_name_key(cfg_string(e), key, sizeof key) != 0) continue;
        for (int j = 0; j < i; j++) {
            const cfg_node *f = cfg_member(cfg_elem(s, (unsigned)j), "id");
            if (fs_name_key(cfg_string(f), other, sizeof other) != 0 || strcmp(key, other)) continue;
            char path[FS_KEY_MAX], where[FS_PATH_MAX + 16];
            rd_path(e, path, sizeof path);
            reader rd = {.file = cfg_file(e), .diag = c->diag};
            rd_where(&rd, e, f, where, sizeof where);
            bool exact = !strcmp(cfg_string(e), cfg_string(f));
            fs_diag_add(c->diag, FS_EINPUT, cfg_file(e), (int)cfg_line(e), path, "duplicate %s \"%s\" (first at %s%s%s%s)",
                        what, cfg_string(e), where, exact ? "" : " as \"",
                        exact ? "" : cfg_string(f), exact ? "" : "\"");
            break;
        }
    }
}

/* The cycle that naming `base_path` (already the chain's file k) closes, as
 * "a.cfg → b.cfg → a.cfg". */
static void cycle_text(const chain *c, size_t k, const char *base_path, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t j = k; j < c->m->file_count && used < size; j++) {
        int n = snprintf(buf + used, size - used, "%s → ", c->m->files[j]);
        if (n < 0) return;
        used += (size_t)n;
    }
    if (used + 1 < size) snprintf(buf + used, size - used, "%.*s", (int)(size - used - 1), base_path);
}

static fs_status load_file(chain *c, const char *path, const char *from, int from_line);

/* Loads the baseline that `base` (a setting of the file `path`) names, after checking
 * that it is a regular file not already in the chain; then merges `root` onto it. */
static fs_status load_base(chain *c, const char *path, const cfg_node *base, const cfg_node *root,
                           int depth)
{
    const char *name = cfg_string(base);
    if (!name || !name[0])
        return fs_diag_add(c->diag, FS_EINPUT, path, (int)cfg_line(base), "base",
                           "expected the baseline's file name, e.g. base = \"haiphong-2026.cfg\";");
    char dir[FS_PATH_MAX], base_path[FS_PATH_MAX * 2];
    scenario_directory_of(path, dir, sizeof dir);
    if (name[0] == '/') snprintf(base_path, sizeof base_path, "%s", name);
    else snprintf(base_path, sizeof base_path, "%s/%s", dir, name);
    struct stat info;
    if (stat(base_path, &info) == 0) {
        if (!S_ISREG(info.st_mode))
            return fs_diag_add(c->diag, FS_EINPUT, path, (int)cfg_line(base), "base",
                               "the baseline \"%s\" is not a regular file (%s): name a scenario file", name,
                               S_ISDIR(info.st_mode) ? "a folder" : "a device or another special file");
        for (size_t k = 0; k < c->m->file_count; k++)
            if (c->dev[k] == info.st_dev && c->ino[k] == info.st_ino) {
                char cycle[FS_MESSAGE_MAX - 64];
                cycle_text(c, k, base_path, cycle, sizeof cycle);
                return fs_diag_add(c->diag, FS_EINPUT, path, (int)cfg_line(base), "base",
                                   "the baselines form a cycle: %s", cycle);
            }
    }
    size_t files_before = c->m->file_count, errors_before = c->diag->count;
    fs_status st = load_file(c, base_path, path, (int)cfg_line(base));
    bool said = false; /* an error already at this line (an empty baseline) */
    for (size_t k = errors_before; k < c->diag->count; k++)
        said |= c->diag->items[k].line == (int)cfg_line(base) && !strcmp(c->diag->items[k].file, path);
    if (st != FS_OK && c->m->file_count == files_before && !said)
        fs_diag_add(c->diag, st, path, (int)cfg_line(base), "base", "the baseline \"%s\" cannot be read", name);
    if (st == FS_OK && merge_group(c->m, cfg_root(c->out), root, depth == 0) != 0)
        st = fs_diag_add(c->diag, FS_EINTERNAL, path, 0, NULL, "out of memory");
    return st;
}

/* Reads `path` (named by `from` at from_line, or the scenario when from is NULL), its
 * baselines first, and merges it onto them in c->out. */
static fs_status load_file(chain *c, const char *path, const char *from, int from_line)
{
    fs_model *m = c->m;
    int depth = (int)m->file_count;
    if (m->file_count > OVERLAY_DEPTH_MAX)
        return fs_diag_add(c->diag, FS_EINPUT, path, 0, "base", "baselines nest deeper than %d", OVERLAY_DEPTH_MAX);
    char *text = !from && c->text ? scenario_copy_text(path, c->text, c->text_len, c->diag)
                                  : scenario_read_text(path, c->diag);
    if (!text) return fs_diag_status(c->diag);
    if (scenario_text_is_empty(text)) {
        free(text);
        if (from)
            return fs_diag_add(c->diag, FS_EINPUT, from, from_line, "base",
                               "the baseline \"%s\" is empty: name a scenario file", path);
        return fs_diag_add(c->diag, FS_EINPUT, path, 0, NULL, "the scenario file is empty");
    }
    if (scenario_check_text(path, text, c->diag) > 0) {
        free(text);
        return FS_EINPUT;
    }
    m->fingerprint = fs_fnv1a(m->fingerprint, text, strlen(text));
    struct stat info;
    if ((from || !c->text) && stat(path, &info) == 0) c->dev[m->file_count] = info.st_dev, c->ino[m->file_count] = info.st_ino;
    const char *file = m->files[m->file_count++];
    snprintf(m->files[m->file_count - 1], FS_PATH_MAX, "%.*s", FS_PATH_MAX - 1, path);
    cfg_doc *own = cfg_doc_new();
    if (!own) {
        free(text);
        return fs_diag_add(c->diag, FS_EINTERNAL, path, 0, NULL, "out of memory");
    }
    if (cfg_doc_parse(own, text) != 0) {
        /* Every syntax error of the file; when each had a fix, the rest of the file is
         * checked on the repaired text (the errors already reported fail the load). */
        char *repaired = scenario_syntax_errors(path, text, cfg_doc_error_line(own), cfg_doc_error_text(own), c->diag);
        free(text);
        cfg_doc_free(own);
        if (!repaired) return FS_EINPUT;
        text = repaired;
        own = cfg_doc_new();
        if (!own || cfg_doc_parse(own, text) != 0) {
            free(text);
            cfg_doc_free(own);
            return FS_EINPUT;
        }
    }
    free(text);
    cfg_node *root = cfg_root(own);
    tag_file(root, file);
    const cfg_node *base = cfg_member(root, "base");
    fs_status st = FS_OK;
    if (base) {
        size_t errors_before = c->diag->count;
        check_overlay_ids(c, root);
        st = c->diag->count > errors_before ? FS_EINPUT : load_base(c, path, base, root, depth);
    } else if (merge_group(m, cfg_root(c->out), root, 0) != 0) {
        st = fs_diag_add(c->diag, FS_EINTERNAL, path, 0, NULL, "out of memory");
    }
    cfg_doc_free(own);
    return st;
}

fs_status scenario_config_load(const char *path, const char *text, size_t len, cfg_doc **out, fs_model *m,
                               fs_diag *diag)
{
    cfg_doc *cfg = *out = cfg_doc_new();
    if (!cfg) return fs_diag_add(diag, FS_EINTERNAL, path, 0, NULL, "out of memory");
    m->fingerprint = FS_FNV_OFFSET;
    chain c = {.m = m, .diag = diag, .out = cfg, .text = text, .text_len = len};
    return load_file(&c, path, NULL, 0);
}
