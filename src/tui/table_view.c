/* table_view.c - view 1, the benchmark table: the view interface, its
 * actions, the status bar and the mouse.  The data side is in
 * table_data.c, drawing in table_draw.c, the panels in their own files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "llmdeck/evidence.h"

#include "chart_view.h"
#include "cost_view.h"
#include "keys.h"
#include "table.h"
#include "widgets.h"

static int tv_init(app *a, void **state)
{
    tv_state *t = calloc(1, sizeof *t);
    if (!t) return -1;
    *state = t;
    t->chart_x = t->chart_y = -1;
    t->app = a;
    t->job_ms = -1;
    t->sync_only = 1; /* the first view is there before the first frame */
    if (tv_data_init(a, t) != 0) return -1;
    tv_load_settings(a, t);
    tv_scores_remember(a, t);
    t->sync_only = 0;
    return 0;
}

static void tv_fini(app *a, void *state)
{
    tv_state *t = state;
    if (!t) return;
    tv_job_stop(t);
    if (t->cat && t->hidden && t->default_weight) tv_save_settings(a, t);
    tv_stats_free(t);
    tv_chart_free(t);
    tv_data_fini(t);
    free(t);
}

static void tv_draw(app *a, WINDOW *w)
{
    tv_state *t = tv(a);
    if (t->panel == PANEL_CHART) { /* the chart takes the whole view */
        tv_chart_draw(a, t, w);
        return;
    }
    tv_draw_grid(a, t, w);
    switch (t->panel) {
    case PANEL_DETAIL: tv_detail_draw(a, t, w); break;
    case PANEL_COMPARE: tv_compare_draw(a, t, w); break;
    case PANEL_WEIGHTS: tv_weights_draw(a, t, w); break;
    case PANEL_COLUMNS: tv_columns_draw(a, t, w); break;
    case PANEL_STATS:
    case PANEL_FREQ: tv_stats_draw(a, t, w); break;
    default: break;
    }
}

static ld_scope tv_scope(const app *a)
{
    static const ld_scope by_panel[] = {SCOPE_TABLE, SCOPE_DETAIL, SCOPE_COMPARE, SCOPE_WEIGHTS,
                                        SCOPE_COLUMNS, SCOPE_CHART};
    if (tv(a)->panel == PANEL_STATS || tv(a)->panel == PANEL_FREQ) return SCOPE_STATS;
    return by_panel[tv(a)->panel];
}

/* Up to this much data the filter follows the typing; above, it waits for
 * Enter so a keystroke never stalls.  Decided by rows and by bytes of text:
 * a text filter scans every cell, and 200,000 rows of 1 KB each took 200 ms
 * a key (measured) while 200,000 short rows take a few. */
#define LIVE_FILTER_ROWS 200000
#define LIVE_FILTER_BYTES ((size_t)32 << 20)

static void restore_filter(tv_state *t)
{
    if (strcmp(t->filter_text, t->prev_filter) == 0) return;
    tv_set_filter(t, t->prev_filter[0] ? filter_compile(t->cat, t->prev_filter, "filter", NULL) : NULL,
                  t->prev_filter);
}

/* The filter and the cursor's row as they were when the prompt opened. */
static void back_to_before(tv_state *t)
{
    restore_filter(t);
    for (size_t i = 0; i < t->n; i++)
        if (t->idx[i] == t->prev_row) {
            t->cur = i;
            break;
        }
    tv_clamp(t);
}

