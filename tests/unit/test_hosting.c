/* test_hosting.c - gpus.csv, hosting.json and LiteLLM price imports. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "llmdeck/csvload.h"
#include "llmdeck/embed.h"
#include "llmdeck/hosting.h"

#define LITELLM_REAL "../shared/data/litellm_model_prices_and_context_window.json"

static void test_shipped_gpus(void **state)
{
    (void)state;
    size_t len;
    const char *text = embed_find("data/gpus.csv", &len);
    assert_non_null(text);
    ld_gpu_list l;
    ld_error err;
    assert_int_equal(hosting_gpus_parse(&l, text, len, "data/gpus.csv", &err), 0);
    assert_true(l.n >= 11);
    static const struct { const char *name; double mem, bw; } want[] = {
        {"A10", 24, 600},          {"A100 40GB", 40, 1555},  {"A100 80GB SXM", 80, 2039},
        {"A100 80GB PCIe", 80, 1935}, {"H100 SXM", 80, 3350}, {"H100 PCIe", 80, 2000},
        {"H200", 141, 4800},       {"L4", 24, 300},          {"L40S", 48, 864},
        {"RTX 4090", 24, 1008},    {"MI300X", 192, 5300},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const ld_gpu *g = hosting_gpu_find(&l, want[i].name);
        assert_non_null(g);
        assert_string_equal(g->name, want[i].name);
        assert_near(g->memory_gb, want[i].mem, 0);
        assert_near(g->bandwidth_gbs, want[i].bw, 0);
    }
    for (size_t i = 0; i < l.n; i++) {
        assert_true(strlen(l.v[i].source) > 10); /* every row has a source */
        if (!isnan(l.v[i].hourly_usd)) assert_true(strstr(l.v[i].source, "price:") != NULL);
    }
    hosting_gpus_free(&l);
}

static void test_gpu_lookup_is_tolerant(void **state)
{
    (void)state;
    size_t len;
    const char *text = embed_find("data/gpus.csv", &len);
    ld_gpu_list l;
    ld_error err;
    assert_int_equal(hosting_gpus_parse(&l, text, len, "data/gpus.csv", &err), 0);
    assert_string_equal(hosting_gpu_find(&l, "a100-80gb")->name, "A100 80GB SXM");
    assert_string_equal(hosting_gpu_find(&l, "A100_80GB_PCIE")->name, "A100 80GB PCIe");
    assert_string_equal(hosting_gpu_find(&l, "h100 sxm")->name, "H100 SXM");
    assert_string_equal(hosting_gpu_find(&l, "h100pcie")->name, "H100 PCIe");
    assert_string_equal(hosting_gpu_find(&l, "rtx4090")->name, "RTX 4090");
    assert_string_equal(hosting_gpu_find(&l, " l40s ")->name, "L40S");
    assert_string_equal(hosting_gpu_find(&l, "A10")->name, "A10"); /* exact beats prefix */
    assert_null(hosting_gpu_find(&l, "TPU v5"));
    assert_null(hosting_gpu_find(&l, "--"));
    hosting_gpus_free(&l);
}

static void test_bad_gpus_csv(void **state)
{
    (void)state;
    ld_gpu_list l;
    ld_error err;
    static const char neg[] = "gpu,memory_gb,bandwidth_gbs,fp16_tflops,hourly_usd,price_date,source\n"
                              "X1,24,600,,,,s\nX2,-24,600,,,,s\n";
    assert_int_equal(hosting_gpus_parse(&l, neg, sizeof neg - 1, "g.csv", &err), -1);
    assert_string_equal(err.file, "g.csv");
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.msg, "memory_gb"));
    static const char word[] = "gpu,memory_gb,bandwidth_gbs\nX1,lots,600\n";
    assert_int_equal(hosting_gpus_parse(&l, word, sizeof word - 1, "g.csv", &err), -1);
    assert_int_equal(err.line, 2);
    static const char nocol[] = "gpu,memory\nX1,24\n";
    assert_int_equal(hosting_gpus_parse(&l, nocol, sizeof nocol - 1, "g.csv", &err), -1);
    assert_non_null(strstr(err.msg, "bandwidth_gbs"));
}

