/* cmd_data.c - `llmdeck data`: which data files are in use, their row
 * counts, dates and sources (for freshness: the seed's figures are 2023's). */
#include <cjson/cJSON.h>
#include <string.h>
#include <time.h>

#include "cli.h"

#include "llmdeck/datacheck.h"
#include "llmdeck/report.h"

static void help(void)
{
    printf("usage: llmdeck data [--check [--as-of YYYY-MM-DD]] [--dataset current|seed] [--data DIR]\n"
           "                    [--load FILE]... [--format text|json]\n\n"
           "Lists the data files in use (embedded, from --data DIR, or --load), with their\n"
           "row counts, as-of dates and sources (from data/manifest.json).\n\n"
           "  --check   validate the data set instead: every row and figure group sourced, one\n"
           "            setting per metric column, parameter counts within 3%% of the architecture,\n"
           "            every open row's KV cache computable, unique names and aliases, GPU prices\n"
           "            dated (a warning past 12 months).  Exit 0 when clean (warnings allowed),\n"
           "            1 with FILE:LINE messages otherwise\n"
           "  --as-of   the date prices are aged against (default: today, UTC)\n");
}

/* as_of and source of a file from manifest.json (or "" when absent). */
static void manifest_info(const cJSON *manifest, const char *name, const char **as_of,
                          const char **source)
{
    *as_of = "";
    *source = "";
    const cJSON *files = cJSON_GetObjectItemCaseSensitive(manifest, "files");
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(files, name);
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(f, "as_of");
    const cJSON *s = cJSON_GetObjectItemCaseSensitive(f, "source");
    if (cJSON_IsString(a)) *as_of = a->valuestring;
    if (cJSON_IsString(s)) *source = s->valuestring;
}

static size_t count_rows(const ld_datafile *f)
{
    if (f->rows) return f->rows;
    if (strstr(f->name, ".csv")) { /* physical lines minus the header: good enough for a listing */
        size_t n = 0;
        for (size_t i = 0; i < f->len; i++) n += f->text[i] == '\n';
        return n ? n - 1 : 0;
    }
    return 0;
}

/* `data --check`: the findings, then a summary line; 0 clean, 1 errors. */
static int run_check(const ld_dataset *ds, const char *date)
{
    char today[16];
    if (date) snprintf(today, sizeof today, "%s", date);
    else {
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        strftime(today, sizeof today, "%Y-%m-%d", &tm);
    }
    ld_check_report rep;
    if (datacheck_run(ds, today, &rep) != 0) {
        datacheck_free(&rep);
        fprintf(stderr, "llmdeck: out of memory\n");
        return 1;
    }
    char safe[2048];
    for (size_t i = 0; i < rep.n; i++) {
        const ld_finding *f = &rep.v[i];
        char loc[300];
        if (f->line > 0) snprintf(loc, sizeof loc, "%s:%ld", f->file, f->line);
        else snprintf(loc, sizeof loc, "%s", f->file);
        printf("%s: %s: %s\n", loc, f->error ? "error" : "warning", output_sanitize(f->msg, safe, sizeof safe));
    }
    printf("data check: %zu rows, %zu parameter counts recomputed; %zu error%s, %zu warning%s\n", rep.rows_checked,
           rep.params_checked, rep.errors, rep.errors == 1 ? "" : "s", rep.warnings, rep.warnings == 1 ? "" : "s");
    int status = rep.errors ? 1 : 0;
    datacheck_free(&rep);
    return status;
}

