/* hosting.c - GPU list, hosting presets, API offers and defaults.
 *
 * gpus.csv goes through csvload (libcsv) into a catalog and is then copied
 * into a small array of structs: sizing and the cost view walk it on every
 * keypress, and a dozen rows do not need columnar storage.
 * hosting.json and LiteLLM's price file go through cJSON.  cJSON reports no
 * line numbers, so a syntax error's LINE:COL is computed from the offset it
 * stops at; a bad value is named by its JSON path instead. */
#include "llmdeck/hosting.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"
#include "jsonpos.h"

static void copy_str(char *dst, size_t n, const char *src)
{
    snprintf(dst, n, "%s", src ? src : "");
}

/* --- GPUs --------------------------------------------------------------- */

int hosting_gpus_parse(ld_gpu_list *out, const char *text, size_t len,
                       const char *name, ld_error *err)
{
    static const char *const numbers[] = {"memory_gb", "memory_mib", "bandwidth_gbs", "fp16_tflops",
                                          "fp8_tflops", "board_power_w", "hourly_usd", NULL};
    static const char *const texts[] = {"gpu", "class", "price_provider", "price_type", "price_date",
                                        "source", NULL};
    ld_csv_options opt = {numbers, texts, NULL, NULL};
    out->v = NULL;
    out->n = 0;
    ld_catalog *cat = csvload_buffer(text, len, name, &opt, err);
    if (!cat) return -1;
    int c_gpu = catalog_col_index(cat, "gpu"), c_mem = catalog_col_index(cat, "memory_gb");
    int c_bw = catalog_col_index(cat, "bandwidth_gbs"), c_tf = catalog_col_index(cat, "fp16_tflops");
    int c_hr = catalog_col_index(cat, "hourly_usd"), c_date = catalog_col_index(cat, "price_date");
    int c_src = catalog_col_index(cat, "source"), c_f8 = catalog_col_index(cat, "fp8_tflops");
    int c_pw = catalog_col_index(cat, "board_power_w"), c_cls = catalog_col_index(cat, "class");
    int c_prov = catalog_col_index(cat, "price_provider"), c_ptype = catalog_col_index(cat, "price_type");
    int c_mib = catalog_col_index(cat, "memory_mib");
    if (c_gpu < 0 || c_mem < 0 || c_bw < 0) {
        catalog_free(cat);
        return error_set(err, LD_ERR_PARSE, name, 1, 0,
                         "expected columns gpu, memory_gb, bandwidth_gbs "
                         "(and fp16_tflops, hourly_usd, price_date, source)");
    }
    size_t rows = catalog_rows(cat);
    out->v = calloc(rows ? rows : 1, sizeof *out->v);
    if (!out->v) {
        catalog_free(cat);
        return error_set(err, LD_ERR_NOMEM, name, 0, 0, "out of memory");
    }
    for (size_t r = 0; r < rows; r++) {
        ld_gpu *g = &out->v[out->n];
        long line = (long)r + 2; /* header is line 1; gpus.csv has no multi-line cells */
        copy_str(g->name, sizeof g->name, catalog_text(cat, r, (size_t)c_gpu));
        g->memory_gb = catalog_num(cat, r, (size_t)c_mem);
        g->memory_mib = c_mib >= 0 ? catalog_num(cat, r, (size_t)c_mib) : NAN;
        g->bandwidth_gbs = catalog_num(cat, r, (size_t)c_bw);
        g->fp16_tflops = c_tf >= 0 ? catalog_num(cat, r, (size_t)c_tf) : NAN;
        g->hourly_usd = c_hr >= 0 ? catalog_num(cat, r, (size_t)c_hr) : NAN;
        g->fp8_tflops = c_f8 >= 0 ? catalog_num(cat, r, (size_t)c_f8) : NAN;
        g->board_power_w = c_pw >= 0 ? catalog_num(cat, r, (size_t)c_pw) : NAN;
        copy_str(g->gpu_class, sizeof g->gpu_class, c_cls >= 0 ? catalog_text(cat, r, (size_t)c_cls) : "");
        copy_str(g->price_provider, sizeof g->price_provider,
                 c_prov >= 0 ? catalog_text(cat, r, (size_t)c_prov) : "");
        copy_str(g->price_type, sizeof g->price_type, c_ptype >= 0 ? catalog_text(cat, r, (size_t)c_ptype) : "");
        copy_str(g->price_date, sizeof g->price_date,
                 c_date >= 0 ? catalog_text(cat, r, (size_t)c_date) : "");
        copy_str(g->source, sizeof g->source, c_src >= 0 ? catalog_text(cat, r, (size_t)c_src) : "");
        const char *bad = NULL;
        if (!g->name[0]) bad = "gpu: a name is required";
        else if (!(g->memory_gb > 0)) bad = "memory_gb: must be a number > 0";
        else if (!isnan(g->memory_mib) && !(g->memory_mib >= 0.8 * g->memory_gb * 1024 &&
                                            g->memory_mib <= 1.1 * g->memory_gb * 1024))
            /* the driver's total is the card's binary GB less what ECC and
             * the firmware keep: a typo or another card outside this */
            bad = "memory_mib: must be between 80% and 110% of memory_gb × 1024, or empty";
        else if (!(g->bandwidth_gbs > 0)) bad = "bandwidth_gbs: must be a number > 0";
        else if (!isnan(g->hourly_usd) && !(g->hourly_usd > 0)) bad = "hourly_usd: must be > 0 or empty";
        else if (!isnan(g->fp16_tflops) && !(g->fp16_tflops > 0)) bad = "fp16_tflops: must be > 0 or empty";
        else if (!isnan(g->fp8_tflops) && !(g->fp8_tflops > 0)) bad = "fp8_tflops: must be > 0 or empty";
        else if (!isnan(g->board_power_w) && !(g->board_power_w > 0)) bad = "board_power_w: must be > 0 or empty";
        else if (g->gpu_class[0] && strcmp(g->gpu_class, "datacenter") && strcmp(g->gpu_class, "workstation") &&
                 strcmp(g->gpu_class, "consumer"))
            bad = "class: expected datacenter, workstation, consumer or empty";
        if (bad) {
            catalog_free(cat);
            hosting_gpus_free(out);
            return error_set(err, LD_ERR_PARSE, name, line, 0, "%s", bad);
        }
        out->n++;
    }
    catalog_free(cat);
    return 0;
}

