/* test_hardware.c - the hardware a recommendation must fit on, as the
 * wizard's GPUs row types it and `recommend --gpu` builds it: the typed
 * answer read ("2 x L40S at int4"), written back so it reads the same,
 * refused with a reason; the requirement filled as memfit_fits says. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "llmdeck/dataset.h"
#include "llmdeck/hardware.h"
#include "llmdeck/memfit.h"
#include "llmdeck/sizing.h"

static ld_dataset ds;

static int open_shipped(void **state)
{
    (void)state;
    unsetenv("LLMDECK_DATA");
    ld_error err;
    error_clear(&err);
    return dataset_open(&ds, NULL, NULL, &err) == 0 && ds.gpus ? 0 : -1;
}

static int close_shipped(void **state)
{
    (void)state;
    dataset_close(&ds);
    return 0;
}

static void test_parse_forms(void **state)
{
    (void)state;
    ld_hardware hw;
    char why[512], text[160];
    static const struct {
        const char *typed, *gpu, *quant;
        int cards;
    } cases[] = {
        {"L40S", "L40S", "release", 1},
        {"2 x A100 80GB SXM", "A100 80GB SXM", "release", 2},
        {"  4X h100 sxm  ", "H100 SXM", "release", 4},
        {"2\xc3\x97l4 int4", "L4", "int4", 2},
        {"RTX 4090 at q4_k_m", "RTX 4090", "q4_k_m", 1},
        {"8 * mi300x fp8", "MI300X", "fp8", 8},
        {"1x a100 80gb sxm fp8", "A100 80GB SXM", "fp8", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(hardware_parse(ds.gpus, cases[i].typed, &hw, why, sizeof why), 0);
        assert_string_equal(hw.gpu->name, cases[i].gpu);
        assert_string_equal(hw.quant, cases[i].quant);
        assert_int_equal(hw.cards, cases[i].cards);
        /* written back, it reads the same: the saved answer restores */
        ld_hardware again;
        hardware_text(&hw, text, sizeof text);
        assert_int_equal(hardware_parse(ds.gpus, text, &again, why, sizeof why), 0);
        assert_ptr_equal(again.gpu, hw.gpu);
        assert_int_equal(again.cards, hw.cards);
        assert_string_equal(again.quant, hw.quant);
    }
    hardware_parse(ds.gpus, "2 x L40S int4", &hw, why, sizeof why);
    hardware_text(&hw, text, sizeof text);
    assert_string_equal(text, "2 \xc3\x97 L40S at int4");
    hardware_parse(ds.gpus, "l4", &hw, why, sizeof why);
    hardware_text(&hw, text, sizeof text);
    assert_string_equal(text, "1 \xc3\x97 L4"); /* the release precision goes unsaid */
}

