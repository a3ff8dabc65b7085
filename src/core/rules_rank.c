/* rules_rank.c - the candidates of a recommendation (see rules.h): the
 * catalogue rows that meet the hard constraints of the requirements, ranked
 * by a task-weighted value score.  Kept apart from rules.c, which evaluates
 * the decision tree, because it reads the catalogue and the tree does not. */
#include "llmdeck/rules.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "llmdeck/pctrank.h"
#include "llmdeck/score.h"

/* ---- candidates ------------------------------------------------------- */

/* "yes" in the catalogue's yes/no columns; imports may say TRUE or 1. */
static int is_yes(const char *s)
{
    return !strcasecmp(s, "yes") || !strcasecmp(s, "true") || !strcmp(s, "1");
}

/* Quality first (a high budget), ties by value, then catalogue order. */
static int cand_cmp_quality(const void *a, const void *b)
{
    const ld_candidate *x = a, *y = b;
    int qx = !isnan(x->quality), qy = !isnan(y->quality);
    if (qx != qy) return qy - qx;
    if (qx && x->quality != y->quality) return x->quality > y->quality ? -1 : 1;
    int vx = !isnan(x->value), vy = !isnan(y->value);
    if (vx != vy) return vy - vx;
    if (vx && x->value != y->value) return x->value > y->value ? -1 : 1;
    return x->row < y->row ? -1 : x->row > y->row;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int cand_cmp(const void *a, const void *b)
{
    const ld_candidate *x = a, *y = b;
    int dx = !isnan(x->value), dy = !isnan(y->value);
    if (dx != dy) return dy - dx; /* defined values first */
    double vx = dx ? x->value : x->quality, vy = dx ? y->value : y->quality;
    int qx = !isnan(vx), qy = !isnan(vy);
    if (qx != qy) return qy - qx;
    if (qx && vx != vy) return vx > vy ? -1 : 1;
    return x->row < y->row ? -1 : x->row > y->row; /* qsort is not stable */
}

void rules_profiles_of_catalog(const ld_catalog *cat, ld_task_profiles *out)
{
    memset(out, 0, sizeof *out);
    out->n = 1;
    out->v[0].name = "general";
    for (size_t c = 0; c < catalog_cols(cat) && out->v[0].nw < LD_TASK_MAX_WEIGHTS; c++) {
        const ld_column *col = catalog_col(cat, c);
        if (!(col->flags & LD_COLF_METRIC) || !(col->weight > 0)) continue;
        out->v[0].w[out->v[0].nw].metric = col->id;
        out->v[0].w[out->v[0].nw++].weight = col->weight;
    }
}

int rules_candidates(const ld_catalog *cat, const ld_requirements *req,
                     ld_candidates *out, ld_error *err)
{
    /* its ids live as long as the catalogue, and out keeps a copy */
    ld_task_profiles one;
    rules_profiles_of_catalog(cat, &one);
    int rc = rules_candidates_in(cat, req, &one, out, err);
    out->own = one.v[0];
    out->profile = &out->own;
    return rc;
}


/* Ranks by the data set's mode (see ld_rank_mode): by quality (high
 * budget) or by value; the budget's floor comes after the splits
 * (budget_floor), so it is the median of rows measured alike. */
static void rank(ld_candidates *out, const ld_requirements *req)
{
    out->quality_floor = NAN;
    if (out->n < 2) return;
    if (out->mode == LD_RANK_BUDGET && !strcmp(req->budget, "high")) {
        out->by_quality = 1;
        qsort(out->items, out->n, sizeof *out->items, cand_cmp_quality);
        return;
    }
    qsort(out->items, out->n, sizeof *out->items, cand_cmp);
}

/* The p-quantile of the sorted x[0..n), interpolated between the two
 * nearest values (R's and numpy's default): the median of an even count is
 * the mean of the middle two, as the answer's "the median" says, not the
 * lower of them. */
static double quantile_sorted(const double *x, size_t n, double p)
{
    double h = (double)(n - 1) * p;
    size_t lo = (size_t)h;
    return lo + 1 < n ? x[lo] + (h - (double)lo) * (x[lo + 1] - x[lo]) : x[lo];
}

/* Medium budget: good enough first (quality at least the median's), the
 * cheapest for it; then the rest, in the same order, within each tier.
 * Low budget: the same with the lower quartile as the bar: the cheapest
 * model that is not among the weakest (by value alone a 0.5B model with 5%
 * on LiveCodeBench was the code answer: cheap, and no answer).
 * The median is the leading tier's: over every candidate it took in rows
 * without an arena score, whose benchmark percentages run higher than the
 * arena's win rates (85-96 against at most 83), and set a bar almost no
 * measured row met; for a French bot it was the bar of rows that may not
 * speak French. */
static void budget_floor(ld_candidates *out, const ld_requirements *req)
{
    int medium = !strcmp(req->budget, "medium"), low = !strcmp(req->budget, "low");
    if (out->n < 2 || out->mode != LD_RANK_BUDGET || !(medium || low)) return;
    double *q = malloc(out->n * sizeof *q);
    ld_candidate *tmp = malloc(out->n * sizeof *tmp);
    size_t nq = 0, lead = 0;
    for (size_t i = 0; q && i < out->n && out->items[i].tier == out->items[0].tier; i++, lead++)
        if (!isnan(out->items[i].quality)) q[nq++] = out->items[i].quality;
    if (q && tmp && nq) {
        qsort(q, nq, sizeof *q, cmp_double);
        out->quality_floor = quantile_sorted(q, nq, medium ? 0.5 : 0.25);
        out->floor_of_lead = lead < out->n;
        size_t k = 0;
        for (size_t start = 0; start < out->n;) { /* each tier: its good ones, then its rest */
            size_t end = start;
            while (end < out->n && out->items[end].tier == out->items[start].tier) end++;
            for (int pass = 0; pass < 2; pass++)
                for (size_t i = start; i < end; i++)
                    if ((out->items[i].quality >= out->quality_floor) == (pass == 0)) tmp[k++] = out->items[i];
            start = end;
        }
        memcpy(out->items, tmp, out->n * sizeof *tmp);
    }
    free(q);
    free(tmp);
}

/* Tier bits (ld_candidate.tier, rules.h): the higher bit the stronger
 * reason to rank later; order_tiers sorts by the sum. */
enum {
    TIER_UNMEASURED = LD_TIER_UNMEASURED,
    TIER_THINKS = LD_TIER_THINKS,
    TIER_LANGUAGE_UNNAMED = LD_TIER_LANGUAGE_UNNAMED,
    TIER_ALL = LD_TIER_ALL
};

/* A split that is not made (none or all have the property) leaves no mark. */
static void drop_tier(ld_candidates *out, unsigned bit)
{
    for (size_t i = 0; i < out->n; i++) out->items[i].tier &= ~bit;
}

/* Under missing = skip, a model measured only on an easier metric would
 * outrank models measured on the task's main one: rows with at least one of
 * the heaviest-weighted metrics (the arena for general and support, any
 * LiveCodeBench window for code, AIME 2025 for maths) go first, in a stable
 * split of the ranked list, and the answer says so.  When none or all have
 * one, nothing moves. */
static void measured_first(ld_candidates *out, const ld_catalog *cat, const int *mc, int split)
{
    int *key = out->key_cols;
    out->key_weight = 0;
    out->nkey = 0;
    for (size_t k = 0; k < out->profile->nw; k++)
        if (mc[k] >= 0 && out->profile->w[k].weight > out->key_weight) out->key_weight = out->profile->w[k].weight;
    for (size_t k = 0; k < out->nextra; k++)
        if (out->extra_w[k] > out->key_weight) out->key_weight = out->extra_w[k];
    if (!(out->key_weight > 0)) return;
    for (size_t k = 0; k < out->profile->nw; k++)
        if (mc[k] >= 0 && out->profile->w[k].weight == out->key_weight) key[out->nkey++] = mc[k];
    for (size_t k = 0; k < out->nextra; k++)
        if (out->extra_w[k] == out->key_weight) key[out->nkey++] = out->extra_cols[k];
    out->key_name = catalog_col(cat, (size_t)key[0])->id;
    if (!split) return;
    out->measured = 0;
    for (size_t i = 0; i < out->n; i++) {
        int has = 0;
        for (int k = 0; k < out->nkey && !has; k++) has = !isnan(catalog_num(cat, out->items[i].row, (size_t)key[k]));
        out->measured += has;
        out->items[i].tier |= has ? 0 : TIER_UNMEASURED; /* kept only if the split is made */
    }
    out->measured_first = out->measured > 0 && out->measured < out->n;
    if (!out->measured_first) drop_tier(out, TIER_UNMEASURED);
}

/* Latency-critical: a model that always reasons first keeps the user
 * waiting for its trace (often thousands of tokens) before the answer's
 * first word, whatever the hardware does; its benchmark scores were earned
 * with that trace.  So those rows go after the others, in a stable split
 * (the ranking within each part is kept), and the answer says so. */
static void thinking_last(ld_candidates *out, const ld_catalog *cat, const ld_requirements *req)
{
    int col = catalog_col_index(cat, "thinking");
    if (!req->latency_critical || col < 0) return;
    size_t slow = 0;
    for (size_t i = 0; i < out->n; i++)
        if (strcasecmp(catalog_text(cat, out->items[i].row, (size_t)col), "always") == 0)
            out->items[i].tier |= TIER_THINKS, slow++;
    if (slow > 0 && slow < out->n) out->thinking_last = slow;
    else drop_tier(out, TIER_THINKS);
}

/* See ld_candidates.language_first.  English is not split on: nearly every
 * card that lists nothing is an English model, and its answer would only
 * move for a word the card did not bother to write. */
static void language_first(ld_candidates *out, const ld_requirements *req)
{
    if (!req->language[0] || !strcasecmp(req->language, "english")) return;
    size_t known = 0;
    for (size_t i = 0; i < out->n; i++) {
        known += out->items[i].language_known;
        out->items[i].tier |= out->items[i].language_known ? 0 : TIER_LANGUAGE_UNNAMED;
    }
    if (known > 0 && known < out->n) out->language_first = known;
    else drop_tier(out, TIER_LANGUAGE_UNNAMED);
}

/* The splits as one stable order: by tier (the language first, then the
 * thinking, then the measurement), the ranking kept within each. */
static void order_tiers(ld_candidates *out)
{
    ld_candidate *tmp = out->n ? malloc(out->n * sizeof *tmp) : NULL;
    if (!tmp) return; /* the ranking stays valid, only less careful */
    size_t k = 0;
    for (unsigned t = 0; t <= TIER_ALL; t++)
        for (size_t i = 0; i < out->n; i++)
            if (out->items[i].tier == t) tmp[k++] = out->items[i];
    memcpy(out->items, tmp, out->n * sizeof *tmp);
    free(tmp);
}

/* A weighted metric's contribution to a row's quality, 0..1 (NaN:
 * missing): its percentile among every row of the catalogue (not only the
 * candidates, so a model's quality does not move with the requirements)
 * when the catalogue's quality is on the percentile scale, else the
 * article's m / 100.  `pct` holds one column's percentiles, or NULL. */
typedef struct {
    int col;
    double w;
    double *pct;
    int starts, ends; /* it starts / ends a measure (score.c's plan: one weight, one first word) */
} scored_metric;

/* Marks where each measure starts and ends among the metrics that count
 * (a column, a weight): LiveCodeBench's windows are one measure, so under
 * missing = zero a row with none of them adds their weight once. */
static void mark_measures(const ld_catalog *cat, scored_metric *sc, size_t n)
{
    long prev = -1;
    for (size_t k = 0; k < n; k++) {
        sc[k].starts = sc[k].ends = 0;
        if (sc[k].col < 0 || !(sc[k].w > 0)) continue;
        sc[k].starts = !(prev >= 0 && sc[prev].w == sc[k].w &&
                         score_label_family(catalog_col_name(catalog_col(cat, (size_t)sc[prev].col)),
                                            catalog_col_name(catalog_col(cat, (size_t)sc[k].col))));
        if (prev >= 0 && sc[k].starts) sc[prev].ends = 1;
        prev = (long)k;
    }
    if (prev >= 0) sc[prev].ends = 1;
}

static int scored_metric_init(const ld_catalog *cat, scored_metric *sm, int col, double w)
{
    sm->col = col;
    sm->w = w;
    sm->pct = NULL;
    /* as score.c's plan: a column nobody (or, ranked, one row) was measured on weighs nothing */
    if (col >= 0 && catalog_col(cat, (size_t)col)->n_numbers < (score_percentile_scale(cat) ? 2u : 1u)) sm->w = 0;
    if (col < 0 || !(sm->w > 0) || !score_percentile_scale(cat)) return 0;
    size_t n = catalog_rows(cat);
    const ld_column *c = catalog_col(cat, (size_t)col);
    if (!(sm->pct = malloc((n ? n : 1) * sizeof *sm->pct))) return -1;
    return pctrank_column(c->num, n, c->higher_is_better, sm->pct, NULL);
}

static double scored_metric_at(const ld_catalog *cat, const scored_metric *sm, size_t row)
{
    if (sm->pct) return sm->pct[row];
    return catalog_num(cat, row, (size_t)sm->col) / 100;
}

int rules_candidates_in(const ld_catalog *cat, const ld_requirements *req,
                        const ld_task_profiles *profiles, ld_candidates *out, ld_error *err)
{
    memset(out, 0, sizeof *out);
    out->profile = rules_profiles_pick(profiles, req->task_type);
    out->mode = profiles->mode;
    size_t rows = catalog_rows(cat);
    int ctx = catalog_col_index(cat, "context_length");
    int open = catalog_col_index(cat, "open_weights");
    int com = catalog_col_index(cat, "commercial_use");
    int cost = catalog_col_index(cat, "relative_cost");
    int lang = catalog_col_index(cat, "languages");
    int mc[LD_TASK_MAX_WEIGHTS];
    for (size_t k = 0; k < out->profile->nw; k++)
        mc[k] = catalog_col_index(cat, out->profile->w[k].metric);
    /* "Benchmark on your data": an imported metric the user weighted joins
     * the ranking with its weight (metrics.json's own columns carry the
     * METRIC flag, the catalogue's fixed numbers DECLARED_NUMBER). */
    for (size_t c = 0; c < catalog_cols(cat) && out->nextra < LD_TASK_MAX_WEIGHTS; c++) {
        const ld_column *col = catalog_col(cat, c);
        if (col->type == LD_COL_NUMBER && col->weight > 0 &&
            !(col->flags & (LD_COLF_DERIVED | LD_COLF_METRIC | LD_COLF_DECLARED_NUMBER))) {
            out->extra_cols[out->nextra] = (int)c;
            out->extra_w[out->nextra++] = col->weight;
        }
    }
    if (ctx < 0) out->unchecked |= LD_UNCHECKED_CONTEXT;
    if (open < 0) out->unchecked |= LD_UNCHECKED_OPEN;
    if (com < 0 && req->licence != LD_LICENCE_ANY) out->unchecked |= LD_UNCHECKED_LICENCE;
    if (lang < 0) out->unchecked |= LD_UNCHECKED_LANGUAGE;
    /* the profile's metrics, then the user's weighted imports, each ready
     * to give its 0..1 score */
    scored_metric sc[2 * LD_TASK_MAX_WEIGHTS];
    size_t nsc = 0;
    int bad = 0;
    for (size_t k = 0; k < out->profile->nw; k++, nsc++)
        bad |= scored_metric_init(cat, &sc[nsc], mc[k], out->profile->w[k].weight) != 0;
    for (size_t k = 0; k < out->nextra; k++, nsc++)
        bad |= scored_metric_init(cat, &sc[nsc], out->extra_cols[k], out->extra_w[k]) != 0;
    mark_measures(cat, sc, nsc);
    if (bad || (rows && !(out->items = calloc(rows, sizeof *out->items)))) {
        for (size_t k = 0; k < nsc; k++) free(sc[k].pct);
        return error_set(err, LD_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t r = 0; r < rows; r++) {
        /* An unknown context length does not meet a stated need: we would
         * be promising something the data does not say. */
        if (ctx >= 0) {
            double c = catalog_num(cat, r, (size_t)ctx);
            if (isnan(c) || c < req->context_length) { out->excluded++; continue; }
        }
        if (open >= 0 && !is_yes(catalog_text(cat, r, (size_t)open))) {
            out->excluded++;
            continue;
        }
        /* "restricted" (e.g. the Llama 2 Community licence: commercial use
         * allowed below 700M monthly users, with an acceptable-use policy)
         * counts as commercial use, flagged so the faces can say "read the
         * licence"; LD_LICENCE_UNRESTRICTED accepts "yes" only. */
        int restricted = com >= 0 &&
                         !strcasecmp(catalog_text(cat, r, (size_t)com), "restricted");
        if (req->licence != LD_LICENCE_ANY && com >= 0 &&
            !is_yes(catalog_text(cat, r, (size_t)com)) &&
            !(restricted && req->licence == LD_LICENCE_COMMERCIAL)) {
            out->excluded++;
            continue;
        }
        if (req->fits && req->fits[r] != 1) { /* the hardware asked holds it, or it does not qualify */
            out->excluded++;
            out->excluded_hardware++;
            continue;
        }
        int lfit = lang >= 0 ? rules_language_fit(catalog_text(cat, r, (size_t)lang), req->language) : -1;
        if (lfit == 0) {
            out->excluded++;
            out->excluded_language++;
            continue;
        }
        double sw = 0, sm = 0;
        int covered = 0, in_measure = 0;
        for (size_t k = 0; k < nsc; k++) { /* as score.c's plan_quality, in the profile's order */
            if (sc[k].col < 0 || !(sc[k].w > 0)) continue;
            if (sc[k].starts) in_measure = 0;
            double m = scored_metric_at(cat, &sc[k], r);
            if (!isnan(m)) {
                covered++;
                in_measure = 1;
                sw += sc[k].w;
                sm += sc[k].w * m;
            }
            if (!in_measure && !profiles->skip_missing && sc[k].ends) { /* the measure's weight once, at 0 */
                sw += sc[k].w;
                sm += sc[k].w * 0.0;
            }
        }
        ld_candidate *cd = &out->items[out->n++];
        cd->row = r;
        cd->quality = covered && sw > 0 ? sm / sw : NAN; /* nothing measured: n/a under either rule */
        double rc = cost >= 0 ? catalog_num(cat, r, (size_t)cost) : NAN;
        cd->value = rc > 0 ? cd->quality / rc : NAN; /* NaN cost fails rc > 0 */
        cd->restricted = restricted;
        cd->noncommercial = com >= 0 && !strcasecmp(catalog_text(cat, r, (size_t)com), "no");
        cd->coverage = covered;
        cd->language_known = lfit == 1;
        cd->tier = 0;
    }
    for (size_t k = 0; k < nsc; k++) free(sc[k].pct);
    rank(out, req);
    out->missing_zero = !profiles->skip_missing;
    measured_first(out, cat, mc, profiles->skip_missing);
    thinking_last(out, cat, req);
    language_first(out, req);
    order_tiers(out);
    budget_floor(out, req);
    return 0;
}

void rules_candidates_free(ld_candidates *c)
{
    if (!c) return;
    free(c->items);
    memset(c, 0, sizeof *c);
}
