/* test_scenario.c - the core's scenario (include/llmdeck/scenario.h): the
 * quantization rule (fp16 when it fits on a priced GPU, else int4), the
 * automatic batch, and that its cost is the sizing and cost cores' result
 * for the same inputs, so every view that calls it agrees. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "hand_catalog.h"

#include "llmdeck/cost.h"
#include "llmdeck/hosting.h"
#include "llmdeck/scenario.h"
#include "llmdeck/sizing.h"

/* Two priced 80 GB cards and an unpriced 192 GB one. */
static const char *const GPUS = "gpu,class,memory_gb,bandwidth_gbs,fp16_tflops,fp8_tflops,board_power_w,"
                                "hourly_usd,price_provider,price_type,price_date,source\n"
                                "Cheap80,datacenter,80,2000,300,,400,2.00,p,on-demand,2026-11-01,hand\n"
                                "Fast80,datacenter,80,3350,990,,700,4.00,p,on-demand,2026-11-01,hand\n"
                                "Huge192,datacenter,192,5300,1300,,750,,,,,hand\n";

/* Llama-3.1-8B's shape; a 70B of the same shape with 80 layers; a dense
 * 400B (fp16 800 GB: more than 8 × 72 GB usable, int4 fits); a 150B (fp16
 * fits only on 1 × the unpriced 192 GB card); one without an architecture;
 * with a release precision: the 8B's shape released in fp8, the 405B's
 * released in fp16 (fits nowhere priced), and gpt-oss-120b's shape
 * (bf16 with MXFP4 experts); a loaded row whose release names experts it
 * does not have. */
static const char *const MODELS =
    "model,params_b,active_params_b,layers,hidden_size,intermediate_size,attention_heads,kv_heads,head_dim,"
    "vocab_size,experts,experts_active,moe_intermediate_size,release_quant,release_expert_quant\n"
    "Eight,8.03,,32,4096,14336,32,8,128,128256,,,,,\n"
    "Seventy,70.6,,80,8192,28672,64,8,128,128256,,,,,\n"
    "FourHundred,405,,126,16384,53248,128,8,128,128256,,,,,\n"
    "Unknown,,,,,,,,,,,,,,\n"
    "EightFp8,8.03,,32,4096,14336,32,8,128,128256,,,,fp8,\n"
    "FourHundredFp16,405,,126,16384,53248,128,8,128,128256,,,,fp16,\n"
    "Oss,117,5.1,36,2880,,64,8,64,201088,128,4,2880,bf16,mxfp4\n"
    "DenseMixed,8.03,,32,4096,14336,32,8,128,128256,,,,bf16,mxfp4\n";

typedef struct {
    ld_catalog *cat;
    ld_gpu_list gpus;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->cat = hand(MODELS);
    ld_error err;
    error_clear(&err);
    if (hosting_gpus_parse(&f->gpus, GPUS, strlen(GPUS), "gpus.csv", &err) != 0) fail_msg("%s", err.msg);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    catalog_free(f->cat);
    hosting_gpus_free(&f->gpus);
    free(f);
    return 0;
}

static ld_scenario_input input(fixture *f, const char *model)
{
    ld_scenario_input in;
    memset(&in, 0, sizeof in);
    in.cat = f->cat;
    long row = catalog_find(f->cat, model);
    assert_true(row >= 0);
    in.row = (size_t)row;
    in.gpus = &f->gpus;
    return in;
}

static void workload(ld_cost_input *w)
{
    cost_defaults(w);
    w->mode = LD_COST_CAPACITY;
    w->tokens_per_month = 2e9;
    w->api_in_per_1k = 0.00015;
    w->api_out_per_1k = 0.0006;
    w->api_label = "api";
}

static ld_scenario sc; /* large */

/* fp16 when it fits on a priced GPU */
static void test_auto_quant_fp16(void **state)
{
    fixture *f = *state;
    ld_scenario_input in = input(f, "Eight");
    ld_error err;
    error_clear(&err);
    assert_int_equal(scenario_compute(&in, NULL, &sc, &err), 0);
    assert_string_equal(sc.quant, "fp16");
    assert_true(sc.fits);
    assert_int_equal(sc.sizing.gpus, 1);
    assert_string_equal(sc.sizing.gpu->name, "Cheap80");
    assert_non_null(strstr(sc.choice, "quantization fp16"));
}

