/* score.c - the value score (the seed's calculate_value_score, generalised). */
#include "llmdeck/score.h"
#include "llmdeck/output.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "llmdeck/frontier.h"
#include "llmdeck/pctrank.h"
#include "llmdeck/suggest.h"
#include "llmdeck/units.h"

#include "radix.h"
#include "worker.h"

/* The weighted metric columns, gathered once per pass over the rows. */
typedef struct {
    size_t *col;
    double *w;
    int *hib;
    /* gstart[i]: column i starts a measure.  Columns of one weight whose
     * labels share a first word (LiveCodeBench's windows, one column each;
     * a row has one of them) are one measure: under missing = zero a row
     * lacking all of them counts its weight once, not once a column. */
    unsigned char *gstart;
    size_t n;
    int cost; /* relative_cost column or -1 */
    int pct;  /* quality averages percentiles (score_percentile_scale) */
    int ok;   /* 0 when out of memory */
} weight_plan;

int score_percentile_scale(const ld_catalog *cat)
{
    int q = catalog_col_index(cat, "quality");
    return q >= 0 && (catalog_col(cat, (size_t)q)->flags & LD_COLF_PERCENTILE);
}

static void plan_weights(const ld_catalog *cat, weight_plan *p)
{
    size_t nc = catalog_cols(cat) ? catalog_cols(cat) : 1;
    p->n = 0;
    p->col = malloc(nc * sizeof *p->col);
    p->w = malloc(nc * sizeof *p->w);
    p->hib = malloc(nc * sizeof *p->hib);
    p->gstart = malloc(nc);
    p->ok = p->col && p->w && p->hib && p->gstart;
    p->cost = catalog_col_index(cat, "relative_cost");
    p->pct = score_percentile_scale(cat);
    for (size_t c = 0; p->ok && c < catalog_cols(cat); c++) {
        const ld_column *col = catalog_col(cat, c);
        if (col->type != LD_COL_NUMBER || (col->flags & LD_COLF_DERIVED) || !(col->weight > 0))
            continue;
        /* a column nobody was measured on (or, on the percentile scale, only
         * one row: it ranks nothing) weighs nothing, as an absent column:
         * a file with humaneval empty scored 0.433 where the same file
         * without the column scored 0.650 */
        if (col->n_numbers < (p->pct ? 2u : 1u)) continue;
        p->col[p->n] = c;
        p->w[p->n] = col->weight;
        p->hib[p->n] = col->higher_is_better;
        /* as score_weighted_measures counts them */
        p->gstart[p->n] = !(p->n && p->w[p->n - 1] == col->weight &&
                            score_label_family(catalog_col_name(catalog_col(cat, p->col[p->n - 1])), catalog_col_name(col)));
        p->n++;
    }
}

/* Column i ends its measure (the next starts one, or there is none). */
static int measure_ends(const weight_plan *p, size_t i) { return i + 1 == p->n || p->gstart[i + 1]; }

static void plan_free(weight_plan *p)
{
    free(p->col);
    free(p->w);
    free(p->hib);
    free(p->gstart);
}

static double plan_quality(const ld_catalog *cat, const weight_plan *p, size_t row,
                           ld_missing policy)
{
    double sum = 0, wsum = 0;
    int measured = 0, in_measure = 0;
    for (size_t i = 0; i < p->n; i++) {
        if (p->gstart[i]) in_measure = 0;
        double m = catalog_num(cat, row, p->col[i]), v;
        if (p->pct) /* O(rows): one row's score, not a column's */
            m = pctrank_cell(catalog_col(cat, p->col[i])->num, catalog_rows(cat), m, p->hib[i], NULL);
        if (!isnan(m)) {
            if (p->pct) v = m; /* already 0 (worst) to 1 (best) */
            else v = p->hib[i] ? m / 100.0 : 1.0 - m / 100.0; /* lower is better: the complement */
            sum += p->w[i] * v;
            wsum += p->w[i];
            measured = in_measure = 1;
        }
        /* the seed's `(x or 0)`: a missing measure adds 0 and its weight
         * (once, however many columns it has; on the percentile scale the
         * worst place) */
        if (!in_measure && policy == LD_MISSING_ZERO && measure_ends(p, i)) {
            sum += p->w[i] * 0.0;
            wsum += p->w[i];
        }
    }
    return measured && wsum > 0 ? sum / wsum : NAN; /* nothing measured: n/a under either rule */
}

