/* rules_rank.c - the candidates of a recommendation (see rules.h): the
 * catalogue rows that meet the hard constraints of the requirements, ranked
 * by a task-weighted value score.  Kept apart from rules.c, which evaluates
 * the decision tree, because it reads the catalogue and the tree does not. */
#include "llmdeck/rules.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ASCII case-insensitive substring search. */
static int contains_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    if (!n) return 1;
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0) return 1;
    return 0;
}

/* ---- candidates ------------------------------------------------------- */

/* Task-weighted quality.  The profile is picked by the first keyword found
 * in the task text (case-insensitive); the weights say what the task needs:
 *   code     HumanEval 3, MMLU 1, GSM8K 1 - code synthesis first, with
 *            knowledge and step-by-step reasoning still counting;
 *   math     GSM8K 3, MMLU 1, ARC 1 - grade-school maths first;
 *   support  TruthfulQA 2, MMLU 1, ARC 1 - a customer-facing assistant
 *            must not state falsehoods confidently; no code metric;
 *   general  MMLU 1, HumanEval 1, GSM8K 1 - the seed's calculate_value_score,
 *            so the default ranking is the seed's value score.
 * Metrics count as 0 when missing (the seed's policy); a metric column the
 * catalogue lacks altogether is left out and the weights renormalised, so a
 * user's own catalogue with fewer benchmarks still ranks. */
static const struct {
    const char *keywords[6];
    ld_task_profile p;
} PROFILES[] = {
    {{"code", "coding", "program", "software", "developer", 0},
     {"code", {{"humaneval", 3}, {"mmlu", 1}, {"gsm8k", 1}}, 3}},
    {{"math", "arithmetic", 0},
     {"math", {{"gsm8k", 3}, {"mmlu", 1}, {"arc", 1}}, 3}},
    {{"support", "customer", "chat", "assistant", "helpdesk", 0},
     {"support", {{"truthfulqa", 2}, {"mmlu", 1}, {"arc", 1}}, 3}},
    {{0}, {"general", {{"mmlu", 1}, {"humaneval", 1}, {"gsm8k", 1}}, 3}},
};
#define NPROFILES (sizeof PROFILES / sizeof *PROFILES)

const ld_task_profile *rules_task_profile(const char *task)
{
    for (size_t i = 0; i + 1 < NPROFILES; i++)
        for (size_t k = 0; PROFILES[i].keywords[k]; k++)
            if (task && contains_ci(task, PROFILES[i].keywords[k])) return &PROFILES[i].p;
    return &PROFILES[NPROFILES - 1].p;
}

/* "yes" in the catalogue's yes/no columns; imports may say TRUE or 1. */
static int is_yes(const char *s)
{
    return !strcasecmp(s, "yes") || !strcasecmp(s, "true") || !strcmp(s, "1");
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

int rules_candidates(const ld_catalog *cat, const ld_requirements *req,
                     ld_candidates *out, ld_error *err)
{
    memset(out, 0, sizeof *out);
    out->profile = rules_task_profile(req->task_type);
    size_t rows = catalog_rows(cat);
    int ctx = catalog_col_index(cat, "context_length");
    int open = catalog_col_index(cat, "open_weights");
    int com = catalog_col_index(cat, "commercial_use");
    int cost = catalog_col_index(cat, "relative_cost");
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
    if (rows && !(out->items = calloc(rows, sizeof *out->items)))
        return error_set(err, LD_ERR_NOMEM, NULL, 0, 0, "out of memory");
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
        double sw = 0, sm = 0;
        for (size_t k = 0; k < out->profile->nw; k++) {
            if (mc[k] < 0) continue;
            double m = catalog_num(cat, r, (size_t)mc[k]);
            sw += out->profile->w[k].weight;
            sm += out->profile->w[k].weight * (isnan(m) ? 0 : m / 100);
        }
        for (size_t k = 0; k < out->nextra; k++) {
            double m = catalog_num(cat, r, (size_t)out->extra_cols[k]);
            sw += out->extra_w[k];
            sm += out->extra_w[k] * (isnan(m) ? 0 : m / 100);
        }
        ld_candidate *cd = &out->items[out->n++];
        cd->row = r;
        cd->quality = sw > 0 ? sm / sw : NAN;
        double rc = cost >= 0 ? catalog_num(cat, r, (size_t)cost) : NAN;
        cd->value = rc > 0 ? cd->quality / rc : NAN; /* NaN cost fails rc > 0 */
        cd->restricted = restricted;
    }
    if (out->n > 1) qsort(out->items, out->n, sizeof *out->items, cand_cmp);
    return 0;
}

void rules_candidates_free(ld_candidates *c)
{
    if (!c) return;
    free(c->items);
    memset(c, 0, sizeof *c);
}
