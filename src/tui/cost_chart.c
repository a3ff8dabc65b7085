/* cost_chart.c - monthly cost against monthly volume, both on log scales:
 * the API is a straight line (cost grows with volume), self-hosting flat
 * in seed mode and a staircase in capacity mode, so log-log shows every
 * decade of 1M..100B and every decade of cost alike.
 *
 * Drawn in braille (2 × 4 dots a cell) in a UTF-8 locale, one character a
 * cell otherwise (* API, o self-hosting, X both); the current volume is a
 * vertical rule, the break-even a dotted one.  The canvas is kept in the
 * view's state and grown only when the chart grows. */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cost_view.h"
#include "llmdeck/units.h"
#include "llmdeck/utf8.h"
#include "widgets.h"

#define YLAB_W 6
#define DECADE_LO 6  /* 1M */
#define DECADES 5    /* to 100B */

typedef struct {
    int pw, ph, dw, dh; /* cells, and dots per cell */
    double lo, hi;      /* log10 of the cost range */
    unsigned char *api, *sh;
} canvas;

static double volume_at_dot(const canvas *c, int i)
{
    int n = c->pw * c->dw;
    return pow(10.0, DECADE_LO + (double)DECADES * i / (n > 1 ? n - 1 : 1));
}

static int dot_of_volume(const canvas *c, double v)
{
    int n = c->pw * c->dw;
    return (int)lround((log10(v) - DECADE_LO) / DECADES * (n - 1));
}

static int row_of_cost(const canvas *c, double usd)
{
    int n = c->ph * c->dh;
    double f = (c->hi - log10(usd)) / (c->hi - c->lo);
    int r = (int)lround(f * (n - 1));
    return r < 0 ? 0 : r >= n ? n - 1 : r;
}

