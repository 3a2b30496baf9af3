/*
 * compare_shares.c: the sharing decisions of two scenarios side by side (compare.h:
 * fs_compare.shares). Rows are matched by source id, the units their rule applies to
 * ("regime HP") and, for a rule chosen unit by unit, the unit's name; a row in one
 * scenario only is kept, its other side marked absent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare_private.h"
#include "shares.h"

/* The key of row `row` of x: its source, scope words and unit, into e. */
static void key_of(const shares_ctx *x, const share_row *row, fs_compare_share *e)
{
    const fs_source *src = &x->m->sources[row->source];
    snprintf(e->source, sizeof e->source, "%s", src->id);
    snprintf(e->name, sizeof e->name, "%s", src->name);
    shares_rule_label(x->m, row->source, row->rule, e->applies_to, sizeof e->applies_to);
    snprintf(e->unit, sizeof e->unit, "%s", row->unit >= 0 ? x->m->units[row->unit].name : "");
}

static bool same_key(const fs_compare_share *a, const fs_compare_share *b)
{
    return !strcmp(a->source, b->source) && !strcmp(a->applies_to, b->applies_to) && !strcmp(a->unit, b->unit);
}

/* Adds side k of every row of x: to the row with the same key, or as a new row. */
static void add_side(fs_compare *c, const shares_ctx *x, int k)
{
    for (size_t i = 0; i < x->row_count; i++) {
        fs_compare_share key = {0};
        key_of(x, &x->rows[i], &key);
        /* The reform's rows usually come in the baseline's order: its row i first. */
        fs_compare_share *e = i < c->share_count && same_key(&c->shares[i], &key) ? &c->shares[i] : NULL;
        for (size_t j = 0; j < c->share_count && !e; j++)
            if (same_key(&c->shares[j], &key)) e = &c->shares[j];
        if (!e) *(e = &c->shares[c->share_count++]) = key;
        e->present[k] = true;
        e->share[k] = x->rows[i].share;
        e->commune[k] = x->rows[i].commune;
    }
}

int compare_shares(fs_compare *c, const fs_model *base, const fs_result *before, const fs_model *reform,
                   const fs_result *after)
{
    shares_ctx x[2];
    if (shares_build(base, before, &x[0]) != 0) return -1;
    if (shares_build(reform, after, &x[1]) != 0) {
        shares_free(&x[0]);
        return -1;
    }
    c->shares = calloc(x[0].row_count + x[1].row_count + 1, sizeof *c->shares);
    if (c->shares) {
        add_side(c, &x[0], 0);
        add_side(c, &x[1], 1);
    }
    shares_free(&x[0]), shares_free(&x[1]);
    return c->shares ? 0 : -1;
}
