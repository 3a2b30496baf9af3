/*
 * disburse_cash.h (private): scheduling disbursement under the city's cash (GLPK).
 *
 * Each account's cumulative scheduled amount y[m] by the end of month m may not run
 * ahead of its simulated curve D[m] (the pace its capacity allows), may rise in a
 * month by at most (1 + catch_up) times what the curve adds that month, stops at the
 * account's deadline, and the sum over accounts may not exceed the cumulative cash
 * available for investment in any month (opening balance plus revenue minus recurrent
 * spending, which is paid first, minus the minimum balance). The LP maximises
 * Σ w·(Σ_m y[m] + M·y[deadline]): the least money-months of delay, and money lost at a
 * deadline costing more than any delay. Units' accounts weigh 1.001, the city's own
 * projects 1: when cash is short, the city's projects wait first.
 */
#ifndef FISCALSIM_DISBURSE_CASH_H
#define FISCALSIM_DISBURSE_CASH_H

#include "disburse.h"

/* Fills every account's `scheduled` (integers; the cash limit holds exactly in whole
 * money), d->constrained and d->shadow_price from d->available and the accounts'
 * simulated curves. Returns FS_OK, or FS_EINTERNAL with a diagnostic when GLPK fails. */
fs_status cash_schedule(fs_disburse_result *d, double catch_up, const char *file, fs_diag *diag);

#endif
