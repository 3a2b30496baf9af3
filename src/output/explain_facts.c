/*
 * explain_facts.c: the facts and sentences of an explanation (see explain_facts.h).
 * A limit's sentence gives the rule in the scenario's terms and the amount it comes to
 * for the unit: "at least 90% of last year's 47,030: 42,327 million VND".
 */
#include "explain_facts.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "money_text.h"

void explain_facts_of(const fs_model *m, const fs_result *r, size_t u, fs_lang lang, explain_facts *out)
{
    explain_facts f = {.lang = lang, .money = fs_money_unit_text(m->money_unit, lang), .level = NAN};
    for (size_t k = 1; k < r->unit_count; k++)
        if (r->units[k].coverage < r->units[f.lowest].coverage) f.lowest = k;
    for (size_t k = 0; k < r->unit_count; k++) {
        if (m->units[k].kind != m->units[u].kind) continue;
        f.of_kind++;
        if (r->units[k].coverage > r->units[u].coverage || (r->units[k].coverage == r->units[u].coverage && k < u))
            f.rank++;
    }
    f.rank++;
    for (size_t k = 0; k < r->objective_count; k++)
        if (m->policy.objectives[k] == FS_OBJ_MAX_MIN_COVERAGE) f.level = r->objective[k];
    f.first = m->policy.priority * (double)m->units[u].delegated;
    *out = f;
}

/* Whether limit c is unit u's: its own row, or a share bound of the rule covering it. */
static bool is_units(const fs_model *m, size_t u, const fs_constraint_report *c)
{
    if (c->unit == (int)u) return true;
    return c->source >= 0 && c->unit < 0 && m->rule_of[u * m->source_count + (size_t)c->source] == c->rule;
}

static void money_text(double v, fs_lang lang, char *buf, size_t size)
{
    fs_format_int((int64_t)llround(v), lang, buf, size);
}

static void coverage_sentence(const fs_model *m, const explain_facts *f, bool vi, char *buf, size_t size)
{
    char level[48], first[48];
    fs_format_real(100 * f->level, 3, f->lang, level, sizeof level);
    money_text(f->first, f->lang, first, sizeof first);
    (void)m;
    if (f->first < 0.5)
        snprintf(buf, size, vi ? "được giữ ở mức bảo đảm chung: %s%% nhu cầu"
                               : "held at the common coverage level: %s%% of its need",
                 level);
    else
        snprintf(buf, size,
                 vi ? "được giữ ở mức bảo đảm chung: %s%% nhu cầu ngoài %s %s nhiệm vụ mới giao được bố trí trước"
                    : "held at the common coverage level: %s%% of its need beyond the %s %s of delegated tasks "
                      "funded first",
                 level, first, f->money);
}

bool explain_binding(const fs_model *m, size_t u, const explain_facts *facts, const fs_constraint_report *c,
                     char *buf, size_t size)
{
    if (!is_units(m, u, c)) return false;
    const explain_facts f = *facts;
    fs_lang lang = f.lang;
    bool vi = lang == FS_LANG_VI;
    const fs_policy *p = &m->policy;
    const fs_unit *unit = &m->units[u];
    char bound[48], pct[48], base[48];
    money_text(c->value, lang, bound, sizeof bound);
    if (!strcmp(c->kind, "coverage")) {
        coverage_sentence(m, &f, vi, buf, size);
    } else if (!strcmp(c->kind, "hold_harmless")) {
        fs_format_real(100 * p->hold_harmless, 0, lang, pct, sizeof pct);
        fs_format_int(unit->last_year, lang, base, sizeof base);
        snprintf(buf, size, vi ? "được bảo đảm tối thiểu %s%% dự toán năm trước (%s): %s %s"
                               : "at least %s%% of last year's %s: %s %s",
                 pct, base, bound, f.money);
    } else if (!strcmp(c->kind, "coverage_min")) {
        fs_format_real(100 * p->coverage_min, 0, lang, pct, sizeof pct);
        snprintf(buf, size, vi ? "mức bảo đảm tối thiểu %s%% nhu cầu: %s %s" : "at least %s%% of its need: %s %s", pct,
                 bound, f.money);
    } else if (!strcmp(c->kind, "cap")) {
        fs_format_real(100 * p->cap, 0, lang, pct, sizeof pct);
        snprintf(buf, size, vi ? "không vượt quá %s%% nhu cầu: %s %s" : "at most %s%% of its need: %s %s", pct, bound,
                 f.money);
    } else if (!strcmp(c->kind, "floor")) {
        snprintf(buf, size, vi ? "mức tối thiểu theo đầu người: %s %s" : "the per-capita floor: %s %s", bound, f.money);
    } else if (!strcmp(c->kind, "stability")) {
        snprintf(buf, size, vi ? "bổ sung cân đối không thấp hơn năm trước: %s %s"
                               : "a balancing transfer no lower than last year's: %s %s",
                 bound, f.money);
    } else if (c->source >= 0) {
        const fs_source *src = &m->sources[c->source];
        bool at_min = !strcmp(c->kind, "share_min");
        fs_format_real(100 * c->value, 2, lang, pct, sizeof pct);
        snprintf(buf, size, vi ? "tỷ lệ phân chia %s ở mức %s cho phép: %s%%" : "the share of %s at its %s allowed: %s%%",
                 src->name[0] ? src->name : src->id, vi ? (at_min ? "thấp nhất" : "cao nhất") : (at_min ? "lowest" : "highest"),
                 pct);
    } else {
        snprintf(buf, size, "%s (%s): %s %s", c->kind, c->name, bound, f.money);
    }
    return true;
}
