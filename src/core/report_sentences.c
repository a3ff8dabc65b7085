/* report_sentences.c - a recommendation's sentences (see report.h): how
 * the candidates were ranked, why the first is first, what they are, and the
 * rule's pick as the catalogue has it.  The text, JSON and Markdown writers
 * (report.c) and the wizard's answer say them the same way.  Every data
 * text in them (names, labels, licences) is escaped here. */
#include "llmdeck/report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "llmdeck/output.h"
#include "llmdeck/score.h"
#include "llmdeck/units.h"

/* Data text made safe for a terminal (see output_sanitize). */
static const char *san(const char *s, char *buf, size_t n)
{
    return output_sanitize(s ? s : "", buf, n);
}

/* The text of a catalogue cell, or "" when the column is absent. */
static const char *cell(const ld_report *a, size_t row, int col, char *buf, size_t n)
{
    if (col < 0) return buf[0] = 0, buf;
    return output_cell(a->cat, row, (size_t)col, buf, n);
}

void report_ranking(const ld_report *a, char *buf, size_t n)
{
    const ld_candidates *c = a->cands;
    char b[4 * LD_REQ_TEXT];
    if (c->mode != LD_RANK_BUDGET) snprintf(buf, n, "by value = quality / relative cost");
    else if (c->by_quality) snprintf(buf, n, "by quality (high budget)");
    else if (!isnan(c->quality_floor)) {
        int low = !strcmp(a->req->budget, "low");
        snprintf(buf, n, "by value among those with quality >= %.3f, the %s%s (%s budget), then the rest",
                 c->quality_floor, low ? "lower quartile" : "median", c->floor_of_lead ? " of the first group below" : "",
                 low ? "low" : "medium");
    }
    else snprintf(buf, n, "by value = quality / relative cost (%s budget)", san(a->req->budget, b, sizeof b));
    size_t k = strlen(buf);
    if (c->measured_first && k < n) {
        if (c->nkey == 1) { /* by its label, as the weights are said */
            char safe[256];
            snprintf(buf + k, n - k, "; the %zu with %s (the heaviest weight) first", c->measured,
                     san(catalog_col_name_of(a->cat, c->key_name), safe, sizeof safe));
        } else {
            snprintf(buf + k, n - k, "; the %zu with one of the %d metrics of the heaviest weight first", c->measured,
                     c->nkey);
        }
    }
    k = strlen(buf);
    if (c->thinking_last && k < n)
        snprintf(buf + k, n - k, "; latency-critical: the %zu that always think before answering last",
                 c->thinking_last);
    k = strlen(buf);
    if (c->language_first && k < n) {
        char label[4 * LD_REQ_TEXT];
        snprintf(buf + k, n - k, "; ahead of all of them, the %zu whose card names %s", c->language_first,
                 san(rules_language_label(a->req->language, label, sizeof label), b, sizeof b));
    }
}

