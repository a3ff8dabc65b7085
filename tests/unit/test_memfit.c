/* test_memfit.c - memory at a glance (src/core/memfit.h): mem_gb is the
 * sizing core's total at the stated set-up, fits_on the fewest cards and
 * then the smallest as sold and the cheapest of those; unknown stays empty. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "hand_catalog.h"

#include "llmdeck/memfit.h"
#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"
#include "llmdeck/dataset.h"
#include "llmdeck/hosting.h"
#include "llmdeck/sizing.h"

static const char *const GPUS = "gpu,class,memory_gb,bandwidth_gbs,fp16_tflops,fp8_tflops,board_power_w,"
                                "hourly_usd,price_provider,price_type,price_date,source\n"
                                "Small,consumer,16,500,50,,300,,,,,hand\n"
                                "Big,datacenter,80,3000,900,,700,,,,,hand\n"
                                "Also16,datacenter,16,300,60,,70,,,,,hand\n";
static const char *const METRICS = "{\"memory_at_a_glance\": {\"quant\": \"int4\", \"context\": 8192}}";

/* An 8B dense model (Llama-3.1-8B's shape), one with 70B weights of the
 * same shape but 80 layers, one without an architecture; then one too big
 * for 8 cards, and two of 130B (77 GB at int4: two 80 GB cards) with one
 * KV head: plain MQA, whose single head is kept on both cards, and
 * compressed attention, whose one vector a token is split like MLA's; and
 * a 7-head model that no count but 1 and 7 divides. */
static const char *const MODELS =
    "model,params_b,layers,hidden_size,intermediate_size,attention_heads,kv_heads,head_dim,vocab_size,"
    "attn_kind,sliding_window,csa_layers,csa_ratio\n"
    "Eight,8.03,32,4096,14336,32,8,128,128256,,,,\n"
    "Seventy,70.6,80,8192,28672,64,8,128,128256,,,,\n"
    "Unknown,13,,,,,,,,,,,\n"
    "Huge,2000,80,8192,28672,64,8,128,128256,,,,\n"
    "OneHead,130,80,8192,28672,64,1,128,128256,,,,\n"
    "Compressed,130,80,8192,28672,64,1,128,128256,compressed,128,40,4\n"
    "SevenHeads,130,80,8192,28672,7,7,128,128256,,,,\n";

static void test_hand_made(void **state)
{
    (void)state;
    ld_catalog *cat = hand(MODELS);
    ld_error err;
    error_clear(&err);
    ld_gpu_list gl = {0};
    assert_int_equal(hosting_gpus_parse(&gl, GPUS, strlen(GPUS), "gpus.csv", &err), 0);
    long n = memfit_apply(cat, METRICS, strlen(METRICS), &gl, &err);
    hosting_gpus_free(&gl);
    assert_int_equal(n, 6);
    int mc = catalog_col_index(cat, "mem_gb"), fc = catalog_col_index(cat, "fits_on");
    assert_true(mc >= 0 && fc >= 0);
    /* mem_gb is the sizing core's total for the same set-up, to 0.1 GB */
    ld_sizing_input in = {0};
    assert_int_equal(sizing_arch_from_catalog(cat, 0, &in.arch, NULL), 0);
    in.quant = "int4";
    in.context = 8192;
    in.batch = 1;
    ld_sizing s;
    assert_int_equal(sizing_compute(&in, &s, NULL), 0);
    assert_near(catalog_num(cat, 0, (size_t)mc), s.total_gb, 0.05);
    /* 8B at int4 fits one 16 GB card: of the two, the list's first wins a
     * tie on memory (both 16 GB), so the class does not matter */
    assert_string_equal(catalog_text(cat, 0, (size_t)fc), "Small (16 GB)");
    /* 70B at int4 (~40 GB) does not fit one 16 GB card: one Big beats
     * four of the 16 GB cards (fewest cards first) */
    assert_string_equal(catalog_text(cat, 1, (size_t)fc), "Big (80 GB)");
    /* no architecture: unknown, not guessed */
    assert_true(isnan(catalog_num(cat, 2, (size_t)mc)));
    assert_string_equal(catalog_text(cat, 2, (size_t)fc), "");
    /* 2000B at int4 (~1.2 TB): not on 8 of any card */
    assert_true(catalog_num(cat, 3, (size_t)mc) > 8 * 80 * 0.9);
    assert_string_equal(catalog_text(cat, 3, (size_t)fc), "none of the listed (> 8 cards)");
    /* 77 GB: two 80 GB cards, one KV head kept on both (its copy fits) */
    double one_head = catalog_num(cat, 4, (size_t)mc);
    assert_true(one_head > 80 * 0.9 && one_head < 2 * 80 * 0.9);
    assert_string_equal(catalog_text(cat, 4, (size_t)fc), "2 \xc3\x97 Big (80 GB)");
    /* compressed attention's one vector a token is split (as under
     * data-parallel attention): two cards of the 80 GB kind as well */
    assert_string_equal(catalog_text(cat, 5, (size_t)fc), "2 \xc3\x97 Big (80 GB)");
    /* 7 heads split over no count of 2, 4 or 8: 77 GB fits no single card */
    assert_string_equal(catalog_text(cat, 6, (size_t)fc), "none of the listed (> 8 cards)");
    catalog_free(cat);
}

