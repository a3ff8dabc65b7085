/* test_arch_params.c - parameter counts and what a token reads: the
 * catalogue's counts recomputed from its own architecture columns, an
 * unpublished active count computed (or refused), parameters a token never
 * reads, and a cached price read from the data. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "arch_fixture.h"

#include "llmdeck/csvload.h"
#include "llmdeck/sizing.h"

/* Gemma 4 E4B holds 7.9B parameters but a text token reads 4.625B: its
 * per-layer embeddings are looked up a row a token and its encoders serve
 * images and audio.  Memory counts all, the decode what is read. */
static void test_unread_parameters(void **state)
{
    (void)state;
    ld_sizing_input in = {0};
    in.arch = arch_of("gemma-4-E4B-it");
    assert_near(in.arch.unread_params_b, 3.275, 1e-12);
    in.context = 4096;
    in.quant = "fp8";
    in.gpu = hosting_gpu_find(&gpus, "H100 SXM");
    ld_sizing s, all;
    ld_error err;
    assert_int_equal(sizing_compute(&in, &s, &err), 0);
    /* fp8, the embedding table (tied) in 16 bits: read with the rest */
    double e = s.embed16_params_b;
    assert_true(e > 0.5 && e < 1);
    assert_near(s.weights_gb, 7.9 + e, 1e-9);
    double kv = s.kv_read_gb;
    assert_near(s.tokens_per_s_ceiling, 3350.0 / (4.625 + e + kv), 1e-6);
    in.arch.unread_params_b = 0; /* as before: every parameter read a token */
    assert_int_equal(sizing_compute(&in, &all, &err), 0);
    assert_near(all.weights_gb, 7.9 + e, 1e-9);
    assert_near(all.tokens_per_s_ceiling, 3350.0 / (7.9 + e + kv), 1e-6);
    in.arch.unread_params_b = 9; /* more than it has: ignored (the data check refuses it) */
    assert_int_equal(sizing_compute(&in, &s, &err), 0);
    assert_near(s.tokens_per_s_ceiling, all.tokens_per_s_ceiling, 1e-9);
}

/* LiteLLM's cache-read price for one API, carried into the catalogue. */
static void test_cached_price(void **state)
{
    (void)state;
    long r = catalog_find(ds.models, "GPT-4o");
    assert_true(r >= 0);
    int c = catalog_col_index(ds.models, "cached_in_per_1m");
    assert_true(c >= 0);
    assert_near(catalog_num(ds.models, (size_t)r, (size_t)c), 1.25, 1e-12); /* gpt-4o: 1.25e-6 a token */
}

/* Every shipped open row: the KV cache can be computed, and the parameter
 * count recomputed from the architecture is within 3% of params_b (rows
 * whose layers the formula cannot describe say why, in arch_note). */
static void test_catalogue_architectures(void **state)
{
    (void)state;
    int ow = catalog_col_index(ds.models, "open_weights"), pc = catalog_col_index(ds.models, "param_check");
    size_t open = 0, checked = 0;
    for (size_t r = 0; r < catalog_rows(ds.models); r++) {
        if (strcmp(catalog_text(ds.models, r, (size_t)ow), "yes") != 0) continue;
        open++;
        const char *name = catalog_text(ds.models, r, 0);
        ld_model_arch a;
        ld_error err;
        if (arch_from_catalog(ds.models, r, &a, &err) != 0) fail_msg("%s: %s", name, err.msg);
        if (!arch_kv_known(&a)) fail_msg("%s: KV unknown", name);
        if (!strcmp(catalog_text(ds.models, r, (size_t)pc), "no")) continue;
        double total, active;
        if (arch_param_count(&a, &total, &active) != 0) fail_msg("%s: cannot recompute", name);
        if (fabs(total - a.params_b) / a.params_b > 0.03)
            fail_msg("%s: %.4gB published, %.4gB from the architecture", name, a.params_b, total);
        checked++;
    }
    assert_true(open >= 120);
    assert_true(checked >= 110);
}

/* An unpublished active count of a mixture of experts comes from its
 * architecture.  DeepSeek-V3.2-Exp is V3.1-Terminus (37B active, published)
 * plus a 0.85B indexer; before, its empty active_params_b counted all 672B
 * and the cost view sized it at 1,946 prefill and 563 decode tokens/s
 * against Terminus's 35,335 and 1,341 (two replicas where Terminus needs
 * one).  The same formula gives Terminus 37.55B; V3.2-Exp 37.55 + 0.85. */
