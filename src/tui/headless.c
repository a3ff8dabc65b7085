/* headless.c - the real TUI on an off-screen ncurses screen: no terminal,
 * a fixed size, keys from --keys, and the final screen read back cell by
 * cell as text.  Tests and demos drive exactly the code users run. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "bgjob.h"
#include "keys.h"
#include "llmdeck/utf8.h"
#include "term.h"

static FILE *null_in, *null_out;

SCREEN *headless_open(int w, int h, char *err, size_t errlen)
{
    /* TERM may be unset (CI) or odd: use a known description, so the
     * screen (and so the dump) never depends on the caller's terminal */
    static const char *const terms[] = {"xterm-256color", "xterm", "vt100", "ansi"};
    null_in = fopen("/dev/null", "r");
    null_out = fopen("/dev/null", "w");
    if (!null_in || !null_out) {
        snprintf(err, errlen, "cannot open /dev/null");
        headless_close(NULL);
        return NULL;
    }
    use_env(FALSE); /* LINES/COLUMNS of the caller must not leak in */
    SCREEN *s = NULL;
    for (size_t i = 0; i < sizeof terms / sizeof terms[0] && !s; i++) s = newterm(terms[i], null_out, null_in);
    if (!s) {
        snprintf(err, errlen, "no terminal description found (xterm-256color, xterm, vt100, ansi): install ncurses-base");
        headless_close(NULL);
        return NULL;
    }
    resizeterm(h, w);
    return s;
}

void headless_close(SCREEN *s)
{
    if (s) delscreen(s);
    if (null_in) fclose(null_in);
    if (null_out) fclose(null_out);
    null_in = null_out = NULL;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

void headless_run(app *a, const ks_event *ev, size_t n)
{
    /* LLMDECK_KEY_TIMES=FILE: one line per key, "BUSY JOB KEY": the
     * milliseconds the main thread was busy with the key (handling and
     * drawing it, and taking a background job's result), the job's own
     * time on its thread (-1: none) and the key (tests/bench/keys.sh turns
     * them into p50/p99 by kind of key) */
    const char *times_path = getenv("LLMDECK_KEY_TIMES");
    FILE *times = times_path && *times_path ? fopen(times_path, "w") : NULL;
    /* scripted keys are deterministic: a key that started a job waits for
     * its result before the next key, unless the test holds the job (then
     * the next key meets it running: that is how Esc is tested) */
    app_draw(a);
    for (size_t i = 0; i < n && !a->quit; i++) {
        double t0 = times ? now_ms() : 0;
        switch (ev[i].kind) {
        case KS_CHAR:
        case KS_KEY: app_key(a, keys_from_event(&ev[i])); break;
        case KS_RESIZE:
            resizeterm(ev[i].y, ev[i].x);
            app_key(a, LD_KEYCODE(KEY_RESIZE));
            break;
        case KS_CLICK: app_mouse(a, ev[i].y, ev[i].x, 0); break;
        case KS_WHEEL_UP: app_mouse(a, a->rows / 2, a->cols / 2, -1); break;
        case KS_WHEEL_DOWN: app_mouse(a, a->rows / 2, a->cols / 2, 1); break;
        }
        /* draw after every key, as the real loop does: a key that breaks
         * drawing must fail the test that presses it.  Except inside a run
         * of characters typed into a text field: that is a paste, which the
         * real loop draws once at its end (term.c) */
        const ld_view_ops *v = ld_views[a->view];
        int typing = a->prompt.open || (v->text_mode && v->text_mode(a));
        if (!(typing && ev[i].kind == KS_CHAR && i + 1 < n && ev[i + 1].kind == KS_CHAR)) app_draw(a);
        double busy = times ? now_ms() - t0 : 0;
        while (bgjob_running(a) && !bgjob_held(a)) {
            bgjob_poll(a, -1); /* waiting is not busy: the real loop draws meanwhile */
            double t1 = times ? now_ms() : 0;
            app_draw(a);
            busy += times ? now_ms() - t1 : 0;
        }
        if (times) {
            char name[64];
            fprintf(times, "%.4f %.4f %s\n", busy, bgjob_take_ms(a), keyspec_format(&ev[i], name, sizeof name));
        }
    }
    if (times) fclose(times);
}

int headless_dump(const app *a, FILE *out)
{
    int H = getmaxy(stdscr), W = getmaxx(stdscr);
    if (H <= 0 || W <= 0 || W > 1000) return -1;
    char *line = malloc((size_t)W * 4 * 6 + 1);
    if (!line) return -1;
    for (int y = 0; y < H; y++) {
        size_t len = 0, keep = 0;
        for (int x = 0; x < W; x++) {
            cchar_t cc;
            wchar_t wc[CCHARW_MAX + 1];
            attr_t at;
            short pair;
            if (mvwin_wch(stdscr, y, x, &cc) != OK || getcchar(&cc, wc, &at, &pair, NULL) == ERR) {
                wc[0] = L' ';
                wc[1] = L'\0';
            }
            if (!wc[0]) wc[0] = L' ', wc[1] = L'\0';
            for (int k = 0; wc[k] && k < CCHARW_MAX; k++) len += utf8_encode((uint32_t)wc[k], line + len);
            if (wc[0] != L' ' || wc[1]) keep = len;
            int cw = a->utf8 ? wcwidth(wc[0]) : 1;
            if (cw > 1) x += cw - 1; /* the next cell continues this one */
        }
        line[keep] = '\0';
        fprintf(out, "%s\n", line);
    }
    free(line);
    return ferror(out) ? -1 : 0;
}
