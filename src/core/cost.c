/* cost.c - API vs self-host monthly cost, capacity, break-even, advice. */
#include "llmdeck/cost.h"
#include "llmdeck/report_cost.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "basis.h"
#include "llmdeck/units.h"

void cost_defaults(ld_cost_input *in)
{
    memset(in, 0, sizeof *in);
    in->tokens_per_month = 1e9;
    in->input_share = 0.75;
    in->api_in_per_1k = 0.002;  /* the seed's "$0.002 per 1K tokens" */
    in->api_out_per_1k = 0.002;
    in->replica_monthly_usd = 1500; /* the seed's 7B preset */
    in->ops_monthly_usd = 0;
    in->mode = LD_COST_SEED;
    in->replica_tokens_per_s = 50;  /* the seed's 7B preset */
    /* A service sized for its peak runs about half busy on average (a
     * peak-to-mean ratio of 2): capacity mode plans for that by default. */
    in->utilization = 0.5;
    in->hours_per_month = 730;
    in->close_band = 0.10;
    in->band_api_below = 500e6;
    in->band_selfhost_above = 1e9;
    in->band_api_text = "Use API";
    in->band_between_text = "Between the bands: compare the figures";
    in->band_selfhost_text = "Consider self-hosting";
    in->band_variable_text = "Variable load: Use API with self-hosted fallback";
    in->api_label = "seed-gpt-3.5-turbo";
    in->selfhost_label = "preset 7B";
}

void cost_apply_hosting(ld_cost_input *in, const ld_hosting *h)
{
    const ld_hosting_defaults *d = &h->defaults;
    in->hours_per_month = d->hours_per_month;
    in->utilization = d->utilization;
    in->input_share = d->input_share;
    in->ops_monthly_usd = d->ops_monthly_usd;
    in->close_band = d->close_band;
    in->band_api_below = d->band_api_below;
    in->band_selfhost_above = d->band_selfhost_above;
    in->band_api_text = d->band_api_text;
    in->band_between_text = d->band_between_text;
    in->band_selfhost_text = d->band_selfhost_text;
    in->band_variable_text = d->band_variable_text;
}

int cost_from_sizing(ld_cost_input *in, const ld_sizing *s, ld_error *err)
{
    if (!s->gpu || s->gpus == 0)
        return error_set(err, LD_ERR_USAGE, "gpu", 0, 0, "the model needs %.1f GB: it does not fit on %d × %s",
                         s->total_gb, s->gpus_tried ? s->gpus_tried : 8, s->gpu ? s->gpu->name : "any priced GPU");
    if (!(s->gpu->hourly_usd > 0))
        return error_set(err, LD_ERR_USAGE, "gpu", 0, 0,
                         "%s has no hourly price in gpus.csv; give a monthly cost instead", s->gpu->name);
    in->replica_monthly_usd = s->gpus * s->gpu->hourly_usd * in->hours_per_month;
    in->replica_tokens_per_s = s->throughput_tokens_per_s;
    /* prefill is compute-bound: the sizing's prompt over its time to first token */
    in->replica_prefill_tokens_per_s = s->ttft_s > 0 && isfinite(s->ttft_s) ? s->prompt_tokens / s->ttft_s : NAN;
    in->prefill_prompt_tokens = s->ttft_s > 0 && isfinite(s->ttft_s) ? s->prompt_tokens : 0;
    in->prefill_seconds = in->prefill_prompt_tokens > 0 ? s->ttft_s : 0;
    in->replica_power_w = s->gpus * s->gpu->board_power_w; /* NaN when unknown */
    in->kv_unknown = !s->kv_known;
    in->moe_multi_gpu = s->moe_multi_gpu;
    return 0;
}

/* Seconds of a replica per token of the volume: input at the prefill rate,
 * output at the decode rate (input at the decode rate when the prefill rate
 * is unknown, as the article's presets). */
static double seconds_per_token(const ld_cost_input *in)
{
    double d = in->replica_tokens_per_s, p = in->replica_prefill_tokens_per_s;
    if (!(p > 0) || !isfinite(p)) return 1.0 / d;
    return in->input_share / p + (1 - in->input_share) / d;
}

double cost_replica_capacity(const ld_cost_input *in)
{
    return in->replica_tokens_per_s > 0 ? 3600.0 * in->hours_per_month * in->utilization / seconds_per_token(in)
                                        : NAN;
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void warn(ld_cost *c, const char *fmt, ...)
{
    if (c->nwarnings == sizeof c->warnings / sizeof c->warnings[0]) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->warnings[c->nwarnings++], sizeof c->warnings[0], fmt, ap);
    va_end(ap);
}

static ld_advice advise(const ld_cost_input *in, double api, double self);

/* Seed mode's "one replica, unlimited tokens" against physics, costs that
 * rest on an unknown KV cache, and a mixture of experts' ceiling. */
