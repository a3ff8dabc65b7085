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
#include "llmdeck/hardware.h"
#include "llmdeck/hosting.h"
#include "llmdeck/memfit.h"
#include "llmdeck/sizing.h"
#include "llmdeck/output.h"
#include "llmdeck/report.h"
#include "llmdeck/rules.h"
#include "llmdeck/score.h"
#include "llmdeck/units.h"

#define CMD "recommend"
#define DEFAULT_LIMIT 10

static const char USAGE[] =
    "usage: llmdeck recommend [--context N] [--budget low|medium|high] [--task TEXT]\n"
    "                         [--language TEXT] [--latency-critical] [--fine-tuning]\n"
    "                         [--commercial | --licence any|commercial|unrestricted]\n"
    "                         [--gpu NAME [--gpus N] [--quant Q]]\n"
    "                         [--tokens N] [--rules FILE] [--limit N]\n"
    "                         [--dataset current|seed] [--data DIR] [--load FILE]... [--format text|csv|json|md]\n"
    "\n"
    "Recommends an open model for your requirements with the 2023 article's decision\n"
    "tree (first matching rule wins), says why, and ranks the catalogue models that\n"
    "meet the hard constraints.\n"
    "\n"
    "  --context N          context length needed, in tokens (8000, 32k; default 4096)\n"
    "  --budget B           low, medium or high (default medium)\n"
    "  --task TEXT          general, code, customer_support, ... (default general)\n"
    "  --language TEXT      english, chinese, ... (default english)\n"
    "  --latency-critical   responses must be fast (models that always think first rank last)\n"
    "  --fine-tuning        you will fine-tune the model (the 2023 article's rule uses\n"
    "                       it; the candidates' ranking does not)\n"
    "  --commercial         commercial use must be allowed (\"restricted\" licences such\n"
    "                       as Llama 2's count, marked \"with conditions\")\n"
    "  --licence L          any, commercial (as --commercial) or unrestricted\n"
    "                       (commercial use without conditions)\n"
    "  --gpu NAME           the model must fit on this GPU of gpus.csv (l40s, \"A100 80GB SXM\"):\n"
    "                       one sequence of the context, weights + KV cache + runtime, 90% of\n"
    "                       its memory usable (as size); a model that cannot be sized does not qualify\n"
    "  --gpus N             on up to N of them (1-8, default 1; tensor parallel where the heads divide)\n"
    "  --quant Q            at this precision (default release: as the publisher releases it, fp16\n"
    "                       where its row states none; fp8, int4, q4_k_m, ...)\n"
    "  --tokens N           expected monthly token volume (750M, 1.25B), for the record\n"
    "  --rules FILE         your organisation's rules instead of data/rules.json\n"
    "  --limit N            candidates to list (default 10, 0 = all)\n"
    "  --scale S            raw or percentile: each metric in the quality as metric/100 or as\n"
    "                       its percentile among the rows measured on it (as `table --scale`;\n"
    "                       default: the data set's, percentile for the current catalogue)\n"
    "  --missing M          zero or skip: a metric a model lacks counts as 0 in its quality,\n"
    "                       or is left out (as `table --missing`; default: the data set's,\n"
    "                       skip for the current catalogue)\n"
    "  --format FMT         text (default), json, md (a report), csv (the candidates)\n"
    "\n"
    "Candidates: open weights, context length >= N (unknown lengths do not qualify),\n"
    "ranked as metrics.json's candidate_ranking says: the current catalogue by the\n"
    "budget (high: by quality; medium: by value among those at least as good as the\n"
    "median of the leading group, then the rest; low: the same above its lower\n"
    "quartile), the seed by value. Value = task-weighted quality / relative cost;\n"
    "cost unknown: n/a, last when ranked by value. The list names its parts where they\n"
    "begin (the card names the language, the task's heaviest metric measured, the budget's\n"
    "quality bar). Quality: each metric as its percentile among the rows measured on it\n"
    "(the current catalogue; the seed: metric/100).\n"
    "Task weights: the data set's task profiles (metrics.json \"task_profiles\"; the current\n"
    "catalogue: code LiveCodeBench 3, SWE-bench Verified 3, arena 2, HumanEval 1; math\n"
    "AIME 2025 3, AIME 2024 2, MATH-500 1, arena 1; support arena 3, IFEval 2; otherwise\n"
    "arena 3 and one each for MMLU-Pro, GPQA Diamond, LiveCodeBench, IFEval, AIME 2025).\n"
    "The answer prints the ones used.\n";