double hosting_gpu_device_gb(const ld_gpu *g)
{
    return isfinite(g->memory_mib) && g->memory_mib > 0 ? g->memory_mib * 1048576.0 / 1e9 : g->memory_gb;
}

void hosting_gpu_memory_words(const ld_gpu *g, char *buf, size_t n)
{
    if (isfinite(g->memory_mib) && g->memory_mib > 0)
        snprintf(buf, n, "%.0f MiB as the driver reports it = %.2f GB", g->memory_mib, hosting_gpu_device_gb(g));
    else
        snprintf(buf, n, "%g GB as listed", g->memory_gb);
}

void hosting_gpus_free(ld_gpu_list *l)
{
    if (!l) return;
    free(l->v);
    l->v = NULL;
    l->n = 0;
}

/* Letters and digits only, lower case: "A100 80GB-SXM" -> "a10080gbsxm". */
static void gpu_key(const char *in, char *out, size_t n)
{
    size_t o = 0;
    for (; in && *in && o + 1 < n; in++)
        if (isalnum((unsigned char)*in)) out[o++] = (char)tolower((unsigned char)*in);
    out[o] = '\0';
}

/* The GPUs `name` means: an exact match of the letters and digits (1),
 * else those whose names start with them, in file order; *first the
 * first of them (NULL: none), their names joined into buf (n may be 0). */
static size_t gpu_matches(const ld_gpu_list *l, const char *name, const ld_gpu **first, char *buf, size_t n)
{
    char want[128], have[128];
    size_t count = 0, used = 0;
    gpu_key(name, want, sizeof want);
    *first = NULL;
    if (n) buf[0] = '\0';
    if (!l || !want[0]) return 0;
    for (size_t i = 0; i < l->n; i++) {
        gpu_key(l->v[i].name, have, sizeof have);
        if (strcmp(have, want) == 0) {
            if (n) snprintf(buf, n, "%s", l->v[i].name);
            *first = &l->v[i];
            return 1;
        }
    }
    /* "a100-80gb" names two rows (SXM and PCIe): the file lists the usual
     * variant first, and the caller shows the full name it got. */
    size_t wl = strlen(want);
    for (size_t i = 0; i < l->n; i++) {
        gpu_key(l->v[i].name, have, sizeof have);
        if (strncmp(have, want, wl) != 0) continue;
        if (!count++) *first = &l->v[i];
        int w = used < n ? snprintf(buf + used, n - used, "%s%s", used ? ", " : "", l->v[i].name) : 0;
        if (w > 0) used += (size_t)w < n - used ? (size_t)w : n - used - 1;
    }
    return count;
}

