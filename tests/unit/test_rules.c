/* test_rules.c - the recommendation engine against the seed.
 *
 * The oracle below is the seed's recommend_model transcribed to C by hand,
 * branch by branch, sharing no code with src/core/rules.c: the engine reads
 * the shipped data/rules.json, the oracle is the article's Python.  Every
 * combination of a grid of inputs (boundaries and case variants included)
 * must give the same model, reason and alternatives. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/embed.h"
#include "llmdeck/rules.h"
#include "llmdeck/score.h"
#include "rules_fixture.h"

/* ---- the oracle: the seed's recommend_model ---------------------------- */

typedef struct {
    const char *model, *reason;
    const char *alts[2];
    size_t nalts;
} answer;

static answer seed_recommend(double context_needed, const char *budget,
                             const char *task_type, const char *language,
                             int latency_critical, int needs_fine_tuning)
{
    answer a = {0};
    char lower[256];
    size_t i;
    for (i = 0; language[i] && i + 1 < sizeof lower; i++)
        lower[i] = (char)tolower((unsigned char)language[i]);
    lower[i] = 0;
    if (context_needed > 8192) {
        if (strcmp(budget, "low") == 0) {
            a.model = "Mixtral-8x7B-Instruct";
            a.reason = "Best long-context performance at low cost";
        } else {
            a.model = "Qwen-72B-Chat";
            a.reason = "Highest quality with 32K context";
            a.alts[a.nalts++] = "Llama-2-70B with context extension";
        }
    } else if (latency_critical) {
        a.model = "Mistral-7B-Instruct";
        a.reason = "Fastest inference, good quality for simple tasks";
        a.alts[a.nalts++] = "Llama-2-7B-Chat";
    } else if (strcmp(task_type, "code") == 0) {
        a.model = "Mixtral-8x7B-Instruct";
        a.reason = "Best code generation among open models";
        a.alts[a.nalts++] = "CodeLlama-34B";
        a.alts[a.nalts++] = "Llama-2-70B";
    } else if (needs_fine_tuning) {
        if (strcmp(budget, "low") == 0) {
            a.model = "Mistral-7B";
            a.reason = "Apache 2.0 license, efficient fine-tuning";
        } else {
            a.model = "Llama-2-13B";
            a.reason = "Good balance of capability and fine-tuning cost";
        }
    } else if (strstr(lower, "chinese")) {
        a.model = "Qwen-72B-Chat";
        a.reason = "Superior Chinese language capabilities";
    } else if (strcmp(budget, "high") == 0) {
        a.model = "Llama-2-70B-Chat";
        a.reason = "Best general performance among open models";
    } else {
        a.model = "Mixtral-8x7B-Instruct";
        a.reason = "Near-GPT-3.5 performance at fraction of cost";
    }
    return a;
}

static const char *const SEED_CONSIDERATIONS[] = {
    "Test on your specific use case before production",
    "Consider fine-tuning for domain-specific tasks",
    "Monitor for quality issues compared to proprietary models",
    "Check license compatibility with your use case",
};

/* ---- fixtures ----------------------------------------------------------- */

static ld_rules *shipped(void)
{
    size_t len = 0;
    const char *text = embed_find("data/rules.json", &len);
    assert_non_null(text);
    ld_rules *rules = NULL;
    ld_error err;
    error_clear(&err);
    int rc = rules_load(text, len, "rules.json", &rules, &err);
    if (rc != 0) fail_msg("shipped rules.json: %s", err.msg);
    return rules;
}

static void set_req(ld_requirements *q, double ctx, const char *budget,
                    const char *task, const char *lang, int lat, int ft)
{
    rules_requirements_init(q);
    q->context_length = ctx;
    assert_int_equal(rules_set_text(q->budget, budget), 0);
    assert_int_equal(rules_set_text(q->task_type, task), 0);
    assert_int_equal(rules_set_text(q->language, lang), 0);
    q->latency_critical = lat;
    q->needs_fine_tuning = ft;
}

