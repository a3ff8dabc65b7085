/* test_prompt_paste.c - 100 KB pasted into the TUI's text fields.
 *
 * Runs $LLMDECK_BIN --headless with 100 KB of --keys (set by
 * tests/run_all.sh; skipped without it) and checks the screens that result:
 * the field keeps the first 511 bytes (whole characters), says it is full,
 * scrolls so the cursor stays in view, and works normally afterwards.  No
 * timing is asserted: the paste used to take minutes (prompt_draw measured
 * every prefix on every key), so the alarm is the only clock. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

#define PASTE (100 * 1024)

static char dir[64], csv[128];

static const char *bin(void)
{
    const char *b = getenv("LLMDECK_BIN");
    return b && *b && access(b, X_OK) == 0 ? b : NULL;
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/llmdeck-paste-XXXXXX");
    if (!mkdtemp(dir)) return -1;
    snprintf(csv, sizeof csv, "%s/m.csv", dir);
    FILE *f = fopen(csv, "w");
    if (!f) return -1;
    fputs("model,quality\nalpha,1\nbeta,2\ngamma,3\n", f);
    return fclose(f);
}

static int teardown(void **state)
{
    (void)state;
    char p[160];
    unlink(csv);
    snprintf(p, sizeof p, "%s/llmdeck/config.json", dir);
    unlink(p);
    snprintf(p, sizeof p, "%s/llmdeck", dir);
    rmdir(p);
    return rmdir(dir);
}

/* `unit` repeated to PASTE bytes, between head and tail. */
static char *keys(const char *head, const char *unit, const char *tail)
{
    size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
    char *k = malloc(hl + PASTE + ul + tl + 1), *w = k;
    assert_non_null(k);
    memcpy(w, head, hl), w += hl;
    for (size_t n = 0; n < PASTE; n += ul) memcpy(w, unit, ul), w += ul;
    memcpy(w, tail, tl), w += tl;
    *w = '\0';
    return k;
}

/* Runs the TUI headless on the three-row file with these keys; returns the
 * screen (malloc'd). */
static char *screen(const char *view, const char *k)
{
    int fd[2];
    assert_int_equal(pipe(fd), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(fd[1], 1);
        close(fd[0]);
        close(fd[1]);
        setenv("XDG_CONFIG_HOME", dir, 1);
        setenv("LC_ALL", "C.UTF-8", 1);
        execl(bin(), bin(), "--headless", "--size", "100x30", "--view", view, "--keys", k,
              "--dump-screen", "-", csv, (char *)NULL);
        _exit(127);
    }
    close(fd[1]);
    size_t cap = 1 << 16, len = 0;
    char *out = malloc(cap);
    assert_non_null(out);
    alarm(60); /* minutes, before the fix */
    for (;;) {
        if (len + 1 == cap) out = realloc(out, cap *= 2), assert_non_null(out);
        ssize_t n = read(fd[0], out + len, cap - len - 1);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        len += (size_t)n;
    }
    out[len] = '\0';
    close(fd[0]);
    int st;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    alarm(0);
    assert_true(WIFEXITED(st));
    assert_int_equal(WEXITSTATUS(st), 0);
    return out;
}

/* The last non-empty line of the screen (the prompt or message line). */
static const char *bottom(char *s)
{
    size_t n = strlen(s);
    while (n && s[n - 1] == '\n') s[--n] = '\0';
    char *nl = strrchr(s, '\n');
    return nl ? nl + 1 : s;
}

static void assert_has(const char *hay, const char *needle)
{
    if (!strstr(hay, needle)) fail_msg("'%s' not in '%s'", needle, hay);
}

/* Right-trimmed field text: what is between the label and the message. */
static void field(const char *line, const char *label, char *out, size_t n)
{
    assert_true(strncmp(line, label, strlen(label)) == 0);
    const char *p = line + strlen(label), *end = strstr(p, "   ");
    size_t len = end ? (size_t)(end - p) : strlen(p);
    assert_true(len < n);
    memcpy(out, p, len);
    out[len] = '\0';
}

static void test_paste_into_filter_keeps_511_bytes_cursor_in_view(void **state)
{
    (void)state;
    if (!bin()) skip();
    /* "0123456789" x 10 KB: 511 bytes fit, so the last typed is '0' (510) */
    char *k = keys("/", "0123456789", ""), *s = screen("table", k);
    const char *line = bottom(s);
    char f[256];
    field(line, "Filter: ", f, sizeof f);
    assert_has(line, "full: at most 511 bytes");
    /* the end of the text is shown, up to the cursor */
    size_t fl = strlen(f);
    assert_true(fl > 20);
    assert_int_equal(f[fl - 1], '0');
    for (size_t i = 0; i + 1 < fl; i++) assert_int_equal(f[i + 1], '0' + (f[i] - '0' + 1) % 10);
    free(s);
    free(k);
    /* Home: the start of the text is shown */
    k = keys("/", "0123456789", "<Home>");
    s = screen("table", k);
    line = bottom(s);
    assert_true(strncmp(line, "Filter: 0123456789012345678901234567890", 39) == 0);
    free(s);
    free(k);
}

static void test_paste_wide_characters_whole(void **state)
{
    (void)state;
    if (!bin()) skip();
    /* U+6F22 is 3 bytes and 2 columns: 170 fit (510 bytes), never half of one */
    char *k = keys("/", "\xe6\xbc\xa2", ""), *s = screen("table", k);
    const char *line = bottom(s);
    char f[512];
    field(line, "Filter: ", f, sizeof f);
    assert_true(strlen(f) % 3 == 0);
    for (size_t i = 0; i < strlen(f); i += 3) assert_memory_equal(f + i, "\xe6\xbc\xa2", 3);
    free(s);
    free(k);
}

static void test_field_works_after_the_paste(void **state)
{
    (void)state;
    if (!bin()) skip();
    char *k = keys("/", "x", "<C-u>beta<Enter>"), *s = screen("table", k);
    assert_has(s, "beta");
    assert_null(strstr(s, "alpha"));
    assert_null(strstr(s, "gamma"));
    assert_has(s, "1/1");
    free(s);
    free(k);
}

/* The cost view's Tokens knob (Enter edits it) is the same prompt. */
static void test_paste_into_cost_tokens(void **state)
{
    (void)state;
    if (!bin()) skip();
    char *k = keys("<Enter>", "1", ""), *s = screen("cost", k);
    const char *line = bottom(s);
    assert_has(line, "full: at most 511 bytes");
    free(s);
    free(k);
    k = keys("<Enter>", "1", "<C-u>2B<Enter>");
    s = screen("cost", k);
    assert_has(s, "2B tokens");
    free(s);
    free(k);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_paste_into_filter_keeps_511_bytes_cursor_in_view, setup, teardown),
        cmocka_unit_test_setup_teardown(test_paste_wide_characters_whole, setup, teardown),
        cmocka_unit_test_setup_teardown(test_field_works_after_the_paste, setup, teardown),
        cmocka_unit_test_setup_teardown(test_paste_into_cost_tokens, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
