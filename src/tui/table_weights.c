/* table_weights.c - the weights editor (w) and the column picker (C).
 *
 * The weights editor sits on the right so the model, Value and Quality
 * columns stay in sight: every change re-scores and re-sorts the table
 * behind it at once, and the bottom line names the new leader.  Value and
 * Quality are drawn beside the model column while it is open (whatever the
 * sideways scroll, even if hidden), and the editor narrows (to 36 columns,
 * then the model column to 12) so it never covers them. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "llmdeck/output.h"
#include "table.h"
#include "widgets.h"

static int weightable(const tv_state *t, size_t c)
{
    const ld_column *col = catalog_col(t->cat, c);
    if (col->type != LD_COL_NUMBER || (col->flags & LD_COLF_DERIVED)) return 0;
    /* a benchmark, or a number the user brought (--load, FILE): their own
     * evaluation is exactly what they may want to weigh; sizes and other
     * declared facts (params_b, layers, relative_cost) are not scores */
    return (col->flags & LD_COLF_METRIC) || !(col->flags & LD_COLF_DECLARED_NUMBER);
}

/* The catalogue index of the k-th weightable column, or -1; *n counts. */
static int metric_at(const tv_state *t, int k, int *n)
{
    int found = -1, i = 0;
    for (size_t c = 0; c < catalog_cols(t->cat); c++) {
        if (!weightable(t, c)) continue;
        if (i == k) found = (int)c;
        i++;
    }
    if (n) *n = i;
    return found;
}

int tv_weights_count(const tv_state *t)
{
    int n;
    metric_at(t, 0, &n);
    return n;
}

int tv_value_shown(const tv_state *t)
{
    for (size_t i = 0; i < t->ncols; i++)
        if (t->order[i] == t->value_col) return 1;
    return 0;
}

#define PW_FULL 56
#define PW_MIN 36
#define KW_MIN 12

int tv_weights_pinned(const tv_state *t, int pin[3])
{
    int n = 0, want[2] = {t->value_col, t->quality_col};
    pin[0] = pin[1] = pin[2] = -1;
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; want[k] >= 0 && i < t->ncols; i++)
            if (t->order[i] == want[k]) pin[n++] = want[k];
    return n;
}

int tv_weights_width(const tv_state *t, int W, int *kw)
{
    int pin[3], np = tv_weights_pinned(t, pin), vq = 0;
    for (int k = 0; k < np; k++) vq += t->width[pin[k]] + (k ? TV_GAP : 0);
    int fixed = TV_GUTTER + TV_KEY_PAD + vq + 1; /* the grid but the key column, a blank before the box */
    int k = tv_key_width(t, W), pw = W - 2 < PW_FULL ? W - 2 : PW_FULL;
    if (fixed + k + pw > W) { /* narrow the editor first, then the key column */
        pw = W - fixed - k;
        if (pw < PW_MIN) pw = PW_MIN;
        if (pw > W - 2) pw = W - 2;
        if (fixed + k + pw > W) k = W - pw - fixed;
        if (k < KW_MIN) k = KW_MIN < tv_key_width(t, W) ? KW_MIN : tv_key_width(t, W);
    }
    if (kw) *kw = k;
    return pw;
}

/* Whether the editor's k-th metric continues the measure of the one before
 * it: a window of the same benchmark with the same (non-zero) weight. */
static int same_measure(const tv_state *t, int k)
{
    if (k == 0) return 0;
    const ld_column *prev = catalog_col(t->cat, (size_t)metric_at(t, k - 1, NULL));
    const ld_column *col = catalog_col(t->cat, (size_t)metric_at(t, k, NULL));
    return col->weight > 0 && prev->weight == col->weight &&
           score_label_family(catalog_col_name(prev), catalog_col_name(col)) != 0;
}

