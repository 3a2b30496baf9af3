/*
 * fiscalsim/status.h: what a call of the library came to, and the sizes of what it
 * reports. A status is also the exit code of the command-line tool (sysexits style,
 * docs/exit-codes.md): libconfig may call exit(2) on a directory include, so 2 is
 * never one of them. Shared by the public interface and the library's own code.
 */
#ifndef FISCALSIM_STATUS_H
#define FISCALSIM_STATUS_H

typedef enum fs_status {
    FS_OK = 0,
    FS_EINFEASIBLE = 1, /* no allocation satisfies the policy */
    FS_EUSAGE = 64,     /* wrong command-line use */
    FS_EINPUT = 65,     /* invalid scenario or table */
    FS_EMISSING = 69,   /* a required program (gnuplot, glpsol) is missing */
    FS_EINTERNAL = 70,  /* a bug or a solver failure */
    FS_EIO = 74,        /* reading or writing a file failed */
    FS_ETIMEOUT = 75    /* the time limit ran out before any allocation was found */
} fs_status;

/* The longest path (Linux's PATH_MAX: a longer one cannot be opened at all), key path
 * and message a diagnostic holds, and a buffer that holds any diagnostic formatted
 * (fs_diagnostics_format). */
enum {
    FS_PATH_MAX = 4096,
    FS_KEY_MAX = 160,
    FS_MESSAGE_MAX = 512,
    FS_DIAGNOSTIC_MAX = FS_PATH_MAX + FS_KEY_MAX + FS_MESSAGE_MAX + 64
};

#endif
