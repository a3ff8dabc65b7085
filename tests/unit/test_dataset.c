/* test_dataset.c - the embedded data set, --data DIR, LLMDECK_DATA, --load. */
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/datacheck.h"
#include "llmdeck/dataset.h"
#include "llmdeck/embed.h"
#include "llmdeck/output.h"
#include "llmdeck/report.h"
#include "llmdeck/score.h"

#include "dataset_fixture.h"

/* ---- the embedded set ---------------------------------------------------- */

static void test_embedded(void **state)
{
    (void)state;
    ld_dataset ds;
    open_embedded(&ds);
    ld_catalog *cat = ds.models;
    assert_non_null(cat);
    assert_true(catalog_rows(cat) >= 120);
    assert_string_equal(ds.dir, "");
    assert_int_equal(ds.kind, LD_DATASET_CURRENT);
    /* the current catalogue: missing metrics are left out, not 0 */
    assert_int_equal(ds.policy, LD_MISSING_SKIP);
    /* metrics.json applied: labels, weights, units, directions */
    const ld_column *gp = catalog_col(cat, (size_t)col(cat, "gpqa_diamond"));
    assert_string_equal(gp->label, "GPQA-D");
    assert_near(gp->weight, 1, 0);
    assert_string_equal(gp->unit, "%");
    assert_true(gp->description[0] != '\0');
    assert_true(gp->flags & LD_COLF_METRIC);
    assert_near(catalog_col(cat, (size_t)col(cat, "arena_win"))->weight, 3, 0);
    assert_near(catalog_col(cat, (size_t)col(cat, "mmlu"))->weight, 0, 0);
    assert_int_equal(catalog_col(cat, (size_t)col(cat, "relative_cost"))->higher_is_better, 0);
    assert_string_equal(catalog_col(cat, (size_t)col(cat, "value_score"))->label, "Value");
    assert_string_equal(catalog_col(cat, (size_t)col(cat, "model"))->label, "Model");
    /* typed columns */
    assert_int_equal(catalog_col(cat, (size_t)col(cat, "context_length"))->type, LD_COL_NUMBER);
    assert_int_equal(catalog_col(cat, (size_t)col(cat, "license"))->type, LD_COL_TEXT);
    /* the derived arena win rate: the Elo formula against GPT-4-0613 (1187 in the shipped snapshot) */
    long g = row_of(cat, "GPT-4");
    assert_near(catalog_num(cat, (size_t)g, (size_t)col(cat, "arena_win")), 50.0, 1e-9);
    /* the number is the formula's, the text the figure shown (one decimal):
     * Gemini 2.5 Pro at 1464 wins 83.125...%, not the 83.1 a rounded cell
     * gave the quality */
    long gem = row_of(cat, "Gemini 2.5 Pro");
    int aw = col(cat, "arena_win");
    assert_near(catalog_num(cat, (size_t)gem, (size_t)aw), 100.0 / (1.0 + pow(10.0, (1187.0 - 1464.0) / 400.0)), 1e-12);
    assert_string_equal(catalog_text(cat, (size_t)gem, (size_t)aw), "83.1");
    /* scored already; a row without any weighted metric has no quality */
    int qc = col(cat, "quality"), kc = col(cat, "coverage");
    size_t none = 0, scored = 0;
    for (size_t r = 0; r < catalog_rows(cat); r++) {
        double q = catalog_num(cat, r, (size_t)qc), k = catalog_num(cat, r, (size_t)kc);
        if (k == 0) {
            assert_true(isnan(q));
            none++;
        } else {
            assert_true(q > 0 && q < 1); /* percentile ranks: never 0 or 1 */
            scored++;
        }
    }
    assert_true(scored > none);
    /* every file comes from the binary */
    size_t len = 0;
    const char *origin = NULL;
    const char *models = dataset_file(&ds, "models.csv", &len, &origin);
    assert_non_null(models);
    assert_string_equal(origin, "embedded");
    assert_true(len > 100);
    assert_int_equal(strncmp(models, "model,", 6), 0);
    size_t elen;
    const char *emb = embed_find("data/models.csv", &elen);
    assert_ptr_equal(emb, models);
    assert_int_equal(elen, len);
    assert_non_null(dataset_file(&ds, "metrics.json", NULL, NULL));
    assert_null(dataset_file(&ds, "nosuch.csv", NULL, NULL));
    assert_null(embed_find("data/nosuch.csv", NULL));
    /* the 2023 article's names are aliases of today's rows */
    assert_int_equal(row_of(cat, "Llama-2-70B"), row_of(cat, "llama-2-70b-chat"));
    assert_int_equal(row_of(cat, "Mixtral-8x7B"), row_of(cat, "Mixtral-8x7B-Instruct"));
    dataset_close(&ds);
}

