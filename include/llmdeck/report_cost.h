/* report_cost.h - the cost comparison as text, CSV, JSON or Markdown, and
 * the labels and phrases it is made of.
 *
 * Shared by `llmdeck cost` and the TUI's cost view (its `e` export), so a
 * scenario exported from the view reads exactly as the command's output
 * for the same inputs.  Writes to the FILE* it is given, never to the
 * terminal on its own. */
#ifndef LLMDECK_REPORT_COST_H
#define LLMDECK_REPORT_COST_H

#include <stddef.h>
#include <stdio.h>

#include "llmdeck/cost.h"
#include "llmdeck/hosting.h"
#include "llmdeck/output.h"
#include "llmdeck/sizing.h"

/* "750M tokens/month", or "never (self-hosting costs more per token than
 * the API at any volume)". */
void report_cost_break_even(const ld_cost *c, char *buf, size_t n);
/* "self-hosting saves $500.00/month (25% of the API cost)", "self-hosting
 * costs $X/month more" or "the same". */
void report_cost_difference(const ld_cost *c, char *buf, size_t n);

/* a is less than b by more than rounding: the same prices reached by two
 * paths (per 1K and per 1M) are equal, not "less" ($2.62 against $2.62). */
int report_cost_less(double a, double b);

/* The advice weighs the API compared against self-hosting; when the same
 * model from a provider (c->hosted_monthly_usd) costs less than both it
 * says so: "; the same model from a provider costs less than both
 * ($275.00/month)", else "".  Returns buf. */
const char *report_cost_hosted_note(const ld_cost *c, char *buf, size_t n);

/* The stretches between the first and the lasting one, as printed: the
 * first's start rounded up inside it, the last's end rounded down inside
 * it ("from 2.554B to 44.67B"). */
void report_between_edges(const ld_cost *c, char *a, size_t an, char *b, size_t bn);

/* How many times the API's cost: "2.2×", "12×", "over 1000×" (a volume of
 * a few tokens made "580350000×", which says nothing more). */
void report_cost_times(double times, char *buf, size_t n);

/* The self-hosting labels `llmdeck cost` puts in its output and basis:
 *   "preset 7B: 1x A10 (24GB) or 1x A100 (40GB), 50 tokens/s"
 *   "Mistral-7B q4_k_m on 1 × L4 at $0.7992/h × 730 h"
 * (quant NULL = fp16; a name sizing_quant_find does not know, such as a
 * scenario's "bf16 + mxfp4 experts", is written as given; s must have a
 * fitting, priced GPU). */
void report_cost_preset_label(const ld_preset *p, char *buf, size_t n);
void report_cost_model_label(const char *model, const char *quant, const ld_sizing *s,
                             double hours_per_month, char *buf, size_t n);

/* The comparison at in->tokens_per_month (c from cost_compute).  offer
 * (may be NULL) adds where the API price comes from, in text. */
void report_cost_write(FILE *out, const ld_cost_input *in, const ld_cost *c,
                       const ld_api_offer *offer, ld_format fmt);
/* Both costs over 1M..100B tokens/month (1-2-5 steps) and the break-even. */
void report_cost_sweep(FILE *out, const ld_cost_input *in, const ld_cost *c, ld_format fmt);
/* The same from points already priced (scenario_sweep: each volume on its
 * own GPUs, a column naming them). */
void report_cost_sweep_points(FILE *out, const ld_cost_input *in, const ld_cost *c, const ld_cost_point *pts,
                              size_t n, ld_format fmt);

#endif
