/* test_viewjob.c - sorts and filters that report progress and can be
 * cancelled (view_sort_progress, filter_apply_progress) and the helper
 * thread that runs them for the TUI (viewjob.h).
 *
 * Results are compared with the synchronous view_sort / filter_apply on
 * random data with ties and missing values (test_view.c checks those
 * against reference sorts). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"
#include "llmdeck/filter.h"
#include "llmdeck/score.h"
#include "llmdeck/view.h"
#include "llmdeck/viewjob.h"

/* rows random rows: unique names, a family with many ties and some empty
 * cells, a score with ties and missing values, a size. */
static ld_catalog *random_catalog(size_t rows, unsigned seed)
{
    static const char *const fam[] = {"llama", "Llama", "mistral", "qwen2", "qwen10", "", "Falcon-7B", "falcon-13b"};
    size_t cap = rows * 64 + 64, o = 0;
    char *csv = malloc(cap);
    assert_non_null(csv);
    o += (size_t)snprintf(csv + o, cap - o, "model,family,score,size,relative_cost\n");
    srand(seed);
    for (size_t r = 0; r < rows; r++) {
        int s = rand() % 12;
        char score[16] = "";
        if (s) snprintf(score, sizeof score, "%d.%d", rand() % 40, rand() % 2 * 5);
        int cost = rand() % 9; /* 0: missing */
        o += (size_t)snprintf(csv + o, cap - o, "m%zu,%s,%s,%d,%s\n", rows - r, fam[rand() % 8], score, rand() % 100,
                              cost ? (const char *[]){"0.5", "1", "2", "4", "8", "0.25", "3", "1.5"}[cost - 1] : "");
    }
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_buffer(csv, o, "r.csv", NULL, &err);
    free(csv);
    if (!cat) fail_msg("load: %s", err.msg);
    return cat;
}

static int col(const ld_catalog *cat, const char *id)
{
    int c = catalog_col_index(cat, id);
    if (c < 0) fail_msg("no column %s", id);
    return c;
}

static void progress_init(ld_progress *p)
{
    atomic_init(&p->cancel, 0);
    atomic_init(&p->phase, LD_PHASE_NONE);
    atomic_init(&p->done, 0);
    atomic_init(&p->total, 0);
}

static uint32_t *identity(const ld_catalog *cat)
{
    uint32_t *idx = malloc(catalog_rows(cat) * sizeof *idx);
    assert_non_null(idx);
    view_identity(cat, idx);
    return idx;
}

/* Every key combination sorts as view_sort does, and counts exactly the
 * units view_sort_units announced (so the percentage ends at 100). */
static void test_progress_sort_equals_sync(void **state)
{
    (void)state;
    ld_catalog *cat = random_catalog(5000, 7), *ref = random_catalog(5000, 7);
    size_t n = catalog_rows(cat);
    const char *specs[] = {"family", "family:desc", "score:desc", "score", "family,score:desc",
                           "score,family:desc,model", "model:desc", "size,family"};
    for (size_t s = 0; s < sizeof specs / sizeof specs[0]; s++) {
        ld_sort_key keys[LD_MAX_SORT_KEYS];
        size_t nk = 0;
        assert_int_equal(view_parse_sort(cat, specs[s], "t", keys, &nk, NULL), 0);
        uint32_t *in = identity(cat), *got = malloc(n * sizeof *got), *want = identity(ref);
        ld_progress p;
        progress_init(&p);
        size_t units = view_sort_units(cat, n, keys, nk);
        atomic_store(&p.total, units);
        assert_int_equal(view_sort_progress(NULL, cat, 1, in, got, n, keys, nk, &p), 0);
        assert_int_equal(view_sort(ref, want, n, keys, nk), 0);
        if (memcmp(got, want, n * sizeof *got) != 0) fail_msg("%s: order differs from view_sort", specs[s]);
        if (atomic_load(&p.done) != units)
            fail_msg("%s: %zu units done, %zu announced", specs[s], (size_t)atomic_load(&p.done), units);
        free(in); free(got); free(want);
    }
    catalog_free(cat);
    catalog_free(ref);
}

/* A cancel seen at the start: LD_CANCELLED, the output as it was, and no
 * rank cache left half built. */
