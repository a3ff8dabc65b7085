/* arch_fixture.h - the shipped data set and GPU list the architecture
 * tests size against (test_arch.c, test_arch_params.c), opened in setup. */
#ifndef LLMDECK_ARCH_FIXTURE_H
#define LLMDECK_ARCH_FIXTURE_H

#include <stdlib.h>

#include "testutil.h"

#include "llmdeck/arch.h"
#include "llmdeck/dataset.h"
#include "llmdeck/hosting.h"

static ld_dataset ds;
static ld_gpu_list gpus;

static inline int setup(void **state)
{
    (void)state;
    unsetenv("LLMDECK_DATA");
    ld_error err;
    error_clear(&err);
    if (dataset_open(&ds, NULL, NULL, &err) != 0) return -1;
    size_t len;
    const char *text = dataset_file(&ds, "gpus.csv", &len, NULL);
    return hosting_gpus_parse(&gpus, text, len, "gpus.csv", &err);
}

static inline int teardown(void **state)
{
    (void)state;
    hosting_gpus_free(&gpus);
    dataset_close(&ds);
    return 0;
}

static inline ld_model_arch arch_of(const char *name)
{
    ld_model_arch a;
    long r = catalog_find(ds.models, name);
    if (r < 0) fail_msg("no model %s", name);
    ld_error err;
    if (arch_from_catalog(ds.models, (size_t)r, &a, &err) != 0) fail_msg("%s: %s", name, err.msg);
    return a;
}

#endif
