/*
 * fuzz_pipeline.c: libFuzzer target for the whole run on small scenarios: load, solve,
 * whole money, disbursement and the multi-year period when the scenario has them, and
 * the tables and summary written (to a folder in /dev/shm). A scenario that loads must
 * never crash a later stage, and every result must conserve money: the allocations add
 * up to their total, each is own revenue + transfer + targeted, and every collection's
 * parts add up to it. Large scenarios (more than 40 units or 8 sources) are loaded but
 * not solved, and the time limit of a branch and bound is cut to 0.2 s, so that one
 * input takes milliseconds.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "disburse.h"
#include "engine.h"
#include "output.h"
#include "period.h"
#include "scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts (a finding) when the result does not conserve money. */
static void check_money(const fs_model *m, const fs_result *r)
{
    int64_t total = 0;
    for (size_t u = 0; u < m->unit_count; u++) {
        const fs_unit_result *ur = &r->units[u];
        if (ur->own + ur->transfer + ur->targeted != ur->allocation) abort();
        int64_t own = 0;
        for (size_t s = 0; s < m->source_count; s++) {
            size_t k = u * m->source_count + s;
            if (r->central_part[k] + r->city_part[k] + r->commune_part[k] != fs_model_revenue(m, u, s)) abort();
            own += r->commune_part[k];
        }
        if (own != ur->own) abort();
        total += ur->allocation;
    }
    if (total != r->total_allocation) abort();
    if (m->policy.mode == FS_MODE_OPTIMISE && m->policy.envelope_mode == FS_ENVELOPE_EXACT &&
        total != m->policy.envelope)
        abort();
}

static void run(fs_model *m, const char *out)
{
    fs_diag diag = {0};
    fs_engine_options opt = {0};
    fs_result *r = NULL;
    fs_disburse_result *disb = NULL;
    fs_period_result *period = NULL;
    m->policy.mip_time_limit = fmin(m->policy.mip_time_limit, 0.2);
    fs_status st = fs_engine_run(m, &opt, &r, &diag);
    if (st == FS_OK && !r) abort();
    if (st == FS_OK) check_money(m, r);
    /* Calibrated on its own points: a baseline to calibrate on is not fuzzed here. */
    if (st == FS_OK && m->disburse) st = fs_disburse_run(m, r, NULL, &disb, &diag);
    if (st == FS_OK && m->period) st = fs_period_run(m, r, &period, &diag);
    if (st == FS_OK) {
        fs_output_options oo = {.csv = true, .disburse = disb, .period = period};
        fs_output_write(m, r, out, &oo, &diag);
    }
    fs_period_result_free(period);
    fs_disburse_result_free(disb);
    fs_relaxation_free(opt.relaxation);
    fs_result_free(r);
    fs_diag_clear(&diag);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char out[64];
    snprintf(out, sizeof out, "/dev/shm/fiscalsim-fuzz-%ld-out", (long)getpid());
    mkdir(out, 0700);
    fs_diag diag = {0};
    fs_model *m = NULL;
    if (fs_scenario_load_text("pipeline.cfg", (const char *)data, size, &m, &diag) == FS_OK) {
        if (!m) abort();
        if (m->unit_count <= 40 && m->source_count <= 8) run(m, out);
    }
    fs_model_free(m);
    fs_diag_clear(&diag);
    return 0;
}