/* memory_mib, the driver's total, is what the fit is measured against:
 * in decimal GB, as model sizes are; without it, memory_gb as listed. */
static void test_gpu_device_memory(void **state)
{
    (void)state;
    ld_gpu_list l;
    ld_error err;
    static const char csv[] = "gpu,memory_gb,memory_mib,bandwidth_gbs\n"
                              "H,80,81559,3350\nP,80,,2000\n";
    assert_int_equal(hosting_gpus_parse(&l, csv, sizeof csv - 1, "g.csv", &err), 0);
    assert_int_equal(l.n, 2);
    assert_near(hosting_gpu_device_gb(&l.v[0]), 81559.0 * 1048576 / 1e9, 1e-9); /* 85.52 GB */
    assert_near(hosting_gpu_device_gb(&l.v[1]), 80, 0);
    char words[96];
    hosting_gpu_memory_words(&l.v[0], words, sizeof words);
    assert_string_equal(words, "81559 MiB as the driver reports it = 85.52 GB");
    hosting_gpu_memory_words(&l.v[1], words, sizeof words);
    assert_string_equal(words, "80 GB as listed");
    hosting_gpus_free(&l);
    /* a figure that cannot be this card's (a typo, GB for MiB) is refused */
    static const char gb_for_mib[] = "gpu,memory_gb,memory_mib,bandwidth_gbs\nH,80,80,3350\n";
    assert_int_equal(hosting_gpus_parse(&l, gb_for_mib, sizeof gb_for_mib - 1, "g.csv", &err), -1);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.msg, "memory_mib"));
    static const char too_big[] = "gpu,memory_gb,memory_mib,bandwidth_gbs\nH,24,81559,3350\n";
    assert_int_equal(hosting_gpus_parse(&l, too_big, sizeof too_big - 1, "g.csv", &err), -1);
    assert_non_null(strstr(err.msg, "memory_mib"));
}

static void test_shipped_hosting_json(void **state)
{
    (void)state;
    size_t len;
    const char *text = embed_find("data/hosting.json", &len);
    assert_non_null(text);
    ld_hosting h;
    ld_error err;
    hosting_init(&h);
    assert_int_equal(hosting_parse(&h, text, len, "data/hosting.json", &err), 0);
    /* The seed's table, verbatim. */
    static const struct { const char *name, *gpu; double mem, usd, tps; const char *q; } seed[] = {
        {"7B", "1x A10 (24GB) or 1x A100 (40GB)", 14, 1500, 50, "4-bit, 8-bit, fp16"},
        {"13B", "1x A100 (40GB) or 2x A10", 26, 2500, 30, "4-bit, 8-bit"},
        {"70B", "2x A100 (80GB) or 8x A10", 140, 8000, 10, "4-bit, 8-bit"},
    };
    assert_int_equal(h.npresets, 3);
    for (size_t i = 0; i < 3; i++) {
        const ld_preset *p = hosting_preset_find(&h, seed[i].name);
        assert_non_null(p);
        assert_string_equal(p->gpu, seed[i].gpu);
        assert_near(p->memory_required_gb, seed[i].mem, 0);
        assert_near(p->monthly_usd, seed[i].usd, 0);
        assert_near(p->tokens_per_s, seed[i].tps, 0);
        assert_string_equal(p->quantization, seed[i].q);
    }
    assert_non_null(hosting_preset_find(&h, "70b"));
    assert_null(hosting_preset_find(&h, "30B"));
    const ld_api_offer *o = hosting_offer_find(&h, "SEED-gpt-3.5-turbo");
    assert_non_null(o);
    assert_near(o->input_per_1k, 0.002, 0);
    assert_near(o->output_per_1k, 0.002, 0);
    o = hosting_offer_find(&h, "gpt-4o");
    assert_non_null(o);
    assert_near(o->input_per_1k * 1000, 2.50, 1e-12); /* $2.50 per 1M input */
    for (size_t i = 0; i < h.noffers; i++) assert_true(h.offers[i].source[0] != '\0');
    assert_near(h.defaults.hours_per_month, 730, 0);
    assert_near(h.defaults.band_api_below, 500e6, 0);
    assert_near(h.defaults.band_selfhost_above, 1e9, 0);
    hosting_free(&h);
}

