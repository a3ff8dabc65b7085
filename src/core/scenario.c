/* scenario.c - one deployment of one model: the quantization and batch
 * rules, the sizing and the cost, in one call (see scenario.h). */
#include "llmdeck/scenario.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "llmdeck/report.h"
#include "llmdeck/report_cost.h"
#include "llmdeck/units.h"

void scenario_set_offer(ld_cost_input *in, const ld_api_offer *o)
{
    in->api_in_per_1k = o->input_per_1k;
    in->api_out_per_1k = o->output_per_1k;
    in->api_cached_per_1k = o->cached_per_1k;
    in->api_batch_in_per_1k = o->batch_in_per_1k;
    in->api_batch_out_per_1k = o->batch_out_per_1k;
}

/* A fit the cost can use: a GPU, a count, and (when priced) an hourly price. */
static int fits(const ld_sizing *s, int need_price)
{
    return s->gpu && s->gpus > 0 && (!need_price || s->gpu->hourly_usd > 0);
}

int scenario_release_quant(const ld_catalog *cat, size_t row, const char **quant, const char **expert_quant)
{
    int c = catalog_col_index(cat, "release_quant");
    const ld_quant *q = c >= 0 ? sizing_quant_find(catalog_text(cat, row, (size_t)c)) : NULL;
    if (!q) return 0;
    c = catalog_col_index(cat, "release_expert_quant");
    const ld_quant *eq = c >= 0 ? sizing_quant_find(catalog_text(cat, row, (size_t)c)) : NULL;
    *quant = q->name;
    *expert_quant = eq && eq != q ? eq->name : NULL;
    return 1;
}

const char *scenario_quant_request(const ld_scenario *sc)
{
    return sc->release ? SCENARIO_QUANT_RELEASE : sc->quant;
}

void scenario_quant_words(const char *quant, const char *expert_quant, char *buf, size_t n)
{
    snprintf(buf, n, "%s%s%s%s", quant, expert_quant ? " + " : "", expert_quant ? expert_quant : "",
             expert_quant ? " experts" : "");
}

/* The quantization used, and its label. */
static void set_quant(ld_scenario *out, const char *quant, const char *expert_quant, int release)
{
    out->quant = quant;
    out->expert_quant = expert_quant;
    out->release = release;
    scenario_quant_words(quant, expert_quant, out->quant_label, sizeof out->quant_label);
}

static int size_at(const ld_sizing_input *base, const ld_scenario *how, double batch, const ld_gpu *gpu, int count,
                   ld_sizing *out, ld_error *err)
{
    ld_sizing_input si = *base;
    si.quant = how->quant;
    si.expert_quant = how->expert_quant;
    si.batch = batch;
    if (gpu) si.gpu = gpu;
    if (count > 0) si.gpu_count = count;
    return sizing_compute(&si, out, err);
}

static void gb_text(double gb, char *buf, size_t n)
{
    if (!isfinite(gb)) snprintf(buf, n, "an unknown amount");
    else if (gb >= 100) snprintf(buf, n, "%.0f GB", gb);
    else snprintf(buf, n, "%.3g GB", gb);
}

/* The quantization: the caller's; else the publisher's release precision
 * when the catalogue states one and it fits; else fp16 when it fits;
 * else int4. */
