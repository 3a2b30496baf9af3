/*
 * explain.c: the `explain` report of one unit, in Vietnamese or English. Every figure
 * shown is read from the model and the result, never recomputed differently, so the
 * report and the tables cannot disagree; the parts shown add up to the totals shown.
 * Sources and norms go by their display names, numbers as the language writes them, and
 * each limit that binds for the unit in one sentence with its numbers.
 */
#include "explain.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "explain_facts.h"
#include "xlsx_words.h"

typedef struct words {
    const char *kinds[FS_KIND_COUNT], *kinds_plural[FS_KIND_COUNT], *class_word, *regime_word;
    const char *population, *area, *pmb, *published, *estimates;
    const char *need_title, *delegated, *need;
    const char *revenue_title, *col_source, *col_collected, *col_share, *col_commune;
    const char *own, *transfer, *targeted, *allocation, *last_year, *change;
    const char *coverage, *lowest, *this_unit, *rank, *per_capita, *per_person;
    const char *binding_title, *none, *legal_note;
    const char *disb_title, *disb_plan, *disb_by, *disb_band, *disb_simulated, *disb_risk, *risk[3], *miss;
    fs_lang lang;
} words;

static const words vi = {
    {"xã", "phường", "đặc khu"}, {"xã", "phường", "đặc khu"}, "loại", "vùng",
    "dân số", "diện tích", "có ban quản lý dự án", "số liệu công bố", "các số liệu khác là ước tính",
    "Nhu cầu chi", "nhiệm vụ mới giao (bố trí riêng)", "tổng nhu cầu",
    "Nguồn thu trên địa bàn", "nguồn thu", "số thu", "tỷ lệ xã", "phần xã hưởng",
    "thu ngân sách xã được hưởng", "bổ sung cân đối", "bổ sung có mục tiêu", "tổng phân bổ", "năm trước", "thay đổi",
    "mức bảo đảm nhu cầu", "thấp nhất trong các đơn vị", "đơn vị này", "xếp hạng mức bảo đảm", "bình quân đầu người",
    "/người",
    "Các giới hạn đang quyết định phân bổ của đơn vị", "không có: phân bổ của đơn vị không chạm giới hạn nào",
    "(công thức theo luật: tỷ lệ = (nhu cầu − thu hưởng 100%) / thu phân chia, tối đa 100%)",
    "Giải ngân vốn đầu tư công", "kế hoạch vốn của đơn vị", "dự báo giải ngân đến %s", "(khoảng dự báo %s đến %s)",
    "mô phỏng đến hạn", "mức nguy cơ", {"không", "cần theo dõi", "nguy cơ cao"},
    "(khả năng không đạt %s%% kế hoạch: %s%%)",
    FS_LANG_VI};

static const words en = {
    {"commune", "ward", "special zone"}, {"communes", "wards", "special zones"}, "class", "regime",
    "population", "area", "has a project management board", "published figures",
    "other inputs are estimates",
    "Need", "newly delegated tasks (earmark)", "need",
    "Revenue collected on its territory", "source", "collected", "share", "commune part",
    "own revenue", "balancing transfer", "targeted transfer", "allocation", "last year", "change",
    "coverage of need", "lowest coverage of all units", "this unit", "coverage rank", "per capita", " per person",
    "Limits that decide this unit's allocation", "none: this unit's allocation is not at any of its limits",
    "(legal formula: ratio = (need − own 100% revenue) / shared revenue, capped at 100%)",
    "Public investment disbursement", "the unit's investment plan", "forecast disbursed by %s",
    "(band %s to %s)", "simulated by the deadline", "risk", {"none", "watch", "high"},
    "(chance of finishing below %s%% of the plan: %s%%)",
    FS_LANG_EN};

/* The number of characters (not bytes) of UTF-8 text. */
static int chars_of(const char *text)
{
    int chars = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if ((*p & 0xC0) != 0x80) chars++;
    return chars;
}

/* Writes text padded to `width` characters (not bytes: names are UTF-8). */
static void put_padded(FILE *out, const char *text, int width)
{
    fputs(text, out);
    for (int k = chars_of(text); k < width; k++) fputc(' ', out);
}

