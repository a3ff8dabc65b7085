/* cmd_cost.c - `llmdeck cost`: API versus self-hosting at a monthly volume,
 * with replicas, break-even, advice and the seed's bands; `--sweep` prints
 * both costs over 1M..100B tokens for plotting. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "llmdeck/suggest.h"
#include "llmdeck/cost.h"
#include "llmdeck/hosting.h"
#include "llmdeck/report.h"
#include "llmdeck/report_cost.h"
#include "llmdeck/scenario.h"
#include "llmdeck/sizing.h"
#include "llmdeck/units.h"

#define CMD "cost"
#define SEED_OFFER "seed-gpt-3.5-turbo"
#define SEED_PRESET "7B"

static const char USAGE[] =
    "usage: llmdeck cost [--tokens N] [--input-share F]\n"
    "                    [--api NAME | --api-price USD_PER_1K [--api-price-out USD_PER_1K]]\n"
    "                    [--selfhost-monthly USD | --preset 7B|13B|70B |\n"
    "                     --model NAME [--quant Q] [--gpu NAME | --gpu-class C] [--context N] [--batch N]]\n"
    "                    [--capacity] [--utilization F] [--throughput TOKENS_PER_S]\n"
    "                    [--ops-monthly USD] [--sweep]\n"
    "                    [--dataset current|seed] [--data DIR] [--load FILE]... [--format text|csv|json|md]\n"
    "\n"
    "Compares the monthly cost of an API with self-hosting, the break-even volume and\n"
    "the advice (api, selfhost, or close within 10%), beside the 2023 article's rule of thumb.\n"
    "\n"
    "  --tokens N            tokens per month (750M, 1.25B, 1e9; default 1B)\n"
    "  --input-share F       share of input tokens (default 0.75)\n"
    "  --api NAME            an API offer from hosting.json or a --load'ed LiteLLM file\n"
    "                        (default seed-gpt-3.5-turbo, $0.002 per 1K)\n"
    "  --api-price P         API price in USD per 1K tokens (input, or both); a unit\n"
    "                        suffix says otherwise: 0.5/M (per 1M), 0.002/K (per 1K)\n"
    "  --api-price-out P     API price of output tokens, same forms\n"
    "  --selfhost-monthly U  self-hosting cost per replica, USD per month\n"
    "  --preset P            the 2023 article's 7B, 13B or 70B row (default 7B: $1,500, 50 tokens/s)\n"
    "  --model NAME          size the model (see llmdeck size) and price its GPUs:\n"
    "                        GPUs × hourly price × 730 h.  --quant defaults to auto\n"
    "                        (the model's release precision when the catalogue states\n"
    "                        one and it fits on a priced GPU, else fp16 when it fits,\n"
    "                        else int4; release: the release precision), --batch to\n"
    "                        auto (as many sequences as fit, at most 16)\n"
    "  --gpu-class C         with --model and no --gpu: the GPUs the choice compares,\n"
    "                        datacenter (default), workstation, consumer or any\n"
    "  --capacity            replicas from throughput (default: the article's one replica\n"
    "                        with unlimited tokens)\n"
    "  --utilization F       capacity mode: average busy share (default 0.5)\n"
    "  --throughput T        one replica's tokens/s, input and output together, as measured\n"
    "                        (overrides the preset's rate or the sizing's prefill and decode rates)\n"
    "  --ops-monthly U       fixed operations cost per month (default 0)\n"
    "  --cached-share F      share of the input tokens read from the provider's cache,\n"
    "                        at its cache-read price (LiteLLM offers list it)\n"
    "  --batch-share F       share of all tokens sent through the batch API, at its price\n"
    "  --energy-price P      USD per kWh: adds board power × PUE × 730 h per replica\n"
    "  --pue F               data-centre overhead on the energy (default 1.0)\n"
    "  --request-tokens IN,OUT  a request's size: prints the cost per request too and sets\n"
    "                        the input share (IN / (IN + OUT)); with --model each batched\n"
    "                        sequence holds one such request (more fit than at the whole\n"
    "                        --context, which must still fit once)\n"
    "  --sweep               costs from 1M to 100B tokens/month (1-2-5 steps)\n"
    "  --load FILE           LiteLLM model_prices_and_context_window.json: more --api names\n";

enum {
    OPT_TOKENS = CLI_OPT_FIRST_FREE, OPT_SHARE, OPT_API, OPT_PRICE, OPT_PRICE_OUT, OPT_MONTHLY,
    OPT_PRESET, OPT_MODEL, OPT_QUANT, OPT_GPU, OPT_CONTEXT, OPT_BATCH, OPT_CAPACITY, OPT_UTIL,
    OPT_TPS, OPT_OPS, OPT_SWEEP, OPT_CACHED, OPT_BATCHSH, OPT_ENERGY, OPT_PUE, OPT_REQ, OPT_CLASS
};

static const struct option LONGOPTS[] = {
    {"tokens", required_argument, 0, OPT_TOKENS},
    {"input-share", required_argument, 0, OPT_SHARE},
    {"api", required_argument, 0, OPT_API},
    {"api-price", required_argument, 0, OPT_PRICE},
    {"api-price-out", required_argument, 0, OPT_PRICE_OUT},
    {"selfhost-monthly", required_argument, 0, OPT_MONTHLY},
    {"preset", required_argument, 0, OPT_PRESET},
    {"model", required_argument, 0, OPT_MODEL},
    {"quant", required_argument, 0, OPT_QUANT},
    {"gpu", required_argument, 0, OPT_GPU},
    {"gpu-class", required_argument, 0, OPT_CLASS},
    {"context", required_argument, 0, OPT_CONTEXT},
    {"batch", required_argument, 0, OPT_BATCH},
    {"capacity", no_argument, 0, OPT_CAPACITY},
    {"utilization", required_argument, 0, OPT_UTIL},
    {"utilisation", required_argument, 0, OPT_UTIL},
    {"throughput", required_argument, 0, OPT_TPS},
    {"ops-monthly", required_argument, 0, OPT_OPS},
    {"sweep", no_argument, 0, OPT_SWEEP},
    {"cached-share", required_argument, 0, OPT_CACHED},
    {"batch-share", required_argument, 0, OPT_BATCHSH},
    {"energy-price", required_argument, 0, OPT_ENERGY},
    {"pue", required_argument, 0, OPT_PUE},
    {"request-tokens", required_argument, 0, OPT_REQ},
    CLI_COMMON_OPTIONS,
    {0, 0, 0, 0}
};

typedef struct {
    const char *tokens, *share, *api, *price, *price_out, *monthly, *preset, *model, *quant,
        *gpu, *context, *batch, *util, *tps, *ops, *cached, *batchsh, *energy, *pue, *req, *gclass;
    int capacity, sweep;
} flags;

static int parse_flags(int argc, char **argv, cli_common *com, flags *f)
{
    int opt;
    optind = 1;
    while ((opt = cli_next_option(CMD, argc, argv, LONGOPTS, com)) >= 0) {
        switch (opt) {
        case OPT_TOKENS: f->tokens = optarg; break;
        case OPT_SHARE: f->share = optarg; break;
        case OPT_API: f->api = optarg; break;
        case OPT_PRICE: f->price = optarg; break;
        case OPT_PRICE_OUT: f->price_out = optarg; break;
        case OPT_MONTHLY: f->monthly = optarg; break;
        case OPT_PRESET: f->preset = optarg; break;
        case OPT_MODEL: f->model = optarg; break;
        case OPT_QUANT: f->quant = optarg; break;
        case OPT_GPU: f->gpu = optarg; break;
        case OPT_CLASS: f->gclass = optarg; break;
        case OPT_CONTEXT: f->context = optarg; break;
        case OPT_BATCH: f->batch = optarg; break;
        case OPT_CAPACITY: f->capacity = 1; break;
        case OPT_UTIL: f->util = optarg; break;
        case OPT_TPS: f->tps = optarg; break;
        case OPT_OPS: f->ops = optarg; break;
        case OPT_SWEEP: f->sweep = 1; break;
        case OPT_CACHED: f->cached = optarg; break;
        case OPT_BATCHSH: f->batchsh = optarg; break;
        case OPT_ENERGY: f->energy = optarg; break;
        case OPT_PUE: f->pue = optarg; break;
        case OPT_REQ: f->req = optarg; break;
        }
    }
    if (opt == -2) return 2;
    return 0;
}

/* A number > 0 for `flag` (prices, costs, throughput). */
static int positive(const char *flag, const char *arg, double *out)
{
    if (cli_parse_count(CMD, flag, arg, -1e300, 1e300, out) != 0) return 2;
    if (!(*out > 0)) return cli_usage_error(CMD, "%s: must be > 0, got '%s'", flag, arg);
    if (*out > 1e18) return cli_usage_error(CMD, "%s: %s is absurdly large (at most 1e18)", flag, arg);
    return 0;
}