static void assert_answer(const ld_recommendation *r, const answer *a)
{
    assert_non_null(r->model);
    assert_string_equal(r->model, a->model);
    assert_string_equal(r->reason, a->reason);
    assert_int_equal(r->nalternatives, a->nalts);
    for (size_t i = 0; i < a->nalts; i++)
        assert_string_equal(r->alternatives[i], a->alts[i]);
    assert_int_equal(r->nconsiderations, 4);
    for (size_t i = 0; i < 4; i++)
        assert_string_equal(r->considerations[i], SEED_CONSIDERATIONS[i]);
}

/* ---- the seed ----------------------------------------------------------- */

static void test_grid_matches_seed(void **state)
{
    (void)state;
    static const double ctx[] = {4096, 8000, 8192, 8193, 32768};
    static const char *const budget[] = {"low", "medium", "high", "Low"};
    static const char *const task[] = {"general", "code", "customer_support", "Code"};
    static const char *const lang[] = {"english", "Chinese", "simplified CHINESE",
                                       "french"};
    ld_rules *rules = shipped();
    size_t n = 0, seen[9] = {0};
    for (size_t c = 0; c < 5; c++)
        for (size_t b = 0; b < 4; b++)
            for (size_t t = 0; t < 4; t++)
                for (size_t l = 0; l < 4; l++)
                    for (int lat = 0; lat < 2; lat++)
                        for (int ft = 0; ft < 2; ft++) {
                            ld_requirements q;
                            set_req(&q, ctx[c], budget[b], task[t], lang[l], lat, ft);
                            answer a = seed_recommend(ctx[c], budget[b], task[t],
                                                      lang[l], lat, ft);
                            ld_recommendation r;
                            assert_int_equal(rules_recommend(rules, &q, &r), 0);
                            if (strcmp(r.model, a.model) || strcmp(r.reason, a.reason))
                                fail_msg("ctx %g budget %s task %s lang %s lat %d ft %d: "
                                         "got %s (%s), seed says %s (%s)", ctx[c],
                                         budget[b], task[t], lang[l], lat, ft, r.model,
                                         r.reason, a.model, a.reason);
                            assert_answer(&r, &a);
                            /* the trace ends on the rule that fired */
                            assert_true(r.ntrace >= 1);
                            assert_true(r.trace[r.ntrace - 1].matched);
                            assert_string_equal(r.trace[r.ntrace - 1].rule, r.rule);
                            for (size_t i = 0; i + 1 < r.ntrace; i++)
                                assert_false(r.trace[i].matched);
                            seen[r.ntrace - 1]++;
                            rules_recommendation_free(&r);
                            n++;
                        }
    assert_int_equal(n, 5 * 4 * 4 * 4 * 2 * 2);
    for (size_t i = 0; i < 9; i++)
        if (!seen[i]) fail_msg("rule %zu (%s) never fired in the grid", i + 1,
                               rules_id(rules, i));
    rules_free(rules);
}

static void test_seed_example(void **state)
{
    (void)state;
    ld_rules *rules = shipped();
    ld_requirements q;
    set_req(&q, 8000, "medium", "customer_support", "english", 1, 0);
    ld_recommendation r;
    assert_int_equal(rules_recommend(rules, &q, &r), 0);
    assert_string_equal(r.model, "Mistral-7B-Instruct");
    assert_string_equal(r.reason, "Fastest inference, good quality for simple tasks");
    assert_int_equal(r.nalternatives, 1);
    assert_string_equal(r.alternatives[0], "Llama-2-7B-Chat");
    assert_string_equal(r.rule, "latency-critical");
    /* The trace, in plain words. */
    assert_int_equal(r.ntrace, 3);
    assert_string_equal(r.trace[0].rule, "long-context-low-budget");
    assert_string_equal(r.trace[0].why, "context 8000 is not > 8192");
    assert_string_equal(r.trace[1].rule, "long-context");
    assert_string_equal(r.trace[1].why, "context 8000 is not > 8192");
    assert_string_equal(r.trace[2].why, "latency-critical");
    assert_int_equal(r.trace[2].matched, 1);
    rules_recommendation_free(&r);
    rules_free(rules);
}

