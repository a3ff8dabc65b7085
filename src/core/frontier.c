/* frontier.c - Pareto frontier by one sort and one sweep (see frontier.h).
 *
 * Sorted by x ascending, the points of one x are a group; a point is on the
 * frontier when its y is the best of its group and strictly better than
 * every y of a cheaper group (a cheaper point as good would dominate it). */
#include "llmdeck/frontier.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    double x, y;
    size_t i;
} point;

static int by_x(const void *a, const void *b)
{
    const point *p = a, *q = b;
    if (p->x != q->x) return p->x < q->x ? -1 : 1;
    return p->i < q->i ? -1 : p->i > q->i; /* stable: a total order */
}

int frontier_mark(const double *x, const double *y, size_t n, unsigned char *out)
{
    if (n) memset(out, 0, n);
    point *p = malloc((n ? n : 1) * sizeof *p);
    if (!p) return -1;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (isfinite(x[i]) && isfinite(y[i])) p[m++] = (point){x[i], y[i], i};
    qsort(p, m, sizeof *p, by_x);
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
