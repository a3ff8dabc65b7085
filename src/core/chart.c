/* chart.c - the points of the trade-off chart and their frontier (chart.h). */
#include "llmdeck/chart.h"

#include <math.h>
#include <stdlib.h>

#include "llmdeck/frontier.h"

int chart_build(const ld_catalog *cat, const uint32_t *idx, size_t n, int xcol, int ycol,
                ld_chart *ch)
{
    *ch = (ld_chart){.xcol = xcol, .ycol = ycol};
    ch->pts = malloc((n ? n : 1) * sizeof *ch->pts);
    if (!ch->pts) return -1;
    double lo = INFINITY, hi = 0;
    int all_positive = 1;
    for (size_t i = 0; i < n; i++) {
        double x = catalog_num(cat, idx[i], (size_t)xcol), y = catalog_num(cat, idx[i], (size_t)ycol);
        if (!isfinite(x) || !isfinite(y)) {
            ch->skipped++;
            continue;
        }
        ch->pts[ch->n++] = (ld_chart_point){idx[i], x, y, 0};
        if (x > 0) {
            if (x < lo) lo = x;
            if (x > hi) hi = x;
        } else {
            all_positive = 0;
        }
    }
    ch->x_log = ch->n > 1 && all_positive && hi >= 20 * lo;
    /* frontier_mark minimises x and maximises y: flip an axis whose better
     * end is the other one */
    double *x = malloc((ch->n ? ch->n : 1) * sizeof *x), *y = malloc((ch->n ? ch->n : 1) * sizeof *y);
    unsigned char *on = malloc(ch->n ? ch->n : 1);
    int rc = x && y && on ? 0 : -1;
    int x_flip = catalog_col(cat, (size_t)xcol)->higher_is_better;
    int y_flip = !catalog_col(cat, (size_t)ycol)->higher_is_better;
    for (size_t i = 0; rc == 0 && i < ch->n; i++) {
        x[i] = x_flip ? -ch->pts[i].x : ch->pts[i].x;
        y[i] = y_flip ? -ch->pts[i].y : ch->pts[i].y;
    }
    if (rc == 0) rc = frontier_mark(x, y, ch->n, on);
    for (size_t i = 0; rc == 0 && i < ch->n; i++) ch->pts[i].frontier = on[i];
    free(x);
    free(y);
    free(on);
    if (rc != 0) chart_free(ch);
    return rc;
}

void chart_free(ld_chart *ch)
{
    free(ch->pts);
    ch->pts = NULL;
    ch->n = 0;
}
