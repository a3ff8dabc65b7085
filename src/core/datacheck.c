/* datacheck.c - `llmdeck data --check` (see datacheck.h). */
#include "llmdeck/datacheck.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "llmdeck/arch.h"
#include "llmdeck/csvload.h"
#include "llmdeck/hosting.h"
#include "llmdeck/sizing.h"

#define COMPUTED_TOLERANCE 0.005

typedef struct {
    ld_check_report *rep;
    char file[256];
    int nomem;
} checker;

#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static void add(checker *k, int error, long line, const char *fmt, ...)
{
    ld_check_report *r = k->rep;
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 32;
        ld_finding *v = realloc(r->v, cap * sizeof *v);
        if (!v) {
            k->nomem = 1;
            return;
        }
        r->v = v;
        r->cap = cap;
    }
    ld_finding *f = &r->v[r->n++];
    f->error = error;
    snprintf(f->file, sizeof f->file, "%s", k->file);
    f->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->msg, sizeof f->msg, fmt, ap);
    va_end(ap);
    if (error) r->errors++;
    else r->warnings++;
}

/* Line of each record of a CSV text (quotes may hold line breaks). */
static long *record_lines(const char *text, size_t len, size_t *n)
{
    size_t cap = 64, k = 0;
    long *v = malloc(cap * sizeof *v);
    if (!v) return NULL;
    long line = 1;
    int quoted = 0, at_start = 1;
    for (size_t i = 0; i < len; i++) {
        if (at_start) {
            if (k == cap) {
                long *nv = realloc(v, (cap *= 2) * sizeof *v);
                if (!nv) return free(v), NULL;
                v = nv;
            }
            v[k++] = line;
            at_start = 0;
        }
        char c = text[i];
        if (c == '"') quoted = !quoted;
        else if (c == '\n') {
            line++;
            if (!quoted) at_start = 1;
        }
    }
    *n = k;
    return v;
}

static const char *cell(const ld_catalog *cat, size_t r, const char *id)
{
    int c = catalog_col_index(cat, id);
    return c >= 0 ? catalog_text(cat, r, (size_t)c) : "";
}

/* The setting a row states for `metric` in its bench_settings
 * ("metric=setting; ..."), copied to buf; 0 when it states none. */
static int setting_of(const char *settings, const char *metric, char *buf, size_t n)
{
    size_t ml = strlen(metric);
    for (const char *p = settings; *p;) {
        while (*p == ' ' || *p == ';') p++;
        const char *end = strchr(p, ';');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len > ml && strncasecmp(p, metric, ml) == 0 && p[ml] == '=') {
            size_t vl = len - ml - 1;
            if (vl >= n) vl = n - 1;
            memcpy(buf, p + ml + 1, vl);
            buf[vl] = '\0';
            return 1;
        }
        if (!end) break;
        p = end + 1;
    }
    return 0;
}

/* Does `setting` satisfy the column's words (all / any / none)? */
static const char *setting_misfit(const cJSON *spec, const char *setting)
{
    const cJSON *w;
    cJSON_ArrayForEach(w, cJSON_GetObjectItemCaseSensitive(spec, "all"))
        if (cJSON_IsString(w) && !strcasestr(setting, w->valuestring)) return "lacks a word the column requires";
    const cJSON *any = cJSON_GetObjectItemCaseSensitive(spec, "any");
    if (cJSON_GetArraySize(any) > 0) {
        int hit = 0;
        cJSON_ArrayForEach(w, any) hit |= cJSON_IsString(w) && strcasestr(setting, w->valuestring) != NULL;
        if (!hit) return "is not one the column accepts";
    }
    cJSON_ArrayForEach(w, cJSON_GetObjectItemCaseSensitive(spec, "none"))
        if (cJSON_IsString(w) && strcasestr(setting, w->valuestring) && !strcasestr(setting, "no tools"))
            return "has a word the column excludes";
    if (strncasecmp(setting, "unstated", 8) == 0 && !cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(spec, "unstated_ok")))
        return "is unstated";
    return NULL;
}

