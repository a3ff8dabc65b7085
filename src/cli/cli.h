/* cli.h - what the subcommands share: common flags, the data set, errors.
 *
 * Each subcommand lives in src/cli/cmd_NAME.c as `int cmd_NAME(int argc,
 * char **argv)` (argv[0] is the subcommand name) and returns the process
 * exit status: 0 success, 1 runtime failure, 2 bad usage or bad input. */
#ifndef LLMDECK_CLI_H
#define LLMDECK_CLI_H

#include <getopt.h>
#include <stdio.h>

#include "llmdeck/dataset.h"
#include "llmdeck/error.h"
#include "llmdeck/output.h"
#include "llmdeck/version.h"

/* Long options every subcommand accepts; append them to a subcommand's own
 * table with CLI_COMMON_OPTIONS (their `val`s are the CLI_OPT_* below). */
enum {
    CLI_OPT_DATA = 1000,
    CLI_OPT_LOAD,
    CLI_OPT_FORMAT,
    CLI_OPT_HELP,
    CLI_OPT_RULES,
    CLI_OPT_DATASET,
    CLI_OPT_FIRST_FREE = 1100 /* subcommands number their own options from here */
};
#define CLI_COMMON_OPTIONS \
    {"data", required_argument, 0, CLI_OPT_DATA}, \
    {"load", required_argument, 0, CLI_OPT_LOAD}, \
    {"format", required_argument, 0, CLI_OPT_FORMAT}, \
    {"dataset", required_argument, 0, CLI_OPT_DATASET}, \
    {"help", no_argument, 0, CLI_OPT_HELP}

typedef struct {
    const char *data_dir;
    ld_dataset_kind dataset; /* --dataset current|seed */
    int dataset_given;
    const char *loads[LD_MAX_LOADS];
    int nloads;
    ld_format format;
    int help;
} cli_common;

/* Handles a common option; returns 1 if `opt` was one, 0 if not, -1 on a bad
 * value (message already printed, exit 2). */
int cli_common_option(cli_common *c, int opt, const char *arg);

/* The next option of a subcommand's argv, with what every subcommand does
 * the same way handled here: the common options (into `com`), -h/--help,
 * and the usage errors "needs a value", "takes no value" and "unknown
 * option" (printed, naming the flag).  Returns the option's `val` for the
 * subcommand to handle, -1 at the end, or -2 after a usage error (exit 2).
 * `opts` ends with CLI_COMMON_OPTIONS and a zero entry. */
int cli_next_option(const char *cmd, int argc, char **argv, const struct option *opts, cli_common *com);

/* Opens the data set (embedded / --data / $LLMDECK_DATA) and applies the
 * --load files.  Prints the error and returns its exit status on failure. */
int cli_open_dataset(const cli_common *c, ld_dataset *ds);

/* Prints "llmdeck: FILE:LINE:COL: msg" on stderr; returns the exit status. */
int cli_report(const ld_error *e);
/* The same, but a usage error (a bad --sort, --filter, --weights) is said
 * as `llmdeck CMD: --flag: ...` with the hint to CMD's --help, exit 2. */
int cli_report_cmd(const char *cmd, const ld_error *e);
/* Prints "llmdeck CMD: MESSAGE" for a usage error naming a flag and
 * "Try 'llmdeck CMD --help'."; returns 2. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Rejects leftover positional arguments (returns 2 after a message). */
int cli_no_positionals(const char *cmd, int argc, char **argv);
/* Parses a number with suffix (750M, 32k) for `flag` within [min, max];
 * prints a message naming the flag and returns -1 on failure. */
int cli_parse_count(const char *cmd, const char *flag, const char *arg,
                    double min, double max, double *out);

/* --scale raw|percentile: *out 0 or 1 (score_set_percentile_scale), or a
 * usage error naming the flag (exit 2). */
int cli_parse_scale(const char *cmd, const char *arg, int *out);
/* --missing zero|skip: *out = LD_MISSING_ZERO or LD_MISSING_SKIP (as an
 * int: the header stays free of score.h); else a usage error (2). */
int cli_parse_missing(const char *cmd, const char *arg, int *out);
/* --gpu-class: datacenter, workstation, consumer or any; 0, or 2 after the message */
int cli_parse_gpu_class(const char *cmd, const char *arg, const char **out);

int cmd_table(int argc, char **argv);
int cmd_recommend(int argc, char **argv);
int cmd_cost(int argc, char **argv);
int cmd_size(int argc, char **argv);
int cmd_data(int argc, char **argv);
int cmd_chart(int argc, char **argv);

#endif
