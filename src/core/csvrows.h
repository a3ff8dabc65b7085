/* csvrows.h - CSV export of the rows a loader kept whole (internal, used by
 * output.c).
 *
 * A loaded row's cells lie back to back in the arena (catalog_row_span), so
 * its CSV line is one copy with the NULs made commas, plus quotes for the
 * few cells that need them.  A big export formats blocks of rows on two
 * threads (one copy each of memory that is scattered after a sort) and
 * writes them in order. */
#ifndef LLMDECK_CSVROWS_H
#define LLMDECK_CSVROWS_H

#include <stdint.h>
#include <stdio.h>

#include "llmdeck/catalog.h"

/* The buffer a computed cell is formatted in (as the cell-by-cell writer's). */
#define CSVROWS_CELL 400

/* Writes rows idx[0..n), all `ncols` loaded columns in order followed by
 * the computed (LD_COLF_DERIVED) columns extra[0..nextra), as CSV lines:
 * the loaded cells are copied whole and the computed ones appended.  A
 * row not kept whole (changed since the load) is written by slow(ctx, row)
 * instead, in its place. */
void csvrows_write(FILE *out, const ld_catalog *cat, const uint32_t *idx, size_t n, size_t ncols,
                   const int *extra, size_t nextra, void (*slow)(void *ctx, uint32_t row), void *ctx);

#endif
