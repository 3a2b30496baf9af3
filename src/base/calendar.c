/*
 * calendar.c: civil dates as day numbers (see calendar.h). The conversions are
 * Howard Hinnant's days_from_civil / civil_from_days, exact for every Gregorian date.
 */
#include "calendar.h"

#include <string.h>

#include "decimal_format.h"

int32_t fs_days_from_civil(int year, int month, int day)
{
    int y = year - (month <= 2);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468);
}

void fs_civil_from_days(int32_t days, int *year, int *month, int *day)
{
    int32_t z = days + 719468;
    int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    int32_t doe = z - era * 146097;
    int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int32_t mp = (5 * doy + 2) / 153;
    *day = (int)(doy - (153 * mp + 2) / 5 + 1);
    *month = (int)(mp < 10 ? mp + 3 : mp - 9);
    *year = (int)(yoe + era * 400 + (*month <= 2));
}

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int fs_date_parse(const char *text, int32_t *days)
{
    if (strlen(text) != 10 || text[4] != '-' || text[7] != '-') return -1;
    int y = digits(text, 4), m = digits(text + 5, 2), d = digits(text + 8, 2);
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return -1;
    int32_t n = fs_days_from_civil(y, m, d);
    int yy, mm, dd;
    fs_civil_from_days(n, &yy, &mm, &dd);
    if (yy != y || mm != m || dd != d) return -1; /* 2026-02-30 and the like */
    *days = n;
    return 0;
}

void fs_date_format(int32_t days, char buf[11])
{
    int y, m, d;
    fs_civil_from_days(days, &y, &m, &d);
    decimal_padded((unsigned)y % 10000u, 4, buf);
    buf[4] = '-';
    decimal_padded((unsigned)m % 100u, 2, buf + 5);
    buf[7] = '-';
    decimal_padded((unsigned)d % 100u, 2, buf + 8);
    buf[10] = '\0';
}

void fs_month_format(int32_t days, char buf[8])
{
    int y, m, d;
    fs_civil_from_days(days, &y, &m, &d);
    decimal_padded((unsigned)y % 10000u, 4, buf);
    buf[4] = '-';
    decimal_padded((unsigned)m % 100u, 2, buf + 5);
    buf[7] = '\0';
}

int32_t fs_month_end(int32_t days)
{
    int y, m, d;
    fs_civil_from_days(days, &y, &m, &d);
    return (m == 12 ? fs_days_from_civil(y + 1, 1, 1) : fs_days_from_civil(y, m + 1, 1)) - 1;
}

int32_t fs_date_shift_years(int32_t days, int years)
{
    int y, m, d;
    fs_civil_from_days(days, &y, &m, &d);
    int32_t first = fs_days_from_civil(y + years, m, 1), last = fs_month_end(first);
    return first + d - 1 <= last ? first + d - 1 : last;
}
