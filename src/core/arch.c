/* arch.c - parameter count and KV cache from a model's architecture (see
 * arch.h for the formulas). */
#include "llmdeck/arch.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

int arch_parse_attn(const char *s, ld_attn_kind *out)
{
    if (!strcasecmp(s, "gqa") || !strcasecmp(s, "mha") || !strcasecmp(s, "mqa") || !*s)
        *out = LD_ATTN_GQA;
    else if (!strcasecmp(s, "mla")) *out = LD_ATTN_MLA;
    else if (!strcasecmp(s, "hybrid")) *out = LD_ATTN_HYBRID;
    else if (!strcasecmp(s, "compressed")) *out = LD_ATTN_COMPRESSED;
    else return -1;
    return 0;
}

const char *arch_attn_name(const ld_model_arch *a)
{
    if (a->attn == LD_ATTN_MLA) return "MLA";
    if (a->attn == LD_ATTN_HYBRID) return "hybrid";
    if (a->attn == LD_ATTN_COMPRESSED) return "compressed";
    if (a->kv_heads > 0 && a->kv_heads == a->attention_heads) return "MHA";
    if (a->kv_heads == 1 && a->attention_heads > 1) return "MQA";
    return "GQA";
}

static double num_at(const ld_catalog *cat, size_t row, const char *id)
{
    int c = catalog_col_index(cat, id);
    return c >= 0 ? catalog_num(cat, row, (size_t)c) : NAN;
}

static const char *text_at(const ld_catalog *cat, size_t row, const char *id)
{
    int c = catalog_col_index(cat, id);
    return c >= 0 ? catalog_text(cat, row, (size_t)c) : "";
}

/* A whole count from a cell: 0 when missing or absurd. */
static long count_at(const ld_catalog *cat, size_t row, const char *id)
{
    double v = num_at(cat, row, id);
    return v >= 0 && v < 1e9 ? (long)v : 0;
}

