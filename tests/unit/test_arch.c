/* test_arch.c - sizing that matches the architecture, checked against
 * figures worked out by hand from the publishers' configs (and, where one
 * exists, a published figure): MLA, sliding windows, hybrid layers, MoE,
 * concurrency and tensor-parallel splits (the parameter counts are
 * test_arch_params.c's). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "arch_fixture.h"

#include "llmdeck/arch.h"
#include "llmdeck/csvload.h"
#include "llmdeck/dataset.h"
#include "llmdeck/hosting.h"
#include "llmdeck/sizing.h"

/* DeepSeek-V3: MLA caches one 512-wide latent and a 64-wide rope key per
 * layer and token: (512 + 64) × 61 layers × 2 bytes = 70,272 bytes a token
 * at bf16 (the "70 KB per token" DeepSeek's V2/V3 reports give), where a
 * GQA formula on its 128 heads would say 128 × 2 × 128 × 61 × 2 = 4 MB. */
static void test_mla_kv_per_token(void **state)
{
    (void)state;
    ld_model_arch a = arch_of("DeepSeek-V3");
    assert_int_equal(a.attn, LD_ATTN_MLA);
    assert_true(arch_kv_known(&a));
    assert_near(arch_kv_elems(&a, 1, NULL, 0) * 2, 70272, 0);
    assert_near(arch_kv_elems(&a, 32768, NULL, 0), 576.0 * 61 * 32768, 0);
}

/* Gemma 3 27B at 128K: 10 of its 62 layers are global (5 local : 1 global),
 * the 52 local ones hold 1,024 tokens.  Counting every layer as global
 * would overstate the cache 5.9×. */
static void test_sliding_window_long_context(void **state)
{
    (void)state;
    ld_model_arch a = arch_of("gemma-3-27b-it");
    double ctx = 131072, per = 2.0 * a.kv_heads * a.head_dim;
    assert_int_equal(a.layers, 62);
    assert_int_equal(a.global_layers, 10);
    assert_int_equal(a.sliding_window, 1024);
    double want = per * (10 * ctx + 52 * 1024.0);
    assert_near(arch_kv_elems(&a, ctx, NULL, 0), want, 0);
    double naive = per * 62 * ctx;
    assert_true(naive / want > 5.8 && naive / want < 6.0);
    /* below the window, sliding and global layers hold the same */
    assert_near(arch_kv_elems(&a, 512, NULL, 0), per * 62 * 512, 0);
}

/* Gemma 4 31B: its 10 global layers have heads of their own (4 KV heads of
 * 512, against 16 of 256 on the 50 sliding ones); counted with the sliding
 * layers' heads the cache at 256K was 2x too large.  Without a sliding
 * window the fields change nothing (every layer is alike). */
static void test_global_heads_of_their_own(void **state)
{
    (void)state;
    ld_model_arch a = arch_of("gemma-4-31B-it");
    assert_int_equal(a.global_layers, 10);
    assert_int_equal(a.global_kv_heads, 4);
    assert_int_equal(a.global_head_dim, 512);
    double ctx = 262144;
    double want = 2.0 * 4 * 512 * 10 * ctx + 2.0 * 16 * 256 * 50 * 1024;
    char f[400];
    assert_near(arch_kv_elems(&a, ctx, f, sizeof f), want, 0);
    assert_string_equal(f, "[2 × 4 kv heads × 512 head dim × 10 full layers × 262144 tokens + 2 × 16 kv heads × "
                           "256 head dim × 50 sliding layers × min(262144, 1024 window)]");
    ld_model_arch same = a; /* the columns empty: the sliding layers' heads everywhere */
    same.global_kv_heads = same.global_head_dim = 0;
    double before = arch_kv_elems(&same, ctx, NULL, 0);
    assert_near(before, 2.0 * 16 * 256 * (10 * ctx + 50 * 1024), 0);
    assert_true(before / want > 1.9 && before / want < 2.0);
    same = a;
    same.sliding_window = 0; /* no sliding layers: one head shape for all */
    assert_near(arch_kv_elems(&same, ctx, NULL, 0), 2.0 * 16 * 256 * 60 * ctx, 0);
}

