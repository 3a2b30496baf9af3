/*
 * number.c: strict number parsing, independent of the process locale (libconfig
 * resets it, and a comma locale would change strtod). Hand-written grammar, then
 * strtod on a validated string that contains only [-+0-9.eE].
 */
#include "fiscalsim/number.h"

#include <ctype.h>
#include <errno.h>
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
    if (*p == '+' || *p == '-') p++;
    if (!isdigit((unsigned char)*p)) goto bad;
    while (isdigit((unsigned char)*p)) p++;
    if (*p != '\0') goto bad;
    errno = 0;
    long long v = strtoll(text, NULL, 10);
    if (errno == ERANGE) {
        snprintf(why, why_size, "integer out of range, got \"%s\"", text);
        return -1;
    }
    *out = (int64_t)v;
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
    int digits = 0;
    if (*p == '+' || *p == '-') p++;
    while (isdigit((unsigned char)*p)) p++, digits++;
    if (*p == '.') {
        p++;
        while (isdigit((unsigned char)*p)) p++, digits++;
    }
    if (digits && (*p == 'e' || *p == 'E')) {
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
    double v = strtod(text, NULL);
    if (!isfinite(v)) {
        snprintf(why, why_size, "number out of range, got \"%s\"", text);
        return -1;
    }
    *out = v;
    return 0;
}