/* A price flag: per 1K tokens unless a unit says otherwise ("0.5/M",
 * "0.002/K"); a bare figure above $0.1 per 1K ($100 per 1M, dearer than
 * any listed API) is most likely a per-1M price typed without its unit. */
static int price_flag(const char *flag, const char *arg, double *out)
{
    int unit = 0;
    if (units_parse_price(arg, 1000, out, &unit) != 0)
        return cli_usage_error(CMD, "%s: expected a price like 0.002 (per 1K), 0.002/K or 0.5/M, got '%s'", flag, arg);
    if (!(*out > 0)) return cli_usage_error(CMD, "%s: must be > 0, got '%s'", flag, arg);
    if (*out > 1e18) return cli_usage_error(CMD, "%s: %s is absurdly large", flag, arg);
    if (!unit && *out > 0.1) {
        char safe[256];
        fprintf(stderr, "llmdeck cost: warning: %s %s means $%s per 1K tokens ($%g per 1M); did you mean "
                        "per 1M? Then write %s/M\n", flag, output_sanitize(arg, safe, sizeof safe),
                safe, *out * 1000, safe);
    }
    return 0;
}

/* A fraction in (0, 1] (or [0, 1] when zero_ok). */
static int fraction(const char *flag, const char *arg, int zero_ok, double *out)
{
    if (cli_parse_count(CMD, flag, arg, -1e18, 1e18, out) != 0) return 2;
    if (*out > 1 || *out < 0 || (!zero_ok && *out == 0))
        return cli_usage_error(CMD, "%s: expected a fraction %s 0 and <= 1 (like 0.5), got '%s'", flag,
                               zero_ok ? ">=" : ">", arg);
    return 0;
}