#define RULE_PLAIN "rule: fp16 when it fits on a priced GPU, else int4"
#define RULE_RELEASE "rule: the publisher's release precision when it fits on a priced GPU, else fp16, else int4"
#define QUANT_RULE (has_release ? RULE_RELEASE : RULE_PLAIN)
static int choose_quant(const ld_scenario_input *in, const ld_sizing_input *base, int need_price, ld_scenario *out,
                        ld_error *err)
{
    int autoq = !in->quant || !in->quant[0] || strcasecmp(in->quant, "auto") == 0;
    const char *rq = NULL, *req = NULL;
    int has_release = scenario_release_quant(in->cat, in->row, &rq, &req);
    char need[32];
    if (!autoq && strcasecmp(in->quant, SCENARIO_QUANT_RELEASE) != 0) {
        const ld_quant *q = sizing_quant_find(in->quant);
        if (!q)
            return error_set(err, LD_ERR_USAGE, "quant", 0, 0, "unknown quantization '%.40s' (fp16, fp8, int8, int4, "
                             "mxfp4, q4_k_m, release, ...)", in->quant);
        set_quant(out, q->name, NULL, 0);
        if (size_at(base, out, 1, NULL, 0, &out->sizing, err) != 0) return -1;
        snprintf(out->choice, sizeof out->choice, "quantization %s (%s)", q->name, in->quant_why ? in->quant_why : "chosen");
        return 0;
    }
    if (!autoq && !has_release)
        return error_set(err, LD_ERR_USAGE, "quant", 0, 0, "%.100s: the catalogue states no release precision "
                         "(release_quant); choose one (fp16, fp8, int4, ...)", out->model);
    ld_sizing release;
    char unsized[256] = "";
    if (has_release) {
        set_quant(out, rq, req, 1);
        ld_error e2;
        error_clear(&e2);
        if (size_at(base, out, 1, NULL, 0, &release, &e2) != 0) {
            /* a loaded row whose release the sizing cannot describe (experts
             * without their shape): refused when asked for, else the rule goes on */
            if (!autoq)
                return error_set(err, LD_ERR_USAGE, "quant", 0, 0, "%.80s as released (%s): %.200s", out->model,
                                 out->quant_label, e2.msg);
            snprintf(unsized, sizeof unsized, "; its release (%s) cannot be sized: %.120s", out->quant_label, e2.msg);
            has_release = 0;
        }
    }
    if (has_release) {
        gb_text(release.total_gb, need, sizeof need);
        if (!autoq || fits(&release, need_price)) {
            out->sizing = release;
            if (!autoq)
                snprintf(out->choice, sizeof out->choice, "quantization %s: the publisher's release (%s)",
                         out->quant_label, in->quant_why ? in->quant_why : "chosen");
            else
                snprintf(out->choice, sizeof out->choice, "quantization %s: the publisher's release, %s with one "
                         "sequence, fits on %d × %s (%s)", out->quant_label, need, release.gpus, release.gpu->name,
                         QUANT_RULE);
            return 0;
        }
    }
    ld_sizing full;
    set_quant(out, "fp16", NULL, 0);
    if (size_at(base, out, 1, NULL, 0, &full, err) != 0) return -1;
    gb_text(full.total_gb, need, sizeof need);
    if (fits(&full, need_price)) {
        out->sizing = full;
        snprintf(out->choice, sizeof out->choice, "quantization fp16: %s with one sequence fits on %d × %s (%s)%s",
                 need, full.gpus, full.gpu->name, QUANT_RULE, unsized);
        return 0;
    }
    char as[64] = "at fp16";
    if (has_release) {
        set_quant(out, rq, req, 1); /* the release is the smaller: say what it needs */
        gb_text(release.total_gb, need, sizeof need);
        snprintf(as, sizeof as, "as released (%s)", out->quant_label);
    }
    set_quant(out, "int4", NULL, 0);
    if (size_at(base, out, 1, NULL, 0, &out->sizing, err) != 0) return -1;
    if (base->gpu) { /* the GPU asked for: it is the one that does not hold it, not every GPU */
        /* the most of 1, 2, 4, 8 its heads split over: "more than 8 hold" is
         * false of a 40-head model 8 cards would hold but cannot split */
        int most = 8;
        while (most > 1 && sizing_tp_check(&base->arch, most, NULL, 0) != 0) most /= 2;
        char heads[160] = "";
        if (most < 8)
            snprintf(heads, sizeof heads, ", and %s cannot split its %ld attention heads (%ld KV): vLLM splits them "
                     "evenly", most == 4 ? "8" : most == 2 ? "4 or 8" : "2, 4 or 8", base->arch.attention_heads,
                     base->arch.kv_heads);
        snprintf(out->choice, sizeof out->choice, "quantization int4: %s it needs %s, more than %d × %s hold%s (%s)%s",
                 as, need, most, base->gpu->name, heads, QUANT_RULE, unsized);
    }
    else
        snprintf(out->choice, sizeof out->choice, "quantization int4: %s it needs %s, more than 8 of any %sGPU holds "
                 "(%s)%s", as, need, need_price ? "priced " : "", QUANT_RULE, unsized);
    return 0;
}

