/* test_score.c - the value score, weights, missing-value policies, Pareto.
 *
 * The seed parity figures are the ones DESIGN.md pins (to 1e-6); they are
 * also recomputed here from the seed article's table by the seed's formula,
 * sum(m/100)/3/relative_cost, as a second, independent oracle. */
#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "hand_catalog.h"

#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"
#include "llmdeck/dataset.h"
#include "llmdeck/score.h"
#include "llmdeck/view.h"

typedef struct {
    const char *name;
    double mmlu, humaneval, gsm8k, cost; /* NAN = missing */
    double value;                        /* DESIGN.md's figure */
} seed_row;

static const seed_row SEED[] = {
    {"GPT-4 (reference)", 86.4, 67.0, 92.0, 1.0, 0.818000},
    {"GPT-3.5-Turbo", 70.0, 48.1, 57.1, 0.1, 5.840000},
    {"Llama-2-70B", 68.9, 29.9, 56.8, 0.05, 10.373333},
    {"Mixtral-8x7B", 70.6, 40.2, 60.4, 0.04, 14.266667},
    {"Mistral-7B", 60.1, 30.5, 52.2, 0.01, 47.600000},
    {"Falcon-180B", 70.4, NAN, NAN, 0.08, 2.933333},
    {"Qwen-72B", 74.4, 35.4, 61.3, 0.05, 11.406667},
};

static ld_dataset ds_;

static int setup(void **state)
{
    (void)state;
    unsetenv("LLMDECK_DATA");
    ld_error err;
    error_clear(&err);
    return dataset_open_kind(&ds_, NULL, LD_DATASET_SEED, NULL, &err); /* the article's rows */
}

static int teardown(void **state)
{
    (void)state;
    dataset_close(&ds_);
    return 0;
}

static long row_of(const ld_catalog *cat, const char *name)
{
    long r = catalog_find(cat, name);
    if (r < 0) fail_msg("model '%s' not in the catalogue", name);
    return r;
}

static int col(const ld_catalog *cat, const char *id)
{
    int c = catalog_col_index(cat, id);
    if (c < 0) fail_msg("no column %s", id);
    return c;
}

static void test_seed_parity_zero(void **state)
{
    (void)state;
    ld_catalog *cat = ds_.models;
    int vc = score_update(cat, LD_MISSING_ZERO);
    assert_true(vc >= 0);
    assert_int_equal(vc, col(cat, "value_score"));
    for (size_t i = 0; i < sizeof SEED / sizeof SEED[0]; i++) {
        const seed_row *s = &SEED[i];
        long r = row_of(cat, s->name);
        double oracle = ((isnan(s->mmlu) ? 0 : s->mmlu) + (isnan(s->humaneval) ? 0 : s->humaneval) +
                         (isnan(s->gsm8k) ? 0 : s->gsm8k)) / 100.0 / 3.0 / s->cost;
        assert_near(oracle, s->value, 1e-6); /* the two oracles agree */
        double v = score_value(cat, (size_t)r, LD_MISSING_ZERO);
        if (!(fabs(v - s->value) <= 1e-6)) fail_msg("%s: value %.9f, expected %.6f", s->name, v, s->value);
        assert_near(catalog_num(cat, (size_t)r, (size_t)vc), s->value, 1e-6);
        assert_near(score_quality(cat, (size_t)r, LD_MISSING_ZERO), s->value * s->cost, 1e-6);
    }
}

static void test_seed_policy_skip(void **state)
{
    (void)state;
    ld_catalog *cat = ds_.models;
    long f = row_of(cat, "Falcon-180B");
    assert_near(score_value(cat, (size_t)f, LD_MISSING_SKIP), 8.8, 1e-9);
    assert_near(score_quality(cat, (size_t)f, LD_MISSING_SKIP), 0.704, 1e-12);
    /* rows without a missing metric score the same under both policies */
    long m = row_of(cat, "Mistral-7B");
    assert_near(score_value(cat, (size_t)m, LD_MISSING_SKIP), 47.6, 1e-6);
    int vc = score_update(cat, LD_MISSING_SKIP);
    assert_near(catalog_num(cat, (size_t)f, (size_t)vc), 8.8, 1e-9);
    score_update(cat, LD_MISSING_ZERO);
    assert_near(catalog_num(cat, (size_t)f, (size_t)vc), 2.933333, 1e-6);
}

