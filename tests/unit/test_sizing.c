/* test_sizing.c - memory, KV cache, GPU fit and decode speed. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"
#include "llmdeck/embed.h"
#include "llmdeck/hosting.h"
#include "llmdeck/sizing.h"
#include "llmdeck/units.h"

#define LLAMA2_7B_PARAMS 6738415616.0
#define LLAMA2_13B_PARAMS 13015864320.0

static ld_gpu_list load_gpus(void)
{
    size_t len;
    const char *text = embed_find("data/gpus.csv", &len);
    assert_non_null(text);
    ld_gpu_list l;
    ld_error err;
    error_clear(&err);
    assert_int_equal(hosting_gpus_parse(&l, text, len, "data/gpus.csv", &err), 0);
    return l;
}

static ld_sizing size_of(double params_b, double active_b, long layers, long kv, long hd,
                         const char *quant, double context, const ld_gpu *gpu)
{
    ld_sizing_input in;
    memset(&in, 0, sizeof in);
    in.arch.params_b = params_b;
    in.arch.active_params_b = active_b;
    in.arch.layers = layers;
    in.arch.kv_heads = kv;
    in.arch.head_dim = hd;
    in.quant = quant;
    in.context = context;
    in.gpu = gpu;
    ld_sizing s;
    ld_error err;
    error_clear(&err);
    assert_int_equal(sizing_compute(&in, &s, &err), 0);
    return s;
}

static void test_quant_table(void **state)
{
    (void)state;
    static const struct { const char *name; double bits; } want[] = {
        {"fp32", 32}, {"FP16", 16}, {"bf16", 16}, {"int8", 8}, {"fp8", 8}, {"int4", 4.15625},
        {"AWQ", 4.15625}, {"gptq", 4.15625}, {"4-bit", 4.15625}, {"8-bit", 8}, {"Q8_0", 8.5},
        {"q6_k", 6.5625}, {"q5_0", 5.5}, {"q4_0", 4.5}, {"MXFP4", 4.25}, {"nvfp4", 4.5}, {"int4_g32", 4.5},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        double b = 0;
        assert_int_equal(sizing_quant_bits(want[i].name, &b), 0);
        assert_near(b, want[i].bits, 1e-12);
    }
    double b;
    assert_int_equal(sizing_quant_bits("q9_x", &b), -1);
    assert_int_equal(sizing_quant_bits("", &b), -1);
    assert_int_equal(sizing_quant_bits(NULL, &b), -1);
    /* every listed type resolves to itself */
    for (size_t i = 0; i < sizing_quant_count(); i++)
        assert_ptr_equal(sizing_quant_find(sizing_quant_at(i)->name), sizing_quant_at(i));
    assert_null(sizing_quant_at(sizing_quant_count()));
}

static void test_seed_7b_fp16_is_14gb(void **state)
{
    (void)state;
    ld_sizing s = size_of(7, 0, 0, 0, 0, "fp16", 0, NULL);
    assert_near(s.weights_gb, 14.0, 1e-9);
    s = size_of(13, 0, 0, 0, 0, "fp16", 0, NULL);
    assert_near(s.weights_gb, 26.0, 1e-9);
    s = size_of(70, 0, 0, 0, 0, "fp16", 0, NULL);
    assert_near(s.weights_gb, 140.0, 1e-9);
    s = size_of(LLAMA2_7B_PARAMS / 1e9, 0, 0, 0, 0, "fp16", 0, NULL);
    assert_non_null(strstr(s.basis, "weights = 6.738B params × 16 bits / 8 = 13.48 GB"));
}

