/* sizing.c - memory, GPU fit, decode speed and batched throughput.
 *
 * Decimal GB (1e9 bytes) throughout, as model cards and the seed count them
 * (7B at fp16 = 14 GB).  See sizing.h for the formulas. */
#include "llmdeck/sizing.h"
#include "llmdeck/units.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "basis.h"

/* One line of the basis (basis.h). */
#define basis_add(x, ...) basis_appendf((x)->basis, sizeof (x)->basis, __VA_ARGS__)

/* GB with 3 decimals under 10, else 2 (1.342 GB, 13.48 GB). */
static const char *gb(double v, char *buf, size_t n)
{
    snprintf(buf, n, v < 10 ? "%.3f GB" : "%.2f GB", v);
    return buf;
}

/* The tensor rate the matrix products run at, and its name for the basis.
 * An fp8 model on a GPU with FP8 tensor cores (Ada, Hopper, Blackwell,
 * MI300: the GPUs with an fp8_tflops figure) multiplies in fp8, weights
 * and activations (vLLM's FP8 W8A8); elsewhere (Ampere, Turing: FP8
 * Marlin, weight-only) and for every other quantization (int4 and GGUF
 * weights are widened to fp16 before the product) it runs at the fp16
 * rate.  A mixed release multiplies at its base precision's rate: DeepSeek
 * V4's MXFP4 experts run as W4A8 (fp8 activations, its inference code),
 * gpt-oss's are widened to bf16 (gpus.csv has no FP4 rate to use).  NaN
 * when the GPU has no figure. */
static double tensor_tflops(const ld_quant *q, const ld_gpu *g, const char **kind)
{
    if (!strcmp(q->name, "fp8") && g->fp8_tflops > 0) {
        *kind = "FP8 ";
        return g->fp8_tflops;
    }
    *kind = "";
    return g->fp16_tflops;
}

/* GB of `params_b` weights of which `routed_b` are routed experts: those
 * at the experts' precision, the rest at the base one (the same when the
 * release is not mixed). */
static double weights_gb(const ld_sizing *s, const ld_quant *q, double params_b, double routed_b)
{
    double e = fmin(s->embed16_params_b, params_b - routed_b); /* every amount here includes them */
    return ((params_b - routed_b - e) * q->bits + e * 16.0 + routed_b * s->expert_bits) / 8.0;
}

/* GB a step reads of `params_b` parameters (which include the embeddings):
 * a token looks up one row of an untied input embedding table, so that
 * table is not read (the output layer, or a tied table serving as it, is
 * read whole); its 16-bit share goes with it. */
static double read_gb(const ld_sizing *s, const ld_quant *q, double params_b, double routed_b)
{
    double lookup = fmin(s->lookup_params_b, params_b - routed_b);
    double e = fmin(fmax(s->embed16_params_b - lookup, 0), params_b - routed_b - lookup);
    return ((params_b - routed_b - lookup - e) * q->bits + e * 16.0 + routed_b * s->expert_bits) / 8.0;
}

/* Embedding and output-layer parameters (billions; one matrix when tied),
 * 0 when the architecture does not say. */
static double embed_params_b(const ld_model_arch *a)
{
    if (a->vocab_size <= 0 || a->hidden_size <= 0) return 0;
    return (double)a->vocab_size * (double)a->hidden_size * (a->tie_embeddings == 1 ? 1 : 2) / 1e9;
}

/* Memory-bound and compute-bound step times; returns aggregate tokens/s. */
/* Parameters (billions) a step over `tokens` tokens reads: in a mixture of
 * experts each token may route to different experts, so with the routing
 * known (E experts, k a token, uniform) a step touches E × (1 - (1 - k/E)^T)
 * experts of each MoE layer; otherwise at most T × the active weights.
 * *routed_read: of them, routed experts (0 when the release keeps no
 * precision of their own); *touched: the share touched, NaN when unknown. */
static double moe_params_read(const ld_model_arch *a, const ld_sizing *s, double active_b, double total_b,
                              double tokens, double *routed_read, double *touched)
{
    double params = fmin(total_b, active_b * tokens);
    *routed_read = 0;
    *touched = NAN;
    if (!arch_routed_known(a)) return params;
    double routed = arch_routed_params_b(a);
    double share = (double)a->experts_active / (double)a->experts;
    double always = active_b - routed * share; /* attention, dense layers, shared experts, embeddings */
    if (!(always > 0)) return params;
    *touched = 1.0 - pow(1.0 - share, tokens);
    params = fmin(total_b, always + routed * *touched);
    *routed_read = s->routed_params_b > 0 ? params - always : 0;
    return params;
}

