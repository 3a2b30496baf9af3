/*
 * test_overlay.c: reforms as overlays. A reform changes exactly the keys it names
 * (everything else of the loaded model equals its baseline's), records each change
 * with where it came from, merges id lists by id, chains baselines, and solves to the
 * closed-form optimum. argv[1] is the fixtures folder.
 */
#include <stdlib.h>

#include "check.h"
#include "fiscalsim/engine.h"
#include "fiscalsim/scenario.h"

static fs_model *load(const char *dir, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    fs_diag diag = {0};
    fs_model *m = NULL;
    CHECK(fs_scenario_load(path, &m, &diag) == FS_OK);
    for (size_t i = 0; i < diag.count; i++) fprintf(stderr, "%s: %s\n", path, diag.items[i].message);
    fs_diag_clear(&diag);
    return m;
}

static void check_same_units(const fs_model *a, const fs_model *b)
{
    CHECK_I64((int64_t)a->unit_count, (int64_t)b->unit_count);
    for (size_t u = 0; u < a->unit_count && u < b->unit_count; u++) {
        CHECK(!strcmp(a->units[u].name, b->units[u].name));
        CHECK_I64(a->units[u].population, b->units[u].population);
        CHECK_I64(a->units[u].last_year, b->units[u].last_year);
        CHECK_I64(a->need[u], b->need[u]);
    }
}

static void check_hold(const char *dir)
{
    fs_model *base = load(dir, "water-filling.cfg"), *reform = load(dir, "overlay-hold.cfg");
    if (!base || !reform) goto done;
    /* Exactly the keys named: the name and the hold-harmless share. */
    CHECK_I64((int64_t)reform->change_count, 2);
    CHECK(!strcmp(reform->changes[0].key, "name"));
    CHECK(!strcmp(reform->changes[1].key, "policy.hold_harmless"));
    CHECK(!strcmp(reform->changes[1].value, "0.5") && !strcmp(reform->changes[1].base_value, "1"));
    CHECK_I64(reform->changes[1].line, 6);
    CHECK_I64(reform->changes[1].base_line, 17);
    CHECK(strstr(reform->changes[1].base_file, "water-filling.cfg") != NULL);
    CHECK_NEAR(reform->policy.hold_harmless, 0.5, 0);
    CHECK_NEAR(base->policy.hold_harmless, 1.0, 0);
    /* Everything else equals the baseline. */
    fs_policy p = reform->policy;
    p.hold_harmless = base->policy.hold_harmless;
    CHECK(memcmp(&p, &base->policy, sizeof p) == 0);
    CHECK(reform->year == base->year && reform->source_count == base->source_count);
    CHECK(reform->norm_count == base->norm_count && !memcmp(reform->norms, base->norms, sizeof *base->norms));
    check_same_units(base, reform);
    CHECK_I64((int64_t)reform->file_count, 2);
    CHECK(reform->fingerprint != base->fingerprint);
    /* The closed-form optimum: A held at 200, the others at 0.7. */
    fs_diag diag = {0};
    fs_engine_options opt = {0};
    fs_result *r = NULL;
    CHECK(fs_engine_run(reform, &opt, &r, &diag) == FS_OK);
    if (r) {
        CHECK_NEAR(r->min_coverage, 0.7, 1e-9);
        CHECK_I64(r->units[0].allocation, 200);
    }
    fs_result_free(r);
    fs_relaxation_free(opt.relaxation);
    fs_diag_clear(&diag);
done:
    fs_model_free(base);
    fs_model_free(reform);
}

static void check_chain(const char *dir)
{
    fs_model *base = load(dir, "overlay-hold.cfg"), *reform = load(dir, "overlay-sources.cfg");
    if (!base || !reform) goto done;
    CHECK_I64((int64_t)reform->file_count, 3);
    /* A new source appended by id, a norm merged by id: two changes. */
    CHECK_I64((int64_t)reform->change_count, 2);
    CHECK(!strcmp(reform->changes[0].key, "sources[grants]") && reform->changes[0].base_file == NULL);
    CHECK(!strcmp(reform->changes[1].key, "norms[base].per_capita"));
    CHECK_I64((int64_t)reform->source_count, 2);
    CHECK(!strcmp(reform->sources[1].id, "grants"));
    CHECK_NEAR(reform->norms[0].per_capita, 0.3, 0);
    CHECK(!strcmp(reform->norms[0].name, base->norms[0].name)); /* merged, not replaced */
    CHECK_NEAR(reform->policy.hold_harmless, 0.5, 0); /* from the middle of the chain */
    CHECK_I64(reform->need[0], 300);
done:
    fs_model_free(base);
    fs_model_free(reform);
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    check_hold(argv[1]);
    check_chain(argv[1]);
    return check_report("test_overlay");
}
