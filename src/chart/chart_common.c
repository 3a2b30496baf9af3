/*
 * chart_common.c: the pieces every fiscalsim chart script writes the same way
 * (chart_common.h): its first lines, the terminal and file of each output, the start
 * of a page, the quoting of user text, numbers in a language's format, the axes of a
 * share over time and a stable sort order.
 *
 * User text is quoted because gnuplot labels are code: an unquoted title could run
 * shell commands. Fonts are named explicitly (DejaVu Sans renders every Vietnamese
 * diacritic in pngcairo, svg and pdfcairo), and every terminal is `noenhanced`, so
 * that no user text is read as markup.
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "chart_common.h"
#include "calendar.h"
#include "money_text.h"

bool chart_format_wanted(const fs_chart_options *opt, chart_format f)
{
    return f == CHART_PNG ? opt->png : f == CHART_SVG ? opt->svg : opt->pdf;
}

const char *chart_format_ext(chart_format f)
{
    return f == CHART_PNG ? "png" : f == CHART_SVG ? "svg" : "pdf";
}

void chart_script_start(FILE *out, const char *drawn_by, const char *script)
{
    fprintf(out, "# Drawn by %s; rerun with: gnuplot %s\n", drawn_by, script);
    fputs("# fiscalsim sets `outdir` to draw into its staging folder; rerun by hand, the charts go to the\n", out);
    fputs("# folder each `set output` names.\n", out);
    fputs("set encoding utf8\n", out);
}

void chart_plots_settings(FILE *out, const fs_chart_options *opt)
{
    fputs("# The chart scripts (plots/); another copy: gnuplot -e \"plots='DIR'\" <this script>\n"
          "if (!exists(\"plots\")) plots = ", out);
    chart_quoted(out, opt->plots ? opt->plots : "plots");
    chart_numbers num = chart_numbers_of(opt->lang);
    fprintf(out, "\nlang = '%s'\nthousands = '%c'\ndecimal = '%c'\n", opt->lang == FS_LANG_EN ? "en" : "vi",
            num.thousands, num.decimal);
    fputs("load plots.'/lib/common.gp'\nload plots.'/words/'.lang.'.gp'\n", out);
}

void chart_date(FILE *out, int32_t day)
{
    char text[11];
    fs_date_format(day, text);
    fputs(text, out);
}

void chart_number(FILE *out, double v)
{
    if (isnan(v)) fputs(" NaN", out);
    else fprintf(out, " %.10g", v);
}

void chart_number_setting(FILE *out, const char *name, double v)
{
    if (isnan(v)) fprintf(out, "%s = NaN\n", name);
    else fprintf(out, "%s = %.10g\n", name, v);
}

void chart_money_settings(FILE *out, const char *money_unit, bool upper_is_province)
{
    fputs("money_unit = ", out);
    chart_quoted(out, money_unit);
    fprintf(out, "\nin_billions = %d\nupper_level = '%s'\n", chart_in_billions(money_unit),
            upper_is_province ? "province" : "city");
}

void chart_output(FILE *out, chart_format f, const char *dir, const char *name)
{
    static const char *const terminal[] = {
        "pngcairo size 1600,1000 font 'DejaVu Sans,14' noenhanced",
        "svg size 1600,1000 font 'DejaVu Sans,14' noenhanced",
        "pdfcairo size 29.7cm,21cm font 'DejaVu Sans,11' noenhanced",
    };
    fprintf(out, "set terminal %s\n", terminal[f]);
    fputs("set output (exists(\"outdir\") ? outdir : ", out);
    chart_quoted(out, dir);
    fprintf(out, ").'/%s.%s'\n", name, chart_format_ext(f));
}

void chart_quoted(FILE *out, const char *s)
{
    fputc('\'', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x20 || c == 0x7F) continue;
        if (c == '\'') fputc('\'', out);
        fputc(c, out);
    }
    fputc('\'', out);
}

void chart_quoted_printf(FILE *out, const char *fmt, ...)
{
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    chart_quoted(out, text);
}

void chart_label(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x20 || c == 0x7F || c == '"' || c == '\\') continue;
        fputc(c, out);
    }
    fputc('"', out);
}

bool chart_in_billions(const char *money_unit)
{
    return strcmp(money_unit, "million VND") == 0;
}

double chart_divisor(const char *money_unit)
{
    return chart_in_billions(money_unit) ? 1000.0 : 1.0;
}

size_t chart_text_length(const char *s, size_t bytes)
{
    size_t n = 0;
    for (size_t k = 0; k < bytes && s[k]; k++) n += ((unsigned char)s[k] & 0xC0) != 0x80;
    return n;
}

void chart_fixed_text(char *buf, size_t size, int64_t value, int scale, int decimals, bool sign, chart_numbers num)
{
    uint64_t mag = value < 0 ? (uint64_t)0 - (uint64_t)value : (uint64_t)value, drop = 1, keep = 1;
    for (int k = 0; k < scale - decimals; k++) drop *= 10;
    for (int k = 0; k < decimals; k++) keep *= 10;
    mag = (mag + drop / 2) / drop;
    uint64_t whole = mag / keep, frac = mag % keep;
    char grouped[FS_GROUPED_MAX];
    fs_group_digits(whole, num.thousands, grouped);
    const char *s = value < 0 && mag ? "-" : sign && mag ? "+" : "";
    if (sign && !mag)
        snprintf(buf, size, "0"); /* no change */
    else if (decimals > 0) {
        char fraction[24];
        int places = decimals < 20 ? decimals : 20;
        for (int k = places - 1; k >= 0; k--, frac /= 10) fraction[k] = (char)('0' + frac % 10);
        fraction[places] = '\0';
        snprintf(buf, size, "%s%s%c%s", s, grouped, num.decimal, fraction);
    } else
        snprintf(buf, size, "%s%s", s, grouped);
}

