/*
 * test_money_text.c: numbers as people read them, in each language (money_text.h):
 * digit groups, decimal marks, signs, rounding, and what cannot be a number.
 */
#include <math.h>

#include "check.h"
#include "calendar.h"
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

static void check_date(int y, int m, int d, fs_lang lang, const char *date, const char *month, const char *day_month)
{
    char buf[FS_DATE_TEXT_MAX];
    int32_t day = fs_days_from_civil(y, m, d);
    fs_format_date(day, lang, buf);
    CHECK_STR(buf, date);
    fs_format_month(day, lang, buf);
    CHECK_STR(buf, month);
    fs_format_day_month(day, lang, buf);
    CHECK_STR(buf, day_month);
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
    check_date(2027, 1, 31, FS_LANG_VI, "31/01/2027", "01/2027", "31/01");
    check_date(2027, 1, 31, FS_LANG_EN, "31 Jan 2027", "Jan 2027", "31 Jan");
    check_date(2026, 12, 5, FS_LANG_VI, "05/12/2026", "12/2026", "05/12");
    check_date(2026, 12, 5, FS_LANG_EN, "5 Dec 2026", "Dec 2026", "5 Dec");
    check_date(2028, 2, 29, FS_LANG_EN, "29 Feb 2028", "Feb 2028", "29 Feb");
    return check_report("money_text");
}
