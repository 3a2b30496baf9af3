/*
 * chart.c: runs gnuplot (the only place that starts it) and puts the charts in place.
 *
 * gnuplot is started with posix_spawnp and `-d` (no ~/.gnuplot) and fed through a pipe
 * two lines (the staging folder, and `load` of the script saved there), never with popen: with gnuplot missing, popen still "succeeds" and
 * the writer dies of SIGPIPE later. SIGPIPE is blocked in the writing thread while
 * the script is written (the process's handlers are not touched), every write and the exit status are checked, and gnuplot is killed after a timeout.
 * The same script is kept beside the charts (charts.gp, compare-charts.gp), for the
 * record. A failed plot leaves a 0-byte file and a PDF stays empty until `unset
 * output`: each output goes to the staging folder of the command's output set, and the
 * set is committed only after gnuplot exited 0 and every file starts like a PNG, SVG or
 * PDF. A gnuplot that fails on a full disk is a write error (74), not gnuplot's.
 */
#define _GNU_SOURCE /* pipe2 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "chart.h"

#include "chart_common.h"

extern char **environ;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Writes all of text to fd; false on any short or failed write (EPIPE included). */
static bool write_all(int fd, const char *text, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, text, len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        text += n;
        len -= (size_t)n;
    }
    return true;
}

/* Writes the script to gnuplot's stdin and closes it. A gnuplot that exits early makes
 * the write fail with EPIPE instead of killing the process: SIGPIPE is blocked in this
 * thread meanwhile, and the one the write raised is taken before it is unblocked. */