enum {
    OPT_CONTEXT = CLI_OPT_FIRST_FREE, OPT_BUDGET, OPT_TASK, OPT_LANGUAGE, OPT_LATENCY,
    OPT_FINETUNE, OPT_COMMERCIAL, OPT_LICENCE, OPT_TOKENS, OPT_LIMIT, OPT_SCALE, OPT_MISSING,
    OPT_GPU, OPT_GPUS, OPT_QUANT
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
    {"scale", required_argument, 0, OPT_SCALE},
    {"missing", required_argument, 0, OPT_MISSING},
    {"gpu", required_argument, 0, OPT_GPU},
    {"gpus", required_argument, 0, OPT_GPUS},
    {"quant", required_argument, 0, OPT_QUANT},
    {"rules", required_argument, 0, CLI_OPT_RULES},
    CLI_COMMON_OPTIONS,
    {0, 0, 0, 0}
};

/* The flags given, applied over the rules file's defaults once it is read. */
typedef struct {
    const char *context, *budget, *task, *language, *tokens, *rules;
    const char *gpu, *quant; /* the hardware the model must fit on, and at what precision */
    long gpus;
    int latency, finetune, licence_set;
    ld_licence licence;
    long limit;
    int scale; /* -1: the data set's; 0 raw, 1 percentile */
    int missing; /* -1: metrics.json's "missing"; else an ld_missing */
} flags;

/* ---- flags ----------------------------------------------------------------- */

static int parse_flags(int argc, char **argv, cli_common *com, flags *f)
{
    int opt;
    optind = 1;
    while ((opt = cli_next_option(CMD, argc, argv, LONGOPTS, com)) >= 0) {
        switch (opt) {
        case OPT_CONTEXT: f->context = optarg; break;
        case OPT_BUDGET: f->budget = optarg; break;
        case OPT_TASK: f->task = optarg; break;
        case OPT_LANGUAGE: f->language = optarg; break;
        case OPT_LATENCY: f->latency = 1; break;
        case OPT_FINETUNE: f->finetune = 1; break;
        case OPT_TOKENS: f->tokens = optarg; break;
        case CLI_OPT_RULES: f->rules = optarg; break;
        case OPT_GPU: f->gpu = optarg; break;
        case OPT_QUANT: f->quant = optarg; break;
        case OPT_GPUS:
            if (units_parse_long(optarg, 1, 8, &f->gpus) != 0)
                return cli_usage_error(CMD, "--gpus: expected a whole number from 1 to 8, got '%s'", optarg);
            break;
        case OPT_COMMERCIAL:
            f->licence_set = 1;
            f->licence = LD_LICENCE_COMMERCIAL;
            break;
        case OPT_LICENCE: {
            int k = -1;
            for (int i = 0; i < 3; i++)
                if (strcmp(optarg, report_licence_name((ld_licence)i)) == 0) k = i;
            if (k < 0)
                return cli_usage_error(CMD, "--licence: expected any, commercial or "
                                            "unrestricted, got '%s'", optarg);
            f->licence_set = 1;
            f->licence = (ld_licence)k;
            break;
        }
        case OPT_SCALE:
            if (cli_parse_scale(CMD, optarg, &f->scale) != 0) return 2;
            break;
        case OPT_MISSING:
            if (cli_parse_missing(CMD, optarg, &f->missing) != 0) return 2;
            break;
        case OPT_LIMIT:
            if (units_parse_long(optarg, 0, 1000000, &f->limit) != 0)
                return cli_usage_error(CMD, "--limit: expected a whole number from 0 to "
                                            "1000000, got '%s'", optarg);
            break;
        }
    }
    if (opt == -2) return 2;
    if (!f->gpu && (f->gpus || f->quant))
        return cli_usage_error(CMD, "%s needs --gpu (the GPU the model must fit on)", f->gpus ? "--gpus" : "--quant");
    double bits;
    if (f->quant && !memfit_is_release(f->quant) && sizing_quant_bits(f->quant, &bits) != 0)
        return cli_usage_error(CMD, "--quant: unknown quantization '%s' (release, fp16, fp8, int4, q4_k_m, ...)",
                               f->quant);
    return 0;
}

/* --gpu: which catalogue rows fit on the hardware asked, one sequence of
 * the context at the precision asked (hardware_requirement, as the
 * wizard's GPUs step).  Returns 0, 2 (an unknown GPU, said) or 1 (out of
 * memory). */
