/*
 * test_cash_schedule.c: the cash schedule's two paths agree. Three accounts with
 * known curves (one with a deadline before the last month); cash one money unit above
 * the curves' total in every month takes the short path (no LP), cash exactly equal to
 * it takes the LP: both must schedule every account on its curve, exactly, with no
 * month constrained. One unit less of cash in month 3 then must hold month 3 (and, since
 * money paid stays paid, no earlier month) to the cash, exactly.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "disburse_cash.h"

enum { MONTHS = 6, ACCOUNTS = 3 };

static const int64_t curves[ACCOUNTS][MONTHS] = {
    {100, 250, 400, 600, 800, 900},  /* deadline month 5 */
    {50, 120, 200, 260, 300, 330},   /* deadline month 5 */
    {30, 70, 90, 90, 90, 90},        /* deadline month 2: frozen after it */
};
static const int deadline[ACCOUNTS] = {5, 5, 2};

static int64_t scheduled[ACCOUNTS][MONTHS], simulated[ACCOUNTS][MONTHS];

/* Builds the result with `available[m]` = the curves' total + extra[m]. */
static void setup(fs_disburse_result *d, fs_disburse_account *acc, int64_t *available, bool *constrained,
                  double *shadow, const int64_t extra[MONTHS])
{
    memset(d, 0, sizeof *d);
    d->month_count = MONTHS;
    d->account_count = ACCOUNTS;
    d->accounts = acc;
    d->available = available;
    d->constrained = constrained;
    d->shadow_price = shadow;
    for (int a = 0; a < ACCOUNTS; a++) {
        memcpy(simulated[a], curves[a], sizeof curves[a]);
        memset(scheduled[a], 0, sizeof scheduled[a]);
        acc[a] = (fs_disburse_account){.unit = a - 1, .deadline_month = deadline[a], .plan = curves[a][MONTHS - 1],
                                       .simulated = simulated[a], .scheduled = scheduled[a]};
    }
    for (int m = 0; m < MONTHS; m++) {
        available[m] = extra[m];
        for (int a = 0; a < ACCOUNTS; a++) available[m] += curves[a][m];
    }
}

static void expect_on_curves(const fs_disburse_result *d)
{
    for (int a = 0; a < ACCOUNTS; a++)
        for (int m = 0; m < MONTHS; m++) CHECK_I64(d->accounts[a].scheduled[m], curves[a][m]);
    for (int m = 0; m < MONTHS; m++) CHECK(!d->constrained[m]);
}

int main(void)
{
    fs_disburse_result d;
    fs_disburse_account acc[ACCOUNTS];
    int64_t available[MONTHS];
    bool constrained[MONTHS];
    double shadow[MONTHS];
    fs_diag diag = {0};

    const int64_t room[MONTHS] = {1, 1, 1, 1, 1, 1}; /* the short path */
    setup(&d, acc, available, constrained, shadow, room);
    CHECK(cash_schedule(&d, 0.5, "test", &diag) == FS_OK);
    expect_on_curves(&d);
    for (int m = 0; m < MONTHS; m++) CHECK(shadow[m] == 0);

    const int64_t exact[MONTHS] = {0}; /* the LP, every cash row tight */
    setup(&d, acc, available, constrained, shadow, exact);
    CHECK(cash_schedule(&d, 0.5, "test", &diag) == FS_OK);
    expect_on_curves(&d);

    const int64_t short3[MONTHS] = {1, 1, 1, -1, 1, 1}; /* month 3 one unit short */
    setup(&d, acc, available, constrained, shadow, short3);
    CHECK(cash_schedule(&d, 0.5, "test", &diag) == FS_OK);
    int64_t total3 = 0, total2 = 0;
    for (int a = 0; a < ACCOUNTS; a++) total3 += scheduled[a][3], total2 += scheduled[a][2];
    CHECK_I64(total3, available[3]);
    CHECK(constrained[3]);
    CHECK(total2 <= available[2] && total2 <= available[3]);
    for (int a = 0; a < ACCOUNTS; a++)
        for (int m = 0; m < MONTHS; m++) {
            CHECK(scheduled[a][m] <= curves[a][m]);
            if (m) CHECK(scheduled[a][m] >= scheduled[a][m - 1]);
        }
    CHECK(diag.count == 0);
    fs_diag_clear(&diag);
    return check_report("cash_schedule");
}
