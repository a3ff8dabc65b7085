/* cost_view.c - view 3, API versus self-hosting: the view interface, knob
 * steps and typed values, the mouse (see cost_view.h for the modules).
 *
 * Steps: Left/Right move the volume and the price one step along a series
 * of round numbers, ten per decade (1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5,
 * about ×1.25 each, so the seed's 750M and 1.25B are on it); H/L and
 * Shift-arrows ×10.  Percentages move by 5 points (big: 25), the batch
 * doubles (big: ×8), lists move one entry (big: 10). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cost_view.h"
#include "keys.h"
#include "llmdeck/units.h"
#include "widgets.h"

static const ld_keybind cv_keys[] = {
    {SCOPE_COST, "k", ACT_UP, "previous knob"},
    {SCOPE_COST, "<Up>", ACT_UP, NULL},
    {SCOPE_COST, "j", ACT_DOWN, "next knob"},
    {SCOPE_COST, "<Down>", ACT_DOWN, NULL},
    {SCOPE_COST, "l", ACT_RIGHT, "step up: volume, price x1.25 (round numbers); % +5; batch x2; list +1"},
    {SCOPE_COST, "<Right>", ACT_RIGHT, NULL},
    {SCOPE_COST, "h", ACT_LEFT, "step down, the same steps"},
    {SCOPE_COST, "<Left>", ACT_LEFT, NULL},
    {SCOPE_COST, "L", ACT_INC_BIG, "big step up: volume, price x10; % +25; batch x8; list +10"},
    {SCOPE_COST, "<S-Right>", ACT_INC_BIG, NULL},
    {SCOPE_COST, "H", ACT_DEC_BIG, "big step down, the same steps"},
    {SCOPE_COST, "<S-Left>", ACT_DEC_BIG, NULL},
    {SCOPE_COST, "<Enter>", ACT_EDIT, "pick from the knob's list, or type a value (750M, 1.25B, 2.5/10 per 1M)"},
    {SCOPE_COST, "m", ACT_MODE, "the 2023 article's mode (one replica, unlimited tokens) or capacity mode (replicas)"},
    {SCOPE_COST, "b", ACT_TOGGLE, "the basis (inputs and formulas) instead of the chart; PgUp/PgDn scroll"},
    {SCOPE_COST, "e", ACT_EXPORT, "export the scenario as Markdown, with the command that reproduces it"},
    {SCOPE_COST, "r", ACT_RESET, "every knob back to its default (the article's prices and preset, capacity mode)"},
    {SCOPE_COST, "<Esc>", ACT_CLOSE, "close the basis"},
    /* the list picker (Enter on a list knob) is a scope of its own, so q
     * closes it there and quits elsewhere, with no special case */
    {SCOPE_COST_PICK, "<Enter>", ACT_EDIT, "pick the entry at the cursor"},
    {SCOPE_COST_PICK, "/", ACT_SEARCH, "filter the list as you type"},
    {SCOPE_COST_PICK, "q", ACT_CLOSE, "close the list, the knob unchanged"},
    {SCOPE_COST_PICK, "<Esc>", ACT_CLOSE, NULL},
    {0, NULL, ACT_NONE, NULL},
};

static int cv_init(app *a, void **state)
{
    cv_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *state = s;
    for (int k = 0; k < K__COUNT; k++) s->knob_y[k] = -1;
    if (cv_state_init(a, s) != 0) return -1;
    cv_defaults(a, s);
    cv_load_settings(a, s);
    cv_recompute(a, s);
    return 0;
}

static void cv_fini(app *a, void *state)
{
    cv_state *s = state;
    if (!s) return;
    cv_save_settings(a, s);
    cv_state_fini(s);
    free(s);
}

