/* test_csvload.c - CSV into a catalog: ids, quoting, positions, hostile files.
 * (The real leaderboard exports: test_exports.c.) */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"
#include "llmdeck/view.h"

/* cmocka catches SIGSEGV and carries on with the next test: a forked child
 * must die of its crash instead. */
static void child_default_signals(void)
{
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) signal(sigs[i], SIG_DFL);
}

static ld_catalog *load(const char *s, const ld_csv_options *opt, ld_error *err)
{
    error_clear(err);
    return csvload_buffer(s, strlen(s), "t.csv", opt, err);
}

static ld_catalog *load_ok(const char *s, const ld_csv_options *opt)
{
    ld_error err;
    ld_catalog *cat = load(s, opt, &err);
    if (!cat) {
        char buf[900];
        error_format(&err, buf, sizeof buf);
        fail_msg("load failed: %s", buf);
    }
    return cat;
}

static void load_fails(const char *s, const ld_csv_options *opt, ld_code code, long line, long col)
{
    ld_error err;
    ld_catalog *cat = load(s, opt, &err);
    if (cat) {
        catalog_free(cat);
        fail_msg("load of \"%s\" succeeded, expected an error at %ld:%ld", s, line, col);
    }
    if (err.code != code || err.line != line || (col >= 0 && err.col != col))
        fail_msg("load of \"%s\": error %d at %ld:%ld (%s), expected %d at %ld:%ld", s, err.code,
                 err.line, err.col, err.msg, code, line, col);
    assert_string_equal(err.file, "t.csv");
    assert_true(err.msg[0] != '\0');
}

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

static void snake(const char *in, const char *want)
{
    char out[128];
    csvload_snake_case(in, strlen(in), out, sizeof out);
    if (strcmp(out, want) != 0) fail_msg("snake_case(\"%s\") = \"%s\", expected \"%s\"", in, out, want);
}

static void test_snake_case(void **state)
{
    (void)state;
    snake("Open LLM Score (%)", "open_llm_score");
    snake("MMLU", "mmlu");
    snake("model", "model");
    snake("  Arena Score  ", "arena_score");
    snake("Params (B)", "params_b");
    snake("a--b__c", "a_b_c");
    snake("HumanEval@1", "humaneval_1");
    snake("T", "t");
    snake("", "");
    snake("(%)", "");
    char small[4];
    csvload_snake_case("abcdefgh", 8, small, sizeof small);
    assert_true(strlen(small) < sizeof small);
    assert_int_equal(strncmp(small, "abcdefgh", strlen(small)), 0);
}

static void test_header_ids(void **state)
{
    (void)state;
    ld_catalog *cat = load_ok("Model,Open LLM Score (%),MMLU,mmlu,Mmlu,,x\nA,1,2,3,4,5,6\n", NULL);
    assert_int_equal(catalog_cols(cat), 7);
    assert_string_equal(catalog_col(cat, 0)->id, "model");
    assert_string_equal(catalog_col(cat, 1)->id, "open_llm_score");
    assert_string_equal(catalog_col(cat, 2)->id, "mmlu");
    assert_string_equal(catalog_col(cat, 3)->id, "mmlu_2");
    assert_string_equal(catalog_col(cat, 4)->id, "mmlu_3");
    assert_true(catalog_col(cat, 5)->id[0] != '\0');         /* an empty header gets a name */
    assert_int_not_equal(catalog_col_index(cat, catalog_col(cat, 5)->id), 6);
    /* the header's own words stay as the label */
    assert_string_equal(catalog_col(cat, 1)->label, "Open LLM Score (%)");
    assert_near(num(cat, 0, "mmlu_2"), 3, 0);
    assert_near(num(cat, 0, "mmlu_3"), 4, 0);
    catalog_free(cat);
}

