/* report.c - a recommendation as text, JSON, CSV or a Markdown report (see
 * report.h).  Moved out of `llmdeck recommend` so the wizard's export writes
 * the same report, plus the sizing and the cost of the pick. */
#include "llmdeck/report.h"
#include "llmdeck/score.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "llmdeck/output.h"
#include "llmdeck/report_cost.h"
#include "llmdeck/units.h"

static const char *const LICENCE_NAMES[] = {"any", "commercial", "unrestricted"};

const char *report_licence_name(ld_licence l)
{
    return (unsigned)l < 3 ? LICENCE_NAMES[l] : "any";
}

/* ---- small writers ------------------------------------------------------ */

/* Data text made safe for a terminal (see output_sanitize). */
static const char *san(const char *s, char *buf, size_t n)
{
    return output_sanitize(s ? s : "", buf, n);
}

/* Display width: UTF-8 code points (names are mostly ASCII). */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++) w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static void pad(FILE *out, const char *s, size_t w, int right)
{
    size_t n = width(s);
    if (right) fprintf(out, "%*s%s", (int)(w > n ? w - n : 0), "", s);
    else fprintf(out, "%s%*s", s, (int)(w > n ? w - n : 0), "");
}

static void json_num(FILE *out, double v, const char *fmt)
{
    if (isnan(v)) fputs("null", out);
    else fprintf(out, fmt, v);
}

static void json_str(FILE *out, const char *s)
{
    if (s) output_json_string(out, s);
    else fputs("null", out);
}

static void json_strv(FILE *out, char **v, size_t n)
{
    fputc('[', out);
    for (size_t i = 0; i < n; i++) {
        if (i) fputs(", ", out);
        output_json_string(out, v[i]);
    }
    fputc(']', out);
}

/* ---- the answer ---------------------------------------------------------- */

/* The text of a catalogue cell, or "" when the column is absent. */
static const char *cell(const ld_report *a, size_t row, int col, char *buf, size_t n)
{
    if (col < 0) return buf[0] = 0, buf;
    return output_cell(a->cat, row, (size_t)col, buf, n);
}

/* The recommended model's figures in one line: value, quality, cost, price. */
static void write_recommended_figures(FILE *out, const ld_report *a, const char *prefix)
{
    const ld_candidate *top = &a->cands->items[0];
    char p[128];
    char v[32];
    fprintf(out, "%svalue ", prefix);
    /* as the candidates' table shows it (1059, not 1.06e+03) */
    if (isnan(top->value)) fputs("n/a", out);
    else output_display_number(top->value, v, sizeof v), fputs(v, out);
    /* the task's weights, not the table's: the same label there gives
     * another figure (Mistral-Small-3.2: 183 for support, 199 in the table) */
    if (a->cands->profile && a->cands->profile->name)
        fprintf(out, " (%s task weights)", san(a->cands->profile->name, p, sizeof p));
    fputs(", relative cost ", out);
    double rc = a->col_cost >= 0 ? catalog_num(a->cat, top->row, (size_t)a->col_cost) : NAN;
    if (isnan(rc)) fputs(REPORT_NO_COST_WHY, out);
    else output_display_ratio(rc, v, sizeof v), fputs(v, out);
    int hi = catalog_col_index(a->cat, "hosted_in_per_1m"), ho = catalog_col_index(a->cat, "hosted_out_per_1m");
    int hp = catalog_col_index(a->cat, "hosted_provider"), cb = catalog_col_index(a->cat, "cost_basis");
    if (hi >= 0 && ho >= 0 && !isnan(catalog_num(a->cat, top->row, (size_t)hi)))
        fprintf(out, ", hosted $%g in / $%g out per 1M (%s)", catalog_num(a->cat, top->row, (size_t)hi),
                catalog_num(a->cat, top->row, (size_t)ho),
                hp >= 0 ? san(catalog_text(a->cat, top->row, (size_t)hp), p, sizeof p) : "");
    else if (cb >= 0 && !strcmp(catalog_text(a->cat, top->row, (size_t)cb), "estimate"))
        fputs(" (llmdeck's estimate: no hosted offer in the price data; a self-hosting cost scaled to providers' prices)", out);
    fputc('\n', out);
}

