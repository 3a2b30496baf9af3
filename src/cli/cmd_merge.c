/*
 * cmd_merge.c: `fiscalsim merge SCENARIO SHARD... [-o DIR]`: gather the shards of a
 * sweep (`sweep --shard K/N`) into the outputs a single sweep would have written, to
 * the byte: the design is rebuilt from the scenario and every variant must come from
 * exactly the shards given. The charts are drawn as `sweep` draws them (--charts, --lang).
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int cmd_merge(int argc, char **argv)
{
    const char *path = NULL, *dir = "out/sweep";
    const char *shards[256];
    size_t shard_count = 0;
    cli_charts charts = {FS_CHARTS_PNG | FS_CHARTS_PDF, "vi", NULL};
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
    fs_run *run = cli_run_new();
    if (!run) return FS_EINTERNAL;
    fs_status st = fs_run_set_outputs(run, FS_TABLES_CSV, charts.formats, charts.lang);
    if (st == FS_OK) st = fs_run_set_plots(run, charts.plots);
    if (st == FS_OK) st = fs_run_load_file(run, path);
    if (st == FS_OK) st = fs_run_merge_shards(run, shards, shard_count);
    if (st == FS_OK) st = fs_run_write_sweep(run, dir, NULL);
    if (st == FS_OK) {
        fs_run_report_sweep(run, dir, stdout, stderr);
    } else {
        cli_print_diagnostics(fs_run_diagnostics(run));
        if (fs_run_output_kept(run)) cli_print_unchanged(dir);
    }
    fs_run_free(run);
    return st;
}
