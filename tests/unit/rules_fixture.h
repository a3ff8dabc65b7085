/* rules_fixture.h - a hand-written catalogue for the candidates' tests
 * (test_rules.c, test_rules_quality.c): seven rows in the shape of the
 * article's data, one closed, one without a cost, one without a context
 * length, and the article's three metrics weighted equally. */
#ifndef RULES_FIXTURE_H
#define RULES_FIXTURE_H

#include <string.h>

#include "testutil.h"

#include "llmdeck/catalog.h"

static ld_catalog *small_catalog(void)
{
    static const char *const cols[] = {"model", "aliases", "open_weights", "context_length",
                                       "commercial_use", "mmlu", "humaneval", "gsm8k",
                                       "relative_cost"};
    static const char *const rows[][9] = {
        {"GPT-4", "", "no", "128000", "yes", "86.4", "67", "92", "1.0"},
        {"Mixtral-8x7B", "Mixtral-8x7B-Instruct", "yes", "32768", "yes", "70.6", "40.2",
         "60.4", "0.04"},
        {"Mistral-7B", "Mistral-7B-Instruct", "yes", "8192", "yes", "60.1", "30.5", "52.2",
         "0.01"},
        {"Llama-2-70B", "Llama-2-70B-Chat", "yes", "4096", "restricted", "68.9", "29.9",
         "56.8", "0.05"},
        {"Qwen-72B", "Qwen-72B-Chat", "yes", "32768", "restricted", "74.4", "35.4",
         "61.3", "0.05"},
        {"NoCost-7B", "", "yes", "16384", "no", "50", "", "40", ""},
        {"NoCtx-7B", "", "yes", "", "yes", "50", "20", "40", "0.01"},
    };
    ld_catalog *cat = catalog_new();
    assert_non_null(cat);
    for (size_t c = 0; c < 9; c++)
        assert_true(catalog_add_column(cat, cols[c], LD_COL_TEXT, 0) >= 0);
    for (size_t r = 0; r < sizeof rows / sizeof *rows; r++) {
        size_t row = catalog_add_row(cat);
        for (size_t c = 0; c < 9; c++)
            assert_true(catalog_set_cell(cat, row, c, rows[r][c], strlen(rows[r][c])) >= 0);
    }
    ld_error err;
    assert_int_equal(catalog_finish(cat, "test", NULL, &err), 0);
    /* what the article's metrics.json does: three metrics, weighted equally */
    static const char *const metrics[] = {"mmlu", "humaneval", "gsm8k"};
    for (size_t i = 0; i < 3; i++) {
        ld_column *col = catalog_col(cat, (size_t)catalog_col_index(cat, metrics[i]));
        col->flags |= LD_COLF_METRIC;
        col->weight = 1;
    }
    return cat;
}

#endif
