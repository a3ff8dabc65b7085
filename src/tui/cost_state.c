/* cost_state.c - the cost view's data, defaults, saved settings and the
 * recompute from the knobs (see cost_view.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cost_view.h"
#include "llmdeck/report_cost.h"
#include "llmdeck/scenario.h"
#include "llmdeck/units.h"

#define SEED_OFFER "seed-gpt-3.5-turbo"
#define SEED_PRESET "7B"
#define DEFAULT_MODEL "Mistral-7B"
#define SECTION "cost"

size_t cv_quant_release(void) { return sizing_quant_count(); }

const char *cv_quant_name(const cv_state *s)
{
    return s->quant >= cv_quant_release() ? SCENARIO_QUANT_RELEASE : sizing_quant_at(s->quant)->name;
}

/* A name's knob index (0 when unknown); "release" the entry after the table's. */
size_t cv_quant_index(const char *name)
{
    if (name && !strcasecmp(name, SCENARIO_QUANT_RELEASE)) return cv_quant_release();
    const ld_quant *q = sizing_quant_find(name);
    for (size_t i = 0; q && i < sizing_quant_count(); i++)
        if (sizing_quant_at(i) == q) return i;
    return 0;
}

int cost_view_take(app *a, long row, double tokens, double context, const char *quant, const ld_gpu *gpu, int quiet)
{
    cv_state *s = cv(a);
    if (!s || !s->data_ok) {
        if (!quiet) app_message(a, MSG_WARN, "the cost view has no hosting data");
        return -1;
    }
    cv_models_build(a, s);
    int found = 0;
    cv_model_index(s, row, &found);
    if (!found) {
        if (!quiet) app_message(a, MSG_WARN, "%s has no parameter count: it cannot be sized", cv_model_name(a, row));
        return -1;
    }
    s->model = row;
    s->source = s->h->npresets; /* self-host the sized model, not a preset */
    if (tokens > 0) s->tokens = tokens;
    if (context >= CV_CONTEXT_MIN && context <= CV_CONTEXT_MAX) s->context = context;
    /* no quantization handed over (a table row): the core's rule picks, as
     * `llmdeck cost --model` does (from_model) */
    s->quant_auto = !quant;
    if (quant && (sizing_quant_find(quant) || !strcasecmp(quant, SCENARIO_QUANT_RELEASE))) s->quant = cv_quant_index(quant);
    s->quant_why = quant ? "the wizard's answer" : NULL; /* the basis says who chose it */
    const ld_gpu *g = gpu ? hosting_gpu_find(s->gpus, gpu->name) : NULL;
    if (g) s->gpu = (long)(g - s->gpus->v);
    s->batch = 0; /* as many sequences as fit: the wizard's (and the core's) default */
    s->dirty = 1;
    cv_recompute(a, s);
    return 0;
}

void cost_view_open_on(app *a, long row, double tokens, double context, const char *quant, const ld_gpu *gpu)
{
    if (cost_view_take(a, row, tokens, context, quant, gpu, 0) != 0) return;
    a->view = VIEW_COST;
    app_message(a, MSG_INFO, "cost of %s", cv_model_name(a, row));
}

double cost_view_request(const app *a)
{
    const cv_state *s = cv(a);
    return s && s->data_ok && s->request > 0 ? s->request : 0;
}

int cost_view_api(const app *a, double *in_per_1k, double *out_per_1k, char *label, size_t n)
{
    const cv_state *s = cv(a);
    if (!s || !s->data_ok || !(s->price_in > 0)) return -1;
    *in_per_1k = s->price_in;
    *out_per_1k = s->price_out > 0 ? s->price_out : s->price_in;
    if (s->offer >= 0 && (size_t)s->offer < s->h->noffers)
        snprintf(label, n, "%s at $%.4g / $%.4g per 1M in/out (the cost view's offer)", s->h->offers[s->offer].name,
                 *in_per_1k * 1000, *out_per_1k * 1000);
    else
        snprintf(label, n, "$%.4g / $%.4g per 1M in/out (the cost view's price)", *in_per_1k * 1000, *out_per_1k * 1000);
    return 0;
}