/* int4 when fp16 needs more than 8 priced cards */
static void test_auto_quant_int4(void **state)
{
    fixture *f = *state;
    ld_scenario_input in = input(f, "FourHundred");
    ld_error err;
    error_clear(&err);
    assert_int_equal(scenario_compute(&in, NULL, &sc, &err), 0);
    assert_string_equal(sc.quant, "int4");
    assert_true(sc.fits);
    assert_non_null(strstr(sc.choice, "quantization int4"));
    /* the rule's premise, checked with the sizing core directly */
    ld_sizing_input si = {0};
    assert_int_equal(sizing_arch_from_catalog(f->cat, in.row, &si.arch, &err), 0);
    si.quant = "fp16";
    si.gpus = &f->gpus;
    ld_sizing full;
    assert_int_equal(sizing_compute(&si, &full, &err), 0);
    assert_int_equal(full.gpus, 0);
}

/* a caller's quantization is kept, even where fp16 would fit */
static void test_explicit_quant(void **state)
{
    fixture *f = *state;
    ld_scenario_input in = input(f, "Eight");
    in.quant = "q4_k_m";
    ld_error err;
    error_clear(&err);
    assert_int_equal(scenario_compute(&in, NULL, &sc, &err), 0);
    assert_string_equal(sc.quant, "q4_k_m");
    in.quant = "int3000";
    assert_int_equal(scenario_compute(&in, NULL, &sc, &err), -1);
    assert_int_equal(err.code, LD_ERR_USAGE);
    assert_string_equal(err.file, "quant");
}

/* the automatic batch is as many sequences as fit, at most 16, on the
 * same GPUs; an explicit batch is kept */
static void test_auto_batch(void **state)
{
    fixture *f = *state;
    ld_error err;
    error_clear(&err);
    const char *models[] = {"Eight", "Seventy", "FourHundred"};
    for (size_t i = 0; i < 3; i++) {
        ld_scenario_input in = input(f, models[i]);
        in.context = 32768;
        ld_scenario one;
        in.batch = 1;
        assert_int_equal(scenario_compute(&in, NULL, &one, &err), 0);
        in.batch = 0;
        assert_int_equal(scenario_compute(&in, NULL, &sc, &err), 0);
        double want = floor(one.sizing.max_sequences);
        if (want > SCENARIO_AUTO_BATCH_MAX) want = SCENARIO_AUTO_BATCH_MAX;
        if (want < 2) want = 1;
        assert_true(sc.batch == want);
        assert_true(sc.sizing.batch == want);
        assert_ptr_equal(sc.sizing.gpu, one.sizing.gpu);
        assert_int_equal(sc.sizing.gpus, one.sizing.gpus);
        /* a batch serves more tokens per second than one stream */
        if (want > 1) assert_true(sc.sizing.throughput_tokens_per_s > one.sizing.throughput_tokens_per_s);
    }
    ld_scenario_input in = input(f, "Eight");
    in.batch = 3;
    assert_int_equal(scenario_compute(&in, NULL, &sc, &err), 0);
    assert_true(sc.batch == 3 && sc.sizing.batch == 3);
}

/* a typical request shorter than the context: the automatic batch counts
 * sequences of the request (more of them), the replicas follow, and the
 * choice says which length it counted */
static void test_auto_batch_by_request(void **state)
{
    fixture *f = *state;
    ld_error err;
    error_clear(&err);
    ld_cost_input w;
    workload(&w);
    ld_scenario_input in = input(f, "Seventy");
    in.context = 32768;
    in.quant = "int4";
    ld_scenario full;
    assert_int_equal(scenario_compute(&in, &w, &full, &err), 0);
    in.request_tokens = 2048;
    in.prompt_tokens = 1536;
    assert_int_equal(scenario_compute(&in, &w, &sc, &err), 0);
    assert_true(sc.costed && full.costed);
    assert_true(sc.sizing.max_sequences > full.sizing.max_sequences);
    assert_true(sc.batch > full.batch);
    assert_true(sc.batch == fmin(SCENARIO_AUTO_BATCH_MAX, floor(sc.sizing.max_sequences)));
    assert_non_null(strstr(sc.choice, "sequences of 2048 tokens fit"));
    assert_true(sc.sizing.throughput_tokens_per_s > full.sizing.throughput_tokens_per_s);
    assert_true(sc.cost.replicas <= full.cost.replicas);
    assert_true(sc.cost.replica_capacity_tokens > full.cost.replica_capacity_tokens);
    /* the same GPUs (the GPU is chosen by the month's cost, which the
     * request changes): the whole context still has to fit */
    in.gpu = full.sizing.gpu;
    assert_int_equal(scenario_compute(&in, &w, &sc, &err), 0);
    assert_true(sc.sizing.max_sequences > full.sizing.max_sequences);
    assert_ptr_equal(sc.sizing.gpu, full.sizing.gpu);
    assert_int_equal(sc.sizing.gpus, full.sizing.gpus);
}

