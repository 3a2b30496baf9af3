/*
 * write_floor.c: the least a run that writes given files can cost on this machine.
 *
 * usage: write_floor [--in-place] DIR NAME=BYTES [NAME=BYTES ...]
 * Starts like the CLI (the same libraries, linked the same way) and writes each file
 * DIR/NAME of BYTES bytes exactly as a run writes its outputs (atomic_file.h and the
 * output set: stdio into a temporary name, checked close, then every file renamed into
 * place), with no other work; with --in-place it truncates and rewrites each file under
 * its own name instead, as glpsol does, to show what the atomic replacement itself
 * costs. Timed with
 * hyperfine against a run's own output sizes, it shows how much of that run is process
 * start and the file system rather than the engine (bench/run.sh).
 * Exits 0, 64 on bad arguments, 74 when a file cannot be written.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fiscalsim/atomic_file.h"
#include "output_set.h" /* the run's own commit (src/) */

enum { MAX_FILES = OUTPUT_SET_MAX };

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

/* Truncates and rewrites each file in place. Returns 0, or -1 with a message. */
static int write_in_place(int count, char path[][FS_PATH_MAX], const long *bytes)
{
    for (int k = 0; k < count; k++) {
        FILE *fp = fopen(path[k], "wb");
        int failed = !fp || write_bytes(fp, bytes[k]) != 0;
        if (fp && fclose(fp) != 0) failed = 1;
        if (failed) {
            fprintf(stderr, "write_floor: cannot write %s\n", path[k]);
            return -1;
        }
    }
    return 0;
}

/* Writes each file to a temporary name and commits them together, through the run's
 * own output set (output_set.h). Returns 0, or -1 with a message. */
static int write_atomic(int count, char path[][FS_PATH_MAX], const long *bytes)
{
    output_set set = {.count = 0};
    fs_diag diag = {0};
    fs_status st = FS_OK;
    for (int k = 0; k < count && st == FS_OK; k++) {
        fs_atomic_file f;
        st = fs_atomic_open(&f, path[k], &diag);
        if (st == FS_OK && write_bytes(f.fp, bytes[k]) != 0) {
            fs_atomic_abort(&f);
            st = fs_diag_add(&diag, FS_EIO, path[k], 0, NULL, "cannot write");
        }
        if (st == FS_OK) st = fs_atomic_close(&f, &diag);
        if (st == FS_OK) output_set_add(&set, f.temp, path[k]);
    }
    if (output_set_finish(&set, st, false, &diag) == FS_OK) return 0;
    char message[FS_PATH_MAX + FS_MESSAGE_MAX + 64];
    fs_error_format(&diag.items[0], message, sizeof message);
    fprintf(stderr, "write_floor: %s\n", message);
    fs_diag_clear(&diag);
    return -1;
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
    char path[MAX_FILES][FS_PATH_MAX];
    long bytes[MAX_FILES];
    int count = argc - 2;
    for (int k = 0; k < count; k++) {
        const char *arg = argv[k + 2], *eq = strchr(arg, '=');
        char *end = NULL;
        bytes[k] = eq ? strtol(eq + 1, &end, 10) : -1;
        if (!eq || eq == arg || *end != '\0' || bytes[k] < 0) {
            fprintf(stderr, "write_floor: '%s' is not NAME=BYTES\n", arg);
            return 64;
        }
        snprintf(path[k], sizeof path[0], "%s/%.*s", argv[1], (int)(eq - arg), arg);
    }
    int rc = in_place ? write_in_place(count, path, bytes) : write_atomic(count, path, bytes);
    return rc == 0 ? 0 : 74;
}
