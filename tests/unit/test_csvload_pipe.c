/* test_csvload_pipe.c - a CSV from a pipe that trickles: read as it comes
 * (a UTF-8 BOM cut between two writes is still a BOM), progress reported
 * in bytes with no total, and a cancel from the progress callback stops it. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"

static char fifo[64];

/* A child writes the pieces to the FIFO with a pause between them. */
static pid_t writer(const char *const *pieces, int hold)
{
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        signal(SIGPIPE, SIG_DFL);
        FILE *f = fopen(fifo, "wb");
        if (!f) _exit(3);
        for (size_t i = 0; pieces[i]; i++) {
            fputs(pieces[i], f);
            fflush(f);
            usleep(30000);
        }
        if (hold) sleep(5); /* keep the pipe open: the reader must cancel */
        fclose(f);
        _exit(0);
    }
    return pid;
}

typedef struct {
    int calls, cancel_at;
    size_t last_done, last_total;
} progress;

static int on_progress(void *ctx, size_t done, size_t total, size_t rows)
{
    (void)rows;
    progress *p = ctx;
    assert_true(done >= p->last_done); /* never backwards */
    p->last_done = done;
    p->last_total = total;
    return p->cancel_at && ++p->calls >= p->cancel_at;
}

static void test_pipe_with_cut_bom(void **state)
{
    (void)state;
    static const char *const pieces[] = {"\xEF", "\xBB", "\xBFmodel,mm", "lu\nA,1\nB,", "2\n", NULL};
    pid_t pid = writer(pieces, 0);
    progress pr = {0};
    ld_csv_options opt = {.progress = on_progress, .progress_ctx = &pr};
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_file(fifo, &opt, &err);
    int status;
    waitpid(pid, &status, 0);
    if (!cat) fail_msg("load from a pipe: %s", err.msg);
    assert_int_equal(catalog_cols(cat), 2);
    assert_string_equal(catalog_col(cat, 0)->id, "model");
    assert_string_equal(catalog_col(cat, 0)->label, "model"); /* the BOM is not part of it */
    assert_int_equal(catalog_rows(cat), 2);
    assert_true(catalog_num(cat, 1, 1) == 2.0);
    assert_int_equal(pr.last_total, 0);                   /* a pipe has no size */
    assert_int_equal(pr.last_done, strlen("\xEF\xBB\xBFmodel,mmlu\nA,1\nB,2\n"));
    catalog_free(cat);
}

static void test_pipe_cancelled(void **state)
{
    (void)state;
    static const char *const pieces[] = {"model,mmlu\n", "A,1\n", "B,2\n", NULL};
    pid_t pid = writer(pieces, 1);
    progress pr = {.cancel_at = 2};
    ld_csv_options opt = {.progress = on_progress, .progress_ctx = &pr};
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_file(fifo, &opt, &err);
    kill(pid, SIGTERM);
    int status;
    waitpid(pid, &status, 0);
    assert_null(cat);
    assert_int_equal(err.code, LD_ERR_CANCEL);
}

static int setup(void **state)
{
    (void)state;
    snprintf(fifo, sizeof fifo, "/tmp/llmdeck-pipe-%ld", (long)getpid());
    unlink(fifo);
    return mkfifo(fifo, 0600);
}

static int teardown(void **state)
{
    (void)state;
    unlink(fifo);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pipe_with_cut_bom),
        cmocka_unit_test(test_pipe_cancelled),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