static void cv_draw(app *a, WINDOW *w)
{
    cv_state *s = cv(a);
    int H = getmaxy(w), W = getmaxx(w);
    if (!s->data_ok) {
        ui_box(a, w, 0, 0, H, W, "Cost");
        ui_text(a, w, 2, 3, W - 6, "The cost view needs gpus.csv and hosting.json:", app_attr(a, ROLE_TEXT));
        const char *p = s->data_err;
        for (int y = 3; y < H - 1 && *p; y++) {
            const char *next;
            size_t len = ui_wrap(a, p, W - 6, &next);
            char line[512];
            snprintf(line, sizeof line, "%.*s", (int)len, p);
            ui_text(a, w, y, 3, W - 6, line, app_attr(a, ROLE_ERROR));
            p = next;
        }
        return;
    }
    int lw = W * 2 / 5;
    lw = lw < 30 ? 30 : lw > 42 ? 42 : lw;
    if (W >= 80 && lw < 36) lw = 36;
    s->left_w = lw;
    int kh = cv_knobs_height();
    if (kh > H || H - kh < 4) kh = H;
    cv_draw_knobs(a, s, w, 0, 0, kh, lw);
    if (kh < H) cv_draw_compact_basis(a, s, w, kh, 0, H - kh, lw);
    int rx = lw, rw = W - lw;
    if (s->pick.open) {
        cv_pick_draw(a, s, w, 0, rx, H, rw);
        s->plot_w = 0;
        return;
    }
    int rh = cv_results_height(a, s, rw);
    if (rh > H) rh = H;
    cv_draw_results(a, s, w, 0, rx, rh, rw);
    s->plot_w = 0;
    if (H - rh < 3) return;
    if (s->show_basis) cv_draw_basis(a, s, w, rh, rx, H - rh, rw);
    else cv_draw_chart(a, s, w, rh, rx, H - rh, rw);
}

static ld_scope cv_scope(const app *a) { return cv(a)->pick.open ? SCOPE_COST_PICK : SCOPE_COST; }

/* ---- knob steps ------------------------------------------------------------------ */

static double clamp(double v, double lo, double hi) { return v < lo ? lo : v > hi ? hi : v; }

static long move_in(long cur, long n, long d)
{
    long v = cur + d;
    return v < 0 ? 0 : v >= n ? n - 1 : v;
}

static void step(app *a, cv_state *s, int dir, int big)
{
    char t[32];
    switch ((cv_knob)s->focus) {
    case K_TOKENS: {
        double v = big ? s->tokens * pow(10.0, dir) : cv_series_step(s->tokens, dir);
        v = clamp(v, CV_TOKENS_MIN, CV_TOKENS_MAX);
        if (v == s->tokens) {
            cv_format_tokens(v, t, sizeof t);
            app_message(a, MSG_WARN, "%s tokens/month is the end of the scale (1M to 100B)", t);
        }
        s->tokens = v;
        break;
    }
    case K_SHARE: s->share = clamp(round(s->share * 100) + dir * (big ? 25 : 5), 0, 100) / 100; break;
    case K_UTIL:
        s->util = clamp(round(s->util * 100) + dir * (big ? 25 : 5), 5, 100) / 100;
        if (!s->capacity) app_message(a, MSG_INFO, "utilisation counts in capacity mode: m switches");
        break;
    case K_OFFER:
        if (!s->h->noffers) break;
        s->offer = move_in(s->offer, (long)s->h->noffers, dir * (big ? 10 : 1));
        s->price_in = s->h->offers[s->offer].input_per_1k;
        s->price_out = s->h->offers[s->offer].output_per_1k;
        break;
    case K_PRICE: {
        double v = big ? s->price_in * pow(10.0, dir) : cv_series_step(s->price_in, dir);
        v = clamp(v, CV_PRICE_MIN, CV_PRICE_MAX);
        s->price_out = clamp(s->price_out * v / s->price_in, CV_PRICE_MIN, CV_PRICE_MAX);
        s->price_in = v;
        s->offer = -1;
        break;
    }
    case K_SOURCE: {
        size_t to = (size_t)move_in((long)s->source, (long)s->h->npresets + 1, dir * (big ? 10 : 1));
        if (to == s->h->npresets) cv_use_model(a, s);
        else s->source = to;
        break;
    }
    case K_MODEL:
        cv_models_build(a, s);
        if (!s->nmodels) {
            app_message(a, MSG_WARN, "no model in the data has a parameter count (params_b) to size from");
            return;
        }
        s->model = s->model < 0 ? (long)s->models[cv_list_current(a, s, K_MODEL)]
                                : (long)s->models[move_in((long)cv_list_current(a, s, K_MODEL), (long)s->nmodels,
                                                          dir * (big ? 10 : 1))];
        cv_use_model(a, s);
        break;
    case K_QUANT: {
        /* from the release, step from the precision it is (release bf16: l is
         * fp8, h fp16), not from the list's end (h gave q2_k) */
        size_t from = s->quant;
        if (from >= cv_quant_release() && s->quant_short[0]) {
            char base[48];
            snprintf(base, sizeof base, "%.*s", (int)strcspn(s->quant_short, "+"), s->quant_short);
            if (sizing_quant_find(base)) from = cv_quant_index(base);
        }
        s->quant = (size_t)move_in((long)from, (long)cv_quant_release() + 1, dir * (big ? 10 : 1));
        s->quant_auto = 0; /* chosen: the rule no longer picks */
        s->quant_why = NULL;
        cv_use_model(a, s);
        break;
    }
    case K_GPU:
        s->gpu = move_in(s->gpu + 1, (long)s->gpus->n + 1, dir * (big ? 10 : 1)) - 1;
        cv_use_model(a, s);
        break;
    case K_BATCH: {
        /* 0 is auto (as many as fit): one step below 1, one step back up to 1 */
        if (s->batch == 0) s->batch = dir > 0 ? 1 : 0;
        else if (s->batch == 1 && dir < 0) s->batch = 0;
        else s->batch = (int)clamp(s->batch * pow(2.0, dir * (big ? 3 : 1)), 1, CV_BATCH_MAX);
        cv_use_model(a, s);
        break;
    }
    case K_MODE: s->capacity = !s->capacity; break;
    case K_CONTEXT:
        s->context = clamp(s->context * pow(2.0, dir * (big ? 3 : 1)), CV_CONTEXT_MIN, CV_CONTEXT_MAX);
        cv_use_model(a, s);
        break;
    case K_REQUEST: {
        /* halves and doubles; off (0: every sequence holds the context) lies
         * above the context: one step down from off is half the context */
        double r = s->request > 0 && s->request < s->context ? s->request : s->context;
        r = clamp(round(r * pow(2.0, dir * (big ? 3 : 1))), CV_REQUEST_MIN, s->context);
        s->request = r >= s->context ? 0 : r;
        cv_use_model(a, s);
        break;
    }
    case K_CACHED: s->cached = clamp(round(s->cached * 100) + dir * (big ? 25 : 5), 0, 100) / 100; break;
    case K_ENERGY: s->energy = clamp(round(s->energy * 100) + dir * (big ? 10 : 1), 0, CV_ENERGY_MAX * 100) / 100; break;
    case K_OPS: s->ops = clamp(s->ops + dir * (big ? 10000 : 1000), 0, CV_OPS_MAX); break;
    default: break;
    }
    s->dirty = 1;
    cv_recompute(a, s);
}