/* Published file sizes (decimal GB) of TheBloke's Llama-2 GGUF/GGML files. */
static void test_gguf_sizes_within_3_percent(void **state)
{
    (void)state;
    static const struct { double params; const char *q; double gb; } pub[] = {
        {LLAMA2_7B_PARAMS, "q4_k_m", 4.08}, {LLAMA2_7B_PARAMS, "q5_k_m", 4.78},
        {LLAMA2_7B_PARAMS, "q6_k", 5.53},   {LLAMA2_7B_PARAMS, "q8_0", 7.16},
        {LLAMA2_13B_PARAMS, "q4_k_m", 7.87}, {LLAMA2_13B_PARAMS, "q3_k_m", 6.31},
        {LLAMA2_13B_PARAMS, "q2_k", 5.51},  {LLAMA2_13B_PARAMS, "q4_0", 7.32},
        {LLAMA2_13B_PARAMS, "q5_0", 8.95},  {LLAMA2_13B_PARAMS, "q4_k_s", 7.37},
        {LLAMA2_13B_PARAMS, "q3_k_s", 5.66}, {LLAMA2_13B_PARAMS, "q3_k_l", 6.93},
    };
    for (size_t i = 0; i < sizeof pub / sizeof pub[0]; i++) {
        ld_sizing s = size_of(pub[i].params / 1e9, 0, 0, 0, 0, pub[i].q, 0, NULL);
        double rel = (s.weights_gb - pub[i].gb) / pub[i].gb;
        print_message("# %s %.0f params: %.3f GB vs published %.2f GB (%+.2f%%)\n", pub[i].q,
                      pub[i].params, s.weights_gb, pub[i].gb, rel * 100);
        assert_near(rel, 0, 0.03);
    }
}

static void test_kv_cache_uses_kv_heads(void **state)
{
    (void)state;
    /* Llama-2-70B: 80 layers, 8 KV heads (GQA), head_dim 128, 4096 tokens. */
    ld_sizing s = size_of(68.977, 0, 80, 8, 128, "fp16", 4096, NULL);
    assert_near(s.kv_cache_gb, 1.342177280, 1e-9);
    assert_near(s.kv_cache_gb, 1.342, 0.0005);
    /* With 64 KV heads (no GQA) it would be 8× larger. */
    ld_sizing mha = size_of(68.977, 0, 80, 64, 128, "fp16", 4096, NULL);
    assert_near(mha.kv_cache_gb / s.kv_cache_gb, 8.0, 1e-12);
    /* Mixtral-8x7B at 512 tokens: 64 MiB. */
    ld_sizing m = size_of(46.703, 12.88, 32, 8, 128, "fp16", 512, NULL);
    assert_near(m.kv_cache_gb * 1e9, 64.0 * 1024 * 1024, 1e-3);
}

static void test_kv_quant_and_batch(void **state)
{
    (void)state;
    ld_sizing_input in;
    memset(&in, 0, sizeof in);
    in.arch = (ld_model_arch){6.738, 0, 32, 32, 128, 4096, 32};
    ld_sizing a, b, c;
    ld_error err;
    assert_int_equal(sizing_compute(&in, &a, &err), 0);
    assert_near(a.context, 4096, 0); /* default context */
    in.kv_quant = "fp8";
    assert_int_equal(sizing_compute(&in, &b, &err), 0);
    assert_near(b.kv_cache_gb * 2, a.kv_cache_gb, 1e-12);
    in.kv_quant = NULL;
    in.batch = 4;
    assert_int_equal(sizing_compute(&in, &c, &err), 0);
    assert_near(c.kv_cache_gb, 4 * a.kv_cache_gb, 1e-12);
    in.kv_quant = "int3";
    assert_int_equal(sizing_compute(&in, &c, &err), -1);
    assert_string_equal(err.file, "kv-quant");
    in.kv_quant = NULL;
    in.quant = "q9";
    assert_int_equal(sizing_compute(&in, &c, &err), -1);
    assert_string_equal(err.file, "quant");
    in.quant = NULL;
    in.arch.params_b = -1;
    assert_int_equal(sizing_compute(&in, &c, &err), -1);
    assert_int_equal(err.code, LD_ERR_USAGE);
}

static void test_overhead_and_total(void **state)
{
    (void)state;
    ld_sizing s = size_of(6.738, 0, 32, 32, 128, "fp16", 4096, NULL);
    double w = 6.738 * 2, kv = 2.0 * 32 * 32 * 128 * 4096 * 2 / 1e9;
    assert_near(s.weights_gb, w, 1e-9);
    assert_near(s.kv_cache_gb, kv, 1e-9);
    /* no GPU: on one, 3.2 GB + 2% of the weights (the KV cache has none) */
    assert_near(s.overhead_gb, 3.2 + 0.02 * w, 1e-9);
    assert_near(s.total_gb, w + kv + s.overhead_gb, 1e-9);
    assert_non_null(strstr(s.basis, "overhead = "));
    /* per GPU: 5.5 GB on each of 2 or more, measured (all-reduce buffers) */
    assert_near(sizing_overhead_gb(100, 1), 3.2 + 2, 1e-12);
    assert_near(sizing_overhead_gb(100, 2), 11 + 2, 1e-12);
    assert_near(sizing_overhead_gb(100, 8), 44 + 2, 1e-12);
    /* No architecture: the KV cache is unknown, not zero, and said so. */
    ld_sizing n = size_of(7, 0, 0, 0, 0, "fp16", 4096, NULL);
    assert_false(n.kv_known);
    assert_true(isnan(n.kv_cache_gb));
    assert_near(n.total_gb, 14 + n.overhead_gb, 1e-9);
    assert_non_null(strstr(n.basis, "kv cache = unknown"));
}

