/* test_signals.c - the TUI on a real (pseudo) terminal, ended by signals
 * (and fed a 100 KB paste).
 *
 * Every signal whose default action ends the process (Ctrl-\ = SIGQUIT,
 * SIGUSR1, SIGUSR2, SIGHUP, SIGTERM, SIGALRM) must leave the terminal as it
 * was (the normal screen back, the cursor shown, mouse reporting off,
 * canonical mode and echo on) and save the settings, then end by that
 * signal.  Runs $LLMDECK_BIN (set by tests/run_all.sh) under forkpty; skipped
 * without it. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"

typedef struct {
    pid_t pid;
    int master, slave;
    char *out;
    size_t len, cap;
    char dir[64];
} run;

static const char *bin(void)
{
    const char *b = getenv("LLMDECK_BIN");
    return b && *b && access(b, X_OK) == 0 ? b : NULL;
}

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Reads what the program wrote for up to ms milliseconds (less once
 * `until` appears after byte `from`, when given). */
static int pump(run *r, int ms, const char *until, size_t from)
{
    long end = now_ms() + ms;
    for (;;) {
        if (until && r->len > from && memmem(r->out + from, r->len - from, until, strlen(until))) return 1;
        long left = end - now_ms();
        if (left <= 0) return 0;
        struct pollfd p = {r->master, POLLIN, 0};
        if (poll(&p, 1, (int)left) <= 0) continue;
        if (r->len + 4096 > r->cap) {
            r->cap = (r->cap + 4096) * 2;
            r->out = realloc(r->out, r->cap);
            assert_non_null(r->out);
        }
        ssize_t n = read(r->master, r->out + r->len, r->cap - r->len);
        if (n <= 0) {
            if (n < 0 && errno == EINTR) continue;
            return 0;
        }
        r->len += (size_t)n;
    }
}

static void start(run *r)
{
    memset(r, 0, sizeof *r);
    snprintf(r->dir, sizeof r->dir, "/tmp/llmdeck-sig-XXXXXX");
    assert_non_null(mkdtemp(r->dir));
    struct winsize ws = {.ws_row = 24, .ws_col = 80};
    r->pid = forkpty(&r->master, NULL, NULL, &ws);
    assert_true(r->pid >= 0);
    if (r->pid == 0) {
        struct rlimit no_core = {0, 0};
        setrlimit(RLIMIT_CORE, &no_core); /* SIGQUIT dumps core by default */
        setenv("TERM", "xterm", 1);
        setenv("XDG_CONFIG_HOME", r->dir, 1);
        unsetenv("NO_COLOR");
        execl(bin(), bin(), (char *)NULL);
        _exit(127);
    }
    /* our own handle on the terminal, to read its modes after the exit */
    r->slave = open(ptsname(r->master), O_RDWR | O_NOCTTY);
    assert_true(r->slave >= 0);
    /* the first screen, then one setting changed, so there is one to save */
    assert_true(pump(r, 10000, "rows", 0));
    size_t mark = r->len;
    assert_int_equal(write(r->master, "t", 1), 1);
    assert_true(pump(r, 10000, "contrast", mark));
}

/* Waits for the exit; returns the wait status. */
static int finish(run *r)
{
    int st = 0;
    /* 30 s: the point is that it ends, not how fast (on a 2-core machine
     * under a parallel build, the paste case's drain, save and fsync took
     * more than 10 s now and then; a hang is minutes) */
    long end = now_ms() + 30000;
    for (;;) {
        pid_t w = waitpid(r->pid, &st, WNOHANG);
        if (w == r->pid) break;
        if (now_ms() > end) {
            kill(r->pid, SIGKILL);
            waitpid(r->pid, &st, 0);
            fail_msg("llmdeck did not end within 30 s");
        }
        pump(r, 50, NULL, 0);
    }
    pump(r, 100, NULL, 0); /* what is left in the terminal */
    return st;
}

/* The offset of the last occurrence of s in the output, or -1. */
static long last(const run *r, const char *s)
{
    long at = -1;
    size_t n = strlen(s);
    for (const char *p = r->out; r->len >= n && (p = memmem(p, r->len - (size_t)(p - r->out), s, n));
         p++)
        at = p - r->out;
    return at;
}