int cmd_data(int argc, char **argv)
{
    enum { OPT_CHECK = CLI_OPT_FIRST_FREE, OPT_AS_OF };
    static const struct option opts[] = {
        {"check", no_argument, 0, OPT_CHECK},
        {"as-of", required_argument, 0, OPT_AS_OF},
        CLI_COMMON_OPTIONS,
        {0, 0, 0, 0},
    };
    cli_common com = {0};
    int opt, check = 0;
    const char *check_date = NULL;
    while ((opt = cli_next_option("data", argc, argv, opts, &com)) >= 0) {
        if (opt == OPT_CHECK) check = 1;
        else if (opt == OPT_AS_OF) {
            int y, m, d;
            char extra;
            if (sscanf(optarg, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
                return cli_usage_error("data", "--as-of: expected a date YYYY-MM-DD, got '%s'", optarg);
            check_date = optarg;
        }
    }
    if (opt == -2) return 2;
    if (check_date && !check) return cli_usage_error("data", "--as-of: only with --check");
    if (com.help) {
        help();
        return 0;
    }
    if (cli_no_positionals("data", argc, argv)) return 2;
    ld_dataset ds;
    int rc = cli_open_dataset(&com, &ds);
    if (rc) return rc;
    if (check) {
        rc = run_check(&ds, check_date);
        dataset_close(&ds);
        return rc;
    }
    size_t mlen = 0;
    const char *mtext = dataset_file(&ds, "manifest.json", &mlen, NULL);
    cJSON *manifest = mtext ? cJSON_ParseWithLength(mtext, mlen) : NULL;
    int json = com.format == LD_FMT_JSON;
    char safe[2048];
    if (json) printf("{\"files\": [");
    else printf("%-14s %-9s %6s  %-10s %s\n", "file", "origin", "rows", "as of", "source");
    for (size_t i = 0; i < ds.nfiles; i++) {
        const ld_datafile *f = &ds.files[i];
        const char *as_of, *source;
        manifest_info(manifest, f->name, &as_of, &source);
        size_t rows = count_rows(f);
        if (json) {
            printf(i ? ",\n  {" : "\n  {");
            printf("\"name\": ");
            output_json_string(stdout, f->name);
            printf(", \"origin\": ");
            output_json_string(stdout, f->origin);
            if (rows || strstr(f->name, ".csv")) printf(", \"rows\": %zu, \"as_of\": ", rows);
            else fputs(", \"rows\": null, \"as_of\": ", stdout); /* a JSON file has no rows, as the text's "-" */
            output_json_string(stdout, as_of);
            printf(", \"source\": ");
            output_json_string(stdout, source);
            printf("}");
        } else {
            char count[32] = "-"; /* JSON files have no rows to count */
            if (rows || strstr(f->name, ".csv")) snprintf(count, sizeof count, "%zu", rows);
            printf("%-14s %-9s %6s  %-10s %s\n", f->name,
                   strcmp(f->origin, "embedded") == 0 ? "embedded" : "--data", count, as_of,
                   output_sanitize(source, safe, sizeof safe));
            if (strcmp(f->origin, "embedded") != 0) printf("%24s%s\n", "", output_sanitize(f->origin, safe, sizeof safe));
        }
    }
    if (json) printf("\n], \"loads\": [");
    for (size_t i = 0; i < ds.nloads; i++) {
        const ld_load *l = &ds.loads[i];
        const char *kind = l->kind == LD_LOAD_LITELLM ? "litellm-prices" : "csv";
        if (json) {
            printf(i ? ",\n  {" : "\n  {");
            printf("\"path\": ");
            output_json_string(stdout, l->path);
            printf(", \"kind\": \"%s\", \"rows\": %zu, \"merged\": %zu}", kind, l->rows, l->merged);
        } else {
            if (l->kind == LD_LOAD_LITELLM)
                printf("%-14s %-9s %6zu  %s (API prices, USD per token)\n", "--load", "litellm", l->rows,
                       output_sanitize(l->path, safe, sizeof safe));
            else
                printf("%-14s %-9s %6zu  %s (%zu joined existing models)\n", "--load", kind, l->rows,
                       output_sanitize(l->path, safe, sizeof safe), l->merged);
        }
    }
    /* how far the catalogue reaches, which the files' revision dates above do not say */
    ld_data_horizon h;
    dataset_horizon(&ds, &h);
    /* and how the prices of models no provider hosts were made (estimate.h) */
    const ld_estimate_scale *e = &ds.estimates;
    int scaled = e->rows > 0 && e->measured >= LD_ESTIMATE_MIN_HOSTED;
    if (json) {
        printf("%s], \"horizon\": ", ds.nloads ? "\n" : "");
        report_horizon_json(stdout, &h);
        printf(", \"estimates\": {\"rows\": %ld, \"hosted_compared\": %zu, \"scale\": ", e->rows, e->measured);
        if (scaled) printf("%.6g, \"scale_q1\": %.6g, \"scale_q3\": %.6g}", e->k, e->q1, e->q3);
        else printf("1}");
        printf("}\n");
    } else {
        char reach[256];
        if (*dataset_horizon_text(&h, reach, sizeof reach))
            printf("\nreach: %s\n", reach);
        if (scaled)
            printf("estimates: %ld open models with no hosted offer are priced at llmdeck's self-hosting cost × %.3g, "
                   "the median of hosted price / that cost over %zu hosted models (quartiles %.3g-%.3g)\n",
                   e->rows, e->k, e->measured, e->q1, e->q3);
        else if (e->rows > 0)
            printf("estimates: %ld open models with no hosted offer are priced at llmdeck's self-hosting cost, not "
                   "scaled (%zu hosted models to compare, %d needed)\n",
                   e->rows, e->measured, LD_ESTIMATE_MIN_HOSTED);
    }
    cJSON_Delete(manifest);
    dataset_close(&ds);
    return 0;
}
