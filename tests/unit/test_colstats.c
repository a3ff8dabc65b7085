/* test_colstats.c - column statistics and frequencies (colstats.h): hand-made
 * sets with known answers, and the catalogue wrappers over a row set. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/colstats.h"
#include "llmdeck/error.h"

static void test_median_odd_even(void **state)
{
    (void)state;
    ld_numstats s;
    const double odd[] = {5, 1, 4, 2, 3};
    assert_int_equal(colstats_numbers(odd, 5, 4, &s), 0);
    assert_int_equal(s.count, 5);
    assert_int_equal(s.missing, 0);
    assert_near(s.min, 1, 0);
    assert_near(s.max, 5, 0);
    assert_near(s.mean, 3, 1e-12);
    assert_near(s.median, 3, 0);
    const double even[] = {10, 2, 8, 4};
    assert_int_equal(colstats_numbers(even, 4, 4, &s), 0);
    assert_near(s.median, 6, 0);
    assert_near(s.mean, 6, 1e-12);
}

static void test_missing_one_all(void **state)
{
    (void)state;
    ld_numstats s;
    const double v[] = {NAN, 7, NAN, 1, 4};
    assert_int_equal(colstats_numbers(v, 5, 3, &s), 0);
    assert_int_equal(s.count, 3);
    assert_int_equal(s.missing, 2);
    assert_near(s.median, 4, 0);
    assert_near(s.mean, 4, 1e-12);

    const double one[] = {NAN, 42.5};
    assert_int_equal(colstats_numbers(one, 2, 5, &s), 0);
    assert_int_equal(s.count, 1);
    assert_near(s.min, 42.5, 0);
    assert_near(s.max, 42.5, 0);
    assert_near(s.median, 42.5, 0);
    assert_int_equal(s.nbins, 5);
    assert_int_equal(s.bins[0], 1); /* all values equal: the first bin */
    for (size_t k = 1; k < 5; k++) assert_int_equal(s.bins[k], 0);

    const double none[] = {NAN, NAN, NAN};
    assert_int_equal(colstats_numbers(none, 3, 5, &s), 0);
    assert_int_equal(s.count, 0);
    assert_int_equal(s.missing, 3);
    assert_int_equal(s.nbins, 0);
    assert_true(isnan(s.min) && isnan(s.max) && isnan(s.mean) && isnan(s.median));

    assert_int_equal(colstats_numbers(NULL, 0, 5, &s), 0);
    assert_int_equal(s.count, 0);
}

