/* cmd_table.c - `llmdeck table`: the benchmark table, sorted, filtered, scored. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "llmdeck/csvload.h"
#include "llmdeck/evidence.h"
#include "llmdeck/suggest.h"
#include "front/loadbar.h"
#include "llmdeck/filter.h"
#include "llmdeck/memfit.h"
#include "llmdeck/score.h"
#include "llmdeck/units.h"
#include "llmdeck/view.h"

enum { OPT_SORT = CLI_OPT_FIRST_FREE, OPT_FILTER, OPT_COLUMNS, OPT_WEIGHTS, OPT_MISSING, OPT_SCALE, OPT_LIMIT, OPT_MEMORY };

static void help(void)
{
    printf("usage: llmdeck table [FILE...] [--sort KEY[:asc|:desc][,KEY...]] [--filter EXPR]\n"
           "                     [--columns A,B,...|all] [--weights ID=W,...] [--missing zero|skip]\n"
           "                     [--scale raw|percentile] [--limit N] [--memory QUANT[:CONTEXT]] [--format text|csv|json|md]\n"
           "                     [--dataset current|seed] [--data DIR] [--load FILE]...\n\n"
           "The benchmark table with the value score (quality per unit of relative cost).\n"
           "FILE... opens those CSV files instead of the built-in catalogue.\n\n"
           "  --sort     sort keys, most significant first; missing values always last\n"
           "  --filter   e.g. 'mmlu>=65 and context_length>=32k', 'license~apache', or plain text\n"
           "  --columns  column ids to show (default: the benchmark columns), or 'all'\n"
           "  --weights  metric weights for the value score, e.g. mmlu=2,arc=1 (others keep theirs)\n"
           "  --missing  a missing metric counts as 0 (zero: the 2023 article's rule, the default\n"
           "             of --dataset seed) or is left out (skip: the current catalogue's default)\n"
           "  --scale    each metric in the quality as its percentile among the rows measured on\n"
           "             it (percentile: the current catalogue's default) or as metric/100 (raw: the\n"
           "             2023 article's, the default of --dataset seed and of FILE...)\n"
           "  --dataset  current (today's sourced catalogue, default) or seed (the 2023 article's\n"
           "             seven rows exactly as printed)\n"
           "  --limit    show at most N rows (0: all, as recommend's --limit 0)\n"
           "  --memory   the set-up of the Mem GB and Fits on columns (default int4:8192, metrics.json\n"
           "             memory_at_a_glance): fp16, fp8, int4, q4_k_m, ... or release (each model as\n"
           "             its publisher releases it, fp16 where its row states none), then :CONTEXT\n"
           "             in tokens (release:32k)\n"
           "  --load     merge rows and columns of a CSV by model name or alias\n");
}

/* --memory QUANT[:CONTEXT]: Mem GB and Fits on again at that set-up (the
 * TUI's `S`); the context defaults to the data set's.  0, or the exit
 * status of a usage error naming the flag. */
static int memory_setup(ld_dataset *ds, const char *spec)
{
    ld_catalog *cat = ds->models;
    if (catalog_col_index(cat, "mem_gb") < 0 || !ds->gpus)
        return cli_usage_error("table", "--memory: these data have no Mem GB column (metrics.json "
                                        "memory_at_a_glance and gpus.csv)");
    char quant[32], defq[32];
    double context = 8192, c;
    size_t len;
    const char *m = dataset_file(ds, "metrics.json", &len, NULL);
    if (m && memfit_read_setup(m, len, defq, sizeof defq, &c)) context = c;
    const char *colon = strchr(spec, ':');
    size_t qlen = colon ? (size_t)(colon - spec) : strlen(spec);
    if (qlen == 0 || qlen >= sizeof quant)
        return cli_usage_error("table", "--memory: expected QUANT[:CONTEXT], like int4:8k or release:32k, got '%s'",
                               spec);
    memcpy(quant, spec, qlen);
    quant[qlen] = '\0';
    if (colon && (units_parse_count(colon + 1, &context) != 0 || context < 1 || context > 1e8))
        return cli_usage_error("table", "--memory: context: expected tokens from 1 to 100M, like 8k or 131072, "
                                        "got '%s'", colon + 1);
    ld_error err;
    error_clear(&err);
    if (memfit_compute(cat, quant, context, ds->gpus, &err) < 0) {
        if (err.code == LD_ERR_USAGE)
            return cli_usage_error("table", "--memory: %s (fp16, fp8, int8, int4, q4_k_m, ..., release)", err.msg);
        return cli_report(&err);
    }
    return 0;
}

