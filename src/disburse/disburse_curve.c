/*
 * disburse_curve.c: seasonal effort, the share curve and its quadrature over
 * capacities (see disburse_curve.h).
 */
#include "disburse_curve.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>

#include "calendar.h"

/* The weight of `day` of the window of plan year `plan_year`, given the Tết dates that
 * fall in or just before the window (tet[0..n)). */
static double day_weight(const fs_disburse_spec *spec, int plan_year, int32_t day, const int32_t *tet, size_t n)
{
    int y, m, d;
    fs_civil_from_days(day, &y, &m, &d);
    double w = (y == plan_year + 1 && m == 1) ? spec->month_weight[12] : spec->month_weight[m - 1];
    if (m == 12 && d >= spec->rush_from) w *= spec->rush_factor;
    for (size_t k = 0; k < n; k++)
        if (day >= tet[k] && day < tet[k] + spec->tet_days) w *= spec->tet_factor;
    return w;
}

int curve_year_init(curve_year *y, const fs_disburse_spec *spec, int year)
{
    y->year = year;
    y->first = fs_days_from_civil(year, 1, 1);
    y->day_count = (size_t)(fs_days_from_civil(year + 2, 1, 1) - y->first);
    y->effort = malloc(y->day_count * sizeof *y->effort);
    if (!y->effort) return -1;
    /* Only the Tết dates that touch the window matter (at most the two years'). */
    int32_t tet[4];
    size_t n = 0;
    for (size_t k = 0; k < spec->tet_count && n < 4; k++)
        if (spec->tet[k] + spec->tet_days > y->first && spec->tet[k] < y->first + (int32_t)y->day_count)
            tet[n++] = spec->tet[k];
    double sum = 0;
    for (size_t i = 0; i < y->day_count; i++) {
        sum += day_weight(spec, year, y->first + (int32_t)i, tet, n);
        y->effort[i] = sum;
    }
    y->full = y->effort[fs_days_from_civil(year + 1, 1, 31) - y->first];
    y->rush = fs_days_from_civil(year, 12, spec->rush_from);
    return 0;
}

void curve_year_free(curve_year *y)
{
    free(y->effort);
    y->effort = NULL;
}

void curve_set_free(curve_set *set)
{
    curve_year_free(&set->year);
    free(set->tranches), free(set->mixes);
    set->tranches = NULL, set->mixes = NULL;
    set->tranche_count = set->mix_count = 0;
}

double curve_progress(const curve_year *y, int32_t start, int32_t deadline, int32_t t)
{
    if (t < start) return 0;
    int32_t end = t < deadline ? t : deadline;
    long i_end = (long)(end - y->first), i_start = (long)(start - y->first);
    if (i_end >= (long)y->day_count) i_end = (long)y->day_count - 1;
    double e = y->effort[i_end] - (i_start > 0 ? y->effort[i_start - 1] : 0);
    double x = e / y->full;
    return x < 1 ? x : 1;
}

double curve_rush_progress(const curve_year *y, int32_t start, int32_t deadline)
{
    return curve_progress(y, start, deadline, y->rush - 1);
}

double curve_shape_h(double x, double log_x, double x_rush, double alpha, double rho, double dh[2])
{
    if (x <= 0) {
        if (dh) dh[0] = dh[1] = 0;
        return 0;
    }
    if (x <= x_rush || x_rush >= 1) {
        double h = exp(alpha * log_x);
        if (dh) dh[0] = h * log_x, dh[1] = 0;
        return h;
    }
    double hr = x_rush > 0 ? exp(alpha * log(x_rush)) : 0, z = (x - x_rush) / (1 - x_rush);
    double zr = z < 1 ? exp(rho * log(z)) : 1;
    if (dh) {
        dh[0] = x_rush > 0 ? hr * log(x_rush) * (1 - zr) : 0;
        dh[1] = z < 1 ? (1 - hr) * zr * log(z) * rho : 0;
    }
    return hr + (1 - hr) * zr;
}

/* q = 1/(1 + e^(−b)/c) = 1/(1 + u·e^(−b)) with u = 1/c. */
static double completion_at(double b, double u)
{
    return 1 / (1 + u * exp(-b));
}

