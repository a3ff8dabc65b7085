/* catalog_impl.h - the catalog's insides, shared by catalog.c (storage)
 * and catalog_names.c (the name index and merging).  Not a public header. */
#ifndef LLMDECK_CATALOG_IMPL_H
#define LLMDECK_CATALOG_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "llmdeck/catalog.h"

/* One name or alias of a row, in the lookup table. */
typedef struct {
    uint64_t hash;
    uint32_t row;
    uint32_t key; /* offset in keys arena: lower-cased, trimmed */
} name_entry;

struct ld_catalog {
    ld_column *cols;
    size_t ncols, capcols;
    size_t nrows, caprows;
    char *arena; /* cell texts, NUL-terminated; offset 0 is "" */
    size_t alen, acap;
    /* name index, rebuilt lazily when `index_dirty` */
    name_entry *names;
    size_t nnames, capnames;
    uint32_t *slots; /* open addressing: entry index + 1, 0 = empty */
    size_t nslots;
    char *keys;
    size_t klen, kcap;
    int index_dirty;
    int stats_stale; /* cells were overwritten (merge): re-parse in finish */
    int model_col;   /* index of the `model` column, -1 if none (cached: hot path) */
    /* Rows a loader stored whole (catalog_mark_row_whole): their cells of
     * columns 0..whole_cols-1 follow each other in the arena.  Per row:
     * 0 when not (or no longer: catalog_set_cell clears it), else the run's
     * length in bytes << 1 | 1 if some cell needs CSV quotes. */
    uint32_t *row_span;
    size_t whole_cols;
    int slim; /* some columns keep no offsets (catalog_slim) */
    /* column ids, hashed: a header of 20,000 columns must not be quadratic */
    uint32_t *col_slots; /* column index + 1, 0 = empty */
    size_t ncol_slots;
};

/* FNV-1a of the lower-cased bytes (names and column ids are matched
 * case-insensitively). */
uint64_t catalog_hash_lower(const char *s, size_t n);
/* Frees the name index (it is rebuilt on the next lookup). */
void catalog_free_index(ld_catalog *cat);

#endif
