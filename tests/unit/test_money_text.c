/*
 * test_money_text.c: numbers as people read them, in each language (money_text.h):
 * digit groups, decimal marks, signs, rounding, and what cannot be a number.
 */
#include <math.h>

#include "check.h"
#include "money_text.h"

static void check_int(int64_t v, fs_lang lang, const char *want)
{
    char buf[64];
    fs_format_int(v, lang, buf, sizeof buf);
    CHECK_STR(buf, want);
}

static void check_real(double v, int decimals, fs_lang lang, const char *want)
{
    char buf[64];
    fs_format_real(v, decimals, lang, buf, sizeof buf);
    CHECK_STR(buf, want);
}

int main(void)
{
    check_int(0, FS_LANG_VI, "0");
    check_int(999, FS_LANG_VI, "999");
    check_int(1000, FS_LANG_VI, "1.000");
    check_int(28777335, FS_LANG_VI, "28.777.335");
    check_int(28777335, FS_LANG_EN, "28,777,335");
    check_int(-1234567, FS_LANG_VI, "-1.234.567");
    check_int(INT64_MIN, FS_LANG_EN, "-9,223,372,036,854,775,808");
    check_real(0.99, 2, FS_LANG_VI, "0,99");
    check_real(0.99, 2, FS_LANG_EN, "0.99");
    check_real(1234.5, 1, FS_LANG_VI, "1.234,5");
    check_real(1234.5, 1, FS_LANG_EN, "1,234.5");
    check_real(99.18876, 3, FS_LANG_VI, "99,189");
    check_real(-0.0001, 2, FS_LANG_EN, "0.00");
    check_real(-2.5, 0, FS_LANG_EN, "-2");
    check_real(7, 0, FS_LANG_VI, "7");
    check_real(NAN, 2, FS_LANG_VI, "\u2013");
    check_real(INFINITY, 2, FS_LANG_EN, "\u2013");
    return check_report("money_text");
}
