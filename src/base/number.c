/*
 * number.c: strict number parsing, independent of the process locale (libconfig
 * resets it, and a comma locale would change strtod). Hand-written grammar, then
 * strtod on a validated string that contains only [-+0-9.eE].
 *
 * The grammar pass also computes the value where that is exact and simple: an integer
 * (with an overflow check, instead of strtoll), and a real of at most 15 digits without
 * an exponent (one division, see fs_parse_real); strtod does the rest.
 */
#include "number.h"

#include <ctype.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* True for "1.234" or "12.345.678": a number with dots as digit-group separators. */
static int looks_grouped(const char *text)
{
    const char *p = text;
    int lead = 0;
    while (isdigit((unsigned char)*p)) p++, lead++;
    if (lead < 1 || lead > 3 || *p != '.') return 0;
    while (*p == '.') {
        p++;
        for (int k = 0; k < 3; k++, p++)
            if (!isdigit((unsigned char)*p)) return 0;
    }
    return *p == '\0';
}

static const char *describe_separator(const char *text)
{
    if (looks_grouped(text)) return "; if this is a whole number written with dots between digit groups, write it without them";
    int has_comma = strchr(text, ',') != NULL;
    int has_dot = strchr(text, '.') != NULL;
    if (has_comma && has_dot) return "; digit-group separators are not allowed, write the plain number";
    if (has_comma) return "; a decimal comma is not allowed, use a point";
    if (strchr(text, ' ')) return "; spaces inside numbers are not allowed";
    return "";
}

int fs_parse_int64(const char *text, int64_t *out, char *why, size_t why_size)
{
    const char *p = text;
    int negative = *p == '-';
    if (*p == '+' || *p == '-') p++;
    if (!isdigit((unsigned char)*p)) goto bad;
    /* The magnitude, which may reach 2^63 when negative; it stops growing once it
     * would pass that, and the rest of the text is still checked. */
    uint64_t limit = negative ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX, v = 0;
    int in_range = 1;
    for (; isdigit((unsigned char)*p); p++) {
        unsigned digit = (unsigned)(*p - '0');
        if (v > (limit - digit) / 10) in_range = 0;
        else v = v * 10 + digit;
    }
    if (*p != '\0') goto bad;
    if (!in_range) {
        snprintf(why, why_size, "integer out of range, got \"%s\"", text);
        return -1;
    }
    *out = negative && v ? -(int64_t)(v - 1) - 1 : (int64_t)v;
    return 0;
bad:
    if (*text == '\0')
        snprintf(why, why_size, "expected an integer, got an empty cell");
    else
        snprintf(why, why_size, "expected an integer, got \"%s\"%s", text, describe_separator(text));
    return -1;
}

int fs_parse_real(const char *text, double *out, char *why, size_t why_size)
{
    const char *p = text;
    int digits = 0, decimals = 0, has_exponent = 0;
    uint64_t mantissa = 0; /* the digits without the point; used only when <= 15 */
    if (*p == '+' || *p == '-') p++;
    for (; isdigit((unsigned char)*p); p++, digits++) mantissa = mantissa * 10 + (uint64_t)(*p - '0');
    if (*p == '.') {
        p++;
        for (; isdigit((unsigned char)*p); p++, digits++, decimals++)
            mantissa = mantissa * 10 + (uint64_t)(*p - '0');
    }
    if (digits && (*p == 'e' || *p == 'E')) {
        has_exponent = 1;
        p++;
        if (*p == '+' || *p == '-') p++;
        if (!isdigit((unsigned char)*p)) digits = 0;
        while (isdigit((unsigned char)*p)) p++;
    }
    if (!digits || *p != '\0') {
        if (*text == '\0')
            snprintf(why, why_size, "expected a number, got an empty cell");
        else
            snprintf(why, why_size, "expected a number, got \"%s\"%s", text, describe_separator(text));
        return -1;
    }
    /* Up to 15 digits, the mantissa and 10^decimals are exact doubles, so one correctly
     * rounded division (in double precision: FLT_EVAL_METHOD 0) is strtod's value. */
    static const double powers[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                     1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    double v;
    if (!has_exponent && digits <= 15 && FLT_EVAL_METHOD == 0) {
        v = (double)mantissa;
        v = (*text == '-' ? -v : v) / powers[decimals];
    } else {
        v = strtod(text, NULL);
    }
    if (!isfinite(v)) {
        snprintf(why, why_size, "number out of range, got \"%s\"", text);
        return -1;
    }
    *out = v;
    return 0;
}
