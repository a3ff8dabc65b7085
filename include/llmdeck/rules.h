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
 * score (the weights per task are metrics.json's "task_profiles").
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
    /* Hardware the model must fit on (recommend --gpu): `hardware` says it
     * ("1 × L40S (48 GB) at the release precision, one sequence of the
     * context"), `fits[row]` per catalogue row is 1 when it fits there, 0
     * when not, -1 when it cannot be sized (not qualifying either: an
     * unknown size promises nothing).  "" and NULL: no hardware asked.
     * The caller owns `fits` (memfit_fits fills it). */
    char hardware[256];              /* (longer than LD_REQ_TEXT: a GPU name, a precision, a context) */
    const signed char *fits;
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

#define LD_TASK_MAX_WEIGHTS 12
#define LD_TASK_MAX_KEYWORDS 8
#define LD_TASK_MAX_PROFILES 8

typedef struct {
    const char *name;    /* "code", "math", "support", "general" */
    ld_task_weight w[LD_TASK_MAX_WEIGHTS];
    size_t nw;
    const char *keywords[LD_TASK_MAX_KEYWORDS + 1]; /* NULL-terminated; none: the default */
    const char *why;     /* the file's reason for these weights ("why"), "" if none */
} ld_task_profile;

/* How candidates are ranked (metrics.json "candidate_ranking"):
 *   value   by value = quality / relative cost (the 2023 article's score);
 *   budget  by the budget answer: high -> quality; medium -> value among the
 *           candidates whose quality is at least the median candidate's
 *           (good enough first, then cheapest for it), the rest after;
 *           low -> value. */
typedef enum { LD_RANK_VALUE = 0, LD_RANK_BUDGET = 1 } ld_rank_mode;

/* The task profiles and ranking of a data set (metrics.json "task_profiles",
 * "candidate_ranking" and "missing"). */
typedef struct {
    ld_task_profile v[LD_TASK_MAX_PROFILES];
    size_t n;
    ld_rank_mode mode;
    int skip_missing;    /* 1: a missing metric is left out (with coverage) */
    char *strings;       /* storage of the names (owned) */
} ld_task_profiles;

/* Profiles from a metrics.json text.  The profiles are data, never code: a
 * file without "task_profiles" gives one profile, "general", of the
 * columns it weighs.  Errors name `name` and the profile (and leave one
 * empty "general" profile, so `out` is always usable). */
int rules_profiles_parse(const char *json, size_t len, const char *name, ld_task_profiles *out,
                         ld_error *err);
void rules_profiles_free(ld_task_profiles *p);
/* One profile, "general", of the catalogue's weighted metric columns (the
 * weights metrics.json gave them, or the user's); missing counts as 0
 * (skip_missing unset).  Its names are the catalogue's: nothing to free. */
void rules_profiles_of_catalog(const ld_catalog *cat, ld_task_profiles *out);
/* The profile for a task text: the first whose keyword occurs in it (case-
 * insensitive), else the last one (the default; never NULL when n > 0). */
const ld_task_profile *rules_profiles_pick(const ld_task_profiles *p, const char *task_type);
/* The profile's weights counted as measures (a benchmark's windows of one
 * weight once, score_label_family): what "1 of 3 code metrics" is out of. */
size_t rules_profile_measures(const ld_task_profile *p, const ld_catalog *cat);
/* A profile's weights in words, by the catalogue's column labels when cat
 * is given ("Arena win 3, IFEval 2"; metrics of one weight whose labels
 * start with the same word said once: "LCB 23.05-24.09/24.08-25.05 3"),
 * else by metric id ("arena_win 3, ifeval 2"). */
void rules_profile_weights(const ld_task_profile *p, const ld_catalog *cat, char *buf, size_t n);
/* Which words choose which profile, for someone typing a task: "code (code,
 * coding or program), support (support or chat); any other task general". */
void rules_profiles_keywords(const ld_task_profiles *p, char *buf, size_t n);


/* Hard constraints the catalogue could not check (its column is absent). */
enum {
    LD_UNCHECKED_CONTEXT = 1u << 0,
    LD_UNCHECKED_OPEN = 1u << 1,
    LD_UNCHECKED_LICENCE = 1u << 2,
    LD_UNCHECKED_LANGUAGE = 1u << 3
};

typedef struct {
    size_t row;         /* catalogue row */
    double quality;     /* task-weighted quality, 0..1 */
    double value;       /* quality / relative_cost; NaN when the cost is
                           missing, zero or negative */
    int restricted;     /* commercial_use is "restricted": read the licence */
    int noncommercial;  /* commercial_use is "no" (a research licence; only under licence "any") */
    int coverage;       /* profile metrics the row has */
    int language_known; /* the row lists its languages (and the asked one) */
    unsigned tier;      /* the splits below that put it later: 1 unmeasured, 2 always
                         * thinks (latency-critical), 4 language not named; 0 the lead */
} ld_candidate;

typedef struct {
    ld_candidate *items; /* best first */
    size_t n;
    const ld_task_profile *profile; /* the weights used */
    ld_task_profile own; /* rules_candidates(): the catalogue's weights */
    /* The team's own metrics: imported numeric columns (not described by
     * metrics.json) given a weight > 0, added to the profile's weights. */
    int extra_cols[LD_TASK_MAX_WEIGHTS];
    double extra_w[LD_TASK_MAX_WEIGHTS];
    size_t nextra;
    unsigned unchecked;  /* LD_UNCHECKED_* */
    size_t excluded;     /* rows that failed a hard constraint */
    size_t excluded_language; /* of them, rows whose card lists languages without the one asked */
    size_t excluded_hardware; /* of them, rows that do not fit (or cannot be sized for) the hardware asked */
    ld_rank_mode mode;   /* how they were ranked */
    int missing_zero;    /* a missing metric counted as 0 in the quality (the
                          * profiles' skip_missing unset), not left out */
    int by_quality;      /* budget mode: ranked by quality (high budget) */
    double quality_floor;/* budget mode, medium: the median quality (low: the lower quartile) of the leading tier, the
                          * rows no split below puts later (else NaN); each tier then
                          * has those at least that good first */
    int floor_of_lead;   /* 1 when a split made the leading tier smaller than all */
    /* With missing = skip, a quality that lacks the task's main measure is
     * not comparable with one that has it: the rows with at least one of
     * the heaviest-weighted metrics (`nkey` of them, weight `key_weight`,
     * the first `key_name`) are ranked first, `measured` of them; the rest
     * follow in the same order.  The key metrics are named under either
     * policy (the wizard shows them); the split is made under skip only. */
    int nkey;
    double key_weight;
    const char *key_name;
    int key_cols[2 * LD_TASK_MAX_WEIGHTS]; /* their catalogue columns (nkey of them) */
    size_t measured;
    int measured_first;  /* 1 when that split was made */
    /* Latency-critical: rows whose `thinking` cell says "always" (they write
     * a reasoning trace before every answer) follow the others, in the same
     * order; `thinking_last` of them (0 when the split was not made: not
     * latency-critical, no such column, or none or all such rows). */
    size_t thinking_last;
    /* A language other than English asked for: the rows whose card names
     * it come first (`language_first` of them), those that list none or
     * only a count ("multilingual (119)") after, each in the order above:
     * unknown qualifies, it does not outrank confirmed.  Applied last, so
     * it is the first key (0 when the split was not made). */
    size_t language_first;
} ld_candidates;

/* ld_candidate.tier's bits: why a row is ranked after the lead (the
 * higher bit the stronger reason; the tiers are ordered by their sum). */
enum { LD_TIER_UNMEASURED = 1, LD_TIER_THINKS = 2, LD_TIER_LANGUAGE_UNNAMED = 4, LD_TIER_ALL = 7 };

/* The task's heaviest metrics (c->key_cols) by benchmark: LiveCodeBench's
 * windows are one, named by the label's first word when there are several
 * keys ("LCB"), SWE-bench Verified another.  Writes up to max names to fam
 * and each key's family to fam_of[k] (k < c->nkey); returns the count. */
#define LD_KEY_FAMILY_LEN 32
int rules_key_families(const ld_candidates *c, const ld_catalog *cat, char (*fam)[LD_KEY_FAMILY_LEN], int max,
                       int *fam_of);

/* The group candidate i is ranked in, in words, for a reader who sees a
 * weaker model above a stronger one ("card names Japanese; with LCB or
 * SWE-bench; quality >= 0.600"): its tier's splits that were made, then,
 * under a medium or low budget, the side of the quality bar it is on.
 * "" when the list is one group.  Returns 1 when i starts a group (the
 * first row of a list of groups, or one whose group differs from i-1's). */
int rules_candidate_group(const ld_candidates *c, const ld_catalog *cat, const ld_requirements *req, size_t i,
                          char *buf, size_t n);

/* Lists the rows meeting the hard constraints: context_length >= needed
 * (a missing context length does not qualify), open_weights "yes", and
 * commercial_use "yes" (or "restricted", for LD_LICENCE_COMMERCIAL) when
 * the licence is constrained.  Quality is the task profile's weighted mean
 * plus the team's own weighted metrics (see nextra).  Ranked by value (highest first); rows whose
 * value is undefined follow, by quality; ties keep catalogue order.
 * Returns 0 or -1 (no memory). */
int rules_candidates(const ld_catalog *cat, const ld_requirements *req,
                     ld_candidates *out, ld_error *err);
/* (rules_candidates weighs the metrics by the catalogue's own weights, the
 * ones metrics.json gave its metric columns, as one "general" profile;
 * task profiles come from a data set, through rules_candidates_in.) */
/* The same with a data set's profiles and ranking (see ld_task_profiles;
 * `profiles` must outlive `out`, which points to the profile used).
 * Also a hard constraint here: the language, for rows that list theirs
 * ("languages"; a row listing none, or only a count, is not excluded). */
int rules_candidates_in(const ld_catalog *cat, const ld_requirements *req,
                        const ld_task_profiles *profiles, ld_candidates *out, ld_error *err);

/* ---- does a model meet the requirements? --------------------------------- */

typedef struct {
    char requirement[24]; /* "open weights", "context", "licence", "language", "hardware" */
    char detail[256];     /* "reads 32,768 tokens; 200,000 needed" */
} ld_violation;

#define LD_MAX_VIOLATIONS 5

/* The hard requirements a catalogue row breaks (open weights, context at
 * least the asked length, the licence class, the language where the row
 * lists languages); returns how many (0: it meets them all).  The budget is
 * an input of the article's rules, not a ceiling: it is not checked. */
size_t rules_violations(const ld_catalog *cat, size_t row, const ld_requirements *req,
                        ld_violation out[LD_MAX_VIOLATIONS]);

/* A commercial_use cell as a reader should take it: the data's
 * "restricted" (commercial use allowed on the licence's conditions, e.g.
 * a user cap or a use policy) reads "with conditions", so a candidate the
 * commercial requirement admitted does not look refused; anything else as
 * it is.  For text, Markdown and the TUI; CSV and JSON keep the data's
 * word. */
const char *rules_commercial_word(const char *cell);

/* Does a row's `languages` cell ("English|German|...") answer the asked
 * language (case-insensitive, as whole words either way round: "Brazilian
 * Portuguese" answers Portuguese, "English" does not answer "is")?  1 yes, 0 no, -1 unknown
 * (nothing listed, only a count such as "multilingual (119)", or a list the
 * source says is partial, marked by a last name "others": "English|others"
 * for "trained on a mostly English dataset" names English and excludes no
 * other language). */
int rules_language_fit(const char *listed, const char *asked);
/* The asked language as the answers name it: "Icelandic (is)" for a code
 * or another name the catalogue knows it by, else the text as asked.
 * Returns buf. */
const char *rules_language_label(const char *asked, char *buf, size_t n);

/* Why nothing fits: names the requirement no open model meets on its own
 * ("no open model reads 200,000 tokens; the longest is X (131,072)") or,
 * when each can be met but not together, the closest model and what it
 * breaks.  Written to buf. */
void rules_no_fit_reason(const ld_catalog *cat, const ld_requirements *req, char *buf, size_t n);
void rules_candidates_free(ld_candidates *c);

#endif