static void test_bom_and_crlf(void **state)
{
    (void)state;
    ld_catalog *cat = load_ok("\xEF\xBB\xBFmodel,mmlu\r\nA,70.5\r\nB,60\r\n", NULL);
    assert_string_equal(catalog_col(cat, 0)->id, "model");
    assert_int_equal(catalog_key_col(cat), 0);
    assert_int_equal(catalog_rows(cat), 2);
    assert_string_equal(cell(cat, 0, "model"), "A");
    assert_string_equal(cell(cat, 1, "mmlu"), "60");
    assert_int_equal(type_of(cat, "mmlu"), LD_COL_NUMBER);
    assert_near(num(cat, 0, "mmlu"), 70.5, 0);
    assert_near(num(cat, 1, "mmlu"), 60, 0);
    assert_int_equal(catalog_find(cat, "a"), 0);
    catalog_free(cat);
    /* no trailing newline, CRLF, and an error position still right */
    const char *const num_cols[] = {"mmlu", NULL};
    ld_csv_options opt = {.number_cols = num_cols};
    load_fails("\xEF\xBB\xBFmodel,mmlu\r\nA,70\r\nB,x\r\n", &opt, LD_ERR_PARSE, 3, 3);
}

static void test_quoted_fields_and_positions(void **state)
{
    (void)state;
    const char *csv =
        "model,note,mmlu\n"               /* 1 */
        "A,\"x, y\",1\n"                  /* 2 */
        "B,\"say \"\"hi\"\"\",2\n"        /* 3 */
        "C,\"line1\nline2\",3\n"          /* 4-5 */
        "D,\"\",4\n"                      /* 6 */
        "E,plain,5\n";                    /* 7 */
    ld_catalog *cat = load_ok(csv, NULL);
    assert_int_equal(catalog_rows(cat), 5);
    assert_string_equal(cell(cat, 0, "note"), "x, y");
    assert_string_equal(cell(cat, 1, "note"), "say \"hi\"");
    assert_string_equal(cell(cat, 2, "note"), "line1\nline2");
    assert_string_equal(cell(cat, 3, "note"), "");
    assert_near(num(cat, 4, "mmlu"), 5, 0);
    catalog_free(cat);

    /* a bad number after the multi-line field: line 8, column 9 */
    const char *const num_cols[] = {"mmlu", NULL};
    ld_csv_options opt = {.number_cols = num_cols};
    char bad[512];
    snprintf(bad, sizeof bad, "%sF,plain,oops\n", csv);
    load_fails(bad, &opt, LD_ERR_PARSE, 8, 9);
    /* a bad cell on the second line of a record that spans two lines */
    load_fails("model,note,mmlu\nA,\"two\nlines\",oops\n", &opt, LD_ERR_PARSE, 3, 8);
}

static void test_short_and_long_rows(void **state)
{
    (void)state;
    ld_catalog *cat = load_ok("a,b,c\n1\n2,3\n4,5,6\n", NULL);
    assert_int_equal(catalog_rows(cat), 3);
    assert_string_equal(cell(cat, 0, "b"), "");
    assert_string_equal(cell(cat, 0, "c"), "");
    assert_string_equal(cell(cat, 1, "b"), "3");
    assert_true(isnan(num(cat, 0, "c")));
    assert_near(num(cat, 2, "c"), 6, 0);
    catalog_free(cat);
    /* one field too many: the extra field's line and column */
    load_fails("a,b\n1,2\n3,4,5\n", NULL, LD_ERR_PARSE, 3, 5);
    load_fails("a,b\n1,\"x\ny\",5\n", NULL, LD_ERR_PARSE, 3, 4);
}

static void test_unterminated_quote(void **state)
{
    (void)state;
    load_fails("a,b\n1,2\n3,\"abc\n4,5\n", NULL, LD_ERR_PARSE, 3, 3);
    load_fails("a,b\n1,2\n3,\"abc", NULL, LD_ERR_PARSE, 3, 3);
    load_fails("\"a,b\n", NULL, LD_ERR_PARSE, 1, 1);
    /* the quote opens the first field of a data row */
    load_fails("a,b\n1,2\n\"abc\n4,5\n", NULL, LD_ERR_PARSE, 3, 1);
}