void report_why(const ld_report *a, char *buf, size_t n)
{
    const ld_candidates *c = a->cands;
    if (!c->n) {
        snprintf(buf, n, "%s", a->no_fit);
        return;
    }
    const ld_candidate *top = &c->items[0];
    char ctx[48], how[400], q[256];
    units_format_grouped(a->req->context_length, ctx, sizeof ctx);
    report_ranking(a, how, sizeof how);
    size_t measures = rules_profile_measures(c->profile, a->cat) + c->nextra;
    if (isnan(top->quality)) snprintf(q, sizeof q, "quality n/a");
    else if (c->missing_zero && (size_t)top->coverage < measures) /* the mean is over all of them: say so */
        snprintf(q, sizeof q, "quality %.3f%s %d of %zu %s metrics, the %zu missing counted as 0", top->quality,
                 score_percentile_scale(a->cat) ? ", its mean percentile with" : " from", top->coverage, measures,
                 c->profile->name, measures - (size_t)top->coverage);
    else /* on the percentile scale the figure is a place, not a score: say so */
        snprintf(q, sizeof q, "quality %.3f%s %d of %zu %s metrics", top->quality,
                 score_percentile_scale(a->cat) ? ", its mean percentile on" : " from", top->coverage, measures,
                 c->profile->name);
    int k = c->n == 1 ? snprintf(buf, n, "the one open model that reads %s tokens", ctx)
                      : snprintf(buf, n, "first of the %zu open models that read %s tokens", c->n, ctx);
    if (k > 0 && (size_t)k < n && a->req->licence != LD_LICENCE_ANY)
        k += snprintf(buf + k, n - (size_t)k, ", allow%s %scommercial use", c->n == 1 ? "s" : "",
                      a->req->licence == LD_LICENCE_UNRESTRICTED ? "unrestricted " : "");
    if (k > 0 && (size_t)k < n && a->req->hardware[0] && a->req->fits) {
        char hw[4 * LD_REQ_TEXT];
        k += snprintf(buf + k, n - (size_t)k, ", fit on %s (%zu do not or cannot be sized)",
                      san(a->req->hardware, hw, sizeof hw), c->excluded_hardware);
    }
    /* the language test is a hard constraint too: the count is after it */
    char lx[4 * LD_REQ_TEXT], lang[4 * LD_REQ_TEXT];
    if (k > 0 && (size_t)k < n && c->excluded_language)
        k += snprintf(buf + k, n - (size_t)k, " and do%s not rule out %s (%zu card%s list languages without it)",
                      c->n == 1 ? "es" : "", san(rules_language_label(a->req->language, lang, sizeof lang), lx, sizeof lx),
                      c->excluded_language,
                      c->excluded_language == 1 ? "" : "s");
    if (k > 0 && (size_t)k < n && c->n == 1) k += snprintf(buf + k, n - (size_t)k, " (%s)", q);
    else if (k > 0 && (size_t)k < n) k += snprintf(buf + k, n - (size_t)k, ", ranked %s (%s)", how, q);
    /* the pick's own card names the language; the count above also holds
     * cards that list none ("170 ... and list english" claimed it of all) */
    if (k > 0 && (size_t)k < n && !(c->unchecked & LD_UNCHECKED_LANGUAGE) && top->language_known && !c->language_first)
        k += snprintf(buf + k, n - (size_t)k, "; its card lists %s",
                      san(rules_language_label(a->req->language, lang, sizeof lang), lx, sizeof lx));
    /* "restricted" passed the commercial requirement: say on what terms */
    if (k > 0 && (size_t)k < n && top->restricted && a->req->licence == LD_LICENCE_COMMERCIAL) {
        char lic[128] = "";
        if (a->col_lic >= 0) san(catalog_text(a->cat, top->row, (size_t)a->col_lic), lic, sizeof lic);
        k += snprintf(buf + k, n - (size_t)k, "; its licence%s%s%s allows commercial use with conditions: read them",
                      lic[0] ? " (" : "", lic, lic[0] ? ")" : "");
    }
    /* no licence asked for ("any", the default): a pick its licence keeps
     * from commercial use is said, so a product team skipping the step is
     * not shown a research-only model as if it were any other */
    int cu = catalog_col_index(a->cat, "commercial_use");
    if (k > 0 && (size_t)k < n && a->req->licence == LD_LICENCE_ANY && cu >= 0) {
        const char *use = catalog_text(a->cat, top->row, (size_t)cu);
        char lic[128] = "";
        if (a->col_lic >= 0) san(catalog_text(a->cat, top->row, (size_t)a->col_lic), lic, sizeof lic);
        if (!strcasecmp(use, "no"))
            k += snprintf(buf + k, n - (size_t)k, "; its licence%s%s%s does not allow commercial use (no licence "
                          "was asked for: ask for commercial use to rule such models out)",
                          lic[0] ? " (" : "", lic, lic[0] ? ")" : "");
        else if (!strcasecmp(use, "restricted"))
            k += snprintf(buf + k, n - (size_t)k, "; its licence%s%s%s allows commercial use with conditions: read them",
                          lic[0] ? " (" : "", lic, lic[0] ? ")" : "");
    }
    /* a language the pick's card does not name: it qualified as unknown
     * (not excluded), and the answer must not read as if it were checked */
    int lc = catalog_col_index(a->cat, "languages");
    if (k > 0 && (size_t)k < n && !(c->unchecked & LD_UNCHECKED_LANGUAGE) && !top->language_known && lc >= 0 &&
        a->req->language[0] && strcasecmp(a->req->language, "english")) {
        char listed[128];
        san(catalog_text(a->cat, top->row, (size_t)lc), listed, sizeof listed);
        size_t ll = strlen(listed);
        if (ll >= 6 && !strcasecmp(listed + ll - 6, "others")) /* a list its source calls partial */
            k += snprintf(buf + k, n - (size_t)k, "; its card names a partial list (%s): %s not confirmed", listed,
                          san(a->req->language, lang, sizeof lang));
        else if (listed[0])
            k += snprintf(buf + k, n - (size_t)k, "; its card gives only a count (%s): %s not confirmed", listed,
                          san(a->req->language, lang, sizeof lang));
        else
            k += snprintf(buf + k, n - (size_t)k, "; its card lists no languages: %s not confirmed",
                          san(a->req->language, lang, sizeof lang));
    }
    /* ranked by quality and level with the next: say what put it first */
    if (k > 0 && (size_t)k < n && c->n >= 2 && c->mode == LD_RANK_BUDGET && !strcmp(a->req->budget, "high") &&
        c->items[1].tier == top->tier && c->items[1].quality == top->quality && !isnan(top->quality)) {
        char other[128], v0[32], v1[32];
        san(catalog_text(a->cat, c->items[1].row, catalog_key_col(a->cat)), other, sizeof other);
        output_display_number(top->value, v0, sizeof v0);
        output_display_number(c->items[1].value, v1, sizeof v1);
        k += snprintf(buf + k, n - (size_t)k, "; level with %s on quality, ahead on value (%s against %s)", other,
                      v0[0] ? v0 : "n/a", v1[0] ? v1 : "n/a");
    }
    /* a latency-critical pick that can think: say how to serve it */
    int th = catalog_col_index(a->cat, "thinking");
    if (k > 0 && (size_t)k < n && a->req->latency_critical && th >= 0 &&
        !strcasecmp(catalog_text(a->cat, top->row, (size_t)th), "optional"))
        snprintf(buf + k, n - (size_t)k, "; its card documents switching thinking off: serve it that way (its scores may come from thinking mode)");
}

