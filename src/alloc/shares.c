/*
 * shares.c: the sharing decisions of a run (see shares.h).
 *
 * A row's money is exact: `commune` adds up the commune parts the result split (so the
 * rows of a source add up to its commune column in revenue_split.csv), `legal_commune`
 * rounds the legal formula's real commune parts once per row (a unit whose legal share
 * is the one applied counts its commune part as it is), and `moved` is their difference
 * (positive: to the communes). The legal share of a row is the legal
 * formula's share of each unit, weighted by the unit's collection: under the formula a
 * shared source in the balance is split by each unit's own need, not by a rule.
 */
#include "shares.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "legal.h"

const char *shares_scope_name(share_scope scope)
{
    static const char *const names[] = {"fixed", "group", "unit"};
    return names[scope];
}

/* Appends a row (grown by doubling). Returns the row, or NULL when memory runs out. */
static share_row *add_row(shares_ctx *x, size_t *cap)
{
    if (x->row_count == *cap) {
        size_t grown = *cap ? 2 * *cap : 16;
        share_row *rows = realloc(x->rows, grown * sizeof *rows);
        if (!rows) return NULL;
        x->rows = rows, *cap = grown;
    }
    share_row *row = &x->rows[x->row_count++];
    memset(row, 0, sizeof *row);
    return row;
}

/* Sums over a row's units: the collections at the applied shares and at the legal ones
 * (for the weighted shares), and the legal commune parts (for the money). */
typedef struct legal_sums {
    double applied, share, money;
} legal_sums;

/* Adds unit u's figures of source s to row; legal[u * S + s] is its legal share. */
static void add_unit(const fs_model *m, const fs_result *r, const double *legal, size_t u, size_t s, share_row *row,
                     legal_sums *sums)
{
    size_t S = m->source_count;
    int64_t collected = fs_model_revenue(m, u, s);
    row->units++;
    row->collected += collected;
    row->commune += r->commune_part[u * S + s];
    /* Where the legal share is the one applied, so is the legal commune part: whole-money
     * rounding never shows up as money moved. */
    sums->applied += (double)collected * r->share[u * S + s];
    sums->share += (double)collected * legal[u * S + s];
    sums->money += legal[u * S + s] == r->share[u * S + s] ? (double)r->commune_part[u * S + s]
                                                           : (double)collected * legal[u * S + s];
}

/* The rows of source s's rule k: one for the group, or one per unit. */
static int rule_rows(const fs_model *m, const fs_result *r, const double *legal, size_t s, int k, shares_ctx *x,
                     size_t *cap)
{
    const fs_share_rule *rule = &m->sources[s].rules[k];
    share_scope scope = !rule->choose ? SHARE_FIXED : rule->per_unit ? SHARE_UNIT : SHARE_GROUP;
    share_row *group = NULL;
    legal_sums sums = {0, 0, 0};
    for (size_t u = 0; u < m->unit_count; u++) {
        if (fs_model_rule(m, u, s) != rule) continue;
        share_row *row = scope == SHARE_UNIT ? NULL : group;
        if (!row) {
            if (!(row = add_row(x, cap))) return -1;
            *row = (share_row){.source = s, .rule = k, .scope = scope, .unit = scope == SHARE_UNIT ? (int)u : -1,
                               .share = r->share[u * m->source_count + s]};
            if (scope != SHARE_UNIT) group = row;
            else sums = (legal_sums){0, 0, 0};
        }
        add_unit(m, r, legal, u, s, row, &sums);
        if (scope == SHARE_UNIT) {
            row->legal = row->collected ? sums.share / (double)row->collected : legal[u * m->source_count + s];
            row->legal_commune = llround(sums.money);
        }
    }
    /* A chosen group has one share; a fixed rule's units may differ under the legal formula. */
    if (group && scope == SHARE_FIXED && group->collected) group->share = sums.applied / (double)group->collected;
    if (group) {
        group->legal = group->collected ? sums.share / (double)group->collected : group->share;
        group->legal_commune = llround(sums.money);
    }
    return 0;
}

int shares_build(const fs_model *m, const fs_result *r, shares_ctx *x)
{
    *x = (shares_ctx){.m = m};
    size_t S = m->source_count, cap = 0;
    double *legal = malloc((m->unit_count * S + 1) * sizeof *legal);
    double *transfer = malloc((m->unit_count + 1) * sizeof *transfer);
    int rc = legal && transfer ? 0 : -1;
    if (rc == 0) fs_legal_solve(m, legal, transfer);
    for (size_t s = 0; rc == 0 && s < S; s++)
        for (size_t k = 0; rc == 0 && m->sources[s].type == FS_SOURCE_SHARED && k < m->sources[s].rule_count; k++)
            rc = rule_rows(m, r, legal, s, (int)k, x, &cap);
    free(legal), free(transfer);
    if (rc != 0) shares_free(x);
    return rc;
}

void shares_free(shares_ctx *x)
{
    free(x->rows);
    x->rows = NULL, x->row_count = 0;
}

void shares_rule_label(const fs_model *m, size_t s, int k, char *buf, size_t size)
{
    const fs_share_rule *rule = &m->sources[s].rules[k];
    size_t used = 0;
    buf[0] = '\0';
    if (rule->kind >= 0)
        used += (size_t)snprintf(buf + used, size - used, "kind %s", fs_kind_name((fs_kind)rule->kind));
    if (rule->cls >= 0 && used < size)
        used += (size_t)snprintf(buf + used, size - used, "%sclass %s", used ? ", " : "",
                                 fs_class_name((fs_class)rule->cls));
    if (rule->regime >= 0 && used < size)
        used += (size_t)snprintf(buf + used, size - used, "%sregime %s", used ? ", " : "", m->regimes[rule->regime]);
    if (!buf[0]) snprintf(buf, size, "all");
}