static void add_warnings(const ld_cost_input *in, ld_cost *c)
{
    double cap = cost_replica_capacity(in);
    if (in->mode == LD_COST_SEED && cap > 0 && in->tokens_per_month > cap) {
        char v[32], k[32], tps[32], pf[48] = "";
        units_format_count(in->tokens_per_month, v, sizeof v);
        units_format_count(cap, k, sizeof k);
        units_format_grouped(in->replica_tokens_per_s, tps, sizeof tps);
        if (in->replica_prefill_tokens_per_s > 0 && isfinite(in->replica_prefill_tokens_per_s)) {
            char r[32]; /* the input is read at the prefill rate: name it, or the figure does not check */
            units_format_grouped(in->replica_prefill_tokens_per_s, r, sizeof r);
            snprintf(pf, sizeof pf, " out, %s/s in,", r);
        }
        double times = in->tokens_per_month / cap;
        warn(c, "article mode assumes one replica serves unlimited tokens, but at %s tokens/s%s and %.0f%% "
                "utilization it serves about %s tokens a month; %s is %.*f× that: the self-hosting cost "
                "is understated (capacity mode counts the replicas)",
             tps, pf, in->utilization * 100, k, v, times < 1.1 ? 2 : times < 10 ? 1 : 0, times);
    }
    if (in->kv_unknown)
        warn(c, "the model's KV cache is unknown: memory, GPU count and so the self-hosting cost are a lower bound");
    if (in->moe_multi_gpu && in->mode == LD_COST_CAPACITY && in->replica_tokens_per_s > 0) {
        /* the answer at half the decode rate, the low end of the 2-20x
         * measured for DeepSeek-V3 on 8 GPUs: Qwen3-235B's "selfhost,
         * saves 36%" at 5B tokens is "api" there, and the buyer must see it */
        ld_cost_input half = *in;
        half.replica_tokens_per_s = in->replica_tokens_per_s / 2;
        double self = cost_selfhost_monthly(&half, in->tokens_per_month);
        c->at_half_known = 1;
        c->advice_at_half = advise(&half, c->api_monthly_usd, self); /* set before add_warnings */
        c->replicas_at_half = cost_replicas(&half, in->tokens_per_month);
        c->selfhost_at_half_usd = self;
        char usd[32], rate[32];
        units_format_usd(self, usd, sizeof usd);
        units_format_grouped(half.replica_tokens_per_s, rate, sizeof rate);
        warn(c, "a mixture of experts over several GPUs: the replica's throughput is a bandwidth ceiling (routing "
                "and the GPUs' exchanges not counted; measured speeds are 2-20x lower at small batches, see the "
                "sizing's basis), so the replicas, and the self-hosting cost, may be undercounted: at half the "
                "decode rate (%s tokens/s) %ld replica%s, %s/month, advice %s",
             rate, c->replicas_at_half, c->replicas_at_half == 1 ? "" : "s", usd, cost_advice_name(c->advice_at_half));
    }
}

int cost_validate(const ld_cost_input *in, ld_error *err)
{
    if (!(in->tokens_per_month >= 0) || !isfinite(in->tokens_per_month))
        return error_set(err, LD_ERR_USAGE, "tokens", 0, 0, "the monthly volume must be a number >= 0");
    if (!(in->input_share >= 0 && in->input_share <= 1))
        return error_set(err, LD_ERR_USAGE, "input-share", 0, 0, "the input share must be in [0, 1]");
    if (!(in->cached_share >= 0 && in->cached_share <= 1) || !(in->batch_share >= 0 && in->batch_share <= 1))
        return error_set(err, LD_ERR_USAGE, "cached-share", 0, 0, "the cached and batch shares must be in [0, 1]");
    if (!(in->api_in_per_1k > 0) || !isfinite(in->api_in_per_1k))
        return error_set(err, LD_ERR_USAGE, "api-price", 0, 0, "the API price must be > 0 (USD per 1K tokens)");
    /* an output price <= 0 or NaN means "same as input"; infinity is an error */
    if (isinf(in->api_out_per_1k))
        return error_set(err, LD_ERR_USAGE, "api-price-out", 0, 0, "the output price must be finite (USD per 1K tokens)");
    if (!(in->replica_monthly_usd > 0) || !isfinite(in->replica_monthly_usd))
        return error_set(err, LD_ERR_USAGE, "selfhost-monthly", 0, 0,
                         "the self-hosting cost must be > 0 (USD per month)");
    if (!(in->ops_monthly_usd >= 0) || !isfinite(in->ops_monthly_usd))
        return error_set(err, LD_ERR_USAGE, "ops-monthly", 0, 0, "the operations cost must be >= 0");
    if (!(in->hours_per_month > 0))
        return error_set(err, LD_ERR_USAGE, "hours", 0, 0, "hours per month must be > 0");
    if (in->mode == LD_COST_CAPACITY) {
        if (!(in->replica_tokens_per_s > 0) || !isfinite(in->replica_tokens_per_s))
            return error_set(err, LD_ERR_USAGE, "throughput", 0, 0,
                             "capacity mode needs a replica throughput > 0 tokens/s");
        if (!(in->utilization > 0 && in->utilization <= 1))
            return error_set(err, LD_ERR_USAGE, "utilization", 0, 0, "utilization must be in (0, 1]");
    }
    return 0;
}

