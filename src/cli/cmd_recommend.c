/* cmd_recommend.c - `llmdeck recommend`: the seed's decision tree (from
 * data/rules.json or --rules FILE) applied to requirements given as flags,
 * with the catalogue's candidates.  Text for a terminal, JSON for scripts,
 * CSV for the candidates table, Markdown for a stakeholder report. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "llmdeck/csvload.h"
#include "llmdeck/rules.h"
#include "llmdeck/units.h"

#define CMD "recommend"
#define DEFAULT_LIMIT 10

static const char USAGE[] =
    "usage: llmdeck recommend [--context N] [--budget low|medium|high] [--task TEXT]\n"
    "                         [--language TEXT] [--latency-critical] [--fine-tuning]\n"
    "                         [--commercial | --licence any|commercial|unrestricted]\n"
    "                         [--tokens N] [--rules FILE] [--limit N]\n"
    "                         [--data DIR] [--load FILE]... [--format text|csv|json|md]\n"
    "\n"
    "Recommends an open model for your requirements with the seed article's decision\n"
    "tree (first matching rule wins), says why, and ranks the catalogue models that\n"
    "meet the hard constraints.\n"
    "\n"
    "  --context N          context length needed, in tokens (8000, 32k; default 4096)\n"
    "  --budget B           low, medium or high (default medium)\n"
    "  --task TEXT          general, code, customer_support, ... (default general)\n"
    "  --language TEXT      english, chinese, ... (default english)\n"
    "  --latency-critical   responses must be fast\n"
    "  --fine-tuning        you will fine-tune the model\n"
    "  --commercial         commercial use must be allowed (\"restricted\" licences such\n"
    "                       as Llama 2's count, marked restricted)\n"
    "  --licence L          any, commercial (as --commercial) or unrestricted\n"
    "                       (commercial use without conditions)\n"
    "  --tokens N           expected monthly token volume (750M, 1.25B), for the record\n"
    "  --rules FILE         your organisation's rules instead of data/rules.json\n"
    "  --limit N            candidates to list (default 10, 0 = all)\n"
    "  --format FMT         text (default), json, md (a report), csv (the candidates)\n"
    "\n"
    "Candidates: open weights, context length >= N (unknown lengths do not qualify),\n"
    "ranked by value = task-weighted quality / relative cost; cost unknown: n/a, last.\n"
    "Task weights: code HumanEval 3, MMLU 1, GSM8K 1; math GSM8K 3, MMLU 1, ARC 1;\n"
    "support/chat TruthfulQA 2, MMLU 1, ARC 1; otherwise MMLU, HumanEval, GSM8K 1 each.\n";

enum {
    OPT_CONTEXT = CLI_OPT_FIRST_FREE, OPT_BUDGET, OPT_TASK, OPT_LANGUAGE, OPT_LATENCY,
    OPT_FINETUNE, OPT_COMMERCIAL, OPT_LICENCE, OPT_TOKENS, OPT_LIMIT
};

static const struct option LONGOPTS[] = {
    {"context", required_argument, 0, OPT_CONTEXT},
    {"budget", required_argument, 0, OPT_BUDGET},
    {"task", required_argument, 0, OPT_TASK},
    {"language", required_argument, 0, OPT_LANGUAGE},
    {"latency-critical", no_argument, 0, OPT_LATENCY},
    {"fine-tuning", no_argument, 0, OPT_FINETUNE},
    {"commercial", no_argument, 0, OPT_COMMERCIAL},
    {"licence", required_argument, 0, OPT_LICENCE},
    {"license", required_argument, 0, OPT_LICENCE},
    {"tokens", required_argument, 0, OPT_TOKENS},
    {"limit", required_argument, 0, OPT_LIMIT},
    {"rules", required_argument, 0, CLI_OPT_RULES},
    CLI_COMMON_OPTIONS,
    {0, 0, 0, 0}
};

/* The flags given, applied over the rules file's defaults once it is read. */
typedef struct {
    const char *context, *budget, *task, *language, *tokens, *rules;
    int latency, finetune, licence_set;
    ld_licence licence;
    long limit;
} flags;

static const char *const LICENCE_NAMES[] = {"any", "commercial", "unrestricted"};

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

typedef struct {
    const ld_catalog *cat;
    const ld_requirements *req;
    const ld_recommendation *rec;
    const ld_candidates *cands;
    size_t shown; /* candidates to write */
    int col_ctx, col_lic, col_com, col_cost;
} answer;

/* The text of a catalogue cell, or "" when the column is absent. */
static const char *cell(const answer *a, size_t row, int col, char *buf, size_t n)
{
    if (col < 0) return buf[0] = 0, buf;
    return output_cell(a->cat, row, (size_t)col, buf, n);
}

