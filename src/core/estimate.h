/* estimate.h - llmdeck's own self-hosting price for a model nobody hosts.
 *
 * For an open row without a hosted offer (relative_cost empty), metrics.json
 * may ask for an estimate at a stated reference set-up:
 *
 *   "selfhost_estimate": {"gpu": "H100 SXM", "quant": "fp8", "context": 4096,
 *                         "batch": 32, "utilization": 0.5,
 *                         "reference_blended_usd_per_1m": 37.5}
 *
 * The sizing core gives the GPU count and the batched throughput at that
 * set-up; then
 *
 *   USD per 1M tokens = GPUs × hourly price / (throughput × 3600 × utilization) × 1e6
 *   relative_cost     = that × k / reference_blended_usd_per_1m   (GPT-4 = 1.0)
 *
 * where k, the median over the open rows with a hosted price of (hosted
 * price / that estimate), puts the estimate on the providers' scale (about
 * 0.09 on the 2026-12-05 catalogue; 1 with fewer than 20 such rows;
 * `llmdeck data` prints it).
 *
 * Every token is counted at the decode rate (input tokens are cheaper to
 * prefill, so this overstates the cost a little).  The row's cost_basis
 * becomes "estimate" and price_source says how it was computed. */
#ifndef LLMDECK_ESTIMATE_H
#define LLMDECK_ESTIMATE_H

#include <stddef.h>

#include "llmdeck/catalog.h"
#include "llmdeck/dataset.h"
#include "llmdeck/error.h"
#include "llmdeck/hosting.h"

/* Fills relative_cost, cost_basis and price_source of every open row that
 * has no relative_cost, from metrics.json's selfhost_estimate and the GPU
 * list (either may be NULL: nothing is done).  Returns the number of rows
 * estimated, or -1 with `err` set; *scale (may be NULL) says how they were
 * scaled. */
long estimate_selfhost(ld_catalog *cat, const char *metrics, size_t mlen, const ld_gpu_list *gpus,
                       ld_estimate_scale *scale, ld_error *err);

#endif