/* ---- typed values ---------------------------------------------------------------- */

/* "75", "75%" or "0.75" as a fraction in [lo, 1]; -1 if not. */
static int parse_share(const char *text, double lo, double *out)
{
    char buf[64], *end;
    snprintf(buf, sizeof buf, "%s", text);
    size_t n = strlen(buf);
    while (n && buf[n - 1] == ' ') buf[--n] = '\0';
    int pct = n && buf[n - 1] == '%';
    if (pct) buf[--n] = '\0';
    double v = strtod(buf, &end);
    while (*end == ' ') end++;
    if (end == buf || *end || !isfinite(v)) return -1;
    if (pct || v > 1) v /= 100;
    if (v < lo || v > 1 || (lo > 0 && v <= 0)) return -1;
    *out = v;
    return 0;
}

/* Is `u` a price unit ("K", "M", "1K", "1M")? */
static int is_unit(const char *u)
{
    return !strcasecmp(u, "k") || !strcasecmp(u, "m") || !strcasecmp(u, "1k") || !strcasecmp(u, "1m");
}

/* The input and output price, USD per 1M tokens unless a unit says so:
 * "2.5 10", "2.5/10", "$0.15", "0.002/K 0.002/K" (one figure: both).
 * Stored per 1K. */
static int parse_price(const char *text, double *in, double *out)
{
    char buf[256], *part[3] = {0};
    snprintf(buf, sizeof buf, "%s", text);
    size_t n = 0;
    char *save = NULL;
    for (char *t = strtok_r(buf, " \t", &save); t; t = strtok_r(NULL, " \t", &save)) {
        if (n == 2) return -1;
        part[n++] = t;
    }
    if (n == 1) { /* "2.5/10": a slash before a number separates the two */
        char *slash = strchr(part[0], '/');
        if (slash && !is_unit(slash + 1)) {
            *slash = '\0';
            part[1] = slash + 1;
            n = 2;
        }
    }
    if (n == 0) return -1;
    double v[2];
    for (size_t i = 0; i < 2; i++) {
        if (units_parse_price(part[i < n ? i : 0], 1e6, &v[i], NULL) != 0 || v[i] < CV_PRICE_MIN ||
            v[i] > CV_PRICE_MAX)
            return -1;
    }
    *in = v[0];
    *out = v[1];
    return 0;
}

