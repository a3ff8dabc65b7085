/* test_cost.c - API vs self-host cost, capacity, break-even, advice. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "testutil.h"

#include "llmdeck/cost.h"
#include "llmdeck/report_cost.h"
#include "llmdeck/embed.h"
#include "llmdeck/hosting.h"
#include "llmdeck/csvload.h"
#include "llmdeck/report.h"
#include "llmdeck/units.h"

#include "cost_fixture.h"

static void test_seed_break_even(void **state)
{
    (void)state;
    double v;
    ld_cost_input in = seed(1500);
    assert_int_equal(cost_break_even(&in, &v), 0);
    assert_near(v, 750e6, 1e-3);
    in = seed(2500);
    assert_int_equal(cost_break_even(&in, &v), 0);
    assert_near(v, 1.25e9, 1e-3);
    /* At the break-even volume both cost the same. */
    assert_near(cost_api_monthly(&in, v), cost_selfhost_monthly(&in, v), 1e-6);
    ld_cost c;
    ld_error err;
    in = seed(1500);
    assert_int_equal(cost_compute(&in, &c, &err), 0);
    assert_false(c.break_even_never);
    assert_near(c.break_even_tokens, 750e6, 1e-3);
    assert_non_null(strstr(c.basis, "750M tokens/month"));
}

static void test_api_monthly(void **state)
{
    (void)state;
    ld_cost_input in = seed(1500);
    assert_near(cost_api_monthly(&in, 1e9), 2000, 1e-9); /* 1B × $0.002/1K */
    /* gpt-4o: $0.0025 in, $0.01 out per 1K; 75% input. */
    in.api_in_per_1k = 0.0025;
    in.api_out_per_1k = 0.01;
    assert_near(cost_api_price_per_1k(&in), 0.75 * 0.0025 + 0.25 * 0.01, 1e-15);
    assert_near(cost_api_monthly(&in, 1e6), 750 * 0.0025 + 250 * 0.01, 1e-12);
    in.input_share = 1;
    assert_near(cost_api_monthly(&in, 1e6), 2.5, 1e-12); /* $2.50 per 1M input */
    /* One price only: it is used for both. */
    in.input_share = 0.3;
    in.api_out_per_1k = 0;
    assert_near(cost_api_price_per_1k(&in), 0.0025, 1e-15);
}

static void test_seed_mode_one_replica(void **state)
{
    (void)state;
    ld_cost_input in = seed(1500);
    assert_int_equal(cost_replicas(&in, 1e12), 1);
    assert_near(cost_selfhost_monthly(&in, 1e12), 1500, 0);
    in.ops_monthly_usd = 500;
    assert_near(cost_selfhost_monthly(&in, 0), 2000, 0);
    double v;
    assert_int_equal(cost_break_even(&in, &v), 0);
    assert_near(v, 1e9, 1e-3); /* (1500 + 500) / 0.002 × 1000 */
}

static void test_capacity_7b_preset(void **state)
{
    (void)state;
    ld_cost_input in = seed(1500);
    in.mode = LD_COST_CAPACITY;
    in.replica_tokens_per_s = 50;
    in.utilization = 1.0;
    /* 1e9 / (50 × 3600 × 730) = 7.6 -> 8 replicas at full utilisation */
    assert_int_equal(cost_replicas(&in, 1e9), 8);
    in.utilization = 0.5; /* the default */
    long r = cost_replicas(&in, 1e9);
    assert_true(r >= 8);
    assert_int_equal(r, 16);
    double v;
    assert_int_equal(cost_break_even(&in, &v), 1); /* never */
    in.utilization = 1.0;
    assert_int_equal(cost_break_even(&in, &v), 1); /* not even flat out */
    ld_cost c;
    ld_error err;
    in.utilization = 0.5;
    in.tokens_per_month = 1e9;
    assert_int_equal(cost_compute(&in, &c, &err), 0);
    assert_true(c.break_even_never);
    assert_true(isnan(c.break_even_tokens));
    assert_int_equal(c.replicas, 16);
    assert_near(c.selfhost_monthly_usd, 16 * 1500, 0);
    assert_int_equal(c.advice, LD_ADVICE_API);
    assert_non_null(strstr(c.basis, "never"));
    /* Exactly k full replicas need k, not k + 1. */
    double cap = 50 * 3600.0 * 730 * 0.5;
    assert_int_equal(cost_replicas(&in, 2 * cap), 2);
    assert_int_equal(cost_replicas(&in, 2 * cap + 1), 3);
    assert_int_equal(cost_replicas(&in, 0), 1);
}

