/* table_data.c - the table's rows and columns: filter, sort, marks, column
 * order and widths, scores and saved settings.  Allocation happens here,
 * when the data or the settings change, never while drawing. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "llmdeck/output.h"
#include "table.h"
#include "widgets.h"

/* The columns people compare first; the rest follow in catalogue order.
 * Value right after the name: it is what the view is for, and it stays in
 * sight when the weights editor covers the right side. */

#define SAMPLE_ROWS 4096

/* The widest a column gets (_ on a column of long text) and the narrowest
 * ( makes it. */
#define WIDTH_MAX 200
#define WIDTH_MIN 4

/* Widest cell of column c over a sample of rows (a million rows are not
 * all measured: the sample is spread evenly over the table), at most cap
 * (0: the default cap of its kind). */
static int measure_to(const app *a, const tv_state *t, int c, int cap)
{
    const ld_column *col = catalog_col(t->cat, (size_t)c);
    int w = ui_width(a, col->label) + 2; /* room for the sort mark */
    if (w < 3) w = 3;
    size_t step = t->nrows > SAMPLE_ROWS ? t->nrows / SAMPLE_ROWS : 1;
    char buf[512];
    for (size_t r = 0; r < t->nrows; r += step) {
        int cw = ui_width(a, tv_cell_text(t, r, c, buf, sizeof buf));
        if (cw > w) w = cw;
    }
    if (cap <= 0) cap = c == t->key_col ? 30 : col->type == LD_COL_TEXT ? 24 : 16;
    return w > cap ? cap : w;
}

static int measure(const app *a, const tv_state *t, int c) { return measure_to(a, t, c, 0); }

/* The width column c has on screen: the key column may be capped. */
static int shown_width(const tv_state *t, int c)
{
    return c == t->key_col && t->drawn_w > 0 ? tv_key_width(t, t->drawn_w) : t->width[c];
}

void tv_col_resize(app *a, tv_state *t, int c, int step)
{
    const char *label = catalog_col(t->cat, (size_t)c)->label;
    int w = shown_width(t, c) + step;
    int max = c == t->key_col && t->drawn_w > 0 ? tv_key_max(t->drawn_w) : WIDTH_MAX;
    if (w > max) w = max;
    if (w < WIDTH_MIN) w = WIDTH_MIN;
    if (w == shown_width(t, c)) {
        app_message(a, MSG_WARN, "%s is as %s as it gets here (%d)", label, step > 0 ? "wide" : "narrow", w);
        return;
    }
    t->width[c] = w;
    t->wset[c] = 1;
    app_message(a, MSG_INFO, "%s: %d wide; ( and ) narrow and widen it, _ fits it", label, w);
}

void tv_col_fit(app *a, tv_state *t, int c)
{
    const char *label = catalog_col(t->cat, (size_t)c)->label;
    int full = measure_to(a, t, c, WIDTH_MAX);
    if (c == t->key_col && t->drawn_w > 0 && full > tv_key_max(t->drawn_w)) full = tv_key_max(t->drawn_w);
    if (t->wset[c] && shown_width(t, c) == full) { /* again: back to the measured width */
        t->wset[c] = 0;
        t->width[c] = measure(a, t, c);
        app_message(a, MSG_INFO, "%s: back to %d wide", label, shown_width(t, c));
        return;
    }
    t->width[c] = full;
    t->wset[c] = 1;
    app_message(a, MSG_INFO, "%s: %d wide, its widest cell (_ again: back)", label, shown_width(t, c));
}

const char *tv_cell_text(const tv_state *t, size_t row, int c, char *buf, size_t n)
{
    /* computed scores on screen: three significant digits, what the data
     * supports (exports and the detail panel keep every digit) */
    return output_display_cell(t->cat, row, (size_t)c, buf, n);
}

int tv_is_scored(const tv_state *t, int c)
{
    const ld_column *col = catalog_col(t->cat, (size_t)c);
    if (col->type != LD_COL_NUMBER) return 0;
    if (col->flags & (LD_COLF_METRIC | LD_COLF_DERIVED)) return 1;
    if (!col->higher_is_better) return 1; /* declared lower-is-better: a cost */
    /* numbers metrics.json does not describe are the user's own scores */
    return !(col->flags & LD_COLF_DECLARED_NUMBER);
}

