/* test_view.c - stable multi-key sorting over index arrays.
 *
 * Orders are checked against reference sorts written here (stable insertion
 * sorts over hand-ranked keys), never against view.c's own comparisons. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"
#include "llmdeck/dataset.h"
#include "llmdeck/score.h"
#include "llmdeck/view.h"

static ld_catalog *load_ok(const char *s)
{
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_buffer(s, strlen(s), "t.csv", NULL, &err);
    if (!cat) fail_msg("load failed: %s", err.msg);
    return cat;
}

static int col(const ld_catalog *cat, const char *id)
{
    int c = catalog_col_index(cat, id);
    if (c < 0) fail_msg("no column %s", id);
    return c;
}

static void sort1(const ld_catalog *cat, uint32_t *idx, size_t n, const char *id, int desc)
{
    ld_sort_key k = {col(cat, id), desc};
    assert_int_equal(view_sort(cat, idx, n, &k, 1), 0);
}

/* The model names of idx, joined with spaces. */
static const char *names(const ld_catalog *cat, const uint32_t *idx, size_t n)
{
    static char buf[4096];
    size_t o = 0;
    buf[0] = '\0';
    size_t key = catalog_key_col(cat);
    for (size_t i = 0; i < n; i++)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", i ? " " : "", catalog_text(cat, idx[i], key));
    return buf;
}

static void expect_order(const ld_catalog *cat, const uint32_t *idx, size_t n, const char *want)
{
    const char *got = names(cat, idx, n);
    if (strcmp(got, want) != 0) fail_msg("order\n  got:      %s\n  expected: %s", got, want);
}

/* ---- the embedded catalogue ---------------------------------------------- */

static void test_value_score_desc_puts_mistral_first(void **state)
{
    (void)state;
    unsetenv("LLMDECK_DATA");
    ld_dataset ds;
    ld_error err;
    error_clear(&err);
    assert_int_equal(dataset_open_kind(&ds, NULL, LD_DATASET_SEED, NULL, &err), 0);
    ld_catalog *cat = ds.models;
    assert_true(score_update(cat, LD_MISSING_ZERO) >= 0);
    size_t n = catalog_rows(cat);
    uint32_t *idx = malloc(n * sizeof *idx);
    assert_int_equal(view_identity(cat, idx), n);
    ld_sort_key keys[LD_MAX_SORT_KEYS];
    size_t nk = 0;
    assert_int_equal(view_parse_sort(cat, "value_score:desc", "--sort", keys, &nk, &err), 0);
    assert_int_equal(nk, 1);
    assert_int_equal(view_sort(cat, idx, n, keys, nk), 0);
    size_t key = catalog_key_col(cat);
    assert_string_equal(catalog_text(cat, idx[0], key), "Mistral-7B");
    /* non-increasing, then every n/a at the end */
    int vc = col(cat, "value_score");
    int seen_nan = 0;
    for (size_t i = 0; i < n; i++) {
        double v = catalog_num(cat, idx[i], (size_t)vc);
        if (isnan(v)) seen_nan = 1;
        else {
            assert_false(seen_nan);
            if (i > 0) assert_true(v <= catalog_num(cat, idx[i - 1], (size_t)vc));
        }
    }
    /* the seed's seven in their order of value */
    static const char *const seed[] = {"Mistral-7B", "Mixtral-8x7B", "Qwen-72B", "Llama-2-70B",
                                       "GPT-3.5-Turbo", "Falcon-180B", "GPT-4 (reference)"};
    size_t pos[7];
    for (size_t s = 0; s < 7; s++) {
        pos[s] = n;
        for (size_t i = 0; i < n; i++)
            if (strcmp(catalog_text(cat, idx[i], key), seed[s]) == 0) pos[s] = i;
        assert_true(pos[s] < n);
        if (s) assert_true(pos[s] > pos[s - 1]);
    }
    free(idx);
    dataset_close(&ds);
}

/* ---- small hand-made tables ---------------------------------------------- */

static const char *const MIXED =
    "model,family,mmlu,license\n"
    "m0,Meta,68.9,Llama\n"
    "m1,Mistral,,Apache\n"
    "m2,Meta,45.3,\n"
    "m3,Alibaba,74.4,Qwen\n"
    "m4,,60.1,Apache\n"
    "m5,Mistral,70.6,\n"
    "m6,Meta,68.9,Llama\n"
    "m7,Alibaba,,Qwen\n";