static void test_defaults(void **state)
{
    (void)state;
    ld_rules *rules = shipped();
    ld_requirements q, seed;
    rules_requirements_defaults(rules, &q);
    rules_requirements_init(&seed);
    assert_memory_equal(&q, &seed, sizeof q);
    assert_near(q.context_length, 4096, 0);
    assert_string_equal(q.budget, "medium");
    assert_string_equal(q.task_type, "general");
    assert_string_equal(q.language, "english");
    ld_recommendation r;
    assert_int_equal(rules_recommend(rules, &q, &r), 0);
    assert_string_equal(r.model, "Mixtral-8x7B-Instruct");
    assert_string_equal(r.reason, "Near-GPT-3.5 performance at fraction of cost");
    assert_int_equal(r.nalternatives, 0);
    assert_string_equal(r.rule, "general");
    assert_int_equal(r.ntrace, 9);
    assert_string_equal(r.trace[3].why, "task \"general\" is not \"code\"");
    assert_string_equal(r.trace[4].why, "no fine-tuning needed");
    assert_string_equal(r.trace[6].why, "language \"english\" does not contain \"chinese\"");
    assert_string_equal(r.trace[7].why, "budget \"medium\" is not \"high\"");
    assert_string_equal(r.trace[8].why, "no conditions: always applies");
    rules_recommendation_free(&r);
    rules_free(rules);
}

/* The trace explains the seed's subtle semantics in words. */
static void test_trace_words(void **state)
{
    (void)state;
    ld_rules *rules = shipped();
    ld_requirements q;
    ld_recommendation r;
    set_req(&q, 32768, "Low", "Code", "Simplified CHINESE", 0, 0);
    assert_int_equal(rules_recommend(rules, &q, &r), 0);
    assert_string_equal(r.model, "Qwen-72B-Chat");
    assert_string_equal(r.trace[0].why,
                        "context 32768 > 8192 but budget \"Low\" is not \"low\" (case matters)");
    assert_string_equal(r.trace[1].why, "context 32768 > 8192");
    rules_recommendation_free(&r);

    set_req(&q, 8192, "medium", "Code", "Simplified CHINESE", 0, 0);
    assert_int_equal(rules_recommend(rules, &q, &r), 0);
    assert_string_equal(r.rule, "chinese");
    assert_string_equal(r.trace[0].why, "context 8192 is not > 8192");
    assert_string_equal(r.trace[2].why, "not latency-critical");
    assert_string_equal(r.trace[3].why, "task \"Code\" is not \"code\" (case matters)");
    assert_string_equal(r.trace[6].why,
                        "language \"Simplified CHINESE\" contains \"chinese\"");
    rules_recommendation_free(&r);

    set_req(&q, 100, "low", "general", "english", 0, 1);
    assert_int_equal(rules_recommend(rules, &q, &r), 0);
    assert_string_equal(r.model, "Mistral-7B");
    assert_string_equal(r.trace[4].why, "fine-tuning needed and budget is \"low\"");
    rules_recommendation_free(&r);
    rules_free(rules);
}

/* ---- malformed rules ----------------------------------------------------- */

static void expect_error(const char *json, const char *want, long line, long col)
{
    ld_rules *rules = (ld_rules *)1;
    ld_error err;
    error_clear(&err);
    assert_int_equal(rules_load(json, strlen(json), "my.json", &rules, &err), -1);
    assert_null(rules);
    assert_int_equal(err.code, LD_ERR_PARSE);
    char buf[1024];
    error_format(&err, buf, sizeof buf);
    if (!strstr(buf, want)) fail_msg("error \"%s\" lacks \"%s\"", buf, want);
    assert_int_equal(err.line, line);
    assert_int_equal(err.col, col);
}

#define RULE(body) "{\"rules\": [{\"id\": \"a\", \"when\": [], \"model\": \"M\", " \
                   "\"reason\": \"r\"}, " body "]}"

