/* test_catalog.c - the in-memory table: cells, typing, lookup, merge. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"

static void set(ld_catalog *cat, size_t row, const char *col, const char *text)
{
    int c = catalog_col_index(cat, col);
    if (c < 0) fail_msg("no column %s", col);
    int rc = catalog_set_cell(cat, row, (size_t)c, text, strlen(text));
    if (rc < 0) fail_msg("catalog_set_cell(%s) out of memory", col);
}

static double num(const ld_catalog *cat, size_t row, const char *col)
{
    int c = catalog_col_index(cat, col);
    if (c < 0) fail_msg("no column %s", col);
    return catalog_num(cat, row, (size_t)c);
}

static const char *text(const ld_catalog *cat, size_t row, const char *col)
{
    int c = catalog_col_index(cat, col);
    if (c < 0) fail_msg("no column %s", col);
    return catalog_text(cat, row, (size_t)c);
}

/* model, aliases, mmlu, license: three rows. */
static ld_catalog *small_catalog(void)
{
    ld_catalog *cat = catalog_new();
    assert_non_null(cat);
    assert_int_equal(catalog_add_column(cat, "model", LD_COL_TEXT, 0), 0);
    assert_int_equal(catalog_add_column(cat, "aliases", LD_COL_TEXT, 0), 1);
    assert_int_equal(catalog_add_column(cat, "mmlu", LD_COL_TEXT, 0), 2);
    assert_int_equal(catalog_add_column(cat, "license", LD_COL_TEXT, 0), 3);
    static const char *const rows[][4] = {
        {"Llama-2-70B", "Llama-2-70B-Chat|meta-llama/Llama-2-70b-hf", "68.9", "Llama 2 Community"},
        {"Mixtral-8x7B", "Mixtral-8x7B-Instruct | Mixtral-8x7B-Instruct-v0.1", "70.6", "Apache 2.0"},
        {"Falcon-180B", "", "", "Falcon"},
    };
    for (size_t r = 0; r < 3; r++) {
        assert_int_equal(catalog_add_row(cat), r);
        for (size_t c = 0; c < 4; c++)
            assert_true(catalog_set_cell(cat, r, c, rows[r][c], strlen(rows[r][c])) >= 0);
    }
    ld_error err;
    error_clear(&err);
    assert_int_equal(catalog_finish(cat, "small", NULL, &err), 0);
    return cat;
}

static void test_add_set_get(void **state)
{
    (void)state;
    ld_catalog *cat = small_catalog();
    assert_int_equal(catalog_rows(cat), 3);
    assert_int_equal(catalog_cols(cat), 4);
    assert_string_equal(catalog_col(cat, 0)->id, "model");
    assert_null(catalog_col(cat, 4));
    assert_string_equal(text(cat, 0, "model"), "Llama-2-70B");
    assert_string_equal(text(cat, 1, "license"), "Apache 2.0");
    assert_string_equal(text(cat, 2, "aliases"), "");
    /* mmlu became numeric, license stayed text */
    assert_int_equal(catalog_col(cat, 2)->type, LD_COL_NUMBER);
    assert_int_equal(catalog_col(cat, 3)->type, LD_COL_TEXT);
    assert_near(num(cat, 0, "mmlu"), 68.9, 0);
    assert_near(num(cat, 1, "mmlu"), 70.6, 0);
    /* missing numbers are NaN, never 0 */
    assert_true(isnan(num(cat, 2, "mmlu")));
    /* text columns have no numbers */
    assert_true(isnan(num(cat, 0, "license")));
    /* the original text is kept verbatim */
    assert_string_equal(text(cat, 0, "mmlu"), "68.9");
    /* ids are case-insensitive */
    assert_int_equal(catalog_col_index(cat, "MMLU"), 2);
    assert_int_equal(catalog_col_index(cat, "nope"), -1);
    assert_int_equal(catalog_key_col(cat), 0);
    /* adding an existing column returns it */
    assert_int_equal(catalog_add_column(cat, "License", LD_COL_TEXT, 0), 3);
    assert_int_equal(catalog_cols(cat), 4);
    catalog_free(cat);
}

