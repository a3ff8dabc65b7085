/* test_hostile.c - hostile inputs too big for a fixture file, built in
 * memory: a 1 MB field, 20,000 columns (distinct and duplicate names), a
 * filter of half a million terms; and the CSV / JSON escaping of control
 * characters (the CLI cases can't hold raw ESC bytes: tests/cli/run.sh fails
 * any output with one).  The outcomes are documented in tests/fuzz/HOSTILE.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"
#include "llmdeck/dataset.h"
#include "llmdeck/filter.h"
#include "llmdeck/output.h"
#include "llmdeck/view.h"

/* A growing text buffer. */
typedef struct {
    char *s;
    size_t n, cap;
} sbuf;

static void sb_put(sbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (cap < b->n + n + 1) cap *= 2;
        b->s = realloc(b->s, cap);
        assert_non_null(b->s);
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void sb_str(sbuf *b, const char *s) { sb_put(b, s, strlen(s)); }

/* Writes the whole table in `fmt` to a string. */
static char *render(const ld_catalog *cat, ld_format fmt, size_t *len)
{
    size_t rows = catalog_rows(cat), ncols = catalog_cols(cat);
    uint32_t *idx = malloc((rows ? rows : 1) * sizeof *idx);
    int *cols = malloc((ncols ? ncols : 1) * sizeof *cols);
    assert_non_null(idx);
    assert_non_null(cols);
    size_t n = view_identity(cat, idx);
    for (size_t c = 0; c < ncols; c++) cols[c] = (int)c;
    char *buf = NULL;
    FILE *out = open_memstream(&buf, len);
    assert_non_null(out);
    assert_int_equal(output_table(out, cat, idx, n, cols, ncols, fmt), 0);
    fclose(out);
    free(idx);
    free(cols);
    return buf;
}

/* ---- a 1 MB field ------------------------------------------------------- */

/* Accepted whole: the cell keeps every byte; text output cuts it to the
 * column width (60) with '~'; CSV and JSON carry it unabridged. */
static void test_field_of_one_megabyte(void **state)
{
    (void)state;
    const size_t big = 1 << 20;
    sbuf b = {0};
    sb_str(&b, "model,source\nA,\"");
    char *field = malloc(big + 1);
    assert_non_null(field);
    for (size_t i = 0; i < big; i++) field[i] = (char)('a' + i % 26);
    field[big / 2] = '\n'; /* a line break inside the quoted field */
    field[big] = '\0';
    sb_put(&b, field, big);
    sb_str(&b, "\"\nB,short\n");
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_buffer(b.s, b.n, "big.csv", NULL, &err);
    if (!cat) fail_msg("%s", err.msg);
    assert_int_equal(catalog_rows(cat), 2);
    int src = catalog_col_index(cat, "source");
    assert_true(src >= 0);
    assert_int_equal(strlen(catalog_text(cat, 0, (size_t)src)), big);
    assert_memory_equal(catalog_text(cat, 0, (size_t)src), field, big);
    assert_string_equal(catalog_text(cat, 1, (size_t)src), "short");
    size_t len;
    char *text = render(cat, LD_FMT_TEXT, &len);
    assert_true(len < 1000); /* cut, not wrapped */
    assert_non_null(strstr(text, "~"));
    free(text);
    char *csv = render(cat, LD_FMT_CSV, &len);
    assert_true(len > big);
    ld_catalog *back = csvload_buffer(csv, len, "out.csv", NULL, &err);
    assert_non_null(back);
    assert_memory_equal(catalog_text(back, 0, (size_t)catalog_col_index(back, "source")), field, big);
    catalog_free(back);
    free(csv);
    catalog_free(cat);
    free(field);
    free(b.s);
}

/* ---- 20,000 columns ------------------------------------------------------ */

static char *wide_csv(size_t ncols, int same_name, size_t *len)
{
    sbuf b = {0};
    sb_str(&b, "model");
    char tmp[32];
    for (size_t c = 0; c < ncols; c++) {
        if (same_name) sb_str(&b, ",score");
        else {
            snprintf(tmp, sizeof tmp, ",c%zu", c);
            sb_str(&b, tmp);
        }
    }
    sb_str(&b, "\nA");
    for (size_t c = 0; c < ncols; c++) {
        snprintf(tmp, sizeof tmp, ",%zu", c);
        sb_str(&b, tmp);
    }
    sb_str(&b, "\n");
    *len = b.n;
    return b.s;
}

/* Accepted: 20,000 numeric columns, each found by its id. */
static void test_twenty_thousand_columns(void **state)
{
    (void)state;
    size_t len;
    char *csv = wide_csv(20000, 0, &len);
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_buffer(csv, len, "wide.csv", NULL, &err);
    if (!cat) fail_msg("%s", err.msg);
    assert_int_equal(catalog_cols(cat), 20001);
    int last = catalog_col_index(cat, "c19999");
    assert_int_equal(last, 20000);
    assert_near(catalog_num(cat, 0, (size_t)last), 19999, 0);
    assert_int_equal(catalog_col(cat, (size_t)last)->type, LD_COL_NUMBER);
    size_t olen;
    char *out = render(cat, LD_FMT_CSV, &olen);
    ld_catalog *back = csvload_buffer(out, olen, "out.csv", NULL, &err);
    assert_non_null(back);
    assert_int_equal(catalog_cols(back), 20001);
    catalog_free(back);
    free(out);
    catalog_free(cat);
    free(csv);
}

/* Accepted: a header repeating one name 20,000 times gets score, score_2,
 * ..., score_20000 (as any duplicate header does). */
static void test_twenty_thousand_columns_of_one_name(void **state)
{
    (void)state;
    size_t len;
    char *csv = wide_csv(20000, 1, &len);
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_buffer(csv, len, "dup.csv", NULL, &err);
    if (!cat) fail_msg("%s", err.msg);
    assert_int_equal(catalog_cols(cat), 20001);
    assert_int_equal(catalog_col_index(cat, "score"), 1);
    assert_int_equal(catalog_col_index(cat, "score_2"), 2);
    int last = catalog_col_index(cat, "score_20000");
    assert_int_equal(last, 20000);
    assert_near(catalog_num(cat, 0, (size_t)last), 19999, 0);
    catalog_free(cat);
    free(csv);
}

/* ---- a filter of half a million terms ----------------------------------- */

/* `a a a ...` (implicit and) of 500,000 terms: compiles and evaluates
 * without running out of stack (the CLI's argument limit is 128 KB, but the
 * core serves other faces too). */
static void test_filter_of_half_a_million_terms(void **state)
{
    (void)state;
    /* one small row: the point is the depth of the expression, not the
     * number of rows it runs over (that is tests/bench's business) */
    static const char csv[] = "model,family\nalpha,a family\n";
    ld_error err;
    ld_catalog *cat = csvload_buffer(csv, sizeof csv - 1, "one.csv", NULL, &err);
    assert_non_null(cat);
    /* under valgrind (50x slower) a tenth: the depth still matters */
    size_t terms = getenv("LLMDECK_VALGRIND") ? 50000 : 500000;
    for (int kind = 0; kind < 2; kind++) {
        sbuf b = {0};
        for (size_t i = 0; i < terms; i++) sb_str(&b, i ? (kind ? " or zzqq" : " a") : (kind ? "zzqq" : "a"));
        ld_filter *f = filter_compile(cat, b.s, "--filter", &err);
        if (!f) fail_msg("%s", err.msg);
        /* the row has an 'a'; it has no "zzqq" */
        assert_int_equal(filter_match(f, cat, 0), kind == 0);
        filter_free(f);
        free(b.s);
    }
    catalog_free(cat);
}

/* ---- control characters in CSV and JSON ---------------------------------- */

static const char TERMINAL_CSV[] =
    "model,family,source\n"
    "\x1b[31mRed\x1b[0m,\x1b]0;pwned\x07,csi and osc\n"
    "C1\xc2\x9b" "2J,bidi \xe2\x80\xae,\x7f\n";

/* CSV is data: the bytes go out as they came in (RFC 4180 has no escape for
 * control characters, and a round trip must be lossless); the CLI cases
 * hostile_terminal_csv* pipe it through od.  JSON escapes them (\u001b). */
static void test_control_characters_in_csv_and_json(void **state)
{
    (void)state;
    ld_error err;
    ld_catalog *cat = csvload_buffer(TERMINAL_CSV, sizeof TERMINAL_CSV - 1, "t.csv", NULL, &err);
    assert_non_null(cat);
    size_t len;
    char *csv = render(cat, LD_FMT_CSV, &len);
    assert_non_null(strstr(csv, "\x1b[31mRed\x1b[0m"));
    assert_non_null(strstr(csv, "\x1b]0;pwned\x07"));
    ld_catalog *back = csvload_buffer(csv, len, "out.csv", NULL, &err);
    assert_non_null(back);
    for (size_t r = 0; r < catalog_rows(cat); r++)
        for (size_t c = 0; c < 3; c++)
            assert_string_equal(catalog_text(back, r, c), catalog_text(cat, r, c));
    catalog_free(back);
    free(csv);
    char *json = render(cat, LD_FMT_JSON, &len);
    assert_null(memchr(json, 0x1b, len));
    assert_null(memchr(json, 0x07, len));
    assert_null(memchr(json, 0x7f, len));
    assert_non_null(strstr(json, "\\u001b[31mRed\\u001b[0m"));
    assert_non_null(strstr(json, "\\u009b"));
    assert_non_null(strstr(json, "\\u202e"));
    free(json);
    for (int fmt = LD_FMT_TEXT; fmt <= LD_FMT_MD; fmt += LD_FMT_MD - LD_FMT_TEXT) {
        char *t = render(cat, (ld_format)fmt, &len);
        assert_null(memchr(t, 0x1b, len));
        assert_null(memchr(t, 0x07, len));
        assert_null(strstr(t, "\xc2\x9b"));
        assert_null(strstr(t, "\xe2\x80\xae"));
        assert_non_null(strstr(t, "\\x1b[31mRed\\x1b[0m"));
        free(t);
    }
    catalog_free(cat);
}

/* ---- BOM and CRLF ---------------------------------------------------------- */

/* Accepted: a UTF-8 BOM and CRLF line endings read exactly like plain LF. */
static void test_bom_and_crlf_read_like_plain(void **state)
{
    (void)state;
    static const char plain[] = "model,mmlu,source\nA,50,\"x\ny\"\nB,60,z\n";
    static const char dos[] = "\xef\xbb\xbfmodel,mmlu,source\r\nA,50,\"x\ny\"\r\nB,60,z\r\n";
    ld_error err;
    ld_catalog *a = csvload_buffer(plain, sizeof plain - 1, "plain.csv", NULL, &err);
    ld_catalog *b = csvload_buffer(dos, sizeof dos - 1, "dos.csv", NULL, &err);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(catalog_rows(a), catalog_rows(b));
    assert_int_equal(catalog_cols(a), catalog_cols(b));
    for (size_t c = 0; c < catalog_cols(a); c++) {
        assert_string_equal(catalog_col(a, c)->id, catalog_col(b, c)->id);
        for (size_t r = 0; r < catalog_rows(a); r++)
            assert_string_equal(catalog_text(a, r, c), catalog_text(b, r, c));
    }
    catalog_free(a);
    catalog_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_field_of_one_megabyte),
        cmocka_unit_test(test_twenty_thousand_columns),
        cmocka_unit_test(test_twenty_thousand_columns_of_one_name),
        cmocka_unit_test(test_filter_of_half_a_million_terms),
        cmocka_unit_test(test_control_characters_in_csv_and_json),
        cmocka_unit_test(test_bom_and_crlf_read_like_plain),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