static double plan_value(const ld_catalog *cat, const weight_plan *p, size_t row,
                         ld_missing policy)
{
    if (p->cost < 0) return NAN;
    double cost = catalog_num(cat, row, (size_t)p->cost);
    if (!(cost > 0)) return NAN; /* missing, zero or negative: undefined, not 0 */
    return plan_quality(cat, p, row, policy) / cost;
}

double score_quality(const ld_catalog *cat, size_t row, ld_missing policy)
{
    weight_plan p;
    plan_weights(cat, &p);
    double q = p.ok ? plan_quality(cat, &p, row, policy) : NAN;
    plan_free(&p);
    return q;
}

double score_value(const ld_catalog *cat, size_t row, ld_missing policy)
{
    weight_plan p;
    plan_weights(cat, &p);
    double v = p.ok ? plan_value(cat, &p, row, policy) : NAN;
    plan_free(&p);
    return v;
}

/* A column the quality weighs: plan_weights' rule (a weight, and a
 * measured value, two on the percentile scale). */
static int weighted(const ld_column *col, int ranked)
{
    return col->type == LD_COL_NUMBER && !(col->flags & LD_COLF_DERIVED) && col->weight > 0 &&
           col->n_numbers >= (ranked ? 2u : 1u);
}

size_t score_weighted_count(const ld_catalog *cat) { return score_weighted_metrics(cat, NULL, 0); }

size_t score_label_family(const char *a, const char *b)
{
    const char *sp = a ? strchr(a, ' ') : NULL;
    if (!sp || !sp[1] || !b) return 0;
    size_t k = (size_t)(sp - a) + 1;
    return strncmp(a, b, k) == 0 && b[k] ? k : 0;
}

size_t score_weighted_measures(const ld_catalog *cat)
{
    size_t n = 0;
    const ld_column *prev = NULL;
    int ranked = score_percentile_scale(cat);
    for (size_t c = 0; c < catalog_cols(cat); c++) {
        const ld_column *col = catalog_col(cat, c);
        if (!weighted(col, ranked)) continue;
        n += !(prev && prev->weight == col->weight && score_label_family(catalog_col_name(prev), catalog_col_name(col)));
        prev = col;
    }
    return n;
}

size_t score_weighted_metrics(const ld_catalog *cat, size_t *cols, size_t max)
{
    size_t n = 0;
    int ranked = score_percentile_scale(cat);
    for (size_t c = 0; c < catalog_cols(cat); c++)
        if (weighted(catalog_col(cat, c), ranked)) {
            if (n < max) cols[n] = c;
            n++;
        }
    return n;
}

size_t score_range_warnings(const ld_catalog *cat, char *buf, size_t n)
{
    size_t found = 0, k = 0;
    int ranked = score_percentile_scale(cat);
    if (n) buf[0] = '\0';
    for (size_t c = 0; c < catalog_cols(cat); c++) {
        const ld_column *col = catalog_col(cat, c);
        if (col->type != LD_COL_NUMBER || (col->flags & LD_COLF_DERIVED) || !col->num) continue;
        int pct = weighted(col, ranked) && col->unit && !strcmp(col->unit, "%");
        int cost = !strcmp(col->id, "relative_cost");
        if (!pct && !cost) continue;
        /* counted without a branch a cell (NaN compares false: missing is
         * not out of range), the first such row looked for only if any */
        size_t bad = 0, first = 0, rows = catalog_rows(cat);
        const double *v = col->num, hi = pct ? 100 : INFINITY;
        for (size_t r = 0; r < rows; r++) bad += (size_t)((pct ? v[r] < 0 : v[r] <= 0) | (v[r] > hi));
        if (!bad) continue;
        while (first < rows && !(pct ? v[first] < 0 || v[first] > 100 : v[first] <= 0)) first++;
        found += bad;
        char name[96], cell[48];
        output_sanitize(catalog_text(cat, first, catalog_key_col(cat)), name, sizeof name);
        output_sanitize(catalog_text(cat, first, c), cell, sizeof cell);
        if (k < n)
            k += (size_t)snprintf(buf + k, n - k, "%scolumn '%s': %zu value%s %s (%s: %s)%s", k ? "; " : "", col->id,
                                  bad, bad == 1 ? "" : "s", pct ? "outside 0-100" : "of 0 or below", name, cell,
                                  pct ? ", read as a percentage all the same" : ": no value score");
    }
    return found;
}

