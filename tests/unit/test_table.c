/*
 * test_table.c: the CSV reader: BOM, CRLF, comment lines before the header, quoted
 * fields with commas, quotes and line breaks, and the line number of every row.
 */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "fiscalsim/table.h"

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    fputs(text, f);
    fclose(f);
}

int main(void)
{
    char path[] = "/tmp/fiscalsim-table-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    write_file(path, "\xEF\xBB\xBF# generated\r\n# estimates\r\nname,note\r\n"
                     "Ph\xC6\xB0\xE1\xBB\x9Dng L\xC3\xAA Ch\xC3\xA2n,\"a, b\"\r\n"
                     "X\xC3\xA3 A,\"two\r\nlines \"\"quoted\"\"\"\r\nB,\r\n");
    fs_diag diag = {0};
    fs_table *t = NULL;
    CHECK(fs_table_read(path, &t, &diag) == FS_OK);
    if (t) {
        CHECK_I64((int64_t)t->column_count, 2);
        CHECK_I64((int64_t)t->row_count, 3);
        CHECK_I64(t->header_line, 3);
        CHECK(!strcmp(t->header[0], "name"));
        CHECK(!strcmp(fs_table_cell(t, 0, 0), "Ph\xC6\xB0\xE1\xBB\x9Dng L\xC3\xAA Ch\xC3\xA2n"));
        CHECK(!strcmp(fs_table_cell(t, 0, 1), "a, b"));
        CHECK(!strcmp(fs_table_cell(t, 1, 1), "two\r\nlines \"quoted\""));
        CHECK(!strcmp(fs_table_cell(t, 2, 1), ""));
        CHECK_I64(t->row_line[0], 4);
        CHECK_I64(t->row_line[1], 5);
        CHECK_I64(t->row_line[2], 7);
        CHECK_I64(fs_table_column(t, "note"), 1);
        CHECK_I64(fs_table_column(t, "missing"), -1);
    }
    fs_table_free(t);

    /* Invalid UTF-8 and ragged rows are reported with their lines, all of them. */
    write_file(path, "a,b\n1,2\n\xFF,3\n4\n");
    CHECK(fs_table_read(path, &t, &diag) == FS_EINPUT);
    CHECK(t == NULL);
    CHECK_I64((int64_t)diag.count, 2);
    if (diag.count == 2) {
        CHECK_I64(diag.items[0].line, 3);
        CHECK(!strcmp(diag.items[0].message,
                      "invalid UTF-8 in field 1: save the table as UTF-8 (CSV UTF-8 in a spreadsheet)"));
        CHECK_I64(diag.items[1].line, 4);
        CHECK(!strcmp(diag.items[1].message, "expected 2 fields as in the header, got 1"));
    }
    fs_diag_clear(&diag);

    write_file(path, "# only a comment\n");
    CHECK(fs_table_read(path, &t, &diag) == FS_EINPUT);
    CHECK(diag.count == 1 && !strcmp(diag.items[0].message, "the table is empty: expected a header line"));
    fs_diag_clear(&diag);
    remove(path);
    CHECK(fs_table_read(path, &t, &diag) == FS_EIO);
    fs_diag_clear(&diag);
    return check_report("test_table");
}