/* Gemma 4 E4B: its last 18 layers (3 of them full attention) read earlier
 * layers' caches, so 24 layers hold one (4 full with 512-wide heads, 20
 * sliding); Gemma 3n E4B, without heads of its own, 20 of 35.  Counts that
 * do not fit the layers of each kind are ignored (the data check refuses
 * them), never subtracted below zero. */
static void test_kv_shared_layers(void **state)
{
    (void)state;
    ld_model_arch a = arch_of("gemma-4-E4B-it");
    assert_int_equal(a.layers, 42);
    assert_int_equal(a.kv_shared_layers, 18);
    assert_int_equal(a.kv_shared_global, 3);
    double ctx = 32000;
    double want = 2.0 * 2 * 512 * 4 * ctx + 2.0 * 2 * 256 * 20 * 512;
    char f[400];
    assert_near(arch_kv_elems(&a, ctx, f, sizeof f), want, 0);
    assert_string_equal(f, "caches of 24 of 42 layers (18 share one): [2 × 2 kv heads × 512 head dim × 4 full layers × "
                           "32000 tokens + 2 × 2 kv heads × 256 head dim × 20 sliding layers × min(32000, 512 window)]");
    ld_model_arch all = a; /* without sharing: every layer's cache */
    all.kv_shared_layers = all.kv_shared_global = 0;
    assert_near(arch_kv_elems(&all, ctx, NULL, 0), 2.0 * 2 * 512 * 7 * ctx + 2.0 * 2 * 256 * 35 * 512, 0);
    ld_model_arch bad = a; /* more shared full layers than there are: ignored */
    bad.kv_shared_global = 8;
    bad.kv_shared_layers = 18;
    assert_near(arch_kv_elems(&bad, ctx, NULL, 0), arch_kv_elems(&all, ctx, NULL, 0), 0);
    ld_model_arch n3 = arch_of("gemma-3n-E4B-it");
    assert_near(arch_kv_elems(&n3, ctx, f, sizeof f), 2.0 * 2 * 256 * (4 * ctx + 16 * 512), 0);
    assert_string_equal(f, "caches of 20 of 35 layers (15 share one): 2 × 2 kv heads × 256 head dim × (4 full layers × "
                           "32000 tokens + 16 sliding layers × min(32000, 512 window))");
}

/* DeepSeek-V3.2-Exp's lightning indexer caches 128 fp8 keys and one fp32
 * scale a token and layer (132 bytes) beside MLA's 576 elements, at any KV
 * precision; its attention reads the cache of 2,048 tokens a step. */
