/*
 * disburse_output.c: the disbursement tables, described once (header and cell getter)
 * for the CSV and XLSX writers, and the summary. Money is integer; shares are of the
 * plan in place (months, days) or of the account's plan (per account).
 */
#include "disburse_output.h"

#include <math.h>
#include <string.h>

#include "calendar.h"
#include "columns.h"

const char *const disburse_table_files[DISBURSE_TABLES] = {"disbursement.csv", "disbursement_units.csv",
                                                           "disbursement_months.csv", "disbursement_daily.csv",
                                                           "disbursement_fit.csv"};

static const char *entity_name(const fs_model *m, int unit)
{
    return unit < 0 ? "city" : m->units[unit].name;
}

static const char *const account_header[] = {COL_ENTITY, "deadline", "month", "planned", "simulated", "simulated_cum",
                                             "scheduled", "scheduled_cum", "simulated_share", "scheduled_share"};

static void account_cell(const void *p, size_t row, size_t col, cell *c)
{
    const disburse_ctx *x = p;
    const fs_disburse_result *d = x->d;
    const fs_disburse_account *a = &d->accounts[row / d->month_count];
    size_t mo = row % d->month_count;
    int64_t prev_sim = mo ? a->simulated[mo - 1] : 0, prev_sched = mo ? a->scheduled[mo - 1] : 0;
    c->type = CELL_INT;
    switch (col) {
    case 0: c->type = CELL_TEXT, c->text = entity_name(x->m, a->unit); break;
    case 1: fs_date_format(d->month_end[a->deadline_month], c->buf), c->type = CELL_TEXT, c->text = c->buf; break;
    case 2: fs_month_format(d->month_end[mo], c->buf), c->type = CELL_TEXT, c->text = c->buf; break;
    case 3: c->i = a->planned[mo]; break;
    case 4: c->i = a->simulated[mo] - prev_sim; break;
    case 5: c->i = a->simulated[mo]; break;
    case 6: c->i = a->scheduled[mo] - prev_sched; break;
    case 7: c->i = a->scheduled[mo]; break;
    case 8: c->type = CELL_REAL, c->r = a->plan ? (double)a->simulated[mo] / (double)a->plan : 0; break;
    default: c->type = CELL_REAL, c->r = a->plan ? (double)a->scheduled[mo] / (double)a->plan : 0; break;
    }
}

static const char *const entity_header[] = {COL_ENTITY, COL_KIND, "has_pmb", "capacity", "alpha", COL_COMPLETION, COL_BAND_LO,
                                            COL_BAND_HI, COL_PLAN, "simulated", "scheduled", "delay_money_months",
                                            "deadline", "miss_probability", COL_RISK, "reason"};

static void entity_cell(const void *p, size_t row, size_t col, cell *c)
{
    const disburse_ctx *x = p;
    const fs_disburse_entity *e = &x->d->entities[row];
    const fs_unit *u = e->unit >= 0 ? &x->m->units[e->unit] : NULL;
    static const char *const risk[] = {"", "watch", "high"};
    c->type = CELL_INT;
    switch (col) {
    case 0: c->type = CELL_TEXT, c->text = entity_name(x->m, e->unit); break;
    case 1: c->type = CELL_TEXT, c->text = u ? fs_kind_name(u->kind) : "city"; break;
    case 2: c->i = u ? u->has_pmb : 1; break;
    case 3: c->type = CELL_REAL, c->r = e->capacity; break;
    case 4: c->type = CELL_REAL, c->r = e->alpha; break;
    case 5: c->type = CELL_REAL, c->r = e->completion; break;
    case 6: c->type = CELL_REAL, c->r = e->band_lo; break;
    case 7: c->type = CELL_REAL, c->r = e->band_hi; break;
    case 8: c->i = e->plan; break;
    case 9: c->i = e->simulated; break;
    case 10: c->i = e->scheduled; break;
    case 11: c->i = e->delay; break;
    case 12: fs_date_format(e->deadline, c->buf), c->type = CELL_TEXT, c->text = c->buf; break;
    case 13: c->type = CELL_REAL, c->r = e->miss_probability; break;
    case 14: c->type = CELL_TEXT, c->text = risk[e->risk]; break;
    default: c->type = CELL_TEXT, c->text = e->reason; break;
    }
}

