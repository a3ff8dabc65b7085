/* table_detail.c - the detail panel (Enter): every field of the row with
 * its unit, what each column means (from metrics.json), how the value score
 * was reached, and where the data came from. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "llmdeck/output.h"
#include "llmdeck/pctrank.h"
#include "llmdeck/score.h"
#include "llmdeck/hosting.h"
#include "llmdeck/scenario.h"
#include "llmdeck/sizing.h"
#include "llmdeck/units.h"
#include "chart_view.h"
#include "table.h"
#include "widgets.h"

#define LABEL_W 18

/* Lines are produced in order and either drawn or only counted, so the
 * panel scrolls over wrapped text without building a list per frame. */
typedef struct {
    app *a;
    WINDOW *w;
    int y0, x0, width, height, skip, line;
} emitter;

static void emit(emitter *e, const char *label, const char *text, attr_t lat, attr_t tat)
{
    int tx = label ? LABEL_W + 1 : 0, tw = e->width - tx;
    char safe[2048];
    output_sanitize(text, safe, sizeof safe);
    const char *p = safe;
    int first = 1;
    do {
        const char *next;
        size_t len = ui_wrap(e->a, p, tw > 4 ? tw : 4, &next);
        int row = e->line - e->skip;
        if (row >= 0 && row < e->height && e->w) {
            char piece[2048];
            memcpy(piece, p, len);
            piece[len] = '\0';
            if (first && label) ui_text(e->a, e->w, e->y0 + row, e->x0, LABEL_W, label, lat);
            ui_text(e->a, e->w, e->y0 + row, e->x0 + tx, tw, piece, tat);
        }
        e->line++;
        first = 0;
        p = next;
    } while (*p);
}

static void value_text(const tv_state *t, size_t r, size_t c, char *buf, size_t n, int *missing)
{
    char cell[4096]; /* the panel wraps: whole source notes (69 cells exceed 511 bytes) */
    const ld_column *col = catalog_col(t->cat, c);
    output_cell(t->cat, r, c, cell, sizeof cell);
    if (strlen(cell) == sizeof cell - 1) { /* cut: say so, on a character's start */
        size_t i = sizeof cell - 4;
        while (i > 0 && ((unsigned char)cell[i] & 0xC0) == 0x80) i--;
        memcpy(cell + i, "\xe2\x80\xa6", 4);
    }
    *missing = !cell[0];
    char active[256] = "";
    ld_model_arch arch; /* an empty active count means "all" or "not published": which one */
    if (*missing && !strcmp(col->id, "active_params_b") && arch_from_catalog(t->cat, r, &arch, NULL) == 0)
        arch_active_describe(&arch, active, sizeof active);
    if (*missing && active[0] && arch.active_source == LD_ACTIVE_GIVEN) snprintf(buf, n, "%s", active);
    else if (*missing && active[0]) snprintf(buf, n, "n/a (%s)", active);
    else if (*missing) snprintf(buf, n, "n/a (not known)");
    else if (col->unit && col->unit[0] && col->type == LD_COL_NUMBER)
        snprintf(buf, n, "%s %s", cell, col->unit);
    else snprintf(buf, n, "%s", cell);
}

/* The sizing at one quantization, in a line: memory, GPUs, speed; through
 * the core's scenario, as the wizard and `llmdeck size --model` do. */