/* The smallest of 1, 2, 4, 8 GPUs that holds the weights, the KV cache and
 * the overhead on that many (heads unknown: any split); then the heads
 * decide which counts may be used.  24 GB cards at 90%: 21.6 GB each. */
static void test_gpus_needed(void **state)
{
    (void)state;
    ld_model_arch any = {0};
    any.params_b = 7;
    /* one card: w + 3.2 + 0.02 w <= 21.6 up to w = 18.4/1.02 = 18.04 */
    assert_int_equal(sizing_fit_gpus(&any, 18.03, 0, 24, 0.9), 1);
    assert_int_equal(sizing_fit_gpus(&any, 18.05, 0, 24, 0.9), 2);
    /* two: 1.02 w + 11 <= 43.2 up to 31.57; four: 1.02 w + 22 <= 86.4 up to 63.14 */
    assert_int_equal(sizing_fit_gpus(&any, 31.56, 0, 24, 0.9), 2);
    assert_int_equal(sizing_fit_gpus(&any, 31.58, 0, 24, 0.9), 4);
    assert_int_equal(sizing_fit_gpus(&any, 63.13, 0, 24, 0.9), 4);
    /* eight: 1.02 w + 44 <= 172.8 up to 126.27 */
    assert_int_equal(sizing_fit_gpus(&any, 126.2, 0, 24, 0.9), 8);
    assert_int_equal(sizing_fit_gpus(&any, 126.3, 0, 24, 0.9), 0);
    assert_int_equal(sizing_fit_gpus(&any, NAN, 0, 24, 0.9), 0);
    /* the KV cache counts in full, no overhead on it */
    assert_int_equal(sizing_fit_gpus(&any, 10, 8.2, 24, 0.9), 1);  /* 10 + 8.2 + 3.4 = 21.6 */
    assert_int_equal(sizing_fit_gpus(&any, 10, 8.3, 24, 0.9), 2);
    /* 36 heads split over 2 and 4 GPUs, not 8: what needs 8 cards fits on none */
    ld_model_arch heads36 = any;
    heads36.attention_heads = heads36.kv_heads = 36;
    assert_int_equal(sizing_fit_gpus(&heads36, 60, 0, 24, 0.9), 4);
    assert_int_equal(sizing_fit_gpus(&heads36, 70, 0, 24, 0.9), 0);
    /* 2 KV heads on 4 GPUs: each kept twice, so a cache of C GB takes 2 C */
    ld_model_arch two = any;
    two.attention_heads = 32;
    two.kv_heads = 2;
    assert_int_equal(sizing_fit_gpus(&two, 60.0, 1, 24, 0.9), 4);  /* 61.2 + 2 + 22 <= 86.4 */
    assert_int_equal(sizing_fit_gpus(&two, 60.0, 2, 24, 0.9), 8);  /* 61.2 + 4 + 22 > 86.4 */
    assert_near(sizing_need_gb(&two, 60.0, 2, 4), 60 + 4 + 22 + 1.2, 1e-12);
}