/* Candidate i's columns as display text: value, quality, the rest. */
enum { C_RANK, C_MODEL, C_VALUE, C_QUALITY, C_COST, C_CTX, C_LIC, C_COM, C_N };
static const char *const CAND_IDS[C_N] = {"rank", "model", "value_score", "quality",
                                          "relative_cost", "context_length", "license",
                                          "commercial_use"};
static const char *const CAND_HEAD[C_N] = {"#", "model", "value", "quality", "rel. cost",
                                           "context", "license", "commercial"};

static void cand_cells(const answer *a, size_t i, char cells[C_N][128])
{
    const ld_candidate *c = &a->cands->items[i];
    char raw[128];
    snprintf(cells[C_RANK], 128, "%zu", i + 1);
    san(catalog_text(a->cat, c->row, catalog_key_col(a->cat)), cells[C_MODEL], 128);
    if (isnan(c->value)) snprintf(cells[C_VALUE], 128, "n/a");
    else snprintf(cells[C_VALUE], 128, "%.2f", c->value);
    if (isnan(c->quality)) snprintf(cells[C_QUALITY], 128, "n/a");
    else snprintf(cells[C_QUALITY], 128, "%.3f", c->quality);
    san(cell(a, c->row, a->col_cost, raw, sizeof raw), cells[C_COST], 128);
    san(cell(a, c->row, a->col_ctx, raw, sizeof raw), cells[C_CTX], 128);
    san(cell(a, c->row, a->col_lic, raw, sizeof raw), cells[C_LIC], 128);
    san(cell(a, c->row, a->col_com, raw, sizeof raw), cells[C_COM], 128);
}

/* "context 8000 tokens, budget medium, ..." in plain words. */
static void write_requirements(FILE *out, const ld_requirements *q, int md)
{
    char b1[512], b2[512], b3[512], ctx[32], tok[32];
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
        {"Licence", LICENCE_NAMES[q->licence]},
        {"Monthly tokens", tok},
    };
    if (md) fputs("| Requirement | Answer |\n|---|---|\n", out);
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
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
static void write_pick_row(FILE *out, const answer *a)
{
    char b[512], s[1024];
    long r = a->rec->model_row;
    if (r < 0) {
        fputs("not in the catalogue", out);
        return;
    }
    fputs(san(catalog_text(a->cat, (size_t)r, catalog_key_col(a->cat)), s, sizeof s), out);
    const char *lic = cell(a, (size_t)r, a->col_lic, b, sizeof b);
    fprintf(out, ": license %s", *lic ? san(lic, s, sizeof s) : "unknown");
    const char *com = cell(a, (size_t)r, a->col_com, b, sizeof b);
    fprintf(out, ", commercial use %s", *com ? san(com, s, sizeof s) : "unknown");
    const char *ctx = cell(a, (size_t)r, a->col_ctx, b, sizeof b);
    fprintf(out, ", context %s", *ctx ? san(ctx, s, sizeof s) : "unknown");
    static const char *const metrics[] = {"mmlu", "humaneval", "gsm8k"};
    for (size_t i = 0; i < 3; i++) {
        int c = catalog_col_index(a->cat, metrics[i]);
        if (c < 0) continue;
        const char *v = output_cell(a->cat, (size_t)r, (size_t)c, b, sizeof b);
        fprintf(out, ", %s %s", san(catalog_col(a->cat, (size_t)c)->label, s, sizeof s),
                *v ? san(v, s + 512, 512) : "n/a");
    }
}

/* What the candidates are, in one sentence. */
static void write_cand_intro(FILE *out, const answer *a)
{
    const ld_task_profile *p = a->cands->profile;
    fprintf(out, "open weights, context >= %.15g", a->req->context_length);
    if (a->req->licence == LD_LICENCE_COMMERCIAL) fputs(", commercial use allowed", out);
    if (a->req->licence == LD_LICENCE_UNRESTRICTED) fputs(", commercial use unrestricted", out);
    fprintf(out, "; ranked by value = quality / relative cost, weights for %s task:", p->name);
    for (size_t k = 0; k < p->nw; k++)
        fprintf(out, "%s %s %g", k ? "," : "", p->w[k].metric, p->w[k].weight);
}

static void write_unchecked(FILE *out, unsigned u, const char *prefix)
{
    static const char *const what[] = {"context_length", "open_weights", "commercial_use"};
    for (unsigned i = 0; i < 3; i++)
        if (u & (1u << i))
            fprintf(out, "%sthe catalogue has no %s column: not checked\n", prefix, what[i]);
}