static const char *const month_header[] = {
    "month", COL_MONTH_END, COL_WHOLE_PLANNED, "whole_simulated", COL_WHOLE_SCHEDULED, "lower_planned", "lower_simulated",
    "lower_scheduled", "whole_share", COL_WHOLE_LO, COL_WHOLE_HI, "lower_share", COL_LOWER_LO, COL_LOWER_HI, "revenue",
    "recurrent", "available", "balance", "cash_constrained", "shadow_price"};

static void month_cell(const void *p, size_t row, size_t col, cell *c)
{
    const fs_disburse_result *d = ((const disburse_ctx *)p)->d;
    size_t day = (size_t)(d->month_end[row] - d->start);
    if (day >= d->day_count) day = d->day_count - 1;
    c->type = CELL_INT;
    switch (col) {
    case 0: fs_month_format(d->month_end[row], c->buf), c->type = CELL_TEXT, c->text = c->buf; break;
    case 1: fs_date_format(d->month_end[row], c->buf), c->type = CELL_TEXT, c->text = c->buf; break;
    case 2: c->i = d->planned[FS_PLAN_WHOLE][row]; break;
    case 3: c->i = d->simulated[FS_PLAN_WHOLE][row]; break;
    case 4: c->i = d->scheduled[FS_PLAN_WHOLE][row]; break;
    case 5: c->i = d->planned[FS_PLAN_LOWER][row]; break;
    case 6: c->i = d->simulated[FS_PLAN_LOWER][row]; break;
    case 7: c->i = d->scheduled[FS_PLAN_LOWER][row]; break;
    case 8: case 9: case 10: c->type = CELL_REAL, c->r = d->daily[FS_PLAN_WHOLE][col - 8][day]; break;
    case 11: case 12: case 13: c->type = CELL_REAL, c->r = d->daily[FS_PLAN_LOWER][col - 11][day]; break;
    case 14: c->i = d->revenue[row]; break;
    case 15: c->i = d->recurrent[row]; break;
    case 16: c->i = d->available[row]; break;
    case 17: c->i = d->balance[row]; break;
    case 18: c->i = d->constrained[row]; break;
    default: c->type = CELL_REAL, c->r = d->shadow_price[row]; break;
    }
}

static const char *const daily_header[] = {COL_DATE, COL_WHOLE, COL_WHOLE_LO, COL_WHOLE_HI, COL_LOWER, COL_LOWER_LO,
                                           COL_LOWER_HI, COL_CITY, "city_lo", "city_hi"};

static void daily_cell(const void *p, size_t row, size_t col, cell *c)
{
    const fs_disburse_result *d = ((const disburse_ctx *)p)->d;
    if (col == 0) {
        fs_date_format(d->start + (int32_t)row, c->buf);
        c->type = CELL_TEXT, c->text = c->buf;
        return;
    }
    c->type = CELL_REAL;
    c->r = d->daily[(col - 1) / 3][(col - 1) % 3][row];
}

static const char *const fit_header[] = {COL_SERIES, COL_YEAR, COL_DATE, COL_PLAN, COL_OBSERVED_SHARE, "observed_amount",
                                         "model_share", COL_LO, COL_HI, "residual_pp", "this_year"};

static void fit_cell(const void *p, size_t row, size_t col, cell *c)
{
    const disburse_ctx *x = p;
    const fs_disburse_fit *f = &x->d->fit[row];
    c->type = CELL_REAL;
    switch (col) {
    case 0: c->type = CELL_TEXT, c->text = x->m->disburse->series[f->obs->series]; break;
    case 1: c->type = CELL_INT, c->i = f->obs->year; break;
    case 2: fs_date_format(f->obs->date, c->buf), c->type = CELL_TEXT, c->text = c->buf; break;
    case 3: c->type = CELL_TEXT, c->text = fs_plan_part_name(f->obs->plan); break;
    case 4: c->r = f->obs->share; break;
    case 5:
        if (f->obs->amount < 0) c->type = CELL_TEXT, c->text = "";
        else c->type = CELL_INT, c->i = f->obs->amount;
        break;
    case 6: c->r = f->model; break;
    case 7: c->r = f->lo; break;
    case 8: c->r = f->hi; break;
    case 9: c->r = 100 * (f->model - f->obs->share); break;
    default: c->type = CELL_INT, c->i = f->this_year; break;
    }
}