static int filter_cb(app *a, void *ctx, const char *text, int done, char *err, size_t errlen)
{
    tv_state *t = ctx;
    ld_error e;
    error_clear(&e);
    if (done < 0) { /* cancelled: back to the filter and row there were before */
        back_to_before(t);
        return 0;
    }
    if (!*text) {
        tv_set_filter(t, NULL, NULL);
        if (done && !t->job) app_message(a, MSG_INFO, "filter cleared: %zu rows", t->n);
        return 0;
    }
    if (!done && (t->nrows > LIVE_FILTER_ROWS || catalog_text_bytes(t->cat) > LIVE_FILTER_BYTES)) return 0;
    ld_filter *f = filter_compile(t->cat, text, "filter", &e);
    if (!f) {
        /* half-typed or wrong: the rows and the row there were before (a
         * live match had moved the cursor to row 43 of 43) */
        back_to_before(t);
        if (!done) return 0; /* half-typed: say nothing until Enter */
        /* stay in the prompt, with the reason beside the text */
        if (e.col > 0) snprintf(err, errlen, "at %ld: %s", e.col, e.msg);
        else snprintf(err, errlen, "%s", e.msg);
        return -1;
    }
    tv_set_filter(t, f, text);
    /* a job says it when it ends */
    if (done && !t->job) app_message(a, t->n ? MSG_INFO : MSG_WARN, "%zu of %zu rows match", t->n, t->nrows);
    return 0;
}

static void move_rows(tv_state *t, long d)
{
    if (!t->n) return;
    long c = (long)t->cur + d;
    if (c < 0) c = 0;
    if (c >= (long)t->n) c = (long)t->n - 1;
    t->cur = (size_t)c;
    tv_clamp(t);
}

