/* view.c - stable multi-key sort over an index array.
 *
 * Keys are applied from the least to the most significant, each with a
 * stable sort, which gives the multi-key order.  Numeric keys are radix
 * sorted (radix.c) on an order-preserving transform of the double's bits;
 * text keys on a per-column collation rank, itself found by radix sorting
 * 8 collation bytes at a time. */
#include "llmdeck/view.h"

#include "llmdeck/suggest.h"

#include "radix.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <stdatomic.h>

size_t view_identity(const ld_catalog *cat, uint32_t *idx)
{
    size_t n = catalog_rows(cat);
    for (size_t i = 0; i < n; i++) idx[i] = (uint32_t)i;
    return n;
}

/* Natural collation as a byte stream: letters lower-cased; a run of digits
 * becomes a length byte (0x01 + digits without leading zeros; from 30
 * digits on 0x1F and two bytes of length) followed by the digits, so comparing streams bytewise orders "7B" before
 * "13B".  view_text_cmp and the radix prefix keys use the same stream, so
 * the fast sort and the comparison always agree. */
typedef struct {
    const unsigned char *p;
    size_t digits_left;
    unsigned char head[2]; /* pending length bytes of a long digit run */
    int nhead;
} collate_it;

static int collate_next(collate_it *it)
{
    if (it->nhead) return it->head[2 - it->nhead--];
    if (it->digits_left) {
        it->digits_left--;
        return *it->p++;
    }
    unsigned c = *it->p;
    if (!c) return -1;
    if (c >= '0' && c <= '9') {
        while (*it->p == '0') it->p++;
        size_t len = 0;
        while (it->p[len] >= '0' && it->p[len] <= '9') len++;
        it->digits_left = len;
        if (len < 30) return 0x01 + (int)len;
        /* 30 digits or more: 0x1F, then the length in two bytes */
        if (len > 0xFFFF) len = 0xFFFF;
        it->head[0] = (unsigned char)(len >> 8);
        it->head[1] = (unsigned char)len;
        it->nhead = 2;
        return 0x1F;
    }
    it->p++;
    return (c >= 'A' && c <= 'Z') ? (int)(c + 32) : (int)c;
}

int view_text_cmp(const char *a, const char *b)
{
    collate_it x = {(const unsigned char *)a, 0, {0, 0}, 0}, y = {(const unsigned char *)b, 0, {0, 0}, 0};
    for (;;) {
        int ca = collate_next(&x), cb = collate_next(&y);
        if (ca != cb) return ca < cb ? -1 : 1;
        if (ca < 0) return 0;
    }
}

/* 8 collation bytes from byte `skip` on, big-endian (0-padded: shorter
 * sorts first).  *full is set when the string may continue past them. */
static uint64_t collate_chunk(const char *s, size_t skip, int *full)
{
    collate_it it = {(const unsigned char *)s, 0, {0, 0}, 0};
    for (size_t i = 0; i < skip; i++)
        if (collate_next(&it) < 0) {
            *full = 0;
            return 0;
        }
    uint64_t k = 0;
    int i = 0;
    for (; i < 8; i++) {
        int c = collate_next(&it);
        if (c < 0) break;
        k |= (uint64_t)(c & 0xff) << (56 - 8 * i);
    }
    *full = i == 8;
    return k;
}

/* Order-preserving map of a double to an unsigned key; missing -> max. */
static uint64_t num_key(double v, int desc)
{
    if (isnan(v)) return UINT64_MAX;
    if (v == 0) v = 0; /* -0.0 and 0.0 are equal */
    uint64_t u;
    memcpy(&u, &v, sizeof u);
    u = (u & 0x8000000000000000ull) ? ~u : (u | 0x8000000000000000ull);
    if (desc) u = ~u;
    /* a finite number never maps to UINT64_MAX (that would need a NaN
     * pattern), but -inf descending could: keep missing strictly last */
    return u == UINT64_MAX ? UINT64_MAX - 1 : u;
}

/* Rows between two looks at progress and cancel (see progress_tick). */
#define CHUNK 65536

static int radix_sort_numeric(const ld_catalog *cat, uint32_t *idx, size_t n,
                              int col, int desc, const ld_num_override *ov, size_t nov, ld_progress *p)
{
    uint64_t *k = malloc(n * sizeof *k);
    if (!k) return -1;
    const double *num = catalog_col(cat, (size_t)col)->num;
    for (size_t o = 0; o < nov; o++)
        if (ov[o].col == col) num = ov[o].num;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i += CHUNK) {
        size_t end = n - i > CHUNK ? i + CHUNK : n;
        for (size_t j = i; j < end; j++) k[j] = num_key(num ? num[idx[j]] : NAN, desc);
        rc = progress_tick(p, end - i);
    }
    if (rc == 0) rc = radix_sort_keys(k, idx, n, p);
    free(k);
    return rc;
}

