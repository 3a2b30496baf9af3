/*
 * scenario_observed.c: the `disbursement.observed` points, from a list in the scenario
 * or from a CSV table it names (see scenario_observed.h).
 *
 * Each point is a share of one plan (whole, lower, city) of one plan year disbursed by
 * a date, of the scenario's own plans or of another series (the national figures, say)
 * that serves the prior only. Points contradict each other when the same plan of the
 * same year and series has two figures on one date, or a cumulative share falls from
 * one date to a later one: both are errors naming the two lines, never averaged.
 */
#include "scenario_observed.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "disburse_spec.h"
#include "number.h"
#include "scenario_text.h"
#include "scenario_units.h"
#include "table.h"

static const char *const obs_keys[] = {"series", "year", "date", "plan", "share", "amount", NULL};
/* A table may also say where each figure comes from. */
static const char *const table_columns[] = {"series", "year", "date", "plan", "share", "amount", "source", "note", NULL};
static const char *const part_names[] = {"whole", "lower", "city", NULL};

/* One point's fields: an inline group, or a row of a table. */
typedef struct point_src {
    reader *r;
    const cfg_node *group;   /* inline */
    const fs_table *table;           /* or a table row */
    size_t row;
    const int *column;               /* the table's column of each obs_keys entry, or -1 */
} point_src;

