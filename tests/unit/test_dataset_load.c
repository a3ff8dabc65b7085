/* test_dataset_load.c - --load FILE: CSV merges by name or alias, LiteLLM
 * JSON kept for the cost view, errors; FILE... opening files instead of the
 * catalogue. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/dataset.h"
#include "llmdeck/embed.h"
#include "llmdeck/output.h"
#include "llmdeck/score.h"

#include "dataset_fixture.h"

static const char *const TINY_MODELS =
    "model,aliases,mmlu,humaneval,gsm8k,relative_cost,context_length\n"
    "Tiny-1B,tiny,50,20,30,0.5,2048\n"
    "Small-3B,,60,,,0.25,4096\n";

/* ---- --load FILE ----------------------------------------------------------- */

/* The value score by DESIGN.md's formula, from the catalogue's cells. */
static double ref_value(const ld_catalog *cat, size_t row, const char *const *ids, const double *w, size_t n)
{
    double s = 0, ws = 0;
    for (size_t i = 0; i < n; i++) {
        double m = catalog_num(cat, row, (size_t)col(cat, ids[i]));
        s += w[i] * (isnan(m) ? 0 : m) / 100;
        ws += w[i];
    }
    double cost = catalog_num(cat, row, (size_t)col(cat, "relative_cost"));
    return cost > 0 ? s / ws / cost : NAN;
}

static void test_load_csv_merges_by_alias(void **state)
{
    (void)state;
    const char *path = write_text("support.csv", "model,support_eval\nMixtral-8x7B-Instruct,81.5\nNewModel,70\n");
    ld_dataset ds;
    open_fixture_catalog(&ds);
    ld_catalog *cat = ds.models;
    size_t rows = catalog_rows(cat);
    long mx = row_of(cat, "Mixtral-8x7B");
    ld_error err;
    error_clear(&err);
    assert_int_equal(dataset_load(&ds, path, NULL, &err), 0);
    assert_int_equal(ds.nloads, 1);
    assert_int_equal(ds.loads[0].kind, LD_LOAD_CSV);
    assert_int_equal(ds.loads[0].rows, 2);
    assert_int_equal(ds.loads[0].merged, 1);
    assert_string_equal(ds.loads[0].path, path);
    assert_int_equal(catalog_rows(cat), rows + 1);
    int se = col(cat, "support_eval");
    assert_int_equal(catalog_col(cat, (size_t)se)->type, LD_COL_NUMBER);
    assert_near(catalog_num(cat, (size_t)mx, (size_t)se), 81.5, 0);
    assert_string_equal(catalog_text(cat, (size_t)mx, catalog_key_col(cat)), "Mixtral-8x7B");
    long nm = row_of(cat, "newmodel");
    assert_int_equal(nm, (long)rows);
    assert_near(catalog_num(cat, (size_t)nm, (size_t)se), 70, 0);
    /* the new column has weight 0: the seed's scores are unchanged */
    assert_near(catalog_col(cat, (size_t)se)->weight, 0, 0);
    int vc = col(cat, "value_score");
    assert_near(catalog_num(cat, (size_t)mx, (size_t)vc), 14.266667, 1e-6);
    /* other columns of Mixtral untouched */
    assert_near(catalog_num(cat, (size_t)mx, (size_t)col(cat, "mmlu")), 70.6, 0);
    /* weighting it changes the value scores */
    assert_int_equal(score_parse_weights(cat, "support_eval=1", "--weights", &err), 0);
    score_update(cat, LD_MISSING_ZERO);
    static const char *const ids[] = {"mmlu", "humaneval", "gsm8k", "support_eval"};
    static const double w[] = {1, 1, 1, 1};
    /* (.706 + .402 + .604 + .815) / 4 / .04 */
    assert_near(catalog_num(cat, (size_t)mx, (size_t)vc), 15.79375, 1e-9);
    for (size_t r = 0; r < catalog_rows(cat); r++) {
        double want = ref_value(cat, r, ids, w, 4), got = catalog_num(cat, r, (size_t)vc);
        if (!((isnan(want) && isnan(got)) || fabs(want - got) <= 1e-9))
            fail_msg("row %zu: value %.9g, expected %.9g", r, got, want);
    }
    long ms = row_of(cat, "Mistral-7B");
    assert_near(catalog_num(cat, (size_t)ms, (size_t)vc), 47.6 * 3 / 4, 1e-6);
    dataset_close(&ds);
}