static void test_cost_undefined(void **state)
{
    (void)state;
    ld_catalog *cat = hand("model,mmlu,humaneval,relative_cost\n"
                           "ok,80,60,0.5\n"
                           "missing,80,60,\n"
                           "zero,80,60,0\n"
                           "negative,80,60,-0.5\n"
                           "negzero,80,60,-0\n"
                           "tiny,80,60,1e-300\n");
    assert_int_equal(score_parse_weights(cat, "mmlu=1,humaneval=1", "--weights", NULL), 0);
    assert_near(score_value(cat, 0, LD_MISSING_ZERO), 1.4, 1e-12);
    for (size_t r = 1; r <= 4; r++) {
        double v = score_value(cat, r, LD_MISSING_ZERO);
        if (!isnan(v)) fail_msg("row %zu (%s): value %g, expected NaN", r, catalog_text(cat, r, 0), v);
        assert_true(isnan(score_value(cat, r, LD_MISSING_SKIP)));
    }
    /* a positive cost, however small, is defined */
    assert_false(isnan(score_value(cat, 5, LD_MISSING_ZERO)));
    int vc = score_update(cat, LD_MISSING_ZERO);
    assert_true(isnan(catalog_num(cat, 2, (size_t)vc)));
    assert_near(catalog_num(cat, 0, (size_t)vc), 1.4, 1e-12);
    /* quality does not depend on the cost */
    assert_near(catalog_num(cat, 3, (size_t)col(cat, "quality")), 0.7, 1e-12);
    catalog_free(cat);

    /* no relative_cost column at all */
    cat = hand("model,mmlu\nA,50\n");
    assert_int_equal(score_parse_weights(cat, "mmlu=1", "--weights", NULL), 0);
    assert_true(isnan(score_value(cat, 0, LD_MISSING_ZERO)));
    assert_near(score_quality(cat, 0, LD_MISSING_ZERO), 0.5, 1e-12);
    catalog_free(cat);
}

static void test_quality_weights_and_policies(void **state)
{
    (void)state;
    ld_catalog *cat = hand("model,mmlu,humaneval,gsm8k,relative_cost\n"
                           "full,80,40,60,1\n"
                           "holey,80,,60,2\n"
                           "empty,,,,1\n");
    /* no weighted metric: quality undefined */
    assert_true(isnan(score_quality(cat, 0, LD_MISSING_ZERO)));
    assert_true(isnan(score_value(cat, 0, LD_MISSING_ZERO)));
    ld_error err;
    error_clear(&err);
    assert_int_equal(score_parse_weights(cat, "mmlu=2,humaneval=1,gsm8k=1", "--weights", &err), 0);
    assert_near(catalog_col(cat, (size_t)col(cat, "mmlu"))->weight, 2, 0);
    /* (2*.8 + .4 + .6) / 4 = .65 */
    assert_near(score_quality(cat, 0, LD_MISSING_ZERO), 0.65, 1e-12);
    assert_near(score_value(cat, 0, LD_MISSING_ZERO), 0.65, 1e-12);
    /* zero: (1.6 + 0 + .6)/4 = .55; skip: (1.6 + .6)/3 */
    assert_near(score_quality(cat, 1, LD_MISSING_ZERO), 0.55, 1e-12);
    assert_near(score_quality(cat, 1, LD_MISSING_SKIP), 2.2 / 3, 1e-12);
    assert_near(score_value(cat, 1, LD_MISSING_SKIP), 2.2 / 3 / 2, 1e-12);
    /* all missing: nothing measured is no quality (n/a) under either rule,
     * not a score of 0 */
    assert_true(isnan(score_quality(cat, 2, LD_MISSING_ZERO)));
    assert_true(isnan(score_value(cat, 2, LD_MISSING_ZERO)));
    assert_true(isnan(score_quality(cat, 2, LD_MISSING_SKIP)));
    assert_true(isnan(score_value(cat, 2, LD_MISSING_SKIP)));
    /* fractional weights; a zero weight drops the metric */
    assert_int_equal(score_parse_weights(cat, "mmlu=0.5,humaneval=0,gsm8k=1.5", "--weights", &err), 0);
    assert_near(score_quality(cat, 0, LD_MISSING_ZERO), (0.5 * 0.8 + 1.5 * 0.6) / 2, 1e-12);
    catalog_free(cat);
}