static void test_malformed(void **state)
{
    (void)state;
    expect_error("{\n  \"rules\": [\n    {\"id\": \"a\",, }\n  ]\n}", "my.json:3:16: invalid JSON at \", }\"", 3, 16);
    expect_error("{\"rules\": [", "my.json:1:11: invalid JSON at \"[\"", 1, 11);
    expect_error("{\"rules\": [] ", "my.json:1:14: unexpected end of JSON", 1, 14);
    expect_error("", "my.json:1:1: unexpected end of JSON", 1, 1);
    expect_error("{\"rules\": []}\n\n  x", "my.json:3:3: invalid JSON at \"x\"", 3, 3);
    expect_error("[1]", "my.json: expected a JSON object", 0, 0);
    expect_error("{}", "\"rules\" must be a non-empty list", 0, 0);
    expect_error("{\"rulez\": []}", "unknown key \"rulez\"", 0, 0);
    expect_error(RULE("{\"id\": \"b\", \"when\": [], \"model\": \"X\", \"reason\": \"r\"},"
                      "{\"id\": \"code\", \"when\": [{\"field\": \"task_type\", "
                      "\"op\": \"=~\", \"value\": \"c\"}], \"model\": \"M\", \"reason\": \"r\"}"),
                 "my.json: rule 3 (\"code\"): unknown op \"=~\"", 0, 0);
    expect_error(RULE("{\"id\": \"b\", \"when\": [], \"reason\": \"r\"}"),
                 "rule 2 (\"b\"): missing \"model\"", 0, 0);
    expect_error(RULE("{\"when\": [], \"model\": \"X\", \"reason\": \"r\"}"),
                 "rule 2: missing \"id\"", 0, 0);
    expect_error(RULE("{\"id\": \"a\", \"when\": [], \"model\": \"X\", \"reason\": \"r\"}"),
                 "rule 2 (\"a\"): duplicate id (also rule 1)", 0, 0);
    expect_error(RULE("{\"id\": \"b\", \"whne\": [], \"model\": \"X\", \"reason\": \"r\"}"),
                 "rule 2 (\"b\"): unknown key \"whne\"", 0, 0);
    expect_error(RULE("{\"id\": \"b\", \"model\": \"X\", \"reason\": \"r\"}"),
                 "rule 2 (\"b\"): missing \"when\"", 0, 0);
    expect_error(RULE("{\"id\": \"b\", \"when\": [{\"field\": \"ctx\", \"op\": \">\", "
                      "\"value\": 1}], \"model\": \"X\", \"reason\": \"r\"}"),
                 "rule 2 (\"b\"): unknown field \"ctx\" in condition 1", 0, 0);
    expect_error(RULE("{\"id\": \"b\", \"when\": [{\"field\": \"budget\", \"op\": \">\", "
                      "\"value\": \"low\"}], \"model\": \"X\", \"reason\": \"r\"}"),
                 "op \">\" does not apply to field \"budget\"", 0, 0);
    expect_error(RULE("{\"id\": \"b\", \"when\": [{\"field\": \"context_length\", "
                      "\"op\": \">\", \"value\": \"8k\"}], \"model\": \"X\", \"reason\": \"r\"}"),
                 "condition 1: \"context_length\" compares with a number", 0, 0);
    expect_error(RULE("{\"id\": \"b\", \"when\": [], \"model\": \"X\", \"reason\": \"r\", "
                      "\"alternatives\": [1]}"),
                 "\"alternatives\" must be a list of strings", 0, 0);
    expect_error("{\"rules\": [{\"id\": \"a\", \"when\": [], \"model\": \"M\", \"reason\": \"r\"}],"
                 " \"defaults\": {\"budget\": 3}}", "defaults: \"budget\" must be a string", 0, 0);
}