static void test_set_cell_return_codes(void **state)
{
    (void)state;
    ld_catalog *cat = catalog_new();
    int c = catalog_add_column(cat, "x", LD_COL_NUMBER, 0);
    assert_int_equal(c, 0);
    size_t r = catalog_add_row(cat);
    assert_int_equal(catalog_set_cell(cat, r, 0, "12.5", 4), 0);
    assert_near(catalog_num(cat, r, 0), 12.5, 0);
    /* a missing marker is not an error */
    assert_int_equal(catalog_set_cell(cat, r, 0, "NA", 2), 0);
    assert_true(isnan(catalog_num(cat, r, 0)));
    /* only `len` bytes are taken */
    assert_int_equal(catalog_set_cell(cat, r, 0, "42xyz", 2), 0);
    assert_near(catalog_num(cat, r, 0), 42, 0);
    assert_string_equal(catalog_text(cat, r, 0), "42");
    catalog_set_num(cat, r, 0, -3.25);
    assert_near(catalog_num(cat, r, 0), -3.25, 0);
    /* a word in a numeric column: reported, cell NaN, text kept */
    assert_int_equal(catalog_set_cell(cat, r, 0, "high", 4), 1);
    assert_true(isnan(catalog_num(cat, r, 0)));
    assert_string_equal(catalog_text(cat, r, 0), "high");
    catalog_free(cat);
}

/* catalog.h: "For numeric columns the number is parsed too; returns 1 if the
 * text is not a number".  That holds for every call, also after the column
 * met a word (a merge or an edit overwrites cells one by one). */
static void test_set_cell_after_a_word(void **state)
{
    (void)state;
    /* The documented contract: once an undeclared column met a word it is
     * bound to be text, so later cells are kept as text, not parsed; a
     * declared-numeric column keeps parsing and reporting words. */
    ld_catalog *cat = catalog_new();
    catalog_add_column(cat, "x", LD_COL_NUMBER, 0);
    catalog_add_column(cat, "y", LD_COL_NUMBER, LD_COLF_DECLARED_NUMBER);
    catalog_add_row(cat);
    catalog_add_row(cat);
    assert_int_equal(catalog_set_cell(cat, 0, 0, "high", 4), 1);
    assert_int_equal(catalog_set_cell(cat, 1, 0, "42", 2), 0);
    assert_string_equal(catalog_text(cat, 1, 0), "42");
    assert_int_equal(catalog_set_cell(cat, 0, 1, "high", 4), 1);
    assert_int_equal(catalog_set_cell(cat, 1, 1, "42", 2), 0);
    assert_near(catalog_num(cat, 1, 1), 42, 0);
    assert_int_equal(catalog_set_cell(cat, 1, 1, "low", 3), 1);
    ld_error err;
    error_clear(&err);
    /* finish: x becomes text with its cells intact; y's words are an error */
    assert_int_equal(catalog_finish(cat, "t", NULL, &err), -1);
    assert_non_null(strstr(err.msg, "'y'"));
    catalog_free(cat);
}

static void test_key_column_without_model(void **state)
{
    (void)state;
    ld_catalog *cat = catalog_new();
    catalog_add_column(cat, "name", LD_COL_TEXT, 0);
    catalog_add_column(cat, "score", LD_COL_TEXT, 0);
    assert_int_equal(catalog_key_col(cat), 0);
    catalog_free(cat);
    cat = catalog_new();
    catalog_add_column(cat, "rank", LD_COL_TEXT, 0);
    catalog_add_column(cat, "Model", LD_COL_TEXT, 0);
    assert_int_equal(catalog_key_col(cat), 1);
    catalog_free(cat);
}

