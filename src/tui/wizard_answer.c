/* wizard_answer.c - the wizard's answer: the rules applied to the answers,
 * the candidates, the sizing of the pick and, with a volume, API against
 * self-hosting; shown as a scrolling page (the Markdown export, with its
 * chart, is wizard_report.c). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "llmdeck/memfit.h"
#include "llmdeck/output.h"
#include "llmdeck/report.h"
#include "llmdeck/report_cost.h"
#include "llmdeck/score.h"
#include "llmdeck/units.h"
#include "cost_view.h"
#include "widgets.h"
#include "wizard.h"
#include "wizard_lines.h"

#define SEED_OFFER "seed-gpt-3.5-turbo"
/* WZ_SHOWN (wizard.h): candidates on the page and in the report, as the CLI */
#define SHOWN WZ_SHOWN

static void free_lines(wz_state *w)
{
    for (size_t i = 0; i < w->nlines; i++) free(w->lines[i].text);
    free(w->lines);
    w->lines = NULL;
    w->nlines = w->cap = 0;
}

void wz_answer_free(wz_state *w)
{
    free_lines(w);
    if (w->have_answer) {
        rules_candidates_free(&w->cands);
        rules_recommendation_free(&w->rec);
        rules_profiles_free(&w->profiles);
    }
    memset(&w->rec, 0, sizeof w->rec);
    memset(&w->cands, 0, sizeof w->cands);
    free(w->fits);
    w->fits = NULL;
    w->req.fits = NULL;
    w->req.hardware[0] = '\0';
    w->own_gpus[0] = w->own_gpus_cost[0] = '\0';
    w->have_answer = 0;
}

const char *wz_answer_name(const app *a, const wz_state *w)
{
    if (!w->have_answer || !w->cands.n) return "none";
    return catalog_text(a->ds->models, w->cands.items[0].row, catalog_key_col(a->ds->models));
}

/* ---- the numbers ----------------------------------------------------------- */

static const char *model_name(const app *a, const wz_state *w)
{
    return catalog_text(a->ds->models, (size_t)w->pick, catalog_key_col(a->ds->models));
}

/* The scenario input for the pick: the asked context, the data set's GPUs. */
static void scenario_base(app *a, wz_state *w, ld_scenario_input *si)
{
    memset(si, 0, sizeof *si);
    si->cat = a->ds->models;
    si->row = (size_t)w->pick;
    si->hosting = w->hosting;
    si->gpus = w->gpus;
    si->context = w->req.context_length;
}

/* How the pick fits at fp16 and at int4, one sequence (the two lines of
 * the sizing section). */
static void compute_sizing(app *a, wz_state *w)
{
    w->size_ok[0] = w->size_ok[1] = w->size_ok[2] = 0;
    w->release_label[0] = '\0';
    w->size_note[0] = '\0';
    if (w->pick < 0 && !w->rec.model) {
        snprintf(w->size_note, sizeof w->size_note, "No model was recommended, so nothing to size.");
        return;
    }
    if (w->pick < 0) {
        snprintf(w->size_note, sizeof w->size_note, "%s is not in the catalogue: no sizing.", w->rec.model);
        return;
    }
    if (!w->hosting_ok) {
        snprintf(w->size_note, sizeof w->size_note, "No GPU data: %s", w->hosting_err);
        return;
    }
    ld_error err;
    error_clear(&err);
    if (sizing_arch_from_catalog(a->ds->models, (size_t)w->pick, &w->arch, &err) != 0) {
        snprintf(w->size_note, sizeof w->size_note,
                 "%s has no parameter count in the catalogue: it cannot be sized.", model_name(a, w));
        return;
    }
    static ld_scenario one; /* large; the wizard runs on one thread */
    const char *rq, *req;
    int released = scenario_release_quant(a->ds->models, (size_t)w->pick, &rq, &req);
    for (int i = 0; i < 2 + released; i++) {
        ld_scenario_input si;
        scenario_base(a, w, &si);
        si.quant = i == 2 ? SCENARIO_QUANT_RELEASE : i ? "int4" : "fp16";
        si.batch = 1;
        int rc = scenario_compute(&si, NULL, &one, &err);
        w->size_ok[i] = rc >= 0 && one.sized;
        if (w->size_ok[i]) w->size[i] = one.sizing;
        else if (!w->size_note[0]) /* why, said once: "No sizing." told nothing */
            snprintf(w->size_note, sizeof w->size_note, "%s%s: %.800s", model_name(a, w),
                     w->cands.n ? "" : " (the 2023 rule's pick: no candidate met the requirements)",
                     rc < 0 ? err.msg : one.note);
        if (i == 2) snprintf(w->release_label, sizeof w->release_label, "%s", one.quant_label);
    }
    if (w->size_ok[0] || w->size_ok[1] || w->size_ok[2]) w->size_note[0] = '\0';
}