/* Checks that a spec is refused properly; frees `cat` before failing. */
static void weights_refused(ld_catalog *cat, const char *spec)
{
    ld_error err;
    error_clear(&err);
    int rc = score_parse_weights(cat, spec, "--weights", &err);
    const char *why = NULL;
    if (rc == 0) why = "accepted";
    else if (err.code != LD_ERR_USAGE) why = "not LD_ERR_USAGE";
    else if (strcmp(err.file, "--weights") != 0) why = "does not name --weights";
    else if (!err.msg[0]) why = "has no message";
    if (why) {
        catalog_free(cat);
        fail_msg("--weights '%s': %s", spec, why);
    }
}

static void test_parse_weights(void **state)
{
    (void)state;
    ld_catalog *cat = hand("model,license,mmlu,humaneval,gsm8k,arc,relative_cost\n"
                           "A,MIT,80,40,60,70,1\n");
    ld_error err;
    error_clear(&err);
    assert_int_equal(score_parse_weights(cat, "mmlu=1,humaneval=1,gsm8k=1", "--weights", &err), 0);
    /* the listed weights change, the others keep theirs */
    assert_int_equal(score_parse_weights(cat, "arc=2,MMLU=3", "--weights", &err), 0);
    assert_near(catalog_col(cat, (size_t)col(cat, "arc"))->weight, 2, 0);
    assert_near(catalog_col(cat, (size_t)col(cat, "mmlu"))->weight, 3, 0);
    assert_near(catalog_col(cat, (size_t)col(cat, "humaneval"))->weight, 1, 0);
    assert_near(catalog_col(cat, (size_t)col(cat, "gsm8k"))->weight, 1, 0);
    assert_int_equal(score_parse_weights(cat, "", "--weights", &err), 0);

    weights_refused(cat, "bogus=1");
    weights_refused(cat, "license=1");   /* a text column */
    weights_refused(cat, "model=1");
    weights_refused(cat, "mmlu=-1");
    weights_refused(cat, "mmlu=abc");
    weights_refused(cat, "mmlu=");
    weights_refused(cat, "mmlu");
    weights_refused(cat, "=1");
    weights_refused(cat, "mmlu=nan");
    weights_refused(cat, "mmlu=inf");
    weights_refused(cat, "mmlu=1e400");
    weights_refused(cat, "mmlu=1x");
    weights_refused(cat, "mmlu=1,,arc=1");
    weights_refused(cat, ",mmlu=1");
    score_update(cat, LD_MISSING_ZERO);
    weights_refused(cat, "value_score=1"); /* derived, not a metric */
    weights_refused(cat, "quality=1");
    /* the error names the culprit */
    error_clear(&err);
    assert_int_equal(score_parse_weights(cat, "mmlu=1,nosuch=2", "--weights", &err), -1);
    assert_non_null(strstr(err.msg, "nosuch"));
    catalog_free(cat);
}

/* "mmlu=1," ends with an empty item, like "mmlu,," for --sort. */
static void test_parse_weights_trailing_comma(void **state)
{
    (void)state;
    ld_catalog *cat = hand("model,mmlu,relative_cost\nA,80,1\n");
    weights_refused(cat, "mmlu=1,");
    catalog_free(cat);
}

/* A refused spec leaves every weight as it was (the TUI's weights editor
 * keeps running after a bad entry). */
static void test_parse_weights_all_or_nothing(void **state)
{
    (void)state;
    ld_catalog *cat = hand("model,mmlu,arc,relative_cost\nA,80,70,1\n");
    assert_int_equal(score_parse_weights(cat, "mmlu=1,arc=0", "--weights", NULL), 0);
    weights_refused(cat, "mmlu=5,bogus=1");
    weights_refused(cat, "arc=2,mmlu=-1");
    double wm = catalog_col(cat, (size_t)col(cat, "mmlu"))->weight;
    double wa = catalog_col(cat, (size_t)col(cat, "arc"))->weight;
    catalog_free(cat);
    if (wm != 1 || wa != 0)
        fail_msg("after two refused specs the weights are mmlu=%g arc=%g, expected mmlu=1 arc=0", wm, wa);
}

