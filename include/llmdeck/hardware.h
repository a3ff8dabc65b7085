/* hardware.h - "it must run on the GPUs we have": the hardware a
 * recommendation's candidates must fit on, shared by `recommend --gpu` and
 * the wizard's GPUs step.
 *
 * A model fits when one sequence of the asked context fits on up to
 * `cards` of the GPU at the precision (memfit_fits: weights + KV cache +
 * overhead, 90% of the memory usable, tensor parallel only where the heads
 * divide); a model without an architecture cannot be sized and does not
 * qualify (an unknown size promises nothing). */
#ifndef LLMDECK_HARDWARE_H
#define LLMDECK_HARDWARE_H

#include <stddef.h>

#include "llmdeck/catalog.h"
#include "llmdeck/hosting.h"
#include "llmdeck/rules.h"

#define LD_HARDWARE_MAX_CARDS 8

typedef struct {
    const ld_gpu *gpu; /* a row of gpus.csv */
    int cards;         /* 1..LD_HARDWARE_MAX_CARDS: at most this many */
    char quant[32];    /* "release" (as the publisher releases it) or a sizing_quant_bits name */
} ld_hardware;

/* Reads a typed answer, "[N x] GPU [at] [QUANT]": "L40S", "2 x A100 80GB
 * SXM", "2× l4 int4", "RTX 4090 at q4_k_m" (x, X, × or * after the count;
 * the GPU as hosting_gpu_find looks it up; the precision "release" when
 * none is given).  Returns 0, or -1 with why (a sentence naming what was
 * not understood) in `why`. */
int hardware_parse(const ld_gpu_list *gpus, const char *text, ld_hardware *hw, char *why, size_t n);

/* The answer as the wizard shows it and hardware_parse reads it back:
 * "2 × L40S at int4", "1 × L4" (the release precision left out). */
void hardware_text(const ld_hardware *hw, char *buf, size_t n);

/* Fills req->hardware ("up to 2 × L40S (48 GB) at int4, one sequence of
 * 32,000 tokens") and req->fits with a new array of one entry a catalogue
 * row (1 fits, 0 does not, -1 cannot be sized), which the caller frees
 * (*fits; req->fits points at it).  Uses req->context_length.  Returns 0,
 * or -1 out of memory (req untouched). */
int hardware_requirement(const ld_catalog *cat, const ld_hardware *hw, ld_requirements *req, signed char **fits);

#endif
