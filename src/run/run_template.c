/*
 * run_template.c: the units table of a loaded scenario as a workbook for an officer to
 * fill in with real figures (fiscalsim.h: fs_run_write_template). The workbook holds
 * the table as it is (its columns keep their names, so that a scenario may name the
 * workbook as its units table) and a note on each column.
 */
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

static fs_status write_template(fs_run *run, const char *path)
{
    const fs_model *m = run->model;
    if (!m) return fs_diag_add(&run->diag, FS_EUSAGE, NULL, 0, NULL, "no scenario loaded");
    if (!m->units_table[0])
        return fs_diag_add(&run->diag, FS_EUSAGE, m->file, 0, "units",
                           "the units are listed in the scenario, not kept in a table");
    fs_table *t = NULL;
    fs_status st = fs_table_read_any(m->units_table, &t, &run->diag);
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