static void test_cancel_leaves_output_untouched(void **state)
{
    (void)state;
    ld_catalog *cat = random_catalog(3000, 3);
    size_t n = catalog_rows(cat);
    ld_sort_key k = {col(cat, "family"), 0};
    uint32_t *in = identity(cat), *out = malloc(n * sizeof *out), *was = malloc(n * sizeof *was);
    memset(out, 0xAB, n * sizeof *out);
    memcpy(was, out, n * sizeof *out);
    ld_progress p;
    progress_init(&p);
    atomic_store(&p.cancel, 1);
    assert_int_equal(view_sort_progress(NULL, cat, 1, in, out, n, &k, 1, &p), LD_CANCELLED);
    assert_memory_equal(out, was, n * sizeof *out);
    assert_null(catalog_col(cat, (size_t)k.col)->rank);
    /* in place (out == in) as well */
    memcpy(was, in, n * sizeof *in);
    assert_int_equal(view_sort_progress(NULL, cat, 1, in, in, n, &k, 1, &p), LD_CANCELLED);
    assert_memory_equal(in, was, n * sizeof *in);
    /* and a filter */
    ld_filter *f = filter_compile(cat, "score>10", "t", NULL);
    assert_non_null(f);
    size_t got = 77;
    assert_int_equal(filter_apply_progress(f, cat, in, n, in, &got, &p), LD_CANCELLED);
    assert_int_equal(got, 77);
    assert_memory_equal(in, was, n * sizeof *in);
    /* not cancelled: the filter keeps what filter_apply keeps */
    atomic_store(&p.cancel, 0);
    uint32_t *want = identity(cat);
    size_t nwant = filter_apply(f, cat, want, n, want);
    assert_int_equal(filter_apply_progress(f, cat, in, n, out, &got, &p), 0);
    assert_int_equal(got, nwant);
    assert_memory_equal(out, want, nwant * sizeof *out);
    filter_free(f);
    free(in); free(out); free(was); free(want);
    catalog_free(cat);
}

/* A job on the helper thread: the progress never goes back, a cancel in
 * the middle ends it with nothing returned, and one left alone returns
 * what the synchronous filter and sort give. */
static void test_job_progress_cancel_and_result(void **state)
{
    (void)state;
    ld_catalog *cat = random_catalog(200000, 11), *ref = random_catalog(200000, 11);
    size_t n = catalog_rows(cat);
    ld_filter *f = filter_compile(cat, "score>=5 or family~qwen", "t", NULL);
    assert_non_null(f);
    ld_viewjob_spec s = {.cat = cat, .refilter = 1, .filter = f, .nkeys = 2, .set_id = 1};
    s.keys[0] = (ld_sort_key){col(cat, "family"), 1};
    s.keys[1] = (ld_sort_key){col(cat, "score"), 0};

    /* cancelled once it has started */
    ld_viewjob *j = viewjob_start(&s);
    assert_non_null(j);
    double last = 0;
    while (!viewjob_wait(j, 0) && viewjob_fraction(j) == 0) {}
    viewjob_cancel(j);
    uint32_t *rows = NULL, *sorted = NULL;
    size_t got = 0;
    int rc = viewjob_finish(j, &rows, &sorted, &got, NULL);
    if (rc == 0) { free(rows); free(sorted); } /* ended before the cancel: allowed, and rare */
    else assert_int_equal(rc, LD_CANCELLED);
    assert_null(rc == 0 ? NULL : rows);

    /* left alone: progress monotone, result as the synchronous way */
    j = viewjob_start(&s);
    assert_non_null(j);
    while (!viewjob_wait(j, 1)) {
        double fr = viewjob_fraction(j);
        if (fr < last) fail_msg("progress went back from %g to %g", last, fr);
        if (fr > 1) fail_msg("progress %g above 1", fr);
        last = fr;
    }
    assert_int_equal(viewjob_finish(j, &rows, &sorted, &got, NULL), 0);
    uint32_t *want = identity(ref);
    ld_filter *fr = filter_compile(ref, "score>=5 or family~qwen", "t", NULL);
    size_t nwant = filter_apply(fr, ref, want, n, want);
    uint32_t *fwant = malloc(nwant * sizeof *fwant);
    memcpy(fwant, want, nwant * sizeof *fwant);
    assert_int_equal(view_sort(ref, want, nwant, s.keys, 2), 0);
    assert_int_equal(got, nwant);
    assert_memory_equal(rows, fwant, nwant * sizeof *rows);
    assert_memory_equal(sorted, want, nwant * sizeof *sorted);
    free(rows); free(sorted); free(want); free(fwant);
    filter_free(f);
    filter_free(fr);
    catalog_free(cat);
    catalog_free(ref);
}

/* A held job (the TUI tests' LLMDECK_JOB_HOLD) does nothing until cancelled;
 * a job over given rows with no keys returns them as they were. */
static void test_hold_and_no_keys(void **state)
{
    (void)state;
    ld_catalog *cat = random_catalog(1000, 5);
    uint32_t some[4] = {9, 3, 700, 1};
    ld_viewjob_spec s = {.cat = cat, .rows = some, .n = 4, .hold = 1};
    ld_viewjob *j = viewjob_start(&s);
    assert_non_null(j);
    assert_int_equal(viewjob_wait(j, 30), 0);
    assert_true(viewjob_fraction(j) == 0);
    viewjob_cancel(j);
    assert_int_equal(viewjob_wait(j, -1), 1);
    uint32_t *rows = NULL, *sorted = NULL;
    size_t n = 0;
    assert_int_equal(viewjob_finish(j, &rows, &sorted, &n, NULL), LD_CANCELLED);
    assert_null(rows);
    s.hold = 0;
    j = viewjob_start(&s);
    assert_non_null(j);
    assert_int_equal(viewjob_finish(j, &rows, &sorted, &n, NULL), 0);
    assert_int_equal(n, 4);
    assert_memory_equal(rows, some, sizeof some);
    assert_memory_equal(sorted, some, sizeof some);
    free(rows);
    free(sorted);
    catalog_free(cat);
}

