/* cost_pick.c - the list picker of the cost view: Enter on the API offer,
 * self-hosting source, model, quantization or GPU knob opens the knob's
 * list in the results' place; j/k move, / filters as you type (LiteLLM's
 * price file has thousands of offers), Enter picks, Esc closes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cost_view.h"
#include "keys.h"
#include "llmdeck/arch.h"
#include "llmdeck/scenario.h"
#include "llmdeck/units.h"
#include "widgets.h"

#define DEFAULT_MODEL "Mistral-7B"
/* Lists up to this long filter as you type; longer ones on Enter, so a
 * keystroke never stalls on a million-row catalogue (as the table does). */
#define LIVE_FILTER_ITEMS 200000

size_t cv_list_count(app *a, cv_state *s, cv_knob k)
{
    switch (k) {
    case K_OFFER: return s->h->noffers;
    case K_SOURCE: return s->h->npresets + 1;
    case K_MODEL: cv_models_build(a, s); return s->nmodels;
    case K_QUANT: return cv_quant_release() + 1;
    case K_GPU: return s->gpus->n + 1;
    default: return 0;
    }
}

size_t cv_list_current(const app *a, const cv_state *s, cv_knob k)
{
    switch (k) {
    case K_OFFER: return s->offer >= 0 ? (size_t)s->offer : s->seed_offer >= 0 ? (size_t)s->seed_offer : 0;
    case K_SOURCE: return s->source;
    case K_MODEL: {
        long want = s->model;
        int found;
        if (want < 0 && a->ds->models) want = catalog_find(a->ds->models, DEFAULT_MODEL);
        return cv_model_index(s, want, &found);
    }
    case K_QUANT: return s->quant;
    case K_GPU: return (size_t)(s->gpu + 1);
    default: return 0;
    }
}

static const char *knob_title(cv_knob k)
{
    switch (k) {
    case K_OFFER: return "API offer";
    case K_SOURCE: return "Self-hosting";
    case K_MODEL: return "Model";
    case K_QUANT: return "Quantization";
    default: return "GPU";
    }
}

/* An item's name and its details. */
static void item_text(const app *a, const cv_state *s, cv_knob k, size_t i, char *name, size_t nn,
                      char *detail, size_t dn)
{
    char t[32];
    detail[0] = '\0';
    switch (k) {
    case K_OFFER: {
        const ld_api_offer *o = &s->h->offers[i];
        char p[4][32];
        cv_format_price(o->input_per_1k, p[0], sizeof p[0]);
        cv_format_price(o->output_per_1k, p[1], sizeof p[1]);
        cv_format_price(o->input_per_1k * 1000, p[2], sizeof p[2]);
        cv_format_price(o->output_per_1k * 1000, p[3], sizeof p[3]);
        snprintf(name, nn, "%s", o->name);
        /* per 1M first, the API price knob's unit: a narrow list keeps it */
        snprintf(detail, dn, "%s%s/%s per 1M, %s/%s per 1K", i >= s->h->nshipped ? "loaded: " : "", p[2], p[3],
                 p[0], p[1]);
        break;
    }
    case K_SOURCE:
        if (i < s->h->npresets) {
            const ld_preset *p = &s->h->presets[i];
            units_format_usd(p->monthly_usd, t, sizeof t);
            snprintf(name, nn, "preset %s", p->name);
            snprintf(detail, dn, "%s/month, %g tokens/s, %s (the 2023 article's table)", t, p->tokens_per_s, p->gpu);
        } else {
            snprintf(name, nn, "sized model");
            snprintf(detail, dn, "model + quantization + GPU: GPUs x hourly price x %g h", s->h->defaults.hours_per_month);
        }
        break;
    case K_MODEL: {
        const ld_catalog *cat = a->ds->models;
        size_t r = s->models[i];
        ld_model_arch arch; /* as the sizing reads it: an unpublished active count computed */
        snprintf(name, nn, "%s", cv_model_name(a, (long)r));
        if (arch_from_catalog(cat, r, &arch, NULL) != 0) snprintf(detail, dn, "parameters not known");
        else if (arch.active_params_b > 0 && arch.active_params_b < arch.params_b)
            snprintf(detail, dn, "%.4gB parameters, %.4gB active (MoE%s)", arch.params_b, arch.active_params_b,
                     arch.active_source == LD_ACTIVE_COMPUTED ? ", computed from its architecture" : "");
        else snprintf(detail, dn, "%.4gB parameters", arch.params_b);
        break;
    }
    case K_QUANT: {
        if (i >= cv_quant_release()) {
            const char *rq, *req;
            char words[64];
            snprintf(name, nn, "%s", SCENARIO_QUANT_RELEASE);
            if (s->model >= 0 && scenario_release_quant(a->ds->models, (size_t)s->model, &rq, &req)) {
                scenario_quant_words(rq, req, words, sizeof words);
                snprintf(detail, dn, "as its checkpoint is published: %s (release_quant in models.csv)", words);
            } else
                snprintf(detail, dn, "as its checkpoint is published: not stated for this model");
            break;
        }
        const ld_quant *q = sizing_quant_at(i);
        snprintf(name, nn, "%s", q->name);
        snprintf(detail, dn, "%g bits/weight: %s", q->bits, q->basis);
        break;
    }
    default:
        if (i == 0) {
            snprintf(name, nn, "cheapest that fits");
            snprintf(detail, dn, "the priced GPU type and count (1, 2, 4, 8) that holds the model for the least a "
                                 "month: in capacity mode at the volume, with its replicas");
        } else {
            const ld_gpu *g = &s->gpus->v[i - 1];
            snprintf(name, nn, "%s", g->name);
            if (g->hourly_usd > 0)
                snprintf(detail, dn, "%g GB, %g GB/s, $%.4g/h", g->memory_gb, g->bandwidth_gbs, g->hourly_usd);
            else
                snprintf(detail, dn, "%g GB, %g GB/s, no hourly price", g->memory_gb, g->bandwidth_gbs);
        }
        break;
    }
}

