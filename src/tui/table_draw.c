/* table_draw.c - the grid: a header, the visible rows, the key column
 * frozen at the left while the others scroll sideways.
 *
 *   >* Model             │  Value▼  Quality  Params B ...
 *   gutter: '>' cursor row, '*' marked row (visible without colour too) */
#include <string.h>

#include "llmdeck/output.h"
#include "table.h"
#include "widgets.h"

#define GUTTER 2
#define GAP 2

static int is_num(const tv_state *t, int c) { return catalog_col(t->cat, (size_t)c)->type == LD_COL_NUMBER; }

static int is_sort_key(const tv_state *t, int c)
{
    for (size_t k = 0; k < t->nkeys; k++)
        if (t->keys[k].col == c) return 1;
    return 0;
}

static int key_width(const tv_state *t, int W)
{
    int kw = t->width[t->key_col], max = W / 3 > 12 ? W / 3 : 12;
    return kw > max ? max : kw;
}

/* Columns from vis[from] to vis[to] inclusive, with gaps. */
static int span(const tv_state *t, size_t from, size_t to)
{
    int s = 0;
    for (size_t p = from; p <= to; p++) s += t->width[t->vis[p]] + (p > from ? GAP : 0);
    return s;
}

/* Scrolls sideways so the cursor column is entirely in view. */
static void follow_cursor(tv_state *t, int avail)
{
    if (t->nvis < 2) return;
    if (t->left < 1) t->left = 1;
    if (t->ccol == 0) return;
    if (t->ccol < t->left) t->left = t->ccol;
    while (t->left < t->ccol && span(t, t->left, t->ccol) > avail) t->left++;
}

static void draw_cell(app *a, tv_state *t, WINDOW *w, int y, int x, int cw, size_t row, int c,
                      attr_t base, int cursor)
{
    char buf[512];
    const char *s = tv_cell_text(t, row, c, buf, sizeof buf);
    attr_t at = cursor ? app_attr(a, ROLE_CURSOR) : base;
    if (!*s) { /* missing: shown as such, never as 0 */
        s = "n/a";
        if (!cursor && base == app_attr(a, ROLE_TEXT)) at = app_attr(a, ROLE_MISSING);
    }
    ui_put(a, w, y, x, cw, s, at, is_num(t, c) ? UI_RIGHT : UI_LEFT, cursor);
}

static void draw_header(app *a, tv_state *t, WINDOW *w, int kw, int x0, int W)
{
    attr_t hdr = app_attr(a, ROLE_HEADER), hs = app_attr(a, ROLE_HEADER_SORT);
    char label[160];
    ui_fill(w, 0, 0, W, hdr);
    for (size_t p = 0; p < t->nvis; p++) t->colx0[p] = t->colx1[p] = -1;
    tv_header_label(a, t, t->key_col, label, sizeof label);
    ui_text(a, w, 0, GUTTER, kw, label, is_sort_key(t, t->key_col) ? hs : hdr);
    t->colx0[0] = GUTTER;
    t->colx1[0] = GUTTER + kw;
    ui_text(a, w, 0, GUTTER + kw + 1, 1, a->g.vline, hdr);
    int x = x0, more = 0;
    for (size_t p = t->left; p < t->nvis; p++) {
        int c = t->vis[p], cw = t->width[c];
        if (x >= W || cw > W - x) { /* cut or not drawn: there is more */
            more = 1;
            if (x >= W) break;
            cw = W - x;
        }
        tv_header_label(a, t, c, label, sizeof label);
        ui_put(a, w, 0, x, cw, label, is_sort_key(t, c) ? hs : hdr, is_num(t, c) ? UI_RIGHT : UI_LEFT, 0);
        t->colx0[p] = x;
        t->colx1[p] = x + cw;
        x += t->width[c] + GAP;
    }
    /* more columns on either side */
    if (t->left > 1) ui_text(a, w, 0, x0 - 1, 1, "<", hs);
    if (more) ui_text(a, w, 0, W - 1, 1, ">", hs);
}

void tv_draw_grid(app *a, tv_state *t, WINDOW *w)
{
    int H = getmaxy(w), W = getmaxx(w);
    t->page = H - 1 > 1 ? H - 1 : 1;
    tv_clamp(t);
    int kw = key_width(t, W), x0 = GUTTER + kw + 3;
    follow_cursor(t, W - x0);
    draw_header(a, t, w, kw, x0, W);
    attr_t text = app_attr(a, ROLE_TEXT), border = app_attr(a, ROLE_BORDER);
    for (int i = 0; i < t->page; i++) {
        size_t pos = t->top + (size_t)i;
        if (pos >= t->n) break;
        size_t r = t->idx[pos];
        int y = 1 + i, cur = pos == t->cur;
        attr_t base = cur ? app_attr(a, ROLE_SELECTED) : t->marked[r] ? app_attr(a, ROLE_MARKED) : text;
        if (base != text) ui_fill(w, y, 0, W, base);
        char gut[3] = {cur ? '>' : ' ', t->marked[r] ? '*' : ' ', 0};
        ui_text(a, w, y, 0, GUTTER, gut, base);
        draw_cell(a, t, w, y, GUTTER, kw, r, t->key_col, base, cur && t->ccol == 0);
        ui_text(a, w, y, GUTTER + kw + 1, 1, a->g.vline, cur ? base : border);
        int x = x0;
        for (size_t p = t->left; p < t->nvis && x < W; p++) {
            int c = t->vis[p], cw = t->width[c];
            draw_cell(a, t, w, y, x, cw > W - x ? W - x : cw, r, c, base, cur && t->ccol == p);
            x += cw + GAP;
        }
    }
    if (t->n == 0) {
        const char *msg = t->filter ? "No row matches the filter (Esc clears it, / edits it)" : "No rows";
        ui_put(a, w, H / 2, 0, W, msg, app_attr(a, ROLE_MUTED), UI_CENTER, 0);
    }
}
