/* render.h - a table written to memory, for the tests of the writers. */
#ifndef LLMDECK_TEST_RENDER_H
#define LLMDECK_TEST_RENDER_H

#include <stdio.h>

#include "testutil.h"

#include "llmdeck/output.h"

/* Writes the table to memory; returns malloc'd text.  (noinline: inlined
 * into a caller, gcc 12 takes open_memstream's buffer for a dangling
 * pointer.) */
__attribute__((noinline, unused)) static char *render(const ld_catalog *cat, const uint32_t *idx, size_t n,
                                                      const int *cols, size_t ncols, ld_format fmt, size_t *len)
{
    char *buf = NULL;
    size_t sz = 0;
    FILE *f = open_memstream(&buf, &sz);
    assert_non_null(f);
    assert_int_equal(output_table(f, cat, idx, n, cols, ncols, fmt), 0);
    fclose(f);
    if (len) *len = sz;
    return buf;
}

#endif
