/* cmd_stubs.c - TEMPORARY weak placeholders while the subcommands are written. */
#include <stdio.h>
#include "cli.h"
__attribute__((weak)) int cmd_recommend(int argc, char **argv) { (void)argc; (void)argv; fprintf(stderr, "not built yet\n"); return 1; }
__attribute__((weak)) int cmd_cost(int argc, char **argv) { (void)argc; (void)argv; fprintf(stderr, "not built yet\n"); return 1; }
__attribute__((weak)) int cmd_size(int argc, char **argv) { (void)argc; (void)argv; fprintf(stderr, "not built yet\n"); return 1; }
