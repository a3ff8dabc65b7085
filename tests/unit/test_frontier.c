/* test_frontier.c - the Pareto frontier (frontier.h) and what is built on
 * it: score_pareto, the table's `frontier` column and its filter word. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "hand_catalog.h"

#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"
#include "llmdeck/filter.h"
#include "llmdeck/frontier.h"
#include "llmdeck/output.h"
#include "llmdeck/score.h"

/* The definition, checked pair by pair: the reference for the sweep. */
static void brute(const double *x, const double *y, size_t n, unsigned char *out)
{
    for (size_t i = 0; i < n; i++) {
        out[i] = 0;
        if (!isfinite(x[i]) || !isfinite(y[i])) continue;
        int dominated = 0;
        for (size_t j = 0; j < n && !dominated; j++) {
            if (j == i || !isfinite(x[j]) || !isfinite(y[j])) continue;
            if (x[j] <= x[i] && y[j] >= y[i] && (x[j] < x[i] || y[j] > y[i])) dominated = 1;
        }
        out[i] = (unsigned char)!dominated;
    }
}

static void expect(const double *x, const double *y, size_t n, const unsigned char *want, const char *what)
{
    unsigned char out[16];
    memset(out, 7, sizeof out);
    assert_int_equal(frontier_mark(x, y, n, out), 0);
    for (size_t i = 0; i < n; i++)
        if (out[i] != want[i]) fail_msg("%s: point %zu on=%d, expected %d", what, i, out[i], want[i]);
}

static void test_hand_made_sets(void **state)
{
    (void)state;
    /* one point: alone, nothing beats it */
    expect((double[]){3}, (double[]){1}, 1, (unsigned char[]){1}, "one point");
    /* one point without a y: not placed, so not on it */
    expect((double[]){3}, (double[]){NAN}, 1, (unsigned char[]){0}, "one point, y missing");
    /* exact ties: identical points do not dominate each other */
    expect((double[]){1, 1, 1}, (double[]){5, 5, 5}, 3, (unsigned char[]){1, 1, 1}, "identical");
    /* same cost, different quality: only the best of the group */
    expect((double[]){1, 1, 1}, (double[]){5, 7, 7}, 3, (unsigned char[]){0, 1, 1}, "same x");
    /* same quality, different cost: only the cheapest */
    expect((double[]){2, 1, 3}, (double[]){5, 5, 5}, 3, (unsigned char[]){0, 1, 0}, "same y");
    /* a staircase with a dominated point and missing values in the middle */
    double x[] = {1, 2, 2.5, 3, NAN, 4, INFINITY, 0.5};
    double y[] = {10, 20, 15, 30, 99, 25, 99, NAN};
    expect(x, y, 8, (unsigned char[]){1, 1, 0, 1, 0, 0, 0, 0}, "staircase");
    /* empty input is fine */
    assert_int_equal(frontier_mark(NULL, NULL, 0, NULL), 0);
}

static void test_matches_definition(void **state)
{
    (void)state;
    /* random sets on a coarse grid, so ties on either axis are common */
    srand(12345);
    enum { N = 300 };
    double x[N], y[N];
    unsigned char got[N], want[N];
    for (int round = 0; round < 200; round++) {
        size_t n = 1 + (size_t)(rand() % N);
        for (size_t i = 0; i < n; i++) {
            x[i] = rand() % 13 == 0 ? NAN : (double)(rand() % 20);
            if (round % 2) /* negatives, fractions and -0 (the sort orders bit patterns) */
                x[i] = x[i] == 0 && rand() % 2 ? -0.0 : (x[i] - 10) / 4 + (rand() % 3 ? 0 : 1e-9 * (rand() % 5));
            y[i] = rand() % 17 == 0 ? NAN : (double)(rand() % 20);
        }
        assert_int_equal(frontier_mark(x, y, n, got), 0);
        brute(x, y, n, want);
        for (size_t i = 0; i < n; i++)
            if (got[i] != want[i])
                fail_msg("round %d, point %zu (%g, %g): on=%d, definition says %d", round, i, x[i], y[i],
                         got[i], want[i]);
    }
}

/* The definition in O(n log n), for sets too large for brute(): sorted by
 * x, a point is on when its y is the best of its x and strictly better than
 * every cheaper point's. */