const char *report_horizon_sentence(const ld_data_horizon *h, char *buf, size_t n)
{
    char parts[256];
    if (n) buf[0] = '\0';
    if (!h || !*dataset_horizon_text(h, parts, sizeof parts)) return buf;
    snprintf(buf, n, "%s%s", parts, h->newest_release[0] ? "; a model released since is not among the candidates" : "");
    return buf;
}

void report_horizon_json(FILE *out, const ld_data_horizon *h)
{
    if (!h) {
        fputs("null", out);
        return;
    }
    const char *key[] = {"newest_open_release", "newest_open_model", "arena_as_of", "prices_as_of"};
    const char *val[] = {h->newest_release, h->newest_model, h->arena_as_of, h->prices_as_of};
    for (size_t i = 0; i < 4; i++) {
        fprintf(out, "%s\"%s\": ", i ? ", " : "{", key[i]);
        json_str(out, val[i][0] ? val[i] : NULL); /* null where the data does not say */
    }
    fprintf(out, ", \"unscored_since_arena\": %zu}", h->unscored_since);
}

/* How far the data reaches, beside the answer ("data: ..."): a paragraph
 * in Markdown.  Nothing when not known. */
static void write_horizon(FILE *out, const ld_report *a, const char *prefix, int md)
{
    char b[400], safe[400];
    if (!*report_horizon_sentence(a->horizon, b, sizeof b)) return;
    fprintf(out, "%s%s", prefix, md ? "Data: " : "data: ");
    if (md) output_md_cell(out, b);
    else fputs(san(b, safe, sizeof safe), out);
    fputs(md ? ".\n" : "\n", out);
}

/* The article's rule pick against the requirements: meets them, or what it breaks. */
static void write_pick_verdict(FILE *out, const ld_report *a, int md)
{
    char b[600];
    if (!a->pick_known) {
        fputs(md ? "It is not in the catalogue, so it cannot be checked against the requirements.\n"
                 : "  not in the catalogue: not checked against the requirements\n", out);
        return;
    }
    if (!a->nviolations) fputs(md ? "It meets every requirement" : "  it meets every requirement", out);
    else {
        fputs(md ? "It fails: " : "  it fails: ", out);
        for (size_t i = 0; i < a->nviolations; i++)
            fprintf(out, "%s%s (%s)", i ? "; " : "", a->violations[i].requirement,
                    san(a->violations[i].detail, b, sizeof b));
    }
    if (a->pick_rank) fprintf(out, "; rank %zu of %zu among today's candidates.\n", a->pick_rank, a->cands->n);
    else fputs(md ? "; it is not among today's candidates.\n" : "; not among today's candidates\n", out);
}


/* Candidate i's columns as display text: value, quality, the rest. */
enum { C_RANK, C_MODEL, C_VALUE, C_QUALITY, C_COST, C_CTX, C_LIC, C_COM, C_N };
static const char *const CAND_IDS[C_N] = {"rank", "model", "value_score", "quality",
                                          "relative_cost", "context_length", "license",
                                          "commercial_use"};
static const char *const CAND_HEAD[C_N] = {"#", "model", "value", "quality", "rel. cost",
                                           "context", "license", "commercial"};

