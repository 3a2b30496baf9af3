/*
 * scenario_period.h (private): reading the `period` section of a scenario.
 */
#ifndef FISCALSIM_SCENARIO_PERIOD_H
#define FISCALSIM_SCENARIO_PERIOD_H

#include "model.h"
#include "scenario_read.h"

/* Reads root's `period` group, when present, into m->period; the sources and the
 * policy must already be read. Errors go to r->diag, located at their keys. */
void scenario_read_period(reader *r, const cfg_node *root, fs_model *m);

#endif
