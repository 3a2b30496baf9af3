/*
 * fuzz_file.h: the fuzzers' one way of handing an input to loaders that read files:
 * written whole to a file (in /dev/shm, named per process).
 */
#ifndef FISCALSIM_FUZZ_FILE_H
#define FISCALSIM_FUZZ_FILE_H

#include <stdio.h>

/* Writes the `len` bytes of `data` to path. Returns 0, or -1. */
static inline int write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f) return -1;
    size_t put = fwrite(data, 1, len, f);
    return fclose(f) == 0 && put == len ? 0 : -1;
}

#endif
