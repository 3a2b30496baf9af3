/*
 * run_template.c: the units table of a loaded scenario as a workbook for an officer to
 * fill in with real figures (fiscalsim.h: fs_run_write_template). The workbook holds
 * the table as it is (its columns keep their names, so that a scenario may name the
 * workbook as its units table) and a note on each column. A scenario that lists its
 * units inline gets the same table, made from its units.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output_xlsx.h"
#include "run_private.h"

/* Column, Vietnamese note, English note (docs/scenario-format.md §3). */
static const char *const notes[][3] = {
    {"name", "Tên đơn vị hành chính cấp xã, duy nhất", "the unit's name, unique"},
    {"kind", "commune (xã), ward (phường) hoặc special_zone (đặc khu)", "commune, ward or special_zone"},
    {"class", "Phân loại đơn vị hành chính: I, II, III hoặc special", "administrative class: I, II, III or special"},
    {"regime", "Vùng áp dụng tỷ lệ phân chia (ví dụ HP, HD)", "the revenue-sharing regime (e.g. HP, HD)"},
    {"district", "Quận, huyện cũ (chỉ để tham khảo)", "former district (for reference only)"},
    {"population", "Dân số (người), số nguyên dương", "population (persons), a whole number above 0"},
    {"area_km2", "Diện tích tự nhiên (km²)", "area (km²)"},
    {"dossiers", "Số hồ sơ thủ tục hành chính giải quyết trong năm", "administrative dossiers handled in a year"},
    {"staff_quota", "Biên chế được giao (người)", "staff quota (persons)"},
    {"staff_in_post", "Số cán bộ, công chức hiện có (người)", "staff in post (persons)"},
    {"schools", "Số trường học", "schools"},
    {"health_stations", "Số trạm y tế", "health stations"},
    {"hq_buildings", "Số trụ sở", "headquarters buildings"},
    {"island", "1 nếu là đơn vị hải đảo, 0 nếu không", "1 for an island unit, else 0"},
    {"coastal", "1 nếu là đơn vị ven biển, 0 nếu không", "1 for a coastal unit, else 0"},
    {"has_pmb", "1 nếu có ban quản lý dự án, 0 nếu không", "1 when the unit has a project management board"},
    {"last_year", "Dự toán năm trước (triệu đồng), để bảo đảm mức tối thiểu", "last year's allocation (money)"},
    {"delegated", "Kinh phí nhiệm vụ mới giao (triệu đồng), là một phần của nhu cầu",
     "earmark for newly delegated tasks (money), part of the need"},
    {"targeted", "Bổ sung có mục tiêu của thành phố (triệu đồng)", "the city's targeted transfer (money)"},
    {"published", "Các cột là số liệu công bố (cách nhau bằng dấu ;), các cột khác là ước tính",
     "which columns are published figures (separated by ;); the others are estimates"},
    {"rev_*", "Số thu của nguồn thu đó trên địa bàn (triệu đồng), ví dụ rev_pit",
     "revenue of that source collected on the unit's territory (money), e.g. rev_pit"},
    {"budget_*", "Được chấp nhận và bỏ qua", "accepted and ignored"},
    {NULL, NULL, NULL},
};

/* A units table's columns before the sources' revenue: the seven of a unit's identity
 * and size, the workloads, and the six after them. */
static const char *const identity[] = {"name", "kind", "class", "regime", "district", "population", "area_km2"};
static const char *const after_workloads[] = {"island", "coastal", "has_pmb", "last_year", "delegated", "targeted"};
enum { FIXED_COLUMNS = 7 + FS_WL_COUNT + 6, CELL_MAX = FS_NAME_MAX + 8 };

/* n texts of less than CELL_MAX bytes as one block (the layout of fs_table: the block is held
 * by the first pointer); NULL on memory. */
static char *text_block(char (*texts)[CELL_MAX], size_t n, char **pointers)
{
    size_t size = 0;
    for (size_t k = 0; k < n; k++) size += strlen(texts[k]) + 1;
    char *block = malloc(size), *at = block;
    for (size_t k = 0; block && k < n; k++) {
        size_t len = strlen(texts[k]) + 1;
        memcpy(at, texts[k], len);
        pointers[k] = at;
        at += len;
    }
    return block;
}

