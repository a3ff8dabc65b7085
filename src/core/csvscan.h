/* csvscan.h - the RFC 4180 record scanner behind csvload (internal).
 *
 * Why not libcsv here: on a 200,000-row file libcsv's csv_parse alone took
 * 58 ms of a 118 ms load (tests/bench), because it copies every byte through
 * a per-character state machine.  This scanner finds records with a byte
 * table and memchr and copies nothing while it looks: a record's fields are
 * spans of the input, handed out once the whole record is known.  Its results
 * are checked against libcsv (CSV_STRICT) on generated and hostile inputs in
 * tests/unit/test_csvscan.c, so the two agree on every input both accept, and
 * the in-place mode is checked against the copying one there and by
 * tests/fuzz/fuzz_csvscan.c.
 *
 * Two ways to use it:
 *  - csvscan_feed: the input is read-only; a field with "" escapes is
 *    unescaped into scratch memory, the others point into the input.
 *  - csvscan_feed_inplace: the input is writable and the fields are made
 *    C strings where they lie (a NUL after each, "" collapsed to " in place,
 *    the fields of a record moved together so they follow each other).  The
 *    loader reads a file straight into the catalog's text arena and keeps the
 *    cells where they are: no copy at all for most cells.
 *
 * Semantics (libcsv's CSV_STRICT, with positions): fields are separated by
 * ','; a record ends at LF, CR or CRLF; blank and blank-looking (spaces or
 * tabs only) lines are skipped; spaces and tabs around unquoted fields and
 * around quoted ones are trimmed; "" inside quotes is a quote; a quote in an
 * unquoted field, text after a closing quote, and a quote never closed are
 * errors. */
#ifndef LLMDECK_CSVSCAN_H
#define LLMDECK_CSVSCAN_H

#include <stddef.h>

typedef struct {
    /* A field of the current record; `s` is valid only during the call. */
    void (*field)(void *ctx, const char *s, size_t len, long line, long col);
    /* The end of a record that started on `line`. */
    void (*row_end)(void *ctx, long line);
    void *ctx;
} csvscan_callbacks;

/* One field of a record.  While scanning, `off`/`len` span its raw text (for
 * a quoted field: between the quotes, "" still doubled); once handed out,
 * its final text. */
typedef struct {
    size_t off, len;
    long line, col;       /* where the field starts (1-based) */
    unsigned char quoted; /* it was written in quotes */
    unsigned char escaped; /* and holds "" (its text is shorter than the span) */
    unsigned char special; /* its text needs quotes to be written as CSV again:
                            * a quote, comma or line break in it, or blanks
                            * at an end (only ever set for quoted fields) */
} csvscan_field;

/* A whole record, in place: field k is the C string p + f[k].off (length
 * f[k].len) of the buffer given to csvscan_feed_inplace, and f[k+1].off ==
 * f[k].off + f[k].len + 1 (fields back to back).  `special` says whether
 * any field is (see csvscan_field). */
typedef void (*csvscan_record_fn)(void *ctx, const csvscan_field *f, size_t nf, long line,
                                  int special);

typedef enum { CSVSCAN_OK = 0, CSVSCAN_BAD_QUOTE, CSVSCAN_UNTERMINATED, CSVSCAN_NOMEM } csvscan_status;

typedef struct {
    long line;          /* line number at the start of the buffer (1-based);
                         * records always start at the start of a line */
    /* on error: where */
    long err_line, err_col;
    char *scratch;      /* unescaped quoted fields (copying mode) */
    size_t scratch_cap;
    csvscan_field *fields; /* the current record's fields */
    size_t fields_cap;
    /* The fast path for simple records (csvscan.c): how many records it
     * read, and a switch that turns it off (the tests compare the two). */
    size_t simple_records;
    int general_only;
} csvscan_state;

void csvscan_init(csvscan_state *st);
void csvscan_free(csvscan_state *st);

/* Scans p[0..n): emits every complete record and returns, in *consumed, how
 * many bytes they took.  The rest (a record cut by the end of the buffer) is
 * left for the next call with more data, unless `eof`, when it is the last
 * record.  Returns a status; `st->err_line/err_col` locate an error. */
csvscan_status csvscan_feed(csvscan_state *st, const char *p, size_t n, int eof,
                            const csvscan_callbacks *cb, size_t *consumed);

/* The same, but rewrites the consumed bytes (see above) and hands out each
 * record whole.  p[n] must be writable too (the last field of a file without
 * a final newline ends there).  Bytes not consumed are left untouched, so the
 * caller can append to them and call again. */
csvscan_status csvscan_feed_inplace(csvscan_state *st, char *p, size_t n, int eof,
                                    csvscan_record_fn record, void *ctx, size_t *consumed);

#endif
