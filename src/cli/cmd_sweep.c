/*
 * cmd_sweep.c: `fiscalsim sweep SCENARIO [-o DIR] [--jobs N] [--shard K/N]
 * [--resume | --restart]`: run the variants of the scenario's sweep section and write
 * the results and sensitivities; with --shard, one part of the variants, merged later
 * by `fiscalsim merge`. Finished variants are journaled in DIR as they finish, so that
 * --resume continues a sweep that was interrupted; a journal already in DIR stops a
 * plain sweep (it says what the journal is), and --restart discards it, saying so. The
 * charts (--charts, --lang) are drawn from the tables once they are written. Under
 * mpirun the ranks share the variants and rank 0 writes the outputs (sweep_mpi.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "sweep_mpi.h"

typedef struct sweep_args {
    const char *path, *dir;
    int jobs;                    /* 0: all cores (one per rank under MPI) */
    size_t shard, shards;
    bool resume, restart;        /* --restart: discard the journal in DIR first */
    bool reasons;                /* --reasons: why each infeasible variant is */
    cli_charts charts;
    bool sync;
    const char *export_lps;      /* --export-lps FILE, or NULL */
} sweep_args;

static double seconds_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* A progress bar with the rate and the time left, on a terminal only. */
static void show_progress(size_t done, size_t total, void *ctx)
{
    double s = seconds_since(ctx), rate = s > 0 ? (double)done / s : 0;
    int width = 30, filled = total ? (int)((double)width * (double)done / (double)total) : width;
    fprintf(stderr, "\r[%.*s%*s] %zu/%zu variants, %.0f/s, %.0f s left ", filled, "##############################",
            width - filled, "", done, total, rate, rate > 0 ? (double)(total - done) / rate : 0.0);
    if (done == total) fputc('\n', stderr);
}

/* One count of --shard K/N, up to `stop`: decimal digits only (strtoull alone takes
 * " 1" and "-1", and saturates past 2^64 with ERANGE). Returns 0, or -1 when malformed. */
static int parse_count(const char *text, char stop, const char **end, unsigned long long *out)
{
    if (*text < '0' || *text > '9') return -1;
    errno = 0;
    char *e = NULL;
    unsigned long long v = strtoull(text, &e, 10);
    if (errno == ERANGE || e == text || *e != stop) return -1;
    *out = v, *end = e;
    return 0;
}

/* --shard K/N with 1 <= K <= N <= FS_RUN_SHARDS_MAX. */
static int parse_shard(const char *text, sweep_args *a)
{
    unsigned long long k = 0, n = 0;
    const char *rest = text;
    if (parse_count(text, '/', &rest, &k) != 0 || parse_count(rest + 1, '\0', &rest, &n) != 0 || k < 1 || n < 1 ||
        k > n || n > FS_RUN_SHARDS_MAX)
        return cli_usage_error("--shard takes K/N, the K-th of N parts (1 <= K <= N <= %d), got \"%s\"",
                               FS_RUN_SHARDS_MAX, text);
    a->shard = (size_t)k - 1, a->shards = (size_t)n;
    return FS_OK;
}

static int parse_args(int argc, char **argv, sweep_args *a)
{
    a->dir = "out/sweep";
    a->jobs = 0; /* all cores; one per rank under MPI */
    a->shards = 1;
    a->charts = (cli_charts){FS_CHARTS_PNG | FS_CHARTS_PDF, "vi", NULL};
    for (int i = 0; i < argc; i++) {
        int used = cli_chart_option(argc, argv, &i, &a->charts);
        if (used < 0 || used > 1) return used;
        if (used == 1) continue;
        if (!strcmp(argv[i], "-o") || !strcmp(argv[i], "--output")) {
            if (i + 1 >= argc || !argv[i + 1][0]) return cli_usage_error("%s needs a folder", argv[i]);
            a->dir = argv[++i];
        } else if (!strcmp(argv[i], "--jobs")) {
            char *end = NULL;
            long jobs = i + 1 < argc ? strtol(argv[++i], &end, 10) : 0;
            if (!end || *end || jobs < 1 || jobs > 1024) return cli_usage_error("--jobs takes a number from 1 to 1024");
            a->jobs = (int)jobs;
        } else if (!strcmp(argv[i], "--shard")) {
            if (i + 1 >= argc) return cli_usage_error("--shard needs K/N, the K-th of N parts");
            int rc = parse_shard(argv[++i], a);
            if (rc != FS_OK) return rc;
        } else if (!strcmp(argv[i], "--resume")) {
            a->resume = true;
        } else if (!strcmp(argv[i], "--restart")) {
            a->restart = true;
        } else if (!strcmp(argv[i], "--reasons")) {
            a->reasons = true;
        } else if (!strcmp(argv[i], "--export-lps")) {
            if (i + 1 >= argc || !argv[i + 1][0]) return cli_usage_error("--export-lps needs a file");
            a->export_lps = argv[++i];
        } else if (!strcmp(argv[i], "--sync")) {
            a->sync = true;
        } else if (argv[i][0] == '-') {
            return cli_usage_error("unknown option \"%s\"", argv[i]);
        } else if (!a->path) {
            a->path = argv[i];
        } else {
            return cli_usage_error("sweep takes one scenario file");
        }
    }
    if (!a->path) return cli_usage_error("sweep needs a scenario file with a sweep section");
    if (a->resume && a->restart)
        return cli_usage_error("--resume continues the journal in the folder and --restart discards it: give one");
    return FS_OK;
}

