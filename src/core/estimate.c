/* estimate.c - self-hosting price estimates for unhosted models (see
 * estimate.h). */
#include "estimate.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "llmdeck/hosting.h"
#include "llmdeck/sizing.h"

typedef struct {
    char gpu[64], quant[16];
    double context, batch, utilization, reference;
} estimate_spec;

/* metrics.json's selfhost_estimate; 0 when absent or incomplete. */
static int read_spec(const char *json, size_t len, estimate_spec *sp)
{
    cJSON *root = cJSON_ParseWithLength(json, len);
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(root, "selfhost_estimate");
    const cJSON *g = cJSON_GetObjectItemCaseSensitive(e, "gpu");
    const cJSON *q = cJSON_GetObjectItemCaseSensitive(e, "quant");
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(e, "context");
    const cJSON *b = cJSON_GetObjectItemCaseSensitive(e, "batch");
    const cJSON *u = cJSON_GetObjectItemCaseSensitive(e, "utilization");
    const cJSON *r = cJSON_GetObjectItemCaseSensitive(e, "reference_blended_usd_per_1m");
    int ok = cJSON_IsString(g) && cJSON_IsString(q) && cJSON_IsNumber(c) && cJSON_IsNumber(b) &&
             cJSON_IsNumber(u) && cJSON_IsNumber(r) && c->valuedouble > 0 && b->valuedouble >= 1 &&
             u->valuedouble > 0 && u->valuedouble <= 1 && r->valuedouble > 0;
    if (ok) {
        snprintf(sp->gpu, sizeof sp->gpu, "%s", g->valuestring);
        snprintf(sp->quant, sizeof sp->quant, "%s", q->valuestring);
        sp->context = c->valuedouble;
        sp->batch = b->valuedouble;
        sp->utilization = u->valuedouble;
        sp->reference = r->valuedouble;
    }
    cJSON_Delete(root);
    return ok;
}

static int set_text(ld_catalog *cat, size_t row, const char *id, const char *text)
{
    int c = catalog_add_column(cat, id, LD_COL_TEXT, 0);
    return c < 0 ? -1 : catalog_set_cell(cat, row, (size_t)c, text, strlen(text)) < 0 ? -1 : 0;
}

/* USD per 1M tokens of one row at the reference set-up (the sizing in *s),
 * or 0 when it cannot be sized there (no architecture, does not fit). */
static double setup_per_1m(const ld_catalog *cat, size_t row, const estimate_spec *sp, const ld_gpu *gpu,
                           ld_sizing *s)
{
    ld_sizing_input in = {0};
    if (sizing_arch_from_catalog(cat, row, &in.arch, NULL) != 0 || !arch_kv_known(&in.arch)) return 0;
    in.quant = sp->quant;
    /* no longer than the model reads: falcon-180B's 2,048 tokens were
     * sized at the reference 4,096, a batch it cannot serve */
    int cc = catalog_col_index(cat, "context_length");
    double own = cc >= 0 ? catalog_num(cat, row, (size_t)cc) : NAN;
    in.context = own > 0 && own < sp->context ? own : sp->context;
    in.batch = sp->batch;
    in.gpu = gpu;
    if (sizing_compute(&in, s, NULL) != 0 || s->gpus == 0 || !(s->throughput_tokens_per_s > 0)) return 0;
    return s->gpus * gpu->hourly_usd / (s->throughput_tokens_per_s * 3600.0 * sp->utilization) * 1e6;
}

/* The estimates are put on the providers' scale: a provider batches far
 * more, caches prompts and keeps its GPUs busy, so at the reference set-up
 * the estimate of a model that is hosted came out about 11 times its
 * hosted price (median over the 2026-12-05 catalogue's 103 such models,
 * quartiles 6-15x).  Ranked beside hosted prices, unhosted models lost
 * value by that factor.  The factor is measured on the data in use, each
 * time: the median over the open rows with a hosted price of hosted price
 * / estimate.  Too few such rows (a user's own table,
 * LD_ESTIMATE_MIN_HOSTED in dataset.h) leave it at 1. */
static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double quantile(const double *v, size_t n, double q)
{
    double at = q * (double)(n - 1);
    size_t i = (size_t)at;
    return i + 1 < n ? v[i] + (at - (double)i) * (v[i + 1] - v[i]) : v[i];
}

