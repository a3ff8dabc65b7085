/* test_recpipe.c - the hand-over of scanned records between the loader's
 * two threads (src/core/recpipe.c): every batch is stored exactly once
 * and in order, whether the worker stores it or the reader does (it
 * stores one itself when all are full and the worker is not at one: a
 * worker that starts late, or is slow); an error stops the storing. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "testutil.h"

#include "core/recpipe.h"

#define BATCHES 400

typedef struct {
    long order[BATCHES]; /* the batches as stored, by their record's line */
    size_t stored;
    size_t by_reader;
    pthread_t reader;
    long fail_at; /* consume fails on this batch (-1: never) */
} log_t;

static void pause_us(unsigned us)
{
    struct timespec t = {0, (long)us * 1000};
    nanosleep(&t, NULL);
}

/* Runs on whichever thread stores the batch: never two at once. */
static int consume(void *ctx, const rec_batch *b)
{
    log_t *l = ctx;
    if (!pthread_equal(pthread_self(), l->reader)) pause_us(300); /* a slow worker */
    else l->by_reader++;
    assert_int_equal(b->nrec, 1);
    if (l->stored < BATCHES) l->order[l->stored] = b->line[0];
    l->stored++;
    return b->line[0] == l->fail_at;
}

static void run(log_t *l, long fail_at, int late_worker)
{
    memset(l, 0, sizeof *l);
    l->reader = pthread_self();
    l->fail_at = fail_at;
    recpipe *p = recpipe_start(consume, l);
    assert_non_null(p);
    if (late_worker) recpipe_hold(p, 1);
    csvscan_field f = {0};
    f.len = 1;
    for (long i = 0; i < BATCHES; i++) {
        rec_batch *b = recpipe_batch(p);
        assert_int_equal(recpipe_add(b, &f, 1, i, 0, 0), 0);
        recpipe_push(p);
        pause_us(50); /* scanning the next chunk (the worker sleeps 0.3 ms a batch) */
        if (late_worker && i == 20) recpipe_hold(p, 0); /* here it comes */
        if (i % 50 == 49) recpipe_drain(p); /* as the loader does before the arena moves */
    }
    recpipe_finish(p);
}

static void test_every_batch_once_in_order(void **state)
{
    (void)state;
    log_t *l = malloc(sizeof *l);
    assert_non_null(l);
    for (int late = 0; late < 2; late++) {
        run(l, -1, late);
        assert_int_equal(l->stored, BATCHES);
        for (long i = 0; i < BATCHES; i++)
            if (l->order[i] != i) fail_msg("batch %ld stored as number %ld", l->order[i], i);
        if (late) {
            /* the reader filled every batch while the worker was held, and
             * stored the 18 it could not hand over (21 made, 3 waiting);
             * then the worker came, and took the rest (it holds a batch
             * while it sleeps on it, so the reader waits) */
            assert_true(l->by_reader >= 17);
            assert_true(l->by_reader < BATCHES);
        }
    }
    free(l);
}

static void test_error_stops_storing(void **state)
{
    (void)state;
    log_t *l = malloc(sizeof *l);
    assert_non_null(l);
    run(l, 123, 0);
    assert_int_equal(l->stored, 124); /* 0..123, nothing after the failure */
    for (long i = 0; i < 124; i++) assert_int_equal(l->order[i], i);
    free(l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_batch_once_in_order),
        cmocka_unit_test(test_error_stops_storing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