/* Checks v is the smallest volume where self-hosting is no dearer. */
static void check_break_even(const ld_cost_input *in, double v)
{
    assert_true(cost_selfhost_monthly(in, v) <= cost_api_monthly(in, v) * (1 + 1e-9));
    for (double f = 0.999999; f > 1e-7; f /= 1.37) {
        double w = v * f;
        assert_true(cost_selfhost_monthly(in, w) > cost_api_monthly(in, w));
    }
}

static void test_capacity_step_break_even(void **state)
{
    (void)state;
    ld_cost_input in = seed(1000);
    in.mode = LD_COST_CAPACITY;
    in.replica_tokens_per_s = 1000;
    in.utilization = 1.0;
    double v;
    assert_int_equal(cost_break_even(&in, &v), 0);
    assert_near(v, 500e6, 1e-3); /* on the first step: 1000 / 0.002 × 1000 */
    check_break_even(&in, v);
    /* A fixed ops cost pushes it to the second step: 1 replica never pays. */
    in.ops_monthly_usd = 5000;
    assert_int_equal(cost_break_even(&in, &v), 0);
    assert_int_equal(cost_replicas(&in, v), 2);
    assert_near(v, (2 * 1000 + 5000) / 0.002 * 1000, 1e-3);
    check_break_even(&in, v);
}

static void test_advice_and_bands(void **state)
{
    (void)state;
    ld_cost_input in = seed(1500);
    ld_cost c;
    ld_error err;
    in.tokens_per_month = 100e6; /* API $200 vs $1,500 */
    assert_int_equal(cost_compute(&in, &c, &err), 0);
    assert_string_equal(cost_advice_name(c.advice), "api");
    assert_string_equal(c.band, in.band_api_text);
    in.tokens_per_month = 2e9; /* API $4,000 vs $1,500 */
    assert_int_equal(cost_compute(&in, &c, &err), 0);
    assert_string_equal(cost_advice_name(c.advice), "selfhost");
    assert_near(c.difference_usd, -2500, 1e-9);
    assert_string_equal(c.band, in.band_selfhost_text);
    in.tokens_per_month = 800e6; /* API $1,600 vs $1,500: within 10% */
    assert_int_equal(cost_compute(&in, &c, &err), 0);
    assert_string_equal(cost_advice_name(c.advice), "close");
    assert_string_equal(c.band, in.band_between_text);
    in.tokens_per_month = 850e6; /* $1,700 vs $1,500: 11.8% apart */
    assert_int_equal(cost_compute(&in, &c, &err), 0);
    assert_string_equal(cost_advice_name(c.advice), "selfhost");
}

static void test_validation(void **state)
{
    (void)state;
    ld_cost_input in = seed(1500);
    ld_cost c;
    ld_error err;
    in.api_in_per_1k = 0;
    assert_int_equal(cost_compute(&in, &c, &err), -1);
    assert_string_equal(err.file, "api-price");
    in = seed(-1);
    assert_int_equal(cost_compute(&in, &c, &err), -1);
    assert_string_equal(err.file, "selfhost-monthly");
    in = seed(1500);
    in.tokens_per_month = -5;
    assert_int_equal(cost_compute(&in, &c, &err), -1);
    assert_string_equal(err.file, "tokens");
    in = seed(1500);
    in.input_share = 1.5;
    assert_int_equal(cost_compute(&in, &c, &err), -1);
    in = seed(1500);
    in.mode = LD_COST_CAPACITY;
    in.replica_tokens_per_s = 0;
    assert_int_equal(cost_compute(&in, &c, &err), -1);
    assert_string_equal(err.file, "throughput");
}