/* The units of m as a units table (docs/scenario-format.md §3): its fixed columns, a
 * rev_<id> column per source, and published. NULL on memory. */
static fs_table *table_of_units(const fs_model *m)
{
    size_t cols = FIXED_COLUMNS + m->source_count + 1;
    fs_table *t = calloc(1, sizeof *t);
    char (*texts)[CELL_MAX] = calloc(cols, sizeof *texts);
    if (!t || !texts) goto fail;
    t->column_count = cols;
    t->header = calloc(cols, sizeof *t->header);
    t->cells = calloc(cols * (m->unit_count ? m->unit_count : 1), sizeof *t->cells);
    t->row_line = calloc(m->unit_count + 1, sizeof *t->row_line);
    if (!t->header || !t->cells || !t->row_line) goto fail;
    size_t c = 0;
    for (size_t k = 0; k < 7; k++) snprintf(texts[c++], CELL_MAX, "%s", identity[k]);
    for (int w = 0; w < FS_WL_COUNT; w++) snprintf(texts[c++], CELL_MAX, "%s", fs_workload_name((fs_workload)w));
    for (size_t k = 0; k < 6; k++) snprintf(texts[c++], CELL_MAX, "%s", after_workloads[k]);
    for (size_t s = 0; s < m->source_count; s++) snprintf(texts[c++], CELL_MAX, "rev_%s", m->sources[s].id);
    snprintf(texts[c++], CELL_MAX, "published");
    if (!text_block(texts, cols, t->header)) goto fail;
    for (size_t u = 0; u < m->unit_count; u++) {
        const fs_unit *unit = &m->units[u];
        c = 0;
        snprintf(texts[c++], CELL_MAX, "%s", unit->name);
        snprintf(texts[c++], CELL_MAX, "%s", fs_kind_name(unit->kind));
        snprintf(texts[c++], CELL_MAX, "%s", fs_class_name(unit->cls));
        snprintf(texts[c++], CELL_MAX, "%s", m->regimes[unit->regime]);
        snprintf(texts[c++], CELL_MAX, "%s", unit->district);
        snprintf(texts[c++], CELL_MAX, "%lld", (long long)unit->population);
        snprintf(texts[c++], CELL_MAX, "%.17g", unit->area_km2);
        for (int w = 0; w < FS_WL_COUNT; w++) snprintf(texts[c++], CELL_MAX, "%.17g", unit->workload[w]);
        snprintf(texts[c++], CELL_MAX, "%d", unit->island);
        snprintf(texts[c++], CELL_MAX, "%d", unit->coastal);
        snprintf(texts[c++], CELL_MAX, "%d", unit->has_pmb);
        snprintf(texts[c++], CELL_MAX, "%lld", (long long)unit->last_year);
        snprintf(texts[c++], CELL_MAX, "%lld", (long long)unit->delegated);
        snprintf(texts[c++], CELL_MAX, "%lld", (long long)unit->targeted);
        for (size_t s = 0; s < m->source_count; s++)
            snprintf(texts[c++], CELL_MAX, "%lld", (long long)fs_model_revenue(m, u, s));
        snprintf(texts[c++], CELL_MAX, "%s", unit->published);
        if (!text_block(texts, cols, t->cells + u * cols)) goto fail;
        t->row_count++;
        t->row_line[u] = unit->line;
    }
    free(texts);
    return t;
fail:
    free(texts);
    fs_table_free(t);
    return NULL;
}

static fs_status write_template(fs_run *run, const char *path)
{
    const fs_model *m = run->model;
    if (!m) return fs_diag_add(&run->diag, FS_EUSAGE, NULL, 0, NULL, "no scenario loaded");
    fs_table *t = NULL;
    fs_status st = FS_OK;
    if (m->units_table[0]) st = fs_table_read_any(m->units_table, &t, &run->diag);
    else if (!(t = table_of_units(m))) st = fs_diag_add(&run->diag, FS_EINTERNAL, NULL, 0, NULL, "out of memory");
    if (st == FS_OK) st = output_xlsx_template(path, t, notes, &run->diag);
    fs_table_free(t);
    return st;
}

fs_status fs_run_write_template(fs_run *run, const char *path)
{
    run_locale l = run_locale_enter();
    fs_status st = write_template(run, path);
    run_locale_leave(l);
    return st;
}