/* Rebuilds the filtered list; keeps the cursor on item `keep` if shown. */
static void refilter(app *a, cv_state *s, size_t keep)
{
    cv_picker *p = &s->pick;
    p->n = p->cur = p->top = 0;
    for (size_t i = 0; i < p->nall; i++) {
        if (p->filter[0]) {
            char name[256], detail[8];
            const char *n = name;
            if (p->knob == K_MODEL) /* the fast way: a catalogue may have a million rows */
                n = cv_model_name(a, (long)s->models[i]);
            else
                item_text(a, s, p->knob, i, name, sizeof name, detail, sizeof detail);
            if (!strcasestr(n, p->filter)) continue;
        }
        if (i == keep) p->cur = p->n;
        p->idx[p->n++] = (uint32_t)i;
    }
}

void cv_pick_open(app *a, cv_state *s, cv_knob k)
{
    cv_picker *p = &s->pick;
    size_t n = cv_list_count(a, s, k);
    if (!n) {
        app_message(a, MSG_WARN, k == K_MODEL ? "no model in the data has a parameter count (params_b) to size from"
                                              : "the list is empty");
        return;
    }
    uint32_t *idx = realloc(p->idx, n * sizeof *idx);
    if (!idx) {
        app_message(a, MSG_ERROR, "out of memory");
        return;
    }
    p->idx = idx;
    p->knob = k;
    p->nall = n;
    p->filter[0] = '\0';
    refilter(a, s, cv_list_current(a, s, k));
    p->open = 1;
}


void cv_pick_set(app *a, cv_state *s, cv_knob k, size_t i)
{
    switch (k) {
    case K_OFFER:
        s->offer = (long)i;
        s->price_in = s->h->offers[i].input_per_1k;
        s->price_out = s->h->offers[i].output_per_1k;
        break;
    case K_SOURCE:
        if (i == s->h->npresets) cv_use_model(a, s);
        else s->source = i;
        break;
    case K_MODEL: s->model = (long)s->models[i]; cv_use_model(a, s); break;
    case K_QUANT: s->quant = i; s->quant_auto = 0; s->quant_why = NULL; cv_use_model(a, s); break;
    case K_GPU: s->gpu = (long)i - 1; cv_use_model(a, s); break;
    default: return;
    }
    s->dirty = 1;
    cv_recompute(a, s);
}

static int filter_cb(app *a, void *ctx, const char *text, int done, char *err, size_t errlen)
{
    cv_state *s = ctx;
    cv_picker *p = &s->pick;
    (void)err;
    (void)errlen;
    size_t keep = p->n ? p->idx[p->cur] : 0;
    if (done == 0 && p->nall > LIVE_FILTER_ITEMS) return 0;
    snprintf(p->filter, sizeof p->filter, "%s", done < 0 ? p->prev_filter : text);
    refilter(a, s, keep);
    if (done > 0 && !p->n) app_message(a, MSG_WARN, "nothing matches \"%s\"", p->filter);
    return 0;
}