static void test_sweep(void **state)
{
    (void)state;
    ld_cost_input in = seed(1500);
    ld_cost_point pts[64];
    size_t n = cost_sweep(&in, 1e6, 100e9, 3, pts, 64);
    assert_int_equal(n, 16); /* 1M 2M 5M ... 50B 100B */
    assert_near(pts[0].tokens, 1e6, 1e-3);
    assert_near(pts[1].tokens, 2e6, 1e-3);
    assert_near(pts[2].tokens, 5e6, 1e-3);
    assert_near(pts[n - 1].tokens, 100e9, 1);
    for (size_t i = 0; i < n; i++) {
        assert_near(pts[i].api_usd, cost_api_monthly(&in, pts[i].tokens), 1e-9);
        if (i) assert_true(pts[i].api_usd > pts[i - 1].api_usd);
    }
    n = cost_sweep(&in, 1e6, 100e9, 10, pts, 64);
    assert_int_equal(n, 51);
    assert_int_equal(cost_sweep(&in, 1e6, 100e9, 10, pts, 5), 5);
    assert_int_equal(cost_sweep(&in, 0, 1e9, 3, pts, 64), 0);
}

static void test_defaults_from_hosting_json(void **state)
{
    (void)state;
    size_t len;
    const char *text = embed_find("data/hosting.json", &len);
    assert_non_null(text);
    ld_hosting h;
    ld_error err;
    hosting_init(&h);
    assert_int_equal(hosting_parse(&h, text, len, "data/hosting.json", &err), 0);
    ld_cost_input in;
    cost_defaults(&in);
    cost_apply_hosting(&in, &h);
    assert_near(in.hours_per_month, 730, 0);
    assert_near(in.input_share, 0.75, 0);
    assert_near(in.band_api_below, 500e6, 0);
    assert_near(in.band_selfhost_above, 1e9, 0);
    const ld_preset *p = hosting_preset_find(&h, "13B");
    const ld_api_offer *o = hosting_offer_find(&h, "seed-gpt-3.5-turbo");
    in.replica_monthly_usd = p->monthly_usd;
    in.api_in_per_1k = o->input_per_1k;
    in.api_out_per_1k = o->output_per_1k;
    double v;
    assert_int_equal(cost_break_even(&in, &v), 0);
    assert_near(v, 1.25e9, 1e-3);
    hosting_free(&h);
}

static void test_from_sizing(void **state)
{
    (void)state;
    size_t len;
    const char *text = embed_find("data/gpus.csv", &len);
    ld_gpu_list l;
    ld_error err;
    assert_int_equal(hosting_gpus_parse(&l, text, len, "data/gpus.csv", &err), 0);
    ld_sizing_input si;
    memset(&si, 0, sizeof si);
    si.arch = (ld_model_arch){6.738, 0, 32, 32, 128, 4096, 32};
    si.gpu = hosting_gpu_find(&l, "A10");
    ld_sizing s;
    assert_int_equal(sizing_compute(&si, &s, &err), 0);
    ld_cost_input in = seed(1);
    assert_int_equal(cost_from_sizing(&in, &s, &err), 0);
    assert_near(in.replica_monthly_usd, s.gpus * si.gpu->hourly_usd * 730, 1e-9);
    assert_near(in.replica_tokens_per_s, s.throughput_tokens_per_s, 0);
    si.gpu = hosting_gpu_find(&l, "MI325X"); /* no dated price */
    assert_int_equal(sizing_compute(&si, &s, &err), 0);
    assert_int_equal(cost_from_sizing(&in, &s, &err), -1);
    assert_string_equal(err.file, "gpu");
    si.arch.params_b = 900;
    si.gpu = hosting_gpu_find(&l, "A10"); /* does not fit */
    assert_int_equal(sizing_compute(&si, &s, &err), 0);
    assert_int_equal(cost_from_sizing(&in, &s, &err), -1);
    hosting_gpus_free(&l);
}