/* A word in a column the catalogue declares numeric: the error points at the
 * loaded file's own line, not at the catalogue's row number. */
static void test_load_csv_word_in_number_column(void **state)
{
    (void)state;
    const char *path = write_text("badload.csv", "model,mmlu\nNewOne,55\nMixtral-8x7B,high\n");
    ld_dataset ds;
    open_fixture_catalog(&ds);
    ld_error err;
    error_clear(&err);
    int rc = dataset_load(&ds, path, NULL, &err);
    if (rc == 0) {
        /* accepted: then the word did not replace the number */
        long mx = row_of(ds.models, "Mixtral-8x7B");
        double v = catalog_num(ds.models, (size_t)mx, (size_t)col(ds.models, "mmlu"));
        dataset_close(&ds);
        fail_msg("a word in mmlu was accepted (Mixtral mmlu now %g)", v);
    }
    dataset_close(&ds);
    assert_int_equal(err.code, LD_ERR_PARSE);
    assert_string_equal(err.file, path);
    if (err.line != 3) fail_msg("error at line %ld (%s), expected line 3 of %s", err.line, err.msg, path);
}

static void test_load_litellm(void **state)
{
    (void)state;
    const char *json =
        "{\n"
        "  \"sample_spec\": {\"input_cost_per_token\": 0.0, \"litellm_provider\": \"doc\"},\n"
        "  \"gpt-x\": {\"input_cost_per_token\": 1e-06, \"output_cost_per_token\": 2e-06,\n"
        "            \"max_input_tokens\": 128000, \"litellm_provider\": \"openai\", \"mode\": \"chat\"},\n"
        "  \"embed-y\": {\"input_cost_per_token\": 1e-07, \"litellm_provider\": \"x\", \"mode\": \"embedding\"}\n"
        "}\n";
    const char *path = write_text("prices.json", json);
    ld_dataset ds;
    open_fixture_catalog(&ds);
    size_t rows = catalog_rows(ds.models), cols = catalog_cols(ds.models);
    ld_error err;
    error_clear(&err);
    assert_int_equal(dataset_load(&ds, path, NULL, &err), 0);
    assert_int_equal(ds.nloads, 1);
    assert_int_equal(ds.loads[0].kind, LD_LOAD_LITELLM);
    assert_int_equal(ds.loads[0].rows, 3);
    assert_non_null(ds.loads[0].text);
    assert_int_equal(ds.loads[0].len, strlen(json));
    assert_memory_equal(ds.loads[0].text, json, strlen(json));
    /* the catalogue is not touched */
    assert_int_equal(catalog_rows(ds.models), rows);
    assert_int_equal(catalog_cols(ds.models), cols);
    /* leading blanks before the JSON are fine */
    const char *p2 = write_text("prices2.json", "\n\t {\"m\": {\"litellm_provider\": \"p\"}}");
    error_clear(&err);
    assert_int_equal(dataset_load(&ds, p2, NULL, &err), 0);
    assert_int_equal(ds.loads[1].kind, LD_LOAD_LITELLM);
    dataset_close(&ds);
}

/* A UTF-8 BOM (Windows editors add one) must not turn the JSON into a CSV. */
static void test_load_litellm_with_bom(void **state)
{
    (void)state;
    const char *path = write_text("bom.json", "\xEF\xBB\xBF{\"m\": {\"input_cost_per_token\": 1e-06, \"litellm_provider\": \"p\"}}\n");
    ld_dataset ds;
    open_fixture_catalog(&ds);
    size_t rows = catalog_rows(ds.models);
    ld_error err;
    error_clear(&err);
    int rc = dataset_load(&ds, path, NULL, &err);
    if (rc != 0) {
        dataset_close(&ds);
        fail_msg("a LiteLLM file with a BOM was refused: %s:%ld:%ld: %s", err.file, err.line, err.col, err.msg);
    }
    assert_int_equal(ds.loads[0].kind, LD_LOAD_LITELLM);
    assert_int_equal(catalog_rows(ds.models), rows);
    dataset_close(&ds);
}