static void test_columns_added_after_rows(void **state)
{
    (void)state;
    ld_catalog *cat = catalog_new();
    catalog_add_column(cat, "model", LD_COL_TEXT, 0);
    for (int i = 0; i < 300; i++) {
        size_t r = catalog_add_row(cat);
        char name[32];
        snprintf(name, sizeof name, "m%d", i);
        catalog_set_cell(cat, r, 0, name, strlen(name));
    }
    int c = catalog_add_column(cat, "late", LD_COL_NUMBER, 0);
    assert_true(c > 0);
    for (size_t r = 0; r < 300; r++) {
        assert_string_equal(catalog_text(cat, r, (size_t)c), "");
        assert_true(isnan(catalog_num(cat, r, (size_t)c)));
    }
    assert_int_equal(catalog_set_cell(cat, 299, (size_t)c, "7", 1), 0);
    assert_near(catalog_num(cat, 299, (size_t)c), 7, 0);
    /* rows added afterwards are empty too */
    size_t r = catalog_add_row(cat);
    assert_true(isnan(catalog_num(cat, r, (size_t)c)));
    assert_string_equal(catalog_text(cat, r, 0), "");
    catalog_free(cat);
}

/* A computed column is not emptied first (its caller sets every cell):
 * what is set is read back, a row added later starts empty, and adding it
 * again returns it with its cells as they were.  A plain column added with
 * room reserved beyond the rows: rows added later are empty too. */
static void test_computed_column(void **state)
{
    (void)state;
    ld_catalog *cat = catalog_new();
    catalog_add_column(cat, "model", LD_COL_TEXT, 0);
    assert_int_equal(catalog_reserve(cat, 1000), 0);
    for (int i = 0; i < 10; i++) catalog_add_row(cat);
    int c = catalog_add_computed_column(cat, "score", LD_COLF_DERIVED);
    int p = catalog_add_column(cat, "plain", LD_COL_NUMBER, 0);
    assert_true(c > 0 && p > c);
    const ld_column *col = catalog_col(cat, (size_t)c);
    assert_int_equal(col->type, LD_COL_NUMBER);
    assert_true(col->flags & LD_COLF_DERIVED);
    for (size_t r = 0; r < 10; r++) catalog_set_num(cat, r, (size_t)c, (double)r / 4);
    assert_int_equal(catalog_add_computed_column(cat, "score", LD_COLF_DERIVED), c);
    for (size_t r = 0; r < 10; r++) {
        assert_true(catalog_num(cat, r, (size_t)c) == (double)r / 4);
        assert_true(isnan(catalog_num(cat, r, (size_t)p)));
    }
    for (int i = 0; i < 5; i++) {
        size_t r = catalog_add_row(cat);
        assert_true(isnan(catalog_num(cat, r, (size_t)c)));
        assert_true(isnan(catalog_num(cat, r, (size_t)p)));
    }
    catalog_free(cat);
}

static void test_finish_typing(void **state)
{
    (void)state;
    ld_catalog *cat = catalog_new();
    catalog_add_column(cat, "model", LD_COL_TEXT, 0);
    catalog_add_column(cat, "nums", LD_COL_TEXT, 0);
    catalog_add_column(cat, "mixed", LD_COL_TEXT, 0);
    catalog_add_column(cat, "empty", LD_COL_TEXT, 0);
    catalog_add_column(cat, "zip", LD_COL_TEXT, LD_COLF_DECLARED_TEXT);
    catalog_add_column(cat, "missingish", LD_COL_TEXT, 0);
    static const char *const rows[][6] = {
        {"1", "1", "1", "", "01234", "NA"},
        {"2", "2.5", "two", "", "02139", "-"},
        {"3", "-3e2", "3", "", "10001", "7"},
    };
    for (size_t r = 0; r < 3; r++) {
        catalog_add_row(cat);
        for (size_t c = 0; c < 6; c++) catalog_set_cell(cat, r, c, rows[r][c], strlen(rows[r][c]));
    }
    ld_error err;
    error_clear(&err);
    assert_int_equal(catalog_finish(cat, "t", NULL, &err), 0);
    /* the key column stays text even when its names look like numbers */
    assert_int_equal(catalog_col(cat, 0)->type, LD_COL_TEXT);
    assert_int_equal(catalog_col(cat, 1)->type, LD_COL_NUMBER);
    assert_near(catalog_num(cat, 2, 1), -300, 0);
    assert_int_equal(catalog_col(cat, 2)->type, LD_COL_TEXT);
    assert_true(isnan(catalog_num(cat, 0, 2)));
    assert_int_equal(catalog_col(cat, 3)->type, LD_COL_TEXT); /* nothing to go on */
    assert_int_equal(catalog_col(cat, 4)->type, LD_COL_TEXT); /* declared text */
    assert_string_equal(catalog_text(cat, 0, 4), "01234");
    assert_int_equal(catalog_col(cat, 5)->type, LD_COL_NUMBER); /* markers are missing */
    assert_true(isnan(catalog_num(cat, 0, 5)));
    assert_true(isnan(catalog_num(cat, 1, 5)));
    assert_near(catalog_num(cat, 2, 5), 7, 0);
    catalog_free(cat);
}