/* --dataset seed: the article's seven rows exactly, its rule (missing = 0). */
static void test_seed_dataset(void **state)
{
    (void)state;
    ld_dataset ds;
    ld_error err;
    error_clear(&err);
    assert_int_equal(dataset_open_kind(&ds, NULL, LD_DATASET_SEED, NULL, &err), 0);
    assert_int_equal(catalog_rows(ds.models), 7);
    assert_int_equal(ds.policy, LD_MISSING_ZERO);
    long m = row_of(ds.models, "Mistral-7B-Instruct");
    assert_near(catalog_num(ds.models, (size_t)m, (size_t)col(ds.models, "value_score")), 47.6, 1e-6);
    const char *origin = NULL;
    assert_non_null(dataset_file(&ds, "models.csv", NULL, &origin));
    assert_string_equal(origin, "embedded");
    ld_dataset_kind k;
    assert_int_equal(dataset_parse_kind("seed", &k), 0);
    assert_int_equal(k, LD_DATASET_SEED);
    assert_int_equal(dataset_parse_kind("2023", &k), -1);
    assert_string_equal(dataset_kind_name(LD_DATASET_CURRENT), "current");
    dataset_close(&ds);
}

/* ---- --data DIR and LLMDECK_DATA ----------------------------------------- */

static const char *const TINY_MODELS =
    "model,aliases,gpqa_diamond,ifeval,aime25,relative_cost,context_length\n"
    "Tiny-1B,tiny,50,20,30,0.5,2048\n"
    "Small-3B,,60,,,0.25,4096\n";

static void check_tiny(const ld_dataset *ds, const char *dir)
{
    ld_catalog *cat = ds->models;
    assert_int_equal(catalog_rows(cat), 2);
    assert_string_equal(ds->dir, dir);
    assert_int_equal(catalog_find(cat, "Mistral-7B"), -1);
    /* metrics.json still comes from the binary and applies */
    assert_string_equal(catalog_col(cat, (size_t)col(cat, "gpqa_diamond"))->label, "GPQA-D");
    const char *origin = NULL;
    assert_non_null(dataset_file(ds, "models.csv", NULL, &origin));
    assert_non_null(strstr(origin, dir));
    assert_non_null(dataset_file(ds, "metrics.json", NULL, &origin));
    assert_string_equal(origin, "embedded");
    if (dataset_file(ds, "gpus.csv", NULL, &origin)) assert_string_equal(origin, "embedded");
    /* scored with the current catalogue's weights (1 each), its policy (a
     * missing metric is left out) and its percentile scale: on GPQA Tiny's
     * 50 is below Small's 60 (percentiles 1/4 and 3/4); IFEval and AIME
     * 2025, measured on Tiny only, rank nothing and are left out.  Tiny .25
     * / .5, Small .75 / .25. */
    assert_int_equal(ds->policy, LD_MISSING_SKIP);
    assert_true(score_percentile_scale(cat));
    int vc = col(cat, "value_score"), kc = col(cat, "coverage");
    assert_near(catalog_num(cat, 0, (size_t)vc), 0.5, 1e-12);
    assert_near(catalog_num(cat, 1, (size_t)vc), 3, 1e-12);
    assert_near(catalog_num(cat, 0, (size_t)kc), 1, 0);
    assert_near(catalog_num(cat, 1, (size_t)kc), 1, 0);
}

