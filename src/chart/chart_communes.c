/*
 * chart_communes.c: communes.pdf, a page per unit (chart.h: fs_communes_draw), drawn by
 * plots/commune.gp from communes.txt, the run's explanation of every unit in its
 * language (run_communes.c). The driver, communes.gp, gives each page its lines as a
 * datablock (chart_label: double-quoted, without quotes or backslashes, so that a name
 * is data, not code) and loads the page script once per unit.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "chart_common.h"

typedef struct communes {
    const fs_chart_data *data;
    const char *text;             /* communes.txt, NUL-terminated */
} communes;

/* The page of one unit: its lines up to the form feed at `end`. */
static void page(FILE *out, const char *start, const char *end)
{
    fputs("$page << EOD\n", out);
    size_t lines = 0;
    for (const char *p = start; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        char line[512];
        snprintf(line, sizeof line, "%.*s", (int)(stop - p), p);
        chart_label(out, line[0] ? line : " ");
        fputc('\n', out);
        lines++;
        p = nl ? nl + 1 : end;
    }
    fprintf(out, "EOD\npage_lines = %zu\nload plots.'/commune.gp'\n", lines);
}

static void write_script(FILE *out, const void *data, const fs_chart_options *opt, const char *dir)
{
    const communes *c = data;
    chart_script_start(out, "fiscalsim from communes.txt", "communes.gp");
    chart_plots_settings(out, opt);
    fputs("scenario = ", out);
    chart_quoted(out, c->data->scenario);
    fputs("\nfingerprint = ", out);
    chart_quoted(out, c->data->fingerprint);
    fputs("\nset terminal pdfcairo size 21cm,29.7cm font 'DejaVu Sans,10' noenhanced\n"
          "set output (exists(\"outdir\") ? outdir : ", out);
    chart_quoted(out, dir);
    fputs(").'/communes.pdf'\n", out);
    for (const char *p = c->text; *p;) {
        const char *ff = strchr(p, '\f');
        const char *end = ff ? ff : p + strlen(p);
        if (end > p + 1) page(out, p, end[-1] == '\n' ? end - 1 : end);
        p = ff ? ff + 1 : end;
        if (*p == '\n') p++;
    }
    fputs("unset output\n", out);
}

/* The whole of path, NUL-terminated; NULL when it cannot be read (errno says why). */
static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, len = 0, n;
    char *text = malloc(cap);
    while (text && (n = fread(text + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (len + 1 == cap) {
            char *more = realloc(text, cap *= 2);
            if (!more) free(text);
            text = more;
        }
    }
    if (text) text[len] = '\0';
    fclose(f);
    return text;
}

fs_status fs_communes_draw(const fs_chart_data *data, const fs_chart_options *opt, const fs_chart_place *place,
                           fs_diag *diag)
{
    char path[FS_PATH_MAX + 16];
    snprintf(path, sizeof path, "%s/communes.txt", place->tables);
    char *text = read_all(path);
    if (!text) return errno == ENOENT ? FS_OK : fs_diag_add(diag, FS_EIO, path, 0, NULL, "cannot read: %s", strerror(errno));
    char plots[FS_PATH_MAX];
    fs_status st = fs_chart_find_plots(opt->plots, plots, sizeof plots, diag);
    fs_chart_options with_plots = *opt;
    with_plots.plots = plots;
    chart_path output;
    snprintf(output, sizeof output, "%s/communes.pdf", place->stage);
    const char *outputs[1] = {output};
    communes c = {data, text};
    if (st == FS_OK) st = chart_write_and_run(place, "communes.gp", write_script, &c, &with_plots, outputs, 1, diag);
    free(text);
    return st;
}
