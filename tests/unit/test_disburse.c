/*
 * test_disburse.c: disbursement. The default scenario's published points lie inside
 * the bands of its calibration with the history's prior; a flat-season fixture gives
 * the curve's parameters in closed form; a cash fixture pays exactly the cash there is; and on
 * every run money is conserved across months, accounts and parts, no schedule runs
 * ahead of its curve, and the cash is never overspent in any month.
 * argv[1] is the default scenario, argv[2] the fixtures folder.
 */
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "calendar.h"
#include "disburse.h"
#include "engine.h"
#include "scenario.h"

typedef struct runs {
    fs_model *m;
    fs_result *r;
    fs_disburse_result *d;
} runs;

static runs run(const char *path)
{
    runs x = {0};
    fs_diag diag = {0};
    fs_engine_options opt = {0};
    CHECK(fs_scenario_load(path, &x.m, &diag) == FS_OK);
    if (x.m) CHECK(fs_engine_run(x.m, &opt, &x.r, &diag) == FS_OK);
    if (x.r) CHECK(fs_disburse_run(x.m, x.r, NULL, &x.d, &diag) == FS_OK);
    for (size_t i = 0; i < diag.count; i++) fprintf(stderr, "%s: %s\n", path, diag.items[i].message);
    fs_relaxation_free(opt.relaxation);
    fs_diag_clear(&diag);
    return x;
}

static void done(runs *x)
{
    fs_disburse_result_free(x->d);
    fs_result_free(x->r);
    fs_model_free(x->m);
}

/* Conservation and limits, in exact integers. */
static void check_invariants(const fs_model *m, const fs_disburse_result *d)
{
    const fs_disburse_spec *s = m->disburse;
    int64_t whole = 0, lower = 0, added = 0;
    for (size_t k = 0; k < s->plan_count; k++)
        if (s->plans[k].year == m->year) whole = s->plans[k].whole, lower = s->plans[k].lower;
    for (size_t k = 0; k < s->added_count; k++) added += s->added[k].amount;
    size_t last = d->month_count - 1;
    int64_t unit_plans = 0, delay = 0, lost = 0;
    for (size_t e = 1; e < d->entity_count; e++) unit_plans += d->entities[e].plan;
    CHECK_I64(unit_plans, lower + added);
    CHECK_I64(d->entities[0].plan, whole - lower);
    for (int p = 0; p < FS_PLAN_PART_COUNT; p++) {
        int64_t sum_planned[64] = {0}, sum_sim[64] = {0}, sum_sched[64] = {0};
        for (size_t a = 0; a < d->account_count; a++) {
            const fs_disburse_account *acc = &d->accounts[a];
            if (p == FS_PLAN_LOWER && acc->unit < 0) continue;
            if (p == FS_PLAN_CITY && acc->unit >= 0) continue;
            for (size_t mo = 0; mo <= last; mo++) {
                sum_planned[mo] += acc->planned[mo];
                sum_sim[mo] += acc->simulated[mo];
                sum_sched[mo] += acc->scheduled[mo];
            }
        }
        for (size_t mo = 0; mo <= last; mo++) {
            CHECK_I64(d->planned[p][mo], sum_planned[mo]);
            CHECK_I64(d->simulated[p][mo], sum_sim[mo]);
            CHECK_I64(d->scheduled[p][mo], sum_sched[mo]);
        }
    }
    for (size_t mo = 0; mo <= last; mo++) {
        CHECK_I64(d->simulated[FS_PLAN_WHOLE][mo], d->simulated[FS_PLAN_CITY][mo] + d->simulated[FS_PLAN_LOWER][mo]);
        /* The cash is never overspent, in whole money, in any month. */
        CHECK(d->scheduled[FS_PLAN_WHOLE][mo] <= d->available[mo]);
        CHECK_I64(d->balance[mo], d->available[mo] + s->cash.min_balance - d->scheduled[FS_PLAN_WHOLE][mo]);
        CHECK(d->balance[mo] >= s->cash.min_balance);
    }
    CHECK_I64(d->planned[FS_PLAN_WHOLE][last], whole + added);
    for (size_t a = 0; a < d->account_count; a++) {
        const fs_disburse_account *acc = &d->accounts[a];
        CHECK_I64(acc->planned[last], acc->plan);
        int64_t monthly_sim = 0, monthly_sched = 0;
        for (size_t mo = 0; mo <= last; mo++) {
            int64_t prev_sim = mo ? acc->simulated[mo - 1] : 0, prev_sched = mo ? acc->scheduled[mo - 1] : 0;
            CHECK(acc->simulated[mo] >= prev_sim && acc->simulated[mo] <= acc->plan);
            CHECK(acc->scheduled[mo] >= prev_sched && acc->scheduled[mo] <= acc->simulated[mo]);
            if ((int)mo > acc->deadline_month) CHECK_I64(acc->scheduled[mo], acc->scheduled[mo - 1]);
            if ((int)mo <= acc->deadline_month) delay += acc->simulated[mo] - acc->scheduled[mo];
            monthly_sim += acc->simulated[mo] - prev_sim;
            monthly_sched += acc->scheduled[mo] - prev_sched;
        }
        /* Monthly amounts add up to the cumulative ones. */
        CHECK_I64(monthly_sim, acc->simulated[last]);
        CHECK_I64(monthly_sched, acc->scheduled[last]);
        lost += acc->simulated[acc->deadline_month] - acc->scheduled[acc->deadline_month];
    }
    CHECK_I64(d->delay_total, delay);
    CHECK_I64(d->lost_total, lost);
}

