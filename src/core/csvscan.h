/* csvscan.h - the RFC 4180 record scanner behind csvload (internal).
 *
 * Why not libcsv here: on a 200,000-row file libcsv's csv_parse alone took
 * 58 ms of a 118 ms load (tests/bench), because it copies every byte through
 * a per-character state machine.  This scanner finds records with memchr,
 * hands out unquoted fields in place and copies only quoted fields that
 * contain "" escapes.  Its results are checked against libcsv (CSV_STRICT)
 * on generated and hostile inputs in tests/unit/test_csvscan.c, so the two
 * agree on every input both accept.
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

typedef enum { CSVSCAN_OK = 0, CSVSCAN_BAD_QUOTE, CSVSCAN_UNTERMINATED, CSVSCAN_NOMEM } csvscan_status;

typedef struct {
    long line;          /* line number at the start of the buffer (1-based);
                         * records always start at the start of a line */
    /* on error: where */
    long err_line, err_col;
    /* scratch for quoted fields with escapes, and the current record's fields */
    char *scratch;
    size_t scratch_cap;
    size_t *spans;      /* pairs (offset-tag, len) per field */
    long *span_pos;     /* pairs (line, col) per field */
    size_t spans_cap;
} csvscan_state;

void csvscan_init(csvscan_state *st);
void csvscan_free(csvscan_state *st);

/* Scans p[0..n): emits every complete record and returns, in *consumed, how
 * many bytes they took.  The rest (a record cut by the end of the buffer) is
 * left for the next call with more data, unless `eof`, when it is the last
 * record.  Returns a status; `st->err_line/err_col` locate an error. */
csvscan_status csvscan_feed(csvscan_state *st, const char *p, size_t n, int eof,
                            const csvscan_callbacks *cb, size_t *consumed);

#endif
