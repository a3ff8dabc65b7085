/* suggest.c - "did you mean ...?" (see suggest.h). */
#include "llmdeck/suggest.h"
#include "strci.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int suggest_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64) return 99;
    int d[65][65];
    for (size_t i = 0; i <= la; i++) d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++) d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            int cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
            int best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best) best = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < best) best = d[i - 1][j - 1] + cost;
            d[i][j] = best;
        }
    return d[la][lb];
}

const char *suggest_closest(const char *word, const char *const *names, size_t n, int max_dist)
{
    const char *best = NULL;
    int bd = max_dist + 1;
    for (size_t i = 0; i < n; i++) {
        int dd = suggest_distance(word, names[i]);
        if (dd < bd) bd = dd, best = names[i];
    }
    return best;
}

/* an empty word suggests nothing */
static int contains_ci(const char *hay, const char *needle) { return *needle && str_contains_ci(hay, needle); }

void suggest_models(const ld_catalog *cat, const char *word, size_t max, char *buf, size_t n)
{
    if (n) buf[0] = '\0';
    size_t key = catalog_key_col(cat), found = 0, len = 0;
    int al = catalog_col_index(cat, "aliases");
    int limit = (int)strlen(word) / 3 + 1;
    /* two passes: names close by edits first, then names containing the word */
    for (int pass = 0; pass < 2 && found < max; pass++)
        for (size_t r = 0; r < catalog_rows(cat) && found < max; r++) {
            const char *name = catalog_text(cat, r, key);
            int hit = pass == 0 ? suggest_distance(word, name) <= limit : contains_ci(name, word);
            if (!hit && pass == 1 && al >= 0 && strlen(word) >= 3) hit = contains_ci(catalog_text(cat, r, (size_t)al), word);
            if (!hit || (pass == 1 && suggest_distance(word, name) <= limit)) continue;
            int k = snprintf(buf + len, len < n ? n - len : 0, "%s%s", found ? ", " : "", name);
            if (k < 0 || len + (size_t)k >= n) break;
            len += (size_t)k;
            found++;
        }
}

int suggest_column(const ld_catalog *cat, const char *name)
{
    int c = catalog_col_index(cat, name);
    if (c >= 0) return c;
    for (size_t i = 0; i < catalog_cols(cat); i++) {
        const ld_column *col = catalog_col(cat, i);
        if (col->label && !strcasecmp(col->label, name)) return (int)i;
    }
    return -1;
}

void suggest_column_hint(const ld_catalog *cat, const char *name, char *buf, size_t n)
{
    if (n) buf[0] = '\0';
    const char *best = NULL;
    int bd = (int)strlen(name) / 3 + 2;
    for (size_t i = 0; i < catalog_cols(cat); i++) {
        const ld_column *col = catalog_col(cat, i);
        int d = suggest_distance(name, col->id);
        if (col->label) {
            int dl = suggest_distance(name, col->label);
            if (dl < d) d = dl;
        }
        /* a name that is the start of a column's id ("context" of context_length) */
        if (strlen(name) >= 3 && !strncasecmp(col->id, name, strlen(name))) d = 1;
        if (d < bd) bd = d, best = col->id;
    }
    if (best) snprintf(buf, n, " (did you mean %s?)", best);
}