/* The workload against the price sheet: cached input at the cache-read
 * price, a batch share at batch prices; a price the sheet lacks counts as
 * the plain one. */
static void test_cached_and_batch_shares(void **state)
{
    (void)state;
    ld_cost_input in;
    cost_defaults(&in);
    in.input_share = 0.75;
    in.api_in_per_1k = 0.00015; /* gpt-4o-mini: $0.15 in, $0.60 out, $0.075 cached per 1M */
    in.api_out_per_1k = 0.0006;
    in.api_cached_per_1k = 0.000075;
    in.cached_share = 0.5;
    double want = 0.75 * (0.5 * 0.00015 + 0.5 * 0.000075) + 0.25 * 0.0006;
    assert_near(cost_api_price_per_1k(&in), want, 1e-15);
    in.api_cached_per_1k = NAN; /* no cache-read price listed: the input price */
    assert_near(cost_api_price_per_1k(&in), 0.75 * 0.00015 + 0.25 * 0.0006, 1e-15);
    in.cached_share = 0;
    in.batch_share = 0.4;
    in.api_batch_in_per_1k = 0.000075;
    in.api_batch_out_per_1k = 0.0003;
    want = 0.6 * (0.75 * 0.00015 + 0.25 * 0.0006) + 0.4 * (0.75 * 0.000075 + 0.25 * 0.0003);
    assert_near(cost_api_price_per_1k(&in), want, 1e-15);
}

/* Energy: board power × PUE × hours × price, per replica, in the
 * self-hosting cost; the utilization at which self-hosting breaks even. */
static void test_energy_and_break_even_utilization(void **state)
{
    (void)state;
    ld_cost_input in;
    cost_defaults(&in);
    in.mode = LD_COST_CAPACITY;
    in.tokens_per_month = 20e9;
    in.replica_monthly_usd = 3131.7; /* one H100 at $4.29 × 730 h */
    in.replica_tokens_per_s = 2000;
    in.replica_power_w = 700;
    in.energy_usd_per_kwh = 0.15;
    in.pue = 1.3;
    ld_cost c;
    ld_error err;
    assert_int_equal(cost_compute(&in, &c, &err), 0);
    double energy1 = 0.7 * 1.3 * 730 * 0.15;
    assert_near(cost_replica_monthly(&in), 3131.7 + energy1, 1e-9);
    assert_near(c.energy_monthly_usd, c.replicas * energy1, 1e-9);
    assert_near(c.selfhost_monthly_usd, c.replicas * (3131.7 + energy1), 1e-6);
    /* the lowest utilization (in whole percent) at which self-hosting is no dearer */
    double u = c.break_even_utilization;
    assert_true(u > 0 && u <= 1);
    ld_cost_input at = in;
    at.utilization = u;
    assert_true(cost_selfhost_monthly(&at, in.tokens_per_month) <= c.api_monthly_usd);
    at.utilization = u - 0.01;
    assert_true(cost_selfhost_monthly(&at, in.tokens_per_month) > c.api_monthly_usd);
    /* the sensitivity line: break-even volume at 30, 50 and 80% */
    for (int k = 0; k < 3; k++) {
        at.utilization = (double[]){0.3, 0.5, 0.8}[k];
        double be;
        if (cost_break_even(&at, &be) == 0) assert_near(c.break_even_at[k], be, 0);
        else assert_true(isnan(c.break_even_at[k]));
    }
}

/* capacity with a prefill rate: input tokens at the prefill rate, output at
 * the decode rate; without one, every token at the decode rate (the
 * article's presets keep their figures) */
