/* fuzz_metrics.c - metrics.json (--data DIR): the column metadata applied to
 * a catalogue (labels, units, weights, directions, decimals), both through
 * dataset_apply_metrics and through dataset_open on a directory (which also
 * reads the declared column types); then score and write the table; and
 * its task profiles, said in words by the catalogue's labels (the wizard's
 * task step, recommend's candidates line). */
/* DICT: json.dict (libFuzzer dictionary, see run.sh) */
#include <unistd.h>

#include "fuzz_common.h"

#include "llmdeck/dataset.h"
#include "llmdeck/rules.h"
#include "llmdeck/score.h"

static const char MODELS[] =
    "model,aliases,params_b,context_length,mmlu,humaneval,gsm8k,arc,relative_cost,source\n"
    "GPT-4 (reference),GPT-4,,128000,86.4,67.0,92.0,96.3,1.0,seed\n"
    "Mistral-7B,Mistral-7B-Instruct,7.2,32768,60.1,30.5,52.2,,0.0125,seed\n"
    "Broken,,,,NA,,,,0,none\n";

static char dir[64];

static void cleanup(void)
{
    char p[128];
    snprintf(p, sizeof p, "%s/metrics.json", dir);
    unlink(p);
    snprintf(p, sizeof p, "%s/models.csv", dir);
    unlink(p);
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_locale();
    snprintf(dir, sizeof dir, "/tmp/llmdeck-fuzz-metrics-XXXXXX");
    if (!mkdtemp(dir)) abort();
    atexit(cleanup);
    char p[128];
    snprintf(p, sizeof p, "%s/models.csv", dir);
    FILE *f = fopen(p, "wb");
    if (!f) abort();
    fwrite(MODELS, 1, sizeof MODELS - 1, f);
    fclose(f);
    return 0;
}

/* Every profile in words, whole and cut: always a terminated string that
 * fits its buffer. */
static void say_profiles(const ld_catalog *cat, const uint8_t *data, size_t size)
{
    ld_task_profiles p;
    ld_error err;
    error_clear(&err);
    if (rules_profiles_parse((const char *)data, size, "fuzz-metrics.json", &p, &err) != 0) fz_check_error(&err);
    FUZZ_CHECK(p.n >= 1 && p.n <= LD_TASK_MAX_PROFILES, "profiles %zu", p.n);
    char buf[2048];
    for (size_t n = 1; n <= sizeof buf; n = n < 64 ? n + 1 : n * 4) {
        rules_profiles_keywords(&p, buf, n);
        FUZZ_CHECK(strlen(buf) < n, "keywords past %zu bytes", n);
        for (size_t i = 0; i < p.n; i++) {
            FUZZ_CHECK(p.v[i].name && p.v[i].why, "profile %zu without name or why", i);
            rules_profile_weights(&p.v[i], cat, buf, n);
            FUZZ_CHECK(strlen(buf) < n, "weights past %zu bytes", n);
        }
    }
    FUZZ_CHECK(rules_profiles_pick(&p, "customer support") != NULL, "no profile picked");
    rules_profiles_free(&p);
}

static void write_table(ld_catalog *cat)
{
    size_t rows = catalog_rows(cat), ncols = catalog_cols(cat);
    uint32_t idx[16];
    int cols[64];
    if (rows > 16 || ncols > 64) abort();
    size_t n = view_identity(cat, idx);
    for (size_t c = 0; c < ncols; c++) cols[c] = (int)c;
    int v = catalog_col_index(cat, "value_score");
    if (v >= 0) {
        ld_sort_key k = {v, 1};
        view_sort(cat, idx, n, &k, 1);
    }
    fz_check_outputs(cat, idx, n, cols, ncols);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ld_error err;
    error_clear(&err);
    /* 1. applied to a loaded catalogue */
    ld_catalog *cat = csvload_buffer(MODELS, sizeof MODELS - 1, "models.csv", NULL, &err);
    if (!cat || score_add_columns(cat) < 0) abort();
    if (dataset_apply_metrics(cat, (const char *)data, size, "fuzz-metrics.json", &err) != 0) {
        fz_check_error(&err);
        catalog_free(cat);
        return 0; /* the directory would fail the same way: save the file I/O */
    }
    if (score_update(cat, LD_MISSING_ZERO) < 0) abort();
    write_table(cat);
    say_profiles(cat, data, size);
    catalog_free(cat);
    /* 2. a --data directory with this metrics.json (its declared types too) */
    char p[128];
    snprintf(p, sizeof p, "%s/metrics.json", dir);
    FILE *f = fopen(p, "wb");
    if (!f) abort();
    fwrite(data, 1, size, f);
    fclose(f);
    ld_dataset ds;
    error_clear(&err);
    if (dataset_open(&ds, dir, NULL, &err) != 0) {
        fz_check_error(&err);
    } else {
        write_table(ds.models);
    }
    dataset_close(&ds);
    return 0;
}