static const double *sweep_x;
static int by_x(const void *a, const void *b)
{
    double xa = sweep_x[*(const size_t *)a], xb = sweep_x[*(const size_t *)b];
    return xa < xb ? -1 : xa > xb;
}

static void sweep(const double *x, const double *y, size_t n, unsigned char *out)
{
    size_t *o = malloc(n * sizeof *o), m = 0;
    assert_non_null(o);
    for (size_t i = 0; i < n; i++) {
        out[i] = 0;
        if (isfinite(x[i]) && isfinite(y[i])) o[m++] = i;
    }
    sweep_x = x;
    qsort(o, m, sizeof *o, by_x);
    double best = -INFINITY;
    for (size_t g = 0; g < m;) {
        size_t e = g;
        double top = -INFINITY;
        for (; e < m && x[o[e]] == x[o[g]]; e++)
            if (y[o[e]] > top) top = y[o[e]];
        for (size_t k = g; k < e; k++) out[o[k]] = top > best && y[o[k]] == top;
        if (top > best) best = top;
        g = e;
    }
    free(o);
}

/* Random sets of n points of three kinds: on a coarse grid of `grid`
 * steps (many ties), continuous, and with y rising with x (a long
 * frontier, few points dropped); one point in 50 without a y (or an x)
 * against the reference. */
static int finite_per_1000 = 980; /* the points with both x and y */

static void check_kind(int kind, size_t n, int grid, double slope, int drop_x,
                       void (*reference)(const double *, const double *, size_t, unsigned char *))
{
    double *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
    unsigned char *got = malloc(n), *want = malloc(n);
    assert_non_null(x);
    assert_non_null(y);
    assert_non_null(got);
    assert_non_null(want);
    for (size_t i = 0; i < n; i++) {
        double u = rand() / (double)RAND_MAX, v = rand() / (double)RAND_MAX;
        if (kind == 0) x[i] = floor(u * grid), y[i] = floor(v * grid);
        else if (kind == 1) x[i] = u * 4, y[i] = v;
        else x[i] = u, y[i] = sqrt(u) - slope * v;
        if (rand() % 1000 >= finite_per_1000) *(drop_x ? &x[i] : &y[i]) = NAN;
    }
    assert_int_equal(frontier_mark(x, y, n, got), 0);
    reference(x, y, n, want);
    size_t on = 0;
    for (size_t i = 0; i < n; i++) {
        if (got[i] != want[i])
            fail_msg("kind %d, point %zu (%g, %g): on=%d, definition says %d", kind, i, x[i], y[i], got[i], want[i]);
        on += got[i];
    }
    assert_true(on > 0);
    free(x);
    free(y);
    free(got);
    free(want);
}

/* Sets large enough for the sample that drops dominated points before the
 * sort (8,192 points and more), against the definition pair by pair. */
static void test_large_sets_match_definition(void **state)
{
    (void)state;
    srand(777);
    for (int kind = 0; kind < 4; kind++)
        check_kind(kind == 3 ? 2 : kind, kind == 3 ? 8192 : 20000 - (size_t)kind * 1111, 30, 0.001, 0, brute);
}

/* The sample takes every (n / 1,024)th point if it is finite; with few
 * finite points (3% here: about 30 of its 1,024 looks) it samples the
 * finite ones instead.  Either way the frontier is the definition's. */
static void test_mostly_missing_match_definition(void **state)
{
    (void)state;
    srand(99);
    for (int per_1000 = 3; per_1000 <= 300; per_1000 *= 10) {
        finite_per_1000 = per_1000;
        for (int kind = 0; kind < 3; kind++) check_kind(kind, 60000, 30, 0.001, kind == 1, sweep);
    }
    finite_per_1000 = 980;
}

/* From 131,072 points on, the points the sample does not dominate are
 * found by two threads, a half each: the frontier must not change. */
static void test_two_threads_match_definition(void **state)
{
    (void)state;
    srand(4242);
    for (int kind = 0; kind < 3; kind++) check_kind(kind, 140001, 50, 0.0001, 1, sweep);
}

