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
#include "llmdeck/dataset.h"
#include "llmdeck/score.h"

typedef struct {
    size_t row;      /* catalogue row */
    double x, y;
    int frontier;    /* 1 on the frontier of these points */
} ld_chart_point;

/* Colour groups: at most CHART_MAX_GROUPS values of a text column (the
 * most frequent among the points), the rest and the missing in "other". */
#define CHART_MAX_GROUPS 6

typedef struct {
    ld_chart_point *pts; /* only rows with finite x and y (and x > 0 on a log axis) */
    size_t n;
    size_t skipped;      /* rows of the selection left out for a missing value */
    int xcol, ycol;
    int x_log;           /* x drawn on a log scale */
    /* chart_group: the colouring column (-1 none), per point its group
     * (0..ngroups-1; ngroups-1 is "other" when has_other), the names */
    int color_col;
    unsigned char *group;
    size_t ngroups;
    int has_other;
    char *group_name[CHART_MAX_GROUPS + 1];
    size_t group_count[CHART_MAX_GROUPS + 1];
} ld_chart;

/* Gathers the points of rows idx[0..n) and marks their frontier.  The x
 * axis is logarithmic when every x is positive and they span at least a
 * factor of 20 (prices do).  Returns 0, or -1 when out of memory. */
int chart_build(const ld_catalog *cat, const uint32_t *idx, size_t n, int xcol, int ycol,
                ld_chart *ch);
void chart_free(ld_chart *ch);

/* Groups the points by text column `col` (-1: no colouring): the
 * CHART_MAX_GROUPS most frequent values (ties by name), the others and the
 * empty cells in one "other" group.  Names are compared without case.
 * Call after chart_build and after any reordering of pts is fine (the
 * group goes with the point index: call it after sorting).  0, or -1 out
 * of memory. */
int chart_group(const ld_catalog *cat, ld_chart *ch, int col);

/* Is an axis the quality, or the value made of it?  Then a point's
 * coverage belongs beside it: a quality on one metric of nine is a weaker
 * claim than one on all nine, and a chart alone hides it. */
int chart_rests_on_quality(const ld_catalog *cat, const ld_chart *ch);
/* A point's quality coverage, "1 of 9 metrics" ("1 of 3 metrics, the rest
 * as 0" under the seed's rule), when chart_rests_on_quality and the row has
 * one; "" otherwise.  Returns buf. */
const char *chart_point_coverage(const ld_catalog *cat, const ld_chart *ch, size_t row, ld_missing policy,
                                 char *buf, size_t n);

/* The colouring columns `--color` names: "family" -> the family column
 * ("family", else "org"), "license" -> "license", "none" -> -1.  Returns
 * 0 with *col set, or -1 when the word is not one of these or the column
 * is absent. */
int chart_color_column(const ld_catalog *cat, const char *word, int *col);

/* The footer of an exported chart, the same whichever face writes it
 * (`llmdeck chart`, the TUI's e, the wizard's report), so their files
 * compare byte for byte: the data set and its date, the filter, the
 * quality weights and the missing-value rule (`policy`: the one the
 * scores were computed with) when an axis depends on them, each axis
 * described, the version.  `filter` may be NULL or "". */
#define CHART_FOOTER_LINES 6
typedef struct {
    char text[CHART_FOOTER_LINES][720];
    const char *line[CHART_FOOTER_LINES];
    size_t n;
} ld_chart_footer;
void chart_footer(ld_chart_footer *f, const ld_dataset *ds, const ld_chart *ch, const char *filter,
                  ld_missing policy);

/* Writes the chart as a standalone SVG: axes with ticks and titles (label
 * and unit), the points (frontier ones filled, the others hollow, so the
 * two differ without colour), the frontier as a line, the frontier models
 * labelled (a label that would overlap one already placed is left out,
 * counted in the footer), and `footer` lines (data date, sources) below.
 * Model names are escaped for XML and stripped of control characters.
 * `policy` words each point's coverage (chart_point_coverage). */
int chart_write_svg(FILE *out, const ld_catalog *cat, const ld_chart *ch, const char *title,
                    const char *const *footer, size_t nfooter, ld_missing policy);

#endif
