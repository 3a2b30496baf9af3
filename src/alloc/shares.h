/*
 * shares.h: the sharing decisions of a run: per shared source and per rule (one row for
 * a rule's group, or one per unit for a rule chosen unit by unit), the allowed range, the
 * commune share applied, the legal formula's share, and the money that moves between the
 * city and the communes against the legal formula. Written by output (shares.csv) and
 * compared by compare.
 */
#ifndef FISCALSIM_SHARES_H
#define FISCALSIM_SHARES_H

#include <stdint.h>

#include "model.h"
#include "result.h"

typedef enum share_scope { SHARE_FIXED, SHARE_GROUP, SHARE_UNIT } share_scope;

typedef struct share_row {
    size_t source;
    int rule;                    /* index into the source's rules */
    share_scope scope;
    int unit;                    /* SHARE_UNIT: the unit; else -1 */
    size_t units;                /* units the row covers */
    double share;                /* applied, of the whole collection, weighted by the units'
                                  * collections (a chosen group's is its one share; under the
                                  * legal formula the units of a rule may differ) */
    double legal;                /* the legal formula's, weighted by the units' collections */
    int64_t collected;           /* the units' collections of the source */
    int64_t commune;             /* their commune parts, as the result splits them */
    int64_t legal_commune;       /* the commune parts at the legal shares, rounded once */
} share_row;

typedef struct shares_ctx {
    const fs_model *m;
    share_row *rows;
    size_t row_count;
} shares_ctx;

/* The rows of m's shared sources under result r. Returns 0 (rows in x, freed with
 * shares_free), or -1 when memory runs out. */
int shares_build(const fs_model *m, const fs_result *r, shares_ctx *x);
void shares_free(shares_ctx *x);

/* The scope of rule k of source s as words: "regime HP", "kind ward, class I", "all". */
void shares_rule_label(const fs_model *m, size_t s, int k, char *buf, size_t size);

/* "fixed", "group" or "unit". */
const char *shares_scope_name(share_scope scope);

#endif
