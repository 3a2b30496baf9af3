/*
 * test_period.c: multi-year runs. Closed-form coverage over a growing envelope with
 * hold-harmless against last year; frozen ratios and never-falling transfers under the
 * stability rules; a stability violation reported in the right year, and the same
 * year feasible without the rules. argv[1] is the fixtures folder.
 */
#include <stdlib.h>

#include "check.h"
#include "engine.h"
#include "period.h"
#include "scenario.h"

typedef struct run {
    fs_model *m;
    fs_result *first;
    fs_period_result *p;
    fs_status st;
} run;

static run go(const char *dir, const char *name, int stability)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    run x = {0};
    fs_diag diag = {0};
    fs_engine_options opt = {0};
    CHECK(fs_scenario_load(path, &x.m, &diag) == FS_OK);
    if (x.m && stability >= 0) x.m->period->stability = stability;
    if (x.m) CHECK(fs_engine_run(x.m, &opt, &x.first, &diag) == FS_OK);
    if (x.first) x.st = fs_period_run(x.m, x.first, &x.p, &diag);
    for (size_t i = 0; i < diag.count && (x.st == FS_OK || getenv("VERBOSE")); i++) fprintf(stderr, "%s: %s\n", path, diag.items[i].message);
    fs_relaxation_free(opt.relaxation);
    fs_diag_clear(&diag);
    return x;
}

static void done(run *x)
{
    fs_period_result_free(x->p);
    fs_result_free(x->first);
    fs_model_free(x->m);
}

static void check_growth(const char *dir)
{
    run x = go(dir, "period-growth.cfg", -1);
    CHECK(x.st == FS_OK);
    if (x.p) {
        CHECK_I64((int64_t)x.p->year_count, 3);
        CHECK_NEAR(x.first->min_coverage, 0.5, 1e-9);
        CHECK_NEAR(x.p->years[1].result->min_coverage, 0.59, 1e-9);
        /* 2028: 0.689 for B and C, 413.4 and 275.6 in whole money: 413 and 276. */
        CHECK_I64(x.p->years[2].result->units[1].allocation, 413);
        CHECK_I64(x.p->years[2].result->units[2].allocation, 276);
        CHECK_NEAR(x.p->years[2].result->min_coverage, 413.0 / 600.0, 1e-12);
        CHECK_I64(x.p->years[2].model->policy.envelope, 1089);
        CHECK_I64(x.p->years[2].result->units[0].allocation, 400);
        CHECK_I64(x.p->years[2].result->total_allocation, 1089);
        CHECK_I64(x.p->years[2].model->year, 2028);
        CHECK_I64(x.p->failed_year, 0);
    }
    done(&x);
}

static void check_violation(const char *dir)
{
    run x = go(dir, "period-violation.cfg", -1);
    CHECK(x.st == FS_EINFEASIBLE);
    if (x.p) {
        CHECK_I64(x.p->failed_year, 2027);
        CHECK(x.p->years[1].status == FS_YEAR_INFEASIBLE && x.p->years[1].relaxation != NULL);
        CHECK(x.p->years[2].status == FS_YEAR_NOT_RUN);
        /* The floors: own revenue + last year's transfer, 200 + 550 + 300. */
        const int64_t *floor = x.p->years[1].model->stability_floor;
        CHECK_I64(floor[0], 200);
        CHECK_I64(floor[1], 550);
        CHECK_I64(floor[2], 300);
    }
    done(&x);
    run free_run = go(dir, "period-violation.cfg", 0);
    CHECK(free_run.st == FS_OK);
    if (free_run.p) {
        CHECK_NEAR(free_run.p->years[1].result->min_coverage, 0.75, 1e-9);
        CHECK(free_run.p->years[1].model->stability_floor == NULL);
    }
    done(&free_run);
}

static void check_frozen(const char *dir)
{
    run x = go(dir, "period-shares.cfg", -1);
    CHECK(x.st == FS_OK);
    if (!x.p) return done(&x);
    const fs_result *prev = x.first;
    for (size_t k = 1; k < x.p->year_count; k++) {
        const fs_result *r = x.p->years[k].result;
        if (!r) continue;
        for (size_t u = 0; u < 3; u++) {
            /* The first year's share, unit by unit; transfers never fall. */
            CHECK_NEAR(r->share[u], x.first->share[u], 1e-12);
            CHECK(r->units[u].transfer >= prev->units[u].transfer);
            CHECK_I64(r->units[u].allocation, r->units[u].own + r->units[u].transfer + r->units[u].targeted);
        }
        /* Revenue grew 20% a year: B's collection is 400 × 1.2^k. */
        CHECK_I64(fs_model_revenue(x.p->years[k].model, 1, 0), k == 1 ? 480 : 576);
        prev = r;
    }
    done(&x);
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    check_growth(argv[1]);
    check_violation(argv[1]);
    check_frozen(argv[1]);
    return check_report("test_period");
}