static double batched(const ld_sizing_input *in, ld_sizing *s, const ld_gpu *g, const ld_quant *q, int n,
                      double active_b, double total_b, double eff, double cutil)
{
    /* In a batch each sequence may route to different experts: the weights
     * read per step grow with the batch.  With the routing known (E experts,
     * k per token, uniform routing), a step touches E × (1 - (1 - k/E)^B)
     * experts of each MoE layer; otherwise at most B × the active weights. */
    const ld_model_arch *a = &in->arch;
    double wrouted = 0; /* of the params read, routed experts (their own precision in a mixed release) */
    double touched = NAN;
    double wparams = moe_params_read(a, s, active_b, total_b, s->batch, &wrouted, &touched);
    if (!isnan(touched)) {
        char t[32];
        snprintf(t, sizeof t, "%.1f%%", touched * 100);
        basis_add(s, "MoE at batch %g: a step touches %s of the %ld experts (1 - (1 - %ld/%ld)^%g): "
                     "%.4gB params read", s->batch, t, a->experts, a->experts_active, a->experts, s->batch,
                  wparams);
    }
    /* a replicated cache is read on every GPU that keeps it */
    double kv_seq = s->kv_known ? s->kv_read_gb * sizing_kv_copies(a, n) : 0;
    double wgb = read_gb(s, q, wparams, wrouted);
    double step_gb = wgb + s->batch * kv_seq;
    double t_mem = step_gb / (n * g->bandwidth_gbs * eff);
    double gflop = 2.0 * active_b * s->batch; /* 2 FLOPs per active weight per token */
    const char *kind;
    double tflops = tensor_tflops(q, g, &kind);
    double t_cmp = isnan(tflops) ? 0 : gflop / (n * tflops * 1e3 * cutil);
    s->bound = t_cmp > t_mem ? "compute" : "memory";
    double tps = s->batch / fmax(t_mem, t_cmp);
    char ka[32], b[32];
    char wbits[160];
    char wb[32];
    if (s->lookup_params_b > 0 || s->embed16_params_b > 0) /* not one product: say what it holds */
        snprintf(wbits, sizeof wbits, "%.4gB params (%s%s%s) = %s", wparams,
                 s->lookup_params_b > 0 ? "the input embedding table not read" : "",
                 s->lookup_params_b > 0 && s->embed16_params_b > 0 ? ", " : "",
                 s->embed16_params_b > 0 ? "the output layer at 16 bits" : "", gb(wgb, wb, sizeof wb));
    else if (wrouted > 0)
        snprintf(wbits, sizeof wbits, "(%.4gB × %g + %.4gB experts × %g) bits / 8", wparams - wrouted, q->bits,
                 wrouted, s->expert_bits);
    else
        snprintf(wbits, sizeof wbits, "%.4gB params × %g bits / 8", wparams, q->bits);
    basis_add(s, "batched (%g seq): reads %s + %g × %s KV = %s per step "
                 "→ %.3g ms at %.0f%% of %d × %.0f GB/s",
              s->batch, wbits, s->batch, gb(kv_seq, ka, sizeof ka),
              gb(step_gb, b, sizeof b), t_mem * 1e3, eff * 100, n, g->bandwidth_gbs);
    if (!isnan(tflops))
        basis_add(s, "  compute 2 × %.4gB active × %g = %.4g GFLOP → %.3g ms at %.0f%% of "
                     "%d × %g %sTFLOPS; %s-bound: %.1f tokens/s",
                  active_b, s->batch, gflop, t_cmp * 1e3, cutil * 100, n, tflops, kind,
                  s->bound, tps);
    else
        basis_add(s, "  (no TFLOPS figure for %s: memory bound assumed) %.1f tokens/s",
                  g->name, tps);
    return tps;
}

/* MLA's latent and compressed attention's shared vector are one per
 * token, not per head: tensor parallelism (what --gpus N means) cannot
 * split them by head, so every GPU keeps the whole cache (vLLM's default;
 * sgl-project/sglang#2591).  Data-parallel attention would split the cache
 * but put a copy of the attention weights on every GPU; it is not
 * modelled, so a count here is one a plain tensor-parallel server reaches.
 * For them only the query heads must divide. */
static int one_vector_cache(const ld_model_arch *a)
{
    return a->attn == LD_ATTN_MLA || a->attn == LD_ATTN_COMPRESSED;
}

/* The KV heads a tensor-parallel split must respect (the query heads for a
 * one-vector cache). */
static long split_kv_heads(const ld_model_arch *a)
{
    return one_vector_cache(a) ? a->attention_heads : a->kv_heads;
}

double sizing_kv_copies(const ld_model_arch *a, int n)
{
    if (n <= 1) return 1;
    if (one_vector_cache(a)) return n; /* whole on every GPU */
    if (a->kv_heads <= 0 || a->kv_heads >= n) return 1;
    return (double)n / (double)a->kv_heads;
}

double sizing_overhead_gb(double weights_gb, int n)
{
    if (n < 1) n = 1;
    double per_gpu = n == 1 ? SIZING_OVERHEAD_ONE_GPU_GB : SIZING_OVERHEAD_TP_GPU_GB;
    return n * per_gpu + SIZING_OVERHEAD_FRACTION * weights_gb;
}

