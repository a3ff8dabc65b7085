/* csvscan.c - see csvscan.h. */
#include "csvscan.h"

#include "bytescan.h"

#include <stdint.h>
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
    free(st->fields);
    memset(st, 0, sizeof *st);
}

static int is_blank(char c) { return c == ' ' || c == '\t'; }

/* Room for field k of the current record. */
static int ensure_fields(csvscan_state *st, size_t k)
{
    if (k < st->fields_cap) return 0;
    size_t cap = st->fields_cap ? st->fields_cap * 2 : 64;
    while (cap <= k) cap *= 2;
    csvscan_field *f = realloc(st->fields, cap * sizeof *f);
    if (!f) return -1;
    st->fields = f;
    st->fields_cap = cap;
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

typedef enum { REC_DONE, REC_CUT, REC_ERROR } rec_result;

/* Would this text (no "" in it) need quotes to be read back as it is? */
static int needs_quotes(const char *s, size_t n)
{
    if (n && (is_blank(s[0]) || is_blank(s[n - 1]))) return 1;
    for (size_t i = 0; i < n; i++)
        if (s[i] == ',' || s[i] == '\n' || s[i] == '\r') return 1;
    return 0;
}

/* Byte classes of the scanner's hot loop. */
enum { C_TEXT = 0, C_COMMA, C_EOL, C_QUOTE };
static const unsigned char byte_class[256] = {
    [','] = C_COMMA, ['\n'] = C_EOL, ['\r'] = C_EOL, ['"'] = C_QUOTE,
};

/* The offset of the first ',', '"', CR or LF at or after p[i] (n if none):
 * the hot loop of a load. */
static inline size_t field_end(const char *p, size_t i, size_t n)
{
    return bytescan_first(p, i, n, ',', '"', '\n', '\r', ',', ',', byte_class);
}

/* Finds the fields of one record starting at p[i], at the start of a line,
 * without writing anything (a record cut by the buffer's end is scanned
 * again with more data).  On REC_DONE *next is the offset after its
 * terminator and *nf the field count.  Columns are computed from `ls`, the
 * offset where the current line starts. */
static rec_result scan_record(csvscan_state *st, const char *p, size_t n, size_t i, int eof,
                              long *line, size_t *nf, size_t *next, int *any_special,
                              csvscan_status *why)
{
    size_t k = 0, ls = i;
    long ln = *line;
    int special_any = 0;
    for (;;) { /* one field per iteration */
        if (k >= st->fields_cap && ensure_fields(st, k)) return *why = CSVSCAN_NOMEM, REC_ERROR;
        csvscan_field *f = &st->fields[k];
        while (i < n && is_blank(p[i])) i++;
        f->line = ln;
        f->col = (long)(i - ls) + 1;
        f->quoted = 0;
        f->escaped = 0;
        f->special = 0;
        if (i < n && p[i] == '"') {
            long qline = ln, qcol = (long)(i - ls) + 1;
            f->quoted = 1;
            f->off = ++i;
            for (;;) {
                const char *q = memchr(p + i, '"', n - i);
                if (!q) {
                    if (!eof) return REC_CUT;
                    st->err_line = qline, st->err_col = qcol;
                    return *why = CSVSCAN_UNTERMINATED, REC_ERROR;
                }
                size_t len = (size_t)(q - (p + i));
                for (const char *nl = memchr(p + i, '\n', len); nl; /* keep positions right */
                     nl = memchr(nl + 1, '\n', (size_t)(q - nl - 1))) {
                    ln++;
                    ls = (size_t)(nl - p) + 1;
                }
                i += len + 1;
                if (i < n && p[i] == '"') { /* "" is a quote */
                    f->escaped = 1;
                    i++;
                    continue;
                }
                if (i == n && !eof) return REC_CUT; /* can't tell "" from " yet */
                break;
            }
            f->len = i - 1 - f->off;
            f->special = f->escaped || needs_quotes(p + f->off, f->len);
            special_any |= f->special;
            while (i < n && is_blank(p[i])) i++;
            if (i < n && p[i] != ',' && p[i] != '\n' && p[i] != '\r') {
                st->err_line = ln, st->err_col = (long)(i - ls) + 1;
                return *why = CSVSCAN_BAD_QUOTE, REC_ERROR;
            }
        } else {
            size_t s = i;
            i = field_end(p, i, n);
            if (i < n && p[i] == '"') {
                st->err_line = ln, st->err_col = (long)(i - ls) + 1;
                return *why = CSVSCAN_BAD_QUOTE, REC_ERROR;
            }
            size_t e = i;
            while (e > s && is_blank(p[e - 1])) e--;
            f->off = s;
            f->len = e - s;
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
    *any_special = special_any;
    return REC_DONE;
}

/* The fast path for simple records, the usual kind: fields unquoted or
 * quoted (with "" or not), no CR, no line break inside quotes, no blank
 * at an unquoted field's ends, ended by an LF.  The general scanner
 * follows a chain from each field's start to the next (look for the next
 * separator, read the byte found, step over it), tens of cycles a field;
 * here 64 bytes at a time become a bit mask of the bytes that matter
 * (, LF " CR space tab) and a record's fields are read off its bits.
 * Returns 1 with the record's fields in st->fields (as scan_record sets
 * them), *nf, *next and *special; 0 when the record is not simple or its
 * end is not 64 bytes ahead within the buffer (scan_record then takes it,
 * errors and all); -1 when out of memory. */
#ifdef __SSE2__
static inline uint64_t events16(__m128i v)
{
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(',')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
                               _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
    hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))));
    return (uint64_t)(unsigned)_mm_movemask_epi8(hit);
}