void tv_rebuild_columns(tv_state *t)
{
    t->nvis = 0;
    for (size_t i = 0; i < t->ncols; i++)
        if (!t->hidden[t->order[i]] || t->order[i] == t->key_col) t->vis[t->nvis++] = t->order[i];
    if (t->ccol >= t->nvis) t->ccol = t->nvis ? t->nvis - 1 : 0;
    if (t->left < 1) t->left = 1;
    if (t->left >= t->nvis && t->nvis > 1) t->left = t->nvis - 1;
}

static int build_order(const app *a, tv_state *t)
{
    size_t nc = catalog_cols(t->cat);
    t->order = malloc(nc * sizeof *t->order);
    t->vis = malloc(nc * sizeof *t->vis);
    t->width = calloc(nc, sizeof *t->width);
    t->colx0 = calloc(nc, sizeof *t->colx0);
    t->colx1 = calloc(nc, sizeof *t->colx1);
    t->hidden = calloc(nc, 1);
    t->wset = calloc(nc, 1);
    t->default_weight = calloc(nc, sizeof *t->default_weight);
    t->scored_weight = calloc(nc, sizeof *t->scored_weight);
    if (!t->order || !t->vis || !t->width || !t->colx0 || !t->colx1 || !t->hidden || !t->wset || !t->default_weight ||
        !t->scored_weight)
        return -1;
    int has_cost = catalog_col_index(t->cat, "relative_cost") >= 0;
    unsigned char *used = calloc(nc, 1);
    if (!used) return -1;
    t->ncols = 0;
    t->order[t->ncols++] = t->key_col;
    used[t->key_col] = 1;
    /* the data set's table_columns (metrics.json), its computed scores
     * (value, quality, coverage) first: they are what the table ranks by */
    for (int pass = 0; pass < 2; pass++)
        for (char *const *id = a->ds->table_columns; *id; id++) {
            int c = catalog_col_index(t->cat, *id);
            int derived = c >= 0 && (catalog_col(t->cat, (size_t)c)->flags & LD_COLF_DERIVED);
            if (c >= 0 && !used[c] && derived == (pass == 0)) t->order[t->ncols++] = c, used[c] = 1;
        }
    /* then the other scores (the user's own, from --load or FILE), so they
     * sit beside the benchmarks they are compared with */
    for (size_t c = 0; c < nc; c++)
        if (!used[c] && tv_is_scored(t, (int)c) && !(catalog_col(t->cat, c)->flags & LD_COLF_DERIVED))
            t->order[t->ncols++] = (int)c, used[c] = 1;
    for (size_t c = 0; c < nc; c++) {
        const ld_column *col = catalog_col(t->cat, c);
        if (used[c]) continue;
        used[c] = 1;
        if ((col->flags & LD_COLF_DERIVED) && !has_cost) continue;
        t->order[t->ncols++] = (int)c;
    }
    /* derived columns are meaningless without a cost to divide by */
    if (!has_cost) {
        size_t k = 0;
        for (size_t i = 0; i < t->ncols; i++)
            if (!(catalog_col(t->cat, (size_t)t->order[i])->flags & LD_COLF_DERIVED)) t->order[k++] = t->order[i];
        t->ncols = k;
    }
    free(used);
    for (size_t c = 0; c < nc; c++) {
        const ld_column *col = catalog_col(t->cat, c);
        t->default_weight[c] = col->weight;
    }
    t->default_scale = score_percentile_scale(t->cat); /* as metrics.json says, before saved settings */
    for (size_t i = 0; i < t->ncols; i++) t->width[t->order[i]] = measure(a, t, t->order[i]);
    return 0;
}

int tv_data_init(app *a, tv_state *t)
{
    t->cat = a->ds->models;
    if (score_update(t->cat, a->missing) < 0) return -1;
    t->nrows = catalog_rows(t->cat);
    t->key_col = (int)catalog_key_col(t->cat);
    t->value_col = catalog_col_index(t->cat, "value_score");
    t->quality_col = catalog_col_index(t->cat, "quality");
    size_t cap = t->nrows ? t->nrows : 1;
    t->fidx = malloc(cap * sizeof *t->fidx);
    t->idx = malloc(cap * sizeof *t->idx);
    t->cmp = malloc(cap * sizeof *t->cmp);
    t->marked = calloc(cap, 1);
    /* a few sorted permutations kept: sorting again by an earlier key is a copy */
    t->sort_cache = view_cache_new(6);
    if (!t->fidx || !t->idx || !t->cmp || !t->marked || !t->sort_cache) return -1;
    t->n = view_identity(t->cat, t->fidx);
    memcpy(t->idx, t->fidx, t->n * sizeof *t->idx);
    if (build_order(a, t) != 0) return -1;
    t->left = 1;
    tv_rebuild_columns(t);
    t->page = 1;
    return 0;
}

