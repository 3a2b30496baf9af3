/*
 * calendar_tet.c: the first day of Tết (Vietnamese lunar new year), 1970 to 2100 (see
 * calendar.h). Written by scripts/gen_tet_table.py, which computes the dates with the
 * Vietnamese lunar calendar's astronomical rules at UTC+7 and checks them against
 * published calendars; do not edit by hand.
 */
#include "calendar.h"

/* Month * 100 + day of each year's first day of Tết, from FS_TET_FIRST_YEAR. */
static const short tet_month_day[FS_TET_LAST_YEAR - FS_TET_FIRST_YEAR + 1] = {
    206, 127, 215, 203, 123, 211, 131, 218, 207, 128, /* 1970..1979 */
    216, 205, 125, 213, 202, 121, 209, 129, 217, 206, /* 1980..1989 */
    127, 215, 204, 123, 210, 131, 219, 207, 128, 216, /* 1990..1999 */
    205, 124, 212, 201, 122, 209, 129, 217, 207, 126, /* 2000..2009 */
    214, 203, 123, 210, 131, 219, 208, 128, 216, 205, /* 2010..2019 */
    125, 212, 201, 122, 210, 129, 217, 206, 126, 213, /* 2020..2029 */
    202, 123, 211, 131, 219, 208, 128, 215, 204, 124, /* 2030..2039 */
    212, 201, 122, 210, 130, 217, 206, 126, 214, 202, /* 2040..2049 */
    123, 211, 201, 218, 208, 128, 215, 204, 124, 212, /* 2050..2059 */
    202, 121, 209, 129, 217, 205, 126, 214, 203, 123, /* 2060..2069 */
    211, 131, 219, 207, 127, 215, 205, 124, 212, 202, /* 2070..2079 */
    122, 209, 129, 217, 206, 126, 214, 203, 124, 210, /* 2080..2089 */
    130, 218, 207, 127, 215, 205, 125, 212, 201, 121, /* 2090..2099 */
    209, /* 2100..2100 */
};

int32_t fs_tet_date(int year)
{
    if (year < FS_TET_FIRST_YEAR || year > FS_TET_LAST_YEAR) return -1;
    int md = tet_month_day[year - FS_TET_FIRST_YEAR];
    return fs_days_from_civil(year, md / 100, md % 100);
}
