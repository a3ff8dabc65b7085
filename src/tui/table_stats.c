/* table_stats.c - a column over the rows shown (after the filter): i gives a
 * numeric column's count, missing cells, min, max, mean, median and a
 * histogram; F gives a text column's values by how often they occur, and
 * Enter on one narrows the table to it (adding `column="value"` to the
 * filter), as VisiData's F does.  i on a text column shows its frequencies;
 * F on a numeric column says to use i (the numbers are better binned).
 * The figures come from the core (colstats.h), computed once on opening. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "llmdeck/colstats.h"
#include "llmdeck/output.h"
#include "table.h"
#include "widgets.h"

#define NBINS 10

struct tv_stats {
    int col;
    size_t rows; /* rows described (the table's rows shown) */
    ld_numstats num;
    ld_freqlist freq;
};

void tv_stats_free(tv_state *t)
{
    if (!t->stats) return;
    colstats_freq_free(&t->stats->freq);
    free(t->stats);
    t->stats = NULL;
}

/* The computation, on the helper thread for big tables: it reads the
 * catalogue and the rows shown, which nothing changes meanwhile. */
typedef struct {
    struct tv_stats *s;
    const ld_catalog *cat;
    const uint32_t *idx;
    size_t n;
    int numeric;
} stats_task;

static int stats_run(void *arg)
{
    stats_task *k = arg;
    return k->numeric ? colstats_numeric(k->cat, (size_t)k->s->col, k->idx, k->n, NBINS, &k->s->num)
                      : colstats_freq(k->cat, (size_t)k->s->col, k->idx, k->n, &k->s->freq);
}

static void stats_drop(void *arg)
{
    stats_task *k = arg;
    colstats_freq_free(&k->s->freq);
    free(k->s);
    free(k);
}

static void stats_commit(app *a, tv_state *t, void *arg)
{
    (void)a;
    stats_task *k = arg;
    tv_stats_free(t);
    t->stats = k->s;
    t->panel = k->numeric ? PANEL_STATS : PANEL_FREQ;
    t->pscroll = t->psel = 0;
    free(k);
}

void tv_stats_open(app *a, tv_state *t, int c, int freq)
{
    const ld_column *col = catalog_col(t->cat, (size_t)c);
    int numeric = col->type == LD_COL_NUMBER;
    if (freq && numeric) {
        app_message(a, MSG_WARN, "%s is numeric: i shows its statistics and histogram", col->label);
        return;
    }
    if (!t->n) {
        app_message(a, MSG_WARN, "no rows to describe: the filter matches none (Esc clears it)");
        return;
    }
    struct tv_stats *s = calloc(1, sizeof *s);
    stats_task *k = calloc(1, sizeof *k);
    if (!s || !k) {
        free(s);
        free(k);
        app_message(a, MSG_ERROR, "out of memory");
        return;
    }
    s->col = c;
    s->rows = t->n;
    *k = (stats_task){s, t->cat, t->idx, t->n, numeric};
    /* 0.2 s (i) to 0.6 s (F) at a million rows: a job there */
    char what[96];
    snprintf(what, sizeof what, "%s of %s", numeric ? "statistics" : "frequencies", col->label);
    tv_task task = {stats_run, stats_commit, stats_drop, k};
    if (tv_job_wanted(t, NULL) && tv_job_task(t, &task, what) == 0) return;
    if (stats_run(k) != 0) {
        stats_drop(k);
        app_message(a, MSG_ERROR, "out of memory");
        return;
    }
    stats_commit(a, t, k);
}

/* A number as the column shows it, with `more` decimals more (the mean, an
 * even count's median and the bins' edges fall between the data's steps). */
static const char *num(const ld_column *col, double v, int more, char *buf, size_t n)
{
    if ((col->flags & LD_COLF_DERIVED) && !(col->flags & LD_COLF_YESNO)) {
        /* a computed score (value, quality): three significant digits, as
         * the table shows it (a mean of 127.7574763 claimed seven decimals) */
        output_display_number(v, buf, n);
        return buf;
    }
    int d = col->decimals >= 0 ? col->decimals + more : 2;
    output_derived_number(v, d, buf, n);
    return buf;
}