static void check_default(const char *path)
{
    runs x = run(path);
    if (!x.d) return done(&x);
    check_invariants(x.m, x.d);
    /* The four published points (FACTS.md) lie inside their bands, and the curve
     * comes within 3 percentage points of each. */
    static const struct {
        int year, y, m, d;
        fs_plan_part plan;
        double published;
    } points[] = {{2025, 2026, 1, 31, FS_PLAN_WHOLE, 0.996}, {2025, 2026, 1, 31, FS_PLAN_LOWER, 0.975},
                  {2026, 2026, 5, 20, FS_PLAN_WHOLE, 0.307}, {2026, 2026, 5, 20, FS_PLAN_LOWER, 0.285}};
    for (size_t k = 0; k < 4; k++) {
        const fs_disburse_fit *f = NULL;
        for (size_t j = 0; j < x.d->fit_count; j++) {
            const fs_disburse_observation *o = x.d->fit[j].obs;
            if (o->series == 0 && o->year == points[k].year && o->plan == points[k].plan &&
                o->date == fs_days_from_civil(points[k].y, points[k].m, points[k].d))
                f = &x.d->fit[j];
        }
        CHECK(f != NULL);
        if (!f) continue;
        CHECK_NEAR(f->obs->share, points[k].published, 0.0005);
        CHECK(f->lo <= f->obs->share && f->obs->share <= f->hi);
        CHECK_NEAR(f->model, points[k].published, 0.03);
        CHECK(f->this_year == (points[k].year == 2026));
    }
    /* Tết from the built-in table (the scenario gives none): the plan year's and the
     * next, and every history year's. */
    bool tet_2026 = false, tet_2027 = false, tet_2017 = false;
    for (size_t k = 0; k < x.m->disburse->tet_count; k++) {
        tet_2026 |= x.m->disburse->tet[k] == fs_days_from_civil(2026, 2, 17);
        tet_2027 |= x.m->disburse->tet[k] == fs_days_from_civil(2027, 2, 6);
        tet_2017 |= x.m->disburse->tet[k] == fs_days_from_civil(2017, 1, 28);
    }
    CHECK(tet_2026 && tet_2027 && tet_2017);
    /* The history: 2 series, and every year but the forecast one in the prior. */
    CHECK_I64((int64_t)x.m->disburse->series_count, 2);
    CHECK(x.d->prior.years >= 10);
    CHECK(x.d->prior.band_scale >= 1);
    CHECK(x.d->data_weight > 0 && x.d->data_weight < 1);
    /* The default's cash covers the curve: the schedule is the simulation. */
    for (size_t mo = 0; mo < x.d->month_count; mo++) {
        CHECK(!x.d->constrained[mo]);
        CHECK_I64(x.d->scheduled[FS_PLAN_WHOLE][mo], x.d->simulated[FS_PLAN_WHOLE][mo]);
    }
    CHECK_I64(x.d->planned[FS_PLAN_LOWER][12], 6166027);
    CHECK_I64(x.d->planned[FS_PLAN_WHOLE][12], 38795623);
    done(&x);
}

static void check_flat(const char *path)
{
    runs x = run(path);
    if (!x.d) return done(&x);
    check_invariants(x.m, x.d);
    double alpha = log(0.45 / 0.9) / log(181.0 / 396.0);
    CHECK_NEAR(x.d->params[1], alpha, 1e-4);
    CHECK_NEAR(x.d->params[3], 0.9, 1e-4);
    CHECK_NEAR(x.d->entities[1].completion, 0.9, 1e-4);
    /* Day 90 (31 March, the 90th day): 0.9 · (90/396)^α. */
    CHECK_NEAR(x.d->daily[FS_PLAN_LOWER][0][89], 0.9 * pow(90.0 / 396.0, alpha), 1e-4);
    CHECK_I64((int64_t)x.d->day_count, 396);
    CHECK_I64((int64_t)x.d->month_count, 13);
    /* Whole money: the simulated total at the deadline is round(1000 × q). */
    CHECK_I64(x.d->simulated[FS_PLAN_WHOLE][12], 900);
    done(&x);
}

static void check_cash(const char *path)
{
    runs x = run(path);
    if (!x.d) return done(&x);
    check_invariants(x.m, x.d);
    const fs_disburse_result *d = x.d;
    CHECK_I64(d->entities[0].plan, 2000);
    CHECK_I64(d->entities[1].plan, 525); /* 100 own + 400 delegated + 10 + 15 added */
    CHECK_I64(d->entities[2].plan, 375);
    CHECK_I64(d->entities[3].plan, 250);
    CHECK_NEAR(d->entities[3].capacity, 0.4, 1e-12);
    CHECK_NEAR(d->entities[3].alpha, 2.5, 1e-9);
    /* Capital added after 30 September runs to 31 December 2027. */
    CHECK_I64((int64_t)d->month_count, 24);
    size_t last = d->month_count - 1;
    /* Cash of 1500 and nothing more: exactly 1500 is paid, the rest is lost. */
    CHECK_I64(d->scheduled[FS_PLAN_WHOLE][last], 1500);
    CHECK_I64(d->balance[last], 0);
    CHECK_I64(d->lost_total, d->simulated[FS_PLAN_WHOLE][last] - 1500);
    CHECK(d->constrained[last]);
    CHECK(!d->constrained[0]);
    CHECK(strstr(d->entities[3].reason, "no project management board; staff filled 50%; capital added 2026-09-15") ==
          d->entities[3].reason);
    CHECK(d->entities[3].risk == 2);
    done(&x);
}

int main(int argc, char **argv)
{
    if (argc < 3) return 2;
    char path[1024];
    check_default(argv[1]);
    snprintf(path, sizeof path, "%s/disbursement-flat.cfg", argv[2]);
    check_flat(path);
    snprintf(path, sizeof path, "%s/disbursement-cash.cfg", argv[2]);
    check_cash(path);
    return check_report("test_disburse");
}
