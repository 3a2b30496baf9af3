/*
 * money_text.c: money as text for people (see money_text.h).
 */
#include "money_text.h"

#include <stdio.h>

void fs_format_money(int64_t v, char *buf, size_t size)
{
    char digits[32];
    unsigned long long a = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    int n = snprintf(digits, sizeof digits, "%llu", a);
    char out[48];
    size_t k = 0;
    if (v < 0) out[k++] = '-';
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0) out[k++] = ',';
        out[k++] = digits[i];
    }
    out[k] = '\0';
    snprintf(buf, size, "%s", out);
}
