/* rules_group.c - the group a candidate is ranked in, in words (rules.h).
 * The ranking splits the candidates (the card names the language, the row
 * is measured on the task's heaviest metric, it answers without thinking
 * first, its quality is above the budget's bar) and ranks within each
 * part: a list read without those parts shows a 0.09-quality model above
 * a 0.97 one and looks wrong.  The parts are named where they begin. */
#include "llmdeck/rules.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

int rules_key_families(const ld_candidates *c, const ld_catalog *cat, char (*fam)[LD_KEY_FAMILY_LEN], int max,
                       int *fam_of)
{
    int nfam = 0;
    for (int k = 0; k < c->nkey; k++) {
        const char *lab = catalog_col_name(catalog_col(cat, (size_t)c->key_cols[k]));
        size_t l = c->nkey > 1 ? strcspn(lab, " ") : strlen(lab);
        char f[LD_KEY_FAMILY_LEN];
        snprintf(f, sizeof f, "%.*s", (int)(l < 24 ? l : 24), lab);
        int j = 0;
        while (j < nfam && strcmp(fam[j], f) != 0) j++;
        if (j == nfam && nfam < max) snprintf(fam[nfam++], LD_KEY_FAMILY_LEN, "%s", f);
        fam_of[k] = j < nfam ? j : nfam - 1;
    }
    return nfam;
}

/* The heaviest metrics by benchmark, joined: "Arena win"; "LCB or
 * SWE-bench". */
static void key_families(const ld_candidates *c, const ld_catalog *cat, char *buf, size_t n)
{
    enum { FAMS = 4 };
    char fam[FAMS][LD_KEY_FAMILY_LEN];
    int fam_of[2 * LD_TASK_MAX_WEIGHTS];
    int nfam = rules_key_families(c, cat, fam, FAMS, fam_of);
    size_t used = 0;
    buf[0] = '\0';
    for (int j = 0; j < nfam && used < n; j++)
        used += (size_t)snprintf(buf + used, n - used, "%s%s", j ? " or " : "", fam[j]);
}

/* Which side of the quality bar row i is on: 1 at or above, 0 below (or
 * unmeasured), -1 no bar. */
static int bar_side(const ld_candidates *c, size_t i)
{
    if (isnan(c->quality_floor) || c->by_quality) return -1;
    return c->items[i].quality >= c->quality_floor;
}

static int same_group(const ld_candidates *c, size_t i, size_t j)
{
    return c->items[i].tier == c->items[j].tier && bar_side(c, i) == bar_side(c, j);
}

int rules_candidate_group(const ld_candidates *c, const ld_catalog *cat, const ld_requirements *req, size_t i,
                          char *buf, size_t n)
{
    if (n) buf[0] = '\0';
    if (i >= c->n || !n) return 0;
    /* the groups are contiguous in the ranked order (by tier, then the good
     * ones before the rest within it), so the list is one group when its
     * first and last rows are: no pass over all rows per call (a CSV of
     * every candidate called it once a row) */
    if (same_group(c, 0, c->n - 1)) return 0;
    unsigned t = c->items[i].tier;
    size_t used = 0;
#define PART(...)                                                                                                  \
    do {                                                                                                           \
        if (used < n) used += (size_t)snprintf(buf + used, n - used, "%s", used ? "; " : "");                      \
        if (used < n) used += (size_t)snprintf(buf + used, n - used, __VA_ARGS__);                                 \
    } while (0)
    if (c->language_first) {
        char lang[4 * LD_REQ_TEXT];
        PART("%s %s", t & LD_TIER_LANGUAGE_UNNAMED ? "card does not name" : "card names",
             rules_language_label(req->language, lang, sizeof lang));
    }
    if (c->measured_first) {
        char keys[128];
        key_families(c, cat, keys, sizeof keys);
        PART("%s %s", t & LD_TIER_UNMEASURED ? "without" : "with", keys);
    }
    if (c->thinking_last) PART("%s", t & LD_TIER_THINKS ? "always thinks first" : "answers without thinking first");
    int side = bar_side(c, i);
    if (side >= 0) PART(side ? "quality >= %.3f" : "quality below %.3f or n/a", c->quality_floor);
#undef PART
    return i == 0 || !same_group(c, i, i - 1);
}
