/* report_cost.c - the cost comparison in every output format (see
 * report_cost.h); moved here from `llmdeck cost` so the TUI's export writes
 * the same text. */
#include "llmdeck/report_cost.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "llmdeck/units.h"

static const char *san(const char *s, char *buf, size_t n)
{
    return output_sanitize(s ? s : "", buf, n);
}

/* The basis, one line each, with a prefix ("  " for text, "- " for md). */
static void basis_lines(FILE *out, const char *basis, int md)
{
    char line[1024], b[2048];
    while (*basis) {
        const char *e = strchr(basis, '\n');
        size_t n = e ? (size_t)(e - basis) : strlen(basis);
        snprintf(line, sizeof line, "%.*s", (int)n, basis);
        if (md) {
            fputs("- ", out);
            output_md_cell(out, line);
            fputc('\n', out);
        } else {
            fprintf(out, "  %s\n", san(line, b, sizeof b));
        }
        basis += n + (e ? 1 : 0);
    }
}

static void json_num(FILE *out, double v, int decimals)
{
    if (!isfinite(v)) fputs("null", out);
    else fprintf(out, "%.*f", decimals, v);
}

/* "750M tokens/month" or "never". */
static void break_even_of_setup(const ld_cost *c, char *buf, size_t n);

void report_between_edges(const ld_cost *c, char *a, size_t an, char *b, size_t bn)
{
    char x[32];
    /* the first's start inside the first, the last's end inside the last */
    units_format_range(c->break_even_between_from, c->break_even_between_first_end, 4, a, an, x, sizeof x);
    units_format_range(c->break_even_between_last_start, c->break_even_between_until, 4, x, sizeof x, b, bn);
}

/* The break-even; over several GPU types (each volume on its cheapest)
 * it names the one the first stretch is on when that is not this
 * volume's, and says it: "178.9M tokens/month (on 1 × L4 replicas), but
 * only up to 201.7M; cheaper for good from 357.7M (each volume on its
 * cheapest GPU type)". */
void report_cost_break_even(const ld_cost *c, char *buf, size_t n)
{
    break_even_of_setup(c, buf, n);
    if (!c->break_even_over || c->break_even_never) return;
    char *first = strstr(buf, "tokens/month");
    if (first && c->earliest_setup[0]) { /* said at the first figure, the one it is about */
        char rest[512];
        snprintf(rest, sizeof rest, "%s", first + strlen("tokens/month"));
        snprintf(first, n - (size_t)(first - buf), "tokens/month (first on %s replicas, each volume on its cheapest "
                 "GPU type)%s", c->earliest_setup, rest);
        return;
    }
    size_t k = strlen(buf);
    snprintf(buf + k, n - k, " (each volume on its cheapest GPU type)");
}

static void break_even_of_setup(const ld_cost *c, char *buf, size_t n)
{
    if (c->break_even_never) {
        if (c->capacity_mode)
            snprintf(buf, n, "never at %.0f%% utilization (a full replica costs more per token than the API)",
                     c->utilization * 100);
        else
            snprintf(buf, n, "never (self-hosting costs more per token than the API at any volume)");
        return;
    }
    char t[32], u[32], g[32];
    /* a stretch's start rounded up and its end down, so each volume
     * printed lies inside it (2.8125B is "2.813B": at 2.812B self-hosting
     * is still dearer) */
    units_format_count_bound(c->break_even_tokens, +1, 4, t, sizeof t);
    if (isfinite(c->break_even_first_until)) {
        /* the step function: cheaper inside the first step only, then for good further on */
        units_format_range(c->break_even_tokens, c->break_even_first_until, 4, t, sizeof t, u, sizeof u);
        units_format_count_bound(c->break_even_for_good_tokens, +1, 4, g, sizeof g);
        if (c->break_even_between > 0) { /* the stretches between: said, not left for the chart to show */
            char a[32], b[32];
            report_between_edges(c, a, sizeof a, b, sizeof b);
            if (c->break_even_between == 1)
                snprintf(buf, n, "%s tokens/month, but only up to %s; again from %s to %s; cheaper for good from %s",
                         t, u, a, b, g);
            else
                snprintf(buf, n,
                         "%s tokens/month, but only up to %s; again in %ld stretches from %s to %s (the top of each "
                         "replica's step); cheaper for good from %s",
                         t, u, c->break_even_between, a, b, g);
            return;
        }
        snprintf(buf, n, "%s tokens/month, but only up to %s; cheaper for good from %s", t, u, g);
        return;
    }
    snprintf(buf, n, "%s tokens/month", t);
}

