/*
 * money_text.h: money as text for people, in the reports printed on the terminal.
 */
#ifndef FISCALSIM_MONEY_TEXT_H
#define FISCALSIM_MONEY_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Writes v with comma digit grouping ("28,777,335", "-1,000") into buf (truncated to
 * size, always terminated). */
void fs_format_money(int64_t v, char *buf, size_t size);

#endif
