/* test_csvload_threads.c - a file big enough to be loaded by two threads
 * (LD_CSV_THREADED_MIN) gives exactly what the one-thread load gives: the
 * same cells, numbers, column types and statistics, the same whole-row
 * marks for CSV export, and the same errors at the same FILE:LINE:COL,
 * wherever in the file the bad data sits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"

static char path[64];

/* A deterministic generator (xorshift), so a failure can be reproduced. */
static unsigned long long rng = 88172645463325252ULL;
static unsigned next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng >> 11);
}

/* Writes a leaderboard-shaped file of at least `bytes` bytes with every
 * kind of cell the scanner treats specially; returns the line count.  If
 * bad_line > 0, that line's row carries `bad` as its text instead.  */
static long write_file(size_t bytes, long bad_line, const char *bad)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("\xEF\xBB\xBFmodel,mmlu,arc,type,notes,params_b,maybe\n", f);
    long line = 1;
    size_t written = 0;
    rng = 88172645463325252ULL;
    while (written < bytes) {
        line++;
        char row[600];
        int n;
        unsigned r = next();
        if (line == bad_line) {
            n = snprintf(row, sizeof row, "%s\n", bad);
        } else if (r % 97 == 0) {
            n = snprintf(row, sizeof row, "\n"); /* a blank line */
        } else if (r % 89 == 0) {
            n = snprintf(row, sizeof row, "org/short-%ld,%u.%02u\n", line, next() % 100, next() % 100);
        } else {
            const char *type = (r % 3 == 0) ? "\"pretrained, base\"" : (r % 3 == 1) ? "fine-tuned" : "\"chat \"\"rlhf\"\"\"";
            const char *notes = (r % 11 == 0) ? "\"two\nlines\"" : (r % 13 == 0) ? "\"  padded  \"" : (r % 7 == 0) ? "" : "plain note";
            const char *eol = (r % 5 == 0) ? "\r\n" : "\n";
            char maybe[32];
            if (r % 17 == 0) snprintf(maybe, sizeof maybe, "n/a");
            else snprintf(maybe, sizeof maybe, "%u", next() % 1000);
            n = snprintf(row, sizeof row, "org/model-%ld,%u.%02u,%s,%s,%s, %u.%u ,%s%s", line, next() % 100,
                         next() % 100, (r % 19 == 0) ? "" : "55.5", type, notes, next() % 200, next() % 10,
                         maybe, eol);
            if (r % 11 == 0) line++; /* the quoted line break */
        }
        fwrite(row, 1, (size_t)n, f);
        written += (size_t)n;
    }
    /* a word in `maybe` turns the column into text, near the end */
    fputs("org/last,1,2,t,n,3,not-a-number", f); /* no final newline */
    line++;
    fclose(f);
    return line;
}

static ld_catalog *load(int one_thread, const char *const *numbers, ld_error *err)
{
    ld_csv_options opt = {.number_cols = numbers, .one_thread = one_thread};
    error_clear(err);
    return csvload_file(path, &opt, err);
}

static void same_catalogs(const ld_catalog *a, const ld_catalog *b)
{
    assert_int_equal(catalog_rows(a), catalog_rows(b));
    assert_int_equal(catalog_cols(a), catalog_cols(b));
    for (size_t c = 0; c < catalog_cols(a); c++) {
        const ld_column *x = catalog_col(a, c), *y = catalog_col(b, c);
        assert_string_equal(x->id, y->id);
        assert_string_equal(x->label, y->label);
        assert_int_equal(x->type, y->type);
        assert_int_equal(x->n_numbers, y->n_numbers);
        assert_int_equal(x->n_words, y->n_words);
        if (x->n_words) assert_int_equal(x->first_word_row, y->first_word_row);
    }
    for (size_t r = 0; r < catalog_rows(a); r++) {
        for (size_t c = 0; c < catalog_cols(a); c++) {
            if (strcmp(catalog_text(a, r, c), catalog_text(b, r, c)) != 0)
                fail_msg("row %zu col %zu: '%s' vs '%s'", r, c, catalog_text(a, r, c), catalog_text(b, r, c));
            double u = catalog_num(a, r, c), v = catalog_num(b, r, c);
            if (!(u == v || (isnan(u) && isnan(v)))) fail_msg("row %zu col %zu: %g vs %g", r, c, u, v);
        }
        size_t na = 0, nb = 0, ba = 0, bb = 0;
        int sa = 0, sb = 0;
        const char *ra = catalog_row_span(a, r, &na, &ba, &sa), *rb = catalog_row_span(b, r, &nb, &bb, &sb);
        assert_int_equal(ra != NULL, rb != NULL);
        if (ra) {
            assert_int_equal(na, nb);
            assert_int_equal(ba, bb);
            assert_int_equal(sa, sb);
            assert_memory_equal(ra, rb, ba);
        }
    }
}

