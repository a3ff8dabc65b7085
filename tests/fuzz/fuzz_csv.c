/* fuzz_csv.c - models CSV (csvload + catalog + numparse), as --data's
 * models.csv, `table FILE` and --load read it: parse with the catalogue's
 * declared columns, merge into a small catalogue, score, sort, filter-free
 * output in every format (checked: see fuzz_common.h). */
/* DICT: csv.dict (libFuzzer dictionary, see run.sh) */
#include <ctype.h>

#include "fuzz_common.h"

#include "llmdeck/score.h"

static const char *const NUMBER_COLS[] = {"params_b", "context_length", "mmlu", "humaneval",
                                          "gsm8k", "relative_cost", NULL};
static const char *const TEXT_COLS[] = {"model", "aliases", "license", "source", NULL};
static const char BASE[] =
    "model,aliases,mmlu,relative_cost\n"
    "Llama-2-70B,Llama-2-70B-Chat,68.9,0.15\n"
    "Mistral-7B,Mistral-7B-Instruct,60.1,0.0125\n";

static int progress(void *ctx, size_t done, size_t total, size_t rows)
{
    (void)ctx;
    (void)rows;
    FUZZ_CHECK(done <= total, "progress %zu of %zu", done, total);
    return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_locale();
    return 0;
}

static void use(ld_catalog *cat)
{
    size_t rows = catalog_rows(cat), ncols = catalog_cols(cat);
    uint32_t *idx = malloc((rows ? rows : 1) * sizeof *idx);
    int *cols = malloc((ncols ? ncols : 1) * sizeof *cols);
    if (!idx || !cols) abort();
    size_t n = view_identity(cat, idx);
    FUZZ_CHECK(n == rows, "identity");
    for (size_t c = 0; c < ncols; c++) cols[c] = (int)c;
    /* sort by every column in turn (numeric and natural text order) */
    for (size_t c = 0; c < ncols && c < 4; c++) {
        ld_sort_key k[2] = {{(int)c, (int)(c & 1)}, {0, 0}};
        FUZZ_CHECK(view_sort(cat, idx, n, k, 2) == 0, "sort");
    }
    /* the sort is a permutation */
    unsigned char *seen = calloc(rows ? rows : 1, 1);
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(idx[i] < rows && !seen[idx[i]], "sort lost a row");
        seen[idx[i]] = 1;
    }
    free(seen);
    for (size_t r = 0; r < rows && r < 8; r++) {
        const char *name = catalog_text(cat, r, catalog_key_col(cat));
        long found = catalog_find(cat, name);
        int blank = 1; /* names are trimmed: a blank one is no name */
        for (const char *c = name; *c; c++) blank &= isspace((unsigned char)*c) != 0;
        FUZZ_CHECK(blank || found >= 0, "name '%s' of row %zu not found", name, r);
    }
    fz_check_outputs(cat, idx, n, cols, ncols);
    free(idx);
    free(cols);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ld_error err;
    error_clear(&err);
    ld_csv_options opt = {NUMBER_COLS, TEXT_COLS, progress, NULL};
    ld_catalog *cat = csvload_buffer((const char *)data, size, "fuzz.csv", &opt, &err);
    if (!cat) {
        fz_check_error(&err);
        if (err.code == LD_ERR_PARSE) FUZZ_CHECK(err.line >= 1, "parse error without a line: %s", err.msg);
        return 0;
    }
    FUZZ_CHECK(catalog_cols(cat) > 0, "a catalogue without columns");
    if (score_update(cat, LD_MISSING_ZERO) < 0) abort();
    use(cat);
    /* --load: merge into a catalogue, then re-type and re-score */
    ld_catalog *base = csvload_buffer(BASE, sizeof BASE - 1, "base.csv", NULL, &err);
    if (!base) abort();
    if (catalog_merge(base, cat, &err) >= 0 && catalog_finish(base, "merge", NULL, &err) == 0) {
        if (score_update(base, LD_MISSING_SKIP) < 0) abort();
        use(base);
    } else {
        fz_check_error(&err);
    }
    catalog_free(base);
    catalog_free(cat);
    return 0;
}