static bool send_script(int fd, const char *script, size_t len)
{
    sigset_t pipe_signal, old;
    sigemptyset(&pipe_signal);
    sigaddset(&pipe_signal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_signal, &old);
    bool sent = write_all(fd, script, len);
    int error = errno;
    close(fd);
    if (!sent && error == EPIPE) {
        struct timespec none = {0, 0};
        sigtimedwait(&pipe_signal, NULL, &none);
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return sent;
}

/* Pipes `script` into gnuplot, its output captured into `said`. Returns 0 on a clean
 * exit, -2 when gnuplot cannot be started, -1 on failure or timeout. */
static int run_gnuplot(const char *script, size_t script_len, double timeout, char *said, size_t said_size)
{
    int in_pipe[2], err_pipe[2];
    /* Close-on-exec: two gnuplots started at once (the charts and communes.pdf, on two
     * threads) must not inherit each other's pipes, or neither sees the end of its
     * script (its pipe's write end stays open in the other) and both wait. The dup2 of
     * posix_spawn clears the flag on the child's own 0, 1 and 2. */
    if (pipe2(in_pipe, O_CLOEXEC) != 0) return -1;
    if (pipe2(err_pipe, O_CLOEXEC) != 0) {
        close(in_pipe[0]);
        close(in_pipe[1]);
        return -1;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in_pipe[0], 0);
    posix_spawn_file_actions_adddup2(&fa, err_pipe[1], 1);
    posix_spawn_file_actions_adddup2(&fa, err_pipe[1], 2);
    posix_spawn_file_actions_addclose(&fa, in_pipe[1]);
    posix_spawn_file_actions_addclose(&fa, err_pipe[0]);
    char *argv[] = {"gnuplot", "-d", NULL};
    pid_t pid;
    int rc = posix_spawnp(&pid, "gnuplot", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(in_pipe[0]);
    close(err_pipe[1]);
    if (rc != 0) {
        close(in_pipe[1]);
        close(err_pipe[0]);
        return -2;
    }
    /* gnuplot's own messages are short: they fit the stderr pipe while we write. */
    bool sent = send_script(in_pipe[1], script, script_len);
    size_t used = 0;
    said[0] = '\0';
    double start = now_s();
    int status = 0;
    bool done = false, timed_out = false;
    struct pollfd pfd = {.fd = err_pipe[0], .events = POLLIN};
    while (!done) {
        if (poll(&pfd, 1, 100) > 0) {
            char buf[512];
            ssize_t n = read(err_pipe[0], buf, sizeof buf);
            if (n > 0 && used + 1 < said_size) {
                size_t k = (size_t)n < said_size - used - 1 ? (size_t)n : said_size - used - 1;
                memcpy(said + used, buf, k);
                used += k;
                said[used] = '\0';
            }
            if (n <= 0) pfd.fd = -1;
        }
        pid_t w = waitpid(pid, &status, WNOHANG);
        if (w == pid) done = true;
        else if (now_s() - start > timeout) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            timed_out = done = true;
        }
    }
    close(err_pipe[0]);
    if (!sent && !said[0]) snprintf(said, said_size, "gnuplot stopped reading its script");
    if (timed_out) {
        snprintf(said, said_size, "gnuplot did not finish within %g s", timeout);
        return -1;
    }
    /* gnuplot reports an exec failure of posix_spawnp's child as exit 127. */
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) return -2;
    return sent && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* What a drawn file looks like: OUTPUT_VALID when it starts and ends like the format
 * its extension names (a PNG's IEND chunk, a PDF's %%EOF, an SVG's </svg>),
 * OUTPUT_CUT when it starts right but is cut short (a full disk or a file-size limit
 * stopped gnuplot's writes, which it does not report), OUTPUT_BAD otherwise. */
typedef enum output_check { OUTPUT_VALID, OUTPUT_CUT, OUTPUT_BAD } output_check;

static output_check check_output(const char *path, const char *ext)
{
    FILE *f = fopen(path, "rb");
    if (!f) return OUTPUT_BAD;
    char head[64] = {0}, tail[64] = {0};
    size_t n = fread(head, 1, sizeof head - 1, f), t = 0;
    if (fseek(f, -(long)(sizeof tail - 1), SEEK_END) != 0) rewind(f);
    t = fread(tail, 1, sizeof tail - 1, f);
    fclose(f);
    bool starts, ends;
    if (!strcmp(ext, "png")) {
        starts = n >= 8 && !memcmp(head, "\x89PNG\r\n\x1a\n", 8);
        ends = t >= 12 && !memcmp(tail + t - 12, "\0\0\0\0IEND\xae\x42\x60\x82", 12);
    } else if (!strcmp(ext, "pdf")) {
        starts = n >= 5 && !memcmp(head, "%PDF-", 5);
        ends = strstr(tail, "%%EOF") != NULL;
    } else {
        starts = n > 5 && (strstr(head, "<?xml") || strstr(head, "<svg"));
        ends = strstr(tail, "</svg>") != NULL;
    }
    return !starts ? OUTPUT_BAD : ends ? OUTPUT_VALID : OUTPUT_CUT;
}

/* Writes the script where it is saved, a new file in the staging folder. */
static fs_status save_script(const char *text, size_t len, const char *path, fs_diag *diag)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    FILE *fp = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!fp) {
        int err = errno;
        if (fd >= 0) close(fd);
        return fs_diag_add(diag, FS_EIO, path, 0, NULL, "cannot write the chart script: %s", strerror(err));
    }
    int failed = fwrite(text, 1, len, fp) != len || fflush(fp) != 0;
    int err = errno;
    failed |= fclose(fp) != 0;
    if (failed) return fs_diag_add(diag, FS_EIO, path, 0, NULL, "cannot write the chart script: %s", strerror(err));
    return FS_OK;
}

/* True when the file system holding `path` has (next to) no room left: gnuplot then
 * fails or writes a truncated file, and that is a write error, not gnuplot's. */
static bool disk_full(const char *path)
{
    struct statvfs v;
    return statvfs(path, &v) == 0 && (double)v.f_bavail * (double)v.f_frsize < 1024.0 * 1024.0;
}

fs_status fs_chart_run(const char *text, size_t len, const fs_chart_place *place, const char *script_name,
                       const char *const *outputs, size_t n, double timeout_s, fs_diag *diag)
{
    char script[FS_PATH_MAX], shown[FS_PATH_MAX];
    snprintf(script, sizeof script, "%s/%s", place->stage, script_name);
    snprintf(shown, sizeof shown, "%s/%s", place->dir, script_name);
    fs_status st = save_script(text, len, script, diag);
    if (st != FS_OK) return st;
    /* gnuplot draws into the staging folder ("outdir = '<stage>'" first), then loads the
     * script saved there: read from a file, a large script (communes.gp) takes a third
     * less time than through the pipe. */
    char *piped = NULL;
    size_t piped_len = 0;
    FILE *pm = open_memstream(&piped, &piped_len);
    if (pm) {
        fputs("outdir = ", pm);
        chart_quoted(pm, place->stage);
        fputs("\nload ", pm);
        chart_quoted(pm, script);
        fputc('\n', pm);
        fclose(pm);
    }
    if (!pm || !piped) return fs_diag_add(diag, FS_EINTERNAL, shown, 0, NULL, "out of memory");
    char said[2048];
    int rc = run_gnuplot(piped, piped_len, timeout_s > 0 ? timeout_s : 60, said, sizeof said);
    free(piped);
    if (rc == -2)
        return fs_diag_add(diag, FS_EMISSING, NULL, 0, NULL,
                           "gnuplot is not installed: nothing was written; install the Debian packages gnuplot-nox "
                           "and fonts-dejavu-core, or leave the charts out with --charts none");
    if (rc != 0 && disk_full(place->stage))
        return fs_diag_add(diag, FS_EIO, place->dir, 0, NULL, "cannot write the charts: %s", strerror(ENOSPC));
    if (rc != 0) {
        for (char *p = said; *p; p++)
            if (*p == '\n') *p = ' ';
        return fs_diag_add(diag, FS_EINTERNAL, shown, 0, NULL, "gnuplot failed: %s", said[0] ? said : "no message");
    }
    for (size_t k = 0; k < n; k++) {
        const char *dot = strrchr(outputs[k], '.'), *base = strrchr(outputs[k], '/');
        const char *ext = dot ? dot + 1 : "";
        output_check c = check_output(outputs[k], ext);
        if (c == OUTPUT_VALID) continue;
        if (c == OUTPUT_CUT || disk_full(place->stage))
            return fs_diag_add(diag, FS_EIO, NULL, 0, NULL,
                               "cannot write the charts: %s/%s was cut short (a full disk or a file-size limit)",
                               place->dir, base ? base + 1 : outputs[k]);
        return fs_diag_add(diag, FS_EINTERNAL, NULL, 0, NULL, "gnuplot wrote no valid %s file for %s/%s", ext,
                           place->dir, base ? base + 1 : outputs[k]);
    }
    return FS_OK;
}

static void write_script(FILE *out, const void *data, const fs_chart_options *opt, const char *dir)
{
    fs_chart_script(data, opt, dir, out);
}

fs_status fs_chart_draw(const fs_chart_data *d, const fs_chart_options *opt, const fs_chart_place *place,
                        fs_diag *diag)
{
    /* The staged path of each chart drawn: PNGs, then SVGs, then the pack. */
    const char *drawn[CHART_RUN_ALL];
    size_t charts = 0;
    for (size_t c = 0; c < CHART_RUN_ALL; c++)
        if (chart_run_drawn(d, c)) drawn[charts++] = chart_run_names[c];
    chart_path paths[2 * CHART_RUN_ALL + 1];
    const char *outputs[2 * CHART_RUN_ALL + 1];
    size_t n = chart_output_paths(place->stage, opt, drawn, charts, "council-pack", paths, outputs);
    return chart_write_and_run(place, "charts.gp", write_script, d, opt, outputs, n, diag);
}