static const app *w_app; /* the app whose cost view the wizard prices against */

/* API against self-hosting at the asked volume, through the core's scenario:
 * the quantization (the release precision, fp16 or int4: scenario.h) and the
 * batch (as many sequences as fit, at most 16) are the core's rules. */
static void compute_cost(app *a, wz_state *w)
{
    w->cost_ok = 0;
    w->cost_note[0] = '\0';
    if (!(w->req.monthly_tokens > 0)) {
        snprintf(w->cost_note, sizeof w->cost_note, "No monthly volume was given (step %d).", WZ_VOLUME + 1);
        return;
    }
    if (!w->hosting_ok) {
        snprintf(w->cost_note, sizeof w->cost_note, "No hosting data: %s", w->hosting_err);
        return;
    }
    ld_cost_input in;
    cost_defaults(&in);
    cost_apply_hosting(&in, w->hosting);
    in.tokens_per_month = w->req.monthly_tokens;
    /* capacity mode: replicas from throughput, never "unlimited tokens" */
    in.mode = LD_COST_CAPACITY;
    /* the API the cost view is set to (one scenario); the seed's offer until it is opened */
    w->priced_from_view =
        cost_view_api(w_app, &in.api_in_per_1k, &in.api_out_per_1k, w->api_label, sizeof w->api_label) == 0;
    w->priced_in = in.api_in_per_1k;
    w->priced_out = in.api_out_per_1k;
    w->priced_request = cost_view_request(w_app);
    if (!w->priced_from_view) {
        const ld_api_offer *offer = hosting_offer_find(w->hosting, SEED_OFFER);
        if (!offer) {
            snprintf(w->cost_note, sizeof w->cost_note, "hosting.json has no %s offer to compare with.", SEED_OFFER);
            return;
        }
        scenario_set_offer(&in, offer);
        snprintf(w->api_label, sizeof w->api_label, "%s at $%.4g / $%.4g per 1M in/out", offer->name,
                 offer->input_per_1k * 1000, offer->output_per_1k * 1000);
    }
    in.api_label = w->api_label;
    char api[32];
    units_format_usd(cost_api_monthly(&in, in.tokens_per_month), api, sizeof api);
    if (w->pick < 0) {
        snprintf(w->cost_note, sizeof w->cost_note, "API: %s/month (%s). The self-hosting cost is unknown. %.500s",
                 api, w->api_label, w->size_note[0] ? w->size_note : "");
        return;
    }
    ld_scenario_input si;
    scenario_base(a, w, &si);
    /* the cost view's typical request, if set and shorter than the context
     * asked: each batched sequence holds one (split at the input share) */
    double req = cost_view_request(w_app);
    w->request = req > 0 && req < si.context ? req : 0;
    w->request_unused = req > 0 && !(req < si.context) ? req : 0; /* said, not silently dropped */
    if (w->request > 0) {
        cost_split_request(w->request, in.input_share, &in.request_in, &in.request_out);
        si.prompt_tokens = in.request_in;
        si.request_tokens = w->request;
    }
    ld_error err;
    error_clear(&err);
    if (w->hardware.gpu) { /* self-hosting on the GPUs asked, at their precision */
        si.gpu = w->hardware.gpu;
        si.quant = w->hardware.quant;
        si.quant_why = "asked with your GPUs";
    }
    int rc = scenario_compute(&si, &in, &w->scen, &err);
    w->cost_ok = rc == 0 && w->scen.costed;
    if (!w->cost_ok)
        snprintf(w->cost_note, sizeof w->cost_note, "API: %s/month (%s). The self-hosting cost is unknown: %.500s",
                 api, w->api_label, rc < 0 ? err.msg : w->scen.note);
}

