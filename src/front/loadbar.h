/* loadbar.h - the progress bar of a long load, on the terminal.
 *
 * src/front/ holds what both front ends share and neither owns: the TUI
 * shows this bar before curses starts, the CLI while a subcommand loads.
 * The core only calls a progress callback (ld_csv_options.progress) and
 * never writes to a terminal; this module is that callback's drawing.
 *
 * Shown on stderr only when it is a terminal (silent in pipes and tests):
 *   llmdeck: loading [##########..........]  48%  482,113 rows  1.2M rows/s
 * Ctrl-C during the load cancels it cleanly: the loader stops, frees what
 * it built and reports "load cancelled" (exit status 130). */
#ifndef LLMDECK_FRONT_LOADBAR_H
#define LLMDECK_FRONT_LOADBAR_H

#include "llmdeck/csvload.h"

/* Sets opt->progress when stderr is a terminal and installs the Ctrl-C
 * handler; call loadbar_end() after the load. */
void loadbar_begin(ld_csv_options *opt);
/* Clears the bar and restores the previous SIGINT handler.  Returns 1 if
 * the user cancelled. */
int loadbar_end(void);

#endif