int cv_state_init(app *a, cv_state *s)
{
    ld_error err;
    error_clear(&err);
    s->offer = s->seed_offer = -1;
    s->model = -1;
    if (dataset_hosting(a->ds, &s->h, &s->gpus, &err) != 0) {
        error_format(&err, s->data_err, sizeof s->data_err);
        return 0; /* the view says why; the others still work */
    }
    if (s->h->npresets == 0) {
        snprintf(s->data_err, sizeof s->data_err, "hosting.json has no self-hosting presets");
        return 0;
    }
    s->data_ok = 1;
    const ld_api_offer *o = hosting_offer_find(s->h, SEED_OFFER);
    s->seed_offer = o ? (long)(o - s->h->offers) : (s->h->noffers ? 0 : -1);
    const ld_preset *p = hosting_preset_find(s->h, SEED_PRESET);
    s->seed_preset = p ? (size_t)(p - s->h->presets) : 0;
    return 0;
}

void cv_state_fini(cv_state *s)
{
    free(s->models);
    free(s->pick.idx);
    free(s->dots);
}

void cv_defaults(app *a, cv_state *s)
{
    (void)a;
    s->tokens = 1e9;
    s->share = s->data_ok ? s->h->defaults.input_share : 0.75;
    s->util = s->data_ok ? s->h->defaults.utilization : 0.5;
    s->capacity = 1; /* replicas from throughput: the answer within physical limits (m: seed mode) */
    s->offer = s->seed_offer;
    s->price_in = s->price_out = 0.002; /* the seed's $0.002 per 1K */
    if (s->offer >= 0) {
        s->price_in = s->h->offers[s->offer].input_per_1k;
        s->price_out = s->h->offers[s->offer].output_per_1k;
    }
    s->source = s->seed_preset;
    s->model = -1;
    s->quant = cv_quant_index("fp16");
    s->quant_auto = 1; /* the rule, as `llmdeck cost --model`: the release where it fits, else fp16, else int4 */
    s->gpu = -1;
    s->batch = 0;      /* auto: as many sequences as fit, at most 16 (the core's scenario) */
    s->context = 4096; /* the sizing core's default, as `llmdeck cost --model` */
    s->request = 0;    /* every sequence holds the whole context, as the CLI without --request-tokens */
    s->cached = 0;
    s->energy = 0;     /* not counted until a price is set, as the CLI */
    s->ops = s->data_ok ? s->h->defaults.ops_monthly_usd : 0;
}

void cv_models_build(app *a, cv_state *s)
{
    if (s->models_built) return;
    s->models_built = 1;
    const ld_catalog *cat = a->ds->models;
    int c = cat ? catalog_col_index(cat, "params_b") : -1;
    if (c < 0) return;
    size_t n = catalog_rows(cat), k = 0;
    for (size_t r = 0; r < n; r++) k += catalog_num(cat, r, (size_t)c) > 0;
    if (!k || !(s->models = malloc(k * sizeof *s->models))) return;
    for (size_t r = 0; r < n; r++)
        if (catalog_num(cat, r, (size_t)c) > 0) s->models[s->nmodels++] = (uint32_t)r;
}

size_t cv_model_index(const cv_state *s, long row, int *found)
{
    size_t lo = 0, hi = s->nmodels; /* models[] is in row order */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((long)s->models[mid] < row) lo = mid + 1;
        else hi = mid;
    }
    *found = lo < s->nmodels && (long)s->models[lo] == row;
    return *found ? lo : 0;
}

const char *cv_model_name(const app *a, long row)
{
    if (row < 0 || !a->ds->models) return "";
    return catalog_text(a->ds->models, (size_t)row, catalog_key_col(a->ds->models));
}

/* The model's context length when the Context knob is past it (and it is
 * a context the knob can take), else 0. */