void tv_data_fini(tv_state *t)
{
    filter_free(t->filter);
    view_cache_free(t->sort_cache);
    free(t->fidx);
    free(t->idx);
    free(t->cmp);
    free(t->marked);
    free(t->order);
    free(t->vis);
    free(t->width);
    free(t->colx0);
    free(t->colx1);
    free(t->hidden);
    free(t->wset);
    free(t->default_weight);
    free(t->scored_weight);
}

void tv_clamp(tv_state *t)
{
    size_t page = t->page > 0 ? (size_t)t->page : 1;
    if (t->n == 0) {
        t->cur = t->top = 0;
    } else {
        if (t->cur >= t->n) t->cur = t->n - 1;
        if (t->cur < t->top) t->top = t->cur;
        if (t->cur >= t->top + page) t->top = t->cur - page + 1;
        if (t->top + page > t->n) t->top = t->n > page ? t->n - page : 0;
    }
    if (t->nvis && t->ccol >= t->nvis) t->ccol = t->nvis - 1;
}

static void place_cursor(tv_state *t, int mode, uint32_t keep, int had)
{
    if (mode == TV_CUR_KEEP_TOP) t->top = 0;
    t->cur = 0;
    /* the cursor stays on its row, wherever the row went (as in htop) */
    for (size_t i = 0; mode != TV_CUR_TOP && had && i < t->n; i++)
        if (t->idx[i] == keep) {
            t->cur = i;
            break;
        }
    if (mode == TV_CUR_TOP) t->top = 0;
    tv_clamp(t);
}

static void extract_words(tv_state *t, const char *s);

static void commit_meta(tv_state *t, tv_change *ch, uint32_t keep, int had)
{
    if (ch->refilter) {
        filter_free(t->filter);
        t->filter = ch->filter;
        ch->filter = NULL;
        snprintf(t->filter_text, sizeof t->filter_text, "%s", t->filter ? ch->text : "");
        extract_words(t, t->filter_text);
        t->set_id++; /* a new set of rows: earlier sorts don't apply */
    }
    if (ch->sorted_from && had) {
        t->sorted_from = keep;
        t->has_sorted_from = 1;
    }
    memmove(t->keys, ch->keys, ch->nkeys * sizeof *t->keys);
    t->nkeys = ch->nkeys;
}

void tv_change_commit(tv_state *t, tv_change *ch, uint32_t keep, int had)
{
    commit_meta(t, ch, keep, had);
    place_cursor(t, ch->cursor, keep, had);
}

void tv_change_view(tv_state *t, tv_change *ch)
{
    tv_job_stop(t); /* the newest change wins (a filter typed live) */
    int had = t->n > 0;
    uint32_t keep = had ? t->idx[t->cur < t->n ? t->cur : 0] : 0;
    if (tv_job_wanted(t, ch) && tv_job_start(t, ch, keep, had) == 0) return;
    if (ch->refilter) {
        t->n = view_identity(t->cat, t->fidx);
        if (ch->filter) t->n = filter_apply(ch->filter, t->cat, t->fidx, t->n, t->fidx);
    }
    commit_meta(t, ch, keep, had);
    if (t->nkeys) view_sort_cached(t->sort_cache, t->cat, t->set_id, t->fidx, t->idx, t->n, t->keys, t->nkeys);
    else memcpy(t->idx, t->fidx, t->n * sizeof *t->idx);
    place_cursor(t, ch->cursor, keep, had);
}

void tv_resort(tv_state *t)
{
    tv_change ch = {.nkeys = t->nkeys, .cursor = TV_CUR_KEEP};
    memcpy(ch.keys, t->keys, sizeof ch.keys);
    tv_change_view(t, &ch);
}

/* Collects the plain words of a filter (not keywords, not either side of
 * a comparison) for n/N. */
