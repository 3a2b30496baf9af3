/*
 * explain.h: one unit's figures, explained in words an officer can check by hand.
 */
#ifndef FISCALSIM_EXPLAIN_H
#define FISCALSIM_EXPLAIN_H

#include <stdio.h>

#include "disburse.h"
#include "lang.h"
#include "model.h"
#include "money_text.h"
#include "result.h"

/* Writes the explanation of unit `u` in lang: its need by component, its revenue by
 * source (collected, share, commune part), its transfers and allocation against last
 * year, its coverage with the lowest of all units and its rank among units of its kind,
 * each limit that binds for it in one sentence, and, with a disbursement forecast
 * (disburse, else NULL), its investment plan, its forecast completion at the deadline
 * with the band and its risk. Numbers and dates as lang writes them. */
void fs_explain_unit(const fs_model *model, const fs_result *result, const fs_disburse_result *disburse, size_t u,
                     fs_lang lang, FILE *out);

/* The same as a JSON document (numbers in the C locale, shares 0..1, ISO dates; each
 * binding limit with its row, bound, shadow price and the sentence in lang; the
 * disbursement as "disbursement", or null) into out. Returns 0, or -1 when memory runs
 * out. */
int fs_explain_unit_json(const fs_model *model, const fs_result *result, const fs_disburse_result *disburse,
                         size_t u, fs_lang lang, FILE *out);

/* The entity of unit u in a disbursement forecast, or NULL when it has none. */
const fs_disburse_entity *fs_explain_entity(const fs_disburse_result *disburse, size_t u);

#endif