/* Text key, most significant chunk first: radix sort the rows on 8
 * collation bytes, then each run of equal chunks whose strings go on is
 * sorted again on the next 8 bytes.  Stable, and linear for the common
 * columns with few distinct values (licences, types). */
static int sort_text_from(const ld_catalog *cat, uint32_t *idx, size_t n, int col, int desc,
                          size_t skip, uint64_t *k, unsigned char *full, ld_progress *p)
{
    /* progress is counted at the top level only (its size is known in
     * advance); the runs sorted again below only look for a cancel */
    ld_progress *top = skip == 0 ? p : NULL;
    if (p && atomic_load_explicit(&p->cancel, memory_order_relaxed)) return LD_CANCELLED;
    for (size_t i = 0; i < n; i++) {
        if (i % CHUNK == CHUNK - 1 && progress_tick(top, CHUNK) != 0) return LD_CANCELLED;
        const char *s = catalog_text(cat, idx[i], (size_t)col);
        int f = 0;
        if (!*s) {
            k[i] = UINT64_MAX; /* missing: last both ways */
        } else {
            uint64_t ck = collate_chunk(s, skip, &f);
            k[i] = desc ? ~ck : ck;
        }
        full[idx[i]] = (unsigned char)f; /* by row: the sort moves idx */
    }
    progress_tick(top, n % CHUNK);
    int rc = radix_sort_keys(k, idx, n, top);
    if (rc != 0) return rc;
    /* every row ends in exactly one run that needs no further sorting:
     * counting those rows as "placed" makes progress move while long
     * common prefixes (URLs) are sorted deeper down */
    size_t placed = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && k[j] == k[i]) j++;
        int any = 0;
        if (j - i > 1 && k[i] != UINT64_MAX)
            for (size_t m = i; m < j && !any; m++) any = full[idx[m]];
        /* k[] is reused by the recursion: the run's keys are all equal,
         * so nothing later reads them */
        if (any && (rc = sort_text_from(cat, idx + i, j - i, col, desc, skip + 8, k + i, full, p)) != 0)
            return rc;
        if (!any && (placed += j - i) >= CHUNK) {
            if (progress_tick(p, placed) != 0) return LD_CANCELLED;
            placed = 0;
        }
        i = j;
    }
    return progress_tick(p, placed);
}

/* Each row's rank in the column's collation order, computed once by a full
 * sort and cached on the column until a cell of it changes: after that a
 * text sort costs what a numeric one does. */
static int rank_valid(const ld_catalog *cat, int col)
{
    const ld_column *c = catalog_col(cat, (size_t)col);
    return c->rank && c->rank_gen == c->gen && c->rank_rows == catalog_rows(cat);
}

/* The work units of building a column's ranks: keys, 8 radix passes, rows
 * placed (sort_text_from), ranks. */
#define RANK_UNITS(rows) ((rows) * 11)

static int text_ranks(const ld_catalog *cat, int col, ld_progress *p, const uint32_t **out)
{
    ld_column *c = catalog_col(cat, (size_t)col);
    size_t rows = catalog_rows(cat);
    if (rank_valid(cat, col)) {
        *out = c->rank;
        return 0;
    }
    free(c->rank);
    c->rank = NULL;
    if (p) atomic_store_explicit(&p->phase, LD_PHASE_COLLATE, memory_order_relaxed);
    uint32_t *order = malloc((rows ? rows : 1) * sizeof *order);
    uint64_t *k = malloc((rows ? rows : 1) * sizeof *k);
    unsigned char *full = malloc(rows ? rows : 1);
    uint32_t *rank = malloc((rows ? rows : 1) * sizeof *rank);
    int rc = !order || !k || !full || !rank ? -1
             : (view_identity(cat, order), sort_text_from(cat, order, rows, col, 0, 0, k, full, p));
    if (rc != 0) {
        free(order); free(k); free(full); free(rank);
        return rc; /* a cancelled build leaves no cache behind */
    }
    uint32_t r = 0;
    const char *prev = NULL;
    for (size_t i = 0; i < rows; i++) {
        if (i % CHUNK == CHUNK - 1) progress_tick(p, CHUNK);
        const char *s = catalog_text(cat, order[i], (size_t)col);
        if (!*s) {
            rank[order[i]] = UINT32_MAX;
            continue;
        }
        if (prev && view_text_cmp(prev, s) != 0) r++;
        rank[order[i]] = r;
        prev = s;
    }
    progress_tick(p, rows % CHUNK);
    free(order); free(k); free(full);
    c->rank = rank;
    c->rank_gen = c->gen;
    c->rank_rows = rows;
    *out = rank;
    return 0;
}