static void test_data_dir_replaces_models_only(void **state)
{
    (void)state;
    const char *dir = make_dir("d1");
    write_text("d1/models.csv", TINY_MODELS);
    ld_dataset ds;
    ld_error err;
    error_clear(&err);
    assert_int_equal(dataset_open(&ds, dir, NULL, &err), 0);
    check_tiny(&ds, dir);
    dataset_close(&ds);
}

/* A metrics.json may derive a column from a loaded one, not from a
 * score: those are computed after (and their cells are not even emptied
 * until then), so such a rule is skipped, as one naming no column is. */
static void test_derive_not_from_scores(void **state)
{
    (void)state;
    const char *dir = make_dir("dv");
    write_text("dv/models.csv", "model,arena_score,gpqa_diamond,relative_cost\nA,1187,50,0.5\nB,1300,,1\n");
    write_text("dv/metrics.json",
               "{\"missing\": \"skip\", \"columns\": {\"gpqa_diamond\": {\"weight\": 1},"
               " \"win\": {\"derive\": {\"kind\": \"elo_win\", \"from\": \"arena_score\", \"reference\": 1187}},"
               " \"quality_win\": {\"derive\": {\"kind\": \"elo_win\", \"from\": \"quality\", \"reference\": 0}}}}");
    ld_dataset ds;
    ld_error err;
    error_clear(&err);
    if (dataset_open(&ds, dir, NULL, &err) != 0) fail_msg("%s:%ld:%ld %s", err.file, err.line, err.col, err.msg);
    ld_catalog *cat = ds.models;
    assert_near(catalog_num(cat, 0, (size_t)col(cat, "win")), 50.0, 1e-9);
    assert_int_equal(catalog_col_index(cat, "quality_win"), -1);
    /* the scores themselves: gpqa 50 -> .5, / cost .5; B has no metric */
    assert_near(catalog_num(cat, 0, (size_t)col(cat, "value_score")), 1.0, 1e-9);
    assert_true(isnan(catalog_num(cat, 1, (size_t)col(cat, "quality"))));
    dataset_close(&ds);
}

/* The as-of date shown beside the data set: the embedded manifest's for the
 * embedded catalogue, none for a --data DIR without a manifest of its own,
 * the DIR's own when it has one. */
static void test_as_of(void **state)
{
    (void)state;
    ld_dataset ds;
    ld_error err;
    char buf[32];
    error_clear(&err);
    assert_int_equal(dataset_open(&ds, NULL, NULL, &err), 0);
    dataset_as_of(&ds, buf, sizeof buf);
    assert_int_equal(strlen(buf), 10); /* YYYY-MM-DD */
    assert_true(buf[4] == '-' && buf[7] == '-');
    dataset_close(&ds);
    const char *dir = make_dir("asof");
    write_text("asof/models.csv", TINY_MODELS);
    assert_int_equal(dataset_open(&ds, dir, NULL, &err), 0);
    assert_string_equal(dataset_as_of(&ds, buf, sizeof buf), "");
    dataset_close(&ds);
    write_text("asof/manifest.json", "{\"files\": {\"models.csv\": {\"as_of\": \"2031-01-02\"}}}");
    assert_int_equal(dataset_open(&ds, dir, NULL, &err), 0);
    assert_string_equal(dataset_as_of(&ds, buf, sizeof buf), "2031-01-02");
    dataset_close(&ds);
}

/* How far the data reaches: the newest month among the open rows only
 * (a newer proprietary row, a month 13, words and an empty cell do not
 * count), the dated snapshots from metrics.json (a malformed date is not
 * one), the sentences built from them, and `data --check`'s warning once
 * the newest open model is more than 12 months old. */
/* A table of hosted rows and one unhosted row, all of one architecture
 * (so the raw estimate is the same for each): hosted row i costs m_i times
 * that raw estimate.  Returns the unhosted row's relative cost over hosted
 * row `pick`'s, and its price_source in why.
 * The table is written to cal/models.csv under the test's directory. */
