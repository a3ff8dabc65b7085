/* fuzz_csvscan.c - the CSV record scanner (src/core/csvscan.c) against
 * libcsv (CSV_STRICT | CSV_STRICT_FINI), the parser it replaced:
 *   - both accept or both refuse the input;
 *   - when they accept, they give the same records and fields, byte for byte;
 *   - fed in two pieces (as csvload feeds a file chunk by chunk, carrying a
 *     cut record over), the scanner gives the same records again;
 *   - every position it reports lies inside the input;
 *   - the in-place mode (csvscan_feed_inplace, what csvload uses), run on a
 *     copy with one spare byte, whole and in the same two pieces, gives the
 *     same status, error position, records, fields and positions as the
 *     copying mode; each field it hands out is a C string where it lies, the
 *     fields of a record back to back, its `special` flag what its text
 *     says, the record's flag their OR, and the bytes it did not consume
 *     are the input's, untouched;
 *   - the general scanner alone (the fast path for simple records off)
 *     gives the same status, error position, records and positions. */
/* DICT: csv.dict (libFuzzer dictionary, see run.sh) */
#include <csv.h>

#include "fuzz_common.h"

#include "core/csvscan.h"

/* Records serialized: per field 0x01, its length (8 bytes) and bytes; per
 * record end 0x02. */
typedef struct {
    char *buf;
    size_t len, cap;
} bytes;

typedef struct {
    char *buf;      /* records (the same format for libcsv and the scanner) */
    size_t len, cap;
    long lines;     /* line breaks in the input + 1: positions must not pass it */
    size_t nfields; /* of the current record (csvscan positions check) */
    bytes pos;      /* the scanner's positions: per field line and column, per
                     * record its line */
} rec;

static void grow_put(char **buf, size_t *len, size_t *cap, const void *p, size_t n)
{
    if (*len + n > *cap) {
        size_t c = *cap ? *cap * 2 : 256;
        while (c < *len + n) c *= 2;
        *buf = realloc(*buf, c);
        if (!*buf) abort();
        *cap = c;
    }
    if (n) memcpy(*buf + *len, p, n);
    *len += n;
}

static void put(rec *r, const void *p, size_t n) { grow_put(&r->buf, &r->len, &r->cap, p, n); }

static void put_pos(rec *r, long a, long b)
{
    long two[2] = {a, b};
    grow_put(&r->pos.buf, &r->pos.len, &r->pos.cap, two, sizeof two);
}

static void put_field(rec *r, const char *s, size_t len)
{
    unsigned char tag = 1;
    uint64_t l = len;
    put(r, &tag, 1);
    put(r, &l, sizeof l);
    put(r, s, len);
}

static void put_end(rec *r)
{
    unsigned char tag = 2;
    put(r, &tag, 1);
}

static void lib_field(void *s, size_t len, void *ctx) { put_field(ctx, s, len); }
static void lib_row(int c, void *ctx)
{
    (void)c;
    put_end(ctx);
}

static void scan_field(void *ctx, const char *s, size_t len, long line, long col)
{
    rec *r = ctx;
    FUZZ_CHECK(line >= 1 && line <= r->lines && col >= 1, "field at %ld:%ld of %ld lines", line, col,
               r->lines);
    put_field(r, s, len);
    put_pos(r, line, col);
}

static void scan_row(void *ctx, long line)
{
    rec *r = ctx;
    FUZZ_CHECK(line >= 1 && line <= r->lines, "record at line %ld of %ld", line, r->lines);
    put_end(r);
    put_pos(r, line, -1);
}

/* 0 accepted, 1 refused; general_only: without the fast path for simple
 * records. */
static int scan_mode(const char *p, size_t n, size_t split, rec *out, long *eline, long *ecol,
                     int general_only)
{
    csvscan_state st;
    csvscan_init(&st);
    st.general_only = general_only;
    csvscan_callbacks cb = {scan_field, scan_row, out};
    size_t used = 0;
    csvscan_status rc = CSVSCAN_OK;
    if (split < n) { /* a first piece that may cut a record */
        rc = csvscan_feed(&st, p, split, 0, &cb, &used);
        FUZZ_CHECK(used <= split, "consumed %zu of %zu", used, split);
    }
    if (rc == CSVSCAN_OK) {
        size_t more = 0;
        rc = csvscan_feed(&st, p + used, n - used, 1, &cb, &more);
        FUZZ_CHECK(rc != CSVSCAN_OK || more == n - used, "at the end consumed %zu of %zu", more, n - used);
    }
    FUZZ_CHECK(rc != CSVSCAN_NOMEM, "out of memory");
    *eline = st.err_line;
    *ecol = st.err_col;
    csvscan_free(&st);
    return rc != CSVSCAN_OK;
}

static int scan(const char *p, size_t n, size_t split, rec *out, long *eline, long *ecol)
{
    return scan_mode(p, n, split, out, eline, ecol, 0);
}