static void sizing_line(app *a, emitter *e, size_t row, const char *quant, ld_scenario *sc)
{
    const ld_hosting *h;
    const ld_gpu_list *gl;
    ld_error err;
    error_clear(&err);
    if (dataset_hosting(a->ds, &h, &gl, &err) != 0) {
        emit(e, quant, err.msg, app_attr(a, ROLE_ACCENT), app_attr(a, ROLE_MISSING));
        return;
    }
    ld_scenario_input si = {.cat = a->ds->models, .row = row, .hosting = h, .gpus = gl, .quant = quant, .batch = 1};
    if (scenario_compute(&si, NULL, sc, &err) < 0 || !sc->sized) {
        emit(e, quant, sc->note[0] ? sc->note : err.msg, app_attr(a, ROLE_ACCENT), app_attr(a, ROLE_MISSING));
        return;
    }
    const ld_sizing *s = &sc->sizing;
    char line[512], kv[64], fit[256], rate[32];
    if (s->kv_known) snprintf(kv, sizeof kv, "%.4g GB KV", s->kv_cache_gb);
    else snprintf(kv, sizeof kv, "KV unknown, not counted");
    units_format_rate(s->tokens_per_s, rate, sizeof rate);
    if (!sc->fits) snprintf(fit, sizeof fit, "fits on no listed GPU (8 at most)");
    else if (s->gpu->hourly_usd > 0)
        snprintf(fit, sizeof fit, "%d x %s at $%.4g/h, about %s tokens/s", s->gpus, s->gpu->name,
                 s->gpus * s->gpu->hourly_usd, rate);
    else snprintf(fit, sizeof fit, "%d x %s (no hourly price), about %s tokens/s", s->gpus, s->gpu->name, rate);
    snprintf(line, sizeof line, "%.4g GB weights + %s + %.4g GB overhead = %.4g GB: %s", s->weights_gb, kv,
             s->overhead_gb, s->total_gb, fit);
    if (sc->release) { /* say what "release" is */
        char rel[600];
        snprintf(rel, sizeof rel, "%s: %s", sc->quant_label, line);
        emit(e, quant, rel, app_attr(a, ROLE_ACCENT), app_attr(a, ROLE_TEXT));
    } else
        emit(e, quant, line, app_attr(a, ROLE_ACCENT), app_attr(a, ROLE_TEXT));
}

static void sizing_lines(app *a, tv_state *t, emitter *e, size_t r)
{
    attr_t accent = app_attr(a, ROLE_ACCENT), muted = app_attr(a, ROLE_MUTED);
    char line[1536];
    ld_model_arch arch;
    ld_error err;
    error_clear(&err);
    emit(e, NULL, "", muted, muted);
    /* not the Mem GB column's set-up: say how they differ, or two memories of
     * one model read as a contradiction (29.9 GB on 2 x L4 here, 23.1 GB on
     * an RTX 4090 there: two GPUs carry two overheads) */
    snprintf(line, sizeof line,
             "Sizing: %d-token context, batch 1, on the cheapest priced datacenter GPUs that hold it (the "
             "overhead is per GPU; Mem GB above: the smallest card of any class)",
             SIZING_DEFAULT_CONTEXT);
    emit(e, NULL, line, accent, accent);
    if (sizing_arch_from_catalog(t->cat, r, &arch, &err) != 0) {
        emit(e, "", "no architecture data (no parameter count)", muted, app_attr(a, ROLE_MISSING));
        return;
    }
    static ld_scenario sc; /* large; one thread */
    sizing_line(a, e, r, "fp16", &sc);
    sizing_line(a, e, r, "int4", &sc);
    const char *rq, *req;
    int released = scenario_release_quant(t->cat, r, &rq, &req);
    if (released) sizing_line(a, e, r, SCENARIO_QUANT_RELEASE, &sc);
    size_t used = (size_t)snprintf(line, sizeof line, "weights = %.4gB params x bits / 8", arch.params_b);
    if (released && sc.sized && sc.sizing.routed_params_b > 0) /* the release line's experts at their own bits */
        used += (size_t)snprintf(line + used, sizeof line - used,
                                 " (as released: the %.4gB routed-expert params at %g bits, the rest at %g)",
                                 sc.sizing.routed_params_b, sc.sizing.expert_bits,
                                 sc.sizing.base_bits);
    if (arch.unread_params_b > 0 && arch.unread_params_b < arch.params_b && used < sizeof line)
        /* the speeds above count only what a token reads: say so beside the weights */
        used += (size_t)snprintf(line + used, sizeof line - used,
                                 " (a text token reads %.4gB: %.4gB of per-layer embeddings and encoders are not read)",
                                 arch.params_b - arch.unread_params_b, arch.unread_params_b);
    if (arch_kv_known(&arch) && used < sizeof line) {
        /* the formula of the model's attention kind (GQA, MLA, sliding window, hybrid) */
        char formula[400], index[400];
        arch_kv_elems(&arch, SIZING_DEFAULT_CONTEXT, formula, sizeof formula);
        arch_index_bytes(&arch, SIZING_DEFAULT_CONTEXT, index, sizeof index); /* indexer keys, compressor state */
        used += (size_t)snprintf(line + used, sizeof line - used, "; KV (%s) = %s x 2 bytes%s%s",
                                 arch_attn_name(&arch), formula, index[0] ? " + " : "", index);
    }
    if (used < sizeof line)
        snprintf(line + used, sizeof line - used,
                 "; overhead %g GB on one GPU, %g GB a GPU on more, + %.0f%% of the weights; fit at %.0f%% of the "
                 "memory the driver reports; decode = bandwidth / bytes per token x efficiency. llmdeck size shows "
                 "the whole basis%s.",
                 SIZING_OVERHEAD_ONE_GPU_GB, SIZING_OVERHEAD_TP_GPU_GB, SIZING_OVERHEAD_FRACTION * 100,
                 SIZING_GPU_MEM_UTIL * 100,
                 released ? " (--quant release: as released)" : "");
    emit(e, "", line, muted, muted);
}

