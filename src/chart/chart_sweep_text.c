/*
 * chart_sweep_text.c: the texts the program writes for the sweep charts, in
 * Vietnamese and English: numbers in the language's format (1.234,5 in Vietnamese,
 * 1,234.5 in English), and what each kind of parameter key is called, with its unit.
 * Money is shown in tỷ đồng (billion VND) when the tables are in million VND. The
 * charts' other words are in plots/words.
 */
#include <math.h>
#include <string.h>

#include "chart_sweep.h"

static const sw_words vi = {"tỷ đồng", "triệu đồng", FS_LANG_VI};
static const sw_words en = {"billion VND", "million VND", FS_LANG_EN};

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
    const char *province[2];      /* the name when the level above the communes is a province */
} key_words;

static const key_words keys[] = {
    {"policy.envelope", NULL, {"Tổng mức phân bổ cho cấp xã", "Envelope: total allocation to the communes"},
     {"$", "$"}, {NULL, NULL}},
    {"policy.hold_harmless", NULL,
     {"Mức bảo đảm so với phân bổ năm trước", "Hold-harmless share of last year's allocation"}, {NULL, NULL}, {NULL, NULL}},
    {"policy.priority", NULL, {"Mức ưu tiên kinh phí nhiệm vụ được giao", "Priority of the delegated tasks' earmark"},
     {NULL, NULL}, {NULL, NULL}},
    {"policy.coverage_min", NULL, {"Tỷ lệ đáp ứng tối thiểu", "Minimum coverage of need"},
     {NULL, NULL}, {NULL, NULL}},
    {"policy.cap", NULL, {"Mức trần so với nhu cầu chi", "Cap on coverage of need"},
     {NULL, NULL}, {NULL, NULL}},
    {"city.revenue", NULL, {"Thu ngân sách thành phố", "City revenue"},
     {"$", "$"}, {"Thu ngân sách tỉnh", "Province revenue"}},
    {"city.need", NULL, {"Nhu cầu chi của thành phố", "City spending need"},
     {"$", "$"}, {"Nhu cầu chi của tỉnh", "Province spending need"}},
    {"city.central_transfers", NULL, {"Bổ sung từ ngân sách trung ương", "Transfers from the central budget"},
     {"$", "$"}, {NULL, NULL}},
    {"city.reserve_rate", NULL, {"Tỷ lệ dự phòng của thành phố", "City reserve rate"},
     {NULL, NULL}, {"Tỷ lệ dự phòng của tỉnh", "Province reserve rate"}},
    {"population", NULL, {"Hệ số nhân dân số", "Multiplier on population"},
     {"1 = như kịch bản", "1 = as in the scenario"}, {NULL, NULL}},
    {"sources.", ".central", {"Tỷ lệ điều tiết về ngân sách trung ương", "Central share of a revenue source"},
     {NULL, NULL}, {NULL, NULL}},
    {"norms.", ".per_capita", {"Định mức phân bổ theo dân số", "Norm per inhabitant"},
     {"$/người", "$ per person"}, {NULL, NULL}},
    {"norms.", ".per_km2", {"Định mức phân bổ theo diện tích", "Norm per km²"},
     {"$/km²", "$ per km²"}, {NULL, NULL}},
    {"norms.", ".fixed", {"Định mức cố định cho mỗi đơn vị", "Fixed norm per unit"},
     {"$", "$"}, {NULL, NULL}},
    {"revenue.", "", {"Hệ số nhân nguồn thu", "Multiplier on a revenue source"},
     {"1 = như kịch bản", "1 = as in the scenario"}, {NULL, NULL}},
    {"disbursement.capacity.without_pmb", NULL,
     {"Năng lực giải ngân của đơn vị không có ban quản lý dự án",
      "Capacity of a unit with no project management board"},
     {NULL, NULL}, {NULL, NULL}},
    {"disbursement.capacity.staff_elasticity", NULL,
     {"Độ co giãn của năng lực giải ngân theo biên chế", "Elasticity of the capacity to the staff in post"},
     {NULL, NULL}, {NULL, NULL}},
    {"disbursement.cash.opening", NULL, {"Tồn quỹ ngày 1 tháng 1", "Cash on 1 January"}, {"$", "$"}, {NULL, NULL}},
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
    /* A key of a pattern (revenue.<source>, norms.<norm>.per_capita, ...) names its id,
     * so that two sources or norms swept together are told apart. */
    if (k->suffix) {
        size_t p = strlen(k->prefix), n = strlen(key) - p - strlen(k->suffix);
        snprintf(name, name_size, "%s (%.*s)", k->name[lang], (int)n, key + p);
    } else {
        const char *own = d->upper_is_province && k->province[lang] ? k->province[lang] : k->name[lang];
        snprintf(name, name_size, "%s", own);
    }
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