void tv_weights_draw(app *a, tv_state *t, WINDOW *w)
{
    int H = getmaxy(w), W = getmaxx(w), n;
    metric_at(t, 0, &n);
    int pw = tv_weights_width(t, W, NULL), ph = n + 6 < H ? n + 6 : H, x0 = W - pw, full = pw >= PW_FULL;
    ui_box(a, w, 0, x0, ph, pw, "Weights of the value score");
    /* shares of the measures, as the quality weighs them: a benchmark's
     * windows of one weight (LCB's four) are one measure, since a row has
     * one of them (score.c's weight plan); its share shows on its first
     * window, a ditto mark on the others */
    double sum = 0;
    for (int k = 0; k < n; k++)
        if (!same_measure(t, k)) sum += catalog_col(t->cat, (size_t)metric_at(t, k, NULL))->weight;
    int rows = ph - 5, first = t->psel >= rows ? t->psel - rows + 1 : 0, barw = pw - 36;
    for (int k = first; k < n && k - first < rows; k++) {
        const ld_column *col = catalog_col(t->cat, (size_t)metric_at(t, k, NULL));
        int y = 1 + k - first, sel = k == t->psel;
        attr_t at = sel ? app_attr(a, ROLE_SELECTED) : app_attr(a, ROLE_TEXT);
        ui_fill(w, y, x0 + 1, pw - 2, at);
        ui_text(a, w, y, x0 + 1, 1, sel ? ">" : " ", at);
        ui_text(a, w, y, x0 + 3, 14, col->label, at);
        if (same_measure(t, k)) {
            ui_printf(a, w, y, x0 + 18, pw - 20, at, "%6.2f     \"", col->weight);
            continue;
        }
        ui_printf(a, w, y, x0 + 18, pw - 20, at, "%6.2f %4.0f%%", col->weight,
                  sum > 0 ? 100 * col->weight / sum : 0.0);
        if (barw > 2 && sum > 0) ui_bar(a, w, y, x0 + pw - 2 - barw, barw, col->weight / sum, app_attr(a, ROLE_BAR));
    }
    attr_t muted = app_attr(a, ROLE_MUTED);
    /* under zero a benchmark's windows (LCB's) weigh once, not once each:
     * said where the catalogue has such windows among the weighted */
    int windows = score_weighted_measures(t->cat) < score_weighted_metrics(t->cat, NULL, 0);
    if (full)
        ui_printf(a, w, ph - 4, x0 + 2, pw - 4, muted, "missing metric: %s (p)",
                  a->missing == LD_MISSING_SKIP ? "left out, weights renormalised"
                  : windows                     ? "0; windows weigh once"
                                                : "counts as 0 (2023 article)");
    else
        ui_printf(a, w, ph - 4, x0 + 2, pw - 4, muted, "missing metric: %s (p)",
                  a->missing == LD_MISSING_SKIP ? "left out" : "counts as 0");
    if (score_percentile_scale(t->cat))
        ui_printf(a, w, ph - 3, x0 + 2, pw - 4, muted,
                  full ? "quality = sum(w x percentile) / sum(w) (s)" : "quality = sum(w x pct)/sum(w) (s)");
    else
        ui_printf(a, w, ph - 3, x0 + 2, pw - 4, muted,
                  full ? "quality = sum(w x metric/100) / sum(w) (s)" : "quality = sum(w x m/100)/sum(w) (s)");
    ui_printf(a, w, ph - 2, x0 + 2, pw - 4, muted, "value = quality / relative cost");
}

/* The best row by value among the shown rows, for the bottom line. */
static void announce(app *a, tv_state *t, const ld_column *col)
{
    size_t best = (size_t)-1;
    double bv = 0;
    for (size_t i = 0; t->value_col >= 0 && i < t->n; i++) {
        double v = catalog_num(t->cat, t->fidx[i], (size_t)t->value_col);
        if (!isnan(v) && (best == (size_t)-1 || v > bv)) best = t->fidx[i], bv = v;
    }
    char name[256];
    if (best == (size_t)-1) {
        app_message(a, MSG_INFO, "%s weight %.2f", col ? col->label : "all", col ? col->weight : 0.0);
        return;
    }
    output_cell(t->cat, best, (size_t)t->key_col, name, sizeof name);
    char v[32]; /* as the Value column shows it (3 figures), not six decimals */
    output_display_number(bv, v, sizeof v);
    if (col) app_message(a, MSG_INFO, "%s weight %.2f: best value now %s (%s)", col->label, col->weight, name, v);
    else app_message(a, MSG_INFO, "best value now %s (%s)", name, v);
}

void tv_weights_announce(app *a, tv_state *t, int c)
{
    announce(a, t, c >= 0 ? catalog_col(t->cat, (size_t)c) : NULL);
}

static void changed(app *a, tv_state *t, const ld_column *col)
{
    int c = -1;
    for (size_t k = 0; col && k < catalog_cols(t->cat); k++)
        if (catalog_col(t->cat, k) == col) c = (int)k;
    tv_rescore(a, t, c);
    t->settings_dirty = 1;
    if (!tv_job_rescoring(t)) announce(a, t, col); /* else when it ends */
}

static int weight_cb(app *a, void *ctx, const char *text, int done, char *err, size_t errlen)
{
    tv_state *t = ctx;
    if (done <= 0) return 0;
    char *end;
    double v = strtod(text, &end);
    while (*end == ' ') end++;
    if (end == text || *end || !isfinite(v) || v < 0 || v > 1000) {
        snprintf(err, errlen, "a weight is a number from 0 to 1000");
        return -1;
    }
    int c = metric_at(t, t->psel, NULL);
    if (c < 0) return 0;
    ld_column *col = catalog_col(t->cat, (size_t)c);
    col->weight = v;
    changed(a, t, col);
    return 0;
}

