/* pctrank.h - a metric's value as a percentile among the rows measured on
 * it: what the current catalogue's quality averages (metrics.json
 * "quality_scale": "percentile"), so an arena win rate (best open model
 * 81%) and a benchmark percentage (best 96%) weigh alike.
 *
 *   percentile = (below + equal / 2) / measured
 *
 * the textbook percentile rank: `below`, the measured rows with a worse
 * value; `equal`, the rows with this one's value, itself included (each
 * counts half); `measured`, the rows with a value.  Among 7 rows the best
 * is 13/14 = 0.929 and the worst 1/14 = 0.071, never 1 or 0: a small
 * field (a LiveCodeBench window reported by 7 models) does not make its
 * last row worthless nor its first perfect; among 84 the best is 0.994.
 * For a lower-is-better metric "worse" means higher.  A column with fewer
 * than two measured rows ranks nothing: every percentile is NaN (missing),
 * never a guessed middle. */
#ifndef LLMDECK_PCTRANK_H
#define LLMDECK_PCTRANK_H

#include <stddef.h>

#include "llmdeck/view.h"

/* Where x, one of the n values of m, stands among them (NaN cells are
 * not measured): its percentile, and if given the counts behind it (for an
 * explanation: "higher than 61 of the 71 other rows").  NaN when x is NaN
 * or not among the values, or fewer than two are measured.  O(n): for one
 * cell (the detail panel). */
typedef struct {
    size_t below, equal, measured;
} ld_pctrank_counts;
double pctrank_cell(const double *m, size_t n, double x, int higher_is_better, ld_pctrank_counts *counts);

/* Every cell's percentile into out[0..n) (the same figures as
 * pctrank_cell, to the bit), by one sort of the measured values: O(n) plus
 * a radix sort on both cores from 65,536 values on.  Counts 8n units of
 * progress in p (may be NULL).  0, LD_CANCELLED or -1 (out of memory). */
int pctrank_column(const double *m, size_t n, int higher_is_better, double *out, ld_progress *p);

#endif
