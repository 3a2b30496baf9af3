/*
 * xlsx_words.c: what a workbook's reader sees in place of the tables' identifiers (see
 * xlsx_words.h): sheet and column titles in Vietnamese or English, words for the codes
 * of a unit's kind, and which columns are shares (shown as percentages). An identifier
 * with no title here is shown as it is: the CSV's column names stay the reference.
 */
#include "xlsx_words.h"

#include <stdio.h>
#include <string.h>

#include "compare.h"

typedef struct title {
    const char *id, *vi, *en;
} title;

static const title sheets[] = {
    {"figures", "Số liệu chính", "Key figures"},
    {"allocation", "Phân bổ", "Allocation"},
    {"sources", "Nguồn thu", "Revenue sources"},
    {"shares", "Tỷ lệ phân chia", "Sharing ratios"},
    {"disbursement", "Giải ngân", "Disbursement"},
    {"disb_units", "Giải ngân theo đơn vị", "Disbursement by unit"},
    {"disb_months", "Giải ngân theo tháng", "Disbursement by month"},
    {"disb_daily", "Giải ngân theo ngày", "Disbursement by day"},
    {"disb_fit", "Số liệu quan sát", "Observed points"},
    {"period", "Thời kỳ ổn định", "Stability period"},
    {"period_units", "Thời kỳ theo đơn vị", "Period by unit"},
    {"compare", "So sánh", "Comparison"},
    {"groups", "So sánh theo nhóm", "By group"},
    {"compare_disb", "So sánh giải ngân", "Disbursement compared"},
    {"compare_disb_daily", "So sánh giải ngân theo ngày", "Disbursement compared by day"},
};

static const title columns[] = {
    {"unit", "Đơn vị", "Unit"},
    {"kind", "Loại hình", "Kind"},
    {"class", "Phân loại", "Class"},
    {"regime", "Vùng", "Regime"},
    {"population", "Dân số (người)", "Population"},
    {"area_km2", "Diện tích (km²)", "Area (km²)"},
    {"need", "Nhu cầu chi", "Need"},
    {"own_revenue", "Thu ngân sách xã hưởng", "Own revenue"},
    {"transfer", "Bổ sung cân đối", "Balancing transfer"},
    {"targeted", "Bổ sung có mục tiêu", "Targeted transfer"},
    {"allocation", "Tổng phân bổ", "Allocation"},
    {"coverage", "Mức bảo đảm nhu cầu", "Coverage of need"},
    {"per_capita", "Bình quân đầu người", "Per capita"},
    {"source", "Mã nguồn thu", "Source id"},
    {"name", "Nguồn thu", "Source"},
    {"type", "Loại nguồn", "Type"},
    {"collected", "Số thu", "Collected"},
    {"central", "Phần trung ương", "Central part"},
    {"city", "Phần thành phố", "City part"},
    {"commune", "Phần xã", "Commune part"},
    {"rule", "Quy tắc", "Rule"},
    {"scope", "Cách chọn", "Scope"},
    {"applies_to", "Áp dụng cho", "Applies to"},
    {"units", "Số đơn vị", "Units"},
    {"min", "Tối thiểu", "Minimum"},
    {"max", "Tối đa", "Maximum"},
    {"step", "Bước", "Step"},
    {"share", "Tỷ lệ xã hưởng", "Commune share"},
    {"legal_share", "Tỷ lệ theo công thức luật", "Legal formula's share"},
    {"legal_commune", "Phần xã theo công thức luật", "Commune part, legal formula"},
    {"moved", "Chênh lệch cho xã", "Moved to communes"},
    {"allocation_before", "Phân bổ trước", "Allocation before"},
    {"allocation_after", "Phân bổ sau", "Allocation after"},
    {"change", "Thay đổi", "Change"},
    {"coverage_before", "Mức bảo đảm trước", "Coverage before"},
    {"coverage_after", "Mức bảo đảm sau", "Coverage after"},
    {"outcome", "Kết quả", "Outcome"},
    {"figure", "Chỉ tiêu", "Figure"},
    {"value", "Giá trị", "Value"},
    {"measure", "Đơn vị tính", "Measured in"},
    /* The units table's inputs (explain names the published ones). */
    {"district", "Quận, huyện cũ", "Former district"},
    {"dossiers", "Số hồ sơ thủ tục hành chính", "Administrative dossiers"},
    {"staff_quota", "Biên chế được giao", "Staff quota"},
    {"staff_in_post", "Cán bộ, công chức hiện có", "Staff in post"},
    {"schools", "Số trường học", "Schools"},
    {"health_stations", "Số trạm y tế", "Health stations"},
    {"hq_buildings", "Số trụ sở", "Headquarters buildings"},
    {"island", "Hải đảo", "Island"},
    {"coastal", "Ven biển", "Coastal"},
    {"has_pmb", "Có ban quản lý dự án", "Project management board"},
    {"last_year", "Dự toán năm trước", "Last year"},
    {"delegated", "Kinh phí nhiệm vụ mới giao", "Newly delegated tasks"},
};

