/* fuzz_litellm.c - LiteLLM's model_prices_and_context_window.json
 * (--load FILE.json): the import, then the cost of each offer it added. */
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ld_hosting h;
    hosting_init(&h);
    ld_error err;
    error_clear(&err);
    size_t added = 0;
    if (hosting_load_litellm(&h, (const char *)data, size, "dir/prices.json", &added, &err) != 0) {
        fz_check_error(&err);
        FUZZ_CHECK(added == 0, "added %zu on failure", added);
        hosting_free(&h);
        return 0;
    }
    FUZZ_CHECK(added == h.noffers, "added %zu, have %zu", added, h.noffers);
    for (size_t i = 0; i < h.noffers; i++) {
        const ld_api_offer *o = &h.offers[i];
        FUZZ_CHECK(o->input_per_1k > 0 && o->output_per_1k > 0, "price of %s", o->name);
        FUZZ_CHECK(hosting_offer_find(&h, o->name) != NULL, "offer %s", o->name);
        if (i >= 4) continue;
        ld_cost_input in;
        cost_defaults(&in);
        in.api_in_per_1k = o->input_per_1k;
        in.api_out_per_1k = o->output_per_1k;
        in.api_label = o->name;
        ld_cost c;
        if (cost_compute(&in, &c, &err) != 0) {
            fz_check_error(&err);
            continue;
        }
        cost_report r = {&in, &c, o};
        fz_check_writer(write_cost, &r, "cost", 1);
    }
    hosting_free(&h);
    return 0;
}