void report_pick_row(const ld_report *a, char *buf, size_t n)
{
    char b[512], s[1024];
    long r = a->rec->model_row;
    if (n) buf[0] = '\0';
    if (r < 0) {
        snprintf(buf, n, "not in the catalogue");
        return;
    }
    size_t k = (size_t)snprintf(buf, n, "%s", san(catalog_text(a->cat, (size_t)r, catalog_key_col(a->cat)), s, sizeof s));
    const char *lic = cell(a, (size_t)r, a->col_lic, b, sizeof b);
    if (k < n) k += (size_t)snprintf(buf + k, n - k, ": licence %s", *lic ? san(lic, s, sizeof s) : "unknown");
    const char *com = rules_commercial_word(cell(a, (size_t)r, a->col_com, b, sizeof b));
    if (k < n) k += (size_t)snprintf(buf + k, n - k, ", commercial use %s", *com ? san(com, s, sizeof s) : "unknown");
    const char *ctx = cell(a, (size_t)r, a->col_ctx, b, sizeof b);
    if (k < n) k += (size_t)snprintf(buf + k, n - k, ", context %s", *ctx ? san(ctx, s, sizeof s) : "unknown");
    /* the metrics the task weighs (the candidates' profile, metrics.json),
     * so the pick is seen by what ranked the candidates; without a profile,
     * the ones the data set weighs */
    const ld_task_profile *p = a->cands ? a->cands->profile : NULL;
    size_t cols[32], nm = 0;
    if (p) {
        for (size_t i = 0; i < p->nw && nm < 32; i++) {
            int c = catalog_col_index(a->cat, p->w[i].metric);
            if (c >= 0) cols[nm++] = (size_t)c;
        }
    } else {
        nm = score_weighted_metrics(a->cat, cols, 32);
        if (nm > 32) nm = 32;
    }
    for (size_t i = 0; i < nm && k < n; i++) {
        const char *v = output_cell(a->cat, (size_t)r, cols[i], b, sizeof b);
        k += (size_t)snprintf(buf + k, n - k, ", %s %s", san(catalog_col(a->cat, cols[i])->label, s, sizeof s),
                              *v ? san(v, s + 512, 512) : "n/a");
    }
}

void report_candidates_intro(const ld_report *a, char *buf, size_t n)
{
    const ld_task_profile *p = a->cands->profile;
    size_t k = (size_t)snprintf(buf, n, "open weights, context >= %.15g%s", a->req->context_length,
                                a->req->licence == LD_LICENCE_COMMERCIAL     ? ", commercial use allowed"
                                : a->req->licence == LD_LICENCE_UNRESTRICTED ? ", commercial use unrestricted"
                                                                             : "");
    /* the answers are data (a rules file's defaults, a flag, a saved
     * answer): escaped like every other data text, not refused */
    char lang[4 * LD_REQ_TEXT];
    if (k < n && *a->req->language && !(a->cands->unchecked & LD_UNCHECKED_LANGUAGE))
        k += (size_t)snprintf(buf + k, n - k, ", %s among the languages listed (where the card lists them)",
                              san(a->req->language, lang, sizeof lang));
    if (k < n && a->req->hardware[0] && a->req->fits) /* recommend --gpu, the wizard's GPUs */
        k += (size_t)snprintf(buf + k, n - k, ", fit on %s", san(a->req->hardware, lang, sizeof lang));
    char how[400];
    report_ranking(a, how, sizeof how);
    char weights[512], safe[1024], name[128];
    rules_profile_weights(p, a->cat, weights, sizeof weights); /* labels are data: escaped */
    if (k < n)
        snprintf(buf + k, n - k, "; ranked %s, weights for %s task: %s", how, san(p->name, name, sizeof name),
                 san(weights, safe, sizeof safe));
}

const char *report_unchecked_column(unsigned bit)
{
    static const char *const what[] = {"context_length", "open_weights", "commercial_use", "languages"};
    return bit < 4 ? what[bit] : "";
}
