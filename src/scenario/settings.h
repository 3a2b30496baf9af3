/*
 * settings.h: a scenario's settings tree, as libconfig parses it. The one interface to
 * libconfig (settings.c is the only file that includes libconfig.h): a node is
 * libconfig's setting behind an incomplete type, its type one of CFG_* (libconfig's
 * own numbers). Every node knows the file and line it was read from, so that a
 * diagnostic can name them after baselines are merged.
 */
#ifndef FISCALSIM_SETTINGS_H
#define FISCALSIM_SETTINGS_H

#include <stdbool.h>

typedef struct config_t cfg_doc;
typedef struct config_setting_t cfg_node;

enum { CFG_NONE, CFG_GROUP, CFG_INT, CFG_INT64, CFG_FLOAT, CFG_STRING, CFG_BOOL, CFG_ARRAY, CFG_LIST };

/* A document: new (NULL when memory runs out), freed (NULL allowed), parsed from text
 * (0, or -1 with the error's line and text), and its root group. */
cfg_doc *cfg_doc_new(void);
void cfg_doc_free(cfg_doc *doc);
int cfg_doc_parse(cfg_doc *doc, const char *text);
int cfg_doc_error_line(const cfg_doc *doc);
const char *cfg_doc_error_text(const cfg_doc *doc);
cfg_node *cfg_root(const cfg_doc *doc);

/* Walking the tree. A member or element that is not there is NULL. */
cfg_node *cfg_member(const cfg_node *group, const char *name);
cfg_node *cfg_elem(const cfg_node *aggregate, unsigned i);
cfg_node *cfg_parent(const cfg_node *node);
int cfg_length(const cfg_node *node);          /* members or elements; 0 for a scalar */
int cfg_index(const cfg_node *node);           /* within its parent */
const char *cfg_name(const cfg_node *node);    /* NULL in a list or an array */
int cfg_type(const cfg_node *node);
bool cfg_is_group(const cfg_node *node);
bool cfg_is_list(const cfg_node *node);
bool cfg_is_array(const cfg_node *node);
bool cfg_is_aggregate(const cfg_node *node);
unsigned cfg_line(const cfg_node *node);
const char *cfg_file(const cfg_node *node);    /* NULL until cfg_set_file */

/* Values, by the node's type (0 or NULL for another type). */
const char *cfg_string(const cfg_node *node);
double cfg_float(const cfg_node *node);
int cfg_int(const cfg_node *node);
long long cfg_int64(const cfg_node *node);
int cfg_bool(const cfg_node *node);

/* Building (the merge of a scenario onto its baseline). cfg_add returns the new node
 * or NULL; the setters and cfg_remove return 0 or -1. */
cfg_node *cfg_add(cfg_node *parent, const char *name, int type);
int cfg_remove(cfg_node *group, const char *name);
int cfg_set_int(cfg_node *node, int v);
int cfg_set_int64(cfg_node *node, long long v);
int cfg_set_float(cfg_node *node, double v);
int cfg_set_bool(cfg_node *node, int v);
int cfg_set_string(cfg_node *node, const char *v);
void cfg_set_file(cfg_node *node, const char *file); /* the string must outlive the node */
void cfg_set_line(cfg_node *node, unsigned line);

#endif
