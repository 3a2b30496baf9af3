/*
 * three_figures.c: a program that embeds fiscalsim through its public header only.
 *
 * It holds a scenario's text in memory (read here from a file, as a service would take
 * it from a request), loads it under the file's name so that its units table is found
 * beside it, solves it and prints three figures: the total allocated, the lowest
 * coverage of need, and one unit's allocation. Nothing is written to disk.
 *
 *     three_figures SCENARIO.cfg [UNIT]
 */
#include <fiscalsim.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

/* The whole file at path in a malloc'd buffer (*len bytes), or NULL. */
static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *text = malloc(cap);
    while (text && (got = fread(text + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *grown = realloc(text, cap *= 2);
            if (!grown) free(text);
            text = grown;
        }
    }
    if (ferror(f)) free(text), text = NULL;
    fclose(f);
    *len = n;
    return text;
}

/* Prints the run's diagnostics, one per line. */
static void print_diagnostics(const fs_run *run)
{
    const fs_diagnostics *d = fs_run_diagnostics(run);
    for (size_t k = 0; k < fs_diagnostics_count(d); k++) {
        char line[FS_DIAGNOSTIC_MAX];
        fs_diagnostics_format(d, k, line, sizeof line);
        fprintf(stderr, "three_figures: %s\n", line);
    }
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fputs("usage: three_figures SCENARIO.cfg [UNIT]\n", stderr);
        return 64;
    }
    size_t len = 0;
    char *text = read_all(argv[1], &len);
    if (!text) {
        perror(argv[1]);
        return 74;
    }
    fs_run *run = fs_run_new();
    if (!run) return 70;
    fs_status st = fs_run_load_text(run, argv[1], text, len);
    free(text); /* the run keeps what it needs */
    if (st == FS_OK) st = fs_run_solve(run);
    long unit = st == FS_OK ? (argc == 3 ? fs_run_find_unit(run, argv[2]) : 0) : -1;
    if (st == FS_OK && unit >= 0) {
        const char *money = fs_run_money_unit(run);
        printf("%s, %d\n", fs_run_name(run), fs_run_year(run));
        printf("total allocation: %" PRId64 " %s\n", fs_run_total_allocation(run), money);
        printf("lowest coverage of need: %.10f\n", fs_run_min_coverage(run));
        printf("%s: allocation %" PRId64 " %s\n", fs_run_unit_name(run, (size_t)unit),
               fs_run_unit_allocation(run, (size_t)unit), money);
    } else if (st == FS_OK) {
        fprintf(stderr, "three_figures: no unit named \"%s\"\n", argv[2]);
        st = FS_EUSAGE;
    } else {
        print_diagnostics(run);
    }
    fs_run_free(run);
    return (int)st;
}
