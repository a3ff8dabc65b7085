/* dataset.c - which files are in use (embedded, --data DIR, --load) and the
 * models catalogue built from them. */
#include "llmdeck/dataset.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "derive.h"
#include "estimate.h"
#include "llmdeck/memfit.h"
#include "llmdeck/embed.h"
#include "llmdeck/hosting.h"
#include "llmdeck/score.h"
#include "jsonpos.h"

/* The data files llmdeck knows; a --data DIR may replace any of them. */
static const char *const known_files[] = {
    "models.csv", "metrics.json", "gpus.csv", "hosting.json", "rules.json", "manifest.json",
};

int dataset_parse_kind(const char *s, ld_dataset_kind *out)
{
    if (strcmp(s, "current") == 0) *out = LD_DATASET_CURRENT;
    else if (strcmp(s, "seed") == 0) *out = LD_DATASET_SEED;
    else return -1;
    return 0;
}

const char *dataset_kind_name(ld_dataset_kind k)
{
    return k == LD_DATASET_SEED ? "seed" : "current";
}

/* The file a data set reads for `name`: the seed set has its own catalogue
 * and metrics. */
static const char *source_name(ld_dataset_kind kind, const char *name)
{
    if (kind == LD_DATASET_SEED) {
        if (strcmp(name, "models.csv") == 0) return "seed-models.csv";
        if (strcmp(name, "metrics.json") == 0) return "seed-metrics.json";
    }
    return name;
}

static int add_file(ld_dataset *ds, const char *name, const char *dir, ld_error *err)
{
    ld_datafile *f = &ds->files[ds->nfiles];
    memset(f, 0, sizeof *f);
    snprintf(f->name, sizeof f->name, "%s", name);
    const char *from = source_name(ds->kind, name);
    if (dir && *dir) {
        char path[1024];
        if (snprintf(path, sizeof path, "%s/%s", dir, from) >= (int)sizeof path)
            return error_set(err, LD_ERR_USAGE, "--data", 0, 0, "the folder's path is too long");
        struct stat st;
        if (stat(path, &st) == 0) {
            f->owned = csvload_read_file(path, &f->len, err);
            if (!f->owned) return -1;
            f->text = f->owned;
            snprintf(f->origin, sizeof f->origin, "%s", path);
            ds->nfiles++;
            return 0;
        }
    }
    char ename[96];
    snprintf(ename, sizeof ename, "data/%s", from);
    f->text = embed_find(ename, &f->len);
    if (!f->text) return 0; /* not shipped yet: the module using it reports it */
    snprintf(f->origin, sizeof f->origin, "embedded");
    ds->nfiles++;
    return 0;
}

const char *dataset_file(const ld_dataset *ds, const char *name, size_t *len,
                         const char **origin)
{
    for (size_t i = 0; i < ds->nfiles; i++)
        if (strcmp(ds->files[i].name, name) == 0) {
            if (len) *len = ds->files[i].len;
            if (origin) *origin = ds->files[i].origin;
            return ds->files[i].text;
        }
    return NULL;
}

static ld_datafile *find_file(ld_dataset *ds, const char *name)
{
    for (size_t i = 0; i < ds->nfiles; i++)
        if (strcmp(ds->files[i].name, name) == 0) return &ds->files[i];
    return NULL;
}

/* Display name for messages: the path, or "data/NAME (embedded)". */
static void file_label(const ld_dataset *ds, const ld_datafile *f, char *buf, size_t n)
{
    if (strcmp(f->origin, "embedded") == 0)
        snprintf(buf, n, "data/%s (embedded)", source_name(ds->kind, f->name));
    else snprintf(buf, n, "%s", f->origin);
}

/* Column ids metrics.json declares as numbers / text, for the loader; the
 * ones whose numbers opening the data set reads (weighted metrics, the
 * cost), and whether it computes columns from others (derive, memory at a
 * glance, the self-hosting estimate: then any column may be read). */
typedef struct {
    char **number_ids, **text_ids, **read_ids;
    size_t nn, nt, nr;
    int computes;
} declared_cols;

static void declared_free(declared_cols *d)
{
    for (size_t i = 0; i < d->nn; i++) free(d->number_ids[i]);
    for (size_t i = 0; i < d->nt; i++) free(d->text_ids[i]);
    for (size_t i = 0; i < d->nr; i++) free(d->read_ids[i]);
    free(d->read_ids);
    free(d->number_ids);
    free(d->text_ids);
}