static void test_capacity_with_prefill(void **state)
{
    (void)state;
    ld_cost_input in;
    cost_defaults(&in);
    in.mode = LD_COST_CAPACITY;
    in.replica_tokens_per_s = 100;
    in.utilization = 0.5;
    in.input_share = 0.75;
    double secs = 3600.0 * 730 * 0.5;
    assert_true(fabs(cost_replica_capacity(&in) - secs * 100) < 1e-3); /* no prefill rate */
    in.replica_prefill_tokens_per_s = 5000;
    double want = secs / (0.75 / 5000 + 0.25 / 100);
    assert_true(fabs(cost_replica_capacity(&in) - want) < 1e-3);
    /* the replicas follow it: 1B tokens at ~7.4M tokens/s·month per replica */
    assert_int_equal(cost_replicas(&in, 1e9), (long)ceil(1e9 / want));
    ld_cost c;
    ld_error err;
    assert_int_equal(cost_compute(&in, &c, &err), 0);
    assert_non_null(strstr(c.basis, "prefill"));
    /* the capacity in words names both rates, so it checks by hand (the
     * wizard's answer says the same line) */
    char cap[400], want_text[200];
    in.tokens_per_month = 1e9;
    assert_int_equal(cost_compute(&in, &c, &err), 0);
    cost_capacity_basis(&in, &c, cap, sizeof cap);
    snprintf(want_text, sizeof want_text, "(75%% input / 5,000 prefill tokens/s + 25%% output / 100 decode tokens/s)");
    assert_non_null(strstr(cap, want_text));
    assert_non_null(strstr(cap, "replicas = ceil(1B / "));
    assert_non_null(strstr(c.basis, cap)); /* the basis carries that very line */
    /* article mode past one replica: the warning names the input rate too */
    in.mode = LD_COST_SEED;
    assert_int_equal(cost_compute(&in, &c, &err), 0);
    assert_true(c.nwarnings >= 1);
    assert_non_null(strstr(c.warnings[0], "at 100 tokens/s out, 5,000/s in, and 50% utilization"));
}

/* the step function: the first break-even may hold inside one step only;
 * "for good" is where every larger volume is no dearer, checked by walking
 * the volumes */
