/*
 * output_set.c: a command's output files, staged and committed together (see
 * output_set.h; the folder mechanics are in output_folder.c).
 */
#include "output_set_write.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "output_set.h"
#include "output_folder.h"

/* The longest staged path: the folder, the staging folder's name, a file name. */
static size_t longest_path(const char *dir)
{
    return strlen(dir) + 1 + strlen(OUTPUT_STAGE_PREFIX "XXXXXX") + 1 + OUTPUT_NAME_MAX;
}

fs_status output_set_open(output_set *set, const char *dir, fs_diag *diag)
{
    if (set->open) return FS_OK;
    if (longest_path(dir) >= FS_PATH_MAX)
        return fs_diag_add(diag, FS_EUSAGE, NULL, 0, NULL,
                           "the output folder's path is %zu bytes long: at most %zu fit (the system's limit of %d "
                           "bytes less the files written there)",
                           strlen(dir), (size_t)FS_PATH_MAX - 1 - (longest_path(dir) - strlen(dir)), FS_PATH_MAX);
    int fd = output_folder_lock(dir, diag);
    if (fd < 0) return FS_EIO;
    fs_status st = output_folder_recover(dir, diag);
    snprintf(set->stage, sizeof set->stage, "%s/%sXXXXXX", dir, OUTPUT_STAGE_PREFIX);
    if (st == FS_OK && !mkdtemp(set->stage))
        st = fs_diag_add(diag, FS_EIO, dir, 0, NULL, "cannot write to the folder: %s", strerror(errno));
    if (st != FS_OK) {
        close(fd);
        return st;
    }
    snprintf(set->dir, sizeof set->dir, "%.*s", (int)sizeof set->dir - 1, dir);
    set->lock_fd = fd;
    set->open = true;
    return FS_OK;
}

void output_set_path(const output_set *set, const char *name, char *buf, size_t size)
{
    /* The folder's length was checked against OUTPUT_NAME_MAX when the set was opened. */
    if (snprintf(buf, size, "%s/%s", set->stage, name) >= (int)size) buf[0] = '\0';
}

/* Writes the document, indented, and a newline. It is built in memory first: jansson's
 * stream writer hands stdio one call per token. Returns 0, or -1 (errno says why). */
static int write_json(const js_node *json, FILE *fp)
{
    char *text = js_dump(json);
    if (!text) {
        errno = ENOMEM;
        return -1;
    }
    size_t n = strlen(text);
    int rc = fwrite(text, 1, n, fp) == n && fputc('\n', fp) != EOF ? 0 : -1;
    free(text);
    return rc;
}

/* A new file in the staging folder (created, never opened through a link). */
static FILE *create_staged(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) return NULL;
    FILE *fp = fdopen(fd, "wb");
    if (!fp) close(fd);
    return fp;
}

fs_status output_set_text(output_set *p, const char *dir, const char *name, const table_view *t, js_node *json,
                          fs_diag *diag)
{
    fs_status st = output_set_open(p, dir, diag);
    if (st != FS_OK) return st;
    char path[FS_PATH_MAX], final[FS_PATH_MAX];
    output_set_path(p, name, path, sizeof path);
    snprintf(final, sizeof final, "%s/%s", dir, name);
    FILE *fp = create_staged(path);
    if (!fp) return fs_diag_add(diag, FS_EIO, final, 0, NULL, "cannot write: %s", strerror(errno));
    int failed = 0;
    if (t) table_write_csv(fp, t);
    else failed = write_json(json, fp) != 0;
    failed = failed || ferror(fp) || fflush(fp) != 0;
    int err = errno;
    if (fclose(fp) != 0 && !failed) failed = 1, err = errno;
    if (failed) return fs_diag_add(diag, FS_EIO, final, 0, NULL, "cannot write: %s", strerror(err ? err : EIO));
    return FS_OK;
}

fs_status output_set_json(output_set *p, const char *dir, const char *name, js_node *json, fs_diag *diag)
{
    if (!json) return fs_diag_add(diag, FS_EINTERNAL, NULL, 0, NULL, "out of memory");
    fs_status st = output_set_text(p, dir, name, NULL, json, diag);
    js_free(json);
    return st;
}

static void close_set(output_set *p)
{
    close(p->lock_fd);
    p->open = false;
}

fs_status output_set_commit(output_set *p, bool sync, fs_diag *diag)
{
    if (!p->open) return FS_OK;
    fs_status st = output_folder_commit(p->dir, p->stage, sync, diag);
    if (st != FS_OK && access(p->stage, F_OK) == 0) {
        /* Nothing was renamed (the intent is written only once every check passed). */
        char intent[FS_PATH_MAX + sizeof OUTPUT_INTENT_NAME];
        snprintf(intent, sizeof intent, "%s/%s", p->dir, OUTPUT_INTENT_NAME);
        if (access(intent, F_OK) != 0) output_folder_remove_stage(p->stage);
    }
    close_set(p);
    return st;
}

void output_set_discard(output_set *p)
{
    if (!p->open) return;
    output_folder_remove_stage(p->stage);
    close_set(p);
}

fs_status output_set_finish(output_set *p, fs_status st, bool sync, fs_diag *diag)
{
    if (st != FS_OK) {
        output_set_discard(p);
        return st;
    }
    return output_set_commit(p, sync, diag);
}

output_set *output_set_or(fs_output_set *given, output_set *own)
{
    return given ? given : own;
}

fs_status output_set_end(fs_output_set *given, output_set *own, fs_status st, bool sync, fs_diag *diag)
{
    return given ? st : output_set_finish(own, st, sync, diag);
}

/* ---- The public handle (output_set.h) ---------------------------------- */

fs_status fs_output_set_open(const char *dir, fs_output_set **out, fs_diag *diag)
{
    *out = NULL;
    output_set *set = calloc(1, sizeof *set);
    if (!set) return fs_diag_add(diag, FS_EINTERNAL, NULL, 0, NULL, "out of memory");
    fs_status st = output_set_open(set, dir, diag);
    if (st != FS_OK) {
        free(set);
        return st;
    }
    *out = set;
    return FS_OK;
}

const char *fs_output_set_stage(const fs_output_set *set)
{
    return set->stage;
}

fs_status fs_output_set_commit(fs_output_set *set, bool sync, fs_diag *diag)
{
    fs_status st = output_set_commit(set, sync, diag);
    free(set);
    return st;
}

void fs_output_set_discard(fs_output_set *set)
{
    if (!set) return;
    output_set_discard(set);
    free(set);
}

fs_status fs_output_set_begin(const char *dir, fs_output_set **out, fs_diag *diag)
{
    *out = NULL;
    fs_status st = fs_output_make_dirs(dir, diag);
    return st == FS_OK ? fs_output_set_open(dir, out, diag) : st;
}

fs_status fs_output_set_end(fs_output_set *set, fs_status st, bool sync, fs_diag *diag)
{
    if (!set) return st;
    st = output_set_finish(set, st, sync, diag);
    free(set);
    return st;
}