static void test_missing_last_both_ways(void **state)
{
    (void)state;
    ld_catalog *cat = load_ok(MIXED);
    uint32_t idx[8];
    view_identity(cat, idx);
    sort1(cat, idx, 8, "mmlu", 0);
    expect_order(cat, idx, 8, "m2 m4 m0 m6 m5 m3 m1 m7");
    view_identity(cat, idx);
    sort1(cat, idx, 8, "mmlu", 1);
    expect_order(cat, idx, 8, "m3 m5 m0 m6 m4 m2 m1 m7");
    view_identity(cat, idx);
    sort1(cat, idx, 8, "license", 0);
    expect_order(cat, idx, 8, "m1 m4 m0 m6 m3 m7 m2 m5");
    view_identity(cat, idx);
    sort1(cat, idx, 8, "license", 1);
    expect_order(cat, idx, 8, "m3 m7 m0 m6 m1 m4 m2 m5");
    catalog_free(cat);
}

static void test_multi_key(void **state)
{
    (void)state;
    ld_catalog *cat = load_ok(MIXED);
    uint32_t idx[8];
    view_identity(cat, idx);
    ld_sort_key keys[LD_MAX_SORT_KEYS];
    size_t nk;
    ld_error err;
    error_clear(&err);
    assert_int_equal(view_parse_sort(cat, "family,mmlu:desc", "--sort", keys, &nk, &err), 0);
    assert_int_equal(nk, 2);
    assert_int_equal(view_sort(cat, idx, 8, keys, nk), 0);
    expect_order(cat, idx, 8, "m3 m7 m0 m6 m2 m5 m1 m4");
    /* secondary ascending, descending primary */
    view_identity(cat, idx);
    assert_int_equal(view_parse_sort(cat, "FAMILY:DESC,mmlu:asc", "--sort", keys, &nk, &err), 0);
    assert_int_equal(view_sort(cat, idx, 8, keys, nk), 0);
    expect_order(cat, idx, 8, "m5 m1 m2 m0 m6 m3 m7 m4");
    /* three keys: license, family, model descending */
    view_identity(cat, idx);
    assert_int_equal(view_parse_sort(cat, "license,family,model:desc", "--sort", keys, &nk, &err), 0);
    assert_int_equal(nk, 3);
    assert_int_equal(view_sort(cat, idx, 8, keys, nk), 0);
    expect_order(cat, idx, 8, "m1 m4 m6 m0 m7 m3 m2 m5");
    catalog_free(cat);
}

static void test_natural_text_order(void **state)
{
    (void)state;
    assert_true(view_text_cmp("Llama-2-7B", "Llama-2-13B") < 0);
    assert_true(view_text_cmp("Llama-2-13B", "Llama-2-70B") < 0);
    assert_true(view_text_cmp("Llama-2-70B", "Llama-2-7B") > 0);
    assert_true(view_text_cmp("llama-2-7b", "LLAMA-2-7B") == 0);
    assert_true(view_text_cmp("abc", "ABD") < 0);
    assert_true(view_text_cmp("x9", "x10") < 0);
    assert_true(view_text_cmp("x", "x1") < 0);
    assert_true(view_text_cmp("", "a") < 0);
    assert_true(view_text_cmp("a", "") > 0);
    assert_true(view_text_cmp("", "") == 0);
    assert_true(view_text_cmp("v99999999999999999999999", "v100000000000000000000000") < 0);
    assert_true(view_text_cmp("Qwen2.5-7B", "Qwen2.5-14B") < 0);
    assert_true(view_text_cmp("gpt-4", "gpt-35") < 0);

    ld_catalog *cat = load_ok("model\nLlama-2-70B\nllama-2-13b\nLlama-2-7B\nLlama-2-7B-Chat\nLlama-3-8B\nLlama\n");
    uint32_t idx[6];
    view_identity(cat, idx);
    sort1(cat, idx, 6, "model", 0);
    expect_order(cat, idx, 6, "Llama Llama-2-7B Llama-2-7B-Chat llama-2-13b Llama-2-70B Llama-3-8B");
    view_identity(cat, idx);
    sort1(cat, idx, 6, "model", 1);
    expect_order(cat, idx, 6, "Llama-3-8B Llama-2-70B llama-2-13b Llama-2-7B-Chat Llama-2-7B Llama");
    catalog_free(cat);
}

/* Antisymmetry of the comparison, and a sorted array is ordered pairwise
 * (which fails when the comparison is not transitive). */