/* One score column; `computed`: its cells are about to be set, every row
 * (score_update), so it is not emptied first. */
static int add_column(ld_catalog *cat, const char *id, unsigned flags, int computed)
{
    return computed ? catalog_add_computed_column(cat, id, flags) : catalog_add_column(cat, id, LD_COL_NUMBER, flags);
}

static int add_columns(ld_catalog *cat, int computed)
{
    int had = catalog_col_index(cat, "value_score") >= 0;
    int q = add_column(cat, "quality", LD_COLF_DERIVED, computed);
    int v = add_column(cat, "value_score", LD_COLF_DERIVED, computed);
    int k = add_column(cat, "coverage", LD_COLF_DERIVED, computed);
    int f = add_column(cat, "frontier", LD_COLF_DERIVED | LD_COLF_YESNO, computed);
    if (q < 0 || v < 0 || k < 0 || f < 0) return -1;
    if (!had) {
        catalog_col(cat, (size_t)q)->decimals = 4;
        catalog_col(cat, (size_t)v)->decimals = 6;
        catalog_col(cat, (size_t)k)->decimals = 0;
        catalog_col(cat, (size_t)f)->decimals = 0;
        /* a data set's metrics.json may say more; without one the column
         * still explains itself (the detail panel shows this) */
        char *about = strdup("yes when no other row is both cheaper (relative_cost) and better (quality), "
                             "one of them strictly; empty without either.");
        if (about) {
            free(catalog_col(cat, (size_t)f)->description);
            catalog_col(cat, (size_t)f)->description = about;
        }
    }
    return v;
}

int score_add_columns(ld_catalog *cat) { return add_columns(cat, 0); }

int score_add_columns_unset(ld_catalog *cat) { return add_columns(cat, 1); }

int score_set_percentile_scale(ld_catalog *cat, int on)
{
    int q = catalog_col_index(cat, "quality");
    if (q < 0 && add_columns(cat, 0) < 0) return -1;
    ld_column *col = catalog_col(cat, (size_t)catalog_col_index(cat, "quality"));
    if (on) col->flags |= LD_COLF_PERCENTILE;
    else col->flags &= ~(unsigned)LD_COLF_PERCENTILE;
    return 0;
}

/* The cost a frontier compares: missing, zero or negative is undefined
 * (NaN), as for the value score, so such a row is never on it. */
static double pareto_cost_of(double c) { return c > 0 ? c : NAN; }

/* The frontier into an array, fr[r] for each row: 1 when no row is both
 * cheaper (relative_cost) and better (the quality q[]), one of them
 * strictly; 0 when one is; NaN (empty) when the row has no cost or no
 * quality to place it.  Straight passes over the arrays (a call a cell
 * was a tenth of it). */
static int fill_frontier_into(const ld_catalog *cat, const double *q, double *fr)
{
    size_t n = catalog_rows(cat);
    int cc = catalog_col_index(cat, "relative_cost");
    const double *cost = cc >= 0 ? catalog_col(cat, (size_t)cc)->num : NULL;
    if (!cost) { /* no cost, no row placed: the frontier is empty (1 ms at 200k rows) */
        for (size_t r = 0; fr && r < n; r++) fr[r] = NAN;
        return q ? 0 : -1;
    }
    /* the costs compared go in fr itself, overwritten last with the
     * answer: an array of costs of its own was 1.6 MB of fresh pages at
     * 200k rows, faulted in and freed (0.6 ms of a 3.3 ms frontier) */
    double *x = fr ? fr : malloc((n ? n : 1) * sizeof *x);
    unsigned char *on = malloc(n ? n : 1);
    int rc = x && q && on ? 0 : -1;
    for (size_t r = 0; rc == 0 && r < n; r++) x[r] = pareto_cost_of(cost[r]);
    if (rc == 0) rc = frontier_mark(x, q, n, on);
    for (size_t r = 0; rc == 0 && fr && r < n; r++) fr[r] = isfinite(x[r]) && isfinite(q[r]) ? (double)on[r] : NAN;
    for (size_t r = 0; rc != 0 && x && x == fr && r < n; r++) fr[r] = NAN; /* no costs left for a frontier */
    if (x != fr) free(x);
    free(on);
    return rc;
}

