/* colstats.h - statistics of one column over a set of rows: for a numeric
 * column its count, missing cells, min, max, mean, median and a histogram;
 * for a text column its distinct values with their counts (the TUI's i and
 * F panels).  Curses-free; O(n log n), so a million rows take a moment.
 *
 * The row set is the caller's (the table's filtered rows): idx[0..n). */
#ifndef LLMDECK_COLSTATS_H
#define LLMDECK_COLSTATS_H

#include <stddef.h>
#include <stdint.h>

#include "llmdeck/catalog.h"

#define LD_STATS_MAX_BINS 64

typedef struct {
    size_t count;   /* values present */
    size_t missing; /* empty cells (NaN) */
    double min, max, mean, median; /* NaN when count is 0 */
    size_t nbins;   /* histogram bins over [min, max]; 0 when count is 0 */
    /* bins[k] counts values in [min + k*w, min + (k+1)*w), w = (max-min)/nbins;
     * the last bin also holds max.  All values equal: all in bins[0]. */
    size_t bins[LD_STATS_MAX_BINS];
} ld_numstats;

/* Statistics of v[0..n) (NaN = missing) with nbins bins (1..LD_STATS_MAX_BINS,
 * clamped).  Returns 0, or -1 when out of memory (*s then holds the count). */
int colstats_numbers(const double *v, size_t n, size_t nbins, ld_numstats *s);
/* The same for numeric column col over rows idx[0..n). */
int colstats_numeric(const ld_catalog *cat, size_t col, const uint32_t *idx, size_t n,
                     size_t nbins, ld_numstats *s);
/* Which bin value v falls in (for s's min, max and nbins). */
size_t colstats_bin(const ld_numstats *s, double v);

typedef struct {
    const char *value; /* points into the caller's strings (the catalogue) */
    size_t count;
} ld_freq;

typedef struct {
    ld_freq *items; /* distinct values, by count descending, then value (strcmp) */
    size_t n;       /* distinct values */
    size_t total;   /* rows looked at */
    size_t missing; /* empty (or NULL) values, not in items */
} ld_freqlist;

/* Frequencies of vals[0..n) (exact, case-sensitive; NULL or "" = missing).
 * Returns 0, or -1 when out of memory (then *f is empty). */
int colstats_freq_strings(const char *const *vals, size_t n, ld_freqlist *f);
/* The same for column col's text over rows idx[0..n); the values point
 * into the catalogue, valid while it is unchanged. */
int colstats_freq(const ld_catalog *cat, size_t col, const uint32_t *idx, size_t n, ld_freqlist *f);
void colstats_freq_free(ld_freqlist *f);

#endif
