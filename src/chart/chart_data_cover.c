/*
 * chart_data_cover.c: the figures of the council pack's cover, read from the run's
 * summary.json (chart.h: fs_chart_cover). The cover says them; the tables' own readers
 * check the tables, so a figure missing here only leaves its line off the cover.
 */
#include <stdio.h>
#include <string.h>

#include "chart_data_cover.h"

const char *const fs_cover_kinds[FS_COVER_KINDS] = {
    "coverage", "hold_harmless", "coverage_min", "cap", "floor", "envelope", "city_balance", "stability",
    "share_min", "share_max",
};

static int64_t int_at(const js_node *object, const char *key, bool *found)
{
    js_node *n = js_get(object, key);
    if (found) *found = js_is_integer(n);
    return js_is_integer(n) ? js_int_value(n) : 0;
}

static double number_at(const js_node *object, const char *key)
{
    js_node *n = js_get(object, key);
    return js_is_number(n) ? js_number_value(n) : 0;
}

static void read_shares(const js_node *shares, fs_chart_cover *c)
{
    for (size_t k = 0; k < js_size(shares) && c->share_count < FS_COVER_SHARES; k++) {
        const js_node *row = js_at(shares, k);
        const char *scope = js_string_value(js_get(row, "scope"));
        const char *applies = js_string_value(js_get(row, "applies_to"));
        const char *name = js_string_value(js_get(row, "name"));
        if (!scope || strcmp(scope, "group") || !applies || !name) continue;
        snprintf(c->shares[c->share_count].applies_to, sizeof c->shares[0].applies_to, "%s", applies);
        snprintf(c->shares[c->share_count].name, sizeof c->shares[0].name, "%s", name);
        c->shares[c->share_count++].share = number_at(row, "share");
    }
}

static void read_disbursement(const js_node *disb, fs_chart_cover *c)
{
    const char *deadline = js_string_value(js_get(disb, "last_deadline"));
    const js_node *whole = js_get(js_get(disb, "at_last_deadline"), "whole");
    if (!deadline || !js_is_object(whole)) return;
    c->has_disbursement = true;
    snprintf(c->deadline, sizeof c->deadline, "%s", deadline);
    c->forecast = number_at(whole, "forecast_share");
    c->band_lo = number_at(whole, "band_lo");
    c->band_hi = number_at(whole, "band_hi");
    c->units_at_risk = int_at(disb, "units_at_risk", NULL);
    c->units_to_watch = int_at(disb, "units_to_watch", NULL);
}

void chart_data_read_cover(const js_node *root, fs_chart_cover *c)
{
    memset(c, 0, sizeof *c);
    c->year = (int)int_at(root, "year", NULL);
    const char *mode = js_string_value(js_get(root, "mode"));
    c->legal = mode && !strcmp(mode, "legal");
    const js_node *totals = js_get(root, "totals");
    c->need = int_at(totals, "need", NULL);
    c->own_revenue = int_at(totals, "own_revenue", NULL);
    c->transfer = int_at(totals, "transfer", NULL);
    c->targeted = int_at(totals, "targeted", NULL);
    c->allocation = int_at(totals, "allocation", NULL);
    c->envelope = int_at(totals, "envelope", &c->has_envelope);
    c->city_balance = int_at(js_get(root, "city"), "balance", &c->has_city);
    c->min_coverage = number_at(root, "min_coverage");
    c->units = int_at(root, "units", NULL);
    c->units_under_need = int_at(root, "units_under_need", NULL);
    const js_node *binding = js_get(root, "binding");
    for (size_t k = 0; k < js_size(binding); k++) {
        const char *kind = js_string_value(js_get(js_at(binding, k), "constraint"));
        for (size_t i = 0; kind && i < FS_COVER_KINDS; i++)
            if (!strcmp(kind, fs_cover_kinds[i])) c->binding[i]++;
    }
    read_shares(js_get(root, "shares"), c);
    const js_node *disb = js_get(root, "disbursement");
    if (js_is_object(disb)) read_disbursement(disb, c);
}
