/* cost_draw.c - the cost view's knobs (left), results (right, top) and the
 * basis panel (b, in the chart's place). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cost_view.h"
#include "llmdeck/output.h"
#include "llmdeck/report.h"
#include "llmdeck/report_cost.h"
#include "llmdeck/units.h"
#include "widgets.h"

#define KLABEL_W 13 /* knob labels */
#define RLABEL_W 12 /* result labels */

/* Dollars without cents: "$500", "$22,500". */
static void short_usd(double v, char *buf, size_t n)
{
    /* whole dollars as the results beside it print them ($1,788.50 is
     * $1,788 there, printf's rounding: not $1,789 here) */
    units_format_usd(fabs(v) >= 1000 ? v : round(v), buf, n);
    size_t len = strlen(buf);
    if (len > 3 && !strcmp(buf + len - 3, ".00")) buf[len - 3] = '\0';
}

/* ---- knobs ----------------------------------------------------------------------- */

typedef struct {
    int knob, sub;
} kline;

/* The knob lines in order: each knob, and the detail lines under some. */
static int knob_lines(kline *out)
{
    int n = 0;
    for (int k = 0; k < K__COUNT; k++) {
        out[n++] = (kline){k, 0};
        if (k == K_TOKENS || k == K_PRICE || k == K_SOURCE) out[n++] = (kline){k, 1};
    }
    return n;
}

static int knob_muted(const cv_state *s, int k)
{
    int model = s->source == s->h->npresets;
    if (k == K_MODEL || k == K_QUANT || k == K_GPU || k == K_BATCH || k == K_CONTEXT || k == K_REQUEST ||
        k == K_ENERGY)
        return !model;
    if (k == K_UTIL) return !s->capacity;
    return 0;
}

