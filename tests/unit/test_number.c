/*
 * test_number.c: strict number parsing and its exact messages.
 */
#include "check.h"
#include "number.h"

int main(void)
{
    char why[256];
    int64_t i;
    double d;
    CHECK(fs_parse_int64("28777335", &i, why, sizeof why) == 0 && i == 28777335);
    CHECK(fs_parse_int64("-5", &i, why, sizeof why) == 0 && i == -5);
    CHECK(fs_parse_int64("9223372036854775807", &i, why, sizeof why) == 0);
    CHECK(fs_parse_int64("9223372036854775808", &i, why, sizeof why) == -1);
    CHECK(!strcmp(why, "integer out of range, got \"9223372036854775808\""));
    CHECK(fs_parse_int64("1.234,5", &i, why, sizeof why) == -1);
    CHECK(!strcmp(why, "expected an integer, got \"1.234,5\"; digit-group separators are not allowed, write the plain number"));
    CHECK(fs_parse_int64("12,5", &i, why, sizeof why) == -1);
    CHECK(!strcmp(why, "expected an integer, got \"12,5\"; a decimal comma is not allowed, use a point"));
    CHECK(fs_parse_int64("", &i, why, sizeof why) == -1);
    CHECK(!strcmp(why, "expected an integer, got an empty cell"));
    CHECK(fs_parse_int64("1.5", &i, why, sizeof why) == -1);

    CHECK(fs_parse_real("5.02", &d, why, sizeof why) == 0 && d == 5.02);
    CHECK(fs_parse_real("12", &d, why, sizeof why) == 0 && d == 12);
    CHECK(fs_parse_real("1e3", &d, why, sizeof why) == 0 && d == 1000);
    CHECK(fs_parse_real("3194,72", &d, why, sizeof why) == -1);
    CHECK(!strcmp(why, "expected a number, got \"3194,72\"; a decimal comma is not allowed, use a point"));
    CHECK(fs_parse_real("1e999", &d, why, sizeof why) == -1);
    CHECK(!strcmp(why, "number out of range, got \"1e999\""));
    CHECK(fs_parse_real("nan", &d, why, sizeof why) == -1);
    CHECK(fs_parse_real("1 234", &d, why, sizeof why) == -1);
    CHECK(!strcmp(why, "expected a number, got \"1 234\"; spaces inside numbers are not allowed"));
    return check_report("test_number");
}
