/*
 * fuzz_table.c: libFuzzer target for the CSV reader and the typed reading of a units
 * table: the input is the table of a fixed scenario with two sources. With
 * FUZZ_TABLE_EXT "xlsx" (fuzz_xlsx.c) the input is the table as a workbook, for the
 * workbook reader (libzip and expat) instead.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scenario.h"

#ifndef FUZZ_TABLE_EXT
#define FUZZ_TABLE_EXT "csv"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char scenario[] =
    "name = \"fuzz\"; year = 2026;\n"
    "units = { table = \"TABLE\"; };\n"
    "sources = ( { id = \"fees\"; type = \"commune\"; },\n"
    "  { id = \"pit\"; type = \"shared\"; shares = ( { regime = \"HP\"; min = 0.2; max = 0.5; step = 0.05; },\n"
    "                                           { commune = 0.3; } ); } );\n"
    "norms = ( { id = \"base\"; per_capita = 0.2; per_km2 = 1.0; dossiers = 0.1; coefficients = true; } );\n"
    "policy = { envelope = 1000000L; hold_harmless = 0.9; };\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char table[64], cfg[64];
    long pid = (long)getpid();
    snprintf(table, sizeof table, "fiscalsim-fuzz-%ld." FUZZ_TABLE_EXT, pid);
    snprintf(cfg, sizeof cfg, "/dev/shm/fiscalsim-fuzz-%ld-table-" FUZZ_TABLE_EXT ".cfg", pid);
    char path[96];
    snprintf(path, sizeof path, "/dev/shm/%s", table);
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    static int written;
    if (!written) {
        FILE *c = fopen(cfg, "wb");
        if (!c) return 0;
        for (const char *p = scenario; *p; p++) {
            if (!strncmp(p, "TABLE", 5)) {
                fputs(table, c);
                p += 4;
            } else {
                fputc(*p, c);
            }
        }
        fclose(c);
        written = 1;
    }
    fs_diag diag = {0};
    fs_model *m = NULL;
    fs_scenario_load(cfg, &m, &diag);
    fs_model_free(m);
    fs_diag_clear(&diag);
    return 0;
}