static void test_weight_changes_ranking(void **state)
{
    (void)state;
    ld_catalog *cat = hand("model,mmlu,humaneval,relative_cost\n"
                           "Knower,90,10,1\n"
                           "Coder,50,80,1\n"
                           "Cheap,40,40,0.5\n");
    ld_error err;
    error_clear(&err);
    assert_int_equal(score_parse_weights(cat, "mmlu=1,humaneval=1", "--weights", &err), 0);
    int vc = score_update(cat, LD_MISSING_ZERO);
    uint32_t idx[3];
    ld_sort_key k = {vc, 1};
    view_identity(cat, idx);
    view_sort(cat, idx, 3, &k, 1);
    /* Knower .5, Coder .65, Cheap .4/.5 = .8 */
    assert_int_equal(idx[0], 2);
    assert_int_equal(idx[1], 1);
    assert_int_equal(idx[2], 0);
    assert_int_equal(score_parse_weights(cat, "humaneval=0", "--weights", &err), 0);
    score_update(cat, LD_MISSING_ZERO);
    view_identity(cat, idx);
    view_sort(cat, idx, 3, &k, 1);
    /* Knower .9, Coder .5, Cheap .8 */
    assert_int_equal(idx[0], 0);
    assert_int_equal(idx[1], 2);
    assert_int_equal(idx[2], 1);
    assert_near(catalog_num(cat, 0, (size_t)vc), 0.9, 1e-12);
    catalog_free(cat);
}

/* On the embedded data: weighting code only (humaneval) re-ranks the seed's
 * models; each value recomputed here from the catalogue's cells. */
static void test_weight_changes_ranking_embedded(void **state)
{
    (void)state;
    ld_catalog *cat = ds_.models;
    ld_error err;
    error_clear(&err);
    assert_int_equal(score_parse_weights(cat, "mmlu=0,gsm8k=0,humaneval=1", "--weights", &err), 0);
    int vc = score_update(cat, LD_MISSING_ZERO);
    int he = col(cat, "humaneval"), rc = col(cat, "relative_cost");
    for (size_t i = 0; i < sizeof SEED / sizeof SEED[0]; i++) {
        long r = row_of(cat, SEED[i].name);
        double h = catalog_num(cat, (size_t)r, (size_t)he);
        double want = h / 100 / catalog_num(cat, (size_t)r, (size_t)rc); /* no humaneval: n/a, not 0 */
        if (isnan(want)) assert_true(isnan(catalog_num(cat, (size_t)r, (size_t)vc)));
        else assert_near(catalog_num(cat, (size_t)r, (size_t)vc), want, 1e-9);
    }
    /* humaneval/100/cost: Mixtral .402/.04 = 10.05, Qwen .354/.05 = 7.08,
     * Llama-2-70B .299/.05 = 5.98, Falcon (no humaneval) n/a: nothing measured */
    long mx = row_of(cat, "Mixtral-8x7B"), qw = row_of(cat, "Qwen-72B"), ll = row_of(cat, "Llama-2-70B"),
         fa = row_of(cat, "Falcon-180B");
    assert_near(catalog_num(cat, (size_t)mx, (size_t)vc), 10.05, 1e-9);
    assert_near(catalog_num(cat, (size_t)qw, (size_t)vc), 7.08, 1e-9);
    assert_near(catalog_num(cat, (size_t)ll, (size_t)vc), 5.98, 1e-9);
    assert_true(isnan(catalog_num(cat, (size_t)fa, (size_t)vc)));
    /* restore the defaults for the other tests */
    assert_int_equal(score_parse_weights(cat, "mmlu=1,gsm8k=1,humaneval=1", "--weights", &err), 0);
    score_update(cat, LD_MISSING_ZERO);
    assert_near(catalog_num(cat, (size_t)fa, (size_t)vc), 2.933333, 1e-6);
}

/* Every weighted metric counts, however many there are (an imported
 * leaderboard can bring dozens). */
static void test_many_weighted_metrics(void **state)
{
    (void)state;
    enum { M = 70 };
    ld_catalog *cat = catalog_new();
    catalog_add_column(cat, "model", LD_COL_TEXT, 0);
    catalog_add_column(cat, "relative_cost", LD_COL_NUMBER, 0);
    size_t r = catalog_add_row(cat);
    catalog_set_cell(cat, r, 0, "A", 1);
    catalog_set_cell(cat, r, 1, "1", 1);
    for (int i = 0; i < M; i++) {
        char id[16];
        snprintf(id, sizeof id, "m%02d", i);
        int c = catalog_add_column(cat, id, LD_COL_NUMBER, 0);
        catalog_col(cat, (size_t)c)->weight = 1;
        /* the last six metrics are 100, the others 0 */
        const char *v = i >= M - 6 ? "100" : "0";
        catalog_set_cell(cat, r, (size_t)c, v, strlen(v));
    }
    ld_error err;
    error_clear(&err);
    assert_int_equal(catalog_finish(cat, "many", NULL, &err), 0);
    double q = score_quality(cat, 0, LD_MISSING_ZERO);
    double v = score_value(cat, 0, LD_MISSING_ZERO);
    int vc = score_update(cat, LD_MISSING_ZERO);
    double stored = catalog_num(cat, 0, (size_t)vc);
    catalog_free(cat);
    if (!(fabs(q - 6.0 / M) < 1e-12) || !(fabs(v - 6.0 / M) < 1e-12) || !(fabs(stored - 6.0 / M) < 1e-12))
        fail_msg("70 weighted metrics: quality %g, value %g, stored %g; expected %g", q, v, stored, 6.0 / M);
}

