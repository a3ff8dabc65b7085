/* arch.h - a model's architecture, as its config.json states it, and what
 * follows from it: the parameter count (to check the catalogue) and the KV
 * cache per token by attention kind (for sizing).
 *
 * Parameters (biases and norms left out: well under 1%):
 *   embeddings  vocab × hidden, once more for an untied output head
 *   attention   GQA/MHA/MQA: hidden × head_dim × (2 × heads + 2 × kv_heads)
 *               MLA: q (hidden × q_lora + q_lora × heads × (nope + rope), or
 *               hidden × heads × (nope + rope) without q_lora)
 *               + hidden × (kv_lora + rope) + kv_lora × heads × (nope + v)
 *               + heads × v × hidden
 *   FFN         dense: (3 gated | 2 plain) × hidden × intermediate
 *               MoE: (experts + shared) × 3 × hidden × moe_intermediate
 *               + hidden × experts (router), on layers - dense_layers layers
 *   extra       extra_params_b (vision tower, MTP module, linear-attention
 *               mixers: what the formula does not see, stated per row)
 *   active      total - (experts - experts_active) × 3 × hidden × moe_inter
 *               × MoE layers
 *
 * KV cache per sequence (elements × bytes per element):
 *   full-attention layer     2 × kv_heads × head_dim × context
 *   sliding-window layer     2 × kv_heads × head_dim × min(context, window)
 *                            (llama.cpp's and SGLang's allocation; vLLM
 *                            without its hybrid allocator may reserve the
 *                            full context on every layer)
 *   MLA layer                (kv_lora + rope) × context (one latent, no heads)
 *   linear / Mamba layer     linear_state_elems, fixed (no context term)
 * with `global_layers` full layers (empty: all attention layers full), the
 * other attention layers sliding, and `linear_layers` recurrent ones.  Where
 * the full layers of a sliding-window model have heads of their own
 * (`global_kv_heads`, `global_head_dim`: Gemma 4's 512-wide heads, fewer KV
 * heads), those layers count 2 × global_kv_heads × global_head_dim: keys
 * and values both, as serving engines allocate them, even where the model
 * reuses its keys as values.
 *
 * Layers that read an earlier layer's cache hold none (`kv_shared_layers`,
 * the model's last layers, `kv_shared_global` of them full-attention:
 * Gemma 3n and Gemma 4 E2B/E4B), so only the others are counted.  A
 * sparse-attention indexer (`index_head_dim`: DeepSeek V3.2's lightning
 * indexer) caches one key per token and layer beside the attention's, in
 * fp8 with an fp32 scale per 128 elements whatever the KV precision (as
 * the publisher's inference code and serving engines keep it), or in
 * `index_key_bytes` a token and layer where a row states them (MiniMax
 * M3's bf16 keys): bytes of their own, arch_index_bytes.  It sits on
 * `index_layers` layers (empty: every attention layer), whose attention
 * then reads the cache of only `index_topk` tokens a step; the other
 * layers read every token, and the indexer all of its keys
 * (arch_kv_read_elems).  An indexer beside sliding-window or linear layers
 * is not described (the data check refuses it), except on compressed
 * attention (below).
 *
 * Compressed attention (DeepSeek V4, `attn_kind` compressed): every layer
 * keeps its last `sliding_window` tokens, one kv_heads × head_dim vector a
 * token (the keys serve as values, one vector as serving engines allocate
 * it); `csa_layers` layers also keep one entry for every `csa_ratio`
 * tokens, with an indexer (index_*) on them choosing `index_topk` entries
 * a step, and `hca_layers` layers one entry for every `hca_ratio` tokens,
 * all of them read:
 *   every layer              kv_heads × head_dim × min(context, window)
 *   CSA layer, in addition   kv_heads × head_dim × floor(context / csa_ratio)
 *   HCA layer, in addition   kv_heads × head_dim × floor(context / hca_ratio)
 * The indexer keeps one key per CSA entry, and each compressor a state of
 * fp32 keys and scores for the tokens of the entry it is filling (twice
 * the tokens and width on CSA layers, whose entries overlap): bytes of
 * their own, in arch_index_bytes. */
#ifndef LLMDECK_ARCH_H
#define LLMDECK_ARCH_H

#include <stddef.h>

#include "llmdeck/catalog.h"
#include "llmdeck/error.h"

typedef enum {
    LD_ATTN_GQA = 0, /* also MHA (kv_heads = heads) and MQA (kv_heads = 1) */
    LD_ATTN_MLA,
    LD_ATTN_HYBRID,  /* some layers linear attention / Mamba */
    LD_ATTN_COMPRESSED /* a sliding window everywhere, compressed entries on most layers (DeepSeek V4) */
} ld_attn_kind;

/* Where a row's active parameters come from (arch_from_catalog). */
typedef enum {
    LD_ACTIVE_GIVEN = 0,  /* the catalogue's active_params_b, or a dense model: all */
    LD_ACTIVE_COMPUTED,   /* a mixture of experts without a published count:
                           * computed from its architecture (arch_param_count),
                           * whose total matches params_b */
    LD_ACTIVE_ALL_ASSUMED /* a mixture of experts whose count is neither published
                           * nor computable: all parameters, so speeds are lower bounds */
} ld_active_source;

/* How closely arch_param_count's total must match params_b for its active
 * count to stand in for an unpublished one (the data check's tolerance). */
#define ARCH_PARAM_TOLERANCE 0.03