static void test_indexer_cache(void **state)
{
    (void)state;
    ld_model_arch a = arch_of("DeepSeek-V3.2-Exp");
    assert_int_equal(a.index_head_dim, 128);
    assert_int_equal(a.index_topk, 2048);
    char f[200];
    assert_near(arch_index_bytes(&a, 128000, f, sizeof f), 132.0 * 61 * 128000, 0);
    assert_string_equal(f, "indexer keys (128 fp8 + 1 fp32 scale = 132 bytes) × 61 layers × 128000 tokens");
    /* a step reads 2,048 tokens' latents on all 61 layers (the indexer keys apart) */
    assert_near(arch_kv_read_elems(&a, 128000, f, sizeof f), 576.0 * 61 * 2048, 0);
    assert_string_equal(f, "the top 2048 of 128000 tokens");
    assert_near(arch_kv_read_elems(&a, 1000, f, sizeof f), 576.0 * 61 * 1000, 0); /* fewer than the top-k: all */
    assert_string_equal(f, "");
    ld_model_arch v31 = arch_of("DeepSeek-V3.1"); /* no indexer: nothing of either */
    assert_near(arch_index_bytes(&v31, 128000, f, sizeof f), 0, 0);
    assert_string_equal(f, "");
    assert_near(arch_kv_read_elems(&v31, 128000, NULL, 0), 576.0 * 61 * 128000, 0);
    /* MiniMax M3's layout: an indexer of 256-byte bf16 keys on 57 of 60 GQA
     * layers, the first 3 attending to every token */
    ld_model_arch m3 = arch_of("Llama-3.1-8B-Instruct"); /* 32 GQA layers, 8 KV heads of 128 */
    m3.index_head_dim = 128;
    m3.index_topk = 2048;
    m3.index_layers = 29;
    m3.index_key_bytes = 256;
    assert_near(arch_index_bytes(&m3, 100000, f, sizeof f), 256.0 * 29 * 100000, 0);
    assert_string_equal(f, "indexer keys (128-element keys, 256 bytes) × 29 layers × 100000 tokens");
    double per = 2.0 * 8 * 128;
    assert_near(arch_kv_read_elems(&m3, 100000, f, sizeof f), per * (29 * 2048.0 + 3 * 100000.0), 1e-6);
    assert_string_equal(f, "the top 2048 of 100000 tokens on the 29 layers with an indexer, all on the other 3");
    assert_near(arch_kv_elems(&m3, 100000, NULL, 0), per * 32 * 100000, 0); /* the memory holds every token */
    /* sizing: the cache holds both, at fp16 and at fp8 alike for the indexer */
    ld_sizing_input in = {0};
    in.arch = a;
    in.context = 128000;
    in.quant = "fp8";
    in.gpu = hosting_gpu_find(&gpus, "H200");
    ld_sizing s;
    ld_error err;
    assert_int_equal(sizing_compute(&in, &s, &err), 0);
    double mla = 576.0 * 61 * 128000 * 2, idx = 132.0 * 61 * 128000;
    assert_near(s.kv_cache_gb, (mla + idx) / 1e9, 1e-9);
    /* a decode step reads 2,048 tokens' latents and every indexer key */
    assert_near(s.kv_read_gb, (576.0 * 61 * 2048 * 2 + idx) / 1e9, 1e-9);
    in.kv_quant = "fp8";
    assert_int_equal(sizing_compute(&in, &s, &err), 0);
    assert_near(s.kv_cache_gb, (mla / 2 + idx) / 1e9, 1e-9);
}

/* DeepSeek-V4-Pro's compressed attention: one 512-wide vector a token in a
 * 128-token window on all 61 layers, one entry per 4 tokens on the 30 CSA
 * layers (an indexer key of 132 bytes each), one per 128 on the 31 HCA
 * layers, and the compressors' fp32 state.  At 1,048,576 tokens and bf16
 * that is 9.378 GB = 8.73 GiB (published estimates say "8.7 GiB for a 1M
 * token context"); a step reads the 1,024 entries the indexer picks. */
