/* csvload.c - CSV into a catalog: one streaming pass, the file read straight
 * into the catalog's text arena and its cells left where they were read,
 * numbers parsed as they arrive, positions for errors.
 * The record scanner is csvscan.c (see there why it is not libcsv's). */
#include "llmdeck/csvload.h"

#include "csvscan.h"
#include "recpipe.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
    ld_catalog *cat;
    const ld_csv_options *opt;
    const char *name;
    ld_error *err;
    int in_header;
    int failed;
    int check_nul;        /* a NUL byte was read: look for it field by field */
    size_t base;          /* arena offset of the bytes being scanned */
    uint32_t *pairs;      /* a record's (offset, length) pairs, without a second thread */
    size_t pairs_cap;
    size_t est_rows;      /* rows to expect (from the first chunk), 0 = not known yet */
    int reserved;         /* room for est_rows made */
    /* reading side, with a second thread (see recpipe.h) */
    rec_batch *batch;     /* the batch being filled */
    int batch_failed;     /* no memory for it */
    size_t header_fields;
    char dup_base[128];   /* the last duplicated header name ... */
    int dup_next;         /* ... and the next suffix to try for it */
    long *line_of_row;
    size_t line_cap;
} csv_ctx;

void csvload_snake_case(const char *in, size_t len, char *out, size_t n)
{
    size_t o = 0;
    int pending_sep = 0;
    for (size_t i = 0; i < len && o + 2 < n; i++) {
        unsigned char c = (unsigned char)in[i];
        int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum) {
            if (pending_sep && o > 0) out[o++] = '_';
            pending_sep = 0;
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        } else if (c == '%') {
            /* "MMLU (%)" -> "mmlu": a unit is not part of the id */
        } else {
            pending_sep = 1;
        }
    }
    out[o] = '\0';
}

static int in_list(const char *const *list, const char *id)
{
    if (!list) return 0;
    for (; *list; list++)
        if (strcmp(*list, id) == 0) return 1;
    return 0;
}

/* A header cell becomes a column: id in snake_case (unique), label as written. */
static int add_header_column(csv_ctx *x, const char *s, size_t len, size_t k)
{
    char id[128];
    csvload_snake_case(s, len, id, sizeof id);
    if (!id[0]) snprintf(id, sizeof id, "column_%zu", k + 1);
    if (catalog_col_index(x->cat, id) >= 0) { /* duplicate header: id_2, id_3, ... */
        char base[128];
        snprintf(base, sizeof base, "%s", id);
        /* a name repeated many times continues from its last suffix
         * instead of trying 2, 3, ... again (linear, not quadratic) */
        int n = strcmp(base, x->dup_base) == 0 ? x->dup_next : 2;
        do snprintf(id, sizeof id, "%.100s_%d", base, n++);
        while (catalog_col_index(x->cat, id) >= 0);
        snprintf(x->dup_base, sizeof x->dup_base, "%s", base);
        x->dup_next = n;
    }
    unsigned flags = 0;
    if (in_list(x->opt->number_cols, id)) flags |= LD_COLF_DECLARED_NUMBER;
    if (in_list(x->opt->text_cols, id)) flags |= LD_COLF_DECLARED_TEXT;
    /* numbers the command never reads are neither parsed nor stored: the
     * column stays text (a CSV export copies it as written), a declared
     * numeric one checked cell by cell (numparse_is_word), so the file
     * must hold what it must whatever the command */
    if (x->opt->numbers_read && !in_list(x->opt->numbers_read, id) && strcmp(id, "model") != 0) {
        if (flags & LD_COLF_DECLARED_NUMBER) flags = (flags & ~LD_COLF_DECLARED_NUMBER) | LD_COLF_CHECK_NUMBER;
        flags |= LD_COLF_DECLARED_TEXT | LD_COLF_UNREAD;
    }
    /* parse numbers as the cells arrive (one pass); catalog_finish turns
     * columns with words into text.  The key column is always text. */
    int text = (flags & LD_COLF_DECLARED_TEXT) || strcmp(id, "model") == 0;
    int c = catalog_add_column(x->cat, id, text ? LD_COL_TEXT : LD_COL_NUMBER, flags);
    if (c < 0) return -1;
    /* keep the header's own words as the label */
    ld_column *cd = catalog_col(x->cat, (size_t)c);
    char *label = malloc(len + 1);
    if (!label) return -1;
    memcpy(label, s, len);
    label[len] = '\0';
    free(cd->label);
    cd->label = label;
    return 0;
}