static void test_unpublished_active_from_architecture(void **state)
{
    (void)state;
    ld_model_arch exp = arch_of("DeepSeek-V3.2-Exp"), term = arch_of("DeepSeek-V3.1-Terminus");
    assert_int_equal(exp.active_source, LD_ACTIVE_COMPUTED);
    assert_int_equal(term.active_source, LD_ACTIVE_GIVEN);
    double total, active;
    assert_int_equal(arch_param_count(&term, &total, &active), 0);
    assert_near(exp.active_params_b, active + exp.extra_params_b, 0.01);
    assert_true(exp.active_params_b > 37 && exp.active_params_b < 39);
    char why[256];
    arch_active_describe(&exp, why, sizeof why);
    assert_string_equal(why, "not published; sizing uses 38.4B computed from the architecture "
                             "(8 of 256 experts a token, its total 671.9B)");
    arch_active_describe(&term, why, sizeof why);
    assert_string_equal(why, ""); /* published: the cell says it */
    ld_model_arch dense = arch_of("gemma-3-27b-it");
    arch_active_describe(&dense, why, sizeof why);
    assert_string_equal(why, "all (dense: no experts in its architecture)");

    /* the same architecture sizes alike: within the indexer's 2% */
    const ld_gpu *g = hosting_gpu_find(&gpus, "H200");
    assert_non_null(g);
    ld_sizing se, st;
    ld_sizing_input in = {.quant = "int4", .context = 4096, .batch = 16, .gpu = g};
    ld_error err;
    error_clear(&err);
    in.arch = exp;
    assert_int_equal(sizing_compute(&in, &se, &err), 0);
    in.arch = term;
    assert_int_equal(sizing_compute(&in, &st, &err), 0);
    assert_true(se.throughput_tokens_per_s > 0.95 * st.throughput_tokens_per_s);
    assert_true(se.tokens_per_s_ceiling > 0.95 * st.tokens_per_s_ceiling);
}

/* A mixture of experts whose architecture does not reproduce its total
 * keeps all its parameters as active, and says the speeds are lower
 * bounds; a catalogue without the architecture is not called dense. */
static void test_active_not_computable(void **state)
{
    (void)state;
    static const char csv[] =
        "model,params_b,active_params_b,layers,hidden_size,attention_heads,kv_heads,head_dim,vocab_size,"
        "intermediate_size,experts,experts_active,moe_intermediate_size\n"
        "moe-off,100,,32,4096,32,8,128,32000,,8,2,14336\n"
        "moe-given,46.7,12.9,32,4096,32,8,128,32000,,8,2,14336\n"
        "no-arch,7,,,,,,,,,,,\n";
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_buffer(csv, sizeof csv - 1, "t.csv", NULL, &err);
    assert_non_null(cat);
    ld_model_arch a;
    char why[256];
    assert_int_equal(arch_from_catalog(cat, 0, &a, &err), 0); /* Mixtral's shape: 46.7B, not 100 */
    assert_int_equal(a.active_source, LD_ACTIVE_ALL_ASSUMED);
    assert_near(a.active_params_b, 100, 0);
    arch_active_describe(&a, why, sizeof why);
    assert_string_equal(why, "not published and not computable here; sizing counts all 100B, so its "
                             "speeds are lower bounds");
    assert_int_equal(arch_from_catalog(cat, 1, &a, &err), 0);
    assert_int_equal(a.active_source, LD_ACTIVE_GIVEN);
    assert_near(a.active_params_b, 12.9, 1e-12);
    assert_int_equal(arch_from_catalog(cat, 2, &a, &err), 0);
    arch_active_describe(&a, why, sizeof why);
    assert_string_equal(why, ""); /* nothing known: the detail says n/a */
    catalog_free(cat);
}

/* A published active count without the input embedding table (OpenAI's
 * gpt-oss-120b: 5.1B = experts + attention + output layer) is counted
 * with it, as Mixtral's 12.9B is, so the table is skipped once, not
 * twice: the same reads as a row publishing 5.1B + the table.  A count
 * the architecture matches with the table (Mixtral) is left as it is. */
static void test_active_count_without_input_table(void **state)
{
    (void)state;
    ld_sizing_input in = {.quant = "bf16", .expert_quant = "mxfp4", .context = 8192};
    in.gpu = hosting_gpu_find(&gpus, "H100 SXM");
    in.arch = arch_of("gpt-oss-120b");
    assert_near(in.arch.active_params_b, 5.1, 1e-12);
    ld_sizing s, t;
    ld_error err;
    assert_int_equal(sizing_compute(&in, &s, &err), 0);
    assert_non_null(strstr(s.basis, "the published 5.1B leaves the input embedding table out"));
    double table = (double)in.arch.vocab_size * (double)in.arch.hidden_size / 1e9; /* untied: the input one */
    in.arch.active_params_b = 5.1 + table; /* as if published with it: nothing to add */
    assert_int_equal(sizing_compute(&in, &t, &err), 0);
    assert_null(strstr(t.basis, "leaves the input embedding table out"));
    assert_near(s.tokens_per_s_ceiling, t.tokens_per_s_ceiling, 1e-9);
    /* its reads: 3.58B experts at 4.25 bits + the rest of 5.1B at 16 bits, about 4.94 GB (3.78 before) */
    double kv = s.kv_read_gb, read = 3350.0 / s.tokens_per_s_ceiling - kv;
    assert_true(read > 4.9 && read < 5.0);
    ld_sizing_input m = {.quant = "bf16", .context = 8192, .gpu = in.gpu};
    m.arch = arch_of("Mixtral-8x7B-Instruct-v0.1");
    assert_int_equal(sizing_compute(&m, &s, &err), 0);
    assert_null(strstr(s.basis, "leaves the input embedding table out"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unread_parameters),
        cmocka_unit_test(test_cached_price),
        cmocka_unit_test(test_catalogue_architectures),
        cmocka_unit_test(test_unpublished_active_from_architecture),
        cmocka_unit_test(test_active_not_computable),
        cmocka_unit_test(test_active_count_without_input_table),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
