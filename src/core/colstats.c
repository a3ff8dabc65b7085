/* colstats.c - column statistics and frequencies (colstats.h). */
#include "llmdeck/colstats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int cmp_double(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    return (a > b) - (a < b);
}

size_t colstats_bin(const ld_numstats *s, double v)
{
    if (!s->nbins || !(s->max > s->min)) return 0;
    double k = floor((v - s->min) / (s->max - s->min) * (double)s->nbins);
    if (!(k >= 0)) return 0;
    if (k >= (double)s->nbins) return s->nbins - 1; /* max lands in the last bin */
    return (size_t)k;
}

int colstats_numbers(const double *v, size_t n, size_t nbins, ld_numstats *s)
{
    memset(s, 0, sizeof *s);
    s->min = s->max = s->mean = s->median = NAN;
    if (nbins < 1) nbins = 1;
    if (nbins > LD_STATS_MAX_BINS) nbins = LD_STATS_MAX_BINS;
    long double sum = 0;
    for (size_t i = 0; i < n; i++) {
        if (isnan(v[i])) {
            s->missing++;
            continue;
        }
        if (!s->count || v[i] < s->min) s->min = v[i];
        if (!s->count || v[i] > s->max) s->max = v[i];
        sum += v[i];
        s->count++;
    }
    if (!s->count) return 0;
    s->mean = (double)(sum / (long double)s->count);
    s->nbins = nbins;
    double *c = malloc(s->count * sizeof *c);
    if (!c) return -1;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(v[i])) {
            c[m++] = v[i];
            s->bins[colstats_bin(s, v[i])]++;
        }
    qsort(c, m, sizeof *c, cmp_double);
    s->median = m % 2 ? c[m / 2] : (c[m / 2 - 1] + c[m / 2]) / 2;
    free(c);
    return 0;
}

int colstats_numeric(const ld_catalog *cat, size_t col, const uint32_t *idx, size_t n,
                     size_t nbins, ld_numstats *s)
{
    double *v = malloc((n ? n : 1) * sizeof *v);
    if (!v) {
        memset(s, 0, sizeof *s);
        s->min = s->max = s->mean = s->median = NAN;
        return -1;
    }
    for (size_t i = 0; i < n; i++) v[i] = catalog_num(cat, idx[i], col);
    int rc = colstats_numbers(v, n, nbins, s);
    free(v);
    return rc;
}

static int cmp_str(const void *pa, const void *pb)
{
    return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

static int cmp_freq(const void *pa, const void *pb)
{
    const ld_freq *a = pa, *b = pb;
    if (a->count != b->count) return a->count > b->count ? -1 : 1;
    return strcmp(a->value, b->value);
}

int colstats_freq_strings(const char *const *vals, size_t n, ld_freqlist *f)
{
    memset(f, 0, sizeof *f);
    f->total = n;
    const char **s = malloc((n ? n : 1) * sizeof *s);
    if (!s) return -1;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (!vals[i] || !*vals[i]) f->missing++;
        else s[m++] = vals[i];
    }
    qsort(s, m, sizeof *s, cmp_str);
    size_t d = 0;
    for (size_t i = 0; i < m; i++)
        if (i == 0 || strcmp(s[i], s[i - 1]) != 0) d++;
    f->items = malloc((d ? d : 1) * sizeof *f->items);
    if (!f->items) {
        free(s);
        memset(f, 0, sizeof *f);
        return -1;
    }
    for (size_t i = 0; i < m; i++) {
        if (i == 0 || strcmp(s[i], s[i - 1]) != 0) f->items[f->n++] = (ld_freq){s[i], 0};
        f->items[f->n - 1].count++;
    }
    free(s);
    qsort(f->items, f->n, sizeof *f->items, cmp_freq);
    return 0;
}

int colstats_freq(const ld_catalog *cat, size_t col, const uint32_t *idx, size_t n, ld_freqlist *f)
{
    const char **v = malloc((n ? n : 1) * sizeof *v);
    if (!v) {
        memset(f, 0, sizeof *f);
        return -1;
    }
    for (size_t i = 0; i < n; i++) v[i] = catalog_text(cat, idx[i], col);
    int rc = colstats_freq_strings(v, n, f);
    free(v);
    return rc;
}

void colstats_freq_free(ld_freqlist *f)
{
    free(f->items);
    memset(f, 0, sizeof *f);
}
