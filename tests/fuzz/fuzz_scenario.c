/*
 * fuzz_scenario.c: libFuzzer target for the scenario loader (libconfig text, inline
 * units, every section's checks, needs). Each input is loaded from memory
 * (fs_scenario_load_text); any crash, leak, hang or sanitizer report is a bug.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fs_diag diag = {0};
    fs_model *m = NULL;
    if (fs_scenario_load_text("fuzz.cfg", (const char *)data, size, &m, &diag) == FS_OK && !m) abort();
    fs_model_free(m);
    fs_diag_clear(&diag);
    return 0;
}