/* A quoted first field that spans lines: later positions in that record and
 * in the following ones stay right. */
static void test_multiline_first_field_positions(void **state)
{
    (void)state;
    const char *const num_cols[] = {"mmlu", NULL};
    ld_csv_options opt = {.number_cols = num_cols};
    ld_catalog *cat = load_ok("model,mmlu\n\"A\nB\",1\nC,2\n", &opt);
    assert_int_equal(catalog_rows(cat), 2);
    assert_string_equal(cell(cat, 0, "model"), "A\nB");
    catalog_free(cat);
    load_fails("model,mmlu\n\"A\nB\",bad\n", &opt, LD_ERR_PARSE, 3, 4);
    load_fails("model,mmlu\n\"A\nB\",1\nC,bad\n", &opt, LD_ERR_PARSE, 4, 3);
    load_fails("model,mmlu\n\"A\nB\",1,extra\n", NULL, LD_ERR_PARSE, 3, 6);
}

static void test_bad_quoting(void **state)
{
    (void)state;
    ld_error err;
    /* a quote inside an unquoted field, text after a closing quote */
    static const char *const bad[] = {"a,b\n1,x\"y\n", "a,b\n1,\"x\"y\n"};
    static const long cols[] = {4, 6}; /* the offending character */
    for (size_t i = 0; i < 2; i++) {
        ld_catalog *cat = load(bad[i], NULL, &err);
        if (cat) {
            catalog_free(cat);
            fail_msg("\"%s\" was accepted", bad[i]);
        }
        assert_int_equal(err.code, LD_ERR_PARSE);
        assert_int_equal(err.line, 2);
        assert_int_equal(err.col, cols[i]);
    }
}

static void test_word_in_number_column(void **state)
{
    (void)state;
    const char *const num_cols[] = {"mmlu", NULL};
    ld_csv_options opt = {.number_cols = num_cols};
    load_fails("model,mmlu\nA,70\nB,high\n", &opt, LD_ERR_PARSE, 3, 3);
    load_fails("model,license,mmlu\nA,MIT,70\nB,\"Apache, 2.0\",n a\n", &opt, LD_ERR_PARSE, 3, 17);
    /* the same file without the declaration: the column is text */
    ld_catalog *cat = load_ok("model,mmlu\nA,70\nB,high\n", NULL);
    assert_int_equal(type_of(cat, "mmlu"), LD_COL_TEXT);
    catalog_free(cat);
    /* declared text keeps numbers as text */
    const char *const text_cols[] = {"zip", NULL};
    ld_csv_options o2 = {.text_cols = text_cols};
    cat = load_ok("model,zip\nA,02139\n", &o2);
    assert_int_equal(type_of(cat, "zip"), LD_COL_TEXT);
    assert_string_equal(cell(cat, 0, "zip"), "02139");
    catalog_free(cat);
}

static void test_empty_and_header_only(void **state)
{
    (void)state;
    ld_error err;
    static const char *const empties[] = {"", "\n", "\r\n\r\n", "\xEF\xBB\xBF"};
    for (size_t i = 0; i < sizeof empties / sizeof empties[0]; i++) {
        ld_catalog *cat = csvload_buffer(empties[i], strlen(empties[i]), "e.csv", NULL, &err);
        if (cat) {
            catalog_free(cat);
            fail_msg("empty input %zu accepted", i);
        }
        assert_int_equal(err.code, LD_ERR_PARSE);
        assert_string_equal(err.file, "e.csv");
    }
    ld_catalog *cat = load_ok("model,mmlu\n", NULL);
    assert_int_equal(catalog_rows(cat), 0);
    assert_int_equal(catalog_cols(cat), 2);
    catalog_free(cat);
    cat = load_ok("model,mmlu", NULL);
    assert_int_equal(catalog_rows(cat), 0);
    assert_int_equal(catalog_cols(cat), 2);
    catalog_free(cat);
}