static void test_finish_declared_number_error(void **state)
{
    (void)state;
    ld_catalog *cat = catalog_new();
    catalog_add_column(cat, "model", LD_COL_TEXT, 0);
    catalog_add_column(cat, "mmlu", LD_COL_TEXT, LD_COLF_DECLARED_NUMBER);
    static const char *const vals[] = {"70", "", "high", "oops"};
    for (size_t r = 0; r < 4; r++) {
        catalog_add_row(cat);
        catalog_set_cell(cat, r, 0, "m", 1);
        catalog_set_cell(cat, r, 1, vals[r], strlen(vals[r]));
    }
    long lines[] = {2, 5, 9, 12};
    ld_error err;
    error_clear(&err);
    assert_int_equal(catalog_finish(cat, "file.csv", lines, &err), -1);
    assert_int_equal(err.code, LD_ERR_PARSE);
    assert_string_equal(err.file, "file.csv");
    assert_int_equal(err.line, 9); /* the first bad row, mapped to its line */
    assert_non_null(strstr(err.msg, "mmlu"));
    assert_non_null(strstr(err.msg, "high"));
    catalog_free(cat);

    /* an empty declared-number column is numeric (all missing), not an error */
    cat = catalog_new();
    catalog_add_column(cat, "model", LD_COL_TEXT, 0);
    catalog_add_column(cat, "mmlu", LD_COL_TEXT, LD_COLF_DECLARED_NUMBER);
    catalog_add_row(cat);
    catalog_set_cell(cat, 0, 0, "m", 1);
    error_clear(&err);
    assert_int_equal(catalog_finish(cat, "f", NULL, &err), 0);
    assert_int_equal(catalog_col(cat, 1)->type, LD_COL_NUMBER);
    assert_true(isnan(catalog_num(cat, 0, 1)));
    catalog_free(cat);
}

static void parse_ok(const char *s, double want)
{
    double v = -999;
    int rc = catalog_parse_number(s, strlen(s), &v);
    if (rc != 0) fail_msg("catalog_parse_number(\"%s\") = %d, expected 0", s, rc);
    if (v != want) fail_msg("catalog_parse_number(\"%s\") = %.17g, expected %.17g", s, v, want);
}

static void parse_rc(const char *s, int want)
{
    double v;
    int rc = catalog_parse_number(s, strlen(s), &v);
    if (rc != want) fail_msg("catalog_parse_number(\"%s\") = %d, expected %d", s, rc, want);
}

static void test_parse_number(void **state)
{
    (void)state;
    parse_ok("12.5", 12.5);
    parse_ok("-0.5", -0.5);
    parse_ok("+3", 3);
    parse_ok(" 42 ", 42);
    parse_ok("\t7\t", 7);
    parse_ok("1e-3", 1e-3);
    parse_ok("1.5E+3", 1500);
    parse_ok("0.1", 0.1);
    parse_ok("1.", 1);
    parse_ok(".5", 0.5);
    parse_ok("1e-400", 0); /* underflow is zero */
    parse_ok("1234567890123456789", 1234567890123456789.0);
    parse_ok("9007199254740993", 9007199254740993.0); /* 2^53+1: rounds like strtod */
    /* missing markers */
    static const char *const missing[] = {"", "   ", "NA", "na", "N/A", "n/a", "-", "null", "NULL",
                                          "None", "none", "nan", "NaN"};
    for (size_t i = 0; i < sizeof missing / sizeof missing[0]; i++) parse_rc(missing[i], 1);
    /* not numbers */
    static const char *const words[] = {"inf", "-inf", "Infinity", "1e400", "-1e400", "abc", "0x10",
                                        "0x1p3", "12abc", "1,000", "12%", "+", ".", "1e", "--1",
                                        "1.2.3", "\xd9\xa1\xd9\xa2"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) parse_rc(words[i], -1);
}

