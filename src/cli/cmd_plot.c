/*
 * cmd_plot.c: `fiscalsim plot DIR`: redraw the charts from a run's tables, no solve.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int cmd_plot(int argc, char **argv)
{
    fs_chart_options opt = {.png = true, .pdf = true, .lang = FS_LANG_VI};
    const char *dir = NULL;
    for (int i = 0; i < argc; i++) {
        int used = cli_chart_option(argc, argv, &i, &opt);
        if (used < 0 || used > 1) return used;
        if (used == 1) continue;
        if (argv[i][0] == '-') return cli_usage_error("unknown option \"%s\"", argv[i]);
        if (dir) return cli_usage_error("plot takes one folder");
        dir = argv[i];
    }
    if (!dir) return cli_usage_error("plot needs the folder of a run");
    fs_diag diag = {0};
    fs_chart_data *data = NULL;
    fs_output_set *set = NULL;
    fs_status st = fs_output_set_open(dir, &set, &diag);
    if (st == FS_OK) st = fs_chart_data_read(dir, &data, &diag);
    fs_chart_place place = {dir, set ? fs_output_set_stage(set) : NULL, dir};
    if (st == FS_OK) st = fs_chart_draw(data, &opt, &place, &diag);
    st = fs_output_set_end(set, st, false, &diag);
    if (st == FS_OK) printf("charts drawn in %s\n", dir);
    else cli_print_diag(&diag);
    fs_chart_data_free(data);
    fs_diag_clear(&diag);
    return st;
}