void curve_entity_shape(const curve_model *cm, size_t e, const double *theta, double *alpha, double *q)
{
    int part = e == 0 ? 0 : 1;
    double u = 1 / cm->capacity[e];
    *alpha = exp(theta[THETA_A_CITY + part]) * u;
    *q = completion_at(theta[THETA_B_CITY + part], u);
}

double curve_tranche_share(const curve_model *cm, const curve_set *set, const curve_tranche *tr, int32_t t,
                           const double *theta, double *grad)
{
    double x = curve_progress(&set->year, tr->start, tr->deadline, t), alpha, q, dh[2];
    double x_rush = curve_rush_progress(&set->year, tr->start, tr->deadline);
    curve_entity_shape(cm, (size_t)tr->entity, theta, &alpha, &q);
    double h = curve_shape_h(x, x > 0 ? log(x) : 0, x_rush, alpha, exp(theta[THETA_R]), dh);
    if (grad) {
        int part = tr->entity == 0 ? 0 : 1;
        memset(grad, 0, CURVE_PARAMS * sizeof *grad);
        grad[THETA_A_CITY + part] = q * dh[0] * alpha; /* dα/da = α */
        grad[THETA_B_CITY + part] = q * (1 - q) * h;
        grad[THETA_R] = q * dh[1];
    }
    return q * h;
}

/* ---- Quadrature over u = 1/capacity ---------------------------------------------- */

typedef struct weighted {
    double u, w;
} weighted;

static int by_u(const void *a, const void *b)
{
    double x = ((const weighted *)a)->u, y = ((const weighted *)b)->u;
    return (x > y) - (x < y);
}

/* Gauss's rule with CURVE_NODES nodes for the discrete measure p[0..n) (distinct u,
 * positive weights, n > CURVE_NODES): Lanczos on diag(u) from the vector √w (with full
 * reorthogonalisation) gives the Jacobi matrix of the measure's orthogonal polynomials,
 * whose eigenvalues are the nodes and the squared first components of whose
 * eigenvectors, times the total weight, the weights (Golub and Welsch). u is mapped to
 * [−1, 1] first. Returns 0 or -1. */
static int gauss_rule(const weighted *p, size_t n, curve_mix *mix)
{
    enum { K = CURVE_NODES };
    double lo = p[0].u, hi = p[n - 1].u, total = 0;
    for (size_t e = 0; e < n; e++) total += p[e].w;
    double *v = malloc((K + 1) * n * sizeof *v), *z = malloc(n * sizeof *z);
    gsl_eigen_symmv_workspace *ws = gsl_eigen_symmv_alloc(K);
    gsl_matrix *jacobi = gsl_matrix_calloc(K, K), *vectors = gsl_matrix_alloc(K, K);
    gsl_vector *values = gsl_vector_alloc(K);
    int rc = -1;
    if (!v || !z || !ws || !jacobi || !vectors || !values) goto done;
    for (size_t e = 0; e < n; e++) v[e] = sqrt(p[e].w / total);
    for (size_t k = 0; k < K; k++) {
        const double *vk = v + k * n;
        double alpha = 0;
        for (size_t e = 0; e < n; e++) {
            double t = (2 * p[e].u - lo - hi) / (hi - lo);
            z[e] = t * vk[e];
            alpha += vk[e] * z[e];
        }
        gsl_matrix_set(jacobi, k, k, alpha);
        if (k + 1 == K) break;
        for (int pass = 0; pass < 2; pass++) /* twice: Gram–Schmidt keeps orthogonality */
            for (size_t j = 0; j <= k; j++) {
                double dot = 0;
                for (size_t e = 0; e < n; e++) dot += z[e] * v[j * n + e];
                for (size_t e = 0; e < n; e++) z[e] -= dot * v[j * n + e];
            }
        double beta = 0;
        for (size_t e = 0; e < n; e++) beta += z[e] * z[e];
        beta = sqrt(beta);
        if (!(beta > 1e-300)) goto done;
        for (size_t e = 0; e < n; e++) v[(k + 1) * n + e] = z[e] / beta;
        gsl_matrix_set(jacobi, k, k + 1, beta);
        gsl_matrix_set(jacobi, k + 1, k, beta);
    }
    if (gsl_eigen_symmv(jacobi, values, vectors, ws) != GSL_SUCCESS) goto done;
    mix->node_count = K;
    for (size_t i = 0; i < K; i++) {
        double t = gsl_vector_get(values, i), first = gsl_matrix_get(vectors, 0, i);
        mix->u[i] = (t * (hi - lo) + lo + hi) / 2;
        mix->w[i] = total * first * first;
    }
    rc = 0;
done:
    free(v), free(z);
    gsl_eigen_symmv_free(ws);
    gsl_matrix_free(jacobi), gsl_matrix_free(vectors);
    gsl_vector_free(values);
    return rc;
}