/* The fast path must give exactly strtod's double for every decimal. */
static void test_parse_number_matches_strtod(void **state)
{
    (void)state;
    unsigned seed = 12345;
    char buf[64];
    for (int i = 0; i < 200000; i++) {
        seed = seed * 1103515245u + 12345u;
        int ndig = 1 + (int)((seed >> 8) % 24);
        int dot = (int)((seed >> 16) % (unsigned)(ndig + 1));
        size_t o = 0;
        if (seed & 1) buf[o++] = '-';
        for (int d = 0; d < ndig; d++) {
            if (d == dot && d > 0) buf[o++] = '.';
            seed = seed * 1103515245u + 12345u;
            buf[o++] = (char)('0' + (seed >> 16) % 10);
        }
        buf[o] = '\0';
        double want = strtod(buf, NULL), got = -1;
        int rc = catalog_parse_number(buf, o, &got);
        if (rc != 0 || memcmp(&got, &want, sizeof got) != 0)
            fail_msg("catalog_parse_number(\"%s\") = %d, %.17g; strtod gives %.17g", buf, rc, got, want);
    }
}

static void test_find(void **state)
{
    (void)state;
    ld_catalog *cat = small_catalog();
    assert_int_equal(catalog_find(cat, "Llama-2-70B"), 0);
    assert_int_equal(catalog_find(cat, "llama-2-70b"), 0);
    assert_int_equal(catalog_find(cat, "LLAMA-2-70B-CHAT"), 0);
    assert_int_equal(catalog_find(cat, "meta-llama/llama-2-70b-HF"), 0);
    assert_int_equal(catalog_find(cat, "  Mixtral-8x7B  "), 1);
    assert_int_equal(catalog_find(cat, "\tmixtral-8x7b-instruct\n"), 1);
    /* blanks around the | of an alias list don't matter */
    assert_int_equal(catalog_find(cat, "Mixtral-8x7B-Instruct-v0.1"), 1);
    assert_int_equal(catalog_find(cat, "falcon-180b"), 2);
    /* no partial matches */
    assert_int_equal(catalog_find(cat, "Mixtral"), -1);
    assert_int_equal(catalog_find(cat, "Mixtral-8x7B-Instruct-v0.1x"), -1);
    assert_int_equal(catalog_find(cat, ""), -1);
    assert_int_equal(catalog_find(cat, "   "), -1);
    assert_int_equal(catalog_find(cat, "Llama-2-70B|"), -1);
    /* new rows and changed aliases are seen */
    size_t r = catalog_add_row(cat);
    set(cat, r, "model", "Qwen-72B");
    set(cat, r, "aliases", "Qwen-72B-Chat");
    assert_int_equal(catalog_find(cat, "qwen-72b-chat"), (long)r);
    set(cat, 2, "aliases", "Falcon-180B-Chat");
    assert_int_equal(catalog_find(cat, "falcon-180b-chat"), 2);
    catalog_free(cat);
}

static void test_find_first_row_wins(void **state)
{
    (void)state;
    ld_catalog *cat = catalog_new();
    catalog_add_column(cat, "model", LD_COL_TEXT, 0);
    catalog_add_column(cat, "aliases", LD_COL_TEXT, 0);
    catalog_add_row(cat);
    catalog_add_row(cat);
    set(cat, 0, "model", "Alpha");
    set(cat, 0, "aliases", "Shared");
    set(cat, 1, "model", "Shared");
    set(cat, 1, "aliases", "Alpha");
    assert_int_equal(catalog_find(cat, "alpha"), 0);
    assert_int_equal(catalog_find(cat, "shared"), 0);
    catalog_free(cat);
}