static void test_missing_markers_and_non_numbers(void **state)
{
    (void)state;
    ld_catalog *cat = load_ok("model,x\nA,nan\nB,NA\nC,-\nD,5\nE,\nF,N/A\n", NULL);
    assert_int_equal(type_of(cat, "x"), LD_COL_NUMBER);
    for (size_t r = 0; r < 6; r++)
        if (r != 3) assert_true(isnan(num(cat, r, "x")));
    assert_near(num(cat, 3, "x"), 5, 0);
    catalog_free(cat);

    static const char *const notnum[] = {"inf", "1e400", "-inf", "Infinity", "0x10"};
    const char *const num_cols[] = {"x", NULL};
    ld_csv_options opt = {.number_cols = num_cols};
    for (size_t i = 0; i < sizeof notnum / sizeof notnum[0]; i++) {
        char csv[128];
        snprintf(csv, sizeof csv, "model,x\nA,5\nB,%s\n", notnum[i]);
        cat = load_ok(csv, NULL);
        if (type_of(cat, "x") != LD_COL_TEXT) fail_msg("'%s' made a numeric column", notnum[i]);
        catalog_free(cat);
        load_fails(csv, &opt, LD_ERR_PARSE, 3, 3);
    }
}

static void test_nul_and_invalid_utf8(void **state)
{
    (void)state;
    static const char nul[] = "model,mmlu\nA\0B,1\nC,\0\n\0,3\n";
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_buffer(nul, sizeof nul - 1, "nul.csv", NULL, &err);
    if (cat) {
        /* accepted: the cells are C strings, nothing past a NUL is shown */
        assert_int_equal(catalog_rows(cat), 3);
        for (size_t r = 0; r < catalog_rows(cat); r++)
            for (size_t c = 0; c < catalog_cols(cat); c++)
                assert_true(strlen(catalog_text(cat, r, c)) <= 2);
        catalog_free(cat);
    } else {
        assert_int_equal(err.code, LD_ERR_PARSE);
        assert_string_equal(err.file, "nul.csv");
        assert_true(err.line >= 2);
    }
    cat = load_ok("model,note\n\xff\xfe\xc0\xaf,\xed\xa0\x80\nok,\xe4\xb8\n", NULL);
    assert_int_equal(catalog_rows(cat), 2);
    assert_string_equal(cell(cat, 0, "model"), "\xff\xfe\xc0\xaf");
    assert_int_equal(catalog_find(cat, "\xff\xfe\xc0\xaf"), 0);
    catalog_free(cat);
}

static void test_binary_garbage(void **state)
{
    (void)state;
    unsigned seed = 99;
    char *buf = malloc(1 << 16);
    for (int round = 0; round < 200; round++) {
        size_t n = 1 + (size_t)(round * 311) % (1 << 16);
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            unsigned b = (seed >> 16) & 0xff;
            /* plenty of CSV syntax among the noise */
            if ((seed >> 28) == 0) b = ',';
            else if ((seed >> 28) == 1) b = '\n';
            else if ((seed >> 28) == 2) b = '"';
            buf[i] = (char)b;
        }
        ld_error err;
        error_clear(&err);
        ld_catalog *cat = csvload_buffer(buf, n, "junk", NULL, &err);
        if (cat) {
            assert_true(catalog_cols(cat) > 0);
            catalog_free(cat);
        } else {
            assert_true(err.code == LD_ERR_PARSE);
            assert_true(err.line >= 1);
        }
    }
    free(buf);
}

