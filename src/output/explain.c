/*
 * explain.c: the `explain` report of one unit. Every figure shown is read from the
 * model and the result, never recomputed differently, so the report and the tables
 * cannot disagree; the parts shown add up to the totals shown.
 */
#include "explain.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Writes text padded to `width` characters (not bytes: names are UTF-8). */
static void put_padded(FILE *out, const char *text, int width)
{
    int chars = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if ((*p & 0xC0) != 0x80) chars++;
    fputs(text, out);
    for (; chars < width; chars++) fputc(' ', out);
}

static void line_money(FILE *out, const char *label, int64_t v, const char *unit)
{
    char buf[48];
    fs_format_money(v, buf, sizeof buf);
    fputs("  ", out);
    put_padded(out, label, 36);
    fprintf(out, " %18s %s\n", buf, unit);
}

/* The unit with the lowest coverage of its whole need, after whole money (the first of
 * equals): the one "lowest coverage" of summary.json's min_coverage. */
static size_t lowest_unit(const fs_result *r)
{
    size_t lowest = 0;
    for (size_t u = 1; u < r->unit_count; u++)
        if (r->units[u].coverage < r->units[lowest].coverage) lowest = u;
    return lowest;
}

/* The coverage row that binds for unit u: the common level the optimisation raised as
 * far as it could (the LP's, before whole money), which applies to the need beyond the
 * delegated tasks funded first. */
static void explain_coverage(FILE *out, const fs_model *m, const fs_result *r, size_t u, const char *row)
{
    double level = NAN;
    for (size_t k = 0; k < r->objective_count; k++)
        if (m->policy.objectives[k] == FS_OBJ_MAX_MIN_COVERAGE) level = r->objective[k];
    double first = m->policy.priority * (double)m->units[u].delegated;
    fprintf(out, "  coverage (%s): held at the common coverage level, %.3f%% of its need", row, 100 * level);
    if (first >= 0.5) {
        char money[48];
        fs_format_money((int64_t)llround(first), money, sizeof money);
        fprintf(out, " beyond the %s %s of delegated tasks funded first", money, m->money_unit);
    }
    fprintf(out, "\n");
}

void fs_explain_unit(const fs_model *m, const fs_result *r, size_t u, FILE *out)
{
    const fs_unit *unit = &m->units[u];
    const fs_unit_result *ur = &r->units[u];
    const char *mu = m->money_unit;
    size_t S = m->source_count, parts = m->norm_count + 1;
    char buf[48];
    fprintf(out, "%s (%s, class %s, regime %s)\n", unit->name, fs_kind_name(unit->kind), fs_class_name(unit->cls),
            m->regimes[unit->regime]);
    fs_format_money(unit->population, buf, sizeof buf);
    fprintf(out, "population %s, area %.2f km2%s%s%s\n", buf, unit->area_km2, unit->island ? ", island" : "",
            unit->coastal ? ", coastal" : "", unit->has_pmb ? ", has a project management board" : "");
    if (unit->published[0]) fprintf(out, "published figures: %s (other inputs are estimates)\n", unit->published);

    fprintf(out, "\nNeed\n");
    for (size_t k = 0; k < m->norm_count; k++)
        line_money(out, m->norms[k].name, m->need_parts[u * parts + k], mu);
    line_money(out, "newly delegated tasks (earmark)", m->need_parts[u * parts + m->norm_count], mu);
    line_money(out, "need", ur->need, mu);

    fprintf(out, "\nRevenue collected on its territory\n");
    fprintf(out, "  %-24s %16s %8s %16s\n", "source", "collected", "share", "commune part");
    for (size_t s = 0; s < S; s++) {
        int64_t collected = fs_model_revenue(m, u, s);
        if (collected == 0) continue;
        char c1[48], c2[48];
        fs_format_money(collected, c1, sizeof c1);
        fs_format_money(r->commune_part[u * S + s], c2, sizeof c2);
        fprintf(out, "  %-24s %16s %7.2f%% %16s\n", m->sources[s].id, c1, 100 * r->share[u * S + s], c2);
    }
    line_money(out, "own revenue", ur->own, mu);
    line_money(out, "balancing transfer", ur->transfer, mu);
    if (ur->targeted) line_money(out, "targeted transfer", ur->targeted, mu);
    line_money(out, "allocation", ur->allocation, mu);
    fprintf(out, "  %-36s %17.2f%%\n", "coverage of need", 100 * ur->coverage);
    size_t lowest = lowest_unit(r);
    fprintf(out, "  %-36s %17.2f%% (%s)\n", "lowest coverage of all units", 100 * r->units[lowest].coverage,
            lowest == u ? "this unit" : m->units[lowest].name);
    fprintf(out, "  %-36s %18.4f %s per person\n", "per capita", ur->per_capita, mu);

    fprintf(out, "\nRequirements that bind for this unit\n");
    int shown = 0;
    for (size_t k = 0; k < r->binding_count; k++) {
        const fs_constraint_report *c = &r->binding[k];
        bool mine = c->unit == (int)u;
        /* A group's share bound binds for the units its rule covers. */
        if (!mine && c->source >= 0 && c->unit < 0)
            mine = m->rule_of[u * S + (size_t)c->source] == c->rule;
        if (!mine) continue;
        const char *objective = fs_objective_name(m->policy.objectives[0]);
        if (!strcmp(c->kind, "coverage"))
            explain_coverage(out, m, r, u, c->name);
        else if (c->source >= 0)
            fprintf(out, "  %s (%s): share of %s at %.4g; raising it by 0.01 changes %s by %+.6g\n", c->kind,
                    c->name, m->sources[c->source].id, c->value, objective, c->shadow_price / 100);
        else
            fprintf(out, "  %s (%s): bound %.0f %s; one %s more changes %s by %+.6g\n", c->kind, c->name,
                    c->value, mu, mu, objective, c->shadow_price);
        shown++;
    }
    if (r->mode == FS_MODE_LEGAL)
        fprintf(out, "  (legal formula: ratio = (need − own 100%% revenue) / shared revenue, capped at 100%%)\n");
    else if (!shown)
        fprintf(out, "  none: this unit's allocation is not at any of its limits\n");
}
