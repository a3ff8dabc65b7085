/* csvrows.c - see csvrows.h. */
#include "csvrows.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytescan.h"
#include "llmdeck/output.h"
#include "worker.h"

/* Rows per chunk; an export of at least two chunks uses a second thread.
 * Small enough that a chunk's text stays in the cache while it is written
 * out and that the two threads finish together (measured on the 200k
 * export to a file: 4,096 beat 16,384 by ~3 ms; with chunks taken by
 * whichever thread is free, 2,048 took 40 ms, 1,024 42 ms, 4,096 45 ms). */
#define BLOCK 2048

/* Copies a run of cells, NULs made commas (and the row's last one a line
 * end when the run reaches it). */
static void copy_cells(char *d, const char *s, size_t len, int row_end)
{
    bytescan_copy_nul_to(d, s, len, ','); /* (before: a memcpy, then a second pass over d) */
    if (row_end) d[len - 1] = '\n';
}

/* Bytes that may make a cell need quotes (blanks only at a cell's ends). */
static const unsigned char maybe_special[256] = {
    [','] = 1, ['"'] = 1, ['\r'] = 1, ['\n'] = 1, [' '] = 1, ['\t'] = 1,
};

/* Writes a row kept whole as a CSV line into d, which has room for the
 * worst case; returns its length.  A row with no special cell is one copy;
 * otherwise the cells that need quotes are found 16 bytes at a time and
 * only they are written quoted. */
static size_t copy_whole_row(char *d, const char *row, size_t bytes, int special)
{
    if (!special) {
        copy_cells(d, row, bytes, 1);
        return bytes;
    }
    char *start = d;
    size_t i = 0, done = 0; /* done: the first byte not yet written */
    while (done < bytes) {
        size_t h = bytescan_first(row, i, bytes - 1, ',', '"', '\r', '\n', ' ', '\t', maybe_special);
        if (h < bytes - 1 && (row[h] == ' ' || row[h] == '\t') &&
            !(h == 0 || row[h - 1] == '\0' || row[h + 1] == '\0')) {
            i = h + 1; /* a blank inside a cell is fine */
            continue;
        }
        if (h == bytes - 1) { /* no more special cells: the rest at once */
            copy_cells(d, row + done, bytes - done, 1);
            d += bytes - done;
            break;
        }
        /* the special cell: from after the NUL before h (memrchr, not a
         * byte loop back: shape4's export 16.9 -> 16.1 ms) to its own NUL */
        const char *nul = h > done ? memrchr(row + done, '\0', h - done) : NULL;
        size_t ks = nul ? (size_t)(nul - row) + 1 : done;
        size_t ke = h + strlen(row + h);
        if (ks > done) {
            copy_cells(d, row + done, ks - done, 0);
            d += ks - done;
        }
        *d++ = '"';
        for (size_t k = ks; k < ke;) { /* runs up to and with each quote, which is doubled */
            const char *q = memchr(row + k, '"', ke - k);
            size_t run = q ? (size_t)(q - (row + k)) + 1 : ke - k;
            memcpy(d, row + k, run);
            d += run;
            if (q) *d++ = '"';
            k += run;
        }
        *d++ = '"';
        *d++ = ke + 1 == bytes ? '\n' : ',';
        done = i = ke + 1;
    }
    return (size_t)(d - start);
}

/* Appends the row's computed cells (value_score, ...) after its copied
 * cells, each as output_cell formats it and quoted by the rule
 * output_csv_field follows, so the line equals the cell-by-cell one; d has
 * room for 2 * CSVROWS_CELL + 3 bytes a cell (all quotes, doubled).
 * Returns the bytes written. */
static size_t append_extra(char *d, const ld_catalog *cat, uint32_t row, const int *extra,
                           size_t nextra)
{
    char *start = d, cell[CSVROWS_CELL];
    for (size_t k = 0; k < nextra; k++) {
        const ld_column *c = catalog_col(cat, (size_t)extra[k]);
        if ((c->flags & LD_COLF_DERIVED) && !(c->flags & LD_COLF_YESNO)) {
            /* a number, as output_cell writes it, never quoted: written
             * in place, no copy, strlen or scan for quotes (shape3's
             * export 17.1 -> 15.4 ms) */
            *d++ = ',';
            d += output_derived_number(catalog_num(cat, row, (size_t)extra[k]), c->decimals, d, CSVROWS_CELL);
            continue;
        }
        const char *t = output_cell(cat, row, (size_t)extra[k], cell, sizeof cell);
        size_t n = strlen(t);
        int quote = n && (t[0] == ' ' || t[0] == '\t' || t[n - 1] == ' ' || t[n - 1] == '\t');
        for (size_t i = 0; i < n && !quote; i++)
            quote = t[i] == ',' || t[i] == '"' || t[i] == '\r' || t[i] == '\n';
        *d++ = ',';
        if (!quote) {
            memcpy(d, t, n);
            d += n;
            continue;
        }
        *d++ = '"';
        for (size_t i = 0; i < n; i++) {
            if (t[i] == '"') *d++ = '"';
            *d++ = t[i];
        }
        *d++ = '"';
    }
    *d++ = '\n';
    return (size_t)(d - start);
}