static void check_metrics(checker *k, const ld_catalog *cat, size_t r, long line, const cJSON *cols)
{
    const char *settings = cell(cat, r, "bench_settings");
    int any = 0;
    const cJSON *m;
    cJSON_ArrayForEach(m, cols) {
        const cJSON *spec = cJSON_GetObjectItemCaseSensitive(m, "setting");
        if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(m, "metric")) || !spec ||
            cJSON_GetObjectItemCaseSensitive(m, "derive"))
            continue;
        int c = catalog_col_index(cat, m->string);
        if (c < 0 || isnan(catalog_num(cat, r, (size_t)c))) continue;
        any = 1;
        char s[256];
        if (!setting_of(settings, m->string, s, sizeof s)) {
            add(k, 1, line, "%s: %s has no %s= entry in bench_settings", cell(cat, r, "model"), m->string, m->string);
            continue;
        }
        const char *why = setting_misfit(spec, s);
        if (why) {
            const cJSON *t = cJSON_GetObjectItemCaseSensitive(spec, "text");
            add(k, 1, line, "%s: %s's setting '%s' %s (column: %s)", cell(cat, r, "model"), m->string, s, why,
                cJSON_IsString(t) ? t->valuestring : "?");
        }
    }
    if (any && !*cell(cat, r, "bench_source"))
        add(k, 1, line, "%s: benchmark figures without a bench_source", cell(cat, r, "model"));
}

/* The release precision: names the sizing knows, a source, and for the
 * experts' own an expert shape the sizing can count. */
static void check_release(checker *k, const ld_catalog *cat, size_t r, long line)
{
    const char *model = cell(cat, r, "model"), *rq = cell(cat, r, "release_quant"),
               *req = cell(cat, r, "release_expert_quant");
    if (!*rq && !*req) return;
    if (!*cell(cat, r, "release_source")) add(k, 1, line, "%s: a release precision without a release_source", model);
    if (*rq && !sizing_quant_find(rq))
        add(k, 1, line, "%s: release_quant '%s' is not a quantization llmdeck knows (bf16, fp8, mxfp4, int4, ...)",
            model, rq);
    if (!*req) return;
    if (!*rq) add(k, 1, line, "%s: release_expert_quant without release_quant (the other weights')", model);
    if (!sizing_quant_find(req))
        add(k, 1, line, "%s: release_expert_quant '%s' is not a quantization llmdeck knows", model, req);
    ld_model_arch a;
    if (arch_from_catalog(cat, r, &a, NULL) != 0 || !arch_routed_known(&a))
        add(k, 1, line,
            "%s: release_expert_quant needs the routed experts' shape (experts, experts_active, "
            "moe_intermediate_size, hidden_size, layers) within params_b",
            model);
}

static const char *const arch_ids[] = {"layers", "hidden_size", "attention_heads", "kv_heads", "head_dim",
                                       "vocab_size", "kv_lora_rank", "experts", NULL};

