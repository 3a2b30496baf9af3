/*
 * scenario_sweep.h (private): reading the `sweep` section of a scenario.
 */
#ifndef FISCALSIM_SCENARIO_SWEEP_H
#define FISCALSIM_SCENARIO_SWEEP_H

#include "model.h"
#include "scenario_read.h"

/* Reads root's `sweep` group, when present, into m->sweep; sources, norms, city and
 * policy must already be read. Errors go to r->diag, located at their keys. */
void scenario_read_sweep(reader *r, const cfg_node *root, fs_model *m);

#endif