/* Each weighted metric of row r on the percentile scale: its value, where
 * it stands and the percentile the quality averaged, so the figure can be
 * checked by hand.  O(rows) a metric (pctrank_cell). */
static void percentile_lines(tv_state *t, emitter *e, size_t r, attr_t at)
{
    size_t cols[64], n = score_weighted_metrics(t->cat, cols, 64);
    for (size_t i = 0; i < n && i < 64; i++) {
        const ld_column *col = catalog_col(t->cat, cols[i]);
        double m = catalog_num(t->cat, r, cols[i]);
        if (isnan(m)) continue;
        ld_pctrank_counts k;
        double p = pctrank_cell(col->num, catalog_rows(t->cat), m, col->higher_is_better, &k);
        char val[64], line[400];
        output_cell(t->cat, r, cols[i], val, sizeof val);
        if (isnan(p))
            snprintf(line, sizeof line, "%s %s: the only row measured on it, so not ranked (left out)", col->label,
                     val);
        else
            snprintf(line, sizeof line, "%s %s, weight %g: %s than %zu of the %zu rows measured, %zu with its value: (%zu + "
                     "%zu/2) / %zu = %.3f",
                     col->label, val, col->weight, col->higher_is_better ? "higher" : "lower", k.below, k.measured,
                     k.equal, k.below, k.equal, k.measured, p);
        emit(e, "", line, at, at);
    }
}

