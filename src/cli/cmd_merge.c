/*
 * cmd_merge.c: `fiscalsim merge SCENARIO SHARD... [-o DIR]`: gather the shards of a
 * sweep (`sweep --shard K/N`) into the outputs a single sweep would have written, to
 * the byte: the design is rebuilt from the scenario and every variant must come from
 * exactly the shards given. The charts are drawn as `sweep` draws them (--charts, --lang).
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "scenario.h"
#include "sweep.h"
#include "sweep_output.h"
#include "sweep_journal.h"

int cmd_merge(int argc, char **argv)
{
    const char *path = NULL, *dir = "out/sweep";
    const char *shards[256];
    size_t shard_count = 0;
    cli_charts charts = {FS_CHARTS_PNG | FS_CHARTS_PDF, "vi"};
    for (int i = 0; i < argc; i++) {
        int used = cli_chart_option(argc, argv, &i, &charts);
        if (used < 0 || used > 1) return used;
        if (used == 1) continue;
        if (!strcmp(argv[i], "-o") || !strcmp(argv[i], "--output")) {
            if (i + 1 >= argc || !argv[i + 1][0]) return cli_usage_error("%s needs a folder", argv[i]);
            dir = argv[++i];
        } else if (argv[i][0] == '-') {
            return cli_usage_error("unknown option \"%s\"", argv[i]);
        } else if (!path) {
            path = argv[i];
        } else if (shard_count < sizeof shards / sizeof *shards) {
            shards[shard_count++] = argv[i];
        } else {
            return cli_usage_error("merge takes at most 256 shard files");
        }
    }
    if (!path || shard_count == 0) return cli_usage_error("merge takes the scenario and its shard files");
    fs_diag diag = {0};
    fs_model *m = NULL;
    fs_sweep_result *r = NULL;
    fs_status st = fs_scenario_load(path, &m, &diag);
    if (st == FS_OK && !m->sweep)
        st = fs_diag_add(&diag, FS_EINPUT, path, 0, "sweep", "the scenario has no sweep section");
    if (st == FS_OK && !(r = fs_sweep_result_new(m, &diag))) st = fs_diag_status(&diag);
    size_t got = 0;
    journal_expect e = {m ? m->fingerprint : 0, r ? r->variant_count : 0, m && m->sweep ? m->sweep->date_count : 0};
    for (size_t k = 0; st == FS_OK && k < shard_count; k++)
        st = journal_read(shards[k], &e, r->rows, &got, "", &diag);
    if (st == FS_OK && got != r->variant_count) {
        size_t first = 0;
        while (first < r->variant_count && r->rows[first].done) first++;
        st = fs_diag_add(&diag, FS_EINPUT, path, 0, "sweep", "the shards hold %zu of the %zu variants (variant %zu is missing)",
                         got, r->variant_count, first + 1);
    }
    if (st == FS_OK) {
        fs_sweep_count(r);
        fs_sweep_explain_failures(m, r);
    }
    fs_output_set *set = NULL;
    if (st == FS_OK) st = fs_output_set_begin(dir, &set, &diag);
    if (st == FS_OK) st = fs_sweep_write(m, r, dir, set, false, &diag);
    fs_chart_place place = {set ? fs_output_set_stage(set) : NULL, set ? fs_output_set_stage(set) : NULL, dir};
    fs_chart_options chart_options = cli_chart_internal(&charts);
    if (st == FS_OK && charts.formats) st = fs_sweep_draw(&place, m->money_unit, &chart_options, &diag);
    bool staged = set != NULL;
    st = fs_output_set_end(set, st, false, &diag);
    if (st == FS_OK) cli_print_sweep_failures(r);
    if (st == FS_OK)
        printf("%s: %zu shards merged, %zu variants, %zu solved, %zu infeasible, %zu failed, outputs in %s\n", m->name,
               shard_count, r->variant_count, r->solved, r->infeasible, r->failed, dir);
    else {
        cli_print_diag(&diag);
        if (staged) cli_print_unchanged(dir);
    }
    fs_sweep_result_free(r);
    fs_model_free(m);
    fs_diag_clear(&diag);
    return st;
}
