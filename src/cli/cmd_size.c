/* cmd_size.c - `llmdeck size`: memory a model needs (weights, KV cache,
 * overhead), the GPUs it fits on, and how fast it decodes, with the basis
 * of every figure.  `--preset` prints the seed's self-hosting row. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "llmdeck/suggest.h"
#include "llmdeck/hosting.h"
#include "llmdeck/scenario.h"
#include "llmdeck/sizing.h"
#include "llmdeck/units.h"

#define CMD "size"

static const char USAGE[] =
    "usage: llmdeck size (--model NAME | --params B) [--quant Q] [--context N] [--batch N]\n"
    "                    [--kv-quant Q] [--gpu NAME] [--gpus N] [--request-tokens IN,OUT]\n"
    "                    [--efficiency F]\n"
    "                    [--dataset current|seed] [--data DIR] [--load FILE]... [--format text|csv|json|md]\n"
    "       llmdeck size --preset 7B|13B|70B [--format ...]\n"
    "\n"
    "Sizes a model for inference: weights + KV cache + overhead (decimal GB), the\n"
    "number of GPUs (1, 2, 4 or 8) that holds it at 90% memory use, decode speed\n"
    "(memory-bandwidth ceiling and estimate) and batched throughput.\n"
    "\n"
    "  --model NAME     a catalogue model or alias (architecture from models.csv)\n"
    "  --params B       parameters in billions (7, 46.7; at most 10000) or as a count\n"
    "                   (7B, 6.7e9: from 1e6; between, refused as ambiguous);\n"
    "                   without an architecture the KV cache is unknown\n"
    "  --quant Q        fp32 fp16 bf16 fp8 int8 int4 (awq, gptq) mxfp4 nvfp4 q8_0 q6_k\n"
    "                   q5_k_m q5_0 q4_k_m q4_k_s q4_0 q3_k_l q3_k_m q3_k_s q2_k (default\n"
    "                   fp16); with --model also release (the precision its checkpoint\n"
    "                   is published in, e.g. gpt-oss's mxfp4 experts beside bf16) and\n"
    "                   auto (release when it fits, else fp16, else int4: as `cost`)\n"
    "  --context N      tokens per sequence (default 4096; 32k is 32,000: 32768 for 2^15)\n"
    "  --batch N        concurrent sequences (default 1)\n"
    "  --kv-quant Q     KV-cache type: fp16 (default), bf16, fp8, int8, q8_0, q4_0, fp32\n"
    "  --gpu NAME       GPU from gpus.csv (\"A100 80GB SXM\", a100-80gb, h100);\n"
    "                   default: the cheapest priced GPU type and count that fits\n"
    "  --gpu-class C    GPUs the cheapest fit may use: datacenter (default), workstation,\n"
    "                   consumer or any\n"
    "  --gpus N         split over N GPUs (tensor parallel): N must divide the attention\n"
    "                   heads, and the KV heads or be a multiple of them (each then kept\n"
    "                   on several GPUs; else exit 2 naming the counts that do); default:\n"
    "                   the smallest of 1, 2, 4, 8 that holds the model\n"
    "  --request-tokens IN,OUT  a request's prompt and answer length: the prompt sets\n"
    "                   the time to first token; each of the batch's sequences holds\n"
    "                   IN + OUT tokens of KV cache (the whole context must still fit\n"
    "                   once); default: every sequence holds the context\n"
    "  --efficiency F   share of the bandwidth ceiling reached (default 0.6)\n"
    "  --preset P       print the 2023 article's self-hosting row for 7B, 13B or 70B\n"
    "  --format FMT     text (default, with the basis), csv, json, md\n";

enum {
    OPT_MODEL = CLI_OPT_FIRST_FREE, OPT_PARAMS, OPT_QUANT, OPT_CONTEXT, OPT_BATCH, OPT_KVQ,
    OPT_GPU, OPT_PRESET, OPT_EFF, OPT_GPUS, OPT_REQ, OPT_CLASS
};

static const struct option LONGOPTS[] = {
    {"model", required_argument, 0, OPT_MODEL},
    {"params", required_argument, 0, OPT_PARAMS},
    {"quant", required_argument, 0, OPT_QUANT},
    {"context", required_argument, 0, OPT_CONTEXT},
    {"batch", required_argument, 0, OPT_BATCH},
    {"kv-quant", required_argument, 0, OPT_KVQ},
    {"gpu", required_argument, 0, OPT_GPU},
    {"preset", required_argument, 0, OPT_PRESET},
    {"efficiency", required_argument, 0, OPT_EFF},
    {"gpus", required_argument, 0, OPT_GPUS},
    {"request-tokens", required_argument, 0, OPT_REQ},
    {"gpu-class", required_argument, 0, OPT_CLASS},
    CLI_COMMON_OPTIONS,
    {0, 0, 0, 0}
};

typedef struct {
    const char *model, *params, *quant, *context, *batch, *kvq, *gpu, *preset, *eff, *gpus, *req, *gclass;
} flags;

static int parse_flags(int argc, char **argv, cli_common *com, flags *f)
{
    int opt;
    optind = 1;
    while ((opt = cli_next_option(CMD, argc, argv, LONGOPTS, com)) >= 0) {
        switch (opt) {
        case OPT_MODEL: f->model = optarg; break;
        case OPT_PARAMS: f->params = optarg; break;
        case OPT_QUANT: f->quant = optarg; break;
        case OPT_CONTEXT: f->context = optarg; break;
        case OPT_BATCH: f->batch = optarg; break;
        case OPT_KVQ: f->kvq = optarg; break;
        case OPT_GPU: f->gpu = optarg; break;
        case OPT_PRESET: f->preset = optarg; break;
        case OPT_EFF: f->eff = optarg; break;
        case OPT_GPUS: f->gpus = optarg; break;
        case OPT_REQ: f->req = optarg; break;
        case OPT_CLASS: f->gclass = optarg; break;
        }
    }
    if (opt == -2) return 2;
    return 0;
}

/* ---- writers ------------------------------------------------------------------ */

