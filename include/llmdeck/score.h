/* score.h - the value score: quality per unit of cost.
 *
 *   quality = sum(w_i * m_i / 100) / sum(w_i)   over metrics with w_i > 0
 *   value   = quality / relative_cost
 *
 * On the percentile scale (the current catalogue's metrics.json
 * "quality_scale": "percentile") m_i / 100 is replaced by the row's
 * percentile among the rows measured on metric i (pctrank.h): the arena's
 * win rates (best open model 81%) and benchmark percentages (best 96%)
 * then weigh alike, and a row measured only on a high-scoring benchmark no
 * longer outranks one measured on the arena.  The seed's raw scale is the
 * 2023 article's formula, pinned by tests.
 *
 * Missing-value policy `zero` (the 2023 article's, for its data set): a
 * missing metric counts as 0 (the worst score, also where lower is
 * better); a benchmark's windows of one weight (columns whose labels share
 * a first word, LiveCodeBench's: a row has one) are one measure, so a row
 * lacking all of them counts their weight once.  `skip` (the current
 * catalogue's): it is left out and the weights renormalised, so quality is
 * the weighted mean of the metrics the row has.  Under either, a row with
 * none of the weighted metrics has no quality (NaN, n/a), never 0;
 * `coverage` says how many it has.  A missing,
 * zero or negative relative_cost gives an undefined value (NaN, shown n/a,
 * sorted last). */
#ifndef LLMDECK_SCORE_H
#define LLMDECK_SCORE_H

#include <stddef.h>

#include "llmdeck/catalog.h"
#include "llmdeck/error.h"
#include "llmdeck/view.h"

typedef enum { LD_MISSING_ZERO = 0, LD_MISSING_SKIP = 1 } ld_missing;

/* Whether `quality` averages percentiles (its LD_COLF_PERCENTILE flag),
 * and setting it (adding the score columns if need be; 0, or -1 on no
 * memory).  Rescore after setting it. */
int score_percentile_scale(const ld_catalog *cat);
int score_set_percentile_scale(ld_catalog *cat, int on);

/* Quality of one row with the column weights (NaN if no weighted metric);
 * on the percentile scale O(rows) a metric. */
double score_quality(const ld_catalog *cat, size_t row, ld_missing policy);
/* Value of one row (NaN when undefined). */
double score_value(const ld_catalog *cat, size_t row, ld_missing policy);

/* How many metrics have a weight: the "of N" of a row's coverage. */
size_t score_weighted_count(const ld_catalog *cat);

/* Two metric labels of one benchmark's windows ("LCB 23.05-24.09", "LCB
 * 24.10-25.02": the same first word before a space): the length of that
 * shared word with its space, else 0.  Such windows are one measure taken
 * over different dates, and a row has at most one of them; with one weight
 * they are said once ("LCB 23.05-24.09/24.10-25.02 3") and counted once. */
size_t score_label_family(const char *a, const char *b);

/* Figures a user's file has that the scores cannot take as meant: a
 * weighted percentage metric below 0 or above 100 (MMLU 500 made a quality
 * of 2.0 and ranked first), a relative cost of 0 or below (no value score).
 * Returns how many cells, and writes "column 'mmlu': 1 value outside 0-100
 * (Absurd: 500), ..." to buf (sanitized). */
size_t score_range_warnings(const ld_catalog *cat, char *buf, size_t n);

/* The weighted metrics counted as measures: consecutive ones of one family
 * and one weight count once (general: 9 metrics, 6 measures).  What "3 of
 * 6 metrics" is out of. */
size_t score_weighted_measures(const ld_catalog *cat);

/* The columns of the metrics with a weight (those metrics.json weighs, or
 * --weights), in catalogue order, at most max of them in cols; returns how
 * many there are.  What a report quotes beside a model ("MMLU 60.1,
 * HumanEval 29.9, ..."), so a metric added to metrics.json with a weight
 * is quoted with no code change. */
size_t score_weighted_metrics(const ld_catalog *cat, size_t *cols, size_t max);

/* Adds the derived columns `quality`, `value_score`, `coverage` (how
 * many of the weighted metrics the row has) and `frontier` (yes when no row
 * is both cheaper and better, see frontier.h) if missing, empty,
 * so metadata (labels, decimals) can be applied before scores exist. */
int score_add_columns(ld_catalog *cat);
/* The same, their cells not emptied first: for a caller that runs
 * score_update before anything reads a cell of them (opening a data set:
 * emptying four columns of 200k rows was 3 ms alone on one core, and
 * score_update sets every cell on two). */
int score_add_columns_unset(ld_catalog *cat);

/* Ensures the derived columns exist and fills them for every row.  Call again after changing weights.  Returns the
 * index of value_score, or -1 on no memory. */
int score_update(ld_catalog *cat, ld_missing policy);
/* The same, the frontier column left empty unless with_frontier: a command
 * that shows, sorts and filters no frontier skips its pass (5% of `table
 * FILE --sort ... --format csv` at 200k rows). */
int score_update_opts(ld_catalog *cat, ld_missing policy, int with_frontier);

/* score_update in three steps, so the slow middle one can run on another
 * thread while the catalogue is only read (0.3 s at a million rows; the
 * TUI's weight edits, viewjob.h): score_prepare adds the columns and room
 * for every row (0, or -1 on no memory); score_compute reads the weights
 * and cells and fills new arrays, counting score_units to p (NULL: none):
 * 0, LD_CANCELLED or -1, with nothing allocated unless 0; score_install
 * copies them into the columns (a few ms) and frees them. */
typedef struct {
    double *quality, *value, *coverage, *frontier;
    size_t n;
} ld_scores;
int score_prepare(ld_catalog *cat);
int score_compute(const ld_catalog *cat, ld_missing policy, ld_scores *s, ld_progress *p);
size_t score_units(const ld_catalog *cat);
void score_install(ld_catalog *cat, ld_scores *s);
void score_free(ld_scores *s);

/* Applies "ID=W,ID=W" to the column weights.  Unknown ids, non-numeric
 * columns, negative or non-finite weights: LD_ERR_USAGE naming `what`. */
int score_parse_weights(ld_catalog *cat, const char *spec, const char *what,
                        ld_error *err);

/* Marks the Pareto frontier of (quality up, relative_cost down): out[r] = 1
 * when no other row is at least as good on both and better on one; a row
 * without a positive cost or a quality is never on it. */
void score_pareto(const ld_catalog *cat, ld_missing policy, unsigned char *out);

#endif
