/* test_csvrows.c - the whole-row CSV export (src/core/csvrows.c) at a size
 * where it formats blocks on two threads: byte for byte what the cell by
 * cell writer gives, in any row order, with rows changed since the load
 * sitting at block edges. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"
#include "llmdeck/output.h"

#include "render.h"

#define ROWS 70000 /* many 4,096-row blocks: the second thread runs */

static unsigned long long rng;
static unsigned next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng >> 11);
}

static char *make_csv(size_t *len)
{
    size_t cap = (size_t)ROWS * 120 + 100, o = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    o += (size_t)sprintf(s, "model,score,type,notes\n");
    rng = 0x9E3779B97F4A7C15ULL;
    for (int r = 0; r < ROWS; r++) {
        unsigned k = next();
        const char *type = k % 4 == 0 ? "\"a, b\"" : k % 4 == 1 ? "\"say \"\"hi\"\"\"" : k % 4 == 2 ? "\" pad\"" : "plain";
        const char *notes = k % 9 == 0 ? "\"line\nbreak\"" : k % 9 == 1 ? "" : "n";
        o += (size_t)snprintf(s + o, cap - o, "m%d,%u.%u,%s,%s\n", r, next() % 100, next() % 10, type, notes);
    }
    *len = o;
    return s;
}

/* The same cells written one by one: every row takes the cell-by-cell path. */
static ld_catalog *scattered_copy(const ld_catalog *src)
{
    ld_catalog *cat = catalog_new();
    for (size_t c = 0; c < catalog_cols(src); c++)
        assert_true(catalog_add_column(cat, catalog_col(src, c)->id, LD_COL_TEXT, 0) >= 0);
    for (size_t r = 0; r < catalog_rows(src); r++) {
        size_t row = catalog_add_row(cat);
        for (size_t c = 0; c < catalog_cols(src); c++) {
            const char *t = catalog_text(src, r, c);
            assert_true(catalog_set_cell(cat, row, c, t, strlen(t)) >= 0);
        }
    }
    return cat;
}

static char *export(const ld_catalog *cat, const uint32_t *idx, size_t n)
{
    static const int cols[4] = {0, 1, 2, 3};
    return render(cat, idx, n, cols, 4, LD_FMT_CSV, NULL);
}

static void same_text(const char *a, const char *b, const char *what)
{
    if (strcmp(a, b) == 0) return;
    size_t i = 0;
    while (a[i] && a[i] == b[i]) i++;
    fail_msg("%s: exports differ at byte %zu: '%.40s' vs '%.40s'", what, i, a + i, b + i);
}

static void test_two_thread_export_matches_cells(void **state)
{
    (void)state;
    size_t len;
    char *csv = make_csv(&len);
    ld_error err;
    ld_catalog *cat = csvload_buffer(csv, len, "big.csv", NULL, &err);
    assert_non_null(cat);
    assert_int_equal(catalog_rows(cat), ROWS);
    ld_catalog *ref = scattered_copy(cat);
    uint32_t *idx = malloc(ROWS * sizeof *idx);
    assert_non_null(idx);
    for (uint32_t i = 0; i < ROWS; i++) idx[i] = i;
    for (int order = 0; order < 3; order++) {
        if (order == 1) /* reversed */
            for (uint32_t i = 0; i < ROWS; i++) idx[i] = ROWS - 1 - i;
        if (order == 2) /* shuffled */
            for (uint32_t i = ROWS - 1; i > 0; i--) {
                uint32_t j = next() % (i + 1), t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
            }
        char *a = export(cat, idx, ROWS), *b = export(ref, idx, ROWS);
        same_text(a, b, order == 0 ? "in order" : order == 1 ? "reversed" : "shuffled");
        /* and the export reads back to the same cells */
        ld_catalog *back = csvload_buffer(a, strlen(a), "back.csv", NULL, &err);
        assert_non_null(back);
        for (uint32_t i = 0; i < ROWS; i += 97)
            for (size_t c = 0; c < 4; c++)
                assert_string_equal(catalog_text(back, i, c), catalog_text(cat, idx[i], c));
        catalog_free(back);
        free(a);
        free(b);
    }
    /* rows changed since the load, at the edges of blocks and at the end */
    /* (4,095 / 4,096 and 8,191 / 8,192 are block edges, 16,384 a pair's) */
    const size_t at[] = {0, 4095, 4096, 8191, 8192, 16383, 16384, 40000, ROWS - 1};
    for (size_t k = 0; k < sizeof at / sizeof at[0]; k++) {
        uint32_t row = idx[at[k]];
        assert_true(catalog_set_cell(cat, row, 3, "changed, \"now\"", 14) >= 0);
        assert_true(catalog_set_cell(ref, row, 3, "changed, \"now\"", 14) >= 0);
    }
    char *a = export(cat, idx, ROWS), *b = export(ref, idx, ROWS);
    same_text(a, b, "with changed rows");
    assert_non_null(strstr(a, "\"changed, \"\"now\"\"\""));
    free(a);
    free(b);
    free(idx);
    free(csv);
    catalog_free(ref);
    catalog_free(cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_thread_export_matches_cells),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