int arch_from_catalog(const ld_catalog *cat, size_t row, ld_model_arch *a, ld_error *err)
{
    memset(a, 0, sizeof *a);
    const char *model = catalog_text(cat, row, catalog_key_col(cat));
    double v = num_at(cat, row, "params_b");
    if (!(v > 0) || !isfinite(v))
        return error_set(err, LD_ERR_USAGE, "model", 0, 0,
                         "%s has no parameter count (params_b) to size from; use --params", model);
    a->params_b = v;
    v = num_at(cat, row, "active_params_b");
    a->active_params_b = v > 0 && v <= a->params_b ? v : a->params_b;
    a->layers = count_at(cat, row, "layers");
    a->kv_heads = count_at(cat, row, "kv_heads");
    a->head_dim = count_at(cat, row, "head_dim");
    a->hidden_size = count_at(cat, row, "hidden_size");
    a->attention_heads = count_at(cat, row, "attention_heads");
    a->intermediate_size = count_at(cat, row, "intermediate_size");
    a->vocab_size = count_at(cat, row, "vocab_size");
    const char *t = text_at(cat, row, "tie_embeddings");
    a->tie_embeddings = !strcasecmp(t, "yes") ? 1 : !strcasecmp(t, "no") ? 0 : -1;
    a->plain_mlp = !strcasecmp(text_at(cat, row, "mlp_kind"), "plain");
    if (arch_parse_attn(text_at(cat, row, "attn_kind"), &a->attn) != 0) a->attn = LD_ATTN_GQA;
    a->q_lora_rank = count_at(cat, row, "q_lora_rank");
    a->kv_lora_rank = count_at(cat, row, "kv_lora_rank");
    a->qk_nope_head_dim = count_at(cat, row, "qk_nope_head_dim");
    a->qk_rope_head_dim = count_at(cat, row, "qk_rope_head_dim");
    a->v_head_dim = count_at(cat, row, "v_head_dim");
    a->sliding_window = count_at(cat, row, "sliding_window");
    v = num_at(cat, row, "global_layers");
    a->global_layers = v >= 0 && v < 1e9 ? (long)v : -1;
    a->global_kv_heads = count_at(cat, row, "global_kv_heads");
    a->global_head_dim = count_at(cat, row, "global_head_dim");
    a->kv_shared_layers = count_at(cat, row, "kv_shared_layers");
    a->kv_shared_global = count_at(cat, row, "kv_shared_global");
    a->index_head_dim = count_at(cat, row, "index_head_dim");
    a->index_topk = count_at(cat, row, "index_topk");
    a->index_layers = count_at(cat, row, "index_layers");
    a->index_key_bytes = count_at(cat, row, "index_key_bytes");
    a->csa_layers = count_at(cat, row, "csa_layers");
    a->csa_ratio = count_at(cat, row, "csa_ratio");
    a->hca_layers = count_at(cat, row, "hca_layers");
    a->hca_ratio = count_at(cat, row, "hca_ratio");
    a->linear_layers = count_at(cat, row, "linear_layers");
    /* NaN = not given: a hybrid row with linear layers then has no known
     * cache; 0 = layers without any attention or state (NAS-pruned blocks) */
    v = num_at(cat, row, "linear_state_elems");
    a->linear_state_elems = v >= 0 && isfinite(v) ? v : NAN;
    a->experts = count_at(cat, row, "experts");
    a->experts_active = count_at(cat, row, "experts_active");
    a->shared_experts = count_at(cat, row, "shared_experts");
    a->moe_intermediate_size = count_at(cat, row, "moe_intermediate_size");
    a->dense_layers = count_at(cat, row, "dense_layers");
    v = num_at(cat, row, "extra_params_b");
    a->extra_params_b = v > 0 && isfinite(v) ? v : 0;
    v = num_at(cat, row, "unread_params_b");
    a->unread_params_b = v > 0 && isfinite(v) ? v : 0;
    /* Without grouped-query attention every head keeps its own K and V. */
    if (a->kv_heads == 0) a->kv_heads = a->attention_heads;
    if (a->head_dim == 0 && a->hidden_size > 0 && a->attention_heads > 0)
        a->head_dim = a->hidden_size / a->attention_heads;
    a->active_source = LD_ACTIVE_GIVEN;
    if (a->experts > 0 && !(num_at(cat, row, "active_params_b") > 0)) {
        double total, active;
        int known = arch_param_count(a, &total, &active) == 0 &&
                    fabs(total - a->params_b) <= ARCH_PARAM_TOLERANCE * a->params_b && active > 0;
        a->active_source = known ? LD_ACTIVE_COMPUTED : LD_ACTIVE_ALL_ASSUMED;
        if (known) a->active_params_b = fmin(active, a->params_b);
    }
    return 0;
}

void arch_active_describe(const ld_model_arch *a, char *buf, size_t n)
{
    if (!n) return;
    buf[0] = '\0';
    if (a->active_source == LD_ACTIVE_COMPUTED)
        snprintf(buf, n,
                 "not published; sizing uses %.4gB computed from the architecture (%ld of %ld experts a "
                 "token, its total %.4gB)",
                 a->active_params_b, a->experts_active, a->experts, a->params_b);
    else if (a->active_source == LD_ACTIVE_ALL_ASSUMED)
        snprintf(buf, n,
                 "not published and not computable here; sizing counts all %.4gB, so its speeds are "
                 "lower bounds",
                 a->params_b);
    else if (a->experts <= 0 && a->layers > 0)
        snprintf(buf, n, "all (dense: no experts in its architecture)");
}

/* Attention weights of one layer. */
static double attn_params(const ld_model_arch *a)
{
    double h = (double)a->hidden_size, n = (double)a->attention_heads;
    if (a->attn == LD_ATTN_MLA) {
        double qk = (double)(a->qk_nope_head_dim + a->qk_rope_head_dim);
        double q = a->q_lora_rank > 0 ? h * (double)a->q_lora_rank + (double)a->q_lora_rank * n * qk
                                      : h * n * qk;
        double kv = h * (double)(a->kv_lora_rank + a->qk_rope_head_dim) +
                    (double)a->kv_lora_rank * n * (double)(a->qk_nope_head_dim + a->v_head_dim);
        return q + kv + n * (double)a->v_head_dim * h;
    }
    return h * (double)a->head_dim * (2.0 * n + 2.0 * (double)a->kv_heads);
}

