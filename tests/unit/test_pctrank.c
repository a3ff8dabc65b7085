/* test_pctrank.c - a metric's percentile among the rows measured on it
 * (pctrank.h): hand-worked cases, ties, lower-is-better, too few rows, and
 * the column pass against the one-cell count, to the bit, at sizes that
 * sort on one core and on two. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "llmdeck/pctrank.h"

static int same_double(double a, double b) { return (isnan(a) && isnan(b)) || memcmp(&a, &b, sizeof a) == 0; }

/* 10, 20, 20, 30 and a missing cell: 10 is above none (0 + 1/2) / 4 =
 * 0.125, the two 20s above one and tie ((1 + 2/2) / 4 = 0.5), 30 above
 * three ((3 + 1/2) / 4 = 0.875); the missing cell ranks nothing. */
static void test_hand_worked(void **state)
{
    (void)state;
    const double m[5] = {20, 10, NAN, 30, 20};
    double out[5];
    assert_int_equal(pctrank_column(m, 5, 1, out, NULL), 0);
    assert_near(out[0], 0.5, 0);
    assert_near(out[1], 0.125, 0);
    assert_true(isnan(out[2]));
    assert_near(out[3], 0.875, 0);
    assert_near(out[4], 0.5, 0);
    ld_pctrank_counts k;
    assert_near(pctrank_cell(m, 5, 20, 1, &k), 0.5, 0);
    assert_int_equal(k.below, 1);
    assert_int_equal(k.equal, 2);
    assert_int_equal(k.measured, 4);
    /* a value not in the column is not one of its places: NaN, the
     * counts still said */
    assert_true(isnan(pctrank_cell(m, 5, 25, 1, &k)));
    assert_int_equal(k.below, 3);
    assert_int_equal(k.equal, 0);
    assert_true(isnan(pctrank_cell(m, 5, NAN, 1, NULL)));
}

/* Lower is better (a latency): the order turns round, the ties stay in the
 * middle. */
static void test_lower_is_better(void **state)
{
    (void)state;
    const double m[4] = {20, 10, 30, 20};
    double out[4];
    assert_int_equal(pctrank_column(m, 4, 0, out, NULL), 0);
    assert_near(out[1], 0.875, 0);
    assert_near(out[2], 0.125, 0);
    assert_near(out[0], 0.5, 0);
    assert_near(out[3], 0.5, 0);
    assert_near(pctrank_cell(m, 4, 10, 0, NULL), 0.875, 0);
}

/* Fewer than two measured rows: nothing to rank against, so every cell is
 * missing (NaN), never a guessed 0.5; all equal: every row in the middle. */
static void test_too_few_and_all_equal(void **state)
{
    (void)state;
    const double one[3] = {NAN, 70, NAN};
    double out[3] = {1, 1, 1};
    assert_int_equal(pctrank_column(one, 3, 1, out, NULL), 0);
    for (int i = 0; i < 3; i++) assert_true(isnan(out[i]));
    assert_true(isnan(pctrank_cell(one, 3, 70, 1, NULL)));
    const double same[3] = {5, 5, 5};
    assert_int_equal(pctrank_column(same, 3, 1, out, NULL), 0);
    for (int i = 0; i < 3; i++) assert_near(out[i], 0.5, 0);
    assert_int_equal(pctrank_column(NULL, 0, 1, out, NULL), 0);
    /* -0 and +0 are one value, as == says */
    const double zeros[3] = {-0.0, 0.0, 1};
    assert_int_equal(pctrank_column(zeros, 3, 1, out, NULL), 0);
    assert_near(out[0], 1.0 / 3, 1e-15);
    assert_near(out[1], 1.0 / 3, 1e-15);
}

/* The column pass gives what counting gives, to the bit: negative values,
 * many ties, a tenth missing, both directions; 3,001 rows (one core) and
 * 70,001 (the radix sort's two halves). */
static void check_random(size_t n, unsigned seed, int hib)
{
    double *m = malloc(n * sizeof *m), *out = malloc(n * sizeof *out);
    assert_non_null(m);
    assert_non_null(out);
    for (size_t r = 0; r < n; r++) {
        seed = seed * 1664525u + 1013904223u;
        unsigned u = seed >> 8;
        m[r] = u % 10 == 0 ? NAN : (double)((int)(u % 2001) - 1000) / 8.0;
    }
    assert_int_equal(pctrank_column(m, n, hib, out, NULL), 0);
    size_t step = n > 10000 ? 97 : 1;
    for (size_t r = 0; r < n; r += step) {
        double want = pctrank_cell(m, n, m[r], hib, NULL);
        if (!same_double(out[r], want))
            fail_msg("n %zu, row %zu (%g): column %.17g, cell %.17g", n, r, m[r], out[r], want);
    }
    free(m);
    free(out);
}

static void test_column_matches_cell(void **state)
{
    (void)state;
    check_random(3001, 7, 1);
    check_random(3001, 8, 0);
    check_random(70001, 9, 1);
    check_random(70001, 10, 0);
}

/* A cancel asked for before the sort stops it (two cores: 65,536 values
 * and more). */
static void test_cancel(void **state)
{
    (void)state;
    enum { N = 70000 };
    double *m = malloc(N * sizeof *m), *out = malloc(N * sizeof *out);
    assert_non_null(m);
    assert_non_null(out);
    for (size_t r = 0; r < N; r++) m[r] = (double)(r * 7919 % N);
    ld_progress p;
    memset(&p, 0, sizeof p);
    atomic_store(&p.cancel, 1);
    assert_int_equal(pctrank_column(m, N, 1, out, &p), LD_CANCELLED);
    atomic_store(&p.cancel, 0);
    assert_int_equal(pctrank_column(m, N, 1, out, &p), 0);
    assert_true(atomic_load(&p.done) > 0);
    for (size_t r = 0; r < N; r += 1000) assert_near(out[r], (m[r] + 0.5) / N, 1e-12);
    free(m);
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hand_worked),
        cmocka_unit_test(test_lower_is_better),
        cmocka_unit_test(test_too_few_and_all_equal),
        cmocka_unit_test(test_column_matches_cell),
        cmocka_unit_test(test_cancel),
    };
    if (getenv("LD_TEST_FILTER")) cmocka_set_test_filter(getenv("LD_TEST_FILTER"));
    return cmocka_run_group_tests(tests, NULL, NULL);
}