static void test_find_many(void **state)
{
    (void)state;
    ld_catalog *cat = catalog_new();
    catalog_add_column(cat, "model", LD_COL_TEXT, 0);
    catalog_add_column(cat, "aliases", LD_COL_TEXT, 0);
    char name[64];
    for (int i = 0; i < 5000; i++) {
        size_t r = catalog_add_row(cat);
        snprintf(name, sizeof name, "Model-%d", i);
        set(cat, r, "model", name);
        snprintf(name, sizeof name, "org/model-%d-instruct|M%d", i, i);
        set(cat, r, "aliases", name);
    }
    for (int i = 0; i < 5000; i += 7) {
        snprintf(name, sizeof name, "MODEL-%d", i);
        assert_int_equal(catalog_find(cat, name), i);
        snprintf(name, sizeof name, "ORG/Model-%d-Instruct", i);
        assert_int_equal(catalog_find(cat, name), i);
        snprintf(name, sizeof name, "m%d", i);
        assert_int_equal(catalog_find(cat, name), i);
    }
    assert_int_equal(catalog_find(cat, "Model-5000"), -1);
    catalog_free(cat);
}

/* dst: the small catalogue; src: columns model, mmlu, support_eval. */
static void test_merge(void **state)
{
    (void)state;
    ld_catalog *dst = small_catalog();
    ld_catalog *src = catalog_new();
    catalog_add_column(src, "model", LD_COL_TEXT, 0);
    catalog_add_column(src, "mmlu", LD_COL_TEXT, 0);
    catalog_add_column(src, "support_eval", LD_COL_TEXT, 0);
    static const char *const rows[][3] = {
        {"mixtral-8x7b-instruct", "", "81.5"}, /* by alias, empty mmlu */
        {"NewModel", "50", "70"},                /* appended */
        {" LLAMA-2-70B ", "69.5", ""},           /* by name, updates mmlu */
    };
    for (size_t r = 0; r < 3; r++) {
        catalog_add_row(src);
        for (size_t c = 0; c < 3; c++) catalog_set_cell(src, r, c, rows[r][c], strlen(rows[r][c]));
    }
    ld_error err;
    error_clear(&err);
    assert_int_equal(catalog_finish(src, "src.csv", NULL, &err), 0);

    long merged = catalog_merge(dst, src, &err);
    assert_int_equal(merged, 2);
    assert_int_equal(catalog_rows(dst), 4);
    error_clear(&err);
    assert_int_equal(catalog_finish(dst, "merged", NULL, &err), 0);

    int se = catalog_col_index(dst, "support_eval");
    assert_true(se >= 0);
    assert_int_equal(catalog_col(dst, (size_t)se)->type, LD_COL_NUMBER);
    /* Mixtral: the catalogue's name kept, mmlu not erased, new metric added */
    assert_string_equal(text(dst, 1, "model"), "Mixtral-8x7B");
    assert_near(num(dst, 1, "mmlu"), 70.6, 0);
    assert_near(num(dst, 1, "support_eval"), 81.5, 0);
    /* Llama: mmlu updated, empty support_eval stays missing */
    assert_string_equal(text(dst, 0, "model"), "Llama-2-70B");
    assert_near(num(dst, 0, "mmlu"), 69.5, 0);
    assert_true(isnan(num(dst, 0, "support_eval")));
    /* Falcon untouched */
    assert_true(isnan(num(dst, 2, "support_eval")));
    assert_string_equal(text(dst, 2, "license"), "Falcon");
    /* NewModel appended with its cells */
    assert_string_equal(text(dst, 3, "model"), "NewModel");
    assert_near(num(dst, 3, "mmlu"), 50, 0);
    assert_near(num(dst, 3, "support_eval"), 70, 0);
    assert_string_equal(text(dst, 3, "license"), "");
    assert_int_equal(catalog_find(dst, "newmodel"), 3);
    /* the aliases still resolve after the merge */
    assert_int_equal(catalog_find(dst, "Mixtral-8x7B-Instruct"), 1);
    catalog_free(src);
    catalog_free(dst);
}