/* Writes text right-aligned in `width` characters. */
static void put_right(FILE *out, const char *text, int width)
{
    for (int k = chars_of(text); k < width; k++) fputc(' ', out);
    fputs(text, out);
}

/* "  label ......... value unit": the label in 36 characters, the value right-aligned in 19. */
static void line(FILE *out, const char *label, const char *value, const char *unit)
{
    fputs("  ", out);
    put_padded(out, label, 36);
    put_right(out, value, 19);
    if (unit && unit[0]) fprintf(out, " %s", unit);
    fputc('\n', out);
}

static void line_money(FILE *out, const char *label, int64_t v, const explain_facts *f)
{
    char buf[48];
    fs_format_int(v, f->lang, buf, sizeof buf);
    line(out, label, buf, f->money);
}

static void header(const fs_model *m, size_t u, const explain_facts *f, const words *w, FILE *out)
{
    const fs_unit *unit = &m->units[u];
    char pop[48], area[48];
    fs_format_int(unit->population, f->lang, pop, sizeof pop);
    fs_format_real(unit->area_km2, 2, f->lang, area, sizeof area);
    fprintf(out, "%s (%s, %s %s, %s %s)\n", unit->name, w->kinds[unit->kind], w->class_word,
            fs_class_name(unit->cls), w->regime_word, m->regimes[unit->regime]);
    fprintf(out, "%s %s, %s %s km²%s%s\n", w->population, pop, w->area, area, unit->has_pmb ? ", " : "",
            unit->has_pmb ? w->pmb : "");
    if (unit->published[0]) {
        fprintf(out, "%s: ", w->published);
        for (const char *p = unit->published; *p;) { /* the table's list, "a;b", in words */
            size_t len = strcspn(p, ";");
            char column[64];
            snprintf(column, sizeof column, "%.*s", (int)len, p);
            fprintf(out, "%s%s", p > unit->published ? "; " : "", xlsx_column_title(column, w->lang));
            p += len + (p[len] == ';');
        }
        fprintf(out, " (%s)\n", w->estimates);
    }
}

static void need(const fs_model *m, size_t u, const explain_facts *f, const words *w, FILE *out)
{
    fprintf(out, "\n%s\n", w->need_title);
    size_t parts = m->norm_count + 1;
    for (size_t k = 0; k < m->norm_count; k++)
        line_money(out, m->norms[k].name[0] ? m->norms[k].name : m->norms[k].id, m->need_parts[u * parts + k], f);
    line_money(out, w->delegated, m->need_parts[u * parts + m->norm_count], f);
    line_money(out, w->need, m->need[u], f);
}

static void revenue(const fs_model *m, const fs_result *r, size_t u, const explain_facts *f, const words *w,
                    FILE *out)
{
    fprintf(out, "\n%s\n  ", w->revenue_title);
    put_right(out, w->col_collected, 12);
    put_right(out, w->col_share, 10);
    put_right(out, w->col_commune, 16);
    fprintf(out, "  %s\n", w->col_source);
    size_t S = m->source_count;
    for (size_t s = 0; s < S; s++) {
        char c1[48], c2[48], pct[48];
        fs_format_int(fs_model_revenue(m, u, s), f->lang, c1, sizeof c1);
        fs_format_int(r->commune_part[u * S + s], f->lang, c2, sizeof c2);
        fs_format_real(100 * r->share[u * S + s], 2, f->lang, pct, sizeof pct);
        fprintf(out, "  %12s %8s%% %15s  %s\n", c1, pct, c2, m->sources[s].name[0] ? m->sources[s].name : m->sources[s].id);
    }
}

