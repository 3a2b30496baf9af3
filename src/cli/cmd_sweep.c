/*
 * cmd_sweep.c: `fiscalsim sweep SCENARIO [-o DIR] [--jobs N] [--shard K/N] [--resume]`:
 * run the variants of the scenario's sweep section and write the results and
 * sensitivities; with --shard, one part of the variants, merged later by
 * `fiscalsim merge`. Finished variants are journaled in DIR as they finish, so that
 * --resume continues a sweep that was interrupted. The charts (--charts, --lang) are
 * drawn from the tables once they are written. Under mpirun the ranks share the
 * variants and rank 0 writes the outputs (sweep_mpi.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "fiscalsim/scenario.h"
#include "fiscalsim/sweep.h"
#include "fiscalsim/sweep_output.h"
#include "../sweep_journal.h"
#include "sweep_mpi.h"

typedef struct sweep_args {
    const char *path, *dir;
    fs_sweep_options run;
    fs_chart_options charts;
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

static int parse_args(int argc, char **argv, sweep_args *a)
{
    a->dir = "out/sweep";
    a->run.jobs = 0; /* all cores; one per rank under MPI */
    a->charts = (fs_chart_options){.png = true, .pdf = true, .lang = FS_LANG_VI};
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
            a->run.jobs = (int)jobs;
        } else if (!strcmp(argv[i], "--shard")) {
            unsigned long k = 0, n = 0;
            char end = 0;
            if (i + 1 >= argc || sscanf(argv[++i], "%lu/%lu%c", &k, &n, &end) != 2 || n < 1 || k < 1 || k > n)
                return cli_usage_error("--shard takes K/N, the K-th of N parts (1 <= K <= N)");
            a->run.shard = k - 1, a->run.shards = n;
        } else if (!strcmp(argv[i], "--resume")) {
            a->run.resume = true;
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
    return FS_OK;
}

/* Under mpirun: this rank runs the blocks of the shard numbered by its rank. */
static int spread_over_ranks(sweep_args *a, const sweep_mpi *mpi)
{
    if (mpi->size <= 1) {
        if (a->run.jobs == 0) a->run.jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
        return FS_OK;
    }
    if (a->run.shards > 1) return cli_usage_error("--shard cannot be used under mpirun: the ranks are the shards");
    if (a->run.jobs == 0) a->run.jobs = 1;
    a->run.shard = (size_t)mpi->rank;
    a->run.shards = (size_t)mpi->size;
    return FS_OK;
}

/* DIR/sweep-shard-K-of-N.csv: the shard's variants, in journal form, for `merge`,
 * staged in the command's output set. */
static fs_status write_shard(const fs_model *m, const fs_sweep_result *r, const sweep_args *a, fs_output_set *set,
                             fs_diag *diag)
{
    char path[FS_PATH_MAX + 64], shown[FS_PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/sweep-shard-%zu-of-%zu.csv", fs_output_set_stage(set), a->run.shard + 1,
             a->run.shards);
    snprintf(shown, sizeof shown, "%s/sweep-shard-%zu-of-%zu.csv", a->dir, a->run.shard + 1, a->run.shards);
    FILE *out = fopen(path, "wbx");
    if (!out) return fs_diag_add(diag, FS_EIO, shown, 0, NULL, "cannot write: %s", strerror(errno));
    journal_write_header(out, m->fingerprint, r->variant_count);
    for (size_t i = 0; i < r->variant_count; i++)
        if (r->rows[i].done) journal_append(out, i, &r->rows[i], m->sweep->date_count);
    int failed = ferror(out) || fflush(out) != 0;
    int err = errno;
    if (fclose(out) != 0 && !failed) failed = 1, err = errno;
    return failed ? fs_diag_add(diag, FS_EIO, shown, 0, NULL, "cannot write: %s", strerror(err ? err : EIO)) : FS_OK;
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
    fs_diag diag = {0};
    fs_model *m = NULL;
    fs_sweep_result *r = NULL;
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    a.run.journal = a.dir;
    a.run.progress = isatty(STDERR_FILENO) && mpi.size == 1 ? show_progress : NULL;
    a.run.ctx = &start;
    fs_status st = fs_scenario_load(a.path, &m, &diag);
    if (st == FS_OK && !m->sweep)
        st = fs_diag_add(&diag, FS_EINPUT, a.path, 0, "sweep", "the scenario has no sweep section");
    if (st == FS_OK) st = cli_make_dirs(a.dir, &diag);
    if (st == FS_OK) st = fs_sweep_run(m, &a.run, &r, &diag);
    fs_status mine = st;
    st = sweep_mpi_agree(&mpi, st);
    if (st == FS_OK) st = sweep_mpi_gather(&mpi, r, &diag);
    if (mpi.rank > 0) {
        /* Rank 0 writes the outputs and reports; a rank says only what failed on it
         * (an invalid scenario is reported once, by rank 0). */
        if (mine != FS_OK && mine != FS_EINPUT) cli_print_diag(&diag);
        fs_sweep_result_free(r);
        fs_model_free(m);
        fs_diag_clear(&diag);
        sweep_mpi_end(&mpi);
        return st;
    }
    bool shard = a.run.shards > 1 && mpi.size == 1;
    fs_output_set *set = NULL;
    if (st == FS_OK) st = fs_output_set_open(a.dir, &set, &diag);
    if (st == FS_OK) st = shard ? write_shard(m, r, &a, set, &diag) : fs_sweep_write(m, r, a.dir, set, a.sync, &diag);
    /* The charts are drawn from the tables just staged, into the same set (a shard draws none). */
    fs_chart_place place = {set ? fs_output_set_stage(set) : NULL, set ? fs_output_set_stage(set) : NULL, a.dir};
    if (st == FS_OK && !shard && (a.charts.png || a.charts.svg || a.charts.pdf))
        st = fs_sweep_draw(&place, m->money_unit, &a.charts, &diag);
    bool staged = set != NULL;
    st = cli_output_end(set, st, a.sync, &diag);
    if (st == FS_OK && a.export_lps) st = fs_sweep_export_lps(m, r, a.export_lps, &diag);
    /* The journal has served: the outputs hold everything now. */
    if (st == FS_OK) journal_remove_parts(a.dir);
    if (st == FS_OK) {
        if (shard)
            printf("%s: shard %zu of %zu written to %s (merge the shards with fiscalsim merge)\n", m->name,
                   a.run.shard + 1, a.run.shards, a.dir);
        else
            printf("%s: %zu variants (%zu from the journal), %zu solved, %zu infeasible, outputs in %s\n", m->name,
                   r->variant_count, r->resumed, r->solved, r->infeasible, a.dir);
    } else {
        cli_print_diag(&diag);
        if (staged) cli_print_unchanged(a.dir);
        if (m && m->sweep && st != FS_EINPUT)
            fprintf(stderr, "fiscalsim: finished variants are kept in %s: rerun with --resume\n", a.dir);
    }
    fs_sweep_result_free(r);
    fs_model_free(m);
    fs_diag_clear(&diag);
    sweep_mpi_end(&mpi);
    return st;
}
