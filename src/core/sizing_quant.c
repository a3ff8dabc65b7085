/* sizing_quant.c - the precisions a model can be sized at: bits per
 * weight of each quantization (GPU formats and llama.cpp's GGUF files,
 * with where each figure comes from) and bytes per KV-cache element
 * (sizing.h). */
#include "llmdeck/sizing.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

/* Effective bits per weight of a whole model file.
 *
 * Plain types are their storage width.  llama.cpp's GGUF block types carry
 * per-block scales: Q8_0 = 32 int8 + one fp16 scale per 32 weights = 8.5;
 * Q4_0 = 4 + 16/32 = 4.5; Q5_0 = 5.5; Q6_K = 6.5625 (ggml-common.h block
 * layouts).  The file types named _K_M/_K_S/_K_L and Q2_K *mix* tensor
 * types (llama.cpp keeps attention.wv / feed_forward.w2 and the output
 * tensor at higher precision), so their effective width is calibrated
 * against published file sizes of Llama-2, decimal GB: 7B (6,738,415,616
 * params) from https://huggingface.co/TheBloke/Llama-2-7B-GGUF, 13B
 * (13,015,864,320) from https://huggingface.co/localmodels/Llama-2-13B-ggml
 * (GGML v3 files with the same k-quant mixes; TheBloke's 13B GGUF lists
 * 5.43 / 6.34 / 7.87 / 9.23 GB for Q2_K / Q3_K_M / Q4_K_M / Q5_K_M):
 *
 *   Q4_K_M  7B 4.08 GB → 4.844, 13B 7.87 GB → 4.837          => 4.84
 *   Q5_K_M  7B 4.78 GB → 5.675, 13B 9.23 GB → 5.673          => 5.67
 *   Q3_K_M  7B 3.30 GB → 3.918, 13B 6.31-6.34 GB → 3.88-3.90 => 3.90
 *   Q2_K    7B 2.83 GB → 3.360, 13B 5.43-5.51 GB → 3.34-3.39 => 3.36
 *           (the Q2_K *block* is 2.625 bits, but the file type stores
 *           attention.wv and feed_forward.w2 as Q4_K: 2.625 would
 *           under-size real Q2_K files by ~22%)
 *   Q4_K_S  7B 3.86 GB → 4.583, 13B 7.37 GB → 4.530          => 4.55
 *   Q3_K_S  7B 2.95 GB → 3.502, 13B 5.66 GB → 3.479          => 3.49
 *   Q3_K_L  7B 3.60 GB → 4.274, 13B 6.93 GB → 4.259          => 4.27
 *   check: Q6_K 7B 5.53 GB vs 6.5625 → 5.528; Q8_0 7.16 vs 8.5 → 7.160;
 *          Q4_0 3.83 vs 4.5 → 3.790 (-1.0%); Q5_0 4.65 vs 5.5 → 4.633.
 *
 * int4 (AWQ / GPTQ, group size 128): 4-bit weights plus an fp16 scale and a
 * packed 4-bit zero point per 128 weights, 4.156.  The GPU formats (fp8,
 * int8, int4, MXFP4, NVFP4) leave the embeddings and the output layer in
 * 16 bits (embed16): Llama-3.1-8B's AWQ checkpoint loads 5.8 GB in vLLM
 * (doc/data.md), where 8B × 4.25 bits said 4.25 GB.  GGUF's figures are
 * whole files: their token and output tensors are in them already. */