/* From 131,072 rows on, the scores are computed on two threads, each
 * taking half of the rows: every row must get what the one-row functions
 * (score_quality, score_value) give, to the bit, at the halves' border
 * and throughout, with both policies; score_compute (the TUI's rescore
 * job) must give the same arrays, frontier too, count its progress and
 * stop on a cancel.  score_update makes the score columns here (they are
 * not emptied first: every cell must be set, which valgrind checks). */
static int same_double(double a, double b) { return (isnan(a) && isnan(b)) || memcmp(&a, &b, sizeof a) == 0; }

/* score_compute (the TUI's rescore job) gives the arrays score_update
 * stored, every row, frontier too; counts its progress to score_units;
 * stops on a cancel. */
static void compute_agrees(const ld_catalog *cat, ld_missing policy)
{
    int qc = col(cat, "quality"), vc = col(cat, "value_score"), kc = col(cat, "coverage"), fc = col(cat, "frontier");
    ld_progress pr;
    memset(&pr, 0, sizeof pr);
    ld_scores sc;
    assert_int_equal(score_compute(cat, policy, &sc, &pr), 0);
    assert_int_equal(atomic_load(&pr.done), score_units(cat));
    for (size_t r = 0; r < catalog_rows(cat); r++)
        if (!same_double(sc.quality[r], catalog_num(cat, r, (size_t)qc)) ||
            !same_double(sc.value[r], catalog_num(cat, r, (size_t)vc)) ||
            !same_double(sc.coverage[r], catalog_num(cat, r, (size_t)kc)) ||
            !same_double(sc.frontier[r], catalog_num(cat, r, (size_t)fc)))
            fail_msg("policy %d%s, row %zu: score_compute differs from score_update", (int)policy,
                     score_percentile_scale(cat) ? " (percentile)" : "", r);
    score_free(&sc);
    memset(&pr, 0, sizeof pr);
    atomic_store(&pr.cancel, 1);
    assert_int_equal(score_compute(cat, policy, &sc, &pr), LD_CANCELLED);
}

static void test_scores_on_both_cores(void **state)
{
    (void)state;
    enum { N = 131073 };
    ld_catalog *cat = catalog_new();
    catalog_add_column(cat, "model", LD_COL_TEXT, 0);
    int cost = catalog_add_column(cat, "relative_cost", LD_COL_NUMBER, 0);
    int m[3];
    const char *ids[3] = {"mmlu", "latency", "gsm8k"};
    const double w[3] = {2, 1, 0.5};
    for (int i = 0; i < 3; i++) {
        m[i] = catalog_add_column(cat, ids[i], LD_COL_NUMBER, 0);
        catalog_col(cat, (size_t)m[i])->weight = w[i];
    }
    catalog_col(cat, (size_t)m[1])->higher_is_better = 0;
    assert_int_equal(catalog_reserve(cat, N), 0);
    uint32_t seed = 99;
    for (size_t r = 0; r < N; r++) {
        assert_int_equal(catalog_add_row(cat), r);
        for (int i = -1; i < 3; i++) {
            seed = seed * 1664525u + 1013904223u;
            unsigned u = seed >> 8;
            double v = u % 9 == 0 ? NAN : (double)(u % 10007) / 97.0; /* a ninth missing */
            if (i < 0 && u % 13 == 0) v = -(double)(u % 5);             /* a cost of 0 or below */
            catalog_set_num(cat, r, (size_t)(i < 0 ? cost : m[i]), v);
        }
    }
    for (int pol = 0; pol < 2; pol++) {
        ld_missing policy = pol ? LD_MISSING_SKIP : LD_MISSING_ZERO;
        int vc = score_update(cat, policy);
        assert_true(vc >= 0);
        int qc = col(cat, "quality"), kc = col(cat, "coverage");
        for (size_t r = 0; r < N; r++) {
            if (r % 7 != 0 && (r < N / 2 - 100 || r > N / 2 + 100)) continue;
            double q = score_quality(cat, r, policy), v = score_value(cat, r, policy);
            if (!same_double(catalog_num(cat, r, (size_t)qc), q) || !same_double(catalog_num(cat, r, (size_t)vc), v))
                fail_msg("policy %d, row %zu: stored quality %.17g value %.17g, one-row %.17g %.17g", pol, r,
                         catalog_num(cat, r, (size_t)qc), catalog_num(cat, r, (size_t)vc), q, v);
            double k = 0;
            for (int i = 0; i < 3; i++) k += !isnan(catalog_num(cat, r, (size_t)m[i]));
            assert_true(catalog_num(cat, r, (size_t)kc) == k);
        }
        compute_agrees(cat, policy);
    }
    /* the percentile scale, column by column over whole columns: the same
     * figures as the one-row count (O(rows) a metric, so a sample of rows),
     * and score_compute's progress adds up to its units */
    assert_int_equal(score_set_percentile_scale(cat, 1), 0);
    for (int pol = 0; pol < 2; pol++) {
        ld_missing policy = pol ? LD_MISSING_SKIP : LD_MISSING_ZERO;
        int vc = score_update(cat, policy), qc = col(cat, "quality");
        assert_true(vc >= 0);
        for (size_t r = 0; r < N; r += 4099) {
            double q = score_quality(cat, r, policy);
            if (!same_double(catalog_num(cat, r, (size_t)qc), q))
                fail_msg("percentile, policy %d, row %zu: stored %.17g, one-row %.17g", pol, r,
                         catalog_num(cat, r, (size_t)qc), q);
        }
        compute_agrees(cat, policy);
    }
    catalog_free(cat);
}

