/* test_recommend_hardware.c - recommend --gpu: the candidates are the rows
 * that fit on the hardware asked (memfit_fits, one sequence of the context
 * at the precision asked), every other qualifying row is counted out, the
 * answer says so, and the 2023 rule's pick that does not fit is told so. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "llmdeck/dataset.h"
#include "llmdeck/hosting.h"
#include "llmdeck/memfit.h"
#include "llmdeck/report.h"
#include "llmdeck/rules.h"

static void test_candidates_fit_the_gpu(void **state)
{
    (void)state;
    unsetenv("LLMDECK_DATA");
    ld_dataset ds;
    ld_error err;
    error_clear(&err);
    assert_int_equal(dataset_open(&ds, NULL, NULL, &err), 0);
    size_t len;
    const char *mt = dataset_file(&ds, "metrics.json", &len, NULL);
    ld_task_profiles p;
    assert_int_equal(rules_profiles_parse(mt, len, "metrics.json", &p, &err), 0);
    const ld_gpu *g = hosting_gpu_find(ds.gpus, "L40S");
    assert_non_null(g);
    size_t rows = catalog_rows(ds.models);
    signed char *fits = malloc(rows);
    assert_non_null(fits);
    ld_requirements q;
    rules_requirements_init(&q);
    q.context_length = 32000;
    q.licence = LD_LICENCE_COMMERCIAL;
    ld_candidates all, some;
    assert_int_equal(rules_candidates_in(ds.models, &q, &p, &all, &err), 0);
    size_t big = 0;
    for (size_t r = 0; r < rows; r++) {
        double mem;
        fits[r] = (signed char)memfit_fits(ds.models, r, "release", q.context_length, g, 1, &mem);
        if (fits[r] == 1) assert_true(mem <= hosting_gpu_device_gb(g) * 0.9 + 1e-9); /* on one card's 90% */
    }
    for (size_t i = 0; i < all.n; i++) big += fits[all.items[i].row] != 1;
    snprintf(q.hardware, sizeof q.hardware, "1 × L40S (48 GB)");
    q.fits = fits;
    assert_int_equal(rules_candidates_in(ds.models, &q, &p, &some, &err), 0);
    assert_true(big > 0 && some.n > 0); /* the 70B+ rows drop, the small ones stay */
    assert_int_equal(some.n + big, all.n);
    assert_int_equal(some.excluded_hardware, big);
    for (size_t i = 0; i < some.n; i++) assert_int_equal(fits[some.items[i].row], 1);
    /* the answer says the requirement and how many it left out */
    ld_recommendation rec = {0};
    rec.model_row = -1;
    ld_report r;
    report_init(&r, ds.models, &q, &rec, &some, 10);
    char want[128];
    snprintf(want, sizeof want, "fit on 1 × L40S (48 GB) (%zu do not or cannot be sized)", big);
    assert_non_null(strstr(r.why, want));
    /* a row that does not fit is told so among its violations */
    long dsv3 = catalog_find(ds.models, "DeepSeek-V3");
    assert_true(dsv3 >= 0);
    assert_int_equal(fits[dsv3], 0);
    ld_violation v[LD_MAX_VIOLATIONS];
    size_t nv = rules_violations(ds.models, (size_t)dsv3, &q, v), hw = 0;
    for (size_t i = 0; i < nv; i++) hw += !strcmp(v[i].requirement, "hardware");
    assert_int_equal(hw, 1);
    rules_candidates_free(&all);
    rules_candidates_free(&some);
    rules_profiles_free(&p);
    free(fits);
    dataset_close(&ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_candidates_fit_the_gpu),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
