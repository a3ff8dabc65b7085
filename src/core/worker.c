/* worker.c - see worker.h. */
#include "worker.h"

#include <signal.h>
#include <stdlib.h>

#if defined(__linux__) && defined(__GLIBC__)
#include <sched.h>
#define WORKER_PLACEMENT 1
#endif

#ifdef WORKER_PLACEMENT
/* The new thread's start: its CPUs set back to all the process may use
 * (it was created on another one than its creator's, see placement()),
 * then the work. */
typedef struct {
    void *(*fn)(void *);
    void *arg;
    cpu_set_t allowed;
} start_info;

static void *start_elsewhere(void *p)
{
    start_info s = *(start_info *)p;
    free(p);
    pthread_setaffinity_np(pthread_self(), sizeof s.allowed, &s.allowed); /* free to move again */
    return s.fn(s.arg);
}

/* Asks that a new thread start on another CPU than this one.  Why: this
 * machine's kernel (and any that packs tasks onto few CPUs) put a new
 * thread on its creator's CPU when the other one had been idle a while,
 * and it ran only when the creator waited: worker_pair's two halves ran
 * one after the other (measured: a pair of 0.7 ms halves took 1.4 ms, the
 * helper starting 0.7 ms late; created for another CPU it started after
 * 0.085 ms).  The thread then lets itself be moved anywhere again.
 * Returns 0 with attr and *info set, -1 to create the thread as usual
 * (one CPU allowed, or the CPU unknown). */
static int placement(pthread_attr_t *attr, start_info **info, void *(*fn)(void *), void *arg)
{
    cpu_set_t allowed, other;
    int me = sched_getcpu();
    if (me < 0 || sched_getaffinity(0, sizeof allowed, &allowed) != 0) return -1;
    CPU_ZERO(&other);
    for (int c = 0; c < CPU_SETSIZE; c++)
        if (c != me && CPU_ISSET(c, &allowed)) CPU_SET(c, &other);
    if (CPU_COUNT(&other) == 0) return -1;
    *info = malloc(sizeof **info);
    if (!*info) return -1;
    if (pthread_attr_init(attr) != 0) {
        free(*info);
        return -1;
    }
    if (pthread_attr_setaffinity_np(attr, sizeof other, &other) != 0) {
        pthread_attr_destroy(attr);
        free(*info);
        return -1;
    }
    (*info)->fn = fn;
    (*info)->arg = arg;
    (*info)->allowed = allowed;
    return 0;
}
#endif

int worker_start(pthread_t *thread, void *(*fn)(void *), void *arg)
{
    sigset_t all, old;
    sigfillset(&all);
    /* a new thread inherits its creator's mask: block, create, restore */
    if (pthread_sigmask(SIG_SETMASK, &all, &old) != 0) return -1;
    int rc = -1;
#ifdef WORKER_PLACEMENT
    pthread_attr_t attr;
    start_info *info = NULL;
    if (placement(&attr, &info, fn, arg) == 0) {
        rc = pthread_create(thread, &attr, start_elsewhere, info);
        pthread_attr_destroy(&attr);
        if (rc != 0) free(info); /* then as usual, below */
    }
#endif
    if (rc != 0) rc = pthread_create(thread, NULL, fn, arg);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return rc;
}

void worker_pair(void *(*fn)(void *), void *here, void *there)
{
    pthread_t th;
    int two = worker_start(&th, fn, there) == 0;
    fn(here);
    if (two) pthread_join(th, NULL);
    else fn(there);
}
