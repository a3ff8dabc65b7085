/* rules.c - the recommendation engine (see rules.h).
 *
 * The seed's recommend_model is an if/elif chain; here each branch is a rule
 * of data/rules.json and the chain is "first rule whose conditions all hold".
 * Comparisons follow the seed exactly: == and != are byte-for-byte (the seed
 * compares budget == "low" and task_type == "code" case-sensitively, so
 * "Low" takes the else branches), contains_ci folds ASCII case like the
 * seed's `"chinese" in language.lower()` (for any needle made of ASCII
 * letters, Python's Unicode lower() finds it exactly where ASCII folding
 * does), numbers compare as doubles. */
#include "llmdeck/rules.h"
#include "strci.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- fields and operators -------------------------------------------- */

typedef enum { FT_NUM, FT_STR, FT_BOOL } ftype;
typedef enum {
    F_CONTEXT, F_BUDGET, F_TASK, F_LANGUAGE, F_LATENCY, F_FINETUNE,
    F_COMMERCIAL, F_TOKENS, F_COUNT
} field;

/* `words` names the field in the trace; for booleans `yes` / `no` say its
 * state in plain words. */
static const struct {
    const char *id, *words, *yes, *no;
    ftype type;
} FIELDS[F_COUNT] = {
    {"context_length", "context", 0, 0, FT_NUM},
    {"budget", "budget", 0, 0, FT_STR},
    {"task_type", "task", 0, 0, FT_STR},
    {"language", "language", 0, 0, FT_STR},
    {"latency_critical", 0, "latency-critical", "not latency-critical", FT_BOOL},
    {"needs_fine_tuning", 0, "fine-tuning needed", "no fine-tuning needed", FT_BOOL},
    {"commercial_use_required", 0, "commercial use required",
     "commercial use not required", FT_BOOL},
    {"monthly_tokens", "monthly tokens", 0, 0, FT_NUM},
};

typedef enum { OP_EQ, OP_NE, OP_GT, OP_GE, OP_LT, OP_LE, OP_CONTAINS_CI,
               OP_EQUALS_CI, OP_COUNT } op;
static const char *const OPS[OP_COUNT] = {"==", "!=", ">", ">=", "<", "<=",
                                          "contains_ci", "equals_ci"};
#define OPS_LIST "== != > >= < <= contains_ci equals_ci"

/* Which ops make sense for which type: a typo like ">" on a text field is
 * refused when loading instead of silently never matching. */
static int op_allowed(op o, ftype t)
{
    switch (t) {
    case FT_NUM: return o <= OP_LE;
    case FT_STR: return o == OP_EQ || o == OP_NE || o >= OP_CONTAINS_CI;
    case FT_BOOL: return o == OP_EQ || o == OP_NE;
    }
    return 0;
}

typedef struct {
    field f;
    op o;
    double num;
    char *str;
    int b;
} cond;

typedef struct {
    char *id, *model, *reason;
    cond *when;
    size_t nwhen;
    char **alts;
    size_t nalts;
} rule;

struct ld_rules {
    rule *r;
    size_t n;
    char **cons;
    size_t ncons;
    ld_requirements defaults;
};

/* ---- small helpers --------------------------------------------------- */

static void free_strv(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++) free(v[i]);
    free(v);
}

/* ASCII case-insensitive substring search (see the file comment). */
int rules_set_text(char *dst, const char *src)
{
    size_t n = strlen(src);
    if (n >= LD_REQ_TEXT) return -1;
    memcpy(dst, src, n + 1);
    return 0;
}

void rules_requirements_init(ld_requirements *req)
{
    memset(req, 0, sizeof *req);
    req->context_length = 4096;
    strcpy(req->budget, "medium");
    strcpy(req->task_type, "general");
    strcpy(req->language, "english");
    req->licence = LD_LICENCE_ANY;
}

void rules_requirements_defaults(const ld_rules *rules, ld_requirements *req)
{
    if (rules) *req = rules->defaults;
    else rules_requirements_init(req);
}

size_t rules_count(const ld_rules *rules) { return rules ? rules->n : 0; }

