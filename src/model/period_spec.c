/*
 * period_spec.c: the plain-data `period` section (see period_spec.h).
 */
#include "period_spec.h"

#include <stdlib.h>

void fs_period_spec_free(fs_period_spec *spec)
{
    if (!spec) return;
    free(spec->source_growth);
    free(spec);
}