static void check_arch(checker *k, const ld_catalog *cat, size_t r, long line, ld_check_report *rep)
{
    const char *model = cell(cat, r, "model");
    int has_arch = 0;
    for (const char *const *id = arch_ids; *id; id++) has_arch |= *cell(cat, r, *id) != '\0';
    if (has_arch && !*cell(cat, r, "arch_source")) add(k, 1, line, "%s: architecture without an arch_source", model);
    if (strcasecmp(cell(cat, r, "open_weights"), "yes") != 0) return;
    ld_model_arch a;
    if (arch_from_catalog(cat, r, &a, NULL) != 0) {
        add(k, 1, line, "%s: open weights but no params_b", model);
        return;
    }
    if (!arch_kv_known(&a)) add(k, 1, line, "%s: the KV cache cannot be computed (architecture incomplete)", model);
    /* the full layers' own heads apply beside sliding-window ones only: elsewhere they would be ignored */
    if ((a.global_kv_heads > 0) != (a.global_head_dim > 0) ||
        (a.global_kv_heads > 0 && (a.sliding_window <= 0 || a.global_layers < 0 || a.attn != LD_ATTN_GQA)))
        add(k, 1, line,
            "%s: global_kv_heads and global_head_dim go together, on a GQA model with sliding_window and "
            "global_layers",
            model);
    /* KV-shared layers: the sizing ignores counts that do not fit the
     * layers of each kind, so they must fit here (and leave a cache) */
    long attn_layers = a.layers - a.linear_layers;
    int windowed = a.sliding_window > 0 && a.global_layers >= 0 && a.global_layers <= attn_layers;
    if ((a.kv_shared_global > 0 && a.kv_shared_layers <= 0) || a.kv_shared_global > a.kv_shared_layers ||
        (a.kv_shared_layers > 0 &&
         (a.kv_shared_layers >= attn_layers ||
          (windowed && (a.kv_shared_global > a.global_layers ||
                        a.kv_shared_layers - a.kv_shared_global > attn_layers - a.global_layers)))))
        add(k, 1, line,
            "%s: kv_shared_layers (%ld) and kv_shared_global (%ld) must fit the %ld attention layers "
            "(%ld of them full) and leave one with a cache",
            model, a.kv_shared_layers, a.kv_shared_global, attn_layers, windowed ? a.global_layers : attn_layers);
    if (a.unread_params_b > 0 && a.unread_params_b >= a.params_b)
        add(k, 1, line, "%s: unread_params_b %.4g is not a part of params_b %.4g", model, a.unread_params_b,
            a.params_b);
    /* the sizing takes it off the active count too: right for a dense
     * model, not for a published MoE count that may already leave it out */
    if (a.unread_params_b > 0 && a.experts > 0)
        add(k, 1, line, "%s: unread_params_b on a mixture of experts: its active count may already leave them out",
            model);
    if ((a.index_topk > 0 || a.index_layers > 0 || a.index_key_bytes > 0) && a.index_head_dim <= 0)
        add(k, 1, line, "%s: index_topk, index_layers or index_key_bytes without index_head_dim (the indexer)",
            model);
    int compressed = a.attn == LD_ATTN_COMPRESSED;
    if (!compressed && (a.csa_layers > 0 || a.csa_ratio > 0 || a.hca_layers > 0 || a.hca_ratio > 0))
        add(k, 1, line, "%s: csa_* or hca_* columns without attn_kind compressed", model);
    if (compressed && (a.sliding_window <= 0 || (a.csa_layers > 0) != (a.csa_ratio > 1) ||
                       (a.hca_layers > 0) != (a.hca_ratio > 1) || a.csa_layers + a.hca_layers > a.layers ||
                       a.linear_layers > 0))
        add(k, 1, line,
            "%s: compressed attention needs sliding_window, csa_ratio (> 1) with csa_layers, hca_ratio (> 1) "
            "with hca_layers, within the %ld layers, and no linear layers",
            model, a.layers);
    /* its indexer sits on the CSA layers, whose entries it chooses */
    if (compressed && a.index_head_dim > 0 && (a.csa_layers <= 0 || (a.index_layers > 0 && a.index_layers != a.csa_layers)))
        add(k, 1, line, "%s: the indexer of compressed attention sits on its %ld CSA layers (index_layers %ld)", model,
            a.csa_layers, a.index_layers);
    if (!compressed && a.index_head_dim > 0 &&
        (a.sliding_window > 0 || a.linear_layers > 0 || a.index_layers > attn_layers))
        add(k, 1, line,
            "%s: an indexer on %ld of %ld attention layers, beside sliding-window or linear layers: not described",
            model, a.index_layers > 0 ? a.index_layers : attn_layers, attn_layers);
    if (a.active_source == LD_ACTIVE_ALL_ASSUMED) /* its speeds would be those of a dense model its size */
        add(k, 0, line,
            "%s: a mixture of experts without active_params_b, and its architecture does not give it: "
            "the sizing counts all %.4gB as active",
            model, a.params_b);
    const char *pc = cell(cat, r, "param_check");
    if (strcasecmp(pc, "no") == 0) {
        if (!*cell(cat, r, "arch_note")) add(k, 1, line, "%s: param_check no without a reason in arch_note", model);
        return;
    }
    double total, active;
    if (arch_param_count(&a, &total, &active) != 0) {
        add(k, 1, line, "%s: the parameter count cannot be recomputed (architecture incomplete)", model);
        return;
    }
    rep->params_checked++;
    double tol = strcasecmp(pc, "computed") == 0 ? COMPUTED_TOLERANCE : ARCH_PARAM_TOLERANCE;
    double off = (total - a.params_b) / a.params_b;
    if (fabs(off) > tol)
        add(k, 1, line, "%s: params_b %.4g but the architecture gives %.4gB (%+.1f%%, tolerance %.1f%%)", model,
            a.params_b, total, off * 100, tol * 100);
}

