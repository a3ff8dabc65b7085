/* dataset_fixture.h - temporary data folders and files for the dataset
 * tests (test_dataset.c, test_dataset_load.c): made under a mkdtemp folder
 * in setup, removed in teardown. */
#ifndef LLMDECK_DATASET_FIXTURE_H
#define LLMDECK_DATASET_FIXTURE_H

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/dataset.h"

/* cmocka catches SIGSEGV and carries on with the next test: a forked child
 * must die of its crash instead. */
static inline void child_default_signals(void)
{
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) signal(sigs[i], SIG_DFL);
}

static char tmpdir_[64];

static inline int setup(void **state)
{
    (void)state;
    unsetenv("LLMDECK_DATA");
    snprintf(tmpdir_, sizeof tmpdir_, "/tmp/ldds_XXXXXX");
    return mkdtemp(tmpdir_) ? 0 : -1;
}

static inline void rm_rf(const char *dir);

static inline int teardown(void **state)
{
    (void)state;
    rm_rf(tmpdir_);
    unsetenv("LLMDECK_DATA");
    return 0;
}

/* Files made by the tests, removed at the end. */
static char made_[64][512];
static size_t nmade_;

static inline const char *write_file(const char *rel, const char *text, size_t len)
{
    assert_true(nmade_ < 64);
    char *path = made_[nmade_++];
    snprintf(path, 512, "%s/%s", tmpdir_, rel);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    fclose(f);
    return path;
}

static inline const char *write_text(const char *rel, const char *text)
{
    return write_file(rel, text, strlen(text));
}

static inline const char *make_dir(const char *rel)
{
    assert_true(nmade_ < 64);
    char *path = made_[nmade_++];
    snprintf(path, 512, "%s/%s", tmpdir_, rel);
    assert_int_equal(mkdir(path, 0700), 0);
    return path;
}

static inline void rm_rf(const char *dir)
{
    /* files first, then directories, in reverse order of creation */
    for (size_t i = nmade_; i-- > 0;)
        if (unlink(made_[i]) != 0) rmdir(made_[i]);
    nmade_ = 0;
    rmdir(dir);
}

static inline int col(const ld_catalog *cat, const char *id)
{
    int c = catalog_col_index(cat, id);
    if (c < 0) fail_msg("no column %s", id);
    return c;
}

static inline long row_of(const ld_catalog *cat, const char *name)
{
    long r = catalog_find(cat, name);
    if (r < 0) fail_msg("no model %s", name);
    return r;
}

/* The frozen 2026-11 catalogue the engine's tests run on (tests/fixtures/
 * catalog-2026-11; the tests run from the repository's root). */
static inline void open_fixture_catalog(ld_dataset *ds)
{
    ld_error err;
    error_clear(&err);
    if (dataset_open(ds, "tests/fixtures/catalog-2026-11", NULL, &err) != 0)
        fail_msg("dataset_open: %s", err.msg);
}

static inline void open_embedded(ld_dataset *ds)
{
    ld_error err;
    error_clear(&err);
    if (dataset_open(ds, NULL, NULL, &err) != 0) fail_msg("dataset_open: %s", err.msg);
}

#endif
