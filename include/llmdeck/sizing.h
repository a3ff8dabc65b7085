/* sizing.h - how much GPU memory a model needs, on how many GPUs it fits,
 * and how fast it decodes.
 *
 *   weights  = params × bits_per_weight / 8            (decimal GB, 1e9)
 *              (a mixed release, expert_quant: the routed experts' params
 *              × their bits / 8 + the others × bits_per_weight / 8)
 *   kv cache = 2 × layers × kv_heads × head_dim × tokens × bytes, for the
 *              larger of one sequence of `context` tokens (the longest the
 *              server must take) and `batch` sequences of `request_tokens`
 *              (the typical request; = context unless given)
 *   overhead = n × (SIZING_OVERHEAD_ONE_GPU_GB on one GPU, SIZING_OVERHEAD_TP_GPU_GB
 *              on each of 2 or more) + SIZING_OVERHEAD_FRACTION × weights
 *   GPUs     = smallest n of 1, 2, 4, 8 with n × device memory × 0.9 >=
 *              weights + kv (× its copies) + overhead on n
 *              (device memory: the driver's total, hosting_gpu_device_gb)
 *   decode   = n × bandwidth / (active weights + kv of one sequence) × efficiency
 *   prefill  = max((2 × active × prompt + attention FLOPs) / compute,
 *                  weights the prompt's tokens touch / bandwidth)
 *   batched  = batch / max(bytes per step / bandwidth, flops per step / compute)
 *
 * Every result carries `basis`: the inputs and formulas, one per line, so the
 * user sees where each number comes from. */
#ifndef LLMDECK_SIZING_H
#define LLMDECK_SIZING_H

#include <stddef.h>

#include "llmdeck/arch.h"
#include "llmdeck/catalog.h"
#include "llmdeck/error.h"
#include "llmdeck/hosting.h"

/* Runtime memory besides the weights and the KV cache, per GPU: the
 * activations' peak, memory outside PyTorch and the CUDA graphs.  Fitted
 * to vLLM 0.19's own accounting of 13 start-ups on H100s (8B to 109B,
 * bf16/fp8/int4/MXFP4, 1 to 4 GPUs; doc/data.md): 2.1-5.3 GiB on one GPU,
 * 4.2-6.5 GiB a GPU with tensor parallel (its all-reduce buffers, about
 * 2.1 GiB, are the step), and nearly flat in the weights (the same 8B at
 * bf16, fp8 and int4: the same 1.89 GiB of activations).  The CUDA context
 * (0.5-1.5 GiB) is outside vLLM's 90% and not counted. */
#define SIZING_OVERHEAD_ONE_GPU_GB 3.2
#define SIZING_OVERHEAD_TP_GPU_GB 5.5
#define SIZING_OVERHEAD_FRACTION 0.02   /* of the weights */
#define SIZING_GPU_MEM_UTIL 0.9     /* vLLM's default gpu_memory_utilization */
#define SIZING_EFFICIENCY 0.6       /* share of the bandwidth ceiling reached */
#define SIZING_COMPUTE_UTIL 0.5     /* share of peak TFLOPS reached when compute-bound */
#define SIZING_DEFAULT_CONTEXT 4096
#define SIZING_STATE_BYTES 2     /* a linear layer's state: the model's precision (bf16), whatever the KV type */


typedef struct {
    const char *name;  /* canonical lower-case id: "q4_k_m" */
    double bits;       /* effective bits per weight, whole file (GPU formats: the quantized layers) */
    const char *basis; /* where the figure comes from */
    int embed16;       /* a GPU format (fp8, int8, AWQ/GPTQ, MXFP4, NVFP4): the embeddings and
                        * the output layer stay 16-bit, as its checkpoints keep them */
} ld_quant;

/* Effective bits per weight of a quantization (case-insensitive: "fp16",
 * "BF16", "int4", "awq", "Q4_K_M", ...).  Returns 0, or -1 if unknown. */
int sizing_quant_bits(const char *name, double *bits);
/* The table entry (or NULL); sizing_quant_at(i) for i < sizing_quant_count()
 * lists them in display order (for pickers). */