double cost_api_price_per_1k(const ld_cost_input *in)
{
    double out = in->api_out_per_1k > 0 ? in->api_out_per_1k : in->api_in_per_1k;
    double cached = in->api_cached_per_1k > 0 ? in->api_cached_per_1k : in->api_in_per_1k;
    double bin = in->api_batch_in_per_1k > 0 ? in->api_batch_in_per_1k : in->api_in_per_1k;
    double bout = in->api_batch_out_per_1k > 0 ? in->api_batch_out_per_1k : out;
    double cs = in->cached_share > 0 ? in->cached_share : 0, bs = in->batch_share > 0 ? in->batch_share : 0;
    double plain = in->input_share * ((1 - cs) * in->api_in_per_1k + cs * cached) + (1 - in->input_share) * out;
    double batch = in->input_share * bin + (1 - in->input_share) * bout;
    return (1 - bs) * plain + bs * batch;
}

static double energy_per_replica(const ld_cost_input *in)
{
    if (!(in->energy_usd_per_kwh > 0) || !(in->replica_power_w > 0)) return 0;
    return in->replica_power_w / 1000.0 * (in->pue > 0 ? in->pue : 1) * in->hours_per_month * in->energy_usd_per_kwh;
}

double cost_replica_monthly(const ld_cost_input *in)
{
    return in->replica_monthly_usd + energy_per_replica(in);
}

double cost_api_monthly(const ld_cost_input *in, double tokens)
{
    return tokens / 1000.0 * cost_api_price_per_1k(in);
}

void cost_split_request(double tokens, double input_share, double *in, double *out)
{
    *in = fmax(1, round(tokens * input_share));
    *out = fmax(0, tokens - *in);
}

/* Tokens one replica serves in a month at the planned utilization. */
static double replica_capacity(const ld_cost_input *in)
{
    return 3600.0 * in->hours_per_month * in->utilization / seconds_per_token(in);
}

long cost_replicas(const ld_cost_input *in, double tokens)
{
    if (in->mode != LD_COST_CAPACITY) return 1;
    double c = replica_capacity(in);
    /* The tiny tolerance keeps 2 × capacity from becoming 3 by rounding. */
    double r = ceil(tokens / c * (1 - 1e-12));
    return r < 1 ? 1 : (long)r;
}

double cost_selfhost_monthly(const ld_cost_input *in, double tokens)
{
    return (double)cost_replicas(in, tokens) * cost_replica_monthly(in) + in->ops_monthly_usd;
}

int cost_break_even(const ld_cost_input *in, double *tokens)
{
    double p = cost_api_price_per_1k(in) / 1000.0; /* USD per token */
    double r = cost_replica_monthly(in), ops = in->ops_monthly_usd;
    if (!(p > 0)) return 1;
    if (in->mode != LD_COST_CAPACITY) {
        *tokens = (r + ops) / p;
        return 0;
    }
    /* On step k (k replicas, volume in ((k-1)C, kC]) self-hosting costs
     * kR + ops, flat, while the API grows: the step breaks even if
     * (kR + ops) / p <= kC, i.e. k × (Cp - R) >= ops.  The smallest such k
     * gives the break-even volume (kR + ops) / p. */
    double c = replica_capacity(in);
    double margin = c * p - r; /* what one full replica saves against the API */
    double k;
    if (margin > 0) {
        k = ceil(ops / margin);
        if (k < 1) k = 1;
    } else if (margin == 0 && ops == 0) {
        k = 1;
    } else {
        return 1; /* a full replica costs more per token than the API: never */
    }
    *tokens = (k * r + ops) / p;
    return 0;
}

int cost_break_even_for_good(const ld_cost_input *in, double *tokens)
{
    if (in->mode != LD_COST_CAPACITY) return cost_break_even(in, tokens);
    double p = cost_api_price_per_1k(in) / 1000.0;
    double r = cost_replica_monthly(in), ops = in->ops_monthly_usd;
    double margin = replica_capacity(in) * p - r;
    if (!(p > 0) || !(margin > 0)) return cost_break_even(in, tokens);
    /* Step k is cheaper on [(kR + ops)/p, kC]; it reaches the next step's
     * stretch when ((k+1)R + ops)/p <= kC, i.e. k × (Cp - R) >= R + ops.
     * That holds for every larger k once it holds: the last unbroken
     * stretch starts at the smallest such k. */
    double k = ceil((r + ops) / margin);
    if (k < 1) k = 1;
    *tokens = (k * r + ops) / p;
    return 0;
}

