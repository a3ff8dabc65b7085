/* test_filter.c - the filter expression language (filter.h). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"
#include "llmdeck/filter.h"

/* cmocka catches SIGSEGV and carries on with the next test: a forked child
 * must die of its crash instead. */
static void child_default_signals(void)
{
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) signal(sigs[i], SIG_DFL);
}

static const char *const CSV =
    "model,license,mmlu,context_length,family\n"
    "Llama-2-70B,Llama 2 Community,68.9,4096,Meta\n"     /* 0 */
    "Mixtral-8x7B,Apache 2.0,70.6,32768,Mistral AI\n"   /* 1 */
    "Mistral-7B,Apache 2.0,60.1,8192,Mistral AI\n"      /* 2 */
    "Qwen-72B,Qianwen License,74.4,32768,Alibaba\n"     /* 3 */
    "Mystery,,,,\n"                                     /* 4: everything missing */
    "Big,MIT,80,131072,Other\n"                         /* 5 */
    "Tiny,\"Apache 2.0, with notes\",-2.5,512,Other\n"; /* 6 */

static ld_catalog *cat_;

static int setup(void **state)
{
    (void)state;
    ld_error err;
    error_clear(&err);
    cat_ = csvload_buffer(CSV, strlen(CSV), "t.csv", NULL, &err);
    return cat_ ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    catalog_free(cat_);
    return 0;
}

/* The rows an expression keeps, as a string of row numbers ("1 3 5"). */
static void expect(const char *expr, const char *want)
{
    ld_error err;
    error_clear(&err);
    ld_filter *f = filter_compile(cat_, expr, "--filter", &err);
    if (!f) fail_msg("filter '%s' refused: %s (col %ld)", expr, err.msg, err.col);
    size_t n = catalog_rows(cat_);
    uint32_t in[16], out[16];
    for (uint32_t i = 0; i < n; i++) in[i] = i;
    size_t m = filter_apply(f, cat_, in, n, out);
    char got[128] = "";
    size_t o = 0;
    for (size_t i = 0; i < m; i++) {
        o += (size_t)snprintf(got + o, sizeof got - o, "%s%u", i ? " " : "", out[i]);
        assert_true(filter_match(f, cat_, out[i]));
    }
    /* filter_match agrees with filter_apply on every row */
    size_t count = 0;
    for (uint32_t i = 0; i < n; i++) count += filter_match(f, cat_, i) ? 1 : 0;
    assert_int_equal(count, m);
    filter_free(f);
    if (strcmp(got, want) != 0) fail_msg("filter '%s' kept rows [%s], expected [%s]", expr, got, want);
}

static void refused(const char *expr, long col)
{
    ld_error err;
    error_clear(&err);
    ld_filter *f = filter_compile(cat_, expr, "--filter", &err);
    if (f) {
        filter_free(f);
        fail_msg("filter '%s' accepted, expected an error at column %ld", expr, col);
    }
    if (err.code != LD_ERR_USAGE) fail_msg("filter '%s': code %d, expected LD_ERR_USAGE", expr, err.code);
    assert_string_equal(err.file, "--filter");
    if (col > 0 && err.col != col) fail_msg("filter '%s': error at column %ld (%s), expected %ld", expr, err.col, err.msg, col);
    assert_true(err.msg[0] != '\0');
}

static void test_numeric_comparisons(void **state)
{
    (void)state;
    expect("mmlu>=65", "0 1 3 5");
    expect("mmlu >= 65", "0 1 3 5");
    expect("mmlu>68.9", "1 3 5");
    expect("mmlu<60.1", "6");
    expect("mmlu<=60.1", "2 6");
    expect("mmlu=68.9", "0");
    expect("mmlu==68.9", "0");
    expect("mmlu!=68.9", "1 2 3 5 6");
    expect("mmlu<0", "6");
    expect("mmlu>-3", "0 1 2 3 5 6");
    expect("context_length>=32k", "1 3 5");
    expect("context_length>=32K", "1 3 5");
    expect("context_length>128k", "5");
    expect("context_length<1k", "6");
    expect("context_length<=0.5k", "");
    expect("context_length>=1e4", "1 3 5");
    expect("MMLU>=65", "0 1 3 5"); /* column ids are case-insensitive */
}