/* An organisation's own file: other ops, defaults, and no catch-all. */
static void test_custom_rules(void **state)
{
    (void)state;
    const char *json =
        "{\"defaults\": {\"budget\": \"low\", \"monthly_tokens\": 5e8},\n"
        " \"rules\": [\n"
        "  {\"id\": \"big\", \"when\": [{\"field\": \"monthly_tokens\", \"op\": \">=\", "
        "\"value\": 1e9}, {\"field\": \"commercial_use_required\", \"op\": \"==\", "
        "\"value\": true}], \"model\": \"Big\", \"reason\": \"volume\"},\n"
        "  {\"id\": \"ci\", \"when\": [{\"field\": \"task_type\", \"op\": \"equals_ci\", "
        "\"value\": \"code\"}, {\"field\": \"budget\", \"op\": \"!=\", \"value\": \"high\"}],"
        " \"model\": \"Coder\", \"reason\": \"code\", \"alternatives\": [\"A\", \"B\"]}\n"
        " ]}";
    ld_rules *rules;
    ld_error err;
    assert_int_equal(rules_load(json, strlen(json), "org.json", &rules, &err), 0);
    assert_int_equal(rules_count(rules), 2);
    assert_null(rules_id(rules, 2));
    ld_requirements q;
    rules_requirements_defaults(rules, &q);
    assert_string_equal(q.budget, "low");
    assert_near(q.monthly_tokens, 5e8, 0);
    assert_string_equal(q.task_type, "general");

    ld_recommendation r;
    strcpy(q.task_type, "CODE");
    assert_int_equal(rules_recommend(rules, &q, &r), 0);
    assert_string_equal(r.model, "Coder");
    assert_int_equal(r.nalternatives, 2);
    assert_int_equal(r.nconsiderations, 0);
    assert_string_equal(r.trace[0].why, "monthly tokens 500000000 is not >= 1000000000");
    assert_string_equal(r.trace[1].why,
                        "task is \"CODE\" (any case) and budget \"low\" is not \"high\"");
    rules_recommendation_free(&r);

    q.monthly_tokens = 2e9;
    q.licence = LD_LICENCE_UNRESTRICTED;
    assert_int_equal(rules_recommend(rules, &q, &r), 0);
    assert_string_equal(r.model, "Big");
    rules_recommendation_free(&r);

    strcpy(q.task_type, "chat");
    q.licence = LD_LICENCE_ANY;
    assert_int_equal(rules_recommend(rules, &q, &r), 1); /* no rule matched */
    assert_null(r.model);
    assert_int_equal(r.ntrace, 2);
    assert_string_equal(r.trace[0].why,
                        "monthly tokens 2000000000 >= 1000000000 but commercial use not required");
    rules_recommendation_free(&r);
    q.monthly_tokens = 0; /* not given */
    assert_int_equal(rules_recommend(rules, &q, &r), 1);
    assert_string_equal(r.trace[0].why, "monthly tokens not given (0) is not >= 1000000000");
    rules_recommendation_free(&r);
    rules_free(rules);

    /* rules_set_text refuses what does not fit, leaving the buffer alone. */
    char big[LD_REQ_TEXT + 8];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = 0;
    assert_int_equal(rules_set_text(q.language, big), -1);
    assert_string_equal(q.language, "english");
}

/* ---- candidates ---------------------------------------------------------- */

/* The article's data set's task profiles (data/seed-metrics.json). */
static void seed_profiles(ld_task_profiles *p)
{
    size_t len = 0;
    const char *text = embed_find("data/seed-metrics.json", &len);
    assert_non_null(text);
    ld_error err;
    error_clear(&err);
    if (rules_profiles_parse(text, len, "seed-metrics.json", p, &err) != 0) fail_msg("%s", err.msg);
}

static const char *cand_name(const ld_catalog *cat, const ld_candidates *c, size_t i)
{
    return catalog_text(cat, c->items[i].row, catalog_key_col(cat));
}

/* "Benchmark on your data": a team's own metric, merged in and weighted,
 * changes the candidates' ranking; unweighted it changes nothing. */