const char *cost_advice_name(ld_advice a)
{
    switch (a) {
    case LD_ADVICE_SELFHOST: return "selfhost";
    case LD_ADVICE_CLOSE: return "close";
    default: return "api";
    }
}

const char *cost_band(const ld_cost_input *in, double tokens)
{
    if (tokens < in->band_api_below) return in->band_api_text;
    if (tokens > in->band_selfhost_above) return in->band_selfhost_text;
    return in->band_between_text;
}

static ld_advice advise(const ld_cost_input *in, double api, double self)
{
    double big = fmax(api, self);
    if (fabs(self - api) <= in->close_band * big) return LD_ADVICE_CLOSE;
    return self < api ? LD_ADVICE_SELFHOST : LD_ADVICE_API;
}

/* One line of the basis (basis.h). */
#define basis_add(x, ...) basis_appendf((x)->basis, sizeof (x)->basis, __VA_ARGS__)

/* A price per 1K without losing small digits: $0.002, $0.00015. */
/* A price as the formulas use it: every digit it has (up to 8), so the
 * sum shown gives the figure shown ($0.0022832, not $0.002283). */
static const char *price(double v, char *buf, size_t n)
{
    if (!(isfinite(v) && v >= 1e-9 && v < 1)) {
        units_format_price(v, buf, n);
        return buf;
    }
    int dec = 7 - (int)floor(log10(v)); /* 8 significant digits, fixed notation ($0.000075, not $7.5e-05) */
    snprintf(buf, n, "$%.*f", dec, v);
    char *e = buf + strlen(buf) - 1; /* trailing zeros dropped */
    while (e > buf && *e == '0') *e-- = '\0';
    if (*e == '.') *e = '\0';
    return buf;
}

void cost_capacity_basis(const ld_cost_input *in, const ld_cost *c, char *buf, size_t n)
{
    char t1[32], t2[32], d[32], pf[32];
    units_format_count(c->tokens_per_month, t1, sizeof t1);
    units_format_count(c->replica_capacity_tokens, t2, sizeof t2);
    units_format_rate(in->replica_tokens_per_s, d, sizeof d);
    if (in->replica_prefill_tokens_per_s > 0 && isfinite(in->replica_prefill_tokens_per_s)) {
        /* input at the prefill rate, output at the decode rate: the decode
         * rate times the hours alone would be 4x off at 75% input */
        units_format_rate(in->replica_prefill_tokens_per_s, pf, sizeof pf);
        char from[96] = ""; /* the rate derived: the sizing's prompt over its time to first token */
        if (in->prefill_prompt_tokens > 0 && in->prefill_seconds > 0)
            snprintf(from, sizeof from, " (%.0f prompt tokens / %.4g s to the first token)", in->prefill_prompt_tokens,
                     in->prefill_seconds);
        snprintf(buf, n,
                 "capacity per replica = 3600 s × %g h × %g%% utilization / (%g%% input / %s prefill tokens/s%s + "
                 "%g%% output / %s decode tokens/s) = %s tokens/month; replicas = ceil(%s / %s) = %ld",
                 in->hours_per_month, in->utilization * 100, in->input_share * 100, pf, from,
                 (1 - in->input_share) * 100, d, t2, t1, t2, c->replicas);
    } else {
        snprintf(buf, n,
                 "capacity per replica = %s tokens/s × 3600 s × %g h × %g%% utilization = %s tokens/month (every "
                 "token at that rate: %s); replicas = ceil(%s / %s) = %ld",
                 d, in->hours_per_month, in->utilization * 100, t2,
                 in->rate_given ? "the rate given, input and output" : "no prefill rate known", t1, t2, c->replicas);
    }
}