static void test_fit_on_seed_gpus(void **state)
{
    (void)state;
    ld_gpu_list l = load_gpus();
    const ld_gpu *a10 = hosting_gpu_find(&l, "A10");
    const ld_gpu *a100_80 = hosting_gpu_find(&l, "A100 80GB SXM");
    const ld_gpu *a100_40 = hosting_gpu_find(&l, "a100-40gb");
    assert_non_null(a10);
    assert_non_null(a100_80);
    assert_non_null(a100_40);
    /* Seed: 7B on 1x A10; 13B on 1x A100 40GB or 2x A10; 70B on 2x A100
     * (80GB) or 8x A10. */
    assert_int_equal(size_of(6.738, 0, 32, 32, 128, "fp16", 4096, a10).gpus, 1);
    assert_int_equal(size_of(13.016, 0, 40, 40, 128, "fp16", 4096, a100_40).gpus, 1);
    assert_int_equal(size_of(13.016, 0, 40, 40, 128, "fp16", 4096, a10).gpus, 2);
    /* The seed's "2x A100 (80GB)" for 70B holds: 137.95 GB of weights +
     * 1.34 of KV + 2 × 5.5 + 2% = 153.1 GB, and an "80GB" A100 has 80 GiB
     * (the driver reports 81920 MiB = 85.9 GB): 2 × 77.3 = 154.6 usable. */
    ld_sizing s70 = size_of(68.977, 0, 80, 8, 128, "fp16", 4096, a100_80);
    assert_near(hosting_gpu_device_gb(a100_80), 81920.0 * 1048576 / 1e9, 1e-9);
    assert_int_equal(s70.gpus, 2);
    assert_int_equal(s70.total_gpus, 2); /* overhead and total on the 2 used */
    assert_near(s70.overhead_gb, 2 * 5.5 + 0.02 * s70.weights_gb, 1e-9);
    assert_near(s70.total_gb, s70.weights_gb + s70.kv_cache_gb + s70.overhead_gb, 1e-9);
    assert_true(s70.total_gb <= 2 * 0.9 * hosting_gpu_device_gb(a100_80));
    /* Its "or 8x A10" does not: on 8 cards 8 × 5.5 GB of runtime (vLLM's
     * all-reduce buffers and activations a GPU) join the weights, 186 GB
     * against 8 × 21.7; the 2023 article counted weights alone (140 GB). */
    ld_sizing on_a10 = size_of(68.977, 0, 80, 8, 128, "fp16", 4096, a10);
    assert_int_equal(on_a10.gpus, 0);
    assert_int_equal(on_a10.total_gpus, 8); /* the total is the 8 tried */
    assert_non_null(strstr(on_a10.basis, "needed on 8"));
    assert_true(sizing_need_gb(&(ld_model_arch){68.977, 0, 80, 8, 128, 0, 0}, on_a10.weights_gb,
                               on_a10.kv_cache_gb, 8) > 8 * 0.9 * hosting_gpu_device_gb(a10));
    assert_true(on_a10.weights_gb + on_a10.kv_cache_gb < 8 * 0.9 * hosting_gpu_device_gb(a10));
    /* 405B at fp16 does not fit on 8 A10s. */
    ld_sizing big = size_of(405, 0, 126, 8, 128, "fp16", 4096, a10);
    assert_int_equal(big.gpus, 0);
    assert_true(isnan(big.tokens_per_s));
    assert_non_null(strstr(big.basis, "does not fit on 8"));
    hosting_gpus_free(&l);
}

static void test_cheapest_fit(void **state)
{
    (void)state;
    ld_gpu_list l = load_gpus();
    ld_sizing_input in;
    memset(&in, 0, sizeof in);
    in.arch = (ld_model_arch){68.977, 0, 80, 8, 128, 8192, 64};
    in.quant = "fp16";
    in.gpus = &l;
    ld_sizing s;
    ld_error err;
    assert_int_equal(sizing_compute(&in, &s, &err), 0);
    assert_non_null(s.cheapest);
    /* No priced GPU type and count that fits is cheaper. */
    for (size_t i = 0; i < l.n; i++) {
        if (isnan(l.v[i].hourly_usd)) continue;
        int n = sizing_fit_gpus(&in.arch, s.weights_gb, s.kv_cache_gb, hosting_gpu_device_gb(&l.v[i]), 0.9);
        if (n) assert_true(n * l.v[i].hourly_usd >= s.cheapest_hourly_usd - 1e-12);
    }
    assert_near(s.cheapest_hourly_usd, s.cheapest_count * s.cheapest->hourly_usd, 1e-12);
    /* Without --gpu the cheapest fit is the one sized for speed. */
    assert_ptr_equal(s.gpu, s.cheapest);
    assert_int_equal(s.gpus, s.cheapest_count);
    hosting_gpus_free(&l);
}

