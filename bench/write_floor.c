/*
 * write_floor.c: the least a run that writes given files can cost on this machine.
 *
 * usage: write_floor [--in-place] DIR NAME=BYTES [NAME=BYTES ...]
 * Starts like the CLI (the same libraries, linked the same way) and writes each file
 * DIR/NAME of BYTES bytes exactly as a run writes its outputs (the output set: the
 * folder locked, stdio into a staging folder, checked close, then every file renamed
 * into place under an intent file), with no other work; with --in-place it truncates and rewrites each file under
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

#include "output_set_write.h" /* the run's own commit (src/) */

enum { MAX_FILES = 64 };

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

/* Writes each file into a staging folder and commits them together, through the run's
 * own output set (output_set.h). Returns 0, or -1 with a message. */
static int write_atomic(const char *dir, int count, char name[][OUTPUT_NAME_MAX + 1], const long *bytes)
{
    output_set set = {0};
    fs_diag diag = {0};
    fs_status st = output_set_open(&set, dir, &diag);
    for (int k = 0; k < count && st == FS_OK; k++) {
        char path[FS_PATH_MAX];
        output_set_path(&set, name[k], path, sizeof path);
        FILE *fp = fopen(path, "wb");
        int failed = !fp || write_bytes(fp, bytes[k]) != 0;
        if (fp && fclose(fp) != 0) failed = 1;
        if (failed) st = fs_diag_add(&diag, FS_EIO, path, 0, NULL, "cannot write");
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
    static char path[MAX_FILES][FS_PATH_MAX], name[MAX_FILES][OUTPUT_NAME_MAX + 1];
    long bytes[MAX_FILES];
    int count = argc - 2;
    for (int k = 0; k < count; k++) {
        const char *arg = argv[k + 2], *eq = strchr(arg, '=');
        char *end = NULL;
        bytes[k] = eq ? strtol(eq + 1, &end, 10) : -1;
        if (!eq || eq == arg || eq - arg > OUTPUT_NAME_MAX || *end != '\0' || bytes[k] < 0) {
            fprintf(stderr, "write_floor: '%s' is not NAME=BYTES\n", arg);
            return 64;
        }
        snprintf(name[k], sizeof name[0], "%.*s", (int)(eq - arg), arg);
        if (snprintf(path[k], sizeof path[0], "%s/%s", argv[1], name[k]) >= (int)sizeof path[0]) {
            fprintf(stderr, "write_floor: the path of %s is too long\n", name[k]);
            return 64;
        }
    }
    int rc = in_place ? write_in_place(count, path, bytes) : write_atomic(argv[1], count, name, bytes);
    return rc == 0 ? 0 : 74;
}
