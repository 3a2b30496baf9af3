/*
 * fuzz_scenario.c: libFuzzer target for the scenario loader (libconfig text, inline
 * units, every section's checks, needs). Each input is written to a file in /dev/shm
 * (the loader reads files) and loaded; any crash, leak, hang or sanitizer report is a bug.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "scenario.h"
#include "fuzz_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "/dev/shm/fiscalsim-fuzz-%ld.cfg", (long)getpid());
    if (write_file(path, data, size) != 0) return 0;
    fs_diag diag = {0};
    fs_model *m = NULL;
    if (fs_scenario_load(path, &m, &diag) == FS_OK && !m) abort();
    fs_model_free(m);
    fs_diag_clear(&diag);
    return 0;
}