/* Weights changed: the rescore job's scores and order equal score_update
 * then view_sort; cancelled, it returns nothing and the catalogue keeps its
 * scores. */
static void test_rescore_job(void **state)
{
    (void)state;
    ld_catalog *cat = random_catalog(20000, 9), *ref = random_catalog(20000, 9);
    ld_catalog *both[2] = {cat, ref};
    for (int i = 0; i < 2; i++) {
        catalog_col(both[i], (size_t)col(both[i], "score"))->weight = 2;
        catalog_col(both[i], (size_t)col(both[i], "size"))->weight = 0.5;
        assert_true(score_update(both[i], LD_MISSING_SKIP) >= 0);
        catalog_col(both[i], (size_t)col(both[i], "size"))->weight = 3; /* the edit */
    }
    size_t n = catalog_rows(cat);
    int v = col(cat, "value_score");
    double before = catalog_num(cat, 5, (size_t)v);
    uint32_t *shown = identity(cat);
    ld_viewjob_spec s = {.cat = cat, .rescore = 1, .policy = LD_MISSING_ZERO, .rows = shown, .n = n, .nkeys = 2};
    s.keys[0] = (ld_sort_key){v, 1};
    s.keys[1] = (ld_sort_key){col(cat, "family"), 0};
    assert_int_equal(score_prepare(cat), 0);
    ld_scores sc;
    uint32_t *rows = NULL, *sorted = NULL;
    size_t got = 0;

    s.hold = 1; /* cancelled: nothing comes back, nothing changed */
    ld_viewjob *j = viewjob_start(&s);
    assert_non_null(j);
    viewjob_cancel(j);
    assert_int_equal(viewjob_finish(j, &rows, &sorted, &got, &sc), LD_CANCELLED);
    assert_true(catalog_num(cat, 5, (size_t)v) == before || (isnan(before) && isnan(catalog_num(cat, 5, (size_t)v))));

    s.hold = 0;
    j = viewjob_start(&s);
    assert_non_null(j);
    assert_int_equal(viewjob_finish(j, &rows, &sorted, &got, &sc), 0);
    score_install(cat, &sc);
    assert_true(score_update(ref, LD_MISSING_ZERO) >= 0);
    const char *cols[] = {"quality", "value_score", "coverage", "frontier"};
    for (size_t c = 0; c < 4; c++)
        for (size_t r = 0; r < n; r++) {
            double a = catalog_num(cat, r, (size_t)col(cat, cols[c])), b = catalog_num(ref, r, (size_t)col(ref, cols[c]));
            if (!(a == b || (isnan(a) && isnan(b)))) fail_msg("%s of row %zu: %g, score_update gives %g", cols[c], r, a, b);
        }
    uint32_t *want = identity(ref);
    assert_int_equal(view_sort(ref, want, n, s.keys, 2), 0);
    assert_int_equal(got, n);
    assert_memory_equal(sorted, want, n * sizeof *want);
    free(rows); free(sorted); free(want); free(shown);
    catalog_free(cat);
    catalog_free(ref);
}

/* A task job runs its function on the helper thread and returns what it
 * returns; no rows come back. */
static int sum_rows(void *arg)
{
    size_t *x = arg;
    x[1] = 0;
    for (size_t i = 0; i < x[0]; i++) x[1] += i;
    return x[0] == 3 ? -1 : 0; /* 3: pretend to fail */
}

static void test_task_job(void **state)
{
    (void)state;
    ld_catalog *cat = random_catalog(10, 1);
    size_t x[2] = {1000, 0};
    ld_viewjob_spec s = {.cat = cat, .task = sum_rows, .task_arg = x};
    ld_viewjob *j = viewjob_start(&s);
    assert_non_null(j);
    uint32_t *rows = (uint32_t *)1, *sorted = (uint32_t *)1;
    size_t n = 7;
    assert_int_equal(viewjob_finish(j, &rows, &sorted, &n, NULL), 0);
    assert_int_equal(x[1], 1000 * 999 / 2);
    assert_null(rows);
    assert_null(sorted);
    x[0] = 3;
    j = viewjob_start(&s);
    assert_non_null(j);
    assert_int_equal(viewjob_finish(j, &rows, &sorted, &n, NULL), -1);
    catalog_free(cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_progress_sort_equals_sync),
        cmocka_unit_test(test_cancel_leaves_output_untouched),
        cmocka_unit_test(test_job_progress_cancel_and_result),
        cmocka_unit_test(test_hold_and_no_keys),
        cmocka_unit_test(test_rescore_job),
        cmocka_unit_test(test_task_job),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