void report_cost_times(double times, char *buf, size_t n)
{
    if (times >= 1000) snprintf(buf, n, "over 1000×");
    else snprintf(buf, n, "%.*f×", times < 10 ? 1 : 0, times);
}

void report_cost_difference(const ld_cost *c, char *buf, size_t n)
{
    char d[32];
    units_format_usd(fabs(c->difference_usd), d, sizeof d);
    double pct = c->api_monthly_usd > 0 ? fabs(c->difference_usd) / c->api_monthly_usd * 100 : NAN;
    if (c->difference_usd < 0)
        snprintf(buf, n, "self-hosting saves %s/month (%.0f%% of the API cost)", d, pct);
    else if (c->difference_usd > 0 && c->api_monthly_usd > 0 && c->selfhost_monthly_usd >= 2 * c->api_monthly_usd) {
        char x[32];
        report_cost_times(c->selfhost_monthly_usd / c->api_monthly_usd, x, sizeof x);
        snprintf(buf, n, "self-hosting costs %s/month more (in all %s the API)", d, x); /* the totals' ratio */
    } else if (c->difference_usd > 0)
        snprintf(buf, n, "self-hosting costs %s/month more", d);
    else
        snprintf(buf, n, "the same");
}

/* After article mode's advice, when one replica cannot serve the volume:
 * what the answer is with the replicas counted ("" otherwise). */
static const char *advice_note(const ld_cost *c, char *buf, size_t n)
{
    buf[0] = '\0';
    char u[32], h[160];
    if (c->at_capacity_known) {
        units_format_usd(c->selfhost_at_capacity_usd, u, sizeof u);
        if (c->advice_at_capacity == c->advice)
            snprintf(buf, n, " (the 2023 article's rule; it holds with the replicas counted: %ld, %s/month)",
                     c->replicas_at_capacity, u);
        else
            snprintf(buf, n, " (the 2023 article's rule; with the replicas counted, %ld at %s/month: %s)",
                     c->replicas_at_capacity, u, cost_advice_name(c->advice_at_capacity));
    }
    size_t k = strlen(buf);
    if (c->at_half_known && c->advice_at_half != c->advice) { /* the ceiling's answer is not the only one */
        units_format_usd(c->selfhost_at_half_usd, u, sizeof u);
        snprintf(buf + k, n - k, " (at the throughput ceiling; at half the decode rate, %ld replicas at %s/month: %s)",
                 c->replicas_at_half, u, cost_advice_name(c->advice_at_half));
    }
    k = strlen(buf);
    snprintf(buf + k, n - k, "%s", report_cost_hosted_note(c, h, sizeof h));
    return buf;
}

int report_cost_less(double a, double b) { return a < b - 1e-9 * fabs(b); } /* NaN: 0 */

const char *report_cost_hosted_note(const ld_cost *c, char *buf, size_t n)
{
    if (n) buf[0] = '\0';
    double h = c->hosted_monthly_usd;
    if (!(report_cost_less(h, c->selfhost_monthly_usd) && report_cost_less(h, c->api_monthly_usd))) return buf;
    char usd[32];
    if (h < 1) units_format_price(h, usd, sizeof usd); /* "$0.004", not "$0.00": a few tokens are not free */
    else units_format_usd(h, usd, sizeof usd);
    snprintf(buf, n, "; the same model from a provider costs less than both (%s/month)", usd);
    return buf;
}

