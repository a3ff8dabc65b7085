/* test_export_safety.c - the TUI's export never destroys (src/tui/export.c).
 *
 * export.c is compiled into this test with the three app functions it calls
 * stubbed, so both its file-system part (export_examine, export_replace,
 * export_expand) and the prompt flow (what `e`, a name, Enter and y do) run
 * against a real scratch directory: symbolic links (dangling or not) are
 * refused and never followed, a FIFO is refused without being opened, a
 * failed write (an error from the writer, a real EFBIG from RLIMIT_FSIZE)
 * leaves the original intact and no temporary behind, names longer than
 * PATH_MAX are refused, never cut. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"
#include "tui/export.c"

/* ---- stubs for the three app functions export.c uses ---------------------------- */

static char last_msg[1024];
static ld_msgkind last_kind;
static ld_prompt_fn prompt_fn;
static ld_confirm_fn confirm_fn;
static void *cb_ctx;
static char confirm_q[256], prompt_init[600];

void app_message(app *a, ld_msgkind kind, const char *fmt, ...)
{
    (void)a;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_msg, sizeof last_msg, fmt, ap);
    va_end(ap);
    last_kind = kind;
}

void app_prompt(app *a, const char *label, const char *initial, ld_prompt_fn fn, void *ctx)
{
    (void)a, (void)label;
    snprintf(prompt_init, sizeof prompt_init, "%s", initial);
    prompt_fn = fn;
    cb_ctx = ctx;
}

void app_confirm(app *a, const char *question, ld_confirm_fn fn, void *ctx)
{
    (void)a;
    snprintf(confirm_q, sizeof confirm_q, "%s", question);
    confirm_fn = fn;
    cb_ctx = ctx;
}

/* ---- scratch directory ----------------------------------------------------------- */

static char dir[64];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/llmdeck-export-XXXXXX");
    if (!mkdtemp(dir) || chdir(dir) != 0) return -1;
    umask(022);
    last_msg[0] = confirm_q[0] = '\0';
    prompt_fn = NULL;
    confirm_fn = NULL;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        char p[PATH_MAX];
        while ((e = readdir(d)))
            if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
                snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
                if (unlink(p) != 0) rmdir(p);
            }
        closedir(d);
    }
    if (chdir("/") != 0) return -1;
    return rmdir(dir);
}

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static void assert_file(const char *path, const char *want)
{
    char buf[8192];
    FILE *f = fopen(path, "r");
    if (!f) fail_msg("%s: %s", path, strerror(errno));
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    assert_string_equal(buf, want);
}

/* Nothing but `expected` names in the directory: no temporary left behind. */
static void assert_entries(int expected)
{
    DIR *d = opendir(".");
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        if (strstr(e->d_name, "llmdeck-export")) fail_msg("a temporary was left: %s", e->d_name);
        n++;
    }
    closedir(d);
    assert_int_equal(n, expected);
}

/* ---- writers --------------------------------------------------------------------- */

static int write_text(void *ctx, FILE *f)
{
    fputs(ctx, f);
    return ferror(f) ? -1 : 0;
}

/* Writes half, then fails as a full disk would. */
static int write_then_fail(void *ctx, FILE *f)
{
    (void)ctx;
    fputs("partial", f);
    fflush(f);
    errno = ENOSPC;
    return -1;
}

static int write_big(void *ctx, FILE *f)
{
    (void)ctx;
    for (int i = 0; i < 4096; i++) fputs("0123456789abcdef\n", f);
    return ferror(f) ? -1 : 0;
}

/* While the export is written, the target turns into a link / appears. */
static int write_and_link(void *ctx, FILE *f)
{
    (void)ctx;
    unlink("b.md");
    if (symlink("victim.txt", "b.md") != 0) return -1;
    fputs("new", f);
    return 0;
}

static int write_and_create(void *ctx, FILE *f)
{
    (void)ctx;
    put("new.md", "someone else's\n");
    fputs("mine", f);
    return 0;
}

/* ---- export_examine ---------------------------------------------------------------- */

