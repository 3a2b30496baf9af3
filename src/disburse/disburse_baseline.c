/*
 * disburse_baseline.c: a reform's disbursement calibrated on its baseline.
 *
 * Observed disbursement happened under the baseline (today's delegation, today's
 * allocation). A reform that changes them must not be refitted to the same points,
 * which would erase its effect: its curves use the baseline's calibrated parameters.
 */
#include "disburse.h"
#include "engine.h"
#include "scenario.h"

fs_status fs_disburse_baseline(const fs_model *m, fs_disburse_result **out, fs_diag *diag)
{
    *out = NULL;
    fs_model *base = NULL;
    fs_result *base_result = NULL;
    fs_engine_options opt = {0};
    fs_status st = fs_scenario_load(m->files[1], &base, diag);
    if (st == FS_OK && !base->disburse)
        st = fs_diag_add(diag, FS_EINPUT, m->disburse->file, m->disburse->line, "disbursement.calibration",
                         "the baseline %s has no disbursement section to calibrate on", m->files[1]);
    if (st == FS_OK) st = fs_engine_run(base, &opt, &base_result, diag);
    if (st == FS_OK) st = fs_disburse_scenario(base, base_result, out, diag);
    fs_result_free(base_result);
    fs_relaxation_free(opt.relaxation);
    fs_model_free(base);
    return st;
}

fs_status fs_disburse_scenario(const fs_model *m, const fs_result *r, fs_disburse_result **out, fs_diag *diag)
{
    if (!m->disburse->calibrate_on_baseline) return fs_disburse_run(m, r, NULL, out, diag);
    *out = NULL;
    fs_disburse_result *base_run = NULL;
    fs_status st = fs_disburse_baseline(m, &base_run, diag);
    if (st == FS_OK) st = fs_disburse_run(m, r, base_run, out, diag);
    fs_disburse_result_free(base_run);
    return st;
}
