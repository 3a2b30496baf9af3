/*
 * scenario_units.c: the units, from a CSV table (as officers keep them) or inline in
 * the scenario. Both go through one field reader, so a column and an inline key obey
 * the same names, types and checks, and report errors in the same words.
 */
#include "scenario_units.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "number.h"
#include "table.h"

static const char *const kind_names[] = {"commune", "ward", "special_zone", NULL};
static const char *const class_names[] = {"I", "II", "III", "special", NULL};

/* The fields a unit may have, besides rev_<source id> (field F_COUNT + s for source s).
 * Workload w is field F_WORKLOAD + w, named by fs_workload_name (find_fields). */
enum {
    F_NAME, F_KIND, F_CLASS, F_REGIME, F_DISTRICT, F_POPULATION, F_AREA, F_WORKLOAD,
    F_ISLAND = F_WORKLOAD + FS_WL_COUNT, F_COASTAL, F_HAS_PMB, F_LAST_YEAR, F_DELEGATED, F_TARGETED,
    F_PUBLISHED, F_BUDGET_RECURRENT, F_BUDGET_INVESTMENT, F_BUDGET_OTHER, F_COUNT
};

/* Their names: the columns every table may have, and the keys of an inline unit. */
static const char *const unit_fields[] = {
    "name", "kind", "class", "regime", "district", "population", "area_km2",
    "dossiers", "staff_quota", "staff_in_post", "schools", "health_stations", "hq_buildings",
    "island", "coastal", "has_pmb", "last_year", "delegated", "targeted", "published",
    "budget_recurrent", "budget_investment", "budget_other", NULL};
_Static_assert(sizeof unit_fields / sizeof *unit_fields == F_COUNT + 1, "one name per field");

/* A field's name and, in a table, its column (-1 when the table has none). Found once
 * per units group, so that reading a row looks up no names. */
typedef struct field_info {
    char name[FS_ID_MAX + 8];
    int column;
} field_info;

/* One unit's fields, from a table row or an inline group. */
typedef struct record {
    reader *r;
    const field_info *fields;           /* F_COUNT + source_count */
    const fs_table *table;              /* table source */
    size_t row;
    const cfg_node *group;      /* inline source */
} record;