static int typed_cb(app *a, void *ctx, const char *text, int done, char *err, size_t errlen)
{
    cv_state *s = ctx;
    if (done <= 0) return 0;
    double v, v2;
    long l;
    switch (s->edit) {
    case K_TOKENS:
        if (units_parse_count(text, &v) != 0) {
            snprintf(err, errlen, "not a volume: type 750M, 1.25B or 2e9");
            return -1;
        }
        if (v < CV_TOKENS_MIN || v > CV_TOKENS_MAX) {
            snprintf(err, errlen, "outside the scale: 1M to 100B tokens/month");
            return -1;
        }
        s->tokens = v;
        break;
    case K_SHARE:
    case K_UTIL:
    case K_CACHED:
        if (parse_share(text, s->edit == K_UTIL ? 0.01 : 0, &v) != 0) {
            snprintf(err, errlen, "expected a percentage, like 75%% or 0.75%s", s->edit == K_UTIL ? " (above 0)" : "");
            return -1;
        }
        *(s->edit == K_UTIL ? &s->util : s->edit == K_CACHED ? &s->cached : &s->share) = v;
        break;
    case K_CONTEXT:
        if (units_parse_count(text, &v) != 0 || v < CV_CONTEXT_MIN || v > CV_CONTEXT_MAX) {
            snprintf(err, errlen, "expected tokens per sequence from 128 to 10M, like 8k or 32768");
            return -1;
        }
        s->context = round(v);
        cv_use_model(a, s);
        break;
    case K_REQUEST:
        if (units_parse_count(text, &v) != 0 || (v != 0 && (v < CV_REQUEST_MIN || v > CV_CONTEXT_MAX))) {
            snprintf(err, errlen, "expected a request's tokens (prompt + answer) from 16, like 2500 or 2k; 0: the context");
            return -1;
        }
        s->request = v >= s->context ? 0 : round(v);
        cv_use_model(a, s);
        break;
    case K_ENERGY:
    case K_OPS:
        /* a bare amount or "$0.15": the price parser, at 1K per 1K, is the identity */
        if (units_parse_price(text, 1000, &v, NULL) != 0 || v < 0 ||
            v > (s->edit == K_ENERGY ? CV_ENERGY_MAX : CV_OPS_MAX)) {
            snprintf(err, errlen, s->edit == K_ENERGY ? "expected USD per kWh from 0 to 10, like 0.12 (0: not counted)"
                                                      : "expected USD per month from 0 to 100M, like 5000");
            return -1;
        }
        *(s->edit == K_ENERGY ? &s->energy : &s->ops) = v;
        break;
    case K_PRICE:
        if (parse_price(text, &v, &v2) != 0) {
            snprintf(err, errlen, "expected USD per 1M tokens above 0, like 2 or 2.5/10 (input/output), or 0.002/K");
            return -1;
        }
        s->price_in = v;
        s->price_out = v2;
        s->offer = -1;
        break;
    case K_BATCH:
        if (strcasecmp(text, "auto") == 0) l = 0;
        else if (units_parse_long(text, 0, CV_BATCH_MAX, &l) != 0) {
            snprintf(err, errlen, "expected auto (or 0: as many as fit), or sequences from 1 to %d", CV_BATCH_MAX);
            return -1;
        }
        s->batch = (int)l;
        cv_use_model(a, s);
        break;
    default: return 0;
    }
    s->dirty = 1;
    cv_recompute(a, s);
    return 0;
}