static void extract_words(tv_state *t, const char *s)
{
    t->nwords = 0;
    char tok[64][64];
    int kind[64], nt = 0; /* 0 word, 1 operator, 2 parenthesis */
    const char *p = s;
    while (*p && nt < 64) {
        if (isspace((unsigned char)*p)) {
            p++;
            continue;
        }
        size_t n = 0;
        if (*p == '(' || *p == ')') {
            kind[nt] = 2;
            tok[nt][n++] = *p++;
        } else if (strchr("<>=!~", *p)) {
            kind[nt] = 1;
            while (*p && strchr("<>=!~", *p)) tok[nt][n < 63 ? n++ : n] = *p++;
        } else if (*p == '"' || *p == '\'') {
            char q = *p++;
            kind[nt] = 0;
            while (*p && *p != q) tok[nt][n < 63 ? n++ : n] = *p++;
            if (*p) p++;
        } else {
            kind[nt] = 0;
            while (*p && !isspace((unsigned char)*p) && !strchr("()<>=!~", *p)) tok[nt][n < 63 ? n++ : n] = *p++;
        }
        tok[nt][n] = '\0';
        nt++;
    }
    for (int i = 0; i < nt && t->nwords < TV_MAX_WORDS; i++) {
        if (kind[i] != 0 || !tok[i][0]) continue;
        if ((i > 0 && kind[i - 1] == 1) || (i + 1 < nt && kind[i + 1] == 1)) continue;
        if (!strcasecmp(tok[i], "and") || !strcasecmp(tok[i], "or") || !strcasecmp(tok[i], "not")) continue;
        size_t l = strnlen(tok[i], sizeof t->words[0] - 1);
        memcpy(t->words[t->nwords], tok[i], l);
        t->words[t->nwords++][l] = '\0';
    }
}

void tv_set_filter(tv_state *t, ld_filter *f, const char *text)
{
    tv_change ch = {.refilter = 1, .filter = f, .nkeys = t->nkeys, .cursor = TV_CUR_KEEP_TOP};
    snprintf(ch.text, sizeof ch.text, "%s", f && text ? text : "");
    memcpy(ch.keys, t->keys, sizeof ch.keys);
    tv_change_view(t, &ch);
}

void tv_scores_remember(const app *a, tv_state *t)
{
    /* what the scores on screen were computed with: a cancelled rescore
     * goes back to it */
    for (size_t c = 0; c < catalog_cols(t->cat); c++) t->scored_weight[c] = catalog_col(t->cat, c)->weight;
    t->scored_missing = a->missing;
    t->scored_scale = score_percentile_scale(t->cat);
}

void tv_scores_taken(app *a, tv_state *t, int resort)
{
    tv_scores_remember(a, t);
    for (size_t i = 0; i < t->ncols; i++)
        if ((catalog_col(t->cat, (size_t)t->order[i])->flags & LD_COLF_DERIVED) && !t->wset[t->order[i]])
            t->width[t->order[i]] = measure(a, t, t->order[i]);
    for (size_t k = 0; resort && k < t->nkeys; k++)
        if (catalog_col(t->cat, (size_t)t->keys[k].col)->flags & LD_COLF_DERIVED) {
            tv_resort(t);
            break;
        }
}

void tv_rescore(app *a, tv_state *t, int col)
{
    tv_job_stop(t); /* the scores are the catalogue's: no job may read them now */
    if (score_prepare(t->cat) != 0) return;
    /* 0.3 s at a million rows: on a helper thread, which ends in
     * tv_scores_taken */
    if (tv_job_wanted(t, NULL) && tv_job_rescore(t, a->missing, col) == 0) return;
    ld_scores s;
    if (score_compute(t->cat, a->missing, &s, NULL) != 0) return;
    score_install(t->cat, &s);
    tv_scores_taken(a, t, 1);
}

void tv_refresh_values(app *a, tv_state *t)
{
    /* hand the filter back to tv_set_filter, which applies it afresh (and
     * counts a new row set, so cached sorts are not reused) */
    tv_job_stop(t);
    ld_filter *f = t->filter;
    char text[sizeof t->filter_text];
    snprintf(text, sizeof text, "%s", t->filter_text);
    t->filter = NULL;
    tv_set_filter(t, f, text);
    for (size_t i = 0; i < t->ncols; i++)
        if (!t->wset[t->order[i]]) t->width[t->order[i]] = measure(a, t, t->order[i]);
}