/* Lower-cased names and aliases of every row, for the uniqueness check. */
typedef struct {
    char *name;
    size_t row;
} name_ref;

static int cmp_name(const void *x, const void *y)
{
    const name_ref *a = x, *b = y;
    int c = strcmp(a->name, b->name);
    return c ? c : (a->row > b->row) - (a->row < b->row);
}

static void check_names(checker *k, const ld_catalog *cat, const long *lines, size_t nlines)
{
    size_t cap = 256, n = 0;
    name_ref *v = malloc(cap * sizeof *v);
    if (!v) {
        k->nomem = 1;
        return;
    }
    for (size_t r = 0; r < catalog_rows(cat); r++) {
        char buf[4096];
        snprintf(buf, sizeof buf, "%s|%s", cell(cat, r, "model"), cell(cat, r, "aliases"));
        char *save = NULL;
        for (char *t = strtok_r(buf, "|", &save); t; t = strtok_r(NULL, "|", &save)) {
            while (isspace((unsigned char)*t)) t++;
            size_t l = strlen(t);
            while (l && isspace((unsigned char)t[l - 1])) t[--l] = '\0';
            if (!l) continue;
            for (char *c = t; *c; c++) *c = (char)tolower((unsigned char)*c);
            if (n == cap) {
                name_ref *nv = realloc(v, (cap *= 2) * sizeof *v);
                if (!nv) {
                    k->nomem = 1;
                    break;
                }
                v = nv;
            }
            if (!(v[n].name = strdup(t))) {
                k->nomem = 1;
                break;
            }
            v[n++].row = r;
        }
    }
    qsort(v, n, sizeof *v, cmp_name);
    for (size_t i = 1; i < n; i++)
        if (strcmp(v[i].name, v[i - 1].name) == 0 && v[i].row != v[i - 1].row)
            add(k, 1, v[i].row + 1 < nlines ? lines[v[i].row + 1] : 0, "'%s' names two rows: %s and %s", v[i].name,
                cell(cat, v[i - 1].row, "model"), cell(cat, v[i].row, "model"));
    for (size_t i = 0; i < n; i++) free(v[i].name);
    free(v);
}

static long day_number(const char *s);

/* Columns whose figures come from one dated snapshot (metrics.json
 * columns.ID.as_of, the arena scores): older than 12 months before `today`
 * is a warning, as for GPU prices. */
