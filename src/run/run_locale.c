/*
 * run_locale.c: numbers in the C locale inside the library, whatever the embedding
 * program's locale, without touching the process's (see run_private.h). libconfig and
 * the writers read and print numbers with strtod and printf, which follow LC_NUMERIC:
 * under a locale with a decimal comma "0.5" would read as 0.
 */
#define _GNU_SOURCE /* LC_GLOBAL_LOCALE's duplocale */
#include "run_private.h"

run_locale run_locale_enter(void)
{
    run_locale l = {(locale_t)0, (locale_t)0};
    locale_t base = duplocale(uselocale((locale_t)0));
    if (!base) return l;
    l.ours = newlocale(LC_NUMERIC_MASK, "C", base);
    if (!l.ours) {
        freelocale(base);
        return l; /* out of memory: the caller's locale stays */
    }
    l.callers = uselocale(l.ours);
    return l;
}

void run_locale_leave(run_locale l)
{
    if (!l.ours) return;
    uselocale(l.callers);
    freelocale(l.ours);
}