static void test_candidates_own_metric(void **state)
{
    (void)state;
    ld_catalog *cat = small_catalog();
    ld_catalog *own = catalog_new();
    catalog_add_column(own, "model", LD_COL_TEXT, 0);
    catalog_add_column(own, "support_eval", LD_COL_NUMBER, 0);
    static const char *const rows[][2] = {{"Mixtral-8x7B-Instruct", "95"}, {"mistral-7b", "10"}};
    for (size_t r = 0; r < 2; r++) {
        catalog_add_row(own);
        for (size_t c = 0; c < 2; c++) catalog_set_cell(own, r, c, rows[r][c], strlen(rows[r][c]));
    }
    ld_error err;
    assert_int_equal(catalog_finish(own, "own", NULL, &err), 0);
    assert_true(catalog_merge(cat, own, &err) == 2);
    assert_int_equal(catalog_finish(cat, "cat", NULL, &err), 0);
    catalog_free(own);
    ld_requirements q;
    ld_candidates c;
    rules_requirements_init(&q);
    q.context_length = 8000;
    assert_int_equal(rules_candidates(cat, &q, &c, &err), 0);
    assert_int_equal(c.nextra, 0); /* weight 0: not part of the ranking */
    assert_string_equal(cand_name(cat, &c, 0), "Mistral-7B");
    rules_candidates_free(&c);
    int se = catalog_col_index(cat, "support_eval");
    catalog_col(cat, (size_t)se)->weight = 30;
    assert_int_equal(rules_candidates(cat, &q, &c, &err), 0);
    assert_int_equal(c.nextra, 1);
    assert_int_equal(c.extra_cols[0], se);
    /* Mixtral: (0.706 + 0.402 + 0.604 + 30 * 0.95) / 33 / 0.04 beats
     * Mistral: (0.601 + 0.305 + 0.522 + 30 * 0.10) / 33 / 0.01 */
    assert_string_equal(cand_name(cat, &c, 0), "Mixtral-8x7B");
    assert_near(c.items[0].quality, (0.706 + 0.402 + 0.604 + 30 * 0.95) / 33, 1e-9);
    rules_candidates_free(&c);
    catalog_free(cat);
}

/* A licence that fails the requirement is said in the tables' words:
 * "only with conditions" for the data's "restricted", "no commercial use"
 * for "no". */
