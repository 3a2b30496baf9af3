/*
 * unit_lookup.c: a unit named as a person would type it (see model.h,
 * fs_model_lookup_unit). The exact name first, then the name's key (case and spacing
 * aside, any Unicode form), then its loose key (marks stripped, đ as d) with or without
 * the kind's prefix ("Phường", "Xã", "Đặc khu"): "Bạch Long Vĩ", "bach long vi" and
 * "Đặc khu Bạch Long Vĩ" all find the special zone. Several loose matches are an
 * ambiguity, never a guess.
 */
#include <stdio.h>
#include <string.h>

#include "edit_distance.h"
#include "model.h"

/* The loose keys of the kinds' prefixes, in fs_kind order. */
static const char *const prefixes[FS_KIND_COUNT] = {"xa", "phuong", "dac khu"};

/* name's loose key without its kind's prefix, into out ("" when it has none). */
static void without_prefix(const char *loose, fs_kind kind, char *out, size_t size)
{
    size_t n = strlen(prefixes[kind]);
    if (!strncmp(loose, prefixes[kind], n) && loose[n] == ' ') snprintf(out, size, "%s", loose + n + 1);
    else out[0] = '\0';
}

/* The query's loose key without any kind's prefix it starts with. */
static void query_core(const char *loose, char *out, size_t size)
{
    for (int k = 0; k < FS_KIND_COUNT; k++) {
        without_prefix(loose, (fs_kind)k, out, size);
        if (out[0]) return;
    }
    snprintf(out, size, "%s", loose);
}

/* Keeps the `max` units nearest the query (by their loose key's distance) in near. */
static void nearest(const fs_model *m, const char *core, size_t *near, size_t max, size_t *count)
{
    size_t dist[8];
    if (max > 8) max = 8;
    *count = 0;
    for (size_t u = 0; u < m->unit_count; u++) {
        char loose[FS_NAME_KEY_MAX], bare[FS_NAME_KEY_MAX];
        if (fs_name_loose_key(m->units[u].name, loose, sizeof loose) != 0) continue;
        without_prefix(loose, m->units[u].kind, bare, sizeof bare);
        size_t d = fs_edit_distance(core, bare[0] ? bare : loose);
        size_t at = *count < max ? (*count)++ : max;
        while (at > 0 && dist[at - 1] > d) {
            if (at < max) dist[at] = dist[at - 1], near[at] = near[at - 1];
            at--;
        }
        if (at < max) dist[at] = d, near[at] = u;
    }
}

int fs_model_lookup_unit(const fs_model *m, const char *name, size_t *near, size_t max, size_t *near_count)
{
    *near_count = 0;
    int u = fs_model_find_unit(m, name);
    if (u >= 0) return u;
    char loose[FS_NAME_KEY_MAX], core[FS_NAME_KEY_MAX];
    if (fs_name_loose_key(name, loose, sizeof loose) != 0) return -1;
    query_core(loose, core, sizeof core);
    size_t found = 0;
    int match = -1;
    for (size_t k = 0; k < m->unit_count; k++) {
        char other[FS_NAME_KEY_MAX], bare[FS_NAME_KEY_MAX];
        if (fs_name_loose_key(m->units[k].name, other, sizeof other) != 0) continue;
        without_prefix(other, m->units[k].kind, bare, sizeof bare);
        if (strcmp(loose, other) && strcmp(core, other) && strcmp(core, bare)) continue;
        if (found < max) near[found] = k;
        found++, match = (int)k;
    }
    if (found == 1) return match;
    if (found > 1) {
        *near_count = found < max ? found : max;
        return -2;
    }
    nearest(m, core, near, max, near_count);
    return -1;
}