/* The `frontier` column from the stored quality column q. */
static int fill_frontier(ld_catalog *cat, int q, int f)
{
    if (f < 0) return -1;
    ld_column *out = catalog_col(cat, (size_t)f);
    int rc = fill_frontier_into(cat, catalog_col(cat, (size_t)q)->num, out->num);
    out->gen++;
    return rc;
}

/* The sums made quality and value: qs[r] holds sum(w x score) and vs[r]
 * sum(w) on entry. */
static void score_finish(const ld_catalog *cat, const weight_plan *p, size_t lo, size_t hi, double *qs,
                         double *vs)
{
    const double *cost = p->cost >= 0 ? catalog_col(cat, (size_t)p->cost)->num : NULL;
    for (size_t r = lo; r < hi; r++) {
        qs[r] = vs[r] > 0 ? qs[r] / vs[r] : NAN;
        vs[r] = cost && cost[r] > 0 ? qs[r] / cost[r] : NAN; /* missing, 0 or negative: undefined */
    } /* (vs[r] is read as the weights' sum before it is written) */
}

/* Quality, value and coverage of rows [lo, hi), column by column: each a
 * straight pass over its array (row by row cost a call and a cache miss
 * per cell, a tenth of an export of 200k rows).  Every row adds its
 * metrics in the same order as plan_quality, so the sums are the same to
 * the bit.  The value array holds the weights' sums until the end (no
 * array more at 1M rows). */
static int score_rows(const ld_catalog *cat, const weight_plan *p, ld_missing policy, size_t lo,
                      size_t hi, double *qs, double *vs, double *ks)
{
    double *wsum = vs;
    unsigned char *seen = NULL; /* a measure of several columns: the row has one of them */
    for (size_t r = lo; r < hi; r++) qs[r] = wsum[r] = ks[r] = 0;
    for (size_t i = 0; i < p->n; i++) {
        const double *m = catalog_col(cat, p->col[i])->num, w = p->w[i];
        int hib = p->hib[i], skip = policy == LD_MISSING_SKIP;
        if (p->gstart[i] && measure_ends(p, i)) { /* a measure of one column: the straight pass */
            for (size_t r = lo; r < hi; r++) {
                double x = m ? m[r] : NAN;
                if (isnan(x)) { /* the seed's `(x or 0)`: the worst score, also where lower is better */
                    if (skip) continue;
                    qs[r] += w * 0.0;
                } else {
                    ks[r] += 1;
                    qs[r] += w * (hib ? x / 100.0 : 1.0 - x / 100.0); /* lower is better: the complement */
                }
                wsum[r] += w;
            }
            continue;
        }
        if (!seen && !(seen = malloc(hi - lo))) return -1;
        if (p->gstart[i]) memset(seen, 0, hi - lo);
        for (size_t r = lo; r < hi; r++) {
            double x = m ? m[r] : NAN;
            if (isnan(x)) continue;
            ks[r] += 1;
            qs[r] += w * (hib ? x / 100.0 : 1.0 - x / 100.0);
            wsum[r] += w;
            seen[r - lo] = 1;
        }
        if (!skip && measure_ends(p, i)) /* none of its columns: 0, its weight once */
            for (size_t r = lo; r < hi; r++)
                if (!seen[r - lo]) {
                    qs[r] += w * 0.0;
                    wsum[r] += w;
                }
    }
    free(seen);
    for (size_t r = lo; r < hi; r++)
        if (ks[r] == 0) wsum[r] = 0; /* nothing measured: n/a under either rule */
    score_finish(cat, p, lo, hi, qs, vs);
    return 0;
}

