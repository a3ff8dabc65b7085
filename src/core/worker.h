/* worker.h - starting the core's helper threads (internal).
 *
 * The core uses a second thread for big loads (recpipe.c) and big CSV
 * exports (csvrows.c).  Signals (Ctrl-C, a resize, SIGTERM) must reach the
 * thread that handles them, the main one: helper threads block them all. */
#ifndef LLMDECK_WORKER_H
#define LLMDECK_WORKER_H

#include <pthread.h>

/* pthread_create with every signal blocked in the new thread, which starts
 * on another CPU than the caller's when there is one, then may move
 * anywhere (worker.c says why); 0 on success. */
int worker_start(pthread_t *thread, void *(*fn)(void *), void *arg);

/* The two-core split the sorts and scores use: fn(there) on a helper
 * thread while this one runs fn(here), then waits for it.  Without a
 * thread, both run here, one after the other: the same result. */
void worker_pair(void *(*fn)(void *), void *here, void *there);

#endif
