/* chart_view.c - the table's chart panel: each model of the table's
 * current rows as a point, x = relative cost (log scale when chart_build
 * says so), y = quality, or any numeric columns chosen with x/y; the Pareto
 * frontier points drawn as a different mark (not only a colour), joined by
 * a line, and labelled where a label fits; a cursor on one point moves to
 * the nearest point in a direction, or to the one clicked.  c colours the
 * points by family or licence (theme roles series1..6, series_other) with
 * a legend; e writes the same chart as SVG through export.c.
 *
 * In a UTF-8 locale the frontier line is drawn in braille (2 x 4 dots a
 * cell), frontier points are ●, others ·, rows marked in the table ◆ / ◇,
 * the selected point ◉; otherwise one character a cell: o, ., * / +, @ and
 * - / \ | for the line. */
#include "chart_view.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "keys.h"
#include "llmdeck/chart.h"
#include "llmdeck/utf8.h"
#include "llmdeck/suggest.h"
#include "widgets.h"

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

static const char *const colour_words[] = {"none", "family", "license"};

static void chart_release(struct tv_chart *c)
{
    if (!c) return;
    chart_free(&c->ch);
    free(c->fx);
    free(c->fy);
    free(c->line);
    free(c->occ);
    free(c);
}

void tv_chart_free(tv_state *t)
{
    chart_release(t->chart);
    t->chart = NULL;
}

static int by_x_then_y(const void *a, const void *b)
{
    const ld_chart_point *p = a, *q = b;
    if (p->x != q->x) return p->x < q->x ? -1 : 1;
    if (p->y != q->y) return p->y < q->y ? -1 : 1;
    return p->row < q->row ? -1 : p->row > q->row;
}

static void pad_range(double *lo, double *hi)
{
    double r = *hi - *lo;
    if (!(r > 0)) r = fabs(*lo) > 0 ? fabs(*lo) * 0.1 : 1;
    *lo -= r * 0.04;
    *hi += r * 0.04;
}

static int colour_col(const tv_state *t, int which)
{
    int col = -1;
    if (which <= 0 || which > 2 || chart_color_column(t->cat, colour_words[which], &col) != 0) return -1;
    return col;
}

/* The points, their order, groups and places: 0.4-0.8 s at a million rows,
 * so on the helper thread there (table_job.c); it reads the catalogue and
 * the rows shown, which nothing changes while a job runs. */
typedef struct {
    struct tv_chart *c;
    const ld_catalog *cat;
    const uint32_t *idx;
    size_t n;
    int xcol, ycol, colour;
    uint32_t keep_row;
    int keep;
    int announce;     /* ANNOUNCE_*: what to say when it is in */
} chart_task;

static int chart_compute(void *arg)
{
    chart_task *k = arg;
    struct tv_chart *c = k->c;
    if (chart_build(k->cat, k->idx, k->n, k->xcol, k->ycol, &c->ch) != 0) return -1;
    ld_chart *ch = &c->ch;
    /* x then y then row: the order `llmdeck chart` writes, so e gives its file */
    qsort(ch->pts, ch->n, sizeof *ch->pts, by_x_then_y);
    c->fx = malloc((ch->n ? ch->n : 1) * sizeof *c->fx);
    c->fy = malloc((ch->n ? ch->n : 1) * sizeof *c->fy);
    if (!c->fx || !c->fy || chart_group(k->cat, ch, k->colour) != 0) return -1;
    c->xlo = c->ylo = INFINITY;
    c->xhi = c->yhi = -INFINITY;
    c->sel = (size_t)-1;
    for (size_t i = 0; i < ch->n; i++) {
        double x = ch->x_log ? log10(ch->pts[i].x) : ch->pts[i].x, y = ch->pts[i].y;
        c->xlo = fmin(c->xlo, x), c->xhi = fmax(c->xhi, x);
        c->ylo = fmin(c->ylo, y), c->yhi = fmax(c->yhi, y);
        if (ch->pts[i].frontier) c->nfront++;
        if (ch->pts[i].frontier && c->sel == (size_t)-1 && !k->keep) c->sel = i;
        if (k->keep && ch->pts[i].row == k->keep_row) c->sel = i;
    }
    for (size_t i = 0; c->sel == (size_t)-1 && i < ch->n; i++)
        if (ch->pts[i].frontier) c->sel = i;
    if (c->sel == (size_t)-1) c->sel = 0;
    if (ch->n) {
        pad_range(&c->xlo, &c->xhi);
        pad_range(&c->ylo, &c->yhi);
    }
    for (size_t i = 0; i < ch->n; i++) {
        double x = ch->x_log ? log10(ch->pts[i].x) : ch->pts[i].x;
        c->fx[i] = (x - c->xlo) / (c->xhi - c->xlo);
        c->fy[i] = (ch->pts[i].y - c->ylo) / (c->yhi - c->ylo);
    }
    return 0;
}