const ld_gpu *hosting_gpu_find(const ld_gpu_list *l, const char *name)
{
    const ld_gpu *first;
    gpu_matches(l, name, &first, NULL, 0);
    return first;
}

size_t hosting_gpu_candidates(const ld_gpu_list *l, const char *name, char *buf, size_t n)
{
    const ld_gpu *first;
    return gpu_matches(l, name, &first, buf, n);
}

/* --- hosting.json --------------------------------------------------------- */

void hosting_init(ld_hosting *h)
{
    memset(h, 0, sizeof *h);
    ld_hosting_defaults *d = &h->defaults;
    d->hours_per_month = 730;  /* 8760 h / 12 */
    d->utilization = 0.5;
    d->input_share = 0.75;
    d->ops_monthly_usd = 0;
    d->gpu_memory_utilization = 0.9;
    d->decode_efficiency = 0.6;
    d->close_band = 0.10;
    d->band_api_below = 500e6;
    d->band_selfhost_above = 1e9;
    copy_str(d->band_api_text, sizeof d->band_api_text, "Use API");
    copy_str(d->band_between_text, sizeof d->band_between_text,
             "Between the bands: compare the figures");
    copy_str(d->band_selfhost_text, sizeof d->band_selfhost_text, "Consider self-hosting");
    copy_str(d->band_variable_text, sizeof d->band_variable_text,
             "Variable load: Use API with self-hosted fallback");
}

void hosting_free(ld_hosting *h)
{
    if (!h) return;
    free(h->offers);
    h->offers = NULL;
    h->noffers = h->cap = h->nshipped = 0;
}

static cJSON *parse_json(const char *text, size_t len, const char *name, ld_error *err)
{
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
    if (!root) {
        size_t off = end && end >= text ? (size_t)(end - text) : 0;
        if (off > len) off = len;
        long line, col;
        jsonpos_of_offset(text, len, off, &line, &col);
        /* cJSON stops on the last byte when the text ends too early. */
        error_set(err, LD_ERR_PARSE, name, line, col, "invalid JSON%s",
                  off + 1 >= len ? " at the end of the file (truncated?)" : "");
    }
    return root;
}

typedef struct {
    const char *name;
    ld_error *err;
} jctx;

static int bad(jctx *x, const char *path, const char *what)
{
    return error_set(x->err, LD_ERR_PARSE, x->name, 0, 0, "%s: %s", path, what);
}

/* Number at obj[key]: 1 if absent (and !required), 0 if read, -1 on error. */
static int get_num(jctx *x, const cJSON *obj, const char *key, const char *path,
                   int required, double lo, double hi, double *out)
{
    char p[256];
    snprintf(p, sizeof p, "%s%s%s", path, path[0] ? "." : "", key);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v || cJSON_IsNull(v)) {
        if (required) return bad(x, p, "missing (expected a number)");
        return 1;
    }
    if (!cJSON_IsNumber(v)) return bad(x, p, "expected a number");
    double d = v->valuedouble;
    if (!isfinite(d) || d < lo || d > hi) {
        char msg[128];
        snprintf(msg, sizeof msg, "%g is out of range [%g, %g]", d, lo, hi);
        return bad(x, p, msg);
    }
    *out = d;
    return 0;
}

static int get_str(jctx *x, const cJSON *obj, const char *key, const char *path,
                   int required, char *out, size_t n)
{
    char p[256];
    snprintf(p, sizeof p, "%s%s%s", path, path[0] ? "." : "", key);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v || cJSON_IsNull(v)) {
        if (required) return bad(x, p, "missing (expected a string)");
        return 1;
    }
    if (!cJSON_IsString(v)) return bad(x, p, "expected a string");
    copy_str(out, n, v->valuestring);
    return 0;
}

