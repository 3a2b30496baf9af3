/*
 * test_table.c: the CSV reader: BOM, CRLF, comment lines before the header, quoted
 * fields with commas, quotes and line breaks, and the line number of every row; an
 * empty header cell and a second byte-order mark refused; the names tables hold
 * (fs_name_validate, fs_name_key).
 */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "model.h"
#include "table.h"

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    fputs(text, f);
    fclose(f);
}

/* fs_name_validate's verdict on `name`: 0 with the name as kept, or -1 with the reason. */
static int validate(const char *name, char *kept, char *why)
{
    snprintf(kept, FS_NAME_MAX, "%s", name);
    why[0] = '\0';
    return fs_name_validate(kept, FS_NAME_MAX, why, FS_MESSAGE_MAX);
}

/* Names as tables hold them: refused when they hide a character, carry a formula or
 * white space at an end; compared by their keys. */
static void check_names(void)
{
    char kept[FS_NAME_MAX], why[FS_MESSAGE_MAX], a[FS_NAME_KEY_MAX], b[FS_NAME_KEY_MAX];
    CHECK(validate("Ph\xC6\xB0\xE1\xBB\x9Dng L\xC3\xAA Ch\xC3\xA2n", kept, why) == 0);
    CHECK(validate("Ng\xC3\xB4\xE2\x80\x8BQuy\xE1\xBB\x81n", kept, why) == -1);
    CHECK(!strcmp(why, "has an invisible character (U+200B, zero width space) at character 4: names that print the "
                       "same must be the same name; remove it"));
    CHECK(validate("A\xC2\xAD" "B", kept, why) == -1 && strstr(why, "U+00AD, soft hyphen") != NULL);
    CHECK(validate("=HYPERLINK(\"x\")", kept, why) == -1);
    CHECK(!strcmp(why, "\"=HYPERLINK(\"x\")\" starts with \"=\": a spreadsheet opening the CSV outputs would run it as a "
                       "formula; write the name without it"));
    CHECK(validate("@SUM(A1)", kept, why) == -1 && validate("+1", kept, why) == -1 && validate("-1", kept, why) == -1);
    CHECK(validate("A\rB", kept, why) == -1);
    CHECK(!strcmp(why, "has a control character (U+000D, a carriage return) at character 2: a CSV output or a "
                       "spreadsheet cell would break there; remove it"));
    CHECK(validate("\tA", kept, why) == -1 && validate("A\xC2\x85", kept, why) == -1);
    CHECK(validate("A ", kept, why) == -1);
    CHECK(!strcmp(why, "\"A \" has white space at its end: remove it (names are compared as written)"));
    CHECK(validate("\xC2\xA0" "A", kept, why) == -1 && strstr(why, "at its start") != NULL);
    CHECK(validate("A=B-C", kept, why) == 0 && !strcmp(kept, "A=B-C"));
    /* Keys: letter case and runs of white space (a no-break space too) do not count. */
    CHECK(fs_name_key("Ki\xE1\xBA\xBFn  An", a, sizeof a) == 0 && fs_name_key("ki\xE1\xBA\xBFn\xC2\xA0" "AN", b, sizeof b) == 0);
    CHECK(!strcmp(a, b));
    fs_name_difference("A B", "A\xC2\xA0" "B", why, sizeof why);
    CHECK(!strcmp(why, "character 2 is U+0020 here and U+00A0 there"));
    /* With Unicode's tables: composed and decomposed forms are one name, kept composed, and
     * letters fold beyond ASCII. */
    if (fs_name_unicode()) {
        CHECK(validate("Ho\xCC\x80" "a Bi\xCC\x80nh", kept, why) == 0);
        CHECK(!strcmp(kept, "H\xC3\xB2" "a B\xC3\xACnh"));
        CHECK(fs_name_key("\xC4\x90\xE1\xBB\x92 S\xC6\xA0N", a, sizeof a) == 0); /* ĐỒ SƠN */
        CHECK(fs_name_key("\xC4\x91o\xCC\x82\xCC\x80 s\xC6\xA1n", b, sizeof b) == 0); /* đồ sơn, decomposed */
        CHECK(!strcmp(a, b));
    } else {
        fprintf(stderr, "test_table: built without libutf8proc: NFC and Unicode case folding not tested\n");
    }
}

int main(void)
{
    check_names();
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

    /* A header cell must name its column; a second byte-order mark is refused. */
    write_file(path, "name,,kind\nA,1,commune\n");
    CHECK(fs_table_read(path, &t, &diag) == FS_EINPUT);
    CHECK(diag.count == 1 && diag.items[0].line == 1 &&
          !strcmp(diag.items[0].message, "column 2 has an empty header: name the column or delete it"));
    fs_diag_clear(&diag);
    write_file(path, "\xEF\xBB\xBF\xEF\xBB\xBFname\nA\n");
    CHECK(fs_table_read(path, &t, &diag) == FS_EINPUT);
    CHECK(diag.count == 1 && !strcmp(diag.items[0].message, "the file starts with two byte-order marks (it was "
                                                            "converted to UTF-8 twice): save it as CSV UTF-8 once"));
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