int arch_param_count(const ld_model_arch *a, double *total_b, double *active_b)
{
    if (a->layers <= 0 || a->hidden_size <= 0 || a->attention_heads <= 0 || a->vocab_size <= 0)
        return -1;
    if (a->attn == LD_ATTN_MLA ? a->kv_lora_rank <= 0 || a->v_head_dim <= 0 : a->head_dim <= 0)
        return -1;
    /* its grouped output projection, compressors, indexer and hyper-connections
     * are not in the formula (such a row says param_check no) */
    if (a->attn == LD_ATTN_COMPRESSED) return -1;
    int moe = a->experts > 0;
    if (moe && (a->moe_intermediate_size <= 0 || a->experts_active <= 0)) return -1;
    if ((!moe || a->dense_layers > 0) && a->intermediate_size <= 0) return -1;
    double h = (double)a->hidden_size;
    double embed = (double)a->vocab_size * h * (a->tie_embeddings == 1 ? 1 : 2);
    long attn_layers = a->layers - a->linear_layers;
    double attn = attn_params(a) * (double)(attn_layers > 0 ? attn_layers : 0);
    long moe_layers = moe ? a->layers - a->dense_layers : 0;
    double dense_ffn = (a->plain_mlp ? 2.0 : 3.0) * h * (double)a->intermediate_size *
                       (double)(a->layers - moe_layers);
    double expert = 3.0 * h * (double)a->moe_intermediate_size;
    double moe_ffn = ((double)(a->experts + a->shared_experts) * expert + h * (double)a->experts) *
                     (double)moe_layers;
    double total = embed + attn + dense_ffn + moe_ffn + a->extra_params_b * 1e9;
    double idle = moe ? (double)(a->experts - a->experts_active) * expert * (double)moe_layers : 0;
    *total_b = total / 1e9;
    *active_b = (total - idle) / 1e9;
    return 0;
}

double arch_routed_params_b(const ld_model_arch *a)
{
    if (a->experts <= 0 || a->moe_intermediate_size <= 0 || a->hidden_size <= 0 || a->layers <= a->dense_layers)
        return 0;
    return (double)a->experts * 3.0 * (double)a->hidden_size * (double)a->moe_intermediate_size *
           (double)(a->layers - a->dense_layers) / 1e9;
}

int arch_routed_known(const ld_model_arch *a)
{
    double routed = arch_routed_params_b(a);
    return routed > 0 && routed < a->params_b && a->experts_active > 0;
}

/* Compressed attention's columns hold together: a window, and each kind of
 * compressed layer with a ratio, within the layers. */
static int compressed_known(const ld_model_arch *a)
{
    return a->sliding_window > 0 && (a->csa_layers == 0 || a->csa_ratio > 1) &&
           (a->hca_layers == 0 || a->hca_ratio > 1) && a->csa_layers + a->hca_layers <= a->layers &&
           a->linear_layers == 0;
}

int arch_kv_known(const ld_model_arch *a)
{
    if (a->layers <= 0) return 0;
    if (a->attn == LD_ATTN_COMPRESSED && !compressed_known(a)) return 0;
    if (a->attn == LD_ATTN_MLA) return a->kv_lora_rank > 0 && a->qk_rope_head_dim > 0;
    if (a->attn == LD_ATTN_HYBRID && (a->global_layers < 0 || (a->linear_layers > 0 && isnan(a->linear_state_elems))))
        return 0;
    return a->kv_heads > 0 && a->head_dim > 0;
}

/* Compressed entries of one layer: whole groups of `ratio` tokens. */
static double entries(double context, long ratio)
{
    return ratio > 0 ? floor(context / (double)ratio) : 0;
}