static void write_text(FILE *out, const answer *a)
{
    const ld_recommendation *r = a->rec;
    char b[1024];
    if (!r->model) {
        fputs("Recommended: none (no rule matched; the rules file has no catch-all rule)\n", out);
    } else {
        fprintf(out, "Recommended: %s\n", san(r->model, b, sizeof b));
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

static void write_json(FILE *out, const answer *a)
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
    fputs(",\n  \"trace\": [", out);
    for (size_t i = 0; i < r->ntrace; i++) {
        fputs(i ? ",\n    {\"rule\": " : "\n    {\"rule\": ", out);
        output_json_string(out, r->trace[i].rule);
        fprintf(out, ", \"matched\": %s, \"why\": ", r->trace[i].matched ? "true" : "false");
        output_json_string(out, r->trace[i].why);
        fputc('}', out);
    }
    fputs(r->ntrace ? "\n  ],\n  \"candidates\": [" : "],\n  \"candidates\": [", out);
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
        fputc('}', out);
    }
    fputs(a->shown ? "\n  ]\n}\n" : "]\n}\n", out);
}

static void write_csv(FILE *out, const answer *a)
{
    for (size_t c = 0; c < C_N; c++) fprintf(out, "%s%s", c ? "," : "", CAND_IDS[c]);
    fputc('\n', out);
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
        fputc('\n', out);
    }
}

static void write_md(FILE *out, const answer *a)
{
    const ld_recommendation *r = a->rec;
    fputs("# Model recommendation\n\n## Requirements\n\n", out);
    write_requirements(out, a->req, 1);
    fputs("\n## Answer\n\n", out);
    if (!r->model) {
        fputs("No rule matched: the rules file has no catch-all rule.\n", out);
    } else {
        fputs("**", out);
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
        fputs(".\n", out);
    }
    fputs("\n## Why\n\nThe rules are checked in order and the first that applies wins.\n\n", out);
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
    fputs("\n## Considerations\n\n", out);
    for (size_t i = 0; i < r->nconsiderations; i++) {
        fputs("- ", out);
        output_md_cell(out, r->considerations[i]);
        fputc('\n', out);
    }
}

/* ---- flags ----------------------------------------------------------------- */

static int parse_flags(int argc, char **argv, cli_common *com, flags *f)
{
    optind = 1;
    opterr = 0;
    int opt;
    while ((opt = getopt_long(argc, argv, ":h", LONGOPTS, NULL)) != -1) {
        int rc = cli_common_option(com, opt, optarg);
        if (rc < 0) return 2;
        if (rc > 0) continue;
        switch (opt) {
        case OPT_CONTEXT: f->context = optarg; break;
        case OPT_BUDGET: f->budget = optarg; break;
        case OPT_TASK: f->task = optarg; break;
        case OPT_LANGUAGE: f->language = optarg; break;
        case OPT_LATENCY: f->latency = 1; break;
        case OPT_FINETUNE: f->finetune = 1; break;
        case OPT_TOKENS: f->tokens = optarg; break;
        case CLI_OPT_RULES: f->rules = optarg; break;
        case OPT_COMMERCIAL:
            f->licence_set = 1;
            f->licence = LD_LICENCE_COMMERCIAL;
            break;
        case OPT_LICENCE: {
            int k = -1;
            for (int i = 0; i < 3; i++)
                if (strcmp(optarg, LICENCE_NAMES[i]) == 0) k = i;
            if (k < 0)
                return cli_usage_error(CMD, "--licence: expected any, commercial or "
                                            "unrestricted, got '%s'", optarg);
            f->licence_set = 1;
            f->licence = (ld_licence)k;
            break;
        }
        case OPT_LIMIT:
            if (units_parse_long(optarg, 0, 1000000, &f->limit) != 0)
                return cli_usage_error(CMD, "--limit: expected a whole number from 0 to "
                                            "1000000, got '%s'", optarg);
            break;
        case 'h': com->help = 1; break;
        case ':':
            return cli_usage_error(CMD, "option '%s' needs a value", argv[optind - 1]);
        default: /* '?': optopt is the val of a long flag given a value (all
                  * ours are >= CLI_OPT_DATA), or the unknown short letter */
            if (optopt >= CLI_OPT_DATA)
                return cli_usage_error(CMD, "option '%s' takes no value", argv[optind - 1]);
            if (optopt) return cli_usage_error(CMD, "unknown option '-%c'", optopt);
            return cli_usage_error(CMD, "unknown option '%s'", argv[optind - 1]);
        }
    }
    return 0;
}

