/* rules_profiles.c - the task profiles that weigh the candidates' metrics
 * (see rules.h): built in for the article's columns, or read from a data
 * set's metrics.json ("task_profiles", "candidate_ranking", "missing"). */
#include "llmdeck/rules.h"
#include "strci.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The first release's profiles, for the article's columns:
 *   code     HumanEval 3, MMLU 1, GSM8K 1 - code synthesis first, with
 *            knowledge and step-by-step reasoning still counting;
 *   math     GSM8K 3, MMLU 1, ARC 1 - grade-school maths first;
 *   support  TruthfulQA 2, MMLU 1, ARC 1 - a customer-facing assistant
 *            must not state falsehoods confidently; no code metric;
 *   general  MMLU 1, HumanEval 1, GSM8K 1 - the article's value score.
 * Metrics count as 0 when missing (the article's policy). */
static const ld_task_profile BUILTIN[] = {
    {"code", {{"humaneval", 3}, {"mmlu", 1}, {"gsm8k", 1}}, 3,
     {"code", "coding", "program", "software", "developer", NULL}},
    {"math", {{"gsm8k", 3}, {"mmlu", 1}, {"arc", 1}}, 3, {"math", "arithmetic", NULL}},
    {"support", {{"truthfulqa", 2}, {"mmlu", 1}, {"arc", 1}}, 3,
     {"support", "customer", "chat", "assistant", "helpdesk", NULL}},
    {"general", {{"mmlu", 1}, {"humaneval", 1}, {"gsm8k", 1}}, 3, {NULL}},
};

void rules_profiles_builtin(ld_task_profiles *out)
{
    memset(out, 0, sizeof *out);
    out->n = sizeof BUILTIN / sizeof *BUILTIN;
    memcpy(out->v, BUILTIN, sizeof BUILTIN);
}

void rules_profiles_free(ld_task_profiles *p)
{
    free(p->strings);
    memset(p, 0, sizeof *p);
}

/* ASCII case-insensitive substring search. */
const ld_task_profile *rules_profiles_pick(const ld_task_profiles *p, const char *task)
{
    if (!p->n) return NULL;
    for (size_t i = 0; i + 1 < p->n; i++)
        for (size_t k = 0; p->v[i].keywords[k]; k++)
            if (task && str_contains_ci(task, p->v[i].keywords[k])) return &p->v[i];
    return &p->v[p->n - 1];
}

const ld_task_profile *rules_task_profile(const char *task)
{
    static ld_task_profiles builtin;
    if (!builtin.n) rules_profiles_builtin(&builtin);
    return rules_profiles_pick(&builtin, task);
}

/* Bytes the profiles' strings need. */
static size_t strings_size(const cJSON *list)
{
    size_t n = 0;
    const cJSON *p, *x;
    cJSON_ArrayForEach(p, list) {
        const cJSON *name = cJSON_GetObjectItemCaseSensitive(p, "name");
        if (cJSON_IsString(name)) n += strlen(name->valuestring) + 1;
        cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(p, "keywords"))
            if (cJSON_IsString(x)) n += strlen(x->valuestring) + 1;
        cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(p, "weights"))
            if (x->string) n += strlen(x->string) + 1;
    }
    return n + 1;
}

static const char *keep(ld_task_profiles *out, size_t *at, const char *s)
{
    char *d = out->strings + *at;
    size_t l = strlen(s) + 1;
    memcpy(d, s, l);
    *at += l;
    return d;
}

int rules_profiles_parse(const char *json, size_t len, const char *name, ld_task_profiles *out,
                         ld_error *err)
{
    rules_profiles_builtin(out);
    cJSON *root = json ? cJSON_ParseWithLength(json, len) : NULL;
    const cJSON *mode = cJSON_GetObjectItemCaseSensitive(root, "candidate_ranking");
    const cJSON *miss = cJSON_GetObjectItemCaseSensitive(root, "missing");
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "task_profiles");
    int rc = 0;
    out->mode = cJSON_IsString(mode) && !strcmp(mode->valuestring, "budget") ? LD_RANK_BUDGET : LD_RANK_VALUE;
    out->skip_missing = cJSON_IsString(miss) && !strcmp(miss->valuestring, "skip");
    if (!cJSON_IsArray(list)) goto done;
    size_t np = (size_t)cJSON_GetArraySize(list);
    if (np == 0 || np > LD_TASK_MAX_PROFILES) {
        rc = error_set(err, LD_ERR_PARSE, name, 0, 0, "task_profiles: expected 1 to %d profiles",
                       LD_TASK_MAX_PROFILES);
        goto done;
    }
    if (!(out->strings = malloc(strings_size(list)))) {
        rc = error_set(err, LD_ERR_NOMEM, name, 0, 0, "out of memory");
        goto done;
    }
    out->n = 0;
    size_t at = 0;
    const cJSON *p;
    cJSON_ArrayForEach(p, list) {
        const cJSON *pn = cJSON_GetObjectItemCaseSensitive(p, "name");
        const cJSON *kw = cJSON_GetObjectItemCaseSensitive(p, "keywords");
        const cJSON *ws = cJSON_GetObjectItemCaseSensitive(p, "weights");
        if (!cJSON_IsString(pn) || !cJSON_IsObject(ws) || (kw && !cJSON_IsArray(kw)) ||
            cJSON_GetArraySize(ws) < 1 || cJSON_GetArraySize(ws) > LD_TASK_MAX_WEIGHTS ||
            cJSON_GetArraySize(kw) > LD_TASK_MAX_KEYWORDS) {
            rc = error_set(err, LD_ERR_PARSE, name, 0, 0,
                           "task_profiles[%zu]: expected {\"name\": ..., \"keywords\": [at most %d], "
                           "\"weights\": {1 to %d metric: weight}}", out->n, LD_TASK_MAX_KEYWORDS,
                           LD_TASK_MAX_WEIGHTS);
            goto done;
        }
        ld_task_profile *t = &out->v[out->n];
        memset(t, 0, sizeof *t);
        t->name = keep(out, &at, pn->valuestring);
        size_t k = 0;
        const cJSON *x;
        cJSON_ArrayForEach(x, kw) {
            if (!cJSON_IsString(x) || !x->valuestring[0]) {
                rc = error_set(err, LD_ERR_PARSE, name, 0, 0, "task_profiles.%s.keywords: expected words",
                               pn->valuestring);
                goto done;
            }
            t->keywords[k++] = keep(out, &at, x->valuestring);
        }
        cJSON_ArrayForEach(x, ws) {
            if (!cJSON_IsNumber(x) || !(x->valuedouble >= 0 && x->valuedouble <= 1e6)) {
                rc = error_set(err, LD_ERR_PARSE, name, 0, 0,
                               "task_profiles.%s.weights.%s: expected a number from 0 to 1e6",
                               pn->valuestring, x->string);
                goto done;
            }
            t->w[t->nw].metric = keep(out, &at, x->string);
            t->w[t->nw++].weight = x->valuedouble;
        }
        out->n++;
    }
done:
    if (rc != 0) {
        rules_profiles_free(out);
        rules_profiles_builtin(out);
    }
    cJSON_Delete(root);
    return rc;
}