static void draw_numeric(app *a, tv_state *t, WINDOW *w, int H, int W)
{
    struct tv_stats *s = t->stats;
    const ld_column *col = catalog_col(t->cat, (size_t)s->col);
    const ld_numstats *st = &s->num;
    attr_t text = app_attr(a, ROLE_TEXT), acc = app_attr(a, ROLE_ACCENT), mute = app_attr(a, ROLE_MUTED);
    char b1[64], b2[64];
    int x = 3, y = 1, iw = W - 6;
    ui_printf(a, w, y++, x, iw, text, "%zu row%s shown: %zu with a value, %zu missing", s->rows,
              s->rows == 1 ? "" : "s", st->count, st->missing);
    if (!st->count) {
        ui_text(a, w, y + 1, x, iw, "No values to describe: every row shown is missing this column.",
                app_attr(a, ROLE_WARNING));
        return;
    }
    y++;
    ui_text(a, w, y, x, 8, "Min", acc);
    ui_text(a, w, y, x + 8, 16, num(col, st->min, 0, b1, sizeof b1), text);
    ui_text(a, w, y, x + 26, 8, "Max", acc);
    ui_text(a, w, y++, x + 34, iw - 34, num(col, st->max, 0, b1, sizeof b1), text);
    ui_text(a, w, y, x, 8, "Mean", acc);
    ui_text(a, w, y, x + 8, 16, num(col, st->mean, 1, b1, sizeof b1), text);
    ui_text(a, w, y, x + 26, 8, "Median", acc);
    ui_text(a, w, y++, x + 34, iw - 34, num(col, st->median, st->count % 2 == 0, b1, sizeof b1), text);
    y++;
    if (st->max == st->min) {
        ui_printf(a, w, y, x, iw, mute, "Every value is %s: no histogram", num(col, st->min, 0, b1, sizeof b1));
        return;
    }
    double bw = (st->max - st->min) / (double)st->nbins;
    ui_printf(a, w, y++, x, iw, acc, "Histogram: %zu bins of %s (the last holds the max)", st->nbins,
              num(col, bw, 1, b1, sizeof b1));
    size_t top = 1;
    for (size_t k = 0; k < st->nbins; k++)
        if (st->bins[k] > top) top = st->bins[k];
    int lw = 0; /* the range labels' width */
    for (size_t k = 0; k < st->nbins; k++) {
        int l = (int)strlen(num(col, st->min + bw * (double)k, 1, b1, sizeof b1));
        if (l > lw) lw = l;
    }
    num(col, st->max, 1, b1, sizeof b1);
    if ((int)strlen(b1) > lw) lw = (int)strlen(b1);
    int cw = snprintf(b2, sizeof b2, "%zu", top), barx = x + 2 * lw + 3 + cw + 3;
    int barw = W - 3 - barx;
    if (barw > 40) barw = 40;
    for (size_t k = 0; k < st->nbins && y < H - 1; k++, y++) {
        double lo = st->min + bw * (double)k, hi = k + 1 == st->nbins ? st->max : lo + bw;
        num(col, lo, 1, b1, sizeof b1);
        ui_put(a, w, y, x, lw, b1, mute, UI_RIGHT, 0);
        ui_text(a, w, y, x + lw, 3, " - ", mute);
        ui_put(a, w, y, x + lw + 3, lw, num(col, hi, 1, b1, sizeof b1), mute, UI_RIGHT, 0);
        snprintf(b2, sizeof b2, "%zu", st->bins[k]);
        ui_put(a, w, y, x + 2 * lw + 3, cw + 2, b2, text, UI_RIGHT, 0);
        if (barw > 0 && st->bins[k])
            ui_bar(a, w, y, barx, barw, (double)st->bins[k] / (double)top, app_attr(a, ROLE_BAR));
    }
}

static void draw_freq(app *a, tv_state *t, WINDOW *w, int H, int W)
{
    struct tv_stats *s = t->stats;
    const ld_freqlist *f = &s->freq;
    attr_t text = app_attr(a, ROLE_TEXT), hdr = app_attr(a, ROLE_HEADER), mute = app_attr(a, ROLE_MUTED);
    int x = 3, iw = W - 6;
    ui_printf(a, w, 1, x, iw, text, "%zu row%s shown: %zu distinct value%s, %zu missing", s->rows,
              s->rows == 1 ? "" : "s", f->n, f->n == 1 ? "" : "s", f->missing);
    if (!f->n) {
        ui_text(a, w, 3, x, iw, "No values to count: every row shown is missing this column.",
                app_attr(a, ROLE_WARNING));
        t->pmax = 0;
        return;
    }
    char buf[64];
    int cw = snprintf(buf, sizeof buf, "%zu", f->items[0].count);
    if (cw < 5) cw = 5;
    int barw = iw / 4 > 20 ? 20 : iw / 4;
    int vw = iw - cw - 2 - 7 - 2 - barw; /* value | count | percent | bar */
    if (vw < 8) vw = 8, barw = iw - cw - 11 - vw;
    int cx = x + vw + 2, px = cx + cw + 1, bx = px + 7 + 2;
    ui_fill(w, 2, 2, W - 4, hdr);
    ui_text(a, w, 2, x, vw, "Value", hdr);
    ui_put(a, w, 2, cx, cw, "Count", hdr, UI_RIGHT, 0);
    ui_put(a, w, 2, px, 7, "%", hdr, UI_RIGHT, 0);
    int rows = H - 4;
    if (rows < 1) rows = 1;
    t->pmax = (int)f->n - 1;
    if (t->psel > t->pmax) t->psel = t->pmax;
    if (t->psel < 0) t->psel = 0;
    if (t->pscroll > t->psel) t->pscroll = t->psel;
    if (t->psel >= t->pscroll + rows) t->pscroll = t->psel - rows + 1;
    for (int i = 0, y = 3; i < rows && (size_t)(t->pscroll + i) < f->n; i++, y++) {
        int k = t->pscroll + i;
        const ld_freq *it = &f->items[k];
        attr_t at = k == t->psel ? app_attr(a, ROLE_CURSOR) : text;
        if (k == t->psel) ui_fill(w, y, 2, W - 4, at);
        ui_text(a, w, y, x, vw, it->value, at);
        snprintf(buf, sizeof buf, "%zu", it->count);
        ui_put(a, w, y, cx, cw, buf, at, UI_RIGHT, 0);
        snprintf(buf, sizeof buf, "%.1f%%", 100.0 * (double)it->count / (double)s->rows);
        ui_put(a, w, y, px, 7, buf, at, UI_RIGHT, 0);
        if (barw > 0)
            ui_bar(a, w, y, bx, barw, (double)it->count / (double)f->items[0].count,
                   k == t->psel ? at : app_attr(a, ROLE_BAR));
    }
    if ((size_t)(t->pscroll + rows) < f->n)
        ui_printf(a, w, H - 1, W - 16, 12, mute, " %zu more ", f->n - (size_t)(t->pscroll + rows));
}