/* Digit runs compare by length first, whatever their length: a 35-digit
 * number is smaller than a 40-digit one. */
static void test_natural_order_long_digit_runs(void **state)
{
    (void)state;
    char a[64], b[64];
    snprintf(a, sizeof a, "v%s", "99999999999999999999999999999999999");     /* 35 digits */
    snprintf(b, sizeof b, "v1%s", "000000000000000000000000000000000000000"); /* 40 digits */
    assert_true(strlen(a) == 36 && strlen(b) == 41);
    if (!(view_text_cmp(a, b) < 0)) fail_msg("view_text_cmp(35-digit run, 40-digit run) = %d, expected < 0",
                                            view_text_cmp(a, b));
    assert_true(view_text_cmp(b, a) > 0);
}

/* Sorting a text column, changing a cell (or adding a row), sorting again:
 * the new text counts. */
static void test_resort_after_changes(void **state)
{
    (void)state;
    ld_catalog *cat = load_ok("model,family\nm0,beta\nm1,alpha\nm2,gamma\nm3,delta\n");
    uint32_t idx[5];
    view_identity(cat, idx);
    sort1(cat, idx, 4, "family", 0);
    expect_order(cat, idx, 4, "m1 m0 m3 m2");
    catalog_set_cell(cat, 1, 1, "zeta", 4);
    view_identity(cat, idx);
    sort1(cat, idx, 4, "family", 0);
    expect_order(cat, idx, 4, "m0 m3 m2 m1");
    catalog_set_cell(cat, 2, 1, "", 0); /* now missing */
    view_identity(cat, idx);
    sort1(cat, idx, 4, "family", 1);
    expect_order(cat, idx, 4, "m1 m3 m0 m2");
    size_t r = catalog_add_row(cat);
    catalog_set_cell(cat, r, 0, "m4", 2);
    catalog_set_cell(cat, r, 1, "Aardvark", 8);
    view_identity(cat, idx);
    sort1(cat, idx, 5, "family", 0);
    expect_order(cat, idx, 5, "m4 m0 m3 m1 m2");
    /* a subset sorted after the full column was ranked */
    uint32_t sub[3] = {3, 1, 4};
    sort1(cat, sub, 3, "family", 1);
    expect_order(cat, sub, 3, "m1 m3 m4");
    /* numbers too */
    ld_catalog *c2 = load_ok("model,v\nm0,3\nm1,1\nm2,2\n");
    uint32_t j[3];
    view_identity(c2, j);
    sort1(c2, j, 3, "v", 0);
    expect_order(c2, j, 3, "m1 m2 m0");
    catalog_set_cell(c2, 1, 1, "9", 1);
    view_identity(c2, j);
    sort1(c2, j, 3, "v", 0);
    expect_order(c2, j, 3, "m2 m0 m1");
    catalog_free(c2);
    catalog_free(cat);
}

static void test_text_cmp_is_an_order(void **state)
{
    (void)state;
    static const char alphabet[] = "aAb01 9-.";
    enum { N = 400 };
    char (*s)[8] = malloc(N * sizeof *s);
    unsigned seed = 7;
    ld_catalog *cat = catalog_new();
    catalog_add_column(cat, "model", LD_COL_TEXT, 0);
    for (int i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u;
        int len = 1 + (int)((seed >> 16) % 6);
        for (int k = 0; k < len; k++) {
            seed = seed * 1103515245u + 12345u;
            s[i][k] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        s[i][len] = '\0';
        size_t r = catalog_add_row(cat);
        catalog_set_cell(cat, r, 0, s[i], strlen(s[i]));
    }
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            int a = view_text_cmp(s[i], s[j]), b = view_text_cmp(s[j], s[i]);
            if ((a > 0) != (b < 0) || (a == 0) != (b == 0))
                fail_msg("cmp(\"%s\",\"%s\") = %d but cmp reversed = %d", s[i], s[j], a, b);
        }
    uint32_t idx[N];
    view_identity(cat, idx);
    sort1(cat, idx, N, "model", 0);
    for (int i = 0; i < N; i++)
        for (int j = i + 1; j < N; j++)
            if (view_text_cmp(catalog_text(cat, idx[i], 0), catalog_text(cat, idx[j], 0)) > 0)
                fail_msg("sorted[%d] = \"%s\" > sorted[%d] = \"%s\"", i, catalog_text(cat, idx[i], 0), j,
                         catalog_text(cat, idx[j], 0));
    free(s);
    catalog_free(cat);
}

