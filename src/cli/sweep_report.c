/*
 * sweep_report.c: the warnings of a sweep's failed variants, for `sweep` and `merge`.
 */
#include <stdio.h>

#include "cli.h"

void cli_print_sweep_failures(const fs_sweep_result *r)
{
    for (int f = FS_SWEEP_FAIL_NONE + 1; r && f < FS_SWEEP_FAIL_COUNT; f++)
        if (r->failures[f].count > 0)
            fprintf(stderr, "fiscalsim: warning: %zu variant%s failed (%s), the first: %s\n", r->failures[f].count,
                    r->failures[f].count == 1 ? "" : "s", fs_sweep_failure_name((fs_sweep_failure)f),
                    r->failures[f].message);
}
