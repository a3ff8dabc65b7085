/* cost.h - API versus self-hosting: monthly cost, replicas, break-even,
 * advice.
 *
 *   API       = tokens / 1000 × blended, blended = (1 - batch) × [share ×
 *               ((1 - cached) × input + cached × cache_read) + (1 - share) ×
 *               output] + batch × [share × batch_input + (1 - share) ×
 *               batch_output]  (a price the sheet lacks counts as the plain one)
 *   self-host = replicas × replica_monthly + ops_monthly
 *   replicas  = 1 in seed mode (the seed's "can process unlimited tokens");
 *               ceil(tokens / capacity) in capacity mode (at least 1), where
 *               capacity = 3600 × hours × utilization / (share / prefill rate
 *               + (1 - share) / decode rate): input tokens are read at the
 *               prefill rate, output tokens written at the decode rate (both
 *               the decode rate when the prefill rate is unknown)
 *
 * In capacity mode self-hosting is a step function and may never break
 * even: when one full replica costs more per token than the API, adding
 * volume only adds replicas. */
#ifndef LLMDECK_COST_H
#define LLMDECK_COST_H

#include <stddef.h>

#include "llmdeck/error.h"
#include "llmdeck/hosting.h"
#include "llmdeck/sizing.h"

typedef enum { LD_COST_SEED = 0, LD_COST_CAPACITY = 1 } ld_cost_mode;

typedef enum { LD_ADVICE_API = 0, LD_ADVICE_SELFHOST, LD_ADVICE_CLOSE } ld_advice;

typedef struct {
    double tokens_per_month;
    double input_share;          /* [0, 1] */
    double api_in_per_1k;        /* USD per 1K input tokens, > 0 */
    double api_out_per_1k;       /* USD per 1K output tokens; <= 0 or NaN = api_in_per_1k */
    double replica_monthly_usd;  /* one replica: preset figure or GPUs × hourly × hours */
    double ops_monthly_usd;      /* fixed, once */
    ld_cost_mode mode;
    double replica_tokens_per_s; /* capacity mode: one replica's throughput (decode, output tokens) */
    double replica_prefill_tokens_per_s; /* its prompt processing rate; <= 0 or NaN: unknown,
                                    the input tokens are counted at the decode rate (an upper
                                    bound on the replicas; the presets of the article) */
    double prefill_prompt_tokens, prefill_seconds; /* where that rate comes from (the sizing's
                                    prompt and time to first token), for the basis; 0: not said */
    int rate_given;              /* replica_tokens_per_s is the user's measured rate of every
                                    token (--throughput), not a decode rate: said in the basis */
    double utilization;          /* capacity mode: (0, 1] */
    double hours_per_month;      /* 730 */
    double close_band;           /* 0.10 */
    double band_api_below, band_selfhost_above;
    const char *band_api_text, *band_between_text, *band_selfhost_text, *band_variable_text;
    /* the workload against the price sheet */
    double cached_share;         /* of the input tokens, read from the provider's cache [0, 1] */
    double api_cached_per_1k;    /* cache-read price; <= 0 or NaN: none listed (cached = input) */
    double batch_share;          /* of all tokens, sent through the batch API [0, 1] */
    double api_batch_in_per_1k, api_batch_out_per_1k; /* <= 0 or NaN: none listed */
    /* energy of a replica: board power × PUE × hours × price (all GPUs at
     * board power the whole month: an upper bound) */
    double replica_power_w;      /* GPUs × board power; <= 0: unknown */
    double energy_usd_per_kwh;   /* <= 0: not counted */
    double pue;                  /* data-centre overhead; <= 0: 1 */
    double request_in, request_out; /* a request's tokens, for the cost per request (0: not asked) */
    int kv_unknown;              /* the sizing had no KV cache: memory, GPUs and so
                                    the self-hosting cost are lower bounds */
    int moe_multi_gpu;           /* the throughput is a MoE-over-GPUs ceiling (ld_sizing) */
    const char *api_label;       /* "seed-gpt-3.5-turbo" (for the basis) */
    const char *selfhost_label;  /* "preset 7B", "2 × A10 at $0.86/h" */
    const char *choice;          /* how a scenario chose the quantization and batch, for the
                                    basis (NULL: nothing was chosen for the user) */
} ld_cost_input;

