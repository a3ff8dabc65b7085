/* chart_impl.h - the chart panel's state, shared by its two modules:
 *
 *   chart_view.c  building the chart (on the helper thread for a big table),
 *                 its keys, axes, colours and the SVG export
 *   chart_draw.c  drawing it (braille or ASCII), and a click's nearest point
 */
#ifndef LLMDECK_TUI_CHART_IMPL_H
#define LLMDECK_TUI_CHART_IMPL_H

#include "chart_view.h"
#include "llmdeck/chart.h"

typedef struct {
    int px, py, pw, ph, dw, dh;
} plot_box;

#define YLAB_W 7     /* y tick labels, right-aligned, then the axis */
#define LABEL_MAX 22 /* a frontier label's widest */

struct tv_chart {
    ld_chart ch;      /* points sorted by x then y */
    double *fx, *fy;  /* per point: position in the plot, 0..1 */
    size_t sel;
    size_t nfront;
    double xlo, xhi, ylo, yhi; /* the plot's range (log10 of x when x_log) */
    unsigned char *line; /* per cell: braille bits, or an ASCII line glyph */
    unsigned char *occ;  /* per cell: 1 a point, 2 a label */
    size_t cap;
    plot_box drawn;      /* the plot at the last draw (pw 0: none), for clicks */
};

#endif