static void check_restored(run *r, int sig)
{
    int st = finish(r);
    assert_true(WIFSIGNALED(st));
    assert_int_equal(WTERMSIG(st), sig);
    /* the alternate screen was left, after it was entered */
    assert_true(last(r, "\033[?1049h") >= 0);
    assert_true(last(r, "\033[?1049l") > last(r, "\033[?1049h"));
    /* the cursor is visible again */
    assert_true(last(r, "\033[?25h") > last(r, "\033[?25l"));
    /* mouse reporting was on, and is off */
    long on = last(r, "1000h");
    assert_true(on >= 0);
    assert_true(last(r, "1000l") > on);
    /* the terminal's modes are those of before */
    struct termios t;
    assert_int_equal(tcgetattr(r->slave, &t), 0);
    assert_true(t.c_lflag & ICANON);
    assert_true(t.c_lflag & ECHO);
    /* and the setting changed before the signal was saved */
    char path[128], buf[4096] = "";
    snprintf(path, sizeof path, "%s/llmdeck/config.json", r->dir);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    assert_non_null(strstr(buf, "\"theme\""));
    assert_non_null(strstr(buf, "contrast"));
    unlink(path);
    snprintf(path, sizeof path, "%s/llmdeck", r->dir);
    rmdir(path);
    rmdir(r->dir);
    close(r->slave);
    close(r->master);
    free(r->out);
}

static void by_kill(int sig)
{
    if (!bin()) skip();
    run r;
    start(&r);
    kill(r.pid, sig);
    check_restored(&r, sig);
}

/* Ctrl-\ typed on the terminal: the terminal driver sends SIGQUIT */
static void test_ctrl_backslash_restores_and_saves(void **state)
{
    (void)state;
    if (!bin()) skip();
    run r;
    start(&r);
    assert_int_equal(write(r.master, "\x1c", 1), 1);
    check_restored(&r, SIGQUIT);
}

/* 100 KB pasted into the filter prompt on a real terminal: handled (the
 * field says it is full) in far less than the alarm; it took minutes when
 * every key measured every prefix of the field and redrew the screen. */
static void test_paste_on_a_terminal(void **state)
{
    (void)state;
    if (!bin()) skip();
    run r;
    start(&r);
    size_t mark = r.len;
    char chunk[1024];
    memset(chunk, 'x', sizeof chunk);
    assert_int_equal(write(r.master, "/", 1), 1);
    for (int i = 0; i < 100; i++) {
        size_t done = 0;
        while (done < sizeof chunk) { /* the terminal's buffer is small: read while writing */
            struct pollfd p = {r.master, POLLOUT, 0};
            if (poll(&p, 1, 10) > 0) {
                ssize_t n = write(r.master, chunk + done, sizeof chunk - done);
                if (n > 0) done += (size_t)n;
            }
            pump(&r, 1, NULL, 0);
        }
    }
    assert_true(pump(&r, 30000, "full: at most 511 byte", mark));
    assert_int_equal(write(r.master, "\x1c", 1), 1);
    check_restored(&r, SIGQUIT);
}

static void test_sigusr1_restores_and_saves(void **state) { (void)state; by_kill(SIGUSR1); }
static void test_sigusr2_restores_and_saves(void **state) { (void)state; by_kill(SIGUSR2); }
static void test_sighup_restores_and_saves(void **state) { (void)state; by_kill(SIGHUP); }
static void test_sigterm_restores_and_saves(void **state) { (void)state; by_kill(SIGTERM); }
static void test_sigalrm_restores_and_saves(void **state) { (void)state; by_kill(SIGALRM); }

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ctrl_backslash_restores_and_saves),
        cmocka_unit_test(test_sigusr1_restores_and_saves),
        cmocka_unit_test(test_sigusr2_restores_and_saves),
        cmocka_unit_test(test_sighup_restores_and_saves),
        cmocka_unit_test(test_sigterm_restores_and_saves),
        cmocka_unit_test(test_sigalrm_restores_and_saves),
        cmocka_unit_test(test_paste_on_a_terminal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
