/*
 * chart.h: charts for a council session, drawn by gnuplot from a run's tables.
 *
 * Charts are drawn from the files a run wrote (allocation.csv, revenue_split.csv,
 * summary.json), never from solver state, so `fiscalsim plot DIR` redraws exactly what
 * `run` drew. The gnuplot script is written first (charts.gp, golden-testable without
 * gnuplot), then run; each chart is written to a temporary name and renamed into place
 * only after gnuplot exits cleanly and the file checks out as PNG, SVG or PDF.
 */
#ifndef FISCALSIM_CHART_H
#define FISCALSIM_CHART_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "fiscalsim/error.h"

typedef enum fs_lang { FS_LANG_VI, FS_LANG_EN } fs_lang;

typedef struct fs_chart_options {
    bool png, svg, pdf;   /* pdf: one multi-page council pack */
    fs_lang lang;
    double timeout_s;     /* gnuplot is killed after this; 0 = 60 s */
} fs_chart_options;

/* What the charts show, read back from a run's tables. */
typedef struct fs_chart_data {
    char scenario[128];
    char money_unit[48];
    char fingerprint[32];
    size_t unit_count;
    char (*unit)[128];
    char (*kind)[16];
    char (*cls)[16];
    int64_t *population, *need, *allocation;
    double *coverage, *per_capita;
    size_t source_count;
    char (*source)[128];                 /* the source's display name */
    int64_t *central, *city, *commune;
} fs_chart_data;

/* Reads allocation.csv, revenue_split.csv and summary.json from `dir`. Returns FS_OK
 * and data the caller frees, or FS_EIO/FS_EINPUT with a diagnostic naming the file. */
fs_status fs_chart_data_read(const char *dir, fs_chart_data **out, fs_diag *diag);

void fs_chart_data_free(fs_chart_data *data);

/* Writes the gnuplot script that draws every chart into `dir`. Each output file name
 * ends with the gnuplot variable `suffix`, empty unless set before the script runs
 * (fs_chart_draw sets it to a temporary suffix). Numbers in the C locale. */
void fs_chart_script(const fs_chart_data *data, const fs_chart_options *opt, const char *dir, FILE *out);

/* Writes charts.gp into dir, runs gnuplot on it, checks each output and renames it
 * into place. Returns FS_OK; FS_EMISSING when gnuplot is not installed (the message
 * says what to install); FS_EINTERNAL when gnuplot fails or times out (its message is
 * included); FS_EIO on file errors. Charts already in dir are replaced only by
 * complete new ones. */
fs_status fs_chart_draw(const fs_chart_data *data, const fs_chart_options *opt, const char *dir, fs_diag *diag);


#endif