/* The mix of the tranches tr[0..n) (one part, one start and deadline). */
static int make_mix(const curve_tranche *const *tr, size_t n, const double *capacity, curve_mix *mix)
{
    weighted *p = malloc((n + 1) * sizeof *p);
    if (!p) return -1;
    size_t m = 0;
    mix->amount = 0;
    for (size_t k = 0; k < n; k++) {
        mix->amount += tr[k]->amount;
        if (tr[k]->amount > 0) p[m++] = (weighted){1 / capacity[tr[k]->entity], tr[k]->amount};
    }
    qsort(p, m, sizeof *p, by_u);
    size_t distinct = 0;
    for (size_t k = 0; k < m; k++) {
        if (distinct > 0 && p[k].u == p[distinct - 1].u) p[distinct - 1].w += p[k].w;
        else p[distinct++] = p[k];
    }
    int rc = 0;
    if (distinct <= CURVE_NODES) {
        mix->node_count = distinct;
        for (size_t k = 0; k < distinct; k++) mix->u[k] = p[k].u, mix->w[k] = p[k].w;
    } else {
        /* GSL's default handler aborts: here its errors are return codes. */
        gsl_error_handler_t *caller = gsl_set_error_handler_off();
        rc = gauss_rule(p, distinct, mix);
        gsl_set_error_handler(caller);
    }
    free(p);
    return rc;
}

int curve_set_mix(curve_set *set, const double *capacity)
{
    size_t n = set->tranche_count;
    const curve_tranche **group = malloc((n + 1) * sizeof *group);
    bool *taken = calloc(n + 1, sizeof *taken);
    free(set->mixes);
    set->mixes = calloc(n + 1, sizeof *set->mixes);
    set->mix_count = 0;
    int rc = group && taken && set->mixes ? 0 : -1;
    for (size_t k = 0; rc == 0 && k < n; k++) {
        if (taken[k]) continue;
        const curve_tranche *a = &set->tranches[k];
        int part = a->entity == 0 ? 0 : 1;
        size_t count = 0;
        for (size_t j = k; j < n; j++) {
            const curve_tranche *b = &set->tranches[j];
            if (taken[j] || (b->entity == 0 ? 0 : 1) != part || b->start != a->start || b->deadline != a->deadline)
                continue;
            taken[j] = true;
            group[count++] = b;
        }
        curve_mix *mix = &set->mixes[set->mix_count++];
        mix->part = part, mix->start = a->start, mix->deadline = a->deadline;
        rc = make_mix(group, count, capacity, mix);
    }
    free(group), free(taken);
    return rc;
}

/* ---- Shares of plan parts ----------------------------------------------------------- */

/* What a mix node's share needs of θ, computed once per θ: α·u, q, q(1 − q), ρ; and
 * for the points of a plan year also x_R^(α·u) and ln x_R (points_shape). */
enum { SHAPE = 4, POINT_SHAPE = 5 };

/* Adds a mix's disbursed amount at progress x (log_x = ln x; x_rush its progress when
 * the rush starts) to num and its gradient in (a, b, r) to g[0..2]. shape: per node
 * (see SHAPE). */
static void mix_add(const curve_mix *mix, double x, double log_x, double x_rush, const double *shape, double *num,
                    double g[3])
{
    for (size_t i = 0; i < mix->node_count; i++) {
        const double *s = shape + SHAPE * i;
        double dh[2], h = curve_shape_h(x, log_x, x_rush, s[0], s[3], dh);
        double w = mix->w[i];
        *num += w * h * s[1];
        g[0] += w * s[1] * dh[0] * s[0];
        g[1] += w * h * s[2];
        g[2] += w * s[1] * dh[1];
    }
}