static void test_numbers_edge_values(void **state)
{
    (void)state;
    ld_catalog *cat = load_ok(
        "model,v\n"
        "big,1e308\n"
        "negzero,-0\n"
        "neg5,-5\n"
        "none,\n"
        "zero,0\n"
        "tiny,5e-324\n"
        "negbig,-1e308\n"
        "one,1\n"
        "zero2,0.0\n"
        "negtiny,-1e-300\n"
        "negzero2,-0.0\n");
    assert_int_equal(catalog_col(cat, 1)->type, LD_COL_NUMBER);
    uint32_t idx[11];
    view_identity(cat, idx);
    sort1(cat, idx, 11, "v", 0);
    /* -0 and 0 are equal: they keep their input order */
    expect_order(cat, idx, 11, "negbig neg5 negtiny negzero zero zero2 negzero2 tiny one big none");
    view_identity(cat, idx);
    sort1(cat, idx, 11, "v", 1);
    expect_order(cat, idx, 11, "big one tiny negzero zero zero2 negzero2 negtiny neg5 negbig none");
    /* infinities set directly */
    catalog_set_num(cat, 0, 1, INFINITY);
    catalog_set_num(cat, 6, 1, -INFINITY);
    view_identity(cat, idx);
    sort1(cat, idx, 11, "v", 1);
    expect_order(cat, idx, 11, "big one tiny negzero zero zero2 negzero2 negtiny neg5 negbig none");
    view_identity(cat, idx);
    sort1(cat, idx, 11, "v", 0);
    expect_order(cat, idx, 11, "negbig neg5 negtiny negzero zero zero2 negzero2 tiny one big none");
    catalog_free(cat);
}

static void test_subset_and_trivial(void **state)
{
    (void)state;
    ld_catalog *cat = load_ok(MIXED);
    uint32_t idx[4] = {7, 5, 2, 3};
    sort1(cat, idx, 4, "mmlu", 1);
    expect_order(cat, idx, 4, "m3 m5 m2 m7");
    uint32_t one[1] = {4};
    sort1(cat, one, 1, "mmlu", 0);
    assert_int_equal(one[0], 4);
    assert_int_equal(view_sort(cat, one, 0, NULL, 0), 0);
    uint32_t all[8];
    view_identity(cat, all);
    assert_int_equal(view_sort(cat, all, 8, NULL, 0), 0); /* no keys: unchanged */
    for (uint32_t i = 0; i < 8; i++) assert_int_equal(all[i], i);
    ld_sort_key bad = {99, 0};
    assert_int_not_equal(view_sort(cat, all, 8, &bad, 1), 0);
    catalog_free(cat);
}

/* ---- stability at scale --------------------------------------------------- */

/* Ten groups of strings equal case-insensitively, in natural order. */
static const char *const GROUPS[10][3] = {
    {"alpha2", "ALPHA2", "Alpha2"}, {"alpha10", "Alpha10", "ALPHA10"}, {"beta", "Beta", "BETA"},
    {"beta-7b", "BETA-7B", "Beta-7b"}, {"beta-13b", "Beta-13B", "beta-13B"}, {"beta-70b", "BETA-70b", "beta-70B"},
    {"gamma 1", "Gamma 1", "GAMMA 1"}, {"Gamma 9", "gamma 9", "GAMMA 9"}, {"gamma 10", "GAMMA 10", "Gamma 10"},
    {"zeta", "Zeta", "ZETA"},
};
static const double NUMS[10] = {-1e300, -7.5, -0.0, 0.0, 1e-300, 3.25, 42, 1e6, 1e300, 7e307};
static const int NUM_RANK[10] = {0, 1, 2, 2, 3, 4, 5, 6, 7, 8}; /* -0 == 0 */

typedef struct {
    int trank, nrank; /* -1 = missing */
} rowkey;

/* a before b?  ranks ascending or descending, missing last */
static int before1(int ra, int rb, int desc)
{
    if (ra < 0 || rb < 0) return ra >= 0 && rb < 0;
    return desc ? ra > rb : ra < rb;
}