/* The break-even's JSON fields after break_even_tokens: the lasting one,
 * the steps' stretches (where the first ends, and those between it and
 * the lasting one: null and 0 when none) and another GPU type that pays
 * earlier (null: none). One writer for the answer and its --sweep. */
static void json_break_even_more(FILE *out, const ld_cost *c)
{
    fputs(",\n  \"break_even_for_good_tokens\": ", out);
    json_num(out, c->break_even_never ? NAN : c->break_even_for_good_tokens, 0);
    /* article mode: a break-even one replica cannot serve, and the
     * counted one (null: never; both false/null in capacity mode) */
    fprintf(out, ",\n  \"break_even_beyond_one_replica\": %s,\n  \"break_even_counted_tokens\": ",
            c->break_even_beyond_replica ? "true" : "false");
    json_num(out, c->break_even_beyond_replica ? c->break_even_counted_tokens : NAN, 0);
    fputs(",\n  \"break_even_first_until_tokens\": ", out);
    json_num(out, c->break_even_first_until, 0);
    fprintf(out, ",\n  \"break_even_between\": {\"stretches\": %ld, \"from_tokens\": ", c->break_even_between);
    json_num(out, c->break_even_between_from, 0);
    fputs(", \"until_tokens\": ", out);
    json_num(out, c->break_even_between_until, 0);
    fputc('}', out);
    fputs(",\n  \"earliest_break_even\": ", out);
    if (isfinite(c->earliest_break_even)) {
        fprintf(out, "{\"tokens\": %.0f, \"setup\": ", c->earliest_break_even);
        output_json_string(out, c->earliest_setup);
        fputc('}', out);
    } else {
        fputs("null", out);
    }
}