/* The data set's table_columns (metrics.json) for the catalogue; for other
 * files every column. */
static int pick_columns(const ld_catalog *cat, char *const *default_columns, const char *spec,
                        int builtin, int **cols, size_t *ncols)
{
    size_t cap = catalog_cols(cat) + 8;
    *cols = malloc(cap * sizeof **cols);
    *ncols = 0;
    if (!*cols) return -1;
    if (spec && strcmp(spec, "all") != 0) {
        char *copy = strdup(spec), *save = NULL;
        if (!copy) return -1;
        for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
            int c = suggest_column(cat, t);
            if (c < 0) {
                char hint[200];
                suggest_column_hint(cat, t, hint, sizeof hint);
                cli_usage_error("table", "--columns: unknown column '%s'%s", t, hint);
                free(copy);
                return -2;
            }
            if (*ncols < cap) (*cols)[(*ncols)++] = c;
        }
        free(copy);
        if (*ncols == 0) {
            cli_usage_error("table", "--columns: no columns given");
            return -2;
        }
        return 0;
    }
    if (builtin && !spec) {
        for (char *const *id = default_columns; *id; id++) {
            int c = catalog_col_index(cat, *id);
            if (c >= 0) (*cols)[(*ncols)++] = c;
        }
        /* a metric brought in with --load is part of the comparison too */
        for (size_t c = 0; c < catalog_cols(cat); c++) {
            const ld_column *col = catalog_col(cat, c);
            int shown = 0;
            for (size_t k = 0; k < *ncols; k++) shown |= (*cols)[k] == (int)c;
            if (!shown && col->type == LD_COL_NUMBER && !(col->flags & LD_COLF_DERIVED) &&
                !(col->flags & LD_COLF_DECLARED_NUMBER))
                (*cols)[(*ncols)++] = (int)c;
        }
        return 0;
    }
    int has_cost = catalog_col_index(cat, "relative_cost") >= 0;
    for (size_t c = 0; c < catalog_cols(cat); c++) {
        const ld_column *col = catalog_col(cat, c);
        if (col->flags & LD_COLF_DERIVED) {
            if (!spec && !(has_cost && strcmp(col->id, "value_score") == 0)) continue;
        }
        (*cols)[(*ncols)++] = (int)c;
    }
    return 0;
}

/* Does the command show, sort or filter by the frontier?  A FILE's table
 * shows it only when asked (--columns naming it, or all); a filter, even
 * a plain word, may read any column.  When not, its pass is skipped (a
 * sort of all rows by cost: 5% of the job at 200k rows). */
static int frontier_wanted(const char *columns, const char *sort, const char *filter)
{
    return filter || (sort && strcasestr(sort, "frontier")) ||
           (columns && (strcasestr(columns, "frontier") || !strcasecmp(columns, "all")));
}

/* The column ids whose numbers a CSV export of one FILE reads beyond the
 * data set's own (weighted metrics, cost): its sort keys, as typed in
 * snake_case (a key named otherwise is typed after the load,
 * catalog_keep_numbers).  The other numeric columns are checked, not
 * parsed: a CSV copies them as written (0.92 of the shape3 job's time,
 * doc/performance.md).  Not with a filter, weights or --memory, which may
 * read any column, nor a merge.  NULL when every number is read. */