static int grid_act(app *a, tv_state *t, ld_action act)
{
    int c = t->nvis ? t->vis[t->ccol] : t->key_col;
    switch (act) {
    case ACT_UP: move_rows(t, -1); break;
    case ACT_DOWN: move_rows(t, 1); break;
    case ACT_PAGE_UP:
    case ACT_PAGE_DOWN: { /* the page turns and the cursor keeps its place on it */
        long d = act == ACT_PAGE_UP ? -t->page : t->page, top = (long)t->top + d;
        long max = (long)t->n - t->page;
        top = top > max ? max : top;
        t->top = top < 0 ? 0 : (size_t)top;
        move_rows(t, d);
        break;
    }
    case ACT_TOP: move_rows(t, -(long)t->n); break;
    case ACT_BOTTOM: move_rows(t, (long)t->n); break;
    case ACT_LEFT: if (t->ccol > 0) t->ccol--; break;
    case ACT_RIGHT: if (t->ccol + 1 < t->nvis) t->ccol++; break;
    case ACT_LINE_START: t->ccol = t->left = 0; break; /* the key column is frozen: scroll back too */
    case ACT_LINE_END: t->ccol = t->nvis ? t->nvis - 1 : 0; break;
    case ACT_SORT_ASC: tv_sort(a, t, c, 0, 0); break;
    case ACT_SORT_DESC: tv_sort(a, t, c, 1, 0); break;
    case ACT_SORT_ADD_ASC: tv_sort(a, t, c, 0, 1); break;
    case ACT_SORT_ADD_DESC: tv_sort(a, t, c, 1, 1); break;
    case ACT_BACK_TO_ROW: tv_back_to_row(a, t); break;
    case ACT_COST_OF:
        if (t->n) cost_view_open_on(a, (long)t->idx[t->cur], 0, 0, NULL, NULL);
        break;
    case ACT_SORT_CLEAR:
        tv_sort_clear(t);
        app_message(a, MSG_INFO, t->job ? "back to catalogue order..." : "catalogue order");
        break;
    case ACT_MEM_SETUP: tv_memory_setup(a, t); break;
    case ACT_FILTER:
        snprintf(t->prev_filter, sizeof t->prev_filter, "%s", t->filter_text);
        t->prev_row = t->n ? t->idx[t->cur] : 0;
        app_prompt(a, "Filter: ", t->filter_text, filter_cb, t);
        break;
    case ACT_CLEAR:
        if (t->filter) {
            tv_set_filter(t, NULL, NULL);
            if (!t->job) app_message(a, MSG_INFO, "filter cleared: %zu rows", t->n);
        }
        break;
    case ACT_NEXT_MATCH:
    case ACT_PREV_MATCH:
        if (!t->nwords)
            app_message(a, MSG_WARN, "n and N find the words of a text filter: press / and type one");
        else if (tv_find(t, act == ACT_NEXT_MATCH ? 1 : -1) != 0)
            app_message(a, MSG_WARN, "no cell contains \"%s\"", t->words[0]);
        break;
    case ACT_DETAIL:
        if (t->n) t->panel = PANEL_DETAIL, t->pscroll = 0;
        break;
    case ACT_MARK:
        if (t->n) {
            uint32_t r = t->idx[t->cur];
            t->marked[r] = !t->marked[r];
            t->nmarked += t->marked[r] ? 1 : (size_t)-1;
            move_rows(t, 1);
        }
        break;
    case ACT_UNMARK_ALL:
        memset(t->marked, 0, t->nrows);
        t->nmarked = 0;
        app_message(a, MSG_INFO, "no rows marked");
        break;
    case ACT_COMPARE: tv_compare_open(a, t); break;
    case ACT_WEIGHTS:
        if (tv_weights_count(t) == 0 || !tv_value_shown(t)) {
            app_message(a, MSG_WARN, "no value score here: it needs metric columns and a relative_cost column");
            break;
        }
        t->panel = PANEL_WEIGHTS;
        t->psel = 0;
        if (t->nkeys == 0 && t->value_col >= 0) { /* show the ranking the weights change */
            tv_sort(a, t, t->value_col, 1, 0);
            app_message(a, MSG_INFO, "sorted by value: the ranking follows the weights");
        }
        break;
    case ACT_HIDE_COLUMN:
        if (c == t->key_col) {
            app_message(a, MSG_WARN, "the %s column stays: it names the rows", catalog_col(t->cat, (size_t)c)->label);
        } else {
            t->hidden[c] = 1;
            tv_rebuild_columns(t);
            t->settings_dirty = 1;
            app_message(a, MSG_INFO, "hid %s (+ shows all, C picks)", catalog_col(t->cat, (size_t)c)->label);
        }
        break;
    case ACT_SHOW_COLUMNS: {
        size_t n = 0;
        for (size_t i = 0; i < catalog_cols(t->cat); i++) n += t->hidden[i], t->hidden[i] = 0;
        tv_rebuild_columns(t);
        t->settings_dirty = 1;
        app_message(a, MSG_INFO, n ? "all columns shown" : "no column was hidden");
        break;
    }
    case ACT_COLUMNS:
        t->panel = PANEL_COLUMNS;
        t->psel = 0;
        break;
    case ACT_COL_WIDER: tv_col_resize(a, t, c, 2); break;
    case ACT_COL_NARROWER: tv_col_resize(a, t, c, -2); break;
    case ACT_COL_FIT: tv_col_fit(a, t, c); break;
    case ACT_EXPORT: tv_export_start(a, t); break;
    case ACT_COL_STATS: tv_stats_open(a, t, c, 0); break;
    case ACT_COL_FREQ: tv_stats_open(a, t, c, 1); break;
    case ACT_CHART: tv_chart_open(a, t); break;
    default: return 0;
    }
    return 1;
}

static void tv_act(app *a, ld_action act)
{
    tv_state *t = tv(a);
    switch (t->panel) {
    case PANEL_DETAIL: tv_detail_act(a, t, act); return;
    case PANEL_COMPARE: tv_compare_act(a, t, act); return;
    case PANEL_WEIGHTS: tv_weights_act(a, t, act); return;
    case PANEL_COLUMNS: tv_columns_act(a, t, act); return;
    case PANEL_STATS:
    case PANEL_FREQ: tv_stats_act(a, t, act); return;
    case PANEL_CHART: tv_chart_act(a, t, act); return;
    default: grid_act(a, t, act); return;
    }
}