/* Three 24 GB cards as gpus.csv lists them: the A10's driver total is
 * 6 MiB under the L4's, which is less than half its price; the 4090 has
 * the most memory and (here) no price. */
static const char *const GPUS_24 = "gpu,class,memory_gb,memory_mib,bandwidth_gbs,fp16_tflops,fp8_tflops,"
                                   "board_power_w,hourly_usd,price_provider,price_type,price_date,source\n"
                                   "Dear,datacenter,24,23028,600,125,,150,1.29,,,,hand\n"
                                   "Unpriced,consumer,24,24564,1008,165,,450,,,,,hand\n"
                                   "Cheap,datacenter,24,23034,300,121,,72,0.49,,,,hand\n"
                                   "Bigger,datacenter,48,46068,864,362,,350,0.10,,,,hand\n";

/* Of the cards that hold a model on as many cards: the smallest as sold,
 * then the cheapest of those; 6 MiB of driver memory does not decide. */
static void test_same_size_cheaper_wins(void **state)
{
    (void)state;
    ld_catalog *cat = hand(MODELS);
    ld_error err;
    error_clear(&err);
    ld_gpu_list gl = {0};
    assert_int_equal(hosting_gpus_parse(&gl, GPUS_24, strlen(GPUS_24), "gpus.csv", &err), 0);
    assert_true(memfit_apply(cat, METRICS, strlen(METRICS), &gl, &err) > 0);
    int fc = catalog_col_index(cat, "fits_on");
    /* 8B at int4 fits all four: the 24 GB class, the cheapest of it
     * (the 48 GB card is cheaper still, but larger) */
    assert_string_equal(catalog_text(cat, 0, (size_t)fc), "Cheap (24 GB)");
    const ld_gpu *dear = hosting_gpu_find(&gl, "Dear"), *cheap = hosting_gpu_find(&gl, "Cheap"),
                 *unpriced = hosting_gpu_find(&gl, "Unpriced"), *bigger = hosting_gpu_find(&gl, "Bigger");
    assert_true(memfit_better_card(cheap, dear) && !memfit_better_card(dear, cheap));
    /* a price before none, though the unpriced card has more memory */
    assert_true(memfit_better_card(dear, unpriced) && !memfit_better_card(unpriced, dear));
    /* smaller as sold before cheaper */
    assert_true(memfit_better_card(dear, bigger) && !memfit_better_card(bigger, dear));
    /* neither is better than itself */
    assert_false(memfit_better_card(cheap, cheap));
    /* the same size and price: the less driver memory */
    ld_gpu twin = *cheap;
    twin.memory_mib = cheap->memory_mib - 6;
    assert_true(memfit_better_card(&twin, cheap) && !memfit_better_card(cheap, &twin));
    hosting_gpus_free(&gl);
    catalog_free(cat);
}