/* The in-place mode's view of the current call. */
typedef struct {
    rec *out;
    char *p;   /* the buffer given to this call ... */
    size_t n;  /* ... and its length */
    int eof;
    int has_nul;      /* the input holds a NUL byte */
    size_t last_nul;  /* furthest NUL written for a field in this call */
    int any;          /* a record was handed out in this call */
} inplace_ctx;

/* Does this final text need quotes to be written as CSV again? (from the
 * definition in csvscan.h, not from the scanner) */
static int text_special(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == '"' || s[i] == ',' || s[i] == '\n' || s[i] == '\r') return 1;
    return n > 0 && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t');
}

static void on_record(void *vctx, const csvscan_field *f, size_t nf, long line, int special)
{
    inplace_ctx *x = vctx;
    FUZZ_CHECK(nf >= 1, "a record of no field at line %ld", line);
    int any = 0;
    for (size_t k = 0; k < nf; k++) {
        FUZZ_CHECK(f[k].off <= x->n && f[k].len <= x->n - f[k].off, "field %zu at %zu+%zu past the %zu bytes",
                   k, f[k].off, f[k].len, x->n);
        const char *s = x->p + f[k].off;
        FUZZ_CHECK(s[f[k].len] == '\0', "field %zu (%ld:%ld) not NUL-terminated", k, f[k].line, f[k].col);
        FUZZ_CHECK(k + 1 == nf || f[k + 1].off == f[k].off + f[k].len + 1,
                   "fields %zu and %zu not back to back: %zu+%zu+1 != %zu", k, k + 1, f[k].off, f[k].len,
                   f[k + 1].off);
        FUZZ_CHECK(x->has_nul || !memchr(s, '\0', f[k].len), "field %zu (%ld:%ld) has a NUL inside", k,
                   f[k].line, f[k].col);
        int want = text_special(s, f[k].len);
        FUZZ_CHECK(!!f[k].special == want, "field %zu (%ld:%ld) special %d, its text says %d", k, f[k].line,
                   f[k].col, f[k].special, want);
        FUZZ_CHECK(!f[k].escaped || (f[k].quoted && memchr(s, '"', f[k].len)),
                   "field %zu (%ld:%ld) escaped, but not quoted or with no quote", k, f[k].line, f[k].col);
        any |= want;
        if (!x->any || f[k].off + f[k].len > x->last_nul) x->last_nul = f[k].off + f[k].len;
        x->any = 1;
        FUZZ_CHECK(f[k].line >= 1 && f[k].line <= x->out->lines && f[k].col >= 1, "field at %ld:%ld of %ld lines",
                   f[k].line, f[k].col, x->out->lines);
        put_field(x->out, s, f[k].len);
        put_pos(x->out, f[k].line, f[k].col);
    }
    FUZZ_CHECK(!!special == any, "record at line %ld: flag %d, its fields say %d", line, special, any);
    put_end(x->out);
    put_pos(x->out, line, -1);
}

/* One call of the in-place mode on buf[start..start+have) (the input's
 * bytes in[pos-have..pos)), checked; returns the status, *used. */
static csvscan_status feed_inplace(csvscan_state *st, inplace_ctx *x, char *buf, size_t start, size_t have,
                                   const char *in, size_t pos, int eof, size_t *used)
{
    x->p = buf + start;
    x->n = have;
    x->eof = eof;
    x->any = 0;
    *used = 0;
    csvscan_status rc = csvscan_feed_inplace(st, buf + start, have, eof, on_record, x, used);
    if (rc != CSVSCAN_OK) return rc;
    FUZZ_CHECK(*used <= have, "in place: consumed %zu of %zu", *used, have);
    FUZZ_CHECK(!eof || *used == have, "in place: at the end consumed %zu of %zu", *used, have);
    /* what it handed out lies in what it consumed, but for the NUL after
     * the input's last field, in the spare byte */
    FUZZ_CHECK(!x->any || x->last_nul < *used || (eof && x->last_nul == have),
               "in place: a NUL at %zu, consumed %zu of %zu (eof %d)", x->last_nul, *used, have, eof);
    size_t left = have - *used;
    FUZZ_CHECK(!left || memcmp(buf + start + *used, in + pos - left, left) == 0,
               "in place: the %zu bytes not consumed were changed", left);
    return rc;
}

/* The in-place mode, like csvload: one buffer with exactly one spare byte;
 * a first piece of `split` bytes, then the rest appended after the bytes it
 * left (where they lie).  0 accepted, 1 refused. */
static int scan_inplace(const char *p, size_t n, size_t split, rec *out, long *eline, long *ecol)
{
    char *buf = malloc(n + 1);
    if (!buf) abort();
    if (n) memcpy(buf, p, n);
    inplace_ctx x = {out, NULL, 0, 0, n && memchr(p, '\0', n) != NULL, 0, 0};
    csvscan_state st;
    csvscan_init(&st);
    size_t used = 0;
    csvscan_status rc = CSVSCAN_OK;
    if (split < n) rc = feed_inplace(&st, &x, buf, 0, split, p, split, 0, &used);
    if (rc == CSVSCAN_OK) {
        size_t more = 0;
        rc = feed_inplace(&st, &x, buf, used, n - used, p, n, 1, &more);
    }
    FUZZ_CHECK(rc != CSVSCAN_NOMEM, "out of memory");
    *eline = st.err_line;
    *ecol = st.err_col;
    csvscan_free(&st);
    free(buf);
    return rc != CSVSCAN_OK;
}