static int declared_from_metrics(const char *json, size_t len, declared_cols *d)
{
    memset(d, 0, sizeof *d);
    cJSON *root = cJSON_ParseWithLength(json, len);
    if (!root) return 0; /* reported when metrics are applied */
    cJSON *cols = cJSON_GetObjectItemCaseSensitive(root, "columns");
    size_t n = (size_t)cJSON_GetArraySize(cols);
    d->number_ids = calloc(n + 1, sizeof *d->number_ids);
    d->text_ids = calloc(n + 1, sizeof *d->text_ids);
    d->read_ids = calloc(n + 2, sizeof *d->read_ids);
    if (!d->number_ids || !d->text_ids || !d->read_ids || !(d->read_ids[d->nr++] = strdup("relative_cost"))) {
        cJSON_Delete(root);
        return -1;
    }
    d->computes = cJSON_GetObjectItemCaseSensitive(root, "memory_at_a_glance") != NULL ||
                  cJSON_GetObjectItemCaseSensitive(root, "selfhost_estimate") != NULL;
    cJSON *c;
    cJSON_ArrayForEach(c, cols) {
        const cJSON *t = cJSON_GetObjectItemCaseSensitive(c, "type");
        if (cJSON_GetObjectItemCaseSensitive(c, "derive")) d->computes = 1;
        if (!cJSON_IsString(t) || !c->string) continue;
        const cJSON *w = cJSON_GetObjectItemCaseSensitive(c, "weight");
        if (cJSON_IsNumber(w) && w->valuedouble != 0 && strcmp(c->string, "relative_cost") != 0) {
            char *rid = strdup(c->string);
            if (rid) d->read_ids[d->nr++] = rid;
        }
        char *id = strdup(c->string);
        if (!id) continue;
        if (strcmp(t->valuestring, "number") == 0) d->number_ids[d->nn++] = id;
        else d->text_ids[d->nt++] = id;
    }
    cJSON_Delete(root);
    return 0;
}

static char *dup_or_empty(const cJSON *s)
{
    return strdup(cJSON_IsString(s) ? s->valuestring : "");
}

