/*
 * explain.h: one unit's figures, explained in words an officer can check by hand.
 */
#ifndef FISCALSIM_EXPLAIN_H
#define FISCALSIM_EXPLAIN_H

#include <stdio.h>

#include "model.h"
#include "money_text.h"
#include "result.h"

/* Writes the explanation of unit `u`: its need by component, its revenue by source
 * (collected, share, commune part), its transfers and allocation, and the requirements
 * that bind for it (with their shadow prices). Amounts use digit grouping. */
void fs_explain_unit(const fs_model *model, const fs_result *result, size_t u, FILE *out);

#endif