static int parse_preset(jctx *x, ld_hosting *h, const cJSON *p)
{
    char path[96];
    snprintf(path, sizeof path, "presets.%s", p->string);
    if (!cJSON_IsObject(p)) return bad(x, path, "expected an object");
    if (h->npresets >= LD_MAX_PRESETS) return bad(x, path, "too many presets (at most 8)");
    ld_preset *r = &h->presets[h->npresets];
    memset(r, 0, sizeof *r);
    copy_str(r->name, sizeof r->name, p->string);
    if (get_str(x, p, "gpu", path, 1, r->gpu, sizeof r->gpu) < 0 ||
        get_num(x, p, "memory_required_gb", path, 1, 1e-9, 1e6, &r->memory_required_gb) < 0 ||
        get_num(x, p, "estimated_monthly_cost_azure", path, 1, 1e-9, 1e9, &r->monthly_usd) < 0 ||
        get_num(x, p, "throughput_tokens_per_sec", path, 1, 1e-9, 1e9, &r->tokens_per_s) < 0)
        return -1;
    const cJSON *q = cJSON_GetObjectItemCaseSensitive(p, "quantization_options");
    if (q) {
        char qp[128];
        snprintf(qp, sizeof qp, "%s.quantization_options", path);
        if (!cJSON_IsArray(q)) return bad(x, qp, "expected an array of strings");
        const cJSON *it;
        size_t i = 0;
        cJSON_ArrayForEach(it, q) {
            if (!cJSON_IsString(it)) {
                char ip[160];
                snprintf(ip, sizeof ip, "%s[%zu]", qp, i);
                return bad(x, ip, "expected a string");
            }
            size_t used = strlen(r->quantization);
            snprintf(r->quantization + used, sizeof r->quantization - used, "%s%s",
                     i ? ", " : "", it->valuestring);
            i++;
        }
    }
    h->npresets++;
    return 0;
}

static int add_offer(ld_hosting *h, const ld_api_offer *o)
{
    if (h->noffers == h->cap) {
        size_t cap = h->cap ? h->cap * 2 : 16;
        ld_api_offer *v = realloc(h->offers, cap * sizeof *v);
        if (!v) return -1;
        h->offers = v;
        h->cap = cap;
    }
    h->offers[h->noffers++] = *o;
    return 0;
}

static int parse_offer(jctx *x, ld_hosting *h, const cJSON *o, size_t i)
{
    char path[64];
    snprintf(path, sizeof path, "api_offers[%zu]", i);
    if (!cJSON_IsObject(o)) return bad(x, path, "expected an object");
    ld_api_offer r;
    memset(&r, 0, sizeof r);
    r.cached_per_1k = r.batch_in_per_1k = r.batch_out_per_1k = NAN;
    if (get_str(x, o, "name", path, 1, r.name, sizeof r.name) < 0 ||
        get_num(x, o, "input_per_1k", path, 1, 1e-12, 1e6, &r.input_per_1k) < 0)
        return -1;
    int rc = get_num(x, o, "output_per_1k", path, 0, 1e-12, 1e6, &r.output_per_1k);
    if (rc < 0) return -1;
    if (rc == 1) r.output_per_1k = r.input_per_1k; /* one blended price */
    if (get_str(x, o, "provider", path, 0, r.provider, sizeof r.provider) < 0 ||
        get_str(x, o, "source", path, 1, r.source, sizeof r.source) < 0 ||
        get_str(x, o, "date", path, 0, r.date, sizeof r.date) < 0)
        return -1;
    /* one name, one offer: a second one would silently shadow the first */
    for (size_t k = 0; k < h->noffers; k++)
        if (strcasecmp(h->offers[k].name, r.name) == 0) {
            char why[200];
            snprintf(why, sizeof why, "the name '%.100s' is already api_offers[%zu]'s", r.name, k);
            return bad(x, path, why);
        }
    if (add_offer(h, &r) != 0) return error_set(x->err, LD_ERR_NOMEM, x->name, 0, 0, "out of memory");
    return 0;
}