static void test_merge_by_src_alias_and_other_key(void **state)
{
    (void)state;
    ld_catalog *dst = small_catalog();
    ld_catalog *src = catalog_new();
    /* the key is the first column when there is no `model` */
    catalog_add_column(src, "name", LD_COL_TEXT, 0);
    catalog_add_column(src, "aliases", LD_COL_TEXT, 0);
    catalog_add_column(src, "arena", LD_COL_TEXT, 0);
    static const char *const rows[][3] = {
        {"Falcon 180B (TII)", "x|falcon-180b", "1100"}, /* joins through its alias */
        {"newcomer", "", "1200"},
        {"NEWCOMER", "", "1210"}, /* the same name again in src: kept as its own row */
    };
    for (size_t r = 0; r < 3; r++) {
        catalog_add_row(src);
        for (size_t c = 0; c < 3; c++) catalog_set_cell(src, r, c, rows[r][c], strlen(rows[r][c]));
    }
    ld_error err;
    error_clear(&err);
    assert_int_equal(catalog_finish(src, "src", NULL, &err), 0);
    long merged = catalog_merge(dst, src, &err);
    assert_true(merged >= 1);
    assert_int_equal(catalog_finish(dst, "dst", NULL, &err), 0);
    assert_near(num(dst, 2, "arena"), 1100, 0);
    assert_string_equal(text(dst, 2, "model"), "Falcon-180B");
    /* rows join only rows dst had before: nothing of src is overwritten */
    assert_int_equal(catalog_rows(dst), 5);
    long nc = catalog_find(dst, "newcomer");
    assert_int_equal(nc, 3);
    assert_near(num(dst, 3, "arena"), 1200, 0);
    assert_near(num(dst, 4, "arena"), 1210, 0);
    assert_int_equal(merged, 1);
    catalog_free(src);
    catalog_free(dst);
}

static void test_merge_empty_src(void **state)
{
    (void)state;
    ld_catalog *dst = small_catalog();
    ld_catalog *src = catalog_new();
    catalog_add_column(src, "model", LD_COL_TEXT, 0);
    ld_error err;
    error_clear(&err);
    assert_int_equal(catalog_merge(dst, src, &err), 0);
    assert_int_equal(catalog_rows(dst), 3);
    assert_int_equal(catalog_cols(dst), 4);
    catalog_free(src);
    catalog_free(dst);
}

static void test_arena_growth_big_cell(void **state)
{
    (void)state;
    ld_catalog *cat = catalog_new();
    catalog_add_column(cat, "model", LD_COL_TEXT, 0);
    catalog_add_column(cat, "blob", LD_COL_TEXT, 0);
    catalog_add_column(cat, "n", LD_COL_NUMBER, 0);
    size_t big = 1 << 20;
    char *mb = malloc(big + 1);
    assert_non_null(mb);
    for (size_t i = 0; i < big; i++) mb[i] = (char)('a' + i % 26);
    mb[big] = '\0';
    char name[32];
    for (int i = 0; i < 2000; i++) {
        size_t r = catalog_add_row(cat);
        snprintf(name, sizeof name, "row%d", i);
        catalog_set_cell(cat, r, 0, name, strlen(name));
        snprintf(name, sizeof name, "%d", i * 3);
        assert_int_equal(catalog_set_cell(cat, r, 2, name, strlen(name)), 0);
        if (i == 10 || i == 1500) catalog_set_cell(cat, r, 1, mb, big);
    }
    /* a 1 MB cell in a numeric column is a (long) word, not a crash */
    assert_int_equal(catalog_set_cell(cat, 7, 2, mb, big), 1);
    assert_true(isnan(catalog_num(cat, 7, 2)));
    for (int i = 0; i < 2000; i++) {
        snprintf(name, sizeof name, "row%d", i);
        assert_string_equal(catalog_text(cat, (size_t)i, 0), name);
        if (i != 7) { /* the word made the column text: the digits stay as text */
            snprintf(name, sizeof name, "%d", i * 3);
            assert_string_equal(catalog_text(cat, (size_t)i, 2), name);
        }
    }
    assert_int_equal(catalog_col(cat, 2)->type, LD_COL_TEXT);
    assert_int_equal(strlen(catalog_text(cat, 10, 1)), big);
    assert_memory_equal(catalog_text(cat, 1500, 1), mb, big);
    assert_memory_equal(catalog_text(cat, 7, 2), mb, big);
    assert_string_equal(catalog_text(cat, 11, 1), "");
    assert_int_equal(catalog_find(cat, "row1999"), 1999);
    free(mb);
    catalog_free(cat);
}