static void test_load_json_errors(void **state)
{
    (void)state;
    ld_dataset ds;
    open_fixture_catalog(&ds);
    size_t rows = catalog_rows(ds.models);
    ld_error err;
    static const char *const other_shapes[] = {
        "[1, 2, 3]", "{\"a\": 1}", "{\"a\": {\"b\": 2}}", "[]", "{}", "{\"x\": [\"input_cost_per_token\"]}",
    };
    for (size_t i = 0; i < sizeof other_shapes / sizeof other_shapes[0]; i++) {
        char rel[32];
        snprintf(rel, sizeof rel, "shape%zu.json", i);
        const char *path = write_text(rel, other_shapes[i]);
        error_clear(&err);
        if (dataset_load(&ds, path, NULL, &err) == 0) fail_msg("%s accepted as a --load file", other_shapes[i]);
        assert_int_equal(err.code, LD_ERR_PARSE);
        assert_string_equal(err.file, path);
        assert_true(err.msg[0] != '\0');
    }
    /* invalid JSON: line and column of the fault */
    const char *bad = write_text("bad.json", "{\n  \"a\": {\"input_cost_per_token\": 1},\n  oops\n}\n");
    error_clear(&err);
    assert_int_not_equal(dataset_load(&ds, bad, NULL, &err), 0);
    assert_int_equal(err.code, LD_ERR_PARSE);
    assert_string_equal(err.file, bad);
    assert_int_equal(err.line, 3);
    assert_true(err.col >= 1); /* exact column: test_json_error_columns */
    /* truncated JSON */
    const char *trunc = write_text("trunc.json", "{\"a\": {\"litellm_provider\": \"x\"");
    error_clear(&err);
    assert_int_not_equal(dataset_load(&ds, trunc, NULL, &err), 0);
    assert_int_equal(err.code, LD_ERR_PARSE);
    assert_int_equal(err.line, 1);
    assert_true(err.col >= 1);
    /* deeply nested: refused, not a crash */
    size_t depth = 100000;
    char *deep = malloc(2 * depth + 1);
    memset(deep, '[', depth);
    memset(deep + depth, ']', depth);
    const char *dp = write_file("deep.json", deep, 2 * depth);
    free(deep);
    error_clear(&err);
    assert_int_not_equal(dataset_load(&ds, dp, NULL, &err), 0);
    assert_int_equal(err.code, LD_ERR_PARSE);
    assert_string_equal(err.file, dp);
    /* nothing was loaded */
    assert_int_equal(ds.nloads, 0);
    assert_int_equal(catalog_rows(ds.models), rows);
    dataset_close(&ds);
}

/* The column of a JSON syntax error is the offending character's.  (cJSON's
 * error pointer is one past it when an object key is not a string.) */
static void test_json_error_columns(void **state)
{
    (void)state;
    ld_dataset ds;
    open_fixture_catalog(&ds);
    ld_error err;
    struct { const char *text; long line, col; } cases[] = {
        {"{\n  \"a\": {\"input_cost_per_token\": 1},\n  oops\n}\n", 3, 3},   /* the bare word */
        {"{\"a\": {\"litellm_provider\": \"x\",}}", 1, 32},                 /* the '}' after a ',' */
        {"[1,2,,3]", 1, 6},                                                    /* the second ',' */
    };
    char report[1024] = "";
    size_t o = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char rel[32];
        snprintf(rel, sizeof rel, "col%zu.json", i);
        const char *path = write_text(rel, cases[i].text);
        error_clear(&err);
        assert_int_not_equal(dataset_load(&ds, path, NULL, &err), 0);
        assert_int_equal(err.code, LD_ERR_PARSE);
        if (err.line != cases[i].line || err.col != cases[i].col)
            o += (size_t)snprintf(report + o, sizeof report - o, "\n  %s: reported %ld:%ld, expected %ld:%ld",
                                  rel, err.line, err.col, cases[i].line, cases[i].col);
    }
    dataset_close(&ds);
    /* metrics.json through --data */
    const char *dir = make_dir("colm");
    write_text("colm/models.csv", TINY_MODELS);
    write_text("colm/metrics.json", "{\n  \"columns\": {\n    \"mmlu\": {\"label\": \"MMLU\",}\n  }\n}\n");
    error_clear(&err);
    assert_int_not_equal(dataset_open(&ds, dir, NULL, &err), 0);
    if (err.line != 3 || err.col != 30)
        o += (size_t)snprintf(report + o, sizeof report - o, "\n  metrics.json: reported %ld:%ld, expected 3:30",
                              err.line, err.col);
    dataset_close(&ds);
    if (o) fail_msg("JSON error positions:%s", report);
}

