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

static int model_width(const app *a, const tv_state *t)
{
    int w = 10;
    char name[256];
    for (size_t i = 0; i < t->ncmp; i++) {
        int nw = ui_width(a, output_cell(t->cat, t->cmp[i], (size_t)t->key_col, name, sizeof name));
        if (nw > w) w = nw;
    }
    return w > 22 ? 22 : w;
}

void tv_compare_draw(app *a, tv_state *t, WINDOW *w)
{
    int H = getmaxy(w), W = getmaxx(w);
    char title[96], buf[512];
    snprintf(title, sizeof title, "Compare %zu models (%s best)", t->ncmp, a->g.best);
    ui_box(a, w, 0, 0, H, W, title);
    int cw = model_width(a, t), x0 = 3 + LABEL_W + 1;
    int fit = (W - 3 - x0) / (cw + 2);
    if (fit < 1) fit = 1;
    t->pcolmax = (int)t->ncmp - fit > 0 ? (int)t->ncmp - fit : 0;
    if (t->pcol > t->pcolmax) t->pcol = t->pcolmax;
    int rows = H - 3; /* box and the names line */
    int nlines = (int)t->ncols - 1;
    t->pmax = nlines - rows > 0 ? nlines - rows : 0;
    if (t->pscroll > t->pmax) t->pscroll = t->pmax;
    attr_t hdr = app_attr(a, ROLE_HEADER), text = app_attr(a, ROLE_TEXT), acc = app_attr(a, ROLE_ACCENT);
    ui_fill(w, 1, 2, W - 4, hdr);
    ui_text(a, w, 1, 3, LABEL_W, t->pcol > 0 ? "< more" : "", hdr);
    for (int k = 0; k < fit && t->pcol + k < (int)t->ncmp; k++) {
        size_t r = t->cmp[t->pcol + k];
        ui_put(a, w, 1, x0 + k * (cw + 2), cw, output_cell(t->cat, r, (size_t)t->key_col, buf, sizeof buf),
               hdr, UI_RIGHT, 0);
    }
    if (t->pcol + fit < (int)t->ncmp) ui_text(a, w, 1, W - 4, 1, ">", hdr);
    int y = 2;
    for (size_t i = 1 + (size_t)t->pscroll; i < t->ncols && y < H - 1; i++, y++) {
        int c = t->order[i];
        const ld_column *col = catalog_col(t->cat, (size_t)c);
        double best = 0, worst = 0;
        int judged = tv_is_scored(t, c) && extremes(t, c, &best, &worst);
        ui_text(a, w, y, 3, LABEL_W, col->label, acc);
        for (int k = 0; k < fit && t->pcol + k < (int)t->ncmp; k++) {
            size_t r = t->cmp[t->pcol + k];
            int x = x0 + k * (cw + 2);
            const char *s = output_cell(t->cat, r, (size_t)c, buf, sizeof buf);
            attr_t at = text;
            double v = catalog_num(t->cat, r, (size_t)c);
            int is_best = judged && v == best;
            if (!*s) s = "n/a", at = app_attr(a, ROLE_MISSING);
            else if (is_best) at = app_attr(a, ROLE_BEST);
            else if (judged && v == worst) at = app_attr(a, ROLE_WORST);
            int numeric = col->type == LD_COL_NUMBER;
            ui_put(a, w, y, x, numeric ? cw - 2 : cw, s, at, numeric ? UI_RIGHT : UI_LEFT, 0);
            if (is_best) ui_text(a, w, y, x + cw - 1, 1, a->g.best, at);
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
