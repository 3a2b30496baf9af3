/*
 * test_overlay.c: reforms as overlays. A reform changes exactly the keys it names
 * (everything else of the loaded model equals its baseline's), records each change
 * with where it came from, merges id lists by id, chains baselines, and solves to the
 * closed-form optimum. Sections of the wrong type and ids named twice are refused at
 * the reform's lines; names match across scenarios by their keys. argv[1] is the
 * fixtures folder.
 */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "engine.h"
#include "scenario.h"

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
    /* The envelope is the baseline's, read from the baseline's file, in both. */
    CHECK(p.envelope_file && base->policy.envelope_file && !strcmp(p.envelope_file, base->policy.envelope_file));
    CHECK_I64(p.envelope_line, base->policy.envelope_line);
    p.envelope_file = base->policy.envelope_file;
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

/* Writes `text` as a scenario file in the folder `dir` (a reform names its baseline by a
 * path relative to its own folder); path receives its name. */
static void write_scenario(const char *dir, const char *name, const char *text, char *path, size_t size)
{
    snprintf(path, size, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f) return;
    fputs(text, f);
    fclose(f);
}

/* Loads a scenario that must fail; returns its diagnostics (the caller clears them). */
static fs_diag load_failing(const char *path)
{
    fs_diag diag = {0};
    fs_model *m = NULL;
    CHECK(fs_scenario_load(path, &m, &diag) == FS_EINPUT);
    CHECK(m == NULL);
    fs_model_free(m);
    return diag;
}

/* A reform whose sections have the wrong type is refused at its own lines, where it
 * was read as absent (a number for coefficients dropped every coefficient); an id
 * named twice in a reform is refused instead of merged twice. */
static void check_wrong_types(const char *fixtures, const char *tmp)
{
    char text[512], path[1024];
    snprintf(text, sizeof text, "base = \"%s/water-filling.cfg\";\ncoefficients = 1.5;\ncity = \"x\";\n", fixtures);
    write_scenario(tmp, "wrong-type.cfg", text, path, sizeof path);
    fs_diag diag = load_failing(path);
    CHECK_I64((int64_t)diag.count, 2);
    if (diag.count == 2) {
        CHECK_I64(diag.items[0].line, 2);
        CHECK(!strcmp(diag.items[0].key, "coefficients"));
        CHECK(!strcmp(diag.items[0].message, "expected a group { kind = { ward = 1.1; }; ... }, got a real number"));
        CHECK(!strcmp(diag.items[0].file, path));
        CHECK_I64(diag.items[1].line, 3);
        CHECK(!strcmp(diag.items[1].message, "expected a group { revenue = ...; ... }, got a string"));
    }
    fs_diag_clear(&diag);
    snprintf(text, sizeof text,
             "base = \"%s/water-filling.cfg\";\n"
             "sources = ( { id = \"fees\"; central = 0.1; },\n { id = \"fees\"; central = 0.2; } );\n", fixtures);
    write_scenario(tmp, "duplicate-id.cfg", text, path, sizeof path);
    diag = load_failing(path);
    CHECK_I64((int64_t)diag.count, 1);
    if (diag.count == 1) {
        CHECK_I64(diag.items[0].line, 3);
        CHECK(!strcmp(diag.items[0].key, "sources.[1].id"));
        CHECK(!strcmp(diag.items[0].message, "duplicate source id \"fees\" (first at line 2)"));
    }
    fs_diag_clear(&diag);
}

/* Units matched by name across two scenarios (compare, explain): by the name's key, so
 * that letter case, and with Unicode's tables the composed or decomposed form, does not
 * make two units of one. A reform's id in decomposed form merges into its baseline's. */