enum { ANNOUNCE_NONE, ANNOUNCE_X, ANNOUNCE_Y, ANNOUNCE_COLOUR };
static void chart_announce(app *a, tv_state *t, int what);

static void chart_drop(void *arg)
{
    chart_task *k = arg;
    chart_release(k->c);
    free(k);
}

static void chart_commit(app *a, tv_state *t, void *arg)
{
    chart_task *k = arg;
    int what = k->announce;
    tv_chart_free(t);
    t->chart = k->c;
    t->panel = PANEL_CHART;
    free(k);
    chart_announce(a, t, what);
}

/* Builds the chart of the table's rows on the chosen axes (on the helper
 * thread for a big table: the chart then appears when it is done); the
 * selection stays on `keep_row` when it is still a point (else the first
 * frontier point).  0 built, 1 building (a job), or -1 with a message. */
static int chart_rebuild(app *a, tv_state *t, uint32_t keep_row, int keep, int announce)
{
    int xcol = t->chart_x >= 0 ? t->chart_x : catalog_col_index(t->cat, "relative_cost");
    int ycol = t->chart_y >= 0 ? t->chart_y : t->quality_col;
    if (xcol < 0 || ycol < 0) {
        app_message(a, MSG_WARN, "no chart here: it needs a relative_cost column and a quality score");
        return -1;
    }
    struct tv_chart *c = calloc(1, sizeof *c);
    chart_task *k = calloc(1, sizeof *k);
    if (!c || !k) {
        free(c);
        free(k);
        app_message(a, MSG_ERROR, "out of memory");
        return -1;
    }
    *k = (chart_task){c, t->cat, t->idx, t->n, xcol, ycol, colour_col(t, t->chart_color), keep_row, keep, announce};
    tv_task task = {chart_compute, chart_commit, chart_drop, k};
    if (tv_job_wanted(t, NULL) && tv_job_task(t, &task, "the chart") == 0) return 1;
    if (chart_compute(k) != 0) {
        chart_drop(k);
        tv_chart_free(t);
        app_message(a, MSG_ERROR, "out of memory");
        return -1;
    }
    chart_commit(a, t, k);
    return 0;
}

void tv_chart_open(app *a, tv_state *t) { chart_rebuild(a, t, 0, 0, ANNOUNCE_NONE); }

/* Rebuilt after a change of axis or colouring, on the same model: 0 built,
 * 1 building on the helper thread, -1 failed (the panel closes). */
static int chart_redo(app *a, tv_state *t, int announce)
{
    struct tv_chart *c = t->chart;
    int keep = c && c->ch.n;
    uint32_t row = keep ? (uint32_t)c->ch.pts[c->sel].row : 0;
    int rc = chart_rebuild(a, t, row, keep, announce);
    if (rc < 0) t->panel = PANEL_NONE;
    return rc;
}

/* The numeric column after (dir 1) or before (-1) `from` in catalogue
 * order, wrapping, skipping yes/no columns and `other` (the other axis). */
static int next_numeric(const tv_state *t, int from, int dir, int other)
{
    int nc = (int)catalog_cols(t->cat);
    for (int k = 1; k <= nc; k++) {
        int c = ((from + dir * k) % nc + nc) % nc;
        const ld_column *cd = catalog_col(t->cat, (size_t)c);
        if (c != other && cd->type == LD_COL_NUMBER && !(cd->flags & LD_COLF_YESNO)) return c;
    }
    return from;
}

static const char *label_of(const ld_column *c) { return c->label && *c->label ? c->label : c->id; }

/* What a change of axis or colouring did, said when the new chart is in
 * (at once, or when its job ends). */
static void chart_announce(app *a, tv_state *t, int what)
{
    if (!t->chart || what == ANNOUNCE_NONE) return;
    const ld_chart *ch = &t->chart->ch;
    if (what == ANNOUNCE_COLOUR) {
        if (t->chart_color == 0) app_message(a, MSG_INFO, "colours: none");
        else
            app_message(a, MSG_INFO, "colours: by %s, %zu groups%s", colour_words[t->chart_color], ch->ngroups,
                        a->mono ? " (no colour: the legend and the selection line name them)" : "");
        return;
    }
    int is_x = what == ANNOUNCE_X;
    const ld_column *cd = catalog_col(t->cat, (size_t)(is_x ? ch->xcol : ch->ycol));
    app_message(a, MSG_INFO, "%s axis: %s (%s)%s, %zu models have both values", is_x ? "x" : "y", label_of(cd),
                cd->id, is_x && ch->x_log ? ", log scale: it spans x20 or more" : "", ch->n);
}