static void fail_nomem(csv_ctx *x, long line)
{
    x->failed = 1;
    error_set(x->err, LD_ERR_NOMEM, x->name, line, 0, "out of memory");
}

/* Stores one record: cells[2k], cells[2k+1] are field k's arena offset
 * and length (a C string there already).  `pos` gives each field's
 * position for messages when known (not on the storing thread: see
 * recpipe.h).  Runs on the storing side. */
static void store_record(csv_ctx *x, const uint32_t *cells, const csvscan_field *pos, size_t nf,
                         long line, int special, int check_nul)
{
#define FLINE(k) (pos ? pos[k].line : line)
#define FCOL(k) (pos ? pos[k].col : 0L)
    if (x->failed) return;
    const char *arena = catalog_text_base(x->cat);
    /* a NUL byte was read somewhere: find the field (in the header too:
     * binary data is not a CSV) */
    for (size_t k = 0; check_nul && k < nf; k++)
        if (memchr(arena + cells[2 * k], '\0', cells[2 * k + 1])) {
            x->failed = 1;
            error_set(x->err, LD_ERR_PARSE, x->name, FLINE(k), FCOL(k),
                      "a NUL byte in a field: expected a text CSV file, not binary data");
            return;
        }
    if (x->in_header) {
        for (size_t k = 0; k < nf; k++)
            if (add_header_column(x, arena + cells[2 * k], cells[2 * k + 1], k) != 0) return fail_nomem(x, line);
        x->in_header = 0;
        x->header_fields = nf;
        catalog_begin_slim(x->cat, nf); /* rows are whole as a rule */
        return;
    }
    if (nf > x->header_fields) {
        x->failed = 1;
        error_set(x->err, LD_ERR_PARSE, x->name, FLINE(x->header_fields), FCOL(x->header_fields),
                  "row has more fields than the header's %zu", x->header_fields);
        return;
    }
    if (!x->reserved && x->est_rows) { /* the first chunk tells how many rows to expect */
        x->reserved = 1;
        catalog_reserve(x->cat, x->est_rows);
        if (x->est_rows > x->line_cap) {
            long *l = realloc(x->line_of_row, x->est_rows * sizeof *l);
            if (!l) return fail_nomem(x, line);
            x->line_of_row = l;
            x->line_cap = x->est_rows;
        }
    }
    size_t bad;
    /* the cells lie back to back: CSV export can copy the row at once */
    size_t row = nf == x->header_fields
                     ? catalog_add_whole_row(x->cat, cells, nf, cells[2 * (nf - 1)] + cells[2 * nf - 1] + 1 - cells[0],
                                             special, &bad)
                     : catalog_add_row_at(x->cat, cells, nf, &bad);
    if (row == (size_t)-1) return fail_nomem(x, line);
    if (row == x->line_cap) {
        size_t cap = x->line_cap ? x->line_cap * 2 : 1024;
        long *l = realloc(x->line_of_row, cap * sizeof *l);
        if (!l) return fail_nomem(x, line);
        x->line_of_row = l;
        x->line_cap = cap;
    }
    x->line_of_row[row] = line;
    if (bad != (size_t)-1) {
        x->failed = 1;
        error_set(x->err, LD_ERR_PARSE, x->name, FLINE(bad), FCOL(bad), "column '%s' expects a number, got '%.*s'",
                  catalog_col(x->cat, bad)->id, (int)(cells[2 * bad + 1] > 40 ? 40 : cells[2 * bad + 1]),
                  arena + cells[2 * bad]);
        return;
    }
#undef FLINE
#undef FCOL
}