static void test_two_threads_same_catalog(void **state)
{
    (void)state;
    long lines = write_file(LD_CSV_THREADED_MIN + (3u << 20), 0, NULL);
    ld_error e1, e2;
    ld_catalog *a = load(0, NULL, &e1), *b = load(1, NULL, &e2);
    if (!a) fail_msg("threaded load: %s", e1.msg);
    if (!b) fail_msg("one-thread load: %s", e2.msg);
    same_catalogs(a, b);
    /* the generator's shape survived: the last row, the word in `maybe` */
    size_t last = catalog_rows(a) - 1;
    assert_string_equal(catalog_text(a, last, 0), "org/last");
    assert_int_equal(catalog_col(a, (size_t)catalog_col_index(a, "maybe"))->type, LD_COL_TEXT);
    assert_int_equal(catalog_col(a, (size_t)catalog_col_index(a, "mmlu"))->type, LD_COL_NUMBER);
    assert_true(lines > 40000);
    catalog_free(a);
    catalog_free(b);
}

/* Bad data in the last part of the file, found by the storing thread: the
 * same message and position as without threads. */
static void same_error(long bad_line, const char *bad, const char *const *numbers, const char *expect,
                       long expect_col)
{
    long lines = write_file(LD_CSV_THREADED_MIN + (2u << 20), bad_line, bad);
    assert_true(bad_line < lines);
    ld_error e1, e2;
    ld_catalog *a = load(0, numbers, &e1), *b = load(1, numbers, &e2);
    assert_null(a);
    assert_null(b);
    assert_int_equal(e1.code, e2.code);
    assert_string_equal(e1.msg, e2.msg);
    assert_int_equal(e1.line, e2.line);
    assert_int_equal(e1.col, e2.col);
    if (!strstr(e1.msg, expect)) fail_msg("message '%s' lacks '%s'", e1.msg, expect);
    if (expect_col) assert_int_equal(e1.col, expect_col);
}

static void test_error_found_by_storing_thread(void **state)
{
    (void)state;
    static const char *const numbers[] = {"mmlu", NULL};
    /* line numbers count from the generator: find a data line near the end
     * by writing once without the bad line */
    long lines = write_file(LD_CSV_THREADED_MIN + (2u << 20), 0, NULL);
    long bad = lines - 1000;
    same_error(bad, "org/bad,oops,1,t,n,3,4", numbers, "expects a number", 9);
    same_error(bad, "org/bad,1,2,t,n,3,4,5,6", NULL, "more fields than the header", 0);
}

static void test_error_found_by_reading_thread(void **state)
{
    (void)state;
    long lines = write_file(LD_CSV_THREADED_MIN + (2u << 20), 0, NULL);
    same_error(lines - 500, "org/bad,1,2,t\"x,n,3,4", NULL, "malformed quoting", 0);
}

static void test_nul_byte_late(void **state)
{
    (void)state;
    long lines = write_file(LD_CSV_THREADED_MIN + (2u << 20), 0, NULL);
    /* a NUL can't go through snprintf's %s: patch the file */
    write_file(LD_CSV_THREADED_MIN + (2u << 20), lines - 700, "org/nulXXX,1,2,t,n,3,4");
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    char buf[1 << 16];
    long pos = 0;
    size_t got;
    int patched = 0;
    while (!patched && (got = fread(buf, 1, sizeof buf, f)) > 0) {
        char *hit = memmem(buf, got, "nulXXX", 6);
        if (hit) {
            fseek(f, pos + (hit - buf) + 3, SEEK_SET);
            fputc('\0', f);
            patched = 1;
        }
        pos += (long)got;
    }
    fclose(f);
    assert_true(patched);
    ld_error e1, e2;
    ld_catalog *a = load(0, NULL, &e1), *b = load(1, NULL, &e2);
    assert_null(a);
    assert_null(b);
    assert_string_equal(e1.msg, e2.msg);
    assert_int_equal(e1.line, e2.line);
    assert_int_equal(e1.col, e2.col);
    assert_non_null(strstr(e1.msg, "NUL byte"));
}

static int cancel_after(void *ctx, size_t done, size_t total, size_t rows)
{
    (void)total;
    (void)rows;
    size_t *calls = ctx;
    return ++*calls >= 3 && done > 0;
}

static void test_cancel_threaded(void **state)
{
    (void)state;
    write_file(LD_CSV_THREADED_MIN + (2u << 20), 0, NULL);
    size_t calls = 0;
    ld_csv_options opt = {.progress = cancel_after, .progress_ctx = &calls};
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_file(path, &opt, &err);
    assert_null(cat);
    assert_int_equal(err.code, LD_ERR_CANCEL);
    assert_int_equal(calls, 3);
}

static int setup(void **state)
{
    (void)state;
    snprintf(path, sizeof path, "/tmp/llmdeck-threads-%ld.csv", (long)getpid());
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unlink(path);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_threads_same_catalog),
        cmocka_unit_test(test_error_found_by_storing_thread),
        cmocka_unit_test(test_error_found_by_reading_thread),
        cmocka_unit_test(test_nul_byte_late),
        cmocka_unit_test(test_cancel_threaded),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
