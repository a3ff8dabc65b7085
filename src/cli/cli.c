/* cli.c - helpers the subcommands share. */
#include "cli.h"
#include "front/loadbar.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "llmdeck/score.h"
#include "llmdeck/units.h"

int cli_report(const ld_error *e)
{
    char buf[1200];
    error_format(e, buf, sizeof buf);
    char safe[2400];
    fprintf(stderr, "llmdeck: %s\n", output_sanitize(buf, safe, sizeof safe));
    return error_exit_status(e);
}

int cli_report_cmd(const char *cmd, const ld_error *e)
{
    if (e->code != LD_ERR_USAGE) return cli_report(e); /* a file's error names the file */
    char buf[1200];
    error_format(e, buf, sizeof buf);
    return cli_usage_error(cmd, "%s", buf);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    char msg[1024], safe[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "llmdeck %s: %s\n", cmd, output_sanitize(msg, safe, sizeof safe));
    fprintf(stderr, "Try 'llmdeck %s --help'.\n", cmd);
    return 2;
}

int cli_common_option(cli_common *c, int opt, const char *arg)
{
    switch (opt) {
    case CLI_OPT_DATA:
        c->data_dir = arg;
        return 1;
    case CLI_OPT_LOAD:
        if (c->nloads == LD_MAX_LOADS) {
            fprintf(stderr, "llmdeck: --load: at most %d files\n", LD_MAX_LOADS);
            return -1;
        }
        c->loads[c->nloads++] = arg;
        return 1;
    case CLI_OPT_FORMAT:
        if (output_parse_format(arg, &c->format) != 0) {
            char safe[512];
            fprintf(stderr, "llmdeck: --format: expected text, csv, json or md, got '%s'\n",
                    output_sanitize(arg, safe, sizeof safe));
            return -1;
        }
        return 1;
    case CLI_OPT_HELP:
        c->help = 1;
        return 1;
    case CLI_OPT_DATASET:
        if (dataset_parse_kind(arg, &c->dataset) != 0) {
            char safe[512];
            fprintf(stderr, "llmdeck: --dataset: expected current or seed, got '%s'\n",
                    output_sanitize(arg, safe, sizeof safe));
            return -1;
        }
        c->dataset_given = 1;
        return 1;
    default:
        return 0;
    }
}

int cli_next_option(const char *cmd, int argc, char **argv, const struct option *opts, cli_common *com)
{
    opterr = 0; /* our messages name the flag and the subcommand */
    for (;;) {
        int opt = getopt_long(argc, argv, ":h", opts, NULL);
        if (opt == -1) return -1;
        int rc = cli_common_option(com, opt, optarg);
        if (rc < 0) return -2;
        if (rc > 0) continue;
        switch (opt) {
        case 'h': com->help = 1; continue;
        case ':': return cli_usage_error(cmd, "option '%s' needs a value", argv[optind - 1]), -2;
        case '?': /* optopt: the val of a long flag given a value, or the unknown letter */
            if (optopt >= CLI_OPT_DATA)
                return cli_usage_error(cmd, "option '%s' takes no value", argv[optind - 1]), -2;
            if (optopt) return cli_usage_error(cmd, "unknown option '-%c'", optopt), -2;
            return cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]), -2;
        default: return opt;
        }
    }
}

int cli_open_dataset(const cli_common *c, ld_dataset *ds)
{
    ld_error err;
    error_clear(&err);
    if (dataset_open_kind(ds, c->data_dir, c->dataset, NULL, &err) != 0) {
        dataset_close(ds);
        return cli_report(&err);
    }
    ld_csv_options copt = {0};
    loadbar_begin(&copt);
    int rc = 0;
    for (int i = 0; rc == 0 && i < c->nloads; i++) rc = dataset_load(ds, c->loads[i], &copt, &err);
    int cancelled = loadbar_end();
    if (rc != 0) {
        dataset_close(ds);
        if (cancelled) return fprintf(stderr, "llmdeck: load cancelled\n"), 130;
        return cli_report(&err);
    }
    return 0;
}

int cli_no_positionals(const char *cmd, int argc, char **argv)
{
    if (optind < argc) return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
    return 0;
}

int cli_parse_count(const char *cmd, const char *flag, const char *arg, double min,
                    double max, double *out)
{
    double v;
    if (units_parse_count(arg, &v) != 0) {
        cli_usage_error(cmd, "%s: expected a number like 750M, 1.25B, 1e9 or 32k, got '%s'", flag, arg);
        return -1;
    }
    if (v < min || v > max) {
        char lo[32], hi[32];
        units_format_count(min, lo, sizeof lo);
        units_format_count(max, hi, sizeof hi);
        cli_usage_error(cmd, "%s: %s is out of range (%s to %s)", flag, arg, lo, hi);
        return -1;
    }
    *out = v;
    return 0;
}

int cli_parse_scale(const char *cmd, const char *arg, int *out)
{
    if (strcmp(arg, "raw") == 0) *out = 0;
    else if (strcmp(arg, "percentile") == 0) *out = 1;
    else return cli_usage_error(cmd, "--scale: expected raw or percentile, got '%s'", arg);
    return 0;
}

int cli_parse_missing(const char *cmd, const char *arg, int *out)
{
    if (strcmp(arg, "zero") == 0) *out = LD_MISSING_ZERO;
    else if (strcmp(arg, "skip") == 0) *out = LD_MISSING_SKIP;
    else return cli_usage_error(cmd, "--missing: expected zero or skip, got '%s'", arg);
    return 0;
}

int cli_parse_gpu_class(const char *cmd, const char *arg, const char **out)
{
    static const char *const classes[] = {"datacenter", "workstation", "consumer", "any"};
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
        if (strcmp(arg, classes[i]) == 0) {
            *out = classes[i];
            return 0;
        }
    return cli_usage_error(cmd, "--gpu-class: expected datacenter, workstation, consumer or any, got '%s'", arg);
}
