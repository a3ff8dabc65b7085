/* tui.h - the interactive face: `llmdeck` without a subcommand. */
#ifndef LLMDECK_TUI_H
#define LLMDECK_TUI_H

/* Parses the TUI's flags (--data, --load, --theme, --view, --headless, ...)
 * and runs the TUI; returns the exit status. */
int tui_main(int argc, char **argv);

#endif
