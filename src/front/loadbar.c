/* loadbar.c - see loadbar.h. */
#include "loadbar.h"

#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "llmdeck/units.h"

static volatile sig_atomic_t cancelled;
static struct sigaction old_int;
static int active, drawn; /* drawn: width of the bar on screen */
static struct timespec started;

static void on_sigint(int sig)
{
    (void)sig;
    cancelled = 1; /* the loader notices at its next progress call */
}

static int draw(void *ctx, size_t done, size_t total, size_t rows)
{
    (void)ctx;
    if (cancelled) return 1;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double secs = (double)(now.tv_sec - started.tv_sec) + (double)(now.tv_nsec - started.tv_nsec) / 1e9;
    if (secs < 0.2) return 0; /* quick loads show nothing */
    char nrows[32], rate[32];
    units_format_count((double)rows, nrows, sizeof nrows);
    units_format_count(secs > 0 ? (double)rows / secs : 0, rate, sizeof rate);
    int w;
    if (total) {
        int pct = (int)((double)done * 100.0 / (double)total);
        char bar[21];
        for (int i = 0; i < 20; i++) bar[i] = i < pct / 5 ? '#' : '.';
        bar[20] = '\0';
        w = fprintf(stderr, "\rllmdeck: loading [%s] %3d%%  %s rows  %s rows/s  (Ctrl-C cancels) ", bar, pct,
                    nrows, rate);
    } else { /* a pipe: no size to compare with */
        char nbytes[32];
        units_format_count((double)done, nbytes, sizeof nbytes);
        w = fprintf(stderr, "\rllmdeck: loading %sB read  %s rows  %s rows/s  (Ctrl-C cancels) ", nbytes, nrows,
                    rate);
    }
    if (w > drawn) drawn = w;
    return 0;
}

void loadbar_begin(ld_csv_options *opt)
{
    cancelled = 0;
    drawn = 0;
    active = isatty(2);
    if (!active) return;
    clock_gettime(CLOCK_MONOTONIC, &started);
    opt->progress = draw;
    struct sigaction sa = {0};
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int);
}

int loadbar_end(void)
{
    if (!active) return 0;
    if (drawn) fprintf(stderr, "\r%*s\r", drawn + 2, ""); /* +2: a "^C" the terminal echoed */
    sigaction(SIGINT, &old_int, NULL);
    active = 0;
    return cancelled != 0;
}
