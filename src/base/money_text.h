/*
 * money_text.h: numbers and dates as text for people, in the reports printed on the
 * terminal, the charts and the workbooks: Vietnamese groups digits with dots and writes
 * decimals with a comma (1.234.567 and 0,99) and dates day first (31/01/2027), English
 * the other way round (1,234,567 and 0.99) with the month's short name (31 Jan 2027).
 * Tables and JSON stay in the C locale with ISO dates.
 */
#ifndef FISCALSIM_MONEY_TEXT_H
#define FISCALSIM_MONEY_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "lang.h"

/* The longest text of fs_group_digits, with the terminator: 20 digits, 6 separators. */
enum { FS_GROUPED_MAX = 32 };

/* The decimal digits of a (no sign) in groups of three separated by `sep` ("1.234.567"). */
void fs_group_digits(unsigned long long a, char sep, char out[FS_GROUPED_MAX]);

/* Writes v with comma digit grouping ("28,777,335", "-1,000") into buf (truncated to
 * size, always terminated). */
void fs_format_money(int64_t v, char *buf, size_t size);

/* The money unit as people read it in lang: "triệu đồng" for "million VND" in
 * Vietnamese; any other unit as the scenario names it. */
const char *fs_money_unit_text(const char *unit, fs_lang lang);

/* v with the digits grouped as lang writes them ("1.234.567" in vi, "1,234,567" in en). */
void fs_format_int(int64_t v, fs_lang lang, char *buf, size_t size);

/* v with `decimals` decimals (0 to 9) and its integer part grouped, as lang writes it
 * ("0,99" and "1.234,5" in vi; "0.99" and "1,234.5" in en). NAN and the infinities are
 * written "–". */
void fs_format_real(double v, int decimals, fs_lang lang, char *buf, size_t size);

/* The longest text of fs_format_date, fs_format_month and fs_format_day_month, with
 * the terminator. */
enum { FS_DATE_TEXT_MAX = 16 };

/* A day number (calendar.h) as lang writes a date: "31/01/2027" in vi, "31 Jan 2027"
 * in en. */
void fs_format_date(int32_t day, fs_lang lang, char buf[FS_DATE_TEXT_MAX]);

/* The month of a day number: "01/2027" in vi, "Jan 2027" in en. */
void fs_format_month(int32_t day, fs_lang lang, char buf[FS_DATE_TEXT_MAX]);

/* The day and month of a day number, without the year: "31/01" in vi, "31 Jan" in en. */
void fs_format_day_month(int32_t day, fs_lang lang, char buf[FS_DATE_TEXT_MAX]);

/* A month (1..12) and day without a year, as fs_format_day_month writes it. */
void fs_format_month_day(int month, int day, fs_lang lang, char buf[FS_DATE_TEXT_MAX]);

#endif
