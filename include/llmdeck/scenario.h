/* scenario.h - one deployment of one catalogue model, computed in one place
 * for every view.
 *
 * A scenario is a model row and how it would be served (quantization,
 * KV-cache type, context, concurrent sequences, GPU type and count) and,
 * when asked, a workload priced against an API (an ld_cost_input: volume,
 * shares, API prices, mode, utilization, energy, operations).
 * scenario_compute returns the sizing, the self-hosting side of the cost,
 * the cost with its advice, and why it chose what it chose, so the table's
 * detail panel, the wizard's answer, the cost view, `llmdeck size` and
 * `llmdeck cost` give the same figures for the same inputs.
 *
 * Two choices are made here when the caller leaves them open:
 *
 *   quantization "auto": the publisher's release precision when the
 *       catalogue states one (release_quant, release_expert_quant: what the
 *       checkpoint at hf_repo stores, e.g. DeepSeek V3's block fp8,
 *       gpt-oss's MXFP4 experts beside bf16) and it fits on a priced GPU
 *       (of the class asked); else fp16 when it fits; else int4.  The
 *       precision its publisher evaluated and serves; full precision when
 *       hardware someone rents holds it; 4-bit (the usual deployment of a
 *       model too big for that) otherwise.  "release" asks for the
 *       release precision whether it fits or not.
 *   batch 0 ("auto"): as many sequences of `request_tokens` (default:
 *       the context) as fit beside the weights on the GPUs chosen
 *       (max_sequences), at most SCENARIO_AUTO_BATCH_MAX, at least 1.
 *       A server runs many requests
 *       at once; sizing one stream at a time would count the replicas of
 *       the worst case.  The basis says which batch was used and why. */
#ifndef LLMDECK_SCENARIO_H
#define LLMDECK_SCENARIO_H

#include <stddef.h>

#include "llmdeck/catalog.h"
#include "llmdeck/cost.h"
#include "llmdeck/error.h"
#include "llmdeck/hosting.h"
#include "llmdeck/sizing.h"

/* vLLM's default max_num_seqs is 256 and llama.cpp's server 1..N slots;
 * 16 keeps the memory-bound decode estimate (which ignores the scheduler's
 * overheads) in the range published serving benchmarks reach. */
#define SCENARIO_AUTO_BATCH_MAX 16

/* The quantization name that asks for the row's release precision. */
#define SCENARIO_QUANT_RELEASE "release"

typedef struct {
    const ld_catalog *cat;
    size_t row;
    const ld_hosting *hosting;  /* decode efficiency and memory utilization (may be NULL) */
    const ld_gpu_list *gpus;    /* where the cheapest fit is looked for (may be NULL) */
    const char *quant;          /* NULL or "auto": the rule above; "release"; or a name
                                   sizing_quant_find knows */
    const char *kv_quant;       /* NULL = fp16 */
    double context;             /* tokens per sequence; <= 0 = 4096 */
    double batch;               /* concurrent sequences; <= 0 = auto */
    const ld_gpu *gpu;          /* NULL = the cheapest priced GPU that fits */
    int gpu_count;              /* 0 = the smallest count that fits */
    const char *gpu_class;      /* as ld_sizing_input.gpu_class */
    double efficiency;          /* <= 0 = hosting.json's decode efficiency */
    double prompt_tokens;       /* <= 0 = request_tokens */
    double request_tokens;      /* a typical request's tokens (prompt + answer): what each
                                   sequence of the batch holds; <= 0 = context */
    const char *quant_why;      /* who asked for `quant`, for the basis ("the wizard's
                                   answer"); NULL: "chosen" */
} ld_scenario_input;

