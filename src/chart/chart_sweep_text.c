/*
 * chart_sweep_text.c: the words of the sweep charts in Vietnamese and English, their
 * numbers in the language's format (1.234,5 in Vietnamese, 1,234.5 in English), what
 * each kind of parameter key is called on an axis, and the frame every chart's page
 * starts with: the title, the scenario, design and variants under it, and the footer.
 * Money is shown in tỷ đồng (billion VND) when the tables are in million VND.
 */
#include <math.h>
#include <string.h>

#include "chart_sweep.h"

static const sw_words vi = {
    "Độ nhạy của các kết quả theo từng tham số",
    "Biểu đồ tornado: kết quả khi từng tham số ở mức thấp và mức cao",
    "Tỷ lệ đáp ứng nhu cầu chi thấp nhất theo các tham số ảnh hưởng nhiều nhất",
    "Kịch bản: %s · Thiết kế: %s · %s biến thể: %s giải được, %s không khả thi",
    {"lưới đầy đủ", "từng tham số một (OAT)", "siêu khối Latin (LHS)", "Monte Carlo", "Sobol (mẫu Saltelli)"},
    "fiscalsim · quét độ nhạy",
    "Đơn vị tiền",
    "các bảng",
    "tỷ đồng",
    "triệu đồng",
    {"Tỷ lệ đáp ứng nhu cầu chi thấp nhất", "Số đơn vị được phân bổ dưới nhu cầu chi",
     "Hệ số Gini của phân bổ bình quân đầu người", "Tổng bổ sung cân đối cho cấp xã", "Cân đối ngân sách thành phố"},
    "đơn vị",
    "SRC",
    "SRC và ST",
    "Hệ số hồi quy chuẩn hóa (SRC)",
    "Chỉ số Sobol tổng (ST), khoảng tin cậy 95%",
    "R² = %s",
    "Hồi quy tuyến tính trên %s biến thể giải được.",
    "SRC: kết quả thay đổi bao nhiêu độ lệch chuẩn khi tham số tăng một độ lệch chuẩn; R²: phần biến động "
    "mà hồi quy giải thích được.",
    "ST: phần phương sai của kết quả do tham số gây ra, kể cả qua tương tác với tham số khác.",
    "Tham số ở mức thấp",
    "Tham số ở mức cao",
    "Kết quả của biến thể cơ sở",
    "Lần lượt từng tham số ở mức thấp rồi mức cao, các tham số khác giữ ở mức cơ sở (biến thể 1).",
    "cơ sở: %s",
    "Không khả thi ở mức đó",
    "Biến thể cơ sở không khả thi",
    "Không đổi giữa các biến thể",
    "Không biến thể nào giải được",
    "Mỗi ô chỉ vẽ %s tham số ảnh hưởng nhiều nhất (trong %s tham số).",
    "Tỷ lệ đáp ứng thấp nhất",
    "Biến thể giải được (%s)",
    "Biến thể không khả thi (%s)",
    "không khả thi",
    "Vẽ 1 trên %s biến thể",
    "SRC = %s",
    "Tỷ lệ giải ngân kế hoạch vốn đầu tư công dự báo qua các biến thể",
    "Tháng",
    "% kế hoạch đã giải ngân",
    "90% biến thể ở giữa (phân vị 5–95)",
    "50% biến thể ở giữa (phân vị 25–75)",
    "Trung vị, cuối mỗi tháng",
    "Trung bình",
    "Kế hoạch (100%)",
    "Ngày được chọn của đợt quét (trung vị)",
    "%s: %s",
    "Đến hạn %s: trung vị %s; 90%% biến thể ở giữa từ %s đến %s",
    "Khoảng phân vị 5–95 rộng nhất: %s điểm phần trăm (cuối tháng %s)",
    ", %s lỗi",
    "SRC chỉ tính trên các biến thể giải được: một xu hướng do các biến thể không khả thi tạo ra (ở dải dưới) không có "
    "trong SRC.",
    FS_LANG_VI,
};