int dataset_apply_metrics(ld_catalog *cat, const char *json, size_t len,
                          const char *name, ld_error *err)
{
    cJSON *root = cJSON_ParseWithLength(json, len);
    if (!root) {
        long line, col;
        jsonpos_of_error(json, len, &line, &col);
        return error_set(err, LD_ERR_PARSE, name, line, col, "invalid JSON");
    }
    cJSON *cols = cJSON_GetObjectItemCaseSensitive(root, "columns");
    if (!cJSON_IsObject(cols)) {
        cJSON_Delete(root);
        return error_set(err, LD_ERR_PARSE, name, 0, 0, "expected an object \"columns\"");
    }
    cJSON *m;
    /* a column described twice: cJSON keeps both, the second would be ignored */
    cJSON_ArrayForEach(m, cols)
        for (cJSON *p = cols->child; p != m; p = p->next)
            if (p->string && m->string && strcmp(p->string, m->string) == 0) {
                error_set(err, LD_ERR_PARSE, name, 0, 0, "columns.%s is described twice", m->string);
                cJSON_Delete(root);
                return -1;
            }
    cJSON_ArrayForEach(m, cols) {
        int c = catalog_col_index(cat, m->string);
        if (c < 0) continue;
        ld_column *col = catalog_col(cat, (size_t)c);
        if (!cJSON_IsObject(m)) {
            error_set(err, LD_ERR_PARSE, name, 0, 0, "columns.%s: expected an object", m->string);
            cJSON_Delete(root); /* after the message: it quotes m->string */
            return -1;
        }
        const cJSON *label = cJSON_GetObjectItemCaseSensitive(m, "label");
        const cJSON *unit = cJSON_GetObjectItemCaseSensitive(m, "unit");
        const cJSON *desc = cJSON_GetObjectItemCaseSensitive(m, "description");
        const cJSON *w = cJSON_GetObjectItemCaseSensitive(m, "weight");
        const cJSON *hib = cJSON_GetObjectItemCaseSensitive(m, "higher_is_better");
        const cJSON *dec = cJSON_GetObjectItemCaseSensitive(m, "decimals");
        const cJSON *metric = cJSON_GetObjectItemCaseSensitive(m, "metric");
        /* weights as --weights takes them (0 to 1e6: larger ones overflow the
         * weighted sum); decimals as printf can honour them quickly */
        const char *bad = NULL;
        if (w && (!cJSON_IsNumber(w) || !(w->valuedouble >= 0 && w->valuedouble <= 1e6)))
            bad = "weight: expected a number from 0 to 1e6";
        else if (dec && (!cJSON_IsNumber(dec) || !(dec->valuedouble >= 0 && dec->valuedouble <= 15) ||
                         dec->valuedouble != (double)(int)dec->valuedouble))
            bad = "decimals: expected a whole number from 0 to 15";
        else if (hib && !cJSON_IsBool(hib))
            bad = "higher_is_better: expected true or false";
        else if (label && !cJSON_IsString(label))
            bad = "label: expected a string";
        else if (unit && !cJSON_IsString(unit))
            bad = "unit: expected a string";
        else if (desc && !cJSON_IsString(desc))
            bad = "description: expected a string";
        if (bad) {
            error_set(err, LD_ERR_PARSE, name, 0, 0, "columns.%s.%s", m->string, bad);
            cJSON_Delete(root); /* after the message: it quotes m->string */
            return -1;
        }
        if (label) {
            free(col->label);
            col->label = dup_or_empty(label);
        }
        if (unit) {
            free(col->unit);
            col->unit = dup_or_empty(unit);
        }
        if (desc) {
            free(col->description);
            col->description = dup_or_empty(desc);
        }
        if (w) col->weight = w->valuedouble;
        if (hib) col->higher_is_better = cJSON_IsTrue(hib);
        if (dec) col->decimals = (int)dec->valuedouble;
        if (cJSON_IsTrue(metric)) col->flags |= LD_COLF_METRIC;
        if (!col->label || !col->unit || !col->description) {
            cJSON_Delete(root);
            return error_set(err, LD_ERR_NOMEM, name, 0, 0, "out of memory");
        }
    }
    cJSON_Delete(root);
    return 0;
}

/* metrics.json's "missing": the data set's missing-value policy. */
static int policy_from_metrics(const char *json, size_t len, const char *name, ld_missing *out,
                               ld_error *err)
{
    *out = LD_MISSING_ZERO;
    cJSON *root = cJSON_ParseWithLength(json, len);
    if (!root) return 0; /* reported by dataset_apply_metrics */
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(root, "missing");
    int rc = 0;
    if (cJSON_IsString(m) && strcmp(m->valuestring, "skip") == 0) *out = LD_MISSING_SKIP;
    else if (m && !(cJSON_IsString(m) && strcmp(m->valuestring, "zero") == 0))
        rc = error_set(err, LD_ERR_PARSE, name, 0, 0, "missing: expected \"zero\" or \"skip\"");
    cJSON_Delete(root);
    return rc;
}

/* metrics.json's "quality_scale": "raw" (the article's sum(w x m/100) /
 * sum(w), the default) or "percentile" (score.h): marked on the quality
 * column, which every later scoring of this catalogue reads. */
static int scale_from_metrics(ld_catalog *cat, const char *json, size_t len, const char *name, ld_error *err)
{
    cJSON *root = cJSON_ParseWithLength(json, len);
    if (!root) return 0; /* reported by dataset_apply_metrics */
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(root, "quality_scale");
    int pct = cJSON_IsString(m) && strcmp(m->valuestring, "percentile") == 0;
    int rc = 0;
    if (m && !pct && !(cJSON_IsString(m) && strcmp(m->valuestring, "raw") == 0))
        rc = error_set(err, LD_ERR_PARSE, name, 0, 0, "quality_scale: expected \"raw\" or \"percentile\"");
    cJSON_Delete(root);
    if (rc == 0 && score_set_percentile_scale(cat, pct) != 0)
        rc = error_set(err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
    return rc;
}

/* metrics.json's "table_columns" list, kept for the table's default view. */
static int columns_from_metrics(ld_dataset *ds, const char *json, size_t len)
{
    cJSON *root = cJSON_ParseWithLength(json, len);
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "table_columns"), *it;
    const cJSON *sort = cJSON_GetObjectItemCaseSensitive(root, "default_sort");
    if (cJSON_IsString(sort)) snprintf(ds->default_sort, sizeof ds->default_sort, "%s", sort->valuestring);
    size_t n = 0, max = sizeof ds->table_columns / sizeof ds->table_columns[0] - 1;
    int rc = 0;
    cJSON_ArrayForEach(it, list) {
        if (!cJSON_IsString(it) || n == max) continue;
        if (!(ds->table_columns[n] = strdup(it->valuestring))) {
            rc = -1;
            break;
        }
        n++;
    }
    cJSON_Delete(root);
    return rc;
}

