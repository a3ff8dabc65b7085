/* bench_cost.c - how long the cost view's recompute takes: cost_compute
 * plus the 31-point sweep its chart draws, in capacity mode (the costlier
 * one: replicas and a step-function break-even).  Prints `NAME VALUE UNIT`. */
#include <stdio.h>
#include <time.h>

#include "llmdeck/cost.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(void)
{
    ld_cost_input in;
    cost_defaults(&in);
    in.mode = LD_COST_CAPACITY;
    in.replica_tokens_per_s = 2400;
    in.replica_monthly_usd = 2 * 2.5 * 730;
    ld_cost out;
    ld_cost_point pts[64];
    ld_error err;
    const int rounds = 2000;
    double sink = 0, t = now();
    for (int i = 0; i < rounds; i++) {
        in.tokens_per_month = 1e6 * (1 + i % 1000) * 10; /* the volume knob moving */
        if (cost_compute(&in, &out, &err) != 0) return 1;
        size_t n = cost_sweep(&in, 1e6, 100e9, 6, pts, 64);
        sink += out.selfhost_monthly_usd + pts[n - 1].api_usd;
    }
    double us = (now() - t) / rounds * 1e6;
    printf("cost_recompute_us %.1f us\n", us);
    return sink > 0 ? 0 : 1;
}
