/*
 * calendar.h: civil dates as day numbers, for daily simulation.
 *
 * A day number counts days since 1970-01-01 in the proleptic Gregorian calendar, so
 * that date arithmetic is integer arithmetic. Dates in scenario files and tables are
 * ISO 8601 (YYYY-MM-DD).
 */
#ifndef FISCALSIM_CALENDAR_H
#define FISCALSIM_CALENDAR_H

#include <stdint.h>

/* Day number of year-month-day (month 1..12, day 1..31); no range checks. */
int32_t fs_days_from_civil(int year, int month, int day);

/* Year, month (1..12) and day (1..31) of a day number. */
void fs_civil_from_days(int32_t days, int *year, int *month, int *day);

/* Parses exactly "YYYY-MM-DD" (a real calendar date, year 1900..2200) into *days.
 * Returns 0, or -1 when the text is not such a date. */
int fs_date_parse(const char *text, int32_t *days);

/* Writes "YYYY-MM-DD" (11 bytes with the terminator) or "YYYY-MM" (8 bytes) into buf. */
void fs_date_format(int32_t days, char buf[11]);
void fs_month_format(int32_t days, char buf[8]);

/* Day number of the last day of the month that contains `days`. */
int32_t fs_month_end(int32_t days);

/* The same month and day `years` later (earlier when negative); 29 February becomes
 * 28 February in a common year. */
int32_t fs_date_shift_years(int32_t days, int years);

/* The years the built-in table of Tết dates covers. */
#define FS_TET_FIRST_YEAR 1970
#define FS_TET_LAST_YEAR 2100

/* Day number of the first day of Tết (Vietnamese lunar new year) in `year`, from the
 * built-in table (scripts/gen_tet_table.py), or -1 outside FS_TET_FIRST_YEAR..
 * FS_TET_LAST_YEAR. */
int32_t fs_tet_date(int year);

#endif