static const char *san(const char *s, char *buf, size_t n)
{
    return output_sanitize(s ? s : "", buf, n);
}

/* decimals < 0: as many digits as the value has (6.5625 bits). */
static void json_num(FILE *out, double v, int decimals)
{
    if (!isfinite(v)) fputs("null", out);
    else if (decimals < 0) fprintf(out, "%.10g", v);
    else fprintf(out, "%.*f", decimals, v);
}

static void write_preset(FILE *out, const ld_preset *p, ld_format fmt)
{
    char usd[32], b[512];
    units_format_usd(p->monthly_usd, usd, sizeof usd);
    switch (fmt) {
    case LD_FMT_JSON: {
        fputs("{\n  \"preset\": ", out);
        output_json_string(out, p->name);
        fputs(",\n  \"gpu\": ", out);
        output_json_string(out, p->gpu);
        fprintf(out, ",\n  \"memory_required_gb\": %g,\n  \"estimated_monthly_cost_azure\": %g,\n"
                     "  \"throughput_tokens_per_sec\": %g,\n  \"quantization_options\": [",
                p->memory_required_gb, p->monthly_usd, p->tokens_per_s);
        /* stored joined with ", " */
        const char *s = p->quantization;
        for (int first = 1; *s; first = 0) {
            const char *e = strstr(s, ", ");
            size_t n = e ? (size_t)(e - s) : strlen(s);
            char item[128];
            snprintf(item, sizeof item, "%.*s", (int)n, s);
            if (!first) fputs(", ", out);
            output_json_string(out, item);
            s += n + (e ? 2 : 0);
        }
        fputs("],\n  \"source\": \"the 2023 article, calculate_infrastructure_requirements()\"\n}\n", out);
        break;
    }
    case LD_FMT_CSV:
        fputs("preset,gpu,memory_required_gb,estimated_monthly_cost_azure,"
              "throughput_tokens_per_sec,quantization_options\n", out);
        output_csv_field(out, p->name);
        fputc(',', out);
        output_csv_field(out, p->gpu);
        fprintf(out, ",%g,%g,%g,", p->memory_required_gb, p->monthly_usd, p->tokens_per_s);
        output_csv_field(out, p->quantization);
        fputc('\n', out);
        break;
    case LD_FMT_MD:
        fprintf(out, "## Preset %s (the 2023 article)\n\n| field | value |\n|---|---|\n| gpu | ", san(p->name, b, sizeof b));
        output_md_cell(out, p->gpu);
        fprintf(out, " |\n| memory required | %g GB |\n| estimated monthly cost (Azure) | %s |\n"
                     "| throughput | %g tokens/s |\n| quantization options | ",
                p->memory_required_gb, usd, p->tokens_per_s);
        output_md_cell(out, p->quantization);
        fputs(" |\n\nSource: the 2023 article, verbatim.\n", out);
        break;
    default:
        fprintf(out, "Preset %s (the 2023 article's table, verbatim)\n\n", san(p->name, b, sizeof b));
        fprintf(out, "  gpu                   %s\n", san(p->gpu, b, sizeof b));
        fprintf(out, "  memory required       %g GB\n", p->memory_required_gb);
        fprintf(out, "  monthly cost (Azure)  %s\n", usd);
        fprintf(out, "  throughput            %g tokens/s\n", p->tokens_per_s);
        fprintf(out, "  quantization options  %s\n", san(p->quantization, b, sizeof b));
        break;
    }
}

