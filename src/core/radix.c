/* radix.c - see radix.h. */
#include "radix.h"

#include <stdlib.h>
#include <string.h>

#include "worker.h"

/* Stable LSD radix sort of idx by k (both permuted together) on this
 * thread, with k2 and i2 (n each) to move them through; each of the 8
 * passes counts n units of progress when `p` is given. */
static int radix_sort_with(uint64_t *k, uint32_t *idx, size_t n, ld_progress *p, uint64_t *k2, uint32_t *i2)
{
    if (n == 0) return 0; /* (the passes look at the first key) */
    uint64_t *ks = k, *kd = k2;
    uint32_t *is = idx, *id = i2;
    int rc = 0;
    /* the eight byte histograms in one read of the keys (a byte's counts
     * do not change as the passes permute the keys) */
    size_t (*counts)[256] = calloc(8, sizeof *counts);
    if (!counts) return -1;
    for (size_t i = 0; i < n; i++) {
        uint64_t v = ks[i];
        for (int b = 0; b < 8; b++) counts[b][(v >> (8 * b)) & 0xff]++;
    }
    for (int shift = 0; shift < 64 && rc == 0; shift += 8) {
        if ((rc = progress_tick(p, n)) != 0) break;
        size_t *count = counts[shift / 8];
        if (count[(ks[0] >> shift) & 0xff] == n) continue; /* byte all equal */
        size_t sum = 0;
        for (int b = 0; b < 256; b++) {
            size_t c = count[b];
            count[b] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++) {
            size_t d = count[(ks[i] >> shift) & 0xff]++;
            kd[d] = ks[i];
            id[d] = is[i];
        }
        uint64_t *tk = ks; ks = kd; kd = tk;
        uint32_t *ti = is; is = id; id = ti;
    }
    if (rc == 0 && is != idx) memcpy(idx, is, n * sizeof *idx);
    if (rc == 0 && ks != k) memcpy(k, ks, n * sizeof *k);
    free(counts);
    return rc;
}

static int radix_sort_seq(uint64_t *k, uint32_t *idx, size_t n, ld_progress *p)
{
    uint64_t *k2 = malloc(n * sizeof *k2);
    uint32_t *i2 = malloc(n * sizeof *i2);
    int rc = k2 && i2 ? radix_sort_with(k, idx, n, p, k2, i2) : -1;
    free(k2); free(i2);
    return rc;
}

/* From this many rows on, a sort uses both cores: each half is radix
 * sorted on its own thread, then the halves are merged, each thread making
 * one half of the result.  (Starting a thread costs tens of microseconds;
 * the sort of 200k numbers took 8 ms on one core.) */
#define PAR_SORT_MIN 65536

typedef struct {
    uint64_t *k, *k2;
    uint32_t *idx, *i2;
    size_t n;
    ld_progress *p;
    int rc;
} sort_half_job;

static void *sort_half(void *arg)
{
    sort_half_job *h = arg;
    h->rc = radix_sort_with(h->k, h->idx, h->n, h->p, h->k2, h->i2);
    return NULL;
}

/* Output positions [from, to) of the stable merge of the sorted runs
 * a (first in the input, so it wins ties) and b. */
typedef struct {
    const uint64_t *ka, *kb;
    const uint32_t *ia, *ib;
    size_t na, nb, from, to;
    uint64_t *ko;
    uint32_t *io;
} merge_job;

/* How many of a's keys the first `pos` outputs of the merge hold: the
 * smallest i for which a[i] does not have to come before b[pos - i - 1]
 * (a[i] <= b[j - 1] means it does: ties go to a). */
static size_t merge_split(const merge_job *m, size_t pos)
{
    size_t lo = pos > m->nb ? pos - m->nb : 0, hi = pos < m->na ? pos : m->na;
    while (lo < hi) {
        size_t i = lo + (hi - lo) / 2, j = pos - i;
        if (j > 0 && m->ka[i] <= m->kb[j - 1]) lo = i + 1;
        else hi = i;
    }
    return lo;
}

static void *merge_range(void *arg)
{
    const merge_job *m = arg;
    size_t i = merge_split(m, m->from), i_end = merge_split(m, m->to);
    size_t j = m->from - i, j_end = m->to - i_end;
    for (size_t o = m->from; o < m->to; o++) {
        int take_a = i < i_end && (j >= j_end || m->ka[i] <= m->kb[j]);
        if (take_a) {
            m->ko[o] = m->ka[i];
            m->io[o] = m->ia[i++];
        } else {
            m->ko[o] = m->kb[j];
            m->io[o] = m->ib[j++];
        }
    }
    return NULL;
}

/* The two-core sort: 0, LD_CANCELLED or -1 as radix_sort_seq.  One pair
 * of n-long buffers, as on one thread (a pair more was 12 MB at a million
 * rows, and the peak memory of a 1M-row export went past twice the file):
 * the halves move through their parts of it, then the merge writes into
 * it and the result is copied back. */
static int radix_sort_parallel(uint64_t *k, uint32_t *idx, size_t n, ld_progress *p)
{
    size_t h = n / 2;
    uint64_t *k2 = malloc(n * sizeof *k2);
    uint32_t *i2 = malloc(n * sizeof *i2);
    if (!k2 || !i2) {
        free(k2); free(i2);
        return -1;
    }
    sort_half_job first = {k, k2, idx, i2, h, p, 0}, second = {k + h, k2 + h, idx + h, i2 + h, n - h, p, 0};
    worker_pair(sort_half, &first, &second);
    int rc = first.rc ? first.rc : second.rc;
    if (rc == 0) {
        merge_job lo = {k, k + h, idx, idx + h, h, n - h, 0, h, k2, i2}, hi = lo;
        hi.from = h;
        hi.to = n;
        worker_pair(merge_range, &lo, &hi);
        memcpy(k, k2, n * sizeof *k);
        memcpy(idx, i2, n * sizeof *idx);
    }
    free(k2); free(i2);
    return rc;
}

/* Stable radix sort of idx by k (both permuted together), on both cores
 * when there are many; 8n units of progress. */
int radix_sort_keys(uint64_t *k, uint32_t *idx, size_t n, ld_progress *p)
{
    return n >= PAR_SORT_MIN ? radix_sort_parallel(k, idx, n, p) : radix_sort_seq(k, idx, n, p);
}