static double context_over(const app *a, const cv_state *s)
{
    double limit = s->model >= 0 ? scenario_context_limit(a->ds->models, (size_t)s->model) : INFINITY;
    return s->context > limit && limit >= CV_CONTEXT_MIN ? limit : 0;
}

void cv_use_model(app *a, cv_state *s)
{
    if (s->model < 0) { /* sizing needs a model: the default one */
        cv_models_build(a, s);
        if (s->nmodels) s->model = (long)s->models[cv_list_current(a, s, K_MODEL)];
    }
    double limit = context_over(a, s);
    if (limit > 0) { /* the knob stops at what the model reads */
        s->context = limit;
        app_message(a, MSG_INFO, "context %.0f tokens: as long as %s reads", limit, cv_model_name(a, s->model));
    }
    if (s->source == s->h->npresets) return;
    const char *was = s->h->presets[s->source].name;
    s->source = s->h->npresets;
    app_message(a, MSG_INFO, "self-hosting: the sized model (was preset %s)", was);
}

/* A catalogue row that can be sized, by name; -1 if none. */
static long model_row(app *a, cv_state *s, const char *name)
{
    if (!a->ds->models || !name) return -1;
    long r = catalog_find(a->ds->models, name);
    int found = 0;
    cv_models_build(a, s);
    if (r >= 0) cv_model_index(s, r, &found);
    return found ? r : -1;
}

double cv_series_step(double v, int dir)
{
    static const double m[] = {1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5};
    enum { N = sizeof m / sizeof m[0] };
    int d = (int)floor(log10(v));
    if (dir > 0) {
        for (int k = d - 1; k <= d + 1; k++)
            for (int i = 0; i < N; i++) {
                double c = m[i] * pow(10.0, k);
                if (c > v * (1 + 1e-9)) return c;
            }
    } else {
        for (int k = d + 1; k >= d - 1; k--)
            for (int i = N - 1; i >= 0; i--) {
                double c = m[i] * pow(10.0, k);
                if (c < v * (1 - 1e-9)) return c;
            }
    }
    return v;
}

void cv_format_tokens(double v, char *buf, size_t n)
{
    double back;
    units_format_count(v, buf, n);
    if (units_parse_count(buf, &back) != 0 || fabs(back - v) > fabs(v) * 1e-12)
        snprintf(buf, n, "%.0f", v);
}

void cv_format_price(double v, char *buf, size_t n)
{
    if (!(v >= 1e-9 && v < 1e9)) {
        snprintf(buf, n, "$%.6g", v);
        return;
    }
    /* six significant digits, without an exponent: $0.00005, $0.0025 */
    int dec = 5 - (int)floor(log10(v));
    char t[64];
    snprintf(t, sizeof t, "%.*f", dec < 0 ? 0 : dec > 14 ? 14 : dec, v);
    char *dot = strchr(t, '.');
    if (dot) {
        char *end = t + strlen(t);
        while (end > dot + 1 && end[-1] == '0') *--end = '\0';
        if (end == dot + 1) *dot = '\0';
    }
    snprintf(buf, n, "$%s", t);
}

/* ---- saved settings ------------------------------------------------------------ */

