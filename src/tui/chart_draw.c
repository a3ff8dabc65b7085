/* chart_draw.c - drawing the table's chart panel (see chart_impl.h): the
 * plot in braille (UTF-8) or one character a cell, ticks, frontier labels
 * that fit, the legend, the selection line; and which point a click meant. */
#include "chart_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "llmdeck/utf8.h"
#include "widgets.h"


static double nice_step(double range, int n)
{
    double raw = range / (n > 0 ? n : 1), p = pow(10.0, floor(log10(raw))), f = raw / p;
    return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
}

static void put_glyph(const app *a, WINDOW *w, int y, int x, const char *utf8, const char *ascii, attr_t at)
{
    ui_text(a, w, y, x, 1, a->utf8 ? utf8 : ascii, at);
}

static int dot_x(const plot_box *b, double f) { return (int)lround(f * (b->pw * b->dw - 1)); }
static int dot_y(const plot_box *b, double f) { return (int)lround((1 - f) * (b->ph * b->dh - 1)); }

static void set_dot(const plot_box *b, unsigned char *line, int i, int r, unsigned char ascii)
{
    static const unsigned char braille[4][2] = {{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};
    int cx = i / b->dw, cy = r / b->dh;
    if (cx < 0 || cx >= b->pw || cy < 0 || cy >= b->ph) return;
    if (b->dw == 2) line[cy * b->pw + cx] |= braille[r % 4][i % 2];
    else line[cy * b->pw + cx] = ascii;
}

/* A segment between two dots (Bresenham); in ASCII its glyph follows the slope. */
static void segment(const plot_box *b, unsigned char *line, int x0, int y0, int x1, int y1)
{
    int dx = abs(x1 - x0), dy = -abs(y1 - y0), sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1, e = dx + dy;
    unsigned char g = -dy > 2 * dx ? '|' : dx > 2 * -dy ? '-' : (sx == sy ? '\\' : '/');
    for (;;) {
        set_dot(b, line, x0, y0, g);
        if (x0 == x1 && y0 == y1) break;
        int e2 = 2 * e;
        if (e2 >= dy) e += dy, x0 += sx;
        if (e2 <= dx) e += dx, y0 += sy;
    }
}

static void fmt_tick(double v, char *buf, size_t n)
{
    if (fabs(v) < 1e-12) v = 0;
    snprintf(buf, n, "%.3g", v);
}

/* A colour group's theme role: series1..6, the last group "other". */
static attr_t series_attr(const app *a, const ld_chart *ch, size_t g)
{
    if (ch->has_other && g == ch->ngroups - 1) return app_attr(a, ROLE_SERIES_OTHER);
    return app_attr(a, (ld_role)(ROLE_SERIES1 + (int)(g % CHART_MAX_GROUPS)));
}

/* Whether cells [x0, x1] of row y are free of points and labels (labels
 * also keep one blank cell from each other), and of the line if strict. */
static int free_span(const struct tv_chart *c, const plot_box *b, int y, int x0, int x1, int strict)
{
    if (x0 < 0 || x1 >= b->pw) return 0;
    for (int x = x0 - 1; x <= x1 + 1; x++) {
        if (x < 0 || x >= b->pw) continue;
        unsigned char o = c->occ[y * b->pw + x];
        int inside = x >= x0 && x <= x1;
        if (o == 2 || (o == 1 && inside) || (strict && inside && c->line[y * b->pw + x])) return 0;
    }
    return 1;
}

void tv_chart_draw(app *a, tv_state *t, WINDOW *w)
{
    struct tv_chart *c = t->chart;
    int H, W;
    getmaxyx(w, H, W);
    werase(w);
    if (!c) return;
    const ld_chart *ch = &c->ch;
    const ld_column *xc = catalog_col(t->cat, (size_t)ch->xcol), *yc = catalog_col(t->cat, (size_t)ch->ycol);
    attr_t muted = app_attr(a, ROLE_MUTED), text = app_attr(a, ROLE_TEXT), front = app_attr(a, ROLE_BEST);
    attr_t accent = app_attr(a, ROLE_ACCENT), cursor = app_attr(a, ROLE_CURSOR);
    char buf[512], name[256], xv[64], yv[64];

    /* title, legend; the footer at the bottom, the selection above it */
    ui_printf(a, w, 0, 1, W - 2, app_attr(a, ROLE_TITLE), "%s against %s%s: %zu of %zu rows", catalog_col_name(yc),
              catalog_col_name(xc), ch->x_log ? ", log scale" : "", ch->n, t->n);
    int used = 1;
    used += ui_text(a, w, 1, used, W - used, a->utf8 ? "\u25CF frontier" : "o frontier", front) + 2;
    used += ui_text(a, w, 1, used, W - used, a->utf8 ? "\u00B7 other model" : ". other model", muted) + 2;
    used += ui_text(a, w, 1, used, W - used, a->utf8 ? "\u28C9 frontier line" : "-/ frontier line", accent) + 2;
    used += ui_text(a, w, 1, used, W - used, a->utf8 ? "\u25C9 selected" : "@ selected", cursor) + 2;
    if (t->nmarked) /* the table's marks (m), by shape too */
        used += ui_text(a, w, 1, used, W - used, a->utf8 ? "\u25C6\u25C7 marked" : "*+ marked",
                        app_attr(a, ROLE_MARKED)) + 2;
    snprintf(buf, sizeof buf, "x %s, y %s", xc->higher_is_better ? "higher is better" : "lower is better",
             yc->higher_is_better ? "higher is better" : "lower is better");
    if (ui_width(a, buf) <= W - used - 1) ui_text(a, w, 1, used, W - used, buf, muted);
    /* the footer says which columns are drawn */
    snprintf(buf, sizeof buf, "x %s (%s%s), y %s (%s): %zu models, %zu on the frontier, %zu without both not shown",
             catalog_col_name(xc), xc->id, ch->x_log ? ", log" : "", catalog_col_name(yc), yc->id, ch->n, c->nfront, ch->skipped);
    if (ui_width(a, buf) > W - 2) /* narrower: the same, shorter */
        snprintf(buf, sizeof buf, "x %s%s, y %s: %zu models, %zu on the frontier, %zu not shown", catalog_col_name(xc),
                 ch->x_log ? " (log)" : "", catalog_col_name(yc), ch->n, c->nfront, ch->skipped);
    if (ui_width(a, buf) > W - 2)
        snprintf(buf, sizeof buf, "x %s, y %s: %zu models, %zu frontier, %zu not shown", xc->id, yc->id, ch->n,
                 c->nfront, ch->skipped);
    ui_text(a, w, H - 1, 1, W - 2, buf, muted);
    c->drawn.pw = 0;

    /* the colour groups' legend: a swatch in the group's colour, its name
     * and count; without colour the swatches are alike, so the legend (and
     * the selection line) is what tells the groups apart */
    int top = 2;
    if (ch->group) {
        const ld_column *cc = catalog_col(t->cat, (size_t)ch->color_col);
        int at = 1;
        snprintf(buf, sizeof buf, "%s%s:", catalog_col_name(cc), a->mono ? " (no colour: see the selection)" : "");
        at += ui_text(a, w, 2, at, W - at - 1, buf, muted) + 1;
        for (size_t g = 0; g < ch->ngroups; g++) {
            char cnt[32];
            snprintf(cnt, sizeof cnt, " (%zu)", ch->group_count[g]);
            int nw = ui_width(a, ch->group_name[g]);
            if (nw > 18) nw = 18; /* cut by ui_text, by characters */
            int iw = 2 + nw + (int)strlen(cnt), more = g + 1 < ch->ngroups ? 8 : 0;
            if (at + iw + more > W - 1) { /* no room for the rest: say how many */
                snprintf(cnt, sizeof cnt, "+%zu more", ch->ngroups - g);
                ui_text(a, w, 2, at, W - at - 1, cnt, muted);
                break;
            }
            put_glyph(a, w, 2, at, "\u25A0", "#", series_attr(a, ch, g));
            ui_text(a, w, 2, at + 2, nw, ch->group_name[g], text);
            ui_text(a, w, 2, at + 2 + nw, (int)strlen(cnt), cnt, muted);
            at += iw + 1;
        }
        top = 3;
    }

    plot_box b = {1 + YLAB_W + 1, top, 0, H - 4 - top, a->utf8 ? 2 : 1, a->utf8 ? 4 : 1};
    b.pw = W - b.px - 2;
    if (b.ph < 4 || b.pw < 20) {
        ui_printf(a, w, 3, 1, W - 2, app_attr(a, ROLE_WARNING),
                  "The chart needs a larger window (a plot of at least 20x4; now %dx%d).", b.pw, b.ph);
        return;
    }
    if (!ch->n) {
        ui_printf(a, w, 3, 1, W - 2, app_attr(a, ROLE_WARNING),
                  "No model among the rows shown has both %s and %s (x/y: other columns).", catalog_col_name(xc),
                  catalog_col_name(yc));
        return;
    }
    c->drawn = b;
    size_t cells = (size_t)b.pw * (size_t)b.ph;
    if (cells > c->cap) {
        unsigned char *l = realloc(c->line, cells), *o = l ? realloc(c->occ, cells) : NULL;
        if (l) c->line = l;
        if (o) c->occ = o;
        if (!l || !o) return;
        c->cap = cells;
    }
    memset(c->line, 0, cells);
    memset(c->occ, 0, cells);

    /* the frontier line, point to point in x order */
    int lx = -1, ly = -1;
    for (size_t i = 0; i < ch->n; i++) {
        if (!ch->pts[i].frontier) continue;
        int x = dot_x(&b, c->fx[i]), y = dot_y(&b, c->fy[i]);
        if (lx >= 0) segment(&b, c->line, lx, ly, x, y);
        lx = x, ly = y;
    }
    for (int r = 0; r < b.ph; r++) {
        put_glyph(a, w, b.py + r, b.px - 1, "\u2502", "|", muted);
        for (int col = 0; col < b.pw; col++) {
            unsigned char v = c->line[r * b.pw + col];
            if (!v) continue;
            char g[8];
            if (a->utf8) {
                g[utf8_encode(0x2800u + v, g)] = '\0'; /* a braille cell */
            } else {
                g[0] = (char)v, g[1] = '\0';
            }
            ui_text(a, w, b.py + r, b.px + col, 1, g, accent);
        }
    }
    /* the points: others first, frontier over them, the table's marked
     * rows over both (◆ on the frontier, ◇ off it), the selection last */
    for (int pass = 0; pass < 4; pass++)
        for (size_t i = 0; i < ch->n; i++) {
            int fr = ch->pts[i].frontier, mk = t->marked && t->marked[ch->pts[i].row];
            if ((pass == 0 && fr) || (pass == 1 && !fr) || (pass == 2 && !mk) || (pass == 3 && i != c->sel))
                continue;
            int col = dot_x(&b, c->fx[i]) / b.dw, r = dot_y(&b, c->fy[i]) / b.dh;
            /* a cell already holding another model: the first one drawn
             * stays (a million rows share a few thousand cells) */
            if (pass == 0 && c->occ[r * b.pw + col]) continue;
            c->occ[r * b.pw + col] = 1;
            if (pass == 3) put_glyph(a, w, b.py + r, b.px + col, "\u25C9", "@", cursor);
            else if (pass == 2)
                put_glyph(a, w, b.py + r, b.px + col, fr ? "\u25C6" : "\u25C7", fr ? "*" : "+",
                          app_attr(a, ROLE_MARKED));
            else if (fr) put_glyph(a, w, b.py + r, b.px + col, "\u25CF", "o",
                                   ch->group ? series_attr(a, ch, ch->group[i]) | A_BOLD : front);
            else put_glyph(a, w, b.py + r, b.px + col, "\u00B7", ".",
                           ch->group ? series_attr(a, ch, ch->group[i]) : muted);
        }
    /* labels of the frontier and the marked models: right of the point,
     * else left, off the line if either side allows, else over it; else
     * left out */
    for (size_t k = 0; k < ch->n; k++) {
        size_t i = k == 0 ? c->sel : k <= c->sel ? k - 1 : k; /* the selection's label first */
        if (!ch->pts[i].frontier && !(t->marked && t->marked[ch->pts[i].row])) continue;
        int col = dot_x(&b, c->fx[i]) / b.dw, r = dot_y(&b, c->fy[i]) / b.dh;
        tv_cell_text(t, ch->pts[i].row, t->key_col, name, sizeof name);
        int lw = ui_width(a, name);
        if (lw > LABEL_MAX) lw = LABEL_MAX;
        int right = col + 2, left = col - 1 - lw, x0 = -1;
        for (int k2 = 0; k2 < 4 && x0 < 0; k2++) {
            int at = k2 % 2 ? left : right;
            if (free_span(c, &b, r, at, at + lw - 1, k2 < 2)) x0 = at;
        }
        if (x0 < 0) continue;
        ui_text(a, w, b.py + r, b.px + x0, lw, name, i == c->sel ? cursor : text);
        for (int x = x0; x < x0 + lw; x++) c->occ[r * b.pw + x] = 2;
    }
    /* the y axis: nice ticks */
    double step = nice_step(c->yhi - c->ylo, b.ph >= 12 ? 5 : 3);
    int last = -1;
    for (double v = ceil(c->ylo / step) * step; v <= c->yhi + step * 1e-9; v += step) {
        int r = dot_y(&b, (v - c->ylo) / (c->yhi - c->ylo)) / b.dh;
        if (r < 0 || r >= b.ph || r == last) continue;
        fmt_tick(v, buf, sizeof buf);
        ui_put(a, w, b.py + r, 1, YLAB_W - 1, buf, muted, UI_RIGHT, 0);
        put_glyph(a, w, b.py + r, b.px - 1, "\u2524", "+", muted);
        last = r;
    }
    /* the x axis: decades (and 2, 5 between when few) on a log scale */
    int ay = b.py + b.ph;
    put_glyph(a, w, ay, b.px - 1, "\u2514", "+", muted);
    for (int col = 0; col < b.pw; col++) put_glyph(a, w, ay, b.px + col, "\u2500", "-", muted);
    double ticks[64];
    int nt = 0;
    if (ch->x_log) {
        int few = c->xhi - c->xlo < 2.5;
        for (int d = (int)floor(c->xlo); d <= (int)ceil(c->xhi) && nt < 60; d++) {
            static const double m[] = {1, 2, 5};
            for (int k = 0; k < (few ? 3 : 1); k++) {
                double v = log10(m[k]) + d;
                if (v >= c->xlo && v <= c->xhi) ticks[nt++] = v;
            }
        }
    } else {
        double s = nice_step(c->xhi - c->xlo, 5);
        for (double v = ceil(c->xlo / s) * s; v <= c->xhi + s * 1e-9 && nt < 60; v += s) ticks[nt++] = v;
    }
    int right_end = -1;
    for (int k = 0; k < nt; k++) {
        int col = dot_x(&b, (ticks[k] - c->xlo) / (c->xhi - c->xlo)) / b.dw;
        if (col < 0 || col >= b.pw) continue;
        put_glyph(a, w, ay, b.px + col, "\u2534", "+", muted);
        fmt_tick(ch->x_log ? pow(10.0, ticks[k]) : ticks[k], buf, sizeof buf);
        int tw = (int)strlen(buf), tx = b.px + col - tw / 2;
        if (tx + tw > W - 1) tx = W - 1 - tw;
        if (tx <= right_end) continue;
        ui_text(a, w, ay + 1, tx, tw, buf, muted);
        right_end = tx + tw;
    }
    snprintf(buf, sizeof buf, "%s%s", catalog_col_name(xc), ch->x_log ? " (log)" : "");
    int tw = ui_width(a, buf);
    if (W - 1 - tw > right_end + 1) ui_text(a, w, ay + 1, W - 1 - tw, tw, buf, muted);

    /* the selection */
    const ld_chart_point *p = &ch->pts[c->sel];
    tv_cell_text(t, p->row, t->key_col, name, sizeof name);
    tv_cell_text(t, p->row, ch->xcol, xv, sizeof xv);
    tv_cell_text(t, p->row, ch->ycol, yv, sizeof yv);
    /* a quality (or a value made of one) resting on one metric of nine is
     * not the same claim as one on all nine: say which next to the point */
    char cov[96] = "", of[64];
    if (chart_point_coverage(t->cat, ch, p->row, a->missing, of, sizeof of)[0])
        snprintf(cov, sizeof cov, "  quality from %s", of);
    ui_printf(a, w, H - 2, 1, W - 2, accent, "%s %s  %s %s  %s %s%s%s%s%s", a->utf8 ? "\u25C9" : "@", name,
              catalog_col_name(xc), xv, catalog_col_name(yc), yv, p->frontier ? "  (frontier)" : "", cov,
              ch->group ? "  " : "", ch->group ? ch->group_name[ch->group[c->sel]] : "");
}

void tv_chart_click(app *a, tv_state *t, int y, int x)
{
    (void)a;
    struct tv_chart *c = t->chart;
    if (!c || !c->ch.n || !c->drawn.pw) return;
    const plot_box *b = &c->drawn;
    int cx = x - b->px, cy = y - b->py;
    if (cx < -1 || cx > b->pw || cy < -1 || cy > b->ph) return; /* off the plot (one cell of slack) */
    /* nearest by cells, a row counting double (a cell is about twice as
     * high as wide); ties to the frontier point, drawn on top */
    size_t best = c->sel;
    long bd = -1;
    for (size_t i = 0; i < c->ch.n; i++) {
        long dx = dot_x(b, c->fx[i]) / b->dw - cx, dy = dot_y(b, c->fy[i]) / b->dh - cy;
        long d = dx * dx + 4 * dy * dy;
        if (bd < 0 || d < bd || (d == bd && c->ch.pts[i].frontier && !c->ch.pts[best].frontier)) bd = d, best = i;
    }
    c->sel = best;
}
