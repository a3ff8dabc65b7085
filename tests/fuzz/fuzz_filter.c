/* fuzz_filter.c - the --filter / `/` expression language: compiled against
 * the embedded catalogue and applied to every row.  Properties: an error
 * names --filter and a position inside the expression (or just past it);
 * `not E` matches exactly the rows E does not. */
/* DICT: filter.dict (libFuzzer dictionary, see run.sh) */
#include "fuzz_common.h"

#include "llmdeck/dataset.h"
#include "llmdeck/filter.h"
#include "llmdeck/score.h"

static ld_dataset ds;
static uint32_t *all;
static size_t nall;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_locale();
    ld_error err;
    if (dataset_open(&ds, NULL, NULL, &err) != 0) {
        fprintf(stderr, "fuzz_filter: cannot open the embedded data: %s\n", err.msg);
        abort();
    }
    nall = catalog_rows(ds.models);
    all = malloc((nall ? nall : 1) * sizeof *all);
    view_identity(ds.models, all);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *expr = fz_cstr(data, size);
    size_t len = strlen(expr); /* a NUL ends the argument, as in argv */
    ld_error err;
    error_clear(&err);
    ld_filter *f = filter_compile(ds.models, expr, "--filter", &err);
    if (!f) {
        fz_check_error(&err);
        FUZZ_CHECK(strcmp(err.file, "--filter") == 0, "error names '%s'", err.file);
        FUZZ_CHECK(err.code != LD_ERR_USAGE || (err.col >= 1 && (size_t)err.col <= len + 1),
                   "position %ld in an expression of %zu bytes", err.col, len);
        free(expr);
        return 0;
    }
    uint32_t *out = malloc((nall ? nall : 1) * sizeof *out);
    size_t n = filter_apply(f, ds.models, all, nall, out);
    FUZZ_CHECK(n <= nall, "more rows than the catalogue");
    filter_free(f);
    /* negation is the complement */
    if (len < 4000 && expr[strspn(expr, " \t\n\v\f\r")]) { /* "" matches all: "not ()" is an error */
        char *neg = malloc(len + 16);
        snprintf(neg, len + 16, "not (%s)", expr);
        ld_filter *g = filter_compile(ds.models, neg, "--filter", &err);
        FUZZ_CHECK(g != NULL || strstr(err.msg, "nested"),
                   "'%s' compiles but 'not (...)' does not: %s", expr, err.msg);
        size_t m = g ? filter_apply(g, ds.models, all, nall, out) : nall - n;
        FUZZ_CHECK(n + m == nall, "'%s' matches %zu rows, its negation %zu of %zu", expr, n, m, nall);
        filter_free(g);
        free(neg);
    }
    free(out);
    free(expr);
    return 0;
}