/* One block of rows formatted into a growing buffer. */
typedef struct {
    const ld_catalog *cat;
    const uint32_t *idx;
    size_t n, ncols;
    const int *extra; /* computed columns appended to each line */
    size_t nextra;
    char *buf;
    size_t len, cap;
    size_t done; /* rows formatted: n, or where a row not kept whole (or no memory) stopped it */
} block_job;

static void *format_block(void *arg)
{
    block_job *j = arg;
    j->len = 0;
    const double *num[8]; /* the computed columns' numbers, fetched ahead like the rows */
    size_t nnum = j->nextra < 8 ? j->nextra : 8;
    for (size_t k = 0; k < nnum; k++) num[k] = catalog_col(j->cat, (size_t)j->extra[k])->num;
    ld_row_spans rs; /* the rows' arrays, read here (catalog_row_span a row was a call) */
    catalog_row_spans(j->cat, &rs);
    if (!rs.span || rs.ncells != j->ncols) return j->done = 0, NULL;
    const uint32_t *idx = j->idx;
    for (j->done = 0; j->done < j->n; j->done++) {
        size_t i = j->done;
        /* sorted rows are scattered in memory: fetch a few rows ahead */
        if (i + 16 < j->n && idx[i + 16] < rs.nrows) {
            __builtin_prefetch(&rs.span[idx[i + 16]]);
            __builtin_prefetch(&rs.first[idx[i + 16]]);
        }
        if (i + 8 < j->n && idx[i + 8] < rs.nrows) {
            uint32_t ahead = idx[i + 8];
            for (size_t k = 0; k < nnum; k++)
                if (num[k]) __builtin_prefetch(&num[k][ahead]);
            if (rs.span[ahead]) { /* every line of that row's text: its span says how far */
                const char *t = rs.text + rs.first[ahead];
                uintptr_t line = (uintptr_t)t & ~(uintptr_t)63, last = (uintptr_t)(t + (rs.span[ahead] >> 1) - 1);
                for (; line <= last; line += 64) __builtin_prefetch((const void *)line);
            }
        }
        uint32_t r = idx[i];
        if (r >= rs.nrows || !rs.span[r]) break; /* not stored whole, or changed since */
        const char *row = rs.text + rs.first[r];
        size_t bytes = rs.span[r] >> 1, nc = rs.ncells;
        int special = (int)(rs.span[r] & 1);
        size_t worst = special ? 2 * bytes + 2 * nc : bytes; /* every byte a "", every cell quoted */
        worst += j->nextra * (2 * CSVROWS_CELL + 3);
        if (j->len + worst > j->cap) {
            size_t cap = j->cap ? j->cap * 2 : 1u << 20;
            while (cap < j->len + worst) cap *= 2;
            char *b = realloc(j->buf, cap);
            if (!b) break; /* the rest goes the slow way */
            j->buf = b;
            j->cap = cap;
        }
        j->len += copy_whole_row(j->buf + j->len, row, bytes, special);
        if (j->nextra) /* the line end becomes the computed cells' comma */
            j->len += append_extra(j->buf + j->len - 1, j->cat, r, j->extra, j->nextra) - 1;
    }
    return NULL;
}

/* The rows are cut into chunks of BLOCK rows, formatted by this thread
 * and a helper, whichever is free, and written by this thread in order
 * as soon as the next one is ready.  Whoever is free takes the next chunk,
 * so the thread that also writes formats fewer of them: with a chunk to
 * each in turn (the first design) this thread did its half and all the
 * writing while the helper waited (measured: 46 ms against 31 ms without
 * the writing, 200k rows).  NSLOT chunks at most are formatted ahead of
 * the writing, so memory stays bounded. */
#define NSLOT 4

typedef struct {
    block_job job[NSLOT];
    int ready[NSLOT];    /* chunk in that slot formatted */
    size_t nchunks;
    size_t next;         /* the next chunk to take */
    size_t written;      /* chunks written (all before it) */
    const uint32_t *idx;
    size_t n;
    pthread_mutex_t mu;
    pthread_cond_t cv;
} export_run;