static void test_decode_scales_with_bandwidth(void **state)
{
    (void)state;
    ld_gpu_list l = load_gpus();
    const ld_gpu *h100 = hosting_gpu_find(&l, "H100 SXM");
    const ld_gpu *a100 = hosting_gpu_find(&l, "A100 80GB SXM");
    ld_sizing fast = size_of(6.738, 0, 32, 32, 128, "fp16", 4096, h100);
    ld_sizing slow = size_of(6.738, 0, 32, 32, 128, "fp16", 4096, a100);
    assert_int_equal(fast.gpus, 1);
    assert_int_equal(slow.gpus, 1);
    assert_near(fast.tokens_per_s / slow.tokens_per_s, h100->bandwidth_gbs / a100->bandwidth_gbs, 1e-9);
    /* ceiling = bandwidth / (weights + KV of the sequence); estimate = 0.6 × ceiling */
    double read = slow.weights_gb + slow.kv_cache_gb;
    assert_near(slow.tokens_per_s_ceiling, a100->bandwidth_gbs / read, 1e-9);
    assert_near(slow.tokens_per_s, 0.6 * slow.tokens_per_s_ceiling, 1e-9);
    assert_string_equal(slow.bound, "memory"); /* batch 1 is memory-bound */
    assert_near(slow.throughput_tokens_per_s, slow.tokens_per_s, 1e-9);
    hosting_gpus_free(&l);
}

static void test_moe_reads_active_params(void **state)
{
    (void)state;
    ld_gpu_list l = load_gpus();
    const ld_gpu *h100 = hosting_gpu_find(&l, "h100");
    assert_string_equal(h100->name, "H100 SXM");
    ld_sizing m = size_of(46.703, 12.88, 32, 8, 128, "fp16", 512, h100);
    assert_int_equal(m.gpus, 2); /* 93.4 GB of weights */
    double read = 12.88 * 2 + m.kv_cache_gb;
    assert_near(m.tokens_per_s_ceiling, 2 * h100->bandwidth_gbs / read, 1e-9);
    hosting_gpus_free(&l);
}

static void test_batched_throughput(void **state)
{
    (void)state;
    ld_gpu_list l = load_gpus();
    /* a GPU with a datasheet TFLOPS figure (the A10's is not in gpus.csv) */
    const ld_gpu *a10 = hosting_gpu_find(&l, "A100 40GB");
    assert_non_null(a10);
    assert_true(a10->fp16_tflops > 0);
    ld_sizing_input in;
    memset(&in, 0, sizeof in);
    in.arch = (ld_model_arch){6.738, 0, 32, 8, 128, 4096, 32};
    in.quant = "int4";
    in.context = 1024;
    in.gpu = a10;
    ld_sizing b1, b64;
    ld_error err;
    in.batch = 1;
    assert_int_equal(sizing_compute(&in, &b1, &err), 0);
    in.batch = 64;
    assert_int_equal(sizing_compute(&in, &b64, &err), 0);
    assert_int_equal(b64.gpus, 1);
    assert_true(b64.throughput_tokens_per_s > 10 * b1.throughput_tokens_per_s);
    /* At batch 64 the step is bounded by the slower of memory and compute. */
    double mem = (b64.weights_gb + b64.kv_cache_gb) / (a10->bandwidth_gbs * 0.6);
    double cmp = 2 * 6.738 * 64 / (a10->fp16_tflops * 1e3 * 0.5);
    assert_near(b64.throughput_tokens_per_s, 64 / fmax(mem, cmp), 1e-6);
    assert_string_equal(b64.bound, mem > cmp ? "memory" : "compute");
    /* Batch 512 of a small context becomes compute-bound. */
    in.context = 128;
    in.batch = 512;
    assert_int_equal(sizing_compute(&in, &b64, &err), 0);
    assert_string_equal(b64.bound, "compute");
    hosting_gpus_free(&l);
}

/* The matrix products of an fp8 model run at the FP8 tensor rate where the
 * GPU has FP8 tensor cores (an fp8_tflops figure), at the fp16 rate
 * elsewhere and for every other quantization; the basis names the rate. */
