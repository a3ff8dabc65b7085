/* chart.c - the points of the trade-off chart and their frontier (chart.h). */
#include "llmdeck/chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "llmdeck/frontier.h"
#include "llmdeck/score.h"
#include "llmdeck/version.h"

int chart_build(const ld_catalog *cat, const uint32_t *idx, size_t n, int xcol, int ycol,
                ld_chart *ch)
{
    *ch = (ld_chart){.xcol = xcol, .ycol = ycol, .color_col = -1};
    ch->pts = malloc((n ? n : 1) * sizeof *ch->pts);
    if (!ch->pts) return -1;
    double lo = INFINITY, hi = 0;
    int all_positive = 1;
    for (size_t i = 0; i < n; i++) {
        double x = catalog_num(cat, idx[i], (size_t)xcol), y = catalog_num(cat, idx[i], (size_t)ycol);
        if (!isfinite(x) || !isfinite(y)) {
            ch->skipped++;
            continue;
        }
        ch->pts[ch->n++] = (ld_chart_point){idx[i], x, y, 0};
        if (x > 0) {
            if (x < lo) lo = x;
            if (x > hi) hi = x;
        } else {
            all_positive = 0;
        }
    }
    ch->x_log = ch->n > 1 && all_positive && hi >= 20 * lo;
    /* frontier_mark minimises x and maximises y: flip an axis whose better
     * end is the other one */
    double *x = malloc((ch->n ? ch->n : 1) * sizeof *x), *y = malloc((ch->n ? ch->n : 1) * sizeof *y);
    unsigned char *on = malloc(ch->n ? ch->n : 1);
    int rc = x && y && on ? 0 : -1;
    int x_flip = catalog_col(cat, (size_t)xcol)->higher_is_better;
    int y_flip = !catalog_col(cat, (size_t)ycol)->higher_is_better;
    for (size_t i = 0; rc == 0 && i < ch->n; i++) {
        x[i] = x_flip ? -ch->pts[i].x : ch->pts[i].x;
        y[i] = y_flip ? -ch->pts[i].y : ch->pts[i].y;
    }
    if (rc == 0) rc = frontier_mark(x, y, ch->n, on);
    for (size_t i = 0; rc == 0 && i < ch->n; i++) ch->pts[i].frontier = on[i];
    free(x);
    free(y);
    free(on);
    if (rc != 0) chart_free(ch);
    return rc;
}

static void ungroup(ld_chart *ch)
{
    for (size_t g = 0; g < ch->ngroups; g++) free(ch->group_name[g]);
    free(ch->group);
    ch->group = NULL;
    ch->ngroups = 0;
    ch->has_other = 0;
    ch->color_col = -1;
    memset(ch->group_name, 0, sizeof ch->group_name);
    memset(ch->group_count, 0, sizeof ch->group_count);
}

void chart_free(ld_chart *ch)
{
    ungroup(ch);
    free(ch->pts);
    ch->pts = NULL;
    ch->n = 0;
}

typedef struct {
    const char *name;
    size_t count, first; /* tally: a value's points, its first in `by` */
} tally;

typedef struct {
    const char *name;
    size_t i; /* the point */
} named;

static int by_name(const void *a, const void *b)
{
    const named *p = a, *q = b;
    int c = strcasecmp(p->name, q->name);
    return c ? c : (p->i > q->i) - (p->i < q->i);
}

static int by_count_then_name(const void *a, const void *b)
{
    const tally *p = a, *q = b;
    if (p->count != q->count) return p->count > q->count ? -1 : 1;
    return strcasecmp(p->name, q->name);
}

int chart_group(const ld_catalog *cat, ld_chart *ch, int col)
{
    ungroup(ch);
    if (col < 0) return 0;
    /* the points sorted by value, then one tally per run: O(n log n), so a
     * loaded file with a million rows and many distinct values stays quick */
    size_t cap = ch->n ? ch->n : 1, nn = 0, nt = 0;
    named *by = malloc(cap * sizeof *by);
    tally *t = malloc(cap * sizeof *t);
    ch->group = malloc(cap);
    if (!by || !t || !ch->group) {
        free(by);
        free(t);
        ungroup(ch);
        return -1;
    }
    unsigned char other = 0xFF;
    memset(ch->group, other, cap);
    for (size_t i = 0; i < ch->n; i++) {
        const char *v = catalog_text(cat, ch->pts[i].row, (size_t)col);
        if (v && *v) by[nn++] = (named){v, i};
    }
    qsort(by, nn, sizeof *by, by_name);
    for (size_t k = 0; k < nn; k++) {
        if (!nt || strcasecmp(t[nt - 1].name, by[k].name) != 0) t[nt++] = (tally){by[k].name, 0, k};
        t[nt - 1].count++;
    }
    qsort(t, nt, sizeof *t, by_count_then_name);
    size_t keep = nt < CHART_MAX_GROUPS ? nt : CHART_MAX_GROUPS;
    int rc = 0;
    for (size_t g = 0; g < keep && rc == 0; g++) {
        if (!(ch->group_name[g] = strdup(t[g].name))) {
            rc = -1;
            break;
        }
        ch->ngroups++;
        ch->group_count[g] = t[g].count;
        for (size_t k = t[g].first; k < t[g].first + t[g].count; k++) ch->group[by[k].i] = (unsigned char)g;
    }
    for (size_t i = 0; rc == 0 && i < ch->n; i++) /* the rest and the empty: "other" */
        if (ch->group[i] == other) {
            ch->group[i] = (unsigned char)keep;
            ch->group_count[keep]++;
            ch->has_other = 1;
        }
    if (rc == 0 && ch->has_other) {
        if (!(ch->group_name[keep] = strdup("other"))) rc = -1;
        else ch->ngroups++;
    }
    free(by);
    free(t);
    if (rc != 0) {
        ungroup(ch);
        return -1;
    }
    ch->color_col = col;
    return 0;
}

