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
#include "chart_impl.h"

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
    app_message(a, MSG_INFO, "%s axis: %s (%s)%s, %zu models have both values", is_x ? "x" : "y", catalog_col_name(cd),
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
    app_prompt_value(a, is_x ? "x axis column: " : "y axis column: ",
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
    snprintf(title, sizeof title, "%s against %s", catalog_col_name(catalog_col(t->cat, (size_t)ch->ycol)),
             catalog_col_name(catalog_col(t->cat, (size_t)ch->xcol)));
    ld_chart_footer foot;
    chart_footer(&foot, a->ds, ch, t->filter ? t->filter_text : NULL, a->missing);
    return chart_write_svg(f, t->cat, ch, title, foot.line, foot.n, a->missing);
}

static void svg_done(app *a, const tui_export *x)
{
    const tv_state *t = x->ctx;
    char after[96];
    snprintf(after, sizeof after, " (SVG, %zu models, %zu on the frontier)", t->chart ? t->chart->ch.n : 0,
             t->chart ? t->chart->nfront : 0);
    export_tell(a, MSG_INFO, "exported the chart to ", x->path, after);
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