/* The shape of a mix under θ, per node (see SHAPE). */
static void mix_shape(const curve_mix *mix, const double *theta, double *shape)
{
    double alpha = exp(theta[THETA_A_CITY + mix->part]), b = theta[THETA_B_CITY + mix->part];
    double rho = exp(theta[THETA_R]);
    for (size_t i = 0; i < mix->node_count; i++) {
        double q = completion_at(b, mix->u[i]);
        shape[SHAPE * i] = alpha * mix->u[i];
        shape[SHAPE * i + 1] = q;
        shape[SHAPE * i + 2] = q * (1 - q);
        shape[SHAPE * i + 3] = rho;
    }
}

/* Shares of each part from the parts' sums (num, den) and gradients g[part][a, b, r]. */
static void part_shares(const double num[2], const double den[2], double g[2][3], double share[FS_PLAN_PART_COUNT],
                        double grad[FS_PLAN_PART_COUNT][CURVE_PARAMS])
{
    double whole_den = den[0] + den[1];
    share[FS_PLAN_CITY] = den[0] > 0 ? num[0] / den[0] : 0;
    share[FS_PLAN_LOWER] = den[1] > 0 ? num[1] / den[1] : 0;
    share[FS_PLAN_WHOLE] = whole_den > 0 ? (num[0] + num[1]) / whole_den : 0;
    if (!grad) return;
    memset(grad, 0, FS_PLAN_PART_COUNT * sizeof *grad);
    for (int p = 0; p < 2; p++) {
        fs_plan_part own = p == 0 ? FS_PLAN_CITY : FS_PLAN_LOWER;
        for (int k = 0; k < 3; k++) {
            int j = k == 0 ? THETA_A_CITY + p : k == 1 ? THETA_B_CITY + p : THETA_R;
            grad[own][j] = den[p] > 0 ? g[p][k] / den[p] : 0;
            grad[FS_PLAN_WHOLE][j] += whole_den > 0 ? g[p][k] / whole_den : 0;
        }
    }
}

void curve_part_shares(const curve_set *set, int32_t t, const double *theta, double share[FS_PLAN_PART_COUNT],
                       double grad[FS_PLAN_PART_COUNT][CURVE_PARAMS])
{
    double num[2] = {0, 0}, den[2] = {0, 0}, g[2][3] = {{0, 0, 0}, {0, 0, 0}}, shape[SHAPE * CURVE_NODES];
    for (size_t k = 0; k < set->mix_count; k++) {
        const curve_mix *mix = &set->mixes[k];
        if (mix->start > t || mix->amount <= 0) continue;
        double x = curve_progress(&set->year, mix->start, mix->deadline, t);
        mix_shape(mix, theta, shape);
        mix_add(mix, x, x > 0 ? log(x) : 0, curve_rush_progress(&set->year, mix->start, mix->deadline), shape,
                &num[mix->part], g[mix->part]);
        den[mix->part] += mix->amount;
    }
    part_shares(num, den, g, share, grad);
}

/* ---- Points of a plan year ---------------------------------------------------------- */

void curve_points_free(curve_points *p)
{
    free(p->plan), free(p->share), free(p->x), free(p->log_x), free(p->log_z), free(p->x_rush), free(p->shape);
    memset(p, 0, sizeof *p);
}

int curve_points_init(curve_points *p, const curve_set *set, const int32_t *date, const fs_plan_part *plan,
                      const double *share, size_t n)
{
    memset(p, 0, sizeof *p);
    size_t nm = set->mix_count;
    p->set = set;
    p->n = n;
    p->plan = malloc((n + 1) * sizeof *p->plan);
    p->share = malloc((n + 1) * sizeof *p->share);
    p->x = malloc((n * nm + 1) * sizeof *p->x);
    p->log_x = malloc((n * nm + 1) * sizeof *p->log_x);
    p->log_z = malloc((n * nm + 1) * sizeof *p->log_z);
    p->shape = malloc((POINT_SHAPE * CURVE_NODES * nm + 1) * sizeof *p->shape);
    p->x_rush = malloc((nm + 1) * sizeof *p->x_rush);
    if (!p->plan || !p->share || !p->x || !p->log_x || !p->log_z || !p->shape || !p->x_rush) {
        curve_points_free(p);
        return -1;
    }
    for (size_t m = 0; m < nm; m++)
        p->x_rush[m] = curve_rush_progress(&set->year, set->mixes[m].start, set->mixes[m].deadline);
    for (size_t k = 0; k < n; k++) {
        p->plan[k] = plan[k];
        p->share[k] = share[k];
        for (size_t m = 0; m < nm; m++) {
            const curve_mix *mix = &set->mixes[m];
            bool in_place = mix->start <= date[k] && mix->amount > 0;
            double x = in_place ? curve_progress(&set->year, mix->start, mix->deadline, date[k]) : -1;
            double xr = p->x_rush[m], z = x > xr && xr < 1 ? (x - xr) / (1 - xr) : 0;
            p->x[k * nm + m] = x;
            p->log_x[k * nm + m] = x > 0 ? log(x) : 0;
            p->log_z[k * nm + m] = z > 0 && z < 1 ? log(z) : 0;
        }
    }
    return 0;
}

