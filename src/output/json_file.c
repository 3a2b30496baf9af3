/*
 * json_file.c: a JSON summary read back (json_file.h).
 */
#include "json_file.h"

json_t *json_file_load(const char *path, fs_diag *diag)
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