static double calibrated_over(const char *dir, const double *m, size_t n, size_t pick, char *why, size_t wn,
                              ld_estimate_scale *scale)
{
    char *csv = malloc(8192);
    assert_non_null(csv);
    const char *arch = "8.03,32,4096,14336,32,8,128,128256,no,config";
    size_t o = (size_t)snprintf(csv, 8192, "model,open_weights,relative_cost,cost_basis,params_b,layers,hidden_size,"
                                           "intermediate_size,attention_heads,kv_heads,head_dim,vocab_size,"
                                           "tie_embeddings,arch_source\nUnhosted,yes,,,%s\n", arch);
    /* the hosted prices as multiples of the unhosted row's raw estimate:
     * first open it alone to learn that (k = 1: too few hosted rows) */
    write_text("cal/models.csv", csv);
    ld_dataset ds;
    ld_error err;
    error_clear(&err);
    if (dataset_open(&ds, dir, NULL, &err) != 0) fail_msg("%s", err.msg);
    double raw = catalog_num(ds.models, 0, (size_t)col(ds.models, "relative_cost"));
    dataset_close(&ds);
    assert_true(raw > 0);
    double at_pick = NAN;
    for (size_t i = 0; i < n; i++) {
        o += (size_t)snprintf(csv + o, 8192 - o, "Hosted %zu,yes,%.17g,hosted,%s\n", i, raw * m[i], arch);
        if (i == pick) at_pick = raw * m[i];
    }
    write_text("cal/models.csv", csv);
    free(csv);
    if (dataset_open(&ds, dir, NULL, &err) != 0) fail_msg("%s", err.msg);
    double rel = catalog_num(ds.models, 0, (size_t)col(ds.models, "relative_cost"));
    snprintf(why, wn, "%s", catalog_text(ds.models, 0, (size_t)col(ds.models, "price_source")));
    assert_string_equal(catalog_text(ds.models, 0, (size_t)col(ds.models, "cost_basis")), "estimate");
    *scale = ds.estimates; /* what `llmdeck data` reports */
    dataset_close(&ds);
    return rel / at_pick;
}

/* The self-hosting estimate is put on the providers' scale: times the
 * median of (hosted price / estimate) over the hosted rows, 20 at least;
 * with fewer, it stays raw and says so. */
static void test_estimate_calibrated(void **state)
{
    (void)state;
    const char *dir = make_dir("cal");
    write_text("cal/metrics.json", "{\"columns\": {\"relative_cost\": {\"type\": \"number\"}}, \"selfhost_estimate\": {\"gpu\": \"H100 SXM\", \"quant\": \"fp8\", "
                                   "\"context\": 4096, \"batch\": 32, \"utilization\": 0.5, "
                                   "\"reference_blended_usd_per_1m\": 37.5}}");
    double m[21];
    size_t median = 0;
    for (size_t i = 0; i < 21; i++) { /* 0.05, 0.06, ... 0.25 in a shuffled order; the median 0.15 */
        m[i] = 0.05 + 0.01 * (double)((i * 8) % 21);
        if ((i * 8) % 21 == 10) median = i;
    }
    char why[1024];
    ld_estimate_scale sc;
    assert_near(calibrated_over(dir, m, 21, median, why, sizeof why, &sc), 1, 1e-6);
    assert_near(sc.k, 0.15, 1e-5); /* the raw estimate was read back at 6 digits */
    assert_near(sc.q1, 0.10, 1e-5);
    assert_near(sc.q3, 0.20, 1e-5);
    assert_int_equal(sc.measured, 21);
    assert_int_equal(sc.rows, 1);
    assert_non_null(strstr(why, "× 0.15, the median of hosted price / this estimate over the 21 hosted models"));
    assert_non_null(strstr(why, "(quartiles 0.1-0.2)"));
    /* 19 hosted rows: too few to say what providers charge; the raw estimate */
    assert_near(calibrated_over(dir, m, 19, 0, why, sizeof why, &sc), 1 / m[0], 1e-6);
    assert_near(sc.k, 1, 0);
    assert_int_equal(sc.measured, 19);
    assert_non_null(strstr(why, "not put on the providers' scale: 19 hosted models to compare, 20 needed"));
}