static size_t matches(const ld_catalog *cat, const char *expr, char *names, size_t n)
{
    ld_error err;
    error_clear(&err);
    ld_filter *f = filter_compile(cat, expr, "--filter", &err);
    if (!f) fail_msg("'%s': %s", expr, err.msg);
    size_t k = 0;
    names[0] = '\0';
    for (size_t r = 0; r < catalog_rows(cat); r++)
        if (filter_match(f, cat, r)) {
            k++;
            snprintf(names + strlen(names), n - strlen(names), "%s%s", k > 1 ? " " : "",
                     catalog_text(cat, r, catalog_key_col(cat)));
        }
    filter_free(f);
    return k;
}

static void test_column_and_filter(void **state)
{
    (void)state;
    ld_catalog *cat = hand("model,license,mmlu,relative_cost\n"
                           "A,Apache 2.0,80,1.0\n" /* on */
                           "B,MIT,60,0.5\n"        /* on */
                           "C,Apache 2.0,50,0.6\n" /* dominated by B */
                           "D,MIT,90,\n"           /* no cost: empty */
                           "E,Apache 2.0,,0.1\n"); /* no quality under skip: empty */
    ld_error err;
    error_clear(&err);
    assert_int_equal(score_parse_weights(cat, "mmlu=1", "--weights", &err), 0);
    assert_true(score_update(cat, LD_MISSING_SKIP) >= 0);
    int f = catalog_col_index(cat, "frontier");
    assert_true(f >= 0);
    char buf[64];
    static const char *const want[] = {"yes", "yes", "no", "", ""};
    for (size_t r = 0; r < 5; r++) {
        output_cell(cat, r, (size_t)f, buf, sizeof buf);
        if (strcmp(buf, want[r]) != 0) fail_msg("row %zu: frontier '%s', expected '%s'", r, buf, want[r]);
    }
    char names[128];
    assert_int_equal(matches(cat, "frontier", names, sizeof names), 2);
    assert_string_equal(names, "A B");
    assert_int_equal(matches(cat, "frontier and license~apache", names, sizeof names), 1);
    assert_string_equal(names, "A");
    assert_int_equal(matches(cat, "frontier=no", names, sizeof names), 1);
    assert_string_equal(names, "C");
    /* not: rows off it and rows that cannot be placed */
    assert_int_equal(matches(cat, "not frontier", names, sizeof names), 3);
    assert_string_equal(names, "C D E");
    /* quoted, it is a word again: no cell says "frontier" */
    assert_int_equal(matches(cat, "\"frontier\"", names, sizeof names), 0);
    ld_filter *bad = filter_compile(cat, "frontier>1", "--filter", &err);
    assert_null(bad);
    assert_non_null(strstr(err.msg, "= or !="));
    error_clear(&err);
    bad = filter_compile(cat, "frontier=maybe", "--filter", &err);
    assert_null(bad);
    assert_non_null(strstr(err.msg, "'maybe' is neither"));
    catalog_free(cat);
}

static void test_frontier_follows_weights(void **state)
{
    (void)state;
    /* A is better on mmlu, B on humaneval, same cost: which is on the
     * frontier depends on the weights, and score_update recomputes it. */
    ld_catalog *cat = hand("model,mmlu,humaneval,relative_cost\nA,90,10,1\nB,10,90,1\n");
    ld_error err;
    error_clear(&err);
    int f = -1;
    assert_int_equal(score_parse_weights(cat, "mmlu=1,humaneval=0", "--weights", &err), 0);
    assert_true(score_update(cat, LD_MISSING_SKIP) >= 0);
    f = catalog_col_index(cat, "frontier");
    assert_true(catalog_num(cat, 0, (size_t)f) == 1 && catalog_num(cat, 1, (size_t)f) == 0);
    assert_int_equal(score_parse_weights(cat, "mmlu=0,humaneval=1", "--weights", &err), 0);
    assert_true(score_update(cat, LD_MISSING_SKIP) >= 0);
    assert_true(catalog_num(cat, 0, (size_t)f) == 0 && catalog_num(cat, 1, (size_t)f) == 1);
    catalog_free(cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hand_made_sets),
        cmocka_unit_test(test_matches_definition),
        cmocka_unit_test(test_large_sets_match_definition),
        cmocka_unit_test(test_two_threads_match_definition),
        cmocka_unit_test(test_mostly_missing_match_definition),
        cmocka_unit_test(test_column_and_filter),
        cmocka_unit_test(test_frontier_follows_weights),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