static void test_missing_never_matches(void **state)
{
    (void)state;
    /* row 4 has every value missing */
    expect("mmlu<1000", "0 1 2 3 5 6");
    expect("mmlu>-1000", "0 1 2 3 5 6");
    expect("mmlu!=1", "0 1 2 3 5 6");
    expect("license!=MIT", "0 1 2 3 6");
    expect("license<zzz", "0 1 2 3 5 6");
    expect("family=\"\"", "");
}

static void test_boolean_logic(void **state)
{
    (void)state;
    expect("mmlu>=65 and context_length>=32k", "1 3 5");
    expect("mmlu>=65 AND context_length>=32k", "1 3 5");
    expect("mmlu<65 or context_length>100k", "2 5 6");
    expect("mmlu<65 OR context_length>100k", "2 5 6");
    expect("not license~apache", "0 3 4 5");
    expect("NOT license~apache", "0 3 4 5");
    expect("not not license~apache", "1 2 6");
    expect("(mmlu>70 or mmlu<61) and license~apache", "1 2 6");
    expect("mmlu>70 or mmlu<61 and license~apache", "1 2 3 5 6"); /* and binds tighter */
    expect("mmlu>70 or (mmlu<61 and license~apache)", "1 2 3 5 6");
    expect("((mmlu>70))", "1 3 5");
    expect("not (mmlu>70 or mmlu<61)", "0 4");
    /* adjacent terms are joined by and */
    expect("mistral apache", "1 2");
    expect("license~apache mmlu>65", "1");
    expect("(apache) (mmlu>65)", "1");
}

static void test_text_matches(void **state)
{
    (void)state;
    expect("QWEN", "3");                 /* any column, case-insensitive */
    expect("alibaba", "3");              /* the family column */
    expect("8x7b", "1");
    expect("7b", "1 2");
    expect("32768", "1 3");              /* numbers are text too */
    expect("license~APACHE", "1 2 6");
    expect("model~7b", "1 2");
    expect("mmlu~.6", "1");              /* contains on a numeric column: its text */
    expect("license=\"apache 2.0\"", "1 2"); /* = on text: whole value, any case */
    expect("license='Apache 2.0'", "1 2");
    expect("license==APACHE", "");
    expect("license=apache", "");
    expect("license!=\"Apache 2.0\"", "0 3 5 6");
    expect("\"Llama 2\"", "0");          /* quoted text: one phrase */
    expect("\"apache 2.0, with\"", "6");
    expect("\"mmlu>5\"", "");            /* quoted text is never a comparison */
    expect("zzz", "");
    expect("and", "");                   /* a lone keyword-looking word is a word */
}

static void test_empty_matches_all(void **state)
{
    (void)state;
    expect("", "0 1 2 3 4 5 6");
    expect("   ", "0 1 2 3 4 5 6");
    expect("\t", "0 1 2 3 4 5 6");
}

static void test_apply_in_place(void **state)
{
    (void)state;
    ld_error err;
    error_clear(&err);
    ld_filter *f = filter_compile(cat_, "apache", "--filter", &err);
    assert_non_null(f);
    uint32_t idx[5] = {6, 5, 2, 1, 0};
    size_t m = filter_apply(f, cat_, idx, 5, idx);
    assert_int_equal(m, 3);
    assert_int_equal(idx[0], 6);
    assert_int_equal(idx[1], 2);
    assert_int_equal(idx[2], 1);
    filter_free(f);
}

static void test_errors(void **state)
{
    (void)state;
    refused("foo>5", 1);
    refused("mmlu>5 and foo<3", 12);
    refused("mmlu>=abc", 7);
    refused("context_length>=32q", 17);
    refused("mmlu>=nan", 7);
    refused("mmlu>=inf", 7);
    refused("mmlu>=1e400", 7);
    refused("mmlu>=0x10", 7);
    refused("license~\"apache", 9);
    refused("\"unterminated", 1);
    refused("(mmlu>5", 8);
    refused("((mmlu>5)", 10);
    refused("mmlu>5)", 7);
    refused("mmlu>5 )", 8);
    refused("mmlu>", 6);
    refused("mmlu>=65 and", 13);
    refused("mmlu>=65 or", 12);
    refused("not", 4);
    refused("()", 2);
    refused("mmlu>>5", 6);
    refused("mmlu ! 5", 6);
    refused(">5", 1);
}