const char *rules_id(const ld_rules *rules, size_t i)
{
    return rules && i < rules->n ? rules->r[i].id : NULL;
}

/* ---- loading ---------------------------------------------------------- */

void rules_free(ld_rules *rules)
{
    if (!rules) return;
    for (size_t i = 0; i < rules->n; i++) {
        rule *r = &rules->r[i];
        free(r->id);
        free(r->model);
        free(r->reason);
        for (size_t k = 0; k < r->nwhen; k++) free(r->when[k].str);
        free(r->when);
        free_strv(r->alts, r->nalts);
    }
    free(rules->r);
    free_strv(rules->cons, rules->ncons);
    free(rules);
}

static int find_field(const char *id)
{
    for (int f = 0; f < F_COUNT; f++)
        if (strcmp(FIELDS[f].id, id) == 0) return f;
    return -1;
}

/* Loading context: the file name and the rule being read, for messages. */
typedef struct {
    const char *name;
    ld_error *err;
    char where[200]; /* "rule 3 (\"code\")", "defaults", "considerations" */
} lctx;

static int bad(lctx *c, const char *fmt, const char *a, const char *b)
{
    char msg[400];
    snprintf(msg, sizeof msg, fmt, a ? a : "", b ? b : "");
    return error_set(c->err, LD_ERR_PARSE, c->name, 0, 0, "%s%s%s", c->where,
                     c->where[0] ? ": " : "", msg);
}

/* A JSON array of strings into a fresh vector. */
static int load_strv(lctx *c, const cJSON *a, const char *key, char ***out,
                     size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!a) return 0;
    if (!cJSON_IsArray(a)) return bad(c, "\"%s\" must be a list of strings", key, 0);
    size_t cnt = (size_t)cJSON_GetArraySize(a);
    if (!cnt) return 0;
    char **v = calloc(cnt, sizeof *v);
    if (!v) return error_set(c->err, LD_ERR_NOMEM, c->name, 0, 0, "out of memory");
    const cJSON *it;
    size_t i = 0;
    cJSON_ArrayForEach(it, a) {
        if (!cJSON_IsString(it)) {
            free_strv(v, i);
            return bad(c, "\"%s\" must be a list of strings", key, 0);
        }
        if (!(v[i] = strdup(it->valuestring))) {
            free_strv(v, i);
            return error_set(c->err, LD_ERR_NOMEM, c->name, 0, 0, "out of memory");
        }
        i++;
    }
    *out = v;
    *n = cnt;
    return 0;
}

static int load_cond(lctx *c, const cJSON *j, size_t k, cond *out)
{
    char num[32];
    snprintf(num, sizeof num, "%zu", k + 1);
    if (!cJSON_IsObject(j)) return bad(c, "condition %s must be an object", num, 0);
    const cJSON *it;
    cJSON_ArrayForEach(it, j) {
        if (strcmp(it->string, "field") && strcmp(it->string, "op") &&
            strcmp(it->string, "value"))
            return bad(c, "unknown key \"%s\" in condition %s", it->string, num);
    }
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(j, "field");
    const cJSON *o = cJSON_GetObjectItemCaseSensitive(j, "op");
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, "value");
    if (!cJSON_IsString(f)) return bad(c, "condition %s: missing \"field\"", num, 0);
    if (!cJSON_IsString(o)) return bad(c, "condition %s: missing \"op\"", num, 0);
    if (!v) return bad(c, "condition %s: missing \"value\"", num, 0);
    int fi = find_field(f->valuestring);
    if (fi < 0)
        return bad(c, "unknown field \"%s\" in condition %s (expected context_length, "
                      "budget, task_type, language, latency_critical, needs_fine_tuning, "
                      "commercial_use_required or monthly_tokens)", f->valuestring, num);
    int oi = -1;
    for (int i = 0; i < OP_COUNT; i++)
        if (strcmp(OPS[i], o->valuestring) == 0) oi = i;
    if (oi < 0)
        return bad(c, "unknown op \"%s\" in condition %s (expected one of " OPS_LIST ")",
                   o->valuestring, num);
    ftype t = FIELDS[fi].type;
    if (!op_allowed((op)oi, t))
        return bad(c, "op \"%s\" does not apply to field \"%s\"", o->valuestring,
                   f->valuestring);
    out->f = (field)fi;
    out->o = (op)oi;
    if (t == FT_NUM) {
        if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble))
            return bad(c, "condition %s: \"%s\" compares with a number", num,
                       f->valuestring);
        out->num = v->valuedouble;
    } else if (t == FT_BOOL) {
        if (!cJSON_IsBool(v))
            return bad(c, "condition %s: \"%s\" compares with true or false", num,
                       f->valuestring);
        out->b = cJSON_IsTrue(v);
    } else {
        if (!cJSON_IsString(v))
            return bad(c, "condition %s: \"%s\" compares with a string", num,
                       f->valuestring);
        if (!(out->str = strdup(v->valuestring)))
            return error_set(c->err, LD_ERR_NOMEM, c->name, 0, 0, "out of memory");
    }
    return 0;
}

