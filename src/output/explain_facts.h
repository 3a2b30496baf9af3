/*
 * explain_facts.h (private to explain): what the explanation of one unit says beyond
 * the tables (the lowest coverage and its unit, the unit's rank among those of its kind,
 * the common coverage level), and each limit that binds for it in one sentence, shared
 * by the text report and its JSON form.
 */
#ifndef FISCALSIM_EXPLAIN_FACTS_H
#define FISCALSIM_EXPLAIN_FACTS_H

#include <stdbool.h>
#include <stddef.h>

#include "lang.h"
#include "model.h"
#include "result.h"

typedef struct explain_facts {
    fs_lang lang;
    const char *money;           /* the money unit as the language says it ("triệu đồng") */
    size_t lowest;               /* the unit with the lowest coverage after whole money */
    size_t rank, of_kind;        /* the unit's coverage rank among the units of its kind (1: highest) */
    double level;                /* the LP's common coverage level z, or NAN */
    double first;                /* the delegated tasks funded before coverage counts */
} explain_facts;

/* The facts of unit u. */
void explain_facts_of(const fs_model *m, const fs_result *r, size_t u, fs_lang lang, explain_facts *out);

/* When limit c binds for unit u (its own row, or the share bound of a rule that covers
 * it), writes it as a sentence in the facts' language into buf and returns true; else
 * false. `facts`: the unit's (explain_facts_of). */
bool explain_binding(const fs_model *m, size_t u, const explain_facts *facts, const fs_constraint_report *c,
                     char *buf, size_t size);

#endif
