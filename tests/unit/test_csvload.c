/* test_csvload.c - CSV into a catalog: ids, quoting, positions, hostile files,
 * and the real leaderboard exports in ../shared/data when present. */
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

/* ---- files read in chunks -------------------------------------------------- */

static char *write_tmp(const char *bytes, size_t len, char *dir, size_t dirsz)
{
    snprintf(dir, dirsz, "/tmp/ldchunkXXXXXX");
    if (!mkdtemp(dir)) fail_msg("mkdtemp");
    static char path[256];
    snprintf(path, sizeof path, "%s/f.csv", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, len, f), len);
    fclose(f);
    return path;
}

static void remove_tmp(const char *path, const char *dir)
{
    unlink(path);
    rmdir(dir);
}

/* Same rows, columns and cell texts. */
static void same_catalogs(const ld_catalog *a, const ld_catalog *b, const char *what)
{
    if (catalog_rows(a) != catalog_rows(b) || catalog_cols(a) != catalog_cols(b))
        fail_msg("%s: %zux%zu from the file, %zux%zu from memory", what, catalog_rows(a), catalog_cols(a),
                 catalog_rows(b), catalog_cols(b));
    for (size_t c = 0; c < catalog_cols(a); c++) {
        assert_string_equal(catalog_col(a, c)->id, catalog_col(b, c)->id);
        assert_int_equal(catalog_col(a, c)->type, catalog_col(b, c)->type);
    }
    for (size_t r = 0; r < catalog_rows(a); r++)
        for (size_t c = 0; c < catalog_cols(a); c++)
            if (strcmp(catalog_text(a, r, c), catalog_text(b, r, c)) != 0)
                fail_msg("%s: row %zu col %zu: file gives \"%s\", memory gives \"%s\"", what, r, c,
                         catalog_text(a, r, c), catalog_text(b, r, c));
}

/* Every byte of a tricky record lands on the 1 MiB boundary of a file read
 * in chunks once: the file and the same bytes in memory must agree, and
 * the tricky cells must come out right. */
static const char LONG_NOTE[] =
    "Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et "
    "dolore magna aliqua Ut enim ad minim veniam quis nostrud exercitation ullamco laboris nisi ut aliquip "
    "ex ea commodo consequat Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu "
    "fugiat nulla pariatur Excepteur sint occaecat cupidatat non proident sunt in culpa qui officia deserunt "
    "mollit anim id est laborum Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium "
    "doloremque laudantium totam rem aperiam eaque ipsa quae ab illo inventore veritatis et quasi architecto "
    "beatae vitae dicta sunt explicabo Nemo enim ipsam voluptatem quia voluptas sit aspernatur aut odit aut "
    "fugit sed quia consequuntur magni dolores eos qui ratione voluptatem sequi nesciunt Neque porro quisquam "
    "est qui dolorem ipsum quia dolor sit amet consectetur adipisci velit sed quia non numquam eius modi "
    "tempora incidunt ut labore et dolore magnam aliquam quaerat voluptatem Ut enim ad minima veniam quis n";

static void test_file_chunk_boundaries(void **state)
{
    (void)state;
    static const char *const tricky[] = {
        "t%d,\"q \"\"x\"\" y\r\nz\",  7.5 ,\"\"\r\n",
        "t%d,\"a,b\"\"\",  -1e3\t,\"\n\"\n",
        "t%d,plain text here,42,\"x\"\r",
    };
    const size_t target = 1u << 20;
    char *buf = malloc(target + 4096);
    char dir[64];
    for (size_t t = 0; t < sizeof tricky / sizeof tricky[0]; t++) {
        /* every offset natively; every third under valgrind (it is slow) */
        size_t step = getenv("LLMDECK_VALGRIND") ? 3 : 1;
        for (size_t pad = 0; pad < 40; pad += step) {
            size_t o = (size_t)sprintf(buf, "model,note,v,extra\n");
            int i = 0;
            /* filler rows up to a little before the boundary */
            /* long cells: few of them, so the test stays quick under valgrind */
            while (o + 1100 < target - 40 + pad)
                o += (size_t)sprintf(buf + o, "f%07d,%.1000s,%d,\n", i, LONG_NOTE, i % 97), i++;
            while (o + 24 < target - 40 + pad) o += (size_t)sprintf(buf + o, "f%07d,n,%d,\n", i, i % 97), i++;
            while (o < target - 40 + pad) buf[o++] = '\n'; /* blank lines are skipped */
            for (int k = 0; k < 4; k++) o += (size_t)sprintf(buf + o, tricky[t], k);
            o += (size_t)sprintf(buf + o, "last,end,1,\n");
            char *path = write_tmp(buf, o, dir, sizeof dir);
            ld_error e1, e2;
            error_clear(&e1);
            error_clear(&e2);
            ld_catalog *a = csvload_file(path, NULL, &e1);
            ld_catalog *b = csvload_buffer(buf, o, path, NULL, &e2);
            remove_tmp(path, dir);
            if (!a || !b) fail_msg("case %zu pad %zu: file %s (%s), memory %s (%s)", t, pad, a ? "ok" : "failed",
                                   e1.msg, b ? "ok" : "failed", e2.msg);
            char what[64];
            snprintf(what, sizeof what, "case %zu pad %zu", t, pad);
            same_catalogs(a, b, what);
            long r = catalog_find(a, "t2");
            assert_true(r >= 0);
            if (t == 0) {
                assert_string_equal(cell(a, (size_t)r, "note"), "q \"x\" y\r\nz");
                assert_string_equal(cell(a, (size_t)r, "v"), "7.5");
                assert_string_equal(cell(a, (size_t)r, "extra"), "");
            } else if (t == 1) {
                assert_string_equal(cell(a, (size_t)r, "note"), "a,b\"");
                assert_string_equal(cell(a, (size_t)r, "extra"), "\n");
            } else {
                assert_string_equal(cell(a, (size_t)r, "extra"), "x");
            }
            assert_string_equal(cell(a, catalog_rows(a) - 1, "model"), "last");
            catalog_free(a);
            catalog_free(b);
        }
    }
    free(buf);
}

