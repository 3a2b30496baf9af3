/*
 * cli_dirs.c: creating an output folder and its parents, for every command.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

fs_status cli_make_dirs(const char *path, fs_diag *diag)
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