static int parse_defaults(jctx *x, ld_hosting *h, const cJSON *d)
{
    if (!cJSON_IsObject(d)) return bad(x, "defaults", "expected an object");
    ld_hosting_defaults *f = &h->defaults;
    const char *p = "defaults";
    if (get_num(x, d, "hours_per_month", p, 0, 1, 744, &f->hours_per_month) < 0 ||
        get_num(x, d, "utilization", p, 0, 1e-6, 1, &f->utilization) < 0 ||
        get_num(x, d, "input_share", p, 0, 0, 1, &f->input_share) < 0 ||
        get_num(x, d, "ops_monthly_usd", p, 0, 0, 1e12, &f->ops_monthly_usd) < 0 ||
        get_num(x, d, "gpu_memory_utilization", p, 0, 0.05, 1, &f->gpu_memory_utilization) < 0 ||
        get_num(x, d, "decode_efficiency", p, 0, 0.01, 1, &f->decode_efficiency) < 0 ||
        get_num(x, d, "close_band", p, 0, 0, 1, &f->close_band) < 0)
        return -1;
    const cJSON *b = cJSON_GetObjectItemCaseSensitive(d, "advice_bands");
    if (!b) return 0;
    p = "defaults.advice_bands";
    if (!cJSON_IsObject(b)) return bad(x, p, "expected an object");
    if (get_num(x, b, "api_below_tokens", p, 0, 0, 1e18, &f->band_api_below) < 0 ||
        get_num(x, b, "selfhost_above_tokens", p, 0, 0, 1e18, &f->band_selfhost_above) < 0 ||
        get_str(x, b, "api_text", p, 0, f->band_api_text, sizeof f->band_api_text) < 0 ||
        get_str(x, b, "between_text", p, 0, f->band_between_text, sizeof f->band_between_text) < 0 ||
        get_str(x, b, "selfhost_text", p, 0, f->band_selfhost_text, sizeof f->band_selfhost_text) < 0 ||
        get_str(x, b, "variable_text", p, 0, f->band_variable_text, sizeof f->band_variable_text) < 0)
        return -1;
    if (f->band_api_below > f->band_selfhost_above)
        return bad(x, "defaults.advice_bands.api_below_tokens", "must not exceed selfhost_above_tokens");
    return 0;
}

int hosting_parse(ld_hosting *h, const char *text, size_t len, const char *name,
                  ld_error *err)
{
    jctx x = {name, err};
    cJSON *root = parse_json(text, len, name, err);
    if (!root) return -1;
    int rc = 0;
    if (!cJSON_IsObject(root)) {
        rc = bad(&x, "(top level)", "expected an object with presets, api_offers, defaults");
        goto done;
    }
    if (get_str(&x, root, "as_of", "", 0, h->as_of, sizeof h->as_of) < 0) {
        rc = -1;
        goto done;
    }
    const cJSON *presets = cJSON_GetObjectItemCaseSensitive(root, "presets");
    if (presets) {
        if (!cJSON_IsObject(presets)) {
            rc = bad(&x, "presets", "expected an object keyed by size (\"7B\")");
            goto done;
        }
        const cJSON *p;
        cJSON_ArrayForEach(p, presets) {
            if ((rc = parse_preset(&x, h, p)) != 0) goto done;
        }
    }
    const cJSON *offers = cJSON_GetObjectItemCaseSensitive(root, "api_offers");
    if (offers) {
        if (!cJSON_IsArray(offers)) {
            rc = bad(&x, "api_offers", "expected an array");
            goto done;
        }
        const cJSON *o;
        size_t i = 0;
        cJSON_ArrayForEach(o, offers) {
            if ((rc = parse_offer(&x, h, o, i++)) != 0) goto done;
        }
        h->nshipped = h->noffers;
    }
    const cJSON *d = cJSON_GetObjectItemCaseSensitive(root, "defaults");
    if (d) rc = parse_defaults(&x, h, d);
done:
    cJSON_Delete(root);
    return rc;
}