static int sort_text(const ld_catalog *cat, uint32_t *idx, size_t n, int col, int desc, ld_progress *p)
{
    const uint32_t *rank = NULL;
    int rc = text_ranks(cat, col, p, &rank);
    if (rc != 0) return rc;
    if (p) atomic_store_explicit(&p->phase, LD_PHASE_SORT, memory_order_relaxed);
    uint64_t *k = malloc(n * sizeof *k);
    if (!k) return -1;
    for (size_t i = 0; i < n && rc == 0; i += CHUNK) {
        size_t end = n - i > CHUNK ? i + CHUNK : n;
        for (size_t j = i; j < end; j++) {
            uint32_t r = rank[idx[j]];
            k[j] = r == UINT32_MAX ? UINT64_MAX : (desc ? (uint64_t)(UINT32_MAX - 1 - r) : r);
        }
        rc = progress_tick(p, end - i);
    }
    if (rc == 0) rc = radix_sort_keys(k, idx, n, p);
    free(k);
    return rc;
}

/* Sorts idx in place; LD_CANCELLED leaves it in some permutation. */
static int sort_keys(const ld_catalog *cat, uint32_t *idx, size_t n, const ld_sort_key *keys, size_t nkeys,
                     const ld_num_override *ov, size_t nov, ld_progress *p)
{
    if (n < 2) return 0;
    for (size_t k = nkeys; k-- > 0;) {
        const ld_column *col = catalog_col(cat, (size_t)keys[k].col);
        if (!col) return -1;
        if (p) atomic_store_explicit(&p->phase, LD_PHASE_SORT, memory_order_relaxed);
        int rc = col->type == LD_COL_NUMBER
                     ? radix_sort_numeric(cat, idx, n, keys[k].col, keys[k].desc, ov, nov, p)
                     : sort_text(cat, idx, n, keys[k].col, keys[k].desc, p);
        if (rc != 0) return rc == LD_CANCELLED ? rc : -1;
    }
    return 0;
}

int view_sort(const ld_catalog *cat, uint32_t *idx, size_t n,
              const ld_sort_key *keys, size_t nkeys)
{
    return sort_keys(cat, idx, n, keys, nkeys, NULL, 0, NULL);
}

int view_sort_with(const ld_catalog *cat, uint32_t *idx, size_t n, const ld_sort_key *keys, size_t nkeys,
                   const ld_num_override *ov, size_t nov, ld_progress *p)
{
    uint32_t *tmp = malloc((n ? n : 1) * sizeof *tmp);
    if (!tmp) return -1;
    memcpy(tmp, idx, n * sizeof *tmp);
    int rc = sort_keys(cat, tmp, n, keys, nkeys, ov, nov, p);
    if (rc == 0) memcpy(idx, tmp, n * sizeof *idx);
    free(tmp);
    return rc;
}

size_t view_sort_units(const ld_catalog *cat, size_t n, const ld_sort_key *keys, size_t nkeys)
{
    size_t u = 0;
    if (n < 2) return 0;
    for (size_t k = 0; k < nkeys; k++) {
        const ld_column *col = catalog_col(cat, (size_t)keys[k].col);
        if (!col) continue;
        u += n * 9; /* the keys, then 8 radix passes */
        /* a rank cache to build first (once per column, even if it is
         * a key twice) */
        int first = 1;
        for (size_t j = 0; j < k; j++) first &= keys[j].col != keys[k].col;
        if (col->type != LD_COL_NUMBER && first && !rank_valid(cat, keys[k].col))
            u += RANK_UNITS(catalog_rows(cat));
    }
    return u;
}

int view_sort_needs_ranks(const ld_catalog *cat, const ld_sort_key *keys, size_t nkeys)
{
    for (size_t k = 0; k < nkeys; k++) {
        const ld_column *col = catalog_col(cat, (size_t)keys[k].col);
        if (col && col->type != LD_COL_NUMBER && !rank_valid(cat, keys[k].col)) return 1;
    }
    return 0;
}

int view_parse_sort(const ld_catalog *cat, const char *spec, const char *what,
                    ld_sort_key *keys, size_t *nkeys, ld_error *err)
{
    *nkeys = 0;
    const char *p = spec;
    while (*p) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char item[160];
        if (len == 0 || len >= sizeof item)
            return error_set(err, LD_ERR_USAGE, what, 0, 0, "empty or overlong sort key in '%s'", spec);
        memcpy(item, p, len);
        item[len] = '\0';
        int desc = 0;
        char *colon = strchr(item, ':');
        if (colon) {
            *colon = '\0';
            if (strcasecmp(colon + 1, "desc") == 0) desc = 1;
            else if (strcasecmp(colon + 1, "asc") != 0)
                return error_set(err, LD_ERR_USAGE, what, 0, 0,
                                 "sort direction must be asc or desc, got '%s'", colon + 1);
        }
        int c = suggest_column(cat, item);
        if (c < 0) {
            char hint[200];
            suggest_column_hint(cat, item, hint, sizeof hint);
            return error_set(err, LD_ERR_USAGE, what, 0, 0, "unknown column '%s' to sort by%s", item, hint);
        }
        if (*nkeys == LD_MAX_SORT_KEYS)
            return error_set(err, LD_ERR_USAGE, what, 0, 0, "at most %d sort keys", LD_MAX_SORT_KEYS);
        keys[*nkeys].col = c;
        keys[*nkeys].desc = desc;
        (*nkeys)++;
        p += len + (comma ? 1 : 0);
        if (comma && !*p)
            return error_set(err, LD_ERR_USAGE, what, 0, 0, "trailing comma in '%s'", spec);
    }
    return 0;
}