static int load_rule(lctx *c, const cJSON *j, size_t i, ld_rules *rs)
{
    rule *r = &rs->r[i];
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(j, "id");
    snprintf(c->where, sizeof c->where, "rule %zu", i + 1);
    if (!cJSON_IsObject(j)) return bad(c, "must be an object", 0, 0);
    if (!cJSON_IsString(id) || !id->valuestring[0])
        return bad(c, "missing \"id\"", 0, 0);
    snprintf(c->where, sizeof c->where, "rule %zu (\"%.100s\")", i + 1, id->valuestring);
    for (size_t k = 0; k < i; k++)
        if (strcmp(rs->r[k].id, id->valuestring) == 0)
            return error_set(c->err, LD_ERR_PARSE, c->name, 0, 0,
                             "%s: duplicate id (also rule %zu)", c->where, k + 1);
    const cJSON *it;
    cJSON_ArrayForEach(it, j) {
        static const char *const keys[] = {"id", "when", "model", "reason",
                                           "alternatives", "comment"};
        size_t ok = 0;
        for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
            ok |= strcmp(it->string, keys[k]) == 0;
        if (!ok) return bad(c, "unknown key \"%s\"", it->string, 0);
    }
    if (!(r->id = strdup(id->valuestring))) goto nomem;
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(j, "model");
    if (!cJSON_IsString(m) || !m->valuestring[0]) return bad(c, "missing \"model\"", 0, 0);
    if (!(r->model = strdup(m->valuestring))) goto nomem;
    const cJSON *re = cJSON_GetObjectItemCaseSensitive(j, "reason");
    if (!cJSON_IsString(re)) return bad(c, "missing \"reason\"", 0, 0);
    if (!(r->reason = strdup(re->valuestring))) goto nomem;
    /* "when" is required, so a misspelt key cannot turn a rule into a
     * catch-all; the catch-all says `"when": []` on purpose. */
    const cJSON *w = cJSON_GetObjectItemCaseSensitive(j, "when");
    if (!cJSON_IsArray(w))
        return bad(c, "missing \"when\" (a list of conditions; [] always applies)", 0, 0);
    size_t nw = (size_t)cJSON_GetArraySize(w);
    if (nw && !(r->when = calloc(nw, sizeof *r->when))) goto nomem;
    size_t k = 0;
    cJSON_ArrayForEach(it, w) {
        r->nwhen = k + 1; /* so rules_free sees a partly read condition */
        if (load_cond(c, it, k, &r->when[k]) < 0) return -1;
        k++;
    }
    return load_strv(c, cJSON_GetObjectItemCaseSensitive(j, "alternatives"),
                     "alternatives", &r->alts, &r->nalts);
nomem:
    return error_set(c->err, LD_ERR_NOMEM, c->name, 0, 0, "out of memory");
}