/* The estimate sizes a model at the reference context or its own, the
 * shorter: falcon-180B reads 2,048 tokens and was priced at a batch of
 * 4,096-token sequences it cannot serve. */
static void test_estimate_own_context(void **state)
{
    (void)state;
    const char *dir = make_dir("ctx");
    write_text("ctx/metrics.json", "{\"columns\": {\"relative_cost\": {\"type\": \"number\"}}, \"selfhost_estimate\": "
                                   "{\"gpu\": \"H100 SXM\", \"quant\": \"fp8\", \"context\": 4096, \"batch\": 32, "
                                   "\"utilization\": 0.5, \"reference_blended_usd_per_1m\": 37.5}}");
    const char *arch = "8.03,32,4096,14336,32,8,128,128256,no,config";
    char csv[1024];
    snprintf(csv, sizeof csv, "model,open_weights,context_length,relative_cost,cost_basis,params_b,layers,hidden_size,"
                              "intermediate_size,attention_heads,kv_heads,head_dim,vocab_size,tie_embeddings,arch_source\n"
                              "Short,yes,2048,,,%s\nLong,yes,131072,,,%s\n", arch, arch);
    write_text("ctx/models.csv", csv);
    ld_dataset ds;
    ld_error err;
    error_clear(&err);
    if (dataset_open(&ds, dir, NULL, &err) != 0) fail_msg("%s", err.msg);
    int ps = col(ds.models, "price_source"), rc = col(ds.models, "relative_cost");
    assert_non_null(strstr(catalog_text(ds.models, 0, (size_t)ps), "batch 32 at 2048 tokens"));
    assert_non_null(strstr(catalog_text(ds.models, 1, (size_t)ps), "batch 32 at 4096 tokens"));
    /* half the KV cache a step: cheaper a token than the same weights at 4,096 */
    assert_true(catalog_num(ds.models, 0, (size_t)rc) < catalog_num(ds.models, 1, (size_t)rc));
    dataset_close(&ds);
}

