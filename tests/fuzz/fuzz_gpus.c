/* fuzz_gpus.c - gpus.csv (--data DIR): parse, look every GPU up by name,
 * and size two models on each (fit, cheapest GPU, decode speed). */
/* DICT: csv.dict (libFuzzer dictionary, see run.sh) */
#include <math.h>

#include "fuzz_common.h"

#include "llmdeck/hosting.h"
#include "llmdeck/sizing.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_locale();
    return 0;
}

static void size_on(const ld_gpu_list *l, const ld_gpu *g, double params, long layers)
{
    ld_sizing_input in;
    memset(&in, 0, sizeof in);
    in.arch.params_b = params;
    in.arch.layers = layers;
    in.arch.kv_heads = 8;
    in.arch.head_dim = 128;
    in.gpu = g;
    in.gpus = l;
    in.quant = "q4_k_m";
    in.batch = 8;
    ld_sizing s;
    ld_error err;
    error_clear(&err);
    if (sizing_compute(&in, &s, &err) != 0) {
        fz_check_error(&err);
        return;
    }
    FUZZ_CHECK(s.gpus >= 0 && s.gpus <= 8, "gpus %d", s.gpus);
    FUZZ_CHECK(memchr(s.basis, 0, sizeof s.basis) != NULL, "basis not terminated");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ld_gpu_list l;
    ld_error err;
    error_clear(&err);
    if (hosting_gpus_parse(&l, (const char *)data, size, "fuzz-gpus.csv", &err) != 0) {
        fz_check_error(&err);
        FUZZ_CHECK(l.v == NULL && l.n == 0, "a failed parse left GPUs");
        return 0;
    }
    for (size_t i = 0; i < l.n; i++) {
        const ld_gpu *g = &l.v[i];
        FUZZ_CHECK(g->name[0] && g->memory_gb > 0 && g->bandwidth_gbs > 0, "gpu %zu", i);
        FUZZ_CHECK(hosting_gpu_find(&l, g->name) != NULL || !strpbrk(g->name, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"),
                   "gpu '%s' not found by its own name", g->name);
        if (i < 4) {
            size_on(&l, g, 7, 32);
            size_on(&l, g, 70, 80);
        }
    }
    size_on(&l, NULL, 70, 80); /* the cheapest fit over the list */
    hosting_gpus_free(&l);
    return 0;
}