/* Applies the flags over the defaults, validating each. */
static int apply_flags(const flags *f, ld_requirements *q)
{
    double v;
    if (f->context) {
        if (cli_parse_count(CMD, "--context", f->context, 1, 1e12, &v) != 0) return 2;
        if (v != floor(v))
            return cli_usage_error(CMD, "--context: expected a whole number of tokens, "
                                        "got '%s'", f->context);
        q->context_length = v;
    }
    if (f->budget) {
        if (strcmp(f->budget, "low") && strcmp(f->budget, "medium") &&
            strcmp(f->budget, "high"))
            return cli_usage_error(CMD, "--budget: expected low, medium or high, got '%s'",
                                   f->budget);
        rules_set_text(q->budget, f->budget);
    }
    const char *texts[][3] = {{"--task", f->task, q->task_type},
                              {"--language", f->language, q->language}};
    for (size_t i = 0; i < 2; i++) {
        if (!texts[i][1]) continue;
        if (!texts[i][1][0])
            return cli_usage_error(CMD, "%s: must not be empty", texts[i][0]);
        if (rules_set_text((char *)texts[i][2], texts[i][1]) != 0)
            return cli_usage_error(CMD, "%s: too long (at most %d bytes)", texts[i][0],
                                   LD_REQ_TEXT - 1);
    }
    if (f->latency) q->latency_critical = 1;
    if (f->finetune) q->needs_fine_tuning = 1;
    if (f->licence_set) q->licence = f->licence;
    if (f->tokens) {
        if (cli_parse_count(CMD, "--tokens", f->tokens, 0, 1e18, &v) != 0) return 2;
        q->monthly_tokens = v;
    }
    return 0;
}

int cmd_recommend(int argc, char **argv)
{
    cli_common com = {0};
    flags f = {0};
    f.limit = DEFAULT_LIMIT;
    int rc = parse_flags(argc, argv, &com, &f);
    if (rc) return rc;
    if (com.help) {
        fputs(USAGE, stdout);
        return 0;
    }
    if ((rc = cli_no_positionals(CMD, argc, argv)) != 0) return rc;
    ld_requirements req;
    rules_requirements_init(&req);
    /* Bad values are refused before any data is read; applied for real
     * below, over the rules file's defaults. */
    if ((rc = apply_flags(&f, &req)) != 0) return rc;

    ld_dataset ds;
    memset(&ds, 0, sizeof ds);
    if ((rc = cli_open_dataset(&com, &ds)) != 0) return rc;
    ld_error err;
    error_clear(&err);
    char *owned = NULL;
    const char *text, *origin = "rules.json";
    size_t len = 0;
    if (f.rules) {
        text = owned = csvload_read_file(f.rules, &len, &err);
        origin = f.rules;
    } else {
        text = dataset_file(&ds, "rules.json", &len, &origin);
        if (origin && strcmp(origin, "embedded") == 0) origin = "rules.json";
        if (!text) error_set(&err, LD_ERR_IO, "rules.json", 0, 0, "not in the data set");
    }
    ld_rules *rules = NULL;
    ld_recommendation rec = {0};
    ld_candidates cands = {0};
    if (!text || rules_load(text, len, origin, &rules, &err) != 0) {
        rc = cli_report(&err);
        goto done;
    }
    rules_requirements_defaults(rules, &req);
    if ((rc = apply_flags(&f, &req)) != 0) goto done;
    if (rules_recommend(rules, &req, &rec) < 0 ||
        rules_candidates(ds.models, &req, &cands, &err) != 0) {
        error_set(&err, LD_ERR_NOMEM, NULL, 0, 0, "out of memory");
        rc = cli_report(&err);
        goto done;
    }
    rules_resolve(&rec, ds.models);
    answer a = {ds.models, &req, &rec, &cands, 0,
                catalog_col_index(ds.models, "context_length"),
                catalog_col_index(ds.models, "license"),
                catalog_col_index(ds.models, "commercial_use"),
                catalog_col_index(ds.models, "relative_cost")};
    a.shown = f.limit && (size_t)f.limit < cands.n ? (size_t)f.limit : cands.n;
    switch (com.format) {
    case LD_FMT_JSON: write_json(stdout, &a); break;
    case LD_FMT_CSV: write_csv(stdout, &a); break;
    case LD_FMT_MD: write_md(stdout, &a); break;
    default: write_text(stdout, &a); break;
    }
    if (fflush(stdout) != 0) {
        error_set(&err, LD_ERR_IO, "stdout", 0, 0, "%s", strerror(errno));
        rc = cli_report(&err);
    }
done:
    rules_candidates_free(&cands);
    rules_recommendation_free(&rec);
    rules_free(rules);
    free(owned);
    dataset_close(&ds);
    return rc;
}