void report_cost_write(FILE *out, const ld_cost_input *in, const ld_cost *c,
                       const ld_api_offer *offer, ld_format fmt)
{
    char t[32], u1[32], u2[32], be[320], diff[128], b[512], b2[512];
    units_format_count(c->tokens_per_month, t, sizeof t);
    units_format_usd(c->api_monthly_usd, u1, sizeof u1);
    units_format_usd(c->selfhost_monthly_usd, u2, sizeof u2);
    report_cost_break_even(c, be, sizeof be);
    report_cost_difference(c, diff, sizeof diff);
    /* JSON and CSV keep the machine value "seed" (stable for scripts, like
     * --dataset seed); text and Markdown name the 2023 article */
    const char *mode = in->mode == LD_COST_CAPACITY ? "capacity" : "seed";
    const char *mode_text = in->mode == LD_COST_CAPACITY ? "capacity" : "article (2023)";
    double out_price = in->api_out_per_1k > 0 ? in->api_out_per_1k : in->api_in_per_1k;
    switch (fmt) {
    case LD_FMT_JSON:
        fprintf(out, "{\n  \"tokens_per_month\": %.0f,\n  \"api_monthly_usd\": ", c->tokens_per_month);
        json_num(out, c->api_monthly_usd, 2);
        fputs(",\n  \"selfhost_monthly_usd\": ", out);
        json_num(out, c->selfhost_monthly_usd, 2);
        fprintf(out, ",\n  \"replicas\": %ld,\n  \"break_even_tokens\": ", c->replicas);
        json_num(out, c->break_even_never ? NAN : c->break_even_tokens, 0);
        json_break_even_more(out, c);
        fputs(",\n  \"hosted_monthly_usd\": ", out); /* the same model from a provider; null: none */
        json_num(out, c->hosted_monthly_usd, 2);
        fprintf(out, ",\n  \"advice\": \"%s\",\n  \"mode\": \"%s\",\n  \"api\": ",
                cost_advice_name(c->advice), mode);
        output_json_string(out, in->api_label);
        fprintf(out, ",\n  \"api_input_per_1k\": %.10g,\n  \"api_output_per_1k\": %.10g,\n"
                     "  \"input_share\": %g,\n  \"selfhost\": ",
                in->api_in_per_1k, out_price, in->input_share);
        output_json_string(out, in->selfhost_label);
        fputs(",\n  \"difference_usd\": ", out);
        json_num(out, c->difference_usd, 2);
        fputs(",\n  \"seed_band\": ", out);
        output_json_string(out, c->band);
        fputs(",\n  \"variable_load\": ", out);
        output_json_string(out, in->band_variable_text);
        fputs(",\n  \"energy_monthly_usd\": ", out);
        json_num(out, c->energy_monthly_usd, 2);
        fputs(",\n  \"break_even_utilization\": ", out);
        json_num(out, c->break_even_utilization, 2);
        fputs(",\n  \"break_even_tokens_at_utilization\": {\"0.3\": ", out);
        json_num(out, c->break_even_at[0], 0);
        fputs(", \"0.5\": ", out);
        json_num(out, c->break_even_at[1], 0);
        fputs(", \"0.8\": ", out);
        json_num(out, c->break_even_at[2], 0);
        fputs("},\n  \"api_per_request_usd\": ", out);
        json_num(out, c->api_per_request_usd, 6);
        fputs(",\n  \"selfhost_per_request_usd\": ", out);
        json_num(out, c->selfhost_per_request_usd, 6);
        fputs(",\n  \"advice_at_capacity\": ", out);
        if (c->at_capacity_known) fprintf(out, "\"%s\"", cost_advice_name(c->advice_at_capacity));
        else fputs("null", out);
        fputs(",\n  \"replicas_at_capacity\": ", out);
        if (c->at_capacity_known) fprintf(out, "%ld", c->replicas_at_capacity);
        else fputs("null", out);
        fputs(",\n  \"advice_at_half_rate\": ", out); /* a MoE over GPUs: its answer at half the decode rate */
        if (c->at_half_known) fprintf(out, "\"%s\"", cost_advice_name(c->advice_at_half));
        else fputs("null", out);
        fputs(",\n  \"replicas_at_half_rate\": ", out);
        if (c->at_half_known) fprintf(out, "%ld", c->replicas_at_half);
        else fputs("null", out);
        fputs(",\n  \"warnings\": [", out);
        for (size_t i = 0; i < c->nwarnings; i++) {
            if (i) fputs(", ", out);
            output_json_string(out, c->warnings[i]);
        }
        fputs("],\n  \"basis\": ", out);
        {
            char basis[sizeof c->basis];
            snprintf(basis, sizeof basis, "%s", c->basis);
            size_t n = strlen(basis);
            if (n && basis[n - 1] == '\n') basis[n - 1] = '\0';
            output_json_string(out, basis);
        }
        fputs("\n}\n", out);
        break;
    case LD_FMT_CSV:
        /* the first crossing, and where self-hosting stays cheaper (the
         * steps between: JSON's break_even_between); the same model hosted */
        fputs("tokens_per_month,api_monthly_usd,selfhost_monthly_usd,replicas,break_even_tokens,"
              "advice,mode,api,selfhost,break_even_for_good_tokens,hosted_monthly_usd\n", out);
        fprintf(out, "%.0f,%.2f,%.2f,%ld,", c->tokens_per_month, c->api_monthly_usd,
                c->selfhost_monthly_usd, c->replicas);
        if (!c->break_even_never) fprintf(out, "%.0f", c->break_even_tokens);
        fprintf(out, ",%s,%s,", cost_advice_name(c->advice), mode);
        output_csv_field(out, in->api_label);
        fputc(',', out);
        output_csv_field(out, in->selfhost_label);
        fputc(',', out);
        if (!c->break_even_never) fprintf(out, "%.0f", c->break_even_for_good_tokens);
        fputc(',', out);
        if (isfinite(c->hosted_monthly_usd)) fprintf(out, "%.2f", c->hosted_monthly_usd);
        fputc('\n', out);
        break;
    case LD_FMT_MD:
        fprintf(out, "## API or self-hosting at %s tokens/month\n\n| | |\n|---|---|\n", t);
        fputs("| API | ", out);
        fprintf(out, "%s/month (", u1);
        output_md_cell(out, in->api_label);
        fprintf(out, ") |\n| Self-hosting | %s/month, %ld replica%s (", u2, c->replicas,
                c->replicas == 1 ? "" : "s");
        output_md_cell(out, in->selfhost_label);
        fprintf(out, "; %s mode) |\n| Difference | %s |\n| Break-even | %s |\n| Advice | **%s**%s |\n",
                mode_text, diff, be, cost_advice_name(c->advice), advice_note(c, b, sizeof b));
        fputs("| 2023 article's rule of thumb | ", out);
        output_md_cell(out, c->band);
        fputs("; ", out);
        output_md_cell(out, in->band_variable_text);
        fputs(" |\n\n", out);
        for (size_t i = 0; i < c->nwarnings; i++) {
            fputs("**Warning:** ", out);
            output_md_cell(out, c->warnings[i]);
            fputs(".\n\n", out);
        }
        fputs("**Basis**\n\n", out);
        basis_lines(out, c->basis, 1);
        break;
    default:
        fprintf(out, "Monthly volume  %s tokens (%g%% input)\n", t, in->input_share * 100);
        {
            char p1[32], p2[32], p3[32], p4[32];
            units_format_price(in->api_in_per_1k, p1, sizeof p1);
            units_format_price(out_price, p2, sizeof p2);
            units_format_price(in->api_in_per_1k * 1000, p3, sizeof p3);
            units_format_price(out_price * 1000, p4, sizeof p4);
            fprintf(out, "API             %s/month  %s: %s in / %s out per 1K (%s / %s per 1M)\n", u1,
                    san(in->api_label, b, sizeof b), p1, p2, p3, p4);
        }
        fprintf(out, "Self-host       %s/month  %ld replica%s, %s mode (%s)\n", u2, c->replicas,
                c->replicas == 1 ? "" : "s", mode_text, san(in->selfhost_label, b2, sizeof b2));
        fprintf(out, "Difference      %s\n", diff);
        fprintf(out, "Break-even      %s\n", be);
        fprintf(out, "Advice          %s%s\n", cost_advice_name(c->advice), advice_note(c, b, sizeof b));
        for (size_t i = 0; i < c->nwarnings; i++)
            fprintf(out, "Warning         %s\n", san(c->warnings[i], b, sizeof b));
        fprintf(out, "2023 bands      %s\n", san(c->band, b, sizeof b));
        fprintf(out, "                %s\n", san(in->band_variable_text, b, sizeof b));
        if (offer && offer->source[0])
            fprintf(out, "API price from  %s%s%s\n", san(offer->source, b, sizeof b),
                    offer->date[0] ? ", " : "", san(offer->date, b2, sizeof b2));
        fputs("\nBasis:\n", out);
        basis_lines(out, c->basis, 0);
        break;
    }
}

