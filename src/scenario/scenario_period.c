/*
 * scenario_period.c: the `period` section: how many years, the yearly growth rates and
 * whether the stability rules hold (docs/scenario-format.md).
 */
#include "scenario_period.h"

#include <stdlib.h>
#include <string.h>

#include "period_spec.h"

static const char *const period_keys[] = {"years", "revenue_growth", "source_growth", "population_growth",
                                          "cost_growth", "envelope_growth", "city_growth", "stability", NULL};

static void read_source_growth(reader *r, const cfg_node *g, fs_model *m, fs_period_spec *p)
{
    const cfg_node *sg = cfg_member(g, "source_growth");
    if (!sg) return;
    if (!cfg_is_group(sg)) {
        rd_error(r, sg, "expected a group { <source id> = rate; ... }, got %s", rd_type_name(cfg_type(sg)));
        return;
    }
    for (int i = 0; i < cfg_length(sg); i++) {
        const cfg_node *e = cfg_elem(sg, (unsigned)i);
        const char *id = cfg_name(e);
        size_t s = 0;
        while (s < m->source_count && strcmp(m->sources[s].id, id)) s++;
        if (s == m->source_count) {
            rd_error(r, e, "no source has the id \"%s\"", id);
            continue;
        }
        rd_real_in(r, sg, id, -0.5, 1, &p->source_growth[s]);
    }
}

void scenario_read_period(reader *r, const cfg_node *root, fs_model *m)
{
    const cfg_node *g = cfg_member(root, "period");
    if (!g) return;
    if (!cfg_is_group(g)) {
        rd_error(r, g, "expected a group { years = 5; ... }, got %s", rd_type_name(cfg_type(g)));
        return;
    }
    rd_check_keys(r, g, period_keys);
    fs_period_spec *p = calloc(1, sizeof *p);
    if (p) p->source_growth = calloc(m->source_count + 1, sizeof *p->source_growth);
    if (!p || !p->source_growth) {
        free(p);
        rd_error(r, g, "out of memory");
        return;
    }
    m->period = p;
    p->file = rd_file(r, g);
    p->line = cfg_line(g);
    p->stability = true;
    int64_t years = 0;
    if (rd_int64(r, g, "years", &years) == 1) rd_error_missing(r, g, "years");
    else if (years < 2 || years > 30)
        rd_error(r, cfg_member(g, "years"), "must be between 2 and 30, got %lld", (long long)years);
    p->years = (int)years;
    double all = 0;
    rd_real_in(r, g, "revenue_growth", -0.5, 1, &all);
    for (size_t s = 0; s < m->source_count; s++) p->source_growth[s] = all;
    read_source_growth(r, g, m, p);
    rd_real_in(r, g, "population_growth", -0.5, 1, &p->population_growth);
    rd_real_in(r, g, "cost_growth", -0.5, 1, &p->cost_growth);
    rd_real_in(r, g, "envelope_growth", -0.5, 1, &p->envelope_growth);
    rd_real_in(r, g, "city_growth", -0.5, 1, &p->city_growth);
    rd_bool(r, g, "stability", &p->stability);
    if (m->policy.mode == FS_MODE_LEGAL)
        rd_error(r, g, "a multi-year period needs policy.mode = \"optimise\": the legal formula has no ratios to keep");
}