static double compressed_kv_elems(const ld_model_arch *a, double context, char *formula, size_t n)
{
    double entry = (double)a->kv_heads * (double)a->head_dim;
    double window = (double)a->sliding_window < context ? (double)a->sliding_window : context;
    double elems = entry * ((double)a->layers * window + (double)a->csa_layers * entries(context, a->csa_ratio) +
                            (double)a->hca_layers * entries(context, a->hca_ratio));
    if (formula && n)
        snprintf(formula, n,
                 "%ld kv heads × %ld head dim × (%ld layers × min(%.0f, %ld window) + %ld CSA layers × "
                 "floor(%.0f / %ld) + %ld HCA layers × floor(%.0f / %ld))",
                 a->kv_heads, a->head_dim, a->layers, context, a->sliding_window, a->csa_layers, context,
                 a->csa_ratio, a->hca_layers, context, a->hca_ratio);
    return elems;
}

/* The attention layers of a (not compressed) model by kind: full and
 * sliding-window layers that keep a cache, and of each kind those that read
 * an earlier layer's instead; own_heads: the full layers have heads of
 * their own (Gemma 4).  One home for the rule, read by the cache's size and
 * by the prompt's attention work. */
typedef struct {
    long full, sliding, shared_full, shared_sliding;
    int own_heads;
} layer_mix;

static void mix_of(const ld_model_arch *a, layer_mix *m)
{
    long attn_layers = a->layers - a->linear_layers;
    if (attn_layers < 0) attn_layers = 0;
    long full = attn_layers, sliding = 0;
    /* a hybrid's attention layers are its global ones; the rest of its
     * layers are linear, or (NAS-pruned models) have no attention at all */
    if (a->attn == LD_ATTN_HYBRID && a->global_layers >= 0 && a->global_layers <= attn_layers)
        full = a->global_layers;
    else if (a->sliding_window > 0 && a->global_layers >= 0 && a->global_layers <= attn_layers) {
        full = a->global_layers;
        sliding = attn_layers - full;
    }
    /* full layers with heads of their own (Gemma 4), beside sliding ones */
    m->own_heads = sliding > 0 && a->attn == LD_ATTN_GQA && a->global_kv_heads > 0 && a->global_head_dim > 0;
    /* the last layers may read an earlier layer's cache and keep none; the
     * data check holds the two counts within the layers of each kind */
    long shared_full = 0, shared_sliding = 0;
    if (a->kv_shared_layers > 0 && a->kv_shared_global >= 0 && a->kv_shared_global <= a->kv_shared_layers) {
        shared_full = sliding > 0 ? a->kv_shared_global : a->kv_shared_layers;
        shared_sliding = a->kv_shared_layers - shared_full;
        if (shared_full <= full && shared_sliding <= sliding) {
            full -= shared_full;
            sliding -= shared_sliding;
        } else {
            shared_full = shared_sliding = 0;
        }
    }
    m->full = full;
    m->sliding = sliding;
    m->shared_full = shared_full;
    m->shared_sliding = shared_sliding;
}