static int load_defaults(lctx *c, const cJSON *d, ld_requirements *req)
{
    rules_requirements_init(req);
    if (!d) return 0;
    snprintf(c->where, sizeof c->where, "defaults");
    if (!cJSON_IsObject(d)) return bad(c, "must be an object", 0, 0);
    const cJSON *it;
    cJSON_ArrayForEach(it, d) {
        int f = find_field(it->string);
        if (f < 0) return bad(c, "unknown field \"%s\"", it->string, 0);
        ftype t = FIELDS[f].type;
        if (t == FT_NUM && (!cJSON_IsNumber(it) || !(it->valuedouble >= 0) ||
                            !isfinite(it->valuedouble)))
            return bad(c, "\"%s\" must be a number >= 0", it->string, 0);
        if (t == FT_BOOL && !cJSON_IsBool(it))
            return bad(c, "\"%s\" must be true or false", it->string, 0);
        if (t == FT_STR && (!cJSON_IsString(it) || strlen(it->valuestring) >= LD_REQ_TEXT))
            return bad(c, "\"%s\" must be a string of at most 127 bytes", it->string, 0);
        switch ((field)f) {
        case F_CONTEXT: req->context_length = it->valuedouble; break;
        case F_TOKENS: req->monthly_tokens = it->valuedouble; break;
        case F_BUDGET: strcpy(req->budget, it->valuestring); break;
        case F_TASK: strcpy(req->task_type, it->valuestring); break;
        case F_LANGUAGE: strcpy(req->language, it->valuestring); break;
        case F_LATENCY: req->latency_critical = cJSON_IsTrue(it); break;
        case F_FINETUNE: req->needs_fine_tuning = cJSON_IsTrue(it); break;
        case F_COMMERCIAL:
            req->licence = cJSON_IsTrue(it) ? LD_LICENCE_COMMERCIAL : LD_LICENCE_ANY;
            break;
        case F_COUNT: break;
        }
    }
    return 0;
}

/* 1-based line and column (in bytes) of offset `off` in `s`. */
static void line_col(const char *s, size_t off, long *line, long *col)
{
    long l = 1, cc = 1;
    for (size_t i = 0; i < off; i++) {
        if (s[i] == '\n') l++, cc = 1;
        else cc++;
    }
    *line = l;
    *col = cc;
}

static int load_doc(lctx *c, const cJSON *root, ld_rules *rs)
{
    if (!cJSON_IsObject(root)) return bad(c, "expected a JSON object with \"rules\"", 0, 0);
    const cJSON *it;
    cJSON_ArrayForEach(it, root) {
        static const char *const keys[] = {"as_of", "source", "comment", "defaults",
                                           "rules", "considerations"};
        size_t ok = 0;
        for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
            ok |= strcmp(it->string, keys[k]) == 0;
        if (!ok) return bad(c, "unknown key \"%s\"", it->string, 0);
    }
    const cJSON *rl = cJSON_GetObjectItemCaseSensitive(root, "rules");
    if (!cJSON_IsArray(rl) || !cJSON_GetArraySize(rl))
        return bad(c, "\"rules\" must be a non-empty list", 0, 0);
    size_t n = (size_t)cJSON_GetArraySize(rl);
    if (!(rs->r = calloc(n, sizeof *rs->r)))
        return error_set(c->err, LD_ERR_NOMEM, c->name, 0, 0, "out of memory");
    size_t i = 0;
    cJSON_ArrayForEach(it, rl) {
        rs->n = i + 1;
        if (load_rule(c, it, i, rs) < 0) return -1;
        i++;
    }
    snprintf(c->where, sizeof c->where, "%s", "");
    if (load_strv(c, cJSON_GetObjectItemCaseSensitive(root, "considerations"),
                  "considerations", &rs->cons, &rs->ncons) < 0)
        return -1;
    return load_defaults(c, cJSON_GetObjectItemCaseSensitive(root, "defaults"),
                         &rs->defaults);
}

