/*
 * scenario_observed.h (private): reading `disbursement.observed`, a list of dated
 * points or the name of a CSV table of them (docs/scenario-format.md).
 */
#ifndef FISCALSIM_SCENARIO_OBSERVED_H
#define FISCALSIM_SCENARIO_OBSERVED_H

#include "disburse_spec.h"
#include "model.h"
#include "scenario_read.h"

/* Reads the `observed` member of the disbursement group g into d (d->plans must be
 * read already: an amount needs its plan), with d->series; then, when every point
 * reads cleanly, reports contradicting points. A table's hash joins m's fingerprint.
 * Errors go to r->diag with the file and line of the point (a scenario file or the
 * table). */
void scenario_read_observed(reader *r, const cfg_node *g, fs_disburse_spec *d, fs_model *m);

#endif