typedef struct {
    const char *model;
    const ld_sizing_input *in;
    const ld_sizing *s;
    const char *quant, *kvq;
    const char *released; /* the row's release precision, when sized at another */
    const char *choice;   /* how --quant auto/release chose, in the scenario's words */
} result;

static void gbtext(double v, char *buf, size_t n)
{
    if (!isfinite(v)) snprintf(buf, n, "unknown");
    else snprintf(buf, n, v < 10 ? "%.3f GB" : "%.2f GB", v);
}

static void write_text(FILE *out, const result *r)
{
    const ld_sizing *s = r->s;
    char b[512], g[64];
    fprintf(out, "%s at %s, %.0f-token context, batch %.0f\n\n", san(r->model, b, sizeof b), r->quant,
            s->context, s->batch);
    gbtext(s->weights_gb, g, sizeof g);
    fprintf(out, "  weights     %s\n", g);
    gbtext(s->kv_cache_gb, g, sizeof g);
    if (s->kv_known && s->kv_copies > 1) /* the total counts them: said, so it adds up */
        fprintf(out, "  kv cache    %s (%s), kept %g times on the %d GPUs (basis)\n", g, r->kvq, s->kv_copies,
                s->total_gpus);
    else
        fprintf(out, "  kv cache    %s (%s)\n", g, r->kvq);
    gbtext(s->overhead_gb, g, sizeof g);
    fprintf(out, "  overhead    %s\n", g);
    gbtext(s->total_gb, g, sizeof g);
    char on[32] = "";
    if (s->total_gpus > 1) snprintf(on, sizeof on, " on %d GPUs", s->total_gpus);
    fprintf(out, "  total       %s%s%s\n\n", g, on, s->kv_known ? "" : " (without the KV cache)");
    if (!s->gpu) {
        fputs("  GPU         no priced GPU in gpus.csv holds it on 8 GPUs\n", out);
    } else if (s->gpus == 0) {
        fprintf(out, "  GPU         does not fit on %d × %s\n", s->gpus_tried, san(s->gpu->name, b, sizeof b));
    } else {
        fprintf(out, "  GPU         %d × %s (%.1f GB usable each)", s->gpus, san(s->gpu->name, b, sizeof b),
                s->usable_gb);
        if (isfinite(s->hourly_usd)) fprintf(out, ", $%.2f/h", s->hourly_usd);
        fputc('\n', out);
        /* decode is one sequence alone; in a batch each sequence gets its share */
        fprintf(out, "  decode      %.1f tokens/s%s (ceiling %.1f)%s\n", s->tokens_per_s,
                s->batch > 1 ? " for one sequence alone" : "", s->tokens_per_s_ceiling,
                s->moe_multi_gpu ? "; an upper bound for MoE over GPUs (basis)" : "");
        if (s->batch > 1)
            fprintf(out, "  throughput  %.1f tokens/s at batch %.0f, %.1f a sequence (%s-bound)\n",
                    s->throughput_tokens_per_s, s->batch, s->throughput_tokens_per_s / s->batch, s->bound);
        else
            fprintf(out, "  throughput  %.1f tokens/s at batch 1 (%s-bound)\n", s->throughput_tokens_per_s, s->bound);
        if (isfinite(s->max_sequences))
            fprintf(out, "  capacity    %.0f sequences of %.0f tokens at once on these GPUs%s\n", s->max_sequences,
                    s->request_tokens, s->request_tokens < s->context ? " (requests; the whole context fits once)" : "");
        if (isfinite(s->ttft_s))
            fprintf(out, "  first token %.3g s for a %.0f-token prompt (prefill)\n", s->ttft_s, s->prompt_tokens);
    }
    if (s->cheapest && s->cheapest != s->gpu)
    {
        /* of the class the search compares (a dearer card named by --gpu of another class may be cheaper) */
        const char *cls = r->in->gpu_class && *r->in->gpu_class ? r->in->gpu_class : "datacenter";
        char of[48] = ""; /* a data set without classes compares every priced GPU */
        if (s->cheapest->gpu_class[0]) snprintf(of, sizeof of, " of the %s GPUs", strcmp(cls, "any") == 0 ? "priced" : cls);
        fprintf(out, "  cheapest    %d × %s at $%.2f/h (the cheapest fit%s, for comparison)\n", s->cheapest_count,
                san(s->cheapest->name, b, sizeof b), s->cheapest_hourly_usd, of);
    }
    if (r->released)
        fprintf(out, "  note        published as %s: --quant release sizes that\n", r->released);
    fputs("\nBasis:\n", out);
    if (r->choice) fprintf(out, "  %s\n", san(r->choice, b, sizeof b));
    const char *p = s->basis;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char line[1024];
        snprintf(line, sizeof line, "%.*s", (int)n, p);
        fprintf(out, "  %s\n", san(line, b, sizeof b));
        p += n + (e ? 1 : 0);
    }
}