void disburse_tables(const disburse_ctx *ctx, table_view out[DISBURSE_TABLES])
{
    const fs_disburse_result *d = ctx->d;
#define VIEW(sheet, header, rows, get) \
    (table_view){sheet, sizeof header / sizeof *header, header, rows, get, ctx}
    out[0] = VIEW("disbursement", account_header, d->account_count * d->month_count, account_cell);
    out[1] = VIEW("disb_units", entity_header, d->entity_count, entity_cell);
    out[2] = VIEW("disb_months", month_header, d->month_count, month_cell);
    out[3] = VIEW("disb_daily", daily_header, d->day_count, daily_cell);
    out[4] = VIEW("disb_fit", fit_header, d->fit_count, fit_cell);
#undef VIEW
}

static js_node *at_deadline(const fs_disburse_result *d, fs_plan_part p)
{
    js_node *o = js_object();
    size_t last = d->day_count - 1, mo = d->month_count - 1;
    js_set(o, "plan", js_int(d->planned[p][mo]));
    js_set(o, "simulated", js_int(d->simulated[p][mo]));
    js_set(o, "scheduled", js_int(d->scheduled[p][mo]));
    js_set(o, "forecast_share", js_real(d->daily[p][0][last]));
    js_set(o, "band_lo", js_real(d->daily[p][1][last]));
    js_set(o, "band_hi", js_real(d->daily[p][2][last]));
    return o;
}

js_node *disburse_json(const fs_model *m, const fs_disburse_result *d)
{
    js_node *o = js_object();
    js_node *par = js_object();
    static const char *const names[FS_DISBURSE_PARAMS] = {"alpha_city", "alpha_lower", "completion_city",
                                                          "completion_lower", "rush_timing"};
    for (int j = 0; j < FS_DISBURSE_PARAMS; j++) {
        js_set(par, names[j], js_real(d->params[j]));
        char sd[32];
        snprintf(sd, sizeof sd, "%s_sd", names[j]);
        js_set(par, sd, js_real(d->param_sd[j]));
    }
    js_set(o, "parameters", par);
    js_node *cal = js_object(), *series = js_array();
    const fs_disburse_prior *pr = &d->prior;
    js_set(cal, "points", js_int((int64_t)d->points));
    js_set(cal, "parameters", js_int(FS_DISBURSE_PARAMS));
    js_set(cal, "parameters_from_data", js_real(d->parameters_from_data));
    js_set(cal, "data_weight_at_last_deadline", js_real(d->data_weight));
    js_set(cal, "prior_weight_at_last_deadline", js_real(1 - d->data_weight));
    js_set(cal, "history_years", js_int((int64_t)pr->years));
    js_set(cal, "history_points", js_int((int64_t)pr->points));
    for (size_t k = 0; k < m->disburse->series_count; k++)
        js_append(series, js_string(m->disburse->series[k]));
    js_set(cal, "series", series);
    js_set(cal, "observation_sd", js_real(pr->sigma));
    js_set(cal, "band_scale", js_real(pr->band_scale));
    js_set(cal, "band_scale_points", js_int((int64_t)pr->held_out));
    js_set(cal, "prior_iterations", js_int(pr->iterations));
    js_set(cal, "iterations", js_int(d->iterations));
    js_set(cal, "on_baseline", js_bool(d->baseline_calibration));
    js_set(cal, "max_residual_pp", js_real(100 * d->max_residual));
    js_set(o, "calibration", cal);
    char date[11];
    fs_date_format(d->start + (int32_t)d->day_count - 1, date);
    js_set(o, "last_deadline", js_string(date));
    js_node *dl = js_object();
    for (int p = 0; p < FS_PLAN_PART_COUNT; p++) js_set(dl, fs_plan_part_name(p), at_deadline(d, p));
    js_set(o, "at_last_deadline", dl);
    js_node *cash = js_object(), *months = js_array();
    for (size_t mo = 0; mo < d->month_count; mo++)
        if (d->constrained[mo]) {
            char month[8];
            fs_month_format(d->month_end[mo], month);
            js_append(months, js_string(month));
        }
    js_set(cash, "constrained_months", months);
    js_set(cash, "delay_money_months", js_int(d->delay_total));
    js_set(cash, "lost_at_deadline", js_int(d->lost_total));
    js_set(o, "cash", cash);
    size_t watch = 0;
    for (size_t e = 0; e < d->entity_count; e++) watch += d->entities[e].risk == 1;
    js_set(o, "risk_threshold", js_real(m->disburse->risk_threshold));
    js_set(o, "units_at_risk", js_int((int64_t)d->units_at_risk));
    js_set(o, "units_to_watch", js_int((int64_t)watch));
    return o;
}