static void tv_mouse(app *a, int y, int x, int wheel)
{
    tv_state *t = tv(a);
    if (wheel) {
        if (t->panel != PANEL_NONE) {
            tv_act(a, wheel < 0 ? ACT_UP : ACT_DOWN);
            return;
        }
        /* the wheel scrolls the page; the cursor follows only if it must */
        long top = (long)t->top + 3L * wheel, max = (long)t->n - t->page;
        if (top > max) top = max;
        if (top < 0) top = 0;
        t->top = (size_t)top;
        if (t->cur < t->top) t->cur = t->top;
        if (t->cur >= t->top + (size_t)t->page) t->cur = t->top + (size_t)t->page - 1;
        tv_clamp(t);
        return;
    }
    if (t->panel == PANEL_CHART) {
        tv_chart_click(a, t, y, x);
        return;
    }
    if (t->panel != PANEL_NONE) return;
    size_t p;
    for (p = 0; p < t->nvis; p++)
        if (x >= t->colx0[p] && x < t->colx1[p]) break;
    if (y == 0) { /* a header: sort by it; again reverses */
        if (p == t->nvis) return;
        int c = t->vis[p];
        const ld_column *col = catalog_col(t->cat, (size_t)c);
        int desc = col->type == LD_COL_NUMBER && col->higher_is_better; /* best first */
        if (t->nkeys == 1 && t->keys[0].col == c) desc = !t->keys[0].desc;
        t->ccol = p;
        tv_sort(a, t, c, desc, 0);
        return;
    }
    size_t pos = t->top + (size_t)(y - 1);
    if (pos >= t->n) return;
    t->cur = pos;
    if (p < t->nvis) t->ccol = p;
    tv_clamp(t);
}

static void tv_status(const app *a, char *buf, size_t n)
{
    const tv_state *t = tv(a);
    size_t len = 0;
    if (tv_job_status(t, buf, n)) { /* what the job does, then the view it replaces */
        len = strlen(buf);
        if (len < n) len += (size_t)snprintf(buf + len, n - len, " %s ", a->g.vline);
    }
    const char *colname = t->nvis ? catalog_col(t->cat, (size_t)t->vis[t->ccol])->label : "";
    len += (size_t)snprintf(buf + len, n - len, "%zu/%zu %s", t->n ? t->cur + 1 : 0, t->n, colname);
    if (t->filter && len < n) len += (size_t)snprintf(buf + len, n - len, " %s filter: %s", a->g.vline, t->filter_text);
    if (len < n) len += (size_t)snprintf(buf + len, n - len, " %s sort: ", a->g.vline);
    for (size_t k = 0; k < t->nkeys && len < n; k++)
        len += (size_t)snprintf(buf + len, n - len, "%s%s%s", k ? "," : "",
                                catalog_col(t->cat, (size_t)t->keys[k].col)->label,
                                t->keys[k].desc ? a->g.down : a->g.up);
    if (!t->nkeys && len < n) len += (size_t)snprintf(buf + len, n - len, "none");
    /* a value or quality ranking whose top rests on one or two measures, or
     * on llmdeck's estimates: said beside the sort, before what a narrow
     * screen cuts (the CLI's note in full) */
    char note[512];
    if (len < n && t->nkeys && !tv_job_status(t, note, sizeof note) &&
        evidence_note(t->cat, t->idx, t->n, t->keys[0].col, note, sizeof note))
        len += (size_t)snprintf(buf + len, n - len, " %s thin evidence: see Cov, Cost basis", a->g.vline);
    if (t->nmarked && len < n) len += (size_t)snprintf(buf + len, n - len, " %s %zu marked", a->g.vline, t->nmarked);
    if (len < n && tv_weights_custom(t)) len += (size_t)snprintf(buf + len, n - len, " %s custom weights", a->g.vline);
    if (len < n && t->mem_setup[0]) /* S: Mem GB and Fits on are at another set-up than the data's */
        len += (size_t)snprintf(buf + len, n - len, " %s Mem GB at %s tokens", a->g.vline, t->mem_setup);
    if (len < n && score_percentile_scale(t->cat) != t->default_scale) /* s in the weights: the answers change too */
        len += (size_t)snprintf(buf + len, n - len, " %s %s scale", a->g.vline,
                                score_percentile_scale(t->cat) ? "percentile" : "raw");
    /* the missing-value rule, whichever it is: it changes every quality
     * (and, since p reaches the wizard, its answer) */
    if (len < n)
        snprintf(buf + len, n - len, " %s missing: %s", a->g.vline, a->missing == LD_MISSING_SKIP ? "skip" : "zero");
}

