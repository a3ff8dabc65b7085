/* view.h - sorting and filtering over index arrays; the rows never move.
 *
 * Sorting is stable and multi-key.  Numeric columns compare as numbers
 * (radix sort on the bit pattern of the doubles), text columns
 * case-insensitively with digit runs compared as numbers ("7B" < "13B").
 * Missing values go last whatever the direction. */
#ifndef LLMDECK_VIEW_H
#define LLMDECK_VIEW_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "llmdeck/catalog.h"
#include "llmdeck/error.h"

#define LD_MAX_SORT_KEYS 8

typedef struct {
    int col;  /* column index */
    int desc; /* 1 = descending */
} ld_sort_key;

/* Sorts idx[0..n) in place by the keys (first key most significant). */
int view_sort(const ld_catalog *cat, uint32_t *idx, size_t n,
              const ld_sort_key *keys, size_t nkeys);

/* Parses "KEY[:asc|:desc][,KEY...]" against the catalog's columns.
 * An unknown column is an LD_ERR_USAGE error naming `what` (the flag). */
int view_parse_sort(const ld_catalog *cat, const char *spec, const char *what,
                    ld_sort_key *keys, size_t *nkeys, ld_error *err);

/* A cache of sorted permutations, so that sorting again by keys used
 * before costs a copy instead of a sort (the TUI's `[`/`]` at a million
 * rows).  An entry is reused only for the same keys, the same input set
 * (`set_id`: the caller changes it whenever the set of rows it sorts
 * changes, e.g. a new filter) and unchanged key columns (their `gen`). */
typedef struct ld_sort_cache ld_sort_cache;

ld_sort_cache *view_cache_new(size_t entries);
void view_cache_free(ld_sort_cache *c);
/* Sorts in[0..n) into out[0..n) (out may equal in). */
int view_sort_cached(ld_sort_cache *c, const ld_catalog *cat, unsigned long set_id,
                     const uint32_t *in, uint32_t *out, size_t n,
                     const ld_sort_key *keys, size_t nkeys);

/* Progress and cancellation of a long sort or filter run by one thread and
 * watched by another (the TUI's background jobs, viewjob.h).  `done` only
 * grows; `total` is the work announced in advance (view_sort_units), so
 * done / total is the fraction done (capped at 1: a filter shrinks the
 * rows, the estimate never grows).  Setting `cancel` makes the work stop
 * within a few milliseconds and return LD_CANCELLED with its output
 * untouched. */
enum { LD_PHASE_NONE = 0, LD_PHASE_FILTER, LD_PHASE_COLLATE, LD_PHASE_SORT, LD_PHASE_SCORE };
#define LD_CANCELLED 1

typedef struct {
    atomic_int cancel;
    atomic_int phase; /* LD_PHASE_*: what is being done now */
    atomic_size_t done, total;
} ld_progress;

/* view_sort_cached that reports to p (NULL: none) and can be cancelled:
 * 0, LD_CANCELLED (out untouched, nothing cached) or -1 (no memory).
 * Not thread-safe on its own: while it runs on one thread, no other may
 * sort, touch the cache, or change the catalogue (a text key builds the
 * column's rank cache in the catalogue). */
int view_sort_progress(ld_sort_cache *c, const ld_catalog *cat, unsigned long set_id,
                       const uint32_t *in, uint32_t *out, size_t n,
                       const ld_sort_key *keys, size_t nkeys, ld_progress *p);
/* view_sort with some numeric columns' values taken from arrays instead of
 * the catalogue (new scores not yet installed, score.h), counting to p:
 * 0, LD_CANCELLED (idx untouched) or -1.  No cache: the catalogue's
 * columns are not what was sorted. */
typedef struct {
    int col;
    const double *num; /* a value per catalogue row */
} ld_num_override;
int view_sort_with(const ld_catalog *cat, uint32_t *idx, size_t n, const ld_sort_key *keys, size_t nkeys,
                   const ld_num_override *ov, size_t nov, ld_progress *p);
/* The progress units view_sort_progress counts for n rows (an upper
 * bound: a cached sort counts none). */
size_t view_sort_units(const ld_catalog *cat, size_t n, const ld_sort_key *keys, size_t nkeys);
/* Whether a text key's collation ranks must be built first (the slow part
 * of the first sort by a text column: 0.7 s at a million rows). */
int view_sort_needs_ranks(const ld_catalog *cat, const ld_sort_key *keys, size_t nkeys);

/* Natural, case-insensitive text comparison ("Llama-2-7B" < "Llama-2-13B"). */
int view_text_cmp(const char *a, const char *b);

/* Fills idx with 0..rows-1; returns the count. */
size_t view_identity(const ld_catalog *cat, uint32_t *idx);

#endif
