/* evidence.h - how much the top of a ranking rests on: a table sorted by
 * value or quality can put first a row measured once and priced by
 * llmdeck's own estimate, and the reader of a copied table cannot tell.
 * One note for the CLI's table and the TUI's status line. */
#ifndef LLMDECK_EVIDENCE_H
#define LLMDECK_EVIDENCE_H

#include <stddef.h>
#include <stdint.h>

#include "llmdeck/catalog.h"

/* Of the first min(n, 10) rows of idx (a view sorted by value_score or
 * quality: `ranked_col` is its first sort key), how many rest on 2 or
 * fewer of the quality's measures (coverage) and how many are priced by
 * llmdeck's estimate (cost_basis "estimate").  Writes a note ("of the
 * first 10 rows, 6 rest on 2 or fewer of the 6 measures (Cov) and 5 are
 * priced by llmdeck's estimate (cost_basis): thin evidence; --filter
 * 'coverage>=3' keeps the better measured, 'cost_basis=hosted' the
 * market-priced") and returns 1 when either is
 * at least a third of them; 0 and "" otherwise, or when ranked_col is
 * neither column, or the data has fewer than 4 measures. */
int evidence_note(const ld_catalog *cat, const uint32_t *idx, size_t n, int ranked_col, char *buf, size_t len);

#endif