static void cand_cells(const ld_report *a, size_t i, char cells[C_N][128])
{
    const ld_candidate *c = &a->cands->items[i];
    char raw[128];
    snprintf(cells[C_RANK], 128, "%zu", i + 1);
    san(catalog_text(a->cat, c->row, catalog_key_col(a->cat)), cells[C_MODEL], 128);
    /* as the table shows scores (CSV and JSON keep every digit) */
    if (isnan(c->value)) snprintf(cells[C_VALUE], 128, "n/a");
    else output_display_number(c->value, cells[C_VALUE], 128);
    if (isnan(c->quality)) snprintf(cells[C_QUALITY], 128, "n/a");
    else output_display_number(c->quality, cells[C_QUALITY], 128);
    /* three figures as value and quality (an estimate's 0.00351109 claimed
     * six); CSV and JSON keep every digit */
    double rc = a->col_cost >= 0 ? catalog_num(a->cat, c->row, (size_t)a->col_cost) : NAN;
    if (!isnan(rc)) output_display_ratio(rc, cells[C_COST], 128);
    else san(cell(a, c->row, a->col_cost, raw, sizeof raw), cells[C_COST], 128);
    san(cell(a, c->row, a->col_ctx, raw, sizeof raw), cells[C_CTX], 128);
    san(cell(a, c->row, a->col_lic, raw, sizeof raw), cells[C_LIC], 128);
    san(rules_commercial_word(cell(a, c->row, a->col_com, raw, sizeof raw)), cells[C_COM], 128);
}

/* "context 8000 tokens, budget medium, ..." in plain words. */
static void write_requirements(FILE *out, const ld_requirements *q, int md)
{
    char b1[512], b2[512], b3[512], b4[512], ctx[32], tok[32];
    snprintf(ctx, sizeof ctx, "%.15g", q->context_length);
    if (q->monthly_tokens > 0) units_format_count(q->monthly_tokens, tok, sizeof tok);
    else snprintf(tok, sizeof tok, "not given");
    const char *rows[][2] = {
        {"Context length", ctx},
        {"Budget", san(q->budget, b1, sizeof b1)},
        {"Task", san(q->task_type, b2, sizeof b2)},
        {"Language", san(q->language, b3, sizeof b3)},
        {"Latency-critical", q->latency_critical ? "yes" : "no"},
        {"Fine-tuning needed", q->needs_fine_tuning ? "yes" : "no"},
        {"Licence", report_licence_name(q->licence)},
        {"Monthly tokens", tok},
        {"Hardware", san(q->hardware, b4, sizeof b4)}, /* only when asked (below) */
    };
    if (md) fputs("| Requirement | Answer |\n|---|---|\n", out);
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        if (!rows[i][1][0]) continue; /* the hardware, when none was asked */
        if (md) {
            fprintf(out, "| %s | ", rows[i][0]);
            output_md_cell(out, rows[i][1]);
            fprintf(out, "%s |\n", i == 0 ? " tokens" : "");
        } else {
            fprintf(out, "  %-20s %s%s\n", rows[i][0], rows[i][1], i == 0 ? " tokens" : "");
        }
    }
}

/* "Mistral-7B: Apache 2.0, commercial use yes, context 8192, MMLU 60.1, ..." */
static void write_pick_row(FILE *out, const ld_report *a)
{
    char line[2048];
    report_pick_row(a, line, sizeof line);
    fputs(line, out);
}

/* What the candidates are, in one sentence. */
static void write_cand_intro(FILE *out, const ld_report *a)
{
    char buf[1024];
    report_candidates_intro(a, buf, sizeof buf);
    fputs(buf, out);
}

static void write_unchecked(FILE *out, unsigned u, const char *prefix)
{
    for (unsigned i = 0; i < 4; i++)
        if (u & (1u << i))
            fprintf(out, "%sthe catalogue has no %s column: not checked\n", prefix, report_unchecked_column(i));
}

