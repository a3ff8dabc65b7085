/* csvscan.c - see csvscan.h. */
#include "csvscan.h"

#include <stdlib.h>
#include <string.h>

void csvscan_init(csvscan_state *st)
{
    memset(st, 0, sizeof *st);
    st->line = 1;
}

void csvscan_free(csvscan_state *st)
{
    free(st->scratch);
    free(st->spans);
    free(st->span_pos);
    memset(st, 0, sizeof *st);
}

static int is_blank(char c) { return c == ' ' || c == '\t'; }

/* Room for field k of the current record (offset, len, line, col). */
static int ensure_spans(csvscan_state *st, size_t k)
{
    if (k < st->spans_cap) return 0;
    size_t cap = st->spans_cap ? st->spans_cap * 2 : 64;
    while (cap <= k) cap *= 2;
    size_t *s = realloc(st->spans, cap * 2 * sizeof *s);
    if (!s) return -1;
    st->spans = s;
    long *p = realloc(st->span_pos, cap * 2 * sizeof *p);
    if (!p) return -1;
    st->span_pos = p;
    st->spans_cap = cap;
    return 0;
}

static int ensure_scratch(csvscan_state *st, size_t need)
{
    if (need <= st->scratch_cap) return 0;
    size_t cap = st->scratch_cap ? st->scratch_cap : 4096;
    while (cap < need) cap *= 2;
    char *s = realloc(st->scratch, cap);
    if (!s) return -1;
    st->scratch = s;
    st->scratch_cap = cap;
    return 0;
}

/* Field texts of a record are either slices of the input (tag bit 0 clear,
 * value = offset << 1) or slices of the scratch buffer (bit 0 set). */
#define IN_INPUT(off) ((off) << 1)
#define IN_SCRATCH(off) (((off) << 1) | 1)

typedef enum { REC_DONE, REC_CUT, REC_ERROR } rec_result;

/* Parses one record starting at p[i] (not at a blank line).  On REC_DONE
 * *next is the offset after its terminator and *nf the field count. */
/* Byte classes of the scanner's hot loop. */
enum { C_TEXT = 0, C_COMMA, C_EOL, C_QUOTE };
static const unsigned char byte_class[256] = {
    [','] = C_COMMA, ['\n'] = C_EOL, ['\r'] = C_EOL, ['"'] = C_QUOTE,
};

/* Parses one record starting at p[i], at the start of a line.  On REC_DONE
 * *next is the offset after its terminator and *nf the field count.  Columns
 * are computed from `ls`, the offset where the current line starts. */
static rec_result parse_record(csvscan_state *st, const char *p, size_t n, size_t i, int eof,
                               long *line, size_t *nf, size_t *next, csvscan_status *why)
{
    size_t k = 0, used = 0, ls = i;
    long ln = *line;
    for (;;) { /* one field per iteration */
        if (k >= st->spans_cap && ensure_spans(st, k)) return *why = CSVSCAN_NOMEM, REC_ERROR;
        while (i < n && is_blank(p[i])) i++;
        st->span_pos[2 * k] = ln;
        st->span_pos[2 * k + 1] = (long)(i - ls) + 1;
        if (i < n && p[i] == '"') {
            long qline = ln, qcol = (long)(i - ls) + 1;
            size_t start = used;
            i++;
            for (;;) {
                const char *q = memchr(p + i, '"', n - i);
                if (!q) {
                    if (!eof) return REC_CUT;
                    st->err_line = qline, st->err_col = qcol;
                    return *why = CSVSCAN_UNTERMINATED, REC_ERROR;
                }
                size_t len = (size_t)(q - (p + i));
                if (ensure_scratch(st, used + len + 1)) return *why = CSVSCAN_NOMEM, REC_ERROR;
                memcpy(st->scratch + used, p + i, len);
                used += len;
                for (const char *nl = memchr(p + i, '\n', len); nl; /* keep positions right */
                     nl = memchr(nl + 1, '\n', (size_t)(q - nl - 1))) {
                    ln++;
                    ls = (size_t)(nl - p) + 1;
                }
                i += len + 1;
                if (i < n && p[i] == '"') { /* "" is a quote */
                    st->scratch[used++] = '"';
                    i++;
                    continue;
                }
                if (i == n && !eof) return REC_CUT; /* can't tell "" from " yet */
                break;
            }
            st->spans[2 * k] = IN_SCRATCH(start);
            st->spans[2 * k + 1] = used - start;
            while (i < n && is_blank(p[i])) i++;
            if (i < n && p[i] != ',' && p[i] != '\n' && p[i] != '\r') {
                st->err_line = ln, st->err_col = (long)(i - ls) + 1;
                return *why = CSVSCAN_BAD_QUOTE, REC_ERROR;
            }
        } else {
            size_t s = i;
            while (i < n && byte_class[(unsigned char)p[i]] == C_TEXT) i++;
            if (i < n && p[i] == '"') {
                st->err_line = ln, st->err_col = (long)(i - ls) + 1;
                return *why = CSVSCAN_BAD_QUOTE, REC_ERROR;
            }
            size_t e = i;
            while (e > s && is_blank(p[e - 1])) e--;
            st->spans[2 * k] = IN_INPUT(s);
            st->spans[2 * k + 1] = e - s;
        }
        k++;
        if (i == n) {
            if (!eof) return REC_CUT;
            *next = n;
            break;
        }
        if (p[i] == ',') {
            i++;
            continue;
        }
        /* record terminator: LF, CR or CRLF */
        if (p[i] == '\r') {
            if (i + 1 == n && !eof) return REC_CUT; /* an LF may follow */
            i++;
            if (i < n && p[i] == '\n') i++;
        } else {
            i++;
        }
        ln++;
        *next = i;
        break;
    }
    *nf = k;
    *line = ln;
    return REC_DONE;
}

csvscan_status csvscan_feed(csvscan_state *st, const char *p, size_t n, int eof,
                            const csvscan_callbacks *cb, size_t *consumed)
{
    size_t i = 0;
    *consumed = 0;
    while (i < n) {
        /* skip blank lines and lines of only spaces/tabs */
        size_t j = i;
        while (j < n && is_blank(p[j])) j++;
        if (j < n && (p[j] == '\n' || p[j] == '\r')) {
            if (p[j] == '\r' && j + 1 == n && !eof) break;
            if (p[j] == '\r' && j + 1 < n && p[j + 1] == '\n') j++;
            i = j + 1;
            st->line++;
            *consumed = i;
            continue;
        }
        if (j == n) {
            if (eof) *consumed = n; /* trailing blanks */
            break;
        }
        long line = st->line, start_line = st->line;
        size_t nf = 0, next = 0;
        csvscan_status why = CSVSCAN_OK;
        rec_result r = parse_record(st, p, n, i, eof, &line, &nf, &next, &why);
        if (r == REC_CUT) break;
        if (r == REC_ERROR) return why;
        for (size_t k = 0; k < nf; k++) {
            size_t tag = st->spans[2 * k];
            const char *s = (tag & 1) ? st->scratch + (tag >> 1) : p + (tag >> 1);
            cb->field(cb->ctx, s, st->spans[2 * k + 1], st->span_pos[2 * k], st->span_pos[2 * k + 1]);
        }
        cb->row_end(cb->ctx, start_line);
        st->line = line;
        i = next;
        *consumed = i;
    }
    return CSVSCAN_OK;
}
