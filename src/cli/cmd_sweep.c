/*
 * cmd_sweep.c: `fiscalsim sweep SCENARIO [-o DIR] [--jobs N]`: run every variant of the
 * scenario's sweep section and write the results and sensitivities.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "fiscalsim/scenario.h"
#include "fiscalsim/sweep.h"
#include "fiscalsim/sweep_output.h"

typedef struct bar {
    struct timespec start;
} bar;

static double seconds_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* A progress bar with the rate and the time left, on a terminal only. */
static void show_progress(size_t done, size_t total, void *ctx)
{
    double s = seconds_since(&((bar *)ctx)->start), rate = s > 0 ? (double)done / s : 0;
    int width = 30, filled = total ? (int)((double)width * (double)done / (double)total) : width;
    fprintf(stderr, "\r[%.*s%*s] %zu/%zu variants, %.0f/s, %.0f s left ", filled,
            "##############################", width - filled, "", done, total, rate,
            rate > 0 ? (double)(total - done) / rate : 0.0);
    if (done == total) fputc('\n', stderr);
}

int cmd_sweep(int argc, char **argv)
{
    const char *path = NULL, *dir = "out/sweep";
    long jobs = sysconf(_SC_NPROCESSORS_ONLN);
    bool sync = false;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "-o") || !strcmp(argv[i], "--output")) {
            if (i + 1 >= argc || !argv[i + 1][0]) return cli_usage_error("%s needs a folder", argv[i]);
            dir = argv[++i];
        } else if (!strcmp(argv[i], "--jobs")) {
            char *end = NULL;
            jobs = i + 1 < argc ? strtol(argv[++i], &end, 10) : 0;
            if (!end || *end || jobs < 1 || jobs > 1024) return cli_usage_error("--jobs takes a number from 1 to 1024");
        } else if (!strcmp(argv[i], "--sync")) {
            sync = true;
        } else if (argv[i][0] == '-') {
            return cli_usage_error("unknown option \"%s\"", argv[i]);
        } else if (!path) {
            path = argv[i];
        } else {
            return cli_usage_error("sweep takes one scenario file");
        }
    }
    if (!path) return cli_usage_error("sweep needs a scenario file with a sweep section");
    fs_diag diag = {0};
    fs_model *m = NULL;
    fs_sweep_result *r = NULL;
    fs_status st = fs_scenario_load(path, &m, &diag);
    if (st == FS_OK && !m->sweep)
        st = fs_diag_add(&diag, FS_EINPUT, path, 0, "sweep", "the scenario has no sweep section");
    bar b;
    clock_gettime(CLOCK_MONOTONIC, &b.start);
    if (st == FS_OK) st = fs_sweep_run(m, (int)jobs, isatty(STDERR_FILENO) ? show_progress : NULL, &b, &r, &diag);
    if (st == FS_OK) st = cli_make_dirs(dir, &diag);
    if (st == FS_OK) st = fs_sweep_write(m, r, dir, sync, &diag);
    if (st == FS_OK)
        printf("%s: %zu variants, %zu solved, %zu infeasible, outputs in %s\n", m->name, r->variant_count, r->solved,
               r->infeasible, dir);
    else
        cli_print_diag(&diag);
    fs_sweep_result_free(r);
    fs_model_free(m);
    fs_diag_clear(&diag);
    return st;
}