/* Without a second thread: records are stored as they are scanned. */
static void on_record(void *vctx, const csvscan_field *f, size_t nf, long line, int special)
{
    csv_ctx *x = vctx;
    if (x->failed) return;
    if (nf > x->pairs_cap) {
        uint32_t *p = realloc(x->pairs, nf * 2 * sizeof *p);
        if (!p) return fail_nomem(x, line);
        x->pairs = p;
        x->pairs_cap = nf;
    }
    for (size_t k = 0; k < nf; k++) { /* arena offsets are 32-bit (catalog.h) */
        x->pairs[2 * k] = (uint32_t)(x->base + f[k].off);
        x->pairs[2 * k + 1] = (uint32_t)f[k].len;
    }
    store_record(x, x->pairs, f, nf, line, special, x->check_nul);
}

/* With one: they are batched and stored by the worker. */
static void on_record_queued(void *vctx, const csvscan_field *f, size_t nf, long line, int special)
{
    csv_ctx *x = vctx;
    if (!x->batch_failed && recpipe_add(x->batch, f, nf, line, special, x->base) != 0) x->batch_failed = 1;
}

static int store_batch(void *vctx, const rec_batch *b)
{
    csv_ctx *x = vctx;
    if (b->est_rows) x->est_rows = b->est_rows;
    for (size_t r = 0; r < b->nrec && !x->failed; r++)
        store_record(x, b->cell + 2 * b->first[r], NULL, b->nfields[r], b->line[r], b->special[r], b->check_nul);
    if (b->ahead_len) catalog_text_prefault(x->cat, b->ahead_off, b->ahead_len);
    return x->failed;
}

/* Each name and alias must point back at its own row: catalog_find gives
 * the first row holding a name, so a later holder is a duplicate. */
static int check_unique(const ld_catalog *cat, const char *name, const long *lines, ld_error *err)
{
    size_t key = catalog_key_col(cat);
    int alias = catalog_col_index(cat, "aliases");
    for (size_t r = 0; r < catalog_rows(cat); r++) {
        char one[512];
        const char *names[2] = {catalog_text(cat, r, key), alias >= 0 ? catalog_text(cat, r, (size_t)alias) : ""};
        for (int k = 0; k < 2; k++) {
            const char *a = names[k];
            while (*a) {
                const char *bar = k ? strchr(a, '|') : NULL;
                size_t n = bar ? (size_t)(bar - a) : strlen(a);
                snprintf(one, sizeof one, "%.*s", (int)(n < sizeof one ? n : sizeof one - 1), a);
                long first = catalog_find(cat, one);
                if (first >= 0 && (size_t)first != r)
                    return error_set(err, LD_ERR_PARSE, name, lines[r], 0,
                                     "'%s' already names the model on line %ld (names and aliases must be unique)",
                                     one, lines[first]);
                a += n + (bar ? 1 : 0);
            }
        }
    }
    return 0;
}

#define CHUNK LD_CSV_CHUNK
#define FIRST_CHUNK LD_CSV_FIRST_CHUNK

/* Reads the input in chunks straight into the catalog's text arena (or
 * copies it there from memory) and scans it in place: the cells stay where
 * they were read.  A record cut by a chunk's end stays put and the next
 * chunk is read after it.  Errors of the reading side (I/O, quoting,
 * cancel) go to `aerr`, those of the storing side to `x.err`; the storing
 * side's come first in the file, since it stores what was read before. */
