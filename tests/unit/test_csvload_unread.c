/* test_csvload_unread.c - numbers a command never reads
 * (ld_csv_options.numbers_read): such columns load as text, each cell the
 * same as a full load's; a declared numeric one still refuses a word at
 * the same FILE:LINE:COL with the same message; catalog_keep_numbers later
 * gives the very numbers a full load gives.  On one thread and two (a
 * large file is stored on a second thread, whole rows). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"

#define ROWS 6000

static const char *const declared[] = {"mmlu", "arc", NULL};
static const char *const read_mmlu[] = {"mmlu", NULL};

/* ROWS rows: arc declared and unread (numbers, missing markers, quoted),
 * hellaswag undeclared and unread, notes text; `word_at` >= 0 puts
 * `word` in column `word_col` of that row. */
static char *make_csv(long rows, long word_at, int word_col, const char *word, size_t *len)
{
    size_t cap = (size_t)rows * 96 + 256, n = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    n += (size_t)snprintf(s + n, cap - n, "model,mmlu,arc,hellaswag,notes\n");
    static const char *const arcs[] = {"51.25", "NA", "", "\"48\"", "-0.5", "1.", "12345678901234567", "n/a"};
    for (long i = 0; i < rows; i++) {
        char arc[48], hs[48];
        snprintf(arc, sizeof arc, "%s", arcs[i % 8]);
        snprintf(hs, sizeof hs, "%ld.%02ld", 20 + i % 70, i % 100);
        if (i == word_at) snprintf(word_col == 2 ? arc : hs, sizeof arc, "%s", word);
        n += (size_t)snprintf(s + n, cap - n, "\"org/m-%ld, chat\",%ld.5,%s,%s,%s\n", i, 30 + i % 60, arc, hs,
                              i % 3 ? "x" : "\"a, b\"");
    }
    *len = n;
    return s;
}

/* From memory, or (a path) from a file: a large one is stored on a second thread. */
static ld_catalog *load(const char *csv, size_t len, const char *const *read, int one_thread, ld_error *err)
{
    ld_csv_options o = {0};
    o.number_cols = declared;
    o.numbers_read = read;
    o.one_thread = one_thread;
    error_clear(err);
    if (!len) return csvload_file(csv, &o, err);
    return csvload_buffer(csv, len, "t.csv", &o, err);
}

static int same_number(double a, double b) { return (isnan(a) && isnan(b)) || a == b; }

static void test_unread_columns_as_text_then_numbers(void **state)
{
    (void)state;
    size_t len;
    char *csv = make_csv(ROWS, -1, 0, NULL, &len);
    /* the same rows, more of them, in a file past LD_CSV_THREADED_MIN */
    char path[] = "/tmp/llmdeck-unread-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    size_t big_len;
    char *big = make_csv(ROWS * 20, -1, 0, NULL, &big_len);
    assert_true(big_len >= LD_CSV_THREADED_MIN);
    assert_int_equal(write(fd, big, big_len), (ssize_t)big_len);
    close(fd);
    free(big);
    for (int run = 0; run < 4; run++) {
        int one = run & 1, file = run >> 1;
        ld_error err;
        const char *src = file ? path : csv;
        size_t slen = file ? 0 : len;
        ld_catalog *full = load(src, slen, NULL, one, &err), *part = load(src, slen, read_mmlu, one, &err);
        assert_non_null(full);
        assert_non_null(part);
        int mmlu = catalog_col_index(part, "mmlu"), arc = catalog_col_index(part, "arc"),
            hs = catalog_col_index(part, "hellaswag");
        assert_int_equal(catalog_col(part, (size_t)mmlu)->type, LD_COL_NUMBER);
        assert_int_equal(catalog_col(part, (size_t)arc)->type, LD_COL_TEXT);
        assert_true(catalog_col(part, (size_t)arc)->flags & LD_COLF_CHECK_NUMBER);
        assert_int_equal(catalog_col(part, (size_t)hs)->type, LD_COL_TEXT);
        assert_true(catalog_col(part, (size_t)hs)->flags & LD_COLF_UNREAD);
        assert_false(catalog_col(part, (size_t)hs)->flags & LD_COLF_CHECK_NUMBER); /* undeclared: no check */
        assert_int_equal(catalog_col(full, (size_t)arc)->type, LD_COL_NUMBER);
        size_t rows = catalog_rows(part);
        assert_int_equal(rows, file ? ROWS * 20 : ROWS);
        for (size_t r = 0; r < rows; r++)
            for (size_t c = 0; c < catalog_cols(part); c++)
                assert_string_equal(catalog_text(part, r, c), catalog_text(full, r, c));
        /* typed later: the full load's numbers, bit for bit */
        assert_int_equal(catalog_keep_numbers(part, (size_t)arc), 0);
        assert_int_equal(catalog_keep_numbers(part, (size_t)hs), 0);
        assert_int_equal(catalog_keep_numbers(part, (size_t)mmlu), 0); /* read already: nothing to do */
        for (int c = arc; c <= hs; c++) {
            const ld_column *pc = catalog_col(part, (size_t)c);
            assert_int_equal(pc->type, LD_COL_NUMBER);
            assert_false(pc->flags & (LD_COLF_UNREAD | LD_COLF_DECLARED_TEXT | LD_COLF_CHECK_NUMBER));
            for (size_t r = 0; r < rows; r++)
                if (!same_number(catalog_num(part, r, (size_t)c), catalog_num(full, r, (size_t)c)))
                    fail_msg("row %zu column %d: %g against %g", r, c, catalog_num(part, r, (size_t)c),
                             catalog_num(full, r, (size_t)c));
        }
        assert_true(catalog_col(part, (size_t)arc)->flags & LD_COLF_DECLARED_NUMBER);
        catalog_free(full);
        catalog_free(part);
    }
    unlink(path);
    free(csv);
}

static void test_word_refused_as_in_full_load(void **state)
{
    (void)state;
    static const char *const words[] = {"sixty", "inf", "1e400", "85 %"};
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++)
        for (int one = 0; one <= 1; one++) {
            size_t len;
            char *csv = make_csv(ROWS, 4321, 2, words[w], &len);
            ld_error ef, ep;
            ld_catalog *full = load(csv, len, NULL, one, &ef), *part = load(csv, len, read_mmlu, one, &ep);
            assert_null(full);
            assert_null(part);
            assert_int_equal(ep.code, ef.code);
            assert_int_equal(ep.line, ef.line);
            assert_int_equal(ep.line, 4321 + 2);
            assert_int_equal(ep.col, ef.col);
            assert_string_equal(ep.msg, ef.msg);
            free(csv);
        }
    /* an undeclared column takes words either way: it is text */
    size_t len;
    char *csv = make_csv(ROWS, 10, 3, "sixty", &len);
    ld_error err;
    ld_catalog *part = load(csv, len, read_mmlu, 0, &err);
    assert_non_null(part);
    int hs = catalog_col_index(part, "hellaswag");
    assert_int_equal(catalog_keep_numbers(part, (size_t)hs), 0);
    assert_int_equal(catalog_col(part, (size_t)hs)->type, LD_COL_TEXT); /* as a full load types it */
    assert_string_equal(catalog_text(part, 10, (size_t)hs), "sixty");
    catalog_free(part);
    free(csv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unread_columns_as_text_then_numbers),
        cmocka_unit_test(test_word_refused_as_in_full_load),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