int cost_compute(const ld_cost_input *in, ld_cost *c, ld_error *err)
{
    memset(c, 0, sizeof *c);
    if (cost_validate(in, err) != 0) return -1;
    double v = in->tokens_per_month;
    char t1[32], t2[32], t3[32], u1[32], u2[32], u3[32], p1[32], p2[32];
    double out = in->api_out_per_1k > 0 ? in->api_out_per_1k : in->api_in_per_1k;
    c->tokens_per_month = v;
    c->api_blended_per_1k = cost_api_price_per_1k(in);
    c->api_monthly_usd = cost_api_monthly(in, v);
    c->replicas = cost_replicas(in, v);
    c->selfhost_monthly_usd = cost_selfhost_monthly(in, v);
    c->difference_usd = c->selfhost_monthly_usd - c->api_monthly_usd;
    c->advice = advise(in, c->api_monthly_usd, c->selfhost_monthly_usd);
    c->band = cost_band(in, v);
    c->replica_capacity_tokens = in->mode == LD_COST_CAPACITY ? replica_capacity(in) : NAN;
    add_warnings(in, c);
    if (in->mode == LD_COST_SEED) { /* the article's answer against the replicas it needs */
        double cap = cost_replica_capacity(in);
        if (cap > 0 && v > cap) {
            ld_cost_input counted = *in;
            counted.mode = LD_COST_CAPACITY;
            c->at_capacity_known = 1;
            c->replicas_at_capacity = cost_replicas(&counted, v);
            c->selfhost_at_capacity_usd = cost_selfhost_monthly(&counted, v);
            c->advice_at_capacity = advise(&counted, c->api_monthly_usd, c->selfhost_at_capacity_usd);
        }
    }

    units_format_count(v, t1, sizeof t1);
    units_format_usd(c->api_monthly_usd, u1, sizeof u1);
    if (in->cached_share > 0 || in->batch_share > 0) {
        char p3[32], p4[32];
        basis_add(c, "API = %s tokens / 1000 × %s blended = %s/month (%s): %g%% input of which %g%% cached at %s%s, "
                     "%g%% output at %s; %g%% of the tokens through the batch API at %s in / %s out%s",
                  t1, price(c->api_blended_per_1k, p1, sizeof p1), u1, in->api_label ? in->api_label : "API",
                  in->input_share * 100, in->cached_share * 100,
                  price(in->api_cached_per_1k > 0 ? in->api_cached_per_1k : in->api_in_per_1k, p2, sizeof p2),
                  in->api_cached_per_1k > 0 ? "" : " (the price sheet has no cache-read price: input price)",
                  (1 - in->input_share) * 100, price(out, t2, sizeof t2), in->batch_share * 100,
                  price(in->api_batch_in_per_1k > 0 ? in->api_batch_in_per_1k : in->api_in_per_1k, p3, sizeof p3),
                  price(in->api_batch_out_per_1k > 0 ? in->api_batch_out_per_1k : out, p4, sizeof p4),
                  in->api_batch_in_per_1k > 0 ? "" : " (no batch price in the sheet: plain prices)");
    } else {
        basis_add(c, "API = %s tokens × %g%% / 1000 × %s + %s × %g%% / 1000 × %s = %s/month "
                     "(%s; %s per 1M blended)",
                  t1, in->input_share * 100, price(in->api_in_per_1k, p1, sizeof p1), t1,
                  (1 - in->input_share) * 100, price(out, p2, sizeof p2), u1,
                  in->api_label ? in->api_label : "API", price(c->api_blended_per_1k * 1000, t2, sizeof t2));
    }
    c->energy_monthly_usd = (double)c->replicas * energy_per_replica(in);
    if (c->energy_monthly_usd > 0) {
        char e1[32];
        units_format_usd(c->energy_monthly_usd, e1, sizeof e1);
        basis_add(c, "energy = %ld replica%s × %g W × PUE %g × %g h × $%g/kWh = %s/month (board power the whole "
                     "month: an upper bound; for GPUs you own or colocate: a rented GPU's hourly price already pays its power)", c->replicas, c->replicas == 1 ? "" : "s", in->replica_power_w,
                  in->pue > 0 ? in->pue : 1, in->hours_per_month, in->energy_usd_per_kwh, e1);
    } else if (in->energy_usd_per_kwh > 0) {
        basis_add(c, "energy: not counted (the GPU's board power is unknown)");
    }
    if (in->choice && in->choice[0]) basis_add(c, "replica: %s", in->choice);
    if (in->mode == LD_COST_CAPACITY) {
        char cap[512];
        cost_capacity_basis(in, c, cap, sizeof cap);
        basis_add(c, "%s", cap);
    }
    units_format_usd_exact(cost_replica_monthly(in), u1, sizeof u1); /* with its energy, when counted */
    units_format_usd(in->ops_monthly_usd, u2, sizeof u2);
    units_format_usd(c->selfhost_monthly_usd, u3, sizeof u3);
    char with_energy[96] = ""; /* a replica's price = the GPUs' + its energy: both shown, so it adds up */
    if (energy_per_replica(in) > 0) {
        char g[32], e[32];
        units_format_usd(cost_replica_monthly(in) - energy_per_replica(in), g, sizeof g);
        units_format_usd(energy_per_replica(in), e, sizeof e);
        snprintf(with_energy, sizeof with_energy, " (%s GPUs + %s energy)", g, e);
    }
    basis_add(c, "self-host = %ld replica%s × %s%s + %s ops = %s/month (%s; %s)", c->replicas,
              c->replicas == 1 ? "" : "s", u1, with_energy, u2, u3,
              in->selfhost_label ? in->selfhost_label : "self-hosted",
              in->mode == LD_COST_CAPACITY ? "capacity mode"
                                           : "article mode (2023): one replica, unlimited tokens");

    c->hosted_monthly_usd = NAN; /* a model's: scenario_compute sets it */
    c->earliest_break_even = NAN; /* so does it this */
    c->earliest_setup[0] = '\0';
    c->capacity_mode = in->mode == LD_COST_CAPACITY;
    c->utilization = in->utilization;
    c->break_even_first_until = NAN;
    c->break_even_between = 0;
    c->break_even_between_from = c->break_even_between_until = NAN;
    c->break_even_between_first_end = c->break_even_between_last_start = NAN;
    double be;
    if (cost_break_even(in, &be) == 0) {
        c->break_even_for_good_tokens = be;
        c->break_even_tokens = be;
        units_format_count_bound(be, +1, 4, t3, sizeof t3); /* a start, rounded into its stretch */
        if (in->mode == LD_COST_CAPACITY) {
            long k = cost_replicas(in, be);
            double good;
            int steps = cost_break_even_for_good(in, &good) == 0 && good > be * (1 + 1e-9);
            /* the first cheaper stretch ends with its step; a replica more costs more again */
            if (steps) c->break_even_first_until = (double)k * replica_capacity(in);
            if (steps) units_format_range(be, c->break_even_first_until, 4, t3, sizeof t3, t1, sizeof t1);
            basis_add(c, "break-even = (%ld × %s + %s) / %s per 1K × 1000 = %s tokens/month",
                      k, u1, u2, price(c->api_blended_per_1k, p1, sizeof p1), t3);
            if (steps) {
                long kg = cost_replicas(in, good);
                units_format_count_bound(good, +1, 4, t2, sizeof t2);
                basis_add(c, "but only up to %s (%ld replica%s full)", t1, k, k == 1 ? "" : "s");
                if (kg > k + 1) {
                    /* steps k+1 .. kg-1 are each cheaper near their top only */
                    double blended = c->api_blended_per_1k / 1000;
                    c->break_even_between = kg - k - 1;
                    c->break_even_between_from = ((double)(k + 1) * cost_replica_monthly(in) + in->ops_monthly_usd) / blended;
                    c->break_even_between_until = (double)(kg - 1) * replica_capacity(in);
                    c->break_even_between_first_end = (double)(k + 1) * replica_capacity(in);
                    c->break_even_between_last_start =
                        ((double)(kg - 1) * cost_replica_monthly(in) + in->ops_monthly_usd) / blended;
                    char a[32], b[32], cap[32];
                    units_format_count(replica_capacity(in), cap, sizeof cap);
                    report_between_edges(c, a, sizeof a, b, sizeof b);
                    if (c->break_even_between == 1)
                        basis_add(c, "cheaper again from (%ld × %s + %s) / %s per 1K × 1000 = %s up to %s (%ld replicas "
                                     "full)", k + 1, u1, u2, price(c->api_blended_per_1k, p1, sizeof p1), a, b, k + 1);
                    else
                        basis_add(c, "cheaper again at the top of each of the next %ld steps: from (j × %s + %s) / %s "
                                     "per 1K × 1000 up to j × %s, j = %ld..%ld (%s to %s)", c->break_even_between, u1, u2,
                                  price(c->api_blended_per_1k, p1, sizeof p1), cap, k + 1, kg - 1, a, b);
                }
                basis_add(c, "cheaper for good from (%ld × %s + %s) / %s per 1K × 1000 = %s tokens/month: from there "
                             "the full replicas' savings against the API pay for the next replica, however empty",
                          kg, u1, u2, price(c->api_blended_per_1k, p1, sizeof p1), t2);
                c->break_even_for_good_tokens = good;
            } else {
                c->break_even_for_good_tokens = be;
            }
        } else {
            basis_add(c, "break-even = (%s + %s) / %s per 1K × 1000 = %s tokens/month", u1, u2,
                      price(c->api_blended_per_1k, p1, sizeof p1), t3);
        }
    } else {
        c->break_even_tokens = NAN;
        c->break_even_for_good_tokens = NAN;
        c->break_even_never = 1;
        double per1k = cost_replica_monthly(in) / replica_capacity(in) * 1000;
        units_format_prices_apart(per1k, c->api_blended_per_1k, p1, sizeof p1, p2, sizeof p2);
        basis_add(c, "break-even: never at %.0f%% utilization (one full replica costs %s per 1K tokens, more than "
                     "the API's %s)", in->utilization * 100, p1, p2);
    }
    /* article mode's break-even against the one replica it prices: a
     * volume that replica cannot serve is no break-even (gemma-3-27b on 4 ×
     * L4 "broke even" at 5.45B tokens a month; the replica serves 605M at
     * 50% busy).  Said with the answer counting the replicas. */
    double cap1 = cost_replica_capacity(in);
    c->break_even_counted_tokens = NAN;
    if (in->mode == LD_COST_SEED && !c->break_even_never && cap1 > 0 && c->break_even_tokens > cap1) {
        ld_cost_input counted = *in;
        counted.mode = LD_COST_CAPACITY;
        double be2;
        char b1[32], k1[32], b2[64];
        units_format_count_bound(c->break_even_tokens, +1, 4, b1, sizeof b1);
        units_format_count(cap1, k1, sizeof k1);
        c->break_even_beyond_replica = 1;
        if (cost_break_even(&counted, &be2) == 0) {
            c->break_even_counted_tokens = be2;
            char s2[32];
            units_format_count_bound(be2, +1, 4, s2, sizeof s2);
            snprintf(b2, sizeof b2, "the first break-even is %s", s2);
        } else {
            snprintf(b2, sizeof b2, "self-hosting is never cheaper");
        }
        warn(c, "the break-even, %s tokens/month, is more than the one replica priced serves at %.0f%% utilization "
                "(%s): one replica never reaches it; counting this set-up's replicas, %s (capacity mode also "
                "picks the GPU type for the volume)",
             b1, in->utilization * 100, k1, b2);
    }
    /* the utilization self-hosting needs to be no dearer than the API here,
     * and the break-even volume at three utilizations */
    c->break_even_utilization = NAN;
    for (int k = 0; k < 3; k++) c->break_even_at[k] = NAN;
    if (in->mode == LD_COST_CAPACITY && in->replica_tokens_per_s > 0) {
        ld_cost_input u = *in;
        for (int pct = 1; pct <= 100; pct++) {
            u.utilization = pct / 100.0;
            if (cost_selfhost_monthly(&u, v) <= c->api_monthly_usd) {
                c->break_even_utilization = u.utilization;
                break;
            }
        }
        static const double levels[3] = {0.3, 0.5, 0.8};
        char s3[3][32];
        for (int k = 0; k < 3; k++) {
            u.utilization = levels[k];
            double at;
            if (cost_break_even(&u, &at) == 0) c->break_even_at[k] = at;
            units_format_count_bound(c->break_even_at[k], +1, 4, s3[k], sizeof s3[k]);
            if (isnan(c->break_even_at[k])) snprintf(s3[k], sizeof s3[k], "never");
        }
        char bu[32];
        if (isnan(c->break_even_utilization)) snprintf(bu, sizeof bu, "none up to 100%%");
        else snprintf(bu, sizeof bu, "%.0f%%", c->break_even_utilization * 100);
        basis_add(c, "break-even utilization at this volume: %s; first break-even at 30%% / 50%% / 80%% "
                     "utilization: %s / %s / %s", bu, s3[0], s3[1], s3[2]);
    }
    c->api_per_request_usd = c->selfhost_per_request_usd = NAN;
    if (in->request_in > 0 || in->request_out > 0) {
        ld_cost_input r = *in;
        double tokens = in->request_in + in->request_out;
        r.input_share = in->request_in / tokens;
        c->api_per_request_usd = tokens / 1000.0 * cost_api_price_per_1k(&r);
        if (v > 0) c->selfhost_per_request_usd = c->selfhost_monthly_usd / v * tokens;
        price(c->api_per_request_usd, p1, sizeof p1);
        price(c->selfhost_per_request_usd, p2, sizeof p2);
        basis_add(c, "per request of %.0f in + %.0f out tokens: API %s; self-host %s (the month's cost / "
                     "its tokens × the request's)", in->request_in, in->request_out, p1, p2);
    }
    basis_add(c, "advice: %s (close = within %g%%); the 2023 article's bands: < %s API, > %s consider self-hosting",
              cost_advice_name(c->advice), in->close_band * 100,
              (units_format_count(in->band_api_below, t1, sizeof t1), t1),
              (units_format_count(in->band_selfhost_above, t2, sizeof t2), t2));
    return 0;
}

