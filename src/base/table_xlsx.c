/*
 * table_xlsx.c: a table read from the first sheet of an Excel workbook (.xlsx), the one
 * file that uses libzip and expat (see table.h, fs_table_read_xlsx).
 *
 * The workbook is a zip of XML parts: xl/workbook.xml names the sheets, its relations
 * (xl/_rels/workbook.xml.rels) give each sheet's part, xl/sharedStrings.xml holds the
 * texts that cells refer to by number. A cell's text is its shared string, its inline
 * string, or its value as written; a whole number written as a real by the spreadsheet
 * ("4.5881E4", "45881.0") reads as the whole number, so that the CSV's typing applies.
 * The first row with a value is the header; rows keep the spreadsheet's numbers, so
 * that a message names the row an officer sees.
 *
 * libzip and expat are opened with dlopen the first time a workbook is read: linked
 * outright, libzip loads libcrypto at every start, 3.5 M instructions of a 50 M run.
 */
#include "table.h"

#include <dlfcn.h>
#include <expat.h>
#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

/* The functions of libzip and expat this file calls, loaded on first use. */
typedef struct xlsx_libs {
    zip_t *(*zip_open)(const char *, int, int *);
    int (*zip_stat)(zip_t *, const char *, zip_flags_t, zip_stat_t *);
    zip_file_t *(*zip_fopen)(zip_t *, const char *, zip_flags_t);
    zip_int64_t (*zip_fread)(zip_file_t *, void *, zip_uint64_t);
    int (*zip_fclose)(zip_file_t *);
    int (*zip_close)(zip_t *);
    XML_Parser (*parser_create)(const XML_Char *);
    void (*set_user_data)(XML_Parser, void *);
    void (*set_element_handler)(XML_Parser, XML_StartElementHandler, XML_EndElementHandler);
    void (*set_character_data_handler)(XML_Parser, XML_CharacterDataHandler);
    enum XML_Status (*parse)(XML_Parser, const char *, int, int);
    void (*parser_free)(XML_Parser);
} xlsx_libs;