void tv_sort(app *a, tv_state *t, int c, int desc, int add)
{
    tv_change ch = {.nkeys = t->nkeys, .cursor = TV_CUR_TOP, .sorted_from = 1};
    memcpy(ch.keys, t->keys, sizeof ch.keys);
    size_t k;
    for (k = 0; k < ch.nkeys && ch.keys[k].col != c; k++) {}
    if (!add || ch.nkeys == 0) {
        ch.keys[0].col = c;
        ch.keys[0].desc = desc;
        ch.nkeys = 1;
    } else if (k < ch.nkeys) {
        ch.keys[k].desc = desc; /* already a key: change its direction only */
    } else if (ch.nkeys < LD_MAX_SORT_KEYS) {
        ch.keys[ch.nkeys].col = c;
        ch.keys[ch.nkeys].desc = desc;
        ch.nkeys++;
    } else {
        app_message(a, MSG_WARN, "at most %d sort keys; [ or ] starts a new sort", LD_MAX_SORT_KEYS);
        return;
    }
    /* after a sort the top of the table is what was asked for; ' goes back */
    tv_change_view(t, &ch);
}

void tv_sort_clear(tv_state *t)
{
    tv_change ch = {.nkeys = 0, .cursor = TV_CUR_KEEP};
    tv_change_view(t, &ch);
}

void tv_back_to_row(app *a, tv_state *t)
{
    if (!t->has_sorted_from) {
        app_message(a, MSG_INFO, "no sort to come back from");
        return;
    }
    for (size_t i = 0; i < t->n; i++)
        if (t->idx[i] == t->sorted_from) {
            t->cur = i;
            tv_clamp(t);
            return;
        }
    app_message(a, MSG_INFO, "that row is filtered out");
}

void tv_header_label(const app *a, const tv_state *t, int c, char *buf, size_t n)
{
    const char *label = catalog_col(t->cat, (size_t)c)->label;
    for (size_t k = 0; k < t->nkeys; k++)
        if (t->keys[k].col == c) {
            if (t->nkeys > 1)
                snprintf(buf, n, "%s%s%zu", label, t->keys[k].desc ? a->g.down : a->g.up, k + 1);
            else
                snprintf(buf, n, "%s%s", label, t->keys[k].desc ? a->g.down : a->g.up);
            return;
        }
    snprintf(buf, n, "%s", label);
}

static int cell_has_word(const tv_state *t, size_t row, int c)
{
    char buf[512];
    const char *s = output_cell(t->cat, row, (size_t)c, buf, sizeof buf);
    for (int i = 0; i < t->nwords; i++) {
        size_t wl = strlen(t->words[i]);
        for (const char *p = s; *p; p++)
            if (strncasecmp(p, t->words[i], wl) == 0) return 1;
    }
    return 0;
}

int tv_find(tv_state *t, int dir)
{
    if (!t->nwords || !t->n || !t->nvis) return -1;
    size_t cells = t->n * t->nvis, at = t->cur * t->nvis + t->ccol;
    for (size_t step = 1; step <= cells; step++) {
        size_t pos = dir > 0 ? (at + step) % cells : (at + cells - step % cells) % cells;
        size_t r = pos / t->nvis, c = pos % t->nvis;
        if (cell_has_word(t, t->idx[r], t->vis[c])) {
            t->cur = r;
            t->ccol = c;
            tv_clamp(t);
            return 0;
        }
    }
    return -1;
}

int tv_weights_custom(const tv_state *t)
{
    for (size_t c = 0; c < catalog_cols(t->cat); c++)
        if (catalog_col(t->cat, c)->weight != t->default_weight[c]) return 1;
    return 0;
}

/* Each built-in data set keeps its own table settings: their metrics and
 * missing-value rules differ ("table" held the settings of the first
 * release's catalogue, whose metrics are gone: it is no longer read). */
static const char *settings_section(const app *a)
{
    return a->ds && a->ds->kind == LD_DATASET_SEED ? "table.seed" : "table.current";
}

/* The data set's default order (metrics.json default_sort): the current
 * catalogue opens ranked by quality, not in file order. */