typedef struct {
    double tokens_per_month;
    double api_blended_per_1k;   /* share-weighted price */
    double api_monthly_usd;
    double selfhost_monthly_usd;
    double difference_usd;       /* self-host − API (negative: self-host cheaper) */
    long replicas;
    double replica_capacity_tokens; /* per month (capacity mode; NaN in seed mode) */
    double break_even_tokens;    /* NaN when never */
    int break_even_never;
    /* article mode: the break-even is more than the one replica it prices
     * serves at the utilization (a warning says so), and the first
     * break-even with the replicas counted (NaN: never) */
    int break_even_beyond_replica;
    double break_even_counted_tokens;
    /* capacity mode: self-hosting is a step function, so it may break even
     * inside one replica's step and lose again at the next; the volume from
     * which it stays no dearer at every larger volume (NaN when never), and
     * where the first cheaper stretch ends (the first step's capacity) */
    double break_even_for_good_tokens, break_even_first_until;
    /* the cheaper stretches between the first and the one that lasts: one
     * at the top of each step, from (kR + ops)/p to k × capacity; how many,
     * where the first starts and the last ends (0 and NaN when none) */
    long break_even_between;
    double break_even_between_from, break_even_between_until;
    /* the first of those stretches' end and the last's start: each edge
     * printed is rounded inside its own stretch */
    double break_even_between_first_end, break_even_between_last_start;
    double utilization;          /* the utilization the answer assumed (capacity mode) */
    int capacity_mode;
    ld_advice advice;
    const char *band;            /* the seed's band for this volume */
    /* What a sceptic must hear with the figures: seed mode asked to serve
     * more than one replica can, a self-hosting cost that is a lower bound. */
    char warnings[4][512];
    size_t nwarnings;
    /* Article mode asked for more than one replica serves: the same inputs
     * with the replicas counted (capacity mode), so the headline can say
     * whether the article's answer survives.  at_capacity_known = 0 (and
     * the rest unset) when the volume fits one replica or it has no rate. */
    int at_capacity_known;
    ld_advice advice_at_capacity;
    long replicas_at_capacity;
    double selfhost_at_capacity_usd;
    /* Capacity mode, a mixture of experts over several GPUs (its rate a
     * bandwidth ceiling, measured 2-20x lower): the answer at half the
     * decode rate.  at_half_known = 0 (the rest unset) otherwise. */
    int at_half_known;
    ld_advice advice_at_half;
    long replicas_at_half;
    double selfhost_at_half_usd;
    double energy_monthly_usd;   /* in the self-hosting cost (0 when not counted) */
    /* the same model from a provider at this volume (the catalogue's
     * median hosted offer), set by scenario_compute; NaN when none or no
     * model: the advice says when it costs less than both */
    double hosted_monthly_usd;
    /* The break-even above is this set-up's (the GPU cheapest a month at
     * this volume); another GPU type may pay earlier (an L40S from 398M
     * where this volume's MI300X pays from 872M, or where this volume's
     * A100 never does).  Set by scenario_compute when one does: the volume
     * and the set-up ("1 × L40S"); NaN and "" otherwise. */
    double earliest_break_even;
    char earliest_setup[96];
    /* the break-even fields above are over several set-ups (each volume on
     * its cheapest: cost_break_even_over), not this one's alone */
    int break_even_over;
    /* the lowest utilization at which self-hosting is no dearer than the API
     * at this volume (capacity mode; NaN: not even at 100%) */
    double break_even_utilization;
    double break_even_at[3];     /* break-even volume at 30, 50 and 80% utilization (NaN: never) */
    double api_per_request_usd, selfhost_per_request_usd; /* NaN when no request size */
    char basis[3072];
} ld_cost;

/* The seed's defaults: 730 h, utilization 0.5, input share 0.75, bands
 * 500M / 1B, ±10% close; the seed's $0.002/1K and $1,500 (7B preset). */
void cost_defaults(ld_cost_input *in);
/* Copies hosting.json's defaults (hours, utilization, share, ops, bands). */
void cost_apply_hosting(ld_cost_input *in, const ld_hosting *h);

/* Self-hosting from a sizing: one replica = s->gpus × the GPU's hourly
 * price × hours per month, serving s->throughput_tokens_per_s.  Fails
 * (LD_ERR_USAGE, file "gpu") when the model does not fit or the GPU has no
 * hourly price. */
