/* rules_profiles.c - the task profiles that weigh the candidates' metrics
 * (see rules.h), read from a data set's metrics.json ("task_profiles",
 * "candidate_ranking", "missing").  No profile is written in code: a file
 * without "task_profiles" gets one, "general", of the metrics its columns
 * weigh ("weight" > 0), which is the data set's own value score. */
#include "llmdeck/rules.h"
#include "llmdeck/score.h"
#include "strci.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* The end of the run of p's weights from i that are one measure: one
 * family (score_label_family) and one weight; *pre: the family's word. */
static size_t measure_end(const ld_task_profile *p, const ld_catalog *cat, size_t i, size_t *pre)
{
    const char *label = catalog_col_name_of(cat, p->w[i].metric);
    size_t j = i + 1;
    *pre = 0;
    while (cat && j < p->nw && p->w[j].weight == p->w[i].weight) {
        size_t k = score_label_family(label, catalog_col_name_of(cat, p->w[j].metric));
        if (!k) break;
        *pre = k;
        j++;
    }
    return j;
}

size_t rules_profile_measures(const ld_task_profile *p, const ld_catalog *cat)
{
    size_t n = 0, pre;
    for (size_t i = 0; i < p->nw; i = measure_end(p, cat, i, &pre)) n++;
    return n;
}

void rules_profile_weights(const ld_task_profile *p, const ld_catalog *cat, char *buf, size_t n)
{
    size_t k = 0;
    if (n) buf[0] = '\0';
    for (size_t i = 0; i < p->nw && k < n;) {
        /* metrics of one weight whose labels start alike (LiveCodeBench's
         * windows, one column each) are said once: "LCB 23.05-24.09/24.08-25.05 3" */
        const char *label = catalog_col_name_of(cat, p->w[i].metric);
        size_t pre, j = measure_end(p, cat, i, &pre);
        k += (size_t)snprintf(buf + k, n - k, "%s%s", i ? ", " : "", label);
        for (size_t m = i + 1; m < j && k < n; m++)
            k += (size_t)snprintf(buf + k, n - k, "/%s", catalog_col_name_of(cat, p->w[m].metric) + pre);
        if (k < n) k += (size_t)snprintf(buf + k, n - k, " %g", p->w[i].weight);
        i = j;
    }
}

void rules_profiles_keywords(const ld_task_profiles *p, char *buf, size_t n)
{
    size_t k = 0;
    if (n) buf[0] = '\0';
    for (size_t i = 0; i + 1 < p->n && k < n; i++) {
        k += (size_t)snprintf(buf + k, n - k, "%s%s (", i ? ", " : "", p->v[i].name);
        for (size_t w = 0; p->v[i].keywords[w] && k < n; w++)
            k += (size_t)snprintf(buf + k, n - k, "%s%s", w ? (p->v[i].keywords[w + 1] ? ", " : " or ") : "",
                                  p->v[i].keywords[w]);
        if (k < n) k += (size_t)snprintf(buf + k, n - k, ")");
    }
    if (p->n && k < n) /* the last one is the default (rules_profiles_pick) */
        snprintf(buf + k, n - k, "%sany other task %s", p->n > 1 ? "; " : "", p->v[p->n - 1].name);
}

/* Bytes the profiles' strings need. */
static size_t strings_size(const cJSON *list)
{
    size_t n = 0;
    const cJSON *p, *x;
    cJSON_ArrayForEach(p, list) {
        const cJSON *name = cJSON_GetObjectItemCaseSensitive(p, "name");
        if (cJSON_IsString(name)) n += strlen(name->valuestring) + 1;
        const cJSON *why = cJSON_GetObjectItemCaseSensitive(p, "why");
        if (cJSON_IsString(why)) n += strlen(why->valuestring) + 1;
        cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(p, "keywords"))
            if (cJSON_IsString(x)) n += strlen(x->valuestring) + 1;
        cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(p, "weights"))
            if (x->string) n += strlen(x->string) + 1;
    }
    return n + 1;
}

/* Bytes the default profile's metric ids need. */
static size_t columns_size(const cJSON *columns)
{
    size_t n = 0;
    const cJSON *c;
    cJSON_ArrayForEach(c, columns) if (c->string) n += strlen(c->string) + 1;
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

/* One profile, "general", of the columns metrics.json weighs (in its
 * order, at most LD_TASK_MAX_WEIGHTS); 0, or -1 without memory. */
static int default_profile(const cJSON *root, ld_task_profiles *out)
{
    const cJSON *columns = cJSON_GetObjectItemCaseSensitive(root, "columns");
    free(out->strings);
    out->strings = malloc(columns_size(columns));
    if (!out->strings) return -1;
    size_t at = 0;
    ld_task_profile *t = &out->v[0];
    memset(t, 0, sizeof *t);
    t->name = "general";
    t->why = "";
    const cJSON *c;
    cJSON_ArrayForEach(c, columns) {
        const cJSON *w = cJSON_GetObjectItemCaseSensitive(c, "weight");
        if (!c->string || !cJSON_IsNumber(w) || !(w->valuedouble > 0) || t->nw == LD_TASK_MAX_WEIGHTS) continue;
        t->w[t->nw].metric = keep(out, &at, c->string);
        t->w[t->nw++].weight = w->valuedouble;
    }
    out->n = 1;
    return 0;
}

int rules_profiles_parse(const char *json, size_t len, const char *name, ld_task_profiles *out,
                         ld_error *err)
{
    memset(out, 0, sizeof *out);
    cJSON *root = json ? cJSON_ParseWithLength(json, len) : NULL;
    const cJSON *mode = cJSON_GetObjectItemCaseSensitive(root, "candidate_ranking");
    const cJSON *miss = cJSON_GetObjectItemCaseSensitive(root, "missing");
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "task_profiles");
    int rc = 0;
    out->mode = cJSON_IsString(mode) && !strcmp(mode->valuestring, "budget") ? LD_RANK_BUDGET : LD_RANK_VALUE;
    out->skip_missing = cJSON_IsString(miss) && !strcmp(miss->valuestring, "skip");
    if (!cJSON_IsArray(list)) {
        if (default_profile(root, out) != 0) rc = error_set(err, LD_ERR_NOMEM, name, 0, 0, "out of memory");
        goto done;
    }
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
        const cJSON *why = cJSON_GetObjectItemCaseSensitive(p, "why");
        t->why = cJSON_IsString(why) ? keep(out, &at, why->valuestring) : "";
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
    if (rc != 0) { /* the caller reports it; a profile is still there to use */
        rules_profiles_free(out);
        memset(out->v, 0, sizeof out->v);
        out->v[0].name = "general";
        out->v[0].why = "";
        out->n = 1;
    }
    cJSON_Delete(root);
    return rc;
}