/* Field ids of the JSON/CSV outputs, in order. */
static const char *const FIELDS[] = {
    "model", "params_b", "active_params_b", "quant", "bits_per_weight", "kv_quant", "context",
    "batch", "weights_gb", "kv_cache_gb", "overhead_gb", "total_gb", "gpu", "gpus",
    "tokens_per_s", "tokens_per_s_ceiling", "throughput_tokens_per_s", "bound",
    "hourly_usd", "cheapest_gpu", "cheapest_gpus", "cheapest_hourly_usd", "max_sequences", "kv_per_gpu_gb",
    "prompt_tokens", "ttft_s", "request_tokens", "total_gpus", "kv_copies", "embed16_params_b", "basis",
};
#define NFIELDS (sizeof FIELDS / sizeof FIELDS[0])

/* Writes field i's value: JSON (strings quoted, null) or CSV (empty). */
static void field(FILE *out, const result *r, size_t i, int json)
{
    const ld_sizing *s = r->s;
    const ld_model_arch *a = &r->in->arch;
    const char *str = NULL;
    double num = NAN;
    int dec = 3, is_str = 0;
    double active = a->active_params_b > 0 ? a->active_params_b : a->params_b;
    switch (i) {
    case 0: str = r->model, is_str = 1; break;
    case 1: num = a->params_b, dec = 3; break;
    case 2: num = active, dec = 3; break;
    case 3: str = r->quant, is_str = 1; break;
    case 4: num = s->bits_per_weight, dec = -1; break;
    case 5: str = r->kvq, is_str = 1; break;
    case 6: num = s->context, dec = 0; break;
    case 7: num = s->batch, dec = 0; break;
    case 8: num = s->weights_gb; break;
    case 9: num = s->kv_cache_gb; break;
    case 10: num = s->overhead_gb; break;
    case 11: num = s->total_gb; break;
    case 12: str = s->gpu ? s->gpu->name : NULL, is_str = 1; break;
    case 13: num = s->gpus > 0 ? s->gpus : NAN, dec = 0; break;
    case 14: num = s->tokens_per_s, dec = 1; break;
    case 15: num = s->tokens_per_s_ceiling, dec = 1; break;
    case 16: num = s->throughput_tokens_per_s, dec = 1; break;
    case 17: str = s->bound[0] ? s->bound : NULL, is_str = 1; break;
    case 18: num = s->gpus > 0 ? s->hourly_usd : NAN, dec = 4; break;
    case 19: str = s->cheapest ? s->cheapest->name : NULL, is_str = 1; break;
    case 20: num = s->cheapest ? s->cheapest_count : NAN, dec = 0; break;
    case 21: num = s->cheapest ? s->cheapest_hourly_usd : NAN, dec = 4; break;
    case 22: num = s->max_sequences, dec = 0; break;
    case 23: num = s->kv_per_gpu_gb; break;
    case 24: num = s->gpus > 0 ? s->prompt_tokens : NAN, dec = 0; break;
    case 25: num = s->ttft_s, dec = 3; break;
    case 26: num = s->request_tokens, dec = 0; break;
    case 27: num = s->total_gpus, dec = 0; break; /* what overhead_gb and total_gb are on */
    case 28: num = s->kv_known ? s->kv_copies : NAN, dec = -1; break; /* in total_gb */
    case 29: num = s->embed16_params_b, dec = 3; break;           /* of the weights, kept 16-bit */
    default: str = s->basis, is_str = 1; break;
    }
    if (is_str) {
        char trimmed[sizeof s->basis];
        if (str) {
            snprintf(trimmed, sizeof trimmed, "%s", str);
            size_t n = strlen(trimmed);
            if (n && trimmed[n - 1] == '\n') trimmed[n - 1] = '\0';
            str = trimmed;
        }
        if (json) {
            if (str) output_json_string(out, str);
            else fputs("null", out);
        } else if (str) {
            output_csv_field(out, str);
        }
    } else if (json) {
        json_num(out, num, dec);
    } else if (isfinite(num)) {
        json_num(out, num, dec); /* same digits as JSON */
    }
}