static const sw_words en = {
    "Sensitivity of the results to each parameter",
    "Tornado chart: the results with each parameter at its low and high end",
    "Lowest coverage of need against the most influential parameters",
    "Scenario: %s · Design: %s · %s variants: %s solved, %s infeasible",
    {"full grid", "one at a time (OAT)", "Latin hypercube (LHS)", "Monte Carlo", "Sobol (Saltelli sample)"},
    "fiscalsim · sweep",
    "Money",
    "tables",
    "billion VND",
    "million VND",
    {"Lowest coverage of need", "Units allocated less than their need", "Gini coefficient of allocation per capita",
     "Total balancing transfers to the communes", "City budget balance"},
    "units",
    "SRC",
    "SRC and ST",
    "Standardised regression coefficient (SRC)",
    "Total Sobol index (ST), 95% interval",
    "R² = %s",
    "Linear regression over the %s solved variants.",
    "SRC: the change of the result, in standard deviations, when the parameter rises by one standard "
    "deviation; R²: the share of the variation the regression explains.",
    "ST: the share of the result's variance due to the parameter, its interactions with the others included.",
    "Parameter at its low end",
    "Parameter at its high end",
    "Result of the baseline variant",
    "Each parameter in turn at its low and then its high end, the others at the baseline (variant 1).",
    "baseline: %s",
    "Infeasible at that end",
    "The baseline variant is infeasible",
    "The same in every variant",
    "No variant solved",
    "Each panel shows only the %s parameters with the largest effects (of %s).",
    "Lowest coverage",
    "Solved variants (%s)",
    "Infeasible variants (%s)",
    "infeasible",
    "One variant in %s drawn",
    "SRC = %s",
    "Forecast disbursement of the public investment plan across the variants",
    "Month",
    "% of the plan disbursed",
    "Middle 90% of the variants (5th–95th percentile)",
    "Middle 50% of the variants (25th–75th percentile)",
    "Median, at each month end",
    "Mean",
    "Plan (100%)",
    "The sweep's dates (median)",
    "%s: %s",
    "By the deadline, %s: median %s; the middle 90%% of the variants from %s to %s",
    "The 5th–95th percentile band is at most %s percentage points wide (month end %s)",
    ", %s failed",
    "The SRC counts the solved variants only: a trend made by which variants were infeasible (the strip below) is not "
    "in it.",
    FS_LANG_EN,
};

const sw_words *sw_words_of(fs_lang lang)
{
    return lang == FS_LANG_EN ? &en : &vi;
}

bool sw_money_result(sw_result k)
{
    return k == SW_TRANSFERS || k == SW_CITY_BALANCE;
}

bool sw_money_param(const char *key)
{
    static const char *const keys[] = {"policy.envelope", "city.revenue", "city.need", "city.central_transfers",
                                       "disbursement.cash.opening"};
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
        if (!strcmp(key, keys[k])) return true;
    return false;
}

double sw_divisor(const sw_data *d)
{
    return chart_divisor(d->money_unit);
}

const char *sw_display_unit(const sw_data *d, const sw_words *w)
{
    return chart_in_billions(d->money_unit) ? w->billion : d->money_unit;
}

double sw_shown(const sw_data *d, sw_result k, double value)
{
    if (k == SW_MIN_COVERAGE) return 100 * value;
    return sw_money_result(k) ? value / sw_divisor(d) : value;
}

const char *sw_count_text(sw_count buf, long long n, const sw_words *w)
{
    chart_fixed_text(buf, sizeof(sw_count), n, 0, 0, false, chart_numbers_of(w->lang));
    return buf;
}

void sw_real_text(char *buf, size_t size, double value, int decimals, const sw_words *w)
{
    double scaled = value * pow(10, decimals);
    if (!(fabs(scaled) < 9e18)) {
        snprintf(buf, size, "%g", value);
        return;
    }
    chart_fixed_text(buf, size, (int64_t)llround(scaled), decimals, decimals, false, chart_numbers_of(w->lang));
}

void sw_result_text(char *buf, size_t size, const sw_data *d, sw_result k, double value, const sw_words *w)
{
    switch (k) {
    case SW_MIN_COVERAGE:
        sw_real_text(buf, size, 100 * value, 1, w);
        strncat(buf, "%", size - strlen(buf) - 1);
        break;
    case SW_UNDER_NEED: sw_real_text(buf, size, value, 0, w); break;
    case SW_GINI: sw_real_text(buf, size, value, 3, w); break;
    default: {
        double shown = value / sw_divisor(d);
        /* Tỷ đồng to the million below a thousand tỷ, whole above. */
        sw_real_text(buf, size, shown, chart_in_billions(d->money_unit) && fabs(shown) < 1000 ? 3 : 0, w);
    }
    }
}

/* What a kind of key is called, and its unit (NULL: none), in both languages. */
typedef struct key_words {
    const char *prefix, *suffix;  /* the key is prefix, or prefix<id>suffix */
    const char *name[2], *unit[2];
} key_words;