int chart_color_column(const ld_catalog *cat, const char *word, int *col)
{
    if (strcmp(word, "none") == 0) return *col = -1, 0;
    const char *ids[3] = {NULL, NULL, NULL};
    if (strcmp(word, "family") == 0) ids[0] = "family", ids[1] = "org";
    else if (strcmp(word, "license") == 0 || strcmp(word, "licence") == 0) ids[0] = "license";
    for (int k = 0; ids[k]; k++) {
        int c = catalog_col_index(cat, ids[k]);
        if (c >= 0 && catalog_col(cat, (size_t)c)->type == LD_COL_TEXT) return *col = c, 0;
    }
    return -1;
}


/* "x: LABEL - description", cut at a length a slide footer holds. */
static void describe(char *buf, size_t n, const char *axis, const ld_column *c)
{
    /* whole: the SVG wraps it to its width (cutting at a byte count could
     * split a character and left the cost's sources out) */
    snprintf(buf, n, "%s: %s%s%s", axis, catalog_col_name(c), c->description && *c->description ? " \xe2\x80\x94 " : "",
             c->description ? c->description : "");
}

static int weighted_axis(const ld_catalog *cat, int col)
{
    const char *id = catalog_col(cat, (size_t)col)->id;
    return strcmp(id, "quality") == 0 || strcmp(id, "value_score") == 0;
}

void chart_footer(ld_chart_footer *f, const ld_dataset *ds, const ld_chart *ch, const char *filter,
                  ld_missing policy)
{
    const ld_catalog *cat = ds->models;
    char as_of[32];
    size_t k = 0;
    int filt = filter && *filter;
    ld_data_horizon horizon;
    char reach[256];
    dataset_as_of(ds, as_of, sizeof as_of);
    dataset_horizon(ds, &horizon);
    dataset_horizon_text(&horizon, reach, sizeof reach);
    snprintf(f->text[k++], sizeof f->text[0],
             "Data: llmdeck %s catalogue%s%s%s%s%s%s%.200s%s; sources of every figure: data/SOURCES.md and %s.",
             ds->kind == LD_DATASET_SEED ? "seed (2023 article)" : "current", *as_of ? " as of " : "", as_of,
             *reach ? " (" : "", reach, *reach ? ")" : "", filt ? ", filter '" : "", filt ? filter : "",
             filt ? "'" : "",
             ds->kind == LD_DATASET_SEED ? "the 2023 article's tables (the source column)"
                                         : "the price_source and bench_settings columns");
    if (filt) /* the table's frontier column is the whole catalogue's */
        snprintf(f->text[k++], sizeof f->text[0],
                 "Frontier: among the %zu models plotted; the table's frontier column is over the whole catalogue.",
                 ch->n);
    describe(f->text[k++], sizeof f->text[0], "x", catalog_col(cat, (size_t)ch->xcol));
    describe(f->text[k++], sizeof f->text[0], "y", catalog_col(cat, (size_t)ch->ycol));
    if (weighted_axis(cat, ch->xcol) || weighted_axis(cat, ch->ycol)) {
        /* quality is a weighted mean: which weights made it */
        char *s = f->text[k];
        size_t cap = sizeof f->text[0], len = (size_t)snprintf(s, cap, "Quality weights:");
        size_t ncol = catalog_cols(cat), shown = 0;
        for (size_t c = 0; c < ncol && len < cap; c++) {
            const ld_column *cd = catalog_col(cat, c);
            if (!(cd->flags & LD_COLF_METRIC) || !(cd->weight > 0)) continue;
            len += (size_t)snprintf(s + len, cap - len, "%s %s %g", shown ? "," : "", cd->id, cd->weight);
            shown++;
        }
        const char *rule = policy == LD_MISSING_SKIP ? "; a missing metric is left out (weights renormalised)."
                                                     : "; a missing metric counts as 0.";
        if (score_percentile_scale(cat))
            rule = policy == LD_MISSING_SKIP ? "; each metric as the row's percentile among the rows measured on it, "
                                               "a missing one left out (weights renormalised)."
                                             : "; each metric as the row's percentile among the rows measured on it, "
                                               "a missing one as 0.";
        if (!shown) snprintf(s, cap, "Quality weights: none set.");
        else if (len + strlen(rule) < cap) strcat(s, rule);
        k++;
    }
    snprintf(f->text[k++], sizeof f->text[0], "Made with llmdeck %s.", LLMDECK_VERSION);
    for (size_t i = 0; i < k; i++) f->line[i] = f->text[i];
    f->n = k;
}

int chart_rests_on_quality(const ld_catalog *cat, const ld_chart *ch)
{
    const char *x = catalog_col(cat, (size_t)ch->xcol)->id, *y = catalog_col(cat, (size_t)ch->ycol)->id;
    return !strcmp(x, "quality") || !strcmp(y, "quality") || !strcmp(x, "value_score") || !strcmp(y, "value_score");
}

const char *chart_point_coverage(const ld_catalog *cat, const ld_chart *ch, size_t row, ld_missing policy,
                                 char *buf, size_t n)
{
    if (!n) return buf;
    buf[0] = '\0';
    int cc = catalog_col_index(cat, "coverage");
    if (!chart_rests_on_quality(cat, ch) || cc < 0) return buf;
    double has = catalog_num(cat, row, (size_t)cc);
    size_t of = score_weighted_measures(cat); /* a benchmark's windows once: a row has one */
    if (!isnan(has))
        snprintf(buf, n, "%.0f of %zu metrics%s", has, of,
                 policy == LD_MISSING_ZERO && has < (double)of ? ", the rest as 0" : "");
    return buf;
}