/* Has the cost view changed what the answer was priced with? */
static int cost_view_moved(const wz_state *w)
{
    if (!w_app || !w->have_answer) return 0;
    double i, o;
    char label[192];
    int from_view = cost_view_api(w_app, &i, &o, label, sizeof label) == 0;
    if (from_view != w->priced_from_view) return 1;
    if (from_view && (i != w->priced_in || o != w->priced_out || strcmp(label, w->api_label) != 0)) return 1;
    return cost_view_request(w_app) != w->priced_request;
}

/* ---- the page's lines ---------------------------------------------------------- */

void wz_add(wz_state *w, ld_role role, int indent, int hang, int nowrap, const char *fmt, ...)
{
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (w->nlines == w->cap) {
        size_t nc = w->cap ? w->cap * 2 : 64;
        wz_line *more = realloc(w->lines, nc * sizeof *more);
        if (!more) {
            w->lines_nomem = 1;
            return;
        }
        w->lines = more;
        w->cap = nc;
    }
    char *t = strdup(buf);
    if (!t) {
        w->lines_nomem = 1;
        return;
    }
    w->lines[w->nlines++] = (wz_line){t, role, (short)indent, (short)hang, (unsigned char)nowrap};
}

static void blank(wz_state *w) { wz_add(w, ROLE_TEXT, 0, 0, 1, "%s", ""); }

/* The GPUs asked (the review's optional row): how the pick sits on them, or how to ask. */
static void add_own_gpus(app *a, wz_state *w, const char *name)
{
    w->own_gpus[0] = '\0';
    if (!w->hardware.gpu) {
        wz_add(w, ROLE_MUTED, 2, 4, 0, "No GPUs of your own were given (the review's GPUs row, optional%s%s): the "
            "candidates may need any hardware; llmdeck size --model %s --gpu NAME --quant int4 checks one (the cost "
            "view's GPU knob prices another)", w->hardware_dropped[0] ? "; " : "", w->hardware_dropped, name);
        return;
    }
    char hw[160], gb[32];
    double mem;
    hardware_text(&w->hardware, hw, sizeof hw);
    int fit = memfit_fit_cards(a->ds->models, (size_t)w->pick, w->hardware.quant, w->req.context_length,
                               w->hardware.gpu, w->hardware.cards, &mem);
    report_gb(mem, gb, sizeof gb);
    if (fit > 0)
        snprintf(w->own_gpus, sizeof w->own_gpus, "On your GPUs (%s): fits on %d of them, %s of the %.4g GB %s "
            "at %.0f%% (weights + KV cache of one %.15g-token sequence + overhead)", hw, fit, gb,
            fit * hosting_gpu_device_gb(w->hardware.gpu) * SIZING_GPU_MEM_UTIL, fit == 1 ? "it holds" : "they hold",
            SIZING_GPU_MEM_UTIL * 100,
            w->req.context_length);
    else
        snprintf(w->own_gpus, sizeof w->own_gpus, "On your GPUs (%s): %s", hw,
            fit == 0 ? "does not fit (no candidate did: this is the 2023 rule's pick)"
                     : "cannot be sized (no architecture in the catalogue)");
    wz_add(w, fit > 0 ? ROLE_TEXT : ROLE_MISSING, 2, 4, 0, "%s", w->own_gpus);
}

