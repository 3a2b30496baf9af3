/*
 * json.h: JSON documents, built by the writers (summary.json, compare.json, sweep.json,
 * backtest.json) and read back by the charts. The one interface to the JSON library
 * (jansson, in json.c only): a node is jansson's value behind an incomplete type.
 *
 * Builders return a new node, or NULL when memory runs out; js_set and js_append take
 * the value they are given (also on failure, when they free it) and return 0 or -1, and
 * a NULL value or container makes them fail, so a chain of builders reports a failure
 * once, at the end. Readers return NULL, 0 or false for a missing or mistyped node.
 */
#ifndef FISCALSIM_JSON_H
#define FISCALSIM_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

typedef struct json_t js_node;

js_node *js_object(void);
js_node *js_array(void);
js_node *js_int(int64_t v);
js_node *js_real(double v);
js_node *js_string(const char *s);            /* UTF-8; NULL when it is not */
js_node *js_stringn(const char *s, size_t n);
js_node *js_null(void);
js_node *js_bool(bool v);
int js_set(js_node *object, const char *key, js_node *value);
int js_append(js_node *array, js_node *value);
void js_free(js_node *node);                  /* NULL is allowed */

/* The document as text: indented by 2, reals with 10 significant digits, no newline
 * at the end. The caller frees it; NULL when memory runs out. */
char *js_dump(const js_node *node);

/* Loads the JSON object in `path`. Returns it (the caller frees it with js_free), or
 * NULL with a diagnostic: FS_EIO when the file cannot be read, FS_EINPUT (with the
 * line) when it is not a JSON object. */
js_node *js_load(const char *path, fs_diag *diag);

js_node *js_get(const js_node *object, const char *key);
size_t js_size(const js_node *array);
js_node *js_at(const js_node *array, size_t i);
bool js_is_object(const js_node *n);
bool js_is_array(const js_node *n);
bool js_is_integer(const js_node *n);
bool js_is_number(const js_node *n);          /* an integer or a real */
bool js_is_boolean(const js_node *n);
bool js_is_true(const js_node *n);
int64_t js_int_value(const js_node *n);
double js_number_value(const js_node *n);
const char *js_string_value(const js_node *n);

#endif
