/*
 * disburse_prior.c: the history's prior and the bands' width (see disburse_prior.h).
 */
#include "disburse_prior.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* EM_STEPS: Levenberg–Marquardt steps of a year's fit per iteration, from the last
 * one's mode (a generalised EM: each iteration improves, none need converge). */
enum { P = CURVE_PARAMS, L = PRIOR_LEVELS, EM_ITERATIONS_MAX = 500, EM_STEPS = 2 };

void prior_hyper_free(prior_hyper *h)
{
    free(h->mean), free(h->level), free(h->cov), free(h->level_cov);
    h->mean = h->level = h->cov = h->level_cov = NULL;
}

int prior_of(const prior_hyper *h, int series, curve_gauss *out)
{
    memcpy(out->mean, h->mean + (size_t)series * P, sizeof out->mean);
    memcpy(out->cov, h->cov + (size_t)series * P * P, sizeof out->cov);
    return curve_gauss_prepare(out);
}

size_t prior_points_until(const prior_year *y, int32_t last)
{
    size_t m = 0;
    while (m < y->points.n && y->date[m] <= last) m++;
    return m;
}

/* The most points any year has. */
static size_t most_points(prior_year *const *years, size_t n)
{
    size_t most = 1;
    for (size_t j = 0; j < n; j++)
        if (years[j]->points.n > most) most = years[j]->points.n;
    return most;
}

/* Which level component (0: a, 1: b, 2: r) each θ component moves with, whether it is
 * the lower level's (which adds the departure d), and each level's θ component. */
static const int level_of[P] = {0, 0, 1, 1, 2};
static const bool lower_of[P] = {false, true, false, true, false};
static const int level_index[L] = {THETA_A_CITY, THETA_B_CITY, THETA_R};

/* θ-space mean of each series and the common covariance, from levels and departures. */
static void to_theta(prior_hyper *h)
{
    for (size_t c = 0; c < h->series_count; c++) {
        for (int i = 0; i < P; i++)
            h->mean[c * P + (size_t)i] = h->level[c * L + (size_t)level_of[i]] + (lower_of[i] ? h->parts[level_of[i]] : 0);
        const double *lc = h->level_cov + c * L * L;
        for (int i = 0; i < P; i++)
            for (int j = 0; j < P; j++)
                h->cov[c * P * P + (size_t)(i * P + j)] =
                    lc[level_of[i] * L + level_of[j]] + (i == j && lower_of[i] ? h->parts_var[level_of[i]] : 0);
    }
}

/* A year's level (a_city, b_city, r) and departure (a_lower − a_city, b_lower − b_city). */
static void split(const double *theta, double level[L], double parts[2])
{
    for (int i = 0; i < L; i++) level[i] = theta[level_index[i]];
    parts[0] = theta[THETA_A_LOWER] - theta[THETA_A_CITY], parts[1] = theta[THETA_B_LOWER] - theta[THETA_B_CITY];
}

/* The M-step from the years' posteriors; sq_sum is Σ_jk (r² + gᵀPg) over the points. */
static void maximise(prior_year *const *years, size_t n, const prior_settings *s, double sq_sum, prior_hyper *h)
{
    double overall[L] = {0}, parts[2] = {0, 0}, level[L], d[2];
    size_t with_parts = 0;
    for (size_t j = 0; j < n; j++) {
        split(years[j]->post.theta, level, d);
        for (int i = 0; i < L; i++) overall[i] += level[i] / (double)n;
        if (!years[j]->parts) continue;
        for (int i = 0; i < 2; i++) parts[i] += d[i];
        with_parts++;
    }
    for (int i = 0; i < 2; i++) h->parts[i] = parts[i] / ((double)with_parts + 1);
    for (size_t c = 0; c < h->series_count; c++) {
        double sum[L] = {0}, count = 0;
        for (size_t j = 0; j < n; j++)
            if ((size_t)years[j]->series == c) {
                split(years[j]->post.theta, level, d);
                for (int i = 0; i < L; i++) sum[i] += level[i];
                count++;
            }
        for (int i = 0; i < L; i++)
            h->level[c * L + (size_t)i] = (sum[i] + s->series_weight * overall[i]) / (count + s->series_weight);
    }
    /* Each series' spread S_s (in level_cov, then divided below) and the pooled one. */
    double pooled[L * L];
    for (int i = 0; i < L * L; i++) pooled[i] = s->years * s->level_cov[i];
    memset(h->level_cov, 0, h->series_count * L * L * sizeof *h->level_cov);
    for (size_t j = 0; j < n; j++) {
        size_t c = (size_t)years[j]->series;
        const double *m = h->level + c * L;
        split(years[j]->post.theta, level, d);
        for (int a = 0; a < L; a++)
            for (int b = 0; b < L; b++) {
                double v = (level[a] - m[a]) * (level[b] - m[b]) + years[j]->post.cov[level_index[a] * P + level_index[b]];
                h->level_cov[c * L * L + (size_t)(a * L + b)] += v;
                pooled[a * L + b] += v;
            }
    }
    for (int i = 0; i < L * L; i++) pooled[i] /= (double)n + s->years;
    for (size_t c = 0; c < h->series_count; c++) {
        double count = 0;
        for (size_t j = 0; j < n; j++) count += (size_t)years[j]->series == c;
        for (int i = 0; i < L * L; i++)
            h->level_cov[c * L * L + (size_t)i] =
                (h->level_cov[c * L * L + (size_t)i] + s->series_weight * pooled[i]) / (count + s->series_weight);
    }
    h->sigma = sqrt((sq_sum + s->sigma_points * s->sigma * s->sigma) / ((double)h->points + s->sigma_points));
    to_theta(h);
}