double sizing_need_gb(const ld_model_arch *a, double weights_gb, double kv_gb, int n)
{
    double kv = isfinite(kv_gb) && kv_gb > 0 ? kv_gb : 0;
    return weights_gb + kv * sizing_kv_copies(a, n) + sizing_overhead_gb(weights_gb, n);
}

/* n GPUs the heads split over, whose usable memory holds the need. */
static int holds_on(const ld_model_arch *a, double weights_gb, double kv_gb, double memory_gb, double mem_util, int n)
{
    return (n == 1 || sizing_tp_check(a, n, NULL, 0) == 0) &&
           n * memory_gb * mem_util >= sizing_need_gb(a, weights_gb, kv_gb, n);
}

int sizing_fit_gpus(const ld_model_arch *a, double weights_gb, double kv_gb, double memory_gb, double mem_util)
{
    static const int counts[] = {1, 2, 4, 8};
    if (!(memory_gb > 0) || !isfinite(weights_gb)) return 0;
    for (size_t i = 0; i < 4; i++)
        if (holds_on(a, weights_gb, kv_gb, memory_gb, mem_util, counts[i])) return counts[i];
    return 0;
}

int sizing_fit_gpus_upto(const ld_model_arch *a, double weights_gb, double kv_gb, double memory_gb, double mem_util,
                         int max_cards)
{
    if (!(memory_gb > 0) || !isfinite(weights_gb)) return 0;
    for (int n = 1; n <= max_cards; n++)
        if (holds_on(a, weights_gb, kv_gb, memory_gb, mem_util, n)) return n;
    return 0;
}

int sizing_tp_check(const ld_model_arch *a, int n, char *valid, size_t len)
{
    long heads = a->attention_heads, kv = split_kv_heads(a);
    if (heads <= 0 || kv <= 0) return n >= 1 ? 0 : -1; /* unknown: not checked */
    /* fewer KV heads than GPUs: each is kept on n / kv of them (vLLM
     * replicates them), so n must be a multiple of kv (sizing_kv_copies) */
    if (n >= 1 && heads % n == 0 && (kv % n == 0 || n % kv == 0)) return 0;
    size_t k = 0;
    if (len) valid[0] = '\0';
    for (int c = 1; c <= 64; c++)
        if (heads % c == 0 && (kv % c == 0 || c % kv == 0) && k < len)
            k += (size_t)snprintf(valid + k, len - k, "%s%d", k ? ", " : "", c);
    return -1;
}

double sizing_total_on(const ld_sizing *s, const ld_model_arch *a, int n)
{
    /* the memory the fit compares: a replicated cache counts its copies */
    return sizing_need_gb(a, s->weights_gb, s->kv_known ? s->kv_cache_gb : 0, n);
}

/* Overhead and total on the n GPUs the model is sized on. */
static void set_total(ld_sizing *s, const ld_model_arch *a, int n)
{
    s->overhead_gb = sizing_overhead_gb(s->weights_gb, n);
    s->total_gb = sizing_total_on(s, a, n);
    s->kv_copies = sizing_kv_copies(a, n);
    s->total_gpus = n;
}