void report_cost_sweep(FILE *out, const ld_cost_input *in, const ld_cost *c, ld_format fmt)
{
    ld_cost_point pts[64];
    size_t n = cost_sweep(in, 1e6, 100e9, 3, pts, 64);
    report_cost_sweep_points(out, in, c, pts, n, fmt);
}

void report_cost_sweep_points(FILE *out, const ld_cost_input *in, const ld_cost *c, const ld_cost_point *pts,
                              size_t n, ld_format fmt)
{
    char be[320], t[32], u1[32], u2[32], b[160];
    report_cost_break_even(c, be, sizeof be);
    int each = 0; /* rows priced on their own GPUs: a column says which */
    for (size_t i = 0; i < n; i++) each |= pts[i].setup[0] != '\0';
    switch (fmt) {
    case LD_FMT_JSON:
        fputs("{\n  \"break_even_tokens\": ", out);
        json_num(out, c->break_even_never ? NAN : c->break_even_tokens, 0);
        json_break_even_more(out, c); /* the answer's: a sweep's points fall either side of its stretches */
        fprintf(out, ",\n  \"mode\": \"%s\",\n  \"points\": [\n",
                in->mode == LD_COST_CAPACITY ? "capacity" : "seed");
        for (size_t i = 0; i < n; i++) {
            fprintf(out, "    {\"tokens_per_month\": %.0f, \"api_monthly_usd\": %.2f, "
                         "\"selfhost_monthly_usd\": %.2f, \"replicas\": %ld, \"advice\": \"%s\"",
                    pts[i].tokens, pts[i].api_usd, pts[i].selfhost_usd, pts[i].replicas,
                    cost_advice_name(pts[i].advice));
            if (each) {
                fputs(", \"gpus\": ", out);
                output_json_string(out, pts[i].setup);
            }
            fprintf(out, "}%s\n", i + 1 < n ? "," : "");
        }
        fputs("  ]\n}\n", out);
        break;
    case LD_FMT_CSV:
        fprintf(out, "tokens_per_month,api_monthly_usd,selfhost_monthly_usd,replicas,advice%s\n", each ? ",gpus" : "");
        for (size_t i = 0; i < n; i++) {
            fprintf(out, "%.0f,%.2f,%.2f,%ld,%s", pts[i].tokens, pts[i].api_usd, pts[i].selfhost_usd,
                    pts[i].replicas, cost_advice_name(pts[i].advice));
            if (each) fputc(',', out), output_csv_field(out, pts[i].setup);
            fputc('\n', out);
        }
        break;
    case LD_FMT_MD:
        fprintf(out, "| tokens/month | API/month | self-host/month | replicas | advice |%s\n"
                     "|---:|---:|---:|---:|---|%s\n", each ? " GPUs |" : "", each ? "---|" : "");
        for (size_t i = 0; i < n; i++) {
            units_format_count(pts[i].tokens, t, sizeof t);
            units_format_usd(pts[i].api_usd, u1, sizeof u1);
            units_format_usd(pts[i].selfhost_usd, u2, sizeof u2);
            fprintf(out, "| %s | %s | %s | %ld | %s |", t, u1, u2, pts[i].replicas, cost_advice_name(pts[i].advice));
            if (each) fputc(' ', out), output_md_cell(out, pts[i].setup), fputs(" |", out);
            fputc('\n', out);
        }
        if (each) fputs("\nEach volume on the GPU type cheapest a month there.\n", out);
        fprintf(out, "\nBreak-even: %s\n", be);
        break;
    default:
        fprintf(out, "%-14s %14s %16s %9s  %-8s%s\n", "tokens/month", "API/month", "self-host/month", "replicas",
                "advice", each ? "  GPUs (the cheapest a month at each volume)" : "");
        for (size_t i = 0; i < n; i++) {
            units_format_count(pts[i].tokens, t, sizeof t);
            units_format_usd(pts[i].api_usd, u1, sizeof u1);
            units_format_usd(pts[i].selfhost_usd, u2, sizeof u2);
            fprintf(out, "%-14s %14s %16s %9ld  %-8s%s%s\n", t, u1, u2, pts[i].replicas,
                    cost_advice_name(pts[i].advice), each ? "  " : "", each ? san(pts[i].setup, b, sizeof b) : "");
        }
        fprintf(out, "\nBreak-even: %s\n", be);
        break;
    }
}

void report_cost_preset_label(const ld_preset *p, char *buf, size_t n)
{
    snprintf(buf, n, "preset %s: %s, %g tokens/s", p->name, p->gpu, p->tokens_per_s);
}

void report_cost_model_label(const char *model, const char *quant, const ld_sizing *s,
                             double hours_per_month, char *buf, size_t n)
{
    /* a table name canonical; a scenario's label ("bf16 + mxfp4 experts") as it is */
    const ld_quant *q = quant ? sizing_quant_find(quant) : NULL;
    /* "each" on a price per GPU, so 2 × $4.29/h × 730 h is read as the
     * month's $6,263, not as $3,132 */
    snprintf(buf, n, "%s %s on %d × %s at $%.4g/h%s × %g h", model, q ? q->name : quant ? quant : "fp16", s->gpus,
             s->gpu ? s->gpu->name : "?", s->gpu ? s->gpu->hourly_usd : NAN, s->gpus > 1 ? " each" : "",
             hours_per_month);
}