static ld_catalog *load(const char *mem, size_t memlen, FILE *f, size_t size, const char *name,
                        const ld_csv_options *opt, ld_error *err)
{
    ld_csv_options none = {0};
    if (!opt) opt = &none; /* from here on, options are always there */
    ld_error aerr, serr;
    error_clear(&aerr);
    error_clear(&serr);
    csv_ctx x = {0};
    x.cat = catalog_new();
    x.opt = opt;
    x.name = name;
    x.err = &serr;
    x.in_header = 1;
    csvscan_state st;
    csvscan_init(&st);
    recpipe *pipe = NULL;
    int afailed = 0, nomem = 0;
    size_t at = 0, have = 0, done = 0, records = 0; /* have: bytes of an unfinished record at `at` */
    if (!x.cat) {
        error_set(err, LD_ERR_NOMEM, name, 0, 0, "out of memory");
        return NULL;
    }
    /* room for the whole file (and a chunk's slack) at once: no copying
     * while it grows, and pages never touched cost nothing */
    if (!catalog_text_room(x.cat, (mem ? memlen : size + CHUNK) + 1, &at)) goto too_big;
    if (!mem && size >= LD_CSV_THREADED_MIN && !opt->one_thread)
        pipe = recpipe_start(store_batch, &x); /* NULL: no thread, then without */
    int first = 1, eof = 0, est_sent = 0;
    size_t prefault_to = 0;
    while (!eof && !afailed) {
        size_t chunk = mem ? memlen : first ? FIRST_CHUNK : CHUNK;
        if (pipe && !catalog_text_fits(x.cat, have + chunk + 1))
            recpipe_drain(pipe); /* the arena moves: the worker must not be reading it */
        char *arena = catalog_text_room(x.cat, have + chunk + 1, &at);
        if (!arena) goto too_big;
        char *p = arena + at;
        size_t got;
        if (mem) {
            if (memlen) memcpy(p + have, mem, memlen);
            got = memlen;
            eof = 1;
        } else {
            /* read(2), not fread: a pipe hands over what it has, so the
             * progress bar moves and Ctrl-C is seen while it trickles */
            ssize_t r = read(fileno(f), p + have, chunk);
            if (r < 0 && errno == EINTR) { /* a signal (Ctrl-C) while a pipe was quiet */
                r = 0;
                if (opt->progress && opt->progress(opt->progress_ctx, done, size, records)) {
                    error_set(&aerr, LD_ERR_CANCEL, name, 0, 0, "load cancelled");
                    afailed = 1;
                    break;
                }
                continue;
            }
            if (r < 0) {
                error_set(&aerr, LD_ERR_IO, name, 0, 0, "read error: %s", strerror(errno));
                afailed = 1;
                break;
            }
            got = (size_t)r;
            eof = got == 0;
        }
        if (!x.check_nul && memchr(p + have, '\0', got)) {
            x.check_nul = 1;
            if (!mem && !size) {
                /* a pipe or a device (/dev/zero): its records may never end,
                 * so say it now instead of reading on for ever */
                size_t at_byte = done + have + (size_t)((const char *)memchr(p + have, '\0', got) - (p + have));
                error_set(&aerr, LD_ERR_PARSE, name, 0, 0,
                          "a NUL byte at byte %zu: expected a text CSV file, not binary data", at_byte + 1);
                afailed = 1;
                break;
            }
        }
        size_t n = have + got;
        size_t skip = 0;
        if (first && n < 3 && !eof && memcmp(p, "\xEF\xBB\xBF", n) == 0) {
            have = n; /* a pipe cut a UTF-8 BOM (or what may be one): read on first */
            continue;
        }
        if (first && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) skip = 3; /* UTF-8 BOM */
        if (first && n >= 2 && (!memcmp(p, "\xFF\xFE", 2) || !memcmp(p, "\xFE\xFF", 2))) {
            /* say what it is and how to fix it, not just "binary" */
            error_set(&aerr, LD_ERR_PARSE, name, 1, 1,
                      "UTF-16 text (byte order mark %s): llmdeck reads UTF-8; convert it with "
                      "iconv -f UTF-16 -t UTF-8 FILE > FILE-utf8.csv", p[0] == '\xFF' ? "FF FE" : "FE FF");
            afailed = 1;
            break;
        }
        first = 0;
        size_t used = 0;
        x.base = at + skip;
        csvscan_status rc;
        if (pipe) {
            x.batch = recpipe_batch(pipe);
            x.batch->check_nul = x.check_nul;
            rc = csvscan_feed_inplace(&st, p + skip, n - skip, eof, on_record_queued, &x, &used);
            records += x.batch->nrec;
            if (!est_sent && records > 0 && size > 0) { /* the first chunk tells how many rows */
                x.batch->est_rows = (size_t)((double)records * ((double)size / (double)(used + skip)) * 1.02) + 16;
                est_sent = 1; /* (x.est_rows is the storing thread's) */
            }
            if (x.batch_failed) rc = CSVSCAN_NOMEM;
            /* The storing thread has time to spare, the reading one does
             * not: the page faults of the arena the reader fills next (a
             * third of its time, each fresh page zeroed and charged) are
             * taken there, a few chunks ahead, each range once.  Measured
             * on the 200k shape: load 74 -> 67 ms (median of 12), 1M rows
             * 350 -> 292 ms.  (Tried on 2026-11-28 with huge pages, 9de4ab5,
             * when it was slower; without them it pays.) */
            if (prefault_to < at + n + 1 + 2 * (size_t)CHUNK) {
                size_t from = prefault_to > at + n + 1 ? prefault_to : at + n + 1;
                x.batch->ahead_off = from;
                x.batch->ahead_len = at + n + 1 + 3 * (size_t)CHUNK - from;
                prefault_to = from + x.batch->ahead_len;
            }
            recpipe_push(pipe); /* what was scanned is stored, even before an error */
            if (recpipe_stopped(pipe)) break;
        } else {
            rc = csvscan_feed_inplace(&st, p + skip, n - skip, eof, on_record, &x, &used);
            records = catalog_rows(x.cat);
            if (!x.est_rows && records > 0 && size > 0 && done + used > 0)
                x.est_rows = (size_t)((double)records * ((double)size / (double)(done + used + skip)) * 1.02) + 16;
            if (x.failed) break;
        }
        if (rc == CSVSCAN_NOMEM) {
            nomem = afailed = 1;
            break;
        }
        if (rc != CSVSCAN_OK) {
            error_set(&aerr, LD_ERR_PARSE, name, st.err_line, st.err_col, "%s",
                      rc == CSVSCAN_UNTERMINATED
                          ? "unterminated quoted field (a '\"' is never closed)"
                          : "malformed quoting: a quote inside an unquoted field, or text after a closing quote");
            afailed = 1;
            break;
        }
        used += skip;
        done += used;
        /* the rest, a cut record, is read on; at the end, the byte after the
         * input holds the NUL of a last line without a line end: keep it */
        catalog_text_claim(x.cat, used + (eof ? 1 : 0));
        have = n - used;
        if (opt->progress && opt->progress(opt->progress_ctx, done, size, records)) {
            error_set(&aerr, LD_ERR_CANCEL, name, 0, 0, "load cancelled");
            afailed = 1;
        }
    }
    recpipe_finish(pipe); /* stores everything pushed, then joins */
    csvscan_free(&st);
    if (pipe && x.failed && !nomem && f && fseek(f, 0, SEEK_SET) == 0) {
        /* The storing thread met bad data: batches keep no positions, so
         * load once more without it to name FILE:LINE:COL (only on error). */
        free(x.line_of_row);
        free(x.pairs);
        catalog_free(x.cat);
        ld_csv_options again = *opt;
        again.one_thread = 1;
        return load(NULL, 0, f, size, name, &again, err);
    }
    if (nomem) error_set(&aerr, LD_ERR_NOMEM, name, 0, 0, "out of memory");
    if (x.failed) {
        if (err) *err = serr;
    } else if (afailed) {
        if (err) *err = aerr;
    } else if (catalog_cols(x.cat) == 0) {
        error_set(err, LD_ERR_PARSE, name, 1, 1, "empty file: expected a header row of column names");
        x.failed = 1;
    }
    if (!x.failed && !afailed && catalog_finish(x.cat, name, x.line_of_row, err) != 0) x.failed = 1;
    if (!x.failed && !afailed && opt->unique_names && check_unique(x.cat, name, x.line_of_row, err) != 0)
        x.failed = 1;
    free(x.line_of_row);
    free(x.pairs);
    if (x.failed || afailed) {
        catalog_free(x.cat);
        return NULL;
    }
    catalog_slim(x.cat); /* a million rows' numeric cell offsets: 4 MB a column */
    return x.cat;
too_big:
    recpipe_finish(pipe);
    csvscan_free(&st);
    free(x.line_of_row);
    free(x.pairs);
    catalog_free(x.cat);
    error_set(err, LD_ERR_NOMEM, name, 0, 0,
              "out of memory, or larger than the 4 GiB of text a table can hold");
    return NULL;
}

