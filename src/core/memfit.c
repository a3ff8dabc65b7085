/* memfit.c - memory at a glance (see memfit.h). */
#include "llmdeck/memfit.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "llmdeck/hosting.h"
#include "llmdeck/scenario.h"
#include "llmdeck/sizing.h"

/* metrics.json's memory_at_a_glance; 0 when absent or unusable. */
int memfit_read_setup(const char *json, size_t len, char *quant, size_t qn, double *context)
{
    cJSON *root = cJSON_ParseWithLength(json, len);
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(root, "memory_at_a_glance");
    const cJSON *q = cJSON_GetObjectItemCaseSensitive(m, "quant");
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(m, "context");
    double bits;
    int ok = cJSON_IsString(q) && (memfit_is_release(q->valuestring) || sizing_quant_bits(q->valuestring, &bits) == 0) &&
             cJSON_IsNumber(c) &&
             c->valuedouble >= 1 && c->valuedouble <= 1e8;
    if (ok) {
        snprintf(quant, qn, "%s", q->valuestring);
        *context = c->valuedouble;
    }
    cJSON_Delete(root);
    return ok;
}

static int set_cell(ld_catalog *cat, size_t row, int col, const char *text)
{
    return catalog_set_cell(cat, row, (size_t)col, text, strlen(text)) < 0 ? -1 : 0;
}

int memfit_is_release(const char *quant)
{
    return quant && !strcasecmp(quant, SCENARIO_QUANT_RELEASE);
}

long memfit_release_rows(const ld_catalog *cat)
{
    long n = 0;
    const char *q, *eq;
    for (size_t r = 0; r < catalog_rows(cat); r++) n += scenario_release_quant(cat, r, &q, &eq);
    return n;
}

/* The precision row r is sized at: the set-up's, or for "release" the
 * row's release precision (its routed experts' own where they differ),
 * else fp16: the 16 bits most open checkpoints ship in (bf16 or fp16). */
static void row_quant(const ld_catalog *cat, size_t r, const char *quant, ld_sizing_input *in)
{
    const char *q, *eq;
    in->quant = quant;
    in->expert_quant = NULL;
    if (!memfit_is_release(quant)) return;
    if (scenario_release_quant(cat, r, &q, &eq)) {
        in->quant = q;
        in->expert_quant = eq;
    } else {
        in->quant = "fp16";
    }
}

/* Of two cards that hold a model on as many cards: the smaller as sold
 * ("24 GB"), then the cheaper an hour (a listed price before none), then
 * the less memory the driver reports.  The size as sold first, not the
 * driver's MiB: an A10 (23,028 MiB, $1.29) and an L4 (23,034 MiB, $0.49)
 * are both 24 GB cards, and 6 MiB should not pick the dearer one. */
int memfit_better_card(const ld_gpu *a, const ld_gpu *b)
{
    if (a->memory_gb != b->memory_gb) return a->memory_gb < b->memory_gb;
    int ap = isfinite(a->hourly_usd), bp = isfinite(b->hourly_usd);
    if (ap != bp) return ap;
    if (ap && a->hourly_usd != b->hourly_usd) return a->hourly_usd < b->hourly_usd;
    return hosting_gpu_device_gb(a) < hosting_gpu_device_gb(b);
}