static void test_reserve(void **state)
{
    (void)state;
    ld_catalog *cat = catalog_new();
    catalog_add_column(cat, "model", LD_COL_TEXT, 0);
    catalog_add_column(cat, "v", LD_COL_NUMBER, 0);
    assert_int_equal(catalog_reserve(cat, 100000), 0);
    for (int i = 0; i < 100000; i++) {
        size_t r = catalog_add_row(cat);
        catalog_set_num(cat, r, 1, i * 0.5);
    }
    assert_int_equal(catalog_rows(cat), 100000);
    assert_near(catalog_num(cat, 99999, 1), 49999.5, 0);
    assert_string_equal(catalog_text(cat, 500, 0), "");
    catalog_free(cat);
}

/* A column's name for people: the label when it has one, else the id; by
 * id, the id itself when no column has it (a weight naming a metric the
 * catalogue lacks is still said). */
static void test_column_names(void **state)
{
    (void)state;
    ld_error err;
    error_clear(&err);
    static const char csv[] = "model,lcb\nA,1\n";
    ld_catalog *cat = csvload_buffer(csv, sizeof csv - 1, "t.csv", NULL, &err);
    assert_non_null(cat);
    ld_column *c = catalog_col(cat, 1);
    free(c->label);
    c->label = NULL;
    assert_string_equal(catalog_col_name(c), "lcb");
    c->label = strdup("");
    assert_string_equal(catalog_col_name(c), "lcb");
    free(c->label);
    c->label = strdup("LCB 24.08-25.05");
    assert_string_equal(catalog_col_name(c), "LCB 24.08-25.05");
    assert_string_equal(catalog_col_name_of(cat, "LCB"), "LCB 24.08-25.05"); /* ids match in any case */
    assert_string_equal(catalog_col_name_of(cat, "arena_win"), "arena_win");
    assert_string_equal(catalog_col_name_of(NULL, "x"), "x");
    catalog_free(cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_add_set_get),
        cmocka_unit_test(test_set_cell_return_codes),
        cmocka_unit_test(test_set_cell_after_a_word),
        cmocka_unit_test(test_key_column_without_model),
        cmocka_unit_test(test_columns_added_after_rows),
        cmocka_unit_test(test_computed_column),
        cmocka_unit_test(test_finish_typing),
        cmocka_unit_test(test_finish_declared_number_error),
        cmocka_unit_test(test_parse_number),
        cmocka_unit_test(test_parse_number_matches_strtod),
        cmocka_unit_test(test_find),
        cmocka_unit_test(test_find_first_row_wins),
        cmocka_unit_test(test_find_many),
        cmocka_unit_test(test_merge),
        cmocka_unit_test(test_merge_by_src_alias_and_other_key),
        cmocka_unit_test(test_merge_empty_src),
        cmocka_unit_test(test_arena_growth_big_cell),
        cmocka_unit_test(test_reserve),
        cmocka_unit_test(test_column_names),
    };
    if (getenv("LD_TEST_FILTER")) cmocka_set_test_filter(getenv("LD_TEST_FILTER"));
    return cmocka_run_group_tests(tests, NULL, NULL);
}