void tv_stats_draw(app *a, tv_state *t, WINDOW *w)
{
    if (!t->stats) return;
    int H = getmaxy(w), W = getmaxx(w);
    const ld_column *col = catalog_col(t->cat, (size_t)t->stats->col);
    char title[160];
    snprintf(title, sizeof title, "%s of %s%s%s%s", t->panel == PANEL_FREQ ? "Frequencies" : "Statistics",
             col->label, *col->unit ? " (" : "", col->unit, *col->unit ? ")" : "");
    ui_box(a, w, 0, 0, H, W, title);
    if (t->panel == PANEL_FREQ) draw_freq(a, t, w, H, W);
    else draw_numeric(a, t, w, H, W);
}

/* Adds column="value" to the filter (the value quoted; `=` on text ignores
 * case, so "MIT" and "mit" both stay). */
static void filter_on(app *a, tv_state *t, const char *value)
{
    const ld_column *col = catalog_col(t->cat, (size_t)t->stats->col);
    char q = strchr(value, '"') ? '\'' : '"';
    if (strchr(value, q)) {
        app_message(a, MSG_WARN, "this value has both kinds of quote: the filter cannot name it");
        return;
    }
    char text[sizeof t->filter_text];
    int len = t->filter_text[0]
                  ? snprintf(text, sizeof text, "(%s) and %s=%c%s%c", t->filter_text, col->id, q, value, q)
                  : snprintf(text, sizeof text, "%s=%c%s%c", col->id, q, value, q);
    if (len < 0 || (size_t)len >= sizeof text) {
        app_message(a, MSG_WARN, "the filter would be too long");
        return;
    }
    ld_error e;
    error_clear(&e);
    ld_filter *f = filter_compile(t->cat, text, "filter", &e);
    if (!f) {
        app_message(a, MSG_WARN, "cannot filter on this value: %s", e.msg);
        return;
    }
    tv_set_filter(t, f, text);
    t->panel = PANEL_NONE;
    tv_stats_free(t);
    if (!t->job) app_message(a, MSG_INFO, "%zu of %zu rows match", t->n, t->nrows);
}

int tv_stats_act(app *a, tv_state *t, ld_action act)
{
    if (!t->stats) {
        t->panel = PANEL_NONE;
        return 0;
    }
    int freq = t->panel == PANEL_FREQ;
    switch (act) {
    case ACT_CLOSE:
        t->panel = PANEL_NONE;
        tv_stats_free(t);
        return 1;
    case ACT_ACCEPT:
        if (freq && t->stats->freq.n) filter_on(a, t, t->stats->freq.items[t->psel].value);
        return 1;
    case ACT_UP: t->psel--; break;
    case ACT_DOWN: t->psel++; break;
    case ACT_PAGE_UP: t->psel -= t->page; break;
    case ACT_PAGE_DOWN: t->psel += t->page; break;
    case ACT_TOP: t->psel = 0; break;
    case ACT_BOTTOM: t->psel = t->pmax; break;
    default: return 0;
    }
    if (!freq) t->psel = 0;
    if (t->psel > t->pmax) t->psel = t->pmax;
    if (t->psel < 0) t->psel = 0;
    return 1;
}
