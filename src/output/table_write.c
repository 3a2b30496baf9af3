/*
 * table_write.c: the CSV writer of every output table (see table_write.h).
 *
 * Cells are gathered in a local buffer handed to stdio a few kilobytes at a time: one
 * stdio call per character or number (each taking the stream's lock) cost more than
 * formatting the numbers.
 */
#include "table_write.h"

#include <string.h>

#include "decimal_format.h"

typedef struct csv_out {
    FILE *fp;
    size_t used;
    char data[8192];
} csv_out;

static void out_flush(csv_out *o)
{
    if (o->used) fwrite(o->data, 1, o->used, o->fp);
    o->used = 0;
}

static void out_bytes(csv_out *o, const char *s, size_t n)
{
    if (o->used + n > sizeof o->data) {
        out_flush(o);
        if (n > sizeof o->data) {
            fwrite(s, 1, n, o->fp);
            return;
        }
    }
    memcpy(o->data + o->used, s, n);
    o->used += n;
}

static void out_char(csv_out *o, char c)
{
    if (o->used == sizeof o->data) out_flush(o);
    o->data[o->used++] = c;
}

/* RFC 4180: quoted, with inner quotes doubled, when the text holds a comma, a quote
 * or a line break. */
static void out_text(csv_out *o, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        out_bytes(o, s, strlen(s));
        return;
    }
    out_char(o, '"');
    for (; *s; s++) {
        if (*s == '"') out_char(o, '"');
        out_char(o, *s);
    }
    out_char(o, '"');
}

void table_write_csv(FILE *fp, const table_view *t)
{
    csv_out o;
    o.fp = fp;
    o.used = 0;
    out_bytes(&o, "\xEF\xBB\xBF", 3);
    for (size_t c = 0; c < t->col_count; c++) {
        if (c) out_char(&o, ',');
        out_text(&o, t->header[c]);
    }
    out_char(&o, '\n');
    for (size_t row = 0; row < t->row_count; row++) {
        for (size_t c = 0; c < t->col_count; c++) {
            cell v;
            t->get(t->ctx, row, c, &v);
            if (c) out_char(&o, ',');
            if (v.type == CELL_TEXT) {
                out_text(&o, v.text);
            } else {
                char number[DECIMAL_FORMAT_MAX];
                size_t n = v.type == CELL_INT ? decimal_int64(v.i, number) : decimal_fixed6(v.r, number);
                out_bytes(&o, number, n);
            }
        }
        out_char(&o, '\n');
    }
    out_flush(&o);
}