/* gpus.csv, parsed once for the estimates, Mem GB and every later sizing
 * (dataset_hosting); kept when already parsed. */
static int open_gpus(ld_dataset *ds, ld_error *err)
{
    ld_datafile *gf = find_file(ds, "gpus.csv");
    if (ds->gpus || !gf) return 0;
    char glabel[1100];
    file_label(ds, gf, glabel, sizeof glabel);
    ld_gpu_list *l = calloc(1, sizeof *l);
    if (!l) return error_set(err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
    if (hosting_gpus_parse(l, gf->text, gf->len, glabel, err) != 0) {
        free(l);
        return -1;
    }
    ds->gpus = l;
    return 0;
}

/* Derived columns first, so metrics.json can label them; then the weights
 * it sets give the default scores.  Nothing between reads a score's cell
 * (derive_apply takes no computed column as its source), and score_update
 * sets every one: the columns are not emptied first. */
static int finish_models(ld_dataset *ds, ld_datafile *xf, int with_frontier, ld_error *err)
{
    char label[1100];
    if (xf) {
        if (score_add_columns_unset(ds->models) < 0)
            return error_set(err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
        file_label(ds, xf, label, sizeof label);
        if (derive_apply(ds->models, xf->text, xf->len, label, err) != 0) return -1;
        if (open_gpus(ds, err) != 0) return -1;
        if (ds->gpus && estimate_selfhost(ds->models, xf->text, xf->len, ds->gpus, &ds->estimates, err) < 0)
            return -1;
        if (ds->gpus && memfit_apply(ds->models, xf->text, xf->len, ds->gpus, err) < 0) return -1;
        if (dataset_apply_metrics(ds->models, xf->text, xf->len, label, err) != 0) return -1;
        if (policy_from_metrics(xf->text, xf->len, label, &ds->policy, err) != 0) return -1;
        if (scale_from_metrics(ds->models, xf->text, xf->len, label, err) != 0) return -1;
        if (columns_from_metrics(ds, xf->text, xf->len) != 0)
            return error_set(err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
    }
    if (score_update_opts(ds->models, ds->policy, with_frontier) < 0)
        return error_set(err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
    return 0;
}

static int open_models(ld_dataset *ds, const ld_csv_options *opt, ld_error *err)
{
    ld_datafile *mf = find_file(ds, "models.csv");
    ld_datafile *xf = find_file(ds, "metrics.json");
    char label[1100];
    if (!mf) return error_set(err, LD_ERR_IO, "models.csv", 0, 0, "no models.csv in the data set");
    declared_cols d = {0};
    if (xf && declared_from_metrics(xf->text, xf->len, &d) != 0)
        return error_set(err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
    ld_csv_options o = opt ? *opt : (ld_csv_options){0};
    o.number_cols = (const char *const *)d.number_ids;
    o.text_cols = (const char *const *)d.text_ids;
    o.numbers_read = NULL; /* the catalogue: every number, for every view */
    o.unique_names = 1; /* the catalogue: one row per model */
    file_label(ds, mf, label, sizeof label);
    ds->models = csvload_buffer(mf->text, mf->len, label, &o, err);
    declared_free(&d);
    if (!ds->models) return -1;
    mf->rows = catalog_rows(ds->models);
    return finish_models(ds, xf, 1, err);
}

int dataset_open(ld_dataset *ds, const char *dir, const ld_csv_options *opt, ld_error *err)
{
    return dataset_open_kind(ds, dir, LD_DATASET_CURRENT, opt, err);
}

int dataset_open_kind(ld_dataset *ds, const char *dir, ld_dataset_kind kind,
                      const ld_csv_options *opt, ld_error *err)
{
    memset(ds, 0, sizeof *ds);
    ds->kind = kind;
    if (!dir || !*dir) dir = getenv("LLMDECK_DATA");
    if (dir && *dir) {
        struct stat st;
        if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
            return error_set(err, LD_ERR_USAGE, "--data", 0, 0, "'%s' is not a directory", dir);
        if (snprintf(ds->dir, sizeof ds->dir, "%s", dir) >= (int)sizeof ds->dir)
            return error_set(err, LD_ERR_USAGE, "--data", 0, 0, "the folder's path is too long");
    }
    for (size_t i = 0; i < sizeof known_files / sizeof known_files[0]; i++)
        if (add_file(ds, known_files[i], ds->dir, err) != 0) return -1;
    return open_models(ds, opt, err);
}

int dataset_open_files(ld_dataset *ds, char *const *paths, size_t n,
                       const ld_csv_options *opt, ld_error *err)
{
    memset(ds, 0, sizeof *ds);
    ds->kind = LD_DATASET_SEED; /* the article's metrics and rule for a user's table */
    for (size_t i = 0; i < sizeof known_files / sizeof known_files[0]; i++)
        if (strcmp(known_files[i], "models.csv") != 0 && add_file(ds, known_files[i], NULL, err) != 0)
            return -1;
    for (size_t i = 0; i < n; i++) {
        if (i == 0) {
            /* Columns metrics.json declares numeric (mmlu, relative_cost, ...)
             * must hold numbers here too, as in models.csv and --load: a
             * word is an error at its FILE:LINE:COL, not a silent text
             * column that drops out of the value score. */
            declared_cols d = {0};
            ld_datafile *xf = find_file(ds, "metrics.json");
            if (xf && declared_from_metrics(xf->text, xf->len, &d) != 0)
                return error_set(err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
            ld_csv_options o = opt ? *opt : (ld_csv_options){0};
            o.number_cols = (const char *const *)d.number_ids;
            /* the caller's numbers to read, with the data set's own */
            const char **read = NULL;
            if (o.numbers_read && n == 1 && d.read_ids && !d.computes) { /* metrics.json read, nothing computed */
                size_t k = 0, nr = 0;
                while (o.numbers_read[k]) k++;
                if (!(read = calloc(k + d.nr + 1, sizeof *read))) {
                    declared_free(&d);
                    return error_set(err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
                }
                for (size_t i2 = 0; i2 < k; i2++) read[nr++] = o.numbers_read[i2];
                for (size_t i2 = 0; i2 < d.nr; i2++) read[nr++] = d.read_ids[i2];
            }
            o.numbers_read = read; /* NULL: every column's numbers */
            ds->models = csvload_file(paths[0], &o, err);
            free(read);
            declared_free(&d);
            if (!ds->models) return -1;
            ld_load *l = &ds->loads[ds->nloads++];
            snprintf(l->path, sizeof l->path, "%s", paths[0]);
            l->rows = catalog_rows(ds->models);
        } else if (dataset_load(ds, paths[i], opt, err) != 0) {
            return -1;
        }
    }
    return ds->models ? finish_models(ds, find_file(ds, "metrics.json"), !(opt && opt->no_frontier), err) : 0;
}

/* Is this JSON LiteLLM's pricing file?  An object of objects, some with
 * input_cost_per_token or litellm_provider. */
static int looks_like_litellm(const cJSON *root, size_t *entries)
{
    if (!cJSON_IsObject(root)) return 0;
    size_t n = 0, hits = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, root) {
        n++;
        if (cJSON_IsObject(e) && (cJSON_GetObjectItemCaseSensitive(e, "input_cost_per_token") ||
                                  cJSON_GetObjectItemCaseSensitive(e, "litellm_provider")))
            hits++;
    }
    *entries = n;
    return hits > 0;
}

/* Does the file start (after a BOM and blanks) like JSON?  -1 if unreadable. */
static int starts_like_json(const char *path, ld_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) return error_set(err, LD_ERR_IO, path, 0, 0, "cannot open: %s", strerror(errno));
    char head[4096];
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    size_t k = n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (k < n && (head[k] == ' ' || head[k] == '\n' || head[k] == '\r' || head[k] == '\t')) k++;
    return k < n && (head[k] == '{' || head[k] == '[');
}

static int load_litellm(ld_dataset *ds, const char *path, ld_error *err)
{
    size_t len;
    char *text = csvload_read_file(path, &len, err);
    if (!text) return -1;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) { /* cJSON does not skip a BOM */
        memmove(text, text + 3, len - 3 + 1);
        len -= 3;
    }
    cJSON *root = cJSON_ParseWithLength(text, len);
    if (!root) {
        long line, col;
        jsonpos_of_error(text, len, &line, &col);
        free(text);
        return error_set(err, LD_ERR_PARSE, path, line, col, "invalid JSON");
    }
    size_t entries = 0;
    int ok = looks_like_litellm(root, &entries);
    cJSON_Delete(root);
    if (!ok) {
        free(text);
        return error_set(err, LD_ERR_PARSE, path, 0, 0,
                         "expected a CSV file, or LiteLLM's model_prices_and_context_window.json "
                         "(an object of models with input_cost_per_token)");
    }
    ld_load *l = &ds->loads[ds->nloads++];
    memset(l, 0, sizeof *l);
    snprintf(l->path, sizeof l->path, "%s", path);
    l->kind = LD_LOAD_LITELLM;
    l->text = text;
    l->len = len;
    l->rows = entries;
    /* the offers change: the next dataset_hosting() parses them again */
    hosting_release(ds->hosting);
    ds->hosting = NULL;
    return 0;
}

int dataset_load(ld_dataset *ds, const char *path, const ld_csv_options *opt, ld_error *err)
{
    if (ds->nloads == LD_MAX_LOADS)
        return error_set(err, LD_ERR_USAGE, "--load", 0, 0, "at most %d files", LD_MAX_LOADS);
    int json = starts_like_json(path, err);
    if (json < 0) return -1;
    if (json) return load_litellm(ds, path, err);
    /* A loaded CSV's columns that the catalogue declares numeric (mmlu, ...)
     * must hold numbers: a word is an error at its FILE:LINE:COL, before
     * anything is merged. */
    declared_cols d = {0};
    ld_datafile *xf = find_file(ds, "metrics.json");
    if (xf && declared_from_metrics(xf->text, xf->len, &d) != 0)
        return error_set(err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
    ld_csv_options o = opt ? *opt : (ld_csv_options){0};
    o.number_cols = (const char *const *)d.number_ids;
    o.numbers_read = NULL; /* merged: every number, as the catalogue's */
    ld_catalog *src = csvload_file(path, &o, err);
    declared_free(&d);
    if (!src) return -1;
    long merged = catalog_merge(ds->models, src, err);
    ld_load *l = &ds->loads[ds->nloads];
    memset(l, 0, sizeof *l);
    snprintf(l->path, sizeof l->path, "%s", path);
    l->kind = LD_LOAD_CSV;
    l->rows = catalog_rows(src);
    catalog_free(src);
    if (merged < 0) return -1;
    l->merged = (size_t)merged;
    ds->nloads++;
    /* re-type the merged columns (a new column may have joined) */
    if (catalog_finish(ds->models, path, NULL, err) != 0) return -1;
    ld_datafile *mx = find_file(ds, "metrics.json");
    if (mx && derive_apply(ds->models, mx->text, mx->len, path, err) != 0) return -1;
    return score_update_opts(ds->models, ds->policy, !(opt && opt->no_frontier)) < 0 ? -1 : 0;
}

void dataset_close(ld_dataset *ds)
{
    for (size_t i = 0; i < ds->nfiles; i++) free(ds->files[i].owned);
    for (size_t i = 0; i < ds->nloads; i++) free(ds->loads[i].text);
    for (size_t i = 0; ds->table_columns[i]; i++) free(ds->table_columns[i]);
    catalog_free(ds->models);
    if (ds->gpus) hosting_gpus_free(ds->gpus);
    free(ds->gpus);
    hosting_release(ds->hosting);
    memset(ds, 0, sizeof *ds);
}

/* YYYY-MM at the start of s (a release month), the rest ignored. */
static int is_month(const char *s)
{
    for (int i = 0; i < 7; i++)
        if (i == 4 ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return 0;
    int month = (s[5] - '0') * 10 + (s[6] - '0');
    return month >= 1 && month <= 12;
}

/* metrics.json columns.ID.as_of as YYYY-MM-DD, or "". */
static void column_as_of(const cJSON *cols, const char *id, char *buf, size_t n)
{
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(cols, id), "as_of");
    buf[0] = '\0';
    if (cJSON_IsString(a) && strlen(a->valuestring) == 10 && is_month(a->valuestring))
        snprintf(buf, n, "%s", a->valuestring);
}

void dataset_horizon(const ld_dataset *ds, ld_data_horizon *h)
{
    memset(h, 0, sizeof *h);
    size_t len = 0;
    const char *text = dataset_file(ds, "metrics.json", &len, NULL);
    cJSON *root = text ? cJSON_ParseWithLength(text, len) : NULL;
    const cJSON *cols = cJSON_GetObjectItemCaseSensitive(root, "columns");
    column_as_of(cols, "arena_score", h->arena_as_of, sizeof h->arena_as_of);
    column_as_of(cols, "hosted_in_per_1m", h->prices_as_of, sizeof h->prices_as_of);
    cJSON_Delete(root);
    const ld_catalog *cat = ds->models;
    if (!cat) return;
    int open = catalog_col_index(cat, "open_weights"), rel = catalog_col_index(cat, "release");
    int arena = catalog_col_index(cat, "arena_score");
    size_t key = catalog_key_col(cat);
    for (size_t r = 0; r < catalog_rows(cat); r++) {
        if (open >= 0 && strcasecmp(catalog_text(cat, r, (size_t)open), "yes") != 0) continue;
        h->open_rows++;
        const char *m = rel >= 0 ? catalog_text(cat, r, (size_t)rel) : "";
        if (strlen(m) < 7 || !is_month(m)) continue;
        h->dated_rows++;
        if (memcmp(m, h->newest_release, 7) > 0) { /* YYYY-MM compares as text */
            memcpy(h->newest_release, m, 7);
            h->newest_release[7] = '\0';
            snprintf(h->newest_model, sizeof h->newest_model, "%s", catalog_text(cat, r, key));
        }
        /* released in the snapshot's month or later, and not in it */
        if (arena >= 0 && h->arena_as_of[0] && memcmp(m, h->arena_as_of, 7) >= 0 &&
            isnan(catalog_num(cat, r, (size_t)arena)))
            h->unscored_since++;
    }
}

const char *dataset_horizon_text(const ld_data_horizon *h, char *buf, size_t n)
{
    size_t len = 0;
    if (n) buf[0] = '\0';
    const char *part[3][2] = {{"open models released up to ", h->newest_release},
                              {"Arena scores of ", h->arena_as_of},
                              {"hosted prices of ", h->prices_as_of}};
    for (size_t i = 0; i < 3 && len < n; i++) {
        if (!part[i][1][0]) continue;
        len += (size_t)snprintf(buf + len, n - len, "%s%s%s", len ? ", " : "", part[i][0], part[i][1]);
        if (i == 1 && h->unscored_since && len < n) /* why the newest rank after the scored ones */
            len += (size_t)snprintf(buf + len, n - len, " (%zu open model%s released from %.7s on ha%s none)",
                                    h->unscored_since, h->unscored_since == 1 ? "" : "s", h->arena_as_of,
                                    h->unscored_since == 1 ? "s" : "ve");
    }
    return buf;
}

const char *dataset_as_of(const ld_dataset *ds, char *buf, size_t n)
{
    if (n) buf[0] = '\0';
    const char *morigin, *xorigin;
    size_t len;
    if (!dataset_file(ds, "models.csv", NULL, &morigin)) return buf;
    const char *text = dataset_file(ds, "manifest.json", &len, &xorigin);
    int same = text && (strcmp(morigin, "embedded") == 0) == (strcmp(xorigin, "embedded") == 0);
    if (!same) return buf;
    cJSON *root = cJSON_ParseWithLength(text, len);
    const cJSON *files = cJSON_GetObjectItemCaseSensitive(root, "files");
    /* the seed's rows are seed-models.csv, with a date of their own */
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(files, ds->kind == LD_DATASET_SEED ? "seed-models.csv"
                                                                                        : "models.csv");
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(m, "as_of");
    if (cJSON_IsString(a) && n) snprintf(buf, n, "%s", a->valuestring);
    cJSON_Delete(root);
    return buf;
}