/* Lines keep counting across chunks: a bad cell after 3 MiB of rows (with
 * quoted line breaks on the way) is reported at its own line. */
static void test_file_error_line_after_chunks(void **state)
{
    (void)state;
    size_t cap = 4u << 20;
    char *buf = malloc(cap);
    size_t o = (size_t)sprintf(buf, "\xEF\xBB\xBFmodel,note,mmlu\r\n");
    long line = 2;
    int i = 0;
    while (o < (3u << 20)) {
        if (i % 1000 == 7) {
            o += (size_t)sprintf(buf + o, "m%d,\"two\r\nlines\",%d\r\n", i, i % 100);
            line += 2;
        } else {
            o += (size_t)sprintf(buf + o, "m%d,n,%d\r\n", i, i % 100);
            line += 1;
        }
        i++;
    }
    o += (size_t)sprintf(buf + o, "bad,\"x\",seventy\r\nafter,y,1\r\n");
    const char *const num_cols[] = {"mmlu", NULL};
    ld_csv_options opt = {.number_cols = num_cols};
    char dir[64];
    char *path = write_tmp(buf, o, dir, sizeof dir);
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_file(path, &opt, &err);
    remove_tmp(path, dir);
    free(buf);
    if (cat) {
        catalog_free(cat);
        fail_msg("the bad cell was accepted");
    }
    assert_int_equal(err.code, LD_ERR_PARSE);
    if (err.line != line || err.col != 9)
        fail_msg("error at %ld:%ld (%s), expected %ld:9", err.line, err.col, err.msg, line);
}

/* One quoted field longer than the read buffer, in a file. */
static void test_file_field_longer_than_chunk(void **state)
{
    (void)state;
    size_t big = (3u << 20) + 12345;
    char *buf = malloc(big + 128);
    size_t o = (size_t)sprintf(buf, "model,blob\nA,\"");
    for (size_t k = 0; k < big; k++) buf[o++] = (k % 5000 == 4999) ? '\n' : (k % 777 == 0 ? '"' : 'y');
    /* each '"' above must be doubled inside a quoted field */
    size_t q = 0;
    for (size_t k = 0; k < big; k++) q += k % 5000 != 4999 && k % 777 == 0;
    char *fixed = malloc(o + q + 128);
    size_t w = 0;
    for (size_t k = 0; k < o; k++) {
        fixed[w++] = buf[k];
        if (k >= 14 && buf[k] == '"') fixed[w++] = '"';
    }
    w += (size_t)sprintf(fixed + w, "\"\nB,tail\n");
    char dir[64];
    char *path = write_tmp(fixed, w, dir, sizeof dir);
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_file(path, NULL, &err);
    remove_tmp(path, dir);
    if (!cat) fail_msg("%s at %ld:%ld", err.msg, err.line, err.col);
    assert_int_equal(catalog_rows(cat), 2);
    const char *blob = cell(cat, 0, "blob");
    assert_int_equal(strlen(blob), big);
    assert_memory_equal(blob, buf + 14, big);
    assert_string_equal(cell(cat, 1, "blob"), "tail");
    catalog_free(cat);
    free(buf);
    free(fixed);
}

/* ---- the real exports ---------------------------------------------------- */

static const char *shared_data(void)
{
    static const char *const dirs[] = {"../shared/data", "/work/shared/data"};
    const char *env = getenv("LLMDECK_SHARED_DATA");
    struct stat st;
    if (env && stat(env, &st) == 0 && S_ISDIR(st.st_mode)) return env;
    for (size_t i = 0; i < 2; i++)
        if (stat(dirs[i], &st) == 0 && S_ISDIR(st.st_mode)) return dirs[i];
    return NULL;
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
        cmocka_unit_test(test_file_chunk_boundaries),
        cmocka_unit_test(test_file_error_line_after_chunks),
        cmocka_unit_test(test_file_field_longer_than_chunk),
        cmocka_unit_test(test_open_llm_leaderboard),
        cmocka_unit_test(test_lmarena),
    };
    if (getenv("LD_TEST_FILTER")) cmocka_set_test_filter(getenv("LD_TEST_FILTER"));
    return cmocka_run_group_tests(tests, NULL, NULL);
}
