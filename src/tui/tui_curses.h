/* tui_curses.h - the one place that includes <curses.h>.
 *
 * The wide-character API (cchar_t, get_wch, add_wch) is only declared when
 * NCURSES_WIDECHAR is set before the header; every TUI file includes this
 * instead of <curses.h> so none can forget. */
#ifndef LLMDECK_TUI_CURSES_H
#define LLMDECK_TUI_CURSES_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

#endif
