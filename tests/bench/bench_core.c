/* bench_core.c - times the core on a large CSV and prints `NAME VALUE UNIT`.
 *
 *   bench_core FILE.csv PREFIX
 *
 * Figures: PREFIX_load_s, PREFIX_sort_ms (mmlu desc), PREFIX_resort_ms (the
 * same key again), PREFIX_sort2_ms (two keys), PREFIX_filter_ms,
 * PREFIX_score_ms (value scores after a weight change), PREFIX_csv_write_ms,
 * peak_rss_PREFIX_mb.  Benchmarks print; they never fail the test suite. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "llmdeck/csvload.h"
#include "llmdeck/filter.h"
#include "llmdeck/output.h"
#include "llmdeck/score.h"
#include "llmdeck/view.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_core FILE.csv PREFIX\n");
        return 2;
    }
    const char *pre = argv[2];
    ld_error err;
    double t = now();
    ld_catalog *cat = csvload_file(argv[1], NULL, &err);
    if (!cat) {
        char buf[1200];
        error_format(&err, buf, sizeof buf);
        fprintf(stderr, "bench_core: %s\n", buf);
        return 1;
    }
    printf("load_%s_s %.3f s\n", pre, now() - t);
    printf("rows_%s %zu rows\n", pre, catalog_rows(cat));
    size_t n = catalog_rows(cat);
    uint32_t *idx = malloc(n * sizeof *idx);
    ld_sort_key k1[2] = {{catalog_col_index(cat, "mmlu"), 1}, {catalog_col_index(cat, "model"), 0}};
    view_identity(cat, idx);
    t = now();
    view_sort(cat, idx, n, k1, 1);
    printf("sort_%s_ms %.1f ms\n", pre, (now() - t) * 1e3);
    view_identity(cat, idx);
    t = now();
    view_sort(cat, idx, n, k1, 1);
    printf("resort_%s_ms %.1f ms\n", pre, (now() - t) * 1e3);
    view_identity(cat, idx);
    ld_sort_key k2[2] = {{catalog_col_index(cat, "type"), 0}, {catalog_col_index(cat, "mmlu"), 1}};
    t = now();
    view_sort(cat, idx, n, k2, 2);
    printf("sort2_%s_ms %.1f ms\n", pre, (now() - t) * 1e3);
    view_identity(cat, idx);
    t = now();
    view_sort(cat, idx, n, k2, 2);
    printf("sort2_again_%s_ms %.1f ms\n", pre, (now() - t) * 1e3);
    ld_filter *f = filter_compile(cat, "mmlu>=50 and arc<70 or model~qwen", "bench", &err);
    view_identity(cat, idx);
    t = now();
    size_t m = filter_apply(f, cat, idx, n, idx);
    printf("filter_%s_ms %.1f ms\n", pre, (now() - t) * 1e3);
    printf("filter_rows_%s %zu rows\n", pre, m);
    filter_free(f);
    ld_column *mm = catalog_col(cat, (size_t)catalog_col_index(cat, "mmlu"));
    mm->weight = 1;
    t = now();
    score_update(cat, LD_MISSING_ZERO);
    printf("score_%s_ms %.1f ms\n", pre, (now() - t) * 1e3);
    view_identity(cat, idx);
    view_sort(cat, idx, n, k1, 1);
    int *cols = malloc(catalog_cols(cat) * sizeof *cols);
    size_t nc = 0;
    for (size_t c = 0; c < catalog_cols(cat); c++)
        if (!(catalog_col(cat, c)->flags & LD_COLF_DERIVED)) cols[nc++] = (int)c;
    FILE *out = fopen("/dev/null", "w");
    static char buf[1 << 20];
    setvbuf(out, buf, _IOFBF, sizeof buf);
    t = now();
    output_table(out, cat, idx, n, cols, nc, LD_FMT_CSV);
    fflush(out);
    printf("csv_write_%s_ms %.1f ms\n", pre, (now() - t) * 1e3);
    fclose(out);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak_rss_%s_mb %.1f MB\n", pre, (double)ru.ru_maxrss / 1024.0);
    free(cols);
    free(idx);
    catalog_free(cat);
    return 0;
}