int sizing_compute(const ld_sizing_input *in, ld_sizing *s, ld_error *err)
{
    memset(s, 0, sizeof *s);
    s->gpus_tried = in->gpu_count > 0 ? in->gpu_count : 8;
    s->bound = "";
    s->tokens_per_s = s->tokens_per_s_ceiling = s->throughput_tokens_per_s = NAN;
    s->max_sequences = s->kv_per_gpu_gb = s->ttft_s = s->hourly_usd = NAN;
    const ld_model_arch *a = &in->arch;
    if (!(a->params_b > 0) || !isfinite(a->params_b))
        return error_set(err, LD_ERR_USAGE, "params", 0, 0,
                         "the parameter count must be a number > 0 (billions)");
    const char *qname = in->quant ? in->quant : "fp16";
    const ld_quant *q = sizing_quant_find(qname);
    if (!q) return error_set(err, LD_ERR_USAGE, "quant", 0, 0, "unknown quantization '%s'", qname);
    const char *kvname = in->kv_quant ? in->kv_quant : "fp16";
    if (sizing_kv_bytes(kvname, &s->kv_bytes) != 0)
        return error_set(err, LD_ERR_USAGE, "kv-quant", 0, 0,
                         "unknown KV-cache type '%s' (fp32, fp16, bf16, fp8, int8, q8_0, q4_0)", kvname);
    double mem_util = in->gpu_mem_util > 0 ? in->gpu_mem_util : SIZING_GPU_MEM_UTIL;
    double eff = in->efficiency > 0 ? in->efficiency : SIZING_EFFICIENCY;
    double cutil = in->compute_util > 0 ? in->compute_util : SIZING_COMPUTE_UTIL;
    s->context = in->context > 0 ? in->context : SIZING_DEFAULT_CONTEXT;
    s->batch = in->batch > 0 ? in->batch : 1;
    s->bits_per_weight = s->base_bits = s->expert_bits = q->bits;
    double total_b = a->params_b;
    double active_b = a->active_params_b > 0 && a->active_params_b <= total_b ? a->active_params_b : total_b;
    char b1[32], b2[32], b3[32], b4[32];

    const ld_quant *eq = NULL; /* a mixed release's routed experts */
    if (in->expert_quant && in->expert_quant[0]) {
        if (!(eq = sizing_quant_find(in->expert_quant)))
            return error_set(err, LD_ERR_USAGE, "expert-quant", 0, 0, "unknown quantization '%s'", in->expert_quant);
        if (!arch_routed_known(a))
            return error_set(err, LD_ERR_USAGE, "expert-quant", 0, 0,
                             "the experts' own precision needs their shape (experts, experts_active, "
                             "moe_intermediate_size, hidden_size, layers) within the %.4gB params", total_b);
        s->routed_params_b = arch_routed_params_b(a);
        s->expert_bits = eq->bits;
    }
    double embed_b = embed_params_b(a);
    if (embed_b > 0 && embed_b < total_b - s->routed_params_b) {
        if (q->embed16 && q->bits < 16) s->embed16_params_b = embed_b;
        if (a->tie_embeddings != 1) s->lookup_params_b = embed_b / 2; /* the input table, untied */
    }
    s->weights_gb = weights_gb(s, q, total_b, s->routed_params_b);
    if (s->embed16_params_b > 0) s->bits_per_weight = s->weights_gb * 8.0 / total_b;
    char embed[200] = "";
    if (s->embed16_params_b > 0)
        snprintf(embed, sizeof embed, " + %.4gB embedding and output params (%ld vocab × %ld hidden%s) × 16 bits / 8",
                 s->embed16_params_b, a->vocab_size, a->hidden_size, a->tie_embeddings == 1 ? ", tied" : " × 2");
    if (eq) {
        s->bits_per_weight = s->weights_gb * 8.0 / total_b;
        basis_add(s, "weights = %.4gB params × %g bits / 8%s + %.4gB routed-expert params (%ld experts × 3 × %ld × %ld "
                     "× %ld MoE layers) × %g bits / 8 = %s (%s: %s; experts %s: %s)",
                  total_b - s->routed_params_b - s->embed16_params_b, q->bits, embed, s->routed_params_b,
                  a->experts, a->hidden_size,
                  a->moe_intermediate_size, a->layers - a->dense_layers, eq->bits,
                  gb(s->weights_gb, b1, sizeof b1), q->name, q->basis, eq->name, eq->basis);
    } else
        basis_add(s, "weights = %.4gB params × %g bits / 8%s = %s (%s: %s%s)", total_b - s->embed16_params_b, q->bits,
                  embed, gb(s->weights_gb, b1, sizeof b1), q->name, q->basis,
                  s->embed16_params_b > 0 ? "; its checkpoints keep the embeddings and output layer in 16 bits" : "");
    if (a->active_source != LD_ACTIVE_GIVEN) { /* the speeds below rest on it: say where it came from */
        char why[256];
        arch_active_describe(a, why, sizeof why);
        basis_add(s, "active parameters: %s", why);
    }
    /* A published active count is taken to hold both embedding tables,
     * as Mixtral's 12.9B does, and a token then skips the untied input
     * table's read (lookup_params_b).  OpenAI counts gpt-oss's 5.1B without
     * it (3.58B experts + 0.96B attention + 0.58B output layer): skipped
     * twice, its reads were 3.78 GB for 4.94.  When the architecture's own
     * count without the table matches the published one (within 1%) and
     * the count with it does not (by 3/4 of the table), the table is added
     * back; a rounded count ("37B") that sits between says nothing. */
    if (a->active_source == LD_ACTIVE_GIVEN && active_b < total_b && s->lookup_params_b > 0) {
        double all_b, with;
        if (arch_param_count(a, &all_b, &with) == 0) {
            double without = with - s->lookup_params_b;
            if (fabs(active_b - without) <= 0.01 * without && fabs(active_b - with) >= 0.75 * s->lookup_params_b &&
                active_b + s->lookup_params_b <= total_b) {
                basis_add(s, "active parameters: the published %.4gB leaves the input embedding table out (the "
                             "architecture gives %.4gB without it, %.4gB with it): %.4gB with it, as the other "
                             "models' counts are",
                          active_b, without, with, active_b + s->lookup_params_b);
                active_b += s->lookup_params_b;
            }
        }
    }
    /* Per-layer embedding tables (a row a token) and vision or audio
     * encoders are held in memory but a text token does not read them
     * (Gemma 3n, Gemma 4 E2B/E4B: 2.8B of E4B's 7.9B): the speeds below
     * count what a token reads, the memory above all of it. */
    double unread = a->unread_params_b > 0 && a->unread_params_b < active_b ? a->unread_params_b : 0;
    if (unread > 0) {
        basis_add(s, "a text token reads %.4gB of the %.4gB params: %.4gB are per-layer embeddings (a row a "
                     "token) and encoders (unread_params_b)",
                  active_b - unread, active_b, unread);
        active_b -= unread;
        total_b -= unread;
    }

    /* A batch's sequences hold a typical request each; the memory must still
     * take one sequence of the whole context (the longest request served). */
    s->request_tokens = in->request_tokens > 0 && in->request_tokens < s->context ? in->request_tokens : s->context;
    int by_request = s->request_tokens < s->context;
    s->kv_known = arch_kv_known(a);
    s->kv_request_gb = s->kv_context_gb = s->kv_read_gb = NAN;
    if (s->kv_known) {
        char formula[400], index[400];
        /* a hybrid's linear layers keep a state a sequence at the model's
         * precision whatever the KV type (vLLM's mamba_cache_dtype "auto"):
         * with another KV type it is a term of its own, as the indexer's
         * keys are (Qwen3-Next at fp8 KV: 0.088 GB a sequence, not 0.069) */
        ld_model_arch attn_only = *a;
        double state_seq = 0; /* bytes */
        char state[160] = "";
        if (a->linear_layers > 0 && a->linear_state_elems > 0 && s->kv_bytes != SIZING_STATE_BYTES) {
            attn_only.linear_state_elems = NAN;
            state_seq = (double)a->linear_layers * a->linear_state_elems * SIZING_STATE_BYTES;
            snprintf(state, sizeof state, "%ld linear layers × %.0f state × %g bytes (the model's precision)",
                     a->linear_layers, a->linear_state_elems, (double)SIZING_STATE_BYTES);
        }
        const ld_model_arch *ka = state_seq > 0 ? &attn_only : a;
        double elems = arch_kv_elems(ka, s->request_tokens, formula, sizeof formula);
        double index_bytes = arch_index_bytes(a, s->request_tokens, index, sizeof index) + state_seq;
        if (state[0]) snprintf(index + strlen(index), sizeof index - strlen(index), "%s%s", index[0] ? " + " : "", state);
        s->kv_request_gb = (elems * s->kv_bytes + index_bytes) / 1e9;
        s->kv_cache_gb = s->kv_request_gb * s->batch;
        if (index_bytes > 0) /* the indexer's keys have a precision of their own */
            basis_add(s, "kv cache = [%s × %g bytes (%s) + %s] × %g seq = %s%s", formula, s->kv_bytes, kvname,
                      index, s->batch, gb(s->kv_cache_gb, b1, sizeof b1),
                      by_request ? " (requests of that length)" : "");
        else
            basis_add(s, "kv cache = %s × %g seq × %g bytes (%s) = %s%s", formula, s->batch, s->kv_bytes,
                      kvname, gb(s->kv_cache_gb, b1, sizeof b1), by_request ? " (requests of that length)" : "");
        s->kv_context_gb = s->kv_request_gb;
        s->kv_read_gb = s->kv_request_gb;
        char read[200];
        double read_elems = arch_kv_read_elems(ka, s->request_tokens, read, sizeof read);
        if (read[0]) {
            /* sparse attention: a step reads the cache of the indexer's top-k
             * tokens, and the indexer reads its keys of every token */
            s->kv_read_gb = (read_elems * s->kv_bytes + index_bytes) / 1e9;
            basis_add(s, "sparse attention: a decode step reads the cache of %s, and the indexer keys of every %s: "
                         "%s a sequence",
                      read, a->attn == LD_ATTN_COMPRESSED ? "CSA entry" : "token", gb(s->kv_read_gb, b1, sizeof b1));
        }
        if (by_request) {
            s->kv_context_gb = (arch_kv_elems(ka, s->context, formula, sizeof formula) * s->kv_bytes +
                                arch_index_bytes(a, s->context, index, sizeof index) + state_seq) / 1e9;
            if (state[0])
                snprintf(index + strlen(index), sizeof index - strlen(index), "%s%s", index[0] ? " + " : "", state);
            if (index[0])
                basis_add(s, "kv cache of one whole-context sequence = %s × %g bytes + %s = %s", formula,
                          s->kv_bytes, index, gb(s->kv_context_gb, b1, sizeof b1));
            else
                basis_add(s, "kv cache of one whole-context sequence = %s × %g bytes = %s", formula, s->kv_bytes,
                          gb(s->kv_context_gb, b1, sizeof b1));
            if (s->kv_context_gb > s->kv_cache_gb) {
                s->kv_cache_gb = s->kv_context_gb;
                basis_add(s, "kv cache = the larger of the two = %s", gb(s->kv_cache_gb, b1, sizeof b1));
            }
        }
    } else {
        s->kv_cache_gb = NAN;
        basis_add(s, "kv cache = unknown (the architecture columns its attention needs are missing): "
                     "not in the total, so the total is a lower bound");
    }
    double kv = s->kv_known ? s->kv_cache_gb : 0;
    /* on one GPU until a count is chosen (set_total below) */
    set_total(s, a, 1);
    basis_add(s, "overhead = %g GB on one GPU, %g GB a GPU on 2 or more (activations, memory outside PyTorch, "
                 "CUDA graphs, all-reduce buffers: vLLM 0.19's accounting, doc/data.md) + %.0f%% × weights",
              SIZING_OVERHEAD_ONE_GPU_GB, SIZING_OVERHEAD_TP_GPU_GB, SIZING_OVERHEAD_FRACTION * 100);
    basis_add(s, "total on one GPU = %s weights + %s kv + %s overhead = %s", gb(s->weights_gb, b1, sizeof b1),
              gb(kv, b2, sizeof b2), gb(s->overhead_gb, b3, sizeof b3), gb(s->total_gb, b4, sizeof b4));

    if (in->gpu_count > 0) { /* an asked count the heads cannot split: the caller's error, before any GPU */
        char valid[200];
        if (sizing_tp_check(a, in->gpu_count, valid, sizeof valid) != 0)
            return error_set(err, LD_ERR_USAGE, "gpus", 0, 0,
                             "%d GPUs cannot split %ld attention heads and %ld KV heads evenly (tensor "
                             "parallel); counts that can: %s", in->gpu_count, a->attention_heads,
                             split_kv_heads(a), valid);
    }
    /* Cheapest priced GPU type and count that fits (at the asked count, when one is). */
    if (in->gpus) {
        for (size_t i = 0; i < in->gpus->n; i++) {
            const ld_gpu *g = &in->gpus->v[i];
            if (isnan(g->hourly_usd)) continue;
            /* datacenter cards unless asked: 8 consumer cards are no serving set-up */
            const char *want = in->gpu_class && *in->gpu_class ? in->gpu_class : "datacenter";
            if (strcmp(want, "any") != 0 && g->gpu_class[0] && strcmp(g->gpu_class, want) != 0) continue;
            int n;
            if (in->gpu_count > 0) /* --gpus N: the cheapest type at that count (checked above) */
                n = in->gpu_count * hosting_gpu_device_gb(g) * mem_util >=
                            sizing_need_gb(a, s->weights_gb, kv, in->gpu_count)
                        ? in->gpu_count
                        : 0;
            else
                n = sizing_fit_gpus(a, s->weights_gb, kv, hosting_gpu_device_gb(g), mem_util);
            if (n == 0) continue;
            double cost = n * g->hourly_usd;
            if (!s->cheapest || cost < s->cheapest_hourly_usd) {
                s->cheapest = g;
                s->cheapest_count = n;
                s->cheapest_hourly_usd = cost;
            }
        }
        if (s->cheapest)
            basis_add(s, "cheapest fit: %d × %s at $%.4g/h each = $%.4g/h (%s%s, see gpus.csv)",
                      s->cheapest_count, s->cheapest->name, s->cheapest->hourly_usd,
                      s->cheapest_hourly_usd, s->cheapest->price_date[0] ? "price of " : "undated price",
                      s->cheapest->price_date);
        else if (in->gpu_count > 0)
            basis_add(s, "cheapest fit: no priced GPU holds it on %d GPUs (%s needed)", in->gpu_count,
                      gb(sizing_need_gb(a, s->weights_gb, kv, in->gpu_count), b1, sizeof b1));
        else
            basis_add(s, "cheapest fit: no priced GPU holds it on 8 GPUs (%s with the overhead of 8)",
                      gb(sizing_need_gb(a, s->weights_gb, kv, 8), b1, sizeof b1));
    }

    const ld_gpu *g = in->gpu ? in->gpu : s->cheapest;
    if (!g) return 0;
    s->usable_gb = hosting_gpu_device_gb(g) * mem_util;
    char device[96];
    hosting_gpu_memory_words(g, device, sizeof device);
    int n = sizing_fit_gpus(a, s->weights_gb, kv, hosting_gpu_device_gb(g), mem_util);
    if (in->gpu_count > 0) {
        double need = sizing_need_gb(a, s->weights_gb, kv, in->gpu_count);
        n = in->gpu_count * s->usable_gb >= need ? in->gpu_count : 0;
        if (n == 0) {
            set_total(s, a, in->gpu_count);
            basis_add(s, "fit: does not fit on %d × %s (%s needed%s, %s usable)", in->gpu_count, g->name,
                      gb(need, b1, sizeof b1), sizing_kv_copies(a, in->gpu_count) > 1 ? " with the KV cache's copies" : "",
                      gb(in->gpu_count * s->usable_gb, b2, sizeof b2));
            s->gpu = g;
            return 0;
        }
    }
    if (n == 0) {
        set_total(s, a, 8);
        basis_add(s, "fit: does not fit on 8 × %s (%s × %g = %s usable each; %s needed on 8)", g->name,
                  device, mem_util, gb(s->usable_gb, b1, sizeof b1),
                  gb(sizing_need_gb(a, s->weights_gb, kv, 8), b2, sizeof b2));
        s->gpu = g;
        return 0;
    }
    s->gpu = g;
    s->gpus = n;
    s->hourly_usd = n * g->hourly_usd;
    basis_add(s, "fit: %d × %s (%s × %g = %s usable each, %s in all)", n, g->name,
              device, mem_util, gb(s->usable_gb, b1, sizeof b1),
              gb(n * s->usable_gb, b2, sizeof b2));
    if (n > 8) /* --gpus 16..64: more than a server holds */
        basis_add(s, "%d GPUs are more than one server of 8: tensor parallelism across servers waits on their "
                     "network, which this model leaves out (its speeds are upper bounds)", n);
    if (n > 1) {
        set_total(s, a, n);
        char kvs[64];
        double copies_n = sizing_kv_copies(a, n);
        if (copies_n > 1) snprintf(kvs, sizeof kvs, "%s kv × %g copies", gb(kv, b2, sizeof b2), copies_n);
        else snprintf(kvs, sizeof kvs, "%s kv", gb(kv, b2, sizeof b2));
        basis_add(s, "total on %d GPUs = %s weights + %s + %s overhead (%d × %g GB + %.0f%% × weights) = %s", n,
                  gb(s->weights_gb, b1, sizeof b1), kvs, gb(s->overhead_gb, b3, sizeof b3), n,
                  SIZING_OVERHEAD_TP_GPU_GB, SIZING_OVERHEAD_FRACTION * 100, gb(s->total_gb, b4, sizeof b4));
    }
    s->max_sequences = NAN;
    double copies = sizing_kv_copies(a, n);
    s->kv_per_gpu_gb = s->kv_known ? s->kv_cache_gb * copies / n : NAN;
    if (s->kv_known && copies > 1 && one_vector_cache(a))
        basis_add(s, "kv cache kept %g times: one vector a token (%s), which tensor parallelism cannot split by "
                     "head, so each of the %d GPUs keeps it whole (vLLM's default; data-parallel attention would "
                     "split it and copy the attention weights to every GPU instead: not modelled)",
                  copies, a->attn == LD_ATTN_MLA ? "MLA's latent" : "compressed attention's", n);
    else if (s->kv_known && copies > 1)
        basis_add(s, "kv cache kept %g times: %ld KV heads on %d GPUs, each head on %g of them (replicated, as vLLM "
                     "does when the GPUs outnumber the KV heads)",
                  copies, a->kv_heads, n, copies);
    if (s->kv_known && s->kv_cache_gb > 0) {
        /* total(B) = W + B·kv + fixed + frac·(W + B·kv) <= n·usable, and one
         * whole-context sequence must fit too; a replicated cache counts
         * its copies */
        double kv1 = s->kv_request_gb * copies;
        double room = n * s->usable_gb - s->overhead_gb - s->weights_gb;
        int context_fits = room >= s->kv_context_gb * copies;
        s->max_sequences = room > 0 && context_fits ? floor(room / kv1) : 0;
        char copies_text[48] = "";
        if (copies > 1) snprintf(copies_text, sizeof copies_text, " × %g copies", copies);
        basis_add(s, "max sequences at %.0f tokens = (%d × %s usable - %s overhead - %s weights) / (%s KV%s "
                     "each) = %.0f%s",
                  s->request_tokens, n, gb(s->usable_gb, b1, sizeof b1), gb(s->overhead_gb, b4, sizeof b4),
                  gb(s->weights_gb, b2, sizeof b2),
                  gb(s->kv_request_gb, b3, sizeof b3), copies_text, s->max_sequences,
                  !by_request ? "" : context_fits ? " (one whole-context sequence fits as well)"
                                                  : " (0: one whole-context sequence does not fit)");
        if (n > 1 && copies > 1 && one_vector_cache(a))
            basis_add(s, "kv cache per GPU = %s (the whole cache on each)", gb(s->kv_cache_gb, b1, sizeof b1));
        else if (n > 1 && copies > 1)
            basis_add(s, "kv cache per GPU = %s / %ld KV heads (each GPU keeps one head's)", gb(s->kv_cache_gb, b1, sizeof b1),
                      a->kv_heads);
        else if (n > 1)
            basis_add(s, "kv cache per GPU = %s / %d (tensor parallel)", gb(s->kv_cache_gb, b1, sizeof b1), n);
    }

    /* Decode, one sequence: every token reads the active weights and the
     * sequence's KV cache once; bandwidth is the ceiling. */
    double kv_seq = s->kv_known ? s->kv_read_gb * copies : 0;
    /* a token reads experts_active of the routed experts of each MoE layer */
    double active_routed = s->routed_params_b * (eq ? (double)a->experts_active / (double)a->experts : 0);
    double active_gb = read_gb(s, q, active_b, active_routed);
    double step_gb = active_gb + kv_seq;
    s->tokens_per_s_ceiling = n * g->bandwidth_gbs / step_gb;
    s->tokens_per_s = s->tokens_per_s_ceiling * eff;
    if (s->lookup_params_b > 0)
        basis_add(s, "a token reads the active weights but the input embedding table (%.4gB params, %ld vocab × "
                     "%ld hidden: one row looked up a token), the output layer whole: %s",
                  s->lookup_params_b, a->vocab_size, a->hidden_size, gb(active_gb, b1, sizeof b1));
    basis_add(s, "decode ceiling = %d × %g GB/s / (%s active weights read%s + %s KV%s) = %.1f tokens/s",
              n, g->bandwidth_gbs, gb(active_gb, b1, sizeof b1),
              active_b < total_b ? " (MoE)" : "", gb(kv_seq, b2, sizeof b2), copies > 1 ? ", its copies" : "",
              s->tokens_per_s_ceiling);
    basis_add(s, "decode estimate = ceiling × %g efficiency = %.1f tokens/s", eff, s->tokens_per_s);
    s->moe_multi_gpu = active_b < total_b && n > 1;
    if (s->moe_multi_gpu) /* a step's latency, not its bytes, rules a big MoE at small batches */
        basis_add(s, "decode and throughput are upper bounds: a mixture of experts over %d GPUs also waits on the "
                     "routing and the GPUs' exchanges, which this bandwidth model leaves out; DeepSeek-V3 on 8 "
                     "GPUs measured 30 tokens/s at batch 1, 206 at 8, 761 at 32 (SGLang v0.4.1.post2, "
                     "github.com/sgl-project/sglang/pull/2643), where this model gives 2-20x that",
                  n);
    /* prefill: the prompt's tokens go through at once, compute-bound */
    s->prompt_tokens = in->prompt_tokens > 0 ? in->prompt_tokens : s->request_tokens;
    /* the prompt's tokens route to many experts: a 128-token prompt of
     * DeepSeek-V3 touches 98% of them, and reads them all once */
    double prompt_routed, prompt_touched;
    double prompt_params = moe_params_read(a, s, active_b, total_b, s->prompt_tokens, &prompt_routed, &prompt_touched);
    double t_read = read_gb(s, q, prompt_params, prompt_routed) / (n * g->bandwidth_gbs * eff);
    const char *kind;
    double tflops = tensor_tflops(q, g, &kind);
    if (!strcmp(q->name, "fp8") && !*kind && !isnan(tflops)) /* fp8 weights, the fp16 rate */
        basis_add(s, "%s has no FP8 tensor cores: fp8 weights are widened and multiplied at its fp16 rate",
                  g->name);
    if (!isnan(tflops)) {
        /* the weights' FLOPs and the attention's own: at 128k tokens of a
         * 70B model the attention is more than the weights (2.2e16 FLOP
         * against 1.8e16); without it the first token came twice as soon */
        char attn_f[400];
        double attn = arch_attn_flops(a, s->prompt_tokens, attn_f, sizeof attn_f);
        if (isnan(attn)) attn = 0;
        double t_pre = (2.0 * active_b * 1e9 * s->prompt_tokens + attn) / (n * tflops * 1e12 * cutil);
        s->ttft_s = fmax(t_pre, t_read);
        if (attn > 0) basis_add(s, "attention over the prompt (causal) = %s", attn_f);
        basis_add(s, "time to first token = max((2 × %.4gB active × %.0f prompt tokens + %.3g attention FLOP) / "
                     "(%d × %g %sTFLOPS × %g), weights read %.3g s) = %.3g s",
                  active_b, s->prompt_tokens, attn, n, tflops, kind, cutil, t_read, s->ttft_s);
        if (s->ttft_s > 0) { /* the rate the cost reads input at (cost.c): said, so it can be checked */
            char rate[32];
            units_format_rate(s->prompt_tokens / s->ttft_s, rate, sizeof rate);
            basis_add(s, "prefill rate = %.0f prompt tokens / %.4g s = %s tokens/s",
                      s->prompt_tokens, s->ttft_s, rate);
        }
    } else {
        s->ttft_s = NAN;
        basis_add(s, "time to first token: unknown (no TFLOPS figure for %s)", g->name);
    }
    s->throughput_tokens_per_s = batched(in, s, g, q, n, active_b, total_b, eff, cutil);
    return 0;
}

int sizing_arch_from_catalog(const ld_catalog *cat, size_t row, ld_model_arch *a, ld_error *err)
{
    return arch_from_catalog(cat, row, a, err);
}
