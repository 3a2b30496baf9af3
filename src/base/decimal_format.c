/*
 * decimal_format.c: "%.6f" and "%lld" without printf (see decimal_format.h).
 *
 * A finite double is m·2^e exactly, with m an integer below 2^53, so |v|·10^6 is
 * m·10^6·2^e, and m·10^6 fits in 128 bits: shifting it right by −e and rounding the
 * bits shifted out (ties to even, as glibc does in the default rounding mode) gives
 * |v| in millionths exactly. Below 9·10^12 that count fits 64 bits; larger magnitudes
 * (no money table holds them) and non-finite values go to snprintf.
 */
#include "decimal_format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

__extension__ typedef unsigned __int128 u128;

/* |v| below this is formatted here: |v|·10^6 then fits an unsigned 64-bit integer. */
static const double direct_limit = 9.0e12;

static size_t write_unsigned(uint64_t v, char *out)
{
    char digits[20];
    size_t n = 0;
    do {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (size_t k = 0; k < n; k++) out[k] = digits[n - 1 - k];
    return n;
}

/* |v|·10^6 rounded to an integer, ties to even; |v| < direct_limit. */
static uint64_t millionths(double magnitude)
{
    int exponent;
    double fraction = frexp(magnitude, &exponent);           /* magnitude = fraction·2^exponent */
    uint64_t mantissa = (uint64_t)ldexp(fraction, 53);        /* exact: 53 significant bits */
    int shift = 53 - exponent;                                /* magnitude = mantissa·2^−shift */
    u128 scaled = (u128)mantissa * 1000000u;
    if (shift <= 0) return (uint64_t)(scaled << -shift);
    if (shift >= 128) return 0;                               /* scaled < 2^73 ≤ half of 2^shift */
    u128 whole = scaled >> shift, rest = scaled - (whole << shift), half = (u128)1 << (shift - 1);
    if (rest > half || (rest == half && (whole & 1))) whole++;
    return (uint64_t)whole;
}

size_t decimal_fixed6(double v, char out[DECIMAL_FORMAT_MAX])
{
    if (!isfinite(v) || fabs(v) >= direct_limit) return (size_t)snprintf(out, DECIMAL_FORMAT_MAX, "%.6f", v);
    size_t n = 0;
    if (signbit(v)) out[n++] = '-';
    uint64_t m = millionths(fabs(v));
    n += write_unsigned(m / 1000000, out + n);
    out[n++] = '.';
    decimal_padded(m % 1000000, 6, out + n);
    n += 6;
    out[n] = '\0';
    return n;
}

size_t decimal_int64(int64_t v, char out[21])
{
    size_t n = 0;
    uint64_t magnitude = (uint64_t)v;
    if (v < 0) {
        out[n++] = '-';
        magnitude = 0 - magnitude;
    }
    n += write_unsigned(magnitude, out + n);
    out[n] = '\0';
    return n;
}

void decimal_padded(uint64_t v, int width, char *out)
{
    for (int k = width - 1; k >= 0; k--) {
        out[k] = (char)('0' + v % 10);
        v /= 10;
    }
}
