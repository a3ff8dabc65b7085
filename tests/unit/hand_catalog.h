/* hand_catalog.h - a catalogue from CSV text written in the test, for the
 * tests of the scoring, the frontier, the chart and the memory columns. */
#ifndef LLMDECK_HAND_CATALOG_H
#define LLMDECK_HAND_CATALOG_H

#include <string.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"

static inline ld_catalog *hand(const char *csv)
{
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_buffer(csv, strlen(csv), "hand.csv", NULL, &err);
    if (!cat) fail_msg("hand table: %s", err.msg);
    return cat;
}

#endif
