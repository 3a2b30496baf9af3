/*
 * legal.h: the legal sharing formula (State Budget Law 2015, Circular 342/2016) as a
 * baseline mode, in closed form.
 *
 * For each unit, A = its need, B = its 100%-own revenues counted in the balance
 * (commune-only sources with in_balance), C = the local part of its shared revenues
 * counted in the balance. If A − B < C the commune share of those shared sources is
 * (A − B)/C and there is no balancing transfer; otherwise the share is 100% of the
 * local part and the transfer is A − (B + C). When B alone exceeds A the share is 0.
 * Sources outside the balance (land-use fees) keep their fixed shares.
 */
#ifndef FISCALSIM_LEGAL_H
#define FISCALSIM_LEGAL_H

#include "model.h"

/* Fills share (unit × source) and transfer (per unit) with real values. The model must
 * be in FS_MODE_LEGAL (its out-of-balance shared sources have fixed shares). */
void fs_legal_solve(const fs_model *model, double *share, double *transfer);

#endif
