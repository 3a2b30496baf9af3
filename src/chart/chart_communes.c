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
#include "names.h"

typedef struct communes {
    const fs_chart_data *data;
    const char *text;             /* communes.txt, NUL-terminated */
    const char *unit;             /* only this unit's pages (a loose key), or NULL */
    const char *output;           /* communes.pdf or commune.pdf */
} communes;

/* Whether the page at start (its first line: "<name> (<kind>, ...)") is of the unit
 * whose loose key is `want`: the whole name, or its end after the kind ("Bạch Long Vĩ"
 * for "Đặc khu Bạch Long Vĩ"). */
static bool page_of(const char *start, const char *end, const char *want)
{
    const char *paren = memchr(start, '(', (size_t)(end - start)), *nl = memchr(start, '\n', (size_t)(end - start));
    const char *stop = paren && (!nl || paren < nl) ? paren : nl ? nl : end;
    while (stop > start && stop[-1] == ' ') stop--;
    char name[512], key[512];
    snprintf(name, sizeof name, "%.*s", (int)(stop - start), start);
    if (fs_name_loose_key(name, key, sizeof key) != 0) return false;
    size_t n = strlen(key), w = strlen(want);
    return !strcmp(key, want) || (n > w && key[n - w - 1] == ' ' && !strcmp(key + n - w, want));
}

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
    fprintf(out, ").'/%s'\n", c->output);
    for (const char *p = c->text; *p;) {
        const char *ff = strchr(p, '\f');
        const char *end = ff ? ff : p + strlen(p);
        if (end > p + 1 && (!c->unit || page_of(p, end, c->unit))) page(out, p, end[-1] == '\n' ? end - 1 : end);
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

/* How many pages of text are of the unit whose loose key is `want`. */
static size_t pages_of(const char *text, const char *want)
{
    size_t n = 0;
    for (const char *p = text; *p;) {
        const char *ff = strchr(p, '\f');
        const char *end = ff ? ff : p + strlen(p);
        n += end > p + 1 && page_of(p, end, want);
        p = ff ? ff + 1 : end;
        if (*p == '\n') p++;
    }
    return n;
}

fs_status fs_communes_draw(const fs_chart_data *data, const fs_chart_options *opt, const fs_chart_place *place,
                           const char *unit, fs_diag *diag)
{
    char path[FS_PATH_MAX + 16];
    snprintf(path, sizeof path, "%s/communes.txt", place->tables);
    char *text = read_all(path);
    if (!text) {
        if (errno != ENOENT) return fs_diag_add(diag, FS_EIO, path, 0, NULL, "cannot read: %s", strerror(errno));
        return unit ? fs_diag_add(diag, FS_EUSAGE, place->dir, 0, NULL,
                                  "no communes.txt: the run in this folder drew no PDF (run it with --charts pdf)")
                    : FS_OK;
    }
    char want[512] = "";
    if (unit && (fs_name_loose_key(unit, want, sizeof want) != 0 || pages_of(text, want) == 0)) {
        free(text);
        return fs_diag_add(diag, FS_EUSAGE, path, 0, NULL, "no unit named \"%s\"", unit);
    }
    communes c = {data, text, unit ? want : NULL, unit ? "commune.pdf" : "communes.pdf"};
    chart_path output;
    snprintf(output, sizeof output, "%s/%s", place->stage, c.output);
    const char *outputs[1] = {output};
    fs_status st = chart_write_and_run(place, unit ? "commune.gp" : "communes.gp", write_script, &c, opt, outputs, 1,
                                       diag);
    free(text);
    return st;
}