static void test_examine_kinds(void **state)
{
    (void)state;
    struct stat st;
    char why[512];
    assert_int_equal(export_examine("absent.csv", &st, why, sizeof why), 0);
    put("file.csv", "x\n");
    assert_int_equal(export_examine("file.csv", &st, why, sizeof why), 1);
    assert_true(S_ISREG(st.st_mode));

    put("victim.txt", "victim\n");
    assert_int_equal(symlink("victim.txt", "out.csv"), 0);
    assert_int_equal(export_examine("out.csv", &st, why, sizeof why), -1);
    assert_string_equal(why, "out.csv is a symbolic link to victim.txt; not overwritten");

    assert_int_equal(symlink("nowhere.csv", "dang.csv"), 0);
    assert_int_equal(export_examine("dang.csv", &st, why, sizeof why), -1);
    assert_string_equal(why, "dang.csv is a symbolic link to nowhere.csv (dangling); not followed");

    assert_int_equal(mkfifo("fifo.csv", 0644), 0);
    assert_int_equal(export_examine("fifo.csv", &st, why, sizeof why), -1);
    assert_string_equal(why, "fifo.csv is a named pipe (FIFO); exports go to regular files only");

    assert_int_equal(mkdir("d.csv", 0755), 0);
    assert_int_equal(export_examine("d.csv", &st, why, sizeof why), -1);
    assert_string_equal(why, "d.csv is a directory; exports go to regular files only");

    assert_int_equal(export_examine("/dev/null", &st, why, sizeof why), -1);
    assert_string_equal(why, "/dev/null is a character device; exports go to regular files only");

    assert_int_equal(export_examine("file.csv/x.csv", &st, why, sizeof why), -1);
    assert_non_null(strstr(why, "Not a directory"));
}

/* ---- export_replace ---------------------------------------------------------------- */

static void test_new_file_is_written_whole_0644(void **state)
{
    (void)state;
    char why[512] = "";
    assert_int_equal(export_replace("new.csv", 0, 0, write_text, "a,b\n1,2\n", why, sizeof why), 0);
    assert_file("new.csv", "a,b\n1,2\n");
    struct stat st;
    assert_int_equal(stat("new.csv", &st), 0);
    assert_int_equal(st.st_mode & 07777, 0644);
    assert_entries(1);
    /* the umask decides, as for any new file */
    umask(077);
    assert_int_equal(export_replace("private.csv", 0, 0, write_text, "p\n", why, sizeof why), 0);
    assert_int_equal(stat("private.csv", &st), 0);
    assert_int_equal(st.st_mode & 07777, 0600);
    umask(022);
}

static void test_replace_keeps_permissions(void **state)
{
    (void)state;
    char why[512] = "";
    put("b.md", "old\n");
    assert_int_equal(chmod("b.md", 0600), 0);
    assert_int_equal(export_replace("b.md", 1, 0600, write_text, "new\n", why, sizeof why), 0);
    assert_file("b.md", "new\n");
    struct stat st;
    assert_int_equal(stat("b.md", &st), 0);
    assert_int_equal(st.st_mode & 07777, 0600);
    assert_entries(1);
}

static void test_failed_write_keeps_original(void **state)
{
    (void)state;
    char why[512] = "";
    put("b.md", "the original\n");
    assert_int_equal(export_replace("b.md", 1, 0644, write_then_fail, NULL, why, sizeof why), ENOSPC);
    assert_file("b.md", "the original\n");
    assert_string_equal(why, "cannot write b.md: No space left on device; it is left as it was");
    assert_entries(1);
}

static void test_failed_new_export_leaves_nothing(void **state)
{
    (void)state;
    char why[512] = "";
    assert_int_equal(export_replace("new.md", 0, 0, write_then_fail, NULL, why, sizeof why), ENOSPC);
    assert_string_equal(why, "cannot write new.md: No space left on device; nothing was written");
    assert_int_equal(access("new.md", F_OK), -1);
    assert_entries(0);
}

/* A real short write: RLIMIT_FSIZE makes write() fail with EFBIG, as a full
 * disk or a quota would with ENOSPC / EDQUOT. */
static void test_file_size_limit_keeps_original(void **state)
{
    (void)state;
    put("b.md", "the original\n");
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        struct rlimit lim = {4096, 4096};
        signal(SIGXFSZ, SIG_IGN);
        setrlimit(RLIMIT_FSIZE, &lim);
        char why[512];
        int e1 = export_replace("b.md", 1, 0644, write_big, NULL, why, sizeof why);
        int e2 = export_replace("new.md", 0, 0, write_big, NULL, why, sizeof why);
        _exit(e1 == EFBIG && e2 == EFBIG ? 0 : 1);
    }
    int st;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    assert_true(WIFEXITED(st));
    assert_int_equal(WEXITSTATUS(st), 0);
    assert_file("b.md", "the original\n");
    assert_int_equal(access("new.md", F_OK), -1);
    assert_entries(1);
}

