/*
 * chart_plots.c: where the chart scripts are (chart.h: fs_chart_find_plots). The
 * scripts of plots/ are data, not code compiled in: an analyst restyles a chart by
 * editing its script. They are found in the folder given (--plots), else in
 * $FISCALSIM_PLOTS, else next to the program: ../plots from its folder (a build
 * folder beside the sources: build/fiscalsim), ../../plots (a build folder's
 * subfolder), ../share/fiscalsim/plots (installed), else where `cmake --install` put
 * them (FISCALSIM_PLOTS_INSTALL_DIR).
 */
#define _DEFAULT_SOURCE /* realpath */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chart.h"

#ifndef FISCALSIM_PLOTS_INSTALL_DIR
#define FISCALSIM_PLOTS_INSTALL_DIR "/usr/local/share/fiscalsim/plots"
#endif

/* Whether dir holds the chart scripts (its lib/common.gp is readable); its absolute
 * path into out. */
static bool plots_at(const char *dir, char *out, size_t size)
{
    char probe[PATH_MAX + 32], real[PATH_MAX];
    if (strlen(dir) >= PATH_MAX) return false;
    snprintf(probe, sizeof probe, "%.*s/lib/common.gp", PATH_MAX - 1, dir);
    if (access(probe, R_OK) != 0 || !realpath(dir, real)) return false;
    snprintf(out, size, "%s", real);
    return true;
}

fs_status fs_chart_find_plots(const char *given, char *out, size_t size, fs_diag *diag)
{
    if (given) {
        if (plots_at(given, out, size)) return FS_OK;
        return fs_diag_add(diag, FS_EUSAGE, given, 0, NULL,
                           "not a folder of chart scripts (it has no lib/common.gp): give the plots/ folder of "
                           "fiscalsim or a copy of it");
    }
    const char *env = getenv("FISCALSIM_PLOTS");
    if (env && env[0] && plots_at(env, out, size)) return FS_OK;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) *slash = '\0';
        static const char *const beside[] = {"../plots", "../../plots", "../share/fiscalsim/plots"};
        for (size_t k = 0; k < sizeof beside / sizeof *beside; k++) {
            char dir[PATH_MAX + 32];
            snprintf(dir, sizeof dir, "%s/%s", exe, beside[k]);
            if (plots_at(dir, out, size)) return FS_OK;
        }
    }
    if (plots_at(FISCALSIM_PLOTS_INSTALL_DIR, out, size)) return FS_OK;
    return fs_diag_add(diag, FS_EMISSING, NULL, 0, NULL,
                       "the chart scripts (plots/) are not next to the program nor in %s: give their folder with "
                       "--plots DIR or FISCALSIM_PLOTS, or draw no charts (--charts none)",
                       FISCALSIM_PLOTS_INSTALL_DIR);
}