/* Takes the next chunk if its slot is free; returns it, or nchunks if
 * there is none to take now (*all_taken says whether none is left). */
static size_t take_chunk(export_run *r, int *all_taken)
{
    *all_taken = r->next >= r->nchunks;
    if (*all_taken || r->next - r->written >= NSLOT) return r->nchunks;
    return r->next++;
}

/* Formats chunk c into its slot and marks it ready. */
static void format_chunk(export_run *r, size_t c)
{
    block_job *j = &r->job[c % NSLOT];
    j->idx = r->idx + c * BLOCK;
    j->n = r->n - c * BLOCK < BLOCK ? r->n - c * BLOCK : BLOCK;
    format_block(j);
    pthread_mutex_lock(&r->mu);
    r->ready[c % NSLOT] = 1;
    pthread_cond_broadcast(&r->cv);
    pthread_mutex_unlock(&r->mu);
}

static void *format_chunks(void *arg)
{
    export_run *r = arg;
    pthread_mutex_lock(&r->mu);
    for (;;) {
        int all_taken;
        size_t c = take_chunk(r, &all_taken);
        if (all_taken) break;
        if (c == r->nchunks) { /* every slot waits to be written */
            pthread_cond_wait(&r->cv, &r->mu);
            continue;
        }
        pthread_mutex_unlock(&r->mu);
        format_chunk(r, c);
        pthread_mutex_lock(&r->mu);
    }
    pthread_mutex_unlock(&r->mu);
    return NULL;
}

/* Writes a formatted chunk; the rows it stopped at (not kept whole, or no
 * memory) go to slow() in their place and the rest is formatted here. */
static void write_chunk(FILE *out, block_job *j, block_job *rest, void (*slow)(void *ctx, uint32_t row), void *ctx)
{
    fwrite_unlocked(j->buf, 1, j->len, out);
    const uint32_t *idx = j->idx;
    size_t i = j->done, n = j->n;
    while (i < n) {
        slow(ctx, idx[i++]);
        rest->idx = idx + i;
        rest->n = n - i;
        format_block(rest);
        fwrite_unlocked(rest->buf, 1, rest->len, out);
        i += rest->done;
    }
}

void csvrows_write(FILE *out, const ld_catalog *cat, const uint32_t *idx, size_t n, size_t ncols,
                   const int *extra, size_t nextra, void (*slow)(void *ctx, uint32_t row), void *ctx)
{
    block_job blank = {cat, NULL, 0, ncols, extra, nextra, NULL, 0, 0, 0}, rest = blank;
    export_run r = {.nchunks = (n + BLOCK - 1) / BLOCK, .idx = idx, .n = n};
    for (int k = 0; k < NSLOT; k++) r.job[k] = blank;
    pthread_t th;
    int helper = r.nchunks >= 2 && pthread_mutex_init(&r.mu, NULL) == 0;
    if (helper && pthread_cond_init(&r.cv, NULL) != 0) {
        pthread_mutex_destroy(&r.mu);
        helper = 0;
    }
    if (helper && worker_start(&th, format_chunks, &r) != 0) {
        pthread_cond_destroy(&r.cv);
        pthread_mutex_destroy(&r.mu);
        helper = 0;
    }
    while (r.written < r.nchunks) {
        size_t w = r.written % NSLOT, c = 0;
        int all_taken;
        if (!helper) { /* alone: format each chunk and write it */
            r.next++;
            block_job *j = &r.job[0];
            j->idx = idx + r.written * BLOCK;
            j->n = n - r.written * BLOCK < BLOCK ? n - r.written * BLOCK : BLOCK;
            format_block(j);
            write_chunk(out, j, &rest, slow, ctx);
            r.written++;
            continue;
        }
        pthread_mutex_lock(&r.mu);
        while (!r.ready[w] && (c = take_chunk(&r, &all_taken)) == r.nchunks)
            pthread_cond_wait(&r.cv, &r.mu);
        if (r.ready[w]) { /* the next chunk in order: write it */
            pthread_mutex_unlock(&r.mu);
            write_chunk(out, &r.job[w], &rest, slow, ctx);
            pthread_mutex_lock(&r.mu);
            r.ready[w] = 0;
            r.written++;
            pthread_cond_broadcast(&r.cv);
            pthread_mutex_unlock(&r.mu);
        } else { /* nothing to write yet: format one */
            pthread_mutex_unlock(&r.mu);
            format_chunk(&r, c);
        }
    }
    if (helper) {
        pthread_join(th, NULL);
        pthread_cond_destroy(&r.cv);
        pthread_mutex_destroy(&r.mu);
    }
    free(rest.buf);
    for (int k = 0; k < NSLOT; k++) free(r.job[k].buf);
}
