/* fuzz_rules.c - rules.json (--rules FILE): load, then recommend for the
 * file's defaults and for the seed's example, resolve against the embedded
 * catalogue and rank the candidates. */
/* DICT: json.dict (libFuzzer dictionary, see run.sh) */
#include "fuzz_common.h"

#include "llmdeck/dataset.h"
#include "llmdeck/report.h"
#include "llmdeck/rules.h"

static ld_dataset ds;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_locale();
    ld_error err;
    if (dataset_open(&ds, NULL, NULL, &err) != 0) abort();
    return 0;
}

static void write_report(FILE *out, ld_format fmt, const void *ctx)
{
    const ld_report *r = ctx;
    switch (fmt) {
    case LD_FMT_TEXT: report_recommendation_text(out, r); break;
    case LD_FMT_CSV: report_recommendation_csv(out, r); break;
    case LD_FMT_JSON: report_recommendation_json(out, r); break;
    case LD_FMT_MD: report_recommendation_md(out, r); break;
    }
}

static void recommend(const ld_rules *rs, const ld_requirements *req)
{
    ld_recommendation rec;
    int rc = rules_recommend(rs, req, &rec);
    FUZZ_CHECK(rc == 0 || rc == 1, "rules_recommend %d", rc);
    FUZZ_CHECK(rec.ntrace >= 1 && rec.ntrace <= rules_count(rs), "trace %zu", rec.ntrace);
    if (rc == 0) {
        FUZZ_CHECK(rec.model && rec.reason && rec.rule, "a match without a model");
        FUZZ_CHECK(rec.trace[rec.ntrace - 1].matched, "the last trace entry is the match");
        rules_resolve(&rec, ds.models);
    } else {
        FUZZ_CHECK(!rec.model && rec.ntrace == rules_count(rs), "no match");
    }
    for (size_t i = 0; i < rec.ntrace; i++) FUZZ_CHECK(rec.trace[i].why != NULL, "why");
    ld_candidates c;
    ld_error err;
    if (rules_candidates(ds.models, req, &c, &err) == 0) {
        /* the answer as `recommend` and the wizard's export write it: the
         * file's texts (model, reason, considerations) reach the output */
        ld_report r;
        report_init(&r, ds.models, req, &rec, &c, 5);
        fz_check_writer(write_report, &r, "recommendation", 1);
        rules_candidates_free(&c);
    }
    rules_recommendation_free(&rec);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ld_rules *rs = NULL;
    ld_error err;
    error_clear(&err);
    if (rules_load((const char *)data, size, "fuzz-rules.json", &rs, &err) != 0) {
        fz_check_error(&err);
        FUZZ_CHECK(rs == NULL, "a failed load returned rules");
        return 0;
    }
    FUZZ_CHECK(rules_count(rs) > 0, "no rules");
    for (size_t i = 0; i < rules_count(rs); i++) FUZZ_CHECK(rules_id(rs, i) != NULL, "id");
    ld_requirements req;
    rules_requirements_defaults(rs, &req);
    recommend(rs, &req);
    /* the seed's example */
    rules_requirements_init(&req);
    req.context_length = 8000;
    rules_set_text(req.task_type, "customer_support");
    req.latency_critical = 1;
    recommend(rs, &req);
    req.context_length = 32768;
    rules_set_text(req.budget, "low");
    rules_set_text(req.language, "Chinese");
    req.needs_fine_tuning = 1;
    req.licence = LD_LICENCE_UNRESTRICTED;
    req.monthly_tokens = 1e9;
    recommend(rs, &req);
    rules_free(rs);
    return 0;
}
