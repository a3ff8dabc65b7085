/* test_csvrows.c - the whole-row CSV export (src/core/csvrows.c) at a size
 * where it formats blocks on two threads: byte for byte what the cell by
 * cell writer gives, in any row order, with rows changed since the load
 * sitting at block edges; and with computed columns (value_score, ...)
 * appended to the copied rows, on leaderboard-shaped files of several
 * proportions, sorted as a stable reference sort orders them. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"
#include "llmdeck/output.h"
#include "llmdeck/score.h"
#include "llmdeck/view.h"

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

static char *export(const ld_catalog *cat, const uint32_t *idx, size_t n, const int *cols, size_t ncols)
{
    return render(cat, idx, n, cols, ncols, LD_FMT_CSV, NULL);
}

static const int cols4[4] = {0, 1, 2, 3};

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
        char *a = export(cat, idx, ROWS, cols4, 4), *b = export(ref, idx, ROWS, cols4, 4);
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
    /* rows changed since the load, at the edges of chunks (2,048 rows: 2,047
     * / 2,048, 4,095 / 4,096, ...), a run of them inside one, and the end */
    const size_t at[] = {0, 2047, 2048, 4095, 4096, 6000, 6001, 6002, 6003, 8191, 8192, 16383, 16384, 40000, ROWS - 1};
    for (size_t k = 0; k < sizeof at / sizeof at[0]; k++) {
        uint32_t row = idx[at[k]];
        assert_true(catalog_set_cell(cat, row, 3, "changed, \"now\"", 14) >= 0);
        assert_true(catalog_set_cell(ref, row, 3, "changed, \"now\"", 14) >= 0);
    }
    char *a = export(cat, idx, ROWS, cols4, 4), *b = export(ref, idx, ROWS, cols4, 4);
    same_text(a, b, "with changed rows");
    assert_non_null(strstr(a, "\"changed, \"\"now\"\"\""));
    free(a);
    free(b);
    free(idx);
    free(csv);
    catalog_free(ref);
    catalog_free(cat);
}

/* A leaderboard-shaped file: columns in a shape-dependent order, names
 * quoted (some with ""), `miss` per mille of numeric cells empty, scores
 * with 2 or 7 decimals, ties on mmlu, and a relative_cost column. */