static void lines(app *a, tv_state *t, emitter *e)
{
    size_t r = t->idx[t->cur];
    attr_t text = app_attr(a, ROLE_TEXT), muted = app_attr(a, ROLE_MUTED);
    attr_t accent = app_attr(a, ROLE_ACCENT), miss = app_attr(a, ROLE_MISSING);
    char buf[4200], line[1200];
    snprintf(line, sizeof line, "Row %zu of %zu shown; %s", t->cur + 1, t->n, a->data_label);
    emit(e, NULL, line, muted, muted);
    for (size_t c = 0; c < catalog_cols(t->cat); c++) {
        const ld_column *col = catalog_col(t->cat, c);
        int missing;
        value_text(t, r, c, buf, sizeof buf, &missing);
        emit(e, col->label, buf, accent, missing ? miss : text);
        char about[1024] = "";
        size_t used = 0;
        if (col->description && col->description[0])
            used += (size_t)snprintf(about, sizeof about, "%s", col->description);
        int directed = tv_is_scored(t, (int)c) && !(col->flags & LD_COLF_YESNO);
        if (directed && used < sizeof about)
            used += (size_t)snprintf(about + used, sizeof about - used, "%s%s is better",
                                     used ? " " : "", col->higher_is_better ? "Higher" : "Lower");
        if (col->weight > 0 && used < sizeof about)
            snprintf(about + used, sizeof about - used, "; weight %g in the value score.", col->weight);
        else if (used && used < sizeof about && directed)
            snprintf(about + used, sizeof about - used, ".");
        if (about[0]) emit(e, "", about, muted, muted);
    }
    /* how the value score came about, with the numbers */
    int cost = catalog_col_index(t->cat, "relative_cost");
    if (t->value_col >= 0 && t->quality_col >= 0 && cost >= 0) {
        double q = catalog_num(t->cat, r, (size_t)t->quality_col), rc = catalog_num(t->cat, r, (size_t)cost);
        double v = catalog_num(t->cat, r, (size_t)t->value_col);
        emit(e, NULL, "", text, text);
        if (!isnan(v))
            /* the value to the four figures the quality is shown with:
             * six decimals ("112.400000") claimed a precision it lacks */
            snprintf(line, sizeof line, "Value = quality / relative cost = %.4f / %g = %.4g", q, rc, v);
        else if (isnan(q))
            snprintf(line, sizeof line, "Value n/a: no weighted metric (w opens the weights)");
        else
            snprintf(line, sizeof line, "Value n/a: the relative cost is missing or not positive");
        emit(e, NULL, line, accent, accent);
        if (score_percentile_scale(t->cat)) {
            snprintf(line, sizeof line,
                     "Quality = sum(weight x percentile) / sum(weight); a metric's percentile is (rows below + rows "
                     "with its value / 2) / rows measured, among the rows measured on it; a missing metric %s.",
                     a->missing == LD_MISSING_SKIP ? "is left out" : "counts as 0");
            emit(e, NULL, line, muted, muted);
            percentile_lines(t, e, r, muted);
        } else {
            snprintf(line, sizeof line, "Quality = sum(weight x metric/100) / sum(weight); a missing metric %s.",
                     a->missing == LD_MISSING_SKIP ? "is left out" : "counts as 0 (the 2023 article's rule)");
            emit(e, NULL, line, muted, muted);
        }
    }
    sizing_lines(a, t, e, r);
}

void tv_detail_draw(app *a, tv_state *t, WINDOW *w)
{
    if (!t->n) {
        t->panel = PANEL_NONE;
        return;
    }
    int H = getmaxy(w), W = getmaxx(w);
    char title[300], name[256];
    output_cell(t->cat, t->idx[t->cur], (size_t)t->key_col, name, sizeof name);
    snprintf(title, sizeof title, "%s: detail", name);
    ui_box(a, w, 0, 0, H, W, title);
    emitter count = {a, NULL, 0, 0, W - 6, 1 << 30, 0, 0};
    lines(a, t, &count);
    t->pmax = count.line - (H - 2) > 0 ? count.line - (H - 2) : 0;
    if (t->pscroll > t->pmax) t->pscroll = t->pmax;
    emitter e = {a, w, 1, 3, W - 6, H - 2, t->pscroll, 0};
    lines(a, t, &e);
    if (t->pmax > 0) {
        char pos[64];
        snprintf(pos, sizeof pos, " %d%% ", (t->pscroll * 100) / t->pmax);
        ui_put(a, w, H - 1, 3, W - 8, pos, app_attr(a, ROLE_MUTED), UI_RIGHT, 0);
    }
}

int tv_detail_act(app *a, tv_state *t, ld_action act)
{
    (void)a;
    int page = t->page > 2 ? t->page - 2 : 1;
    switch (act) {
    case ACT_CLOSE: /* opened from the chart (which is kept meanwhile): back to it */
        if (t->chart) tv_chart_resume(t);
        else t->panel = PANEL_NONE;
        break;
    case ACT_UP: t->pscroll--; break;
    case ACT_DOWN: t->pscroll++; break;
    case ACT_PAGE_UP: t->pscroll -= page; break;
    case ACT_PAGE_DOWN: t->pscroll += page; break;
    case ACT_TOP: t->pscroll = 0; break;
    case ACT_BOTTOM: t->pscroll = t->pmax; break;
    case ACT_RIGHT: /* the next row, without leaving the panel */
        if (t->cur + 1 < t->n) t->cur++, t->pscroll = 0;
        break;
    case ACT_LEFT:
        if (t->cur > 0) t->cur--, t->pscroll = 0;
        break;
    default: return 0;
    }
    if (t->pscroll > t->pmax) t->pscroll = t->pmax;
    if (t->pscroll < 0) t->pscroll = 0;
    tv_clamp(t);
    return 1;
}