int hosting_load_litellm(ld_hosting *h, const char *text, size_t len,
                         const char *name, size_t *added, ld_error *err)
{
    jctx x = {name, err};
    if (added) *added = 0;
    cJSON *root = parse_json(text, len, name, err);
    if (!root) return -1;
    if (!cJSON_IsObject(root)) {
        cJSON_Delete(root);
        return bad(&x, "(top level)",
                   "expected LiteLLM's model_prices_and_context_window.json "
                   "(an object keyed by model id)");
    }
    char date[32] = "";
    const cJSON *lu = cJSON_GetObjectItemCaseSensitive(root, "last_updated");
    if (cJSON_IsString(lu)) copy_str(date, sizeof date, lu->valuestring);
    size_t n = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, root) {
        /* sample_spec documents the fields; last_updated is a string. */
        if (!cJSON_IsObject(e) || strcmp(e->string, "sample_spec") == 0) continue;
        const cJSON *mode = cJSON_GetObjectItemCaseSensitive(e, "mode");
        const cJSON *in = cJSON_GetObjectItemCaseSensitive(e, "input_cost_per_token");
        const cJSON *out = cJSON_GetObjectItemCaseSensitive(e, "output_cost_per_token");
        if (!cJSON_IsString(mode) || strcmp(mode->valuestring, "chat") != 0) continue;
        if (!cJSON_IsNumber(in) || !cJSON_IsNumber(out)) continue;
        /* A zero price is a placeholder (local or free tiers), not an offer;
         * a price beyond hosting.json's range (up to $1M per 1K tokens) is
         * no offer either, and 1e308 per token would overflow to inf. */
        if (!(in->valuedouble > 0) || !(out->valuedouble > 0)) continue;
        if (!(in->valuedouble * 1000.0 >= 1e-12 && in->valuedouble * 1000.0 <= 1e6) ||
            !(out->valuedouble * 1000.0 >= 1e-12 && out->valuedouble * 1000.0 <= 1e6))
            continue;
        if (strlen(e->string) >= sizeof h->offers[0].name) continue;
        ld_api_offer r;
        memset(&r, 0, sizeof r);
        copy_str(r.name, sizeof r.name, e->string);
        const cJSON *prov = cJSON_GetObjectItemCaseSensitive(e, "litellm_provider");
        if (cJSON_IsString(prov)) copy_str(r.provider, sizeof r.provider, prov->valuestring);
        /* USD per token -> USD per 1K tokens. */
        r.input_per_1k = in->valuedouble * 1000.0;
        r.output_per_1k = out->valuedouble * 1000.0;
        /* cache-read and batch prices where the sheet lists them */
        r.cached_per_1k = r.batch_in_per_1k = r.batch_out_per_1k = NAN;
        const char *const extra[] = {"cache_read_input_token_cost", "input_cost_per_token_batches",
                                     "output_cost_per_token_batches"};
        double *dst[] = {&r.cached_per_1k, &r.batch_in_per_1k, &r.batch_out_per_1k};
        for (size_t k = 0; k < 3; k++) {
            const cJSON *v = cJSON_GetObjectItemCaseSensitive(e, extra[k]);
            if (cJSON_IsNumber(v) && v->valuedouble > 0 && v->valuedouble * 1000.0 <= 1e6)
                *dst[k] = v->valuedouble * 1000.0;
        }
        const char *base = strrchr(name, '/');
        snprintf(r.source, sizeof r.source, "LiteLLM %s", base ? base + 1 : name);
        copy_str(r.date, sizeof r.date, date);
        if (add_offer(h, &r) != 0) {
            cJSON_Delete(root);
            return error_set(err, LD_ERR_NOMEM, name, 0, 0, "out of memory");
        }
        n++;
    }
    cJSON_Delete(root);
    if (added) *added = n;
    return 0;
}

const ld_preset *hosting_preset_find(const ld_hosting *h, const char *name)
{
    for (size_t i = 0; name && i < h->npresets; i++)
        if (strcasecmp(h->presets[i].name, name) == 0) return &h->presets[i];
    return NULL;
}

const ld_api_offer *hosting_offer_find(const ld_hosting *h, const char *name)
{
    for (size_t i = h->noffers; name && i-- > 0;)
        if (strcasecmp(h->offers[i].name, name) == 0) return &h->offers[i];
    return NULL;
}

/* "data/hosting.json" for an embedded file, else the path it was read from */
static void origin_label(const char *origin, const char *name, char *buf, size_t n)
{
    if (!origin || strcmp(origin, "embedded") == 0) snprintf(buf, n, "data/%s", name);
    else snprintf(buf, n, "%s", origin);
}

int dataset_hosting(ld_dataset *ds, const ld_hosting **h, const ld_gpu_list **gpus, ld_error *err)
{
    *h = NULL;
    *gpus = NULL;
    if (!ds->gpus) return error_set(err, LD_ERR_IO, "gpus.csv", 0, 0, "not found in the data set");
    if (!ds->hosting) {
        size_t len = 0;
        const char *origin = NULL;
        const char *t = dataset_file(ds, "hosting.json", &len, &origin);
        if (!t) return error_set(err, LD_ERR_IO, "hosting.json", 0, 0, "not found in the data set");
        ld_hosting *hh = malloc(sizeof *hh);
        if (!hh) return error_set(err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
        hosting_init(hh);
        char nm[1100];
        origin_label(origin, "hosting.json", nm, sizeof nm);
        int rc = hosting_parse(hh, t, len, nm, err);
        for (size_t i = 0; rc == 0 && i < ds->nloads; i++) {
            const ld_load *l = &ds->loads[i];
            if (l->kind == LD_LOAD_LITELLM && l->text) rc = hosting_load_litellm(hh, l->text, l->len, l->path, NULL, err);
        }
        if (rc != 0) {
            hosting_release(hh);
            return -1;
        }
        ds->hosting = hh;
    }
    *h = ds->hosting;
    *gpus = ds->gpus;
    return 0;
}

void hosting_release(ld_hosting *h)
{
    if (!h) return;
    hosting_free(h);
    free(h);
}