static void test_licence_violation_words(void **state)
{
    (void)state;
    ld_catalog *cat = small_catalog();
    ld_requirements q;
    rules_requirements_init(&q);
    q.context_length = 4096;
    ld_violation v[LD_MAX_VIOLATIONS];
    struct { const char *model; ld_licence need; const char *detail; } cases[] = {
        {"Llama-2-70B", LD_LICENCE_UNRESTRICTED,
         "commercial use only with conditions (licence unknown); unrestricted commercial use needed"},
        {"NoCost-7B", LD_LICENCE_COMMERCIAL, "no commercial use (licence unknown); commercial use needed"},
        {"NoCost-7B", LD_LICENCE_UNRESTRICTED,
         "no commercial use (licence unknown); unrestricted commercial use needed"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        q.licence = cases[i].need;
        long row = catalog_find(cat, cases[i].model);
        assert_true(row >= 0);
        size_t n = rules_violations(cat, (size_t)row, &q, v);
        assert_int_equal(n, 1);
        assert_string_equal(v[0].requirement, "licence");
        assert_string_equal(v[0].detail, cases[i].detail);
    }
    q.licence = LD_LICENCE_COMMERCIAL; /* with conditions is commercial use */
    assert_int_equal(rules_violations(cat, (size_t)catalog_find(cat, "Llama-2-70B"), &q, v), 0);
    catalog_free(cat);
}

static void test_candidates(void **state)
{
    (void)state;
    ld_catalog *cat = small_catalog();
    ld_requirements q;
    ld_candidates c;
    ld_error err;
    rules_requirements_init(&q);
    q.context_length = 8000;
    assert_int_equal(rules_candidates(cat, &q, &c, &err), 0);
    /* GPT-4 is closed; Llama-2-70B has 4096; NoCtx-7B's context is unknown. */
    assert_int_equal(c.n, 4);
    assert_int_equal(c.excluded, 3);
    assert_int_equal(c.unchecked, LD_UNCHECKED_LANGUAGE); /* no languages column: not checked */
    assert_string_equal(c.profile->name, "general");
    assert_string_equal(cand_name(cat, &c, 0), "Mistral-7B");
    assert_near(c.items[0].value, 47.6, 1e-9); /* the seed's value score */
    assert_string_equal(cand_name(cat, &c, 1), "Mixtral-8x7B");
    assert_near(c.items[1].value, 14.266667, 1e-6);
    assert_string_equal(cand_name(cat, &c, 2), "Qwen-72B");
    assert_int_equal(c.items[2].restricted, 1);
    /* No cost: value undefined, ranked last, quality still given (missing = 0). */
    assert_string_equal(cand_name(cat, &c, 3), "NoCost-7B");
    assert_true(isnan(c.items[3].value));
    assert_near(c.items[3].quality, 0.3, 1e-9);
    rules_candidates_free(&c);

    q.context_length = 20000;
    q.licence = LD_LICENCE_COMMERCIAL; /* restricted counts, "no" does not */
    assert_int_equal(rules_candidates(cat, &q, &c, &err), 0);
    assert_int_equal(c.n, 2);
    assert_string_equal(cand_name(cat, &c, 0), "Mixtral-8x7B");
    assert_string_equal(cand_name(cat, &c, 1), "Qwen-72B");
    rules_candidates_free(&c);

    q.licence = LD_LICENCE_UNRESTRICTED;
    assert_int_equal(rules_candidates(cat, &q, &c, &err), 0);
    assert_int_equal(c.n, 1);
    rules_candidates_free(&c);

    /* Code weights HumanEval up: Mixtral (40.2) beats Qwen (35.4) on quality. */
    q.context_length = 4096;
    q.licence = LD_LICENCE_ANY;
    strcpy(q.task_type, "code");
    ld_task_profiles profiles;
    seed_profiles(&profiles);
    assert_int_equal(rules_candidates_in(cat, &q, &profiles, &c, &err), 0);
    assert_string_equal(c.profile->name, "code");
    assert_int_equal(c.n, 5);
    for (size_t i = 0; i < c.n; i++)
        if (!strcmp(cand_name(cat, &c, i), "Mixtral-8x7B"))
            assert_near(c.items[i].quality, (3 * .402 + .706 + .604) / 5, 1e-9);
    rules_candidates_free(&c);

    assert_string_equal(rules_profiles_pick(&profiles, "Customer_Support")->name, "support");
    assert_string_equal(rules_profiles_pick(&profiles, "math tutoring")->name, "math");
    assert_string_equal(rules_profiles_pick(&profiles, "summaries")->name, "general");
    rules_profiles_free(&profiles);

    /* the profiles in words, as the wizard's task step says them */
    static const char two[] = "{\"task_profiles\": [{\"name\": \"code\", \"keywords\": [\"code\", \"program\", "
                              "\"developer\"], \"weights\": {\"humaneval\": 3, \"mmlu\": 0.5}}, "
                              "{\"name\": \"support\", \"keywords\": [\"support\"], \"weights\": {\"ifeval\": 2}}, "
                              "{\"name\": \"general\", \"weights\": {\"mmlu\": 1}}]}";
    assert_int_equal(rules_profiles_parse(two, sizeof two - 1, "m.json", &profiles, &err), 0);
    char words[512];
    rules_profile_weights(&profiles.v[0], NULL, words, sizeof words);
    assert_string_equal(words, "humaneval 3, mmlu 0.5");
    /* which words choose which profile (the wizard's "other…"); no "why": "" */
    rules_profiles_keywords(&profiles, words, sizeof words);
    assert_string_equal(words, "code (code, program or developer), support (support); any other task general");
    rules_profiles_keywords(&profiles, words, 10); /* cut, never past the buffer */
    assert_int_equal(strlen(words), 9);
    assert_string_equal(profiles.v[0].why, "");
    rules_profiles_free(&profiles);

    /* by the catalogue's labels, a metric's windows (same weight, same
     * first word) said once; a label of one word is never merged */
    static const char lab[] = "{\"task_profiles\": [{\"name\": \"code\", \"why\": \"LCB first.\", \"weights\": {\"lcb_a\": 3, "
                              "\"lcb_b\": 3, \"lcb_c\": 1, \"he\": 1, \"hx\": 1, \"nolabel\": 2}}]}";
    assert_int_equal(rules_profiles_parse(lab, sizeof lab - 1, "m.json", &profiles, &err), 0);
    assert_string_equal(profiles.v[0].why, "LCB first.");
    ld_catalog *named = catalog_new();
    static const char *const ids[] = {"lcb_a", "lcb_b", "lcb_c", "he", "hx"};
    static const char *const labels[] = {"LCB 23.05-24.09", "LCB 24.08-25.05", "LCB 25.02-25.05", "HumanEval",
                                         "HumanEval"};
    for (int i = 0; i < 5; i++) {
        int col = catalog_add_column(named, ids[i], LD_COL_NUMBER, 0);
        assert_true(col >= 0);
        free(catalog_col(named, (size_t)col)->label);
        catalog_col(named, (size_t)col)->label = strdup(labels[i]);
    }
    rules_profile_weights(&profiles.v[0], named, words, sizeof words);
    assert_string_equal(words, "LCB 23.05-24.09/24.08-25.05 3, LCB 25.02-25.05 1, HumanEval 1, HumanEval 1, nolabel 2");
    rules_profile_weights(&profiles.v[0], NULL, words, sizeof words);
    assert_string_equal(words, "lcb_a 3, lcb_b 3, lcb_c 1, he 1, hx 1, nolabel 2");
    rules_profile_weights(&profiles.v[0], named, words, 12); /* cut, never past the buffer */
    assert_int_equal(strlen(words), 11);
    catalog_free(named);
    rules_profiles_free(&profiles);

    /* without task_profiles, one "general" profile of the weighted columns */
    static const char json[] = "{\"columns\": {\"a\": {\"weight\": 2}, \"b\": {\"weight\": 0}, \"c\": {\"weight\": 1}}}";
    assert_int_equal(rules_profiles_parse(json, sizeof json - 1, "m.json", &profiles, &err), 0);
    assert_int_equal(profiles.n, 1);
    assert_string_equal(profiles.v[0].name, "general");
    assert_int_equal(profiles.v[0].nw, 2);
    assert_string_equal(profiles.v[0].w[0].metric, "a");
    assert_near(profiles.v[0].w[0].weight, 2, 0);
    assert_string_equal(profiles.v[0].w[1].metric, "c");
    rules_profiles_free(&profiles);
    /* a bad profile: an error, and still a profile to use */
    static const char bad[] = "{\"task_profiles\": [{\"name\": 1}]}";
    assert_int_equal(rules_profiles_parse(bad, sizeof bad - 1, "m.json", &profiles, &err), -1);
    assert_int_equal(profiles.n, 1);
    assert_non_null(rules_profiles_pick(&profiles, "code"));
    rules_profiles_free(&profiles);

    /* The pick resolves through its alias. */
    ld_rules *rules = shipped();
    ld_recommendation r;
    rules_requirements_init(&q);
    assert_int_equal(rules_recommend(rules, &q, &r), 0);
    assert_int_equal(rules_resolve(&r, cat), 1);
    assert_int_equal(r.model_row, 1);
    rules_recommendation_free(&r);
    rules_free(rules);
    catalog_free(cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grid_matches_seed),
        cmocka_unit_test(test_seed_example),
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_trace_words),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_custom_rules),
        cmocka_unit_test(test_licence_violation_words),
        cmocka_unit_test(test_candidates),
        cmocka_unit_test(test_candidates_own_metric),
    };
    return cmocka_run_group_tests_name("rules", tests, NULL, NULL);
}