static void rec_error(record *rec, int f, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void rec_error(record *rec, int f, const char *fmt, ...)
{
    const char *field = rec->fields[f].name;
    char message[FS_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    if (rec->table) {
        fs_diag_add(rec->r->diag, FS_EINPUT, rec->table->path, rec->table->row_line[rec->row], field,
                    "%s", message);
    } else {
        const cfg_node *s = cfg_member(rec->group, field);
        if (s) {
            rd_error(rec->r, s, "%s", message);
        } else {
            char path[FS_KEY_MAX], key[FS_KEY_MAX + 64];
            rd_path(rec->group, path, sizeof path);
            snprintf(key, sizeof key, "%s.%s", path, field);
            fs_diag_add(rec->r->diag, FS_EINPUT, rd_file(rec->r, rec->group),
                        (int)cfg_line(rec->group), key, "%s", message);
        }
    }
}

/* The text of a table cell; absent when the column does not exist or the cell is empty. */
static const char *rec_cell(record *rec, int f)
{
    int col = rec->fields[f].column;
    if (col < 0) return NULL;
    const char *text = fs_table_cell(rec->table, rec->row, (size_t)col);
    return text[0] ? text : NULL;
}

/* An absent field: an error when required (-1), else "absent" (1). A required column the
 * table lacks altogether was reported once with the header: not again on every row. */
static int absent(record *rec, int f, bool required)
{
    bool no_column = rec->table && rec->fields[f].column < 0;
    if (required && !no_column) rec_error(rec, f, rec->table ? "missing value" : "missing required key");
    return required ? -1 : 1;
}

static int rec_text(record *rec, int f, bool required, char *out, size_t size)
{
    if (rec->table) {
        const char *text = rec_cell(rec, f);
        if (!text) return absent(rec, f, required);
        size_t len = strlen(text);
        if (len >= size) {
            rec_error(rec, f, "text longer than %zu bytes", size - 1);
            return -1;
        }
        memcpy(out, text, len + 1);
        return 0;
    }
    int rc = rd_string(rec->r, rec->group, rec->fields[f].name, out, size);
    return rc == 1 ? absent(rec, f, required) : rc;
}

/* A name field (the unit's name, its regime): read as text, checked and put in NFC by
 * fs_name_validate. Returns as rec_text; a refused name is reported and left as written. */
static int rec_name(record *rec, int f, bool required, char *out, size_t size)
{
    int rc = rec_text(rec, f, required, out, size);
    if (rc != 0) return rc;
    char why[FS_MESSAGE_MAX / 2];
    if (fs_name_validate(out, size, why, sizeof why) == 0) return 0;
    rec_error(rec, f, "%s", why);
    return -1;
}

static int rec_int64(record *rec, int f, bool required, int64_t *out)
{
    if (rec->table) {
        const char *text = rec_cell(rec, f);
        if (!text) return absent(rec, f, required);
        char why[FS_MESSAGE_MAX / 2];
        if (fs_parse_int64(text, out, why, sizeof why) != 0) {
            rec_error(rec, f, "%s", why);
            return -1;
        }
        return 0;
    }
    int rc = rd_int64(rec->r, rec->group, rec->fields[f].name, out);
    return rc == 1 ? absent(rec, f, required) : rc;
}

static int rec_real(record *rec, int f, bool required, double *out)
{
    if (rec->table) {
        const char *text = rec_cell(rec, f);
        if (!text) return absent(rec, f, required);
        char why[FS_MESSAGE_MAX / 2];
        if (fs_parse_real(text, out, why, sizeof why) != 0) {
            rec_error(rec, f, "%s", why);
            return -1;
        }
        return 0;
    }
    int rc = rd_real(rec->r, rec->group, rec->fields[f].name, out);
    return rc == 1 ? absent(rec, f, required) : rc;
}

static int rec_flag(record *rec, int f, bool *out)
{
    if (rec->table) {
        const char *text = rec_cell(rec, f);
        if (!text) return 1;
        if (!strcmp(text, "1") || !strcasecmp(text, "true")) *out = true;
        else if (!strcmp(text, "0") || !strcasecmp(text, "false")) *out = false;
        else {
            rec_error(rec, f, "expected 0 or 1 (or true/false), got \"%s\"", text);
            return -1;
        }
        return 0;
    }
    return rd_bool(rec->r, rec->group, rec->fields[f].name, out);
}

static int rec_choice(record *rec, int f, const char *const *choices, int *out)
{
    char value[FS_NAME_MAX];
    if (rec_text(rec, f, true, value, sizeof value) != 0) return -1;
    for (int i = 0; choices[i]; i++)
        if (strcmp(value, choices[i]) == 0) {
            *out = i;
            return 0;
        }
    const char *hint = rd_suggest(value, choices);
    if (hint)
        rec_error(rec, f, "unknown value \"%s\" (did you mean \"%s\"?)", value, hint);
    else
        rec_error(rec, f, "unknown value \"%s\"", value);
    return -1;
}

/* The regime whose key (fs_name_key) is that of `name`, or -1. */
static int regime_like(const fs_model *m, const char *name)
{
    char key[FS_NAME_KEY_MAX], other[FS_NAME_KEY_MAX];
    if (fs_name_key(name, key, sizeof key) != 0) return -1;
    for (size_t i = 0; i < m->regime_count; i++)
        if (fs_name_key(m->regimes[i], other, sizeof other) == 0 && !strcmp(key, other)) return (int)i;
    return -1;
}

/* The index of a regime, added when new; -2 when it differs from a known one only in
 * letter case or spacing, -1 when memory runs out. Searched from the newest: tables
 * list a regime's units together, so the match is usually the last one. */
static int regime_index(fs_model *m, const char *name)
{
    for (size_t i = m->regime_count; i-- > 0;)
        if (strcmp(m->regimes[i], name) == 0) return (int)i;
    if (regime_like(m, name) >= 0) return -2;
    char(*grown)[FS_ID_MAX] = realloc(m->regimes, (m->regime_count + 1) * sizeof *grown);
    if (!grown) return -1;
    m->regimes = grown;
    snprintf(m->regimes[m->regime_count], FS_ID_MAX, "%s", name);
    return (int)m->regime_count++;
}

/* Non-negative integer field with default 0. */
static void read_count(record *rec, int f, int64_t *out)
{
    *out = 0;
    if (rec_int64(rec, f, false, out) == 0 && *out < 0) {
        rec_error(rec, f, "must not be negative, got %lld", (long long)*out);
        *out = 0;
    } else if (*out > FS_AMOUNT_MAX) {
        rec_error(rec, f, "must be at most 10^15, got %lld", (long long)*out);
        *out = 0;
    }
}

static void read_unit(record *rec, fs_model *m, size_t u)
{
    fs_unit *unit = &m->units[u];
    int named = rec_name(rec, F_NAME, true, unit->name, sizeof unit->name);
    if (named == 0 && !unit->name[0]) rec_error(rec, F_NAME, "must not be empty");
    if (named < 0) unit->name[0] = '\0'; /* reported: kept out of the duplicate check */
    rec_text(rec, F_DISTRICT, false, unit->district, sizeof unit->district);
    rec_text(rec, F_PUBLISHED, false, unit->published, sizeof unit->published);
    int kind = 0, cls = 0;
    if (rec_choice(rec, F_KIND, kind_names, &kind) == 0) unit->kind = (fs_kind)kind;
    if (rec_choice(rec, F_CLASS, class_names, &cls) == 0) unit->cls = (fs_class)cls;
    char regime[FS_ID_MAX];
    unit->regime = 0;
    if (rec_name(rec, F_REGIME, true, regime, sizeof regime) == 0) {
        if (!regime[0]) rec_error(rec, F_REGIME, "must not be empty");
        int index = regime_index(m, regime);
        if (index == -2) {
            const char *known = m->regimes[regime_like(m, regime)];
            char difference[96];
            fs_name_difference(regime, known, difference, sizeof difference);
            rec_error(rec, F_REGIME, "regime \"%s\" differs from the regime \"%s\" of an earlier unit only in letter "
                      "case or spacing (%s): write it the same way", regime, known, difference);
        }
        unit->regime = index < 0 ? 0 : index;
    }

    if (rec_int64(rec, F_POPULATION, true, &unit->population) == 0 &&
        (unit->population <= 0 || unit->population > FS_AMOUNT_MAX))
        rec_error(rec, F_POPULATION, "must be a positive integer up to 10^15, got %lld",
                  (long long)unit->population);
    if (rec_real(rec, F_AREA, true, &unit->area_km2) == 0 && !(unit->area_km2 > 0))
        rec_error(rec, F_AREA, "must be positive, got %g", unit->area_km2);
    for (int w = 0; w < FS_WL_COUNT; w++) {
        double v = 0;
        if (rec_real(rec, F_WORKLOAD + w, false, &v) == 0 && v < 0) {
            rec_error(rec, F_WORKLOAD + w, "must not be negative, got %g", v);
            v = 0;
        }
        unit->workload[w] = v;
    }
    rec_flag(rec, F_ISLAND, &unit->island);
    rec_flag(rec, F_COASTAL, &unit->coastal);
    rec_flag(rec, F_HAS_PMB, &unit->has_pmb);
    read_count(rec, F_LAST_YEAR, &unit->last_year);
    read_count(rec, F_DELEGATED, &unit->delegated);
    read_count(rec, F_TARGETED, &unit->targeted);
    for (size_t s = 0; s < m->source_count; s++)
        read_count(rec, F_COUNT + (int)s, &m->revenue[u * m->source_count + s]);
}

/* The fields of a unit with their names, and with their columns in t (-1 without t).
 * Returns NULL when out of memory; the caller frees it. */
static field_info *find_fields(const fs_model *m, const fs_table *t)
{
    field_info *fields = malloc((F_COUNT + m->source_count) * sizeof *fields);
    if (!fields) return NULL;
    for (size_t f = 0; f < F_COUNT + m->source_count; f++) {
        if (f >= F_WORKLOAD && f < F_WORKLOAD + FS_WL_COUNT) /* the model's names, whatever the list's order */
            snprintf(fields[f].name, sizeof fields[f].name, "%s", fs_workload_name((fs_workload)(f - F_WORKLOAD)));
        else if (f < F_COUNT)
            snprintf(fields[f].name, sizeof fields[f].name, "%s", unit_fields[f]);
        else
            snprintf(fields[f].name, sizeof fields[f].name, "rev_%s", m->sources[f - F_COUNT].id);
        fields[f].column = t ? fs_table_column(t, fields[f].name) : -1;
    }
    return fields;
}

/* Checks a table's header: known columns, no duplicates, the required ones present. */
static void check_columns(reader *r, const fs_table *t, const fs_model *m)
{
    for (size_t c = 0; c < t->column_count; c++) {
        const char *name = t->header[c];
        bool known = false;
        for (size_t k = 0; unit_fields[k] && !known; k++) known = !strcmp(name, unit_fields[k]);
        for (size_t s = 0; s < m->source_count && !known; s++)
            known = !strncmp(name, "rev_", 4) && !strcmp(name + 4, m->sources[s].id);
        if (!known) {
            const char *hint = rd_suggest(name, unit_fields);
            if (!strncmp(name, "rev_", 4))
                fs_diag_add(r->diag, FS_EINPUT, t->path, t->header_line, name,
                            "unknown column: no source with id \"%s\" in the scenario", name + 4);
            else if (hint)
                fs_diag_add(r->diag, FS_EINPUT, t->path, t->header_line, name,
                            "unknown column (did you mean \"%s\"?)", hint);
            else
                fs_diag_add(r->diag, FS_EINPUT, t->path, t->header_line, name, "unknown column");
        }
        for (size_t d = 0; d < c; d++)
            if (!strcmp(t->header[d], name))
                fs_diag_add(r->diag, FS_EINPUT, t->path, t->header_line, name, "duplicate column");
    }
    static const char *const required[] = {"name", "kind", "class", "regime", "population", "area_km2", NULL};
    for (size_t k = 0; required[k]; k++) {
        if (fs_table_column(t, required[k]) >= 0) continue;
        /* A misspelling of it (said above, "did you mean") is the one error. */
        bool misspelt = false;
        for (size_t c = 0; c < t->column_count && !misspelt; c++) {
            const char *hint = rd_suggest(t->header[c], unit_fields);
            misspelt = hint && !strcmp(hint, required[k]) && strcmp(t->header[c], required[k]);
        }
        if (!misspelt)
            fs_diag_add(r->diag, FS_EINPUT, t->path, t->header_line, required[k], "missing required column");
    }
}

static int allocate_units(fs_model *m, size_t n)
{
    m->units = calloc(n ? n : 1, sizeof *m->units);
    m->revenue = calloc(n * m->source_count + 1, sizeof *m->revenue);
    if (!m->units || !m->revenue) return -1;
    m->unit_count = n; /* only when there are units to count */
    return 0;
}

/* A unit's name key, for finding names that are the same (fs_name_key). */
typedef struct name_key {
    char key[FS_NAME_KEY_MAX];
    size_t unit;
    int line;
} name_key;

static int by_key_then_line(const void *a, const void *b)
{
    const name_key *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* Reports every unit whose name an earlier unit already has, exactly or up to letter
 * case and spacing (equal keys): sorted by key, so n log n comparisons rather than n²
 * (a national table has thousands of units). When memory runs out, reports "out of
 * memory" instead (the names are then unchecked). */
static void check_duplicates(reader *r, const fs_model *m, const char *file)
{
    size_t n = m->unit_count;
    name_key *keys = malloc((n + 1) * sizeof *keys);
    if (!keys) {
        fs_diag_add(r->diag, FS_EINTERNAL, file, 0, NULL, "out of memory");
        return;
    }
    for (size_t u = 0; u < n; u++) {
        keys[u].unit = u;
        keys[u].line = m->units[u].line;
        if (fs_name_key(m->units[u].name, keys[u].key, sizeof keys[u].key) != 0) keys[u].key[0] = '\0';
    }
    qsort(keys, n, sizeof *keys, by_key_then_line);
    for (size_t k = 1, first = 0; k < n; k++) {
        if (strcmp(keys[k].key, keys[first].key) != 0) {
            first = k;
            continue;
        }
        const fs_unit *u = &m->units[keys[k].unit], *f = &m->units[keys[first].unit];
        if (!keys[k].key[0]) continue;
        if (!strcmp(u->name, f->name))
            fs_diag_add(r->diag, FS_EINPUT, file, u->line, "name", "duplicate unit \"%s\" (first at line %d)", u->name,
                        f->line);
        else {
            char difference[96];
            fs_name_difference(u->name, f->name, difference, sizeof difference);
            fs_diag_add(r->diag, FS_EINPUT, file, u->line, "name",
                        "duplicate unit \"%s\" (first at line %d as \"%s\"; %s): names that differ only in letter "
                        "case or spacing are the same name", u->name, f->line, f->name, difference);
        }
    }
    free(keys);
}

/* Where a setting comes from in the chain: 0 for the scenario itself, 1 for its
 * baseline, and so on. */
static size_t chain_rank(const fs_model *m, const cfg_node *s)
{
    for (size_t k = 0; k < m->file_count; k++)
        if (cfg_file(s) == m->files[k]) return k;
    return 0;
}

/* Both `table` and `list`: blamed on the one the scenario's own file (or the nearer
 * baseline) gives, since a reform that gives one over its baseline's other cannot
 * remove that other. */
static void report_table_and_list(reader *r, const cfg_node *units, const fs_model *m)
{
    const cfg_node *table = cfg_member(units, "table"), *list = cfg_member(units, "list");
    size_t table_rank = chain_rank(m, table), list_rank = chain_rank(m, list);
    if (table_rank == list_rank) {
        rd_error(r, units, "give exactly one of \"table\" (a CSV file) or \"list\" (inline units)");
        return;
    }
    const cfg_node *own = table_rank < list_rank ? table : list, *other = own == table ? list : table;
    rd_error(r, own, "give exactly one of \"table\" (a CSV file) or \"list\" (inline units): the baseline %s gives "
             "units.%s (line %d), which a reform cannot remove: give the reform's units as units.%s instead",
             rd_file(r, other), own == table ? "list" : "table", (int)cfg_line(other),
             own == table ? "list" : "table");
}

void scenario_table_path(const char *dir, const char *table, char *out, size_t size)
{
    if (table[0] == '/' || !strcmp(dir, "."))
        snprintf(out, size, "%s", table);
    else
        snprintf(out, size, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", table);
}

int scenario_read_units(reader *r, const cfg_node *units, const char *dir, fs_model *m)
{
    static const char *const keys[] = {"table", "list", NULL};
    rd_check_keys(r, units, keys);
    const cfg_node *list = cfg_member(units, "list");
    char table_name[FS_PATH_MAX];
    int has_table = rd_string(r, units, "table", table_name, sizeof table_name);
    if (has_table == 0 && list) {
        report_table_and_list(r, units, m);
        return -1;
    }
    if (has_table != 0 && !list) {
        if (has_table == 1) rd_error(r, units, "give exactly one of \"table\" (a CSV file) or \"list\" (inline units)");
        return -1;
    }
    if (has_table == 0 && !table_name[0]) {
        rd_error(r, cfg_member(units, "table"),
                 "the table path is empty: name the CSV file, e.g. table = \"units.csv\";");
        return -1;
    }
    if (list) {
        if (!cfg_is_list(list)) {
            rd_error(r, list, "expected a list of unit groups ( {...}, {...} ), got %s",
                     rd_type_name(cfg_type(list)));
            return -1;
        }
        size_t n = (size_t)cfg_length(list);
        if (n == 0) {
            rd_error(r, list, "the list has no units");
            return -1;
        }
        field_info *fields = allocate_units(m, n) ? NULL : find_fields(m, NULL);
        if (!fields) {
            fs_diag_add(r->diag, FS_EINTERNAL, rd_file(r, list), 0, NULL, "out of memory");
            return -1;
        }
        for (size_t u = 0; u < n; u++) {
            cfg_node *g = cfg_elem(list, (unsigned)u);
            if (!cfg_is_group(g)) {
                rd_error(r, g, "expected a group { name = ...; ... }, got %s", rd_type_name(cfg_type(g)));
                continue;
            }
            static const char *const *allowed = unit_fields;
            /* Inline units may also carry rev_<id> keys: check those against sources. */
            int len = cfg_length(g);
            for (int k = 0; k < len; k++) {
                const cfg_node *f = cfg_elem(g, (unsigned)k);
                const char *name = cfg_name(f);
                bool known = false;
                for (size_t a = 0; allowed[a] && !known; a++) known = !strcmp(name, allowed[a]);
                for (size_t s = 0; s < m->source_count && !known; s++)
                    known = !strncmp(name, "rev_", 4) && !strcmp(name + 4, m->sources[s].id);
                if (!known) {
                    const char *hint = rd_suggest(name, allowed);
                    if (hint) rd_error(r, f, "unknown key (did you mean \"%s\"?)", hint);
                    else rd_error(r, f, "unknown key");
                }
            }
            record rec = {.r = r, .fields = fields, .group = g};
            read_unit(&rec, m, u);
            m->units[u].line = (int)cfg_line(g);
        }
        free(fields);
        check_duplicates(r, m, rd_file(r, list));
        return 0;
    }
    char path[FS_PATH_MAX * 2];
    scenario_table_path(dir, table_name, path, sizeof path);
    fs_table *t = NULL;
    if (fs_table_read_any(path, &t, r->diag) != FS_OK) return -1;
    snprintf(m->units_table, sizeof m->units_table, "%.*s", (int)sizeof m->units_table - 1, path);
    check_columns(r, t, m);
    m->fingerprint = fs_fnv1a(m->fingerprint, &t->hash, sizeof t->hash);
    field_info *fields = allocate_units(m, t->row_count) ? NULL : find_fields(m, t);
    if (!fields) {
        fs_diag_add(r->diag, FS_EINTERNAL, path, 0, NULL, "out of memory");
        fs_table_free(t);
        return -1;
    }
    for (size_t u = 0; u < t->row_count; u++) {
        record rec = {.r = r, .fields = fields, .table = t, .row = u};
        read_unit(&rec, m, u);
        m->units[u].line = t->row_line[u];
    }
    free(fields);
    if (t->row_count == 0)
        fs_diag_add(r->diag, FS_EINPUT, t->path, t->header_line, NULL, "the table has no units");
    check_duplicates(r, m, t->path);
    fs_table_free(t);
    return 0;
}
