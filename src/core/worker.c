/* worker.c - see worker.h. */
#include "worker.h"

#include <signal.h>

int worker_start(pthread_t *thread, void *(*fn)(void *), void *arg)
{
    sigset_t all, old;
    sigfillset(&all);
    /* a new thread inherits its creator's mask: block, create, restore */
    if (pthread_sigmask(SIG_SETMASK, &all, &old) != 0) return -1;
    int rc = pthread_create(thread, NULL, fn, arg);
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