/* Parses `json` and expects an error whose message contains `want`. */
static ld_error parse_bad(const char *json)
{
    ld_hosting h;
    ld_error err;
    error_clear(&err);
    hosting_init(&h);
    assert_int_equal(hosting_parse(&h, json, strlen(json), "bad.json", &err), -1);
    assert_int_equal(err.code, LD_ERR_PARSE);
    assert_string_equal(err.file, "bad.json");
    hosting_free(&h);
    return err;
}

static void test_malformed_hosting_json(void **state)
{
    (void)state;
    ld_error e = parse_bad("{\n  \"presets\": {\n    \"7B\": {,}\n  }\n}\n");
    assert_int_equal(e.line, 3); /* syntax error: LINE:COL where cJSON stopped, */
    assert_in_range(e.col, 12, 13); /* at or just after the stray ',' (col 12) */
    e = parse_bad("{\"presets\": {\"7B\": {\"gpu\": \"x\"");
    assert_true(e.line >= 1);
    assert_non_null(strstr(e.msg, "end of the file"));
    e = parse_bad("{\"presets\": {\"7B\": {\"gpu\": \"A10\", \"memory_required_gb\": 14,"
                  "\"estimated_monthly_cost_azure\": 1500, \"throughput_tokens_per_sec\": \"fast\"}}}");
    assert_non_null(strstr(e.msg, "presets.7B.throughput_tokens_per_sec: expected a number"));
    e = parse_bad("{\"presets\": {\"7B\": {\"gpu\": \"A10\", \"memory_required_gb\": 14,"
                  "\"throughput_tokens_per_sec\": 5}}}");
    assert_non_null(strstr(e.msg, "presets.7B.estimated_monthly_cost_azure: missing"));
    e = parse_bad("{\"api_offers\": [{\"name\": \"a\", \"input_per_1k\": 0.001, \"source\": \"s\"},"
                  " {\"name\": \"b\", \"input_per_1k\": -1, \"source\": \"s\"}]}");
    assert_non_null(strstr(e.msg, "api_offers[1].input_per_1k"));
    e = parse_bad("{\"api_offers\": {}}");
    assert_non_null(strstr(e.msg, "api_offers: expected an array"));
    e = parse_bad("{\"defaults\": {\"utilization\": 1.5}}");
    assert_non_null(strstr(e.msg, "defaults.utilization"));
    e = parse_bad("{\"defaults\": {\"advice_bands\": {\"api_below_tokens\": \"500M\"}}}");
    assert_non_null(strstr(e.msg, "defaults.advice_bands.api_below_tokens"));
    e = parse_bad("[1, 2]");
    assert_non_null(strstr(e.msg, "expected an object"));
}

