/* report.h - a recommendation written out: text for a terminal, JSON for
 * scripts, CSV for the candidates, and the Markdown report a product
 * manager pastes into a document.  Shared by `llmdeck recommend` and the
 * wizard's export (which adds the sizing and the cost of the pick).
 *
 *     ld_report r;
 *     report_init(&r, cat, &req, &rec, &cands, 10);   // after rules_resolve
 *     report_recommendation_md(stdout, &r);
 *
 * Data text is sanitized (see output_sanitize); nothing is written to the
 * terminal on its own. */
#ifndef LLMDECK_REPORT_H
#define LLMDECK_REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "llmdeck/catalog.h"
#include "llmdeck/cost.h"
#include "llmdeck/dataset.h"
#include "llmdeck/rules.h"
#include "llmdeck/sizing.h"

typedef struct {
    const ld_catalog *cat;
    const ld_requirements *req;
    const ld_recommendation *rec;
    const ld_candidates *cands;
    size_t shown;                   /* candidates written (report_init: limit) */
    int col_ctx, col_lic, col_com, col_cost; /* catalogue columns, -1 if absent */

    /* The answer a user sees first: candidates[0], the best model meeting
     * every hard requirement (NULL row: none, see no_fit), and the 2023
     * article's rule pick checked against the same requirements. */
    long recommended;               /* catalogue row, -1 when nothing fits */
    char why[800];                  /* why it is first, in one sentence */
    char no_fit[600];               /* why nothing fits ("" when something does) */
    ld_violation violations[LD_MAX_VIOLATIONS]; /* of the rule's pick */
    size_t nviolations;
    int pick_known;                 /* the rule's pick is a catalogue row */
    size_t pick_rank;               /* its rank among the candidates (0: not one) */

    /* Optional Markdown sections (the wizard's); all NULL = the CLI report. */
    const ld_sizing *sizing[3];     /* the pick at fp16, int4 and its release precision (any NULL) */
    const char *release_label;      /* sizing[2]'s precision ("bf16 + mxfp4 experts") */
    const char *sizing_note;        /* why there is no sizing (NULL: none) */
    const ld_cost_input *cost_in;   /* with cost: API vs self-hosting, written as
                                       `llmdeck cost --format md` writes it */
    const ld_cost *cost;
    const char *cost_note;          /* why there is no cost (NULL: none) */
    const char *own_gpus;           /* the GPUs named: how the pick sits on them (NULL: none named) */
    const char *own_gpus_cost;      /* ... and the cards the volume takes against them (NULL: none) */
    /* The candidates' chart written beside the report: its file name (no
     * directory), linked as an image after the candidates; or a note why
     * there is none.  Both NULL: no chart (the CLI report). */
    const char *chart_image;
    const char *chart_note;
    /* How far the data reaches (dataset_horizon), said beside the answer: a
     * model released after the newest one cannot be recommended.  NULL:
     * not said. */
    const ld_data_horizon *horizon;
} ld_report;

/* dataset_horizon_text + "; a model released since is not among the
 * candidates", or "" (h NULL or saying nothing).  Written to buf. */
const char *report_horizon_sentence(const ld_data_horizon *h, char *buf, size_t n);
/* The same as a JSON object ({"newest_open_release": ..., "newest_open_model",
 * "arena_as_of", "prices_as_of": null where unknown, "unscored_since_arena"}),
 * or null when h is NULL. */
void report_horizon_json(FILE *out, const ld_data_horizon *h);

/* Fills r; `limit` candidates at most (0 = all). */
void report_init(ld_report *r, const ld_catalog *cat, const ld_requirements *req,
                 const ld_recommendation *rec, const ld_candidates *cands, size_t limit);

/* How the candidates were ranked, as a phrase: "by value = quality /
 * relative cost", "by quality (high budget)", ... */
void report_ranking(const ld_report *r, char *buf, size_t n);
/* Why the recommended model is first, one sentence. */
void report_why(const ld_report *r, char *buf, size_t n);
/* The column behind LD_UNCHECKED_* bit i ("context_length", ...). */
const char *report_unchecked_column(unsigned bit);

/* "any", "commercial", "unrestricted". */
const char *report_licence_name(ld_licence l);

/* The rule's pick as the catalogue has it, in one line: "Qwen-72B-Chat:
 * licence ..., commercial use ..., context 32768, Arena win n/a, IFEval
 * n/a", the metrics being the ones the task weighs (the candidates'
 * profile).  Sanitized; "not in the catalogue" when it is not. */
void report_pick_row(const ld_report *a, char *buf, size_t n);

void report_recommendation_text(FILE *out, const ld_report *r);
void report_recommendation_json(FILE *out, const ld_report *r);
void report_recommendation_csv(FILE *out, const ld_report *r);
/* Small formatters shared with the wizard's screen: "103.8 GB", "2 × A100
 * 80GB PCIe at $3.58/h" (the cost's phrases are in report_cost.h). */
void report_gb(double v, char *buf, size_t n);
void report_gpus(const ld_sizing *s, char *buf, size_t n);
/* What the candidates are, in one sentence: "open weights, context >= 32000,
 * commercial use allowed, french among the languages listed ...; ranked
 * ..., weights for support task: Arena win 3, IFEval 2" (the text, Markdown
 * and the wizard's answer say the same). */
void report_candidates_intro(const ld_report *a, char *buf, size_t n);
/* The same model called through a provider at `tokens` a month and the
 * input share, from the catalogue's median hosted offer (models.csv's
 * hosted_* columns, from LiteLLM's price file): the figures, so that each
 * front end words them for its room without parsing a sentence. */
typedef struct {
    double monthly_usd;           /* tokens/1M x (share x in + (1 - share) x out) */
    double in_per_1m, out_per_1m; /* USD per 1M tokens */
    long offers;                  /* how many offers the median is of; 0: not known */
    char provider[160];           /* the median offer's provider; "" if not known */
} ld_hosted_cost;
/* 0, or -1 when the row has no hosted price (or tokens <= 0). */
int report_hosted_figures(const ld_catalog *cat, size_t row, double tokens, double input_share, ld_hosted_cost *h);
/* Its basis in words: "median of 7 hosted offers" / "the one hosted offer"
 * / "median hosted offer" (count not known). */
void report_hosted_basis(const ld_hosted_cost *h, char *buf, size_t n);
/* The figure with its basis: "$125.00/month (median of 3 hosted offers,
 * $0.05 in / $0.1 out per 1M, novita)". */
void report_hosted_figure(const ld_hosted_cost *h, char *buf, size_t n);
/* The sentence: "the same model from a provider: $125/month (median of 7
 * hosted offers, $0.05 in / $0.1 out per 1M, deepinfra)".  0, or -1 (no
 * hosted price: buf empty). */
int report_hosted_cost(const ld_catalog *cat, size_t row, double tokens, double input_share, char *buf, size_t n);
/* The same, weighed against a cost answer: adds ": less than self-hosting
 * ($1,161) and the API compared ($2,000)" where the provider beats them. */
int report_hosted_cost_vs(const ld_catalog *cat, size_t row, const ld_cost *c, double input_share, char *buf,
                          size_t n);

/* The stakeholder report: requirements, answer, why, candidates, (sizing,
 * cost,) considerations. */
void report_recommendation_md(FILE *out, const ld_report *r);

/* Said where a model has no relative cost: no offer, and no estimate. */
#define REPORT_NO_COST_WHY                                                                                       \
    "n/a (no hosted offer in the price data, and it does not fit or cannot be sized at llmdeck's self-hosting reference "  \
    "set-up, metrics.json selfhost_estimate)"

#endif