static void test_break_even_for_good(void **state)
{
    (void)state;
    ld_cost_input in;
    cost_defaults(&in);
    in.mode = LD_COST_CAPACITY;
    in.replica_tokens_per_s = 1000;
    in.utilization = 0.5;
    in.replica_monthly_usd = 3000;
    in.api_in_per_1k = in.api_out_per_1k = 0.00235; /* a replica saves little against it */
    double first, good;
    assert_int_equal(cost_break_even(&in, &first), 0);
    assert_int_equal(cost_break_even_for_good(&in, &good), 0);
    assert_true(good > first);
    /* above `good`, self-hosting is never dearer; just below it, it is */
    for (double v = good; v < good * 4; v += good / 997)
        assert_true(cost_selfhost_monthly(&in, v) <= cost_api_monthly(&in, v) * (1 + 1e-9));
    double cap = cost_replica_capacity(&in);
    int dearer_below = 0;
    for (double v = first; v < good; v += cap / 7)
        dearer_below |= cost_selfhost_monthly(&in, v) > cost_api_monthly(&in, v);
    assert_true(dearer_below);
    ld_cost c;
    ld_error err;
    in.tokens_per_month = first;
    assert_int_equal(cost_compute(&in, &c, &err), 0);
    assert_true(c.break_even_for_good_tokens == good);
    assert_true(fabs(c.break_even_first_until - cap) < 1);
    /* every cheaper stretch below `good` is named: walk the volumes in
     * steps of a thousandth of a replica and count the stretches (the
     * first, the ones between, and the one that lasts) */
    long stretches = 0;
    int was_cheaper = 0;
    double between_from = NAN, between_until = NAN;
    for (double v = first * 0.5; v < good * 1.01; v += cap / 1000) {
        int cheaper = cost_selfhost_monthly(&in, v) <= cost_api_monthly(&in, v);
        if (cheaper && !was_cheaper && ++stretches == 2) between_from = v;
        if (!cheaper && was_cheaper && stretches >= 2) between_until = v - cap / 1000;
        was_cheaper = cheaper;
    }
    assert_true(stretches >= 3); /* this price leaves stretches between */
    assert_int_equal(c.break_even_between, stretches - 2);
    assert_true(fabs(c.break_even_between_from - between_from) <= cap / 1000);
    assert_true(fabs(c.break_even_between_until - between_until) <= cap / 1000);
    char buf[512], want[160];
    report_cost_break_even(&c, buf, sizeof buf);
    assert_non_null(strstr(buf, "cheaper for good from"));
    /* each edge rounded into its stretch: the start up, the end down
     * (2.5532B to 44.676B; for good from 44.6809B, which 44.68B would
     * read as no gap) */
    snprintf(want, sizeof want, "again in %ld stretches from 2.554B to 44.67B (the top of each replica's step); "
             "cheaper for good from 44.69B", c.break_even_between);
    if (!strstr(buf, want)) fail_msg("no \"%s\" in \"%s\"", want, buf);
    assert_true(c.break_even_between_from > 2.553e9 && c.break_even_between_from <= 2.554e9);
    /* the first of them ends at 2 full replicas, the last starts at 34 x $3,000 / price */
    assert_near(c.break_even_between_first_end, 2 * cap, 1);
    assert_near(c.break_even_between_last_start, 34 * 3000 / 0.00235 * 1000, 1);
    assert_true(c.break_even_between_until >= 44.67e9 && c.break_even_between_until < 44.68e9);
    assert_true(c.break_even_for_good_tokens > 44.68e9 && c.break_even_for_good_tokens <= 44.69e9);
    assert_non_null(strstr(c.basis, "\ncheaper again at the top of each of the next"));
    /* a price where the second step is the only one between */
    in.api_in_per_1k = in.api_out_per_1k = 0.0032;
    assert_int_equal(cost_break_even_for_good(&in, &good), 0);
    assert_int_equal(cost_break_even(&in, &first), 0);
    in.tokens_per_month = first;
    assert_int_equal(cost_compute(&in, &c, &err), 0);
    assert_int_equal(c.break_even_between, 1);
    assert_true(fabs(c.break_even_between_from - 2 * 3000 / 0.0032 * 1000) < 1);
    assert_true(fabs(c.break_even_between_until - 2 * cap) < 1);
    report_cost_break_even(&c, buf, sizeof buf);
    /* 1.875B to 2.628B, then for good from 2.8125B: "2.813B", as at
     * 2.812B self-hosting ($9,000) is still dearer than the API ($8,998.40) */
    snprintf(want, sizeof want, "937.5M tokens/month, but only up to 1.314B; again from 1.875B to 2.628B; cheaper for "
             "good from 2.813B");
    if (!strstr(buf, want)) fail_msg("no \"%s\" in \"%s\"", want, buf);
    assert_true(cost_selfhost_monthly(&in, 2.812e9) > cost_api_monthly(&in, 2.812e9));
    assert_true(cost_selfhost_monthly(&in, 2.813e9) <= cost_api_monthly(&in, 2.813e9));
    /* a stretch whose edges meet at four figures gets more: 1.31395B to 1.314B */
    in.api_in_per_1k = in.api_out_per_1k = 0.0022832;
    in.tokens_per_month = 1e9;
    assert_int_equal(cost_compute(&in, &c, &err), 0);
    report_cost_break_even(&c, buf, sizeof buf);
    if (strncmp(buf, "1.31395B tokens/month, but only up to 1.314B;", 45) != 0) fail_msg("\"%s\"", buf);
}

/* Self-hosting over several set-ups, each volume on its cheapest: the
 * break-even, the stretches and "for good" are those of the lower
 * envelope, checked by walking the volumes (ops and none; a set-up that
 * never pays; an option list where one set-up's gaps are another's
 * stretches). */