static int same_records(const rec *a, const rec *b)
{
    return a->len == b->len && (!a->len || memcmp(a->buf, b->buf, a->len) == 0) && a->pos.len == b->pos.len &&
           (!a->pos.len || memcmp(a->pos.buf, b->pos.buf, a->pos.len) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *p = (const char *)data;
    long lines = 1;
    for (size_t i = 0; i < size; i++) lines += p[i] == '\n' || p[i] == '\r';

    rec lib = {0}, whole = {0}, pieces = {0}, ip_whole = {0}, ip_pieces = {0};
    whole.lines = pieces.lines = ip_whole.lines = ip_pieces.lines = lines;
    struct csv_parser cp;
    if (csv_init(&cp, CSV_STRICT | CSV_STRICT_FINI) != 0) abort();
    int lib_bad = csv_parse(&cp, p, size, lib_field, lib_row, &lib) != size;
    if (!lib_bad) lib_bad = csv_fini(&cp, lib_field, lib_row, &lib) != 0;
    csv_free(&cp);

    long el, ec;
    int bad = scan(p, size, size, &whole, &el, &ec);
    if (bad) FUZZ_CHECK(el >= 1 && el <= lines && ec >= 1, "error at %ld:%ld of %ld lines", el, ec, lines);
    FUZZ_CHECK(bad == lib_bad, "csvscan %s, libcsv %s", bad ? "refuses" : "accepts",
               lib_bad ? "refuses" : "accepts");
    if (!bad)
        FUZZ_CHECK(whole.len == lib.len && (!lib.len || memcmp(whole.buf, lib.buf, lib.len) == 0),
                   "csvscan and libcsv read different records");

    /* the fast path for simple records changes nothing: the general
     * scanner alone reads the same records, positions and error */
    rec general = {0};
    general.lines = lines;
    long elg, ecg;
    int badg = scan_mode(p, size, size, &general, &elg, &ecg, 1);
    FUZZ_CHECK(badg == bad && (!bad || (elg == el && ecg == ec)),
               "the general scanner alone %s (at %ld:%ld), with the fast path %s (at %ld:%ld)",
               badg ? "refuses" : "accepts", elg, ecg, bad ? "refuses" : "accepts", el, ec);
    FUZZ_CHECK(same_records(&general, &whole), "with and without the fast path the records differ");
    free(general.buf);
    free(general.pos.buf);

    /* the same input in two pieces, cut where the input's last byte says */
    size_t split = size ? data[size - 1] % (size + 1) : 0;
    long el2, ec2;
    int bad2 = scan(p, size, split, &pieces, &el2, &ec2);
    FUZZ_CHECK(bad2 == bad, "in two pieces (cut at %zu) the scanner %s", split,
               bad2 ? "refuses" : "accepts");
    if (!bad)
        FUZZ_CHECK(pieces.len == whole.len && (!whole.len || memcmp(pieces.buf, whole.buf, whole.len) == 0),
                   "in two pieces (cut at %zu) the records differ", split);
    else
        FUZZ_CHECK(el2 == el && ec2 == ec, "error at %ld:%ld whole, %ld:%ld in pieces", el, ec, el2, ec2);

    /* the in-place mode reads what the copying mode reads, error or not
     * (the records before an error included) */
    long el3, ec3, el4, ec4;
    int bad3 = scan_inplace(p, size, size, &ip_whole, &el3, &ec3);
    FUZZ_CHECK(bad3 == bad, "in place the scanner %s, copying it %s", bad3 ? "refuses" : "accepts",
               bad ? "refuses" : "accepts");
    if (bad) FUZZ_CHECK(el3 == el && ec3 == ec, "error at %ld:%ld copying, %ld:%ld in place", el, ec, el3, ec3);
    FUZZ_CHECK(same_records(&ip_whole, &whole), "in place and copying the records differ");
    int bad4 = scan_inplace(p, size, split, &ip_pieces, &el4, &ec4);
    FUZZ_CHECK(bad4 == bad2, "in two pieces (cut at %zu) in place the scanner %s, copying it %s", split,
               bad4 ? "refuses" : "accepts", bad2 ? "refuses" : "accepts");
    if (bad2)
        FUZZ_CHECK(el4 == el2 && ec4 == ec2,
                   "in two pieces (cut at %zu): error at %ld:%ld copying, %ld:%ld in place", split, el2, ec2, el4,
                   ec4);
    FUZZ_CHECK(same_records(&ip_pieces, &pieces), "in two pieces (cut at %zu) in place and copying differ", split);

    free(lib.buf);
    free(whole.buf);
    free(whole.pos.buf);
    free(pieces.buf);
    free(pieces.pos.buf);
    free(ip_whole.buf);
    free(ip_whole.pos.buf);
    free(ip_pieces.buf);
    free(ip_pieces.pos.buf);
    return 0;
}