const ld_quant *sizing_quant_find(const char *name);
size_t sizing_quant_count(void);
const ld_quant *sizing_quant_at(size_t i);
/* Bytes per KV-cache element: fp32 4, fp16/bf16 2, fp8/int8/q8 1. -1 if unknown. */
int sizing_kv_bytes(const char *name, double *bytes);

typedef struct {
    ld_model_arch arch;
    const char *model;     /* display name for the basis (may be NULL) */
    const char *quant;     /* NULL = "fp16" */
    const char *kv_quant;  /* NULL = "fp16" */
    const char *expert_quant; /* NULL = as quant; else the routed experts' precision, the
                              rest at `quant` (a publisher's mixed release: gpt-oss's MXFP4
                              experts beside bf16); needs the experts' shape (arch_routed_params_b) */
    double context;        /* tokens per sequence; <= 0 = 4096 */
    double batch;          /* concurrent sequences; <= 0 = 1 */
    const ld_gpu *gpu;     /* the GPU to fit on; NULL = cheapest in `gpus` */
    const ld_gpu_list *gpus; /* for the cheapest fit (may be NULL) */
    double gpu_mem_util;   /* <= 0 = 0.9 */
    double efficiency;     /* <= 0 = 0.6 */
    double compute_util;   /* <= 0 = 0.5 */
    int gpu_count;         /* tensor-parallel degree asked for; 0 = the smallest that fits.
                              Must divide the attention and KV heads. */
    double prompt_tokens;  /* prompt length for prefill / time to first token; <= 0 = request_tokens */
    const char *gpu_class; /* GPUs the cheapest fit may use: NULL or "datacenter" (and GPUs of
                              no stated class), "workstation", "consumer" or "any" */
    double request_tokens; /* tokens a typical request holds at its end (prompt + answer):
                              the KV cache each of the batch's sequences reads and reserves,
                              so how many fit and how fast they decode; the memory still
                              holds one sequence of `context`.  <= 0 or > context = context */
} ld_sizing_input;

typedef struct {
    double bits_per_weight;     /* over all the weights (a mixed release, 16-bit embeddings: the average) */
    double kv_copies;           /* copies of the KV cache total_gpus keep (sizing_kv_copies) */
    double embed16_params_b;    /* of them, embeddings and output layer kept 16-bit (0: none, or unknown) */
    double lookup_params_b;     /* an untied input embedding table: looked up a row a token, not read (0: tied, unknown) */
    double base_bits;           /* the quantization's bits: all weights, or a mixed release's non-expert ones */
    double expert_bits;         /* the routed experts' (= base_bits when not mixed) */
    double routed_params_b;     /* the routed experts' params when stored apart, else 0 */
    double kv_bytes;            /* per element */
    double context, batch;
    double request_tokens;      /* tokens a batch's sequence holds (<= context) */
    double weights_gb, kv_cache_gb, overhead_gb, total_gb; /* kv NaN when unknown; overhead
                                   and total on total_gpus GPUs */
    int total_gpus;             /* the GPUs used, or the count tried when none fits, else 1 */
    double kv_request_gb;       /* one batch sequence's KV cache (request_tokens); NaN unknown */
    double kv_context_gb;       /* one sequence of the whole context; NaN unknown */
    double kv_read_gb;          /* what a decode step reads of one batch sequence's cache:
                                   kv_request_gb, less under sparse attention (index_topk) */
    int kv_known;               /* 0: layers/kv_heads/head_dim missing */
    /* Fit on the chosen (or cheapest) GPU. */
    const ld_gpu *gpu;          /* NULL when no GPU was given or none fits */
    int gpus;                   /* 1, 2, 4, 8; 0 = does not fit on 8 (or no GPU) */
    int gpus_tried;             /* the most GPUs tried: the count asked (--gpus), else 8 */
    double usable_gb;           /* per GPU */
    /* Cheapest priced GPU type and count that fits (over input gpus). */
    const ld_gpu *cheapest;
    int cheapest_count;
    double cheapest_hourly_usd; /* count × hourly */
    /* Decode, one sequence (NaN without a fitting GPU). */
    double tokens_per_s_ceiling, tokens_per_s;
    double hourly_usd;          /* the GPUs used: count × hourly price (NaN unpriced) */
    /* Batched throughput at `batch` sequences, all sequences together. */
    double throughput_tokens_per_s;
    const char *bound;          /* "memory" or "compute" ("" without GPU) */
    /* Capacity on the GPUs used: how many sequences of `request_tokens` fit
     * beside the weights and the overhead (NaN without a fit or a KV size). */
    double max_sequences;
    double kv_per_gpu_gb;       /* the KV cache split over the GPUs (tensor parallel) */
    /* Prefill of prompt_tokens: compute-bound ((2 × active params × tokens
     * + the attention's FLOPs, arch_attn_flops) / (TFLOPS × utilization)) or
     * the weights its tokens touch read once (a mixture of experts: the
     * experts its tokens route to), the slower; the time to the first token
     * of one request on idle GPUs. */
    double prompt_tokens, ttft_s;
    /* A mixture of experts over 2 or more GPUs: its steps also wait on the
     * routing and the GPUs' exchanges, which the bandwidth model leaves out;
     * decode and throughput are upper bounds (the basis says by how much
     * measured speeds fall short). */
    int moe_multi_gpu;
    char basis[4096];
} ld_sizing;


