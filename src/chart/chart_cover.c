/*
 * chart_cover.c: the settings plots/cover.gp reads for the cover of a run's council
 * pack (chart_cover.h): the figures of summary.json (chart_data_cover.c), the unit with
 * the lowest coverage, the chosen shares as lines of text in the run's language, and
 * the date the pack is drawn (SOURCE_DATE_EPOCH when set, for reproducible packs). The
 * cover's words and sentences are in plots/words, its layout in plots/cover.gp.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chart_cover.h"
#include "calendar.h"
#include "chart_common.h"
#include "money_text.h"
#include "xlsx_words.h"

/* Today as a day number (calendar.h), or SOURCE_DATE_EPOCH's day when it is set. */
static int32_t pack_day(void)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    char *end = NULL;
    long long seconds = epoch ? strtoll(epoch, &end, 10) : 0;
    if (!epoch || !*epoch || *end || seconds < 0) seconds = (long long)time(NULL);
    return (int32_t)(seconds / 86400);
}

/* share_line_<k>: the shares chosen for one group of units, "chế độ HP: Lệ phí trước
 * bạ 40%, Thuế hộ kinh doanh 70%", one line per group in the order of summary.json. */
enum { SHARE_LINES_MAX = 6 }; /* the cover's room; the rest are counted, in shares.csv */

static void share_lines(FILE *out, const fs_chart_cover *c, fs_lang lang)
{
    size_t lines = 0, more = 0;
    for (size_t k = 0; k < c->share_count; k++) {
        bool first = true;
        for (size_t j = 0; j < k && first; j++) first = strcmp(c->shares[j].applies_to, c->shares[k].applies_to) != 0;
        if (!first) continue;
        if (lines == SHARE_LINES_MAX) {
            more++;
            continue;
        }
        char line[1024], words[192];
        size_t used = (size_t)snprintf(line, sizeof line, "%s:",
                                       fs_applies_to_text(c->shares[k].applies_to, lang, words, sizeof words));
        for (size_t j = k, n = 0; j < c->share_count && used < sizeof line; j++) {
            if (strcmp(c->shares[j].applies_to, c->shares[k].applies_to)) continue;
            char pct[32];
            double v = 100 * c->shares[j].share;
            fs_format_real(v, v == (double)(long long)v ? 0 : 2, lang, pct, sizeof pct);
            used += (size_t)snprintf(line + used, sizeof line - used, "%s %s %s%%", n++ ? "," : "", c->shares[j].name,
                                     pct);
        }
        fprintf(out, "share_line_%zu = ", ++lines);
        chart_quoted(out, line);
        fputc('\n', out);
    }
    if (more) {
        fprintf(out, "share_line_%zu = ", ++lines);
        chart_quoted_printf(out, lang == FS_LANG_VI ? "… và %zu nhóm đơn vị khác (shares.csv)"
                                                    : "… and %zu more groups of units (shares.csv)",
                            more);
        fputc('\n', out);
    }
    fprintf(out, "share_lines = %zu\n", lines);
}

void chart_cover_data(FILE *out, const fs_chart_data *d, fs_lang lang)
{
    const fs_chart_cover *c = &d->cover;
    fprintf(out, "cover_year = %d\ncover_legal = %d\ncover_units = %lld\ncover_under = %lld\n", c->year, c->legal,
            (long long)c->units, (long long)c->units_under_need);
    fprintf(out, "cover_need = %lld\ncover_own = %lld\ncover_transfer = %lld\ncover_targeted = %lld\n"
                 "cover_allocation = %lld\n",
            (long long)c->need, (long long)c->own_revenue, (long long)c->transfer, (long long)c->targeted,
            (long long)c->allocation);
    fprintf(out, "cover_has_envelope = %d\ncover_envelope = %lld\ncover_has_city = %d\ncover_city = %lld\n",
            c->has_envelope, (long long)c->envelope, c->has_city, (long long)c->city_balance);
    fprintf(out, "cover_lowest = %.10g\n", c->min_coverage);
    size_t lowest = 0;
    for (size_t u = 1; u < d->unit_count; u++)
        if (d->coverage[u] < d->coverage[lowest]) lowest = u;
    fputs("cover_lowest_unit = ", out);
    chart_quoted(out, d->unit_count ? d->unit[lowest] : "");
    fputc('\n', out);
    for (size_t k = 0; k < FS_COVER_KINDS; k++) fprintf(out, "binding_%s = %zu\n", fs_cover_kinds[k], c->binding[k]);
    share_lines(out, c, lang);
    fprintf(out, "cover_has_disb = %d\n", c->has_disbursement);
    if (c->has_disbursement) {
        int32_t day = 0;
        char deadline[FS_DATE_TEXT_MAX] = "";
        if (fs_date_parse(c->deadline, &day) == 0) fs_format_date(day, lang, deadline);
        fputs("cover_deadline = ", out);
        chart_quoted(out, deadline);
        fprintf(out, "\ncover_forecast = %.10g\ncover_band_lo = %.10g\ncover_band_hi = %.10g\n"
                     "cover_at_risk = %lld\ncover_to_watch = %lld\n",
                c->forecast, c->band_lo, c->band_hi, (long long)c->units_at_risk, (long long)c->units_to_watch);
    }
    chart_pack_date_setting(out, lang);
}

void chart_pack_date_setting(FILE *out, fs_lang lang)
{
    char date[FS_DATE_TEXT_MAX];
    fs_format_date(pack_day(), lang, date);
    fputs("pack_date = ", out);
    chart_quoted(out, date);
    fputc('\n', out);
}