/* Rows [lo, hi) in slices of SCORE_SLICE, counting progress and seeing a
 * cancel between slices (pr may be NULL). */
#define SCORE_SLICE 65536

typedef struct {
    const ld_catalog *cat;
    const weight_plan *p;
    ld_missing policy;
    double *q, *v, *k;
    size_t lo, hi;
    ld_progress *pr;
    int rc;
} score_job;

static void *score_slices(void *arg)
{
    score_job *j = arg;
    j->rc = 0;
    for (size_t r0 = j->lo; r0 < j->hi; r0 += SCORE_SLICE) {
        size_t end = j->hi - r0 > SCORE_SLICE ? r0 + SCORE_SLICE : j->hi;
        if (score_rows(j->cat, j->p, j->policy, r0, end, j->q, j->v, j->k) != 0) return j->rc = -1, NULL;
        if (j->pr) {
            atomic_fetch_add_explicit(&j->pr->done, end - r0, memory_order_relaxed);
            if (atomic_load_explicit(&j->pr->cancel, memory_order_relaxed)) return j->rc = LD_CANCELLED, NULL;
        }
    }
    return NULL;
}

/* The percentile scale: a column's percentiles need all of its rows, so
 * the pass goes column by column over whole columns, each ranked into one
 * scratch array (one array however many metrics; the sorts use both
 * cores).  Progress: the rows' n units spread over the metrics; a cancel
 * is seen between metrics (a million rows rank in tens of ms). */
static int score_percentiles(const ld_catalog *cat, const weight_plan *p, ld_missing policy, double *qs,
                             double *vs, double *ks, ld_progress *pr)
{
    size_t n = catalog_rows(cat), done = 0;
    double *pc = malloc((n ? n : 1) * sizeof *pc), *wsum = vs;
    unsigned char *seen = malloc(n ? n : 1); /* the row has a column of the measure (score_rows) */
    if (!pc || !seen) {
        free(pc);
        free(seen);
        return -1;
    }
    for (size_t r = 0; r < n; r++) qs[r] = wsum[r] = ks[r] = 0;
    int rc = 0;
    for (size_t i = 0; i < p->n && rc == 0; i++) {
        rc = pctrank_column(catalog_col(cat, p->col[i])->num, n, p->hib[i], pc, NULL);
        double w = p->w[i];
        if (p->gstart[i]) memset(seen, 0, n);
        for (size_t r = 0; rc == 0 && r < n; r++) {
            double x = pc[r];
            if (isnan(x)) continue;
            ks[r] += 1;
            qs[r] += w * x;
            wsum[r] += w;
            seen[r] = 1;
        }
        if (rc == 0 && policy == LD_MISSING_ZERO && measure_ends(p, i)) /* none: the worst place, its weight once */
            for (size_t r = 0; r < n; r++)
                if (!seen[r]) {
                    qs[r] += w * 0.0;
                    wsum[r] += w;
                }
        size_t to = n * (i + 1) / p->n;
        if (rc == 0) rc = progress_tick(pr, to - done);
        done = to;
    }
    free(pc);
    free(seen);
    for (size_t r = 0; rc == 0 && r < n; r++)
        if (ks[r] == 0) wsum[r] = 0; /* nothing measured: n/a under either rule */
    if (rc == 0) {
        score_finish(cat, p, 0, n, qs, vs);
        rc = progress_tick(pr, n - done);
    }
    return rc;
}

/* Every row scored, on both cores from two slices on (each half of the
 * rows on its own thread; the halves share no cell). */
static int score_all(const ld_catalog *cat, const weight_plan *p, ld_missing policy, double *q, double *v,
                     double *k, ld_progress *pr)
{
    size_t n = catalog_rows(cat);
    if (p->pct) return score_percentiles(cat, p, policy, q, v, k, pr);
    score_job a = {cat, p, policy, q, v, k, 0, n, pr, 0}, b = a;
    if (n < 2 * SCORE_SLICE) {
        score_slices(&a);
        return a.rc;
    }
    a.hi = b.lo = n / 2;
    worker_pair(score_slices, &a, &b);
    return a.rc ? a.rc : b.rc;
}

