/*
 * settings.c: the one file that includes libconfig.h (see settings.h).
 */
#include "settings.h"

#include <libconfig.h>
#include <stdlib.h>

_Static_assert(CFG_GROUP == CONFIG_TYPE_GROUP && CFG_INT == CONFIG_TYPE_INT && CFG_INT64 == CONFIG_TYPE_INT64 &&
                   CFG_FLOAT == CONFIG_TYPE_FLOAT && CFG_STRING == CONFIG_TYPE_STRING &&
                   CFG_BOOL == CONFIG_TYPE_BOOL && CFG_ARRAY == CONFIG_TYPE_ARRAY && CFG_LIST == CONFIG_TYPE_LIST,
               "settings.h's CFG_* are libconfig's CONFIG_TYPE_*");

cfg_doc *cfg_doc_new(void)
{
    config_t *doc = malloc(sizeof *doc);
    if (doc) config_init(doc);
    return doc;
}

void cfg_doc_free(cfg_doc *doc)
{
    if (!doc) return;
    config_destroy(doc);
    free(doc);
}

int cfg_doc_parse(cfg_doc *doc, const char *text) { return config_read_string(doc, text) == CONFIG_TRUE ? 0 : -1; }
int cfg_doc_error_line(const cfg_doc *doc) { return config_error_line(doc); }
const char *cfg_doc_error_text(const cfg_doc *doc) { return config_error_text(doc); }
cfg_node *cfg_root(const cfg_doc *doc) { return config_root_setting(doc); }

cfg_node *cfg_member(const cfg_node *group, const char *name) { return config_setting_get_member(group, name); }
cfg_node *cfg_elem(const cfg_node *aggregate, unsigned i) { return config_setting_get_elem(aggregate, i); }
cfg_node *cfg_parent(const cfg_node *node) { return config_setting_parent(node); }
int cfg_length(const cfg_node *node) { return config_setting_length(node); }
int cfg_index(const cfg_node *node) { return config_setting_index(node); }
const char *cfg_name(const cfg_node *node) { return config_setting_name(node); }
int cfg_type(const cfg_node *node) { return config_setting_type(node); }
bool cfg_is_group(const cfg_node *node) { return config_setting_is_group(node); }
bool cfg_is_list(const cfg_node *node) { return config_setting_is_list(node); }
bool cfg_is_array(const cfg_node *node) { return config_setting_is_array(node); }
bool cfg_is_aggregate(const cfg_node *node) { return config_setting_is_aggregate(node); }
unsigned cfg_line(const cfg_node *node) { return config_setting_source_line(node); }
const char *cfg_file(const cfg_node *node) { return node->file; }

const char *cfg_string(const cfg_node *node) { return config_setting_get_string(node); }
double cfg_float(const cfg_node *node) { return config_setting_get_float(node); }
int cfg_int(const cfg_node *node) { return config_setting_get_int(node); }
long long cfg_int64(const cfg_node *node) { return config_setting_get_int64(node); }
int cfg_bool(const cfg_node *node) { return config_setting_get_bool(node); }

cfg_node *cfg_add(cfg_node *parent, const char *name, int type) { return config_setting_add(parent, name, type); }
int cfg_remove(cfg_node *group, const char *name) { return config_setting_remove(group, name) == CONFIG_TRUE ? 0 : -1; }
int cfg_set_int(cfg_node *node, int v) { return config_setting_set_int(node, v) == CONFIG_TRUE ? 0 : -1; }
int cfg_set_int64(cfg_node *node, long long v) { return config_setting_set_int64(node, v) == CONFIG_TRUE ? 0 : -1; }
int cfg_set_float(cfg_node *node, double v) { return config_setting_set_float(node, v) == CONFIG_TRUE ? 0 : -1; }
int cfg_set_bool(cfg_node *node, int v) { return config_setting_set_bool(node, v) == CONFIG_TRUE ? 0 : -1; }
int cfg_set_string(cfg_node *node, const char *v) { return config_setting_set_string(node, v) == CONFIG_TRUE ? 0 : -1; }
void cfg_set_file(cfg_node *node, const char *file) { node->file = file; }
void cfg_set_line(cfg_node *node, unsigned line) { node->line = line; }