static void src_error(point_src *p, const char *key, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void src_error(point_src *p, const char *key, const char *fmt, ...)
{
    char message[FS_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    if (p->table) {
        fs_diag_add(p->r->diag, FS_EINPUT, p->table->path, p->table->row_line[p->row], key, "%s", message);
        return;
    }
    const cfg_node *s = key ? cfg_member(p->group, key) : NULL;
    rd_error(p->r, s ? s : p->group, "%s", message);
}

static int key_index(const char *key)
{
    for (int k = 0; obs_keys[k]; k++)
        if (!strcmp(obs_keys[k], key)) return k;
    return -1;
}

/* The text of a field: 0 read, 1 absent (or an empty cell), -1 reported. */
static int src_text(point_src *p, const char *key, char *out, size_t size)
{
    if (!p->table) return rd_string(p->r, p->group, key, out, size);
    int col = p->column[key_index(key)];
    const char *text = col >= 0 ? fs_table_cell(p->table, p->row, (size_t)col) : "";
    if (!text[0]) return 1;
    if (strlen(text) >= size) {
        src_error(p, key, "text longer than %zu bytes", size - 1);
        return -1;
    }
    snprintf(out, size, "%s", text);
    return 0;
}

static int src_int64(point_src *p, const char *key, int64_t *out)
{
    if (!p->table) return rd_int64(p->r, p->group, key, out);
    char text[64], why[FS_MESSAGE_MAX / 2];
    int rc = src_text(p, key, text, sizeof text);
    if (rc) return rc;
    if (fs_parse_int64(text, out, why, sizeof why) != 0) {
        src_error(p, key, "%s", why);
        return -1;
    }
    return 0;
}

static int src_real(point_src *p, const char *key, double *out)
{
    if (!p->table) return rd_real(p->r, p->group, key, out);
    char text[64], why[FS_MESSAGE_MAX / 2];
    int rc = src_text(p, key, text, sizeof text);
    if (rc) return rc;
    if (fs_parse_real(text, out, why, sizeof why) != 0) {
        src_error(p, key, "%s", why);
        return -1;
    }
    return 0;
}

static bool src_has(point_src *p, const char *key)
{
    char text[64];
    if (!p->table) return cfg_member(p->group, key) != NULL;
    return src_text(p, key, text, sizeof text) != 1;
}

/* The index of series `name` in d->series, added when new; -1 when memory runs out. */
static int series_index(fs_disburse_spec *d, const char *name)
{
    for (size_t k = 0; k < d->series_count; k++)
        if (!strcmp(d->series[k], name)) return (int)k;
    char(*grown)[FS_ID_MAX] = realloc(d->series, (d->series_count + 1) * sizeof *d->series);
    if (!grown) return -1;
    d->series = grown;
    snprintf(d->series[d->series_count], FS_ID_MAX, "%s", name);
    return (int)d->series_count++;
}

static void read_point(point_src *p, fs_disburse_spec *d, fs_disburse_observation *o)
{
    char series[FS_ID_MAX] = "", text[32], why[FS_MESSAGE_MAX / 2];
    if (src_text(p, "series", series, sizeof series) < 0) return;
    if (fs_name_validate(series, sizeof series, why, sizeof why) != 0) {
        src_error(p, "series", "%s", why);
        return;
    }
    int index = series_index(d, series);
    if (index < 0) {
        src_error(p, "series", "out of memory");
        return;
    }
    o->series = index;
    int64_t year = 0;
    int rc = src_int64(p, "year", &year);
    if (rc == 1) src_error(p, "year", "missing required %s", p->table ? "value" : "key");
    if (rc) return;
    if (year < FS_TET_FIRST_YEAR - 100 || year > FS_TET_LAST_YEAR + 100) {
        src_error(p, "year", "expected a plan year such as 2026, got %lld", (long long)year);
        return;
    }
    o->year = (int)year;
    int part = -1;
    if (!p->table) {
        rc = rd_choice(p->r, p->group, "plan", part_names, &part);
        if (rc == 1) src_error(p, "plan", "missing required key");
        if (rc) return;
    } else {
        rc = src_text(p, "plan", text, sizeof text);
        if (rc == 1) src_error(p, "plan", "missing required value");
        if (rc) return;
        for (int k = 0; part_names[k]; k++)
            if (!strcmp(text, part_names[k])) part = k;
        const char *hint = part < 0 ? rd_suggest(text, part_names) : NULL;
        if (part < 0)
            src_error(p, "plan", "expected one of \"whole\", \"lower\", \"city\", got \"%s\"%s%s%s", text,
                      hint ? " (did you mean \"" : "", hint ? hint : "", hint ? "\"?)" : "");
        if (part < 0) return;
    }
    o->plan = (fs_plan_part)part;
    rc = src_text(p, "date", text, sizeof text);
    if (rc == 1) src_error(p, "date", "missing required %s", p->table ? "value" : "key");
    if (rc) return;
    if (fs_date_parse(text, &o->date) != 0) {
        src_error(p, "date", "expected a date YYYY-MM-DD, got \"%s\"", text);
        return;
    }
    int32_t first = fs_days_from_civil(o->year, 1, 1), last = fs_days_from_civil(o->year + 1, 12, 31);
    if (o->date < first || o->date > last) {
        src_error(p, "date", "the %d plan is disbursed from %d-01-01 to %d-12-31 at the latest", o->year, o->year,
                  o->year + 1);
        return;
    }
    bool has_share = src_has(p, "share"), has_amount = src_has(p, "amount");
    if (has_share == has_amount) {
        src_error(p, NULL, "give either share (of the plan) or amount (disbursed), not %s",
                  has_share ? "both" : "neither");
        return;
    }
    o->amount = -1;
    if (has_share) {
        if (src_real(p, "share", &o->share) != 0) return;
        if (o->share < 0 || o->share > 1) src_error(p, "share", "must be between 0 and 1, got %g", o->share);
        return;
    }
    const fs_disburse_plan *plan = o->series == 0 ? fs_disburse_plan_of(d, o->year) : NULL;
    if (!plan) {
        if (o->series == 0)
            src_error(p, "amount", "an amount needs the %d plan in disbursement.plans: give the share instead", o->year);
        else
            src_error(p, "amount", "series \"%s\" has no plan amounts: give the share instead", series);
        return;
    }
    int64_t amount;
    if (src_int64(p, "amount", &amount) != 0) return;
    int64_t whole = plan->whole, size = part == FS_PLAN_WHOLE ? whole : part == FS_PLAN_LOWER ? plan->lower
                                                                                                 : whole - plan->lower;
    if (amount < 0 || amount > size || size == 0) {
        src_error(p, "amount", "must lie between 0 and the %s plan of %d (%lld), got %lld", part_names[part], o->year,
                  (long long)size, (long long)amount);
        return;
    }
    o->amount = amount;
    o->share = (double)amount / (double)size;
}

/* The plan a point measures, as messages name it: "the 2023 whole plan" or "the
 * national 2023 whole plan". */
static void plan_text(const fs_disburse_spec *d, const fs_disburse_observation *o, char *buf, size_t size)
{
    const char *series = d->series[o->series];
    snprintf(buf, size, "the %s%s%d %s plan", series, series[0] ? " " : "", o->year, part_names[o->plan]);
}

/* "line 12", or "file.csv:12" when the other point is in another file. */
static void where_text(const fs_disburse_observation *here, const fs_disburse_observation *there, char *buf,
                       size_t size)
{
    if (here->file == there->file || (here->file && there->file && !strcmp(here->file, there->file)))
        snprintf(buf, size, "line %d", there->line);
    else
        snprintf(buf, size, "%s:%d", there->file, there->line);
}

static int by_plan_and_date(const void *a, const void *b)
{
    const fs_disburse_observation *x = *(const fs_disburse_observation *const *)a;
    const fs_disburse_observation *y = *(const fs_disburse_observation *const *)b;
    if (x->series != y->series) return x->series < y->series ? -1 : 1;
    if (x->year != y->year) return x->year < y->year ? -1 : 1;
    if (x->plan != y->plan) return x->plan < y->plan ? -1 : 1;
    if (x->date != y->date) return x->date < y->date ? -1 : 1;
    return x->line < y->line ? -1 : x->line > y->line;
}

/* Two figures of one plan on one date, or a cumulative share that falls, among the
 * points that read cleanly (valid[k]). When memory runs out, reports "out of memory"
 * instead (the points are then unchecked). */
static void check_contradictions(reader *r, fs_disburse_spec *d, const bool *valid)
{
    size_t n = 0;
    const fs_disburse_observation **o = malloc((d->obs_count + 1) * sizeof *o);
    if (!o) {
        fs_diag_add(r->diag, FS_EINTERNAL, r->file, 0, NULL, "out of memory");
        return;
    }
    for (size_t k = 0; k < d->obs_count; k++)
        if (valid[k]) o[n++] = &d->obs[k];
    qsort(o, n, sizeof *o, by_plan_and_date);
    for (size_t k = 1; k < n; k++) {
        const fs_disburse_observation *a = o[k - 1], *b = o[k];
        if (a->series != b->series || a->year != b->year || a->plan != b->plan) continue;
        char plan[96], where[FS_PATH_MAX + 16], date[11], key[64];
        plan_text(d, b, plan, sizeof plan);
        where_text(b, a, where, sizeof where);
        fs_date_format(b->date, date);
        /* A table's column, or the list element's key path. */
        const char *field = b->amount >= 0 ? "amount" : "share";
        if (d->observed_table[0]) snprintf(key, sizeof key, "%s", field);
        else snprintf(key, sizeof key, "disbursement.observed.[%zu].%s", (size_t)(b - d->obs), field);
        if (a->date == b->date && a->share == b->share)
            fs_diag_add(r->diag, FS_EINPUT, b->file, b->line, key,
                        "repeats %s (%s on %s, %.3f%%): give each figure once", where, plan, date, 100 * b->share);
        else if (a->date == b->date)
            fs_diag_add(r->diag, FS_EINPUT, b->file, b->line, key,
                        "contradicts %s: %s on %s is %.3f%% there and %.3f%% here", where, plan, date, 100 * a->share,
                        100 * b->share);
        else if (b->share < a->share) {
            char before[11];
            fs_date_format(a->date, before);
            fs_diag_add(r->diag, FS_EINPUT, b->file, b->line, key,
                        "the cumulative share of %s falls from %.3f%% on %s (%s) to %.3f%% on %s", plan,
                        100 * a->share, before, where, 100 * b->share, date);
        }
    }
    free(o);
}

/* Room for n points in d, and whether each read cleanly (*valid, the caller frees).
 * Returns 0, or -1 when memory runs out (then d has no points). */
static int alloc_points(fs_disburse_spec *d, size_t n, bool **valid)
{
    d->obs = calloc(n + 1, sizeof *d->obs);
    *valid = calloc(n + 1, sizeof **valid);
    d->obs_count = d->obs && *valid ? n : 0;
    return d->obs_count == n ? 0 : -1;
}

/* Reads the points of an inline list; (*valid)[k]: point k read without an error. */
static void read_list(reader *r, const cfg_node *list, fs_disburse_spec *d, bool **valid)
{
    if (alloc_points(d, (size_t)cfg_length(list), valid) != 0) return;
    for (size_t k = 0; k < d->obs_count; k++) {
        const cfg_node *e = cfg_elem(list, (unsigned)k);
        fs_disburse_observation *o = &d->obs[k];
        o->line = cfg_line(e);
        o->file = rd_file(r, e);
        if (!cfg_is_group(e)) {
            rd_error(r, e, "expected a group { year = ...; date = ...; plan = ...; share = ...; }");
            continue;
        }
        size_t before = r->diag->count;
        rd_check_keys(r, e, obs_keys);
        point_src p = {.r = r, .group = e};
        read_point(&p, d, o);
        (*valid)[k] = r->diag->count == before;
    }
}

/* Reads the points of the CSV table `name` (relative to the file that names it). */
static void read_table(reader *r, const cfg_node *setting, const char *name, fs_disburse_spec *d,
                       fs_model *m, bool **valid)
{
    char dir[FS_PATH_MAX];
    scenario_directory_of(rd_file(r, setting), dir, sizeof dir);
    scenario_table_path(dir, name, d->observed_table, sizeof d->observed_table);
    fs_table *t = NULL;
    if (fs_table_read(d->observed_table, &t, r->diag) != FS_OK) return;
    m->fingerprint = fs_fnv1a(m->fingerprint, &t->hash, sizeof t->hash);
    int column[7];
    for (int k = 0; obs_keys[k]; k++) column[k] = fs_table_column(t, obs_keys[k]);
    bool columns_ok = true;
    for (size_t c = 0; c < t->column_count; c++) {
        bool known = false;
        for (int k = 0; table_columns[k] && !known; k++) known = !strcmp(t->header[c], table_columns[k]);
        if (!known) {
            const char *hint = rd_suggest(t->header[c], table_columns);
            fs_diag_add(r->diag, FS_EINPUT, t->path, t->header_line, t->header[c], "unknown column%s%s%s",
                        hint ? " (did you mean \"" : "", hint ? hint : "", hint ? "\"?)" : "");
            columns_ok = false;
        }
    }
    static const char *const required[] = {"year", "date", "plan"};
    for (int k = 0; k < 3; k++)
        if (fs_table_column(t, required[k]) < 0) {
            fs_diag_add(r->diag, FS_EINPUT, t->path, t->header_line, required[k], "missing required column");
            columns_ok = false;
        }
    if (columns_ok && alloc_points(d, t->row_count, valid) == 0) {
        for (size_t k = 0; k < d->obs_count; k++) {
            fs_disburse_observation *o = &d->obs[k];
            o->line = t->row_line[k];
            o->file = d->observed_table;
            point_src p = {.r = r, .table = t, .row = k, .column = column};
            size_t before = r->diag->count;
            read_point(&p, d, o);
            (*valid)[k] = r->diag->count == before;
        }
    }
    fs_table_free(t);
}

void scenario_read_observed(reader *r, const cfg_node *g, fs_disburse_spec *d, fs_model *m)
{
    if (series_index(d, "") != 0) {
        rd_error(r, g, "out of memory");
        return;
    }
    const cfg_node *s = cfg_member(g, "observed");
    if (!s) return;
    bool *valid = NULL;
    if (cfg_type(s) == CFG_STRING)
        read_table(r, s, cfg_string(s), d, m, &valid);
    else if (cfg_is_list(s))
        read_list(r, s, d, &valid);
    else
        rd_error(r, s, "expected a list of points ( {...}, {...} ) or the name of a CSV table \"data/....csv\", got %s",
                 rd_type_name(cfg_type(s)));
    if (valid) check_contradictions(r, d, valid);
    free(valid);
}