static void write_json(FILE *out, const result *r)
{
    fputs("{\n", out);
    for (size_t i = 0; i < NFIELDS; i++) {
        fprintf(out, "  \"%s\": ", FIELDS[i]);
        field(out, r, i, 1);
        fputs(i + 1 < NFIELDS ? ",\n" : "\n", out);
    }
    fputs("}\n", out);
}

static void write_csv(FILE *out, const result *r)
{
    for (size_t i = 0; i < NFIELDS; i++) fprintf(out, "%s%s", i ? "," : "", FIELDS[i]);
    fputc('\n', out);
    for (size_t i = 0; i < NFIELDS; i++) {
        if (i) fputc(',', out);
        field(out, r, i, 0);
    }
    fputc('\n', out);
}

static void write_md(FILE *out, const result *r)
{
    const ld_sizing *s = r->s;
    char g[64];
    fputs("## Sizing: ", out);
    output_md_cell(out, r->model);
    fprintf(out, " at %s, %.0f-token context, batch %.0f\n\n| | |\n|---|---|\n", r->quant, s->context,
            s->batch);
    char total_name[32] = "total";
    if (s->total_gpus > 1) snprintf(total_name, sizeof total_name, "total on %d GPUs", s->total_gpus);
    const char *names[] = {"weights", "kv cache", "overhead", total_name};
    double v[] = {s->weights_gb, s->kv_cache_gb, s->overhead_gb, s->total_gb};
    for (int i = 0; i < 4; i++) {
        gbtext(v[i], g, sizeof g);
        fprintf(out, "| %s | %s |\n", names[i], g);
    }
    if (s->gpu && s->gpus > 0) {
        fprintf(out, "| GPUs | %d × ", s->gpus);
        output_md_cell(out, s->gpu->name);
        fprintf(out, " |\n| decode | %.1f tokens/s%s (ceiling %.1f) |\n", s->tokens_per_s,
                s->batch > 1 ? " for one sequence alone" : "", s->tokens_per_s_ceiling);
        fprintf(out, "| throughput | %.1f tokens/s at batch %.0f (%.1f a sequence) |\n", s->throughput_tokens_per_s,
                s->batch, s->throughput_tokens_per_s / s->batch);
    } else if (s->gpu) {
        fprintf(out, "| GPUs | does not fit on %d × ", s->gpus_tried);
        output_md_cell(out, s->gpu->name);
        fputs(" |\n", out);
    }
    fputs("\n**Basis**\n\n", out);
    if (r->choice) {
        fputs("- ", out);
        output_md_cell(out, r->choice);
        fputc('\n', out);
    }
    const char *p = s->basis;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char line[1024];
        snprintf(line, sizeof line, "%.*s", (int)n, p);
        fputs("- ", out);
        output_md_cell(out, line);
        fputc('\n', out);
        p += n + (e ? 1 : 0);
    }
}