double arch_kv_elems(const ld_model_arch *a, double context, char *formula, size_t n)
{
    if (a->attn == LD_ATTN_COMPRESSED) return compressed_kv_elems(a, context, formula, n);
    layer_mix m;
    mix_of(a, &m);
    long full = m.full, sliding = m.sliding, shared_full = m.shared_full, shared_sliding = m.shared_sliding;
    long all_layers = full + sliding + shared_full + shared_sliding;
    int own_heads = m.own_heads;
    double window = a->sliding_window > 0 && a->sliding_window < context ? (double)a->sliding_window : context;
    double per_token = a->attn == LD_ATTN_MLA ? (double)(a->kv_lora_rank + a->qk_rope_head_dim)
                                              : 2.0 * (double)a->kv_heads * (double)a->head_dim;
    double full_per_token = own_heads ? 2.0 * (double)a->global_kv_heads * (double)a->global_head_dim : per_token;
    double state = isnan(a->linear_state_elems) ? 0 : a->linear_state_elems;
    double elems = full_per_token * (double)full * context + per_token * (double)sliding * window +
                   (double)a->linear_layers * state;
    if (formula && n) {
        int k = 0;
        if (shared_full + shared_sliding > 0) /* said first: the counts below are the layers with a cache */
            k = snprintf(formula, n, "caches of %ld of %ld layers (%ld share one): ", full + sliding, all_layers,
                         shared_full + shared_sliding);
        if (k < 0 || (size_t)k >= n) k = 0;
        formula += k;
        n -= (size_t)k;
        if (a->attn == LD_ATTN_MLA)
            k = snprintf(formula, n, "MLA: (%ld latent + %ld rope) × %ld layers × %.0f tokens",
                         a->kv_lora_rank, a->qk_rope_head_dim, full, context);
        else if (own_heads) /* two head shapes: a term each, in brackets */
            k = snprintf(formula, n,
                         "[2 × %ld kv heads × %ld head dim × %ld full layers × %.0f tokens + 2 × %ld kv heads × %ld "
                         "head dim × %ld sliding layers × min(%g, %ld window)]",
                         a->global_kv_heads, a->global_head_dim, full, context, a->kv_heads, a->head_dim, sliding,
                         context, a->sliding_window);
        else
            k = snprintf(formula, n, "2 × %ld kv heads × %ld head dim × (%ld full layers × %.0f tokens",
                         a->kv_heads, a->head_dim, full, context);
        if (k > 0 && (size_t)k < n && a->attn != LD_ATTN_MLA && !own_heads) {
            if (sliding > 0)
                k += snprintf(formula + k, n - (size_t)k, " + %ld sliding layers × min(%g, %ld window))",
                              sliding, context, a->sliding_window);
            else
                k += snprintf(formula + k, n - (size_t)k, ")");
        }
        if (k > 0 && (size_t)k < n && a->linear_layers > 0 && state > 0) {
            /* in brackets: what follows (× sequences × bytes) multiplies both terms */
            char head[400];
            snprintf(head, sizeof head, "%s", formula);
            snprintf(formula, n, "[%s + %ld linear layers × %.0f state]", head, a->linear_layers, state);
        }
    }
    return elems;
}

/* The indexer's cache per token and layer: fp8 keys and an fp32 scale for
 * each 128 of them (DeepSeek-V3.2-Exp inference/model.py, Indexer: k_cache
 * float8_e4m3fn, k_scale_cache float32 of head_dim / block_size 128). */
#define INDEX_SCALE_BLOCK 128

/* The layers with an indexer: index_layers, or every attention layer. */
static long indexed_layers(const ld_model_arch *a)
{
    if (a->attn == LD_ATTN_COMPRESSED) return a->csa_layers; /* the indexer sits on the CSA layers */
    long attn = a->layers - a->linear_layers;
    if (attn < 0) attn = 0;
    return a->index_layers > 0 && a->index_layers <= attn ? a->index_layers : attn;
}

/* A compressor's state in the publisher's inference code (DeepSeek-V4
 * inference/model.py, Compressor: kv_state and score_state, fp32, each
 * coff × ratio tokens × coff × width, coff 2 where entries overlap, on
 * ratio 4): bytes of one sequence. */
static double compressor_state_bytes(long ratio, long width, int overlap)
{
    double coff = overlap ? 2.0 : 1.0;
    return 2.0 * coff * (double)ratio * coff * (double)width * 4.0;
}