static void test_fp8_tensor_rate(void **state)
{
    (void)state;
    ld_gpu_list l = load_gpus();
    const ld_gpu *h100 = hosting_gpu_find(&l, "H100 SXM"), *a100 = hosting_gpu_find(&l, "A100 80GB SXM");
    assert_true(h100->fp8_tflops > h100->fp16_tflops);
    assert_true(isnan(a100->fp8_tflops) || !(a100->fp8_tflops > 0));
    ld_sizing_input in;
    memset(&in, 0, sizeof in);
    in.arch = (ld_model_arch){8.03, 0, 32, 8, 128, 4096, 32};
    in.context = 32000;
    in.prompt_tokens = 32000; /* long enough to be compute-bound */
    ld_sizing s;
    ld_error err;
    error_clear(&err);
    struct { const ld_gpu *g; const char *quant; double tflops; const char *kind; } cases[] = {
        {h100, "fp8", h100->fp8_tflops, " FP8 TFLOPS"},
        {h100, "FP8", h100->fp8_tflops, " FP8 TFLOPS"},
        {h100, "fp16", h100->fp16_tflops, " TFLOPS"},
        {h100, "int4", h100->fp16_tflops, " TFLOPS"},
        {a100, "fp8", a100->fp16_tflops, " TFLOPS"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        in.gpu = cases[i].g;
        in.quant = cases[i].quant;
        assert_int_equal(sizing_compute(&in, &s, &err), 0);
        assert_int_equal(s.gpus, 1);
        /* the weights' FLOPs and the attention's: 4 × 32 heads × 128 dim × 32 layers × n(n+1)/2 pairs */
        double t_pre = (2.0 * 8.03e9 * 32000 + 4.0 * 32 * 128 * 32 * 32000.0 * 32001 / 2) / (cases[i].tflops * 1e12 * 0.5);
        assert_near(s.ttft_s, t_pre, 1e-9);
        char want[64];
        snprintf(want, sizeof want, "%g%s", cases[i].tflops, cases[i].kind);
        if (!strstr(s.basis, want)) fail_msg("case %zu: no \"%s\" in the basis:\n%s", i, want, s.basis);
        /* the prefill rate the cost reads input at is derived in the basis:
         * the prompt over the time to first token, both as printed */
        char rate[32], line[160];
        units_format_rate(32000 / t_pre, rate, sizeof rate);
        snprintf(line, sizeof line, "prefill rate = 32000 prompt tokens / %.4g s = %s tokens/s", t_pre, rate);
        if (!strstr(s.basis, line)) fail_msg("case %zu: no \"%s\" in the basis:\n%s", i, line, s.basis);
        int widened = strstr(s.basis, "no FP8 tensor cores") != NULL;
        assert_int_equal(widened, cases[i].g == a100 && !strcmp(cases[i].quant, "fp8"));
    }
    hosting_gpus_free(&l);
}

/* A typical request shorter than the context: each of the batch's sequences
 * holds the request, so more fit and each step reads less KV cache; the
 * memory must still hold one sequence of the whole context. */
static void test_request_tokens_size_the_batch(void **state)
{
    (void)state;
    ld_gpu_list l = load_gpus();
    const ld_gpu *a100 = hosting_gpu_find(&l, "A100 80GB SXM");
    assert_non_null(a100);
    ld_sizing_input in;
    memset(&in, 0, sizeof in);
    /* Llama-2-13B-shaped: 40 layers, 40 KV heads, head_dim 128, fp16 */
    in.arch = (ld_model_arch){13.016, 0, 40, 40, 128, 5120, 40};
    in.context = 32000;
    in.gpu = a100;
    in.batch = 1; /* one whole-context sequence (26.2 GB of KV) fits on one A100 */
    ld_sizing full, req, req4, same, over;
    ld_error err;
    error_clear(&err);
    assert_int_equal(sizing_compute(&in, &full, &err), 0);
    in.request_tokens = 2000;
    in.prompt_tokens = 1500;
    assert_int_equal(sizing_compute(&in, &req, &err), 0);
    assert_int_equal(full.gpus, 1);
    assert_int_equal(req.gpus, 1);
    assert_near(req.request_tokens, 2000, 0);
    assert_near(full.request_tokens, 32000, 0); /* none given: the context */
    /* KV per token is the same: per sequence it scales with the tokens held */
    assert_near(req.kv_request_gb / full.kv_request_gb, 2000.0 / 32000.0, 1e-12);
    assert_near(req.kv_context_gb, full.kv_request_gb, 1e-12);
    /* one sequence: the memory still takes the whole context */
    assert_near(req.kv_cache_gb, full.kv_cache_gb, 1e-12);
    assert_near(req.total_gb, full.total_gb, 1e-12);
    /* max sequences: the same room over the request's KV */
    double room = req.usable_gb - req.overhead_gb - req.weights_gb;
    assert_near(req.max_sequences, floor(room / req.kv_request_gb), 0);
    assert_near(full.max_sequences, floor(room / full.kv_request_gb), 0);
    assert_true(req.max_sequences > 10 * full.max_sequences);
    /* one sequence decodes faster: it reads 2000 tokens of KV, not 32000 */
    assert_near(req.tokens_per_s_ceiling, a100->bandwidth_gbs / (req.weights_gb + req.kv_request_gb), 1e-9);
    assert_true(req.tokens_per_s > full.tokens_per_s);
    /* a batch of 4 requests: the larger of one context and 4 requests, and
     * each step reads the 4 requests' KV */
    in.batch = 4;
    assert_int_equal(sizing_compute(&in, &req4, &err), 0);
    assert_near(req4.kv_cache_gb, fmax(req4.kv_context_gb, 4 * req4.kv_request_gb), 1e-12);
    assert_near(req4.kv_cache_gb, req4.kv_context_gb, 1e-12); /* 4 × 1.64 GB < 26.2 GB */
    double step = req4.weights_gb + 4 * req4.kv_request_gb;
    assert_near(req4.throughput_tokens_per_s, 4 / (step / (a100->bandwidth_gbs * 0.6)), 1e-6);
    in.batch = 1;
    assert_near(req.prompt_tokens, 1500, 0);
    assert_non_null(strstr(req.basis, "max sequences at 2000 tokens"));
    assert_non_null(strstr(req.basis, "one whole-context sequence fits as well"));
    /* a request of the whole context, or longer, changes nothing */
    in.prompt_tokens = 0;
    in.request_tokens = 32000;
    assert_int_equal(sizing_compute(&in, &same, &err), 0);
    in.request_tokens = 1e6;
    assert_int_equal(sizing_compute(&in, &over, &err), 0);
    assert_near(same.kv_cache_gb, full.kv_cache_gb, 0);
    assert_near(over.throughput_tokens_per_s, full.throughput_tokens_per_s, 0);
    assert_string_equal(same.basis, full.basis);
    assert_string_equal(over.basis, full.basis);
    /* the prompt defaults to the request */
    in.request_tokens = 3000;
    assert_int_equal(sizing_compute(&in, &req, &err), 0);
    assert_near(req.prompt_tokens, 3000, 0);
    /* a context whose one sequence does not fit leaves no sequence at all,
     * however short the requests */
    in.context = 2e6;
    in.request_tokens = 1000;
    in.batch = 1;
    in.gpu_count = 1;
    ld_sizing big;
    assert_int_equal(sizing_compute(&in, &big, &err), 0);
    assert_int_equal(big.gpus, 0); /* 2M tokens of KV (1.6 TB) fit on no single A100 */
    hosting_gpus_free(&l);
}

/* A mixed release: gpt-oss-120b's routed experts in MXFP4 (4.25 bits),
 * the rest bf16.  Its checkpoint's model.safetensors.index.json gives
 * total_size 65,248,815,744 bytes; the catalogue's rounded 117B total
 * lands within 1% of it. */
static void test_mixed_release(void **state)
{
    (void)state;
    ld_gpu_list gl = load_gpus();
    ld_sizing_input in;
    memset(&in, 0, sizeof in);
    in.arch.params_b = 117;
    in.arch.active_params_b = 5.1;
    in.arch.layers = 36;
    in.arch.hidden_size = 2880;
    in.arch.experts = 128;
    in.arch.experts_active = 4;
    in.arch.moe_intermediate_size = 2880;
    in.quant = "bf16";
    in.expert_quant = "mxfp4";
    in.gpu = hosting_gpu_find(&gl, "H100 SXM");
    assert_non_null(in.gpu);
    ld_sizing s;
    ld_error err;
    error_clear(&err);
    assert_int_equal(sizing_compute(&in, &s, &err), 0);
    double routed = 128.0 * 3 * 2880 * 2880 * 36 / 1e9; /* 114.65B */
    assert_near(s.routed_params_b, routed, 1e-9);
    assert_near(s.expert_bits, 4.25, 1e-12);
    assert_near(s.weights_gb, (117 - routed) * 2 + routed * 4.25 / 8, 1e-9);
    assert_true(fabs(s.weights_gb / 65.248815744 - 1) < 0.01);
    assert_near(s.bits_per_weight, s.weights_gb * 8 / 117, 1e-12);
    assert_non_null(strstr(s.basis, "routed-expert params"));
    /* a token reads 4 of the 128 experts at 4.25 bits, the rest of its
     * 5.1B at 16: no KV size here (no heads), so the ceiling is the weights' */
    double active_routed = routed * 4 / 128;
    double active_gb = (5.1 - active_routed) * 2 + active_routed * 4.25 / 8;
    assert_near(s.tokens_per_s_ceiling, s.gpus * in.gpu->bandwidth_gbs / active_gb, 1e-6);
    /* the same model with every weight at bf16 is 3.6 times the size */
    in.expert_quant = NULL;
    ld_sizing whole;
    assert_int_equal(sizing_compute(&in, &whole, &err), 0);
    assert_near(whole.weights_gb, 234, 1e-9);
    assert_near(whole.routed_params_b, 0, 0);
    /* experts' own precision on a dense model, or an unknown name: refused */
    in.expert_quant = "mxfp4";
    in.arch.experts = 0;
    assert_int_equal(sizing_compute(&in, &s, &err), -1);
    assert_string_equal(err.file, "expert-quant");
    in.arch.experts = 128;
    in.expert_quant = "fp3";
    assert_int_equal(sizing_compute(&in, &s, &err), -1);
    assert_string_equal(err.file, "expert-quant");
    hosting_gpus_free(&gl);
}

static void test_arch_from_catalog(void **state)
{
    (void)state;
    static const char csv[] =
        "model,params_b,active_params_b,layers,hidden_size,attention_heads,kv_heads,head_dim\n"
        "gqa,70,,80,8192,64,8,128\n"
        "mha,7,,32,4096,32,,\n"
        "moe,46.7,12.9,32,4096,32,8,128\n"
        "noparams,,,32,4096,32,8,128\n";
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_buffer(csv, sizeof csv - 1, "t.csv", NULL, &err);
    assert_non_null(cat);
    ld_model_arch a;
    assert_int_equal(sizing_arch_from_catalog(cat, 0, &a, &err), 0);
    assert_int_equal(a.kv_heads, 8);
    assert_int_equal(a.head_dim, 128);
    assert_near(a.active_params_b, 70, 0);
    assert_int_equal(sizing_arch_from_catalog(cat, 1, &a, &err), 0);
    assert_int_equal(a.kv_heads, 32);  /* missing kv_heads: attention heads */
    assert_int_equal(a.head_dim, 128); /* missing head_dim: 4096 / 32 */
    assert_int_equal(sizing_arch_from_catalog(cat, 2, &a, &err), 0);
    assert_near(a.active_params_b, 12.9, 1e-12);
    assert_int_equal(sizing_arch_from_catalog(cat, 3, &a, &err), -1);
    assert_non_null(strstr(err.msg, "noparams"));
    catalog_free(cat);
}

static void test_shipped_catalogue_llama70b(void **state)
{
    (void)state;
    size_t len;
    const char *text = embed_find("data/models.csv", &len);
    assert_non_null(text);
    ld_error err;
    ld_catalog *cat = csvload_buffer(text, len, "data/models.csv", NULL, &err);
    assert_non_null(cat);
    long row = catalog_find(cat, "Llama-2-70B-Chat");
    assert_true(row >= 0);
    ld_model_arch a;
    assert_int_equal(sizing_arch_from_catalog(cat, (size_t)row, &a, &err), 0);
    ld_sizing_input in;
    memset(&in, 0, sizeof in);
    in.arch = a;
    in.context = 4096;
    ld_sizing s;
    assert_int_equal(sizing_compute(&in, &s, &err), 0);
    assert_near(s.kv_cache_gb, 1.342, 0.0005);
    catalog_free(cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quant_table),
        cmocka_unit_test(test_seed_7b_fp16_is_14gb),
        cmocka_unit_test(test_gguf_sizes_within_3_percent),
        cmocka_unit_test(test_kv_cache_uses_kv_heads),
        cmocka_unit_test(test_kv_quant_and_batch),
        cmocka_unit_test(test_overhead_and_total),
        cmocka_unit_test(test_gpus_needed),
        cmocka_unit_test(test_fit_on_seed_gpus),
        cmocka_unit_test(test_cheapest_fit),
        cmocka_unit_test(test_decode_scales_with_bandwidth),
        cmocka_unit_test(test_moe_reads_active_params),
        cmocka_unit_test(test_batched_throughput),
        cmocka_unit_test(test_fp8_tensor_rate),
        cmocka_unit_test(test_request_tokens_size_the_batch),
        cmocka_unit_test(test_mixed_release),
        cmocka_unit_test(test_arch_from_catalog),
        cmocka_unit_test(test_shipped_catalogue_llama70b),
    };
    return cmocka_run_group_tests_name("sizing", tests, NULL, NULL);
}