static int hardware_requirement_of(const flags *f, const ld_dataset *ds, ld_requirements *req, signed char **fits)
{
    *fits = NULL;
    if (!f->gpu) return 0;
    ld_hardware hw = {0};
    hw.gpu = ds->gpus ? hosting_gpu_find(ds->gpus, f->gpu) : NULL;
    if (!hw.gpu)
        return cli_usage_error(CMD, "--gpu: unknown GPU '%s' (see data/gpus.csv: A10, A100 40GB, A100 80GB SXM, "
                                    "H100 SXM, L4, L40S, RTX 4090, ...)", f->gpu);
    char which[400], note[1024], safe[2048];
    if (hosting_gpu_candidates(ds->gpus, f->gpu, which, sizeof which) > 1) { /* said, as the first listed is used */
        snprintf(note, sizeof note, "note: --gpu %.100s could be %s; %s is used (name it whole for another)", f->gpu,
                 which, hw.gpu->name);
        fprintf(stderr, "llmdeck %s: %s\n", CMD, output_sanitize(note, safe, sizeof safe));
    }
    hw.cards = f->gpus > 0 ? (int)f->gpus : 1;
    snprintf(hw.quant, sizeof hw.quant, "%s", f->quant ? f->quant : "release");
    return hardware_requirement(ds->models, &hw, req, fits) != 0;
}

/* Applies the flags over the defaults, validating each. */
static int apply_flags(const flags *f, ld_requirements *q)
{
    double v;
    if (f->context) {
        if (cli_parse_count(CMD, "--context", f->context, 1, 1e8, &v) != 0) return 2;
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
    f.scale = -1;
    f.missing = -1;
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
    /* the candidates' qualities read the catalogue's scale (rules_rank) */
    if (f.scale >= 0 && score_set_percentile_scale(ds.models, f.scale) != 0) {
        error_set(&err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
        dataset_close(&ds);
        return cli_report_cmd(CMD, &err);
    }
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
    ld_task_profiles profiles;
    signed char *fits = NULL;
    size_t mlen = 0;
    const char *mtext = dataset_file(&ds, "metrics.json", &mlen, NULL);
    if (rules_profiles_parse(mtext, mlen, "metrics.json", &profiles, &err) != 0) {
        rc = cli_report(&err);
        goto done;
    }
    if (f.missing >= 0) profiles.skip_missing = f.missing == LD_MISSING_SKIP; /* as `table --missing` */
    if (!text || rules_load(text, len, origin, &rules, &err) != 0) {
        rc = cli_report(&err);
        goto done;
    }
    rules_requirements_defaults(rules, &req);
    if ((rc = apply_flags(&f, &req)) != 0) goto done;
    if ((rc = hardware_requirement_of(&f, &ds, &req, &fits)) != 0) {
        if (rc == 1) {
            error_set(&err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
            rc = cli_report(&err);
        }
        goto done;
    }
    if (rules_recommend(rules, &req, &rec) < 0 ||
        rules_candidates_in(ds.models, &req, &profiles, &cands, &err) != 0) {
        error_set(&err, LD_ERR_NOMEM, NULL, 0, 0, "out of memory");
        rc = cli_report(&err);
        goto done;
    }
    /* a task no profile knows ranks by the default profile: say so, or a
     * typo ("cod") reads as a code answer */
    if (f.task && cands.profile && profiles.n && cands.profile == &profiles.v[profiles.n - 1] &&
        !strcasestr(f.task, cands.profile->name)) {
        char names[256] = "";
        for (size_t i = 0; i + 1 < profiles.n; i++)
            snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", i ? ", " : "", profiles.v[i].name);
        char safe[256];
        fprintf(stderr, "llmdeck recommend: note: --task '%s' is none of %s (metrics.json task_profiles): ranked by "
                        "the %s profile\n", output_sanitize(f.task, safe, sizeof safe), names, cands.profile->name);
    }
    rules_resolve(&rec, ds.models);
    ld_report a;
    report_init(&a, ds.models, &req, &rec, &cands, (size_t)f.limit);
    ld_data_horizon horizon;
    dataset_horizon(&ds, &horizon);
    a.horizon = &horizon;
    switch (com.format) {
    case LD_FMT_JSON: report_recommendation_json(stdout, &a); break;
    case LD_FMT_CSV: report_recommendation_csv(stdout, &a); break;
    case LD_FMT_MD: report_recommendation_md(stdout, &a); break;
    default: report_recommendation_text(stdout, &a); break;
    }
    if (fflush(stdout) != 0) {
        error_set(&err, LD_ERR_IO, "stdout", 0, 0, "%s", strerror(errno));
        rc = cli_report(&err);
    }
done:
    free(fits);
    rules_candidates_free(&cands);
    rules_profiles_free(&profiles);
    rules_recommendation_free(&rec);
    rules_free(rules);
    free(owned);
    dataset_close(&ds);
    return rc;
}