/* Label and value of a knob line. */
static void knob_text(const app *a, const cv_state *s, kline l, char *lab, char *val, size_t n)
{
    char p1[32], p2[32], t[32];
    lab[0] = val[0] = '\0';
    switch (l.knob) {
    case K_TOKENS:
        if (!l.sub) {
            snprintf(lab, n, "Tokens/month");
            cv_format_tokens(s->tokens, val, n);
        }
        break;
    case K_SHARE:
        snprintf(lab, n, "Input share");
        snprintf(val, n, "%g%% in, %g%% out", round(s->share * 1000) / 10, round((1 - s->share) * 1000) / 10);
        break;
    case K_OFFER:
        snprintf(lab, n, "API offer");
        if (s->offer < 0) snprintf(val, n, "custom price");
        else snprintf(val, n, "%s%s", s->h->offers[s->offer].name, (size_t)s->offer >= s->h->nshipped ? " (loaded)" : "");
        break;
    case K_PRICE:
        /* the label carries the dollar, so "0.0025 in, 0.01 out" fits */
        /* per 1M first: the unit the price prompt takes and the price pages use */
        snprintf(lab, n, l.sub ? "    per 1K" : "API $ per 1M");
        cv_format_price(s->price_in * (l.sub ? 1 : 1000), p1, sizeof p1);
        cv_format_price(s->price_out * (l.sub ? 1 : 1000), p2, sizeof p2);
        snprintf(val, n, "%s / %s%s", p1 + 1, p2 + 1, l.sub ? "" : "  in/out");
        break;
    case K_SOURCE:
        if (!l.sub) {
            snprintf(lab, n, "Self-host");
            if (s->source < s->h->npresets) snprintf(val, n, "preset %s", s->h->presets[s->source].name);
            else snprintf(val, n, "sized model");
        } else if (s->source < s->h->npresets) {
            const ld_preset *p = &s->h->presets[s->source];
            units_format_usd(p->monthly_usd, t, sizeof t);
            snprintf(val, n, "%s/mo, %g tok/s", t, p->tokens_per_s);
        } else if (s->sized && s->s.gpu && s->s.gpus > 0 && s->s.gpu->hourly_usd > 0) {
            short_usd(s->in.replica_monthly_usd, t, sizeof t);
            /* a replica's price (the result gives the replicas): said so */
            snprintf(lab, n, "  a replica");
            snprintf(val, n, "%s/mo on %s", t, s->sh_short);
        } else {
            snprintf(val, n, "%s", s->model < 0 ? "no model chosen"
                                 : !s->sized ? "cannot be sized"
                                 : !s->s.gpu || !s->s.gpus ? "does not fit on 8 GPUs" : "GPU has no price");
        }
        break;
    case K_MODEL:
        snprintf(lab, n, "Model");
        snprintf(val, n, "%s", s->model >= 0 ? cv_model_name(a, s->model) : "(Enter to choose)");
        break;
    case K_QUANT:
        snprintf(lab, n, "Quantization");
        if (s->quant >= cv_quant_release()) /* the release: what was sized, with its average */
            snprintf(val, n, s->quant_auto ? "auto: release %s" : s->sized ? "%s (release)" : "release",
                     s->quant_short); /* (auto: the rule chose it; fits the knob column) */
        else
            snprintf(val, n, "%s%s (%g bits)", s->quant_auto ? "auto: " : "", sizing_quant_at(s->quant)->name,
                     sizing_quant_at(s->quant)->bits);
        break;
    case K_GPU:
        snprintf(lab, n, "GPU");
        if (s->gpu >= 0) snprintf(val, n, "%s", s->gpus->v[s->gpu].name);
        else if (s->sized && s->s.gpu) snprintf(val, n, "cheapest: %s", s->s.gpu->name); /* a month, in capacity mode */
        else snprintf(val, n, "cheapest that fits");
        break;
    case K_BATCH:
        snprintf(lab, n, "Batch");
        if (s->sized && s->s.throughput_tokens_per_s > 0) {
            char rate[32];
            units_format_rate(s->s.throughput_tokens_per_s, rate, sizeof rate);
            snprintf(val, n, "%s%g seq, %s tok/s", s->batch ? "" : "auto: ", s->used_batch, rate);
        } else if (s->batch) {
            snprintf(val, n, "%d sequence%s at once", s->batch, s->batch == 1 ? "" : "s");
        } else {
            snprintf(val, n, "auto: as many as fit");
        }
        break;
    case K_MODE:
        snprintf(lab, n, "Mode");
        snprintf(val, n, "%s", s->capacity ? "capacity: replicas" : "article: 1 replica");
        break;
    case K_UTIL:
        snprintf(lab, n, "Utilisation");
        snprintf(val, n, "%g%% busy", round(s->util * 1000) / 10);
        break;
    case K_CONTEXT:
        snprintf(lab, n, "Context");
        if (s->sized && s->s.request_tokens < s->s.context)
            snprintf(val, n, "%.0f tok, the longest", s->context);
        else if (s->sized && isfinite(s->s.max_sequences))
            snprintf(val, n, "%.0f tok, %.0f seq fit", s->context, s->s.max_sequences);
        else
            snprintf(val, n, "%.0f tokens/sequence", s->context);
        break;
    case K_REQUEST:
        snprintf(lab, n, "Request");
        if (!(s->request > 0) || s->request >= s->context)
            snprintf(val, n, "= context (all full)");
        else if (s->sized && isfinite(s->s.max_sequences))
            snprintf(val, n, "%.0f tok, %.0f seq fit", s->request, s->s.max_sequences);
        else
            snprintf(val, n, "%.0f tokens typical", s->request);
        break;
    case K_CACHED:
        snprintf(lab, n, "Cached input");
        if (s->cached > 0 && !(s->offer >= 0 && s->h->offers[s->offer].cached_per_1k > 0))
            snprintf(val, n, "%g%% (no cache price)", round(s->cached * 1000) / 10);
        else
            snprintf(val, n, "%g%% of input", round(s->cached * 1000) / 10);
        break;
    case K_ENERGY:
        snprintf(lab, n, "Energy $/kWh");
        if (!(s->energy > 0)) snprintf(val, n, "not counted");
        else if (s->ok && s->c.energy_monthly_usd > 0) {
            short_usd(s->c.energy_monthly_usd, t, sizeof t);
            snprintf(val, n, "%g: %s/mo", s->energy, t);
        } else
            snprintf(val, n, "%g (GPU power unknown)", s->energy);
        break;
    case K_OPS:
        snprintf(lab, n, "Ops $/month");
        short_usd(s->ops, t, sizeof t);
        snprintf(val, n, "%s", s->ops > 0 ? t : "none");
        if (s->ops > 0) snprintf(val + strlen(val), n - strlen(val), " fixed");
        break;
    default: break;
    }
    /* a preset's price and rate are given: the sizing knobs change nothing
     * then, and say so in words, not only in a muted colour */
    if (!l.sub && l.knob == K_MODEL && knob_muted(s, l.knob)) snprintf(val, n, "Enter: size a model");
    else if (!l.sub && l.knob != K_UTIL && knob_muted(s, l.knob)) snprintf(val, n, "unused with a preset");
}