static void edit(app *a, cv_state *s)
{
    char init[64];
    const char *label = NULL;
    s->edit = (cv_knob)s->focus;
    switch (s->edit) {
    case K_TOKENS:
        cv_format_tokens(s->tokens, init, sizeof init);
        label = "Tokens per month (1M-100B): ";
        break;
    case K_SHARE:
        snprintf(init, sizeof init, "%g%%", s->share * 100);
        label = "Input share of the tokens (75% or 0.75): ";
        break;
    case K_UTIL:
        snprintf(init, sizeof init, "%g%%", s->util * 100);
        label = "Utilisation, a replica's average busy share (50% or 0.5): ";
        break;
    case K_PRICE:
        snprintf(init, sizeof init, "%.6g/%.6g", s->price_in * 1000, s->price_out * 1000);
        label = "API price, USD per 1M tokens, input/output (or 0.002/K): ";
        break;
    case K_BATCH:
        if (s->batch) snprintf(init, sizeof init, "%d", s->batch);
        else snprintf(init, sizeof init, "auto");
        label = "Concurrent sequences per replica (1-1024, or auto: as many as fit): ";
        break;
    case K_CONTEXT:
        snprintf(init, sizeof init, "%.0f", s->context);
        label = "Tokens per sequence of the sized model (8k, 32768): ";
        break;
    case K_REQUEST:
        if (s->request > 0 && s->request < s->context) snprintf(init, sizeof init, "%.0f", s->request);
        else snprintf(init, sizeof init, "0");
        label = "Tokens of a typical request, prompt + answer (2500, 2k; 0: the context): ";
        break;
    case K_CACHED:
        snprintf(init, sizeof init, "%g%%", s->cached * 100);
        label = "Cached share of the input tokens (50% or 0.5): ";
        break;
    case K_ENERGY:
        snprintf(init, sizeof init, "%g", s->energy);
        label = "Energy price, USD per kWh (0: not counted): ";
        break;
    case K_OPS:
        snprintf(init, sizeof init, "%g", s->ops);
        label = "Operations, USD per month (fixed): ";
        break;
    case K_MODE: step(a, s, 1, 0); return;
    default: cv_pick_open(a, s, s->edit); return;
    }
    app_prompt_value(a, label, init, typed_cb, s);
}

/* ---- actions --------------------------------------------------------------------- */

static void cv_act(app *a, ld_action act)
{
    cv_state *s = cv(a);
    if (!s->data_ok) {
        app_message(a, MSG_ERROR, "%s", s->data_err);
        return;
    }
    if (s->pick.open) {
        cv_pick_act(a, s, act);
        return;
    }
    switch (act) {
    case ACT_UP: if (s->focus > 0) s->focus--; break;
    case ACT_DOWN: if (s->focus + 1 < K__COUNT) s->focus++; break;
    case ACT_TOP: s->focus = 0; break;
    case ACT_BOTTOM: s->focus = K__COUNT - 1; break;
    case ACT_LEFT: step(a, s, -1, 0); break;
    case ACT_RIGHT: step(a, s, 1, 0); break;
    case ACT_DEC_BIG: step(a, s, -1, 1); break;
    case ACT_INC_BIG: step(a, s, 1, 1); break;
    case ACT_EDIT: edit(a, s); break;
    case ACT_MODE:
        s->capacity = !s->capacity;
        s->dirty = 1;
        cv_recompute(a, s);
        if (s->capacity) app_message(a, MSG_INFO, "capacity mode: replicas from throughput at %g%% utilisation", s->util * 100);
        else app_message(a, MSG_INFO, "article mode: one replica whatever the volume (the 2023 article's assumption)");
        break;
    case ACT_TOGGLE:
        s->show_basis = !s->show_basis;
        s->basis_top = 0;
        break;
    case ACT_PAGE_UP:
    case ACT_PAGE_DOWN:
        if (!s->show_basis) {
            app_message(a, MSG_INFO, "PgUp/PgDn scroll the basis: b shows it");
            break;
        }
        s->basis_top += act == ACT_PAGE_UP ? -5 : 5;
        s->basis_top = s->basis_top < 0 ? 0 : s->basis_top > s->basis_max ? s->basis_max : s->basis_top;
        break;
    case ACT_CLOSE: s->show_basis = 0; break;
    case ACT_EXPORT: cv_export_start(a, s); break;
    case ACT_RESET:
        cv_defaults(a, s);
        s->dirty = 1;
        cv_recompute(a, s);
        app_message(a, MSG_INFO, "defaults: 1B tokens/month, the article's $2 per 1M, preset 7B, capacity mode");
        break;
    default: break;
    }
}

