/*
 * chart_script.c: the gnuplot script for the council charts (see chart.h): the four
 * charts of every run, the page they all start with (chart_page_setup: the title after
 * the scenario's name, the footer with its fingerprint), and the script that writes
 * each chart drawn in each format asked for, then the pack.
 *
 * All user text (names, the scenario title) goes through the quoting helpers, and the
 * script's first lines, terminals and fonts are those of every chart script
 * (chart_common.c). Fills use patterns and lines use dash types, so charts stay
 * readable in black and white. Data go in datablocks, numbers printed in the C locale;
 * what a person reads (tic labels, the Gini) is written here in the language's number
 * format (chart_number_axis), since gnuplot knows only the C locale's.
 * The disbursement and risk charts, drawn when the run has disbursement data, are in
 * chart_disburse.c; the trajectory of a stability period, drawn when the run has one,
 * in chart_period.c.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "chart_common.h"
#include "chart_disburse.h"
#include "chart_period.h"
#include "money_text.h"

enum { CHART_COUNT = 4, CHART_PERIOD = 6 };
/* The four charts of every run, then the two drawn when the run has disbursement data,
 * then the one drawn when it has a stability period. */
const char *const chart_run_names[CHART_RUN_ALL] = {"coverage", "per_capita", "revenue_split", "lorenz",
                                                    "disbursement", "risk", "period"};

bool chart_run_drawn(const fs_chart_data *d, size_t chart)
{
    return chart < CHART_COUNT || (chart < CHART_PERIOD ? d->has_disbursement : d->has_period);
}

typedef struct words {
    const char *title[CHART_COUNT];
    const char *coverage_x, *coverage_y, *coverage_bar, *need_line, *min_line;
    const char *per_capita_y, *per_capita_bar;
    const char *split_y, *central, *city, *commune;
    const char *lorenz_x, *lorenz_y, *lorenz_curve, *equality;
    const char *kind[3], *cls[4];
    const char *fingerprint, *estimates;
    fs_lang lang;
} words;

static const words vi = {
    {"Tỷ lệ đáp ứng nhu cầu chi theo đơn vị", "Phân bổ bình quân đầu người theo loại hình và phân loại",
     "Phân chia từng nguồn thu giữa trung ương, thành phố và cấp xã", "Đường Lorenz của phân bổ bình quân đầu người"},
    "Đơn vị cấp xã (xếp theo tỷ lệ đáp ứng)", "Phân bổ / nhu cầu", "Tỷ lệ đáp ứng", "Nhu cầu (100%)",
    "Mức thấp nhất",
    "Bình quân đầu người", "Phân bổ bình quân đầu người",
    "Số thu", "Trung ương", "Thành phố", "Cấp xã",
    "Tỷ lệ dân số cộng dồn", "Tỷ lệ phân bổ cộng dồn", "Đường Lorenz", "Bình đẳng tuyệt đối",
    {"Xã", "Phường", "Đặc khu"}, {"loại I", "loại II", "loại III", "đặc biệt"},
    "mã dữ liệu", "số liệu từng đơn vị là ước tính",
    FS_LANG_VI,
};

static const words en = {
    {"Coverage of need by unit", "Per-capita allocation by kind and class",
     "Split of each revenue source between central, city and commune level", "Lorenz curve of per-capita allocation"},
    "Commune-level units (sorted by coverage)", "Allocation / need", "Coverage", "Need (100%)", "Lowest coverage",
    "Per capita", "Per-capita allocation",
    "Revenue", "Central", "City", "Commune level",
    "Cumulative share of population", "Cumulative share of allocation", "Lorenz curve", "Perfect equality",
    {"Commune", "Ward", "Special zone"}, {"class I", "class II", "class III", "special class"},
    "fingerprint", "per-unit figures are estimates",
    FS_LANG_EN,
};

static void unit_text(FILE *out, const fs_chart_data *d, fs_lang lang, bool per_person)
{
    char text[128];
    bool million = chart_in_billions(d->money_unit);
    if (per_person)
        snprintf(text, sizeof text, "%s", million ? (lang == FS_LANG_VI ? "triệu đồng/người" : "million VND per person")
                                                  : d->money_unit);
    else
        snprintf(text, sizeof text, "%s", million ? (lang == FS_LANG_VI ? "tỷ đồng" : "billion VND") : d->money_unit);
    chart_quoted(out, text);
}

static void page_setup_title(FILE *out, const fs_chart_data *d, const words *w, const char *chart_title)
{
    chart_page_reset(out);
    fputs("set bmargin 6\n", out);
    fputs("set title ", out);
    char title[256];
    snprintf(title, sizeof title, "%s: %s", d->scenario, chart_title);
    chart_quoted(out, title);
    fputs(" font ',16'\n", out);
    char foot[256];
    snprintf(foot, sizeof foot, "fiscalsim · %s · %s %s · %s", d->scenario, w->fingerprint, d->fingerprint,
             w->estimates);
    fputs("set label 100 ", out);
    chart_quoted(out, foot);
    fputs(" at screen 0.01, screen 0.015 font ',9'\n", out);
}

