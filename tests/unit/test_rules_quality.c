/* test_rules_quality.c - a candidate's quality is the table's: the same
 * percentile scale and the same missing-value rule, whichever the user
 * chose (the TUI's s and p, --scale and --missing). */
#include <math.h>
#include <string.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/rules.h"
#include "llmdeck/score.h"
#include "hand_catalog.h"
#include "rules_fixture.h"

/* On the percentile scale a candidate's quality is the table's: each
 * metric ranked among every row of the catalogue, not among the
 * candidates, so a model's quality does not move with the requirements.
 * At 20,000 tokens only Mixtral and Qwen are candidates; ranked between
 * themselves each would be 0 or 1 on every metric. */
static void test_candidates_percentile(void **state)
{
    (void)state;
    ld_catalog *cat = small_catalog();
    assert_int_equal(score_set_percentile_scale(cat, 1), 0);
    assert_true(score_update(cat, LD_MISSING_SKIP) >= 0);
    int qc = catalog_col_index(cat, "quality");
    ld_requirements q;
    ld_candidates c;
    ld_error err;
    rules_requirements_init(&q);
    q.context_length = 20000;
    assert_int_equal(rules_candidates(cat, &q, &c, &err), 0);
    assert_int_equal(c.n, 2); /* Mixtral and Qwen (32768); NoCost reads 16384 */
    for (size_t i = 0; i < c.n; i++) {
        double table = catalog_num(cat, c.items[i].row, (size_t)qc);
        assert_near(c.items[i].quality, table, 1e-12);
    }
    /* Mixtral by hand, among all seven rows: MMLU 70.6 is above 60.1, 68.9,
     * 50, 50 ((4 + 1/2) / 7), HumanEval 40.2 above 30.5, 29.9, 35.4, 20 of
     * the 6 measured ((4 + 1/2) / 6), GSM8K 60.4 above 52.2, 56.8, 40, 40
     * ((4 + 1/2) / 7) */
    long mx = catalog_find(cat, "Mixtral-8x7B");
    size_t seen = 0;
    for (size_t i = 0; i < c.n; i++)
        if ((long)c.items[i].row == mx) {
            assert_near(c.items[i].quality, (4.5 / 7 + 4.5 / 6 + 4.5 / 7) / 3, 1e-12);
            seen++;
        }
    assert_int_equal(seen, 1); /* the check above ran */
    rules_candidates_free(&c);
    catalog_free(cat);
}

/* The missing-value rule reaches the candidates as it reaches the table
 * (the TUI's p, recommend --missing): under either rule, every candidate's
 * quality is the table's, and a row missing a metric scores lower when
 * it counts as 0. */
static void test_candidates_follow_missing_rule(void **state)
{
    (void)state;
    ld_catalog *cat = small_catalog();
    assert_int_equal(score_set_percentile_scale(cat, 1), 0);
    int qc = catalog_col_index(cat, "quality");
    ld_task_profiles one;
    rules_profiles_of_catalog(cat, &one);
    assert_int_equal(one.v[0].nw, 3); /* the article's three metrics */
    ld_requirements q;
    rules_requirements_init(&q);
    q.context_length = 1;
    ld_error err;
    double by_rule[2][16];
    long thin = -1; /* a candidate measured on fewer metrics than weighed */
    for (int skip = 0; skip <= 1; skip++) {
        assert_true(score_update(cat, skip ? LD_MISSING_SKIP : LD_MISSING_ZERO) >= 0);
        one.skip_missing = skip;
        ld_candidates c;
        assert_int_equal(rules_candidates_in(cat, &q, &one, &c, &err), 0);
        assert_int_equal(c.missing_zero, !skip);
        assert_true(c.n >= 3 && c.n <= 16);
        for (size_t i = 0; i < c.n; i++) {
            size_t r = c.items[i].row;
            assert_true(r < 16);
            by_rule[skip][r] = c.items[i].quality;
            if (!isnan(c.items[i].quality)) assert_near(c.items[i].quality, catalog_num(cat, r, (size_t)qc), 1e-12);
            if (c.items[i].coverage > 0 && (size_t)c.items[i].coverage < one.v[0].nw) thin = (long)r;
        }
        rules_candidates_free(&c);
    }
    assert_true(thin >= 0);
    assert_true(by_rule[0][thin] < by_rule[1][thin]);
    catalog_free(cat);
}

/* A benchmark's windows (one weight, one first word: LiveCodeBench's) are
 * one measure for the candidates as for the table: under zero a row with
 * none of them counts their weight once; a row with nothing measured has
 * no quality.  Columns flagged as metrics, as metrics.json's are. */
static void test_candidates_windows_one_measure(void **state)
{
    (void)state;
    ld_catalog *cat = hand("model,lcb a,lcb b,mmlu\n"
                           "A,50,,80\n"
                           "B,,,80\n"
                           "C,,,\n");
    for (size_t c = 1; c <= 3; c++) {
        catalog_col(cat, c)->weight = 1;
        catalog_col(cat, c)->flags |= LD_COLF_METRIC;
    }
    ld_task_profiles one;
    rules_profiles_of_catalog(cat, &one);
    assert_int_equal(one.v[0].nw, 3);
    assert_int_equal(rules_profile_measures(&one.v[0], cat), 2);
    ld_requirements q;
    rules_requirements_init(&q);
    q.context_length = 1;
    ld_error err;
    const double want[2][3] = {{0.65, 0.4, NAN}, {0.65, 0.8, NAN}}; /* zero, skip */
    for (int skip = 0; skip <= 1; skip++) {
        one.skip_missing = skip;
        ld_candidates c;
        assert_int_equal(rules_candidates_in(cat, &q, &one, &c, &err), 0);
        assert_int_equal(c.n, 3);
        for (size_t i = 0; i < c.n; i++) {
            double w = want[skip][c.items[i].row], got = c.items[i].quality;
            if (isnan(w)) assert_true(isnan(got));
            else assert_near(got, w, 1e-12);
            double table = score_quality(cat, c.items[i].row, skip ? LD_MISSING_SKIP : LD_MISSING_ZERO);
            assert_true((isnan(table) && isnan(got)) || fabs(table - got) < 1e-12);
        }
        rules_candidates_free(&c);
    }
    catalog_free(cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_candidates_percentile),
        cmocka_unit_test(test_candidates_follow_missing_rule),
        cmocka_unit_test(test_candidates_windows_one_measure),
    };
    return cmocka_run_group_tests_name("rules_quality", tests, NULL, NULL);
}
