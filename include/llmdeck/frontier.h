/* frontier.h - the Pareto frontier of a set of points: the models nothing
 * beats on both cost and quality (the "intelligence against price" chart's
 * line, the table's `frontier` column).
 *
 * A point i is on the frontier when no other point j is at least as good on
 * both axes and strictly better on one: x_j <= x_i and y_j >= y_i with one
 * of them strict.  x is minimised (cost), y maximised (quality); a caller
 * with other directions negates.  Identical points do not dominate each
 * other, so ties are all on it. */
#ifndef LLMDECK_FRONTIER_H
#define LLMDECK_FRONTIER_H

#include <stddef.h>

/* out[i] = 1 on the frontier, 0 off it; a point with a non-finite x or y
 * is never on it (and never dominates).  O(n log n); returns 0, or -1 when
 * out of memory (out is then all 0). */
int frontier_mark(const double *x, const double *y, size_t n, unsigned char *out);

#endif
