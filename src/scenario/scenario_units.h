/*
 * scenario_units.h (private): reading the units of a scenario.
 */
#ifndef FISCALSIM_SCENARIO_UNITS_H
#define FISCALSIM_SCENARIO_UNITS_H

#include "model.h"
#include "scenario_read.h"

/* Reads the `units` group (a table or an inline list) into m->units and m->revenue;
 * m->sources must already be read. `dir` is the scenario's folder for relative paths.
 * Returns 0, or -1 when nothing could be read; errors go to r->diag either way. */
int scenario_read_units(reader *r, const cfg_node *units, const char *dir, fs_model *m);

/* The path of a table named in the scenario: absolute as given, else relative to the
 * scenario's folder `dir`. */
void scenario_table_path(const char *dir, const char *table, char *out, size_t size);

#endif