static char *make_board(int shape, size_t *len)
{
    static const char *const ids[] = {"model", "mmlu", "arc", "relative_cost", "license"};
    int order[5] = {0, 1, 2, 3, 4};
    rng = 0xD1B54A32D192ED03ULL * (unsigned long long)(shape + 1);
    for (int i = 4; i > 0; i--) {
        int j = (int)(next() % (unsigned)(i + 1)), t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    unsigned quoted = 100 + next() % 800, escaped = 50 + next() % 500, miss = 50 + next() % 151;
    size_t cap = (size_t)ROWS * 120 + 100, o = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    for (int c = 0; c < 5; c++) o += (size_t)sprintf(s + o, "%s%s", c ? "," : "", ids[order[c]]);
    s[o++] = '\n';
    for (int r = 0; r < ROWS; r++) {
        for (int c = 0; c < 5; c++) {
            if (c) s[o++] = ',';
            int col = order[c];
            unsigned k = next() % 1000;
            if (col == 0)
                o += (size_t)(k >= quoted ? sprintf(s + o, "org/m-%d", r)
                              : next() % 1000 < escaped ? sprintf(s + o, "\"org/m-%d \"\"chat\"\", v2\"", r)
                                                        : sprintf(s + o, "\"org/m-%d, dpo\"", r));
            else if (col == 4) o += (size_t)sprintf(s + o, "%s", k % 3 ? "mit" : "\"other, see card\"");
            else if (k < miss) continue; /* an empty cell */
            else if (col == 1) o += (size_t)sprintf(s + o, "%u.%u", 30 + next() % 40, next() % 2 * 5); /* ties */
            else if (col == 3) o += (size_t)sprintf(s + o, "%u.%03u", next() % 3, 1 + next() % 999);
            else o += (size_t)sprintf(s + o, "%u.%07u", 20 + next() % 70, next() % 10000000);
        }
        s[o++] = '\n';
    }
    *len = o;
    return s;
}

/* The cell-by-cell writer, written out here: header, then each cell as
 * output_cell (computed) or the loaded text, through output_csv_field. */
static char *export_cells(const ld_catalog *cat, const uint32_t *idx, size_t n, const int *cols,
                          size_t ncols)
{
    char *buf = NULL, cell[400];
    size_t sz = 0;
    FILE *f = open_memstream(&buf, &sz);
    assert_non_null(f);
    for (size_t c = 0; c < ncols; c++) {
        if (c) fputc(',', f);
        output_csv_field(f, catalog_col(cat, (size_t)cols[c])->id);
    }
    fputc('\n', f);
    for (size_t i = 0; i < n; i++) {
        for (size_t c = 0; c < ncols; c++) {
            if (c) fputc(',', f);
            size_t col = (size_t)cols[c];
            output_csv_field(f, catalog_col(cat, col)->flags & LD_COLF_DERIVED
                                    ? output_cell(cat, idx[i], col, cell, sizeof cell)
                                    : catalog_text(cat, idx[i], col));
        }
        fputc('\n', f);
    }
    fclose(f);
    return buf;
}

static const double *ref_key;
static int by_ref(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    double u = ref_key[x], v = ref_key[y];
    int mu = isnan(u), mv = isnan(v);
    if (mu != mv) return mu - mv;              /* missing last */
    if (!mu && u != v) return u > v ? -1 : 1;  /* descending */
    return x < y ? -1 : x > y;                 /* ties in file order */
}

static void test_computed_columns_appended(void **state)
{
    (void)state;
    for (int shape = 0; shape < 3; shape++) {
        size_t len;
        char *csv = make_board(shape, &len);
        ld_error err;
        ld_catalog *cat = csvload_buffer(csv, len, "board.csv", NULL, &err);
        assert_non_null(cat);
        size_t loaded = catalog_cols(cat);
        int mmlu = catalog_col_index(cat, "mmlu"), arc = catalog_col_index(cat, "arc");
        catalog_col(cat, (size_t)mmlu)->weight = 1;
        catalog_col(cat, (size_t)arc)->weight = 2;
        assert_true(score_update(cat, shape == 1 ? LD_MISSING_SKIP : LD_MISSING_ZERO) >= 0);
        size_t n = catalog_rows(cat);
        assert_int_equal(n, ROWS);
        uint32_t *idx = malloc(n * sizeof *idx), *want = malloc(n * sizeof *want);
        assert_non_null(idx);
        assert_non_null(want);
        /* the order: a stable reference sort, mmlu descending, missing last */
        for (uint32_t i = 0; i < n; i++) idx[i] = want[i] = i;
        ld_sort_key key = {mmlu, 1};
        assert_int_equal(view_sort(cat, idx, n, &key, 1), 0);
        ref_key = catalog_col(cat, (size_t)mmlu)->num;
        qsort(want, n, sizeof *want, by_ref);
        for (size_t i = 0; i < n; i++)
            if (idx[i] != want[i]) fail_msg("shape %d: place %zu holds row %u, reference %u", shape, i, idx[i], want[i]);
        /* the loaded columns, then value_score (as `table` with a cost
         * column), then every computed column (--columns all) */
        int cols[16];
        size_t ncols = 0;
        for (size_t c = 0; c < loaded; c++) cols[ncols++] = (int)c;
        cols[ncols++] = catalog_col_index(cat, "value_score");
        for (int all = 0; all < 2; all++) {
            if (all) {
                ncols = loaded;
                for (size_t c = loaded; c < catalog_cols(cat); c++) cols[ncols++] = (int)c;
            }
            char *a = export(cat, idx, n, cols, ncols), *b = export_cells(cat, idx, n, cols, ncols);
            same_text(a, b, all ? "all computed columns" : "value_score appended");
            assert_non_null(strstr(a, "\"\"chat\"\""));
            free(a);
            free(b);
        }
        /* rows changed since the load go the cell-by-cell way, computed cells too */
        const size_t at[] = {0, 2047, 2048, 4095, 4096, 8192, 16384, ROWS - 1};
        for (size_t k = 0; k < sizeof at / sizeof at[0]; k++)
            assert_true(catalog_set_cell(cat, idx[at[k]], 0, "changed, \"now\"", 14) >= 0);
        char *a = export(cat, idx, n, cols, ncols), *b = export_cells(cat, idx, n, cols, ncols);
        same_text(a, b, "computed columns, changed rows");
        free(a);
        free(b);
        free(idx);
        free(want);
        free(csv);
        catalog_free(cat);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_thread_export_matches_cells),
        cmocka_unit_test(test_computed_columns_appended),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
