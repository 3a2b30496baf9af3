/*
 * output_folder.c: lock, commit and recovery of an output folder (output_folder.h).
 */
#include "output_folder.h"
#include "output_set.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

int output_folder_lock(const char *dir, fs_diag *diag)
{
    /* The lock is on the folder itself (flock works on a folder's descriptor): no lock
     * file is left behind. */
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        fs_diag_add(diag, FS_EIO, dir, 0, NULL, "cannot lock the output folder: %s", strerror(errno));
        return -1;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) == 0) return fd;
    if (errno == EWOULDBLOCK) {
        fprintf(stderr, "fiscalsim: another fiscalsim is writing to %s: waiting for it to finish\n", dir);
        int rc;
        while ((rc = flock(fd, LOCK_EX)) != 0 && errno == EINTR) continue;
        if (rc == 0) return fd;
    }
    fs_diag_add(diag, FS_EIO, dir, 0, NULL, "cannot lock the output folder: %s", strerror(errno));
    close(fd);
    return -1;
}

/* The regular files of a staging folder, JSON files last (each group by name). */
typedef struct staged {
    char **names;
    size_t count;
} staged;

static bool is_json(const char *name)
{
    size_t n = strlen(name);
    return n >= 5 && !strcmp(name + n - 5, ".json");
}

static int by_commit_order(const void *a, const void *b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    if (is_json(x) != is_json(y)) return is_json(x) ? 1 : -1;
    return strcmp(x, y);
}

static void staged_free(staged *s)
{
    for (size_t k = 0; k < s->count; k++) free(s->names[k]);
    free(s->names);
    s->names = NULL, s->count = 0;
}

/* Lists the staged files (names not starting with a dot). Returns 0, or -1 (errno). */
static int list_staged(const char *stage, staged *s)
{
    s->names = NULL, s->count = 0;
    DIR *d = opendir(stage);
    if (!d) return -1;
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        struct stat st;
        if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) continue;
        if (s->count == cap) {
            cap = cap ? 2 * cap : 16;
            char **grown = realloc(s->names, cap * sizeof *grown);
            if (!grown) break;
            s->names = grown;
        }
        if (!(s->names[s->count] = strdup(e->d_name))) break;
        s->count++;
    }
    int failed = e != NULL;
    closedir(d);
    if (failed) {
        staged_free(s);
        errno = ENOMEM;
        return -1;
    }
    qsort(s->names, s->count, sizeof *s->names, by_commit_order);
    return 0;
}

static int sync_path(const char *path, bool folder)
{
    int fd = open(path, (folder ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) return -1;
    int rc = folder ? fsync(fd) : fdatasync(fd);
    close(fd);
    return rc;
}

/* Renames every staged file into dir. Returns FS_OK or FS_EIO with a diagnostic. */
static fs_status move_all(const char *dir, const char *stage, const staged *s, fs_diag *diag)
{
    char from[FS_PATH_MAX], to[FS_PATH_MAX];
    for (size_t k = 0; k < s->count; k++) {
        snprintf(from, sizeof from, "%s/%s", stage, s->names[k]);
        snprintf(to, sizeof to, "%s/%s", dir, s->names[k]);
        if (rename(from, to) != 0)
            return fs_diag_add(diag, FS_EIO, to, 0, NULL,
                               "cannot write: %s; the next fiscalsim command writing to %s completes this one's output",
                               strerror(errno), dir);
    }
    return FS_OK;
}

void output_folder_remove_stage(const char *stage)
{
    DIR *d = opendir(stage);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)))
            if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) unlinkat(dirfd(d), e->d_name, 0);
        closedir(d);
    }
    rmdir(stage);
}

/* Writes the intent file naming the staging folder: staged first, then renamed into
 * the folder, so that it exists whole or not at all. */
static fs_status write_intent(const char *dir, const char *stage, bool sync, fs_diag *diag)
{
    char temp[FS_PATH_MAX], path[FS_PATH_MAX];
    snprintf(temp, sizeof temp, "%s/.intent", stage);
    snprintf(path, sizeof path, "%s/%s", dir, OUTPUT_INTENT_NAME);
    const char *base = strrchr(stage, '/');
    base = base ? base + 1 : stage;
    int fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
    size_t n = strlen(base);
    bool ok = fd >= 0 && write(fd, base, n) == (ssize_t)n && write(fd, "\n", 1) == 1;
    ok = ok && (!sync || fdatasync(fd) == 0);
    if (fd >= 0) ok = close(fd) == 0 && ok;
    if (!ok || rename(temp, path) != 0) {
        int err = errno;
        unlink(temp);
        return fs_diag_add(diag, FS_EIO, path, 0, NULL, "cannot write: %s", strerror(err));
    }
    return FS_OK;
}

