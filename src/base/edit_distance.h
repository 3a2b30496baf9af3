/*
 * edit_distance.h: how far apart two words are, for "did you mean" suggestions.
 */
#ifndef FISCALSIM_EDIT_DISTANCE_H
#define FISCALSIM_EDIT_DISTANCE_H

#include <stddef.h>

/* The Levenshtein distance between a and b, byte by byte (names compared by their
 * loose keys are ASCII); 999 when either is longer than 127 bytes. */
size_t fs_edit_distance(const char *a, const char *b);

#endif