void score_free(ld_scores *s)
{
    free(s->quality);
    free(s->value);
    free(s->coverage);
    free(s->frontier);
    memset(s, 0, sizeof *s);
}

size_t score_units(const ld_catalog *cat) { return catalog_rows(cat) * 2; }

int score_compute(const ld_catalog *cat, ld_missing policy, ld_scores *s, ld_progress *pr)
{
    size_t n = catalog_rows(cat), cap = n ? n : 1;
    memset(s, 0, sizeof *s);
    s->n = n;
    s->quality = malloc(cap * sizeof *s->quality);
    s->value = malloc(cap * sizeof *s->value);
    s->coverage = malloc(cap * sizeof *s->coverage);
    s->frontier = malloc(cap * sizeof *s->frontier);
    weight_plan p;
    plan_weights(cat, &p);
    if (!p.ok || !s->quality || !s->value || !s->coverage || !s->frontier) {
        plan_free(&p);
        score_free(s);
        return -1;
    }
    if (pr) atomic_store_explicit(&pr->phase, LD_PHASE_SCORE, memory_order_relaxed);
    int rc = score_all(cat, &p, policy, s->quality, s->value, s->coverage, pr);
    plan_free(&p);
    if (rc != 0) {
        score_free(s);
        return rc;
    }
    if (fill_frontier_into(cat, s->quality, s->frontier) != 0) {
        score_free(s);
        return -1;
    }
    if (pr) atomic_fetch_add_explicit(&pr->done, n, memory_order_relaxed);
    return 0;
}

/* One column's values at once (one generation step, not one per cell). */
static void install_col(ld_catalog *cat, int c, const double *v, size_t n)
{
    ld_column *col = catalog_col(cat, (size_t)c);
    if (col->num) memcpy(col->num, v, n * sizeof *v);
    col->gen++;
}

void score_install(ld_catalog *cat, ld_scores *s)
{
    size_t n = s->n < catalog_rows(cat) ? s->n : catalog_rows(cat);
    install_col(cat, catalog_col_index(cat, "quality"), s->quality, n);
    install_col(cat, catalog_col_index(cat, "value_score"), s->value, n);
    install_col(cat, catalog_col_index(cat, "coverage"), s->coverage, n);
    install_col(cat, catalog_col_index(cat, "frontier"), s->frontier, n);
    score_free(s);
}

static int prepare(ld_catalog *cat, int computed)
{
    if (add_columns(cat, computed) < 0) return -1;
    /* the columns may have been added after rows were reserved: make sure
     * their arrays cover every row */
    size_t n = catalog_rows(cat);
    return catalog_reserve(cat, n ? n : 1);
}

int score_prepare(ld_catalog *cat) { return prepare(cat, 0); }

/* In place, column by column: the load and the command line (no arrays
 * more at 1M rows); the same figures to the bit as score_compute, which the
 * TUI's jobs use to compute beside the shown columns. */
int score_update(ld_catalog *cat, ld_missing policy) { return score_update_opts(cat, policy, 1); }

int score_update_opts(ld_catalog *cat, ld_missing policy, int with_frontier)
{
    /* columns made here are computed below, every row: nothing reads them
     * before (a failure below fails the caller's load or command) */
    if (prepare(cat, 1) != 0) return -1;
    int q = catalog_col_index(cat, "quality");
    int v = catalog_col_index(cat, "value_score");
    int k = catalog_col_index(cat, "coverage");
    weight_plan p;
    plan_weights(cat, &p);
    double *qs = catalog_col(cat, (size_t)q)->num, *vs = catalog_col(cat, (size_t)v)->num,
           *ks = catalog_col(cat, (size_t)k)->num;
    if (!p.ok || !qs || !vs || !ks) {
        plan_free(&p);
        return -1;
    }
    int rc = score_all(cat, &p, policy, qs, vs, ks, NULL);
    catalog_col(cat, (size_t)q)->gen++;
    catalog_col(cat, (size_t)v)->gen++;
    catalog_col(cat, (size_t)k)->gen++;
    plan_free(&p);
    if (rc != 0) return -1; /* out of memory (no progress, so no cancel) */
    int f = catalog_col_index(cat, "frontier");
    if (!with_frontier) { /* empty, not unset: nothing shows it, but a cell is never garbage */
        ld_column *fc = f >= 0 ? catalog_col(cat, (size_t)f) : NULL;
        for (size_t r = 0; fc && fc->num && r < catalog_rows(cat); r++) fc->num[r] = NAN;
        if (fc) fc->gen++;
        return f >= 0 ? v : -1;
    }
    return fill_frontier(cat, q, f) == 0 ? v : -1;
}