static xlsx_libs libs;
static const xlsx_libs *loaded;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load_libs(void)
{
    void *zip = dlopen("libzip.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!zip) zip = dlopen("libzip.so", RTLD_NOW | RTLD_LOCAL);
    void *xml = dlopen("libexpat.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!xml) xml = dlopen("libexpat.so", RTLD_NOW | RTLD_LOCAL);
    if (!zip || !xml) {
        if (zip) dlclose(zip);
        if (xml) dlclose(xml);
        return;
    }
    /* POSIX guarantees that a data pointer from dlsym converts to a function pointer. */
    *(void **)&libs.zip_open = dlsym(zip, "zip_open");
    *(void **)&libs.zip_stat = dlsym(zip, "zip_stat");
    *(void **)&libs.zip_fopen = dlsym(zip, "zip_fopen");
    *(void **)&libs.zip_fread = dlsym(zip, "zip_fread");
    *(void **)&libs.zip_fclose = dlsym(zip, "zip_fclose");
    *(void **)&libs.zip_close = dlsym(zip, "zip_close");
    *(void **)&libs.parser_create = dlsym(xml, "XML_ParserCreate");
    *(void **)&libs.set_user_data = dlsym(xml, "XML_SetUserData");
    *(void **)&libs.set_element_handler = dlsym(xml, "XML_SetElementHandler");
    *(void **)&libs.set_character_data_handler = dlsym(xml, "XML_SetCharacterDataHandler");
    *(void **)&libs.parse = dlsym(xml, "XML_Parse");
    *(void **)&libs.parser_free = dlsym(xml, "XML_ParserFree");
    if (libs.zip_open && libs.zip_stat && libs.zip_fopen && libs.zip_fread && libs.zip_fclose && libs.zip_close &&
        libs.parser_create && libs.set_user_data && libs.set_element_handler && libs.set_character_data_handler &&
        libs.parse && libs.parser_free)
        loaded = &libs;
}

/* A growing byte buffer. */
typedef struct text {
    char *data;
    size_t len, cap;
    bool failed;
} text;

static void text_add(text *t, const char *s, size_t n)
{
    if (t->failed) return;
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 64;
        while (cap < t->len + n + 1) cap *= 2;
        char *grown = realloc(t->data, cap);
        if (!grown) {
            t->failed = true;
            return;
        }
        t->data = grown, t->cap = cap;
    }
    memcpy(t->data + t->len, s, n);
    t->len += n;
    t->data[t->len] = '\0';
}

/* Part `name` of the zip, NUL-terminated (caller frees), or NULL. */
static char *read_part(zip_t *z, const char *name, size_t *len)
{
    zip_stat_t st;
    if (loaded->zip_stat(z, name, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || st.size > FS_TABLE_MAX_BYTES)
        return NULL;
    zip_file_t *f = loaded->zip_fopen(z, name, 0);
    char *data = f ? malloc(st.size + 1) : NULL;
    zip_int64_t got = data ? loaded->zip_fread(f, data, st.size) : -1;
    if (f) loaded->zip_fclose(f);
    if (got != (zip_int64_t)st.size) {
        free(data);
        return NULL;
    }
    data[st.size] = '\0';
    if (len) *len = st.size;
    return data;
}

/* Runs expat over xml with the handlers; 0, or -1 when it is not well-formed. */
static int parse(const char *xml, size_t len, void *ctx, XML_StartElementHandler start, XML_EndElementHandler end,
                 XML_CharacterDataHandler chars)
{
    XML_Parser p = loaded->parser_create("UTF-8");
    if (!p) return -1;
    loaded->set_user_data(p, ctx);
    loaded->set_element_handler(p, start, end);
    if (chars) loaded->set_character_data_handler(p, chars);
    int rc = loaded->parse(p, xml, (int)len, 1) == XML_STATUS_OK ? 0 : -1;
    loaded->parser_free(p);
    return rc;
}

/* An element's name without its namespace prefix. */
static const char *local(const char *name)
{
    const char *colon = strrchr(name, ':');
    return colon ? colon + 1 : name;
}

static const char *attr(const char **atts, const char *name)
{
    for (size_t k = 0; atts[k]; k += 2)
        if (!strcmp(local(atts[k]), name)) return atts[k + 1];
    return NULL;
}

/* ---- The first sheet's part ------------------------------------------------------- */

typedef struct sheet_ref {
    char name[128], id[64], target[256];
} sheet_ref;

static void on_workbook(void *ctx, const char *el, const char **atts)
{
    sheet_ref *s = ctx;
    if (strcmp(local(el), "sheet") || s->id[0]) return;
    const char *name = attr(atts, "name"), *id = attr(atts, "id");
    if (name && id) snprintf(s->name, sizeof s->name, "%s", name), snprintf(s->id, sizeof s->id, "%s", id);
}

static void on_rels(void *ctx, const char *el, const char **atts)
{
    sheet_ref *s = ctx;
    const char *id = attr(atts, "Id"), *target = attr(atts, "Target");
    if (!strcmp(local(el), "Relationship") && id && target && !strcmp(id, s->id))
        snprintf(s->target, sizeof s->target, "%s%s", target[0] == '/' ? "" : "xl/", target[0] == '/' ? target + 1 : target);
}

/* ---- Shared strings ---------------------------------------------------------------- */

typedef struct strings {
    char **items;
    size_t count, cap;
    text current;
    bool in_si, in_t, failed;
} strings;

static void on_si_start(void *ctx, const char *el, const char **atts)
{
    strings *s = ctx;
    (void)atts;
    if (!strcmp(local(el), "si")) s->in_si = true, s->current.len = 0, text_add(&s->current, "", 0);
    else if (!strcmp(local(el), "t")) s->in_t = s->in_si;
}

static void on_si_end(void *ctx, const char *el)
{
    strings *s = ctx;
    if (!strcmp(local(el), "t")) s->in_t = false;
    if (strcmp(local(el), "si")) return;
    s->in_si = false;
    if (s->count == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 64;
        char **grown = realloc(s->items, cap * sizeof *grown);
        if (!grown) {
            s->failed = true;
            return;
        }
        s->items = grown, s->cap = cap;
    }
    s->items[s->count] = strdup(s->current.data ? s->current.data : "");
    s->failed |= !s->items[s->count++] || s->current.failed;
}

static void on_si_chars(void *ctx, const char *data, int len)
{
    strings *s = ctx;
    if (s->in_t) text_add(&s->current, data, (size_t)len);
}

static void strings_free(strings *s)
{
    for (size_t k = 0; k < s->count; k++) free(s->items[k]);
    free(s->items);
    free(s->current.data);
}

/* ---- The sheet's cells ---------------------------------------------------------------- */

typedef struct xcell {
    int row, col;
    char *value;
} xcell;

typedef struct sheet {
    const strings *shared;
    xcell *cells;
    size_t count, cap;
    int row, col;                /* of the cell being read */
    char type[12];
    text value;
    bool in_value, in_cell, failed;
} sheet;

/* The 0-based column of a reference such as "AB12". */
static int column_of(const char *ref)
{
    int col = 0;
    for (; *ref >= 'A' && *ref <= 'Z'; ref++) col = col * 26 + (*ref - 'A' + 1);
    return col - 1;
}

static void on_cell_start(void *ctx, const char *el, const char **atts)
{
    sheet *s = ctx;
    const char *name = local(el);
    if (!strcmp(name, "row")) {
        const char *r = attr(atts, "r");
        s->row = r ? atoi(r) : s->row + 1;
        s->col = -1;
    } else if (!strcmp(name, "c")) {
        const char *r = attr(atts, "r"), *t = attr(atts, "t");
        s->col = r ? column_of(r) : s->col + 1;
        snprintf(s->type, sizeof s->type, "%s", t ? t : "n");
        s->in_cell = true;
        s->value.len = 0;
        text_add(&s->value, "", 0);
    } else if (s->in_cell && (!strcmp(name, "v") || !strcmp(name, "t"))) {
        s->in_value = true;
    }
}

/* A number the spreadsheet wrote as a real that is a whole number, as one. */
static void whole_if_integral(text *v)
{
    char *end = NULL;
    double d = strtod(v->data, &end);
    if (!end || *end || !isfinite(d) || d != floor(d) || fabs(d) > 9007199254740992.0) return;
    char buf[32];
    snprintf(buf, sizeof buf, "%.0f", d);
    v->len = 0;
    text_add(v, buf, strlen(buf));
}

static void on_cell_end(void *ctx, const char *el)
{
    sheet *s = ctx;
    const char *name = local(el);
    if (!strcmp(name, "v") || !strcmp(name, "t")) s->in_value = false;
    if (strcmp(name, "c") || !s->in_cell) return;
    s->in_cell = false;
    const char *value = s->value.data ? s->value.data : "";
    if (!strcmp(s->type, "s")) {
        size_t k = (size_t)strtoul(value, NULL, 10);
        value = k < s->shared->count ? s->shared->items[k] : "";
    } else if (!strcmp(s->type, "n") && value[0]) {
        whole_if_integral(&s->value);
        value = s->value.data;
    } else if (!strcmp(s->type, "b")) {
        value = !strcmp(value, "1") ? "true" : "false";
    }
    if (!value[0] || s->col < 0) return;
    if (s->count == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 256;
        xcell *grown = realloc(s->cells, cap * sizeof *grown);
        if (!grown) {
            s->failed = true;
            return;
        }
        s->cells = grown, s->cap = cap;
    }
    xcell *c = &s->cells[s->count++];
    *c = (xcell){s->row, s->col, strdup(value)};
    s->failed |= !c->value || s->value.failed;
}

static void on_cell_chars(void *ctx, const char *data, int len)
{
    sheet *s = ctx;
    if (s->in_value) text_add(&s->value, data, (size_t)len);
}

static void sheet_free(sheet *s)
{
    for (size_t k = 0; k < s->count; k++) free(s->cells[k].value);
    free(s->cells);
    free(s->value.data);
}

/* ---- The table ------------------------------------------------------------------------ */

/* One block holding the n texts of a row (NULL: ""), pointed to by out[0..n). */
static bool row_block(char *const *texts, size_t n, char **out)
{
    size_t bytes = 0;
    for (size_t k = 0; k < n; k++) bytes += (texts[k] ? strlen(texts[k]) : 0) + 1;
    char *block = malloc(bytes + 1), *p = block;
    if (!block) return false;
    for (size_t k = 0; k < n; k++) {
        size_t len = texts[k] ? strlen(texts[k]) : 0;
        memcpy(p, texts[k] ? texts[k] : "", len + 1);
        out[k] = p;
        p += len + 1;
    }
    return true;
}

/* The table of the sheet's cells: the first row the header, the header's columns only. */
static fs_table *build_table(const sheet *s, const char *where, fs_diag *diag)
{
    int header_row = 0, last_row = 0;
    for (size_t k = 0; k < s->count; k++) {
        if (!header_row || s->cells[k].row < header_row) header_row = s->cells[k].row;
        if (s->cells[k].row > last_row) last_row = s->cells[k].row;
    }
    if (!header_row) {
        fs_diag_add(diag, FS_EINPUT, where, 0, NULL, "the sheet is empty");
        return NULL;
    }
    size_t cols = 0;
    for (size_t k = 0; k < s->count; k++)
        if (s->cells[k].row == header_row && (size_t)s->cells[k].col + 1 > cols) cols = (size_t)s->cells[k].col + 1;
    size_t rows = (size_t)(last_row - header_row);
    fs_table *t = calloc(1, sizeof *t);
    char **grid = calloc((rows + 1) * cols + 1, sizeof *grid);
    if (t) {
        t->path = strdup(where);
        t->header = calloc(cols + 1, sizeof *t->header);
        t->cells = calloc(rows * cols + 1, sizeof *t->cells);
        t->row_line = calloc(rows + 1, sizeof *t->row_line);
    }
    if (!t || !grid || !t->path || !t->header || !t->cells || !t->row_line) {
        free(grid);
        fs_table_free(t);
        fs_diag_add(diag, FS_EINTERNAL, where, 0, NULL, "out of memory");
        return NULL;
    }
    for (size_t k = 0; k < s->count; k++)
        if ((size_t)s->cells[k].col < cols)
            grid[(size_t)(s->cells[k].row - header_row) * cols + (size_t)s->cells[k].col] = s->cells[k].value;
    t->column_count = cols;
    t->header_line = header_row;
    bool ok = row_block(grid, cols, t->header);
    for (size_t r = 1; ok && r <= rows; r++) {
        bool any = false;
        for (size_t c = 0; c < cols; c++) any |= grid[r * cols + c] != NULL;
        if (!any) continue; /* a blank row of the sheet */
        ok = row_block(grid + r * cols, cols, t->cells + t->row_count * cols);
        t->row_line[t->row_count++] = header_row + (int)r;
    }
    free(grid);
    if (!ok) {
        fs_table_free(t);
        fs_diag_add(diag, FS_EINTERNAL, where, 0, NULL, "out of memory");
        return NULL;
    }
    for (size_t c = 0; c < cols; c++)
        if (!t->header[c][0]) {
            fs_diag_add(diag, FS_EINPUT, where, header_row, NULL, "column %zu of the header is empty", c + 1);
            fs_table_free(t);
            return NULL;
        }
    return t;
}

/* The FNV-1a hash of the file's bytes (the inputs' fingerprint). */
static uint64_t file_hash(const char *path)
{
    uint64_t h = FS_FNV_OFFSET;
    FILE *f = fopen(path, "rb");
    char buf[1 << 14];
    size_t n;
    while (f && (n = fread(buf, 1, sizeof buf, f)) > 0) h = fs_fnv1a(h, buf, n);
    if (f) fclose(f);
    return h;
}

fs_status fs_table_read_xlsx(const char *path, fs_table **out, fs_diag *diag)
{
    *out = NULL;
    pthread_once(&once, load_libs);
    if (!loaded)
        return fs_diag_add(diag, FS_EMISSING, path, 0, NULL,
                           "reading an Excel workbook needs libzip and expat: install the Debian packages libzip4 "
                           "and libexpat1");
    int err = 0;
    zip_t *z = loaded->zip_open(path, ZIP_RDONLY, &err);
    if (!z)
        return fs_diag_add(diag, err == ZIP_ER_NOENT || err == ZIP_ER_OPEN ? FS_EIO : FS_EINPUT, path, 0, NULL,
                           err == ZIP_ER_NOENT || err == ZIP_ER_OPEN ? "cannot open the workbook"
                                                                    : "not an Excel workbook (.xlsx)");
    sheet_ref ref = {0};
    size_t len = 0;
    char *xml = read_part(z, "xl/workbook.xml", &len);
    bool ok = xml && parse(xml, len, &ref, on_workbook, NULL, NULL) == 0 && ref.id[0];
    free(xml);
    xml = ok ? read_part(z, "xl/_rels/workbook.xml.rels", &len) : NULL;
    ok = xml && parse(xml, len, &ref, on_rels, NULL, NULL) == 0 && ref.target[0];
    free(xml);
    strings shared = {0};
    xml = ok ? read_part(z, "xl/sharedStrings.xml", &len) : NULL;
    if (xml) ok = parse(xml, len, &shared, on_si_start, on_si_end, on_si_chars) == 0 && !shared.failed;
    free(xml);
    sheet s = {.shared = &shared};
    xml = ok ? read_part(z, ref.target, &len) : NULL;
    ok = xml && parse(xml, len, &s, on_cell_start, on_cell_end, on_cell_chars) == 0 && !s.failed;
    free(xml);
    loaded->zip_close(z);
    char where[FS_PATH_MAX];
    snprintf(where, sizeof where, "%s:%s", path, ref.name[0] ? ref.name : "?");
    fs_status st = FS_OK;
    if (!ok) st = fs_diag_add(diag, FS_EINPUT, path, 0, NULL, "not a readable Excel workbook (.xlsx): no first sheet");
    else if (!(*out = build_table(&s, where, diag))) st = fs_diag_status(diag);
    else (*out)->hash = file_hash(path);
    strings_free(&shared);
    sheet_free(&s);
    return st;
}