ld_catalog *csvload_buffer(const char *data, size_t len, const char *name,
                           const ld_csv_options *opt, ld_error *err)
{
    return load(data, len, NULL, len, name, opt, err);
}

char *csvload_read_file(const char *path, size_t *len, ld_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        error_set(err, LD_ERR_IO, path, 0, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        error_set(err, LD_ERR_IO, path, 0, 0, "is a directory, expected a file");
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    if (S_ISREG(st.st_mode) && fseek(f, 0, SEEK_END) == 0) {
        long sz = ftell(f);
        if (sz > (long)CSVLOAD_MAX_WHOLE_FILE) {
            fclose(f);
            error_set(err, LD_ERR_IO, path, 0, 0, "larger than %d MiB: not a data file llmdeck reads whole",
                      (int)(CSVLOAD_MAX_WHOLE_FILE >> 20));
            return NULL;
        }
        if (sz > 0) cap = (size_t)sz + 1;
        rewind(f);
    }
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        if (n == 0 && got >= 2 && (!memcmp(buf, "\xFF\xFE", 2) || !memcmp(buf, "\xFE\xFF", 2))) {
            error_set(err, LD_ERR_PARSE, path, 1, 1,
                      "UTF-16 text: llmdeck reads UTF-8; convert it with iconv -f UTF-16 -t UTF-8");
            free(buf);
            fclose(f);
            return NULL;
        }
        /* text only, and never without end (/dev/zero, a link to it) */
        const char *nul = memchr(buf + n, '\0', got);
        if (nul) {
            error_set(err, LD_ERR_PARSE, path, 0, 0, "a NUL byte at byte %zu: expected a text file, not binary data",
                      n + (size_t)(nul - (buf + n)) + 1);
            free(buf);
            fclose(f);
            return NULL;
        }
        n += got;
        if (n > CSVLOAD_MAX_WHOLE_FILE) {
            error_set(err, LD_ERR_IO, path, 0, 0, "larger than %d MiB: not a data file llmdeck reads whole",
                      (int)(CSVLOAD_MAX_WHOLE_FILE >> 20));
            free(buf);
            fclose(f);
            return NULL;
        }
        if (ferror(f)) {
            error_set(err, LD_ERR_IO, path, 0, 0, "read error: %s", strerror(errno));
            free(buf);
            fclose(f);
            return NULL;
        }
        if (feof(f)) break;
        if (n + 1 >= cap) {
            char *b = realloc(buf, cap * 2);
            if (!b) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = b;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf) {
        error_set(err, LD_ERR_NOMEM, path, 0, 0, "out of memory");
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

ld_catalog *csvload_file(const char *path, const ld_csv_options *opt, ld_error *err)
{
    int is_stdin = strcmp(path, "-") == 0; /* `cat x.csv | llmdeck table -` */
    const char *name = is_stdin ? "<stdin>" : path;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        error_set(err, LD_ERR_IO, name, 0, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    ld_catalog *cat = NULL;
    struct stat st;
    if (fstat(fileno(f), &st) != 0) {
        error_set(err, LD_ERR_IO, name, 0, 0, "cannot read: %s", strerror(errno));
    } else if (S_ISDIR(st.st_mode)) {
        error_set(err, LD_ERR_IO, name, 0, 0, "is a directory, expected a file");
    } else {
        /* a pipe or device has no size: read in chunks all the same
         * (progress shows bytes and rows, Ctrl-C cancels), on one thread */
        size_t size = S_ISREG(st.st_mode) ? (size_t)st.st_size : 0;
        cat = load(NULL, 0, f, size, name, opt, err);
    }
    if (!is_stdin) fclose(f);
    return cat;
}