static inline uint64_t events64(const char *p)
{
    return events16(_mm_loadu_si128((const __m128i *)(const void *)p)) |
           events16(_mm_loadu_si128((const __m128i *)(const void *)(p + 16))) << 16 |
           events16(_mm_loadu_si128((const __m128i *)(const void *)(p + 32))) << 32 |
           events16(_mm_loadu_si128((const __m128i *)(const void *)(p + 48))) << 48;
}

static int scan_simple(csvscan_state *st, const char *p, size_t n, size_t i, long ln, size_t *nf,
                       size_t *next, int *special)
{
    size_t k = 0, start = i, close = 0;
    int quoted = 0, inside = 0, escaped = 0, any_special = 0;
    for (size_t b = i; b + 64 <= n; b += 64) {
        for (uint64_t ev = events64(p + b); ev; ev &= ev - 1) {
            size_t e = b + (size_t)__builtin_ctzll(ev);
            char c = p[e];
            if (c == '"') {
                if (e == start && !quoted) quoted = inside = 1;          /* opening */
                else if (inside) inside = 0, close = e;                   /* closing, or the first of "" */
                else if (quoted && close == e - 1) inside = escaped = 1; /* the second of "" */
                else return 0;                                            /* a quote out of place */
                continue;
            }
            if (inside) {
                if (c == '\n' || c == '\r') return 0; /* a line break in quotes: lines to count */
                continue;                              /* , or a blank: text */
            }
            if (c == '\r') return 0;
            if (c == ' ' || c == '\t') {
                /* inside an unquoted field it is text; at its ends it is trimmed */
                if (e == start || quoted || e + 1 >= n || p[e + 1] == ',' || p[e + 1] == '\n' ||
                    p[e + 1] == ' ' || p[e + 1] == '\t' || p[e + 1] == '\r')
                    return 0;
                continue;
            }
            /* a separator: the field is [start, e) */
            if (quoted && close != e - 1) return 0; /* text after the closing quote */
            if (k >= st->fields_cap && ensure_fields(st, k)) return -1;
            csvscan_field *f = &st->fields[k++];
            f->line = ln;
            f->col = (long)(start - i) + 1;
            f->quoted = (unsigned char)quoted;
            f->escaped = (unsigned char)escaped;
            if (quoted) { /* the text between the quotes, "" still doubled */
                f->off = start + 1;
                f->len = e - start - 2;
                f->special = (unsigned char)(escaped || needs_quotes(p + f->off, f->len));
                any_special |= f->special;
            } else {
                f->off = start;
                f->len = e - start;
                f->special = 0;
            }
            quoted = escaped = 0;
            start = e + 1;
            if (c == '\n') {
                *nf = k;
                *next = start;
                *special = any_special;
                return 1;
            }
        }
    }
    return 0;
}
#else
static int scan_simple(csvscan_state *st, const char *p, size_t n, size_t i, long ln, size_t *nf,
                       size_t *next, int *special)
{
    (void)st, (void)p, (void)n, (void)i, (void)ln, (void)nf, (void)next, (void)special;
    return 0; /* no vector unit known: the general scanner does it all */
}
#endif

/* Copies a quoted field's raw text to dst with "" made ", returning the
 * new length.  dst may be src or before it (runs are moved with memmove). */
static size_t unescape(char *dst, const char *src, size_t rawlen)
{
    size_t o = 0;
    while (rawlen) {
        const char *q = memchr(src, '"', rawlen);
        size_t run = q ? (size_t)(q - src) + 1 : rawlen; /* up to and with one quote */
        memmove(dst + o, src, run);
        o += run;
        src += run + (q ? 1 : 0); /* skip the doubled quote */
        rawlen -= run + (q ? 1 : 0);
    }
    return o;
}