static void test_compressed_attention(void **state)
{
    (void)state;
    ld_model_arch a = arch_of("DeepSeek-V4-Pro");
    assert_int_equal(a.attn, LD_ATTN_COMPRESSED);
    assert_string_equal(arch_attn_name(&a), "compressed");
    assert_true(arch_kv_known(&a));
    double t = 1048576;
    char f[400];
    double elems = arch_kv_elems(&a, t, f, sizeof f);
    assert_near(elems, 512.0 * (61 * 128 + 30 * 262144 + 31 * 8192), 0);
    assert_string_equal(f, "1 kv heads × 512 head dim × (61 layers × min(1048576, 128 window) + 30 CSA layers × "
                           "floor(1048576 / 4) + 31 HCA layers × floor(1048576 / 128))");
    /* state: CSA 2 × (2×4) × (2×512) × 4 bytes + its indexer's 2 × 8 × 256 × 4;
     * HCA 2 × 128 × 512 × 4 (no overlap) */
    double csa_state = 2.0 * 8 * 1024 * 4 + 2.0 * 8 * 256 * 4, hca_state = 2.0 * 128 * 512 * 4;
    assert_near(csa_state, 81920, 0);
    double own = arch_index_bytes(&a, t, f, sizeof f);
    assert_near(own, 132.0 * 30 * 262144 + csa_state * 30 + hca_state * 31, 0);
    assert_string_equal(f, "indexer keys (128 fp8 + 1 fp32 scale = 132 bytes) × 30 CSA layers × 262144 entries + "
                           "compressor state (fp32) 81920 bytes × 30 CSA + 524288 × 31 HCA layers");
    double gib = (elems * 2 + own) / (1024.0 * 1024 * 1024);
    assert_true(gib > 8.7 && gib < 8.75);
    /* a decode step: every window and HCA entry, 1,024 of the CSA entries */
    assert_near(arch_kv_read_elems(&a, t, f, sizeof f), 512.0 * (61 * 128 + 30 * 1024 + 31 * 8192), 0);
    assert_string_equal(f, "every layer's window and HCA entries, and the top 1024 of 262144 entries on the 30 CSA layers");
    /* short of a window: every token once per layer, whole groups only */
    assert_near(arch_kv_elems(&a, 100, NULL, 0), 512.0 * (61 * 100 + 30 * 25), 0);
    assert_near(arch_kv_read_elems(&a, 100, f, sizeof f), 512.0 * (61 * 100 + 30 * 25), 0); /* fewer than the top-k */
    assert_string_equal(f, "");
    /* Flash: 2 window-only layers beside 21 CSA and 20 HCA */
    ld_model_arch fl = arch_of("DeepSeek-V4-Flash");
    assert_near(arch_kv_elems(&fl, 131072, NULL, 0), 512.0 * (43 * 128 + 21 * 32768 + 20 * 1024), 0);
    /* against DeepSeek-V3.2 at the same precision at 1M tokens (MLA and its
     * indexer on 61 layers): the card says 10% for Pro, 7% for Flash */
    ld_model_arch v32 = arch_of("DeepSeek-V3.2");
    double v32_bytes = arch_kv_elems(&v32, t, NULL, 0) * 2 + arch_index_bytes(&v32, t, NULL, 0);
    double pro = (elems * 2 + own) / v32_bytes;
    double flash = (arch_kv_elems(&fl, t, NULL, 0) * 2 + arch_index_bytes(&fl, t, NULL, 0)) / v32_bytes;
    assert_true(pro > 0.10 && pro < 0.12);
    assert_true(flash > 0.07 && flash < 0.09);
    /* columns that do not hold together: no cache is computed */
    ld_model_arch bad = a;
    bad.sliding_window = 0;
    assert_false(arch_kv_known(&bad));
    bad = a;
    bad.csa_ratio = 0;
    assert_false(arch_kv_known(&bad));
    bad = a;
    bad.hca_layers = 40; /* 30 + 40 > 61 layers */
    assert_false(arch_kv_known(&bad));
    /* window-only layers: no entries, indexer or state of their own */
    ld_model_arch win = a;
    win.csa_layers = win.hca_layers = 0;
    assert_true(arch_kv_known(&win));
    assert_near(arch_kv_elems(&win, t, NULL, 0), 512.0 * 61 * 128, 0);
    assert_near(arch_index_bytes(&win, t, f, sizeof f), 0, 0);
    assert_string_equal(f, "");
    /* its parameter count is not the formula's */
    double total, active;
    assert_int_equal(arch_param_count(&a, &total, &active), -1);
    /* the sizing takes both, the indexer's and the state's bytes at their own precision */
    ld_sizing_input in = {0};
    in.arch = a;
    in.context = 32768;
    in.quant = "fp8";
    in.gpu = hosting_gpu_find(&gpus, "H200");
    ld_sizing s;
    ld_error err;
    assert_int_equal(sizing_compute(&in, &s, &err), 0);
    double kv = arch_kv_elems(&a, 32768, NULL, 0) * 2 + arch_index_bytes(&a, 32768, NULL, 0);
    assert_near(s.kv_cache_gb, kv / 1e9, 1e-9);
    assert_near(s.kv_read_gb, (512.0 * (61 * 128 + 30 * 1024 + 31 * 256) * 2 + arch_index_bytes(&a, 32768, NULL, 0)) / 1e9,
                1e-9);
}