/* "1M ───●─── 100B": the volume on its log scale. */
static void slider(const app *a, const cv_state *s, WINDOW *w, int y, int x, int wd)
{
    int tw = wd - 9;
    if (tw < 4) return;
    attr_t m = app_attr(a, ROLE_MUTED);
    ui_text(a, w, y, x, 3, "1M", m);
    double f = (log10(s->tokens) - 6) / 5;
    int pos = (int)lround(f * (tw - 1));
    for (int i = 0; i < tw; i++) ui_text(a, w, y, x + 3 + i, 1, a->g.hline, i < pos ? app_attr(a, ROLE_ACCENT) : m);
    ui_text(a, w, y, x + 3 + pos, 1, a->utf8 ? "\u25CF" : "O", app_attr(a, ROLE_ACCENT));
    ui_text(a, w, y, x + 4 + tw, 4, "100B", m);
}

int cv_knobs_height(void)
{
    kline lines[K__COUNT * 2];
    return knob_lines(lines) + 2;
}

void cv_draw_knobs(app *a, cv_state *s, WINDOW *w, int y, int x, int h, int wd)
{
    ui_box(a, w, y, x, h, wd, "Knobs");
    kline lines[K__COUNT * 2];
    int n = knob_lines(lines), rows = h - 2, focus_line = 0, focus_end = 0;
    for (int i = 0; i < n; i++)
        if (lines[i].knob == s->focus) focus_end = i, focus_line = lines[i].sub ? focus_line : i;
    /* keep the focused knob (and its detail line) on screen */
    if (focus_end >= s->knob_top + rows) s->knob_top = focus_end - rows + 1;
    if (focus_line < s->knob_top) s->knob_top = focus_line;
    if (s->knob_top > n - rows) s->knob_top = n - rows > 0 ? n - rows : 0;
    for (int k = 0; k < K__COUNT; k++) s->knob_y[k] = -1;
    int iw = wd - 2, vx = x + 2 + KLABEL_W + 1, vw = wd - (vx - x) - 1;
    for (int r = 0; r < rows && s->knob_top + r < n; r++) {
        kline l = lines[s->knob_top + r];
        int yy = y + 1 + r, focused = l.knob == s->focus && !l.sub;
        char lab[64], val[256];
        knob_text(a, s, l, lab, val, sizeof val);
        attr_t at = app_attr(a, knob_muted(s, l.knob) ? ROLE_MUTED : ROLE_TEXT);
        if (focused) {
            at = app_attr(a, ROLE_CURSOR);
            ui_fill(w, yy, x + 1, iw, at);
            ui_text(a, w, yy, x + 1, 1, a->g.cursor, at);
        }
        if (!l.sub) s->knob_y[l.knob] = yy;
        if (l.knob == K_TOKENS && l.sub) {
            slider(a, s, w, yy, x + 2, iw - 1);
            continue;
        }
        ui_text(a, w, yy, x + 2, KLABEL_W, lab, focused ? at : l.sub ? app_attr(a, ROLE_MUTED) : app_attr(a, ROLE_ACCENT));
        ui_text(a, w, yy, vx, vw, val, l.sub ? app_attr(a, ROLE_MUTED) : at);
    }
    if (s->knob_top > 0) ui_text(a, w, y, x + wd - 3, 1, a->g.up, app_attr(a, ROLE_BORDER));
    if (s->knob_top + rows < n) ui_text(a, w, y + h - 1, x + wd - 3, 1, a->g.down, app_attr(a, ROLE_BORDER));
}

/* ---- results --------------------------------------------------------------------- */

/* Lines are produced in order and either drawn or only counted. */
typedef struct {
    app *a;
    WINDOW *w;
    int y0, x0, width, height, skip, line;
} emitter;

static void emit(emitter *e, const char *label, int lw, const char *text, attr_t lat, attr_t tat)
{
    int tx = label ? lw + 1 : 0, tw = e->width - tx;
    char safe[2048];
    const char *p = output_sanitize(text, safe, sizeof safe);
    int first = 1;
    do {
        const char *next;
        size_t len = ui_wrap(e->a, p, tw > 4 ? tw : 4, &next);
        int row = e->line - e->skip;
        if (row >= 0 && row < e->height && e->w) {
            char piece[1024];
            snprintf(piece, sizeof piece, "%.*s", (int)len, p);
            if (first && label) ui_text(e->a, e->w, e->y0 + row, e->x0, lw, label, lat);
            ui_text(e->a, e->w, e->y0 + row, e->x0 + tx, tw, piece, tat);
        }
        e->line++;
        first = 0;
        p = next;
    } while (*p);
}