typedef int (*emit_fn)(csvscan_state *st, char *wp, const char *p, size_t nf, long line,
                       int special, void *arg);

/* The loop shared by both modes: skips blank lines, scans records and
 * hands each complete one to `emit`. */
static csvscan_status feed(csvscan_state *st, const char *p, char *wp, size_t n, int eof,
                           emit_fn emit, void *arg, size_t *consumed)
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
        int special = 0;
        int simple = st->general_only ? 0 : scan_simple(st, p, n, i, line, &nf, &next, &special);
        if (simple < 0) return CSVSCAN_NOMEM;
        if (simple) {
            line++;
            st->simple_records++;
        } else {
            csvscan_status why = CSVSCAN_OK;
            rec_result r = scan_record(st, p, n, i, eof, &line, &nf, &next, &special, &why);
            if (r == REC_CUT) break;
            if (r == REC_ERROR) return why;
        }
        if (emit(st, wp, p, nf, start_line, special, arg) != 0) return CSVSCAN_NOMEM;
        st->line = line;
        i = next;
        *consumed = i;
    }
    return CSVSCAN_OK;
}

/* Copying mode: fields with escapes unescaped into scratch, sized first so
 * the pointers handed out stay valid for the whole record. */
static int emit_copy(csvscan_state *st, char *wp, const char *p, size_t nf, long line, int special,
                     void *arg)
{
    (void)wp;
    const csvscan_callbacks *cb = arg;
    size_t need = 1;
    for (size_t k = 0; special && k < nf; k++)
        if (st->fields[k].escaped) need += st->fields[k].len;
    if (need > 1 && ensure_scratch(st, need)) return -1;
    size_t used = 0;
    for (size_t k = 0; k < nf; k++) {
        const csvscan_field *f = &st->fields[k];
        const char *s = p + f->off;
        size_t len = f->len;
        if (f->escaped) {
            len = unescape(st->scratch + used, s, f->len);
            s = st->scratch + used;
            used += len;
        }
        cb->field(cb->ctx, s, len, f->line, f->col);
    }
    cb->row_end(cb->ctx, line);
    return 0;
}

csvscan_status csvscan_feed(csvscan_state *st, const char *p, size_t n, int eof,
                            const csvscan_callbacks *cb, size_t *consumed)
{
    return feed(st, p, NULL, n, eof, emit_copy, (void *)cb, consumed);
}

typedef struct {
    csvscan_record_fn record;
    void *ctx;
} inplace_arg;

/* In-place mode: each field moved down to follow the previous one (never
 * up: a field's final text is never longer than its raw span, so it ends
 * at or before the byte after its span) and NUL-terminated.  Fields that
 * already follow each other with one separator between them (a run of
 * unquoted cells, the common case) move together in one memmove and their
 * separators become the NULs: after a quoted cell every later cell of the
 * row moves by the same two bytes, and one call a cell was 5% of a load. */
static int emit_inplace(csvscan_state *st, char *wp, const char *p, size_t nf, long line,
                        int special, void *arg)
{
    (void)p;
    const inplace_arg *a = arg;
    csvscan_field *f = st->fields;
    size_t w = f[0].off;
    for (size_t k = 0; k < nf;) {
        if (f[k].escaped) {
            size_t len = unescape(wp + w, wp + f[k].off, f[k].len);
            wp[w + len] = '\0';
            f[k].off = w;
            f[k].len = len;
            w += len + 1;
            k++;
            continue;
        }
        size_t e = k + 1; /* the run: fields k..e-1 */
        while (e < nf && !f[e].escaped && f[e].off == f[e - 1].off + f[e - 1].len + 1) e++;
        size_t from = f[k].off, delta = from - w;
        if (delta) memmove(wp + w, wp + from, f[e - 1].off + f[e - 1].len - from);
        for (size_t m = k; m < e; m++) {
            f[m].off -= delta;
            wp[f[m].off + f[m].len] = '\0';
        }
        w = f[e - 1].off + f[e - 1].len + 1;
        k = e;
    }
    a->record(a->ctx, st->fields, nf, line, special);
    return 0;
}

csvscan_status csvscan_feed_inplace(csvscan_state *st, char *p, size_t n, int eof,
                                    csvscan_record_fn record, void *ctx, size_t *consumed)
{
    inplace_arg a = {record, ctx};
    return feed(st, p, p, n, eof, emit_inplace, &a, consumed);
}
