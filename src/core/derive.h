/* derive.h - columns computed from other columns when the data loads, as
 * metrics.json declares them:
 *
 *   "arena_win": {"type": "number", "derive": {"kind": "elo_win",
 *                 "from": "arena_score", "reference": 1187,
 *                 "reference_row": "GPT-4 (reference)"}, ...}
 * (reference_row is read by `data --check` only: that row's `from` value
 * must be the reference)
 *
 * elo_win: the expected share of battles won against an opponent rated
 * `reference`, in percent, by the Elo / Bradley-Terry formula LMArena's
 * ratings use: 100 / (1 + 10^((reference - score) / 400)).  It turns a
 * rating (an interval scale with no zero) into a percentage that can be
 * averaged with benchmark scores.
 *
 * The computed cells get text ("%.1f"), so they export, filter and weight
 * like any loaded metric; a row without the source value stays empty. */
#ifndef LLMDECK_DERIVE_H
#define LLMDECK_DERIVE_H

#include <stddef.h>

#include "llmdeck/catalog.h"
#include "llmdeck/error.h"

/* Adds and fills every derived column metrics.json declares whose source
 * column exists.  Bad declarations are errors naming `name`. */
int derive_apply(ld_catalog *cat, const char *json, size_t len, const char *name, ld_error *err);

/* The elo_win formula, for tests and the detail panel's basis. */
double derive_elo_win(double score, double reference);

#endif