typedef struct {
    double params_b;        /* total parameters, billions (> 0) */
    double active_params_b; /* per token (MoE); <= 0 or NaN = params_b */
    /* 0 = unknown for every count below */
    long layers, kv_heads, head_dim, hidden_size, attention_heads;
    long intermediate_size, vocab_size;
    int tie_embeddings;     /* 1 tied, 0 untied, -1 unknown */
    int plain_mlp;          /* 1: 2-matrix MLP; 0: gated (3 matrices) */
    ld_attn_kind attn;
    long q_lora_rank, kv_lora_rank, qk_nope_head_dim, qk_rope_head_dim, v_head_dim;
    long sliding_window;    /* 0 = none */
    long global_layers;     /* -1 = every attention layer is full */
    long global_kv_heads, global_head_dim; /* the full layers' own, with a sliding window; 0 = as the others */
    long kv_shared_layers;  /* the last layers, reading an earlier layer's cache; 0 = none */
    long kv_shared_global;  /* of them, full-attention layers */
    long index_head_dim;    /* a sparse-attention indexer's key per token and layer; 0 = none */
    long index_topk;        /* tokens a query attends to, chosen by that indexer; 0 = all */
    long index_layers;      /* layers with an indexer; 0 = every attention layer */
    long index_key_bytes;   /* its cache a token and layer; 0 = fp8 keys + an fp32 scale per 128 */
    long csa_layers, csa_ratio; /* compressed attention: layers with one entry per csa_ratio tokens (indexed) */
    long hca_layers, hca_ratio; /* and layers with one entry per hca_ratio tokens (all read) */
    long linear_layers;     /* recurrent layers (no KV growth) */
    double linear_state_elems; /* per linear layer and sequence; NaN = not given */
    long experts, experts_active, shared_experts, moe_intermediate_size, dense_layers;
    double extra_params_b;  /* NaN or 0 = none */
    double unread_params_b; /* of params_b, what a text token does not read (per-layer
                             * embedding tables, vision / audio encoders); 0 = none */
    ld_active_source active_source; /* set by arch_from_catalog (last: tests fill the
                                     * fields above in order) */
} ld_model_arch;

/* Reads a catalogue row's architecture columns (missing ones 0 / defaults;
 * kv_heads falls back to attention_heads, head_dim to hidden / heads).
 * params_b is required: an error names the model otherwise.  A mixture of
 * experts with no active_params_b gets the architecture's active count when
 * its total matches params_b (LD_ACTIVE_COMPUTED): counting every expert
 * would make a 37B-active model decode like a dense 671B one. */
int arch_from_catalog(const ld_catalog *cat, size_t row, ld_model_arch *a, ld_error *err);

/* Recomputes total and active parameters (billions) from the architecture.
 * Returns 0, or -1 when the columns needed are missing. */
int arch_param_count(const ld_model_arch *a, double *total_b, double *active_b);

/* The routed experts' parameters (billions): experts × 3 × hidden ×
 * moe_intermediate × MoE layers (layers - dense_layers); the part of a
 * mixture of experts a release may store at a precision of its own
 * (gpt-oss's MXFP4 experts beside bf16 attention).  0 when the model has
 * no experts or their shape is not known. */
double arch_routed_params_b(const ld_model_arch *a);

/* 1 when the routed experts can be counted apart from the rest: their
 * shape is known, they are fewer than params_b and experts_active is
 * given.  What a release with the experts at their own precision needs
 * (sizing, `data --check`), and what the batched MoE step reads. */
int arch_routed_known(const ld_model_arch *a);

/* The active parameters in words, for a detail panel and the basis: ""
 * when published (the cell says it) or nothing is known, else "all (dense:
 * no experts in its architecture)", "not published; sizing uses 38.4B
 * computed from the architecture (8 of 256 experts a token, its total
 * 671.9B)" or "not published and not computable here; sizing counts all
 * 100B, so its speeds are lower bounds". */
void arch_active_describe(const ld_model_arch *a, char *buf, size_t n);

/* Can the KV cache be computed (the columns its attention kind needs)? */
int arch_kv_known(const ld_model_arch *a);
/* KV-cache elements of one sequence at `context` tokens (the fixed state of
 * linear layers included), and a one-line formula for the basis. */
double arch_kv_elems(const ld_model_arch *a, double context, char *formula, size_t n);
/* Bytes of one sequence's cache kept at a precision of its own at
 * `context` tokens: an indexer's keys and, on compressed attention, the
 * compressors' fp32 state (0 without either: then formula is ""), and its
 * formula. */
double arch_index_bytes(const ld_model_arch *a, double context, char *formula, size_t n);
/* KV-cache elements a decode step reads of one sequence at `context`
 * tokens: all of them (arch_kv_elems), or under sparse attention those of
 * the indexer's top-k tokens on its layers and of every token on the
 * others (the indexer's own keys not included: arch_index_bytes); a
 * one-line formula for the basis ("" without an indexer). */
double arch_kv_read_elems(const ld_model_arch *a, double context, char *formula, size_t n);
/* FLOPs of the attention itself (q.k and p.v, causal) over a prompt of
 * `prompt` tokens: what the weights' 2 × params × tokens leaves out, and
 * what makes a 128k prompt take twice as long as the weights alone say.
 * Per layer kind: full layers n(n+1)/2 query-key pairs, sliding ones
 * min(i, window) a query, an indexer's layers its top-k, compressed layers
 * their entries; linear layers and an indexer's own scoring are not
 * counted (linear in n).  NaN when the attention is not known; a one-line
 * formula for the basis. */
double arch_attn_flops(const ld_model_arch *a, double prompt, char *formula, size_t n);

/* "gqa", "mla", "hybrid", "compressed" and the row's text forms ("mha",
 * "mqa" are GQA). */
int arch_parse_attn(const char *s, ld_attn_kind *out);
/* The attention's name for people: MLA, hybrid, or for the GQA formula
 * MHA (as many KV heads as heads), MQA (one) or GQA. */
const char *arch_attn_name(const ld_model_arch *a);

#endif