/* Qwen3-Next: 36 Gated DeltaNet layers keep a fixed state, the 12 gated
 * attention layers the full context. */
static void test_hybrid_state(void **state)
{
    (void)state;
    ld_model_arch a = arch_of("Qwen3-Next-80B-A3B-Instruct");
    assert_int_equal(a.attn, LD_ATTN_HYBRID);
    double e1 = arch_kv_elems(&a, 1000, NULL, 0), e2 = arch_kv_elems(&a, 2000, NULL, 0);
    /* the cache grows with the 12 attention layers only */
    assert_near(e2 - e1, 2.0 * a.kv_heads * a.head_dim * a.global_layers * 1000, 0);
    assert_near(e1 - 2.0 * a.kv_heads * a.head_dim * a.global_layers * 1000, a.linear_layers * a.linear_state_elems, 0);
    /* the basis brackets both terms: the sequences and bytes that follow multiply the sum */
    char f[400];
    arch_kv_elems(&a, 1000, f, sizeof f);
    assert_string_equal(f, "[2 × 2 kv heads × 256 head dim × (12 full layers × 1000 tokens) + 36 linear layers × "
                           "524288 state]");
    /* an fp8 KV cache halves the attention layers' cache, not the linear
     * layers' state: it stays at the model's 2 bytes (vLLM's mamba_cache_dtype) */
    ld_sizing_input in = {0};
    in.arch = a;
    in.context = 4096;
    in.kv_quant = "fp8";
    in.gpu = hosting_gpu_find(&gpus, "H200");
    ld_sizing s;
    ld_error err;
    assert_int_equal(sizing_compute(&in, &s, &err), 0);
    double attn = 2.0 * a.kv_heads * a.head_dim * a.global_layers * 4096;
    assert_near(s.kv_request_gb, (attn * 1 + a.linear_layers * a.linear_state_elems * 2) / 1e9, 1e-12);
    assert_non_null(strstr(s.basis, "36 linear layers × 524288 state × 2 bytes (the model's precision)"));
    in.kv_quant = "fp16"; /* the same bytes both: one product, as before */
    assert_int_equal(sizing_compute(&in, &s, &err), 0);
    assert_near(s.kv_request_gb, (attn + a.linear_layers * a.linear_state_elems) * 2 / 1e9, 1e-12);
}

/* Llama-3.1-8B at fp16 and 8K on one H100 80GB: 76.97 GB usable (90% of
 * the 81559 MiB the driver reports), 16.06 GB of weights, 3.2 GB + 2% of
 * them of overhead, 1.074 GB of KV a sequence: (76.97 - 3.52 - 16.06) /
 * 1.074 = 53 sequences at once. */
static void test_max_sequences_h100(void **state)
{
    (void)state;
    ld_sizing_input in = {0};
    in.arch = arch_of("Llama-3.1-8B-Instruct");
    in.context = 8192;
    in.gpu = hosting_gpu_find(&gpus, "H100 SXM");
    assert_non_null(in.gpu);
    ld_sizing s;
    ld_error err;
    assert_int_equal(sizing_compute(&in, &s, &err), 0);
    assert_int_equal(s.gpus, 1);
    double kv1 = 2.0 * 32 * 8 * 128 * 8192 * 2 / 1e9;
    assert_near(s.kv_cache_gb, kv1, 1e-9);
    /* the H100's 81559 MiB as the driver reports it = 85.52 GB */
    double want = floor((81559.0 * 1048576 / 1e9 * 0.9 - (3.2 + 0.02 * s.weights_gb) - s.weights_gb) / kv1);
    assert_near(s.max_sequences, want, 0);
    assert_near(s.max_sequences, 53, 0);
    assert_true(s.ttft_s > 0);
}

/* MoE decoding reads the active weights: Qwen3-30B-A3B against the dense
 * Qwen3-32B on one H200 at batch 1 runs about as much faster as its
 * active weights are smaller (3.3B vs 32.8B, less the shared KV read). */