int rules_load(const char *json, size_t len, const char *name, ld_rules **out,
               ld_error *err)
{
    lctx c = {name ? name : "rules.json", err, ""};
    *out = NULL;
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(json, len, &end, 0);
    size_t off = 0;
    if (root) {
        /* cJSON stops after the first value; anything but blanks after it
         * is a malformed file, not something to ignore. */
        off = (size_t)(end - json);
        while (off < len && strchr(" \t\r\n", json[off]) && json[off]) off++;
        if (off < len && json[off]) {
            cJSON_Delete(root);
            root = NULL;
            end = json + off;
        }
    }
    if (!root) {
        long line, col;
        off = end && end >= json ? (size_t)(end - json) : 0;
        if (off > len) off = len;
        size_t rest = off; /* only blanks left: the file was cut short */
        while (rest < len && json[rest] && strchr(" \t\r\n", json[rest])) rest++;
        if (rest >= len || !json[rest]) off = rest;
        /* Blanks are never at fault: cJSON stops past a stray token in an
         * object (`{"a": 1,, }`), so point at the token before them. */
        else while (off > 0 && strchr(" \t\r\n", json[off])) off--;
        line_col(json, off, &line, &col);
        if (off >= len || !json[off])
            return error_set(err, LD_ERR_PARSE, c.name, line, col, "unexpected end of JSON");
        /* Quote what cJSON stopped at: it points at the value it could not
         * read, which is not always the exact byte at fault. */
        char near[24];
        size_t k = 0;
        for (; k + 1 < sizeof near && off + k < len && json[off + k] != '\n'; k++)
            near[k] = json[off + k] >= 0x20 && json[off + k] < 0x7f ? json[off + k] : '?';
        near[k] = 0;
        return error_set(err, LD_ERR_PARSE, c.name, line, col, "invalid JSON at \"%s\"",
                         near);
    }
    ld_rules *rs = calloc(1, sizeof *rs);
    if (!rs) {
        cJSON_Delete(root);
        return error_set(err, LD_ERR_NOMEM, c.name, 0, 0, "out of memory");
    }
    int rc = load_doc(&c, root, rs);
    cJSON_Delete(root);
    if (rc < 0) {
        rules_free(rs);
        return -1;
    }
    *out = rs;
    return 0;
}

/* ---- evaluation ------------------------------------------------------- */

/* Evaluates one condition and writes in plain words why it holds or not. */
static int eval_cond(const cond *k, const ld_requirements *q, FILE *why)
{
    const char *w = FIELDS[k->f].words;
    int hit = 0;
    switch (FIELDS[k->f].type) {
    case FT_NUM: {
        double v = k->f == F_CONTEXT ? q->context_length : q->monthly_tokens;
        switch (k->o) {
        case OP_EQ: hit = v == k->num; break;
        case OP_NE: hit = v != k->num; break;
        case OP_GT: hit = v > k->num; break;
        case OP_GE: hit = v >= k->num; break;
        case OP_LT: hit = v < k->num; break;
        case OP_LE: hit = v <= k->num; break;
        default: break;
        }
        if (k->f == F_TOKENS && v == 0)
            fprintf(why, "%s not given (0) %s%s %.15g", w, hit ? "" : "is not ", OPS[k->o],
                    k->num);
        else
            fprintf(why, "%s %.15g %s%s %.15g", w, v, hit ? "" : "is not ", OPS[k->o], k->num);
        break;
    }
    case FT_BOOL: {
        int v = k->f == F_LATENCY ? q->latency_critical
              : k->f == F_FINETUNE ? q->needs_fine_tuning
              : q->licence != LD_LICENCE_ANY;
        hit = (k->o == OP_EQ) == (v == k->b);
        fputs(v ? FIELDS[k->f].yes : FIELDS[k->f].no, why);
        break;
    }
    case FT_STR: {
        const char *v = k->f == F_BUDGET ? q->budget
                      : k->f == F_TASK ? q->task_type : q->language;
        int eq = strcmp(v, k->str) == 0, eqci = strcasecmp(v, k->str) == 0;
        switch (k->o) {
        case OP_EQ: hit = eq; break;
        case OP_NE: hit = !eq; break;
        case OP_EQUALS_CI: hit = eqci; break;
        case OP_CONTAINS_CI: hit = str_contains_ci(v, k->str); break;
        default: break;
        }
        if (k->o == OP_CONTAINS_CI)
            fprintf(why, "%s \"%s\" %s \"%s\"", w, v, hit ? "contains" : "does not contain",
                    k->str);
        else if ((k->o == OP_EQ || k->o == OP_EQUALS_CI) ? hit : !hit)
            fprintf(why, "%s is \"%s\"", w, v); /* equal (maybe ignoring case) */
        else
            fprintf(why, "%s \"%s\" is not \"%s\"", w, v, k->str);
        /* The seed's == is case-sensitive: say so when that is what decided. */
        if (k->o == OP_EQ && !eq && eqci) fputs(" (case matters)", why);
        if (k->o == OP_EQUALS_CI && hit) fputs(" (any case)", why);
        break;
    }
    }
    return hit;
}