static void add_sizing(app *a, wz_state *w)
{
    wz_add(w, ROLE_HEADER, 0, 0, 0, "Sizing of the pick");
    if (!w->size_ok[0] && !w->size_ok[1] && !w->size_ok[2]) {
        wz_add(w, ROLE_MISSING, 2, 2, 0, "%s", w->size_note[0] ? w->size_note : "No sizing.");
        return;
    }
    const ld_sizing *any = w->size_ok[0] ? &w->size[0] : w->size_ok[1] ? &w->size[1] : &w->size[2];
    const char *name = model_name(a, w);
    wz_add(w, ROLE_MUTED, 2, 2, 0, "%s, %.15g-token context, one sequence; the cheapest listed GPU that holds it:",
        name, any->context);
    for (int i = 0; i < 2; i++) {
        char tot[32], g[256];
        if (!w->size_ok[i]) continue;
        report_gb(w->size[i].total_gb, tot, sizeof tot);
        report_gpus(&w->size[i], g, sizeof g);
        wz_add(w, ROLE_TEXT, 2, 19, 0, "%-5s %9s%s  %s", i ? "int4" : "fp16", tot,
            w->size[i].kv_known ? "" : "+KV", g);
    }
    if (w->size_ok[2]) { /* the precision its checkpoint is published in (release_quant) */
        const ld_sizing *r = &w->size[2];
        char tot[32], g[256], wt[32];
        report_gb(r->total_gb, tot, sizeof tot);
        report_gb(r->weights_gb, wt, sizeof wt);
        report_gpus(r, g, sizeof g);
        char how[160];
        if (r->routed_params_b > 0) /* where the average comes from */
            snprintf(how, sizeof how, "%.4gB routed-expert params at %g bits, the rest at %g", r->routed_params_b,
                     r->expert_bits, r->base_bits);
        else
            snprintf(how, sizeof how, "%.3g bits a weight", r->bits_per_weight);
        wz_add(w, ROLE_TEXT, 2, 4, 0, "as released (%s: %s, %s of weights): %s%s  %s", w->release_label, how, wt, tot,
            r->kv_known ? "" : "+KV", g);
    }
    char kv[1024], formula[400], index[400], b1[32], b2[32];
    const ld_model_arch *ar = &w->arch;
    report_gb(any->weights_gb, b1, sizeof b1);
    if (any->kv_known) {
        /* the formula of the model's attention kind (GQA, MLA, sliding, hybrid), as `llmdeck size` */
        arch_kv_elems(ar, any->context, formula, sizeof formula);
        arch_index_bytes(ar, any->context, index, sizeof index); /* indexer keys, compressor state */
        report_gb(any->kv_cache_gb, b2, sizeof b2);
        snprintf(kv, sizeof kv, "KV cache %s (%s) × %g bytes%s%s = %s", formula, arch_attn_name(ar), any->kv_bytes,
                 index[0] ? " + " : "", index, b2);
    } else {
        snprintf(kv, sizeof kv, "KV cache unknown (the catalogue lacks layers or heads), not counted");
    }
    wz_add(w, ROLE_MUTED, 2, 4, 0, "basis: %.4gB params × %g bits / 8 = %s of weights (int4: %g bits); %s; "
        "+ overhead %g GB on one GPU (%g GB a GPU on more) + %.0f%% of the weights; a GPU holds %.0f%% of the memory "
        "its driver reports. Full basis: llmdeck size --model %s%s",
        ar->params_b, any->bits_per_weight, b1, w->size_ok[1] ? w->size[1].bits_per_weight : 4.15625, kv,
        SIZING_OVERHEAD_ONE_GPU_GB, SIZING_OVERHEAD_TP_GPU_GB, SIZING_OVERHEAD_FRACTION * 100,
        w->hosting->defaults.gpu_memory_utilization * 100, name, w->size_ok[2] ? " (--quant release: as released)" : "");
    add_own_gpus(a, w, name);
}

