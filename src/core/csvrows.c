/* csvrows.c - see csvrows.h. */
#include "csvrows.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "bytescan.h"
#include "llmdeck/output.h"
#include "worker.h"

/* Rows per block; an export of at least two blocks uses a second thread.
 * Small enough that a block's text stays in the cache while it is written
 * out (measured: 4,096 beat 16,384 by ~3 ms on the 200k export). */
#define BLOCK 4096

/* Copies a run of cells, NULs made commas (and the row's last one a line
 * end when the run reaches it). */
static void copy_cells(char *d, const char *s, size_t len, int row_end)
{
    memcpy(d, s, len);
    bytescan_nul_to(d, len, ',');
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
        size_t ks = h; /* the special cell: from after the NUL before h ... */
        while (ks > done && row[ks - 1] != '\0') ks--;
        size_t ke = ks + strlen(row + ks); /* ... to its own NUL */
        if (ks > done) {
            copy_cells(d, row + done, ks - done, 0);
            d += ks - done;
        }
        *d++ = '"';
        for (size_t k = ks; k < ke; k++) {
            if (row[k] == '"') *d++ = '"'; /* "" */
            *d++ = row[k];
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
    for (j->done = 0; j->done < j->n; j->done++) {
        size_t i = j->done;
        if (i + 8 < j->n)
            for (size_t k = 0; k < nnum; k++)
                if (num[k]) __builtin_prefetch(&num[k][j->idx[i + 8]]);
        /* sorted rows are scattered in memory: fetch a few rows ahead */
        if (i + 16 < j->n) catalog_row_prefetch(j->cat, j->idx[i + 16]);
        if (i + 8 < j->n) {
            const char *ahead = catalog_text(j->cat, j->idx[i + 8], 0);
            __builtin_prefetch(ahead);
            __builtin_prefetch(ahead + 64);
            __builtin_prefetch(ahead + 128);
        }
        size_t nc = 0, bytes = 0;
        int special = 0;
        const char *row = catalog_row_span(j->cat, j->idx[i], &nc, &bytes, &special);
        if (!row || nc != j->ncols) break;
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
            j->len += append_extra(j->buf + j->len - 1, j->cat, j->idx[i], j->extra, j->nextra) - 1;
    }
    return NULL;
}

/* Starts formatting rows from..from+BLOCK (at most n) on the helper thread. */
static int start_block(block_job *b, const uint32_t *idx, size_t from, size_t n, pthread_t *th)
{
    b->idx = idx + from;
    b->n = n - from < BLOCK ? n - from : BLOCK;
    return b->n && worker_start(th, format_block, b) == 0;
}

void csvrows_write(FILE *out, const ld_catalog *cat, const uint32_t *idx, size_t n, size_t ncols,
                   const int *extra, size_t nextra, void (*slow)(void *ctx, uint32_t row), void *ctx)
{
    /* Rows go in pairs of blocks: this thread formats the first of a pair,
     * the helper the second.  The helper starts on the next pair's second
     * block before this one writes the pair out, so writing overlaps
     * formatting.  When a row not kept whole turns up (rows changed since
     * the load), the rest stays on this thread: no thread per row. */
    block_job a = {cat, NULL, 0, ncols, extra, nextra, NULL, 0, 0, 0}, b[2] = {a, a};
    pthread_t th[2];
    int running[2] = {0, 0}, cur = 0;
    int two = n >= 2 * BLOCK;
    if (two) running[0] = start_block(&b[0], idx, BLOCK, n, &th[0]);
    for (size_t i = 0; i < n;) {
        a.idx = idx + i;
        a.n = n - i < BLOCK ? n - i : BLOCK;
        format_block(&a);
        int have_b = running[cur];
        if (have_b) pthread_join(th[cur], NULL);
        running[cur] = 0;
        size_t end = i + a.n + (have_b ? b[cur].n : 0); /* the pair's end */
        int whole = a.done == a.n && (!have_b || b[cur].done == b[cur].n);
        if (whole && two && end + BLOCK < n)
            running[1 - cur] = start_block(&b[1 - cur], idx, end + BLOCK, n, &th[1 - cur]);
        fwrite_unlocked(a.buf, 1, a.len, out);
        size_t next = i + a.done;
        if (a.done == a.n && have_b) { /* b's rows follow a's */
            fwrite_unlocked(b[cur].buf, 1, b[cur].len, out);
            next += b[cur].done;
        }
        if (next < end) { /* a row not kept whole stopped a block */
            slow(ctx, idx[next++]);
            two = 0;
        }
        i = next;
        cur = 1 - cur;
    }
    free(a.buf);
    free(b[0].buf);
    free(b[1].buf);
}