/* A computed volume to three significant digits: 276M, 1.25B. */
static void round_tokens(double v, char *buf, size_t n)
{
    char three[32];
    snprintf(three, sizeof three, "%.3g", v);
    units_format_count(strtod(three, NULL), buf, n);
}

/* One line, cut to fit: the long text when it fits, else the short one. */
static void emit_fit(emitter *e, const char *label, const char *lng, const char *shrt, attr_t lat, attr_t tat)
{
    int tw = e->width - RLABEL_W - 1;
    const char *t = ui_width(e->a, lng) <= tw || !shrt ? lng : shrt;
    /* a figure's short form still too wide (a small terminal): break it at
     * the last space that fits and go on below, the rest broken the same
     * way; a first word wider than the line is wrapped where it must be.
     * A figure is never cut off behind an ellipsis (prose keeps its
     * ellipsis: shrt NULL) */
    char first[512];
    if (shrt && ui_width(e->a, t) > tw) {
        size_t cut = 0, keep = 0; /* the break, and what of t stays on this line */
        for (size_t i = 1; t[i] && i < sizeof first; i++)
            if (t[i] == ' ') {
                memcpy(first, t, i);
                first[i] = '\0';
                /* a comma before the break may go: "$24,000/month" over
                 * "16 replicas" reads as a list, ", 16 replicas" does not */
                int fits = ui_width(e->a, first) <= tw, bare = !fits && t[i - 1] == ',' && ui_width(e->a, first) - 1 <= tw;
                if (!fits && !bare) break;
                cut = i;
                keep = fits ? i : i - 1;
            }
        if (!cut || tw <= 8) {
            emit(e, label, RLABEL_W, t, lat, tat);
            return;
        }
        memcpy(first, t, keep);
        first[keep] = '\0';
        emit_fit(e, label, first, NULL, lat, tat);
        const char *rest = t + cut + 1;
        emit_fit(e, "", rest, rest, lat, tat);
        return;
    }
    int row = e->line - e->skip;
    if (row >= 0 && row < e->height && e->w) {
        ui_text(e->a, e->w, e->y0 + row, e->x0, RLABEL_W, label, lat);
        ui_text(e->a, e->w, e->y0 + row, e->x0 + RLABEL_W + 1, tw, t, tat);
    }
    e->line++;
}