static void test_moe_vs_dense_speed(void **state)
{
    (void)state;
    ld_sizing_input in = {0};
    in.context = 4096;
    in.gpu = hosting_gpu_find(&gpus, "H200"); /* one GPU holds either at fp16 */
    ld_sizing moe, dense;
    ld_error err;
    in.arch = arch_of("Qwen3-30B-A3B");
    assert_int_equal(sizing_compute(&in, &moe, &err), 0);
    in.arch = arch_of("Qwen3-32B");
    assert_int_equal(sizing_compute(&in, &dense, &err), 0);
    assert_int_equal(moe.gpus, 1);
    assert_int_equal(dense.gpus, 1);
    double ratio = moe.tokens_per_s / dense.tokens_per_s;
    /* less each one's input embedding table, looked up a row a token */
    assert_true(moe.lookup_params_b > 0.3 && dense.lookup_params_b > 0.3);
    double bytes_moe = (3.3 - moe.lookup_params_b) * 2 + moe.kv_cache_gb,
           bytes_dense = (32.8 - dense.lookup_params_b) * 2 + dense.kv_cache_gb;
    assert_near(ratio, bytes_dense / bytes_moe, 0.01);
    assert_true(ratio > 5);
    /* the MoE model's KV cache is counted (it had none before the catalogue had its architecture) */
    assert_true(moe.kv_known && moe.kv_cache_gb > 0.3);
}

/* Tensor parallel: 64 heads and 8 KV heads split over 1, 2, 4 or 8 GPUs,
 * and over 16, 32 or 64 with each KV head kept on several; not over 3. */
static void test_tensor_parallel_check(void **state)
{
    (void)state;
    ld_model_arch a = arch_of("Llama-3.1-70B-Instruct");
    char valid[200];
    assert_int_equal(sizing_tp_check(&a, 4, valid, sizeof valid), 0);
    assert_int_equal(sizing_tp_check(&a, 3, valid, sizeof valid), -1);
    assert_string_equal(valid, "1, 2, 4, 8, 16, 32, 64");
    assert_int_equal(sizing_tp_check(&a, 16, valid, sizeof valid), 0);
    assert_near(sizing_kv_copies(&a, 16), 2, 0);
    assert_near(sizing_kv_copies(&a, 8), 1, 0);
    ld_sizing_input in = {0};
    in.arch = a;
    in.gpu = hosting_gpu_find(&gpus, "H100 SXM");
    in.gpu_count = 3;
    ld_sizing s;
    ld_error err;
    error_clear(&err);
    assert_int_equal(sizing_compute(&in, &s, &err), -1);
    assert_string_equal(err.file, "gpus");
    assert_non_null(strstr(err.msg, "1, 2, 4, 8"));
    in.gpu_count = 4;
    assert_int_equal(sizing_compute(&in, &s, &err), 0);
    assert_int_equal(s.gpus, 4);
    assert_near(s.kv_per_gpu_gb, s.kv_cache_gb / 4, 1e-12);
    /* 2 KV heads on 8 GPUs: each kept on 4 (vLLM replicates them), so a
     * GPU holds half the cache, not an eighth, and the room for sequences
     * pays for four copies */
    in.arch.kv_heads = 2;
    in.context = 32768;
    in.gpu_count = 8;
    assert_int_equal(sizing_compute(&in, &s, &err), 0);
    assert_int_equal(s.gpus, 8);
    assert_near(sizing_kv_copies(&in.arch, 8), 4, 0);
    assert_near(s.kv_per_gpu_gb, s.kv_cache_gb / 2, 1e-12);
    /* the overhead of 8 GPUs: 8 × 5.5 GB + 2% of the weights */
    assert_near(s.overhead_gb, 8 * SIZING_OVERHEAD_TP_GPU_GB + SIZING_OVERHEAD_FRACTION * s.weights_gb, 1e-9);
    double room = 8 * s.usable_gb - s.overhead_gb - s.weights_gb;
    assert_near(s.max_sequences, floor(room / (s.kv_request_gb * 4)), 0);
    assert_non_null(strstr(s.basis, "kv cache kept 4 times: 2 KV heads on 8 GPUs"));
    /* MLA's latent is one vector a token: tensor parallelism keeps it whole
     * on every GPU, and the room for sequences pays for every copy */
    ld_model_arch v3 = arch_of("DeepSeek-V3");
    assert_near(sizing_kv_copies(&v3, 8), 8, 0);
    assert_near(sizing_kv_copies(&v3, 1), 1, 0);
    in.arch = v3;
    in.context = 8192;
    in.quant = "fp8";
    in.gpu = hosting_gpu_find(&gpus, "H200");
    assert_int_equal(sizing_compute(&in, &s, &err), 0);
    assert_int_equal(s.gpus, 8);
    assert_near(s.kv_per_gpu_gb, s.kv_cache_gb, 1e-12);
    assert_near(s.total_gb, s.weights_gb + 8 * s.kv_cache_gb + s.overhead_gb, 1e-9);
    room = 8 * s.usable_gb - s.overhead_gb - s.weights_gb;
    assert_near(s.max_sequences, floor(room / (s.kv_request_gb * 8)), 0);
    assert_non_null(strstr(s.basis, "each of the 8 GPUs keeps it whole"));
}

