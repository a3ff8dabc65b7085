/* test_worker.c - the core's helper threads block every signal, so Ctrl-C,
 * a resize or SIGTERM always reach the main thread's handlers; the
 * two-core split runs its work on both threads; a helper starts on
 * another CPU and is not left pinned there. */
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

#if defined(__linux__) && defined(__GLIBC__)
#include <sched.h>

/* A helper thread is created on another CPU than its creator's (worker.c
 * says why), then set free: its CPUs are all the process may use again,
 * and its function's result comes back through pthread_join. */
static void *report_cpus(void *arg)
{
    cpu_set_t *out = arg;
    CPU_ZERO(out);
    sched_getaffinity(0, sizeof *out, out);
    return arg;
}

static void check_helper_cpus(const cpu_set_t *allowed)
{
    cpu_set_t in_helper;
    pthread_t t;
    void *ret = NULL;
    assert_int_equal(worker_start(&t, report_cpus, &in_helper), 0);
    assert_int_equal(pthread_join(t, &ret), 0);
    assert_ptr_equal(ret, &in_helper);
    if (!CPU_EQUAL(&in_helper, allowed)) fail_msg("the helper keeps %d CPUs of %d", CPU_COUNT(&in_helper), CPU_COUNT(allowed));
}

static void test_worker_not_left_pinned(void **state)
{
    (void)state;
    cpu_set_t allowed;
    assert_int_equal(sched_getaffinity(0, sizeof allowed, &allowed), 0);
    check_helper_cpus(&allowed);
    /* one CPU allowed: nowhere else to start, the thread is made as usual */
    int cpu = -1;
    for (int c = 0; c < CPU_SETSIZE && cpu < 0; c++)
        if (CPU_ISSET(c, &allowed)) cpu = c;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    assert_int_equal(sched_setaffinity(0, sizeof one, &one), 0);
    check_helper_cpus(&one);
    assert_int_equal(sched_setaffinity(0, sizeof allowed, &allowed), 0);
}
#endif

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_worker_blocks_signals),
        cmocka_unit_test(test_worker_pair),
#if defined(__linux__) && defined(__GLIBC__)
        cmocka_unit_test(test_worker_not_left_pinned),
#endif
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