static void test_hostile_nesting(void **state)
{
    (void)state;
    /* deep parentheses and long not-chains: an error, not a crash */
    size_t n = 100000;
    char *e = malloc(2 * n + 16);
    memset(e, '(', n);
    strcpy(e + n, "mmlu>5");
    ld_error err;
    error_clear(&err);
    ld_filter *f = filter_compile(cat_, e, "--filter", &err);
    if (f) filter_free(f);
    else assert_int_equal(err.code, LD_ERR_USAGE);
    size_t o = 0;
    for (size_t i = 0; i < 20000; i++) memcpy(e + o, "not ", 4), o += 4;
    strcpy(e + o, "x");
    error_clear(&err);
    f = filter_compile(cat_, e, "--filter", &err);
    if (f) filter_free(f);
    else assert_int_equal(err.code, LD_ERR_USAGE);
    free(e);
}

/* A long flat expression (65,000 words fit in one 128 KiB command-line
 * argument) compiles and evaluates without exhausting the stack.  Run in a
 * child so a crash is reported as a failure, not the end of the suite. */
static void test_long_flat_expression(void **state)
{
    (void)state;
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        child_default_signals();
        size_t words = 65000;
        char *e = malloc(words * 2 + 1);
        for (size_t i = 0; i < words; i++) e[2 * i] = 'a', e[2 * i + 1] = ' ';
        e[words * 2] = '\0';
        ld_error err;
        error_clear(&err);
        ld_filter *f = filter_compile(cat_, e, "--filter", &err);
        int rc = 0;
        if (f) {
            /* every row with an 'a' somewhere */
            rc = filter_match(f, cat_, 0) == 1 && filter_match(f, cat_, 4) == 0 ? 0 : 3;
            filter_free(f);
        } else if (err.code != LD_ERR_USAGE) {
            rc = 4;
        }
        free(e);
        _exit(rc);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    if (WIFSIGNALED(status)) fail_msg("a 65,000-word filter killed the process with signal %d", WTERMSIG(status));
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
}

/* A word longer than the tokenizer's buffer must not silently match rows
 * that contain only its prefix. */
static void test_long_word_not_truncated(void **state)
{
    (void)state;
    char csv[1024];
    char x255[256], x300[301];
    memset(x255, 'x', 255);
    x255[255] = '\0';
    memset(x300, 'x', 300);
    x300[300] = '\0';
    snprintf(csv, sizeof csv, "model,note\nA,%s\nB,short\n", x255);
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_buffer(csv, strlen(csv), "long.csv", NULL, &err);
    assert_non_null(cat);
    ld_filter *f = filter_compile(cat, x300, "--filter", &err);
    if (f) {
        int m = filter_match(f, cat, 0);
        filter_free(f);
        if (m) {
            catalog_free(cat);
            fail_msg("a 300-character word matched a cell holding only 255 of its characters");
        }
    } else {
        assert_int_equal(err.code, LD_ERR_USAGE);
    }
    char expr[400];
    snprintf(expr, sizeof expr, "note=\"%s\"", x300);
    error_clear(&err);
    f = filter_compile(cat, expr, "--filter", &err);
    if (f) {
        int m = filter_match(f, cat, 0);
        filter_free(f);
        if (m) {
            catalog_free(cat);
            fail_msg("note=<300 x> matched a cell of 255 x");
        }
    } else {
        assert_int_equal(err.code, LD_ERR_USAGE);
    }
    catalog_free(cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numeric_comparisons),
        cmocka_unit_test(test_missing_never_matches),
        cmocka_unit_test(test_boolean_logic),
        cmocka_unit_test(test_text_matches),
        cmocka_unit_test(test_empty_matches_all),
        cmocka_unit_test(test_apply_in_place),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_hostile_nesting),
        cmocka_unit_test(test_long_flat_expression),
        cmocka_unit_test(test_long_word_not_truncated),
    };
    if (getenv("LD_TEST_FILTER")) cmocka_set_test_filter(getenv("LD_TEST_FILTER"));
    return cmocka_run_group_tests(tests, setup, teardown);
}
