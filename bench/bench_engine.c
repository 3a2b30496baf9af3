/*
 * bench_engine.c: times each phase of one scenario in-process, many repetitions.
 *
 * usage: bench_engine SCENARIO [REPEATS]
 * Prints the median and maximum of: parse (libconfig reading the scenario file and
 * libcsv its units table; an estimate timed apart from the loader, which parses the
 * same way, and for an overlay (`base = ...`) only the overlay file itself), validate
 * (the rest of loading: every key checked as it is read, the needs computed; the
 * loader's whole time minus parse),
 * build (LP), solve (GLPK, all stages), round (result), disburse (the disbursement
 * simulation, when the scenario has one), write (tables into a temporary folder).
 * Process start is not included: time the CLI with hyperfine for that.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libconfig.h>

#include "disburse.h"
#include "engine.h"
#include "output.h"
#include "scenario.h"
#include "table.h"
#include "scenario_text.h"  /* the loader's own path rules (src/) */
#include "scenario_units.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Parses the scenario file and reads its units table (a path relative to the scenario's
 * folder), the two parsers the loader runs. Returns 0, or -1 on failure. */
static int parse_only(const char *scenario)
{
    config_t cfg;
    config_init(&cfg);
    int ok = config_read_file(&cfg, scenario) == CONFIG_TRUE;
    const char *table = NULL;
    if (ok && config_lookup_string(&cfg, "units.table", &table) == CONFIG_TRUE) {
        char dir[FS_PATH_MAX], path[FS_PATH_MAX * 2];
        scenario_directory_of(scenario, dir, sizeof dir);
        scenario_table_path(dir, table, path, sizeof path);
        fs_diag diag = {0};
        fs_table *t = NULL;
        ok = fs_table_read(path, &t, &diag) == FS_OK;
        fs_table_free(t);
        fs_diag_clear(&diag);
    }
    config_destroy(&cfg);
    return ok ? 0 : -1;
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
    enum { PARSE, VALIDATE, BUILD, SOLVE, ROUND, DISBURSE, WRITE, TOTAL, PHASES };
    static const char *const names[] = {"parse", "validate", "build", "solve", "round", "disburse", "write", "total"};
    double *t = calloc((size_t)repeats * PHASES, sizeof *t);
    char dir[] = "/tmp/fiscalsim-bench-XXXXXX";
    if (!t || !mkdtemp(dir)) return 70;
    for (int k = 0; k < repeats; k++) {
        fs_diag diag = {0};
        fs_model *m = NULL;
        fs_result *r = NULL;
        fs_disburse_result *disb = NULL;
        double t_parse = now_ms();
        if (parse_only(argv[1]) != 0) return 65;
        double t0 = now_ms();
        if (fs_scenario_load(argv[1], &m, &diag) != FS_OK) return 65;
        double t1 = now_ms();
        fs_engine_options opt = {0};
        if (fs_engine_run(m, &opt, &r, &diag) != FS_OK) return 1;
        double t2 = now_ms();
        /* Calibrated on its own points (the benchmarked scenarios have no baseline). */
        if (m->disburse && fs_disburse_run(m, r, NULL, &disb, &diag) != FS_OK) return 1;
        double t3 = now_ms();
        fs_output_options oo = {.csv = true, .disburse = disb};
        if (fs_output_write(m, r, dir, &oo, &diag) != FS_OK) return 74;
        double t4 = now_ms();
        double *row = &t[(size_t)k * PHASES];
        row[PARSE] = t0 - t_parse;
        row[VALIDATE] = (t1 - t0) - row[PARSE];
        row[BUILD] = opt.phase_ms[0];
        row[SOLVE] = opt.phase_ms[1];
        row[ROUND] = opt.phase_ms[2];
        row[DISBURSE] = t3 - t2;
        row[WRITE] = t4 - t3;
        row[TOTAL] = t4 - t0;
        fs_disburse_result_free(disb);
        fs_result_free(r);
        fs_model_free(m);
        fs_diag_clear(&diag);
    }
    printf("%s, %d repetitions (ms; total: the loader's whole time and the phases after it)\n%-8s %9s %9s\n",
           argv[1], repeats, "phase", "median", "max");
    double *col = malloc((size_t)repeats * sizeof *col);
    for (int p = 0; p < PHASES; p++) {
        for (int k = 0; k < repeats; k++) col[k] = t[(size_t)k * PHASES + p];
        qsort(col, (size_t)repeats, sizeof *col, by_value);
        printf("%-8s %9.3f %9.3f\n", names[p], col[repeats / 2], col[repeats - 1]);
    }
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0) return 74;
    free(col);
    free(t);
    return 0;
}
