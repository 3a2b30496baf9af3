/*
 * sweep_journal.c: the journal of finished variants (see sweep_journal.h). A journal
 * that cannot be used says what it is: another sweep's (both fingerprints), not a
 * journal, or damaged at which line and byte, so that the caller's advice (resume,
 * restart, another folder) can be followed without guessing.
 */
#include "sweep_journal.h"

#include <dirent.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const header =
    "variant,status,failure,reason,reason_amount,min_coverage,units_under_need,gini,city_balance,transfers";

void journal_write_header(FILE *f, uint64_t fingerprint, size_t variants)
{
    fprintf(f, "# fiscalsim sweep journal: fingerprint %016" PRIx64 " variants %zu\n%s\n", fingerprint, variants,
            header);
}

/* "sweep-part-" for a whole sweep, "sweep-part-K-of-N-" for shard K (1-based) of N. */
static void part_prefix(char *buf, size_t size, size_t shard, size_t shards)
{
    if (shards > 1) snprintf(buf, size, "sweep-part-%zu-of-%zu-", shard + 1, shards);
    else snprintf(buf, size, "sweep-part-");
}

/* Whether `name` is a journal file of the shard: its prefix, a process id, ".csv". */
static bool is_part(const char *name, size_t shard, size_t shards)
{
    char prefix[96];
    part_prefix(prefix, sizeof prefix, shard, shards);
    size_t len = strlen(prefix), digits = 0;
    if (strncmp(name, prefix, len)) return false;
    while (name[len + digits] >= '0' && name[len + digits] <= '9') digits++;
    return digits > 0 && !strcmp(name + len + digits, ".csv");
}

FILE *journal_create(const char *dir, size_t shard, size_t shards, uint64_t fingerprint, size_t variants)
{
    char prefix[96], path[FS_PATH_MAX + 160];
    part_prefix(prefix, sizeof prefix, shard, shards);
    snprintf(path, sizeof path, "%s/%s%ld.csv", dir, prefix, (long)getpid());
    FILE *f = fopen(path, "w");
    if (!f) return NULL;
    journal_write_header(f, fingerprint, variants);
    fflush(f);
    return f;
}

void journal_append(FILE *f, size_t i, const fs_sweep_row *r, size_t dates)
{
    fprintf(f, "%zu,%d,%d,%d,%" PRId64 ",%.17g,%" PRId64 ",%.17g,%" PRId64 ",%" PRId64, i + 1, r->status, r->failure,
            r->reason, r->reason_amount, r->min_coverage, r->units_under_need, r->gini, r->city_balance, r->transfers);
    for (size_t k = 0; k < dates; k++) fprintf(f, ",%.17g", r->disbursed[k]);
    for (size_t k = 0; dates > 0 && k < FS_SWEEP_MONTHS; k++) fprintf(f, ",%.17g", r->month_end[k]);
    fputc('\n', f);
}

/* Parses one variant line into *r and *v (1-based). Returns whether it is whole. */
static bool parse_line(const char *line, const journal_expect *e, size_t *v, fs_sweep_row *r)
{
    int used = 0;
    bool ok = sscanf(line, "%zu,%d,%d,%d,%" SCNd64 ",%lf,%" SCNd64 ",%lf,%" SCNd64 ",%" SCNd64 "%n", v, &r->status,
                     &r->failure, &r->reason, &r->reason_amount, &r->min_coverage, &r->units_under_need, &r->gini,
                     &r->city_balance, &r->transfers, &used) == 10;
    size_t extra = e->dates > 0 ? e->dates + FS_SWEEP_MONTHS : 0;
    for (size_t k = 0; ok && k < extra; k++) {
        int more = 0;
        double *to = k < e->dates ? &r->disbursed[k] : &r->month_end[k - e->dates];
        ok = sscanf(line + used, ",%lf%n", to, &more) == 1;
        used += more;
    }
    return ok && line[used] == '\n' && *v >= 1 && *v <= e->variants && r->failure >= FS_SWEEP_FAIL_NONE &&
           r->failure < FS_SWEEP_FAIL_COUNT && (r->reason == 0 || fs_sweep_reason_name(r->reason)[0]) &&
           r->reason_amount >= 0;
}