static void test_break_even_over_options(void **state)
{
    (void)state;
    const ld_selfhost_option o[3] = {
        {357.70, 201.8e6, "1 × S"},  /* cheap, small: pays at 178.85M, stretches after */
        {795.70, 1.2e9, "1 × M"},    /* pays from 397.85M */
        {9000.0, 1.0e9, "1 × X"},    /* never: $9,000 for 1B at $2 per 1M */
    };
    for (int with_ops = 0; with_ops <= 1; with_ops++) {
        ld_cost_input in;
        cost_defaults(&in);
        in.mode = LD_COST_CAPACITY;
        in.api_in_per_1k = in.api_out_per_1k = 0.002;
        in.ops_monthly_usd = with_ops ? 100 : 0;
        ld_cost c;
        memset(&c, 0, sizeof c);
        cost_break_even_over(&in, o, 3, "1 × M", &c);
        assert_true(c.break_even_over && !c.break_even_never);
        /* walk: the cheaper volumes below 4x "for good", in 0.05M steps */
        double step = 0.05e6, first = NAN, last_dearer = 0;
        for (double v = step; v < 4 * c.break_even_for_good_tokens; v += step) {
            int cheaper = cost_selfhost_over(&in, o, 3, v) <= v / 1000 * 0.002;
            if (cheaper && isnan(first)) first = v;
            if (!cheaper) last_dearer = v;
        }
        assert_true(fabs(c.break_even_tokens - first) <= step * 1.01);
        assert_true(fabs(c.break_even_for_good_tokens - last_dearer) <= step * 1.01); /* cheaper for good just after */
        if (isfinite(c.break_even_first_until)) /* the first stretch ends: dearer just after it */
            assert_true(cost_selfhost_over(&in, o, 3, c.break_even_first_until * 1.0001) >
                        c.break_even_first_until * 1.0001 / 1000 * 0.002);
        /* without ops the first stretch is S's, not this volume's M (named);
         * with $100 of ops S pays only from its third replica, M first */
        assert_string_equal(c.earliest_setup, with_ops ? "" : "1 × S");
        assert_non_null(strstr(c.basis, "break-even over the 3 GPU types"));
    }
    /* none pays: never */
    ld_cost_input in;
    cost_defaults(&in);
    in.mode = LD_COST_CAPACITY;
    in.api_in_per_1k = in.api_out_per_1k = 0.002;
    ld_cost c;
    memset(&c, 0, sizeof c);
    cost_break_even_over(&in, o + 2, 1, NULL, &c);
    assert_true(c.break_even_never && isnan(c.break_even_tokens));
}

/* The same model from a provider: the figures, their basis and the
 * sentence agree, from a catalogue written here (hand-checked sums). */
