/*
 * atomic_file.c: temporary file, optional fdatasync, rename (see atomic_file.h). The temporary
 * name is unique per process (pid), so concurrent runs into one folder do not clash.
 */
#include "fiscalsim/atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

fs_status fs_atomic_open(fs_atomic_file *f, const char *path, fs_diag *diag)
{
    snprintf(f->path, sizeof f->path, "%s", path);
    snprintf(f->temp, sizeof f->temp, "%s.tmp%ld", path, (long)getpid());
    f->fp = fopen(f->temp, "wb");
    if (!f->fp) return fs_diag_add(diag, FS_EIO, path, 0, NULL, "cannot write: %s", strerror(errno));
    return FS_OK;
}

static int sync_file(const char *path)
{
    int fd = open(path, O_RDONLY);
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
    remove(f->temp);
    return fs_diag_add(diag, FS_EIO, f->path, 0, NULL, "cannot write: %s", strerror(err));
}

void fs_atomic_abort(fs_atomic_file *f)
{
    if (f->fp) fclose(f->fp);
    f->fp = NULL;
    if (f->temp[0]) remove(f->temp);
}

fs_status fs_atomic_rename(const char *temp, const char *path, bool sync, fs_diag *diag)
{
    if ((sync && sync_file(temp) != 0) || rename(temp, path) != 0) {
        int err = errno;
        remove(temp);
        return fs_diag_add(diag, FS_EIO, path, 0, NULL, "cannot write: %s", strerror(err));
    }
    return FS_OK;
}