/* Checks every flag's value and combination before any data is read. */
static int check_flags(const flags *f, ld_cost_input *in, double *price, double *price_out,
                       double *monthly, double *tps, double *ops, double *ctx, double *batch)
{
    int rc;
    if (f->tokens && cli_parse_count(CMD, "--tokens", f->tokens, 0, 1e18, &in->tokens_per_month) != 0)
        return 2;
    if (f->share && (rc = fraction("--input-share", f->share, 1, &in->input_share))) return rc;
    if (f->api && (f->price || f->price_out))
        return cli_usage_error(CMD, "--api and --api-price exclude each other");
    if (f->price_out && !f->price)
        return cli_usage_error(CMD, "--api-price-out needs --api-price (the input price)");
    if (f->price && (rc = price_flag("--api-price", f->price, price))) return rc;
    if (f->price_out && (rc = price_flag("--api-price-out", f->price_out, price_out))) return rc;
    if ((f->monthly != NULL) + (f->preset != NULL) + (f->model != NULL) > 1)
        return cli_usage_error(CMD, "--selfhost-monthly, --preset and --model exclude each other");
    if (!f->model && (f->quant || f->gpu || f->gclass || f->context || f->batch))
        return cli_usage_error(CMD, "%s needs --model", f->quant ? "--quant" : f->gpu ? "--gpu"
                                                        : f->gclass ? "--gpu-class"
                                                        : f->context ? "--context" : "--batch");
    if (f->gpu && f->gclass)
        return cli_usage_error(CMD, "--gpu and --gpu-class exclude each other (--gpu names the GPU)");
    const char *gclass;
    if (f->gclass && (rc = cli_parse_gpu_class(CMD, f->gclass, &gclass)) != 0) return rc;
    if (f->monthly && (rc = positive("--selfhost-monthly", f->monthly, monthly))) return rc;
    if (f->quant && strcasecmp(f->quant, "auto") != 0 && strcasecmp(f->quant, SCENARIO_QUANT_RELEASE) != 0 &&
        !sizing_quant_find(f->quant))
        return cli_usage_error(CMD, "--quant: unknown quantization '%s' (fp16, bf16, int8, int4, mxfp4, "
                                    "q8_0, q4_k_m, release, auto, ...)", f->quant);
    if (f->context) {
        if (cli_parse_count(CMD, "--context", f->context, 1, 1e8, ctx) != 0) return 2;
        if (*ctx != floor(*ctx)) return cli_usage_error(CMD, "--context: expected a whole number");
    }
    if (f->batch && strcasecmp(f->batch, "auto") != 0) {
        if (cli_parse_count(CMD, "--batch", f->batch, 1, 1e6, batch) != 0) return 2;
        if (*batch != floor(*batch)) return cli_usage_error(CMD, "--batch: expected a whole number");
    }
    if (f->util && (rc = fraction("--utilization", f->util, 0, &in->utilization))) return rc;
    if (f->util && !f->capacity) return cli_usage_error(CMD, "--utilization needs --capacity");
    if (f->tps && (rc = positive("--throughput", f->tps, tps))) return rc;
    if (f->ops) {
        if (cli_parse_count(CMD, "--ops-monthly", f->ops, 0, 1e15, ops) != 0) return 2;
    }
    if (f->cached && (rc = fraction("--cached-share", f->cached, 1, &in->cached_share))) return rc;
    if (f->batchsh && (rc = fraction("--batch-share", f->batchsh, 1, &in->batch_share))) return rc;
    if (f->energy) {
        const char *e = f->energy[0] == '$' ? f->energy + 1 : f->energy;
        if (units_parse_count(e, &in->energy_usd_per_kwh) != 0 || !(in->energy_usd_per_kwh > 0) ||
            in->energy_usd_per_kwh > 100)
            return cli_usage_error(CMD, "--energy-price: expected USD per kWh above 0 (like 0.15), got '%s'", f->energy);
    }
    if (f->pue && (cli_parse_count(CMD, "--pue", f->pue, 1, 5, &in->pue) != 0)) return 2;
    if (f->pue && !f->energy) return cli_usage_error(CMD, "--pue needs --energy-price");
    if (f->req) {
        char buf[128];
        snprintf(buf, sizeof buf, "%s", f->req);
        char *comma = strchr(buf, ',');
        if (comma) *comma = '\0';
        if (!comma || units_parse_count(buf, &in->request_in) != 0 || units_parse_count(comma + 1, &in->request_out) != 0 ||
            !(in->request_in >= 0 && in->request_out >= 0 && in->request_in + in->request_out > 0 &&
              in->request_in <= 1e8 && in->request_out <= 1e8))
            return cli_usage_error(CMD, "--request-tokens: expected IN,OUT token counts like 2000,500, got '%s'", f->req);
        /* a sized model serves requests within its context: a longer one cannot be served at all */
        double context = *ctx > 0 ? *ctx : SIZING_DEFAULT_CONTEXT;
        if (f->model && in->request_in + in->request_out > context)
            return cli_usage_error(CMD, "--request-tokens: a request of %.0f tokens (%s) is longer than the "
                                        "%.0f-token context%s; raise --context",
                                   in->request_in + in->request_out, f->req, context, *ctx > 0 ? "" : " (the default)");
        /* the month's tokens are made of such requests: their split is the
         * volume's, or the month would be priced at one share and the
         * request at another (100,900 is 10% input, not the default 75%) */
        double req_share = in->request_in / (in->request_in + in->request_out);
        if (!f->share) in->input_share = req_share;
        else if (fabs(in->input_share - req_share) > 0.005 && /* (the cost view's split rounds to a token) */
                 fabs(in->request_in - (in->request_in + in->request_out) * in->input_share) > 1)
            return cli_usage_error(CMD, "--input-share %g and --request-tokens %s (%.1f%% input) disagree: the "
                                        "month is made of such requests; give one of them",
                                   in->input_share, f->req, req_share * 100);
    }
    return 0;
}

