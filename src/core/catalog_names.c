/* catalog_names.c - lookup by name or alias, and merging catalogs.
 *
 * Every row's name and each of its |-separated aliases go into one open-
 * addressing table, built lazily (after rows change) and kept while a
 * merge appends rows, so a merge is linear. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "catalog_impl.h"

void catalog_free_index(ld_catalog *cat)
{
    free(cat->names);
    free(cat->slots);
    free(cat->keys);
    cat->names = NULL;
    cat->slots = NULL;
    cat->keys = NULL;
    cat->nnames = cat->capnames = cat->nslots = cat->klen = cat->kcap = 0;
}

/* --- name index ---------------------------------------------------------- */

uint64_t catalog_hash_lower(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)tolower((unsigned char)s[i]);
        h *= 1099511628211ull;
    }
    return h;
}

static void trim(const char **s, size_t *n)
{
    while (*n && isspace((unsigned char)**s)) (*s)++, (*n)--;
    while (*n && isspace((unsigned char)(*s)[*n - 1])) (*n)--;
}

static int add_name(ld_catalog *cat, const char *s, size_t n, uint32_t row)
{
    trim(&s, &n);
    if (!n) return 0;
    if (cat->nnames == cat->capnames) {
        size_t cap = cat->capnames ? cat->capnames * 2 : 256;
        name_entry *e = realloc(cat->names, cap * sizeof *e);
        if (!e) return -1;
        cat->names = e;
        cat->capnames = cap;
    }
    if (cat->klen + n + 1 > cat->kcap) {
        size_t cap = cat->kcap ? cat->kcap : 4096;
        while (cat->klen + n + 1 > cap) cap *= 2;
        char *k = realloc(cat->keys, cap);
        if (!k) return -1;
        cat->keys = k;
        cat->kcap = cap;
    }
    char *k = cat->keys + cat->klen;
    for (size_t i = 0; i < n; i++) k[i] = (char)tolower((unsigned char)s[i]);
    k[n] = '\0';
    name_entry *e = &cat->names[cat->nnames++];
    e->hash = catalog_hash_lower(s, n);
    e->row = row;
    e->key = (uint32_t)cat->klen;
    cat->klen += n + 1;
    return 0;
}

static int build_index(ld_catalog *cat)
{
    catalog_free_index(cat);
    int key = (int)catalog_key_col(cat);
    int alias = catalog_col_index(cat, "aliases");
    if (cat->ncols == 0) {
        cat->index_dirty = 0;
        return 0;
    }
    for (size_t r = 0; r < cat->nrows; r++) {
        const char *name = catalog_text(cat, r, (size_t)key);
        if (add_name(cat, name, strlen(name), (uint32_t)r) != 0) return -1;
        if (alias >= 0) {
            const char *a = catalog_text(cat, r, (size_t)alias);
            while (*a) {
                const char *bar = strchr(a, '|');
                size_t n = bar ? (size_t)(bar - a) : strlen(a);
                if (add_name(cat, a, n, (uint32_t)r) != 0) return -1;
                a += n + (bar ? 1 : 0);
            }
        }
    }
    size_t ns = 16;
    while (ns < cat->nnames * 2) ns *= 2;
    cat->slots = calloc(ns, sizeof *cat->slots);
    if (!cat->slots) return -1;
    cat->nslots = ns;
    /* The first entry of a name wins, so an earlier row's name beats a
     * later row's alias; entries are inserted in row order. */
    for (size_t i = 0; i < cat->nnames; i++) {
        size_t s = cat->names[i].hash & (ns - 1);
        int dup = 0;
        while (cat->slots[s]) {
            const name_entry *o = &cat->names[cat->slots[s] - 1];
            if (o->hash == cat->names[i].hash &&
                strcmp(cat->keys + o->key, cat->keys + cat->names[i].key) == 0) {
                dup = 1;
                break;
            }
            s = (s + 1) & (ns - 1);
        }
        if (!dup) cat->slots[s] = (uint32_t)(i + 1);
    }
    cat->index_dirty = 0;
    return 0;
}

