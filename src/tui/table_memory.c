/* table_memory.c - `S` in the table: which quantization and context the
 * Mem GB and Fits on columns are computed for (metrics.json's
 * memory_at_a_glance at start, int4 and 8,192 tokens in the catalogue). */
#include <stdio.h>
#include <string.h>

#include "table.h"
#include "llmdeck/hosting.h"
#include "llmdeck/memfit.h"
#include "llmdeck/sizing.h"
#include "llmdeck/units.h"

/* "QUANT CONTEXT" ("fp8 32k", "release 32k"); 0, or -1 with a reason. */
static int parse_setup(const char *text, char *quant, size_t qn, double *context, char *err, size_t errlen)
{
    char q[64], c[64], extra[8];
    int k = sscanf(text, "%63s %63s %7s", q, c, extra);
    double bits;
    if (k != 2) {
        snprintf(err, errlen, "type a quantization and a context, like int4 8k or fp8 32768");
        return -1;
    }
    if (!memfit_is_release(q) && sizing_quant_bits(q, &bits) != 0) {
        snprintf(err, errlen, "unknown quantization '%.40s' (fp16, fp8, int8, int4, q4_k_m ..., release)", q);
        return -1;
    }
    if (units_parse_count(c, context) != 0 || *context < 128 || *context > 1e7) {
        snprintf(err, errlen, "context: tokens from 128 to 10M, like 8k or 131072");
        return -1;
    }
    snprintf(quant, qn, "%s", q);
    return 0;
}

static int setup_cb(app *a, void *ctx, const char *text, int done, char *err, size_t errlen)
{
    tv_state *t = ctx;
    if (done <= 0) return 0;
    char quant[64];
    double context;
    if (parse_setup(text, quant, sizeof quant, &context, err, errlen) != 0) return -1;
    /* the data set's GPU list, parsed once at load (dataset_hosting) */
    if (!a->ds->gpus) {
        snprintf(err, errlen, "no gpus.csv in the data set");
        return -1;
    }
    ld_error e;
    error_clear(&e);
    tv_job_stop(t); /* the cells change: no job may read them now */
    long n = memfit_compute(t->cat, quant, context, a->ds->gpus, &e);
    if (n < 0) {
        snprintf(err, errlen, "%s", e.msg);
        return -1;
    }
    snprintf(t->mem_setup, sizeof t->mem_setup, "%.24s %.0f", quant, context); /* context <= 1e7 */
    tv_refresh_values(a, t);
    if (memfit_is_release(quant))
        app_message(a, MSG_INFO,
                    "Mem GB as released (%ld models say how, the rest fp16), %.0f tokens; %ld sized",
                    memfit_release_rows(t->cat), context, n);
    else
        app_message(a, MSG_INFO, "Mem GB and Fits on: %s weights, %.0f tokens, one sequence; %ld sized", quant,
                    context, n);
    return 0;
}

void tv_memory_setup(app *a, tv_state *t)
{
    if (catalog_col_index(t->cat, "mem_gb") < 0) {
        app_message(a, MSG_WARN, "these data have no Mem GB column (metrics.json memory_at_a_glance)");
        return;
    }
    if (!t->mem_setup[0]) { /* the data set's own set-up */
        size_t len;
        const char *m = dataset_file(a->ds, "metrics.json", &len, NULL);
        char q[32];
        double c;
        if (m && memfit_read_setup(m, len, q, sizeof q, &c)) snprintf(t->mem_setup, sizeof t->mem_setup, "%.24s %.0f", q, c > 1e8 ? 1e8 : c);
    }
    app_prompt_value(a, "Memory set-up, quantization and context: ", t->mem_setup, setup_cb, t);
}