static void set_axis(app *a, tv_state *t, int is_x, int c)
{
    if (is_x) t->chart_x = c;
    else t->chart_y = c;
    chart_redo(a, t, is_x ? ANNOUNCE_X : ANNOUNCE_Y);
}

static void change_axis(app *a, tv_state *t, int is_x, int dir)
{
    ld_chart *ch = &t->chart->ch;
    int cur = is_x ? ch->xcol : ch->ycol, other = is_x ? ch->ycol : ch->xcol;
    set_axis(a, t, is_x, next_numeric(t, cur, dir, other));
}

/* X / Y: the column typed (id or header label, as `llmdeck chart --x`
 * takes), with the CLI's "did you mean" when it is none. */
static int pick_cb(app *a, void *ctx, const char *text, int done, char *err, size_t errlen, int is_x)
{
    tv_state *t = ctx;
    if (done <= 0 || !t->chart) return 0;
    while (*text == ' ') text++;
    int c = suggest_column(t->cat, text);
    if (c < 0) {
        char hint[200];
        suggest_column_hint(t->cat, text, hint, sizeof hint);
        snprintf(err, errlen, "no column '%.60s'%s", text, hint);
        return -1;
    }
    const ld_column *cd = catalog_col(t->cat, (size_t)c);
    if (cd->type != LD_COL_NUMBER || (cd->flags & LD_COLF_YESNO)) {
        snprintf(err, errlen, "%.60s is not numeric", cd->id);
        return -1;
    }
    set_axis(a, t, is_x, c);
    return 0;
}

static int pick_x(app *a, void *ctx, const char *text, int done, char *err, size_t errlen)
{
    return pick_cb(a, ctx, text, done, err, errlen, 1);
}

static int pick_y(app *a, void *ctx, const char *text, int done, char *err, size_t errlen)
{
    return pick_cb(a, ctx, text, done, err, errlen, 0);
}

static void pick_axis(app *a, tv_state *t, int is_x)
{
    const ld_chart *ch = &t->chart->ch;
    app_prompt(a, is_x ? "x axis column: " : "y axis column: ",
               catalog_col(t->cat, (size_t)(is_x ? ch->xcol : ch->ycol))->id, is_x ? pick_x : pick_y, t);
}

static void change_colour(app *a, tv_state *t)
{
    int w = t->chart_color;
    for (int k = 0; k < 3; k++) { /* the next colouring this data set has */
        w = (w + 1) % 3;
        if (w == 0 || colour_col(t, w) >= 0) break;
    }
    t->chart_color = w;
    chart_redo(a, t, ANNOUNCE_COLOUR);
}

/* ---- e: the SVG, as `llmdeck chart` writes it --------------------------- */

static int svg_check(const tui_export *x, const char *path, char *err, size_t errlen)
{
    (void)x;
    const char *dot = strrchr(path, '.');
    if (dot && !strchr(dot, '/') && strcasecmp(dot, ".svg") == 0) return 0;
    snprintf(err, errlen, "end the name with .svg");
    return -1;
}

static int svg_write(app *a, const tui_export *x, FILE *f)
{
    const tv_state *t = x->ctx;
    if (!t->chart) { /* closed meanwhile: cannot happen, the prompt is modal */
        errno = EINVAL;
        return -1;
    }
    const ld_chart *ch = &t->chart->ch;
    char title[300];
    snprintf(title, sizeof title, "%s against %s", label_of(catalog_col(t->cat, (size_t)ch->ycol)),
             label_of(catalog_col(t->cat, (size_t)ch->xcol)));
    ld_chart_footer foot;
    chart_footer(&foot, a->ds, ch, t->filter ? t->filter_text : NULL, a->missing);
    return chart_write_svg(f, t->cat, ch, title, foot.line, foot.n);
}

static void svg_done(app *a, const tui_export *x)
{
    const tv_state *t = x->ctx;
    app_message(a, MSG_INFO, "exported the chart (%zu models, %zu on the frontier) to %s (SVG)",
                t->chart ? t->chart->ch.n : 0, t->chart ? t->chart->nfront : 0, x->path);
}

static void export_svg(app *a, tv_state *t)
{
    t->chart_export.check = svg_check;
    t->chart_export.write = svg_write;
    t->chart_export.done = svg_done;
    t->chart_export.ctx = t;
    export_start(a, &t->chart_export, "Export the chart to (.svg): ", "llmdeck-chart.svg");
}

void chart_view_open(app *a)
{
    tv_state *t = tv(a);
    if (t) tv_chart_open(a, t);
}

/* The nearest point in a direction (dx, dy: -1, 0, 1; dy 1 is up): along
 * the direction first, a sideways step counting double. */