/* The two header lines: this sweep's journal, of this program's form. */
static fs_status read_header(FILE *f, const char *path, const journal_expect *e, const char *advice, fs_diag *diag)
{
    char line[2048];
    uint64_t fp = 0;
    size_t n = 0;
    if (!fgets(line, sizeof line, f) ||
        sscanf(line, "# fiscalsim sweep journal: fingerprint %" SCNx64 " variants %zu", &fp, &n) != 2)
        return fs_diag_add(diag, FS_EINPUT, path, 1, NULL, "not a fiscalsim sweep journal%s", advice);
    if (fp != e->fingerprint || n != e->variants)
        return fs_diag_add(diag, FS_EINPUT, path, 1, NULL,
                           "the journal of another sweep (fingerprint %016" PRIx64 ", %zu variants; this sweep: "
                           "%016" PRIx64 ", %zu variants: other inputs or another design)%s",
                           fp, n, e->fingerprint, e->variants, advice);
    if (!fgets(line, sizeof line, f))
        return fs_diag_add(diag, FS_EINPUT, path, 2, NULL, "the header line is missing%s", advice);
    line[strcspn(line, "\n")] = '\0';
    if (strcmp(line, header))
        return fs_diag_add(diag, FS_EINPUT, path, 2, NULL,
                           "not the header of a sweep journal of this version of fiscalsim (\"%s\")%s", header,
                           advice);
    return FS_OK;
}

fs_status journal_read(const char *path, const journal_expect *e, fs_sweep_row *rows, size_t *count,
                       const char *advice, fs_diag *diag)
{
    FILE *f = fopen(path, "r");
    if (!f) return fs_diag_add(diag, FS_EIO, path, 0, NULL, "cannot read the sweep journal");
    char line[2048];
    fs_status st = read_header(f, path, e, advice, diag);
    for (int lineno = 3; st == FS_OK; lineno++) {
        long byte = ftell(f);
        if (!fgets(line, sizeof line, f)) break;
        /* A last line cut short by a kill has no newline: it is ignored. */
        if (!strchr(line, '\n') && feof(f)) break;
        size_t v = 0;
        fs_sweep_row r = {0};
        if (!parse_line(line, e, &v, &r)) {
            st = fs_diag_add(diag, FS_EINPUT, path, lineno, NULL, "damaged line in the sweep journal (at byte %ld)%s",
                             byte, advice);
            break;
        }
        r.done = 1;
        if (!rows[v - 1].done) (*count)++;
        rows[v - 1] = r;
    }
    fclose(f);
    return st;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/* The names of the shard's journal files in dir, in name order (free each and the
 * list); -1 when dir cannot be read. */
static int list_parts(const char *dir, size_t shard, size_t shards, struct dirent ***names)
{
    struct dirent **all = NULL;
    int n = scandir(dir, &all, NULL, by_name), kept = 0;
    if (n < 0) return -1;
    for (int k = 0; k < n; k++) {
        if (is_part(all[k]->d_name, shard, shards)) all[kept++] = all[k];
        else free(all[k]);
    }
    *names = all;
    return kept;
}

fs_status journal_read_parts(const char *dir, size_t shard, size_t shards, const journal_expect *e,
                             fs_sweep_row *rows, size_t *count, size_t *files, const char *advice, fs_diag *diag)
{
    struct dirent **names = NULL;
    int n = list_parts(dir, shard, shards, &names);
    if (n < 0) return FS_OK; /* no folder yet: nothing to resume */
    fs_status st = FS_OK;
    for (int k = 0; k < n; k++) {
        char path[FS_PATH_MAX + 300];
        snprintf(path, sizeof path, "%s/%s", dir, names[k]->d_name);
        if (st == FS_OK) st = journal_read(path, e, rows, count, advice, diag);
        free(names[k]);
    }
    free(names);
    *files += (size_t)n;
    return st;
}

size_t journal_count_parts(const char *dir, size_t shard, size_t shards)
{
    struct dirent **names = NULL;
    int n = list_parts(dir, shard, shards, &names);
    for (int k = 0; k < n; k++) free(names[k]);
    if (n >= 0) free(names);
    return n > 0 ? (size_t)n : 0;
}

size_t journal_remove_parts(const char *dir, size_t shard, size_t shards)
{
    struct dirent **names = NULL;
    int n = list_parts(dir, shard, shards, &names);
    size_t removed = 0;
    for (int k = 0; k < n; k++) {
        char path[FS_PATH_MAX + 300];
        snprintf(path, sizeof path, "%s/%s", dir, names[k]->d_name);
        removed += unlink(path) == 0;
        free(names[k]);
    }
    if (n >= 0) free(names);
    return removed;
}
