/*
 * sweep_journal.c: the journal of finished variants (see sweep_journal.h).
 */
#include "sweep_journal.h"

#include <dirent.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const header = "variant,status,min_coverage,units_under_need,gini,city_balance,transfers";

void journal_write_header(FILE *f, uint64_t fingerprint, size_t variants)
{
    fprintf(f, "# fiscalsim sweep journal: fingerprint %016" PRIx64 " variants %zu\n%s\n", fingerprint, variants,
            header);
}

FILE *journal_create(const char *dir, const char *name, uint64_t fingerprint, size_t variants)
{
    char path[FS_PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) return NULL;
    journal_write_header(f, fingerprint, variants);
    fflush(f);
    return f;
}

void journal_append(FILE *f, size_t i, const fs_sweep_row *r, size_t dates)
{
    fprintf(f, "%zu,%d,%.17g,%" PRId64 ",%.17g,%" PRId64 ",%" PRId64, i + 1, r->status, r->min_coverage,
            r->units_under_need, r->gini, r->city_balance, r->transfers);
    for (size_t k = 0; k < dates; k++) fprintf(f, ",%.17g", r->disbursed[k]);
    for (size_t k = 0; dates > 0 && k < FS_SWEEP_MONTHS; k++) fprintf(f, ",%.17g", r->month_end[k]);
    fputc('\n', f);
}

fs_status journal_read(const char *path, uint64_t fingerprint, size_t variants, size_t dates, fs_sweep_row *rows,
                       size_t *count, fs_diag *diag)
{
    FILE *f = fopen(path, "r");
    if (!f) return fs_diag_add(diag, FS_EIO, path, 0, NULL, "cannot read the sweep journal");
    char line[2048];
    uint64_t fp = 0;
    size_t n = 0;
    int lineno = 1;
    fs_status st = FS_OK;
    if (!fgets(line, sizeof line, f) ||
        sscanf(line, "# fiscalsim sweep journal: fingerprint %" SCNx64 " variants %zu", &fp, &n) != 2)
        st = fs_diag_add(diag, FS_EINPUT, path, 1, NULL, "not a fiscalsim sweep journal");
    else if (fp != fingerprint || n != variants)
        st = fs_diag_add(diag, FS_EINPUT, path, 1, NULL,
                         "this journal belongs to another sweep (other inputs or another design)");
    else if (!fgets(line, sizeof line, f))
        st = fs_diag_add(diag, FS_EINPUT, path, 2, NULL, "the header line is missing");
    lineno = 2;
    while (st == FS_OK && fgets(line, sizeof line, f)) {
        lineno++;
        size_t v = 0;
        fs_sweep_row r = {0};
        int used = 0;
        /* A last line cut short by a kill has no newline: it is ignored. */
        if (!strchr(line, '\n')) break;
        bool ok = sscanf(line, "%zu,%d,%lf,%" SCNd64 ",%lf,%" SCNd64 ",%" SCNd64 "%n", &v, &r.status, &r.min_coverage,
                         &r.units_under_need, &r.gini, &r.city_balance, &r.transfers, &used) == 7;
        size_t extra = dates > 0 ? dates + FS_SWEEP_MONTHS : 0;
        for (size_t k = 0; ok && k < extra; k++) {
            int more = 0;
            double *to = k < dates ? &r.disbursed[k] : &r.month_end[k - dates];
            ok = sscanf(line + used, ",%lf%n", to, &more) == 1;
            used += more;
        }
        if (!ok || line[used] != '\n' || v < 1 || v > variants) {
            st = fs_diag_add(diag, FS_EINPUT, path, lineno, NULL, "damaged line in the sweep journal");
            break;
        }
        r.done = 1;
        if (!rows[v - 1].done) (*count)++;
        rows[v - 1] = r;
    }
    fclose(f);
    return st;
}

static int is_part(const char *name)
{
    size_t len = strlen(name);
    return !strncmp(name, "sweep-part-", 11) && len > 15 && !strcmp(name + len - 4, ".csv");
}

fs_status journal_read_parts(const char *dir, uint64_t fingerprint, size_t variants, size_t dates, fs_sweep_row *rows,
                             size_t *count, fs_diag *diag)
{
    DIR *d = opendir(dir);
    if (!d) return FS_OK; /* nothing to resume */
    fs_status st = FS_OK;
    for (struct dirent *e; st == FS_OK && (e = readdir(d));) {
        if (!is_part(e->d_name)) continue;
        char path[FS_PATH_MAX + 300];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        st = journal_read(path, fingerprint, variants, dates, rows, count, diag);
    }
    closedir(d);
    return st;
}

void journal_remove_parts(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return;
    for (struct dirent *e; (e = readdir(d));) {
        if (!is_part(e->d_name)) continue;
        char path[FS_PATH_MAX + 300];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    closedir(d);
}
