/* rules.h - the recommendation engine: the decision tree as data.
 *
 * data/rules.json holds an ordered list of rules; the first rule whose
 * conditions all hold wins (an empty `when` always holds), exactly like the
 * seed's if/elif chain in recommend_model.  Every answer carries the model,
 * the reason, the alternatives, the considerations, the id of the rule that
 * fired and a trace of every rule checked up to it, in plain words.
 *
 * Beyond the seed, rules_candidates() lists the catalogue rows that meet the
 * hard constraints of the requirements, ranked by a task-weighted value
 * score (see rules.c for the weight table).
 *
 * Typical use (a face: CLI or wizard):
 *
 *     ld_rules *rules;
 *     if (rules_load(text, len, "rules.json", &rules, &err) < 0) ...
 *     ld_requirements req;
 *     rules_requirements_defaults(rules, &req);     // the file's defaults
 *     req.latency_critical = 1; ...                  // the user's answers
 *     ld_recommendation rec;
 *     rules_recommend(rules, &req, &rec);
 *     long row = catalog_find(cat, rec.model);       // or rules_resolve()
 *     ld_candidates cands;
 *     rules_candidates(cat, &req, &cands, &err);
 *     ...
 *     rules_candidates_free(&cands);
 *     rules_recommendation_free(&rec);
 *     rules_free(rules);
 */
#ifndef LLMDECK_RULES_H
#define LLMDECK_RULES_H

#include <stddef.h>

#include "llmdeck/catalog.h"
#include "llmdeck/error.h"

/* Longest text answer kept in ld_requirements (bytes, including the NUL). */
#define LD_REQ_TEXT 128

/* Licence constraint of a buyer. */
typedef enum {
    LD_LICENCE_ANY = 0,        /* no constraint */
    LD_LICENCE_COMMERCIAL = 1, /* commercial use allowed: "yes" or "restricted" */
    LD_LICENCE_UNRESTRICTED = 2 /* commercial use without conditions: "yes" only */
} ld_licence;

/* The requirements: the seed's six inputs plus what a buyer also needs.
 * A plain value type (no pointers): copy it, save it, compare it. */
typedef struct {
    double context_length;           /* tokens needed */
    char budget[LD_REQ_TEXT];        /* the seed's values: low, medium, high */
    char task_type[LD_REQ_TEXT];     /* general, code, customer_support, ... */
    char language[LD_REQ_TEXT];      /* english, chinese, ... */
    int latency_critical;            /* 0 / 1 */
    int needs_fine_tuning;           /* 0 / 1 */
    ld_licence licence;              /* rule field commercial_use_required =
                                        licence != LD_LICENCE_ANY */
    double monthly_tokens;           /* expected volume; 0 = not given */
} ld_requirements;

typedef struct ld_rules ld_rules;

/* Parses rules JSON (`name` is used in messages).  A syntax error is
 * LD_ERR_PARSE with name:LINE:COL; a semantic error names the rule by its
 * 1-based index and id and the offending key, e.g.
 *   rules.json: rule 3 ("code"): unknown op "=~"
 * Returns 0, or -1 with *out = NULL. */
int rules_load(const char *json, size_t len, const char *name, ld_rules **out,
               ld_error *err);
void rules_free(ld_rules *rules);

size_t rules_count(const ld_rules *rules);
/* Id of rule i (0-based), or NULL when out of range. */
const char *rules_id(const ld_rules *rules, size_t i);

/* The seed's defaults (context 4096, medium, general, english, no, no),
 * licence any, no volume. */
void rules_requirements_init(ld_requirements *req);
/* The seed's defaults overridden by the rules file's `defaults`. */
void rules_requirements_defaults(const ld_rules *rules, ld_requirements *req);
/* Copies a text answer into one of the requirement buffers; -1 (and nothing
 * copied) if it does not fit. */
int rules_set_text(char *dst, const char *src);

typedef struct {
    char *rule;    /* rule id */
    int matched;   /* 1 for the rule that fired (always the last entry) */
    char *why;     /* e.g. "context 8000 is not > 8192" */
} ld_rule_trace;

typedef struct {
    char *model;           /* NULL when no rule matched (a file without a
                              catch-all rule); the trace then lists them all */
    char *reason;
    char *rule;            /* id of the rule that fired */
    char **alternatives;
    size_t nalternatives;
    char **considerations;
    size_t nconsiderations;
    ld_rule_trace *trace;  /* every rule checked, in order, up to the match */
    size_t ntrace;
    long model_row;        /* catalogue row, -1 until rules_resolve() */
} ld_recommendation;

/* Applies the rules to `req`; `out` owns copies of every string.  Returns 0,
 * 1 when no rule matched (out->model NULL), -1 on no memory. */
int rules_recommend(const ld_rules *rules, const ld_requirements *req,
                    ld_recommendation *out);
/* Finds the recommended model's catalogue row by name or alias (so
 * "Mixtral-8x7B-Instruct" finds the row "Mixtral-8x7B"); returns it (or -1)
 * and stores it in rec->model_row. */
long rules_resolve(ld_recommendation *rec, const ld_catalog *cat);
void rules_recommendation_free(ld_recommendation *rec);

/* A metric weight of a task profile. */
typedef struct {
    const char *metric; /* column id */
    double weight;
} ld_task_weight;

#define LD_TASK_MAX_WEIGHTS 5

typedef struct {
    const char *name;    /* "code", "math", "support", "general" */
    ld_task_weight w[LD_TASK_MAX_WEIGHTS];
    size_t nw;
} ld_task_profile;

/* The weight profile used for a task text (never NULL: "general" when no
 * profile's keyword occurs in it). */
const ld_task_profile *rules_task_profile(const char *task_type);

/* Hard constraints the catalogue could not check (its column is absent). */
enum {
    LD_UNCHECKED_CONTEXT = 1u << 0,
    LD_UNCHECKED_OPEN = 1u << 1,
    LD_UNCHECKED_LICENCE = 1u << 2
};

typedef struct {
    size_t row;         /* catalogue row */
    double quality;     /* task-weighted quality, 0..1 */
    double value;       /* quality / relative_cost; NaN when the cost is
                           missing, zero or negative */
    int restricted;     /* commercial_use is "restricted": read the licence */
} ld_candidate;

typedef struct {
    ld_candidate *items; /* best first */
    size_t n;
    const ld_task_profile *profile; /* the weights used */
    /* The team's own metrics: imported numeric columns (not described by
     * metrics.json) given a weight > 0, added to the profile's weights. */
    int extra_cols[LD_TASK_MAX_WEIGHTS];
    double extra_w[LD_TASK_MAX_WEIGHTS];
    size_t nextra;
    unsigned unchecked;  /* LD_UNCHECKED_* */
    size_t excluded;     /* rows that failed a hard constraint */
} ld_candidates;

/* Lists the rows meeting the hard constraints: context_length >= needed
 * (a missing context length does not qualify), open_weights "yes", and
 * commercial_use "yes" (or "restricted", for LD_LICENCE_COMMERCIAL) when
 * the licence is constrained.  Quality is the task profile's weighted mean
 * plus the team's own weighted metrics (see nextra).  Ranked by value (highest first); rows whose
 * value is undefined follow, by quality; ties keep catalogue order.
 * Returns 0 or -1 (no memory). */
int rules_candidates(const ld_catalog *cat, const ld_requirements *req,
                     ld_candidates *out, ld_error *err);
void rules_candidates_free(ld_candidates *c);

#endif
