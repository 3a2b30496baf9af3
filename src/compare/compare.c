/*
 * compare.c: a reform against its baseline (see compare.h). Units are matched by exact
 * name; a winner gains allocation, a loser loses it; group totals are sums of the
 * units' integer allocations, so every change adds up exactly. With disbursement in
 * both scenarios the two forecasts are compared at chosen dates: the forecast share
 * from each daily curve, the simulated amount at the end of the date's month.
 */
#include "compare.h"

#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "compare_private.h"

void fs_compare_free(fs_compare *cmp)
{
    if (!cmp) return;
    free(cmp->units);
    free(cmp->groups);
    free(cmp->dates);
    free(cmp->shares);
    for (int k = 0; k < 2; k++)
        for (int p = 0; p < FS_PLAN_PART_COUNT; p++) free(cmp->disb_daily[k][p]);
    free(cmp);
}

static fs_compare_group *group_of(fs_compare *c, const char *dimension, const char *value)
{
    for (size_t g = 0; g < c->group_count; g++)
        if (c->groups[g].dimension == dimension && !strcmp(c->groups[g].value, value)) return &c->groups[g];
    fs_compare_group *g = &c->groups[c->group_count++];
    g->dimension = dimension;
    snprintf(g->value, sizeof g->value, "%s", value);
    return g;
}

static void add_to_group(fs_compare *c, const char *dimension, const char *value, const fs_compare_unit *u)
{
    fs_compare_group *g = group_of(c, dimension, value);
    g->units++;
    g->winners += u->after > u->before;
    g->losers += u->after < u->before;
    g->before += u->before;
    g->after += u->after;
}

/* kind, class, regime; then by value. */
static int by_dimension(const void *a, const void *b)
{
    const fs_compare_group *x = a, *y = b;
    static const char *const order = "kind class regime";
    int dx = (int)(strstr(order, x->dimension) - order), dy = (int)(strstr(order, y->dimension) - order);
    return dx != dy ? dx - dy : strcmp(x->value, y->value);
}

fs_status fs_compare_build(const fs_model *base, const fs_result *before, const fs_model *reform,
                           const fs_result *after, fs_compare **out, fs_diag *diag)
{
    *out = NULL;
    size_t errors = diag->count;
    for (size_t u = 0; u < base->unit_count; u++)
        if (fs_model_find_unit(reform, base->units[u].name) < 0)
            fs_diag_add(diag, FS_EINPUT, reform->file, 0, NULL, "unit \"%s\" of the baseline is not in the reform",
                        base->units[u].name);
    for (size_t u = 0; u < reform->unit_count; u++)
        if (fs_model_find_unit(base, reform->units[u].name) < 0)
            fs_diag_add(diag, FS_EINPUT, reform->file, reform->units[u].line, NULL,
                        "unit \"%s\" of the reform is not in the baseline", reform->units[u].name);
    if (diag->count > errors) return FS_EINPUT;
    fs_compare *c = calloc(1, sizeof *c);
    if (c) c->units = calloc(base->unit_count + 1, sizeof *c->units);
    if (c) c->groups = calloc(3 * base->unit_count + 1, sizeof *c->groups);
    if (!c || !c->units || !c->groups) {
        fs_compare_free(c);
        return fs_diag_add(diag, FS_EINTERNAL, NULL, 0, NULL, "out of memory");
    }
    c->unit_count = base->unit_count;
    for (size_t u = 0; u < base->unit_count; u++) {
        fs_compare_unit *cu = &c->units[u];
        cu->base = u;
        cu->reform = (size_t)fs_model_find_unit(reform, base->units[u].name);
        const fs_unit_result *b = &before->units[cu->base], *a = &after->units[cu->reform];
        cu->before = b->allocation;
        cu->after = a->allocation;
        cu->coverage_before = b->coverage;
        cu->coverage_after = a->coverage;
        cu->per_capita_before = b->per_capita;
        cu->per_capita_after = a->per_capita;
        c->winners += cu->after > cu->before;
        c->losers += cu->after < cu->before;
        const fs_unit *unit = &base->units[u];
        add_to_group(c, "kind", fs_kind_name(unit->kind), cu);
        add_to_group(c, "class", fs_class_name(unit->cls), cu);
        add_to_group(c, "regime", base->regimes[unit->regime], cu);
    }
    qsort(c->groups, c->group_count, sizeof *c->groups, by_dimension);
    c->has_city = base->city.present && reform->city.present;
    const fs_result *r[2] = {before, after};
    for (int k = 0; k < 2; k++) {
        c->allocation[k] = r[k]->total_allocation;
        c->transfer[k] = r[k]->total_transfer;
        c->own[k] = r[k]->total_own;
        c->city_balance[k] = r[k]->city_balance;
        c->min_coverage[k] = r[k]->min_coverage;
    }
    if (compare_shares(c, base, before, reform, after) != 0) {
        fs_compare_free(c);
        return fs_diag_add(diag, FS_EINTERNAL, NULL, 0, NULL, "out of memory");
    }
    *out = c;
    return FS_OK;
}

/* The day index of `date` in a forecast, or -1 when it is outside. */
static long day_in(const fs_disburse_result *d, int32_t date)
{
    long day = (long)date - (long)d->start;
    return day >= 0 && (size_t)day < d->day_count ? day : -1;
}

/* The index of the month that contains `date` in a forecast (its months run from
 * January of the plan year to the last deadline's month). */
