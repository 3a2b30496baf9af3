/*
 * write_floor.c: the least a run that writes given files can cost on this machine.
 *
 * usage: write_floor [--in-place] DIR NAME=BYTES [NAME=BYTES ...]
 * Starts like the CLI (the same libraries, linked the same way) and writes each file
 * DIR/NAME of BYTES bytes exactly as a run writes its outputs (atomic_file.h: stdio into
 * a temporary name, checked close, then every file renamed into place), with no other
 * work; with --in-place it truncates and rewrites each file under its own name instead,
 * as glpsol does, to show what the atomic replacement itself costs. Timed with
 * hyperfine against a run's own output sizes, it shows how much of that run is process
 * start and the file system rather than the engine (bench/run.sh).
 * Exits 0, 64 on bad arguments, 74 when a file cannot be written.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fiscalsim/atomic_file.h"

enum { MAX_FILES = 16 };

/* Writes `bytes` bytes of table-like text (digits, commas, newlines). Returns 0 or -1. */
static int write_bytes(FILE *fp, long bytes)
{
    static const char line[] = "Phuong Le Chan,ward,1,0.950000,184669,13653,44411\n";
    for (long left = bytes; left > 0;) {
        size_t n = left < (long)sizeof line - 1 ? (size_t)left : sizeof line - 1;
        if (fwrite(line, 1, n, fp) != n) return -1;
        left -= (long)n;
    }
    return 0;
}

/* Truncates and rewrites dir/name in place. Returns 0, or 74 with a message. */
static int write_in_place(const char *path, long bytes)
{
    FILE *fp = fopen(path, "wb");
    int failed = !fp || write_bytes(fp, bytes) != 0;
    if (fp && fclose(fp) != 0) failed = 1;
    if (!failed) return 0;
    fprintf(stderr, "write_floor: cannot write %s\n", path);
    return 74;
}

int main(int argc, char **argv)
{
    bool in_place = argc > 1 && strcmp(argv[1], "--in-place") == 0;
    argc -= in_place, argv += in_place;
    if (argc < 3 || argc - 2 > MAX_FILES) {
        fprintf(stderr, "usage: write_floor [--in-place] DIR NAME=BYTES [NAME=BYTES ...] (at most %d files)\n",
                MAX_FILES);
        return 64;
    }
    char temp[MAX_FILES][FS_PATH_MAX + 16], path[MAX_FILES][FS_PATH_MAX];
    int count = 0;
    fs_diag diag = {0};
    for (int k = 2; k < argc; k++, count++) {
        const char *eq = strchr(argv[k], '=');
        char *end = NULL;
        long bytes = eq ? strtol(eq + 1, &end, 10) : -1;
        if (!eq || eq == argv[k] || *end != '\0' || bytes < 0) {
            fprintf(stderr, "write_floor: '%s' is not NAME=BYTES\n", argv[k]);
            return 64;
        }
        snprintf(path[count], sizeof path[0], "%s/%.*s", argv[1], (int)(eq - argv[k]), argv[k]);
        if (in_place) {
            if (write_in_place(path[count], bytes) != 0) return 74;
            continue;
        }
        fs_atomic_file f;
        if (fs_atomic_open(&f, path[count], &diag) != FS_OK) break;
        if (write_bytes(f.fp, bytes) != 0) {
            fs_atomic_abort(&f);
            fprintf(stderr, "write_floor: cannot write %s\n", path[count]);
            return 74;
        }
        if (fs_atomic_close(&f, &diag) != FS_OK) break;
        snprintf(temp[count], sizeof temp[0], "%s", f.temp);
    }
    for (int k = 0; k < count && !diag.count && !in_place; k++) fs_atomic_rename(temp[k], path[k], false, &diag);
    if (!diag.count) return 0;
    char message[FS_PATH_MAX + FS_MESSAGE_MAX + 64];
    fs_error_format(&diag.items[0], message, sizeof message);
    fprintf(stderr, "write_floor: %s\n", message);
    fs_diag_clear(&diag);
    return 74;
}