/* In capacity mode the GPU is the one whose replicas cost the least a
 * month at the volume, not the cheapest an hour: at 20B tokens the faster
 * card needs fewer replicas; at 1M tokens one replica of the cheaper card
 * is the least.  Checked against every priced GPU asked for by name; the
 * article's mode keeps the cheapest an hour (one replica, any volume). */
static void test_gpu_cheapest_a_month(void **state)
{
    fixture *f = *state;
    ld_error err;
    error_clear(&err);
    /* a slow 24 GB card at a fifth of the price of a fast 80 GB one: the
     * 8B model fits on it with room for a few sequences only */
    static const char *const two = "gpu,class,memory_gb,bandwidth_gbs,fp16_tflops,fp8_tflops,board_power_w,"
                                   "hourly_usd,price_provider,price_type,price_date,source\n"
                                   "Slow24,datacenter,24,300,120,,150,0.40,p,on-demand,2026-11-01,hand\n"
                                   "Fast80,datacenter,80,3350,990,,700,2.00,p,on-demand,2026-11-01,hand\n";
    hosting_gpus_free(&f->gpus);
    if (hosting_gpus_parse(&f->gpus, two, strlen(two), "gpus.csv", &err) != 0) fail_msg("%s", err.msg);
    ld_cost_input w;
    workload(&w);
    ld_scenario_input in = input(f, "Eight");
    const double volumes[] = {1e6, 20e9};
    for (size_t v = 0; v < 2; v++) {
        w.tokens_per_month = volumes[v];
        assert_int_equal(scenario_compute(&in, &w, &sc, &err), 0);
        double chosen = sc.cost.selfhost_monthly_usd;
        const ld_gpu *picked = sc.sizing.gpu;
        double per_hour_least = INFINITY;
        const ld_gpu *per_hour = NULL;
        for (size_t i = 0; i < f->gpus.n; i++) {
            if (!(f->gpus.v[i].hourly_usd > 0)) continue;
            ld_scenario_input one = in;
            one.gpu = &f->gpus.v[i];
            one.quant = sc.quant;
            static ld_scenario alt;
            assert_int_equal(scenario_compute(&one, &w, &alt, &err), 0);
            assert_true(chosen <= alt.cost.selfhost_monthly_usd + 0.005);
            if (alt.sizing.gpus * f->gpus.v[i].hourly_usd < per_hour_least) {
                per_hour_least = alt.sizing.gpus * f->gpus.v[i].hourly_usd;
                per_hour = &f->gpus.v[i];
            }
        }
        if (v == 0) {
            assert_ptr_equal(picked, per_hour); /* one replica: the cheapest an hour */
            assert_null(strstr(sc.choice, "the cheapest a month"));
        } else {
            assert_string_equal(picked->name, "Fast80");
            assert_string_equal(per_hour->name, "Slow24");
            assert_non_null(strstr(sc.choice, "GPU 1 × Fast80: the cheapest a month at this volume of the datacenter "
                                              "GPUs (the cheapest an hour, 1 × Slow24, needs"));
            assert_non_null(strstr(sc.cost.basis, "the cheapest a month")); /* the basis names the choice */
            assert_ptr_equal(sc.cost_in.selfhost_label, sc.selfhost_label);
            assert_non_null(strstr(sc.selfhost_label, "Fast80"));
        }
    }
    /* at 20B (Fast80's volume) the answer names the GPU type that pays
     * first, when it is not this volume's: each type's first break-even
     * with its GPU fixed, the least of them */
    w.tokens_per_month = 20e9;
    assert_int_equal(scenario_compute(&in, &w, &sc, &err), 0);
    double least = INFINITY, mine = sc.cost.break_even_never ? INFINITY : sc.cost.break_even_tokens;
    const char *first = NULL;
    for (size_t i = 0; i < f->gpus.n; i++) {
        ld_scenario_input one = in;
        one.gpu = &f->gpus.v[i];
        one.quant = sc.quant;
        static ld_scenario alt;
        assert_int_equal(scenario_compute(&one, &w, &alt, &err), 0);
        if (!alt.cost.break_even_never && alt.cost.break_even_tokens < least) {
            least = alt.cost.break_even_tokens;
            first = f->gpus.v[i].name;
        }
    }
    assert_non_null(first);
    if (least < mine * (1 - 1e-9)) {
        assert_near(sc.cost.earliest_break_even, least, 1e-6 * least);
        assert_non_null(strstr(sc.cost.earliest_setup, first));
        assert_non_null(strstr(sc.cost.basis, "self-hosting first pays from"));
    } else {
        assert_true(isnan(sc.cost.earliest_break_even));
    }
    /* the sweep prices each volume on its own GPUs, as scenario_compute does */
    ld_cost_point pts[64];
    size_t n = scenario_sweep(&in, &w, &sc.cost_in, pts, 64);
    assert_int_equal(n, 16); /* 1M..100B in 1-2-5 steps */
    int small = 0, fast = 0;
    for (size_t i = 0; i < n; i++) {
        ld_cost_input wi = w;
        wi.tokens_per_month = pts[i].tokens;
        static ld_scenario at;
        assert_int_equal(scenario_compute(&in, &wi, &at, &err), 0);
        assert_true(pts[i].selfhost_usd == at.cost.selfhost_monthly_usd);
        assert_int_equal(pts[i].replicas, at.cost.replicas);
        small |= strstr(pts[i].setup, "Slow24") != NULL;
        fast |= strstr(pts[i].setup, "Fast80") != NULL;
    }
    assert_true(small && fast); /* both types appear: the cheaper one changes with the volume */
    w.mode = LD_COST_SEED; /* one replica whatever the volume: the cheapest an hour */
    assert_int_equal(scenario_compute(&in, &w, &sc, &err), 0);
    assert_string_equal(sc.sizing.gpu->name, "Slow24");
    n = scenario_sweep(&in, &w, &sc.cost_in, pts, 64);
    for (size_t i = 0; i < n; i++) assert_string_equal(pts[i].setup, ""); /* one set-up */
}