int score_parse_weights(ld_catalog *cat, const char *spec, const char *what,
                        ld_error *err)
{
    /* All or nothing: check every item first, then apply (the TUI's
     * weights editor and --weights never leave half a change behind). */
    size_t nc = catalog_cols(cat);
    double *w = malloc((nc ? nc : 1) * sizeof *w);
    if (!w) return error_set(err, LD_ERR_NOMEM, what, 0, 0, "out of memory");
    for (size_t c = 0; c < nc; c++) w[c] = catalog_col(cat, c)->weight;
    const char *p = spec;
    int rc = 0;
    while (*p && rc == 0) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char item[200];
        if (len == 0 || len >= sizeof item || (comma && !comma[1])) {
            rc = error_set(err, LD_ERR_USAGE, what, 0, 0, "expected ID=WEIGHT[,ID=WEIGHT...], got '%s'", spec);
            break;
        }
        memcpy(item, p, len);
        item[len] = '\0';
        char *eq = strchr(item, '=');
        if (!eq) {
            rc = error_set(err, LD_ERR_USAGE, what, 0, 0, "expected ID=WEIGHT, got '%s'", item);
            break;
        }
        *eq = '\0';
        int c = suggest_column(cat, item);
        double v;
        if (c < 0) {
            char hint[200];
            suggest_column_hint(cat, item, hint, sizeof hint);
            rc = error_set(err, LD_ERR_USAGE, what, 0, 0, "unknown metric '%s'%s", item, hint);
        } else if (catalog_col(cat, (size_t)c)->type != LD_COL_NUMBER ||
                   (catalog_col(cat, (size_t)c)->flags & LD_COLF_DERIVED)) {
            rc = error_set(err, LD_ERR_USAGE, what, 0, 0, "'%s' is not a numeric metric", item);
        } else if ((catalog_col(cat, (size_t)c)->flags & (LD_COLF_DECLARED_NUMBER | LD_COLF_METRIC)) ==
                   LD_COLF_DECLARED_NUMBER) {
            /* a price, a context length or a parameter count is no measure of
             * quality (a weighted price made Mistral-Medium-3.5 0.943 "quality"
             * from its price alone); a user's own undescribed column still can be */
            rc = error_set(err, LD_ERR_USAGE, what, 0, 0,
                           "'%s' is not a quality metric (metrics.json describes it, without \"metric\": true); "
                           "weights go to benchmark columns", item);
        } else if (units_parse_count(eq + 1, &v) != 0 || v < 0 || v > 1e6) {
            rc = error_set(err, LD_ERR_USAGE, what, 0, 0,
                           "weight for '%s' must be a number from 0 to 1e6, got '%s'", item, eq + 1);
        } else {
            w[c] = v;
        }
        p += len + (comma ? 1 : 0);
    }
    if (rc == 0)
        for (size_t c = 0; c < nc; c++) catalog_col(cat, c)->weight = w[c];
    free(w);
    return rc;
}

void score_pareto(const ld_catalog *cat, ld_missing policy, unsigned char *out)
{
    /* the frontier column's own computation (the percentile scale ranks
     * whole columns; a row at a time would be quadratic) */
    size_t n = catalog_rows(cat);
    ld_scores s;
    if (n) memset(out, 0, n);
    if (score_compute(cat, policy, &s, NULL) != 0) return;
    for (size_t r = 0; r < n; r++) out[r] = s.frontier[r] == 1.0;
    score_free(&s);
}