int cost_from_sizing(ld_cost_input *in, const ld_sizing *s, ld_error *err);
/* How many tokens a month one replica serves at its throughput and the
 * utilization (NaN when the throughput is unknown). */
double cost_replica_capacity(const ld_cost_input *in);

/* Checks the input: LD_ERR_USAGE naming the bad field. */
int cost_validate(const ld_cost_input *in, ld_error *err);

double cost_api_price_per_1k(const ld_cost_input *in);          /* blended, with cached and batch shares */
/* One replica's monthly cost with its energy. */
double cost_replica_monthly(const ld_cost_input *in);
double cost_api_monthly(const ld_cost_input *in, double tokens);
/* A typical request of `tokens` (prompt + answer) split at the input share:
 * the prompt rounded, at least 1 token, the answer the rest (the cost
 * view's Request knob and the wizard split it the same way). */
void cost_split_request(double tokens, double input_share, double *in, double *out);
long cost_replicas(const ld_cost_input *in, double tokens);
double cost_selfhost_monthly(const ld_cost_input *in, double tokens);
/* Smallest monthly volume at which self-hosting is no dearer than the API.
 * Returns 0 and sets *tokens, or 1 when it never breaks even. */
int cost_break_even(const ld_cost_input *in, double *tokens);
/* Capacity mode: the smallest volume from which self-hosting is no dearer at
 * every larger volume (in article mode the same as cost_break_even).
 * Returns 0 and sets *tokens, or 1 when never. */
int cost_break_even_for_good(const ld_cost_input *in, double *tokens);
const char *cost_advice_name(ld_advice a);                /* "api" ... */
const char *cost_band(const ld_cost_input *in, double tokens);

/* One way to self-host the workload: a replica's monthly price and the
 * tokens it serves a month (scenario_compute makes one a GPU type). */
typedef struct {
    double replica_usd, capacity_tokens;
    char setup[48]; /* "1 × MI300X" */
} ld_selfhost_option;

/* Self-hosting on the cheapest of the options at each volume:
 * min over o of (ceil(v / C_o) x R_o) + ops. */
double cost_selfhost_over(const ld_cost_input *in, const ld_selfhost_option *o, size_t n, double tokens);

/* c's break-even fields over the options, each volume on its cheapest
 * (capacity mode): the volumes where that is no dearer than the API are
 * the union of each option's stretches, one per replica step from
 * (kR + ops) / price to kC, and from its "for good" on; merged, the first
 * is the break-even (its option named in earliest_setup when it is not
 * `mine`, the set-up priced at this volume), the last the volume from
 * which it stays cheaper, the ones between counted.  Adds a basis line.
 * An option with more than 20,000 stretches below its "for good" counts
 * its first 20,000: the volumes named stay true, a "for good" may come
 * later than the least true one. */
void cost_break_even_over(const ld_cost_input *in, const ld_selfhost_option *o, size_t n, const char *mine,
                          ld_cost *c);

/* Everything at in->tokens_per_month, with the basis. */
int cost_compute(const ld_cost_input *in, ld_cost *out, ld_error *err);
/* How many tokens one replica serves a month and how many replicas that
 * makes, worked out (capacity mode): "capacity per replica = 3600 s × 730 h
 * × 50% utilization / (75% input / 2,844 prefill tokens/s + 25% output /
 * 57.3 decode tokens/s) = 284.082M tokens/month; replicas = ceil(2B /
 * 284.082M) = 8".  The basis line, also said by the wizard's answer. */
void cost_capacity_basis(const ld_cost_input *in, const ld_cost *c, char *buf, size_t n);

typedef struct {
    double tokens;
    double api_usd, selfhost_usd;
    long replicas;
    ld_advice advice;
    char setup[48]; /* the GPUs of a point priced on its own set-up ("1 × MI300X"); "" when one set-up */
} ld_cost_point;

/* Volumes from `lo` to `hi` on log steps: per_decade = 3 gives the 1-2-5
 * series (1M, 2M, 5M, 10M, ...), other values equal log steps.  Writes at
 * most `max` points and returns how many it wrote. */
size_t cost_sweep(const ld_cost_input *in, double lo, double hi, int per_decade,
                  ld_cost_point *pts, size_t max);

#endif