static void apply_default_sort(app *a, tv_state *t)
{
    if (!a->ds || !a->ds->default_sort[0] || t->nkeys) return;
    size_t nk = 0;
    if (view_parse_sort(t->cat, a->ds->default_sort, "default_sort", t->keys, &nk, NULL) != 0) return;
    tv_change ch = {.nkeys = nk, .cursor = TV_CUR_TOP};
    memcpy(ch.keys, t->keys, sizeof ch.keys);
    t->nkeys = 0;
    tv_change_view(t, &ch);
}

void tv_load_settings(app *a, tv_state *t)
{
    a->missing = a->ds ? a->ds->policy : LD_MISSING_ZERO;
    const cJSON *sec = config_get(a->cfg, settings_section(a));
    if (!cJSON_IsObject(sec)) {
        score_update(t->cat, a->missing);
        apply_default_sort(a, t);
        return;
    }
    const cJSON *w = cJSON_GetObjectItemCaseSensitive(sec, "weights"), *it;
    cJSON_ArrayForEach(it, w) {
        int c = catalog_col_index(t->cat, it->string);
        /* a weight that no longer fits the data is ignored, not an error */
        if (c >= 0 && cJSON_IsNumber(it) && isfinite(it->valuedouble) && it->valuedouble >= 0 &&
            it->valuedouble <= 1000 && catalog_col(t->cat, (size_t)c)->type == LD_COL_NUMBER &&
            !(catalog_col(t->cat, (size_t)c)->flags & LD_COLF_DERIVED))
            catalog_col(t->cat, (size_t)c)->weight = it->valuedouble;
    }
    const cJSON *h = cJSON_GetObjectItemCaseSensitive(sec, "hidden");
    cJSON_ArrayForEach(it, h) {
        int c = cJSON_IsString(it) ? catalog_col_index(t->cat, it->valuestring) : -1;
        if (c >= 0 && c != t->key_col) t->hidden[c] = 1;
    }
    const char *m = config_get_string(a->cfg, settings_section(a), "missing");
    if (m && strcmp(m, "skip") == 0) a->missing = LD_MISSING_SKIP;
    else if (m && strcmp(m, "zero") == 0) a->missing = LD_MISSING_ZERO;
    const char *sc = config_get_string(a->cfg, settings_section(a), "scale");
    if (sc && (!strcmp(sc, "raw") || !strcmp(sc, "percentile")))
        score_set_percentile_scale(t->cat, !strcmp(sc, "percentile"));
    score_update(t->cat, a->missing);
    tv_rebuild_columns(t);
    apply_default_sort(a, t);
}

void tv_save_settings(app *a, tv_state *t)
{
    if (!t->settings_dirty) return;
    const cJSON *old = config_get(a->cfg, settings_section(a));
    cJSON *sec = cJSON_IsObject(old) ? cJSON_Duplicate(old, 1) : cJSON_CreateObject();
    cJSON *w = cJSON_CreateObject(), *h = cJSON_CreateArray();
    if (!sec || !w || !h) {
        cJSON_Delete(sec);
        cJSON_Delete(w);
        cJSON_Delete(h);
        return;
    }
    for (size_t c = 0; c < catalog_cols(t->cat); c++) {
        const ld_column *col = catalog_col(t->cat, c);
        if (col->type == LD_COL_NUMBER && !(col->flags & LD_COLF_DERIVED) &&
            (col->weight != 0 || t->default_weight[c] != 0))
            cJSON_AddNumberToObject(w, col->id, col->weight);
        if (t->hidden[c]) cJSON_AddItemToArray(h, cJSON_CreateString(col->id));
    }
    cJSON_DeleteItemFromObjectCaseSensitive(sec, "weights");
    cJSON_DeleteItemFromObjectCaseSensitive(sec, "hidden");
    cJSON_DeleteItemFromObjectCaseSensitive(sec, "missing");
    cJSON_DeleteItemFromObjectCaseSensitive(sec, "scale");
    cJSON_AddItemToObject(sec, "weights", w);
    cJSON_AddItemToObject(sec, "hidden", h);
    cJSON_AddStringToObject(sec, "missing", a->missing == LD_MISSING_SKIP ? "skip" : "zero");
    cJSON_AddStringToObject(sec, "scale", score_percentile_scale(t->cat) ? "percentile" : "raw");
    config_set(a->cfg, settings_section(a), sec);
    t->settings_dirty = 0;
}