static void totals(const fs_model *m, const fs_result *r, size_t u, const explain_facts *f, const words *w,
                   FILE *out)
{
    const fs_unit_result *ur = &r->units[u];
    char text[96], pct[48], other[48];
    line_money(out, w->own, ur->own, f);
    line_money(out, w->transfer, ur->transfer, f);
    if (ur->targeted) line_money(out, w->targeted, ur->targeted, f);
    line_money(out, w->allocation, ur->allocation, f);
    if (m->units[u].last_year > 0) {
        line_money(out, w->last_year, m->units[u].last_year, f);
        line_money(out, w->change, ur->allocation - m->units[u].last_year, f);
    }
    fs_format_real(100 * ur->coverage, 2, f->lang, pct, sizeof pct);
    snprintf(text, sizeof text, "%s%%", pct);
    line(out, w->coverage, text, NULL);
    fs_format_real(100 * r->units[f->lowest].coverage, 2, f->lang, pct, sizeof pct);
    snprintf(text, sizeof text, "%s%%", pct);
    char who[FS_NAME_MAX + 4];
    snprintf(who, sizeof who, "(%s)", f->lowest == u ? w->this_unit : m->units[f->lowest].name);
    line(out, w->lowest, text, who);
    snprintf(text, sizeof text, "%zu / %zu", f->rank, f->of_kind);
    line(out, w->rank, text, w->kinds_plural[m->units[u].kind]);
    fs_format_real(ur->per_capita, 4, f->lang, other, sizeof other);
    snprintf(text, sizeof text, "%s%s", f->money, w->per_person);
    line(out, w->per_capita, other, text);
}

const fs_disburse_entity *fs_explain_entity(const fs_disburse_result *d, size_t u)
{
    for (size_t e = 0; d && e < d->entity_count; e++)
        if (d->entities[e].unit == (int)u) return &d->entities[e];
    return NULL;
}

/* The unit's disbursement: its plan, its forecast completion at the deadline and the
 * band, the simulated amount, the risk. */
static void disbursement(const fs_model *m, const fs_disburse_entity *e, const explain_facts *f, const words *w,
                         FILE *out)
{
    char date[FS_DATE_TEXT_MAX], label[96], number[32], lo[48], hi[48], band[128], text[160], thr[16], miss[16];
    fprintf(out, "\n%s\n", w->disb_title);
    line_money(out, w->disb_plan, e->plan, f);
    fs_format_date(e->deadline, f->lang, date);
    snprintf(label, sizeof label, w->disb_by, date);
    fs_format_real(100 * e->completion, 1, f->lang, number, sizeof number);
    snprintf(text, sizeof text, "%s%%", number);
    fs_format_real(100 * e->band_lo, 1, f->lang, number, sizeof number);
    snprintf(lo, sizeof lo, "%s%%", number);
    fs_format_real(100 * e->band_hi, 1, f->lang, number, sizeof number);
    snprintf(hi, sizeof hi, "%s%%", number);
    snprintf(band, sizeof band, w->disb_band, lo, hi);
    line(out, label, text, band);
    line_money(out, w->disb_simulated, e->simulated, f);
    fs_format_real(100 * m->disburse->risk_threshold, 0, f->lang, thr, sizeof thr);
    fs_format_real(100 * e->miss_probability, 0, f->lang, miss, sizeof miss);
    snprintf(text, sizeof text, w->miss, thr, miss);
    line(out, w->disb_risk, w->risk[e->risk < 0 ? 0 : e->risk > 2 ? 2 : e->risk], text);
}

void fs_explain_unit(const fs_model *m, const fs_result *r, const fs_disburse_result *d, size_t u, fs_lang lang,
                     FILE *out)
{
    explain_facts f;
    explain_facts_of(m, r, u, lang, &f);
    const words *w = lang == FS_LANG_VI ? &vi : &en;
    header(m, u, &f, w, out);
    need(m, u, &f, w, out);
    revenue(m, r, u, &f, w, out);
    totals(m, r, u, &f, w, out);
    fprintf(out, "\n%s\n", w->binding_title);
    size_t shown = 0;
    for (size_t k = 0; k < r->binding_count; k++) {
        char sentence[512];
        if (!explain_binding(m, u, &f, &r->binding[k], sentence, sizeof sentence)) continue;
        fprintf(out, "  - %s\n", sentence);
        shown++;
    }
    if (r->mode == FS_MODE_LEGAL) fprintf(out, "  %s\n", w->legal_note);
    else if (!shown) fprintf(out, "  %s\n", w->none);
    const fs_disburse_entity *e = fs_explain_entity(d, u);
    if (e && m->disburse) disbursement(m, e, &f, w, out);
}