static void check_column_dates(checker *k, const cJSON *cols, const char *today)
{
    long now = day_number(today);
    const cJSON *c;
    cJSON_ArrayForEach(c, cols) {
        const cJSON *as_of = cJSON_GetObjectItemCaseSensitive(c, "as_of");
        if (!cJSON_IsString(as_of)) continue;
        long d = day_number(as_of->valuestring);
        if (d < 0)
            add(k, 1, 0, "metrics.json columns.%s.as_of: expected YYYY-MM-DD, got '%s'", c->string, as_of->valuestring);
        else if (now >= 0 && now - d > 365)
            add(k, 0, 0, "%s: the figures are dated %s, more than 12 months before %s (refresh them from one newer "
                         "snapshot)",
                c->string, as_of->valuestring, today);
    }
}

/* A derived win rate is computed against a fixed rating (metrics.json,
 * derive.reference) that must be the reference row's own score in the same
 * snapshot: a refresh of the scores that leaves it behind shifts every win
 * rate.  derive.reference_row names that row. */
static void check_derive_reference(checker *k, const ld_catalog *cat, const long *lines, size_t nlines,
                                   const cJSON *cols)
{
    const cJSON *c;
    cJSON_ArrayForEach(c, cols) {
        const cJSON *d = cJSON_GetObjectItemCaseSensitive(c, "derive");
        const cJSON *row_name = cJSON_GetObjectItemCaseSensitive(d, "reference_row");
        const cJSON *from = cJSON_GetObjectItemCaseSensitive(d, "from");
        const cJSON *ref = cJSON_GetObjectItemCaseSensitive(d, "reference");
        if (!cJSON_IsString(row_name) || !cJSON_IsString(from) || !cJSON_IsNumber(ref)) continue;
        long r = catalog_find(cat, row_name->valuestring);
        int fc = catalog_col_index(cat, from->valuestring);
        if (fc < 0) continue; /* nothing is derived */
        if (r < 0) { /* another data set: its scores cannot be checked against the reference */
            add(k, 0, 0, "%s is derived against %g (metrics.json columns.%s.derive.reference), and no row '%s' "
                         "says whose %s that is in this data",
                c->string, ref->valuedouble, c->string, row_name->valuestring, from->valuestring);
            continue;
        }
        double v = catalog_num(cat, (size_t)r, (size_t)fc);
        if (!(v == ref->valuedouble))
            add(k, 1, (size_t)r + 1 < nlines ? lines[r + 1] : 0,
                "%s: %s %s, but %s is derived against %g (metrics.json columns.%s.derive.reference): "
                "refresh both from one snapshot",
                row_name->valuestring, from->valuestring, catalog_text(cat, (size_t)r, (size_t)fc), c->string,
                ref->valuedouble, c->string);
    }
}

/* A catalogue whose newest open model is more than 12 months old misses
 * the models released since: every recommendation picks among older ones
 * (the answers say how far the data reaches; this says it is time to add). */
static void check_release_horizon(checker *k, const ld_dataset *ds, const char *today)
{
    ld_data_horizon h;
    dataset_horizon(ds, &h);
    int y, m, ty, tm;
    if (!h.newest_release[0] || sscanf(h.newest_release, "%4d-%2d", &y, &m) != 2 ||
        sscanf(today, "%4d-%2d", &ty, &tm) != 2)
        return;
    if ((ty * 12 + tm) - (y * 12 + m) > 12)
        add(k, 0, 0,
            "the newest open model (%s) was released %s, more than 12 months before %s: models released since are "
            "missing (add them from their cards)",
            h.newest_model, h.newest_release, today);
}