static void add_cost(wz_state *w)
{
    char t[32], u1[32], u2[32], diff[160], be[320];
    if (!w->cost_ok) {
        units_format_count(w->req.monthly_tokens, t, sizeof t);
        if (w->req.monthly_tokens > 0) wz_add(w, ROLE_HEADER, 0, 0, 0, "Cost at %s tokens a month", t);
        else wz_add(w, ROLE_HEADER, 0, 0, 0, "Cost");
        wz_add(w, ROLE_MUTED, 2, 2, 0, "%s", w->cost_note);
        return;
    }
    const ld_cost *c = &w->scen.cost;
    const ld_cost_input *in = &w->scen.cost_in;
    units_format_count(c->tokens_per_month, t, sizeof t);
    units_format_usd(c->api_monthly_usd, u1, sizeof u1);
    units_format_usd(c->selfhost_monthly_usd, u2, sizeof u2);
    report_cost_difference(c, diff, sizeof diff);
    report_cost_break_even(c, be, sizeof be);
    wz_add(w, ROLE_HEADER, 0, 0, 0, "Cost at %s tokens a month (%g%% input; capacity mode: replicas from throughput)",
        t, in->input_share * 100);
    wz_add(w, ROLE_API, 2, 29, 0, "API        %8s/month  %s", u1, in->api_label);
    wz_add(w, ROLE_SELFHOST, 2, 29, 0, "Self-host  %8s/month  %ld replica%s, %s", u2, c->replicas,
        c->replicas == 1 ? "" : "s", in->selfhost_label);
    w->own_gpus_cost[0] = '\0';
    if (w->hardware.gpu && c->replicas > 0 && w->scen.sizing.gpus > 0) {
        /* the cards this volume takes against the ones named: the price is a rental's either way */
        long need = c->replicas * (long)w->scen.sizing.gpus;
        snprintf(w->own_gpus_cost, sizeof w->own_gpus_cost,
            "This volume takes %ld × %s (%ld replica%s of %d), %s the %d you named; each is priced at its rental rate, "
            "not as owned (a card you own costs its power and upkeep instead).", need, w->hardware.gpu->name,
            c->replicas, c->replicas == 1 ? "" : "s", w->scen.sizing.gpus,
            need > w->hardware.cards ? "more than" : "within", w->hardware.cards);
        wz_add(w, need > w->hardware.cards ? ROLE_MISSING : ROLE_MUTED, 2, 4, 0, "%s", w->own_gpus_cost);
    }
    wz_add(w, ROLE_TEXT, 2, 4, 0, "%s; break-even %s", diff, be);
    char hosted[400];
    if (report_hosted_cost_vs(w_app->ds->models, (size_t)w->pick, c, in->input_share, hosted, sizeof hosted) == 0)
        wz_add(w, ROLE_API, 2, 4, 0, "Also: %s.", hosted);
    for (size_t i = 0; i < c->nwarnings; i++) wz_add(w, ROLE_WARNING, 2, 4, 0, "warning: %s", c->warnings[i]);
    char cap[512]; /* the replicas worked out, as the cost view's basis says them (core) */
    cost_capacity_basis(in, c, cap, sizeof cap);
    wz_add(w, ROLE_MUTED, 2, 4, 0, "basis: %s; decode at batch %g is %s-bound; %s.", w->scen.choice, w->scen.batch,
        w->scen.sizing.bound, cap);
    if (w->request > 0)
        wz_add(w, ROLE_MUTED, 2, 4, 0, "Each sequence holds a typical request of %.0f tokens (the cost view's Request "
            "knob); one sequence of the whole %.0f-token context still fits.", w->request, w->scen.sizing.context);
    else if (w->request_unused > 0)
        wz_add(w, ROLE_MUTED, 2, 4, 0, "Each sequence is counted at the whole %.0f-token context, the worst case: the "
            "cost view's Request knob (%.0f tokens) is not shorter than it.", w->scen.sizing.context, w->request_unused);
    else
        wz_add(w, ROLE_MUTED, 2, 4, 0, "Each sequence is counted at the whole %.0f-token context, the worst case; the "
            "cost view's Request knob sets a typical request (prompt + answer).", w->scen.sizing.context);
    const ld_sizing *sz = &w->scen.sizing;
    if (w->req.latency_critical && isfinite(sz->ttft_s) && isfinite(sz->tokens_per_s) &&
        isfinite(sz->throughput_tokens_per_s) && w->scen.batch > 0) {
        /* what a latency-critical user waits for, on this set-up: the
         * replicas above are counted at the batch, so each stream gets its
         * share of the batch's rate, not the one-stream rate */
        char ttft[32];
        snprintf(ttft, sizeof ttft, "%.3g", sz->ttft_s);
        wz_add(w, ROLE_TEXT, 2, 4, 0, "Latency on this set-up: the first token after %s s for a %.0f-token prompt on idle "
            "GPUs; one stream alone decodes %.0f tokens/s; at batch %g each stream gets about %.0f tokens/s (%.0f / %g). "
            "Fewer streams a replica answer faster and need more replicas (the cost view's Batch knob).",
            ttft, sz->prompt_tokens, sz->tokens_per_s, w->scen.batch, sz->throughput_tokens_per_s / w->scen.batch,
            sz->throughput_tokens_per_s, w->scen.batch);
    }
    char undercut[160];
    report_cost_hosted_note(c, undercut, sizeof undercut);
    wz_add(w, ROLE_MUTED, 2, 4, 0, "advice: %s (the API compared against self-hosting)%s. The 2023 article's rule of "
        "thumb: %s. The Cost view (3) tries other volumes, GPUs and API offers; the offer set there is the one priced "
        "here.", cost_advice_name(c->advice), undercut, c->band);
}

