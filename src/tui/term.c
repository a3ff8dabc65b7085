/* term.c - the real terminal: modes, signals, and the interactive loop
 * (with --play's scripted keys). */
#include "term.h"

#include <signal.h>
#include <string.h>
#include <time.h>

#include "bgjob.h"
#include "keys.h"

static volatile sig_atomic_t got_signal;
static volatile sig_atomic_t curses_active;

/* SIGINT, SIGTERM, SIGHUP, SIGQUIT (Ctrl-\), SIGUSR1, SIGUSR2, SIGALRM,
 * SIGVTALRM, SIGPROF, SIGXCPU: every signal whose default action ends the
 * process and that does not mean the state is broken.  Only note it; the
 * loop notices within a second (or at once: the read is interrupted) and
 * leaves through the normal exit, which saves settings and restores the
 * terminal (endwin: normal screen, cursor shown, mouse reporting off, the
 * tty modes of before); then tui_main re-raises it, so the exit status (and
 * SIGQUIT's core dump) are what the signal meant. */
static void on_quit_signal(int sig) { got_signal = sig; }

/* Fatal signals: the state is unknown, so restore the terminal and die the
 * way the signal meant (core dump included).  endwin is not
 * async-signal-safe, but a shell left in raw mode is worse; ncurses' own
 * handlers make the same trade. */
static void on_fatal_signal(int sig)
{
    if (curses_active) endwin();
    signal(sig, SIG_DFL);
    raise(sig);
}

void term_signals_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_quit_signal; /* no SA_RESTART: interrupt the read */
    static const int quit[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2,
                               SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU};
    for (size_t i = 0; i < sizeof quit / sizeof quit[0]; i++) sigaction(quit[i], &sa, NULL);
    sa.sa_handler = on_fatal_signal;
    sa.sa_flags = SA_RESETHAND | SA_NODEFER;
    static const int fatal[] = {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL};
    for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++) sigaction(fatal[i], &sa, NULL);
}

int term_signal(void) { return got_signal; }

void term_set_active(int active) { curses_active = active; }

void term_drop_typeahead(const app *a)
{
    if (!a->headless && curses_active) flushinp();
}

void term_setup(int interactive, int mono)
{
    if (has_colors() && !mono) {
        start_color();
        use_default_colors(); /* -1 = the terminal's own colours */
    }
    cbreak(); /* Ctrl-C stays a signal, Ctrl-Z suspends (ncurses handles it) */
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25); /* Esc should not feel sluggish */
    curs_set(0);
    if (interactive) {
        mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
        mouseinterval(0); /* no click synthesis: no delay after a press */
    }
}

static void feed(app *a, const ks_event *ev)
{
    switch (ev->kind) {
    case KS_CHAR:
    case KS_KEY: app_key(a, keys_from_event(ev)); break;
    case KS_CLICK: app_mouse(a, ev->y, ev->x, 0); break;
    case KS_WHEEL_UP: app_mouse(a, a->rows / 2, a->cols / 2, -1); break;
    case KS_WHEEL_DOWN: app_mouse(a, a->rows / 2, a->cols / 2, 1); break;
    case KS_RESIZE: app_message(a, MSG_INFO, "(a scripted resize only applies to --headless)"); break;
    }
}

static void mouse_event(app *a)
{
    MEVENT me;
    if (getmouse(&me) != OK) return;
    if (me.bstate & BUTTON4_PRESSED) app_mouse(a, me.y, me.x, -1);
    else if (me.bstate & BUTTON5_PRESSED) app_mouse(a, me.y, me.x, 1);
    else if (me.bstate & BUTTON1_PRESSED) app_mouse(a, me.y, me.x, 0);
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* One key (or mouse event) read by wget_wch. */
static void handle(app *a, int r, wint_t ch)
{
    if (r == KEY_CODE_YES && ch == KEY_MOUSE) mouse_event(a);
    else app_key(a, keys_from_curses(r == KEY_CODE_YES, (unsigned)ch));
}

void term_loop(app *a, const ks_event *script, size_t n, int delay_ms)
{
    size_t next = 0;
    int playing = n > 0;
    if (playing) app_message(a, MSG_INFO, "replaying %zu keys; press any key to take over", n);
    for (;;) {
        app_draw(a);
        wnoutrefresh(stdscr);
        doupdate();
        if (a->quit || got_signal) break;
        /* a timeout, so a signal that did not interrupt the read is seen;
         * a short one while a job runs, to show its progress and take its
         * result as soon as it is there */
        int busy = bgjob_running(a);
        wtimeout(stdscr, busy ? 50 : playing ? delay_ms : 1000);
        wint_t ch;
        int r = wget_wch(stdscr, &ch);
        if (got_signal) break;
        if (busy && r == ERR) { /* a replay waits for the job, as headless does */
            bgjob_poll(a, 0);
            continue;
        }
        if (r == ERR) {
            if (playing) {
                feed(a, &script[next++]);
                if (next == n) playing = 0;
            }
            continue;
        }
        if (playing) { /* the presenter takes over; this key only stops the replay */
            playing = 0;
            app_message(a, MSG_INFO, "replay stopped after %zu of %zu keys", next, n);
            continue;
        }
        handle(a, r, ch);
        /* what is already waiting (a paste) is handled before the next
         * frame: one draw per burst, not per key; at most 20 ms of it, so
         * the screen keeps up with an endless stream */
        wtimeout(stdscr, 0);
        double t0 = now_ms();
        while (!a->quit && !got_signal && now_ms() - t0 < 20 && (r = wget_wch(stdscr, &ch)) != ERR)
            handle(a, r, ch);
        bgjob_poll(a, 0);
    }
}