static void result_lines(app *a, cv_state *s, emitter *e)
{
    char v[512], sv[320], t1[32], t2[32];
    attr_t lab = app_attr(a, ROLE_ACCENT), text = app_attr(a, ROLE_TEXT);
    const ld_cost *c = &s->c;
    if (!s->ok) {
        if (s->in.api_in_per_1k > 0) {
            units_format_usd(cost_api_monthly(&s->in, s->tokens), t1, sizeof t1);
            snprintf(v, sizeof v, "%s/month  %s", t1, s->api_label);
            snprintf(sv, sizeof sv, "%s/month", t1);
            emit_fit(e, "API", v, sv, lab, app_attr(a, ROLE_API));
        }
        emit(e, "Self-host", RLABEL_W, s->err, lab, app_attr(a, ROLE_ERROR));
        return;
    }
    units_format_usd(c->api_monthly_usd, t1, sizeof t1);
    /* the offer's price date beside its name: the default is the 2023
     * article's GPT-3.5 price, 2.7x today's listing, and must read so */
    if (s->offer >= 0 && s->h->offers[s->offer].date[0])
        snprintf(v, sizeof v, "%s/month  %s (%s)", t1, s->api_label, s->h->offers[s->offer].date);
    else
        snprintf(v, sizeof v, "%s/month  %s", t1, s->api_label);
    snprintf(sv, sizeof sv, "%s/month  %s", t1, s->api_label);
    if (ui_width(a, sv) > e->width - RLABEL_W - 1) snprintf(sv, sizeof sv, "%s/month", t1);
    emit_fit(e, "API", v, sv, lab, app_attr(a, ROLE_API));
    units_format_usd(c->selfhost_monthly_usd, t1, sizeof t1);
    snprintf(v, sizeof v, "%s/month  %ld replica%s, %s", t1, c->replicas, c->replicas == 1 ? "" : "s", s->sh_short);
    snprintf(sv, sizeof sv, "%s/month, %ld replica%s", t1, c->replicas, c->replicas == 1 ? "" : "s");
    emit_fit(e, "Self-host", v, sv, lab, app_attr(a, ROLE_SELFHOST));
    /* self-hosting a model: what the same model costs from a provider, the
     * comparison a sceptic makes before any GPU is bought */
    ld_hosted_cost h;
    if (s->sized && s->model >= 0 &&
        report_hosted_figures(a->ds->models, (size_t)s->model, c->tokens_per_month, s->in.input_share, &h) == 0) {
        char prov[200] = "";
        report_hosted_figure(&h, v, sizeof v);
        units_format_usd(h.monthly_usd, t1, sizeof t1);
        /* the short form keeps what the figure is (a median of offers) */
        if (h.provider[0]) snprintf(prov, sizeof prov, " (%s)", h.provider);
        if (h.offers > 1) snprintf(sv, sizeof sv, "%s/month, median of %ld offers%s", t1, h.offers, prov);
        else snprintf(sv, sizeof sv, "%s/month, %s%s", t1, h.offers == 1 ? "one offer" : "median offer", prov);
        emit_fit(e, "Same, hosted", v, sv, lab, app_attr(a, ROLE_API));
    }
    units_format_usd(fabs(c->difference_usd), t1, sizeof t1);
    double pct = c->api_monthly_usd > 0 ? fabs(c->difference_usd) / c->api_monthly_usd * 100 : 0;
    short_usd(fabs(c->difference_usd), t2, sizeof t2);
    if (c->difference_usd < 0) {
        snprintf(v, sizeof v, "self-hosting saves %s/month (%.0f%% of the API)", t1, pct);
        snprintf(sv, sizeof sv, "self-host saves %s (%.0f%%)", t2, pct);
    } else if (c->difference_usd > 0 && c->api_monthly_usd > 0 && pct >= 100) {
        /* "12× the API" reads; "+1100%" has to be worked out */
        char x[32];
        report_cost_times(c->selfhost_monthly_usd / c->api_monthly_usd, x, sizeof x);
        snprintf(v, sizeof v, "self-hosting costs %s/month more (in all %s the API)", t1, x);
        snprintf(sv, sizeof sv, "self-host +%s (%s API in all)", t2, x);
    } else if (c->difference_usd > 0) {
        snprintf(v, sizeof v, "self-hosting costs %s/month more (+%.0f%%)", t1, pct);
        snprintf(sv, sizeof sv, "self-host +%s (+%.0f%%)", t2, pct);
    } else {
        snprintf(v, sizeof v, "the same");
        sv[0] = '\0';
    }
    emit_fit(e, "Difference", v, sv[0] ? sv : NULL, lab, text);
    if (c->break_even_never) {
        double cap = cost_replica_capacity(&s->in);
        char three[32]; /* three significant digits are enough to compare, unless they read alike */
        snprintf(three, sizeof three, "%.3g", s->in.replica_monthly_usd / cap * 1000);
        cv_format_price(strtod(three, NULL), t1, sizeof t1);
        cv_format_price(c->api_blended_per_1k, t2, sizeof t2);
        if (!strcmp(t1, t2))
            units_format_prices_apart(s->in.replica_monthly_usd / cap * 1000, c->api_blended_per_1k, t1, sizeof t1, t2,
                                      sizeof t2);
        snprintf(v, sizeof v, "never: a full replica costs %s per 1K tokens, the API %s", t1, t2);
        if (ui_width(a, v) > e->width - RLABEL_W - 1)
            snprintf(v, sizeof v, "never: a replica costs %s/1K, the API %s", t1, t2);
        emit(e, "Break-even", RLABEL_W, v, lab, app_attr(a, ROLE_BREAKEVEN));
    } else {
        units_format_count_bound(c->break_even_tokens, +1, 4, t1, sizeof t1); /* a start: rounded up, as the CLI */
        if (isfinite(c->break_even_first_until)) {
            /* the steps: cheaper inside the first replica's only, for good
             * further on; each stretch's start rounded up and its end down
             * (core's units_format_range), so a volume shown lies inside */
            char t3[32];
            units_format_range(c->break_even_tokens, c->break_even_first_until, 4, t1, sizeof t1, t2, sizeof t2);
            units_format_count_bound(c->break_even_for_good_tokens, +1, 4, t3, sizeof t3);
            if (c->break_even_between > 0) { /* the stretches between the first and the lasting one */
                char t4[32], t5[32];
                report_between_edges(c, t4, sizeof t4, t5, sizeof t5);
                if (c->break_even_between == 1) {
                    snprintf(v, sizeof v, "%s tokens/month, but only up to %s; again from %s to %s; cheaper for good "
                             "from %s", t1, t2, t4, t5, t3);
                    snprintf(sv, sizeof sv, "%s-%s, %s-%s, then from %s", t1, t2, t4, t5, t3);
                } else {
                    snprintf(v, sizeof v, "%s tokens/month, but only up to %s; again in %ld stretches from %s to %s "
                             "(the top of each replica's step); cheaper for good from %s", t1, t2,
                             c->break_even_between, t4, t5, t3);
                    snprintf(sv, sizeof sv, "%s-%s, %ld more stretches, then from %s", t1, t2, c->break_even_between, t3);
                }
            } else {
                snprintf(v, sizeof v, "%s tokens/month, but only up to %s; cheaper for good from %s", t1, t2, t3);
                snprintf(sv, sizeof sv, "%s-%s, then from %s", t1, t2, t3);
            }
            emit_fit(e, "Break-even", v, sv, lab, app_attr(a, ROLE_BREAKEVEN));
        } else {
            snprintf(v, sizeof v, "%s tokens/month", t1);
            emit_fit(e, "Break-even", v, NULL, lab, app_attr(a, ROLE_BREAKEVEN));
        }
    }
    if (c->break_even_over && !c->break_even_never) { /* over the GPU types, each volume on its cheapest */
        if (c->earliest_setup[0]) snprintf(v, sizeof v, "first on %s replicas; each volume on its cheapest GPU type",
                                           c->earliest_setup);
        else snprintf(v, sizeof v, "each volume on its cheapest GPU type");
        snprintf(sv, sizeof sv, "%s%seach volume's cheapest GPU", c->earliest_setup[0] ? c->earliest_setup : "",
                 c->earliest_setup[0] ? " first; " : "");
        emit_fit(e, "", v, sv, lab, app_attr(a, ROLE_BREAKEVEN));
    }
    const char *adv = cost_advice_name(c->advice);
    if (c->advice == LD_ADVICE_CLOSE)
        snprintf(v, sizeof v, "close: within %g%%, decide on other grounds", s->in.close_band * 100);
    else
        snprintf(v, sizeof v, "%s: %s is cheaper at this volume", adv,
                 c->advice == LD_ADVICE_API ? "the API" : "self-hosting");
    const char *short_adv = adv;
    if (c->at_capacity_known) { /* article mode beyond one replica: the counted answer too */
        char u[32];
        size_t k = strlen(v);
        units_format_usd(c->selfhost_at_capacity_usd, u, sizeof u);
        snprintf(v + k, sizeof v - k, " (article mode); with the replicas counted, %ld at %s/month: %s",
                 c->replicas_at_capacity, u, cost_advice_name(c->advice_at_capacity));
        snprintf(sv, sizeof sv, "%s; %ld replicas: %s", adv, c->replicas_at_capacity,
                 cost_advice_name(c->advice_at_capacity));
        short_adv = sv;
    }
    { /* a provider of the same model below both: the advice says so */
        char note[160];
        report_cost_hosted_note(c, note, sizeof note);
        size_t k = strlen(v);
        snprintf(v + k, sizeof v - k, "%s", note);
        if (note[0] && short_adv == adv) {
            units_format_usd(c->hosted_monthly_usd, t1, sizeof t1); /* cents below $1,000: $3.50, not $4 */
            snprintf(sv, sizeof sv, "%s; hosted costs less than both (%s)", adv, t1);
            short_adv = sv;
        }
    }
    ld_role r = c->advice == LD_ADVICE_SELFHOST ? ROLE_SELFHOST : c->advice == LD_ADVICE_API ? ROLE_API : ROLE_WARNING;
    emit_fit(e, "Advice", v, short_adv, lab, app_attr(a, r));
    /* what a sceptic must hear with the figures: seed mode beyond one
     * replica's capacity, a cost that is only a lower bound */
    for (size_t i = 0; i < c->nwarnings; i++) emit(e, "Warning", RLABEL_W, c->warnings[i], lab, app_attr(a, ROLE_WARNING));
    emit_fit(e, "2023 bands", c->band ? c->band : "", NULL, lab, app_attr(a, ROLE_MUTED));
    emit_fit(e, "", s->in.band_variable_text ? s->in.band_variable_text : "", NULL, lab, app_attr(a, ROLE_MUTED));
}

