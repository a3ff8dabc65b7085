/* cost_fixture.h - the 2023 article's scenario the cost tests start from
 * (test_cost.c, test_cost_answers.c). */
#ifndef LLMDECK_COST_FIXTURE_H
#define LLMDECK_COST_FIXTURE_H

#include "llmdeck/cost.h"

/* The article's defaults (1B tokens, $0.002 per 1K, 75% input) with a
 * replica of `monthly` dollars. */
static inline ld_cost_input seed(double monthly)
{
    ld_cost_input in;
    cost_defaults(&in);
    in.replica_monthly_usd = monthly;
    return in;
}

#endif