static void test_horizon(void **state)
{
    (void)state;
    const char *dir = make_dir("hz");
    write_text("hz/models.csv", "model,open_weights,release\n"
                                "Old,yes,2024-05\n"
                                "Closed,no,2026-01\n"
                                "Bad month,yes,2025-13\n"
                                "Words,yes,spring\n"
                                "Undated,yes,\n"
                                "Newest,yes,2025-02\n"
                                "Same month,yes,2025-02\n");
    write_text("hz/metrics.json", "{\"columns\": {\"arena_score\": {\"as_of\": \"2025-12-11\"},"
                                  " \"hosted_in_per_1m\": {\"as_of\": \"July\"}}}");
    ld_dataset ds;
    ld_error err;
    error_clear(&err);
    if (dataset_open(&ds, dir, NULL, &err) != 0) fail_msg("%s:%ld:%ld %s", err.file, err.line, err.col, err.msg);
    ld_data_horizon h;
    dataset_horizon(&ds, &h);
    assert_int_equal(h.open_rows, 6);
    assert_int_equal(h.dated_rows, 3);
    assert_string_equal(h.newest_release, "2025-02");
    assert_string_equal(h.newest_model, "Newest"); /* the first of its month */
    assert_string_equal(h.arena_as_of, "2025-12-11");
    assert_string_equal(h.prices_as_of, "");
    char buf[400];
    assert_string_equal(dataset_horizon_text(&h, buf, sizeof buf),
                        "open models released up to 2025-02, Arena scores of 2025-12-11");
    assert_string_equal(report_horizon_sentence(&h, buf, sizeof buf),
                        "open models released up to 2025-02, Arena scores of 2025-12-11; a model released since is "
                        "not among the candidates");
    assert_string_equal(report_horizon_sentence(NULL, buf, sizeof buf), "");
    const char *today[] = {"2026-02-28", "2026-03-01"}; /* 12 months after 2025-02, then 13 */
    for (int i = 0; i < 2; i++) {
        ld_check_report rep;
        assert_int_equal(datacheck_run(&ds, today[i], &rep), 0);
        size_t said = 0;
        for (size_t k = 0; k < rep.n; k++)
            said += strstr(rep.v[k].msg, "the newest open model (Newest) was released 2025-02") != NULL;
        assert_int_equal(said, (size_t)i);
        datacheck_free(&rep);
    }
    dataset_close(&ds);

    /* an arena snapshot: the open rows of its month or later without a
     * score are counted (they rank after the scored ones); an earlier
     * unscored row, a scored one and a closed one are not */
    write_text("hz/models.csv", "model,open_weights,release,arena_score\n"
                                "Scored late,yes,2025-12,1400\n"
                                "Same month,yes,2025-12,\n"
                                "Later,yes,2026-02,\n"
                                "Earlier,yes,2025-11,\n"
                                "Closed later,no,2026-03,\n");
    write_text("hz/metrics.json", "{\"columns\": {\"arena_score\": {\"as_of\": \"2025-12-11\"}}}");
    assert_int_equal(dataset_open(&ds, dir, NULL, &err), 0);
    dataset_horizon(&ds, &h);
    assert_int_equal(h.unscored_since, 2);
    assert_string_equal(dataset_horizon_text(&h, buf, sizeof buf),
                        "open models released up to 2026-02, Arena scores of 2025-12-11 (2 open models released "
                        "from 2025-12 on have none)");
    dataset_close(&ds);
    write_text("hz/models.csv", "model,open_weights,release,arena_score\nLater,yes,2026-02,\n");
    assert_int_equal(dataset_open(&ds, dir, NULL, &err), 0);
    dataset_horizon(&ds, &h);
    assert_string_equal(dataset_horizon_text(&h, buf, sizeof buf),
                        "open models released up to 2026-02, Arena scores of 2025-12-11 (1 open model released "
                        "from 2025-12 on has none)");
    dataset_close(&ds);

    /* no release column and no dates: nothing to say */
    write_text("hz/models.csv", "model,mmlu\nA,50\n");
    write_text("hz/metrics.json", "{\"columns\": {}}");
    assert_int_equal(dataset_open(&ds, dir, NULL, &err), 0);
    dataset_horizon(&ds, &h);
    assert_int_equal(h.open_rows, 1); /* no open_weights column: every row */
    assert_string_equal(dataset_horizon_text(&h, buf, sizeof buf), "");
    assert_string_equal(report_horizon_sentence(&h, buf, sizeof buf), "");
    dataset_close(&ds);
}

static void test_env_data_dir(void **state)
{
    (void)state;
    const char *dir = make_dir("d2");
    write_text("d2/models.csv", TINY_MODELS);
    setenv("LLMDECK_DATA", dir, 1);
    ld_dataset ds;
    ld_error err;
    error_clear(&err);
    assert_int_equal(dataset_open(&ds, NULL, NULL, &err), 0);
    check_tiny(&ds, dir);
    dataset_close(&ds);
    /* --data wins over the environment */
    const char *dir2 = make_dir("d3");
    write_text("d3/models.csv", "model,mmlu\nOnly,1\n");
    error_clear(&err);
    assert_int_equal(dataset_open(&ds, dir2, NULL, &err), 0);
    assert_int_equal(catalog_rows(ds.models), 1);
    dataset_close(&ds);
    unsetenv("LLMDECK_DATA");
    /* an empty LLMDECK_DATA means the embedded set */
    setenv("LLMDECK_DATA", "", 1);
    open_embedded(&ds);
    assert_true(catalog_rows(ds.models) >= 10);
    dataset_close(&ds);
    unsetenv("LLMDECK_DATA");
}

static void test_data_not_a_directory(void **state)
{
    (void)state;
    const char *file = write_text("plain.txt", "hello\n");
    ld_dataset ds;
    ld_error err;
    error_clear(&err);
    assert_int_not_equal(dataset_open(&ds, file, NULL, &err), 0);
    assert_int_equal(err.code, LD_ERR_USAGE);
    assert_string_equal(err.file, "--data");
    assert_non_null(strstr(err.msg, file));
    dataset_close(&ds);
    error_clear(&err);
    assert_int_not_equal(dataset_open(&ds, "/nonexistent/llmdeck/data", NULL, &err), 0);
    assert_int_equal(err.code, LD_ERR_USAGE);
    assert_string_equal(err.file, "--data");
    dataset_close(&ds);
    /* the same through the environment */
    setenv("LLMDECK_DATA", file, 1);
    error_clear(&err);
    assert_int_not_equal(dataset_open(&ds, NULL, NULL, &err), 0);
    assert_int_equal(err.code, LD_ERR_USAGE);
    dataset_close(&ds);
    unsetenv("LLMDECK_DATA");
}

