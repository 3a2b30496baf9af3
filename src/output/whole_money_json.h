/*
 * whole_money_json.h (private): the whole-money stage's report as JSON, for
 * summary.json and each year of a multi-year run.
 */
#ifndef FISCALSIM_WHOLE_MONEY_JSON_H
#define FISCALSIM_WHOLE_MONEY_JSON_H

#include "json.h"

#include "model.h"
#include "result.h"

/* {"coverage_level": z or null, "gaps": [{requirement, unit, required, allocation,
 * shortfall}, ...]}: the level held and the requirements no whole-money allocation
 * could meet (docs/model.md, "Money"). A new reference. */
js_node *whole_money_json(const fs_model *m, const fs_result *r);

#endif
