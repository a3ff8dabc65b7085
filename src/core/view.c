/* view.c - stable multi-key sort over an index array.
 *
 * Keys are applied from the least to the most significant, each with a
 * stable sort, which gives the multi-key order.  Numeric keys use an LSD
 * radix sort on an order-preserving transform of the double's bits (O(n),
 * stable); text keys use a merge sort with a natural comparison. */
#include "llmdeck/view.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

size_t view_identity(const ld_catalog *cat, uint32_t *idx)
{
    size_t n = catalog_rows(cat);
    for (size_t i = 0; i < n; i++) idx[i] = (uint32_t)i;
    return n;
}

int view_text_cmp(const char *a, const char *b)
{
    while (*a && *b) {
        if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
            while (*a == '0') a++;
            while (*b == '0') b++;
            size_t la = 0, lb = 0;
            while (isdigit((unsigned char)a[la])) la++;
            while (isdigit((unsigned char)b[lb])) lb++;
            if (la != lb) return la < lb ? -1 : 1;
            int c = strncmp(a, b, la);
            if (c) return c < 0 ? -1 : 1;
            a += la;
            b += lb;
            continue;
        }
        int ca = tolower((unsigned char)*a), cb = tolower((unsigned char)*b);
        if (ca != cb) return ca < cb ? -1 : 1;
        a++;
        b++;
    }
    return *a ? 1 : (*b ? -1 : 0);
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

static int radix_sort_numeric(const ld_catalog *cat, uint32_t *idx, size_t n,
                              int col, int desc)
{
    uint64_t *k = malloc(n * sizeof *k), *k2 = malloc(n * sizeof *k2);
    uint32_t *i2 = malloc(n * sizeof *i2);
    if (!k || !k2 || !i2) {
        free(k); free(k2); free(i2);
        return -1;
    }
    const double *num = catalog_col(cat, (size_t)col)->num;
    for (size_t i = 0; i < n; i++) k[i] = num_key(num ? num[idx[i]] : NAN, desc);
    uint64_t *ks = k, *kd = k2;
    uint32_t *is = idx, *id = i2;
    for (int shift = 0; shift < 64; shift += 8) {
        size_t count[256] = {0};
        for (size_t i = 0; i < n; i++) count[(ks[i] >> shift) & 0xff]++;
        if (count[(ks[0] >> shift) & 0xff] == n) continue; /* byte all equal */
        size_t sum = 0;
        for (int b = 0; b < 256; b++) {
            size_t c = count[b];
            count[b] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++) {
            size_t d = count[(ks[i] >> shift) & 0xff]++;
            kd[d] = ks[i];
            id[d] = is[i];
        }
        uint64_t *tk = ks; ks = kd; kd = tk;
        uint32_t *ti = is; is = id; id = ti;
    }
    if (is != idx) memcpy(idx, is, n * sizeof *idx);
    free(k); free(k2); free(i2);
    return 0;
}

typedef struct {
    const ld_catalog *cat;
    size_t col;
    int desc;
} text_key;

static int text_before(const text_key *t, uint32_t a, uint32_t b)
{
    /* strictly before?  empty (missing) texts go last both ways */
    const char *sa = catalog_text(t->cat, a, t->col), *sb = catalog_text(t->cat, b, t->col);
    if (!*sa || !*sb) return *sa && !*sb;
    int c = view_text_cmp(sa, sb);
    return t->desc ? c > 0 : c < 0;
}

static void merge_sort(const text_key *t, uint32_t *a, uint32_t *tmp, size_t n)
{
    if (n < 2) return;
    if (n <= 16) { /* insertion sort: stable */
        for (size_t i = 1; i < n; i++) {
            uint32_t v = a[i];
            size_t j = i;
            while (j > 0 && text_before(t, v, a[j - 1])) {
                a[j] = a[j - 1];
                j--;
            }
            a[j] = v;
        }
        return;
    }
    size_t h = n / 2;
    merge_sort(t, a, tmp, h);
    merge_sort(t, a + h, tmp, n - h);
    if (!text_before(t, a[h], a[h - 1])) return; /* already in order */
    memcpy(tmp, a, h * sizeof *a);
    size_t i = 0, j = h, o = 0;
    while (i < h && j < n) a[o++] = text_before(t, a[j], tmp[i]) ? a[j++] : tmp[i++];
    while (i < h) a[o++] = tmp[i++];
}

int view_sort(const ld_catalog *cat, uint32_t *idx, size_t n,
              const ld_sort_key *keys, size_t nkeys)
{
    if (n < 2) return 0;
    for (size_t k = nkeys; k-- > 0;) {
        const ld_column *col = catalog_col(cat, (size_t)keys[k].col);
        if (!col) return -1;
        if (col->type == LD_COL_NUMBER) {
            if (radix_sort_numeric(cat, idx, n, keys[k].col, keys[k].desc) != 0) return -1;
        } else {
            uint32_t *tmp = malloc((n / 2 + 1) * sizeof *tmp);
            if (!tmp) return -1;
            text_key t = {cat, (size_t)keys[k].col, keys[k].desc};
            merge_sort(&t, idx, tmp, n);
            free(tmp);
        }
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
        int c = catalog_col_index(cat, item);
        if (c < 0)
            return error_set(err, LD_ERR_USAGE, what, 0, 0, "unknown column '%s' to sort by", item);
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