int cmd_cost(int argc, char **argv)
{
    cli_common com = {0};
    flags f = {0};
    int rc = parse_flags(argc, argv, &com, &f);
    if (rc) return rc;
    if (com.help) {
        fputs(USAGE, stdout);
        return 0;
    }
    if ((rc = cli_no_positionals(CMD, argc, argv)) != 0) return rc;
    ld_cost_input in, flagged;
    long row = -1; /* --model's catalogue row */
    cost_defaults(&flagged);
    double price = NAN, price_out = NAN, monthly = NAN, tps = NAN, ops = NAN, ctx = 0, batch = 0;
    if ((rc = check_flags(&f, &flagged, &price, &price_out, &monthly, &tps, &ops, &ctx, &batch)))
        return rc;

    ld_dataset ds;
    memset(&ds, 0, sizeof ds);
    if ((rc = cli_open_dataset(&com, &ds)) != 0) return rc;
    ld_error err;
    error_clear(&err);
    const ld_hosting *h;
    const ld_gpu_list *gpus;
    if (dataset_hosting(&ds, &h, &gpus, &err) != 0) {
        rc = cli_report(&err);
        dataset_close(&ds);
        return rc;
    }
    cost_defaults(&in);
    cost_apply_hosting(&in, h);
    in.tokens_per_month = f.tokens ? flagged.tokens_per_month : in.tokens_per_month;
    if (f.share || f.req) in.input_share = flagged.input_share; /* --request-tokens sets it too */
    if (f.util) in.utilization = flagged.utilization;
    if (f.ops) in.ops_monthly_usd = ops;
    in.cached_share = flagged.cached_share;
    in.batch_share = flagged.batch_share;
    in.energy_usd_per_kwh = flagged.energy_usd_per_kwh;
    in.pue = flagged.pue;
    in.request_in = flagged.request_in;
    in.request_out = flagged.request_out;
    in.mode = f.capacity ? LD_COST_CAPACITY : LD_COST_SEED;

    /* The API side. */
    char api_label[192], sh_label[256], choice[1024];
    static ld_scenario sc; /* large; --model's scenario */
    ld_scenario_input sweep_in; /* its input and workload, for --sweep's volumes */
    ld_cost_input sweep_workload;
    memset(&sweep_in, 0, sizeof sweep_in);
    const ld_api_offer *offer = NULL;
    if (f.price) {
        in.api_in_per_1k = price;
        in.api_out_per_1k = f.price_out ? price_out : price;
        snprintf(api_label, sizeof api_label, "--api-price");
    } else {
        const char *name = f.api ? f.api : SEED_OFFER;
        offer = hosting_offer_find(h, name);
        if (!offer) {
            rc = cli_usage_error(CMD, "--api: unknown API offer '%s' (hosting.json has %s, gpt-4o, "
                                      "...; --load a LiteLLM price file for more)", name, SEED_OFFER);
            goto done;
        }
        scenario_set_offer(&in, offer);
        snprintf(api_label, sizeof api_label, "%s", offer->name);
    }
    in.api_label = api_label;

    /* The self-hosting side. */
    if (f.monthly) {
        in.replica_monthly_usd = monthly;
        in.replica_tokens_per_s = NAN;
        snprintf(sh_label, sizeof sh_label, "--selfhost-monthly");
    } else if (f.model) {
        row = catalog_find(ds.models, f.model);
        if (row < 0) {
            char near[600];
            suggest_models(ds.models, f.model, 5, near, sizeof near);
            if (near[0]) rc = cli_usage_error(CMD, "--model: unknown model '%s'; did you mean %s?", f.model, near);
            else rc = cli_usage_error(CMD, "--model: unknown model '%s' (see llmdeck table)", f.model);
            goto done;
        }
        /* the core's scenario: the same call as the TUI's cost view and wizard */
        ld_scenario_input si;
        memset(&si, 0, sizeof si);
        si.cat = ds.models;
        si.row = (size_t)row;
        si.hosting = h;
        si.gpus = gpus;
        if (f.gpu && !(si.gpu = hosting_gpu_find(gpus, f.gpu))) {
            rc = cli_usage_error(CMD, "--gpu: unknown GPU '%s' (see data/gpus.csv)", f.gpu);
            goto done;
        }
        if (f.gclass) cli_parse_gpu_class(CMD, f.gclass, &si.gpu_class); /* checked in check_flags */
        if (ctx > scenario_context_limit(ds.models, (size_t)row)) {
            rc = cli_usage_error(CMD, "--context: %.0f tokens is longer than %s reads (context_length %.0f)", ctx,
                                 f.model, scenario_context_limit(ds.models, (size_t)row));
            goto done;
        }
        si.quant = f.quant;
        si.context = ctx;
        si.batch = batch;
        /* a request's size also sizes the batch: each sequence holds one request */
        si.prompt_tokens = in.request_in;
        si.request_tokens = in.request_in + in.request_out;
        in.selfhost_label = "";
        sweep_in = si;
        sweep_workload = in;
        int src = scenario_compute(&si, &in, &sc, &err);
        if (src < 0) {
            rc = cli_usage_error(CMD, "--%s: %s", err.file, err.msg);
            goto done;
        }
        if (src > 0) {
            rc = cli_usage_error(CMD, "--%s: %s", f.gpu ? "gpu" : "model", sc.note);
            goto done;
        }
        in = sc.cost_in;
        snprintf(sh_label, sizeof sh_label, "%s", sc.selfhost_label);
        snprintf(choice, sizeof choice, "%s", sc.choice);
        in.choice = choice;
    } else {
        const char *name = f.preset ? f.preset : SEED_PRESET;
        const ld_preset *p = hosting_preset_find(h, name);
        if (!p) {
            rc = cli_usage_error(CMD, "--preset: expected 7B, 13B or 70B, got '%s'", name);
            goto done;
        }
        in.replica_monthly_usd = p->monthly_usd;
        in.replica_tokens_per_s = p->tokens_per_s;
        report_cost_preset_label(p, sh_label, sizeof sh_label);
    }
    if (f.tps) { /* a measured rate is the replica's, every token: no sized prefill rate beside it */
        in.replica_tokens_per_s = tps;
        in.replica_prefill_tokens_per_s = NAN;
        in.prefill_prompt_tokens = in.prefill_seconds = 0;
        in.rate_given = 1;
    }
    in.selfhost_label = sh_label;
    if (in.mode == LD_COST_CAPACITY && !(in.replica_tokens_per_s > 0)) {
        rc = cli_usage_error(CMD, "--capacity: needs a replica throughput: use --preset, --model "
                                  "or --throughput");
        goto done;
    }
    ld_cost c;
    if (cost_compute(&in, &c, &err) != 0) {
        rc = cli_usage_error(CMD, "--%s: %s", err.file, err.msg);
        goto done;
    }
    /* the scenario's comparison of GPU types, when its figures are the ones priced here */
    if (row >= 0 && sc.costed && !f.tps && sc.noptions > 1) {
        char mine[48];
        scenario_setup_name(&sc, mine, sizeof mine);
        cost_break_even_over(&in, sc.options, sc.noptions, mine, &c);
    }
    ld_hosted_cost hosted_fig; /* the same model from a provider: the advice and JSON/CSV say it */
    if (row >= 0 && report_hosted_figures(ds.models, (size_t)row, c.tokens_per_month, in.input_share, &hosted_fig) == 0)
        c.hosted_monthly_usd = hosted_fig.monthly_usd;
    if (f.sweep && row >= 0 && sc.costed && !f.tps) { /* each volume on its own GPUs, as cost --tokens V prices it */
        ld_cost_point pts[64];
        size_t np = scenario_sweep(&sweep_in, &sweep_workload, &in, pts, 64);
        report_cost_sweep_points(stdout, &in, &c, pts, np, com.format);
    } else if (f.sweep) {
        report_cost_sweep(stdout, &in, &c, com.format);
    }
    else report_cost_write(stdout, &in, &c, offer, com.format);
    /* the comparison a sceptic asks for next: the same model from a provider */
    char hosted[400];
    if (row >= 0 && !f.sweep && (com.format == LD_FMT_TEXT || com.format == LD_FMT_MD) &&
        report_hosted_cost_vs(ds.models, (size_t)row, &c, in.input_share, hosted, sizeof hosted) == 0) {
        char safe[800];
        printf("\nAlso: %s.\n", output_sanitize(hosted, safe, sizeof safe));
    }
    if (fflush(stdout) != 0) {
        error_set(&err, LD_ERR_IO, "stdout", 0, 0, "%s", strerror(errno));
        rc = cli_report(&err);
    }
done:
    dataset_close(&ds);
    return rc;
}