/* The basis in short: the figures behind each result, under the knobs. */
static void compact_basis(app *a, cv_state *s, emitter *e)
{
    char v[512], t1[32], t2[32], t3[32], p1[32];
    attr_t text = app_attr(a, ROLE_TEXT), muted = app_attr(a, ROLE_MUTED);
    const ld_cost *c = &s->c;
    const char *X = a->utf8 ? "\u00D7" : "x";
    if (!s->ok) {
        emit(e, NULL, 0, s->err, app_attr(a, ROLE_ERROR), app_attr(a, ROLE_ERROR));
        return;
    }
    cv_format_tokens(s->tokens, t1, sizeof t1);
    cv_format_price(c->api_blended_per_1k, p1, sizeof p1);
    short_usd(c->api_monthly_usd, t2, sizeof t2);
    snprintf(v, sizeof v, "API = %s %s %s/1K = %s", t1, X, p1, t2);
    emit(e, NULL, 0, v, text, text);
    if (s->capacity) {
        round_tokens(c->replica_capacity_tokens, t1, sizeof t1);
        char d[32], pf[32];
        units_format_rate(s->in.replica_tokens_per_s, d, sizeof d);
        if (s->in.replica_prefill_tokens_per_s > 0 && isfinite(s->in.replica_prefill_tokens_per_s)) {
            /* input at the prefill rate, output at the decode rate: the
             * blend written out, so the figure checks by hand (the rate
             * times the hours alone was 4x off at 75% input) */
            units_format_rate(s->in.replica_prefill_tokens_per_s, pf, sizeof pf);
            snprintf(v, sizeof v, "replica = 3600 s %s %g h %s %g%% / (%g%% / %s + %g%% / %s tok/s) = %s tokens", X,
                     s->in.hours_per_month, X, s->in.utilization * 100, s->in.input_share * 100, pf,
                     (1 - s->in.input_share) * 100, d, t1);
        } else
            snprintf(v, sizeof v, "replica = %s tok/s %s 3600 s %s %g h %s %g%% = %s tokens", d, X, X,
                     s->in.hours_per_month, X, s->in.utilization * 100, t1);
    } else {
        snprintf(v, sizeof v, "2023 article: 1 replica, unlimited tokens");
    }
    emit(e, NULL, 0, v, muted, muted);
    units_format_usd_exact(s->in.replica_monthly_usd, t1, sizeof t1); /* the product checks: 10 x $357.70 */
    short_usd(s->in.ops_monthly_usd, t2, sizeof t2);
    short_usd(c->selfhost_monthly_usd, t3, sizeof t3);
    if (s->in.ops_monthly_usd > 0) snprintf(v, sizeof v, "self-host = %ld %s %s + %s ops = %s", c->replicas, X, t1, t2, t3);
    else snprintf(v, sizeof v, "self-host = %ld %s %s = %s", c->replicas, X, t1, t3);
    emit(e, NULL, 0, v, text, text);
    if (c->break_even_never) {
        snprintf(v, sizeof v, "break-even: never (see b)");
    } else {
        /* the replicas at the break-even, not at this volume: its own sum;
         * over GPU types, the sum of the type the first stretch is on */
        long k = s->capacity ? cost_replicas(&s->in, c->break_even_tokens) : 1;
        char on[104] = ""; /* another set-up than the self-host line's: named, or two prices read as one */
        for (size_t i = 0; c->earliest_setup[0] && i < s->noptions; i++)
            if (!strcmp(s->options[i].setup, c->earliest_setup) && s->options[i].capacity_tokens > 0) {
                k = (long)ceil(c->break_even_tokens / s->options[i].capacity_tokens);
                units_format_usd_exact(s->options[i].replica_usd, t1, sizeof t1);
                if (s->options[i].replica_usd != s->in.replica_monthly_usd)
                    snprintf(on, sizeof on, " (%s)", c->earliest_setup);
            }
        units_format_count_bound(c->break_even_tokens, +1, 4, t3, sizeof t3);
        if (s->in.ops_monthly_usd > 0)
            snprintf(v, sizeof v, "break-even = (%ld %s %s%s + %s) / %s per 1K = %s", k, X, t1, on, t2, p1, t3);
        else
            snprintf(v, sizeof v, "break-even = %ld %s %s%s / %s per 1K = %s", k, X, t1, on, p1, t3);
    }
    emit(e, NULL, 0, v, text, text);
}

