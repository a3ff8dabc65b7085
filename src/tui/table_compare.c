/* table_compare.c - the marked rows side by side (c): one column per model,
 * one line per field; in each metric the best value is highlighted and
 * starred (so it shows without colour too), the worst dimmed.  "Best"
 * follows the column's direction: lower is better for relative cost. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "llmdeck/output.h"
#include "table.h"
#include "widgets.h"

#define LABEL_W 16

void tv_compare_open(app *a, tv_state *t)
{
    t->ncmp = 0;
    /* shown rows first, in view order; then marked rows the filter hides */
    for (size_t i = 0; i < t->n; i++)
        if (t->marked[t->idx[i]]) t->cmp[t->ncmp++] = t->idx[i], t->marked[t->idx[i]] = 2;
    for (size_t r = 0; r < t->nrows; r++) {
        if (t->marked[r] == 1) t->cmp[t->ncmp++] = (uint32_t)r;
        if (t->marked[r]) t->marked[r] = 1;
    }
    if (t->ncmp < 2) {
        app_message(a, MSG_WARN, "mark at least two rows with m to compare them (%zu marked)", t->ncmp);
        return;
    }
    t->panel = PANEL_COMPARE;
    t->pscroll = t->pcol = 0;
}

/* Best and worst of column c over the compared rows; 0 when there is
 * nothing to tell apart (fewer than two values, or all equal). */
static int extremes(const tv_state *t, int c, double *best, double *worst)
{
    const ld_column *col = catalog_col(t->cat, (size_t)c);
    int n = 0;
    for (size_t i = 0; i < t->ncmp; i++) {
        double v = catalog_num(t->cat, t->cmp[i], (size_t)c);
        if (isnan(v)) continue;
        if (!n || (col->higher_is_better ? v > *best : v < *best)) *best = v;
        if (!n || (col->higher_is_better ? v < *worst : v > *worst)) *worst = v;
        n++;
    }
    return n >= 2 && *best != *worst;
}

/* a cell's widest text: "2 × MI300X (192 GB)" (Fits on) whole */
#define CELL_W 24
/* each column ends in the best mark's place: its name, figures and text
 * all end at the same edge, the mark after it */
#define MARK_W 2

/* The width of the compared row k: its name whole (at least 10, at most
 * what the box holds), so a long leaderboard name is not cut while there
 * is room.  Room left over widens text cells (up to CELL_W). */
static int model_width(const app *a, const tv_state *t, size_t k, int room)
{
    char buf[512];
    int w = ui_width(a, output_cell(t->cat, t->cmp[k], (size_t)t->key_col, buf, sizeof buf));
    if (w < 10) w = 10;
    w += MARK_W;
    return w > room ? room : w;
}

static int cells_width(const app *a, const tv_state *t, size_t k)
{
    char buf[512];
    int w = 0;
    for (size_t i = 1; i < t->ncols && w < CELL_W; i++) {
        int cw = ui_width(a, output_display_cell(t->cat, t->cmp[k], (size_t)t->order[i], buf, sizeof buf));
        if (cw > w) w = cw > CELL_W ? CELL_W : cw;
    }
    return w + MARK_W;
}

/* How many rows from the k-th fit in room columns (at least one). */
static int fitting(const app *a, const tv_state *t, size_t k, int room)
{
    int n = 0, used = 0;
    for (size_t i = k; i < t->ncmp; i++) {
        int w = model_width(a, t, i, room) + (n ? 2 : 0);
        if (n && used + w > room) break;
        used += w;
        n++;
    }
    return n;
}

