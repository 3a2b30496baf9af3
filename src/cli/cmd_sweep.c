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
#include "scenario.h"
#include "sweep.h"
#include "sweep_output.h"
#include "sweep_journal.h"
#include "sweep_mpi.h"

static const char usage[] =
    "usage: fiscalsim sweep SCENARIO [-o DIR] [--jobs N] [--shard K/N] [--resume | --restart] [--sync]\n"
    "           [--charts png,svg,pdf|none] [--lang vi|en] [--export-lps FILE]\n"
    "\n"
    "Runs every variant of the scenario's sweep section and writes sweep.csv,\n"
    "sensitivity.csv, sweep.json and the charts to DIR (default: out/sweep).\n"
    "\n"
    "  -o, --output DIR   the output folder\n"
    "  --jobs N           worker processes, 1 to 1024 (default: all cores)\n"
    "  --shard K/N        run only the K-th of N parts (1 <= K <= N <= 1000000) and write\n"
    "                     sweep-shard-K-of-N.csv; fiscalsim merge gathers the parts\n"
    "  --resume           continue the interrupted sweep whose journal is in DIR\n"
    "  --restart          discard the journal in DIR (of an interrupted sweep, or of another\n"
    "                     sweep) and start afresh\n"
    "  --sync             flush each output file to the disk before it replaces the old one\n"
    "  --charts LIST      png, svg, pdf, or none (default: png,pdf)\n"
    "  --lang vi|en       the language of the charts (default: vi)\n"
    "  --export-lps FILE  also write every variant's LP, one JSON line each\n"
    "\n"
    "A sweep does not start over a journal it finds in DIR: it says whose the journal is\n"
    "and whether --resume or --restart applies.\n";

typedef struct sweep_args {
    const char *path, *dir;
    fs_sweep_options run;
    bool restart;                /* --restart: discard the journal in DIR first */
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

/* --shard K/N with 1 <= K <= N <= FS_SWEEP_SHARDS_MAX. */
static int parse_shard(const char *text, fs_sweep_options *run)
{
    unsigned long long k = 0, n = 0;
    const char *rest = text;
    if (parse_count(text, '/', &rest, &k) != 0 || parse_count(rest + 1, '\0', &rest, &n) != 0 || k < 1 || n < 1 ||
        k > n || n > FS_SWEEP_SHARDS_MAX)
        return cli_usage_error("--shard takes K/N, the K-th of N parts (1 <= K <= N <= %d), got \"%s\"",
                               FS_SWEEP_SHARDS_MAX, text);
    run->shard = (size_t)k - 1, run->shards = (size_t)n;
    return FS_OK;
}

static int parse_args(int argc, char **argv, sweep_args *a)
{
    a->dir = "out/sweep";
    a->run.jobs = 0; /* all cores; one per rank under MPI */
    a->charts = (cli_charts){FS_CHARTS_PNG | FS_CHARTS_PDF, "vi"};
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
            if (i + 1 >= argc) return cli_usage_error("--shard needs K/N, the K-th of N parts");
            int rc = parse_shard(argv[++i], &a->run);
            if (rc != FS_OK) return rc;
        } else if (!strcmp(argv[i], "--resume")) {
            a->run.resume = true;
        } else if (!strcmp(argv[i], "--restart")) {
            a->restart = true;
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
    if (a->run.resume && a->restart)
        return cli_usage_error("--resume continues the journal in the folder and --restart discards it: give one");
    return FS_OK;
}

static bool wants_help(int argc, char **argv)
{
    for (int i = 0; i < argc; i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) return true;
    return false;
}

/* --restart: this run's journal files in DIR go, and stderr says so. */
static void discard_journal(const sweep_args *a)
{
    size_t gone = journal_remove_parts(a->dir, a->run.shard, a->run.shards);
    if (gone > 0)
        fprintf(stderr, "fiscalsim: %s: --restart: discarded the journal of an earlier sweep there (%zu file%s)\n",
                a->dir, gone, gone == 1 ? "" : "s");
}

/* The journal has served once the outputs hold everything: this run's files, and
 * under mpirun every rank's (rank 0 alone gets here, after every rank finished). */
static void remove_journal(const sweep_args *a, const sweep_mpi *mpi)
{
    if (mpi->size <= 1) journal_remove_parts(a->dir, a->run.shard, a->run.shards);
    for (int k = 0; mpi->size > 1 && k < mpi->size; k++) journal_remove_parts(a->dir, (size_t)k, (size_t)mpi->size);
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
    if (wants_help(argc, argv)) {
        fputs(usage, stdout);
        return FS_OK;
    }
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
    if (st == FS_OK) st = fs_output_make_dirs(a.dir, &diag);
    if (st == FS_OK && a.restart) discard_journal(&a);
    /* A journal in the way stops every rank before any runs a variant; the rank that
     * has it says what it is (fs_sweep_run refuses it before running anything). */
    fs_status ready = st == FS_OK && !a.run.resume && journal_count_parts(a.dir, a.run.shard, a.run.shards) > 0
                          ? FS_EUSAGE
                          : st;
    bool other_rank_blocked = sweep_mpi_agree(&mpi, ready) != FS_OK && ready == FS_OK;
    if (other_rank_blocked) st = FS_EUSAGE;
    else if (st == FS_OK) st = fs_sweep_run(m, &a.run, &r, &diag);
    fs_status mine = st;
    st = sweep_mpi_agree(&mpi, st);
    if (st == FS_OK) st = sweep_mpi_gather(&mpi, r, &diag);
    if (st == FS_OK && mpi.size > 1 && mpi.rank == 0) fs_sweep_explain_failures(m, r);
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
    fs_chart_options charts = cli_chart_internal(&a.charts);
    if (st == FS_OK && !shard && a.charts.formats) st = fs_sweep_draw(&place, m->money_unit, &charts, &diag);
    bool staged = set != NULL;
    st = fs_output_set_end(set, st, a.sync, &diag);
    if (st == FS_OK && a.export_lps) st = fs_sweep_export_lps(m, r, a.export_lps, &diag);
    /* The journal has served: the outputs hold everything now. */
    if (st == FS_OK) remove_journal(&a, &mpi);
    if (st == FS_OK) cli_print_sweep_failures(r);
    if (st == FS_OK) {
        if (shard)
            printf("%s: shard %zu of %zu written to %s (merge the shards with fiscalsim merge)\n", m->name,
                   a.run.shard + 1, a.run.shards, a.dir);
        else
            printf("%s: %zu variants (%zu from the journal), %zu solved, %zu infeasible, %zu failed, outputs in %s\n",
                   m->name, r->variant_count, r->resumed, r->solved, r->infeasible, r->failed, a.dir);
    } else {
        cli_print_diag(&diag);
        if (staged) cli_print_unchanged(a.dir);
        if (m && m->sweep && st != FS_EINPUT && st != FS_EUSAGE &&
            journal_count_parts(a.dir, a.run.shard, a.run.shards) > 0)
            /* The variants ran (and failed, or could not be written): the journal has
             * them. A journal or scenario refused never got that far. */
            fprintf(stderr, "fiscalsim: finished variants are kept in %s: rerun with --resume\n", a.dir);
    }
    fs_sweep_result_free(r);
    fs_model_free(m);
    fs_diag_clear(&diag);
    sweep_mpi_end(&mpi);
    return st;
}