static void move_sel(struct tv_chart *c, int dx, int dy)
{
    size_t best = c->sel;
    double bd = INFINITY, x0 = c->fx[c->sel], y0 = c->fy[c->sel];
    for (size_t i = 0; i < c->ch.n; i++) {
        double ax = (c->fx[i] - x0) * dx + (c->fy[i] - y0) * dy; /* along */
        double sd = dx ? fabs(c->fy[i] - y0) : fabs(c->fx[i] - x0); /* sideways */
        if (i == c->sel || !(ax > 1e-12)) continue;
        double d = ax + 2 * sd;
        if (d < bd) bd = d, best = i;
    }
    c->sel = best;
}

static void cursor_to_sel(tv_state *t)
{
    struct tv_chart *c = t->chart;
    if (!c || !c->ch.n) return;
    uint32_t row = (uint32_t)c->ch.pts[c->sel].row;
    for (size_t i = 0; i < t->n; i++)
        if (t->idx[i] == row) {
            t->cur = i;
            break;
        }
    tv_clamp(t);
}

void tv_chart_resume(tv_state *t)
{
    struct tv_chart *c = t->chart;
    t->panel = PANEL_CHART;
    if (!t->n) return;
    uint32_t row = t->idx[t->cur]; /* h/l in the detail may have moved on */
    for (size_t i = 0; i < c->ch.n; i++)
        if (c->ch.pts[i].row == row) c->sel = i;
}

int tv_chart_act(app *a, tv_state *t, ld_action act)
{
    struct tv_chart *c = t->chart;
    if (!c) {
        t->panel = PANEL_NONE;
        return 0;
    }
    switch (act) {
    case ACT_CLOSE: /* back to the table, its cursor on the selected model */
        cursor_to_sel(t);
        t->panel = PANEL_NONE;
        tv_chart_free(t);
        break;
    case ACT_ACCEPT: /* the model's detail; closing it comes back here */
        if (!c->ch.n) break;
        cursor_to_sel(t);
        t->panel = PANEL_DETAIL;
        t->pscroll = 0;
        break;
    case ACT_LEFT: if (c->ch.n) move_sel(c, -1, 0); break;
    case ACT_RIGHT: if (c->ch.n) move_sel(c, 1, 0); break;
    case ACT_UP: if (c->ch.n) move_sel(c, 0, 1); break;
    case ACT_DOWN: if (c->ch.n) move_sel(c, 0, -1); break;
    case ACT_CHART_X: change_axis(a, t, 1, 1); break;
    case ACT_CHART_X_PICK: pick_axis(a, t, 1); break;
    case ACT_CHART_Y: change_axis(a, t, 0, 1); break;
    case ACT_CHART_Y_PICK: pick_axis(a, t, 0); break;
    case ACT_CHART_COLOR: change_colour(a, t); break;
    case ACT_CHART_EXPORT: export_svg(a, t); break;
    default:
        (void)a;
        return 0;
    }
    return 1;
}

/* A "nice" step (1, 2 or 5 times a power of ten) near range / n. */
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
    ui_printf(a, w, 0, 1, W - 2, app_attr(a, ROLE_TITLE), "%s against %s%s: %zu of %zu rows", label_of(yc),
              label_of(xc), ch->x_log ? ", log scale" : "", ch->n, t->n);
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
             label_of(xc), xc->id, ch->x_log ? ", log" : "", label_of(yc), yc->id, ch->n, c->nfront, ch->skipped);
    if (ui_width(a, buf) > W - 2) /* narrower: the same, shorter */
        snprintf(buf, sizeof buf, "x %s%s, y %s: %zu models, %zu on the frontier, %zu not shown", label_of(xc),
                 ch->x_log ? " (log)" : "", label_of(yc), ch->n, c->nfront, ch->skipped);
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
        snprintf(buf, sizeof buf, "%s%s:", label_of(cc), a->mono ? " (no colour: see the selection)" : "");
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
                  "No model among the rows shown has both %s and %s (x/y: other columns).", label_of(xc),
                  label_of(yc));
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
    snprintf(buf, sizeof buf, "%s%s", label_of(xc), ch->x_log ? " (log)" : "");
    int tw = ui_width(a, buf);
    if (W - 1 - tw > right_end + 1) ui_text(a, w, ay + 1, W - 1 - tw, tw, buf, muted);

    /* the selection */
    const ld_chart_point *p = &ch->pts[c->sel];
    tv_cell_text(t, p->row, t->key_col, name, sizeof name);
    tv_cell_text(t, p->row, ch->xcol, xv, sizeof xv);
    tv_cell_text(t, p->row, ch->ycol, yv, sizeof yv);
    ui_printf(a, w, H - 2, 1, W - 2, accent, "%s %s  %s %s  %s %s%s%s%s", a->utf8 ? "\u25C9" : "@", name,
              label_of(xc), xv, label_of(yc), yv, p->frontier ? "  (frontier)" : "", ch->group ? "  " : "",
              ch->group ? ch->group_name[ch->group[c->sel]] : "");
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
