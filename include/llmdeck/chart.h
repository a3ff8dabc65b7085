/* chart.h - the trade-off chart: one point per model, x against y (cost
 * against quality by default), with the Pareto frontier marked, written as
 * SVG for slides.  Curses-free: `llmdeck chart` and the tests use it.
 *
 * The frontier follows each axis' direction: x is better low when its
 * column says higher_is_better: false (a cost), y better high unless its
 * column says otherwise.  Only rows with both values take part. */
#ifndef LLMDECK_CHART_H
#define LLMDECK_CHART_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "llmdeck/catalog.h"

typedef struct {
    size_t row;      /* catalogue row */
    double x, y;
    int frontier;    /* 1 on the frontier of these points */
} ld_chart_point;

typedef struct {
    ld_chart_point *pts; /* only rows with finite x and y (and x > 0 on a log axis) */
    size_t n;
    size_t skipped;      /* rows of the selection left out for a missing value */
    int xcol, ycol;
    int x_log;           /* x drawn on a log scale */
} ld_chart;

/* Gathers the points of rows idx[0..n) and marks their frontier.  The x
 * axis is logarithmic when every x is positive and they span at least a
 * factor of 20 (prices do).  Returns 0, or -1 when out of memory. */
int chart_build(const ld_catalog *cat, const uint32_t *idx, size_t n, int xcol, int ycol,
                ld_chart *ch);
void chart_free(ld_chart *ch);

/* Writes the chart as a standalone SVG: axes with ticks and titles (label
 * and unit), the points (frontier ones filled, the others hollow, so the
 * two differ without colour), the frontier as a line, the frontier models
 * labelled (a label that would overlap one already placed is left out,
 * counted in the footer), and `footer` lines (data date, sources) below.
 * Model names are escaped for XML and stripped of control characters. */
int chart_write_svg(FILE *out, const ld_catalog *cat, const ld_chart *ch, const char *title,
                    const char *const *footer, size_t nfooter);

#endif