static void build_lines(app *a, wz_state *w)
{
    const ld_recommendation *r = &w->rec;
    char buf[1024], b2[256];
    ld_report rep;
    report_init(&rep, a->ds->models, &w->req, r, &w->cands, SHOWN);
    const ld_catalog *mc = a->ds->models;
    if (rep.recommended >= 0) {
        char val[32], rc[64];
        const ld_candidate *top = &w->cands.items[0];
        if (isnan(top->value)) snprintf(val, sizeof val, "n/a");
        else output_display_number(top->value, val, sizeof val); /* as the candidates show it */
        wz_add(w, ROLE_BEST, 0, 2, 0, "Recommended: %s",
            catalog_text(mc, (size_t)rep.recommended, catalog_key_col(mc)));
        wz_add(w, ROLE_TEXT, 0, 5, 0, "Why: %s", rep.why);
        wz_cell(mc, (size_t)rep.recommended, "cost_basis", b2, sizeof b2);
        wz_cell(mc, (size_t)rep.recommended, "relative_cost", rc, sizeof rc);
        int rcc = catalog_col_index(mc, "relative_cost");
        if (strcmp(rc, "n/a") && rcc >= 0) /* three figures, as the value: 0.00287, not 0.002867 */
            output_display_ratio(catalog_num(mc, (size_t)rep.recommended, (size_t)rcc), rc, sizeof rc);
        /* the task's weights, not the table's: the same label there gives another figure */
        const char *task = w->cands.profile && w->cands.profile->name ? w->cands.profile->name : "";
        if (!strcmp(rc, "n/a")) /* neither an offer nor an estimate: say why, not a blank */
            wz_add(w, ROLE_MUTED, 2, 4, 0, "value %s (%s task weights), relative cost %s", val, task,
                   REPORT_NO_COST_WHY);
        else
            wz_add(w, ROLE_MUTED, 2, 4, 0, "value %s (%s task weights), relative cost %s%s%s%s", val, task, rc,
                   strcmp(b2, "n/a") ? " (" : "", strcmp(b2, "n/a") ? b2 : "", strcmp(b2, "n/a") ? ")" : "");
    } else {
        wz_add(w, ROLE_WARNING, 0, 2, 0, "Recommended: none: %s", rep.no_fit);
    }
    ld_data_horizon horizon;
    dataset_horizon(a->ds, &horizon);
    if (*report_horizon_sentence(&horizon, buf, sizeof buf)) wz_add(w, ROLE_MUTED, 2, 4, 0, "data: %s", buf);
    blank(w);
    if (!r->model) {
        wz_add(w, ROLE_WARNING, 0, 2, 0, "No rule matched: the rules file has no catch-all rule.");
    } else {
        wz_add(w, ROLE_ACCENT, 0, 2, 0, "The 2023 article's rule picks: %s", r->model);
        if (rep.pick_known && rep.nviolations) {
            size_t len = 0;
            buf[0] = '\0';
            for (size_t i = 0; i < rep.nviolations && len < sizeof buf; i++)
                len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s (%s)", i ? "; " : "",
                                        rep.violations[i].requirement, rep.violations[i].detail);
            wz_add(w, ROLE_WARNING, 2, 4, 0, "it fails: %s", buf);
        } else if (rep.pick_known) {
            wz_add(w, ROLE_TEXT, 2, 4, 0, "it meets every requirement");
        }
        if (rep.pick_known && rep.pick_rank)
            wz_add(w, ROLE_MUTED, 2, 4, 0, "rank %zu of %zu among today's candidates", rep.pick_rank, w->cands.n);
        else if (rep.pick_known)
            wz_add(w, ROLE_MUTED, 2, 4, 0, "not among today's candidates");
        wz_add(w, ROLE_TEXT, 0, 8, 0, "Reason: %s", r->reason);
        size_t len = 0;
        buf[0] = '\0';
        for (size_t i = 0; i < r->nalternatives && len < sizeof buf; i++)
            len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", i ? ", " : "", r->alternatives[i]);
        wz_add(w, ROLE_TEXT, 0, 14, 0, "Alternatives: %s", r->nalternatives ? buf : "none");
        if (r->model_row >= 0) {
            char row[2048]; /* the metrics the task weighs, as recommend says it (core) */
            report_pick_row(&rep, row, sizeof row);
            wz_add(w, ROLE_TEXT, 0, 4, 0, "In the catalogue: %s", row);
        } else {
            wz_add(w, ROLE_MISSING, 0, 4, 0, "%s is not in the catalogue: no benchmarks or sizing.", r->model);
        }
    }
    blank(w);
    wz_add(w, ROLE_HEADER, 0, 0, 0, "Considerations");
    for (size_t i = 0; i < r->nconsiderations; i++) wz_add(w, ROLE_TEXT, 2, 4, 0, "- %s", r->considerations[i]);
    if (!r->nconsiderations) wz_add(w, ROLE_MUTED, 2, 2, 0, "none in the rules file");
    blank(w);
    /* the trace explains the 2023 rule's pick, not the recommendation (as the Markdown report) */
    wz_add(w, ROLE_HEADER, 0, 0, 0, "Why the 2023 rule picks it: its rules are checked in order, the first that applies wins");
    for (size_t i = 0; i < r->ntrace; i++) {
        snprintf(b2, sizeof b2, "%zu.", i + 1);
        wz_add(w, r->trace[i].matched ? ROLE_ACCENT : ROLE_MUTED, 2, 6, 0, "%-3s %s %s: %s", b2, r->trace[i].rule,
            r->trace[i].matched ? "applies" : "does not apply", r->trace[i].why);
    }
    blank(w);
    wz_add_candidates(a, w);
    blank(w);
    add_sizing(a, w);
    blank(w);
    add_cost(w);
}

