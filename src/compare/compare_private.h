/*
 * compare_private.h: shared by the files of src/compare only.
 */
#ifndef FISCALSIM_COMPARE_PRIVATE_H
#define FISCALSIM_COMPARE_PRIVATE_H

#include "compare.h"

/* Fills c->shares with the sharing decisions of both scenarios. Returns 0, or -1 when
 * memory runs out. */
int compare_shares(fs_compare *c, const fs_model *base, const fs_result *before, const fs_model *reform,
                   const fs_result *after);

#endif