/* The largest change of θ's prior between two estimates, relative to its scale. */
static double change(const prior_hyper *a, const double *mean_before, const double *cov_before, double sigma_before)
{
    double d = fabs(a->sigma - sigma_before) / a->sigma;
    for (size_t c = 0; c < a->series_count; c++) {
        const double *cov = a->cov + c * P * P, *before = cov_before + c * P * P;
        for (int i = 0; i < P; i++) {
            d = fmax(d, fabs(a->mean[c * P + (size_t)i] - mean_before[c * P + (size_t)i]) / sqrt(cov[i * (P + 1)]));
            for (int j = 0; j < P; j++)
                d = fmax(d, fabs(cov[i * P + j] - before[i * P + j]) / sqrt(cov[i * P + i] * cov[j * P + j]));
        }
    }
    return d;
}

int prior_estimate(prior_year *const *years, size_t n, size_t series_count, const prior_settings *s,
                   prior_hyper *h)
{
    memset(h, 0, sizeof *h);
    h->series_count = series_count;
    h->mean = malloc((series_count + 1) * P * sizeof *h->mean);
    h->level = malloc((series_count + 1) * L * sizeof *h->level);
    h->cov = malloc((series_count + 1) * P * P * sizeof *h->cov);
    h->level_cov = malloc((series_count + 1) * L * L * sizeof *h->level_cov);
    double *before = malloc((series_count + 1) * P * sizeof *before);
    double *cov_before = malloc((series_count + 1) * P * P * sizeof *cov_before);
    size_t most = most_points(years, n);
    double *model = malloc(most * sizeof *model), *grad = malloc(most * P * sizeof *grad);
    int rc = -1;
    if (!h->mean || !h->level || !h->cov || !h->level_cov || !before || !cov_before || !model || !grad) goto done;
    for (size_t c = 0; c < series_count; c++) {
        memcpy(h->level + c * L, s->level, sizeof s->level);
        memcpy(h->level_cov + c * L * L, s->level_cov, sizeof s->level_cov);
    }
    memcpy(h->parts_var, s->parts_var, sizeof h->parts_var);
    h->sigma = s->sigma;
    to_theta(h);
    h->years = n;
    for (size_t j = 0; j < n; j++) {
        h->points += years[j]->points.n;
        memcpy(years[j]->post.theta, h->mean + (size_t)years[j]->series * P, sizeof years[j]->post.theta);
    }
    if (n == 0) {
        rc = 0;
        goto done;
    }
    for (h->iterations = 1; h->iterations <= EM_ITERATIONS_MAX; h->iterations++) {
        double sq_sum = 0, sigma_before = h->sigma;
        memcpy(before, h->mean, series_count * P * sizeof *before);
        memcpy(cov_before, h->cov, series_count * P * P * sizeof *cov_before);
        for (size_t j = 0; j < n; j++) {
            prior_year *y = years[j];
            curve_gauss g;
            if (prior_of(h, y->series, &g) != 0 ||
                curve_fit(&y->points, &g, h->sigma, y->post.theta, EM_STEPS, &y->post, model, grad) != 0)
                goto done;
            for (size_t k = 0; k < y->points.n; k++) {
                double r = model[k] - y->points.share[k];
                sq_sum += r * r + curve_quadratic(y->post.cov, grad + k * P);
            }
        }
        maximise(years, n, s, sq_sum, h);
        if (change(h, before, cov_before, sigma_before) < 1e-3) break;
    }
    /* The years' posteriors under the final estimate. */
    for (size_t j = 0; j < n; j++) {
        curve_gauss g;
        if (prior_of(h, years[j]->series, &g) != 0 ||
            curve_fit(&years[j]->points, &g, h->sigma, years[j]->post.theta, 0, &years[j]->post, NULL, NULL) != 0)
            goto done;
    }
    rc = 0;
done:
    free(before), free(cov_before), free(model), free(grad);
    if (rc != 0) prior_hyper_free(h);
    return rc;
}

double prior_band_scale(prior_year *const *years, size_t n, const prior_hyper *h, const int32_t *cutoff,
                        size_t *held_out)
{
    size_t most = most_points(years, n), count = 0;
    double *model = malloc(most * sizeof *model), *grad = malloc(most * P * sizeof *grad), sum = 0;
    double k = -1;
    if (!model || !grad) goto done;
    for (size_t j = 0; j < n; j++) {
        prior_year *y = years[j];
        size_t m = prior_points_until(y, cutoff[j]);
        if (m == y->points.n) continue;
        curve_gauss g;
        curve_posterior post;
        curve_points known = curve_points_view(&y->points, 0, m), later = curve_points_view(&y->points, m, y->points.n);
        if (prior_of(h, y->series, &g) != 0 || curve_fit(&known, &g, h->sigma, NULL, 0, &post, NULL, NULL) != 0)
            goto done;
        curve_points_eval(&later, post.theta, model, grad);
        for (size_t i = 0; i < later.n; i++) {
            double z = (later.share[i] - model[i]) / curve_predictive_sd(post.cov, grad + i * P, h->sigma);
            sum += z * z;
            count++;
        }
    }
    k = count > 0 ? fmax(1, sqrt(sum / (double)count)) : 1;
done:
    free(model), free(grad);
    *held_out = count;
    return k;
}
