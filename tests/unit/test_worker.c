/* test_worker.c - the core's helper threads block every signal, so Ctrl-C,
 * a resize or SIGTERM always reach the main thread's handlers; the
 * two-core split runs its work on both threads. */
#include <signal.h>
#include <string.h>

#include "testutil.h"

#include "core/worker.h"

static void *report_mask(void *arg)
{
    sigset_t *out = arg;
    pthread_sigmask(SIG_BLOCK, NULL, out);
    return NULL;
}

static void test_worker_blocks_signals(void **state)
{
    (void)state;
    sigset_t before, after, in_worker;
    sigemptyset(&in_worker);
    pthread_sigmask(SIG_BLOCK, NULL, &before);
    pthread_t t;
    assert_int_equal(worker_start(&t, report_mask, &in_worker), 0);
    assert_int_equal(pthread_join(t, NULL), 0);
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT, SIGQUIT, SIGUSR1};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        if (!sigismember(&in_worker, sigs[i])) fail_msg("signal %d not blocked in the worker", sigs[i]);
    /* and the caller's own mask is as it was */
    pthread_sigmask(SIG_BLOCK, NULL, &after);
    for (int s = 1; s < 32; s++) assert_int_equal(sigismember(&before, s), sigismember(&after, s));
    assert_false(sigismember(&after, SIGINT));
}

/* worker_pair runs its function on both arguments, "there" on another
 * thread (with every signal blocked), "here" on this one, and returns
 * only when both are done. */
typedef struct {
    pthread_t ran_on;
    sigset_t mask;
    int done;
} pair_arg;

static void *note_thread(void *arg)
{
    pair_arg *a = arg;
    a->ran_on = pthread_self();
    pthread_sigmask(SIG_BLOCK, NULL, &a->mask);
    a->done = 1;
    return NULL;
}

static void test_worker_pair(void **state)
{
    (void)state;
    pair_arg here = {0}, there = {0};
    worker_pair(note_thread, &here, &there);
    assert_true(here.done && there.done);
    assert_true(pthread_equal(here.ran_on, pthread_self()));
    assert_false(pthread_equal(there.ran_on, pthread_self()));
    assert_true(sigismember(&there.mask, SIGINT));
    assert_false(sigismember(&here.mask, SIGINT));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_worker_blocks_signals),
        cmocka_unit_test(test_worker_pair),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
