/* suggest.h - "did you mean ...?": the closest of some names to a word
 * that matched none, by edit distance (case-insensitive), for the messages
 * that name an unknown command, column or model. */
#ifndef LLMDECK_SUGGEST_H
#define LLMDECK_SUGGEST_H

#include <stddef.h>

#include "llmdeck/catalog.h"

/* Case-insensitive Levenshtein distance (capped at 99 for long strings). */
int suggest_distance(const char *a, const char *b);

/* The name of `names` closest to `word` within max_dist edits, or NULL. */
const char *suggest_closest(const char *word, const char *const *names, size_t n, int max_dist);

/* Up to `max` catalogue names (model names and aliases) close to `word`:
 * within a third of its length in edits, or containing it as a part;
 * written "A, B or C" to buf ("" when none). */
void suggest_models(const ld_catalog *cat, const char *word, size_t max, char *buf, size_t n);

/* A column by its id or, failing that, its header label (both case-
 * insensitive: "context_length" or "Context"); -1 when neither. */
int suggest_column(const ld_catalog *cat, const char *name);

/* " (did you mean context_length?)" for a name that is no column, or "". */
void suggest_column_hint(const ld_catalog *cat, const char *name, char *buf, size_t n);

#endif