static void page_setup(FILE *out, const fs_chart_data *d, const words *w, int chart)
{
    page_setup_title(out, d, w, w->title[chart]);
}

void chart_page_setup(FILE *out, const fs_chart_data *d, fs_lang lang, const char *title)
{
    page_setup_title(out, d, lang == FS_LANG_EN ? &en : &vi, title);
}

/* The y axis of values from 0 to hi: whole steps of 1, 2 or 5 × 10^k, in the words'
 * number format. */
static void value_axis(FILE *out, double hi, const words *w)
{
    double lo = 0;
    double step = chart_nice_range(&lo, &hi, 6);
    chart_number_axis(out, "y", lo, hi, step, "", chart_numbers_of(w->lang));
}

static int by_coverage(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void chart_coverage(FILE *out, const fs_chart_data *d, const words *w)
{
    double *v = malloc((d->unit_count + 1) * sizeof *v);
    if (!v) return;
    memcpy(v, d->coverage, d->unit_count * sizeof *v);
    qsort(v, d->unit_count, sizeof *v, by_coverage);
    fputs("$coverage << EOD\n", out);
    for (size_t k = 0; k < d->unit_count; k++) fprintf(out, "%zu %.17g\n", k + 1, v[k]);
    fputs("EOD\n", out);
    page_setup(out, d, w, 0);
    fprintf(out, "set xrange [0:%zu]\nset key top left\n", d->unit_count + 1);
    value_axis(out, fmax(1, d->unit_count ? v[d->unit_count - 1] : 1), w);
    fputs("set xlabel ", out);
    chart_quoted(out, w->coverage_x);
    fputs("\nset ylabel ", out);
    chart_quoted(out, w->coverage_y);
    fputs("\nset style fill pattern 4 border lc 'black'\nset boxwidth 0.8\n", out);
    fputs("plot $coverage using 1:2 with boxes lc 'black' title ", out);
    chart_quoted(out, w->coverage_bar);
    fputs(", 1 with lines dt 2 lw 2 lc 'black' title ", out);
    chart_quoted(out, w->need_line);
    fprintf(out, ", %.17g with lines dt 3 lw 2 lc 'black' title ", d->unit_count ? v[0] : 0.0);
    chart_quoted(out, w->min_line);
    fputc('\n', out);
    free(v);
}

static void chart_per_capita(FILE *out, const fs_chart_data *d, const words *w, fs_lang lang)
{
    static const char *const kinds[] = {"commune", "ward", "special_zone"};
    static const char *const classes[] = {"I", "II", "III", "special"};
    double div = 1.0, top = 0; /* money unit per person: million VND per person is "triệu đồng/người" */
    fputs("$per_capita << EOD\n", out);
    for (int k = 0; k < 3; k++)
        for (int c = 0; c < 4; c++) {
            double alloc = 0, pop = 0;
            for (size_t u = 0; u < d->unit_count; u++)
                if (!strcmp(d->kind[u], kinds[k]) && !strcmp(d->cls[u], classes[c]))
                    alloc += (double)d->allocation[u], pop += (double)d->population[u];
            if (pop <= 0) continue;
            char name[96];
            snprintf(name, sizeof name, "%s, %s", w->kind[k], w->cls[c]);
            chart_label(out, name);
            fprintf(out, " %.17g\n", alloc / pop / div);
            top = fmax(top, alloc / pop / div);
        }
    fputs("EOD\n", out);
    page_setup(out, d, w, 1);
    fputs("set style data histograms\nset style histogram clustered gap 1\nset style fill pattern 2 border lc 'black'\n"
          "set key off\n", out);
    value_axis(out, top, w);
    fputs("set ylabel ", out);
    unit_text(out, d, lang, true);
    fputs("\nplot $per_capita using 2:xtic(1) lc 'black' title ", out);
    chart_quoted(out, w->per_capita_bar);
    fputc('\n', out);
}

static void chart_split(FILE *out, const fs_chart_data *d, const words *w, fs_lang lang)
{
    double div = chart_divisor(d->money_unit), top = 0; /* tỷ đồng / billion VND from million VND */
    fputs("$split << EOD\n", out);
    for (size_t s = 0; s < d->source_count; s++) {
        top = fmax(top, (double)(d->central[s] + d->city[s] + d->commune[s]) / div);
        chart_label(out, d->source[s]);
        fprintf(out, " %.17g %.17g %.17g\n", (double)d->central[s] / div, (double)d->city[s] / div,
                (double)d->commune[s] / div);
    }
    fputs("EOD\n", out);
    page_setup(out, d, w, 2);
    fputs("set style data histograms\nset style histogram rowstacked\nset boxwidth 0.7\n"
          "set style fill pattern border lc 'black'\nset xtics rotate by -35 left font ',9'\n"
          "set bmargin 12\nset rmargin 12\nset key top right\n", out);
    value_axis(out, top, w);
    fputs("set ylabel ", out);
    unit_text(out, d, lang, false);
    fputs("\nplot $split using 2:xtic(1) lc 'black' fs pattern 2 title ", out);
    chart_quoted(out, w->central);
    fputs(", '' using 3 lc 'black' fs pattern 0 title ", out);
    chart_quoted(out, w->city);
    fputs(", '' using 4 lc 'black' fs pattern 5 title ", out);
    chart_quoted(out, w->commune);
    fputc('\n', out);
}

typedef struct lorenz_point {
    double per_capita;
    double population, allocation;
} lorenz_point;

static int by_per_capita(const void *a, const void *b)
{
    const lorenz_point *x = a, *y = b;
    return (x->per_capita > y->per_capita) - (x->per_capita < y->per_capita);
}

static void chart_lorenz(FILE *out, const fs_chart_data *d, const words *w)
{
    lorenz_point *p = malloc((d->unit_count + 1) * sizeof *p);
    if (!p) return;
    double pop = 0, alloc = 0;
    for (size_t u = 0; u < d->unit_count; u++) {
        p[u].population = (double)d->population[u];
        p[u].allocation = (double)d->allocation[u];
        p[u].per_capita = p[u].population > 0 ? p[u].allocation / p[u].population : 0;
        pop += p[u].population;
        alloc += p[u].allocation;
    }
    qsort(p, d->unit_count, sizeof *p, by_per_capita);
    double x = 0, y = 0, gini = 1;
    fputs("$lorenz << EOD\n0 0\n", out);
    for (size_t u = 0; u < d->unit_count && pop > 0 && alloc > 0; u++) {
        double nx = x + p[u].population / pop, ny = y + p[u].allocation / alloc;
        gini -= (nx - x) * (ny + y);
        x = nx, y = ny;
        fprintf(out, "%.17g %.17g\n", x, y);
    }
    fputs("EOD\n", out);
    free(p);
    page_setup(out, d, w, 3);
    fputs("set size ratio -1\nset key top left\n", out);
    chart_number_axis(out, "x", 0, 1, 0.2, "", chart_numbers_of(w->lang));
    chart_number_axis(out, "y", 0, 1, 0.2, "", chart_numbers_of(w->lang));
    fputs("set xlabel ", out);
    chart_quoted(out, w->lorenz_x);
    fputs("\nset ylabel ", out);
    chart_quoted(out, w->lorenz_y);
    char curve[128], number[32];
    fs_format_real(gini, 4, w->lang, number, sizeof number);
    snprintf(curve, sizeof curve, "%s (Gini %s)", w->lorenz_curve, number);
    fputs("\nplot $lorenz using 1:2 with lines lw 3 dt 1 lc 'black' title ", out);
    chart_quoted(out, curve);
    fputs(", x with lines lw 1 dt 2 lc 'black' title ", out);
    chart_quoted(out, w->equality);
    fputc('\n', out);
}

static void draw_all(FILE *out, const fs_chart_data *d, const words *w, fs_lang lang, int only)
{
    if (only < 0 || only == 0) chart_coverage(out, d, w);
    if (only < 0 || only == 1) chart_per_capita(out, d, w, lang);
    if (only < 0 || only == 2) chart_split(out, d, w, lang);
    if (only < 0 || only == 3) chart_lorenz(out, d, w);
    if (d->has_disbursement && (only < 0 || only == 4)) chart_disbursement(out, d, lang);
    if (d->has_disbursement && (only < 0 || only == 5)) chart_risk(out, d, lang);
    if (d->has_period && (only < 0 || only == CHART_PERIOD)) chart_period(out, d, lang);
}

void fs_chart_script(const fs_chart_data *d, const fs_chart_options *opt, const char *dir, FILE *out)
{
    const words *w = opt->lang == FS_LANG_EN ? &en : &vi;
    chart_script_start(out, "fiscalsim from the run's tables", "charts.gp");
    for (chart_format f = CHART_PNG; f <= CHART_SVG; f++) {
        if (!chart_format_wanted(opt, f)) continue;
        for (size_t c = 0; c < CHART_RUN_ALL; c++) {
            if (!chart_run_drawn(d, c)) continue;
            chart_output(out, f, dir, chart_run_names[c]);
            draw_all(out, d, w, opt->lang, (int)c);
            fputs("unset output\n", out);
        }
    }
    if (opt->pdf) {
        chart_output(out, CHART_PDF, dir, "council-pack");
        draw_all(out, d, w, opt->lang, -1);
        fputs("unset output\n", out);
    }
}
