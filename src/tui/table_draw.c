/* table_draw.c - the grid: a header, the visible rows, the key column
 * frozen at the left while the others scroll sideways.
 *
 *   >* Model             │  Value▼  Quality  Params B ...
 *   gutter: '>' cursor row, '*' marked row (visible without colour too)
 *
 * A column is drawn whole or not at all: one that does not fit goes to the
 * scroll area (the '>' at the right edge), so no header is cut to a stub.
 * Only a column wider than the whole screen is drawn cut, when the cursor
 * is on it.  While the weights editor is open, Value and Quality are drawn
 * beside the key column, whatever the sideways scroll, so the numbers that
 * explain the ranking stay in sight (table_weights.c narrows the editor). */
#include <string.h>

#include "llmdeck/output.h"
#include "table.h"
#include "widgets.h"

#define GUTTER TV_GUTTER
#define GAP TV_GAP
#define MAX_SLOTS 512

static int is_num(const tv_state *t, int c) { return catalog_col(t->cat, (size_t)c)->type == LD_COL_NUMBER; }

static int is_sort_key(const tv_state *t, int c)
{
    for (size_t k = 0; k < t->nkeys; k++)
        if (t->keys[k].col == c) return 1;
    return 0;
}

int tv_key_max(int W)
{
    /* room for the separator and a number or two beside the names */
    int max = W - GUTTER - TV_KEY_PAD - 16;
    return max > 12 ? max : 12;
}

int tv_key_width(const tv_state *t, int W)
{
    int kw = t->width[t->key_col];
    int max = t->wset[t->key_col] ? tv_key_max(W) : W / 3 > 12 ? W / 3 : 12;
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

/* One column on screen: its vis position ((size_t)-1 for a pinned column
 * that is hidden), catalogue index, x and width. */
typedef struct {
    size_t p;
    int c, x, w;
} slot;

static int pinned(const int *pin, int c)
{
    for (int k = 0; pin[k] >= 0; k++)
        if (pin[k] == c) return 1;
    return 0;
}

/* The columns drawn after the key column, from x0 in a window W wide;
 * *more says columns are left out on the right. */
static int layout(const tv_state *t, const int *pin, int x0, int W, slot *out, int *more)
{
    int n = 0, x = x0, scrolled = 0;
    *more = 0;
    for (int k = 0; pin[k] >= 0 && n < MAX_SLOTS; k++) {
        int c = pin[k], w = t->width[c];
        if (x + w > W - 1) {
            *more = 1;
            return n;
        }
        size_t p = (size_t)-1;
        for (size_t q = 0; q < t->nvis; q++)
            if (t->vis[q] == c) p = q;
        out[n++] = (slot){p, c, x, w};
        x += w + GAP;
    }
    for (size_t p = t->left; p < t->nvis; p++) {
        int c = t->vis[p], w = t->width[c];
        if (pinned(pin, c)) continue;
        /* the last column may reach the edge; others leave it to the '>' */
        int lim = p + 1 == t->nvis ? W : W - 1;
        if (x + w > lim || n == MAX_SLOTS) {
            if (!scrolled && pin[0] < 0 && x < W - 1 && n < MAX_SLOTS) /* wider than the screen: cut */
                out[n++] = (slot){p, c, x, W - 1 - x};
            *more = 1;
            break;
        }
        out[n++] = (slot){p, c, x, w};
        scrolled++;
        x += w + GAP;
    }
    return n;
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

static void draw_header(app *a, tv_state *t, WINDOW *w, int kw, int x0, int W, const slot *sl, int n,
                        int more)
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
    for (int i = 0; i < n; i++) {
        tv_header_label(a, t, sl[i].c, label, sizeof label);
        ui_put(a, w, 0, sl[i].x, sl[i].w, label, is_sort_key(t, sl[i].c) ? hs : hdr,
               is_num(t, sl[i].c) ? UI_RIGHT : UI_LEFT, 0);
        if (sl[i].p != (size_t)-1) {
            t->colx0[sl[i].p] = sl[i].x;
            t->colx1[sl[i].p] = sl[i].x + sl[i].w;
        }
    }
    /* more columns on either side (a pinned column is not off screen) */
    int less = 0;
    for (size_t p = 1; p < t->left && p < t->nvis && !less; p++) {
        less = 1;
        for (int i = 0; i < n; i++)
            if (sl[i].p == p) less = 0;
    }
    if (less) ui_text(a, w, 0, x0 - 1, 1, "<", hs);
    if (more) ui_text(a, w, 0, W - 1, 1, ">", hs);
}

void tv_draw_grid(app *a, tv_state *t, WINDOW *w)
{
    int H = getmaxy(w), W = getmaxx(w);
    t->page = H - 1 > 1 ? H - 1 : 1;
    t->drawn_w = W;
    tv_clamp(t);
    int pin[3] = {-1, -1, -1}, kw = tv_key_width(t, W);
    if (t->panel == PANEL_WEIGHTS) {
        tv_weights_width(t, W, &kw);
        tv_weights_pinned(t, pin);
    }
    int x0 = GUTTER + kw + TV_KEY_PAD;
    if (t->panel != PANEL_WEIGHTS) follow_cursor(t, W - 1 - x0);
    static slot sl[MAX_SLOTS];
    int more, n = layout(t, pin, x0, W, sl, &more);
    draw_header(a, t, w, kw, x0, W, sl, n, more);
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
        for (int k = 0; k < n; k++)
            draw_cell(a, t, w, y, sl[k].x, sl[k].w, r, sl[k].c, base, cur && t->ccol == sl[k].p);
    }
    if (t->n == 0) {
        const char *msg = t->filter ? "No row matches the filter (Esc clears it, / edits it)" : "No rows";
        ui_put(a, w, H / 2, 0, W, msg, app_attr(a, ROLE_MUTED), UI_CENTER, 0);
    }
}