size_t cost_sweep(const ld_cost_input *in, double lo, double hi, int per_decade,
                  ld_cost_point *pts, size_t max)
{
    static const double m125[] = {1, 2, 5};
    if (!(lo > 0) || !(hi >= lo) || per_decade < 1) return 0;
    size_t n = 0;
    int d0 = (int)floor(log10(lo) + 1e-9);
    for (int d = d0; n < max; d++) {
        for (int i = 0; i < per_decade && n < max; i++) {
            double m = per_decade == 3 ? m125[i] : pow(10.0, (double)i / per_decade);
            double v = m * pow(10.0, d);
            if (v < lo * (1 - 1e-9)) continue;
            if (v > hi * (1 + 1e-9)) return n;
            ld_cost_point *p = &pts[n++];
            p->tokens = v;
            p->api_usd = cost_api_monthly(in, v);
            p->replicas = cost_replicas(in, v);
            p->selfhost_usd = cost_selfhost_monthly(in, v);
            p->advice = advise(in, p->api_usd, p->selfhost_usd);
            p->setup[0] = '\0';
        }
    }
    return n;
}

double cost_selfhost_over(const ld_cost_input *in, const ld_selfhost_option *o, size_t n, double tokens)
{
    double least = INFINITY;
    for (size_t i = 0; i < n; i++) {
        if (!(o[i].capacity_tokens > 0)) continue;
        double v = ceil(tokens / o[i].capacity_tokens) * o[i].replica_usd + in->ops_monthly_usd;
        if (tokens <= 0) v = o[i].replica_usd + in->ops_monthly_usd; /* one replica stands */
        least = fmin(least, v);
    }
    return least;
}