void cv_draw_compact_basis(app *a, cv_state *s, WINDOW *w, int y, int x, int h, int wd)
{
    ui_box(a, w, y, x, h, wd, "Basis (b: in full)");
    emitter e = {a, w, y + 1, x + 2, wd - 3, h - 2, 0, 0};
    compact_basis(a, s, &e);
}

int cv_results_height(app *a, cv_state *s, int wd)
{
    emitter count = {a, NULL, 0, 0, wd - 4, 1 << 30, 0, 0};
    result_lines(a, s, &count);
    return count.line + 2;
}

void cv_draw_results(app *a, cv_state *s, WINDOW *w, int y, int x, int h, int wd)
{
    char title[96], t[32];
    cv_format_tokens(s->tokens, t, sizeof t);
    snprintf(title, sizeof title, "At %s tokens/month, %s mode", t, s->capacity ? "capacity" : "article");
    ui_box(a, w, y, x, h, wd, title);
    emitter e = {a, w, y + 1, x + 2, wd - 4, h - 2, 0, 0};
    result_lines(a, s, &e);
    if (e.line > h - 2) { /* a short terminal: say that lines (warnings, the bands) are left out */
        char more[48];
        snprintf(more, sizeof more, " %s %d more lines: a taller terminal shows them ", a->g.down, e.line - (h - 2));
        if (ui_width(a, more) > wd - 4) snprintf(more, sizeof more, " %s %d more ", a->g.down, e.line - (h - 2));
        ui_put(a, w, y + h - 1, x + 2, wd - 4, more, app_attr(a, ROLE_WARNING), UI_RIGHT, 0);
    }
}

