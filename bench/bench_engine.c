/*
 * bench_engine.c: times each phase of one scenario in-process, many repetitions.
 *
 * usage: bench_engine SCENARIO [REPEATS]
 * Prints the median and maximum of: load (parse + validate + needs), build (LP),
 * solve (GLPK, all stages), round (result), write (tables into a temporary folder).
 * Process start is not included: time the CLI with hyperfine for that.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fiscalsim/engine.h"
#include "fiscalsim/output.h"
#include "fiscalsim/scenario.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_engine SCENARIO [REPEATS]\n");
        return 64;
    }
    int repeats = argc > 2 ? atoi(argv[2]) : 200;
    if (repeats < 1) repeats = 1;
    enum { LOAD, BUILD, SOLVE, ROUND, WRITE, TOTAL, PHASES };
    static const char *const names[] = {"load", "build", "solve", "round", "write", "total"};
    double *t = calloc((size_t)repeats * PHASES, sizeof *t);
    char dir[] = "/tmp/fiscalsim-bench-XXXXXX";
    if (!t || !mkdtemp(dir)) return 70;
    for (int k = 0; k < repeats; k++) {
        fs_diag diag = {0};
        fs_model *m = NULL;
        fs_result *r = NULL;
        double t0 = now_ms();
        if (fs_scenario_load(argv[1], &m, &diag) != FS_OK) return 65;
        double t1 = now_ms();
        fs_engine_options opt = {0};
        if (fs_engine_run(m, &opt, &r, &diag) != FS_OK) return 1;
        double t2 = now_ms();
        fs_output_options oo = {.csv = true};
        if (fs_output_write(m, r, dir, &oo, &diag) != FS_OK) return 74;
        double t3 = now_ms();
        double *row = &t[(size_t)k * PHASES];
        row[LOAD] = t1 - t0;
        row[BUILD] = opt.phase_ms[0];
        row[SOLVE] = opt.phase_ms[1];
        row[ROUND] = opt.phase_ms[2];
        row[WRITE] = t3 - t2;
        row[TOTAL] = t3 - t0;
        fs_result_free(r);
        fs_model_free(m);
        fs_diag_clear(&diag);
    }
    printf("%s, %d repetitions (ms)\n%-6s %9s %9s\n", argv[1], repeats, "phase", "median", "max");
    double *col = malloc((size_t)repeats * sizeof *col);
    for (int p = 0; p < PHASES; p++) {
        for (int k = 0; k < repeats; k++) col[k] = t[(size_t)k * PHASES + p];
        qsort(col, (size_t)repeats, sizeof *col, by_value);
        printf("%-6s %9.3f %9.3f\n", names[p], col[repeats / 2], col[repeats - 1]);
    }
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0) return 74;
    free(col);
    free(t);
    return 0;
}