/* A benchmark's dated windows of one weight (LiveCodeBench's: a row has
 * one) are one measure: under zero a row with none of them counts their
 * weight once, not once a window, in the column pass and the one-row
 * function alike; a row with no weighted metric has no quality. */
static void test_windows_one_measure(void **state)
{
    (void)state;
    ld_catalog *cat = hand("model,lcb a,lcb b,mmlu,relative_cost\n"
                           "A,50,,80,1\n"
                           "B,,,80,2\n"
                           "C,,,,1\n");
    for (size_t c = 1; c <= 3; c++) catalog_col(cat, c)->weight = 1;
    assert_int_equal(score_weighted_measures(cat), 2);
    /* zero: A (.5 + .8) / 2, B (0 + .8) / 2, C n/a; skip: A the same, B .8 */
    const double want[2][3] = {{0.65, 0.4, NAN}, {0.65, 0.8, NAN}};
    for (int skip = 0; skip <= 1; skip++) {
        ld_missing pol = skip ? LD_MISSING_SKIP : LD_MISSING_ZERO;
        assert_true(score_update(cat, pol) >= 0);
        int q = col(cat, "quality");
        for (size_t r = 0; r < 3; r++) {
            double one = score_quality(cat, r, pol), stored = catalog_num(cat, r, (size_t)q);
            if (isnan(want[skip][r])) {
                assert_true(isnan(one) && isnan(stored));
                continue;
            }
            assert_near(one, want[skip][r], 1e-12);
            assert_true(same_double(one, stored));
        }
    }
    catalog_free(cat);
}

static void test_pareto(void **state)
{
    (void)state;
    ld_catalog *cat = hand("model,mmlu,relative_cost\n"
                           "P0,80,1.0\n"  /* frontier */
                           "P1,60,0.5\n"  /* frontier */
                           "P2,50,0.6\n"  /* dominated by P1 */
                           "P3,80,1.2\n"  /* dominated by P0 (same quality, dearer) */
                           "P4,90,2\n"    /* frontier: the best quality */
                           "P5,60,0.5\n"  /* identical to P1: neither dominates */
                           "P6,99,\n"     /* no cost: never on it */
                           "P7,30,0.1\n"  /* frontier: the cheapest */
                           "P8,95,0\n"    /* zero cost: undefined, never on it */
                           "P9,,0.05\n"); /* nothing measured: no quality under either rule */
    ld_error err;
    error_clear(&err);
    assert_int_equal(score_parse_weights(cat, "mmlu=1", "--weights", &err), 0);
    unsigned char out[10];
    memset(out, 7, sizeof out);
    score_pareto(cat, LD_MISSING_SKIP, out);
    static const unsigned char want_skip[10] = {1, 1, 0, 0, 1, 1, 0, 1, 0, 0};
    for (int i = 0; i < 10; i++)
        if (out[i] != want_skip[i]) fail_msg("skip: P%d pareto=%d, expected %d", i, out[i], want_skip[i]);
    /* under zero too: P9 was once quality 0 at the lowest cost, on the
     * frontier from no measurement at all */
    memset(out, 7, sizeof out);
    score_pareto(cat, LD_MISSING_ZERO, out);
    static const unsigned char want_zero[10] = {1, 1, 0, 0, 1, 1, 0, 1, 0, 0};
    for (int i = 0; i < 10; i++)
        if (out[i] != want_zero[i]) fail_msg("zero: P%d pareto=%d, expected %d", i, out[i], want_zero[i]);
    catalog_free(cat);

    /* no cost column: nothing is on it */
    cat = hand("model,mmlu\nA,50\nB,60\n");
    score_parse_weights(cat, "mmlu=1", "--weights", &err);
    memset(out, 7, sizeof out);
    score_pareto(cat, LD_MISSING_ZERO, out);
    assert_int_equal(out[0], 0);
    assert_int_equal(out[1], 0);
    catalog_free(cat);
}