static void test_load_other_errors(void **state)
{
    (void)state;
    ld_dataset ds;
    open_fixture_catalog(&ds);
    ld_error err;
    error_clear(&err);
    assert_int_not_equal(dataset_load(&ds, "/nonexistent/file.csv", NULL, &err), 0);
    assert_int_equal(err.code, LD_ERR_IO);
    assert_string_equal(err.file, "/nonexistent/file.csv");
    const char *empty = write_text("empty.csv", "");
    error_clear(&err);
    assert_int_not_equal(dataset_load(&ds, empty, NULL, &err), 0);
    assert_int_equal(err.code, LD_ERR_PARSE);
    assert_string_equal(err.file, empty);
    const char *unterminated = write_text("unterm.csv", "model,x\nA,\"oops\n");
    error_clear(&err);
    assert_int_not_equal(dataset_load(&ds, unterminated, NULL, &err), 0);
    assert_int_equal(err.code, LD_ERR_PARSE);
    assert_string_equal(err.file, unterminated);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.col, 3);
    /* at most LD_MAX_LOADS files */
    const char *ok = write_text("ok.csv", "model,extra_metric\nMistral-7B,1\n");
    for (int i = 0; i < LD_MAX_LOADS; i++) {
        error_clear(&err);
        assert_int_equal(dataset_load(&ds, ok, NULL, &err), 0);
    }
    error_clear(&err);
    assert_int_not_equal(dataset_load(&ds, ok, NULL, &err), 0);
    assert_int_equal(err.code, LD_ERR_USAGE);
    assert_string_equal(err.file, "--load");
    dataset_close(&ds);
}

/* --load DIR: a clear error naming it (I/O or bad input), not "out of
 * memory" and not a crash.  In a child, so an abort is a failure here. */
static void test_load_directory(void **state)
{
    (void)state;
    const char *dir = make_dir("adir");
    ld_dataset ds;
    open_fixture_catalog(&ds);
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        child_default_signals();
        ld_error err;
        error_clear(&err);
        int rc = dataset_load(&ds, dir, NULL, &err);
        if (rc == 0) _exit(50);
        if (strcmp(err.file, dir) != 0) _exit(51);
        _exit(err.code == LD_ERR_IO || err.code == LD_ERR_PARSE || err.code == LD_ERR_USAGE ? 0 : 20 + (int)err.code);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    dataset_close(&ds);
    if (WIFSIGNALED(status)) fail_msg("dataset_load(<a directory>) crashed with signal %d", WTERMSIG(status));
    int code = WEXITSTATUS(status);
    if (code == 50) fail_msg("dataset_load(<a directory>) succeeded");
    if (code == 51) fail_msg("dataset_load(<a directory>): the error does not name the directory");
    if (code == 20 + LD_ERR_NOMEM) fail_msg("dataset_load(<a directory>) reports LD_ERR_NOMEM (\"out of memory\")");
    if (code != 0) fail_msg("dataset_load(<a directory>): child exited with %d (aborted, or error code %d)", code, code - 20);
}

static void test_open_files(void **state)
{
    (void)state;
    const char *a = write_text("board.csv", "Model,MMLU,Arena Score\nAlpha,70,1200\nBeta,,1100\n");
    const char *b = write_text("extra.csv", "model,mmlu\nbeta,65\nGamma,50\n");
    char *paths[] = {(char *)a, (char *)b};
    ld_dataset ds;
    ld_error err;
    error_clear(&err);
    assert_int_equal(dataset_open_files(&ds, paths, 2, NULL, &err), 0);
    ld_catalog *cat = ds.models;
    assert_int_equal(catalog_rows(cat), 3);
    /* metrics.json applies to known ids */
    assert_string_equal(catalog_col(cat, (size_t)col(cat, "mmlu"))->label, "MMLU");
    assert_near(catalog_num(cat, (size_t)row_of(cat, "Beta"), (size_t)col(cat, "mmlu")), 65, 0);
    assert_near(catalog_num(cat, (size_t)row_of(cat, "gamma"), (size_t)col(cat, "mmlu")), 50, 0);
    assert_int_equal(catalog_col(cat, (size_t)col(cat, "arena_score"))->type, LD_COL_NUMBER);
    /* no relative_cost: no value */
    assert_true(isnan(catalog_num(cat, 0, (size_t)col(cat, "value_score"))));
    assert_int_equal(ds.nloads, 2);
    dataset_close(&ds);
    /* a missing file */
    char *bad[] = {"/nonexistent/x.csv"};
    error_clear(&err);
    assert_int_not_equal(dataset_open_files(&ds, bad, 1, NULL, &err), 0);
    assert_int_equal(err.code, LD_ERR_IO);
    dataset_close(&ds);
}

