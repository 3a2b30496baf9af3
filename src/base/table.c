/*
 * table.c: CSV reading on top of libcsv (Debian's libcsv3).
 *
 * The file is fed to libcsv one physical line at a time so that each row knows the
 * line it started on, for messages like "units.csv:17: population: ...". Comment
 * lines are honoured only before the header: after it, '#' is data.
 *
 * A header cell must name its column, and a second byte-order mark (a file converted to
 * UTF-8 twice) is refused rather than read into the first column's name.
 *
 * A row's fields are gathered in one reused buffer and kept as one block per row, its
 * first cell's pointer owning it: one allocation per row rather than one per cell.
 */
#include "table.h"

#include <csv.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

typedef struct builder {
    fs_table *t;
    char *text;                 /* the fields of the row being read, each NUL-terminated */
    size_t text_len, text_cap;
    size_t *start;              /* where each field starts in text */
    size_t row_len, row_cap;
    int row_start_line;
    int line;
    bool failed;                /* allocation failure */
    bool ragged_reported;
    fs_diag *diag;
    size_t cell_cap;
} builder;

/* True when s[0..n) is UTF-8 text: valid sequences and no NUL byte. */
static bool valid_text(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) { /* ASCII, the common case */
            if (c == 0) return false;
            i++;
            continue;
        }
        size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + len > n) return false;
        if (len == 2 && c < 0xC2) return false;
        for (size_t k = 1; k < len; k++)
            if ((s[i + k] & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

static void on_field(void *data, size_t len, void *ctx)
{
    builder *b = ctx;
    if (b->failed) return;
    if (b->row_len == 0) b->row_start_line = b->line;
    if (b->row_len == b->row_cap) {
        size_t cap = b->row_cap ? b->row_cap * 2 : 16;
        size_t *grown = realloc(b->start, cap * sizeof *grown);
        if (!grown) {
            b->failed = true;
            return;
        }
        b->start = grown;
        b->row_cap = cap;
    }
    if (b->text_cap - b->text_len < len + 1) {
        size_t cap = b->text_cap ? b->text_cap : 256;
        while (cap - b->text_len < len + 1) cap *= 2;
        char *grown = realloc(b->text, cap);
        if (!grown) {
            b->failed = true;
            return;
        }
        b->text = grown;
        b->text_cap = cap;
    }
    char *text = b->text + b->text_len;
    if (len) memcpy(text, data, len);
    text[len] = '\0';
    if (!valid_text((const unsigned char *)text, len))
        fs_diag_add(b->diag, FS_EINPUT, b->t->path, b->line, NULL,
                    memchr(data, 0, len)
                        ? "a NUL byte in field %zu: is this a text file?"
                        : "invalid UTF-8 in field %zu: save the table as UTF-8 (CSV UTF-8 in a spreadsheet)",
                    b->row_len + 1);
    b->start[b->row_len++] = b->text_len;
    b->text_len += len + 1;
}

static void drop_row(builder *b)
{
    b->row_len = 0;
    b->text_len = 0;
}

/* Copies the row's fields into one new block, points out[0..row_len) at them and
 * empties the row; false when out of memory. */
static bool keep_row(builder *b, char **out)
{
    char *block = b->row_len ? malloc(b->text_len) : NULL;
    bool ok = block || !b->row_len;
    if (block) {
        memcpy(block, b->text, b->text_len);
        for (size_t i = 0; i < b->row_len; i++) out[i] = block + b->start[i];
    }
    drop_row(b);
    return ok;
}

static void on_row(int terminator, void *ctx)
{
    (void)terminator;
    builder *b = ctx;
    fs_table *t = b->t;
    if (b->failed) {
        drop_row(b);
        return;
    }
    if (!t->header) {
        size_t count = b->row_len;
        char **header = malloc((count + 1) * sizeof *header); /* + 1: an empty header line */
        if (!header || !keep_row(b, header)) {
            free(header);
            b->failed = true;
            drop_row(b);
            return;
        }
        t->header = header;
        t->column_count = count;
        t->header_line = b->row_start_line;
        for (size_t c = 0; c < count; c++)
            if (!header[c][0])
                fs_diag_add(b->diag, FS_EINPUT, t->path, t->header_line, NULL,
                            "column %zu has an empty header: name the column or delete it", c + 1);
        return;
    }
    if (b->row_len != t->column_count) {
        fs_diag_add(b->diag, FS_EINPUT, t->path, b->row_start_line, NULL,
                    "expected %zu fields as in the header, got %zu", t->column_count, b->row_len);
        drop_row(b);
        return;
    }
    size_t need = (t->row_count + 1) * t->column_count;
    if (need > b->cell_cap) {
        size_t cap = b->cell_cap ? b->cell_cap * 2 : 64 * t->column_count;
        while (cap < need) cap *= 2;
        char **cells = realloc(t->cells, cap * sizeof *cells);
        int *lines = realloc(t->row_line, (cap / t->column_count + 1) * sizeof *lines);
        if (cells) t->cells = cells;
        if (lines) t->row_line = lines;
        if (!cells || !lines) {
            b->failed = true;
            drop_row(b);
            return;
        }
        b->cell_cap = cap;
    }
    if (!keep_row(b, t->cells + t->row_count * t->column_count)) {
        b->failed = true;
        return;
    }
    t->row_line[t->row_count++] = b->row_start_line;
}

fs_status fs_table_read(const char *path, fs_table **out, fs_diag *diag)
{
    *out = NULL;
    struct stat info;
    if (stat(path, &info) == 0 && !S_ISREG(info.st_mode))
        return fs_diag_add(diag, FS_EINPUT, path, 0, NULL, "expected a CSV file, got a folder or a device");
    if (stat(path, &info) == 0 && info.st_size > FS_TABLE_MAX_BYTES)
        return fs_diag_add(diag, FS_EINPUT, path, 0, NULL, "table larger than %d MiB", FS_TABLE_MAX_BYTES >> 20);
    FILE *f = fopen(path, "rb");
    if (!f) return fs_diag_add(diag, FS_EIO, path, 0, NULL, "cannot open table: %s", strerror(errno));
    fs_table *t = calloc(1, sizeof *t);
    struct csv_parser parser;
    if (!t || !(t->path = strdup(path)) || csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        fclose(f);
        fs_table_free(t);
        return fs_diag_add(diag, FS_EINTERNAL, path, 0, NULL, "out of memory");
    }
    size_t errors_before = diag->count;
    builder b = {.t = t, .diag = diag};
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    bool in_preamble = true;
    t->hash = FS_FNV_OFFSET;
    while ((n = getline(&line, &cap, f)) > 0) {
        b.line++;
        t->hash = fs_fnv1a(t->hash, line, (size_t)n);
        char *text = line;
        if (b.line == 1 && n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
            text += 3; /* spreadsheets write a BOM on "CSV UTF-8" */
            n -= 3;
            if (n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
                fs_diag_add(diag, FS_EINPUT, path, 1, NULL,
                            "the file starts with two byte-order marks (it was converted to UTF-8 twice): save it "
                            "as CSV UTF-8 once");
                break;
            }
        }
        if (in_preamble && text[0] == '#') continue;
        if (in_preamble && (text[0] == '\n' || (text[0] == '\r' && text[1] == '\n'))) continue;
        in_preamble = false;
        if (csv_parse(&parser, text, (size_t)n, on_field, on_row, &b) != (size_t)n) {
            fs_diag_add(diag, FS_EINPUT, path, b.line, NULL, "malformed CSV: %s",
                        csv_strerror(csv_error(&parser)));
            break;
        }
    }
    bool read_error = ferror(f);
    free(line);
    fclose(f);
    if (csv_fini(&parser, on_field, on_row, &b) != 0 && diag->count == errors_before)
        fs_diag_add(diag, FS_EINPUT, path, b.line, NULL, "malformed CSV: %s",
                    csv_strerror(csv_error(&parser)));
    csv_free(&parser);
    free(b.text);
    free(b.start);
    if (read_error) fs_diag_add(diag, FS_EIO, path, 0, NULL, "read error");
    if (b.failed) fs_diag_add(diag, FS_EINTERNAL, path, 0, NULL, "out of memory");
    if (!t->header && diag->count == errors_before)
        fs_diag_add(diag, FS_EINPUT, path, 0, NULL, "the table is empty: expected a header line");
    if (diag->count > errors_before) {
        fs_status st = diag->items[errors_before].code;
        fs_table_free(t);
        return st;
    }
    *out = t;
    return FS_OK;
}

uint64_t fs_fnv1a(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    return h;
}

int fs_table_column(const fs_table *table, const char *name)
{
    for (size_t i = 0; i < table->column_count; i++)
        if (strcmp(table->header[i], name) == 0) return (int)i;
    return -1;
}

const char *fs_table_cell(const fs_table *table, size_t row, size_t column)
{
    return table->cells[row * table->column_count + column];
}

void fs_table_free(fs_table *table)
{
    if (!table) return;
    if (table->header && table->column_count) free(table->header[0]);
    free(table->header);
    if (table->column_count)
        for (size_t r = 0; r < table->row_count; r++) free(table->cells[r * table->column_count]);
    free(table->cells);
    free(table->row_line);
    free(table->path);
    free(table);
}

fs_status fs_table_read_any(const char *path, fs_table **out, fs_diag *diag)
{
    size_t n = strlen(path);
    bool xlsx = n > 5 && !strcasecmp(path + n - 5, ".xlsx");
    return xlsx ? fs_table_read_xlsx(path, out, diag) : fs_table_read(path, out, diag);
}