typedef struct {
    double a, b;  /* [a, b], b = INFINITY for "from a on" */
    size_t opt;
} stretch;

static int stretch_cmp(const void *x, const void *y)
{
    const stretch *p = x, *q = y;
    return p->a < q->a ? -1 : p->a > q->a;
}

#define STRETCHES_PER_OPTION 20000

void cost_break_even_over(const ld_cost_input *in, const ld_selfhost_option *o, size_t n, const char *mine,
                          ld_cost *c)
{
    double p = cost_api_price_per_1k(in) / 1000.0, ops = in->ops_monthly_usd;
    size_t cap = 0, m = 0;
    stretch *st = NULL;
    for (size_t i = 0; i < n && p > 0; i++) {
        double r = o[i].replica_usd, cc = o[i].capacity_tokens, margin = cc * p - r;
        if (!(margin > 0) || !(r > 0)) continue; /* a full replica costs more per token: never */
        double k0 = fmax(1, ceil(ops / margin - 1e-12)), kg = fmax(k0, ceil((r + ops) / margin - 1e-12));
        double last = fmin(kg - 1, k0 + STRETCHES_PER_OPTION - 1);
        size_t need = m + (size_t)(last >= k0 ? last - k0 + 1 : 0) + 1;
        if (need > cap) {
            size_t nc = need * 2;
            stretch *more = realloc(st, nc * sizeof *st);
            if (!more) break; /* the stretches so far: what they say stays true */
            st = more;
            cap = nc;
        }
        for (double k = k0; k <= last; k++) st[m++] = (stretch){(k * r + ops) / p, k * cc, i};
        st[m++] = (stretch){(kg * r + ops) / p, INFINITY, i};
    }
    c->break_even_over = 1;
    c->earliest_setup[0] = '\0';
    c->earliest_break_even = NAN;
    c->break_even_first_until = c->break_even_between_from = c->break_even_between_until = NAN;
    c->break_even_between_first_end = c->break_even_between_last_start = NAN;
    c->break_even_between = 0;
    if (!m) {
        c->break_even_never = 1;
        c->break_even_tokens = c->break_even_for_good_tokens = NAN;
        basis_add(c, "break-even over the %zu GPU types, each volume on its cheapest: never (a full replica of each "
                     "costs more per token than the API)", n);
        free(st);
        return;
    }
    qsort(st, m, sizeof *st, stretch_cmp);
    /* merged in place: touching or overlapping stretches are one */
    size_t k = 0;
    for (size_t i = 1; i < m; i++) {
        if (st[i].a <= st[k].b * (1 + 1e-12)) st[k].b = fmax(st[k].b, st[i].b);
        else st[++k] = st[i];
    }
    size_t merged = k + 1;
    c->break_even_never = 0;
    c->break_even_tokens = st[0].a;
    c->break_even_for_good_tokens = st[merged - 1].a;
    if (merged > 1) c->break_even_first_until = st[0].b;
    if (merged > 2) {
        c->break_even_between = (long)(merged - 2);
        c->break_even_between_from = st[1].a;
        c->break_even_between_until = st[merged - 2].b;
        c->break_even_between_first_end = st[1].b;
        c->break_even_between_last_start = st[merged - 2].a;
    }
    if (!mine || strcmp(o[st[0].opt].setup, mine) != 0) {
        c->earliest_break_even = st[0].a;
        snprintf(c->earliest_setup, sizeof c->earliest_setup, "%s", o[st[0].opt].setup);
    }
    char t1[32], t2[32];
    units_format_count_bound(st[0].a, +1, 4, t1, sizeof t1);
    units_format_count_bound(st[merged - 1].a, +1, 4, t2, sizeof t2);
    basis_add(c, "break-even over the %zu GPU types (at the quantization above), each volume on its cheapest: from "
                 "%s (%s)%s; cheaper for good from %s (%s); the break-even lines above are this volume's set-up's "
                 "alone", n, t1,
              o[st[0].opt].setup, merged > 1 ? ", then in stretches" : "", t2, o[st[merged - 1].opt].setup);
    free(st);
}