void cv_load_settings(app *a, cv_state *s)
{
    const cJSON *sec = config_get(a->cfg, SECTION);
    if (!s->data_ok || !cJSON_IsObject(sec)) return;
    char warn[512] = "";
    double v;
    const char *str;
    if (config_get_number(a->cfg, SECTION, "tokens", &v) == 0 && v >= CV_TOKENS_MIN && v <= CV_TOKENS_MAX)
        s->tokens = v;
    if (config_get_number(a->cfg, SECTION, "input_share", &v) == 0 && v >= 0 && v <= 1) s->share = v;
    if (config_get_number(a->cfg, SECTION, "utilization", &v) == 0 && v > 0 && v <= 1) s->util = v;
    if ((str = config_get_string(a->cfg, SECTION, "mode"))) s->capacity = !strcmp(str, "capacity");
    double pin, pout;
    if ((str = config_get_string(a->cfg, SECTION, "api")) && *str) {
        const ld_api_offer *o = hosting_offer_find(s->h, str);
        if (o) {
            s->offer = (long)(o - s->h->offers);
            s->price_in = o->input_per_1k;
            s->price_out = o->output_per_1k;
        } else {
            snprintf(warn, sizeof warn, "saved API offer '%s' not found (--load its price file?)", str);
        }
    } else if (config_get_number(a->cfg, SECTION, "api_price_in", &pin) == 0 &&
               config_get_number(a->cfg, SECTION, "api_price_out", &pout) == 0 && pin >= CV_PRICE_MIN &&
               pin <= CV_PRICE_MAX && pout >= CV_PRICE_MIN && pout <= CV_PRICE_MAX) {
        s->offer = -1;
        s->price_in = pin;
        s->price_out = pout;
    }
    if ((str = config_get_string(a->cfg, SECTION, "quant")) &&
        (sizing_quant_find(str) || !strcasecmp(str, SCENARIO_QUANT_RELEASE))) {
        s->quant = cv_quant_index(str);
        s->quant_auto = 0;
        s->quant_why = NULL;
    }
    if ((str = config_get_string(a->cfg, SECTION, "gpu")) && *str) {
        const ld_gpu *g = hosting_gpu_find(s->gpus, str);
        if (g && !strcmp(g->name, str)) s->gpu = (long)(g - s->gpus->v);
        else if (!warn[0]) snprintf(warn, sizeof warn, "saved GPU '%s' not in gpus.csv", str);
    }
    if (config_get_number(a->cfg, SECTION, "batch", &v) == 0 && v >= 0 && v <= CV_BATCH_MAX) s->batch = (int)v;
    if (config_get_number(a->cfg, SECTION, "context", &v) == 0 && v >= CV_CONTEXT_MIN && v <= CV_CONTEXT_MAX)
        s->context = v;
    if (config_get_number(a->cfg, SECTION, "request_tokens", &v) == 0 &&
        (v == 0 || (v >= CV_REQUEST_MIN && v <= CV_CONTEXT_MAX)))
        s->request = v;
    if (config_get_number(a->cfg, SECTION, "cached_share", &v) == 0 && v >= 0 && v <= 1) s->cached = v;
    if (config_get_number(a->cfg, SECTION, "energy_usd_per_kwh", &v) == 0 && v >= 0 && v <= CV_ENERGY_MAX)
        s->energy = v;
    if (config_get_number(a->cfg, SECTION, "ops_monthly_usd", &v) == 0 && v >= 0 && v <= CV_OPS_MAX) s->ops = v;
    if ((str = config_get_string(a->cfg, SECTION, "model")) && *str) {
        s->model = model_row(a, s, str);
        if (s->model < 0 && !warn[0])
            snprintf(warn, sizeof warn, "saved model '%s' not found, or has no params_b", str);
    }
    if ((str = config_get_string(a->cfg, SECTION, "selfhost"))) {
        const ld_preset *p = hosting_preset_find(s->h, str);
        if (p) s->source = (size_t)(p - s->h->presets);
        else if (!strcmp(str, "model") && s->model >= 0) s->source = s->h->npresets;
    }
    if (warn[0]) app_message(a, MSG_WARN, "cost: %s; default used", warn);
    double limit = context_over(a, s);
    if (!warn[0] && limit > 0) { /* as the knob: no longer than the model reads */
        app_message(a, MSG_INFO, "cost: saved context %.0f is longer than %s reads: %.0f used", s->context,
                    cv_model_name(a, s->model), limit);
        s->context = limit;
    }
}

