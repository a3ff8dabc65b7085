/* evidence.c - the note on a ranking's thin evidence (evidence.h). */
#include "llmdeck/evidence.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "llmdeck/score.h"

enum { TOP = 10, THIN = 2 };

int evidence_note(const ld_catalog *cat, const uint32_t *idx, size_t n, int ranked_col, char *buf, size_t len)
{
    if (len) buf[0] = '\0';
    int vc = catalog_col_index(cat, "value_score"), qc = catalog_col_index(cat, "quality");
    int kc = catalog_col_index(cat, "coverage"), bc = catalog_col_index(cat, "cost_basis");
    size_t measures = score_weighted_measures(cat);
    if (ranked_col < 0 || (ranked_col != vc && ranked_col != qc) || kc < 0 || measures < 4 || n == 0) return 0;
    size_t top = n < TOP ? n : TOP, thin = 0, estimated = 0;
    for (size_t i = 0; i < top; i++) {
        double k = catalog_num(cat, idx[i], (size_t)kc);
        thin += !isnan(k) && k <= THIN;
        estimated += ranked_col == vc && bc >= 0 && !strcmp(catalog_text(cat, idx[i], (size_t)bc), "estimate");
    }
    int say_thin = thin * 3 >= top, say_est = estimated * 3 >= top;
    if (!say_thin && !say_est) return 0;
    int k = snprintf(buf, len, "of the first %zu rows, ", top);
    if (say_thin && k > 0 && (size_t)k < len)
        k += snprintf(buf + k, len - (size_t)k, "%zu rest on %d or fewer of the %zu measures (Cov)", thin, THIN,
                      measures);
    if (say_est && k > 0 && (size_t)k < len)
        k += snprintf(buf + k, len - (size_t)k, "%s%zu %s priced by llmdeck's estimate (cost_basis)",
                      say_thin ? " and " : "", estimated, estimated == 1 ? "is" : "are");
    if (k > 0 && (size_t)k < len)
        snprintf(buf + k, len - (size_t)k, "%s%s%s", say_thin ? ": thin evidence" : "",
                 say_thin ? "; --filter 'coverage>=3' keeps the better measured" : "",
                 say_est ? (say_thin ? ", 'cost_basis=hosted' the market-priced"
                                     : ": a self-hosting cost on providers' scale, not a price; --filter "
                                       "'cost_basis=hosted' keeps the market-priced")
                         : "");
    return 1;
}
