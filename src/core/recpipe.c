/* recpipe.c - see recpipe.h. */
#include "recpipe.h"

#include "worker.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#define NBATCH 3

struct recpipe {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    rec_batch b[NBATCH];
    size_t pushed, done; /* batches handed over / stored; batch k is b[k % NBATCH] */
    int closing;         /* no more batches will come */
    int busy;            /* a batch is being stored (by the worker or the reader) */
    int held;            /* the worker may not store yet (recpipe_hold) */
    atomic_int stop;     /* the worker met an error */
    recpipe_consume_fn consume;
    void *ctx;
};

/* Stores the oldest batch pushed and not stored; called with the lock
 * held, done < pushed and no batch being stored; returns with it held.
 * Either thread may: batches go in order, one at a time. */
static void store_next_locked(recpipe *p)
{
    rec_batch *b = &p->b[p->done % NBATCH];
    p->busy = 1;
    pthread_mutex_unlock(&p->mu);
    if (!atomic_load(&p->stop) && p->consume(p->ctx, b) != 0) atomic_store(&p->stop, 1);
    b->nf = b->nrec = 0;
    b->est_rows = 0;
    b->ahead_len = 0;
    pthread_mutex_lock(&p->mu);
    p->busy = 0;
    p->done++;
    pthread_cond_broadcast(&p->cv);
}

static void *worker(void *arg)
{
    recpipe *p = arg;
#ifdef __GLIBC__
    pthread_setname_np(pthread_self(), "llmdeck-store"); /* for top -H and perf */
#endif
    pthread_mutex_lock(&p->mu);
    for (;;) {
        if (p->done < p->pushed && !p->busy && !p->held) store_next_locked(p);
        else if (p->closing && p->done == p->pushed) break; /* nothing left */
        else pthread_cond_wait(&p->cv, &p->mu);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

recpipe *recpipe_start(recpipe_consume_fn consume, void *ctx)
{
    recpipe *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->consume = consume;
    p->ctx = ctx;
    atomic_init(&p->stop, 0);
    if (pthread_mutex_init(&p->mu, NULL) != 0) {
        free(p);
        return NULL;
    }
    if (pthread_cond_init(&p->cv, NULL) != 0) {
        pthread_mutex_destroy(&p->mu);
        free(p);
        return NULL;
    }
    if (worker_start(&p->thread, worker, p) != 0) {
        pthread_cond_destroy(&p->cv);
        pthread_mutex_destroy(&p->mu);
        free(p);
        return NULL;
    }
    return p;
}

rec_batch *recpipe_batch(recpipe *p)
{
    pthread_mutex_lock(&p->mu);
    /* Every batch waits to be stored: store one here if the worker is not
     * at it.  It may not even be running yet: on this 2-vCPU virtual
     * machine the new thread started 2-5 ms late in most loads (the other
     * vCPU halted, and woken by the host when it could), and the reader
     * waited for it with three batches full. */
    while (p->pushed - p->done >= NBATCH) {
        if (!p->busy) store_next_locked(p);
        else pthread_cond_wait(&p->cv, &p->mu);
    }
    rec_batch *b = &p->b[p->pushed % NBATCH];
    pthread_mutex_unlock(&p->mu);
    return b;
}

int recpipe_add(rec_batch *b, const csvscan_field *f, size_t nf, long line, int special, size_t base)
{
    if (b->nf + nf > b->capf) {
        size_t cap = b->capf ? b->capf * 2 : 4096;
        while (cap < b->nf + nf) cap *= 2;
        uint32_t *cell = realloc(b->cell, cap * 2 * sizeof *cell);
        if (!cell) return -1;
        b->cell = cell;
        b->capf = cap;
    }
    if (b->nrec == b->caprec) {
        size_t cap = b->caprec ? b->caprec * 2 : 1024;
        size_t *first = realloc(b->first, cap * sizeof *first);
        if (first) b->first = first;
        size_t *count = realloc(b->nfields, cap * sizeof *count);
        if (count) b->nfields = count;
        long *line_p = realloc(b->line, cap * sizeof *line_p);
        if (line_p) b->line = line_p;
        unsigned char *sp = realloc(b->special, cap);
        if (sp) b->special = sp;
        if (!first || !count || !line_p || !sp) return -1;
        b->caprec = cap;
    }
    uint32_t *c = b->cell + 2 * b->nf;
    for (size_t k = 0; k < nf; k++) { /* the arena's offsets are 32-bit (catalog.h) */
        c[2 * k] = (uint32_t)(base + f[k].off);
        c[2 * k + 1] = (uint32_t)f[k].len;
    }
    b->first[b->nrec] = b->nf;
    b->nfields[b->nrec] = nf;
    b->line[b->nrec] = line;
    b->special[b->nrec] = (unsigned char)(special != 0);
    b->nrec++;
    b->nf += nf;
    return 0;
}

void recpipe_push(recpipe *p)
{
    pthread_mutex_lock(&p->mu);
    p->pushed++;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
}

void recpipe_drain(recpipe *p)
{
    pthread_mutex_lock(&p->mu);
    while (p->done < p->pushed) {
        if (!p->busy) store_next_locked(p);
        else pthread_cond_wait(&p->cv, &p->mu);
    }
    pthread_mutex_unlock(&p->mu);
}

int recpipe_stopped(recpipe *p) { return atomic_load(&p->stop); }

void recpipe_hold(recpipe *p, int held)
{
    pthread_mutex_lock(&p->mu);
    p->held = held;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
}

void recpipe_finish(recpipe *p)
{
    if (!p) return;
    pthread_mutex_lock(&p->mu);
    p->closing = 1;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    pthread_join(p->thread, NULL);
    for (int i = 0; i < NBATCH; i++) {
        free(p->b[i].cell);
        free(p->b[i].first);
        free(p->b[i].nfields);
        free(p->b[i].line);
        free(p->b[i].special);
    }
    pthread_cond_destroy(&p->cv);
    pthread_mutex_destroy(&p->mu);
    free(p);
}
