/* memfit.h - memory at a glance: each model's memory at one stated set-up
 * and the smallest listed GPU that holds it (what llmfit users look for
 * first).  metrics.json asks for it:
 *
 *   "memory_at_a_glance": {"quant": "int4", "context": 8192}
 *
 * For every row whose architecture gives a KV-cache size, the sizing core
 * computes weights + KV cache of one sequence of `context` tokens +
 * overhead at `quant` (batch 1), the overhead on the cards `fits_on` names
 * (on one when none holds it); that is `mem_gb`.  `fits_on` is the GPU
 * of gpus.csv, of any class, that holds it with the fewest cards (1, 2, 4
 * or 8, at 90% of the memory the driver reports, tensor parallel only
 * where the heads divide), then the smallest as sold, the cheapest an
 * hour of those (memfit_better_card): "L4" or "2 × H100 SXM".  Rows without
 * an architecture stay empty: unknown, not guessed. */
#ifndef LLMDECK_MEMFIT_H
#define LLMDECK_MEMFIT_H

#include <stddef.h>

#include "llmdeck/catalog.h"
#include "llmdeck/error.h"

#include "llmdeck/hosting.h"

/* metrics.json's memory_at_a_glance: 1 with the quantization and context
 * written, 0 when absent or unusable (an unknown quantization). */
int memfit_read_setup(const char *metrics, size_t mlen, char *quant, size_t qn, double *context);

/* Adds and fills mem_gb and fits_on when metrics.json asks (either input
 * may be NULL: nothing is done).  Returns the rows filled, or -1 with err. */
long memfit_apply(ld_catalog *cat, const char *metrics, size_t mlen, const ld_gpu_list *gpus, ld_error *err);

/* Fills (or refills) mem_gb and fits_on for another set-up: the TUI's `S`.
 * Rows that cannot be sized are emptied.  `quant` must be known to
 * sizing_quant_bits, or "release": each row as its publisher releases it
 * (release_quant, its routed experts at release_expert_quant), a row that
 * states no release precision at fp16; context in [1, 1e8].  Returns the rows filled, or
 * -1 (out of memory, or a bad set-up: LD_ERR_USAGE naming it). */
long memfit_compute(ld_catalog *cat, const char *quant, double context, const ld_gpu_list *gpus, ld_error *err);

/* 1 when card a is the better answer than b for a model both hold on as
 * many cards: smaller as sold, then cheaper an hour (priced before
 * unpriced), then less memory as the driver reports it. */
int memfit_better_card(const ld_gpu *a, const ld_gpu *b);

/* Does row fit on at most max_cards of gpu, at quant ("release" as
 * memfit_compute) with one sequence of context tokens (weights + KV +
 * overhead on the cards it needs, 90% usable, tensor parallel only where
 * the heads divide, over any count up to max_cards:
 * sizing_fit_gpus_upto)?  1 yes, 0 no, -1 it cannot be sized (no
 * architecture).  *mem_gb: the memory on the cards it needs (NaN: -1). */
int memfit_fits(const ld_catalog *cat, size_t row, const char *quant, double context, const ld_gpu *gpu,
                int max_cards, double *mem_gb);
/* The same, with the cards it needs: k >= 1, 0 none up to max_cards
 * holds it, -1 it cannot be sized. */
int memfit_fit_cards(const ld_catalog *cat, size_t row, const char *quant, double context, const ld_gpu *gpu,
                     int max_cards, double *mem_gb);

/* 1 when quant is the "release" set-up (any case). */
int memfit_is_release(const char *quant);

/* How many rows state a release precision the sizing knows: what a
 * "release" set-up sizes as released (the rest at fp16). */
long memfit_release_rows(const ld_catalog *cat);

#endif
