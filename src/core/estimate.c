/* estimate.c - self-hosting price estimates for unhosted models (see
 * estimate.h). */
#include "estimate.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
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

/* One row: 1 estimated, 0 not possible (no fit, no architecture), -1 error. */
static int estimate_row(ld_catalog *cat, size_t row, const estimate_spec *sp, const ld_gpu *gpu)
{
    ld_sizing_input in = {0};
    if (sizing_arch_from_catalog(cat, row, &in.arch, NULL) != 0 || !arch_kv_known(&in.arch)) return 0;
    in.quant = sp->quant;
    in.context = sp->context;
    in.batch = sp->batch;
    in.gpu = gpu;
    ld_sizing s;
    if (sizing_compute(&in, &s, NULL) != 0 || s.gpus == 0 || !(s.throughput_tokens_per_s > 0)) return 0;
    double per_1m = s.gpus * gpu->hourly_usd / (s.throughput_tokens_per_s * 3600.0 * sp->utilization) * 1e6;
    double rel = per_1m / sp->reference;
    char num[32], why[512];
    snprintf(num, sizeof num, "%.6g", rel);
    snprintf(why, sizeof why,
             "llmdeck estimate (no hosted offer): %d × %s at $%.4g/h, %s weights, batch %g at %g tokens: "
             "%.0f tokens/s (%s-bound); at %.0f%% utilization $%.4g per 1M tokens; / $%g (GPT-4 blended) = %s",
             s.gpus, gpu->name, gpu->hourly_usd, sp->quant, sp->batch, sp->context, s.throughput_tokens_per_s,
             s.bound, sp->utilization * 100, per_1m, sp->reference, num);
    int rc = catalog_col_index(cat, "relative_cost");
    if (rc < 0 || catalog_set_cell(cat, row, (size_t)rc, num, strlen(num)) < 0) return -1;
    if (set_text(cat, row, "cost_basis", "estimate") != 0 || set_text(cat, row, "price_source", why) != 0)
        return -1;
    return 1;
}

long estimate_selfhost(ld_catalog *cat, const char *metrics, size_t mlen, const ld_gpu_list *gpus,
                       ld_error *err)
{
    estimate_spec sp;
    int rc = catalog_col_index(cat, "relative_cost"), oc = catalog_col_index(cat, "open_weights");
    if (!metrics || !gpus || rc < 0 || oc < 0 || !read_spec(metrics, mlen, &sp)) return 0;
    const ld_gpu *gpu = hosting_gpu_find(gpus, sp.gpu);
    long n = 0;
    for (size_t r = 0; gpu && !isnan(gpu->hourly_usd) && r < catalog_rows(cat) && n >= 0; r++) {
        if (!isnan(catalog_num(cat, r, (size_t)rc)) || strcasecmp(catalog_text(cat, r, (size_t)oc), "yes") != 0)
            continue;
        int k = estimate_row(cat, r, &sp, gpu);
        if (k < 0) n = -1;
        else n += k;
    }
    if (n < 0) error_set(err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
    return n;
}