static void test_not_asked(void **state)
{
    (void)state;
    ld_catalog *cat = hand(MODELS);
    ld_error err;
    error_clear(&err);
    ld_gpu_list gl = {0};
    assert_int_equal(hosting_gpus_parse(&gl, GPUS, strlen(GPUS), "gpus.csv", &err), 0);
    const char *none = "{\"weights\": {}}";
    assert_int_equal(memfit_apply(cat, none, strlen(none), &gl, &err), 0);
    assert_int_equal(catalog_col_index(cat, "mem_gb"), -1);
    /* an unknown quantization is not a set-up either */
    const char *bad = "{\"memory_at_a_glance\": {\"quant\": \"int3000\", \"context\": 8192}}";
    assert_int_equal(memfit_apply(cat, bad, strlen(bad), &gl, &err), 0);
    assert_int_equal(catalog_col_index(cat, "fits_on"), -1);
    hosting_gpus_free(&gl);
    catalog_free(cat);
}

/* Over the shipped catalogue: every fits_on holds its mem_gb, and no listed
 * GPU does it with fewer cards or, with as many, smaller or cheaper. */
static void test_shipped_catalogue_property(void **state)
{
    (void)state;
    unsetenv("LLMDECK_DATA");
    ld_dataset ds;
    ld_error err;
    error_clear(&err);
    assert_int_equal(dataset_open(&ds, NULL, NULL, &err), 0);
    size_t glen;
    const char *gtext = dataset_file(&ds, "gpus.csv", &glen, NULL);
    assert_non_null(gtext);
    ld_gpu_list gl = {0};
    assert_int_equal(hosting_gpus_parse(&gl, gtext, glen, "gpus.csv", &err), 0);
    ld_catalog *cat = ds.models;
    int mc = catalog_col_index(cat, "mem_gb"), fc = catalog_col_index(cat, "fits_on");
    assert_true(mc >= 0 && fc >= 0);
    size_t filled = 0;
    for (size_t r = 0; r < catalog_rows(cat); r++) {
        double mem = catalog_num(cat, r, (size_t)mc);
        const char *fit = catalog_text(cat, r, (size_t)fc);
        if (isnan(mem)) {
            assert_string_equal(fit, "");
            continue;
        }
        filled++;
        /* the memory_at_a_glance set-up (int4, 8192 tokens), sized again
         * here: weights and KV, and what n cards need for them */
        ld_sizing_input in = {0};
        assert_int_equal(sizing_arch_from_catalog(cat, r, &in.arch, NULL), 0);
        in.quant = "int4";
        in.context = 8192;
        in.batch = 1;
        ld_sizing s;
        assert_int_equal(sizing_compute(&in, &s, NULL), 0);
        const ld_model_arch *a = &in.arch;
        static const int counts[] = {1, 2, 4, 8};
        if (strncmp(fit, "none of the listed", 18) == 0) {
            /* no listed GPU holds it on a count of cards its heads can split over */
            assert_near(mem, s.total_gb, 0.05); /* on one card */
            for (size_t k = 0; k < gl.n; k++)
                for (size_t i = 0; i < 4; i++) {
                    char valid[128];
                    if (counts[i] * hosting_gpu_device_gb(&gl.v[k]) * 0.9 >=
                            sizing_need_gb(a, s.weights_gb, s.kv_cache_gb, counts[i]) &&
                        (counts[i] == 1 || sizing_tp_check(a, counts[i], valid, sizeof valid) == 0))
                        fail_msg("%s: %d x %s holds it, fits_on says none", catalog_text(cat, r, 0), counts[i],
                                 gl.v[k].name);
                }
            continue;
        }
        int cards = 1;
        char name[96];
        if (sscanf(fit, "%d \xc3\x97 %95[^(]", &cards, name) != 2) sscanf(fit, "%95[^(]", name);
        size_t len = strlen(name);
        while (len && name[len - 1] == ' ') name[--len] = '\0';
        const ld_gpu *g = hosting_gpu_find(&gl, name);
        if (!g) fail_msg("%s: fits_on '%s' names no listed GPU", catalog_text(cat, r, 0), fit);
        /* Mem GB: weights, KV and the overhead of the cards named */
        assert_near(mem, sizing_need_gb(a, s.weights_gb, s.kv_cache_gb, cards), 0.05); /* with its KV copies */
        if (cards * hosting_gpu_device_gb(g) * 0.9 < sizing_need_gb(a, s.weights_gb, s.kv_cache_gb, cards))
            fail_msg("%s: %d x %s (%g GB) does not hold it", catalog_text(cat, r, 0), cards, g->name,
                     hosting_gpu_device_gb(g));
        double one = sizing_need_gb(a, s.weights_gb, s.kv_cache_gb, 1);
        for (size_t k = 0; k < gl.n; k++) {
            double dev = hosting_gpu_device_gb(&gl.v[k]);
            /* one card of more memory never beats the choice (fewest cards first) */
            if (cards > 1 && dev * 0.9 >= one)
                fail_msg("%s: one %s holds it, fits_on says %s", catalog_text(cat, r, 0), gl.v[k].name, fit);
            /* with as many cards, no smaller card (as sold), nor one as
             * small and cheaper, holds it */
            if (&gl.v[k] != g && memfit_better_card(&gl.v[k], g) &&
                sizing_fit_gpus(a, s.weights_gb, s.kv_cache_gb, dev, 0.9) == cards)
                fail_msg("%s: %s is smaller or cheaper and holds it on %d", catalog_text(cat, r, 0),
                         gl.v[k].name, cards);
        }
    }
    /* the catalogue's open rows mostly have an architecture */
    assert_true(filled >= 100);
    hosting_gpus_free(&gl);
    dataset_close(&ds);
}