int wz_answer_build(app *a, wz_state *w)
{
    wz_answer_free(w);
    if (!w->rules) {
        app_message(a, MSG_ERROR, "no rules to apply: %s", w->rules_err);
        return -1;
    }
    ld_error err;
    error_clear(&err);
    size_t mlen = 0;
    const char *mtext = dataset_file(a->ds, "metrics.json", &mlen, NULL);
    if (rules_profiles_parse(mtext, mlen, "metrics.json", &w->profiles, &err) != 0)
        app_message(a, MSG_ERROR, "%s (the built-in task weights are used)", err.msg);
    /* the table's missing rule (p), as its scale (s, on the catalogue):
     * one quality for a model in the table and in the answer */
    w->profiles.skip_missing = a->missing == LD_MISSING_SKIP;
    w->built_missing = (int)a->missing;
    w->built_scale = score_percentile_scale(a->ds->models);
    /* the GPUs step: only the models that fit them are candidates */
    if (w->hardware.gpu && hardware_requirement(a->ds->models, &w->hardware, &w->req, &w->fits) != 0) {
        rules_profiles_free(&w->profiles);
        app_message(a, MSG_ERROR, "out of memory");
        return -1;
    }
    if (rules_recommend(w->rules, &w->req, &w->rec) < 0 ||
        rules_candidates_in(a->ds->models, &w->req, &w->profiles, &w->cands, &err) != 0) {
        rules_recommendation_free(&w->rec);
        rules_candidates_free(&w->cands);
        rules_profiles_free(&w->profiles);
        memset(&w->rec, 0, sizeof w->rec);
        memset(&w->cands, 0, sizeof w->cands);
        app_message(a, MSG_ERROR, "out of memory");
        return -1;
    }
    w->have_answer = 1;
    rules_resolve(&w->rec, a->ds->models);
    w->pick = w->cands.n ? (long)w->cands.items[0].row : w->rec.model_row;
    compute_sizing(a, w);
    w_app = a;
    compute_cost(a, w);
    w->lines_nomem = 0;
    build_lines(a, w);
    if (w->lines_nomem) {
        wz_answer_free(w);
        app_message(a, MSG_ERROR, "out of memory");
        return -1;
    }
    w->scroll = 0;
    return 0;
}