static void test_derived_columns(void **state)
{
    (void)state;
    ld_catalog *cat = hand("model,mmlu,relative_cost\nA,50,0.5\n");
    size_t before = catalog_cols(cat);
    int v = score_add_columns(cat);
    assert_true(v >= 0);
    assert_int_equal(catalog_cols(cat), before + 4); /* quality, value_score, coverage, frontier */
    const ld_column *vcol = catalog_col(cat, (size_t)v);
    assert_string_equal(vcol->id, "value_score");
    assert_true(vcol->flags & LD_COLF_DERIVED);
    assert_int_equal(vcol->type, LD_COL_NUMBER);
    assert_true(isnan(catalog_num(cat, 0, (size_t)v))); /* empty until scored */
    /* idempotent */
    assert_int_equal(score_add_columns(cat), v);
    assert_int_equal(score_update(cat, LD_MISSING_ZERO), v);
    assert_int_equal(catalog_cols(cat), before + 4);
    /* weights of 0 everywhere (a CSV brings no weights): undefined */
    assert_true(isnan(catalog_num(cat, 0, (size_t)v)));
    score_parse_weights(cat, "mmlu=1", "--weights", NULL);
    score_update(cat, LD_MISSING_ZERO);
    assert_near(catalog_num(cat, 0, (size_t)v), 1.0, 1e-12);
    int k = catalog_col_index(cat, "coverage");
    assert_true(k >= 0);
    assert_true(catalog_col(cat, (size_t)k)->flags & LD_COLF_DERIVED);
    assert_near(catalog_num(cat, 0, (size_t)k), 1.0, 0); /* 1 of the 1 weighted metric */
    /* rows added later are scored by the next update */
    size_t r = catalog_add_row(cat);
    catalog_set_cell(cat, r, 0, "B", 1);
    catalog_set_cell(cat, r, 1, "30", 2);
    catalog_set_cell(cat, r, 2, "0.3", 3);
    score_update(cat, LD_MISSING_ZERO);
    assert_near(catalog_num(cat, r, (size_t)v), 1.0, 1e-12);
    catalog_free(cat);
}

/* A weighted column nobody was measured on weighs nothing, as if the file
 * had no such column (an empty humaneval scored 0.433 where the same file
 * without it scored 0.650); on the percentile scale neither does one only
 * a single row has (it ranks nothing), for every row, under either rule. */
/* The percentile scale (score.h; the current catalogue's): each metric
 * counts as the row's place among the rows measured on it, so a row with
 * one benchmark where every row scores high no longer outranks a row the
 * arena ranks first.  By hand, (below + ties/2) / measured: arena A 80,
 * B 60, D 70 -> 5/6, 1/6, 1/2; AIME A 88, B 90, C 85, E 95 -> 3/8, 5/8,
 * 1/8, 7/8 (weights 3 and 1). */
