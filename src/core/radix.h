/* radix.h - the stable radix sort behind every sort of the table
 * (internal to the core), and the progress count the sorts share. */
#ifndef LLMDECK_RADIX_H
#define LLMDECK_RADIX_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "llmdeck/view.h"

/* Progress and cancellation (p may be NULL): counts `units` done and says
 * whether the watcher asked to stop.  Called every pass or every 65,536 rows,
 * so a cancel is seen within a few milliseconds at a million rows. */
static inline int progress_tick(ld_progress *p, size_t units)
{
    if (!p) return 0;
    atomic_fetch_add_explicit(&p->done, units, memory_order_relaxed);
    return atomic_load_explicit(&p->cancel, memory_order_relaxed) ? LD_CANCELLED : 0;
}

/* x's bits as an unsigned key in the order of x (negatives flipped whole,
 * positives with the sign bit set); -0 is made +0 first, as == sees them.
 * NaN has no place: callers leave it out. */
static inline uint64_t radix_key_double(double x)
{
    uint64_t b;
    x += 0.0;
    memcpy(&b, &x, sizeof b);
    return b >> 63 ? ~b : b | (1ull << 63);
}

/* Sorts idx by the keys k (both permuted together; equal keys keep their
 * order), on both cores from 65,536 keys on.  Counts 8n units of progress
 * in p (may be NULL); 0, LD_CANCELLED (idx then in some permutation) or -1
 * when out of memory. */
int radix_sort_keys(uint64_t *k, uint32_t *idx, size_t n, ld_progress *p);

#endif