/* the name shown beside the KV formula follows the heads, not only the kind */
static void test_attention_names(void **state)
{
    (void)state;
    ld_model_arch a;
    memset(&a, 0, sizeof a);
    a.attn = LD_ATTN_GQA;
    a.attention_heads = 32;
    a.kv_heads = 32;
    assert_string_equal(arch_attn_name(&a), "MHA"); /* Llama-2-7B */
    a.kv_heads = 8;
    assert_string_equal(arch_attn_name(&a), "GQA");
    a.kv_heads = 1;
    assert_string_equal(arch_attn_name(&a), "MQA");
    a.kv_heads = 0; /* unknown heads: the formula's name */
    assert_string_equal(arch_attn_name(&a), "GQA");
    a.attn = LD_ATTN_MLA;
    a.kv_heads = 128;
    a.attention_heads = 128; /* DeepSeek-V3 lists kv_heads = heads, but the cache is MLA's */
    assert_string_equal(arch_attn_name(&a), "MLA");
    a.attn = LD_ATTN_HYBRID;
    assert_string_equal(arch_attn_name(&a), "hybrid");
}

/* The prompt's attention FLOPs, worked by hand: Llama-3.1-70B at 128,000
 * tokens, 80 full layers of 64 heads of 128, causal: 4 × 64 × 128 × 80 ×
 * 128000 × 128001 / 2 = 2.147e16 FLOP, more than its weights' 2 × 70.6B ×
 * 128000 = 1.8e16; so its first token takes over twice the weights-only
 * time (the sizing core's ttft, checked at the end).  Gemma 3's 52 sliding
 * layers see at most 1,024 keys; DeepSeek-V3's MLA runs prefill on its
 * per-head dims (128 + 64 for q.k, 128 for p.v). */
static void test_attention_flops(void **state)
{
    (void)state;
    ld_model_arch a = arch_of("Llama-3.1-70B-Instruct");
    double n = 128000, pairs = n * (n + 1) / 2;
    assert_near(arch_attn_flops(&a, n, NULL, 0), 4.0 * 64 * 128 * 80 * pairs, 1e6);
    assert_true(arch_attn_flops(&a, n, NULL, 0) > 2.0 * 70.6e9 * n);
    ld_model_arch g = arch_of("gemma-3-27b-it");
    double m = 32000, win = 1024.0 * 1025 / 2 + (m - 1024) * 1024;
    assert_near(arch_attn_flops(&g, m, NULL, 0),
                4.0 * g.attention_heads * g.head_dim * (10 * m * (m + 1) / 2 + 52 * win), 1e6);
    ld_model_arch d = arch_of("DeepSeek-V3");
    assert_near(arch_attn_flops(&d, m, NULL, 0), 2.0 * 128 * (128 + 64 + 128) * 61 * m * (m + 1) / 2, 1e6);
    /* unknown attention: unknown, not 0 */
    ld_model_arch none = {0};
    none.params_b = 7;
    assert_true(isnan(arch_attn_flops(&none, n, NULL, 0)));
    /* the first token: the weights' and the attention's FLOPs, at 50% of 4 × H100 */
    ld_sizing_input in = {0};
    in.arch = a;
    in.quant = "fp16";
    in.context = n;
    in.batch = 1;
    in.gpus = &gpus;
    in.gpu = hosting_gpu_find(&gpus, "H100 SXM");
    ld_sizing s;
    ld_error err;
    assert_int_equal(sizing_compute(&in, &s, &err), 0);
    assert_int_equal(s.gpus, 4);
    double want = (2.0 * a.params_b * 1e9 * n + 4.0 * 64 * 128 * 80 * pairs) / (4 * 989.5e12 * 0.5);
    assert_near(s.ttft_s, want, want * 0.01);
    assert_true(s.ttft_s > 19 && s.ttft_s < 21);
}