#define READ_MAX 8
static const char *const *numbers_read(const cli_common *com, int nfiles, const char *sort, const char *filter,
                                       const char *weights, const char *memory, char ids[READ_MAX][128])
{
    static const char *list[READ_MAX + 1];
    if (com->format != LD_FMT_CSV || nfiles != 1 || com->nloads || filter || weights || memory) return NULL;
    size_t n = 0;
    for (const char *p = sort; p && *p && n < READ_MAX;) {
        size_t len = strcspn(p, ",:");
        csvload_snake_case(p, len, ids[n], sizeof ids[n]);
        list[n] = ids[n];
        n++;
        p += len;
        p += strcspn(p, ",");
        if (*p) p++;
    }
    if (sort && n == READ_MAX) return NULL; /* more keys than foreseen: read every number */
    list[n] = NULL;
    return list;
}

int cmd_table(int argc, char **argv)
{
    static const struct option opts[] = {
        {"sort", required_argument, 0, OPT_SORT},
        {"filter", required_argument, 0, OPT_FILTER},
        {"columns", required_argument, 0, OPT_COLUMNS},
        {"weights", required_argument, 0, OPT_WEIGHTS},
        {"missing", required_argument, 0, OPT_MISSING},
        {"scale", required_argument, 0, OPT_SCALE},
        {"limit", required_argument, 0, OPT_LIMIT},
        {"memory", required_argument, 0, OPT_MEMORY},
        CLI_COMMON_OPTIONS,
        {0, 0, 0, 0},
    };
    cli_common com = {0};
    const char *sort = NULL, *filter = NULL, *columns = NULL, *weights = NULL, *memory = NULL;
    ld_missing missing = LD_MISSING_ZERO;
    int missing_given = 0, scale = -1; /* -1: the data set's */
    long limit = -1;
    int opt;
    while ((opt = cli_next_option("table", argc, argv, opts, &com)) >= 0) {
        switch (opt) {
        case OPT_SORT: sort = optarg; break;
        case OPT_FILTER: filter = optarg; break;
        case OPT_MEMORY: memory = optarg; break;
        case OPT_COLUMNS: columns = optarg; break;
        case OPT_WEIGHTS: weights = optarg; break;
        case OPT_MISSING: {
            int m;
            if (cli_parse_missing("table", optarg, &m) != 0) return 2;
            missing = (ld_missing)m;
            missing_given = 1;
            break;
        }
        case OPT_SCALE:
            if (cli_parse_scale("table", optarg, &scale) != 0) return 2;
            break;
        case OPT_LIMIT:
            if (units_parse_long(optarg, 0, 2000000000L, &limit) != 0)
                return cli_usage_error("table", "--limit: expected a whole number >= 0, got '%s'", optarg);
            break;
        }
    }
    if (opt == -2) return 2;
    if (com.help) {
        help();
        return 0;
    }
    ld_dataset ds;
    ld_error err;
    error_clear(&err);
    int builtin = optind >= argc;
    if (builtin) {
        int rc = cli_open_dataset(&com, &ds);
        if (rc) return rc;
    } else {
        if (com.data_dir)
            return cli_usage_error("table", "--data: not with FILE arguments (they replace the catalogue)");
        if (com.dataset_given)
            return cli_usage_error("table", "--dataset: not with FILE arguments (they replace the catalogue)");
        ld_csv_options copt = {0};
        copt.no_frontier = !frontier_wanted(columns, sort, filter);
        char read_ids[READ_MAX][128];
        copt.numbers_read = numbers_read(&com, argc - optind, sort, filter, weights, memory, read_ids);
        loadbar_begin(&copt); /* a bar and Ctrl-C on a terminal, for big files */
        int rc = dataset_open_files(&ds, argv + optind, (size_t)(argc - optind), &copt, &err);
        for (int i = 0; rc == 0 && i < com.nloads; i++) rc = dataset_load(&ds, com.loads[i], &copt, &err);
        int cancelled = loadbar_end();
        if (rc != 0) {
            dataset_close(&ds);
            if (cancelled) return fprintf(stderr, "llmdeck: load cancelled\n"), 130;
            return cli_report(&err);
        }
    }
    ld_catalog *cat = ds.models;
    int status = 0;
    {
        /* a user's figures the scores cannot take as meant: said, not refused */
        char why[1024];
        if (score_range_warnings(cat, why, sizeof why) > 0) fprintf(stderr, "llmdeck table: warning: %s\n", why);
    }
    uint32_t *idx = NULL;
    int *cols = NULL;
    size_t ncols = 0;
    ld_filter *f = NULL;
    if (memory && (status = memory_setup(&ds, memory)) != 0) goto out;
    if (weights && score_parse_weights(cat, weights, "--weights", &err) != 0) goto fail;
    /* opening the data scored every row with the default weights and the
     * data set's missing policy: score again only if either changed (a pass
     * over every row, measurable at a million) */
    if (!missing_given) missing = ds.policy;
    int rescale = scale >= 0 && scale != score_percentile_scale(cat);
    if (rescale && score_set_percentile_scale(cat, scale) != 0) {
        error_set(&err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
        goto fail;
    }
    if ((weights || rescale || missing != ds.policy) &&
        score_update_opts(cat, missing, builtin || frontier_wanted(columns, sort, filter)) < 0) {
        error_set(&err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
        goto fail;
    }
    ld_sort_key keys[LD_MAX_SORT_KEYS];
    size_t nkeys = 0;
    if (!sort && builtin && ds.default_sort[0]) sort = ds.default_sort; /* the data set's order */
    if (sort && view_parse_sort(cat, sort, "--sort", keys, &nkeys, &err) != 0) goto fail;
    for (size_t k = 0; k < nkeys; k++) /* a key whose numbers the load left unread */
        if (catalog_keep_numbers(cat, (size_t)keys[k].col) != 0) goto nomem;
    if (filter && !(f = filter_compile(cat, filter, "--filter", &err))) goto fail;
    int pc = pick_columns(cat, ds.table_columns, columns, builtin, &cols, &ncols);
    if (pc == -2) {
        status = 2;
        goto out;
    }
    if (pc < 0) goto nomem;
    size_t n = catalog_rows(cat);
    idx = malloc((n ? n : 1) * sizeof *idx);
    if (!idx) goto nomem;
    n = view_identity(cat, idx);
    if (f) n = filter_apply(f, cat, idx, n, idx);
    if (nkeys && view_sort(cat, idx, n, keys, nkeys) != 0) goto nomem;
    if (limit > 0 && (size_t)limit < n) n = (size_t)limit; /* 0: all, as recommend's --limit 0 */
    static char outbuf[1 << 20]; /* large writes: fewer system calls */
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    int table_err = output_table(stdout, cat, idx, n, cols, ncols, com.format) != 0;
    char note[512]; /* the top of a value or quality ranking on thin evidence: said under the table */
    if (!table_err && (com.format == LD_FMT_TEXT || com.format == LD_FMT_MD) &&
        evidence_note(cat, idx, n, nkeys ? keys[0].col : -1, note, sizeof note))
        fprintf(stdout, "\n%s%s\n", com.format == LD_FMT_MD ? "Note: " : "note: ", note);
    if (table_err || fflush(stdout) != 0) {
        fprintf(stderr, "llmdeck: write error\n");
        status = 1;
    }
    goto out;
nomem:
    error_set(&err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
fail:
    status = cli_report_cmd("table", &err);
    /* name the flag in usage errors that came from the core */
out:
    filter_free(f);
    free(idx);
    free(cols);
    dataset_close(&ds);
    return status;
}