static const key_words keys[] = {
    {"policy.envelope", NULL, {"Tổng mức phân bổ cho cấp xã", "Envelope: total allocation to the communes"},
     {"$", "$"}},
    {"policy.hold_harmless", NULL,
     {"Mức bảo đảm so với phân bổ năm trước", "Hold-harmless share of last year's allocation"}, {NULL, NULL}},
    {"policy.priority", NULL, {"Mức ưu tiên kinh phí nhiệm vụ được giao", "Priority of the delegated tasks' earmark"},
     {NULL, NULL}},
    {"policy.coverage_min", NULL, {"Tỷ lệ đáp ứng tối thiểu", "Minimum coverage of need"},
     {NULL, NULL}},
    {"policy.cap", NULL, {"Mức trần so với nhu cầu chi", "Cap on coverage of need"},
     {NULL, NULL}},
    {"city.revenue", NULL, {"Thu ngân sách thành phố", "City revenue"},
     {"$", "$"}},
    {"city.need", NULL, {"Nhu cầu chi của thành phố", "City spending need"},
     {"$", "$"}},
    {"city.central_transfers", NULL, {"Bổ sung từ ngân sách trung ương", "Transfers from the central budget"},
     {"$", "$"}},
    {"city.reserve_rate", NULL, {"Tỷ lệ dự phòng của thành phố", "City reserve rate"},
     {NULL, NULL}},
    {"population", NULL, {"Hệ số nhân dân số", "Multiplier on population"},
     {"1 = như kịch bản", "1 = as in the scenario"}},
    {"sources.", ".central", {"Tỷ lệ điều tiết về ngân sách trung ương", "Central share of a revenue source"},
     {NULL, NULL}},
    {"norms.", ".per_capita", {"Định mức phân bổ theo dân số", "Norm per inhabitant"},
     {"$/người", "$ per person"}},
    {"norms.", ".per_km2", {"Định mức phân bổ theo diện tích", "Norm per km²"},
     {"$/km²", "$ per km²"}},
    {"norms.", ".fixed", {"Định mức cố định cho mỗi đơn vị", "Fixed norm per unit"},
     {"$", "$"}},
    {"revenue.", "", {"Hệ số nhân nguồn thu", "Multiplier on a revenue source"},
     {"1 = như kịch bản", "1 = as in the scenario"}},
    {"disbursement.capacity.without_pmb", NULL,
     {"Năng lực giải ngân của đơn vị không có ban quản lý dự án",
      "Capacity of a unit with no project management board"},
     {NULL, NULL}},
    {"disbursement.capacity.staff_elasticity", NULL,
     {"Độ co giãn của năng lực giải ngân theo biên chế", "Elasticity of the capacity to the staff in post"},
     {NULL, NULL}},
    {"disbursement.cash.opening", NULL, {"Tồn quỹ ngày 1 tháng 1", "Cash on 1 January"}, {"$", "$"}},
};

static bool key_matches(const key_words *k, const char *key)
{
    if (!k->suffix) return !strcmp(key, k->prefix);
    size_t n = strlen(key), p = strlen(k->prefix), s = strlen(k->suffix);
    return n > p + s && !strncmp(key, k->prefix, p) && !strcmp(key + n - s, k->suffix);
}

void sw_param_title(char *name, size_t name_size, char *detail, size_t detail_size, const sw_data *d,
                    const char *key, const sw_words *w)
{
    int lang = w == &en;
    const key_words *k = NULL;
    for (size_t i = 0; i < sizeof keys / sizeof *keys && !k; i++)
        if (key_matches(&keys[i], key)) k = &keys[i];
    if (!k) {
        snprintf(name, name_size, "%s", key);
        snprintf(detail, detail_size, "%s", "");
        return;
    }
    snprintf(name, name_size, "%s", k->name[lang]);
    const char *unit = k->unit[lang];
    if (!unit) {
        snprintf(detail, detail_size, "(%s)", key);
        return;
    }
    /* "$" stands for the money unit: tỷ đồng for the large amounts, the tables' unit
     * (in the language's words when it is million VND) for the norms. */
    char shown[96];
    const char *dollar = strchr(unit, '$');
    if (dollar) {
        const char *money = sw_money_param(key) ? sw_display_unit(d, w)
                            : chart_in_billions(d->money_unit) ? w->million : d->money_unit;
        snprintf(shown, sizeof shown, "%.*s%s%s", (int)(dollar - unit), unit, money, dollar + 1);
        unit = shown;
    }
    snprintf(detail, detail_size, "(%s), %s", key, unit);
}

void sw_page_setup(FILE *out, const sw_data *d, const sw_words *w, const char *title)
{
    chart_page_reset(out);
    fprintf(out, "set decimalsign '%c'\nset label 102 ", chart_numbers_of(w->lang).decimal);
    chart_quoted(out, title);
    fputs(" at screen 0.5, screen 0.965 center font ',16'\nset label 101 ", out);
    char subtitle[512];
    sw_count variants, solved, infeasible, failed;
    int used = snprintf(subtitle, sizeof subtitle, w->subtitle, d->scenario, w->designs[d->design],
                        sw_count_text(variants, (long long)d->variants, w), sw_count_text(solved, (long long)d->solved, w),
                        sw_count_text(infeasible, (long long)d->infeasible, w));
    if (d->failed > 0 && used >= 0 && (size_t)used < sizeof subtitle)
        snprintf(subtitle + used, sizeof subtitle - (size_t)used, w->failed,
                 sw_count_text(failed, (long long)d->failed, w));
    chart_quoted(out, subtitle);
    fputs(" at screen 0.5, screen 0.925 center font ',12'\nset label 100 ", out);
    if (chart_in_billions(d->money_unit))
        chart_quoted_printf(out, "%s · %s · %s: %s (%s: %s)", w->footer, d->scenario, w->money, w->billion, w->tables,
                            w->million);
    else
        chart_quoted_printf(out, "%s · %s · %s: %s", w->footer, d->scenario, w->money, d->money_unit);
    fputs(" at screen 0.01, screen 0.015 font ',9'\n", out);
}
