/*
 * fuzz_sweep_design.c: libFuzzer target for a scenario's `sweep` section. The input is
 * the body of `sweep = { ... };` in a reform of a small fixed scenario (three units, a
 * commune and a shared source, two norms, a city block, a policy). Both are files in
 * /dev/shm, since the loader reads files: the scenario written once, the reform per
 * input. When the reform loads, its design is counted (fs_sweep_variant_total, with
 * its overflow checks) and, up to 10^5 variants and 2·10^5 values so that a case takes
 * milliseconds, built (fs_sweep_design_values); every value must lie in its key's
 * range, and the first and last variants are set in clones of the scenario
 * (fs_sweep_variant). Any crash, leak, hang or sanitizer report is a bug, and so is a
 * value outside its range (abort).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "disburse.h"
#include "scenario.h"
#include "sweep.h"
#include "fuzz_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { VARIANTS_MAX = 100000, VALUES_MAX = 200000 };

static const char base_text[] =
    "name = \"fuzz base\";\n"
    "year = 2026;\n"
    "units = { list = (\n"
    "  { name = \"A\"; kind = \"commune\"; class = \"II\"; regime = \"X\"; population = 1000; area_km2 = 10.0;\n"
    "    rev_fees = 50; rev_pit = 20; last_year = 400; },\n"
    "  { name = \"B\"; kind = \"ward\"; class = \"I\"; regime = \"X\"; population = 3000; area_km2 = 5.0;\n"
    "    rev_fees = 100; rev_pit = 200; },\n"
    "  { name = \"C\"; kind = \"commune\"; class = \"II\"; regime = \"Y\"; population = 2000; area_km2 = 20; }\n"
    "); };\n"
    "sources = (\n"
    "  { id = \"fees\"; type = \"commune\"; },\n"
    "  { id = \"pit\"; type = \"shared\"; central = 0.1; city_collected = 300;\n"
    "    shares = ( { kind = \"ward\"; commune = 0.5; }, { commune = 0.7; } ); }\n"
    ");\n"
    "norms = ( { id = \"base\"; per_capita = 0.2; }, { id = \"area\"; per_km2 = 1.0; fixed = 10.0; } );\n"
    "city = { revenue = 1000; need = 500; central_transfers = 100; reserve_rate = 0.02; };\n"
    "policy = { envelope = 900; hold_harmless = 1.0; priority = 0.5; };\n";


/* The base scenario's path, written on first use. */
static const char *base_path(void)
{
    static char path[64];
    if (!path[0]) {
        snprintf(path, sizeof path, "/dev/shm/fiscalsim-fuzz-sweep-base-%ld.cfg", (long)getpid());
        if (write_file(path, base_text, sizeof base_text - 1) != 0) abort();
    }
    return path;
}

/* Every value of the design in its key's range (NAN: a baseline that is off). */
static void check_ranges(const fs_sweep_spec *s, const double *x, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < s->param_count; j++) {
            double v = x[i * s->param_count + j];
            if (!isnan(v) && (v < s->params[j].range_lo || v > s->params[j].range_hi)) abort();
        }
}

/* Builds the design when it is small enough, checks it, sets its ends in clones. */
static void build(const fs_model *m)
{
    const fs_sweep_spec *s = m->sweep;
    size_t n = fs_sweep_variant_total(s);
    if (n == 0 || n > FS_SWEEP_VARIANTS_MAX) abort(); /* the loader refuses these */
    if (n > VARIANTS_MAX || n * s->param_count > VALUES_MAX) return;
    fs_diag diag = {0};
    double *x = NULL;
    size_t got = fs_sweep_design_values(s, &x, &diag);
    if (got != 0 && got != n) abort();
    if (got == n) {
        check_ranges(s, x, n);
        size_t ends[2] = {0, n - 1};
        for (size_t k = 0; k < 2; k++) {
            struct fs_disburse_spec scratch;
            fs_model *y = NULL;
            fs_sweep_variant(m, x + ends[k] * s->param_count, &scratch, &y, &diag);
            fs_sweep_variant_free(y);
        }
    }
    free(x);
    fs_diag_clear(&diag);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char tail[] = "\n};\n";
    char head[160];
    int len = snprintf(head, sizeof head, "base = \"%s\";\nsweep = {\n", base_path());
    char *text = malloc((size_t)len + size + sizeof tail);
    if (!text) return 0;
    memcpy(text, head, (size_t)len);
    if (size) memcpy(text + len, data, size);
    memcpy(text + (size_t)len + size, tail, sizeof tail - 1);
    fs_diag diag = {0};
    fs_model *m = NULL;
    fs_status st = fs_scenario_load_text("sweep.cfg", text, (size_t)len + size + sizeof tail - 1, &m, &diag);
    free(text);
    if (st == FS_OK) {
        if (!m) abort();
        if (m->sweep) build(m);
    }
    fs_model_free(m);
    fs_diag_clear(&diag);
    return 0;
}