/* --gpu-class: the GPU types the choice (and the break-even over them)
 * compares; datacenter unless asked, "any" is every priced type */
static void test_gpu_class_limits_choice(void **state)
{
    fixture *f = *state;
    ld_error err;
    error_clear(&err);
    static const char *const mixed = "gpu,class,memory_gb,bandwidth_gbs,fp16_tflops,fp8_tflops,board_power_w,"
                                     "hourly_usd,price_provider,price_type,price_date,source\n"
                                     "Slow24,consumer,24,300,120,,150,0.40,p,on-demand,2026-11-01,hand\n"
                                     "Fast80,datacenter,80,3350,990,,700,2.00,p,on-demand,2026-11-01,hand\n";
    hosting_gpus_free(&f->gpus);
    if (hosting_gpus_parse(&f->gpus, mixed, strlen(mixed), "gpus.csv", &err) != 0) fail_msg("%s", err.msg);
    ld_cost_input w;
    workload(&w);
    w.tokens_per_month = 20e9;
    ld_scenario_input in = input(f, "Eight");
    static const struct {
        const char *cls, *gpu, *says;
    } want[] = {
        {NULL, "Fast80", NULL},       /* the only datacenter type: nothing to compare */
        {"datacenter", "Fast80", NULL},
        {"consumer", "Slow24", NULL}, /* the only consumer type */
        {"any", "Fast80", "the cheapest a month at this volume of the priced GPUs (the cheapest an hour, 1 × Slow24"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        in.gpu_class = want[i].cls;
        assert_int_equal(scenario_compute(&in, &w, &sc, &err), 0);
        assert_string_equal(sc.sizing.gpu->name, want[i].gpu);
        if (want[i].says) assert_non_null(strstr(sc.choice, want[i].says));
        else assert_null(strstr(sc.choice, "the cheapest a month"));
        for (size_t k = 0; k < sc.noptions; k++) /* the break-even compares the class's types only */
            if (want[i].cls && strcmp(want[i].cls, "any") != 0)
                assert_non_null(strstr(sc.options[k].setup, want[i].gpu));
    }
}

/* priced: with a workload, a GPU without an hourly price does not count as
 * a fit, so the 90B model goes to int4 rather than to the unpriced card */
static void test_priced_fit(void **state)
{
    (void)state;
    static const char *const m = "model,params_b,layers,hidden_size,intermediate_size,attention_heads,kv_heads,"
                                 "head_dim,vocab_size\nNinety,90,80,8192,28672,64,8,128,128256\n";
    static const char *const g = "gpu,class,memory_gb,bandwidth_gbs,fp16_tflops,fp8_tflops,board_power_w,"
                                 "hourly_usd,price_provider,price_type,price_date,source\n"
                                 "Priced24,datacenter,24,600,120,,150,0.80,p,on-demand,2026-11-01,hand\n"
                                 "Unpriced192,datacenter,192,5300,1300,,750,,,,,hand\n";
    ld_catalog *cat = hand(m);
    ld_gpu_list gl = {0};
    ld_error err;
    error_clear(&err);
    assert_int_equal(hosting_gpus_parse(&gl, g, strlen(g), "gpus.csv", &err), 0);
    ld_scenario_input in = {.cat = cat, .row = 0, .gpus = &gl, .batch = 1};
    ld_cost_input w;
    workload(&w);
    /* fp16 180 GB: more than 8 × 21.6 GB usable; int4 about 53 GB: 4 × Priced24 */
    assert_int_equal(scenario_compute(&in, &w, &sc, &err), 0);
    assert_string_equal(sc.quant, "int4");
    assert_string_equal(sc.sizing.gpu->name, "Priced24");
    assert_true(sc.costed);
    hosting_gpus_free(&gl);
    catalog_free(cat);
}

/* the scenario's cost is exactly cost_from_sizing + cost_compute on its
 * sizing: the wizard, the cost view and `llmdeck cost` agree */
static void test_cost_matches_cores(void **state)
{
    fixture *f = *state;
    ld_scenario_input in = input(f, "Seventy");
    ld_cost_input w;
    workload(&w);
    ld_error err;
    error_clear(&err);
    assert_int_equal(scenario_compute(&in, &w, &sc, &err), 0);
    assert_true(sc.costed);
    ld_cost_input by_hand = w;
    assert_int_equal(cost_from_sizing(&by_hand, &sc.sizing, &err), 0);
    ld_cost c;
    assert_int_equal(cost_compute(&by_hand, &c, &err), 0);
    assert_true(c.selfhost_monthly_usd == sc.cost.selfhost_monthly_usd);
    assert_true(c.api_monthly_usd == sc.cost.api_monthly_usd);
    assert_int_equal(c.replicas, sc.cost.replicas);
    assert_true(sc.cost.replicas >= 1);
    /* the replicas serve the volume: capacity × replicas >= tokens */
    assert_true(sc.cost.replica_capacity_tokens * (double)sc.cost.replicas >= w.tokens_per_month);
    /* the basis says how the replica was chosen */
    assert_non_null(strstr(sc.cost.basis, "replica: quantization"));
    assert_non_null(strstr(sc.cost.basis, "batch"));
}

/* no architecture: not an error, a reason */
static void test_no_architecture(void **state)
{
    fixture *f = *state;
    ld_scenario_input in = input(f, "Unknown");
    ld_cost_input w;
    workload(&w);
    ld_error err;
    error_clear(&err);
    assert_int_equal(scenario_compute(&in, &w, &sc, &err), 1);
    assert_false(sc.sized);
    assert_false(sc.costed);
    assert_non_null(strstr(sc.note, "no parameter count"));
}

/* a tensor-parallel count the heads do not divide is the caller's error */
static void test_bad_gpu_count(void **state)
{
    fixture *f = *state;
    ld_scenario_input in = input(f, "Eight");
    in.gpu_count = 3;
    ld_error err;
    error_clear(&err);
    assert_int_equal(scenario_compute(&in, NULL, &sc, &err), -1);
    assert_int_equal(err.code, LD_ERR_USAGE);
}

/* an offer's prices, all of them */
/* The release precision: auto takes it where it fits (even where fp16
 * would too), says so, and hands "release" on; where it does not fit the
 * rule goes on to int4; "release" on a row without one is refused. */
static void test_release_precision(void **state)
{
    fixture *f = *state;
    ld_error err;
    error_clear(&err);
    ld_scenario_input in = input(f, "EightFp8");
    assert_int_equal(scenario_compute(&in, NULL, &sc, &err), 0);
    assert_int_equal(sc.release, 1);
    assert_string_equal(sc.quant, "fp8");
    assert_null(sc.expert_quant);
    assert_string_equal(sc.quant_label, "fp8");
    assert_string_equal(scenario_quant_request(&sc), "release");
    assert_non_null(strstr(sc.choice, "quantization fp8: the publisher's release"));
    /* fp8 linear layers, the embeddings and output layer (2 × 128256 × 4096) in 16 bits */
    double embed = 2.0 * 128256 * 4096 / 1e9;
    assert_near(sc.sizing.embed16_params_b, embed, 1e-12);
    assert_near(sc.sizing.weights_gb, (8.03 - embed) + embed * 2, 1e-9);

    in = input(f, "Oss");
    assert_int_equal(scenario_compute(&in, NULL, &sc, &err), 0);
    assert_string_equal(sc.quant, "bf16");
    assert_string_equal(sc.expert_quant, "mxfp4");
    assert_string_equal(sc.quant_label, "bf16 + mxfp4 experts");
    double routed = 128.0 * 3 * 2880 * 2880 * 36 / 1e9;
    assert_near(sc.sizing.weights_gb, (117 - routed) * 2 + routed * 4.25 / 8, 1e-9);
    /* asked by name it is the same sizing */
    in.quant = "release";
    ld_scenario again;
    assert_int_equal(scenario_compute(&in, NULL, &again, &err), 0);
    assert_near(again.sizing.total_gb, sc.sizing.total_gb, 0);
    assert_non_null(strstr(again.choice, "(chosen)"));

    /* released in fp16, too big for 8 priced cards: int4, and the choice says what the release needs */
    in = input(f, "FourHundredFp16");
    assert_int_equal(scenario_compute(&in, NULL, &sc, &err), 0);
    assert_int_equal(sc.release, 0);
    assert_string_equal(sc.quant, "int4");
    assert_non_null(strstr(sc.choice, "as released (fp16) it needs"));
    /* asked for by name it is sized as released, and does not fit */
    in.quant = "release";
    assert_int_equal(scenario_compute(&in, NULL, &sc, &err), 1);
    assert_int_equal(sc.release, 1);
    assert_false(sc.fits);

    /* no release precision stated: the plain rule, and "release" refused naming --quant */
    in = input(f, "Eight");
    assert_int_equal(scenario_compute(&in, NULL, &sc, &err), 0);
    assert_int_equal(sc.release, 0);
    assert_non_null(strstr(sc.choice, "rule: fp16 when it fits"));
    in.quant = "release";
    assert_int_equal(scenario_compute(&in, NULL, &sc, &err), -1);
    assert_string_equal(err.file, "quant");
    assert_non_null(strstr(err.msg, "no release precision"));

    /* a release the sizing cannot describe: auto goes on with the rule and
     * says why; asked for, it is refused naming --quant and the model */
    in = input(f, "DenseMixed");
    assert_int_equal(scenario_compute(&in, NULL, &sc, &err), 0);
    assert_string_equal(sc.quant, "fp16");
    assert_non_null(strstr(sc.choice, "its release (bf16 + mxfp4 experts) cannot be sized"));
    in.quant = "release";
    assert_int_equal(scenario_compute(&in, NULL, &sc, &err), -1);
    assert_string_equal(err.file, "quant");
    assert_non_null(strstr(err.msg, "DenseMixed as released"));
}

static void test_set_offer(void **state)
{
    (void)state;
    ld_api_offer o = {.input_per_1k = 0.001, .output_per_1k = 0.002, .cached_per_1k = 0.0005,
                      .batch_in_per_1k = 0.0004, .batch_out_per_1k = NAN};
    ld_cost_input in;
    cost_defaults(&in);
    scenario_set_offer(&in, &o);
    assert_true(in.api_in_per_1k == 0.001 && in.api_out_per_1k == 0.002 && in.api_cached_per_1k == 0.0005);
    assert_true(in.api_batch_in_per_1k == 0.0004 && isnan(in.api_batch_out_per_1k));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_auto_quant_fp16, setup, teardown),
        cmocka_unit_test_setup_teardown(test_auto_quant_int4, setup, teardown),
        cmocka_unit_test_setup_teardown(test_explicit_quant, setup, teardown),
        cmocka_unit_test_setup_teardown(test_auto_batch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_auto_batch_by_request, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gpu_cheapest_a_month, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gpu_class_limits_choice, setup, teardown),
        cmocka_unit_test(test_priced_fit),
        cmocka_unit_test_setup_teardown(test_cost_matches_cores, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_architecture, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_gpu_count, setup, teardown),
        cmocka_unit_test_setup_teardown(test_release_precision, setup, teardown),
        cmocka_unit_test(test_set_offer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