/* Whether rule r holds; *why gets the conditions that held, and the first
 * that failed (evaluation stops there, as the seed's `and` would). */
static int eval_rule(const rule *r, const ld_requirements *q, char **why)
{
    size_t sz = 0;
    *why = NULL;
    FILE *f = open_memstream(why, &sz);
    if (!f) return -1;
    int hit = 1;
    if (!r->nwhen) fputs("no conditions: always applies", f);
    for (size_t k = 0; k < r->nwhen && hit; k++) {
        char *part = NULL;
        size_t psz = 0;
        FILE *p = open_memstream(&part, &psz);
        if (!p) { fclose(f); free(*why); *why = NULL; return -1; }
        hit = eval_cond(&r->when[k], q, p);
        fclose(p);
        if (k) fputs(hit ? " and " : " but ", f);
        fputs(part ? part : "", f);
        free(part);
    }
    if (fclose(f) != 0 || !*why) { free(*why); *why = NULL; return -1; }
    return hit;
}

static int copy_strv(char *const *src, size_t n, char ***dst, size_t *dn)
{
    *dst = NULL;
    *dn = 0;
    if (!n) return 0;
    if (!(*dst = calloc(n, sizeof **dst))) return -1;
    for (size_t i = 0; i < n; i++) {
        if (!((*dst)[i] = strdup(src[i]))) return -1;
        *dn = i + 1;
    }
    return 0;
}

void rules_recommendation_free(ld_recommendation *rec)
{
    if (!rec) return;
    free(rec->model);
    free(rec->reason);
    free(rec->rule);
    free_strv(rec->alternatives, rec->nalternatives);
    free_strv(rec->considerations, rec->nconsiderations);
    for (size_t i = 0; i < rec->ntrace; i++) {
        free(rec->trace[i].rule);
        free(rec->trace[i].why);
    }
    free(rec->trace);
    memset(rec, 0, sizeof *rec);
    rec->model_row = -1;
}

int rules_recommend(const ld_rules *rs, const ld_requirements *req,
                    ld_recommendation *out)
{
    memset(out, 0, sizeof *out);
    out->model_row = -1;
    if (!(out->trace = calloc(rs->n ? rs->n : 1, sizeof *out->trace))) return -1;
    if (copy_strv(rs->cons, rs->ncons, &out->considerations, &out->nconsiderations) < 0)
        goto nomem;
    for (size_t i = 0; i < rs->n; i++) {
        const rule *r = &rs->r[i];
        ld_rule_trace *t = &out->trace[out->ntrace];
        int hit = eval_rule(r, req, &t->why);
        if (hit < 0) goto nomem;
        out->ntrace++;
        t->matched = hit;
        if (!(t->rule = strdup(r->id))) goto nomem;
        if (!hit) continue;
        if (!(out->model = strdup(r->model)) || !(out->reason = strdup(r->reason)) ||
            !(out->rule = strdup(r->id)) ||
            copy_strv(r->alts, r->nalts, &out->alternatives, &out->nalternatives) < 0)
            goto nomem;
        return 0;
    }
    return 1;
nomem:
    rules_recommendation_free(out);
    return -1;
}

long rules_resolve(ld_recommendation *rec, const ld_catalog *cat)
{
    rec->model_row = rec->model && cat ? catalog_find(cat, rec->model) : -1;
    return rec->model_row;
}
