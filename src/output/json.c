/*
 * json.c: the one file that includes jansson.h (see json.h).
 */
#include "json.h"

#include <jansson.h>

js_node *js_object(void) { return json_object(); }
js_node *js_array(void) { return json_array(); }
js_node *js_int(int64_t v) { return json_integer((json_int_t)v); }
js_node *js_real(double v) { return json_real(v); }
js_node *js_string(const char *s) { return json_string(s); }
js_node *js_stringn(const char *s, size_t n) { return json_stringn(s, n); }
js_node *js_null(void) { return json_null(); }
js_node *js_bool(bool v) { return json_boolean(v); }
int js_set(js_node *object, const char *key, js_node *value) { return json_object_set_new(object, key, value); }
int js_append(js_node *array, js_node *value) { return json_array_append_new(array, value); }
void js_free(js_node *node) { json_decref(node); }

char *js_dump(const js_node *node)
{
    return json_dumps(node, JSON_INDENT(2) | JSON_REAL_PRECISION(10));
}

js_node *js_load(const char *path, fs_diag *diag)
{
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err);
    if (!root) {
        fs_status code = json_error_code(&err) == json_error_cannot_open_file ? FS_EIO : FS_EINPUT;
        fs_diag_add(diag, code, path, err.line > 0 ? err.line : 0, NULL,
                    code == FS_EIO ? "cannot read: %s" : "not a valid JSON summary: %s", err.text);
        return NULL;
    }
    if (!json_is_object(root)) {
        json_decref(root);
        fs_diag_add(diag, FS_EINPUT, path, 1, NULL, "not a valid JSON summary: expected an object");
        return NULL;
    }
    return root;
}

js_node *js_get(const js_node *object, const char *key) { return json_object_get(object, key); }
size_t js_size(const js_node *array) { return json_array_size(array); }
js_node *js_at(const js_node *array, size_t i) { return json_array_get(array, i); }
bool js_is_object(const js_node *n) { return json_is_object(n); }
bool js_is_array(const js_node *n) { return json_is_array(n); }
bool js_is_integer(const js_node *n) { return json_is_integer(n); }
bool js_is_number(const js_node *n) { return json_is_number(n); }
bool js_is_boolean(const js_node *n) { return json_is_boolean(n); }
bool js_is_true(const js_node *n) { return json_is_true(n); }
int64_t js_int_value(const js_node *n) { return json_integer_value(n); }
double js_number_value(const js_node *n) { return json_number_value(n); }
const char *js_string_value(const js_node *n) { return json_string_value(n); }