/* Columns that are shares of a whole: shown as percentages. */
static const char *const percent[] = {"coverage", "share", "legal_share", "min", "max", "step", "coverage_before",
                                      "coverage_after", "central_share", NULL};

static const char *look_up(const title *list, size_t n, const char *id, fs_lang lang)
{
    for (size_t k = 0; k < n; k++)
        if (!strcmp(list[k].id, id)) return lang == FS_LANG_VI ? list[k].vi : list[k].en;
    return id;
}

const char *xlsx_sheet_title(const char *id, fs_lang lang)
{
    return look_up(sheets, sizeof sheets / sizeof *sheets, id, lang);
}

const char *xlsx_column_title(const char *id, fs_lang lang)
{
    return look_up(columns, sizeof columns / sizeof *columns, id, lang);
}

const char *fs_applies_to_text(const char *applies_to, fs_lang lang, char *buf, size_t size)
{
    if (lang == FS_LANG_EN || size == 0) return snprintf(buf, size, "%s", applies_to), buf;
    if (!strcmp(applies_to, "all")) return snprintf(buf, size, "tất cả đơn vị"), buf;
    size_t used = 0;
    buf[0] = '\0';
    for (const char *p = applies_to; *p && used < size;) {
        size_t len = strcspn(p, ",");
        char part[96], word[96];
        snprintf(part, sizeof part, "%.*s", (int)len, p);
        const char *space = strchr(part, ' '), *text = part;
        if (space && !strncmp(part, "kind ", 5)) text = fs_compare_group_label("kind", space + 1, lang, word, sizeof word);
        else if (space && !strncmp(part, "class ", 6))
            text = fs_compare_group_label("class", space + 1, lang, word, sizeof word);
        else if (space && !strncmp(part, "regime ", 7)) snprintf(word, sizeof word, "chế độ %s", space + 1), text = word;
        used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? ", " : "", text);
        p += len;
        p += strspn(p, ", ");
    }
    return buf;
}

const char *xlsx_code_word(const char *column, const char *code, fs_lang lang, char *buf, size_t size)
{
    if (!strcmp(column, "applies_to")) return fs_applies_to_text(code, lang, buf, size);
    static const title outcomes[] = {{"winner", "Tăng", "Gains"}, {"loser", "Giảm", "Loses"},
                                     {"unchanged", "Không đổi", "Unchanged"}};
    static const title scopes[] = {{"fixed", "Cố định", "Fixed"}, {"group", "Theo nhóm", "By group"},
                                   {"unit", "Theo từng đơn vị", "Unit by unit"}};
    if (!strcmp(column, "kind")) return fs_compare_group_label("kind", code, lang, buf, size); /* "Phường" */
    if (!strcmp(column, "outcome")) return look_up(outcomes, 3, code, lang);
    if (!strcmp(column, "scope")) return look_up(scopes, 3, code, lang);
    return code;
}

bool xlsx_is_year(const char *column)
{
    size_t n = strlen(column);
    return !strcmp(column, "year") || (n > 5 && !strcmp(column + n - 5, "_year"));
}

bool xlsx_is_percent(const char *column)
{
    for (size_t k = 0; percent[k]; k++)
        if (!strcmp(percent[k], column)) return true;
    return false;
}
