/* frontier.c - Pareto frontier by one sort and one sweep (see frontier.h).
 *
 * Sorted by x ascending, the points of one x are a group; a point is on the
 * frontier when its y is the best of its group and strictly better than
 * every y of a cheaper group (a cheaper point as good would dominate it). */
#include "llmdeck/frontier.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "radix.h"
#include "worker.h"

typedef struct {
    double x, y;
    size_t i;
} point;

/* Sorts p by x, ties in index order (p arrives in index order and the
 * radix sort is stable).  Replaced a qsort that was a tenth of `llmdeck
 * table FILE --format csv` on a 200k-row file with a relative_cost
 * column.  Returns -1 when out of memory. */
static int sort_by_x(point *p, size_t m)
{
    uint64_t *key = malloc((m ? m : 1) * sizeof *key);
    uint32_t *order = malloc((m ? m : 1) * sizeof *order);
    point *sorted = malloc((m ? m : 1) * sizeof *sorted);
    int rc = key && order && sorted ? 0 : -1;
    for (size_t k = 0; rc == 0 && k < m; k++) {
        key[k] = radix_key_double(p[k].x);
        order[k] = (uint32_t)k;
    }
    if (rc == 0) rc = radix_sort_keys(key, order, m, NULL);
    for (size_t k = 0; rc == 0 && k < m; k++) sorted[k] = p[order[k]];
    if (rc == 0 && m) memcpy(p, sorted, m * sizeof *p);
    free(key);
    free(order);
    free(sorted);
    return rc;
}

/* How many of the staircase's n steps lie left of x (at or left of x when
 * or_equal). */
static size_t steps_before(const point *f, size_t n, double x, int or_equal)
{
    /* branch-free: the test decides a step of the search, not a jump, so
     * the unpredictable answers (every row asks twice) cost no mispredicted
     * branches; a third of the frontier's time at 200k rows went there */
    if (n == 0) return 0;
    const point *base = f;
    while (n > 1) {
        size_t half = n / 2;
        int left = or_equal ? base[half].x <= x : base[half].x < x;
        base += (size_t)left * half;
        n -= half;
    }
    return (size_t)(base - f) + (size_t)(or_equal ? base->x <= x : base->x < x);
}

/* The points of [lo, hi) that the staircase f (nf steps; none: keep all)
 * does not dominate, in index order, into a growing array. */
typedef struct {
    const double *x, *y;
    const point *f;
    size_t nf, lo, hi, cap;
    point *p;   /* NULL when out of memory */
    size_t have;
} filter_job;

static void *filter_points(void *arg)
{
    filter_job *j = arg;
    j->have = 0;
    j->p = malloc((j->cap ? j->cap : 1) * sizeof *j->p);
    for (size_t i = j->lo; j->p && i < j->hi; i++) {
        double xi = j->x[i], yi = j->y[i];
        if (!isfinite(xi) || !isfinite(yi)) continue;
        if (j->nf) {
            size_t lt = steps_before(j->f, j->nf, xi, 0), le = steps_before(j->f, j->nf, xi, 1);
            if ((lt && j->f[lt - 1].y >= yi) || (le && j->f[le - 1].y > yi)) continue; /* dominated */
        }
        if (j->have == j->cap) {
            point *q = realloc(j->p, (j->cap = j->cap ? j->cap * 2 : 64) * sizeof *j->p);
            if (!q) free(j->p);
            j->p = q;
            if (!q) break;
        }
        j->p[j->have++] = (point){xi, yi, i};
    }
    return NULL;
}

/* The points to sort: those with finite x and y that a sample of 1,024 of
 * them does not already dominate (usually a few per cent, so the sort is
 * short and no array of every point is made: at 1M rows that was 24 MB of
 * fresh memory).  Exact: a dropped point is dominated, and whatever it
 * dominates is dominated by what dominates it, so the frontier of the rest
 * is the frontier of all.  From 131,072 points on, the two halves are
 * filtered on two threads and their survivors joined in index order.
 * Returns them in index order, *m set; NULL when out of memory. */
static point *candidates(const double *x, const double *y, size_t n, size_t *m)
{
    enum { SAMPLE = 1024, PARALLEL_MIN = 131072 };
    point f[SAMPLE];
    size_t nf = 0, finite = n; /* (an upper bound: only for the first guess of room) */
    if (n >= 8 * SAMPLE) {
        /* every (n / SAMPLE)th point, if finite: 1,024 looks, not two
         * passes over every point (one counting the finite ones) */
        for (size_t step = n / SAMPLE, i = step / 2; i < n && nf < SAMPLE; i += step)
            if (isfinite(x[i]) && isfinite(y[i])) f[nf++] = (point){x[i], y[i], i};
        if (nf < SAMPLE / 8) { /* mostly not finite: every (finite / SAMPLE)th finite one */
            finite = nf = 0;
            for (size_t i = 0; i < n; i++) finite += isfinite(x[i]) && isfinite(y[i]);
            /* counted down, not k % step: a division a point was a tenth of
             * the frontier's time (200k points: 1.6 -> 1.45 ms) */
            size_t step = finite / SAMPLE ? finite / SAMPLE : 1, left = 0;
            for (size_t i = 0; i < n && nf < SAMPLE; i++) {
                if (!isfinite(x[i]) || !isfinite(y[i])) continue;
                if (left == 0) {
                    f[nf++] = (point){x[i], y[i], i};
                    left = step;
                }
                left--;
            }
        }
        if (sort_by_x(f, nf) != 0) return NULL;
        size_t steps = 0; /* the sample's staircase: the points that raise the best y so far */
        for (size_t k2 = 0; k2 < nf; k2++)
            if (steps == 0 || f[k2].y > f[steps - 1].y) f[steps++] = f[k2];
        nf = steps;
    }
    size_t cap = nf ? finite / 16 + 64 : finite;
    filter_job a = {x, y, f, nf, 0, n, cap, NULL, 0}, b = a;
    if (n < PARALLEL_MIN) {
        filter_points(&a);
    } else {
        a.hi = b.lo = n / 2;
        a.cap = b.cap = cap / 2 + 1;
        worker_pair(filter_points, &a, &b);
        if (a.p && b.p && b.have) { /* the second half's survivors after the first's */
            point *q = realloc(a.p, (a.have + b.have) * sizeof *q);
            if (q) memcpy(q + a.have, b.p, b.have * sizeof *q);
            else free(a.p);
            a.p = q;
            a.have += b.have;
        } else if (!b.p) {
            free(a.p);
            a.p = NULL;
        }
        free(b.p);
    }
    *m = a.have;
    return a.p;
}

int frontier_mark(const double *x, const double *y, size_t n, unsigned char *out)
{
    if (n) memset(out, 0, n);
    size_t m = 0;
    point *p = candidates(x, y, n, &m);
    if (!p) return -1;
    if (sort_by_x(p, m) != 0) {
        free(p);
        return -1;
    }
    double best_cheaper = -INFINITY; /* best y of the groups before this one */
    for (size_t g = 0; g < m;) {
        size_t end = g;
        double top = p[g].y;
        while (end < m && p[end].x == p[g].x) {
            if (p[end].y > top) top = p[end].y;
            end++;
        }
        if (top > best_cheaper)
            for (size_t k = g; k < end; k++) out[p[k].i] = p[k].y == top;
        if (top > best_cheaper) best_cheaper = top;
        g = end;
    }
    free(p);
    return 0;
}
