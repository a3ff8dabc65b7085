/* report_figures.c - one figure of a report in words: a size in GB, the
 * GPUs that hold a model, what the same model costs from a provider.
 * Shared by the recommendation's writers (report.c), the wizard and the
 * cost view, so each says a figure the same way. */
#include "llmdeck/report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "llmdeck/output.h"
#include "llmdeck/report_cost.h"
#include "llmdeck/units.h"

void report_gb(double v, char *buf, size_t n)
{
    if (!isfinite(v)) snprintf(buf, n, "n/a");
    else if (v >= 100) snprintf(buf, n, "%.1f GB", v);
    else if (v >= 1) snprintf(buf, n, "%.2f GB", v);
    else snprintf(buf, n, "%.3f GB", v);
}

void report_gpus(const ld_sizing *s, char *buf, size_t n)
{
    char price[32];
    if (!s->gpu || s->gpus <= 0) {
        snprintf(buf, n, "does not fit on 8 of any GPU listed");
        return;
    }
    snprintf(buf, n, "%d × %s", s->gpus, s->gpu->name);
    if (s->cheapest == s->gpu && s->cheapest_count == s->gpus && isfinite(s->cheapest_hourly_usd)) {
        units_format_usd(s->cheapest_hourly_usd, price, sizeof price);
        size_t len = strlen(buf);
        /* "in all" beside the cost line's per-GPU price ("2 × L4 at $0.49/h × 730 h") */
        snprintf(buf + len, n - len, s->gpus > 1 ? " at %s/h in all" : " at %s/h", price);
    }
}

int report_hosted_figures(const ld_catalog *cat, size_t row, double tokens, double input_share, ld_hosted_cost *h)
{
    memset(h, 0, sizeof *h);
    if (row >= catalog_rows(cat)) return -1;
    int hi = catalog_col_index(cat, "hosted_in_per_1m"), ho = catalog_col_index(cat, "hosted_out_per_1m");
    int hp = catalog_col_index(cat, "hosted_provider"), hn = catalog_col_index(cat, "hosted_offers");
    double in = hi >= 0 ? catalog_num(cat, row, (size_t)hi) : NAN, out = ho >= 0 ? catalog_num(cat, row, (size_t)ho) : NAN;
    if (!(in > 0) || !(out > 0) || !(tokens > 0)) return -1;
    h->in_per_1m = in;
    h->out_per_1m = out;
    h->monthly_usd = tokens / 1e6 * (input_share * in + (1 - input_share) * out);
    double offers = hn >= 0 ? catalog_num(cat, row, (size_t)hn) : NAN;
    if (offers >= 1 && offers < 1e6 && offers == floor(offers)) h->offers = (long)offers;
    if (hp >= 0) output_cell(cat, row, (size_t)hp, h->provider, sizeof h->provider);
    return 0;
}

void report_hosted_basis(const ld_hosted_cost *h, char *buf, size_t n)
{
    if (h->offers == 1) snprintf(buf, n, "the one hosted offer");
    else if (h->offers > 1) snprintf(buf, n, "median of %ld hosted offers", h->offers);
    else snprintf(buf, n, "median hosted offer");
}

void report_hosted_figure(const ld_hosted_cost *h, char *buf, size_t n)
{
    char usd[32], p1[32], p2[32], basis[64];
    units_format_usd(h->monthly_usd, usd, sizeof usd);
    units_format_price(h->in_per_1m, p1, sizeof p1);
    units_format_price(h->out_per_1m, p2, sizeof p2);
    report_hosted_basis(h, basis, sizeof basis);
    snprintf(buf, n, "%s/month (%s, %s in / %s out per 1M%s%s)", usd, basis, p1, p2, h->provider[0] ? ", " : "",
             h->provider);
}

/* "the same model from a provider: $215.00/month (...)"; with c, weighed
 * against that answer.  -1 when the row has no hosted price. */
static int hosted_sentence(const ld_catalog *cat, size_t row, double tokens, double input_share, const ld_cost *c,
                           char *buf, size_t n)
{
    if (n) buf[0] = '\0';
    ld_hosted_cost h;
    if (report_hosted_figures(cat, row, tokens, input_share, &h) != 0) return -1;
    char figure[320];
    report_hosted_figure(&h, figure, sizeof figure);
    snprintf(buf, n, "the same model from a provider: %s", figure);
    if (!c) return 0;
    /* the advice weighs the API offer against self-hosting; a provider of
     * the same model may beat both, and the answer must not hide it */
    int below_self = report_cost_less(h.monthly_usd, c->selfhost_monthly_usd),
        below_api = report_cost_less(h.monthly_usd, c->api_monthly_usd);
    char s[32], a[32];
    units_format_usd(c->selfhost_monthly_usd, s, sizeof s);
    units_format_usd(c->api_monthly_usd, a, sizeof a);
    size_t len = strlen(buf);
    if (below_self && below_api)
        snprintf(buf + len, n - len, ": less than self-hosting (%s) and the API compared (%s)", s, a);
    else if (below_self && !report_cost_less(c->api_monthly_usd, h.monthly_usd)) /* the API's own price */
        snprintf(buf + len, n - len, ": less than self-hosting (%s), the same as the API compared (%s)", s, a);
    else if (below_self)
        snprintf(buf + len, n - len, ": less than self-hosting (%s)", s);
    return 0;
}

int report_hosted_cost(const ld_catalog *cat, size_t row, double tokens, double input_share, char *buf, size_t n)
{
    return hosted_sentence(cat, row, tokens, input_share, NULL, buf, n);
}

int report_hosted_cost_vs(const ld_catalog *cat, size_t row, const ld_cost *c, double input_share, char *buf,
                          size_t n)
{
    return hosted_sentence(cat, row, c->tokens_per_month, input_share, c, buf, n);
}