static void check_models(checker *k, const ld_dataset *ds, const char *today, ld_check_report *rep)
{
    size_t len = 0, xlen = 0;
    const char *origin = NULL;
    const char *text = dataset_file(ds, "models.csv", &len, &origin);
    const char *metrics = dataset_file(ds, "metrics.json", &xlen, NULL);
    if (!text) return;
    ld_catalog *cat = ds->models;
    size_t nlines = 0;
    long *lines = record_lines(text, len, &nlines);
    if (!lines) {
        k->nomem = 1;
        return;
    }
    cJSON *mroot = metrics ? cJSON_ParseWithLength(metrics, xlen) : NULL;
    const cJSON *cols = cJSON_GetObjectItemCaseSensitive(mroot, "columns");
    /* --load'ed rows are the user's: only the shipped rows are checked */
    size_t shipped = nlines > 0 ? nlines - 1 : 0;
    if (shipped > catalog_rows(cat)) shipped = catalog_rows(cat);
    for (size_t r = 0; r < shipped; r++) {
        long line = r + 1 < nlines ? lines[r + 1] : 0;
        rep->rows_checked++;
        if (!*cell(cat, r, "source")) add(k, 1, line, "%s: no source", cell(cat, r, "model"));
        if (*cell(cat, r, "hosted_in_per_1m") && !*cell(cat, r, "price_source"))
            add(k, 1, line, "%s: hosted prices without a price_source", cell(cat, r, "model"));
        check_metrics(k, cat, r, line, cols);
        check_arch(k, cat, r, line, rep);
        check_release(k, cat, r, line);
    }
    check_names(k, cat, lines, nlines);
    check_derive_reference(k, cat, lines, nlines, cols);
    check_column_dates(k, cols, today);
    check_release_horizon(k, ds, today);
    cJSON_Delete(mroot);
    free(lines);
}

/* Days since 0000-03-01 of a YYYY-MM-DD date (a civil-date formula), or -1. */
static long day_number(const char *s)
{
    int y, m, d;
    if (!s || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31) return -1;
    if (m < 3) y--, m += 12;
    return 365L * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d;
}

static void check_gpus(checker *k, const ld_dataset *ds, const char *today)
{
    size_t len = 0;
    const char *text = dataset_file(ds, "gpus.csv", &len, NULL);
    if (!text) return;
    ld_gpu_list l;
    ld_error err;
    error_clear(&err);
    if (hosting_gpus_parse(&l, text, len, k->file, &err) != 0) {
        add(k, 1, err.line, "%s", err.msg);
        return;
    }
    long now = day_number(today);
    for (size_t i = 0; i < l.n; i++) {
        const ld_gpu *g = &l.v[i];
        long line = (long)i + 2;
        if (!g->source[0]) add(k, 1, line, "%s: no source", g->name);
        if (isnan(g->memory_mib))
            add(k, 0, line, "%s: no memory_mib (the driver's total): fits are measured against memory_gb as listed, "
                            "up to 7%% less than a card sold in binary GB has", g->name);
        if (isnan(g->hourly_usd)) continue;
        long d = day_number(g->price_date);
        if (d < 0) add(k, 1, line, "%s: an hourly price without a price_date (YYYY-MM-DD)", g->name);
        else if (now >= 0 && now - d > 365)
            add(k, 0, line, "%s: the price is dated %s, more than 12 months before %s", g->name, g->price_date, today);
    }
    hosting_gpus_free(&l);
}

static void label_of(const ld_dataset *ds, const char *name, char *buf, size_t n)
{
    const char *origin = NULL;
    if (!dataset_file(ds, name, NULL, &origin) || strcmp(origin, "embedded") == 0)
        snprintf(buf, n, "data/%s", name);
    else
        snprintf(buf, n, "%s", origin);
}

int datacheck_run(const ld_dataset *ds, const char *today, ld_check_report *rep)
{
    memset(rep, 0, sizeof *rep);
    checker k = {rep, "", 0};
    label_of(ds, "models.csv", k.file, sizeof k.file);
    if (ds->models) check_models(&k, ds, today, rep);
    label_of(ds, "gpus.csv", k.file, sizeof k.file);
    check_gpus(&k, ds, today);
    return k.nomem ? -1 : 0;
}

void datacheck_free(ld_check_report *rep)
{
    free(rep->v);
    memset(rep, 0, sizeof *rep);
}