static size_t month_in(const fs_disburse_result *d, int32_t date)
{
    int y, m, day;
    fs_civil_from_days(date, &y, &m, &day);
    long mo = (long)(y - d->year) * 12 + (m - 1);
    if (mo < 0) mo = 0;
    if ((size_t)mo >= d->month_count) mo = (long)d->month_count - 1;
    return (size_t)mo;
}

static int by_day(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

fs_status fs_compare_disbursement(fs_compare *c, const fs_disburse_result *before, const fs_disburse_result *after,
                                  const int32_t *dates, size_t date_count, fs_diag *diag)
{
    const fs_disburse_result *d[2] = {before, after};
    int32_t last[2] = {before->start + (int32_t)before->day_count - 1, after->start + (int32_t)after->day_count - 1};
    int32_t from = before->start > after->start ? before->start : after->start;
    int32_t to = last[0] < last[1] ? last[0] : last[1];
    size_t errors = diag->count;
    for (size_t k = 0; k < date_count; k++)
        if (day_in(before, dates[k]) < 0 || day_in(after, dates[k]) < 0) {
            char day[11], a[11], b[11];
            fs_date_format(dates[k], day);
            fs_date_format(from, a);
            fs_date_format(to, b);
            if (from <= to)
                fs_diag_add(diag, FS_EUSAGE, NULL, 0, NULL,
                            "--dates: %s is outside the disbursement forecasts; both run from %s to %s", day, a, b);
            else
                fs_diag_add(diag, FS_EUSAGE, NULL, 0, NULL,
                            "--dates: %s is outside the disbursement forecasts, which share no day", day);
        }
    if (diag->count > errors) return FS_EUSAGE;
    int32_t defaults[4];
    if (date_count == 0) {
        int y = before->year;
        int32_t wanted[4] = {fs_days_from_civil(y, 6, 30), fs_days_from_civil(y, 9, 30), fs_days_from_civil(y, 12, 31),
                             to};
        for (int k = 0; k < 4; k++)
            if (day_in(before, wanted[k]) >= 0 && day_in(after, wanted[k]) >= 0) defaults[date_count++] = wanted[k];
        dates = defaults;
    }
    int32_t *sorted = malloc((date_count + 1) * sizeof *sorted);
    c->dates = calloc(date_count + 1, sizeof *c->dates);
    bool memory = sorted && c->dates;
    for (int k = 0; k < 2; k++)
        for (int p = 0; p < FS_PLAN_PART_COUNT; p++) {
            c->disb_daily[k][p] = malloc((d[k]->day_count + 1) * sizeof *c->disb_daily[k][p]);
            if (!c->disb_daily[k][p]) memory = false;
            else memcpy(c->disb_daily[k][p], d[k]->daily[p][0], d[k]->day_count * sizeof *c->disb_daily[k][p]);
        }
    if (!memory) {
        free(sorted);
        return fs_diag_add(diag, FS_EINTERNAL, NULL, 0, NULL, "out of memory");
    }
    memcpy(sorted, dates, date_count * sizeof *sorted);
    qsort(sorted, date_count, sizeof *sorted, by_day);
    c->date_count = 0;
    for (size_t k = 0; k < date_count; k++) {
        if (k && sorted[k] == sorted[k - 1]) continue;
        fs_compare_date *cd = &c->dates[c->date_count++];
        cd->date = sorted[k];
        for (int s = 0; s < 2; s++) {
            size_t day = (size_t)day_in(d[s], cd->date), mo = month_in(d[s], cd->date);
            for (int p = 0; p < FS_PLAN_PART_COUNT; p++) {
                cd->share[p][s] = d[s]->daily[p][0][day];
                cd->simulated[p][s] = d[s]->simulated[p][mo];
            }
        }
    }
    free(sorted);
    for (int k = 0; k < 2; k++) {
        c->disb_start[k] = d[k]->start;
        c->disb_days[k] = d[k]->day_count;
    }
    /* Entities: the city first, then the units in model order. */
    for (size_t u = 0; u < c->unit_count; u++) {
        fs_compare_unit *cu = &c->units[u];
        const fs_disburse_entity *b = cu->base + 1 < before->entity_count ? &before->entities[cu->base + 1] : NULL;
        const fs_disburse_entity *a = cu->reform + 1 < after->entity_count ? &after->entities[cu->reform + 1] : NULL;
        cu->plan_before = b ? b->plan : 0;
        cu->completion_before = b ? b->completion : 0;
        cu->plan_after = a ? a->plan : 0;
        cu->completion_after = a ? a->completion : 0;
    }
    c->has_disbursement = true;
    return FS_OK;
}

const char *fs_compare_group_label(const char *dimension, const char *value, fs_lang lang, char *buf, size_t size)
{
    bool en = lang == FS_LANG_EN;
    static const struct {
        const char *dimension, *value, *vi, *en;
    } names[] = {
        {"kind", "commune", "Xã", "Commune"},
        {"kind", "ward", "Phường", "Ward"},
        {"kind", "special_zone", "Đặc khu", "Special zone"},
        {"class", "I", "loại I", "class I"},
        {"class", "II", "loại II", "class II"},
        {"class", "III", "loại III", "class III"},
        {"class", "special", "loại đặc biệt", "special class"},
        {"regime", "HP", "Hải Phòng cũ", "former Hai Phong"},
        {"regime", "HD", "Hải Dương cũ", "former Hai Duong"},
    };
    for (size_t k = 0; k < sizeof names / sizeof *names; k++)
        if (!strcmp(names[k].dimension, dimension) && !strcmp(names[k].value, value)) {
            snprintf(buf, size, "%s", en ? names[k].en : names[k].vi);
            return buf;
        }
    snprintf(buf, size, "%s", value);
    return buf;
}