double arch_index_bytes(const ld_model_arch *a, double context, char *formula, size_t n)
{
    if (formula && n) formula[0] = '\0';
    int compressed = a->attn == LD_ATTN_COMPRESSED;
    if (a->index_head_dim <= 0 && !compressed) return 0;
    long layers = indexed_layers(a);
    double per_token = 0, keys = 0;
    char what[96] = "";
    if (a->index_head_dim > 0) {
        if (a->index_key_bytes > 0) { /* as the row states it (MiniMax M3: bf16, 2 bytes an element) */
            per_token = (double)a->index_key_bytes;
            snprintf(what, sizeof what, "%ld-element keys, %ld bytes", a->index_head_dim, a->index_key_bytes);
        } else {
            long scales = (a->index_head_dim + INDEX_SCALE_BLOCK - 1) / INDEX_SCALE_BLOCK;
            per_token = (double)a->index_head_dim + 4.0 * (double)scales;
            snprintf(what, sizeof what, "%ld fp8 + %ld fp32 scale%s = %.0f bytes", a->index_head_dim, scales,
                     scales == 1 ? "" : "s", per_token);
        }
    }
    if (!compressed) {
        if (formula && n)
            snprintf(formula, n, "indexer keys (%s) × %ld layers × %.0f tokens", what, layers, context);
        return per_token * (double)layers * context;
    }
    /* compressed attention: one indexer key per CSA entry, and the state of
     * the compressors (attention's on CSA and HCA layers, the indexer's) */
    double csa_entries = entries(context, a->csa_ratio);
    keys = per_token * (double)a->csa_layers * csa_entries;
    int overlap = a->csa_ratio == 4;
    double csa_state = a->csa_layers > 0 ? compressor_state_bytes(a->csa_ratio, a->head_dim, overlap) +
                                               (a->index_head_dim > 0 ? compressor_state_bytes(
                                                                            a->csa_ratio, a->index_head_dim, overlap)
                                                                      : 0)
                                         : 0;
    double hca_state = a->hca_layers > 0 ? compressor_state_bytes(a->hca_ratio, a->head_dim, 0) : 0;
    double state = csa_state * (double)a->csa_layers + hca_state * (double)a->hca_layers;
    if (keys + state <= 0) return 0; /* window-only layers: nothing of its own (formula "") */
    if (formula && n) {
        int k = 0;
        if (a->index_head_dim > 0 && a->csa_layers > 0)
            k = snprintf(formula, n, "indexer keys (%s) × %ld CSA layers × %.0f entries + ", what, a->csa_layers,
                         csa_entries);
        if (k < 0 || (size_t)k >= n) k = 0;
        snprintf(formula + k, n - (size_t)k, "compressor state (fp32) %.0f bytes × %ld CSA + %.0f × %ld HCA layers",
                 csa_state, a->csa_layers, hca_state, a->hca_layers);
    }
    return keys + state;
}

double arch_kv_read_elems(const ld_model_arch *a, double context, char *formula, size_t n)
{
    if (formula && n) formula[0] = '\0';
    double all = arch_kv_elems(a, context, NULL, 0);
    if (a->attn == LD_ATTN_COMPRESSED) {
        /* a step reads every layer's window and HCA entries, and on CSA
         * layers the indexer's top-k entries of the compressed ones */
        double csa = entries(context, a->csa_ratio);
        if (a->index_head_dim <= 0 || a->index_topk <= 0 || a->index_topk >= csa || a->csa_layers <= 0) return all;
        double entry = (double)a->kv_heads * (double)a->head_dim;
        double elems = all - entry * (double)a->csa_layers * (csa - (double)a->index_topk);
        if (formula && n)
            snprintf(formula, n, "every layer's window and HCA entries, and the top %ld of %.0f entries on the %ld CSA layers",
                     a->index_topk, csa, a->csa_layers);
        return elems;
    }
    if (a->index_head_dim <= 0 || a->index_topk <= 0 || a->index_topk >= context) return all;
    /* every attention layer alike (the data check holds it: no sliding or
     * linear layers beside an indexer), so each reads its share */
    long attn = a->layers - a->linear_layers, sparse = indexed_layers(a);
    if (attn <= 0) return all;
    double topk = (double)a->index_topk;
    double share = (double)sparse / (double)attn;
    double elems = arch_kv_elems(a, topk, NULL, 0) * share + all * (1 - share);
    if (formula && n) {
        if (sparse < attn)
            snprintf(formula, n, "the top %.0f of %.0f tokens on the %ld layers with an indexer, all on the other %ld",
                     topk, context, sparse, attn - sparse);
        else
            snprintf(formula, n, "the top %.0f of %.0f tokens", topk, context);
    }
    return elems;
}

/* Query-key pairs of a causal prompt of n tokens where each query sees at
 * most w keys (w >= n: all before it): sum of min(i, w), i = 1..n. */
static double window_pairs(double n, double w)
{
    if (w <= 0 || w >= n) return n * (n + 1) / 2;
    return w * (w + 1) / 2 + (n - w) * w;
}

/* Sum over i = 1..n of min(floor(i / r), k): the compressed entries a
 * query sees (k <= 0: all of them), to within r a query. */
static double entry_pairs(double n, long r, double k)
{
    if (r <= 0) return 0;
    double all = n * n / (2.0 * (double)r);
    if (k <= 0 || n / (double)r <= k) return all;
    double reach = k * (double)r; /* from here on a query sees k entries */
    return reach * reach / (2.0 * (double)r) + (n - reach) * k;
}

