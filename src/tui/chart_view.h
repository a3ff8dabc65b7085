/* chart_view.h - the table's chart panel (v): quality against relative
 * cost of the rows the table shows, the Pareto frontier marked (points and
 * frontier from chart_build of the core), a cursor on one point. */
#ifndef LLMDECK_TUI_CHART_VIEW_H
#define LLMDECK_TUI_CHART_VIEW_H

#include "table.h"

/* Builds the chart of the table's current rows (filter, sort and weights
 * as they are now) and opens the panel; a message says why when it cannot. */
void tv_chart_open(app *a, tv_state *t);
void tv_chart_draw(app *a, tv_state *t, WINDOW *w);
int tv_chart_act(app *a, tv_state *t, ld_action act);
void tv_chart_free(tv_state *t);
/* Back to the chart from the detail its Enter opened (the chart is kept
 * meanwhile), on the detail's row when it is a point. */
void tv_chart_resume(tv_state *t);
/* A click at (y, x) of the view: selects the point drawn nearest to it. */
void tv_chart_click(app *a, tv_state *t, int y, int x);
/* --view chart: the table with its chart open. */
void chart_view_open(app *a);

#endif