/* Under mpirun: this rank runs the blocks of the shard numbered by its rank. */
static int spread_over_ranks(sweep_args *a, const sweep_mpi *mpi)
{
    if (mpi->size <= 1) {
        if (a->jobs == 0) a->jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
        if (a->jobs > 1024) a->jobs = 1024;
        return FS_OK;
    }
    if (a->shards > 1) return cli_usage_error("--shard cannot be used under mpirun: the ranks are the shards");
    if (a->jobs == 0) a->jobs = 1;
    a->shard = (size_t)mpi->rank;
    a->shards = (size_t)mpi->size;
    return FS_OK;
}

int cmd_sweep(int argc, char **argv)
{
    sweep_args a = {0};
    sweep_mpi mpi = sweep_mpi_start(&argc, &argv);
    int rc = parse_args(argc, argv, &a);
    if (rc == FS_OK) rc = spread_over_ranks(&a, &mpi);
    rc = sweep_mpi_agree(&mpi, rc);
    if (rc != FS_OK) {
        sweep_mpi_end(&mpi);
        return rc;
    }
    fs_run *run = cli_run_new();
    if (!run) {
        sweep_mpi_end(&mpi);
        return FS_EINTERNAL;
    }
    const fs_diagnostics *diag = fs_run_diagnostics(run);
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    fs_run_set_flags(run, a.sync ? FS_RUN_SYNC : 0);
    fs_run_set_progress(run, isatty(STDERR_FILENO) && mpi.size == 1 ? show_progress : NULL, &start);
    fs_status st = fs_run_set_outputs(run, FS_TABLES_CSV, a.charts.formats, a.charts.lang);
    if (st == FS_OK) st = fs_run_set_plots(run, a.charts.plots);
    if (st == FS_OK)
        st = fs_run_set_sweep(run, a.jobs, a.shard, a.shards,
                              (a.resume ? FS_SWEEP_RESUME : 0) | (a.restart ? FS_SWEEP_RESTART : 0) |
                                  (a.reasons ? FS_SWEEP_REASONS : 0));
    if (st == FS_OK) st = fs_run_load_file(run, a.path);
    if (st == FS_OK) st = fs_run_sweep_prepare(run, a.dir);
    if (st == FS_OK && fs_run_sweep_discarded(run) > 0)
        fprintf(stderr, "fiscalsim: %s: --restart: discarded the journal of an earlier sweep there (%zu file%s)\n",
                a.dir, fs_run_sweep_discarded(run), fs_run_sweep_discarded(run) == 1 ? "" : "s");
    /* A journal in the way stops every rank before any runs a variant; the rank that
     * has it says what it is (fs_run_sweep refuses it before running anything). */
    fs_status ready = st == FS_OK && fs_run_sweep_journal_found(run) ? FS_EUSAGE : st;
    bool other_rank_blocked = sweep_mpi_agree(&mpi, ready) != FS_OK && ready == FS_OK;
    if (other_rank_blocked) st = FS_EUSAGE;
    else if (st == FS_OK) st = fs_run_sweep(run);
    fs_status mine = st;
    st = sweep_mpi_agree(&mpi, st);
    if (st == FS_OK) st = sweep_mpi_gather(&mpi, run);
    if (mpi.rank > 0) {
        /* Rank 0 writes the outputs and reports; a rank says only what failed on it
         * (an invalid scenario is reported once, by rank 0). */
        if (mine != FS_OK && mine != FS_EINPUT) cli_print_diagnostics(diag);
        fs_run_free(run);
        sweep_mpi_end(&mpi);
        return st;
    }
    if (st == FS_OK) st = fs_run_write_sweep(run, a.dir, a.export_lps);
    if (st == FS_OK) {
        fs_run_report_sweep(run, a.dir, stdout, stderr);
    } else {
        cli_print_diagnostics(diag);
        if (fs_run_output_kept(run)) cli_print_unchanged(a.dir);
        if (st != FS_EINPUT && st != FS_EUSAGE && fs_run_sweep_resumable(run))
            /* The variants ran (and failed, or could not be written): the journal has
             * them. A journal or scenario refused never got that far. */
            fprintf(stderr, "fiscalsim: finished variants are kept in %s: rerun with --resume\n", a.dir);
    }
    fs_run_free(run);
    sweep_mpi_end(&mpi);
    return st;
}