long memfit_compute(ld_catalog *cat, const char *quant, double context, const ld_gpu_list *gpus, ld_error *err)
{
    double bits;
    if (!quant || (!memfit_is_release(quant) && sizing_quant_bits(quant, &bits) != 0))
        return error_set(err, LD_ERR_USAGE, "memory set-up", 0, 0, "unknown quantization '%s'", quant ? quant : "");
    if (!(context >= 1 && context <= 1e8))
        return error_set(err, LD_ERR_USAGE, "memory set-up", 0, 0, "context must be 1 to 100M tokens");
    int mc = catalog_add_column(cat, "mem_gb", LD_COL_NUMBER, LD_COLF_DECLARED_NUMBER);
    int fc = catalog_add_column(cat, "fits_on", LD_COL_TEXT, LD_COLF_DECLARED_TEXT);
    long n = mc < 0 || fc < 0 ? -1 : 0;
    for (size_t r = 0; n >= 0 && r < catalog_rows(cat); r++) {
        ld_sizing_input in = {0};
        ld_sizing s;
        int sized = sizing_arch_from_catalog(cat, r, &in.arch, NULL) == 0 && arch_kv_known(&in.arch);
        if (sized) {
            row_quant(cat, r, quant, &in);
            in.context = context;
            in.batch = 1;
            sized = sizing_compute(&in, &s, NULL) == 0 && isfinite(s.total_gb);
        }
        if (!sized) { /* unknown: empty, also where an earlier set-up had a figure */
            if (*catalog_text(cat, r, (size_t)mc) && (set_cell(cat, r, mc, "") != 0 || set_cell(cat, r, fc, "") != 0))
                n = -1;
            continue;
        }
        const ld_gpu *best = NULL;
        int best_cards = 0;
        for (size_t g = 0; gpus && g < gpus->n; g++) {
            double device_gb = hosting_gpu_device_gb(&gpus->v[g]);
            int k = sizing_fit_gpus(&in.arch, s.weights_gb, s.kv_cache_gb, device_gb, SIZING_GPU_MEM_UTIL);
            if (k && (!best || k < best_cards || (k == best_cards && memfit_better_card(&gpus->v[g], best)))) {
                best = &gpus->v[g];
                best_cards = k;
            }
        }
        char num[32], fit[96];
        /* on the cards named (the overhead is per GPU); on one when none holds it */
        double mem = sizing_total_on(&s, &in.arch, best ? best_cards : 1);
        snprintf(num, sizeof num, "%.1f", mem);
        if (!best) snprintf(fit, sizeof fit, "none of the listed (> 8 cards)");
        else if (best_cards == 1) snprintf(fit, sizeof fit, "%s (%g GB)", best->name, best->memory_gb);
        else snprintf(fit, sizeof fit, "%d \xc3\x97 %s (%g GB)", best_cards, best->name, best->memory_gb);
        if (set_cell(cat, r, mc, num) != 0 || set_cell(cat, r, fc, fit) != 0) n = -1;
        else n++;
    }
    if (n < 0) error_set(err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
    return n;
}

long memfit_apply(ld_catalog *cat, const char *metrics, size_t mlen, const ld_gpu_list *gpus, ld_error *err)
{
    char quant[32];
    double context;
    if (!metrics || !gpus || !memfit_read_setup(metrics, mlen, quant, sizeof quant, &context)) return 0;
    return memfit_compute(cat, quant, context, gpus, err);
}

int memfit_fits(const ld_catalog *cat, size_t row, const char *quant, double context, const ld_gpu *gpu,
                int max_cards, double *mem_gb)
{
    int k = memfit_fit_cards(cat, row, quant, context, gpu, max_cards, mem_gb);
    return k < 0 ? -1 : k > 0;
}

int memfit_fit_cards(const ld_catalog *cat, size_t row, const char *quant, double context, const ld_gpu *gpu,
                     int max_cards, double *mem_gb)
{
    ld_sizing_input in = {0};
    ld_sizing s;
    *mem_gb = NAN;
    if (sizing_arch_from_catalog(cat, row, &in.arch, NULL) != 0 || !arch_kv_known(&in.arch)) return -1;
    row_quant(cat, row, quant, &in);
    in.context = context;
    in.batch = 1;
    if (sizing_compute(&in, &s, NULL) != 0 || !isfinite(s.total_gb)) return -1;
    /* any count the heads split over, up to the cards there are (5 × L4
     * holds a 40-head model that 4 cannot and 8 cannot split) */
    int k = sizing_fit_gpus_upto(&in.arch, s.weights_gb, s.kv_cache_gb, hosting_gpu_device_gb(gpu), SIZING_GPU_MEM_UTIL,
                                 max_cards);
    *mem_gb = sizing_total_on(&s, &in.arch, k ? k : 1);
    return k;
}