/* The batch: the caller's, or as many sequences as fit, up to the cap. */
static int choose_batch(const ld_scenario_input *in, const ld_sizing_input *base, int need_price, ld_scenario *out,
                        ld_error *err)
{
    size_t used = strlen(out->choice);
    char *tail = out->choice + used;
    size_t room = sizeof out->choice - used;
    if (in->batch > 0) {
        out->batch = in->batch;
        if (in->batch != 1 && size_at(base, out, in->batch, NULL, 0, &out->sizing, err) != 0) return -1;
        snprintf(tail, room, "; batch %g (chosen)", in->batch);
        return 0;
    }
    out->batch = 1;
    const ld_sizing *one = &out->sizing;
    if (!fits(one, need_price) || !isfinite(one->max_sequences) || one->max_sequences < 2) {
        snprintf(tail, room, "; batch 1 (auto: %s)",
                 !fits(one, need_price) ? "no GPU to batch on"
                 : !isfinite(one->max_sequences) ? "the KV cache size is unknown"
                                                 : "one sequence is all that fits");
        return 0;
    }
    double b = floor(one->max_sequences);
    if (b > SCENARIO_AUTO_BATCH_MAX) b = SCENARIO_AUTO_BATCH_MAX;
    ld_sizing batched;
    ld_error e2;
    error_clear(&e2);
    /* the same GPU type and count: max_sequences was measured there */
    if (size_at(base, out, b, one->gpu, one->gpus, &batched, &e2) != 0 || !fits(&batched, need_price)) {
        snprintf(tail, room, "; batch 1 (auto: batch %g does not fit)", b);
        return 0;
    }
    snprintf(tail, room, "; batch %g (auto: %.0f sequences of %.0f tokens fit, at most %d, where this decode model "
                         "stays near published serving figures; --batch asks for more)", b,
             floor(one->max_sequences), one->request_tokens, SCENARIO_AUTO_BATCH_MAX);
    out->sizing = batched;
    out->batch = b;
    return 0;
}

double scenario_context_limit(const ld_catalog *cat, size_t row)
{
    int c = catalog_col_index(cat, "context_length");
    double v = c >= 0 ? catalog_num(cat, row, (size_t)c) : NAN;
    return v >= 1 ? v : INFINITY;
}

/* The same model from a provider at the workload's volume, beside the
 * cost (its advice says so when it costs less than both). */
static void set_hosted(const ld_scenario_input *in, ld_scenario *out)
{
    ld_hosted_cost h;
    if (report_hosted_figures(in->cat, in->row, out->cost.tokens_per_month, out->cost_in.input_share, &h) == 0)
        out->cost.hosted_monthly_usd = h.monthly_usd;
}

