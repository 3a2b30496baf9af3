/*
 * test_lp.c: the LP built from a fixture, dumped and compared with its golden copy
 * (tests/golden/<fixture>.lp.txt): rows, columns, bounds, coefficients and stages.
 * usage: test_lp FIXTURE GOLDEN [--update]
 */
#include <stdlib.h>

#include "check.h"
#include "lp.h"
#include "scenario.h"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = malloc(1 << 20);
    *len = fread(buf, 1, (1 << 20) - 1, f);
    buf[*len] = '\0';
    fclose(f);
    return buf;
}

int main(int argc, char **argv)
{
    if (argc < 3) return 2;
    fs_diag diag = {0};
    fs_model *m = NULL;
    fs_lp *lp = NULL;
    CHECK(fs_scenario_load(argv[1], &m, &diag) == FS_OK);
    if (m) CHECK(fs_lp_build(m, &lp, &diag) == FS_OK);
    if (!lp) return check_report("test_lp");
    char *dump = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&dump, &len);
    fs_lp_dump(lp, mem);
    fclose(mem);
    if (argc > 3 && !strcmp(argv[3], "--update")) {
        FILE *f = fopen(argv[2], "wb");
        fwrite(dump, 1, len, f);
        fclose(f);
    } else {
        size_t glen = 0;
        char *golden = slurp(argv[2], &glen);
        CHECK(golden != NULL);
        if (golden) {
            CHECK(glen == len && memcmp(golden, dump, len) == 0);
            if (glen != len || memcmp(golden, dump, len)) fprintf(stderr, "dump:\n%s", dump);
        }
        free(golden);
    }
    free(dump);
    fs_lp_free(lp);
    fs_model_free(m);
    fs_diag_clear(&diag);
    return check_report("test_lp");
}
