/*
 * scenario_disburse.h (private): reading the `disbursement` section of a scenario.
 */
#ifndef FISCALSIM_SCENARIO_DISBURSE_H
#define FISCALSIM_SCENARIO_DISBURSE_H

#include "model.h"
#include "scenario_read.h"

/* Reads root's `disbursement` group, when present, into m->disburse; the norms and
 * the year must already be read. Errors go to r->diag, located at their keys. */
void scenario_read_disbursement(reader *r, const cfg_node *root, fs_model *m);

#endif