void tv_compare_draw(app *a, tv_state *t, WINDOW *w)
{
    int H = getmaxy(w), W = getmaxx(w);
    char title[96], buf[512];
    snprintf(title, sizeof title, "Compare %zu models (%s best)", t->ncmp, a->g.best);
    ui_box(a, w, 0, 0, H, W, title);
    int x0 = 3 + LABEL_W + 1, room = W - 3 - x0;
    if (room < 4) room = 4;
    /* the last start from which every remaining row is in view */
    t->pcolmax = 0;
    for (int k = (int)t->ncmp - 1; k >= 0; k--)
        if (k + fitting(a, t, (size_t)k, room) < (int)t->ncmp) {
            t->pcolmax = k + 1;
            break;
        }
    if (t->pcol > t->pcolmax) t->pcol = t->pcolmax;
    int fit = fitting(a, t, (size_t)t->pcol, room);
    int cx[256], cw[256]; /* x and width of each compared row on screen */
    if (fit > 256) fit = 256;
    int spare = room + 2;
    for (int k = 0; k < fit; k++) spare -= (cw[k] = model_width(a, t, (size_t)(t->pcol + k), room)) + 2;
    for (int k = 0, x = x0; k < fit; k++) {
        int more = cells_width(a, t, (size_t)(t->pcol + k)) - cw[k];
        if (more > spare) more = spare;
        if (more > 0) cw[k] += more, spare -= more;
        cx[k] = x;
        x += cw[k] + 2;
    }
    int rows = H - 3; /* box and the names line */
    int nlines = (int)t->ncols - 1;
    t->pmax = nlines - rows > 0 ? nlines - rows : 0;
    if (t->pscroll > t->pmax) t->pscroll = t->pmax;
    attr_t hdr = app_attr(a, ROLE_HEADER), text = app_attr(a, ROLE_TEXT), acc = app_attr(a, ROLE_ACCENT);
    ui_fill(w, 1, 2, W - 4, hdr);
    ui_text(a, w, 1, 3, LABEL_W, t->pcol > 0 ? "< more" : "", hdr);
    for (int k = 0; k < fit; k++) {
        size_t r = t->cmp[t->pcol + k];
        ui_put(a, w, 1, cx[k], cw[k] - MARK_W, output_cell(t->cat, r, (size_t)t->key_col, buf, sizeof buf), hdr,
               UI_RIGHT, 0);
    }
    if (t->pcol + fit < (int)t->ncmp) ui_text(a, w, 1, W - 4, 1, ">", hdr);
    int y = 2;
    for (size_t i = 1 + (size_t)t->pscroll; i < t->ncols && y < H - 1; i++, y++) {
        int c = t->order[i];
        const ld_column *col = catalog_col(t->cat, (size_t)c);
        double best = 0, worst = 0;
        int judged = tv_is_scored(t, c) && extremes(t, c, &best, &worst);
        ui_text(a, w, y, 3, LABEL_W, col->label, acc);
        for (int k = 0; k < fit; k++) {
            size_t r = t->cmp[t->pcol + k];
            int x = cx[k];
            const char *s = output_display_cell(t->cat, r, (size_t)c, buf, sizeof buf); /* as the table shows it */
            attr_t at = text;
            double v = catalog_num(t->cat, r, (size_t)c);
            int is_best = judged && v == best;
            if (!*s) s = "n/a", at = app_attr(a, ROLE_MISSING);
            else if (is_best) at = app_attr(a, ROLE_BEST);
            else if (judged && v == worst) at = app_attr(a, ROLE_WORST);
            /* text right-aligned as the figures: a row reads across under
             * the names (left-aligned, "no" sat under nothing) */
            ui_put(a, w, y, x, cw[k] - MARK_W, s, at, UI_RIGHT, 0);
            if (is_best) ui_text(a, w, y, x + cw[k] - 1, 1, a->g.best, at);
        }
    }
}

int tv_compare_act(app *a, tv_state *t, ld_action act)
{
    (void)a;
    switch (act) {
    case ACT_CLOSE: t->panel = PANEL_NONE; break;
    case ACT_UP: t->pscroll--; break;
    case ACT_DOWN: t->pscroll++; break;
    case ACT_PAGE_UP: t->pscroll -= t->page; break;
    case ACT_PAGE_DOWN: t->pscroll += t->page; break;
    case ACT_TOP: t->pscroll = 0; break;
    case ACT_BOTTOM: t->pscroll = t->pmax; break;
    case ACT_LEFT: t->pcol--; break;
    case ACT_RIGHT: t->pcol++; break;
    case ACT_LINE_START: t->pcol = 0; break;
    case ACT_LINE_END: t->pcol = t->pcolmax; break;
    default: return 0;
    }
    if (t->pscroll > t->pmax) t->pscroll = t->pmax;
    if (t->pscroll < 0) t->pscroll = 0;
    if (t->pcol > t->pcolmax) t->pcol = t->pcolmax;
    if (t->pcol < 0) t->pcol = 0;
    return 1;
}