void report_recommendation_text(FILE *out, const ld_report *a)
{
    const ld_recommendation *r = a->rec;
    char b[1024];
    if (a->recommended >= 0) {
        fprintf(out, "Recommended: %s\n",
                san(catalog_text(a->cat, (size_t)a->recommended, catalog_key_col(a->cat)), b, sizeof b));
        fprintf(out, "Why: %s\n", san(a->why, b, sizeof b));
        write_recommended_figures(out, a, "  ");
    } else {
        fprintf(out, "Recommended: none: %s\n", san(a->no_fit, b, sizeof b));
    }
    write_horizon(out, a, "  ", 0);
    fputc('\n', out);
    if (!r->model) {
        fputs("The 2023 article's rule picks nothing (no rule matched; the rules file has no catch-all rule)\n", out);
    } else {
        fprintf(out, "The 2023 article's rule picks: %s\n", san(r->model, b, sizeof b));
        write_pick_verdict(out, a, 0);
        fprintf(out, "Reason: %s\n", san(r->reason, b, sizeof b));
        fputs("Alternatives: ", out);
        for (size_t i = 0; i < r->nalternatives; i++)
            fprintf(out, "%s%s", i ? ", " : "", san(r->alternatives[i], b, sizeof b));
        fprintf(out, "%s\nRule: %s\nIn the catalogue: ", r->nalternatives ? "" : "none",
                san(r->rule, b, sizeof b));
        write_pick_row(out, a);
        fputc('\n', out);
    }
    fputs("\nRequirements:\n", out);
    write_requirements(out, a->req, 0);
    fputs("\nWhy (rules checked in order, first match wins):\n", out);
    size_t w = 0;
    for (size_t i = 0; i < r->ntrace; i++)
        if (width(r->trace[i].rule) > w) w = width(r->trace[i].rule);
    for (size_t i = 0; i < r->ntrace; i++) {
        fprintf(out, "  %-4s ", r->trace[i].matched ? "yes" : "no");
        pad(out, san(r->trace[i].rule, b, sizeof b), w, 0);
        fprintf(out, "  %s\n", san(r->trace[i].why, b, sizeof b));
    }
    fputs("\nCandidates (", out);
    write_cand_intro(out, a);
    fputs("):\n", out);
    write_unchecked(out, a->cands->unchecked, "  note: ");
    if (!a->shown) fputs("  none\n", out);
    size_t cw[C_N];
    char cells[C_N][128];
    for (size_t c = 0; c < C_N; c++) cw[c] = width(CAND_HEAD[c]);
    for (size_t i = 0; i < a->shown; i++) {
        cand_cells(a, i, cells);
        for (size_t c = 0; c < C_N; c++)
            if (width(cells[c]) > cw[c]) cw[c] = width(cells[c]);
    }
    for (size_t i = 0; a->shown && i <= a->shown; i++) {
        char group[256];
        if (i && rules_candidate_group(a->cands, a->cat, a->req, i - 1, group, sizeof group) && group[0])
            fprintf(out, "  %*s  %s:\n", (int)cw[C_RANK], "", san(group, b, sizeof b)); /* under the names */
        if (i) cand_cells(a, i - 1, cells);
        for (size_t c = 0; c < C_N; c++) {
            fputs("  ", out);
            const char *s = i ? cells[c] : CAND_HEAD[c];
            int right = c == C_RANK || c == C_VALUE || c == C_QUALITY || c == C_COST ||
                        c == C_CTX;
            if (c + 1 == C_N) fputs(s, out); /* no trailing blanks */
            else pad(out, s, cw[c], right);
        }
        fputc('\n', out);
    }
    if (a->cands->n > a->shown)
        fprintf(out, "  (%zu more; --limit 0 lists all)\n", a->cands->n - a->shown);
    fputs("\nConsiderations:\n", out);
    for (size_t i = 0; i < r->nconsiderations; i++)
        fprintf(out, "  - %s\n", san(r->considerations[i], b, sizeof b));
}