static void tv_hint(const app *a, char *buf, size_t n)
{
    static const ld_hint detail[] = {{{ACT_DOWN, ACT_UP}, "scroll"}, {{ACT_LEFT, ACT_RIGHT}, "previous/next row"},
                                     {{ACT_CLOSE}, "close"}};
    static const ld_hint compare[] = {{{ACT_DOWN, ACT_UP}, "scroll"}, {{ACT_LEFT, ACT_RIGHT}, "more models"},
                                      {{ACT_NONE}, "* best"}, {{ACT_CLOSE}, "close"}};
    static const ld_hint weights[] = {{{ACT_DOWN, ACT_UP}, "metric"}, {{ACT_INC, ACT_DEC}, "0.1"},
                                      {{ACT_INC_BIG, ACT_DEC_BIG}, "1"}, {{ACT_EDIT}, "type"},
                                      {{ACT_ZERO}, "zero"}, {{ACT_RESET}, "reset"},
                                      {{ACT_POLICY}, "missing"}, {{ACT_SCALE}, "scale"}, {{ACT_CLOSE}, "close"}};
    static const ld_hint columns[] = {{{ACT_DOWN, ACT_UP}, "move"}, {{ACT_TOGGLE}, "show/hide"},
                                      {{ACT_SHOW_COLUMNS}, "show all"}, {{ACT_CLOSE}, "close"}};
    static const ld_hint stats[] = {{{ACT_CLOSE}, "close"}};
    static const ld_hint freq[] = {{{ACT_DOWN, ACT_UP}, "value"}, {{ACT_ACCEPT}, "filter the table to it"},
                                   {{ACT_CLOSE}, "close"}};
    static const ld_hint chart[] = {{{ACT_LEFT, ACT_DOWN, ACT_UP, ACT_RIGHT}, "point"},
                                    {{ACT_CHART_X, ACT_CHART_Y}, "axes"}, {{ACT_CHART_COLOR}, "colour"},
                                    {{ACT_CHART_EXPORT}, "SVG"}, {{ACT_ACCEPT}, "detail"}, {{ACT_CLOSE}, "close"}};
    static const ld_hint grid[] = {{{ACT_SORT_ASC, ACT_SORT_DESC}, "sort"}, {{ACT_FILTER}, "filter"},
                                   {{ACT_DETAIL}, "detail"}, {{ACT_MARK}, "mark"}, {{ACT_COMPARE}, "compare"},
                                   {{ACT_WEIGHTS}, "weights"}, {{ACT_EXPORT}, "export"}, {{ACT_HELP}, "help"}};
#define HINT(h) keys_hint(tv_scope(a), VIEW_TABLE, 0, h, sizeof h / sizeof h[0], buf, n)
    if (tv(a)->job) {
        snprintf(buf, n, "Esc cancel  q quit  (other keys wait for the result)");
        return;
    }
    switch (tv(a)->panel) {
    case PANEL_DETAIL: HINT(detail); break;
    case PANEL_COMPARE: HINT(compare); break;
    case PANEL_WEIGHTS: HINT(weights); break;
    case PANEL_COLUMNS: HINT(columns); break;
    case PANEL_STATS: HINT(stats); break;
    case PANEL_FREQ: HINT(freq); break;
    case PANEL_CHART: HINT(chart); break;
    default: HINT(grid); break;
    }
#undef HINT
}

const ld_view_ops table_view_ops = {
    .name = "Table",
    .init = tv_init,
    .fini = tv_fini,
    .draw = tv_draw,
    .act = tv_act,
    .scope = tv_scope,
    .keys = NULL, /* the table's bindings are in keys.c, with the shell's */
    .mouse = tv_mouse,
    .status = tv_status,
    .hint = tv_hint,
};
