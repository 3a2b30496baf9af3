/*
 * scenario_read.h (private): typed, located access to libconfig settings.
 *
 * Every getter reports its own errors (file, line, key path) into the reader's
 * diagnostics and returns -1 on error, 1 when the key is absent (optional keys),
 * 0 when a value was read. Numbers are checked beyond libconfig: an integer is
 * accepted where a real is expected, a real is rejected where an integer is, and
 * non-finite reals are rejected.
 */
#ifndef FISCALSIM_SCENARIO_READ_H
#define FISCALSIM_SCENARIO_READ_H

#include "settings.h"
#include <stdbool.h>
#include <stdint.h>

#include "error.h"
#include "key_range.h"

typedef struct reader {
    const char *file;       /* file name used in messages */
    fs_diag *diag;
    fs_diag *warnings;      /* what is valid but looks wrong; NULL: not collected */
} reader;

/* The file setting s was read from (a scenario or one of its baselines). */
const char *rd_file(const reader *r, const cfg_node *s);

/* The key path of a setting, e.g. "sources.[2].shares.[0].commune". */
void rd_path(const cfg_node *s, char *buf, size_t size);

/* Reports an error located at setting s (or at parent/key when s is NULL). */
void rd_error(reader *r, const cfg_node *s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A warning about setting s (where rd_error would put an error): valid, but it looks
 * wrong. Not an error: the scenario still loads. */
void rd_warning(reader *r, const cfg_node *s, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

void rd_error_missing(reader *r, const cfg_node *parent, const char *key);

int rd_real(reader *r, const cfg_node *group, const char *key, double *out);
int rd_int64(reader *r, const cfg_node *group, const char *key, int64_t *out);
int rd_bool(reader *r, const cfg_node *group, const char *key, bool *out);
int rd_string(reader *r, const cfg_node *group, const char *key, char *out, size_t size);
/* Reads a name (of a source, a norm, a regime, a series): a string that fs_name_validate
 * accepts, put in NFC. Returns as rd_string; a refused name is reported, left as written
 * in `out`, and -1 returned. */
int rd_name(reader *r, const cfg_node *group, const char *key, char *out, size_t size);
/* "line 12" when `there` is in the file of `here`, else "base.cfg:12": where a first
 * occurrence is, for messages at the second. */
void rd_where(const reader *r, const cfg_node *here, const cfg_node *there, char *buf, size_t size);
/* Reads a string that must be one of `choices` (NULL-terminated); *out is its index. */
int rd_choice(reader *r, const cfg_node *group, const char *key,
              const char *const *choices, int *out);
/* Same checks on a setting itself (array/list elements). */
int rd_real_at(reader *r, const cfg_node *s, double *out);
int rd_int64_at(reader *r, const cfg_node *s, int64_t *out);

/* rd_real_in with the range of a key a sweep can vary (key_range.h: the one table the
 * loader and the sweep share). */
int rd_real_key(reader *r, const cfg_node *g, const char *key, fs_sweep_target target, double *out);

/* Reads a real that must lie in [lo, hi]; keeps *out unchanged when absent. */
int rd_real_in(reader *r, const cfg_node *g, const char *key, double lo, double hi, double *out);
/* Reads money: an integer in [0, FS_AMOUNT_MAX]; keeps *out unchanged when absent. */
int rd_money(reader *r, const cfg_node *g, const char *key, int64_t *out);

/* "a group", "an integer", ...: a setting's type as messages name it. */
const char *rd_type_name(int type);

/* The member `key` of `parent` when it has the type `type` (CFG_GROUP, _LIST or
 * _ARRAY); NULL when it is absent, and NULL when it has another type, which is reported at
 * its line as "expected <what>, got <its type>" (`what` shows the expected form, e.g.
 * "a group { mode = ...; }"). */
const cfg_node *rd_member_of_type(reader *r, const cfg_node *parent, const char *key, int type,
                                          const char *what);

/* Reports every member of `group` whose name is not in `allowed` (NULL-terminated),
 * with a "did you mean" suggestion when one is close. */
void rd_check_keys(reader *r, const cfg_node *group, const char *const *allowed);

/* Closest name in `names` to `word` within edit distance 2, or NULL. */
const char *rd_suggest(const char *word, const char *const *names);

#endif