static void test_percentile_scale(void **state)
{
    (void)state;
    ld_catalog *cat = catalog_new();
    catalog_add_column(cat, "model", LD_COL_TEXT, 0);
    int cost = catalog_add_column(cat, "relative_cost", LD_COL_NUMBER, 0);
    int ar = catalog_add_column(cat, "arena_win", LD_COL_NUMBER, 0);
    int ai = catalog_add_column(cat, "aime25", LD_COL_NUMBER, 0);
    catalog_col(cat, (size_t)ar)->weight = 3;
    catalog_col(cat, (size_t)ai)->weight = 1;
    const double arena[5] = {80, 60, NAN, 70, NAN}, aime[5] = {88, 90, 85, NAN, 95};
    for (size_t r = 0; r < 5; r++) {
        assert_int_equal(catalog_add_row(cat), r);
        catalog_set_num(cat, r, (size_t)cost, 0.5);
        catalog_set_num(cat, r, (size_t)ar, arena[r]);
        catalog_set_num(cat, r, (size_t)ai, aime[r]);
    }
    /* raw (the article's formula): C's lone 85 beats A's arena lead */
    int vc = score_update(cat, LD_MISSING_SKIP);
    int qc = col(cat, "quality"), kc = col(cat, "coverage");
    assert_false(score_percentile_scale(cat));
    assert_near(catalog_num(cat, 0, (size_t)qc), (3 * 0.80 + 0.88) / 4, 1e-12);
    assert_near(catalog_num(cat, 2, (size_t)qc), 0.85, 1e-12);
    assert_int_equal(score_set_percentile_scale(cat, 1), 0);
    assert_true(score_percentile_scale(cat));
    assert_true(score_update(cat, LD_MISSING_SKIP) == vc);
    const double want[5] = {(3 * 5.0 / 6 + 3.0 / 8) / 4, (3 * 1.0 / 6 + 5.0 / 8) / 4, 1.0 / 8, 0.5, 7.0 / 8};
    const double cover[5] = {2, 2, 1, 1, 1};
    for (size_t r = 0; r < 5; r++) {
        assert_near(catalog_num(cat, r, (size_t)qc), want[r], 1e-12);
        assert_near(catalog_num(cat, r, (size_t)vc), want[r] / 0.5, 1e-12);
        assert_near(catalog_num(cat, r, (size_t)kc), cover[r], 0);
        /* the one-row function (the detail panel's count) gives the same */
        assert_true(same_double(score_quality(cat, r, LD_MISSING_SKIP), catalog_num(cat, r, (size_t)qc)));
    }
    assert_true(catalog_num(cat, 0, (size_t)qc) > catalog_num(cat, 2, (size_t)qc));
    /* a missing metric counting as 0, below the worst place: D (3 x .5 + 0)
     * / 4, C (0 + 1/8) / 4 */
    score_update(cat, LD_MISSING_ZERO);
    assert_near(catalog_num(cat, 3, (size_t)qc), 1.5 / 4, 1e-12);
    assert_near(catalog_num(cat, 2, (size_t)qc), 1.0 / 32, 1e-12);
    assert_true(same_double(score_quality(cat, 3, LD_MISSING_ZERO), catalog_num(cat, 3, (size_t)qc)));
    /* the TUI's job computes the same arrays, frontier included */
    ld_scores sc;
    assert_int_equal(score_compute(cat, LD_MISSING_ZERO, &sc, NULL), 0);
    int fc = col(cat, "frontier");
    for (size_t r = 0; r < 5; r++) {
        assert_true(same_double(sc.quality[r], catalog_num(cat, r, (size_t)qc)));
        assert_true(same_double(sc.frontier[r], catalog_num(cat, r, (size_t)fc)));
    }
    score_free(&sc);
    /* and back: the raw scale gives the article's figures again */
    assert_int_equal(score_set_percentile_scale(cat, 0), 0);
    score_update(cat, LD_MISSING_SKIP);
    assert_near(catalog_num(cat, 2, (size_t)qc), 0.85, 1e-12);
    catalog_free(cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_parity_zero),
        cmocka_unit_test(test_seed_policy_skip),
        cmocka_unit_test(test_cost_undefined),
        cmocka_unit_test(test_quality_weights_and_policies),
        cmocka_unit_test(test_parse_weights),
        cmocka_unit_test(test_parse_weights_trailing_comma),
        cmocka_unit_test(test_parse_weights_all_or_nothing),
        cmocka_unit_test(test_weight_changes_ranking),
        cmocka_unit_test(test_weight_changes_ranking_embedded),
        cmocka_unit_test(test_many_weighted_metrics),
        cmocka_unit_test(test_scores_on_both_cores),
        cmocka_unit_test(test_percentile_scale),
        cmocka_unit_test(test_windows_one_measure),
        cmocka_unit_test(test_pareto),
        cmocka_unit_test(test_derived_columns),
    };
    if (getenv("LD_TEST_FILTER")) cmocka_set_test_filter(getenv("LD_TEST_FILTER"));
    return cmocka_run_group_tests(tests, setup, teardown);
}