int tv_weights_act(app *a, tv_state *t, ld_action act)
{
    int n, c = metric_at(t, t->psel, &n);
    ld_column *col = c >= 0 ? catalog_col(t->cat, (size_t)c) : NULL;
    double step = 0;
    switch (act) {
    case ACT_CLOSE: t->panel = PANEL_NONE; return 1;
    case ACT_UP: if (t->psel > 0) t->psel--; return 1;
    case ACT_DOWN: if (t->psel + 1 < n) t->psel++; return 1;
    case ACT_TOP: t->psel = 0; return 1;
    case ACT_BOTTOM: t->psel = n > 0 ? n - 1 : 0; return 1;
    case ACT_INC: step = 0.1; break;
    case ACT_DEC: step = -0.1; break;
    case ACT_INC_BIG: step = 1; break;
    case ACT_DEC_BIG: step = -1; break;
    case ACT_ZERO:
        if (col) col->weight = 0, changed(a, t, col);
        return 1;
    case ACT_RESET:
        for (size_t k = 0; k < catalog_cols(t->cat); k++) catalog_col(t->cat, k)->weight = t->default_weight[k];
        changed(a, t, NULL);
        return 1;
    case ACT_POLICY:
        a->missing = a->missing == LD_MISSING_SKIP ? LD_MISSING_ZERO : LD_MISSING_SKIP;
        changed(a, t, NULL);
        return 1;
    case ACT_SCALE:
        /* a running job may read the flag: stop it before the flag changes
         * (changed() then rescores, as after a weight) */
        tv_job_stop(t);
        if (score_set_percentile_scale(t->cat, !score_percentile_scale(t->cat)) == 0) changed(a, t, NULL);
        return 1;
    case ACT_EDIT:
        if (col) {
            char label[96], init[32];
            snprintf(label, sizeof label, "Weight of %s: ", col->label);
            snprintf(init, sizeof init, "%g", col->weight);
            app_prompt_value(a, label, init, weight_cb, t);
        }
        return 1;
    default: return 0;
    }
    if (!col) return 1;
    /* whole tenths: repeated +0.1 must not drift to 0.30000000000000004 */
    double v = round((col->weight + step) * 1000) / 1000;
    col->weight = v < 0 ? 0 : v > 1000 ? 1000 : v;
    changed(a, t, col);
    return 1;
}

/* --- column picker ---------------------------------------------------------- */

void tv_columns_draw(app *a, tv_state *t, WINDOW *w)
{
    int H = getmaxy(w), W = getmaxx(w);
    int pw = W - 4 < 50 ? W - 4 : 50, ph = (int)t->ncols + 2 < H ? (int)t->ncols + 2 : H;
    int x0 = (W - pw) / 2, rows = ph - 2;
    char title[64];
    snprintf(title, sizeof title, "Columns: %zu of %zu shown", t->nvis, t->ncols);
    ui_box(a, w, 0, x0, ph, pw, title);
    int first = t->psel >= rows ? t->psel - rows + 1 : 0;
    for (int k = first; k < (int)t->ncols && k - first < rows; k++) {
        int c = t->order[k], sel = k == t->psel;
        const ld_column *col = catalog_col(t->cat, (size_t)c);
        attr_t at = sel ? app_attr(a, ROLE_SELECTED) : t->hidden[c] ? app_attr(a, ROLE_MUTED) : app_attr(a, ROLE_TEXT);
        ui_fill(w, 1 + k - first, x0 + 1, pw - 2, at);
        ui_printf(a, w, 1 + k - first, x0 + 1, pw - 2, at, "%s[%s] %s (%s)", sel ? ">" : " ",
                  c == t->key_col ? "=" : t->hidden[c] ? " " : "x", col->label, col->id);
    }
}

int tv_columns_act(app *a, tv_state *t, ld_action act)
{
    int n = (int)t->ncols;
    switch (act) {
    case ACT_CLOSE: t->panel = PANEL_NONE; break;
    case ACT_UP: if (t->psel > 0) t->psel--; break;
    case ACT_DOWN: if (t->psel + 1 < n) t->psel++; break;
    case ACT_PAGE_UP: t->psel = t->psel > t->page ? t->psel - t->page : 0; break;
    case ACT_PAGE_DOWN: t->psel = t->psel + t->page < n ? t->psel + t->page : n - 1; break;
    case ACT_TOP: t->psel = 0; break;
    case ACT_BOTTOM: t->psel = n - 1; break;
    case ACT_TOGGLE: {
        int c = t->order[t->psel];
        if (c == t->key_col) {
            app_message(a, MSG_WARN, "the %s column stays: it names the rows", catalog_col(t->cat, (size_t)c)->label);
            break;
        }
        t->hidden[c] = !t->hidden[c];
        tv_rebuild_columns(t);
        t->settings_dirty = 1;
        break;
    }
    case ACT_SHOW_COLUMNS:
        memset(t->hidden, 0, catalog_cols(t->cat));
        tv_rebuild_columns(t);
        t->settings_dirty = 1;
        break;
    default: return 0;
    }
    return 1;
}
