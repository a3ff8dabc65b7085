/* test_cost_answers.c - the answers article mode and a mixture of experts
 * must qualify: article mode's advice with the replicas counted, a
 * break-even one replica never serves, a MoE's answer at half its decode
 * rate. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "testutil.h"

#include "llmdeck/cost.h"
#include "llmdeck/report_cost.h"

#include "cost_fixture.h"

/* Article mode keeps the article's advice (pinned), and beyond one
 * replica's capacity also says what the answer is with the replicas
 * counted: the same replicas and cost as capacity mode computes. */
static void test_article_advice_at_capacity(void **state)
{
    (void)state;
    ld_cost_input in = seed(1500);
    in.replica_tokens_per_s = 50;
    in.tokens_per_month = 1e9;
    ld_cost c, counted;
    ld_error err;
    assert_int_equal(cost_compute(&in, &c, &err), 0);
    assert_int_equal(c.advice, LD_ADVICE_SELFHOST); /* the article's $1,500 < $2,000 */
    assert_int_equal(c.replicas, 1);
    assert_true(c.at_capacity_known);
    ld_cost_input cap = in;
    cap.mode = LD_COST_CAPACITY;
    assert_int_equal(cost_compute(&cap, &counted, &err), 0);
    assert_int_equal(c.replicas_at_capacity, counted.replicas);
    assert_int_equal(c.replicas_at_capacity, 16);
    assert_near(c.selfhost_at_capacity_usd, counted.selfhost_monthly_usd, 0);
    assert_int_equal(c.advice_at_capacity, counted.advice);
    assert_int_equal(c.advice_at_capacity, LD_ADVICE_API);
    char buf[4096];
    FILE *f = fmemopen(buf, sizeof buf, "w");
    assert_non_null(f);
    report_cost_write(f, &in, &c, NULL, LD_FMT_TEXT);
    fclose(f);
    assert_non_null(strstr(buf, "Advice          selfhost (the 2023 article's rule; with the replicas counted, 16 at "
                                "$24,000/month: api)"));
    /* one replica serves it (50 tok/s × 50% × 730 h = 65.7M): nothing added */
    in.tokens_per_month = 60e6;
    assert_int_equal(cost_compute(&in, &c, &err), 0);
    assert_false(c.at_capacity_known);
    /* no rate (--selfhost-monthly): nothing to count with */
    in = seed(1500);
    in.replica_tokens_per_s = NAN; /* as --selfhost-monthly sets it */
    in.tokens_per_month = 1e9;
    assert_int_equal(cost_compute(&in, &c, &err), 0);
    assert_false(c.at_capacity_known);
}

/* Article mode's break-even against the one replica it prices: the seed's
 * 7B preset (50 tokens/s, 65.7M tokens a month at 50%) "breaks even" at
 * 750M, which it never serves; a fast replica's break-even stands. */
static void test_article_break_even_beyond_replica(void **state)
{
    (void)state;
    ld_cost_input in = seed(1500);
    in.replica_tokens_per_s = 50;
    in.tokens_per_month = 50e6; /* the volume itself fits one replica */
    ld_cost c;
    ld_error err;
    assert_int_equal(cost_compute(&in, &c, &err), 0);
    assert_near(c.break_even_tokens, 750e6, 1e-3); /* the article's figure stays */
    assert_true(c.break_even_beyond_replica);
    assert_true(isnan(c.break_even_counted_tokens)); /* $1,500 / 65.7M = $0.0228 per 1K > $0.002 */
    int said = 0;
    for (size_t i = 0; i < c.nwarnings; i++)
        said |= strstr(c.warnings[i], "the break-even, 750M tokens/month, is more than the one replica priced serves "
                                      "at 50% utilization (65.7M)") != NULL &&
                strstr(c.warnings[i], "self-hosting is never cheaper") != NULL;
    assert_true(said);
    /* a replica of 2,000 tokens/s serves 2.63B a month at 50%: the 750M stands */
    in.replica_tokens_per_s = 2000;
    assert_int_equal(cost_compute(&in, &c, &err), 0);
    assert_false(c.break_even_beyond_replica);
    assert_int_equal((int)c.nwarnings, 0);
    /* without ops a break-even past one full replica means a full replica
     * costs more per token than the API: never, counted.  With $1,000 of
     * ops at 600 tokens/s (788.4M a month), (1,500 + 1,000) / $0.002 per
     * 1K = 1.25B is past it; counted, each full replica saves $76.80, so
     * 14 pay for the ops: (14 × 1,500 + 1,000) / $0.002 per 1K = 11B */
    in.replica_tokens_per_s = 600;
    in.ops_monthly_usd = 1000;
    assert_int_equal(cost_compute(&in, &c, &err), 0);
    assert_near(c.break_even_tokens, 1.25e9, 1e-3);
    assert_true(c.break_even_beyond_replica);
    assert_near(c.break_even_counted_tokens, 11e9, 1e-3);
    /* capacity mode counts the replicas itself: nothing said */
    in.mode = LD_COST_CAPACITY;
    assert_int_equal(cost_compute(&in, &c, &err), 0);
    assert_false(c.break_even_beyond_replica);
}

/* A mixture of experts over several GPUs: its rate is a bandwidth ceiling
 * (measured 2-20x lower), so the answer at half the decode rate is given
 * beside it, in the advice when it differs. 800 tokens/s at 50% serve
 * 1.05B a month: 1B on one $1,500 replica beats the API's $2,000; at 400,
 * two replicas, $3,000: the API. */
static void test_moe_answer_at_half_rate(void **state)
{
    (void)state;
    ld_cost_input in = seed(1500);
    in.mode = LD_COST_CAPACITY;
    in.replica_tokens_per_s = 800;
    in.tokens_per_month = 1e9;
    ld_cost c;
    ld_error err;
    assert_int_equal(cost_compute(&in, &c, &err), 0);
    assert_false(c.at_half_known); /* a dense model, or one GPU: nothing added */
    in.moe_multi_gpu = 1;
    assert_int_equal(cost_compute(&in, &c, &err), 0);
    assert_int_equal(c.advice, LD_ADVICE_SELFHOST);
    assert_true(c.at_half_known);
    assert_int_equal(c.advice_at_half, LD_ADVICE_API);
    assert_int_equal(c.replicas_at_half, 2);
    assert_near(c.selfhost_at_half_usd, 3000, 1e-9);
    char buf[8192];
    FILE *f = fmemopen(buf, sizeof buf, "w");
    assert_non_null(f);
    report_cost_write(f, &in, &c, NULL, LD_FMT_TEXT);
    fclose(f);
    assert_non_null(strstr(buf, "Advice          selfhost (at the throughput ceiling; at half the decode rate, 2 "
                                "replicas at $3,000/month: api)"));
    assert_non_null(strstr(buf, "at half the decode rate (400 tokens/s) 2 replicas, $3,000/month, advice api"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_article_advice_at_capacity),
        cmocka_unit_test(test_article_break_even_beyond_replica),
        cmocka_unit_test(test_moe_answer_at_half_rate),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
