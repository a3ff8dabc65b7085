/* recpipe.h - hands scanned CSV records from the reading thread to a
 * second thread that stores them (internal, used by csvload.c).
 *
 * Why: a large load is two jobs of about equal size, finding the fields
 * (read, scan) and storing them (rows, numbers parsed, column stats).  On
 * two cores they overlap: the reader fills a batch of records per chunk of
 * input while the worker stores the previous one.  A few batches circulate,
 * so memory stays bounded; records keep their order. */
#ifndef LLMDECK_RECPIPE_H
#define LLMDECK_RECPIPE_H

#include <stddef.h>
#include <stdint.h>

#include "csvscan.h"

/* Records of one chunk: record r has nfields[r] fields, whose (offset,
 * length) pairs start at cell[2 * first[r]]; offsets are absolute (arena
 * offsets).  Positions are not kept: 8 bytes a field instead of 40 (an
 * error found by the storing side is located by loading again without a
 * thread, see csvload.c). */
typedef struct {
    uint32_t *cell;
    size_t nf, capf;
    size_t *first, *nfields;
    long *line;
    unsigned char *special;
    size_t nrec, caprec;
    int check_nul;    /* the input so far holds a NUL byte */
    size_t est_rows;  /* if non-zero: how many rows the whole input should have */
    size_t ahead_off, ahead_len; /* arena bytes the reader fills next (see csvload.c) */
} rec_batch;

/* Stores a batch; returns non-zero to stop (an error: the rest is skipped). */
typedef int (*recpipe_consume_fn)(void *ctx, const rec_batch *b);

typedef struct recpipe recpipe;

/* Starts the worker; NULL if no thread could be made (work without one). */
recpipe *recpipe_start(recpipe_consume_fn consume, void *ctx);
/* The batch to fill next (empty; waits while the worker is behind). */
rec_batch *recpipe_batch(recpipe *p);
/* Appends a record, its field offsets shifted by `base`; -1 on no memory. */
int recpipe_add(rec_batch *b, const csvscan_field *f, size_t nf, long line, int special, size_t base);
/* Hands the batch from recpipe_batch to the worker. */
void recpipe_push(recpipe *p);
/* Waits until the worker has stored every batch pushed. */
void recpipe_drain(recpipe *p);
/* Whether the worker has stopped on an error. */
int recpipe_stopped(recpipe *p);
/* Keeps the worker from storing (held non-zero) or lets it: stands for
 * a worker that starts late, for the tests (the reader then stores
 * batches itself when all are full). */
void recpipe_hold(recpipe *p, int held);
/* Drains, stops the worker and frees everything. */
void recpipe_finish(recpipe *p);

#endif
