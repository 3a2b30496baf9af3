/*
 * table_write.c: the CSV writer of every output table (see table_write.h).
 */
#include "table_write.h"

#include <string.h>

#include "decimal_format.h"

static void write_text(FILE *fp, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, fp);
        return;
    }
    fputc('"', fp);
    for (; *s; s++) {
        if (*s == '"') fputc('"', fp);
        fputc(*s, fp);
    }
    fputc('"', fp);
}

void table_write_csv(FILE *fp, const table_view *t)
{
    fputs("\xEF\xBB\xBF", fp);
    for (size_t c = 0; c < t->col_count; c++) {
        if (c) fputc(',', fp);
        write_text(fp, t->header[c]);
    }
    fputc('\n', fp);
    for (size_t row = 0; row < t->row_count; row++) {
        for (size_t c = 0; c < t->col_count; c++) {
            cell v;
            t->get(t->ctx, row, c, &v);
            if (c) fputc(',', fp);
            if (v.type == CELL_TEXT) {
                write_text(fp, v.text);
            } else {
                char number[DECIMAL_FORMAT_MAX];
                size_t n = v.type == CELL_INT ? decimal_int64(v.i, number) : decimal_fixed6(v.r, number);
                fwrite(number, 1, n, fp);
            }
        }
        fputc('\n', fp);
    }
}