/* `S` in the TUI: another set-up refills both columns, and back again. */
static void test_recompute_other_setup(void **state)
{
    (void)state;
    ld_catalog *cat = hand(MODELS);
    ld_error err;
    error_clear(&err);
    ld_gpu_list gl = {0};
    assert_int_equal(hosting_gpus_parse(&gl, GPUS, strlen(GPUS), "gpus.csv", &err), 0);
    assert_int_equal(memfit_compute(cat, "int4", 8192, &gl, &err), 6);
    int mc = catalog_col_index(cat, "mem_gb"), fc = catalog_col_index(cat, "fits_on");
    double int4 = catalog_num(cat, 0, (size_t)mc);
    /* fp16 weights of 8B (16 GB) no longer fit a 16 GB card at 90% */
    assert_int_equal(memfit_compute(cat, "fp16", 8192, &gl, &err), 6);
    double fp16 = catalog_num(cat, 0, (size_t)mc);
    /* 16.06 against 5.7 GB of weights (int4 layers, 16-bit embeddings and
     * output layer: 2 × 128256 × 4096), 2% of each in the overhead */
    double embed = 2.0 * 128256 * 4096 / 1e9;
    assert_near(fp16 - int4, 1.02 * (8.03 * 2 - ((8.03 - embed) * 4.15625 / 8 + embed * 2)), 0.1);
    assert_string_equal(catalog_text(cat, 0, (size_t)fc), "Big (80 GB)");
    /* a longer context adds KV cache: more memory */
    assert_int_equal(memfit_compute(cat, "fp16", 131072, &gl, &err), 6);
    assert_true(catalog_num(cat, 0, (size_t)mc) > fp16 + 10);
    /* back to the first set-up: the same figures */
    assert_int_equal(memfit_compute(cat, "int4", 8192, &gl, &err), 6);
    assert_near(catalog_num(cat, 0, (size_t)mc), int4, 1e-9);
    assert_string_equal(catalog_text(cat, 0, (size_t)fc), "Small (16 GB)");
    /* bad set-ups are refused, the columns unchanged */
    assert_int_equal(memfit_compute(cat, "int3000", 8192, &gl, &err), -1);
    assert_int_equal(err.code, LD_ERR_USAGE);
    assert_int_equal(memfit_compute(cat, "int4", 0, &gl, &err), -1);
    assert_near(catalog_num(cat, 0, (size_t)mc), int4, 1e-9);
    hosting_gpus_free(&gl);
    catalog_free(cat);
}