static void test_litellm_per_token_to_per_1k(void **state)
{
    (void)state;
    static const char json[] =
        "{\"sample_spec\": {\"mode\": \"chat\", \"input_cost_per_token\": 1, \"output_cost_per_token\": 1},\n"
        " \"last_updated\": \"2026-07-24\",\n"
        " \"gpt-4o\": {\"mode\": \"chat\", \"input_cost_per_token\": 2.5e-06,"
        "  \"output_cost_per_token\": 1e-05, \"litellm_provider\": \"openai\"},\n"
        " \"text-embedding-3-small\": {\"mode\": \"embedding\", \"input_cost_per_token\": 2e-08,"
        "  \"output_cost_per_token\": 0.0},\n"
        " \"half\": {\"mode\": \"chat\", \"input_cost_per_token\": 1e-06},\n"
        " \"free\": {\"mode\": \"chat\", \"input_cost_per_token\": 0, \"output_cost_per_token\": 0},\n"
        " \"seed-gpt-3.5-turbo\": {\"mode\": \"chat\", \"input_cost_per_token\": 1e-06,"
        "  \"output_cost_per_token\": 3e-06}}";
    ld_hosting h;
    ld_error err;
    hosting_init(&h);
    ld_api_offer shipped = {.name = "seed-gpt-3.5-turbo", .provider = "", .input_per_1k = 0.002, .output_per_1k = 0.002,
                            .cached_per_1k = NAN, .batch_in_per_1k = NAN, .batch_out_per_1k = NAN,
                            .source = "seed", .date = "2023-12"};
    h.offers = malloc(sizeof shipped);
    h.offers[0] = shipped;
    h.noffers = h.cap = h.nshipped = 1;
    size_t added = 0;
    assert_int_equal(hosting_load_litellm(&h, json, sizeof json - 1, "/x/prices.json", &added, &err), 0);
    assert_int_equal(added, 2); /* gpt-4o and the seed name; not sample_spec, embedding, half, free */
    const ld_api_offer *o = hosting_offer_find(&h, "gpt-4o");
    assert_non_null(o);
    assert_near(o->input_per_1k, 0.0025, 1e-15);  /* 2.5e-6 per token = $0.0025 per 1K */
    assert_near(o->output_per_1k, 0.01, 1e-15);
    assert_near(o->input_per_1k * 1000, 2.50, 1e-12); /* = $2.50 per 1M */
    assert_string_equal(o->provider, "openai");
    assert_string_equal(o->date, "2026-07-24");
    assert_non_null(strstr(o->source, "prices.json"));
    assert_null(hosting_offer_find(&h, "sample_spec"));
    assert_null(hosting_offer_find(&h, "half"));
    /* An imported offer overrides a shipped one of the same name. */
    assert_near(hosting_offer_find(&h, "seed-gpt-3.5-turbo")->input_per_1k, 0.001, 1e-15);
    hosting_free(&h);

    hosting_init(&h);
    static const char arr[] = "[{\"mode\": \"chat\"}]";
    assert_int_equal(hosting_load_litellm(&h, arr, sizeof arr - 1, "p.json", NULL, &err), -1);
    assert_non_null(strstr(err.msg, "LiteLLM"));
    static const char broken[] = "{\n\"a\": {\"mode\": \"chat\",}\n}";
    assert_int_equal(hosting_load_litellm(&h, broken, sizeof broken - 1, "p.json", NULL, &err), -1);
    assert_int_equal(err.line, 2);
    hosting_free(&h);
}

static void test_litellm_real_file(void **state)
{
    (void)state;
    ld_error err;
    size_t len;
    FILE *f = fopen(LITELLM_REAL, "r");
    if (!f) {
        print_message("# SKIP %s not present\n", LITELLM_REAL);
        skip();
    }
    fclose(f);
    char *text = csvload_read_file(LITELLM_REAL, &len, &err);
    assert_non_null(text);
    ld_hosting h;
    hosting_init(&h);
    size_t added = 0;
    assert_int_equal(hosting_load_litellm(&h, text, len, LITELLM_REAL, &added, &err), 0);
    print_message("# %zu chat offers with both prices from %s\n", added, LITELLM_REAL);
    assert_true(added > 500);
    const ld_api_offer *o = hosting_offer_find(&h, "gpt-4o");
    assert_non_null(o);
    assert_near(o->input_per_1k, 0.0025, 1e-12);
    assert_near(o->output_per_1k, 0.01, 1e-12);
    for (size_t i = 0; i < h.noffers; i++) {
        assert_true(h.offers[i].input_per_1k > 0);
        assert_true(h.offers[i].output_per_1k > 0);
    }
    hosting_free(&h);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_gpus),
        cmocka_unit_test(test_gpu_lookup_is_tolerant),
        cmocka_unit_test(test_bad_gpus_csv),
        cmocka_unit_test(test_gpu_device_memory),
        cmocka_unit_test(test_shipped_hosting_json),
        cmocka_unit_test(test_malformed_hosting_json),
        cmocka_unit_test(test_litellm_per_token_to_per_1k),
        cmocka_unit_test(test_litellm_real_file),
    };
    return cmocka_run_group_tests_name("hosting", tests, NULL, NULL);
}