/* recommended, no_fit_reason, meets_requirements, violations, rule_pick_rank. */
static void write_verdict_json(FILE *out, const ld_report *a)
{
    fputs("  \"recommended\": ", out);
    if (a->recommended < 0) fputs("null", out);
    else {
        const ld_candidate *top = &a->cands->items[0];
        fputs("{\"model\": ", out);
        output_json_string(out, catalog_text(a->cat, top->row, catalog_key_col(a->cat)));
        fputs(", \"why\": ", out);
        output_json_string(out, a->why);
        fputs(", \"value_score\": ", out);
        json_num(out, top->value, "%.6g");
        fputs(", \"quality\": ", out);
        json_num(out, top->quality, "%.6f");
        fprintf(out, ", \"coverage\": %d, \"coverage_of\": %zu, \"relative_cost\": ", top->coverage,
                rules_profile_measures(a->cands->profile, a->cat) + a->cands->nextra);
        json_num(out, a->col_cost >= 0 ? catalog_num(a->cat, top->row, (size_t)a->col_cost) : NAN, "%.15g");
        static const char *const price[] = {"hosted_in_per_1m", "hosted_out_per_1m"};
        for (size_t i = 0; i < 2; i++) {
            int c = catalog_col_index(a->cat, price[i]);
            fprintf(out, ", \"%s\": ", price[i]);
            json_num(out, c >= 0 ? catalog_num(a->cat, top->row, (size_t)c) : NAN, "%.15g");
        }
        int hp = catalog_col_index(a->cat, "hosted_provider");
        fputs(", \"hosted_provider\": ", out);
        json_str(out, hp >= 0 && *catalog_text(a->cat, top->row, (size_t)hp) ? catalog_text(a->cat, top->row, (size_t)hp)
                                                                             : NULL);
        fputc('}', out);
    }
    fputs(",\n  \"no_fit_reason\": ", out);
    json_str(out, a->recommended < 0 ? a->no_fit : NULL);
    fputs(",\n  \"meets_requirements\": ", out);
    fputs(!a->pick_known ? "null" : a->nviolations ? "false" : "true", out);
    fputs(",\n  \"violations\": [", out);
    for (size_t i = 0; i < a->nviolations; i++) {
        fputs(i ? ", {\"requirement\": " : "{\"requirement\": ", out);
        output_json_string(out, a->violations[i].requirement);
        fputs(", \"detail\": ", out);
        output_json_string(out, a->violations[i].detail);
        fputc('}', out);
    }
    fputs("],\n  \"rule_pick_rank\": ", out);
    if (a->pick_rank) fprintf(out, "%zu,\n", a->pick_rank);
    else fputs("null,\n", out);
    fputs("  \"data_horizon\": ", out);
    report_horizon_json(out, a->horizon);
    fputs(",\n", out);
}

void report_recommendation_json(FILE *out, const ld_report *a)
{
    const ld_recommendation *r = a->rec;
    fputs("{\n  \"model\": ", out);
    json_str(out, r->model);
    fputs(",\n  \"reason\": ", out);
    json_str(out, r->reason);
    fputs(",\n  \"alternatives\": ", out);
    json_strv(out, r->alternatives, r->nalternatives);
    fputs(",\n  \"considerations\": ", out);
    json_strv(out, r->considerations, r->nconsiderations);
    fputs(",\n  \"rule\": ", out);
    json_str(out, r->rule);
    if (a->req->hardware[0]) { /* recommend --gpu: the hardware the candidates fit on, and how many did not */
        fputs(",\n  \"hardware\": ", out);
        output_json_string(out, a->req->hardware);
        fprintf(out, ",\n  \"excluded_by_hardware\": %zu", a->cands->excluded_hardware);
    }
    fputs(",\n  \"trace\": [", out);
    for (size_t i = 0; i < r->ntrace; i++) {
        fputs(i ? ",\n    {\"rule\": " : "\n    {\"rule\": ", out);
        output_json_string(out, r->trace[i].rule);
        fprintf(out, ", \"matched\": %s, \"why\": ", r->trace[i].matched ? "true" : "false");
        output_json_string(out, r->trace[i].why);
        fputc('}', out);
    }
    fputs(r->ntrace ? "\n  ],\n" : "],\n", out);
    write_verdict_json(out, a);
    fputs("  \"candidates\": [", out);
    char b[512];
    for (size_t i = 0; i < a->shown; i++) {
        const ld_candidate *c = &a->cands->items[i];
        fprintf(out, "%s\n    {\"rank\": %zu, \"model\": ", i ? "," : "", i + 1);
        output_json_string(out, catalog_text(a->cat, c->row, catalog_key_col(a->cat)));
        fputs(", \"value_score\": ", out);
        json_num(out, c->value, "%.6f");
        fputs(", \"quality\": ", out);
        json_num(out, c->quality, "%.6f");
        fputs(", \"relative_cost\": ", out);
        json_num(out, a->col_cost >= 0 ? catalog_num(a->cat, c->row, (size_t)a->col_cost)
                                       : NAN, "%.15g");
        fputs(", \"context_length\": ", out);
        json_num(out, a->col_ctx >= 0 ? catalog_num(a->cat, c->row, (size_t)a->col_ctx)
                                      : NAN, "%.15g");
        fputs(", \"license\": ", out);
        output_json_string(out, cell(a, c->row, a->col_lic, b, sizeof b));
        fputs(", \"commercial_use\": ", out);
        output_json_string(out, cell(a, c->row, a->col_com, b, sizeof b));
        fputs(", \"group\": ", out); /* the part of the ranking it is in ("" when one part) */
        rules_candidate_group(a->cands, a->cat, a->req, i, b, sizeof b);
        output_json_string(out, b);
        fputc('}', out);
    }
    fputs(a->shown ? "\n  ]\n}\n" : "]\n}\n", out);
}

