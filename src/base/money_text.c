/*
 * money_text.c: numbers and dates as text for people (see money_text.h).
 */
#include "money_text.h"

#include "calendar.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fs_group_digits(unsigned long long a, char sep, char out[FS_GROUPED_MAX])
{
    char digits[32];
    int n = snprintf(digits, sizeof digits, "%llu", a);
    size_t k = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0) out[k++] = sep;
        out[k++] = digits[i];
    }
    out[k] = '\0';
}

void fs_format_money(int64_t v, char *buf, size_t size)
{
    fs_format_int(v, FS_LANG_EN, buf, size);
}

void fs_format_int(int64_t v, fs_lang lang, char *buf, size_t size)
{
    char grouped[48];
    fs_group_digits(v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v, lang == FS_LANG_VI ? '.' : ',',
                 grouped);
    snprintf(buf, size, "%s%s", v < 0 ? "-" : "", grouped);
}

void fs_format_real(double v, int decimals, fs_lang lang, char *buf, size_t size)
{
    if (!isfinite(v) || fabs(v) >= 1e18) {
        snprintf(buf, size, "\u2013");
        return;
    }
    decimals = decimals < 0 ? 0 : decimals > 9 ? 9 : decimals;
    char text[64];
    snprintf(text, sizeof text, "%.*f", decimals, v);
    bool negative = text[0] == '-';
    char *digits = text + negative, *point = strchr(digits, '.');
    if (point) *point++ = '\0';
    if (negative && strspn(digits, "0") == strlen(digits) && (!point || strspn(point, "0") == strlen(point)))
        negative = false; /* -0.00 is 0.00 */
    char grouped[48];
    fs_group_digits(strtoull(digits, NULL, 10), lang == FS_LANG_VI ? '.' : ',', grouped);
    snprintf(buf, size, "%s%s%s%s", negative ? "-" : "", grouped, point ? (lang == FS_LANG_VI ? "," : ".") : "",
             point ? point : "");
}

const char *fs_money_unit_text(const char *unit, fs_lang lang)
{
    return lang == FS_LANG_VI && !strcmp(unit, "million VND") ? "triệu đồng" : unit;
}

static const char *const month_abbrev[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

void fs_format_month_day(int month, int day, fs_lang lang, char buf[FS_DATE_TEXT_MAX])
{
    month = month < 1 ? 1 : month > 12 ? 12 : month;
    if (lang == FS_LANG_VI) snprintf(buf, FS_DATE_TEXT_MAX, "%02d/%02d", day % 100, month);
    else snprintf(buf, FS_DATE_TEXT_MAX, "%d %s", day % 100, month_abbrev[month - 1]);
}

void fs_format_day_month(int32_t day, fs_lang lang, char buf[FS_DATE_TEXT_MAX])
{
    int y, m, d;
    fs_civil_from_days(day, &y, &m, &d);
    fs_format_month_day(m, d, lang, buf);
}

void fs_format_date(int32_t day, fs_lang lang, char buf[FS_DATE_TEXT_MAX])
{
    int y, m, d;
    fs_civil_from_days(day, &y, &m, &d);
    if (lang == FS_LANG_VI) snprintf(buf, FS_DATE_TEXT_MAX, "%02d/%02d/%04d", d, m, y % 10000);
    else snprintf(buf, FS_DATE_TEXT_MAX, "%d %s %04d", d, month_abbrev[m - 1], y % 10000);
}

void fs_format_month(int32_t day, fs_lang lang, char buf[FS_DATE_TEXT_MAX])
{
    int y, m, d;
    fs_civil_from_days(day, &y, &m, &d);
    if (lang == FS_LANG_VI) snprintf(buf, FS_DATE_TEXT_MAX, "%02d/%04d", m, y % 10000);
    else snprintf(buf, FS_DATE_TEXT_MAX, "%s %04d", month_abbrev[m - 1], y % 10000);
}