static void test_big_field_and_many_columns(void **state)
{
    (void)state;
    size_t big = 1 << 20;
    char *csv = malloc(big + 64);
    size_t o = (size_t)sprintf(csv, "model,blob\nA,\"");
    for (size_t i = 0; i < big; i++) csv[o++] = (i % 1000 == 999) ? '\n' : 'x';
    o += (size_t)sprintf(csv + o, "\"\nB,tail\n");
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_buffer(csv, o, "big.csv", NULL, &err);
    assert_non_null(cat);
    assert_int_equal(catalog_rows(cat), 2);
    assert_int_equal(strlen(cell(cat, 0, "blob")), big);
    assert_string_equal(cell(cat, 1, "blob"), "tail");
    catalog_free(cat);
    free(csv);

    /* 20,000 columns (2,000 under valgrind, where the header's quadratic
     * duplicate check takes a minute) */
    size_t ncols = getenv("LLMDECK_VALGRIND") ? 2000 : 20000;
    char *wide = malloc(ncols * 16 * 2 + 16);
    o = 0;
    for (size_t c = 0; c < ncols; c++) o += (size_t)sprintf(wide + o, c ? ",c%zu" : "c%zu", c);
    wide[o++] = '\n';
    for (size_t c = 0; c < ncols; c++) o += (size_t)sprintf(wide + o, c ? ",%zu" : "%zu", c);
    wide[o++] = '\n';
    error_clear(&err);
    cat = csvload_buffer(wide, o, "wide.csv", NULL, &err);
    assert_non_null(cat);
    assert_int_equal(catalog_cols(cat), ncols);
    assert_int_equal(catalog_rows(cat), 1);
    char last[16];
    snprintf(last, sizeof last, "c%zu", ncols - 1);
    assert_near(num(cat, 0, last), (double)(ncols - 1), 0);
    catalog_free(cat);
    free(wide);
}

static int cancel_after_first(void *ctx, size_t done, size_t total, size_t rows)
{
    int *calls = ctx;
    (*calls)++;
    assert_true(done <= total);
    (void)rows;
    return 1;
}

static void test_progress_cancel(void **state)
{
    (void)state;
    size_t n = 3 << 20;
    char *csv = malloc(n + 32);
    size_t o = (size_t)sprintf(csv, "model,v\n");
    int i = 0;
    while (o < n) o += (size_t)sprintf(csv + o, "m%d,%d\n", i, i), i++;
    int calls = 0;
    ld_csv_options opt = {.progress = cancel_after_first, .progress_ctx = &calls};
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_buffer(csv, o, "p.csv", &opt, &err);
    assert_null(cat);
    assert_int_equal(err.code, LD_ERR_CANCEL);
    assert_int_equal(calls, 1);
    free(csv);
}

static void test_leading_blank_lines(void **state)
{
    (void)state;
    const char *const num_cols[] = {"x", NULL};
    ld_csv_options opt = {.number_cols = num_cols};
    load_fails("\n\nmodel,x\nA,1\nB,bad\n", &opt, LD_ERR_PARSE, 5, 3);
    /* blank (and blanks-only) lines between rows are skipped but counted */
    ld_catalog *cat = load_ok("model,x\n\nA,1\n   \n\t\nB,2\n\n", &opt);
    assert_int_equal(catalog_rows(cat), 2);
    assert_near(num(cat, 1, "x"), 2, 0);
    catalog_free(cat);
    load_fails("model,x\n\nA,1\n   \n\t\nB,bad\n", &opt, LD_ERR_PARSE, 6, 3);
}

/* Old Mac line ends (CR only) and a mix of all three. */
static void test_cr_line_ends(void **state)
{
    (void)state;
    ld_catalog *cat = load_ok("model,x\rA,1\rB,2\r", NULL);
    assert_int_equal(catalog_rows(cat), 2);
    assert_string_equal(cell(cat, 1, "model"), "B");
    assert_near(num(cat, 1, "x"), 2, 0);
    catalog_free(cat);
    cat = load_ok("model,x\r\nA,1\nB,2\rC,3", NULL);
    assert_int_equal(catalog_rows(cat), 3);
    assert_near(num(cat, 2, "x"), 3, 0);
    catalog_free(cat);
    const char *const num_cols[] = {"x", NULL};
    ld_csv_options opt = {.number_cols = num_cols};
    load_fails("model,x\rA,1\rB,bad\r", &opt, LD_ERR_PARSE, 3, 3);
}

