/*
 * explain.h: one unit's figures, explained in words an officer can check by hand.
 */
#ifndef FISCALSIM_EXPLAIN_H
#define FISCALSIM_EXPLAIN_H

#include <stdio.h>

#include "lang.h"
#include "model.h"
#include "money_text.h"
#include "result.h"

/* Writes the explanation of unit `u` in lang: its need by component, its revenue by
 * source (collected, share, commune part), its transfers and allocation against last
 * year, its coverage with the lowest of all units and its rank among units of its kind,
 * and each limit that binds for it in one sentence. Numbers as lang writes them. */
void fs_explain_unit(const fs_model *model, const fs_result *result, size_t u, fs_lang lang, FILE *out);

/* The same as a JSON document (numbers in the C locale, shares 0..1; each binding
 * limit with its row, bound, shadow price and the sentence in lang) into out. Returns 0,
 * or -1 when memory runs out. */
int fs_explain_unit_json(const fs_model *model, const fs_result *result, size_t u, fs_lang lang, FILE *out);

#endif
