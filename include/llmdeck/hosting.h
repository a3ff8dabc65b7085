/* hosting.h - what self-hosting and API calls cost: the GPU list
 * (data/gpus.csv), the hosting presets, API offers and defaults
 * (data/hosting.json), and API offers imported from LiteLLM's
 * model_prices_and_context_window.json.
 *
 * Prices are kept per 1K tokens everywhere in llmdeck.  LiteLLM publishes
 * USD per *token*: the import multiplies by 1000 (gpt-4o input 2.5e-6 USD
 * per token = $0.0025 per 1K = $2.50 per 1M). */
#ifndef LLMDECK_HOSTING_H
#define LLMDECK_HOSTING_H

#include <stddef.h>

#include "llmdeck/dataset.h"
#include "llmdeck/error.h"

typedef struct {
    char name[64];        /* "A100 80GB SXM" */
    double memory_gb;     /* per GPU, as sold ("80 GB"; GPU makers' GB are binary) */
    double memory_mib;    /* total as the driver reports it (nvidia-smi memory.total,
                           * MiB; NaN if gpus.csv gives none): what vLLM's 90% is of */
    double bandwidth_gbs; /* memory bandwidth, GB/s */
    double fp16_tflops;   /* dense fp16/bf16 tensor TFLOPS (NaN if unknown) */
    double fp8_tflops;    /* dense FP8 tensor TFLOPS (NaN: none or unknown) */
    double board_power_w; /* board power / TDP, watts (NaN if unknown) */
    double hourly_usd;    /* example on-demand price per GPU-hour (NaN if unknown) */
    char gpu_class[16];   /* "datacenter", "workstation", "consumer" ("" unknown) */
    char price_provider[64];
    char price_type[96];  /* "on-demand, 1x GPU instance" */
    char price_date[16];
    char source[2048];    /* the specs', the price's and memory_mib's sources */
} ld_gpu;

typedef struct ld_gpu_list {
    ld_gpu *v;
    size_t n;
} ld_gpu_list;

/* One row of the seed's self-hosting table. */
typedef struct {
    char name[16];             /* "7B" */
    char gpu[128];             /* "1x A10 (24GB) or 1x A100 (40GB)" */
    double memory_required_gb;
    double monthly_usd;        /* estimated_monthly_cost_azure */
    double tokens_per_s;       /* throughput_tokens_per_sec */
    char quantization[128];    /* "4-bit, 8-bit, fp16" */
} ld_preset;

typedef struct {
    char name[128];            /* "seed-gpt-3.5-turbo", "gpt-4o" */
    char provider[64];
    double input_per_1k;       /* USD per 1K input tokens (> 0) */
    double output_per_1k;      /* USD per 1K output tokens (> 0) */
    double cached_per_1k;      /* cache-read input price; NaN: the sheet lists none */
    double batch_in_per_1k, batch_out_per_1k; /* batch API prices; NaN: none */
    char source[256];
    char date[32];
} ld_api_offer;

typedef struct {
    double hours_per_month;    /* 730 */
    double utilization;        /* capacity mode: average busy fraction */
    double input_share;        /* share of input tokens in the volume */
    double ops_monthly_usd;    /* fixed operations cost */
    double gpu_memory_utilization; /* 0.9, vLLM's default */
    double decode_efficiency;  /* share of the bandwidth ceiling reached */
    double close_band;         /* "close" when within this fraction */
    double band_api_below;     /* seed: below 500M tokens/month use the API */
    double band_selfhost_above;/* seed: above 1B consider self-hosting */
    char band_api_text[128];
    char band_between_text[128];
    char band_selfhost_text[128];
    char band_variable_text[128];
} ld_hosting_defaults;

#define LD_MAX_PRESETS 8

typedef struct ld_hosting {
    char as_of[32];
    ld_preset presets[LD_MAX_PRESETS];
    size_t npresets;
    ld_api_offer *offers;      /* shipped first, then imported */
    size_t noffers, cap;
    size_t nshipped;           /* offers from hosting.json */
    ld_hosting_defaults defaults;
} ld_hosting;