static int compute_one(const ld_scenario_input *in, const ld_cost_input *workload, ld_scenario *out,
                       ld_error *err)
{
    memset(out, 0, sizeof *out);
    set_quant(out, "fp16", NULL, 0);
    out->batch = 1;
    const char *name = catalog_text(in->cat, in->row, catalog_key_col(in->cat));
    snprintf(out->model, sizeof out->model, "%s", name);
    ld_sizing_input base;
    memset(&base, 0, sizeof base);
    ld_error e2;
    error_clear(&e2);
    if (sizing_arch_from_catalog(in->cat, in->row, &base.arch, &e2) != 0) {
        snprintf(out->note, sizeof out->note, "%.100s has no parameter count in the catalogue: it cannot be sized",
                 out->model);
        return 1;
    }
    base.model = out->model;
    base.kv_quant = in->kv_quant;
    base.context = in->context;
    /* a model serves no longer a context than it reads: a longer one is
     * refused (the KV cache of 1M tokens of a 131,072-token model is no
     * answer), the default is cut to it (Falcon-180B reads 2,048) */
    double limit = scenario_context_limit(in->cat, in->row);
    if (in->context > limit) {
        snprintf(out->note, sizeof out->note, "%.100s reads at most %.0f tokens (context_length): a %.0f-token context "
                 "cannot be served", out->model, limit, in->context);
        return 1;
    }
    if (!(in->context > 0) && limit < SIZING_DEFAULT_CONTEXT) base.context = limit;
    base.gpu = in->gpu;
    base.gpus = in->gpus;
    base.gpu_count = in->gpu_count;
    base.gpu_class = in->gpu_class;
    base.prompt_tokens = in->prompt_tokens;
    base.request_tokens = in->request_tokens;
    base.efficiency = in->efficiency > 0 ? in->efficiency : in->hosting ? in->hosting->defaults.decode_efficiency : 0;
    base.gpu_mem_util = in->hosting ? in->hosting->defaults.gpu_memory_utilization : 0;
    int need_price = workload != NULL;
    if (choose_quant(in, &base, need_price, out, err) != 0) return -1;
    if (choose_batch(in, &base, need_price, out, err) != 0) return -1;
    out->sized = 1;
    const ld_sizing *s = &out->sizing;
    out->fits = fits(s, need_price);
    if (!out->fits) {
        char need[32];
        gb_text(s->total_gb, need, sizeof need);
        if (!in->gpus && !in->gpu) snprintf(out->note, sizeof out->note, "no GPU list to fit %.100s on", out->model);
        else if (s->gpu && s->gpus > 0)
            snprintf(out->note, sizeof out->note, "%.60s has no hourly price in gpus.csv: choose another GPU",
                     s->gpu->name);
        else if (in->gpu) /* the GPU asked for: say it, not "no GPU" (others may hold it) */
            snprintf(out->note, sizeof out->note, "%.100s %s needs %s: it does not fit on %d × %.60s", out->model,
                     out->quant_label, need, s->gpus_tried, in->gpu->name);
        else
            snprintf(out->note, sizeof out->note, "%.100s %s needs %s: it fits on no %sGPU (8 at most)", out->model,
                     out->quant_label, need, need_price ? "priced " : "");
        return 1;
    }
    if (!workload) return 0;
    out->cost_in = *workload;
    if (cost_from_sizing(&out->cost_in, s, &e2) != 0) {
        snprintf(out->note, sizeof out->note, "%s", e2.msg);
        return 1;
    }
    report_cost_model_label(out->model, out->quant_label, s, out->cost_in.hours_per_month, out->selfhost_label,
                            sizeof out->selfhost_label);
    out->cost_in.selfhost_label = out->selfhost_label;
    out->cost_in.choice = out->choice;
    if (cost_compute(&out->cost_in, &out->cost, err) != 0) return -1;
    set_hosted(in, out);
    out->costed = 1;
    return 0;
}

/* The GPU type of the class asked whose replicas cost the least a month at
 * the workload's volume, at the quantization chosen: the cheapest an hour
 * (sizing's fit) is the cheapest a month for one replica, but not when the
 * volume needs several (100 x L4 against 7 x A100 for an 8B model at 20B
 * tokens).  *best holds it; 1 when it is cheaper than `out`, else 0. */
void scenario_setup_name(const ld_scenario *sc, char *buf, size_t n)
{
    if (sc->sizing.gpu) snprintf(buf, n, "%d × %.30s", sc->sizing.gpus, sc->sizing.gpu->name);
    else if (n) buf[0] = '\0';
}

/* The GPU types priced at this workload, each a way to self-host it. */
typedef struct {
    ld_selfhost_option v[64];
    size_t n;
} options;

static void add_option(options *o, const ld_scenario *sc)
{
    if (o->n >= sizeof o->v / sizeof o->v[0] || !sc->costed) return;
    ld_selfhost_option *x = &o->v[o->n++];
    x->replica_usd = cost_replica_monthly(&sc->cost_in);
    x->capacity_tokens = sc->cost.replica_capacity_tokens;
    scenario_setup_name(sc, x->setup, sizeof x->setup);
}

static int cheapest_a_month(const ld_scenario_input *in, const ld_cost_input *workload, const ld_scenario *out,
                            ld_scenario *best, ld_scenario *cand, options *opts)
{
    ld_scenario_input alt = *in;
    alt.quant = out->release ? SCENARIO_QUANT_RELEASE : out->quant; /* the one the rule chose */
    const char *want = in->gpu_class && *in->gpu_class ? in->gpu_class : "datacenter"; /* as sizing's fit */
    double least = out->cost.selfhost_monthly_usd;
    int found = 0;
    add_option(opts, out);
    for (size_t i = 0; i < in->gpus->n; i++) {
        const ld_gpu *g = &in->gpus->v[i];
        if (g == out->sizing.gpu || !(g->hourly_usd > 0)) continue;
        if (strcmp(want, "any") != 0 && g->gpu_class[0] && strcmp(g->gpu_class, want) != 0) continue;
        alt.gpu = g;
        ld_error e;
        error_clear(&e);
        if (compute_one(&alt, workload, cand, &e) != 0 || !cand->costed) continue;
        add_option(opts, cand);
        if (cand->cost.selfhost_monthly_usd < least - 0.005) { /* a cent less: ties keep the cheapest an hour */
            least = cand->cost.selfhost_monthly_usd;
            memcpy(best, cand, sizeof *best);
            found = 1;
        }
    }
    return found;
}