/* Looks `name` up in the index as it is (no rebuild). */
static long index_lookup(const ld_catalog *cat, const char *name)
{
    if (!cat->nslots) return -1;
    size_t n = strlen(name);
    trim(&name, &n);
    uint64_t h = catalog_hash_lower(name, n);
    size_t s = h & (cat->nslots - 1);
    while (cat->slots[s]) {
        const name_entry *e = &cat->names[cat->slots[s] - 1];
        const char *k = cat->keys + e->key;
        if (e->hash == h && strncasecmp(k, name, n) == 0 && k[n] == '\0')
            return (long)e->row;
        s = (s + 1) & (cat->nslots - 1);
    }
    return -1;
}

long catalog_find(const ld_catalog *ccat, const char *name)
{
    ld_catalog *cat = (ld_catalog *)ccat; /* the index is a cache */
    if (cat->index_dirty && build_index(cat) != 0) return -1;
    return index_lookup(cat, name);
}

/* --- merge --------------------------------------------------------------- */

long catalog_merge(ld_catalog *dst, const ld_catalog *src, ld_error *err)
{
    size_t skey = catalog_key_col(src);
    size_t dkey = catalog_key_col(dst);
    /* map each src column to a dst column (added when new) */
    int *map = malloc((src->ncols ? src->ncols : 1) * sizeof *map);
    if (!map) return error_set(err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
    for (size_t c = 0; c < src->ncols; c++) {
        const ld_column *sc = &src->cols[c];
        if (sc->flags & LD_COLF_DERIVED) {
            map[c] = -1;
            continue;
        }
        map[c] = c == skey ? (int)dkey
                           : catalog_add_column(dst, sc->id, sc->type, sc->flags & ~LD_COLF_DERIVED);
        if (c != skey && map[c] < 0) {
            free(map);
            return error_set(err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
        }
        if (map[c] >= 0 && c != skey && sc->type == LD_COL_TEXT &&
            dst->cols[map[c]].type == LD_COL_NUMBER && !(dst->cols[map[c]].flags & LD_COLF_DECLARED_NUMBER)) {
            /* a text column joins a numeric one: it becomes text */
            dst->cols[map[c]].type = LD_COL_TEXT;
        }
    }
    /* Rows join only the rows dst had before this merge: two rows of src
     * with the same name stay two rows (nothing is silently overwritten),
     * and the name index is built once, not after every appended row. */
    if (dst->index_dirty && build_index(dst) != 0) {
        free(map);
        return error_set(err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
    }
    long merged = 0;
    for (size_t r = 0; r < src->nrows; r++) {
        const char *name = catalog_text(src, r, skey);
        long dr = index_lookup(dst, name);
        /* an alias column in src may name an existing model too */
        if (dr < 0) {
            int sa = catalog_col_index(src, "aliases");
            if (sa >= 0) {
                const char *a = catalog_text(src, r, (size_t)sa);
                while (*a && dr < 0) {
                    const char *bar = strchr(a, '|');
                    size_t n = bar ? (size_t)(bar - a) : strlen(a);
                    char tmp[512];
                    if (n < sizeof tmp) {
                        memcpy(tmp, a, n);
                        tmp[n] = '\0';
                        dr = index_lookup(dst, tmp);
                    }
                    a += n + (bar ? 1 : 0);
                }
            }
        }
        size_t row;
        if (dr >= 0) {
            row = (size_t)dr;
            merged++;
        } else {
            row = catalog_add_row(dst);
            if (row == (size_t)-1) {
                free(map);
                return error_set(err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
            }
        }
        for (size_t c = 0; c < src->ncols; c++) {
            if (map[c] < 0) continue;
            if (dr >= 0 && c == skey) continue; /* keep the catalogue's name */
            const char *t = catalog_text(src, r, c);
            size_t len = strlen(t);
            if (dr >= 0 && len == 0) continue; /* an empty cell never erases */
            if (catalog_set_cell(dst, row, (size_t)map[c], t, len) < 0) {
                free(map);
                return error_set(err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
            }
        }
    }
    free(map);
    dst->index_dirty = 1;
    dst->stats_stale = 1;
    return merged;
}