static void test_histogram_edges(void **state)
{
    (void)state;
    ld_numstats s;
    /* [0, 10] in 5 bins of 2: 0,1 | 2,3 | 4,5 | 6,7 | 8,9,10 (max in the last) */
    const double v[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assert_int_equal(colstats_numbers(v, 11, 5, &s), 0);
    assert_int_equal(s.nbins, 5);
    const size_t want[] = {2, 2, 2, 2, 3};
    size_t sum = 0;
    for (size_t k = 0; k < 5; k++) assert_int_equal(s.bins[k], want[k]), sum += s.bins[k];
    assert_int_equal(sum, s.count);
    assert_int_equal(colstats_bin(&s, 10), 4);
    assert_int_equal(colstats_bin(&s, 0), 0);
    assert_int_equal(colstats_bin(&s, 1.999), 0);
    assert_int_equal(colstats_bin(&s, 2), 1);
    /* bins clamp to 1..LD_STATS_MAX_BINS */
    assert_int_equal(colstats_numbers(v, 11, 0, &s), 0);
    assert_int_equal(s.nbins, 1);
    assert_int_equal(s.bins[0], 11);
    assert_int_equal(colstats_numbers(v, 11, 1000, &s), 0);
    assert_int_equal(s.nbins, LD_STATS_MAX_BINS);
    assert_int_equal(s.bins[LD_STATS_MAX_BINS - 1], 1);
}

static void test_freq_ties(void **state)
{
    (void)state;
    const char *v[] = {"mit", "Apache 2.0", "", "llama", "mit", NULL, "Apache 2.0", "apache 2.0", "gemma", "mit"};
    ld_freqlist f;
    assert_int_equal(colstats_freq_strings(v, 10, &f), 0);
    assert_int_equal(f.total, 10);
    assert_int_equal(f.missing, 2);
    assert_int_equal(f.n, 5);
    /* by count, then by value (strcmp: upper case first), case kept apart */
    assert_string_equal(f.items[0].value, "mit");
    assert_int_equal(f.items[0].count, 3);
    assert_string_equal(f.items[1].value, "Apache 2.0");
    assert_int_equal(f.items[1].count, 2);
    assert_string_equal(f.items[2].value, "apache 2.0");
    assert_string_equal(f.items[3].value, "gemma");
    assert_string_equal(f.items[4].value, "llama");
    for (size_t i = 2; i < 5; i++) assert_int_equal(f.items[i].count, 1);
    colstats_freq_free(&f);

    const char *empty[] = {"", NULL};
    assert_int_equal(colstats_freq_strings(empty, 2, &f), 0);
    assert_int_equal(f.n, 0);
    assert_int_equal(f.missing, 2);
    colstats_freq_free(&f);
    assert_int_equal(colstats_freq_strings(NULL, 0, &f), 0);
    assert_int_equal(f.n, 0);
    colstats_freq_free(&f);
}

static void test_catalog_rows(void **state)
{
    (void)state;
    ld_catalog *cat = catalog_new();
    assert_non_null(cat);
    int name = catalog_add_column(cat, "model", LD_COL_TEXT, 0);
    int score = catalog_add_column(cat, "score", LD_COL_NUMBER, LD_COLF_DECLARED_NUMBER);
    int lic = catalog_add_column(cat, "license", LD_COL_TEXT, LD_COLF_DECLARED_TEXT);
    const char *rows[][3] = {{"a", "10", "mit"}, {"b", "", "apache"}, {"c", "30", "mit"},
                             {"d", "20", ""},    {"e", "99", "other"}};
    for (size_t r = 0; r < 5; r++) {
        assert_int_equal(catalog_add_row(cat), r);
        assert_int_equal(catalog_set_cell(cat, r, (size_t)name, rows[r][0], strlen(rows[r][0])), 0);
        assert_int_equal(catalog_set_cell(cat, r, (size_t)score, rows[r][1], strlen(rows[r][1])), 0);
        assert_int_equal(catalog_set_cell(cat, r, (size_t)lic, rows[r][2], strlen(rows[r][2])), 0);
    }
    ld_error e;
    error_clear(&e);
    assert_int_equal(catalog_finish(cat, "test", NULL, &e), 0);
    const uint32_t sel[] = {0, 1, 2, 3}; /* row e left out, as a filter would */
    ld_numstats s;
    assert_int_equal(colstats_numeric(cat, (size_t)score, sel, 4, 10, &s), 0);
    assert_int_equal(s.count, 3);
    assert_int_equal(s.missing, 1);
    assert_near(s.min, 10, 0);
    assert_near(s.max, 30, 0);
    assert_near(s.median, 20, 0);
    ld_freqlist f;
    assert_int_equal(colstats_freq(cat, (size_t)lic, sel, 4, &f), 0);
    assert_int_equal(f.n, 2);
    assert_int_equal(f.missing, 1);
    assert_string_equal(f.items[0].value, "mit");
    assert_int_equal(f.items[0].count, 2);
    assert_string_equal(f.items[1].value, "apache");
    colstats_freq_free(&f);
    catalog_free(cat);
}

/* A million rows: the sort-based paths stay O(n log n) (a quadratic one
 * would not finish), and the answers are exact. */
static void test_million(void **state)
{
    (void)state;
    size_t n = 1000000;
    double *v = malloc(n * sizeof *v);
    const char **t = malloc(n * sizeof *t);
    assert_non_null(v);
    assert_non_null(t);
    static const char *names[] = {"a", "b", "c", "d"};
    for (size_t i = 0; i < n; i++) {
        v[i] = (double)((i * 7919) % n); /* a permutation of 0..n-1 */
        t[i] = names[i % 4];
    }
    ld_numstats s;
    assert_int_equal(colstats_numbers(v, n, 10, &s), 0);
    assert_near(s.median, (n / 2 - 1 + n / 2) / 2.0, 0);
    assert_near(s.mean, (n - 1) / 2.0, 1e-6);
    for (size_t k = 0; k < 10; k++) assert_true(s.bins[k] >= 99999 && s.bins[k] <= 100001);
    ld_freqlist f;
    assert_int_equal(colstats_freq_strings(t, n, &f), 0);
    assert_int_equal(f.n, 4);
    assert_string_equal(f.items[0].value, "a");
    assert_int_equal(f.items[0].count, n / 4);
    colstats_freq_free(&f);
    free(v);
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_median_odd_even),
        cmocka_unit_test(test_missing_one_all),
        cmocka_unit_test(test_histogram_edges),
        cmocka_unit_test(test_freq_ties),
        cmocka_unit_test(test_catalog_rows),
        cmocka_unit_test(test_million),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