static void set_dot(const canvas *c, unsigned char *layer, int i, int r)
{
    static const unsigned char braille[4][2] = {{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};
    int cx = i / c->dw, cy = r / c->dh;
    if (cx < 0 || cx >= c->pw || cy < 0 || cy >= c->ph) return;
    layer[cy * c->pw + cx] |= c->dw == 2 ? braille[r % 4][i % 2] : 1;
}

/* One curve, joined: a jump between two columns is filled vertically in
 * the second, so steep lines and the capacity staircase stay unbroken. */
/* Self-hosting at v: on the cheapest GPU type there when the scenario
 * priced several (the break-even is over them), else the one set-up. */
static double selfhost_at(const cv_state *s, double v)
{
    return s->noptions > 1 ? cost_selfhost_over(&s->in, s->options, s->noptions, v) : cost_selfhost_monthly(&s->in, v);
}

static void plot(const canvas *c, unsigned char *layer, const cv_state *s, int selfhost, int dotted)
{
    const ld_cost_input *in = &s->in;
    int prev = -1, n = c->pw * c->dw;
    for (int i = 0; i < n; i++) {
        /* without colour the self-hosting curve is dotted, so the two
         * series differ by shape (every other dot column left empty) */
        if (dotted && c->dw == 2 && i % 2) continue;
        double v = volume_at_dot(c, i);
        double usd = selfhost ? selfhost_at(s, v) : cost_api_monthly(in, v);
        if (!(usd > 0)) {
            prev = -1;
            continue;
        }
        int r = row_of_cost(c, usd);
        int from = prev < 0 || prev == r ? r : prev < r ? prev + 1 : prev - 1;
        for (int k = from < r ? from : r, end = from < r ? r : from; k <= end; k++) set_dot(c, layer, i, k);
        prev = r;
    }
}

static void money_label(int decade, char *buf, size_t n)
{
    static const char *const unit[] = {"", "k", "M", "B", "T"};
    int u = decade / 3;
    if (decade < 0) snprintf(buf, n, "$%g", pow(10.0, decade));
    else if (u > 4) snprintf(buf, n, "$1e%d", decade);
    else snprintf(buf, n, "$%g%s", pow(10.0, decade % 3), unit[u]);
}

static void put_glyph(const app *a, WINDOW *w, int y, int x, const char *utf8, const char *ascii, attr_t at)
{
    ui_text(a, w, y, x, 1, a->utf8 ? utf8 : ascii, at);
}

static void legend(const app *a, const cv_state *s, WINDOW *w, int y, int x, int wd)
{
    char t[32], buf[96];
    int used = 0;
    used += ui_text(a, w, y, x + used, wd - used, a->utf8 ? "\u28C0\u28C0 API" : "* API", app_attr(a, ROLE_API));
    used += 2;
    used += ui_text(a, w, y, x + used, wd - used,
                    a->utf8 ? (a->mono ? "\u2840\u2840 self-host (dotted)" : "\u28C0\u28C0 self-host") : "o self-host",
                    app_attr(a, ROLE_SELFHOST));
    used += 2;
    if (!s->ok) return;
    if (s->c.break_even_never) {
        snprintf(buf, sizeof buf, "break-even: never");
    } else {
        units_format_count_bound(s->c.break_even_tokens, +1, 4, t, sizeof t); /* as the results say it */
        snprintf(buf, sizeof buf, "%s break-even %s", a->utf8 ? "\u250A" : ":", t);
    }
    if (ui_width(a, buf) > wd - used) return;
    used += ui_text(a, w, y, x + used, wd - used, buf, app_attr(a, ROLE_BREAKEVEN));
    used += 2;
    cv_format_tokens(s->tokens, t, sizeof t);
    snprintf(buf, sizeof buf, "%s now %s", a->g.vline, t);
    if (ui_width(a, buf) <= wd - used) ui_text(a, w, y, x + used, wd - used, buf, app_attr(a, ROLE_ACCENT));
}

static int grow(cv_state *s, size_t need)
{
    if (need <= s->dots_cap) return 0;
    unsigned char *more = realloc(s->dots, need);
    if (!more) return -1;
    s->dots = more;
    s->dots_cap = need;
    return 0;
}

void cv_draw_chart(app *a, cv_state *s, WINDOW *w, int y, int x, int h, int wd)
{
    ui_box(a, w, y, x, h, wd, "Monthly cost by volume (log-log)");
    int ix = x + 1, iw = wd - 2, iy = y + 1, ih = h - 2;
    canvas c = {iw - YLAB_W - 2, ih - 3, a->utf8 ? 2 : 1, a->utf8 ? 4 : 1, 0, 0, NULL, NULL};
    if (c.ph < 2 || c.pw < 12) {
        ui_text(a, w, iy, ix + 1, iw - 1, "(a larger terminal shows the chart here)", app_attr(a, ROLE_MUTED));
        return;
    }
    size_t cells = (size_t)c.pw * (size_t)c.ph;
    if (grow(s, 2 * cells) != 0) return;
    memset(s->dots, 0, 2 * cells);
    c.api = s->dots;
    c.sh = s->dots + cells;
    const ld_cost_input *in = &s->in;
    /* both curves are monotonic: the ends give the range */
    double ends[4] = {cost_api_monthly(in, 1e6), cost_api_monthly(in, 1e11), NAN, NAN};
    if (s->ok) ends[2] = selfhost_at(s, 1e6), ends[3] = selfhost_at(s, 1e11);
    double mn = INFINITY, mx = 0;
    for (int i = 0; i < 4; i++)
        if (ends[i] > 0) mn = fmin(mn, ends[i]), mx = fmax(mx, ends[i]);
    if (!(mx > 0)) return;
    c.lo = floor(log10(mn));
    c.hi = ceil(log10(mx));
    if (c.hi <= c.lo) c.hi = c.lo + 1;
    plot(&c, c.api, s, 0, 0);
    if (s->ok) plot(&c, c.sh, s, 1, a->mono);

    legend(a, s, w, iy, ix + 1, iw - 1);
    int px = ix + YLAB_W + 1, py = iy + 1;
    s->plot_x0 = px, s->plot_y0 = py, s->plot_w = c.pw, s->plot_h = c.ph, s->plot_dw = c.dw;
    int now = dot_of_volume(&c, s->tokens) / c.dw;
    int be = s->ok && !s->c.break_even_never && s->c.break_even_tokens >= 1e6 && s->c.break_even_tokens <= 1e11
                 ? dot_of_volume(&c, s->c.break_even_tokens) / c.dw : -1;
    attr_t aa = app_attr(a, ROLE_API), sa = app_attr(a, ROLE_SELFHOST), ba = app_attr(a, ROLE_BREAKEVEN);
    attr_t axis = app_attr(a, ROLE_MUTED), now_at = app_attr(a, ROLE_ACCENT);
    for (int r = 0; r < c.ph; r++) {
        put_glyph(a, w, py + r, px - 1, "\u2502", "|", axis);
        for (int col = 0; col < c.pw; col++) {
            unsigned char ap = c.api[r * c.pw + col], sp = c.sh[r * c.pw + col];
            int yy = py + r, xx = px + col;
            if (ap | sp) {
                char g[8];
                if (a->utf8) {
                    g[utf8_encode(0x2800u + (ap | sp), g)] = '\0'; /* a braille cell */
                } else {
                    g[0] = ap && sp ? 'X' : ap ? '*' : 'o', g[1] = '\0';
                }
                ui_text(a, w, yy, xx, 1, g, ap && sp ? ba : ap ? aa : sa);
            } else if (col == now) {
                put_glyph(a, w, yy, xx, "\u2502", "|", now_at);
            } else if (col == be) {
                put_glyph(a, w, yy, xx, "\u250A", ":", ba);
            }
        }
    }
    /* the cost axis: each row that holds a decade is labelled with the
     * one nearest its middle (a short chart's row spans more than a
     * decade: labelled by its top decade, a $1,161 line read as $10k) */
    for (int r = 0; r < c.ph; r++) {
        int best = INT_MIN;
        double mid = r * c.dh + (c.dh - 1) / 2.0, bestd = INFINITY;
        for (int d = (int)c.hi; d >= (int)c.lo; d--) {
            int dot = row_of_cost(&c, pow(10.0, d));
            if (dot / c.dh == r && fabs(dot - mid) < bestd) bestd = fabs(dot - mid), best = d;
        }
        if (best == INT_MIN) continue;
        char lab[16];
        money_label(best, lab, sizeof lab);
        ui_put(a, w, py + r, ix, YLAB_W, lab, axis, UI_RIGHT, 0);
    }
    /* the volume axis */
    int ay = py + c.ph;
    put_glyph(a, w, ay, px - 1, "\u2514", "+", axis);
    for (int col = 0; col < c.pw; col++) put_glyph(a, w, ay, px + col, "\u2500", "-", axis);
    int right_end = -1;
    for (int d = 0; d <= DECADES; d++) {
        static const char *const names[] = {"1M", "10M", "100M", "1B", "10B", "100B"};
        int col = dot_of_volume(&c, pow(10.0, DECADE_LO + d)) / c.dw;
        put_glyph(a, w, ay, px + col, "\u2534", "+", axis);
        int lw = (int)strlen(names[d]), lx = px + col - lw / 2;
        if (lx + lw > ix + iw) lx = ix + iw - lw;
        if (lx <= right_end) continue;
        ui_text(a, w, ay + 1, lx, lw, names[d], axis);
        right_end = lx + lw;
    }
    if (now >= 0 && now < c.pw) put_glyph(a, w, ay, px + now, "\u253C", "|", now_at);
}

double cv_chart_volume_at(const cv_state *s, int col)
{
    canvas c = {s->plot_w, s->plot_h, s->plot_dw ? s->plot_dw : 1, 1, 0, 0, NULL, NULL};
    double v = volume_at_dot(&c, col * c.dw + c.dw / 2);
    double lo = cv_series_step(v * (1 + 1e-9), -1), hi = cv_series_step(v, 1);
    v = log10(v / lo) <= log10(hi / v) ? lo : hi;
    return v < CV_TOKENS_MIN ? CV_TOKENS_MIN : v > CV_TOKENS_MAX ? CV_TOKENS_MAX : v;
}
