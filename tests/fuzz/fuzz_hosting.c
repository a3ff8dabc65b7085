/* fuzz_hosting.c - hosting.json (presets, API offers, defaults; --data DIR):
 * parse, then cost every preset against every offer with the file's
 * defaults, in seed and capacity mode, and sweep the volumes. */
/* DICT: json.dict (libFuzzer dictionary, see run.sh) */
#include <math.h>

#include "fuzz_common.h"

#include "llmdeck/cost.h"
#include "llmdeck/hosting.h"
#include "llmdeck/report_cost.h"

typedef struct {
    const ld_cost_input *in;
    const ld_cost *c;
    const ld_api_offer *offer;
} cost_report;

static void write_cost(FILE *out, ld_format fmt, const void *ctx)
{
    const cost_report *r = ctx;
    report_cost_write(out, r->in, r->c, r->offer, fmt);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_locale();
    return 0;
}

void fz_cost_all(const ld_hosting *h);
void fz_cost_all(const ld_hosting *h)
{
    ld_cost_point pts[64];
    for (size_t o = 0; o < h->noffers && o < 4; o++) {
        for (size_t p = 0; p <= h->npresets && p < 4; p++) {
            for (int mode = 0; mode < 2; mode++) {
                ld_cost_input in;
                cost_defaults(&in);
                cost_apply_hosting(&in, h);
                in.api_in_per_1k = h->offers[o].input_per_1k;
                in.api_out_per_1k = h->offers[o].output_per_1k;
                in.api_label = h->offers[o].name;
                if (p < h->npresets) {
                    in.replica_monthly_usd = h->presets[p].monthly_usd;
                    in.replica_tokens_per_s = h->presets[p].tokens_per_s;
                    in.selfhost_label = h->presets[p].name;
                }
                in.mode = mode ? LD_COST_CAPACITY : LD_COST_SEED;
                ld_cost c;
                ld_error err;
                error_clear(&err);
                if (cost_compute(&in, &c, &err) != 0) {
                    fz_check_error(&err);
                    continue;
                }
                FUZZ_CHECK(memchr(c.basis, 0, sizeof c.basis) != NULL, "basis not terminated");
                FUZZ_CHECK(c.replicas >= 1, "replicas %ld", c.replicas);
                FUZZ_CHECK(c.break_even_never || c.break_even_tokens >= 0, "break-even %g",
                           c.break_even_tokens);
                /* the offer's and preset's texts reach `cost`'s output */
                char label[256];
                if (p < h->npresets) {
                    report_cost_preset_label(&h->presets[p], label, sizeof label);
                    in.selfhost_label = label;
                    cost_compute(&in, &c, &err);
                }
                cost_report r = {&in, &c, &h->offers[o]};
                fz_check_writer(write_cost, &r, "cost", 1);
                size_t n = cost_sweep(&in, 1e6, 1e11, 3, pts, 64);
                FUZZ_CHECK(n <= 64, "sweep wrote %zu", n);
            }
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ld_hosting h;
    hosting_init(&h);
    ld_error err;
    error_clear(&err);
    if (hosting_parse(&h, (const char *)data, size, "fuzz-hosting.json", &err) != 0) {
        fz_check_error(&err);
        hosting_free(&h);
        return 0;
    }
    FUZZ_CHECK(h.npresets <= LD_MAX_PRESETS, "presets %zu", h.npresets);
    FUZZ_CHECK(h.nshipped == h.noffers, "shipped %zu of %zu", h.nshipped, h.noffers);
    for (size_t i = 0; i < h.npresets; i++)
        FUZZ_CHECK(hosting_preset_find(&h, h.presets[i].name) != NULL, "preset %zu", i);
    for (size_t i = 0; i < h.noffers; i++) {
        FUZZ_CHECK(h.offers[i].input_per_1k > 0 && isfinite(h.offers[i].input_per_1k), "price");
        FUZZ_CHECK(hosting_offer_find(&h, h.offers[i].name) != NULL, "offer %zu", i);
    }
    fz_cost_all(&h);
    hosting_free(&h);
    return 0;
}