typedef struct {
    char model[128];
    int sized;                  /* `sizing` is valid: the model has an architecture */
    int fits;                   /* ... and fits on a GPU (priced, when a cost was asked) */
    ld_sizing sizing;           /* at the chosen quantization and batch */
    const char *quant;          /* the quantization used ("fp16"); a mixed release's non-expert weights */
    const char *expert_quant;   /* a mixed release's routed experts ("mxfp4"), else NULL */
    int release;                /* the quantization is the row's release precision */
    char quant_label[48];       /* "fp16", "fp8 + mxfp4 experts": for sentences and labels */
    double batch;               /* the batch used */
    char choice[1024];          /* how the quantization, batch and GPU were chosen */
    char note[640];             /* why it is not sized, fitted or priced, in words */
    /* with a workload */
    int costed;                 /* `cost` is valid */
    ld_cost_input cost_in;      /* the workload with the self-hosting side filled */
    ld_cost cost;
    char selfhost_label[256];   /* "Qwen3-8B fp16 on 1 × L4 at $0.7992/h × 730 h" */
    /* capacity mode, GPU left open: every GPU type priced (cost's
     * break-even is over them: cost_break_even_over); 0 when one set-up */
    ld_selfhost_option options[64];
    size_t noptions;
} ld_scenario;              /* cost_in.selfhost_label points into it: do not copy it */

/* A scenario's GPUs in words, "1 × MI300X": the name a break-even over
 * GPU types (cost_break_even_over) and a sweep give each set-up, and
 * compare to find this one's. */
void scenario_setup_name(const ld_scenario *sc, char *buf, size_t n);

/* The longest context row r reads (context_length), INFINITY when the
 * catalogue does not say: scenario_compute refuses a longer one (1, with a
 * note) and cuts its default 4096 to it. */
double scenario_context_limit(const ld_catalog *cat, size_t row);

/* Sizes the model and, with `workload` (may be NULL), prices it: the
 * workload's API side, shares and mode are kept and its self-hosting side
 * (replica price, throughput, power) comes from the sizing.
 * Returns 0 when everything asked was computed; 1 when the model cannot be
 * sized, does not fit, or cannot be priced (out->note says why, and what
 * was computed stays valid: `sized`, `fits`, `costed`); -1 with `err` for
 * a bad request (an unknown quantization, a GPU count that does not divide
 * the heads: LD_ERR_USAGE, err->file naming the option). */
int scenario_compute(const ld_scenario_input *in, const ld_cost_input *workload, ld_scenario *out,
                     ld_error *err);

/* Both costs over 1M..100B tokens/month (cost_sweep's 1-2-5 steps), each
 * volume priced as scenario_compute prices it: in capacity mode without a
 * GPU asked for, on the GPU type cheapest a month at that volume (named in
 * pts[i].setup), so no row is priced on another volume's GPUs.  Otherwise,
 * or for a volume it cannot price, the one set-up of `base` (cost_sweep).
 * `base` is the workload with this volume's self-hosting side filled. */
size_t scenario_sweep(const ld_scenario_input *in, const ld_cost_input *workload, const ld_cost_input *base,
                      ld_cost_point *pts, size_t max);

/* The release precision a catalogue row states (release_quant and, for a
 * mixed checkpoint, release_expert_quant), as canonical quantization
 * names: 1 with *quant set (*expert_quant NULL unless the experts differ),
 * 0 when the row states none or a name sizing_quant_find does not know. */
int scenario_release_quant(const ld_catalog *cat, size_t row, const char **quant, const char **expert_quant);

/* A quantization in words: "fp8", "bf16 + mxfp4 experts" (expert_quant NULL: one precision). */
void scenario_quant_words(const char *quant, const char *expert_quant, char *buf, size_t n);

/* The quantization to hand another view so it sizes what this scenario
 * sized: "release" for the row's release precision, else the name. */
const char *scenario_quant_request(const ld_scenario *sc);

/* An API offer's prices into a cost input: input, output, cache-read and
 * batch prices (NaN where the sheet lists none). */
void scenario_set_offer(ld_cost_input *in, const ld_api_offer *o);

#endif