static void test_parse_refusals(void **state)
{
    (void)state;
    ld_hardware hw;
    char why[512];
    assert_int_equal(hardware_parse(ds.gpus, "9 x L4", &hw, why, sizeof why), -1);
    assert_non_null(strstr(why, "at most 8"));
    assert_int_equal(hardware_parse(ds.gpus, "0 x L4", &hw, why, sizeof why), -1);
    assert_int_equal(hardware_parse(ds.gpus, "99999999999999999999 x L4", &hw, why, sizeof why), -1);
    assert_int_equal(hardware_parse(ds.gpus, "zz9", &hw, why, sizeof why), -1);
    assert_non_null(strstr(why, "no GPU named \"zz9\" in gpus.csv (")); /* and the names it has */
    assert_non_null(strstr(why, "L40S"));
    assert_int_equal(hardware_parse(ds.gpus, "L40S int3", &hw, why, sizeof why), -1); /* no such precision */
    assert_int_equal(hardware_parse(ds.gpus, "2 x ", &hw, why, sizeof why), -1);
    assert_non_null(strstr(why, "name a GPU"));
    assert_int_equal(hardware_parse(ds.gpus, "4090", &hw, why, sizeof why), -1); /* digits of a name, no count */
    assert_int_equal(hardware_parse(ds.gpus, "-1 x L4", &hw, why, sizeof why), -1);
    assert_non_null(strstr(why, "from 1 to 8"));
    assert_int_equal(hardware_parse(ds.gpus, "L4 int3", &hw, why, sizeof why), -1);
    assert_non_null(strstr(why, "no precision named \"int3\""));
    /* a model number is no precision: the GPU is what is unknown, named whole */
    assert_int_equal(hardware_parse(ds.gpus, "RTX 9090", &hw, why, sizeof why), -1);
    assert_non_null(strstr(why, "no GPU named \"RTX 9090\""));
    assert_int_equal(hardware_parse(ds.gpus, "zz9 int4", &hw, why, sizeof why), -1); /* the precision read, the GPU not */
    assert_non_null(strstr(why, "no GPU named \"zz9\" in"));
    assert_int_equal(hardware_parse(ds.gpus, "zz9 foo", &hw, why, sizeof why), -1);
    assert_non_null(strstr(why, "no GPU named \"zz9 foo\" in"));
    /* cards one owns are one kind: a name several GPUs start with is asked again */
    assert_int_equal(hardware_parse(ds.gpus, "h100", &hw, why, sizeof why), -1);
    assert_non_null(strstr(why, "H100 SXM"));
    assert_non_null(strstr(why, "H100 PCIe"));
    assert_int_equal(hardware_parse(ds.gpus, "2 x a100 int4", &hw, why, sizeof why), -1);
    assert_non_null(strstr(why, "A100 40GB"));
    /* the precision in its own spelling */
    assert_int_equal(hardware_parse(ds.gpus, "RTX 4090 at Q4_K_M", &hw, why, sizeof why), 0);
    assert_string_equal(hw.quant, "q4_k_m");
}

/* Cards one has need not be a server's 1, 2, 4 or 8: a model whose heads
 * split over 5 (40 attention heads, 10 KV heads) fits on up to 8 cards
 * that neither 4 nor 8 of them can serve (memfit_fit_cards, as `size
 * --gpus 5`). */
static void test_any_count_the_heads_split_over(void **state)
{
    (void)state;
    long phi = catalog_find(ds.models, "Phi-4-reasoning");
    assert_true(phi >= 0);
    const ld_gpu *l4 = hosting_gpu_find(ds.gpus, "L4");
    double mem;
    int k8 = memfit_fit_cards(ds.models, (size_t)phi, "release", 32000, l4, 8, &mem);
    if (k8 != 5) fail_msg("Phi-4-reasoning on up to 8 x L4 at 32k: %d cards, expected 5 (40 heads, 10 KV heads)", k8);
    assert_true(mem <= 5 * hosting_gpu_device_gb(l4) * SIZING_GPU_MEM_UTIL);
    assert_int_equal(memfit_fit_cards(ds.models, (size_t)phi, "release", 32000, l4, 4, &mem), 0); /* 4 cannot split its KV heads */
    assert_int_equal(memfit_fits(ds.models, (size_t)phi, "release", 32000, l4, 8, &mem), 1);
}

static void test_requirement_as_memfit(void **state)
{
    (void)state;
    ld_hardware hw;
    char why[256];
    assert_int_equal(hardware_parse(ds.gpus, "2 x L4 int4", &hw, why, sizeof why), 0);
    ld_requirements q;
    rules_requirements_init(&q);
    q.context_length = 32000;
    signed char *fits = NULL;
    assert_int_equal(hardware_requirement(ds.models, &hw, &q, &fits), 0);
    assert_ptr_equal(q.fits, fits);
    assert_string_equal(q.hardware, "up to 2 \xc3\x97 L4 (24 GB) at int4, one sequence of 32,000 tokens");
    size_t yes = 0, no = 0;
    for (size_t r = 0; r < catalog_rows(ds.models); r++) {
        double mem;
        assert_int_equal(fits[r], memfit_fits(ds.models, r, "int4", 32000, hw.gpu, 2, &mem));
        yes += fits[r] == 1;
        no += fits[r] == 0;
    }
    assert_true(yes > 0 && no > 0); /* small models fit two L4s at int4, the 400B ones do not */
    free(fits);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_forms),
        cmocka_unit_test(test_parse_refusals),
        cmocka_unit_test(test_requirement_as_memfit),
        cmocka_unit_test(test_any_count_the_heads_split_over),
    };
    return cmocka_run_group_tests(tests, open_shipped, close_shipped);
}