/* ---- the page ------------------------------------------------------------------- */

/* Draws the lines from line `skip` on (win NULL: only counts); returns the
 * number of screen rows all the lines take. */
static int emit(app *a, wz_state *w, WINDOW *win, int y0, int x0, int width, int height, int skip)
{
    int row = 0;
    char safe[2048], piece[2048];
    for (size_t i = 0; i < w->nlines; i++) {
        const wz_line *l = &w->lines[i];
        attr_t at = app_attr(a, l->role) | (l->role == ROLE_HEADER || l->role == ROLE_BEST ? A_BOLD : 0);
        if (l->nowrap) {
            if (win && row >= skip && row - skip < height)
                ui_text(a, win, y0 + row - skip, x0 + l->indent, width - l->indent, l->text, at);
            row++;
            continue;
        }
        const char *p = output_sanitize(l->text, safe, sizeof safe), *next;
        int first = 1;
        do {
            int ind = first ? l->indent : l->hang, tw = width - ind > 8 ? width - ind : 8;
            size_t len = ui_wrap(a, p, tw, &next);
            if (win && row >= skip && row - skip < height) {
                memcpy(piece, p, len);
                piece[len] = '\0';
                ui_text(a, win, y0 + row - skip, x0 + ind, tw, piece, at);
            }
            row++;
            first = 0;
            p = next;
        } while (*p);
    }
    return row;
}

void wz_answer_draw(app *a, wz_state *w, WINDOW *win)
{
    int H = getmaxy(win), W = getmaxx(win);
    ui_box(a, win, 0, 0, H, W, "Wizard: the answer");
    int x0 = 3, width = W - 6, height = H - 2;
    w->body_h = height;
    if (cost_view_moved(w)) { /* priced again against the cost view's offer and request */
        compute_cost(a, w);
        w->layout_width = 0;
    }
    if (w->have_answer && width != w->layout_width) { /* laid out again for this width */
        w->layout_width = width;
        free_lines(w);
        w->lines_nomem = 0;
        build_lines(a, w);
        if (w->lines_nomem) app_message(a, MSG_ERROR, "out of memory");
    }
    int total = emit(a, w, NULL, 1, x0, width, height, 0);
    w->scroll_max = total > height ? total - height : 0;
    if (w->scroll > w->scroll_max) w->scroll = w->scroll_max;
    if (w->scroll < 0) w->scroll = 0;
    emit(a, w, win, 1, x0, width, height, w->scroll);
    if (w->scroll_max > 0) {
        char pos[64];
        snprintf(pos, sizeof pos, " %s %d%% ", w->scroll < w->scroll_max ? a->g.down : a->g.up,
                 w->scroll * 100 / w->scroll_max);
        ui_put(a, win, H - 1, 3, W - 8, pos, app_attr(a, ROLE_MUTED), UI_RIGHT, 0);
    }
}

int wz_answer_scroll(wz_state *w, ld_action act)
{
    int page = w->body_h > 2 ? w->body_h - 1 : 1;
    switch (act) {
    case ACT_UP: w->scroll--; break;
    case ACT_DOWN: w->scroll++; break;
    case ACT_PAGE_UP: w->scroll -= page; break;
    case ACT_PAGE_DOWN: w->scroll += page; break;
    case ACT_TOP: w->scroll = 0; break;
    case ACT_BOTTOM: w->scroll = w->scroll_max; break;
    default: return 0;
    }
    if (w->scroll > w->scroll_max) w->scroll = w->scroll_max;
    if (w->scroll < 0) w->scroll = 0;
    return 1;
}
