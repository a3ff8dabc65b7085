/* test_exports.c - the real public exports in ../shared/data (the Open LLM
 * Leaderboard v1 and LMArena CSVs) open as they are, and sort like a
 * reference stable sort.  Skipped, saying so, when the files are absent. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"
#include "llmdeck/view.h"

static const char *cell(const ld_catalog *cat, size_t row, const char *col)
{
    int c = catalog_col_index(cat, col);
    if (c < 0) fail_msg("no column '%s'", col);
    return catalog_text(cat, row, (size_t)c);
}

static double num(const ld_catalog *cat, size_t row, const char *col)
{
    int c = catalog_col_index(cat, col);
    if (c < 0) fail_msg("no column '%s'", col);
    return catalog_num(cat, row, (size_t)c);
}

static ld_coltype type_of(const ld_catalog *cat, const char *col)
{
    int c = catalog_col_index(cat, col);
    if (c < 0) fail_msg("no column '%s'", col);
    return catalog_col(cat, (size_t)c)->type;
}

/* ---- the real exports ---------------------------------------------------- */

static const char *shared_data(void)
{
    /* only there, beside the checkout (no absolute paths) */
    struct stat st;
    return stat("../shared/data", &st) == 0 && S_ISDIR(st.st_mode) ? "../shared/data" : NULL;
}

/* mmlu of a row parsed independently of the core (strtod on the text). */
static double ref_mmlu(const ld_catalog *cat, int col, uint32_t r)
{
    const char *t = catalog_text(cat, r, (size_t)col);
    if (!*t) return NAN;
    char *end;
    double v = strtod(t, &end);
    return *end ? NAN : v;
}

static void test_open_llm_leaderboard(void **state)
{
    (void)state;
    const char *dir = shared_data();
    if (!dir) {
        print_message("# shared data directory not found; skipping the real-export test\n");
        skip();
    }
    char path[512];
    snprintf(path, sizeof path, "%s/open-llm-leaderboard-v1.csv", dir);
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_file(path, NULL, &err);
    if (!cat) fail_msg("%s: %s (line %ld col %ld)", path, err.msg, err.line, err.col);
    assert_int_equal(catalog_rows(cat), 7169);
    int mm = catalog_col_index(cat, "mmlu");
    assert_true(mm >= 0);
    assert_int_equal(catalog_col(cat, (size_t)mm)->type, LD_COL_NUMBER);
    assert_int_equal(catalog_key_col(cat), (size_t)catalog_col_index(cat, "model"));
    assert_string_equal(cell(cat, 0, "model"), "paloalma/Le_Triomphant-ECE-TW3");
    assert_string_equal(cell(cat, 0, "t"), "\xf0\x9f\xa4\x9d");
    assert_string_equal(cell(cat, 1, "hub_license"), "");
    assert_near(num(cat, 0, "mmlu"), 77.81, 1e-12);
    assert_true(catalog_find(cat, "SF-Foundation/Ein-70B-v2") == 1);

    /* the core's numbers equal strtod's on every row */
    size_t n = catalog_rows(cat);
    for (uint32_t r = 0; r < n; r++) {
        double a = catalog_num(cat, r, (size_t)mm), b = ref_mmlu(cat, mm, r);
        if (!(a == b || (isnan(a) && isnan(b)))) fail_msg("row %u: mmlu %.17g vs %.17g", r, a, b);
    }

    /* reference: a stable insertion sort, descending, missing last */
    uint32_t *ref = malloc(n * sizeof *ref);
    double *val = malloc(n * sizeof *val);
    for (uint32_t i = 0; i < n; i++) val[i] = ref_mmlu(cat, mm, i);
    for (uint32_t i = 0; i < n; i++) {
        double v = val[i];
        size_t j = i;
        while (j > 0) {
            double u = val[ref[j - 1]];
            int before = !isnan(v) && (isnan(u) || v > u);
            if (!before) break;
            ref[j] = ref[j - 1];
            j--;
        }
        ref[j] = i;
    }
    uint32_t *idx = malloc(n * sizeof *idx);
    for (uint32_t i = 0; i < n; i++) idx[i] = i;
    ld_sort_key key = {mm, 1};
    assert_int_equal(view_sort(cat, idx, n, &key, 1), 0);
    for (size_t k = 0; k < 20; k++)
        if (idx[k] != ref[k]) fail_msg("top-20 by mmlu, rank %zu: row %u, expected row %u", k, idx[k], ref[k]);
    /* and the whole order, ties and missing values included */
    for (size_t k = 0; k < n; k++)
        if (idx[k] != ref[k]) fail_msg("by mmlu, rank %zu: row %u, expected row %u", k, idx[k], ref[k]);
    free(ref);
    free(val);
    free(idx);
    catalog_free(cat);
}

static void test_lmarena(void **state)
{
    (void)state;
    const char *dir = shared_data();
    if (!dir) {
        print_message("# shared data directory not found; skipping the real-export test\n");
        skip();
    }
    char path[512];
    snprintf(path, sizeof path, "%s/lmarena-text-2025-08-04.csv", dir);
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_file(path, NULL, &err);
    if (!cat) fail_msg("%s: %s (line %ld col %ld)", path, err.msg, err.line, err.col);
    assert_int_equal(catalog_rows(cat), 266);
    assert_int_equal(type_of(cat, "arena_score"), LD_COL_NUMBER);
    assert_string_equal(cell(cat, 0, "model"), "Gemini-2.5-Pro");
    assert_near(num(cat, 0, "arena_score"), 1470, 0);
    assert_int_equal(type_of(cat, "95_pct_ci"), LD_COL_TEXT);
    assert_string_equal(cell(cat, 0, "95_pct_ci"), "+5/-5");
    assert_int_equal(catalog_key_col(cat), (size_t)catalog_col_index(cat, "model"));
    catalog_free(cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_open_llm_leaderboard),
        cmocka_unit_test(test_lmarena),
    };
    if (getenv("LD_TEST_FILTER")) cmocka_set_test_filter(getenv("LD_TEST_FILTER"));
    return cmocka_run_group_tests(tests, NULL, NULL);
}
