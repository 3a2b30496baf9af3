/*
 * decimal_format.h (private): the two number formats of every CSV table, and the
 * zero-padded digits of its dates, written without printf.
 *
 * printf's "%.6f" converts through arbitrary precision (about 2,500 instructions a
 * number), and once a library registers a printf type (libquadmath, which OpenBLAS's
 * Fortran runtime brings in, does) every later printf call takes glibc's slow
 * positional path. Output tables hold thousands of numbers, so the table writer formats
 * them here: the same text as the C locale's printf, to the byte.
 */
#ifndef FISCALSIM_DECIMAL_FORMAT_H
#define FISCALSIM_DECIMAL_FORMAT_H

#include <stddef.h>
#include <stdint.h>

enum { DECIMAL_FORMAT_MAX = 352 };  /* room for "%.6f" of any double, with the NUL */

/* Writes v as printf("%.6f", v) does in the C locale (exact binary value rounded to 6
 * decimals, ties to even; "-" for any negative value including -0; "nan", "inf")
 * into out, NUL-terminated. Returns the length. */
size_t decimal_fixed6(double v, char out[DECIMAL_FORMAT_MAX]);

/* Writes v as printf("%lld", v) does into out (at least 21 bytes), NUL-terminated.
 * Returns the length. */
size_t decimal_int64(int64_t v, char out[21]);

/* Writes v (below 10^width) as exactly `width` digits with leading zeros, as
 * printf("%0*llu") does; no NUL. */
void decimal_padded(uint64_t v, int width, char *out);

#endif