chart_numbers chart_numbers_of(fs_lang lang)
{
    return lang == FS_LANG_VI ? (chart_numbers){'.', ','} : (chart_numbers){',', '.'};
}

/* The tic list "(...)" of the months from `first` to `last`: a minor tic at the start
 * of each month (the grid lines: a month-end point sits just left of its month's end),
 * and each month's name, as lang writes it, at the middle of the month on a major tic
 * of no length. */
static void month_list(FILE *out, int32_t first, int32_t last, fs_lang lang)
{
    int y0, m0, d0;
    fs_civil_from_days(first, &y0, &m0, &d0);
    size_t months = 0;
    for (int y = y0, m = m0; fs_days_from_civil(y, m, 1) <= last; m = m % 12 + 1, y += m == 1) months++;
    size_t step = (months + 12) / 13;
    fputc('(', out);
    size_t k = 0;
    for (int y = y0, m = m0; k < months; m = m % 12 + 1, y += m == 1, k++) {
        char name[FS_DATE_TEXT_MAX], at[16], middle[16];
        fs_format_month(fs_days_from_civil(y, m, 1), lang, name);
        snprintf(at, sizeof at, "%04d-%02d-01", y, m);
        snprintf(middle, sizeof middle, "%04d-%02d-16", y, m);
        if (k) fputs(", ", out);
        fputs("'' ", out);
        chart_quoted(out, at);
        fputs(" 1", out);
        if (k % step == 0) {
            fputs(", ", out);
            chart_quoted(out, name);
            fputc(' ', out);
            chart_quoted(out, middle);
        }
    }
    fputc(')', out);
}

void chart_month_tics_setting(FILE *out, int32_t first, int32_t last, fs_lang lang)
{
    fputs("month_tics = \"", out);
    month_list(out, first, last, lang);
    fputs("\"\n", out);
}

int chart_by_rank(const void *a, const void *b)
{
    const chart_rank *x = a, *y = b;
    if (x->value != y->value) return (x->value > y->value) - (x->value < y->value);
    return (x->index > y->index) - (x->index < y->index);
}

size_t chart_output_paths(const char *dir, const fs_chart_options *opt, const char *const *names, size_t n,
                          const char *pack, chart_path *paths, const char **outputs)
{
    size_t k = 0;
    for (chart_format f = CHART_PNG; f <= CHART_SVG; f++) {
        if (!chart_format_wanted(opt, f)) continue;
        for (size_t c = 0; c < n; c++, k++)
            snprintf(paths[k], sizeof paths[k], "%s/%s.%s", dir, names[c], chart_format_ext(f));
    }
    if (opt->pdf) snprintf(paths[k++], sizeof paths[0], "%s/%s.pdf", dir, pack);
    for (size_t i = 0; i < k; i++) outputs[i] = paths[i];
    return k;
}

fs_status chart_write_and_run(const fs_chart_place *place, const char *script_name, chart_script_writer write,
                              const void *data, const fs_chart_options *opt, const char *const *outputs, size_t n,
                              fs_diag *diag)
{
    if (n == 0) return FS_OK;
    /* The writer sees the options with the folder of the chart scripts found. */
    char plots[FS_PATH_MAX];
    fs_chart_options with_plots = *opt;
    with_plots.plots = plots;
    fs_status found = fs_chart_find_plots(opt->plots, plots, sizeof plots, diag);
    if (found != FS_OK) return found;
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem) return fs_diag_add(diag, FS_EINTERNAL, NULL, 0, NULL, "out of memory");
    write(mem, data, &with_plots, place->dir);
    fclose(mem);
    fs_status st = fs_chart_run(text, len, place, script_name, outputs, n, opt->timeout_s, diag);
    free(text);
    return st;
}