/* --- sort cache ---------------------------------------------------------- */

typedef struct {
    ld_sort_key keys[LD_MAX_SORT_KEYS];
    unsigned long gens[LD_MAX_SORT_KEYS];
    size_t nkeys, n, rows;
    unsigned long set_id;
    uint32_t *perm;
    unsigned long used; /* for least-recently-used eviction */
} cache_entry;

struct ld_sort_cache {
    cache_entry *e;
    size_t n;
    unsigned long clock;
};

ld_sort_cache *view_cache_new(size_t entries)
{
    ld_sort_cache *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->e = calloc(entries ? entries : 1, sizeof *c->e);
    if (!c->e) {
        free(c);
        return NULL;
    }
    c->n = entries ? entries : 1;
    return c;
}

void view_cache_free(ld_sort_cache *c)
{
    if (!c) return;
    for (size_t i = 0; i < c->n; i++) free(c->e[i].perm);
    free(c->e);
    free(c);
}

static int entry_matches(const cache_entry *e, const ld_catalog *cat, unsigned long set_id, size_t n,
                         const ld_sort_key *keys, size_t nkeys)
{
    if (!e->perm || e->set_id != set_id || e->n != n || e->nkeys != nkeys || e->rows != catalog_rows(cat))
        return 0;
    for (size_t k = 0; k < nkeys; k++)
        if (e->keys[k].col != keys[k].col || e->keys[k].desc != keys[k].desc ||
            e->gens[k] != catalog_col(cat, (size_t)keys[k].col)->gen)
            return 0;
    return 1;
}

int view_sort_cached(ld_sort_cache *c, const ld_catalog *cat, unsigned long set_id,
                     const uint32_t *in, uint32_t *out, size_t n,
                     const ld_sort_key *keys, size_t nkeys)
{
    return view_sort_progress(c, cat, set_id, in, out, n, keys, nkeys, NULL);
}

int view_sort_progress(ld_sort_cache *c, const ld_catalog *cat, unsigned long set_id,
                       const uint32_t *in, uint32_t *out, size_t n,
                       const ld_sort_key *keys, size_t nkeys, ld_progress *p)
{
    if (nkeys > LD_MAX_SORT_KEYS) return -1;
    if (c) {
        for (size_t i = 0; i < c->n; i++)
            if (entry_matches(&c->e[i], cat, set_id, n, keys, nkeys)) {
                memcpy(out, c->e[i].perm, n * sizeof *out);
                c->e[i].used = ++c->clock;
                return 0;
            }
    }
    if (p) {
        /* a cancel must leave out as it was: sort a copy */
        uint32_t *tmp = malloc((n ? n : 1) * sizeof *tmp);
        if (!tmp) return -1;
        memcpy(tmp, in, n * sizeof *tmp);
        int rc = sort_keys(cat, tmp, n, keys, nkeys, NULL, 0, p);
        if (rc == 0) memcpy(out, tmp, n * sizeof *out);
        free(tmp);
        if (rc != 0) return rc;
    } else {
        if (out != in) memcpy(out, in, n * sizeof *out);
        if (view_sort(cat, out, n, keys, nkeys) != 0) return -1;
    }
    if (!c) return 0;
    cache_entry *victim = &c->e[0];
    for (size_t i = 1; i < c->n; i++)
        if (c->e[i].used < victim->used) victim = &c->e[i];
    uint32_t *perm = realloc(victim->perm, (n ? n : 1) * sizeof *perm);
    if (!perm) return 0; /* sorted all the same; just not remembered */
    memcpy(perm, out, n * sizeof *perm);
    victim->perm = perm;
    memcpy(victim->keys, keys, nkeys * sizeof *keys);
    for (size_t k = 0; k < nkeys; k++) victim->gens[k] = catalog_col(cat, (size_t)keys[k].col)->gen;
    victim->nkeys = nkeys;
    victim->n = n;
    victim->rows = catalog_rows(cat);
    victim->set_id = set_id;
    victim->used = ++c->clock;
    return 0;
}