/* ---- basis ----------------------------------------------------------------------- */

/* Each basis line of `text` (newline-separated) as its own paragraph. */
static void basis_text(emitter *e, const char *text, attr_t at)
{
    char line[1024];
    while (*text) {
        const char *nl = strchr(text, '\n');
        size_t len = nl ? (size_t)(nl - text) : strlen(text);
        snprintf(line, sizeof line, "%.*s", (int)len, text);
        emit(e, NULL, 0, line, at, at);
        text += len + (nl ? 1 : 0);
    }
}

static void basis_lines(app *a, cv_state *s, emitter *e)
{
    attr_t text = app_attr(a, ROLE_TEXT), head = app_attr(a, ROLE_ACCENT), muted = app_attr(a, ROLE_MUTED);
    char line[1024];
    if (s->ok) basis_text(e, s->c.basis, text);
    else emit(e, NULL, 0, s->err, app_attr(a, ROLE_ERROR), app_attr(a, ROLE_ERROR));
    if (s->offer >= 0 && s->h->offers[s->offer].source[0]) {
        const ld_api_offer *o = &s->h->offers[s->offer];
        snprintf(line, sizeof line, "API price from: %s%s%s", o->source, o->date[0] ? ", " : "", o->date);
        emit(e, NULL, 0, line, muted, muted);
    }
    if (s->sized) {
        snprintf(line, sizeof line, "Sizing of %s (%.0f-token context):", cv_model_name(a, s->model), s->s.context);
        emit(e, NULL, 0, line, head, head);
        basis_text(e, s->s.basis, text);
    }
    ld_hosted_cost h;
    if (s->sized && s->ok && s->model >= 0 &&
        report_hosted_figures(a->ds->models, (size_t)s->model, s->c.tokens_per_month, s->in.input_share, &h) == 0) {
        char tok[32], usd[32], p1[32], p2[32], basis[64];
        units_format_count(s->c.tokens_per_month, tok, sizeof tok);
        units_format_usd(h.monthly_usd, usd, sizeof usd);
        units_format_price(h.in_per_1m, p1, sizeof p1);
        units_format_price(h.out_per_1m, p2, sizeof p2);
        report_hosted_basis(&h, basis, sizeof basis);
        emit(e, NULL, 0, "The same model from a provider:", head, head);
        snprintf(line, sizeof line, "%s tokens/month × (%g%% × %s + %g%% × %s) per 1M = %s/month; %s%s%s "
                 "(models.csv hosted_* columns, from LiteLLM's price file)", tok, s->in.input_share * 100, p1,
                 (1 - s->in.input_share) * 100, p2, usd, basis, h.provider[0] ? ", " : "", h.provider);
        emit(e, NULL, 0, line, text, text);
    }
}

void cv_draw_basis(app *a, cv_state *s, WINDOW *w, int y, int x, int h, int wd)
{
    ui_box(a, w, y, x, h, wd, "Basis: inputs and formulas (b: chart)");
    emitter count = {a, NULL, 0, 0, wd - 4, 1 << 30, 0, 0};
    basis_lines(a, s, &count);
    s->basis_max = count.line - (h - 2) > 0 ? count.line - (h - 2) : 0;
    if (s->basis_top > s->basis_max) s->basis_top = s->basis_max;
    emitter e = {a, w, y + 1, x + 2, wd - 4, h - 2, s->basis_top, 0};
    basis_lines(a, s, &e);
    if (s->basis_max > 0) {
        char pos[32];
        snprintf(pos, sizeof pos, " %d%% ", s->basis_top * 100 / s->basis_max);
        ui_put(a, w, y + h - 1, x + 2, wd - 4, pos, app_attr(a, ROLE_MUTED), UI_RIGHT, 0);
    }
}