/* -1 out of memory, else 0 with *cal set. */
static int calibrate(const ld_catalog *cat, const estimate_spec *sp, const ld_gpu *gpu, int rc, int oc,
                     ld_estimate_scale *cal)
{
    *cal = (ld_estimate_scale){1, 1, 1, 0, 0};
    int bc = catalog_col_index(cat, "cost_basis");
    if (bc < 0) return 0;
    double *ratio = malloc(catalog_rows(cat) * sizeof *ratio + 1);
    if (!ratio) return -1;
    size_t n = 0;
    for (size_t r = 0; r < catalog_rows(cat); r++) {
        double rel = catalog_num(cat, r, (size_t)rc);
        if (!(rel > 0) || strcasecmp(catalog_text(cat, r, (size_t)oc), "yes") != 0 ||
            strcmp(catalog_text(cat, r, (size_t)bc), "hosted") != 0)
            continue;
        ld_sizing s;
        double per_1m = setup_per_1m(cat, r, sp, gpu, &s);
        if (per_1m > 0) ratio[n++] = rel * sp->reference / per_1m;
    }
    if (n >= LD_ESTIMATE_MIN_HOSTED) {
        qsort(ratio, n, sizeof *ratio, cmp_double);
        *cal = (ld_estimate_scale){quantile(ratio, n, 0.5), quantile(ratio, n, 0.25), quantile(ratio, n, 0.75), n, 0};
    } else {
        cal->measured = n;
    }
    free(ratio);
    return 0;
}

/* One row: 1 estimated, 0 not possible (no fit, no architecture), -1 error. */
static int estimate_row(ld_catalog *cat, size_t row, const estimate_spec *sp, const ld_gpu *gpu,
                        const ld_estimate_scale *cal)
{
    ld_sizing s;
    double per_1m = setup_per_1m(cat, row, sp, gpu, &s);
    if (!(per_1m > 0)) return 0;
    double rel = per_1m * cal->k / sp->reference;
    char num[32], scale[256], why[768];
    snprintf(num, sizeof num, "%.6g", rel);
    if (cal->measured >= LD_ESTIMATE_MIN_HOSTED)
        snprintf(scale, sizeof scale,
                 "; × %.3g, the median of hosted price / this estimate over the %zu hosted models it sizes "
                 "(quartiles %.3g-%.3g), = $%.4g per 1M",
                 cal->k, cal->measured, cal->q1, cal->q3, per_1m * cal->k);
    else
        snprintf(scale, sizeof scale, " (not put on the providers' scale: %zu hosted models to compare, %d needed)",
                 cal->measured, LD_ESTIMATE_MIN_HOSTED);
    snprintf(why, sizeof why,
             "llmdeck estimate (no hosted offer): %d × %s at $%.4g/h, %s weights, batch %g at %.0f tokens: "
             "%.0f tokens/s (%s-bound); at %.0f%% utilization $%.4g per 1M tokens%s; / $%g (GPT-4 blended) = %s",
             s.gpus, gpu->name, gpu->hourly_usd, sp->quant, sp->batch, s.context, s.throughput_tokens_per_s,
             s.bound, sp->utilization * 100, per_1m, scale, sp->reference, num);
    int rc = catalog_col_index(cat, "relative_cost");
    if (rc < 0 || catalog_set_cell(cat, row, (size_t)rc, num, strlen(num)) < 0) return -1;
    if (set_text(cat, row, "cost_basis", "estimate") != 0 || set_text(cat, row, "price_source", why) != 0)
        return -1;
    return 1;
}

long estimate_selfhost(ld_catalog *cat, const char *metrics, size_t mlen, const ld_gpu_list *gpus,
                       ld_estimate_scale *scale, ld_error *err)
{
    if (scale) *scale = (ld_estimate_scale){1, 1, 1, 0, 0};
    estimate_spec sp;
    int rc = catalog_col_index(cat, "relative_cost"), oc = catalog_col_index(cat, "open_weights");
    if (!metrics || !gpus || rc < 0 || oc < 0 || !read_spec(metrics, mlen, &sp)) return 0;
    const ld_gpu *gpu = hosting_gpu_find(gpus, sp.gpu);
    if (!gpu || isnan(gpu->hourly_usd)) return 0;
    ld_estimate_scale cal;
    if (calibrate(cat, &sp, gpu, rc, oc, &cal) != 0) {
        error_set(err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
        return -1;
    }
    long n = 0;
    for (size_t r = 0; r < catalog_rows(cat) && n >= 0; r++) {
        if (!isnan(catalog_num(cat, r, (size_t)rc)) || strcasecmp(catalog_text(cat, r, (size_t)oc), "yes") != 0)
            continue;
        int k = estimate_row(cat, r, &sp, gpu, &cal);
        if (k < 0) n = -1;
        else n += k;
    }
    if (n < 0) error_set(err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
    cal.rows = n;
    if (scale) *scale = cal;
    return n;
}
