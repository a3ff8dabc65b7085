/* term.h - the two ways the TUI meets a screen: a real terminal (term.c,
 * with signal handling and --play) and an off-screen one (headless.c). */
#ifndef LLMDECK_TUI_TERM_H
#define LLMDECK_TUI_TERM_H

#include <stdio.h>

#include "app.h"
#include "keyspec.h"

/* Installs handlers so the terminal is restored and the settings saved on
 * SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM,
 * SIGPROF and SIGXCPU (a clean quit, then the signal is re-raised), and the
 * terminal restored on fatal signals (endwin, then the default action). */
void term_signals_install(void);
/* The terminating signal received, or 0. */
int term_signal(void);
/* Marks whether curses owns the terminal (the fatal handler restores it). */
void term_set_active(int active);

/* A paste longer than the field it went to: the rest of it is dropped at
 * once (and with it a line end that would accept the cut text), instead
 * of being read a byte at a time only to be refused; a Ctrl-\ or Ctrl-C
 * typed after it then acts at once.  Real terminals only. */
void term_drop_typeahead(const app *a);

/* Sets up a freshly created screen: modes, colours, mouse. */
void term_setup(int interactive, int mono);

/* The interactive loop; replays script[0..n) first, one key per delay_ms,
 * until a key is pressed.  Returns when the app quits or a signal came. */
void term_loop(app *a, const ks_event *script, size_t n, int delay_ms);

/* Headless: an off-screen screen of w x h cells (no terminal needed). */
SCREEN *headless_open(int w, int h, char *err, size_t errlen);
void headless_close(SCREEN *s);
/* Feeds the events to the app, drawing after each, as the real loop does. */
void headless_run(app *a, const ks_event *ev, size_t n);
/* Writes the screen as text, one line per row, trailing blanks trimmed. */
int headless_dump(const app *a, FILE *out);

#endif