static void test_data_dir_bad_files(void **state)
{
    (void)state;
    ld_dataset ds;
    ld_error err;
    /* a word in a number column metrics.json declares (mmlu) */
    const char *dir = make_dir("bad1");
    write_text("bad1/models.csv", "model,mmlu\nA,70\nB,seventy\n");
    error_clear(&err);
    assert_int_not_equal(dataset_open(&ds, dir, NULL, &err), 0);
    assert_int_equal(err.code, LD_ERR_PARSE);
    assert_non_null(strstr(err.file, "bad1/models.csv"));
    assert_int_equal(err.line, 3);
    assert_int_equal(err.col, 3);
    dataset_close(&ds);
    /* invalid metrics.json: its line and column */
    dir = make_dir("bad2");
    write_text("bad2/models.csv", TINY_MODELS);
    write_text("bad2/metrics.json", "{\n  \"columns\": {\n    \"mmlu\": {\"label\": \"MMLU\",}\n  }\n}\n");
    error_clear(&err);
    assert_int_not_equal(dataset_open(&ds, dir, NULL, &err), 0);
    assert_int_equal(err.code, LD_ERR_PARSE);
    assert_non_null(strstr(err.file, "bad2/metrics.json"));
    assert_int_equal(err.line, 3);
    assert_true(err.col >= 1); /* exact column: test_json_error_columns */
    dataset_close(&ds);
    /* wrong types in metrics.json */
    dir = make_dir("bad3");
    write_text("bad3/models.csv", TINY_MODELS);
    write_text("bad3/metrics.json", "{\"columns\": {\"gpqa_diamond\": {\"weight\": \"heavy\"}}}");
    error_clear(&err);
    assert_int_not_equal(dataset_open(&ds, dir, NULL, &err), 0);
    assert_int_equal(err.code, LD_ERR_PARSE);
    assert_non_null(strstr(err.file, "bad3/metrics.json"));
    assert_non_null(strstr(err.msg, "gpqa_diamond"));
    dataset_close(&ds);
    dir = make_dir("bad4");
    write_text("bad4/models.csv", TINY_MODELS);
    write_text("bad4/metrics.json", "[1, 2, 3]");
    error_clear(&err);
    assert_int_not_equal(dataset_open(&ds, dir, NULL, &err), 0);
    assert_int_equal(err.code, LD_ERR_PARSE);
    dataset_close(&ds);
    /* an empty models.csv */
    dir = make_dir("bad5");
    write_text("bad5/models.csv", "");
    error_clear(&err);
    assert_int_not_equal(dataset_open(&ds, dir, NULL, &err), 0);
    assert_int_equal(err.code, LD_ERR_PARSE);
    assert_non_null(strstr(err.file, "bad5/models.csv"));
    dataset_close(&ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_embedded),
        cmocka_unit_test(test_seed_dataset),
        cmocka_unit_test(test_data_dir_replaces_models_only),
        cmocka_unit_test(test_env_data_dir),
        cmocka_unit_test(test_as_of),
        cmocka_unit_test(test_horizon),
        cmocka_unit_test(test_estimate_calibrated),
        cmocka_unit_test(test_estimate_own_context),
        cmocka_unit_test(test_derive_not_from_scores),
        cmocka_unit_test(test_data_not_a_directory),
        cmocka_unit_test(test_data_dir_bad_files),
    };
    if (getenv("LD_TEST_FILTER")) cmocka_set_test_filter(getenv("LD_TEST_FILTER"));
    return cmocka_run_group_tests(tests, setup, teardown);
}