curve_points curve_points_view(const curve_points *p, size_t from, size_t to)
{
    size_t nm = p->set->mix_count;
    curve_points v = *p;
    v.n = to - from;
    v.plan = p->plan + from, v.share = p->share + from;
    v.x = p->x + from * nm, v.log_x = p->log_x + from * nm, v.log_z = p->log_z + from * nm;
    return v;
}

/* Per θ, what each node of a mix needs at every point: α·u, q, q(1 − q), x_R^(α·u)
 * and ln x_R (POINT_SHAPE values), so that a point before the rush costs one
 * exponential per node and a point after it one per mix. */
static void points_shape(const curve_mix *mix, double x_rush, const double *theta, double *shape)
{
    double alpha = exp(theta[THETA_A_CITY + mix->part]), b = theta[THETA_B_CITY + mix->part];
    double log_xr = x_rush > 0 && x_rush < 1 ? log(x_rush) : 0;
    for (size_t i = 0; i < mix->node_count; i++) {
        double *s = shape + POINT_SHAPE * i, q = completion_at(b, mix->u[i]);
        s[0] = alpha * mix->u[i];
        s[1] = q;
        s[2] = q * (1 - q);
        s[3] = x_rush > 0 ? exp(s[0] * log_xr) : 0;
        s[4] = log_xr;
    }
}

void curve_points_eval(curve_points *p, const double *theta, double *model, double *grad)
{
    const curve_set *set = p->set;
    size_t nm = set->mix_count;
    double rho = exp(theta[THETA_R]);
    for (size_t m = 0; m < nm; m++)
        points_shape(&set->mixes[m], p->x_rush[m], theta, p->shape + POINT_SHAPE * CURVE_NODES * m);
    for (size_t k = 0; k < p->n; k++) {
        double num[2] = {0, 0}, den[2] = {0, 0}, g[2][3] = {{0, 0, 0}, {0, 0, 0}};
        for (size_t m = 0; m < nm; m++) {
            double x = p->x[k * nm + m];
            if (x < 0) continue;
            const curve_mix *mix = &set->mixes[m];
            const double *shape = p->shape + POINT_SHAPE * CURVE_NODES * m;
            double *gp = g[mix->part], sum = 0;
            den[mix->part] += mix->amount;
            if (x <= p->x_rush[m] || p->x_rush[m] >= 1) {
                double log_x = p->log_x[k * nm + m];
                for (size_t i = 0; i < mix->node_count; i++) {
                    const double *s = shape + POINT_SHAPE * i;
                    double wh = mix->w[i] * exp(s[0] * log_x);
                    sum += wh * s[1];
                    gp[0] += wh * s[1] * log_x * s[0];
                    gp[1] += wh * s[2];
                }
            } else {
                double log_z = p->log_z[k * nm + m], zr = log_z < 0 ? exp(rho * log_z) : 1;
                for (size_t i = 0; i < mix->node_count; i++) {
                    const double *s = shape + POINT_SHAPE * i;
                    double w = mix->w[i], h = s[3] + (1 - s[3]) * zr;
                    sum += w * h * s[1];
                    gp[0] += w * s[1] * s[3] * s[4] * (1 - zr) * s[0];
                    gp[1] += w * h * s[2];
                    gp[2] += w * s[1] * (1 - s[3]) * zr * log_z * rho;
                }
            }
            num[mix->part] += sum;
        }
        double share[FS_PLAN_PART_COUNT], gr[FS_PLAN_PART_COUNT][CURVE_PARAMS];
        part_shares(num, den, g, share, grad ? gr : NULL);
        model[k] = share[p->plan[k]];
        if (grad) memcpy(grad + k * CURVE_PARAMS, gr[p->plan[k]], sizeof gr[0]);
    }
}