static int cmp_keys(const rowkey *a, const rowkey *b, int by_text, int tdesc, int by_num, int ndesc,
                    int text_first)
{
    /* returns 1 if a strictly before b */
    for (int pass = 0; pass < 2; pass++) {
        int t = text_first ? pass == 0 : pass == 1;
        if (t && by_text) {
            if (before1(a->trank, b->trank, tdesc)) return 1;
            if (before1(b->trank, a->trank, tdesc)) return 0;
        }
        if (!t && by_num) {
            if (before1(a->nrank, b->nrank, ndesc)) return 1;
            if (before1(b->nrank, a->nrank, ndesc)) return 0;
        }
    }
    return 0;
}

/* The reference: qsort on the keys with the row number as the last key,
 * which makes any sort stable (qsort's comparator has no context: the
 * keys and the order asked for wait in these). */
static struct {
    const rowkey *keys;
    int by_text, tdesc, by_num, ndesc, text_first;
} ref_order;

static int ref_cmp(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    const rowkey *ka = &ref_order.keys[a], *kb = &ref_order.keys[b];
    if (cmp_keys(ka, kb, ref_order.by_text, ref_order.tdesc, ref_order.by_num, ref_order.ndesc,
                 ref_order.text_first))
        return -1;
    if (cmp_keys(kb, ka, ref_order.by_text, ref_order.tdesc, ref_order.by_num, ref_order.ndesc,
                 ref_order.text_first))
        return 1;
    return a < b ? -1 : a > b;
}

static void ref_sort(const rowkey *keys, uint32_t *out, size_t n, int by_text, int tdesc, int by_num,
                     int ndesc, int text_first)
{
    ref_order.keys = keys;
    ref_order.by_text = by_text, ref_order.tdesc = tdesc, ref_order.by_num = by_num;
    ref_order.ndesc = ndesc, ref_order.text_first = text_first;
    for (size_t i = 0; i < n; i++) out[i] = (uint32_t)i;
    qsort(out, n, sizeof *out, ref_cmp);
}

/* Every order of a table of N rows with many ties, missing cells and
 * equal-but-differently-written values, against the reference. */
static void check_stability(size_t N)
{
    ld_catalog *cat = catalog_new();
    catalog_add_column(cat, "model", LD_COL_TEXT, 0);
    catalog_add_column(cat, "name", LD_COL_TEXT, 0);
    catalog_add_column(cat, "v", LD_COL_TEXT, 0);
    rowkey *keys = malloc(N * sizeof *keys);
    unsigned seed = 2024;
    char buf[64];
    for (size_t i = 0; i < N; i++) {
        size_t r = catalog_add_row(cat);
        snprintf(buf, sizeof buf, "row%zu", i);
        catalog_set_cell(cat, r, 0, buf, strlen(buf));
        seed = seed * 1103515245u + 12345u;
        unsigned g = (seed >> 16) % 11; /* 10 = missing */
        seed = seed * 1103515245u + 12345u;
        unsigned var = (seed >> 16) % 3;
        if (g < 10) catalog_set_cell(cat, r, 1, GROUPS[g][var], strlen(GROUPS[g][var]));
        keys[i].trank = g < 10 ? (int)g : -1;
        seed = seed * 1103515245u + 12345u;
        unsigned h = (seed >> 16) % 11;
        if (h < 10) {
            snprintf(buf, sizeof buf, "%.17g", NUMS[h]);
            catalog_set_cell(cat, r, 2, buf, strlen(buf));
        }
        keys[i].nrank = h < 10 ? NUM_RANK[h] : -1;
    }
    ld_error err;
    error_clear(&err);
    assert_int_equal(catalog_finish(cat, "gen", NULL, &err), 0);
    assert_int_equal(catalog_col(cat, 2)->type, LD_COL_NUMBER);

    uint32_t *idx = malloc(N * sizeof *idx), *ref = malloc(N * sizeof *ref);
    struct { const char *spec; int by_text, tdesc, by_num, ndesc, text_first; } cases[] = {
        {"name", 1, 0, 0, 0, 1},
        {"name:desc", 1, 1, 0, 0, 1},
        {"v", 0, 0, 1, 0, 1},
        {"v:desc", 0, 0, 1, 1, 1},
        {"name,v:desc", 1, 0, 1, 1, 1},
        {"v,name:desc", 1, 1, 1, 0, 0},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        ld_sort_key sk[LD_MAX_SORT_KEYS];
        size_t nk;
        assert_int_equal(view_parse_sort(cat, cases[k].spec, "--sort", sk, &nk, &err), 0);
        view_identity(cat, idx);
        assert_int_equal(view_sort(cat, idx, N, sk, nk), 0);
        ref_sort(keys, ref, N, cases[k].by_text, cases[k].tdesc, cases[k].by_num, cases[k].ndesc,
                 cases[k].text_first);
        for (size_t i = 0; i < N; i++)
            if (idx[i] != ref[i])
                fail_msg("--sort %s: position %zu holds row %u, the stable order has row %u", cases[k].spec, i,
                         idx[i], ref[i]);
    }
    /* re-sorting an already sorted array by another key stays stable too */
    ld_sort_key a = {1, 0}, b = {2, 1};
    view_identity(cat, idx);
    assert_int_equal(view_sort(cat, idx, N, &b, 1), 0);
    assert_int_equal(view_sort(cat, idx, N, &a, 1), 0);
    ref_sort(keys, ref, N, 1, 0, 1, 1, 1); /* name, then v:desc */
    assert_memory_equal(idx, ref, N * sizeof *idx);
    free(idx);
    free(ref);
    free(keys);
    catalog_free(cat);
}