int sizing_compute(const ld_sizing_input *in, ld_sizing *out, ld_error *err);

/* Can the model be split over n GPUs (tensor parallel)?  The attention heads
 * must divide by n, and the KV heads by n or n by them (fewer KV heads than
 * GPUs are replicated: sizing_kv_copies).  0 yes; -1 no, with the counts
 * from 1 to 64 that work written to `valid` ("1, 2, 4, 8"). */
int sizing_tp_check(const ld_model_arch *a, int n, char *valid, size_t len);
/* Copies of the KV cache n GPUs keep: 1 on one GPU; n for a cache of one
 * vector a token (MLA, compressed attention: tensor parallelism cannot
 * split it by head); n / kv_heads where the GPUs outnumber the KV heads
 * (vLLM replicates them); else 1. */
double sizing_kv_copies(const ld_model_arch *a, int n);
/* The runtime overhead on n GPUs for weights_gb of weights (see
 * SIZING_OVERHEAD_ONE_GPU_GB). */
double sizing_overhead_gb(double weights_gb, int n);
/* The total of a sizing on n GPUs: its weights, its KV cache (none when
 * unknown) with the copies n GPUs keep of it (sizing_kv_copies) and the
 * overhead on n (what total_gb is for total_gpus): what the fit compares. */
double sizing_total_on(const ld_sizing *s, const ld_model_arch *a, int n);
/* What n GPUs must hold together: the weights, the KV cache kv_gb (NaN or
 * <= 0: none) as many times as n keep it (sizing_kv_copies) and the
 * overhead on n. */
double sizing_need_gb(const ld_model_arch *a, double weights_gb, double kv_gb, int n);
/* Smallest of 1, 2, 4, 8 GPUs the model splits over (sizing_tp_check) whose
 * usable memory (memory_gb × mem_util each) holds sizing_need_gb; 0 if
 * none. */
int sizing_fit_gpus(const ld_model_arch *a, double weights_gb, double kv_gb, double memory_gb, double mem_util);
/* The same over every count from 1 to max_cards the heads split over (3,
 * 5, 6 where they divide): cards someone already has, not a server's 1, 2,
 * 4 or 8.  0 if none. */
int sizing_fit_gpus_upto(const ld_model_arch *a, double weights_gb, double kv_gb, double memory_gb, double mem_util,
                         int max_cards);

/* Architecture from a catalogue row: params_b (required), active_params_b,
 * layers, kv_heads (missing: attention_heads), head_dim (missing:
 * hidden_size / attention_heads), hidden_size, attention_heads. */
int sizing_arch_from_catalog(const ld_catalog *cat, size_t row, ld_model_arch *a,
                             ld_error *err);

#endif