void cv_pick_act(app *a, cv_state *s, ld_action act)
{
    cv_picker *p = &s->pick;
    long cur = (long)p->cur, page = p->page > 1 ? p->page - 1 : 1;
    switch (act) {
    case ACT_UP: cur--; break;
    case ACT_DOWN: cur++; break;
    case ACT_PAGE_UP: cur -= page; break;
    case ACT_PAGE_DOWN: cur += page; break;
    case ACT_TOP: cur = 0; break;
    case ACT_BOTTOM: cur = (long)p->n - 1; break;
    case ACT_EDIT:
        if (!p->n) {
            app_message(a, MSG_WARN, "nothing to pick: / changes the filter");
            return;
        }
        p->open = 0;
        cv_pick_set(a, s, p->knob, p->idx[p->cur]);
        return;
    case ACT_CLOSE: p->open = 0; return;
    case ACT_SEARCH:
        snprintf(p->prev_filter, sizeof p->prev_filter, "%s", p->filter);
        app_prompt(a, "Filter the list: ", p->filter, filter_cb, s);
        return;
    default: {
        /* the keys as bound (keys.c), so the message follows a rebinding */
        static const ld_hint h[] = {{{ACT_EDIT}, "picks"}, {{ACT_SEARCH}, "filters"}, {{ACT_CLOSE}, "closes the list"}};
        char buf[160];
        app_message(a, MSG_INFO, "%s", keys_hint(SCOPE_COST_PICK, VIEW_COST, 0, h, 3, buf, sizeof buf));
        return;
    }
    }
    if (cur >= (long)p->n) cur = (long)p->n - 1;
    p->cur = cur < 0 ? 0 : (size_t)cur;
}

void cv_pick_draw(app *a, cv_state *s, WINDOW *w, int y, int x, int h, int wd)
{
    cv_picker *p = &s->pick;
    char title[256];
    if (p->filter[0])
        snprintf(title, sizeof title, "%s: %zu of %zu match \"%s\"", knob_title(p->knob), p->n, p->nall, p->filter);
    else
        snprintf(title, sizeof title, "%s: %zu to choose from", knob_title(p->knob), p->nall);
    ui_box(a, w, y, x, h, wd, title);
    int rows = h - 2;
    p->page = rows;
    if (rows < 1) return;
    if (p->cur < p->top) p->top = p->cur;
    if (p->cur >= p->top + (size_t)rows) p->top = p->cur - (size_t)rows + 1;
    p->y0 = y + 1, p->x0 = x + 1, p->w = wd - 2;
    size_t current = cv_list_current(a, s, p->knob);
    int is_current_set = (p->knob != K_OFFER || s->offer >= 0) && (p->knob != K_MODEL || s->model >= 0);
    int nw = (wd - 6) / 2 > 28 ? 28 : (wd - 6) / 2;
    for (int r = 0; r < rows && p->top + (size_t)r < p->n; r++) {
        size_t i = p->idx[p->top + (size_t)r];
        char name[256], detail[512];
        item_text(a, s, p->knob, i, name, sizeof name, detail, sizeof detail);
        int yy = y + 1 + r, sel = p->top + (size_t)r == p->cur;
        attr_t at = app_attr(a, sel ? ROLE_CURSOR : ROLE_TEXT);
        if (sel) ui_fill(w, yy, x + 1, wd - 2, at);
        if (sel) ui_text(a, w, yy, x + 1, 1, a->g.cursor, at);
        if (is_current_set && i == current) ui_text(a, w, yy, x + 2, 1, a->g.mark, sel ? at : app_attr(a, ROLE_ACCENT));
        ui_text(a, w, yy, x + 3, nw, name, at);
        int dx = x + 4 + nw;
        char *comma;
        /* an offer's per-1K prices go whole or not at all: a price cut
         * behind an ellipsis reads as another price */
        if (p->knob == K_OFFER && ui_width(a, detail) > x + wd - 1 - dx && (comma = strrchr(detail, ',')) != NULL)
            *comma = '\0';
        ui_text(a, w, yy, dx, x + wd - 1 - dx, detail, sel ? at : app_attr(a, ROLE_MUTED));
    }
    if (!p->n) ui_text(a, w, y + 1, x + 2, wd - 4, "nothing matches: / changes the filter", app_attr(a, ROLE_MUTED));
    if (p->top > 0) ui_text(a, w, y, x + wd - 3, 1, a->g.up, app_attr(a, ROLE_BORDER));
    if (p->top + (size_t)rows < p->n) ui_text(a, w, y + h - 1, x + wd - 3, 1, a->g.down, app_attr(a, ROLE_BORDER));
}

void cv_pick_click(app *a, cv_state *s, int y, int x)
{
    cv_picker *p = &s->pick;
    if (x < p->x0 || x >= p->x0 + p->w) {
        if (x < s->left_w) p->open = 0; /* a click on the knobs leaves the list */
        return;
    }
    long r = (long)y - p->y0;
    if (r < 0 || r >= p->page || p->top + (size_t)r >= p->n) return;
    p->cur = p->top + (size_t)r;
    cv_pick_act(a, s, ACT_EDIT);
}