static void test_stability_10000_rows(void **state)
{
    (void)state;
    check_stability(10000);
}

/* From 65,536 rows on a sort runs on two threads (each sorts a half, then
 * the halves are merged): ties that straddle the halves must keep the
 * order they had, as on one thread.  An odd count makes the halves
 * unequal. */
static void test_stability_two_threads(void **state)
{
    (void)state;
    check_stability(70001);
}

/* ---- parsing --sort ------------------------------------------------------ */

static void parse_fails(const ld_catalog *cat, const char *spec)
{
    ld_sort_key keys[LD_MAX_SORT_KEYS];
    size_t nk = 0;
    ld_error err;
    error_clear(&err);
    if (view_parse_sort(cat, spec, "--sort", keys, &nk, &err) == 0) fail_msg("--sort '%s' accepted", spec);
    assert_int_equal(err.code, LD_ERR_USAGE);
    assert_string_equal(err.file, "--sort");
    assert_true(err.msg[0] != '\0');
}

static void test_parse_sort(void **state)
{
    (void)state;
    ld_catalog *cat = load_ok(MIXED);
    ld_sort_key keys[LD_MAX_SORT_KEYS];
    size_t nk = 99;
    ld_error err;
    error_clear(&err);
    assert_int_equal(view_parse_sort(cat, "mmlu", "--sort", keys, &nk, &err), 0);
    assert_int_equal(nk, 1);
    assert_int_equal(keys[0].col, 2);
    assert_int_equal(keys[0].desc, 0);
    assert_int_equal(view_parse_sort(cat, "mmlu:desc,MODEL:asc", "--sort", keys, &nk, &err), 0);
    assert_int_equal(nk, 2);
    assert_int_equal(keys[0].desc, 1);
    assert_int_equal(keys[1].col, 0);
    assert_int_equal(keys[1].desc, 0);

    parse_fails(cat, "nope");
    parse_fails(cat, "mmlu,nope:desc");
    parse_fails(cat, "mmlu:up");
    parse_fails(cat, "mmlu:");
    parse_fails(cat, "mmlu:desc:asc");
    parse_fails(cat, "mmlu,");
    parse_fails(cat, ",mmlu");
    parse_fails(cat, "mmlu,,model");
    parse_fails(cat, "model,mmlu,family,license,model,mmlu,family,license,model");
    /* the error names the column */
    error_clear(&err);
    assert_int_equal(view_parse_sort(cat, "mmlu,bogus_col", "--sort", keys, &nk, &err), -1);
    assert_non_null(strstr(err.msg, "bogus_col"));
    catalog_free(cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_value_score_desc_puts_mistral_first),
        cmocka_unit_test(test_missing_last_both_ways),
        cmocka_unit_test(test_multi_key),
        cmocka_unit_test(test_natural_text_order),
        cmocka_unit_test(test_natural_order_long_digit_runs),
        cmocka_unit_test(test_resort_after_changes),
        cmocka_unit_test(test_text_cmp_is_an_order),
        cmocka_unit_test(test_numbers_edge_values),
        cmocka_unit_test(test_subset_and_trivial),
        cmocka_unit_test(test_stability_10000_rows),
        cmocka_unit_test(test_stability_two_threads),
        cmocka_unit_test(test_parse_sort),
    };
    if (getenv("LD_TEST_FILTER")) cmocka_set_test_filter(getenv("LD_TEST_FILTER"));
    return cmocka_run_group_tests(tests, NULL, NULL);
}
