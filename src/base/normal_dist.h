/*
 * normal_dist.h: the standard normal distribution function and its quantile.
 */
#ifndef FISCALSIM_NORMAL_DIST_H
#define FISCALSIM_NORMAL_DIST_H

/* The standard normal quantile at p (0 < p < 1), Acklam's rational approximation:
 * relative error below 1.2e-9. */
double fs_normal_quantile(double p);

/* The standard normal distribution function at z. */
double fs_normal_cdf(double z);

#endif