/* A prompt's tokens route to many experts: DeepSeek-V3's 128-token prompt
 * touches 1 - (1 - 8/256)^128 = 98.3% of its routed experts, so its first
 * token cannot come before they are read once (660 GB at fp8 over 8 H200
 * at 60% of 4.8 TB/s: 28.6 ms), not only the 37B active (1.6 ms). */
static void test_moe_prompt_reads_touched_experts(void **state)
{
    (void)state;
    ld_model_arch a = arch_of("DeepSeek-V3");
    ld_sizing_input in = {0};
    in.arch = a;
    in.quant = "fp8";
    in.context = 384;
    in.request_tokens = 384;
    in.prompt_tokens = 128;
    in.batch = 1;
    in.gpus = &gpus;
    in.gpu = hosting_gpu_find(&gpus, "H200");
    in.gpu_count = 8;
    ld_sizing s;
    ld_error err;
    assert_int_equal(sizing_compute(&in, &s, &err), 0);
    double routed = arch_routed_params_b(&a), share = 8.0 / 256;
    double always = a.active_params_b - routed * share;
    double read_gb = always + routed * (1 - pow(1 - share, 128)); /* fp8: a byte a param */
    double want = read_gb / (8 * in.gpu->bandwidth_gbs * 0.6);
    assert_near(s.ttft_s, want, want * 0.01);
    assert_true(s.ttft_s > 0.025 && s.ttft_s < 0.032);
    /* a MoE over 8 GPUs: its speeds are said to be upper bounds, with the measured figures */
    assert_true(s.moe_multi_gpu);
    assert_non_null(strstr(s.basis, "upper bounds"));
    assert_non_null(strstr(s.basis, "sglang/pull/2643"));
    /* not for a dense model over GPUs, nor for a MoE on one */
    ld_sizing_input d = {0};
    d.arch = arch_of("Llama-3.1-70B-Instruct");
    d.quant = "fp16";
    d.batch = 1;
    d.gpus = &gpus;
    d.gpu = in.gpu;
    assert_int_equal(sizing_compute(&d, &s, &err), 0);
    assert_true(s.gpus > 1);
    assert_false(s.moe_multi_gpu);
    d.arch = arch_of("gpt-oss-20b");
    assert_int_equal(sizing_compute(&d, &s, &err), 0);
    assert_int_equal(s.gpus, 1);
    assert_false(s.moe_multi_gpu);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mla_kv_per_token),
        cmocka_unit_test(test_attention_flops),
        cmocka_unit_test(test_moe_prompt_reads_touched_experts),
        cmocka_unit_test(test_sliding_window_long_context),
        cmocka_unit_test(test_global_heads_of_their_own),
        cmocka_unit_test(test_kv_shared_layers),
        cmocka_unit_test(test_indexer_cache),
        cmocka_unit_test(test_compressed_attention),
        cmocka_unit_test(test_hybrid_state),
        cmocka_unit_test(test_max_sequences_h100),
        cmocka_unit_test(test_moe_vs_dense_speed),
        cmocka_unit_test(test_tensor_parallel_check),
        cmocka_unit_test(test_attention_names),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
