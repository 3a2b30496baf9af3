/*
 * xlsx_words.h: a workbook for people: the titles of sheets and columns in the run's
 * language, words for codes, and which columns are shares. The CSV tables keep their
 * identifiers (they are for programs and are documented by them).
 */
#ifndef FISCALSIM_XLSX_WORDS_H
#define FISCALSIM_XLSX_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "lang.h"

/* The title of sheet `id` ("allocation" → "Phân bổ"), or id when it has none. */
const char *xlsx_sheet_title(const char *id, fs_lang lang);

/* The title of column `id` ("own_revenue" → "Thu ngân sách xã hưởng"), or id. */
const char *xlsx_column_title(const char *id, fs_lang lang);

/* The word for code `code` of column `column` ("kind", "ward" → "Phường", as compare's
 * group labels say it), or code; buf (size bytes) may hold it. */
const char *xlsx_code_word(const char *column, const char *code, fs_lang lang, char *buf, size_t size);

/* The units a sharing rule applies to (shares.csv's applies_to: "all", or "kind ward,
 * class I, regime HP") in lang: Vietnamese words ("Phường, loại I, chế độ HP", "tất cả
 * đơn vị"); English keeps the label. Returns buf (size bytes). */
const char *fs_applies_to_text(const char *applies_to, fs_lang lang, char *buf, size_t size);

/* Whether column `column` holds shares of a whole (shown as percentages). */
bool xlsx_is_percent(const char *column);

/* Whether column `column` holds years (shown without digit groups: 2026, not 2.026). */
bool xlsx_is_year(const char *column);

#endif