void cv_save_settings(app *a, cv_state *s)
{
    if (!s->dirty || !s->data_ok) return;
    const cJSON *old = config_get(a->cfg, SECTION);
    cJSON *sec = cJSON_IsObject(old) ? cJSON_Duplicate(old, 1) : cJSON_CreateObject();
    if (!sec) return;
    static const char *const keys[] = {"tokens", "input_share", "utilization", "mode", "api",
                                       "api_price_in", "api_price_out", "selfhost", "model",
                                       "quant", "gpu", "batch", "context", "request_tokens", "cached_share",
                                       "energy_usd_per_kwh", "ops_monthly_usd"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) cJSON_DeleteItemFromObjectCaseSensitive(sec, keys[i]);
    cJSON_AddNumberToObject(sec, "tokens", s->tokens);
    cJSON_AddNumberToObject(sec, "input_share", s->share);
    cJSON_AddNumberToObject(sec, "utilization", s->util);
    cJSON_AddStringToObject(sec, "mode", s->capacity ? "capacity" : "seed");
    if (s->offer >= 0) {
        cJSON_AddStringToObject(sec, "api", s->h->offers[s->offer].name);
    } else {
        cJSON_AddNumberToObject(sec, "api_price_in", s->price_in);
        cJSON_AddNumberToObject(sec, "api_price_out", s->price_out);
    }
    cJSON_AddStringToObject(sec, "selfhost", s->source < s->h->npresets ? s->h->presets[s->source].name : "model");
    if (s->model >= 0) cJSON_AddStringToObject(sec, "model", cv_model_name(a, s->model));
    if (!s->quant_auto) cJSON_AddStringToObject(sec, "quant", cv_quant_name(s)); /* else the rule, next time too */
    cJSON_AddStringToObject(sec, "gpu", s->gpu >= 0 ? s->gpus->v[s->gpu].name : "");
    cJSON_AddNumberToObject(sec, "batch", s->batch);
    cJSON_AddNumberToObject(sec, "context", s->context);
    cJSON_AddNumberToObject(sec, "request_tokens", s->request);
    cJSON_AddNumberToObject(sec, "cached_share", s->cached);
    cJSON_AddNumberToObject(sec, "energy_usd_per_kwh", s->energy);
    cJSON_AddNumberToObject(sec, "ops_monthly_usd", s->ops);
    config_set(a->cfg, SECTION, sec);
    s->dirty = 0;
}

/* ---- recompute ------------------------------------------------------------------ */

/* The self-hosting side from a sized model, through the core's scenario
 * (the same call as the wizard and `llmdeck cost --model`): sizes it at the
 * knobs (batch 0: as many sequences as fit, at most 16) and prices it
 * against s->in.  0 with s->c computed, or -1 with s->err set. */
/* The scenario the knobs describe (the model row must be set). */
void cv_scenario_input(const app *a, const cv_state *s, ld_scenario_input *out)
{
    ld_scenario_input si;
    memset(&si, 0, sizeof si);
    si.cat = a->ds->models;
    si.row = (size_t)s->model;
    si.hosting = s->h;
    si.gpus = s->gpus;
    si.quant = s->quant_auto ? NULL : cv_quant_name(s); /* NULL: the core's rule */
    si.quant_why = s->quant_why;
    si.gpu = s->gpu >= 0 ? &s->gpus->v[s->gpu] : NULL;
    si.batch = s->batch;
    si.context = s->context;
    /* a typical request: each batched sequence holds one (the CLI's --request-tokens) */
    double req_in, req_out;
    cv_request_split(s, &req_in, &req_out);
    si.prompt_tokens = req_in;
    si.request_tokens = req_in + req_out;
    *out = si;
}

