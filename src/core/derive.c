/* derive.c - columns computed from other columns at load (see derive.h). */
#include "derive.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

double derive_elo_win(double score, double reference)
{
    return 100.0 / (1.0 + pow(10.0, (reference - score) / 400.0));
}

static int fill_elo_win(ld_catalog *cat, size_t to, size_t from, double reference)
{
    for (size_t r = 0; r < catalog_rows(cat); r++) {
        double s = catalog_num(cat, r, from), win = isfinite(s) ? derive_elo_win(s, reference) : NAN;
        char buf[32];
        int n = 0;
        if (isfinite(s)) n = snprintf(buf, sizeof buf, "%.1f", win);
        /* "" empties a cell that a merge left without its source */
        if (catalog_set_cell(cat, r, to, n > 0 ? buf : "", (size_t)(n > 0 ? n : 0)) < 0) return -1;
        /* the text is the figure to one decimal, as shown; the number is the
         * formula's, which the quality and sorts read (83.125, not 83.1:
         * the rounded cell moved a raw quality by up to 5e-4) */
        catalog_set_num(cat, r, to, win);
    }
    return 0;
}

int derive_apply(ld_catalog *cat, const char *json, size_t len, const char *name, ld_error *err)
{
    cJSON *root = cJSON_ParseWithLength(json, len);
    if (!root) return 0; /* dataset_apply_metrics reports invalid JSON */
    const cJSON *cols = cJSON_GetObjectItemCaseSensitive(root, "columns"), *c;
    int rc = 0;
    cJSON_ArrayForEach(c, cols) {
        const cJSON *d = cJSON_GetObjectItemCaseSensitive(c, "derive");
        if (!d) continue;
        const cJSON *kind = cJSON_GetObjectItemCaseSensitive(d, "kind");
        const cJSON *from = cJSON_GetObjectItemCaseSensitive(d, "from");
        const cJSON *ref = cJSON_GetObjectItemCaseSensitive(d, "reference");
        if (!cJSON_IsString(kind) || strcmp(kind->valuestring, "elo_win") != 0 || !cJSON_IsString(from) ||
            !cJSON_IsNumber(ref) || !isfinite(ref->valuedouble)) {
            rc = error_set(err, LD_ERR_PARSE, name, 0, 0,
                           "columns.%s.derive: expected {\"kind\": \"elo_win\", \"from\": ID, \"reference\": NUMBER}",
                           c->string);
            break;
        }
        int src = catalog_col_index(cat, from->valuestring);
        /* nothing to derive from; nor from a computed column (the scores
         * are computed after this, from what metrics.json sets) */
        if (src < 0 || catalog_col(cat, (size_t)src)->type != LD_COL_NUMBER ||
            (catalog_col(cat, (size_t)src)->flags & LD_COLF_DERIVED))
            continue;
        int to = catalog_add_column(cat, c->string, LD_COL_NUMBER, LD_COLF_DECLARED_NUMBER);
        if (to < 0 || fill_elo_win(cat, (size_t)to, (size_t)src, ref->valuedouble) != 0) {
            rc = error_set(err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
            break;
        }
    }
    cJSON_Delete(root);
    return rc;
}