void report_recommendation_csv(FILE *out, const ld_report *a)
{
    for (size_t c = 0; c < C_N; c++) fprintf(out, "%s%s", c ? "," : "", CAND_IDS[c]);
    fputs(",group\n", out);
    char b[512];
    for (size_t i = 0; i < a->shown; i++) {
        const ld_candidate *c = &a->cands->items[i];
        fprintf(out, "%zu,", i + 1);
        output_csv_field(out, catalog_text(a->cat, c->row, catalog_key_col(a->cat)));
        if (isnan(c->value)) fputs(",", out); else fprintf(out, ",%.6f", c->value);
        if (isnan(c->quality)) fputs(",", out); else fprintf(out, ",%.6f", c->quality);
        int cols[] = {a->col_cost, a->col_ctx, a->col_lic, a->col_com};
        for (size_t k = 0; k < 4; k++) {
            fputc(',', out);
            output_csv_field(out, cell(a, c->row, cols[k], b, sizeof b));
        }
        fputc(',', out);
        rules_candidate_group(a->cands, a->cat, a->req, i, b, sizeof b);
        output_csv_field(out, b);
        fputc('\n', out);
    }
}

/* ---- the wizard's extra sections ------------------------------------------ */

void report_init(ld_report *r, const ld_catalog *cat, const ld_requirements *req,
                 const ld_recommendation *rec, const ld_candidates *cands, size_t limit)
{
    memset(r, 0, sizeof *r);
    r->cat = cat;
    r->req = req;
    r->rec = rec;
    r->cands = cands;
    r->shown = limit && limit < cands->n ? limit : cands->n;
    r->col_ctx = catalog_col_index(cat, "context_length");
    r->col_lic = catalog_col_index(cat, "license");
    r->col_com = catalog_col_index(cat, "commercial_use");
    r->col_cost = catalog_col_index(cat, "relative_cost");
    r->recommended = cands->n ? (long)cands->items[0].row : -1;
    if (rec->model_row >= 0) {
        r->pick_known = 1;
        r->nviolations = rules_violations(cat, (size_t)rec->model_row, req, r->violations);
        for (size_t i = 0; i < cands->n && !r->pick_rank; i++)
            if ((long)cands->items[i].row == rec->model_row) r->pick_rank = i + 1;
    }
    if (r->recommended < 0) rules_no_fit_reason(cat, req, r->no_fit, sizeof r->no_fit);
    else report_why(r, r->why, sizeof r->why);
}

/* Each line of a basis as a Markdown list item. */
static void basis_md(FILE *out, const char *basis)
{
    char line[1024];
    while (*basis) {
        const char *e = strchr(basis, '\n');
        size_t n = e ? (size_t)(e - basis) : strlen(basis);
        snprintf(line, sizeof line, "%.*s", (int)n, basis);
        fputs("- ", out);
        output_md_cell(out, line);
        fputc('\n', out);
        basis += n + (e ? 1 : 0);
    }
}