static void test_target_turned_into_link_is_not_replaced(void **state)
{
    (void)state;
    char why[512] = "";
    put("victim.txt", "victim\n");
    put("b.md", "old\n");
    assert_int_equal(export_replace("b.md", 1, 0644, write_and_link, NULL, why, sizeof why), EEXIST);
    assert_string_equal(why, "b.md became a symbolic link meanwhile; not overwritten");
    assert_file("victim.txt", "victim\n");
    struct stat st;
    assert_int_equal(lstat("b.md", &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_entries(2);
}

static void test_file_appearing_meanwhile_is_not_clobbered(void **state)
{
    (void)state;
    char why[512] = "";
    assert_int_equal(export_replace("new.md", 0, 0, write_and_create, NULL, why, sizeof why), EEXIST);
    assert_string_equal(why, "new.md appeared meanwhile; not overwritten (export again to replace it)");
    assert_file("new.md", "someone else's\n");
    assert_entries(1);
}

static void test_missing_directory(void **state)
{
    (void)state;
    char why[512] = "";
    assert_int_equal(export_replace("no/such/dir/x.csv", 0, 0, write_text, "x", why, sizeof why), ENOENT);
    assert_non_null(strstr(why, "cannot create a file beside no/such/dir/x.csv: No such file or directory"));
    assert_entries(0);
}

/* ---- export_expand ----------------------------------------------------------------- */

static void test_expand_never_cuts(void **state)
{
    (void)state;
    char out[PATH_MAX];
    assert_int_equal(export_expand("~/a.csv", "/home/me", out, sizeof out), 0);
    assert_string_equal(out, "/home/me/a.csv");
    assert_int_equal(export_expand("~/a.csv", "", out, sizeof out), 0);
    assert_string_equal(out, "~/a.csv");
    assert_int_equal(export_expand("a~/b.csv", "/h", out, sizeof out), 0);
    assert_string_equal(out, "a~/b.csv");
    char *home = malloc(PATH_MAX);
    assert_non_null(home);
    memset(home, 'h', PATH_MAX - 8);
    home[0] = '/';
    home[PATH_MAX - 8] = '\0';
    assert_int_equal(export_expand("~/abcdefgh.csv", home, out, sizeof out), -1);
    assert_string_equal(out, "");
    volatile size_t n16 = 16; /* not a constant: the compiler would see the cut coming */
    char *small = malloc(n16);
    assert_non_null(small);
    assert_int_equal(export_expand("0123456789abcdef", NULL, small, n16), -1);
    assert_int_equal(export_expand("0123456789abcde", NULL, small, n16), 0);
    free(small);
    free(home);
}

/* ---- the prompt flow (what the views run) ---------------------------------------------- */

static int view_write(app *a, const tui_export *x, FILE *f)
{
    (void)a, (void)x;
    fputs("exported\n", f);
    return 0;
}

static int done_calls;
static void view_done(app *a, const tui_export *x)
{
    (void)a, (void)x;
    done_calls++;
}

static tui_export *new_export(void)
{
    tui_export *x = calloc(1, sizeof *x);
    assert_non_null(x);
    x->write = view_write;
    x->done = view_done;
    done_calls = 0;
    export_start(NULL, x, "Export to: ", "suggested.csv");
    assert_non_null(prompt_fn);
    assert_string_equal(prompt_init, "suggested.csv");
    return x;
}

static int submit(const char *text, char *err, size_t n)
{
    err[0] = '\0';
    confirm_fn = NULL;
    return prompt_fn(NULL, cb_ctx, text, 1, err, n);
}

static void test_flow_symlink_refused(void **state)
{
    (void)state;
    tui_export *x = new_export();
    char err[256];
    put("victim.txt", "victim\n");
    assert_int_equal(symlink("victim.txt", "out.csv"), 0);
    assert_int_equal(submit("out.csv", err, sizeof err), -1); /* the prompt stays open */
    assert_string_equal(err, "out.csv is a symbolic link to victim.txt; not overwritten");
    assert_null(confirm_fn); /* never asked */
    assert_file("victim.txt", "victim\n");
    assert_int_equal(done_calls, 0);
    free(x);
}

static void test_flow_fifo_refused_without_blocking(void **state)
{
    (void)state;
    tui_export *x = new_export();
    char err[256];
    assert_int_equal(mkfifo("fifo.csv", 0644), 0);
    alarm(10); /* an open() of the FIFO would block for ever */
    assert_int_equal(submit("fifo.csv", err, sizeof err), -1);
    alarm(0);
    assert_string_equal(err, "fifo.csv is a named pipe (FIFO); exports go to regular files only");
    assert_null(confirm_fn);
    free(x);
}

static void test_flow_overwrite_asks_then_replaces(void **state)
{
    (void)state;
    tui_export *x = new_export();
    char err[256];
    put("b.md", "old\n");
    done_calls = 0;
    assert_int_equal(submit("b.md", err, sizeof err), 0);
    assert_string_equal(confirm_q, "b.md exists. Overwrite it?");
    assert_non_null(confirm_fn);
    confirm_fn(NULL, cb_ctx, 0); /* n */
    assert_string_equal(last_msg, "not exported: b.md is left as it was");
    assert_file("b.md", "old\n");
    assert_int_equal(submit("b.md", err, sizeof err), 0);
    /* between the question and the y, it became a link: refused */
    put("victim.txt", "victim\n");
    unlink("b.md");
    assert_int_equal(symlink("victim.txt", "b.md"), 0);
    confirm_fn(NULL, cb_ctx, 1);
    assert_int_equal(last_kind, MSG_ERROR);
    assert_string_equal(last_msg, "not exported: b.md is a symbolic link to victim.txt; not overwritten");
    assert_file("victim.txt", "victim\n");
    unlink("b.md");
    put("b.md", "old\n");
    assert_int_equal(submit("b.md", err, sizeof err), 0);
    confirm_fn(NULL, cb_ctx, 1); /* y */
    assert_file("b.md", "exported\n");
    assert_int_equal(done_calls, 1);
    assert_entries(2);
    /* the name typed is suggested next time */
    export_start(NULL, x, "Export to: ", "suggested.csv");
    assert_string_equal(prompt_init, "b.md");
    free(x);
}

static void test_flow_long_home_refused_not_cut(void **state)
{
    (void)state;
    tui_export *x = new_export();
    char err[256];
    char *home = malloc(PATH_MAX);
    assert_non_null(home);
    memset(home, 'h', PATH_MAX - 8);
    home[0] = '/';
    home[PATH_MAX - 8] = '\0';
    char *old = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
    setenv("HOME", home, 1);
    assert_int_equal(submit("~/abcdefghij.csv", err, sizeof err), -1);
    assert_string_equal(err, "the name is too long (more than 4095 bytes with ~ expanded)");
    if (old) setenv("HOME", old, 1), free(old);
    else unsetenv("HOME");
    assert_int_equal(done_calls, 0);
    assert_entries(0);
    free(home);
    free(x);
}

/* A name that only fits after `~/` expansion grows past 512 bytes: written
 * whole, under its own name (it used to be cut to 512 bytes). */
static void test_flow_expanded_name_over_512_bytes(void **state)
{
    (void)state;
    tui_export *x = new_export();
    char err[256], a[241], b[256], typed[512], full[PATH_MAX];
    memset(a, 'a', 240), a[240] = '\0';
    memset(b, 'b', 255), b[255] = '\0';
    assert_int_equal(mkdir(a, 0755), 0);
    snprintf(full, sizeof full, "%s/%s", a, b);
    assert_int_equal(mkdir(full, 0755), 0);
    snprintf(typed, sizeof typed, "~/%s/%s/xy.csv", a, b);
    char *old = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
    setenv("HOME", dir, 1);
    done_calls = 0;
    assert_int_equal(submit(typed, err, sizeof err), 0);
    if (old) setenv("HOME", old, 1), free(old);
    else unsetenv("HOME");
    assert_int_equal(done_calls, 1);
    assert_true(strlen(x->path) > 512);
    snprintf(full, sizeof full, "%s/%s/%s/xy.csv", dir, a, b);
    assert_string_equal(x->path, full);
    assert_file(full, "exported\n");
    unlink(full);
    snprintf(full, sizeof full, "%s/%s", a, b);
    rmdir(full);
    free(x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_examine_kinds, setup, teardown),
        cmocka_unit_test_setup_teardown(test_new_file_is_written_whole_0644, setup, teardown),
        cmocka_unit_test_setup_teardown(test_replace_keeps_permissions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failed_write_keeps_original, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failed_new_export_leaves_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file_size_limit_keeps_original, setup, teardown),
        cmocka_unit_test_setup_teardown(test_target_turned_into_link_is_not_replaced, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file_appearing_meanwhile_is_not_clobbered, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_directory, setup, teardown),
        cmocka_unit_test(test_expand_never_cuts),
        cmocka_unit_test_setup_teardown(test_flow_symlink_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flow_fifo_refused_without_blocking, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flow_overwrite_asks_then_replaces, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flow_long_home_refused_not_cut, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flow_expanded_name_over_512_bytes, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
