/* pctrank.c - see pctrank.h. */
#include "llmdeck/pctrank.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "radix.h"

/* The one formula both entry points use, so they agree to the bit. */
static double percentile_of(size_t below, size_t equal, size_t measured)
{
    if (measured < 2 || equal == 0) return NAN;
    return ((double)below + (double)equal / 2.0) / (double)measured;
}

double pctrank_cell(const double *m, size_t n, double x, int higher_is_better, ld_pctrank_counts *counts)
{
    ld_pctrank_counts c = {0, 0, 0};
    for (size_t r = 0; m && r < n; r++) {
        double v = m[r];
        if (isnan(v)) continue;
        c.measured++;
        if (v == x) c.equal++;
        else if (higher_is_better ? v < x : v > x) c.below++;
    }
    if (isnan(x)) c.equal = 0;
    if (counts) *counts = c;
    return percentile_of(c.below, c.equal, c.measured);
}

int pctrank_column(const double *m, size_t n, int higher_is_better, double *out, ld_progress *p)
{
    size_t k = 0;
    for (size_t r = 0; r < n; r++) {
        out[r] = NAN;
        k += m && !isnan(m[r]);
    }
    if (k < 2) return 0; /* nothing to rank against: all missing */
    uint64_t *key = malloc(k * sizeof *key);
    uint32_t *row = malloc(k * sizeof *row);
    int rc = key && row ? 0 : -1;
    size_t j = 0;
    for (size_t r = 0; rc == 0 && r < n; r++)
        if (!isnan(m[r])) {
            /* worst first: a lower-is-better metric sorts by its negation
             * (the key of -x orders as x descending) */
            key[j] = radix_key_double(higher_is_better ? m[r] : -m[r]);
            row[j++] = (uint32_t)r;
        }
    if (rc == 0) rc = radix_sort_keys(key, row, k, p);
    /* each run of equal keys: `lo` rows below it, `hi - lo` in it */
    for (size_t lo = 0; rc == 0 && lo < k;) {
        size_t hi = lo + 1;
        while (hi < k && key[hi] == key[lo]) hi++;
        double pc = percentile_of(lo, hi - lo, k);
        for (size_t i = lo; i < hi; i++) out[row[i]] = pc;
        lo = hi;
    }
    free(key);
    free(row);
    return rc;
}