static void write_sizing_md(FILE *out, const ld_report *a)
{
    if (!a->sizing[0] && !a->sizing[1] && !a->sizing[2] && !a->sizing_note) return;
    fputs("\n## Sizing\n\n", out);
    if (a->sizing_note) {
        output_md_cell(out, a->sizing_note);
        fputs("\n", out);
    }
    if (!a->sizing[0] && !a->sizing[1] && !a->sizing[2]) return;
    const ld_sizing *any = a->sizing[0] ? a->sizing[0] : a->sizing[1] ? a->sizing[1] : a->sizing[2];
    fprintf(out, "%sMemory to serve the pick with a %.15g-token context, one sequence at a time, "
                 "and the cheapest listed GPU type that holds it:\n\n",
            a->sizing_note ? "\n" : "", any->context);
    fputs("| Precision | Weights | KV cache | Overhead | Total | GPUs |\n"
          "|---|---:|---:|---:|---:|---|\n", out);
    const char *names[3] = {"fp16", "int4", a->release_label ? a->release_label : "release"};
    for (int i = 0; i < 3; i++) {
        const ld_sizing *s = a->sizing[i];
        if (!s) continue;
        char w[32], kv[32], ov[32], tot[32], g[256];
        report_gb(s->weights_gb, w, sizeof w);
        if (s->kv_known) report_gb(s->kv_cache_gb, kv, sizeof kv);
        else snprintf(kv, sizeof kv, "unknown");
        report_gb(s->overhead_gb, ov, sizeof ov);
        report_gb(s->total_gb, tot, sizeof tot);
        report_gpus(s, g, sizeof g);
        fprintf(out, "| %s%s | %s | %s | %s | %s%s | ", names[i], i == 2 ? " (as released)" : "", w, kv, ov, tot,
                s->kv_known ? "" : " + KV");
        output_md_cell(out, g);
        fputs(" |\n", out);
    }
    fprintf(out, "\n**Basis** (%s)\n\n", any == a->sizing[0] ? "fp16" : any == a->sizing[1] ? "int4" : names[2]);
    basis_md(out, any->basis);
    if (a->sizing[2] && any != a->sizing[2]) { /* the release's weights: the line that differs */
        const char *b = a->sizing[2]->basis, *e = strchr(b, '\n');
        char first[1024];
        snprintf(first, sizeof first, "%.*s", (int)(e ? (size_t)(e - b) : strlen(b)), b);
        fprintf(out, "\n**As released** (%s): the same, but\n\n", names[2]);
        basis_md(out, first);
    }
    if (a->own_gpus) {
        fputs("\n", out);
        output_md_cell(out, a->own_gpus);
        fputs("\n", out);
    }
}

/* The cost section is `llmdeck cost --format md`'s, word for word, then
 * the same model's hosted price (the comparison a sceptic asks for). */
static void write_cost_md(FILE *out, const ld_report *a)
{
    if (a->cost && a->cost_in) {
        fputc('\n', out);
        report_cost_write(out, a->cost_in, a->cost, NULL, LD_FMT_MD);
        long row = a->cands->n ? (long)a->cands->items[0].row : a->rec->model_row;
        char h[400];
        if (row >= 0 && report_hosted_cost_vs(a->cat, (size_t)row, a->cost, a->cost_in->input_share, h, sizeof h) == 0) {
            fputs("\nAlso: ", out);
            output_md_cell(out, h);
            fputs(".\n", out);
        }
        if (a->own_gpus_cost) {
            fputs("\n", out);
            output_md_cell(out, a->own_gpus_cost);
            fputs("\n", out);
        }
    } else if (a->cost_note) {
        fputs("\n## Cost\n\n", out);
        output_md_cell(out, a->cost_note);
        fputc('\n', out);
    }
}

/* The chart beside the report as an image link; the name percent-encoded
 * (a space, a parenthesis or a control character cannot break the link). */
static void write_chart_md(FILE *out, const ld_report *a)
{
    if (a->chart_image) {
        fprintf(out, "\n![The %zu candidates: quality against relative cost, the Pareto frontier marked](",
                a->cands->n);
        for (const unsigned char *p = (const unsigned char *)a->chart_image; *p; p++) {
            if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                strchr("._~-", *p))
                fputc(*p, out);
            else
                fprintf(out, "%%%02X", *p);
        }
        fputs(")\n", out);
    } else if (a->chart_note) {
        fputs("\nNo chart: ", out);
        output_md_cell(out, a->chart_note);
        fputs(".\n", out);
    }
}