/* Mem GB at a row's single precision on `cards` GPUs, as the sizing core
 * computes it (the overhead is per GPU). */
static double total_at(const ld_catalog *cat, size_t row, const char *quant, double context, int cards)
{
    ld_sizing_input in = {0};
    assert_int_equal(sizing_arch_from_catalog(cat, row, &in.arch, NULL), 0);
    in.quant = quant;
    in.context = context;
    in.batch = 1;
    ld_sizing s;
    assert_int_equal(sizing_compute(&in, &s, NULL), 0);
    return s.weights_gb + s.kv_cache_gb + sizing_overhead_gb(s.weights_gb, cards);
}

/* The "release" set-up: a row that states its release precision is sized
 * at it, one that states none at fp16; metrics.json may ask for it too. */
static void test_release_setup(void **state)
{
    (void)state;
    static const char *const REL =
        "model,params_b,layers,hidden_size,intermediate_size,attention_heads,kv_heads,head_dim,vocab_size,"
        "release_quant\n"
        "Eight,8.03,32,4096,14336,32,8,128,128256,fp8\n"
        "Seventy,70.6,80,8192,28672,64,8,128,128256,\n";
    ld_catalog *cat = hand(REL);
    ld_error err;
    error_clear(&err);
    ld_gpu_list gl = {0};
    assert_int_equal(hosting_gpus_parse(&gl, GPUS, strlen(GPUS), "gpus.csv", &err), 0);
    assert_int_equal(memfit_release_rows(cat), 1);
    assert_int_equal(memfit_compute(cat, "Release", 8192, &gl, &err), 2);
    int mc = catalog_col_index(cat, "mem_gb"), fc = catalog_col_index(cat, "fits_on");
    double eight = catalog_num(cat, 0, (size_t)mc), seventy = catalog_num(cat, 1, (size_t)mc);
    assert_near(eight, total_at(cat, 0, "fp8", 8192, 1), 0.05);
    assert_true(eight < total_at(cat, 0, "fp16", 8192, 1) - 5); /* not fp16's */
    assert_near(seventy, total_at(cat, 1, "fp16", 8192, 4), 0.05); /* on the 4 cards named */
    /* 8B at fp8 (~12.4 GB) fits a 16 GB card; 70B at fp16 (~168.7 GB on 4) needs 4 of 80 */
    assert_string_equal(catalog_text(cat, 0, (size_t)fc), "Small (16 GB)");
    assert_string_equal(catalog_text(cat, 1, (size_t)fc), "4 \xc3\x97 Big (80 GB)");
    /* metrics.json may name it as its set-up */
    char q[32];
    double c;
    const char *m = "{\"memory_at_a_glance\": {\"quant\": \"release\", \"context\": 4096}}";
    assert_int_equal(memfit_read_setup(m, strlen(m), q, sizeof q, &c), 1);
    assert_string_equal(q, "release");
    hosting_gpus_free(&gl);
    catalog_free(cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_release_setup),
        cmocka_unit_test(test_hand_made),
        cmocka_unit_test(test_not_asked),
        cmocka_unit_test(test_same_size_cheaper_wins),
        cmocka_unit_test(test_recompute_other_setup),
        cmocka_unit_test(test_shipped_catalogue_property),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