static void test_hosted_figures(void **state)
{
    (void)state;
    const char *csv = "model,hosted_in_per_1m,hosted_out_per_1m,hosted_provider,hosted_offers\n"
                      "a,0.09,0.16,deepinfra,7\n"
                      "b,1,3,nebius,1\n"
                      "c,0.5,1.5,,\n"
                      "d,,2,x,3\n";
    ld_error err;
    ld_catalog *cat = csvload_buffer(csv, strlen(csv), "hosted.csv", NULL, &err);
    assert_non_null(cat);
    ld_hosted_cost h;
    char basis[64], buf[400];
    /* 2B tokens x (75% x $0.09 + 25% x $0.16) per 1M = 2000 x 0.1075 = $215 */
    assert_int_equal(report_hosted_figures(cat, 0, 2e9, 0.75, &h), 0);
    assert_true(fabs(h.monthly_usd - 215.0) < 1e-9);
    assert_true(h.in_per_1m == 0.09 && h.out_per_1m == 0.16);
    assert_int_equal(h.offers, 7);
    assert_string_equal(h.provider, "deepinfra");
    report_hosted_basis(&h, basis, sizeof basis);
    assert_string_equal(basis, "median of 7 hosted offers");
    assert_int_equal(report_hosted_cost(cat, 0, 2e9, 0.75, buf, sizeof buf), 0);
    assert_string_equal(buf, "the same model from a provider: $215.00/month (median of 7 hosted offers, $0.09 in / "
                             "$0.16 out per 1M, deepinfra)");
    /* one offer; 1B x (50% x $1 + 50% x $3) = $2,000 */
    assert_int_equal(report_hosted_figures(cat, 1, 1e9, 0.5, &h), 0);
    assert_true(fabs(h.monthly_usd - 2000.0) < 1e-9);
    report_hosted_basis(&h, basis, sizeof basis);
    assert_string_equal(basis, "the one hosted offer");
    /* count and provider not known: said so, not invented */
    assert_int_equal(report_hosted_figures(cat, 2, 1e6, 1.0, &h), 0);
    assert_int_equal(h.offers, 0);
    assert_string_equal(h.provider, "");
    assert_int_equal(report_hosted_cost(cat, 2, 1e6, 1.0, buf, sizeof buf), 0);
    assert_string_equal(buf, "the same model from a provider: $0.50/month (median hosted offer, $0.5 in / $1.5 out per 1M)");
    /* no input price, no volume, no such row: nothing */
    assert_int_equal(report_hosted_figures(cat, 3, 1e9, 0.75, &h), -1);
    assert_int_equal(report_hosted_figures(cat, 0, 0, 0.75, &h), -1);
    assert_int_equal(report_hosted_figures(cat, 9, 1e9, 0.75, &h), -1);
    assert_int_equal(report_hosted_cost(cat, 3, 1e9, 0.75, buf, sizeof buf), -1);
    assert_string_equal(buf, "");
    /* the advice's note: only when the provider ($215 at 2B) undercuts both
     * the API compared and self-hosting */
    ld_cost c;
    memset(&c, 0, sizeof c);
    c.api_monthly_usd = 4000;
    c.selfhost_monthly_usd = 2321;
    assert_int_equal(report_hosted_figures(cat, 0, 2e9, 0.75, &h), 0);
    c.hosted_monthly_usd = h.monthly_usd;
    assert_string_equal(report_cost_hosted_note(&c, buf, sizeof buf),
                        "; the same model from a provider costs less than both ($215.00/month)");
    c.selfhost_monthly_usd = 200; /* self-hosting is cheaper still: no note */
    assert_string_equal(report_cost_hosted_note(&c, buf, sizeof buf), "");
    c.selfhost_monthly_usd = 2321;
    c.api_monthly_usd = 215; /* a tie is not less */
    assert_string_equal(report_cost_hosted_note(&c, buf, sizeof buf), "");
    c.hosted_monthly_usd = NAN; /* no hosted price */
    c.api_monthly_usd = 4000;
    assert_string_equal(report_cost_hosted_note(&c, buf, sizeof buf), "");
    catalog_free(cat);
}

/* a typical request split at the input share: the prompt rounded, at least
 * one token, the answer the rest */
static void test_split_request(void **state)
{
    (void)state;
    double in, out;
    cost_split_request(2000, 0.75, &in, &out);
    assert_near(in, 1500, 0);
    assert_near(out, 500, 0);
    cost_split_request(3, 0.5, &in, &out); /* 1.5 rounds away from zero */
    assert_near(in, 2, 0);
    assert_near(out, 1, 0);
    cost_split_request(10, 0, &in, &out); /* a request always has a prompt */
    assert_near(in, 1, 0);
    assert_near(out, 9, 0);
    cost_split_request(1, 1, &in, &out);
    assert_near(in, 1, 0);
    assert_near(out, 0, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_break_even),
        cmocka_unit_test(test_api_monthly),
        cmocka_unit_test(test_seed_mode_one_replica),
        cmocka_unit_test(test_capacity_7b_preset),
        cmocka_unit_test(test_capacity_step_break_even),
        cmocka_unit_test(test_advice_and_bands),
        cmocka_unit_test(test_validation),
        cmocka_unit_test(test_sweep),
        cmocka_unit_test(test_defaults_from_hosting_json),
        cmocka_unit_test(test_from_sizing),
        cmocka_unit_test(test_cached_and_batch_shares),
        cmocka_unit_test(test_energy_and_break_even_utilization),
        cmocka_unit_test(test_capacity_with_prefill),
        cmocka_unit_test(test_break_even_for_good),
        cmocka_unit_test(test_break_even_over_options),
        cmocka_unit_test(test_hosted_figures),
        cmocka_unit_test(test_split_request),
    };
    return cmocka_run_group_tests_name("cost", tests, NULL, NULL);
}