static void check_names(const char *tmp)
{
    static const char nfc[] = "H\xC3\xB2" "a B\xC3\xACnh";             /* Hòa Bình, composed */
    static const char nfd[] = "Ho\xCC\x80" "a Bi\xCC\x80nh";           /* the same, decomposed */
    static const char lower[] = "ho\xCC\x80" "a bi\xCC\x80nh";         /* decomposed, in small letters */
    char text[1024], path[1024];
    snprintf(text, sizeof text,
             "name = \"names\"; year = 2026;\n"
             "units = { list = ( { name = \"%s\"; kind = \"commune\"; class = \"II\"; regime = \"X\"; population = 1000;"
             " area_km2 = 10.0; } ); };\n"
             "sources = ( { id = \"thu\xE1\xBA\xBF\"; type = \"commune\"; } );\n"
             "norms = ( { id = \"base\"; per_capita = 0.2; } );\n", nfd);
    write_scenario(tmp, "names-base.cfg", text, path, sizeof path);
    fs_model *base = load(tmp, "names-base.cfg");
    if (base) {
        CHECK(fs_model_find_unit(base, lower) == 0); /* ASCII letters fold in every build */
        if (fs_name_unicode()) {
            CHECK(!strcmp(base->units[0].name, nfc)); /* kept in NFC */
            CHECK(fs_model_find_unit(base, nfd) == 0);
            CHECK(fs_model_find_unit(base, "HÒA BÌNH") == 0);
        }
    }
    fs_model_free(base);
    /* A reform merging into the source "thuế" by its decomposed id: no second source. */
    write_scenario(tmp, "names-reform.cfg",
                   "base = \"names-base.cfg\";\nsources = ( { id = \"thue\xCC\x82\xCC\x81\"; central = 0.1; } );\n", path,
                   sizeof path);
    if (fs_name_unicode()) {
        fs_model *reform = load(tmp, "names-reform.cfg");
        if (reform) {
            CHECK_I64((int64_t)reform->source_count, 1);
            CHECK_NEAR(reform->sources[0].central, 0.1, 0);
        }
        fs_model_free(reform);
    }
}

/* A long name in a reform: recorded as a change even when it shares its first 80 bytes
 * with the baseline's (values are compared whole), and shown cut at a character, not
 * inside one, with "…". */
static void check_long_name(const char *tmp)
{
    static const char longer[] = "Hải Phòng 2026: xã hưởng 30% tiền sử dụng đất, lệ phí trước bạ 50-70%, bản một";
    char text[1024], path[1024];
    snprintf(text, sizeof text,
             "name = \"%s\"; year = 2026;\n"
             "units = { list = ( { name = \"A\"; kind = \"commune\"; class = \"II\"; regime = \"X\"; population = 1000;"
             " area_km2 = 10.0; } ); };\nsources = ();\nnorms = ( { id = \"base\"; per_capita = 0.2; } );\n", longer);
    write_scenario(tmp, "long-base.cfg", text, path, sizeof path);
    snprintf(text, sizeof text, "base = \"long-base.cfg\";\nname = \"%s\";\n",
             "Hải Phòng 2026: xã hưởng 30% tiền sử dụng đất, lệ phí trước bạ 50-70%, bản hai");
    write_scenario(tmp, "long-reform.cfg", text, path, sizeof path);
    fs_model *reform = load(tmp, "long-reform.cfg");
    if (reform) {
        CHECK_I64((int64_t)reform->change_count, 1);
        if (reform->change_count == 1) {
            CHECK(!strcmp(reform->changes[0].key, "name"));
            CHECK(!strcmp(reform->changes[0].base_value,
                          "\"Hải Phòng 2026: xã hưởng 30% tiền sử dụng đất, lệ phí trước …\""));
        }
    }
    fs_model_free(reform);
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    check_hold(argv[1]);
    check_chain(argv[1]);
    char tmp[] = "/tmp/fiscalsim-overlay-XXXXXX";
    CHECK(mkdtemp(tmp) != NULL);
    check_wrong_types(argv[1], tmp);
    check_names(tmp);
    check_long_name(tmp);
    static const char *const written[] = {"wrong-type.cfg", "duplicate-id.cfg", "names-base.cfg", "names-reform.cfg",
                                          "long-base.cfg", "long-reform.cfg"};
    for (size_t k = 0; k < sizeof written / sizeof *written; k++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", tmp, written[k]);
        remove(path);
    }
    rmdir(tmp);
    return check_report("test_overlay");
}