double arch_attn_flops(const ld_model_arch *a, double prompt, char *formula, size_t fn)
{
    if (formula && fn) formula[0] = '\0';
    double h = (double)a->attention_heads, n = prompt;
    if (!arch_kv_known(a) || h <= 0 || !(n > 0)) return NAN;
    char *f = formula;
    if (a->attn == LD_ATTN_COMPRESSED) {
        /* every layer attends its window; CSA layers also the indexer's top-k
         * compressed entries, HCA layers all of theirs; q.k and p.v of
         * head_dim each (the one stored vector is key and value) */
        double per = 4.0 * h * (double)a->head_dim;
        double win = window_pairs(n, (double)a->sliding_window);
        double csa = entry_pairs(n, a->csa_ratio, (double)a->index_topk), hca = entry_pairs(n, a->hca_ratio, 0);
        double flops = per * ((double)a->layers * win + (double)a->csa_layers * csa + (double)a->hca_layers * hca);
        if (f && fn)
            snprintf(f, fn, "4 × %ld heads × %ld dim × (%ld layers × %.4g window pairs + %ld CSA × %.4g + %ld HCA × "
                     "%.4g entry pairs) = %.3g FLOP", a->attention_heads, a->head_dim, a->layers, win,
                     a->csa_layers, csa, a->hca_layers, hca, flops);
        return flops;
    }
    layer_mix m;
    mix_of(a, &m);
    /* a layer reading an earlier layer's cache still attends: counted */
    double full = (double)(m.full + m.shared_full), sliding = (double)(m.sliding + m.shared_sliding);
    double per_full, per_sliding;
    char dims[96];
    if (a->attn == LD_ATTN_MLA) { /* as prefill runs it: per head, q.k of nope + rope, p.v of v_head_dim */
        per_full = per_sliding = 2.0 * h * (double)(a->qk_nope_head_dim + a->qk_rope_head_dim + a->v_head_dim);
        snprintf(dims, sizeof dims, "2 × %ld heads × (%ld + %ld + %ld)", a->attention_heads, a->qk_nope_head_dim,
                 a->qk_rope_head_dim, a->v_head_dim);
    } else {
        per_sliding = 4.0 * h * (double)a->head_dim;
        per_full = m.own_heads ? 4.0 * h * (double)a->global_head_dim : per_sliding;
        snprintf(dims, sizeof dims, "4 × %ld heads × %ld dim", a->attention_heads,
                 m.own_heads ? a->global_head_dim : a->head_dim);
    }
    /* an indexer's layers attend its top-k tokens (its own scoring is not counted) */
    double sparse = 0;
    if (a->index_head_dim > 0 && a->index_topk > 0) {
        sparse = (double)indexed_layers(a);
        if (sparse > full) sparse = full;
    }
    double pf = window_pairs(n, 0), ps = window_pairs(n, (double)a->sliding_window);
    double pk = sparse > 0 ? window_pairs(n, (double)a->index_topk) : 0;
    double flops = per_full * ((full - sparse) * pf + sparse * pk) + per_sliding * sliding * ps;
    if (f && fn) {
        int k = snprintf(f, fn, "%s × (%.0f full layers × %.4g pairs", dims, full - sparse, pf);
        if (k > 0 && (size_t)k < fn && sparse > 0)
            k += snprintf(f + k, fn - (size_t)k, " + %.0f indexed layers × %.4g pairs (top %ld)", sparse, pk,
                          a->index_topk);
        if (k > 0 && (size_t)k < fn && sliding > 0)
        {
            char own[48] = ""; /* Gemma 4: the dim above is the full layers' own */
            if (m.own_heads) snprintf(own, sizeof own, ", at %ld dim", a->head_dim);
            k += snprintf(f + k, fn - (size_t)k, " + %.0f sliding layers × %.4g pairs (window %ld%s)", sliding, ps,
                          a->sliding_window, own);
        }
        if (k > 0 && (size_t)k < fn) snprintf(f + k, fn - (size_t)k, ") = %.3g FLOP", flops);
    }
    return flops;
}