/* ---- the command ------------------------------------------------------------ */

/* Parses a whole count for `flag` in [1, max]. */
static int whole(const char *flag, const char *arg, double max, double *out)
{
    if (cli_parse_count(CMD, flag, arg, 1, max, out) != 0) return 2;
    if (*out != floor(*out))
        return cli_usage_error(CMD, "%s: expected a whole number, got '%s'", flag, arg);
    return 0;
}

int cmd_size(int argc, char **argv)
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

    /* Every value is checked before any data is read. */
    ld_sizing_input in;
    memset(&in, 0, sizeof in);
    if (f.preset && (f.model || f.params))
        return cli_usage_error(CMD, "--preset prints the 2023 article's row; it does not combine with "
                                    "--model or --params");
    if (!f.preset && !f.model && !f.params)
        return cli_usage_error(CMD, "give --model NAME or --params B (or --preset 7B|13B|70B)");
    if (f.model && f.params) return cli_usage_error(CMD, "--model and --params exclude each other");
    if (f.params) {
        double v;
        if (cli_parse_count(CMD, "--params", f.params, -1e300, 1e300, &v) != 0) return 2;
        /* said in the units the help gives, not as a count range */
        if (!(v >= 1e-6) || v > 1e15)
            return cli_usage_error(CMD, "--params: expected billions above 0 and at most 10000 (7, 70.6) or a "
                                        "count (7B, 6.7e9), got '%s'", f.params);
        /* up to 10,000 it reads as billions (the largest open models have
         * about 1,000B); from 1e6 as a count (7B, 6.7e9); between, either
         * reading is absurd, so ask rather than guess */
        if (v > 1e4 && v < 1e6)
            return cli_usage_error(CMD, "--params: '%s' is ambiguous: give billions (%g would be %gT "
                                        "parameters) or a count such as 7B or 6.7e9", f.params, v, v / 1e3);
        in.arch.params_b = v >= 1e6 ? v / 1e9 : v; /* 7B / 6.7e9 are counts */
    }
    /* release and auto are the catalogue row's: the scenario resolves them */
    int by_row = f.quant && (!strcasecmp(f.quant, SCENARIO_QUANT_RELEASE) || !strcasecmp(f.quant, "auto"));
    if (by_row && !f.model)
        return cli_usage_error(CMD, "--quant %s needs --model (a catalogue row states its release precision)",
                               f.quant);
    if (f.quant && !by_row && !sizing_quant_find(f.quant))
        return cli_usage_error(CMD, "--quant: unknown quantization '%s' (fp32, fp16, bf16, fp8, "
                                    "int8, int4, mxfp4, nvfp4, q8_0, q6_k, q5_k_m, q5_0, q4_k_m, q4_0, "
                                    "q3_k_m, q2_k, release, auto, ...)", f.quant);
    double tmp;
    if (f.kvq && sizing_kv_bytes(f.kvq, &tmp) != 0)
        return cli_usage_error(CMD, "--kv-quant: unknown KV-cache type '%s' (fp16, bf16, fp8, "
                                    "int8, q8_0, q4_0, fp32)", f.kvq);
    if (f.context && (rc = whole("--context", f.context, 1e8, &in.context)) != 0) return rc;
    if (f.batch && (rc = whole("--batch", f.batch, 1e6, &in.batch)) != 0) return rc;
    if (f.gclass && (rc = cli_parse_gpu_class(CMD, f.gclass, &in.gpu_class)) != 0) return rc;
    if (f.gpus) {
        double n;
        if ((rc = whole("--gpus", f.gpus, 64, &n)) != 0) return rc;
        if (n < 1) return cli_usage_error(CMD, "--gpus: expected 1 to 64, got '%s'", f.gpus);
        in.gpu_count = (int)n;
    }
    if (f.req) {
        char buf[128];
        snprintf(buf, sizeof buf, "%s", f.req);
        char *comma = strchr(buf, ',');
        double v[2];
        if (comma) *comma = '\0';
        if (!comma || units_parse_count(buf, &v[0]) != 0 || units_parse_count(comma + 1, &v[1]) != 0 ||
            !(v[0] >= 1 && v[0] <= 1e8) || !(v[1] >= 0 && v[1] <= 1e8) || v[0] != floor(v[0]) || v[1] != floor(v[1]))
            return cli_usage_error(CMD, "--request-tokens: expected IN,OUT whole token counts like 2000,500, got '%s'",
                                   f.req);
        in.prompt_tokens = v[0];
        in.request_tokens = v[0] + v[1];
        double context = in.context > 0 ? in.context : SIZING_DEFAULT_CONTEXT;
        if (in.request_tokens > context)
            return cli_usage_error(CMD, "--request-tokens: a request of %.0f tokens (%s) is longer than the "
                                        "%.0f-token context%s; raise --context",
                                   in.request_tokens, f.req, context, in.context > 0 ? "" : " (the default)");
    }
    if (f.eff) {
        if (cli_parse_count(CMD, "--efficiency", f.eff, 0, 1, &in.efficiency) != 0) return 2;
        if (!(in.efficiency > 0))
            return cli_usage_error(CMD, "--efficiency: must be > 0 and <= 1, got '%s'", f.eff);
    }

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
    const char *model = "custom";
    char label[64];
    if (f.preset) {
        const ld_preset *p = hosting_preset_find(h, f.preset);
        if (!p) {
            rc = cli_usage_error(CMD, "--preset: expected 7B, 13B or 70B, got '%s'", f.preset);
            goto done;
        }
        write_preset(stdout, p, com.format);
        goto flush;
    }
    long row = -1;
    if (f.model) {
        row = catalog_find(ds.models, f.model);
        if (row < 0) {
            char near[600];
            suggest_models(ds.models, f.model, 5, near, sizeof near);
            if (near[0]) rc = cli_usage_error(CMD, "--model: unknown model '%s'; did you mean %s?", f.model, near);
            else rc = cli_usage_error(CMD, "--model: unknown model '%s' (see llmdeck table)", f.model);
            goto done;
        }
        if (sizing_arch_from_catalog(ds.models, (size_t)row, &in.arch, &err) != 0) {
            rc = cli_usage_error(CMD, "--model: %s", err.msg);
            goto done;
        }
        model = catalog_text(ds.models, (size_t)row, catalog_key_col(ds.models));
    } else {
        snprintf(label, sizeof label, "%gB params", in.arch.params_b);
        model = label;
    }
    if (f.gpu) {
        in.gpu = hosting_gpu_find(gpus, f.gpu);
        if (!in.gpu) {
            rc = cli_usage_error(CMD, "--gpu: unknown GPU '%s' (see data/gpus.csv: A10, A100 40GB, "
                                      "A100 80GB SXM, H100 SXM, L4, L40S, ...)", f.gpu);
            goto done;
        }
    }
    in.gpus = gpus;
    in.model = model;
    in.quant = !f.quant ? "fp16" : by_row ? f.quant : sizing_quant_find(f.quant)->name;
    in.kv_quant = f.kvq ? f.kvq : "fp16";
    if (!f.eff) in.efficiency = h->defaults.decode_efficiency;
    in.gpu_mem_util = h->defaults.gpu_memory_utilization;
    static ld_scenario sc; /* large */
    const ld_sizing *sp = &sc.sizing;
    if (row >= 0 && in.context > scenario_context_limit(ds.models, (size_t)row)) {
        rc = cli_usage_error(CMD, "--context: %.0f tokens is longer than %s reads (context_length %.0f)", in.context,
                             model, scenario_context_limit(ds.models, (size_t)row));
        goto done;
    }
    if (row >= 0) {
        /* a catalogue model: the core's scenario, as the cost view and the wizard size it */
        ld_scenario_input si = {ds.models, (size_t)row, h, gpus, in.quant, in.kv_quant, in.context,
                                in.batch > 0 ? in.batch : 1, in.gpu, in.gpu_count, in.gpu_class, in.efficiency,
                                in.prompt_tokens, in.request_tokens};
        if (scenario_compute(&si, NULL, &sc, &err) < 0) {
            rc = cli_usage_error(CMD, "--%s: %s", err.file, err.msg);
            goto done;
        }
    } else if (sizing_compute(&in, &sc.sizing, &err) != 0) {
        rc = cli_usage_error(CMD, "--%s: %s", err.file, err.msg);
        goto done;
    }
    const ld_sizing s = *sp;
    result r = {model, &in, &s, row >= 0 ? sc.quant_label : in.quant, in.kv_quant, NULL, NULL};
    if (by_row && sc.choice[0]) r.choice = sc.choice; /* say why auto took that precision */
    const char *rq, *req;
    char released[96];
    if (row >= 0 && !sc.release && scenario_release_quant(ds.models, (size_t)row, &rq, &req)) {
        /* said only where the release weighs otherwise: not for --quant fp8
         * on an fp8 release, nor fp16 on a bf16 one (the same bytes) */
        double rb, qb;
        int same = !req && sizing_quant_bits(rq, &rb) == 0 && sizing_quant_bits(sc.quant, &qb) == 0 && rb == qb;
        scenario_quant_words(rq, req, released, sizeof released);
        if (!same) r.released = released;
    }
    switch (com.format) {
    case LD_FMT_JSON: write_json(stdout, &r); break;
    case LD_FMT_CSV: write_csv(stdout, &r); break;
    case LD_FMT_MD: write_md(stdout, &r); break;
    default: write_text(stdout, &r); break;
    }
flush:
    if (fflush(stdout) != 0) {
        error_set(&err, LD_ERR_IO, "stdout", 0, 0, "%s", strerror(errno));
        rc = cli_report(&err);
    }
done:
    dataset_close(&ds);
    return rc;
}