static int from_model(app *a, cv_state *s)
{
    ld_error e;
    error_clear(&e);
    if (s->model < 0) {
        snprintf(s->err, sizeof s->err, "choose a model: Enter on Model");
        return -1;
    }
    ld_scenario_input si;
    cv_scenario_input(a, s, &si);
    double req_in, req_out;
    cv_request_split(s, &req_in, &req_out);
    s->in.request_in = req_in;
    s->in.request_out = req_out;
    static ld_scenario sc; /* large; the TUI runs on one thread */
    int rc = scenario_compute(&si, &s->in, &sc, &e);
    if (rc < 0) {
        snprintf(s->err, sizeof s->err, "%s", e.msg);
        return -1;
    }
    s->sized = sc.sized;
    s->s = sc.sizing;
    if (s->quant_auto && sc.sized) /* the knob shows what the rule chose */
        s->quant = sc.release ? cv_quant_release() : cv_quant_index(sc.quant);
    if (sc.sized)
        snprintf(s->quant_short, sizeof s->quant_short, "%s%s%s", sc.quant, sc.expert_quant ? "+" : "",
                 sc.expert_quant ? sc.expert_quant : "");
    s->used_batch = sc.batch;
    snprintf(s->choice, sizeof s->choice, "%s", sc.choice);
    if (rc > 0 || !sc.costed) {
        snprintf(s->err, sizeof s->err, "%s", sc.note);
        return -1;
    }
    s->in = sc.cost_in;
    s->c = sc.cost;
    memcpy(s->options, sc.options, sc.noptions * sizeof *sc.options);
    s->noptions = sc.noptions;
    snprintf(s->sh_label, sizeof s->sh_label, "%s", sc.selfhost_label);
    s->in.selfhost_label = s->sh_label;
    s->in.choice = s->choice;
    snprintf(s->sh_short, sizeof s->sh_short, "%d × %s", s->s.gpus, s->s.gpu->name);
    return 0;
}

void cv_request_split(const cv_state *s, double *in, double *out)
{
    *in = *out = 0;
    if (!(s->request > 0) || s->request >= s->context) return; /* off, or the context itself */
    cost_split_request(s->request, s->share, in, out);
}

void cv_recompute(app *a, cv_state *s)
{
    s->ok = s->sized = 0;
    s->err[0] = s->sh_label[0] = s->sh_short[0] = s->quant_short[0] = '\0';
    if (!s->data_ok) {
        snprintf(s->err, sizeof s->err, "%s", s->data_err);
        return;
    }
    ld_cost_input *in = &s->in;
    cost_defaults(in);
    s->noptions = 0; /* a preset or a fixed GPU is one set-up; from_model may find several */
    cost_apply_hosting(in, s->h);
    in->tokens_per_month = s->tokens;
    in->input_share = s->share;
    in->utilization = s->util;
    in->mode = s->capacity ? LD_COST_CAPACITY : LD_COST_SEED;
    in->api_in_per_1k = s->price_in;
    in->api_out_per_1k = s->price_out;
    /* the workload knobs: a cached share is priced at the offer's cache-read
     * price when its sheet lists one (else as input, and the basis says so) */
    in->cached_share = s->cached;
    in->api_cached_per_1k = s->offer >= 0 ? s->h->offers[s->offer].cached_per_1k : NAN;
    in->energy_usd_per_kwh = s->energy;
    in->ops_monthly_usd = s->ops;
    snprintf(s->api_label, sizeof s->api_label, "%s", s->offer >= 0 ? s->h->offers[s->offer].name : "custom price");
    in->api_label = s->api_label;
    in->selfhost_label = s->sh_label;
    if (s->source < s->h->npresets) {
        const ld_preset *p = &s->h->presets[s->source];
        in->replica_monthly_usd = p->monthly_usd;
        in->replica_tokens_per_s = p->tokens_per_s;
        report_cost_preset_label(p, s->sh_label, sizeof s->sh_label);
        snprintf(s->sh_short, sizeof s->sh_short, "preset %s", p->name);
    } else {
        if (from_model(a, s) == 0) s->ok = 1;
        return;
    }
    ld_error e;
    error_clear(&e);
    if (cost_compute(in, &s->c, &e) != 0) {
        snprintf(s->err, sizeof s->err, "%s", e.msg);
        return;
    }
    s->ok = 1;
}
