/*
 * atomic_file.c: a temporary file created new beside the target, optional fdatasync,
 * rename; or the target itself when it is not a regular file (see atomic_file.h).
 */
#define _DEFAULT_SOURCE /* mkstemps */
#include "atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The temporary file's name beside `path`: its folder, then a hidden name of fixed
 * length (so that a long file name still leaves room), completed by mkstemps. */
static const char temp_name[] = ".fiscalsim-XXXXXX.tmp";

/* True when `path` exists and is not a regular file (lstat: a link counts as not). */
static bool write_in_place(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 && !S_ISREG(st.st_mode);
}

/* Creates the temporary file for f->path; returns its descriptor, or -1 with a
 * diagnostic. The file gets the permissions a new file would (0666 less the umask). */
static int create_temp(fs_atomic_file *f, fs_diag *diag, fs_status *st)
{
    const char *slash = strrchr(f->path, '/');
    int folder = slash ? (int)(slash - f->path + 1) : 0;
    if ((size_t)folder + sizeof temp_name > sizeof f->temp) {
        *st = fs_diag_add(diag, FS_EUSAGE, f->path, 0, NULL, "the path is too long (at most %d bytes)",
                          FS_PATH_MAX - (int)sizeof temp_name);
        return -1;
    }
    snprintf(f->temp, sizeof f->temp, "%.*s%s", folder, f->path, temp_name);
    int fd = mkstemps(f->temp, 4);
    if (fd < 0) {
        *st = fs_diag_add(diag, FS_EIO, f->path, 0, NULL, "cannot write: %s", strerror(errno));
        f->temp[0] = '\0';
        return -1;
    }
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    return fd;
}

static fs_status start(fs_atomic_file *f, const char *path, bool open_stream, fs_diag *diag)
{
    f->fp = NULL;
    f->temp[0] = '\0';
    if (strlen(path) >= sizeof f->path)
        return fs_diag_add(diag, FS_EUSAGE, NULL, 0, NULL, "the path \"%.64s...\" is %zu bytes long: at most %d fit",
                           path, strlen(path), FS_PATH_MAX - 1);
    snprintf(f->path, sizeof f->path, "%s", path);
    if (write_in_place(path)) {
        if (!open_stream) return FS_OK;
        f->fp = fopen(path, "wb");
        return f->fp ? FS_OK : fs_diag_add(diag, FS_EIO, path, 0, NULL, "cannot write: %s", strerror(errno));
    }
    fs_status st = FS_OK;
    int fd = create_temp(f, diag, &st);
    if (fd < 0) return st;
    if (!open_stream) {
        close(fd);
        return FS_OK;
    }
    f->fp = fdopen(fd, "wb");
    if (!f->fp) {
        int err = errno;
        close(fd);
        fs_atomic_abort(f);
        return fs_diag_add(diag, FS_EIO, path, 0, NULL, "cannot write: %s", strerror(err));
    }
    return FS_OK;
}

fs_status fs_atomic_open(fs_atomic_file *f, const char *path, fs_diag *diag)
{
    return start(f, path, true, diag);
}

fs_status fs_atomic_begin(fs_atomic_file *f, const char *path, fs_diag *diag)
{
    return start(f, path, false, diag);
}

const char *fs_atomic_name(const fs_atomic_file *f)
{
    return f->temp[0] ? f->temp : f->path;
}

static int sync_file(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    int rc = fdatasync(fd);
    close(fd);
    return rc;
}

fs_status fs_atomic_close(fs_atomic_file *f, fs_diag *diag)
{
    int failed = ferror(f->fp) || fflush(f->fp) != 0;
    int err = errno;
    if (fclose(f->fp) != 0 && !failed) failed = 1, err = errno;
    f->fp = NULL;
    if (!failed) return FS_OK;
    if (f->temp[0]) remove(f->temp);
    f->temp[0] = '\0';
    return fs_diag_add(diag, FS_EIO, f->path, 0, NULL, "cannot write: %s", strerror(err ? err : EIO));
}

fs_status fs_atomic_commit(fs_atomic_file *f, bool sync, fs_diag *diag)
{
    fs_status st = fs_atomic_rename(f->temp, f->path, sync, diag);
    f->temp[0] = '\0';
    return st;
}

void fs_atomic_abort(fs_atomic_file *f)
{
    if (f->fp) fclose(f->fp);
    f->fp = NULL;
    if (f->temp[0]) remove(f->temp);
    f->temp[0] = '\0';
}

fs_status fs_atomic_rename(const char *temp, const char *path, bool sync, fs_diag *diag)
{
    if (!temp[0]) return FS_OK;
    if ((sync && sync_file(temp) != 0) || rename(temp, path) != 0) {
        int err = errno;
        remove(temp);
        return fs_diag_add(diag, FS_EIO, path, 0, NULL, "cannot write: %s", strerror(err));
    }
    return FS_OK;
}