static const ld_quant quants[] = {
    {"fp32", 32.0, "32-bit float"},
    {"fp16", 16.0, "16-bit float"},
    {"bf16", 16.0, "bfloat16"},
    {"fp8", 8.0, "8-bit float", 1},
    {"int8", 8.0, "8-bit integer", 1},
    {"int4", 4.15625, "4-bit AWQ/GPTQ: 4 bits + an fp16 scale and a 4-bit zero per 128 weights", 1},
    {"int4_g32", 4.5, "4-bit integer, symmetric, bf16 scale per 32 weights (compressed-tensors, Kimi K2 int4)", 1},
    {"mxfp4", 4.25, "OCP MX FP4 block: 32 x 4-bit e2m1 + one 8-bit e8m0 scale", 1},
    {"nvfp4", 4.5, "NVFP4 block: 16 x 4-bit e2m1 + one fp8 e4m3 scale (+ fp32 per tensor)", 1},
    {"q8_0", 8.5, "GGUF Q8_0 block: 32 x 8 bits + fp16 scale"},
    {"q6_k", 6.5625, "GGUF Q6_K block layout"},
    {"q5_k_m", 5.67, "GGUF Q5_K_M, calibrated on Llama-2 7B/13B file sizes"},
    {"q5_0", 5.5, "GGUF Q5_0 block: 32 x 5 bits + fp16 scale"},
    {"q4_k_m", 4.84, "GGUF Q4_K_M, calibrated on Llama-2 7B/13B file sizes"},
    {"q4_k_s", 4.55, "GGUF Q4_K_S, calibrated on Llama-2 7B/13B file sizes"},
    {"q4_0", 4.5, "GGUF Q4_0 block: 32 x 4 bits + fp16 scale"},
    {"q3_k_l", 4.27, "GGUF Q3_K_L, calibrated on Llama-2 7B/13B file sizes"},
    {"q3_k_m", 3.90, "GGUF Q3_K_M, calibrated on Llama-2 7B/13B file sizes"},
    {"q3_k_s", 3.49, "GGUF Q3_K_S, calibrated on Llama-2 7B/13B file sizes"},
    {"q2_k", 3.36, "GGUF Q2_K file (Q2_K blocks 2.625 + Q4_K tensors), calibrated"},
};

/* Other spellings people type, including the seed's "4-bit" / "8-bit". */
static const struct { const char *alias, *name; } quant_aliases[] = {
    {"f32", "fp32"}, {"float32", "fp32"}, {"f16", "fp16"}, {"float16", "fp16"},
    {"half", "fp16"}, {"16-bit", "fp16"}, {"bfloat16", "bf16"}, {"8-bit", "int8"},
    {"8bit", "int8"}, {"e4m3", "fp8"}, {"4-bit", "int4"}, {"4bit", "int4"},
    {"awq", "int4"}, {"gptq", "int4"}, {"q4_k", "q4_k_m"}, {"q5_k", "q5_k_m"},
    {"q3_k", "q3_k_m"}, {"mx4", "mxfp4"},
};

size_t sizing_quant_count(void) { return sizeof quants / sizeof quants[0]; }

const ld_quant *sizing_quant_at(size_t i)
{
    return i < sizing_quant_count() ? &quants[i] : NULL;
}

const ld_quant *sizing_quant_find(const char *name)
{
    if (!name) return NULL;
    for (size_t i = 0; i < sizeof quant_aliases / sizeof quant_aliases[0]; i++)
        if (strcasecmp(name, quant_aliases[i].alias) == 0) {
            name = quant_aliases[i].name;
            break;
        }
    for (size_t i = 0; i < sizing_quant_count(); i++)
        if (strcasecmp(name, quants[i].name) == 0) return &quants[i];
    return NULL;
}

int sizing_quant_bits(const char *name, double *bits)
{
    const ld_quant *q = sizing_quant_find(name);
    if (!q) return -1;
    *bits = q->bits;
    return 0;
}

int sizing_kv_bytes(const char *name, double *bytes)
{
    static const struct { const char *name; double bytes; } kv[] = {
        {"fp32", 4}, {"f32", 4}, {"fp16", 2}, {"f16", 2}, {"bf16", 2}, {"fp8", 1},
        {"int8", 1}, {"q8", 1}, {"8-bit", 1},
        {"q8_0", 1.0625}, /* llama.cpp's -ctk q8_0: 8 bits + fp16 scale per 32 */
        {"q4_0", 0.5625}, /* llama.cpp's -ctk q4_0: 4 bits + fp16 scale per 32 */
    };
    for (size_t i = 0; name && i < sizeof kv / sizeof kv[0]; i++)
        if (strcasecmp(name, kv[i].name) == 0) {
            *bytes = kv[i].bytes;
            return 0;
        }
    return -1;
}
