/*
 * money_text.h: numbers as text for people, in the reports printed on the terminal:
 * Vietnamese groups digits with dots and writes decimals with a comma (1.234.567 and
 * 0,99), English the other way round (1,234,567 and 0.99). Tables and JSON stay in the C
 * locale.
 */
#ifndef FISCALSIM_MONEY_TEXT_H
#define FISCALSIM_MONEY_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "lang.h"

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

#endif
