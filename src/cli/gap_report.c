/*
 * gap_report.c: the warnings for requirements no whole-money allocation can meet.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

enum { GAPS_SHOWN = 10 };

void cli_print_money_gaps(const fs_model *m, const fs_result *r)
{
    if (r->gap_count == 0) return;
    fprintf(stderr, "fiscalsim: warning: %zu requirement%s cannot be met in whole money (the real solution meets "
                    "%s); summary.json lists them under whole_money.gaps:\n",
            r->gap_count, r->gap_count == 1 ? "" : "s", r->gap_count == 1 ? "it" : "them");
    for (size_t k = 0; k < r->gap_count && k < GAPS_SHOWN; k++) {
        const fs_money_gap *g = &r->gaps[k];
        const char *how = strcmp(g->requirement, "cap") == 0 ? "over" : "short by";
        fprintf(stderr, "  %s: %s %.3f, allocation %lld (%s %lld %s)\n", m->units[g->unit].name, g->requirement,
                g->required, (long long)g->allocation, how, (long long)g->shortfall, m->money_unit);
    }
    if (r->gap_count > GAPS_SHOWN) fprintf(stderr, "  ... and %zu more\n", r->gap_count - GAPS_SHOWN);
}
