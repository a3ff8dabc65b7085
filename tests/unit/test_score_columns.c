/* test_score_columns.c - scores over columns a row may lack: a weighted
 * column nobody was measured on weighs nothing, and the frontier column is
 * computed only when asked (score_update_opts). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/score.h"

/* Scores without the frontier (a table that shows, sorts and filters
 * none): the frontier column is empty, every other score the same; with
 * it, the frontier is back. */
static void test_update_without_frontier(void **state)
{
    (void)state;
    ld_catalog *cat = catalog_new();
    catalog_add_column(cat, "model", LD_COL_TEXT, 0);
    int cost = catalog_add_column(cat, "relative_cost", LD_COL_NUMBER, 0);
    int mm = catalog_add_column(cat, "mmlu", LD_COL_NUMBER, 0);
    catalog_col(cat, (size_t)mm)->weight = 1;
    const double c[3] = {0.01, 0.05, 0.08}, m[3] = {40, 60, 55}; /* the third is dominated */
    for (size_t r = 0; r < 3; r++) {
        assert_int_equal(catalog_add_row(cat), r);
        catalog_set_num(cat, r, (size_t)cost, c[r]);
        catalog_set_num(cat, r, (size_t)mm, m[r]);
    }
    int v = score_update_opts(cat, LD_MISSING_ZERO, 0);
    assert_true(v >= 0);
    int f = catalog_col_index(cat, "frontier");
    assert_true(f >= 0);
    double value_without[3];
    for (size_t r = 0; r < 3; r++) {
        assert_true(isnan(catalog_num(cat, r, (size_t)f)));
        value_without[r] = catalog_num(cat, r, (size_t)v);
    }
    assert_int_equal(score_update_opts(cat, LD_MISSING_ZERO, 1), v);
    const double want[3] = {1, 1, 0};
    for (size_t r = 0; r < 3; r++) {
        assert_near(catalog_num(cat, r, (size_t)f), want[r], 0);
        assert_near(catalog_num(cat, r, (size_t)v), value_without[r], 0);
    }
    catalog_free(cat);
}

static void test_unmeasured_column_weighs_nothing(void **state)
{
    (void)state;
    for (int pct = 0; pct < 2; pct++)
        for (int pol = 0; pol < 2; pol++) {
            ld_missing policy = pol ? LD_MISSING_SKIP : LD_MISSING_ZERO;
            ld_catalog *with = catalog_new(), *without = catalog_new();
            ld_catalog *cats[2] = {with, without};
            for (int k = 0; k < 2; k++) {
                ld_catalog *cat = cats[k];
                catalog_add_column(cat, "model", LD_COL_TEXT, 0);
                int cost = catalog_add_column(cat, "relative_cost", LD_COL_NUMBER, 0);
                int mm = catalog_add_column(cat, "mmlu", LD_COL_NUMBER, 0);
                int gs = catalog_add_column(cat, "gsm8k", LD_COL_NUMBER, 0);
                int he = k == 0 ? catalog_add_column(cat, "humaneval", LD_COL_NUMBER, 0) : -1;
                catalog_col(cat, (size_t)mm)->weight = 1;
                catalog_col(cat, (size_t)gs)->weight = 1;
                if (he >= 0) catalog_col(cat, (size_t)he)->weight = 1;
                const double mmlu[3] = {70, 60, 50}, gsm[3] = {60, 50, 65};
                for (size_t r = 0; r < 3; r++) {
                    assert_int_equal(catalog_add_row(cat), r);
                    catalog_set_num(cat, r, (size_t)cost, 0.02);
                    catalog_set_num(cat, r, (size_t)mm, mmlu[r]);
                    catalog_set_num(cat, r, (size_t)gs, gsm[r]);
                    /* empty, or on the percentile scale one row's alone */
                    if (he >= 0) catalog_set_num(cat, r, (size_t)he, pct && r == 0 ? 40 : NAN);
                }
                assert_true(score_update(cat, policy) >= 0);
                if (pct) assert_int_equal(score_set_percentile_scale(cat, 1), 0);
                assert_true(score_update(cat, policy) >= 0);
            }
            int qw = catalog_col_index(with, "quality"), qo = catalog_col_index(without, "quality");
            assert_true(qw >= 0 && qo >= 0);
            for (size_t r = 0; r < 3; r++) {
                assert_near(catalog_num(with, r, (size_t)qw), catalog_num(without, r, (size_t)qo), 1e-12);
                assert_near(score_quality(with, r, policy), catalog_num(without, r, (size_t)qo), 1e-12);
            }
            assert_int_equal(score_weighted_measures(with), 2);
            catalog_free(with);
            catalog_free(without);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_update_without_frontier),
        cmocka_unit_test(test_unmeasured_column_weighs_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