void report_recommendation_md(FILE *out, const ld_report *a)
{
    const ld_recommendation *r = a->rec;
    fputs("# Model recommendation\n\n## Requirements\n\n", out);
    write_requirements(out, a->req, 1);
    fputs("\n## Answer\n\n", out);
    if (a->recommended >= 0) {
        fputs("Recommended: **", out);
        output_md_cell(out, catalog_text(a->cat, (size_t)a->recommended, catalog_key_col(a->cat)));
        fputs("**, ", out);
        output_md_cell(out, a->why);
        fputs(".\n\n", out);
        write_recommended_figures(out, a, "");
    } else {
        fputs("Recommended: **none**: ", out);
        output_md_cell(out, a->no_fit);
        fputs(".\n", out);
    }
    write_horizon(out, a, "\n", 1); /* a paragraph of its own */
    fputs("\n### The 2023 article's rule\n\n", out);
    if (!r->model) {
        fputs("No rule matched: the rules file has no catch-all rule.\n", out);
    } else {
        fputs("The rule picks **", out);
        output_md_cell(out, r->model);
        fputs("**: ", out);
        output_md_cell(out, r->reason);
        fputs(".\n\nAlternatives: ", out);
        for (size_t i = 0; i < r->nalternatives; i++) {
            if (i) fputs(", ", out);
            output_md_cell(out, r->alternatives[i]);
        }
        fputs(r->nalternatives ? ".\n\nIn the catalogue: " : "none.\n\nIn the catalogue: ", out);
        write_pick_row(out, a);
        fputs(".\n\n", out);
        write_pick_verdict(out, a, 1);
    }
    /* the trace explains the 2023 rule's pick, not the recommendation (the
     * Answer's sentence and the candidates do): under its section */
    fputs("\n#### Why the 2023 rule picks it\n\nThe article's rules are checked in order and the first that "
          "applies wins; the recommendation above is today's ranking of the candidates below.\n\n", out);
    for (size_t i = 0; i < r->ntrace; i++) {
        fprintf(out, "%zu. `", i + 1);
        output_md_cell(out, r->trace[i].rule);
        fputs(r->trace[i].matched ? "` **applies**: " : "` does not apply: ", out);
        output_md_cell(out, r->trace[i].why);
        fputc('\n', out);
    }
    fputs("\n## Candidates\n\nCatalogue models with ", out);
    write_cand_intro(out, a);
    fputs(".\n\n", out);
    write_unchecked(out, a->cands->unchecked, "Note: ");
    if (a->cands->unchecked) fputc('\n', out);
    if (!a->shown) fputs("None.\n", out);
    char cells[C_N][128];
    for (size_t i = 0; a->shown && i <= a->shown; i++) {
        char group[256];
        if (i && rules_candidate_group(a->cands, a->cat, a->req, i - 1, group, sizeof group) && group[0]) {
            fputs("| | *", out); /* the group's name in the model column, where its rows begin */
            output_md_cell(out, group);
            fputs("* |", out);
            for (size_t c = 2; c < C_N; c++) fputs(" |", out);
            fputc('\n', out);
        }
        if (i) cand_cells(a, i - 1, cells);
        fputc('|', out);
        for (size_t c = 0; c < C_N; c++) {
            fputc(' ', out);
            output_md_cell(out, i ? cells[c] : CAND_HEAD[c]);
            fputs(" |", out);
        }
        fputc('\n', out);
        if (!i) fputs("|---:|---|---:|---:|---:|---:|---|---|\n", out);
    }
    if (a->cands->n > a->shown)
        fprintf(out, "\n%zu more models qualify.\n", a->cands->n - a->shown);
    write_chart_md(out, a);
    write_sizing_md(out, a);
    write_cost_md(out, a);
    fputs("\n## Considerations\n\n", out);
    for (size_t i = 0; i < r->nconsiderations; i++) {
        fputs("- ", out);
        output_md_cell(out, r->considerations[i]);
        fputc('\n', out);
    }
}