int scenario_compute(const ld_scenario_input *in, const ld_cost_input *workload, ld_scenario *out,
                     ld_error *err)
{
    int rc = compute_one(in, workload, out, err);
    if (rc != 0 || !out->costed || workload->mode != LD_COST_CAPACITY || in->gpu || in->gpu_count > 0 || !in->gpus)
        return rc;
    ld_scenario *best = malloc(2 * sizeof *best); /* large: not on the stack */
    if (!best) return rc; /* the cheapest an hour stands, and says so below only when replaced */
    options *opts = malloc(sizeof *opts);
    if (!opts) {
        free(best);
        return rc;
    }
    opts->n = 0;
    if (cheapest_a_month(in, workload, out, best, best + 1, opts)) {
        char hourly[160], how[sizeof out->choice];
        units_format_usd(out->cost.selfhost_monthly_usd, hourly, sizeof hourly);
        snprintf(how, sizeof how, "%s", out->choice);
        const char *batch = strstr(best->choice, "; batch"); /* the quantization is out's, the batch best's */
        char *cut = strstr(how, "; batch");
        if (cut) *cut = '\0';
        char note[sizeof out->choice + 512];
        const char *cls = in->gpu_class && *in->gpu_class ? in->gpu_class : "datacenter";
        snprintf(note, sizeof note, "%s%s; GPU %d × %s: the cheapest a month at this volume of the %s GPUs (the "
                 "cheapest an hour, %d × %s, needs %ld replica%s: %s)", how, batch ? batch : "", best->sizing.gpus,
                 best->sizing.gpu->name, strcmp(cls, "any") == 0 ? "priced" : cls,
                 out->sizing.gpus, out->sizing.gpu->name, out->cost.replicas, out->cost.replicas == 1 ? "" : "s",
                 hourly);
        memcpy(out, best, sizeof *out);
        size_t l = strlen(note) < sizeof out->choice ? strlen(note) : sizeof out->choice - 1;
        memcpy(out->choice, note, l);
        out->choice[l] = '\0';
        out->cost_in.selfhost_label = out->selfhost_label; /* they pointed into best */
        out->cost_in.choice = out->choice;
        if (cost_compute(&out->cost_in, &out->cost, err) != 0) rc = -1; /* the basis names the choice */
        else set_hosted(in, out);
    }
    /* the break-even over the GPU types, each volume on its cheapest (the
     * set-up follows the volume, so one set-up's break-even would tell a
     * different story at each volume) */
    if (rc == 0 && opts->n > 1) {
        char mine[48];
        scenario_setup_name(out, mine, sizeof mine);
        cost_break_even_over(&out->cost_in, opts->v, opts->n, mine, &out->cost);
        memcpy(out->options, opts->v, opts->n * sizeof *opts->v);
        out->noptions = opts->n;
    }
    free(opts);
    free(best);
    return rc;
}

size_t scenario_sweep(const ld_scenario_input *in, const ld_cost_input *workload, const ld_cost_input *base,
                      ld_cost_point *pts, size_t max)
{
    size_t n = cost_sweep(base, 1e6, 100e9, 3, pts, max);
    if (workload->mode != LD_COST_CAPACITY || in->gpu || in->gpu_count > 0 || !in->gpus) return n;
    ld_scenario *sc = malloc(sizeof *sc);
    if (!sc) return n;
    for (size_t i = 0; i < n; i++) {
        ld_cost_input w = *workload;
        w.tokens_per_month = pts[i].tokens;
        ld_error e;
        error_clear(&e);
        if (scenario_compute(in, &w, sc, &e) != 0 || !sc->costed) continue; /* the base set-up's row stands */
        pts[i].api_usd = sc->cost.api_monthly_usd;
        pts[i].selfhost_usd = sc->cost.selfhost_monthly_usd;
        pts[i].replicas = sc->cost.replicas;
        pts[i].advice = sc->cost.advice;
        scenario_setup_name(sc, pts[i].setup, sizeof pts[i].setup);
    }
    free(sc);
    return n;
}
