/*
 * disburse_spec.c: the plain-data `disbursement` section (see disburse_spec.h).
 */
#include "disburse_spec.h"

#include <stdlib.h>

const char *fs_plan_part_name(fs_plan_part part)
{
    static const char *const names[] = {"whole", "lower", "city"};
    return part < FS_PLAN_PART_COUNT ? names[part] : "?";
}

void fs_disburse_spec_free(fs_disburse_spec *spec)
{
    if (!spec) return;
    free(spec->plans), free(spec->obs), free(spec->added), free(spec->tet), free(spec->series);
    free(spec);
}

const fs_disburse_plan *fs_disburse_plan_of(const fs_disburse_spec *s, int year)
{
    for (size_t k = 0; k < s->plan_count; k++)
        if (s->plans[k].year == year) return &s->plans[k];
    return NULL;
}