static void test_file_errors(void **state)
{
    (void)state;
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_file("/nonexistent/dir/models.csv", NULL, &err);
    assert_null(cat);
    assert_int_equal(err.code, LD_ERR_IO);
    assert_string_equal(err.file, "/nonexistent/dir/models.csv");

    char dir[] = "/tmp/ldcsvXXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/m.csv", dir);
    FILE *f = fopen(path, "wb");
    fputs("model,mmlu\nA,1\nB,2\n", f);
    fclose(f);
    error_clear(&err);
    cat = csvload_file(path, NULL, &err);
    assert_non_null(cat);
    assert_int_equal(catalog_rows(cat), 2);
    catalog_free(cat);
    size_t len = 0;
    char *text = csvload_read_file(path, &len, &err);
    assert_non_null(text);
    assert_int_equal(len, 19);
    assert_int_equal(text[len], '\0');
    free(text);
    unlink(path);
    rmdir(dir);
}

/* A directory named as a CSV: a clear I/O (or parse) error naming it, not
 * "out of memory" and not an abort.  Run in a child so a crash under a
 * sanitizer is reported here instead of ending the suite. */
static void test_directory_is_not_a_csv(void **state)
{
    (void)state;
    char dir[] = "/tmp/ldcsvdirXXXXXX";
    assert_non_null(mkdtemp(dir));
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        child_default_signals();
        ld_error err;
        error_clear(&err);
        ld_catalog *cat = csvload_file(dir, NULL, &err);
        if (cat) _exit(50);
        if (strcmp(err.file, dir) != 0) _exit(51);
        _exit(err.code == LD_ERR_IO || err.code == LD_ERR_PARSE ? 0 : 20 + (int)err.code);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    rmdir(dir);
    if (WIFSIGNALED(status)) fail_msg("csvload_file(<a directory>) crashed with signal %d", WTERMSIG(status));
    int code = WEXITSTATUS(status);
    if (code == 50) fail_msg("csvload_file(<a directory>) returned a catalogue");
    if (code == 51) fail_msg("csvload_file(<a directory>): the error does not name the directory");
    if (code == 20 + LD_ERR_NOMEM) fail_msg("csvload_file(<a directory>) reports LD_ERR_NOMEM (\"out of memory\")");
    if (code != 0) fail_msg("csvload_file(<a directory>): child exited with %d (aborted, or error code %d)", code, code - 20);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_snake_case),
        cmocka_unit_test(test_header_ids),
        cmocka_unit_test(test_bom_and_crlf),
        cmocka_unit_test(test_quoted_fields_and_positions),
        cmocka_unit_test(test_short_and_long_rows),
        cmocka_unit_test(test_unterminated_quote),
        cmocka_unit_test(test_multiline_first_field_positions),
        cmocka_unit_test(test_bad_quoting),
        cmocka_unit_test(test_word_in_number_column),
        cmocka_unit_test(test_empty_and_header_only),
        cmocka_unit_test(test_missing_markers_and_non_numbers),
        cmocka_unit_test(test_nul_and_invalid_utf8),
        cmocka_unit_test(test_binary_garbage),
        cmocka_unit_test(test_big_field_and_many_columns),
        cmocka_unit_test(test_progress_cancel),
        cmocka_unit_test(test_leading_blank_lines),
        cmocka_unit_test(test_cr_line_ends),
        cmocka_unit_test(test_file_errors),
        cmocka_unit_test(test_directory_is_not_a_csv),
    };
    if (getenv("LD_TEST_FILTER")) cmocka_set_test_filter(getenv("LD_TEST_FILTER"));
    return cmocka_run_group_tests(tests, NULL, NULL);
}