/* A folder where a staged file would go: found before anything is renamed. */
static fs_status check_targets(const char *dir, const staged *s, fs_diag *diag)
{
    char to[FS_PATH_MAX];
    for (size_t k = 0; k < s->count; k++) {
        snprintf(to, sizeof to, "%s/%s", dir, s->names[k]);
        struct stat st;
        if (lstat(to, &st) == 0 && S_ISDIR(st.st_mode))
            return fs_diag_add(diag, FS_EIO, to, 0, NULL, "cannot write: a folder of that name is in the way");
    }
    return FS_OK;
}

fs_status output_folder_commit(const char *dir, const char *stage, bool sync, fs_diag *diag)
{
    staged s;
    if (list_staged(stage, &s) != 0)
        return fs_diag_add(diag, FS_EIO, stage, 0, NULL, "cannot read the staged output: %s", strerror(errno));
    fs_status st = check_targets(dir, &s, diag);
    char path[FS_PATH_MAX];
    for (size_t k = 0; st == FS_OK && sync && k < s.count; k++) {
        snprintf(path, sizeof path, "%s/%s", stage, s.names[k]);
        if (sync_path(path, false) != 0) st = fs_diag_add(diag, FS_EIO, path, 0, NULL, "cannot sync: %s", strerror(errno));
    }
    if (st == FS_OK) st = write_intent(dir, stage, sync, diag);
    if (st == FS_OK) st = move_all(dir, stage, &s, diag);
    staged_free(&s);
    if (st != FS_OK) return st; /* the intent stays: the next command completes the move */
    if (sync && sync_path(dir, true) != 0)
        return fs_diag_add(diag, FS_EIO, dir, 0, NULL, "cannot sync the folder: %s", strerror(errno));
    snprintf(path, sizeof path, "%s/%s", dir, OUTPUT_INTENT_NAME);
    unlink(path);
    output_folder_remove_stage(stage);
    return FS_OK;
}

/* The staging folder an intent file names, into stage; false when it names none. */
static bool read_intent(const char *dir, char *stage, size_t size)
{
    char path[FS_PATH_MAX], line[256] = {0};
    snprintf(path, sizeof path, "%s/%s", dir, OUTPUT_INTENT_NAME);
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return false;
    ssize_t n = read(fd, line, sizeof line - 1);
    close(fd);
    if (n <= 0) return false;
    line[strcspn(line, "\n")] = '\0';
    if (strncmp(line, OUTPUT_STAGE_PREFIX, strlen(OUTPUT_STAGE_PREFIX)) != 0 || strchr(line, '/')) return false;
    snprintf(stage, size, "%s/%s", dir, line);
    return true;
}

fs_status output_folder_recover(const char *dir, fs_diag *diag)
{
    char stage[FS_PATH_MAX], intent[FS_PATH_MAX];
    snprintf(intent, sizeof intent, "%s/%s", dir, OUTPUT_INTENT_NAME);
    if (read_intent(dir, stage, sizeof stage)) {
        staged s;
        if (list_staged(stage, &s) == 0) {
            fs_status st = move_all(dir, stage, &s, diag);
            staged_free(&s);
            if (st != FS_OK) return st;
        }
    }
    unlink(intent);
    DIR *d = opendir(dir);
    if (!d) return fs_diag_add(diag, FS_EIO, dir, 0, NULL, "cannot read the folder: %s", strerror(errno));
    struct dirent *e;
    while ((e = readdir(d))) {
        struct stat st;
        if (strncmp(e->d_name, OUTPUT_STAGE_PREFIX, strlen(OUTPUT_STAGE_PREFIX)) != 0) continue;
        if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(st.st_mode)) continue;
        snprintf(stage, sizeof stage, "%s/%s", dir, e->d_name);
        output_folder_remove_stage(stage);
    }
    closedir(d);
    return FS_OK;
}

fs_status fs_output_make_dirs(const char *path, fs_diag *diag)
{
    char buf[FS_PATH_MAX];
    snprintf(buf, sizeof buf, "%s", path);
    if (!buf[0]) return fs_diag_add(diag, FS_EUSAGE, NULL, 0, NULL, "the output folder name is empty");
    for (char *p = buf + 1;; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            if (mkdir(buf, 0777) != 0 && errno != EEXIST)
                return fs_diag_add(diag, FS_EIO, buf, 0, NULL, "cannot create folder: %s", strerror(errno));
            *p = c;
            if (!c) break;
        }
    }
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
        return fs_diag_add(diag, FS_EIO, path, 0, NULL, "not a folder");
    return FS_OK;
}