/* --- GPUs --------------------------------------------------------------- */

/* Parses gpus.csv (header gpu,class,memory_gb,bandwidth_gbs,fp16_tflops,
 * fp8_tflops,board_power_w,hourly_usd,price_provider,price_type,price_date,
 * source; only gpu, memory_gb and bandwidth_gbs are required columns).
 * memory_gb and bandwidth_gbs must be > 0; the other numbers > 0 or empty;
 * class is datacenter, workstation, consumer or empty. */
int hosting_gpus_parse(ld_gpu_list *out, const char *text, size_t len,
                       const char *name, ld_error *err);
void hosting_gpus_free(ld_gpu_list *l);
/* Case-, space- and punctuation-insensitive lookup ("a100-80gb",
 * "H100 SXM"): an exact match of the letters and digits, else the first
 * GPU (in file order) whose name starts with them.  NULL if none. */
const ld_gpu *hosting_gpu_find(const ld_gpu_list *l, const char *name);
/* How many GPUs hosting_gpu_find could mean by `name`: 1 for an exact
 * match, else the number whose names start with it (0 none; "h100" names
 * three), their names joined by ", " into buf. */
size_t hosting_gpu_candidates(const ld_gpu_list *l, const char *name, char *buf, size_t n);

/* The GPU's memory in decimal GB (1e9 bytes, the unit model sizes are in):
 * memory_mib × 2^20 / 1e9 when gpus.csv gives the driver's figure ("80 GB"
 * H100 SXM: 81,559 MiB = 85.52 GB), else memory_gb as listed, which
 * understates a card sold in binary GB by up to 7%: the cautious side. */
double hosting_gpu_device_gb(const ld_gpu *g);

/* Says where hosting_gpu_device_gb's figure comes from, for a basis line:
 * "81559 MiB as the driver reports it = 85.52 GB" or "80 GB as listed". */
void hosting_gpu_memory_words(const ld_gpu *g, char *buf, size_t n);

/* --- hosting.json --------------------------------------------------------- */

/* Empties `h` and sets the seed's defaults (730 h, bands 500M / 1B, ...). */
void hosting_init(ld_hosting *h);
/* Parses hosting.json into `h` (after hosting_init).  Errors name the file
 * and the JSON path of the bad value ("presets.7B.monthly..."), or
 * FILE:LINE:COL for a syntax error. */
int hosting_parse(ld_hosting *h, const char *text, size_t len,
                  const char *name, ld_error *err);
/* Adds LiteLLM's chat entries with both prices as API offers, per 1K; an
 * entry whose price is 0 (a placeholder) or above $1M per 1K is skipped.
 * `added` (may be NULL) receives the count. */
int hosting_load_litellm(ld_hosting *h, const char *text, size_t len,
                         const char *name, size_t *added, ld_error *err);
void hosting_free(ld_hosting *h);

/* Preset by name ("7B", "7b"), or NULL. */
const ld_preset *hosting_preset_find(const ld_hosting *h, const char *name);
/* Offer by name, case-insensitive; the last one wins, so an imported file
 * overrides a shipped offer of the same name.  NULL if none. */
const ld_api_offer *hosting_offer_find(const ld_hosting *h, const char *name);

/* The data set's GPU list and hosting data (hosting.json plus the --load'ed
 * LiteLLM offers), parsed once and kept with the data set, so every view and
 * command that sizes or prices reads the same copy.  gpus.csv is parsed when
 * the catalogue opens (the self-hosting estimates and Mem GB need it);
 * hosting.json on the first call here.  dataset_close frees both; a LiteLLM
 * file --load'ed later is included at the next call.  0, or -1 with err
 * (a file missing from the data set, or its parse error). */
int dataset_hosting(ld_dataset *ds, const ld_hosting **h, const ld_gpu_list **gpus,
                    ld_error *err);
/* Frees what dataset_hosting / the catalogue's open kept (for dataset.c). */
void hosting_release(struct ld_hosting *h);

#endif