static void cv_mouse(app *a, int y, int x, int wheel)
{
    cv_state *s = cv(a);
    if (!s->data_ok) return;
    if (s->pick.open) {
        if (wheel) cv_pick_act(a, s, wheel < 0 ? ACT_UP : ACT_DOWN);
        else cv_pick_click(a, s, y, x);
        return;
    }
    if (wheel) {
        if (s->show_basis && x >= s->left_w) cv_act(a, wheel < 0 ? ACT_PAGE_UP : ACT_PAGE_DOWN);
        else step(a, s, wheel < 0 ? 1 : -1, 0);
        return;
    }
    for (int k = 0; k < K__COUNT; k++)
        if (s->knob_y[k] == y && x < s->left_w) {
            s->focus = k;
            return;
        }
    if (s->plot_w > 0 && y >= s->plot_y0 && y < s->plot_y0 + s->plot_h && x >= s->plot_x0 &&
        x < s->plot_x0 + s->plot_w) {
        s->tokens = cv_chart_volume_at(s, x - s->plot_x0);
        s->focus = K_TOKENS;
        s->dirty = 1;
        cv_recompute(a, s);
    }
}

static void cv_status(const app *a, char *buf, size_t n)
{
    const cv_state *s = cv(a);
    if (!s->data_ok) {
        snprintf(buf, n, "no hosting data");
        return;
    }
    char t[32], adv[96];
    cv_format_tokens(s->tokens, t, sizeof t);
    /* the advice as the results panel gives it: article mode's answer
     * with the replicas counted when they differ, a MoE's at half its rate */
    snprintf(adv, sizeof adv, "%s", s->ok ? cost_advice_name(s->c.advice) : "n/a");
    if (s->ok && s->c.at_capacity_known && s->c.advice_at_capacity != s->c.advice)
        snprintf(adv + strlen(adv), sizeof adv - strlen(adv), "; %ld replicas: %s", s->c.replicas_at_capacity,
                 cost_advice_name(s->c.advice_at_capacity));
    if (s->ok && s->c.at_half_known && s->c.advice_at_half != s->c.advice)
        snprintf(adv + strlen(adv), sizeof adv - strlen(adv), "; at half rate: %s", cost_advice_name(s->c.advice_at_half));
    snprintf(buf, n, "%s tokens/month %s %s mode %s advice: %s", t, a->g.vline, s->capacity ? "capacity" : "article",
             a->g.vline, adv);
}

static void cv_hint(const app *a, char *buf, size_t n)
{
    static const ld_hint pick[] = {{{ACT_DOWN, ACT_UP}, "move"},          {{ACT_EDIT}, "pick"},
                                   {{ACT_SEARCH}, "filter"},             {{ACT_PAGE_UP, ACT_PAGE_DOWN}, "page"},
                                   {{ACT_CLOSE}, "close"}};
    static const ld_hint basis[] = {{{ACT_PAGE_UP, ACT_PAGE_DOWN}, "scroll the basis"}, {{ACT_TOGGLE}, "chart"},
                                    {{ACT_DOWN, ACT_UP}, "knob"}, {{ACT_LEFT, ACT_RIGHT}, "step"},
                                    {{ACT_EDIT}, "pick/type"}, {{ACT_EXPORT}, "export"}};
    static const ld_hint knobs[] = {{{ACT_DOWN, ACT_UP}, "knob"}, {{ACT_LEFT, ACT_RIGHT}, "step"},
                                    {{ACT_DEC_BIG, ACT_INC_BIG}, "big"}, {{ACT_EDIT}, "pick/type"},
                                    {{ACT_MODE}, "mode"}, {{ACT_TOGGLE}, "basis"}, {{ACT_EXPORT}, "export"},
                                    {{ACT_HELP}, "help"}};
    const cv_state *s = cv(a);
#define HINT(h) keys_hint(cv_scope(a), VIEW_COST, 0, h, sizeof h / sizeof h[0], buf, n)
    if (s->pick.open) HINT(pick);
    else if (s->show_basis) HINT(basis);
    else HINT(knobs);
#undef HINT
}

const ld_view_ops cost_view_ops = {
    .name = "Cost",
    .init = cv_init,
    .fini = cv_fini,
    .draw = cv_draw,
    .act = cv_act,
    .scope = cv_scope,
    .keys = cv_keys,
    .mouse = cv_mouse,
    .status = cv_status,
    .hint = cv_hint,
};