/* `llmdeck table a.csv b.csv --format csv --columns model,mmlu` where b.csv
 * adds a model without an mmlu column.  In a child: it used to crash. */
static void test_open_files_then_csv_export(void **state)
{
    (void)state;
    const char *a = write_text("exp_a.csv", "model,mmlu\nA,1\n");
    const char *b = write_text("exp_b.csv", "model\nB\n");
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        child_default_signals();
        char *paths[] = {(char *)a, (char *)b};
        ld_dataset ds;
        ld_error err;
        error_clear(&err);
        if (dataset_open_files(&ds, paths, 2, NULL, &err) != 0) _exit(3);
        ld_catalog *cat = ds.models;
        int cols[] = {catalog_col_index(cat, "model"), catalog_col_index(cat, "mmlu")};
        uint32_t idx[] = {0, 1};
        char *out = NULL;
        size_t sz = 0;
        FILE *f = open_memstream(&out, &sz);
        output_table(f, cat, idx, 2, cols, 2, LD_FMT_CSV);
        fclose(f);
        int ok = strcmp(out, "model,mmlu\nA,1\nB,\n") == 0;
        free(out);
        dataset_close(&ds);
        _exit(ok ? 0 : 4);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    if (WIFSIGNALED(status)) fail_msg("CSV export after opening two files: killed by signal %d", WTERMSIG(status));
    if (WEXITSTATUS(status) == 4) fail_msg("CSV export after opening two files: wrong text");
    assert_int_equal(WEXITSTATUS(status), 0);
}

static void test_apply_metrics_errors(void **state)
{
    (void)state;
    ld_catalog *cat = catalog_new();
    catalog_add_column(cat, "model", LD_COL_TEXT, 0);
    catalog_add_column(cat, "mmlu", LD_COL_NUMBER, 0);
    ld_error err;
    error_clear(&err);
    const char *ok = "{\"columns\": {\"mmlu\": {\"label\": \"M\", \"weight\": 2.5, \"higher_is_better\": false,"
                     " \"unit\": \"pts\", \"decimals\": 2}, \"unknown\": {\"label\": \"U\"}}}";
    assert_int_equal(dataset_apply_metrics(cat, ok, strlen(ok), "m.json", &err), 0);
    const ld_column *c = catalog_col(cat, 1);
    assert_string_equal(c->label, "M");
    assert_near(c->weight, 2.5, 0);
    assert_int_equal(c->higher_is_better, 0);
    assert_string_equal(c->unit, "pts");
    assert_int_equal(c->decimals, 2);
    static const char *const bad[] = {
        "{\"columns\": {\"mmlu\": {\"weight\": -1}}}",
        "{\"columns\": {\"mmlu\": {\"label\": 5}}}",
        "{\"columns\": {\"mmlu\": {\"higher_is_better\": \"yes\"}}}",
        "{\"columns\": {\"mmlu\": 3}}",
        "{\"columns\": []}",
        "{}",
        "",
        "{\"columns\": {\"mmlu\": {\"weight\": 1}}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        error_clear(&err);
        if (dataset_apply_metrics(cat, bad[i], strlen(bad[i]), "m.json", &err) == 0)
            fail_msg("metrics %s accepted", bad[i]);
        assert_int_equal(err.code, LD_ERR_PARSE);
        assert_string_equal(err.file, "m.json");
    }
    catalog_free(cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_csv_merges_by_alias),
        cmocka_unit_test(test_load_csv_word_in_number_column),
        cmocka_unit_test(test_load_litellm),
        cmocka_unit_test(test_load_litellm_with_bom),
        cmocka_unit_test(test_load_json_errors),
        cmocka_unit_test(test_json_error_columns),
        cmocka_unit_test(test_load_other_errors),
        cmocka_unit_test(test_load_directory),
        cmocka_unit_test(test_open_files),
        cmocka_unit_test(test_open_files_then_csv_export),
        cmocka_unit_test(test_apply_metrics_errors),
    };
    if (getenv("LD_TEST_FILTER")) cmocka_set_test_filter(getenv("LD_TEST_FILTER"));
    return cmocka_run_group_tests(tests, setup, teardown);
}
