/*
 * chart_compare_text.c: the words of the compare charts in Vietnamese and English,
 * their amounts and shares written in the language's number format (1.234,5 in
 * Vietnamese, 1,234.5 in English), and the frame every chart's page starts with: the
 * title, the two scenarios under it, and the footer with the money unit. Money is
 * shown in tỷ đồng (billion VND) when the tables are in million VND.
 */
#include <math.h>
#include <string.h>

#include "chart_compare.h"

static const cmp_words vi = {
    "So sánh hai phương án phân bổ ngân sách",
    "Phương án cơ sở",
    "Phương án cải cách",
    "Đơn vị tiền",
    "các bảng",
    "fiscalsim · so sánh",
    "Đơn vị được tăng và bị giảm phân bổ theo nhóm",
    "Số đơn vị được tăng (cột lên) và bị giảm (cột xuống)",
    "Số đơn vị",
    "Được tăng phân bổ",
    "Bị giảm phân bổ",
    "Thay đổi tổng phân bổ của nhóm",
    {"Loại hình", "Phân loại", "Tỉnh cũ"},
    "Thay đổi phân bổ của từng đơn vị",
    "Đơn vị cấp xã, xếp theo mức thay đổi",
    "Được tăng",
    "Bị giảm",
    "Không đơn vị nào thay đổi phân bổ",
    "Tăng nhiều nhất",
    "Giảm nhiều nhất",
    "Tỷ lệ đáp ứng nhu cầu chi: trước và sau",
    "Trước (phương án cơ sở)",
    "Sau (phương án cải cách)",
    "Không đổi",
    "Đường y = x: không thay đổi",
    "Dự báo giải ngân toàn bộ kế hoạch vốn đầu tư: trước và sau",
    "Tháng",
    "% kế hoạch",
    "Trước (phương án cơ sở)",
    "Sau (phương án cải cách)",
    "Chỉ tiêu",
    "Trước",
    "Sau",
    "Thay đổi",
    {"Tổng phân bổ cho cấp xã", "Bổ sung từ ngân sách thành phố", "Nguồn thu cấp xã được hưởng",
     "Cân đối ngân sách thành phố", "Tỷ lệ đáp ứng thấp nhất"},
    "%lld đơn vị: %lld được tăng, %lld bị giảm, %lld không đổi",
    "Giải ngân dự báo, toàn bộ kế hoạch, đến ngày %s",
    "tỷ đồng",
    "triệu đồng",
    " điểm %",
    FS_LANG_VI,
};

static const cmp_words en = {
    "Comparison of two budget allocation scenarios",
    "Baseline",
    "Reform",
    "Money",
    "tables",
    "fiscalsim · comparison",
    "Winners and losers of allocation by group",
    "Units that gain (bars up) and lose (bars down)",
    "Units",
    "Winners (allocation up)",
    "Losers (allocation down)",
    "Change in the group's total allocation",
    {"Kind", "Class", "Former province"},
    "Change in allocation by unit",
    "Commune-level units, sorted by change",
    "Gain",
    "Loss",
    "No unit's allocation changes",
    "Largest gains",
    "Largest losses",
    "Coverage of need: before and after",
    "Before (baseline)",
    "After (reform)",
    "Unchanged",
    "y = x: no change",
    "Forecast disbursement of the whole investment plan: before and after",
    "Month",
    "% of plan",
    "Before (baseline)",
    "After (reform)",
    "Item",
    "Before",
    "After",
    "Change",
    {"Total allocation to the communes", "Transfers from the city budget", "Communes' own revenue",
     "City budget balance", "Lowest coverage of need"},
    "%lld units: %lld winners, %lld losers, %lld unchanged",
    "Forecast disbursement of the whole plan by %s",
    "billion VND",
    "million VND",
    " pp",
    FS_LANG_EN,
};

const cmp_words *cmp_words_of(fs_lang lang)
{
    return lang == FS_LANG_EN ? &en : &vi;
}

double cmp_divisor(const cmp_data *d)
{
    return chart_divisor(d->money_unit);
}

const char *cmp_display_unit(const cmp_data *d, const cmp_words *w)
{
    return chart_in_billions(d->money_unit) ? w->billion : d->money_unit;
}

const char *cmp_table_unit(const cmp_data *d, const cmp_words *w)
{
    return chart_in_billions(d->money_unit) ? w->million : d->money_unit;
}

void cmp_money_text(char *buf, size_t size, const cmp_data *d, int64_t value, bool sign, const cmp_words *w)
{
    int scale = chart_in_billions(d->money_unit) ? 3 : 0;
    chart_fixed_text(buf, size, value, scale, scale, sign, chart_numbers_of(w->lang));
}

void cmp_percent_text(char *buf, size_t size, double share, const cmp_words *w)
{
    chart_fixed_text(buf, size, (int64_t)llround(share * 1000), 1, 1, false, chart_numbers_of(w->lang));
    strncat(buf, "%", size - strlen(buf) - 1);
}

void cmp_points_text(char *buf, size_t size, double change, const cmp_words *w)
{
    chart_fixed_text(buf, size, (int64_t)llround(change * 10000), 2, 2, true, chart_numbers_of(w->lang));
    strncat(buf, w->points, size - strlen(buf) - 1);
}

void cmp_page_setup(FILE *out, const cmp_data *d, const cmp_words *w, const char *title)
{
    chart_page_reset(out);
    fprintf(out, "set decimalsign '%c'\n", chart_numbers_of(w->lang).decimal);
    fputs("set tmargin at screen 0.86\nset bmargin 6\nset label 102 ", out);
    chart_quoted(out, title);
    fputs(" at screen 0.5, screen 0.965 center font ',16'\nset label 101 ", out);
    chart_quoted_printf(out, "%s: %s   →   %s: %s", w->baseline, d->base, w->reform, d->reform);
    fputs(" at screen 0.5, screen 0.925 center font ',11'\nset label 100 ", out);
    if (chart_in_billions(d->money_unit))
        chart_quoted_printf(out, "%s · %s → %s · %s: %s (%s: %s)", w->footer, d->base, d->reform, w->money,
                            cmp_display_unit(d, w), w->tables, cmp_table_unit(d, w));
    else
        chart_quoted_printf(out, "%s · %s → %s · %s: %s", w->footer, d->base, d->reform, w->money, d->money_unit);
    fputs(" at screen 0.01, screen 0.015 font ',9'\n", out);
}
