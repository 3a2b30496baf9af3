/*
 * cmd_check.c: `fiscalsim check SCENARIO`: load and validate, report all errors.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "scenario.h"

/* A reform: its chain of baselines and every key it changes, with where each value
 * comes from. */
static void print_overlay(const fs_model *m)
{
    if (m->file_count < 2) return;
    printf("%s builds on", m->files[0]);
    for (size_t k = 1; k < m->file_count; k++) printf("%s %s", k > 1 ? ", which builds on" : "", m->files[k]);
    printf(" and changes %zu key%s:\n", m->change_count, m->change_count == 1 ? "" : "s");
    for (size_t k = 0; k < m->change_count; k++) {
        const fs_overlay_change *c = &m->changes[k];
        printf("  %s = %s (%s:%d", c->key, c->value, c->file, c->line);
        if (c->base_file) printf("; was %s at %s:%d)\n", c->base_value, c->base_file, c->base_line);
        else printf("; new)\n");
    }
    printf("every other value is the baseline's\n");
}

int cmd_check(int argc, char **argv)
{
    if (argc != 1) return cli_usage_error("check takes one scenario file");
    fs_diag diag = {0};
    fs_model *m = NULL;
    fs_status st = fs_scenario_load(argv[0], &m, &diag);
    if (st != FS_OK) {
        cli_print_diag(&diag);
        fprintf(stderr, "fiscalsim: %zu error%s in %s\n", diag.count, diag.count == 1 ? "" : "s", argv[0]);
        fs_diag_clear(&diag);
        return st;
    }
    int64_t need = 0;
    for (size_t u = 0; u < m->unit_count; u++) need += m->need[u];
    printf("%s: ok: \"%s\", %zu units, %zu sources, %zu need components, total need %lld %s\n", argv[0], m->name,
           m->unit_count, m->source_count, m->norm_count, (long long)need, m->money_unit);
    print_overlay(m);
    fs_model_free(m);
    fs_diag_clear(&diag);
    return FS_OK;
}
