/* fuzz_csvscan.c - the CSV record scanner (src/core/csvscan.c) against
 * libcsv (CSV_STRICT | CSV_STRICT_FINI), the parser it replaced:
 *   - both accept or both refuse the input;
 *   - when they accept, they give the same records and fields, byte for byte;
 *   - fed in two pieces (as csvload feeds a file chunk by chunk, carrying a
 *     cut record over), the scanner gives the same records again;
 *   - every position it reports lies inside the input. */
/* DICT: csv.dict (libFuzzer dictionary, see run.sh) */
#include <csv.h>

#include "fuzz_common.h"

#include "core/csvscan.h"

/* Records serialized: per field 0x01, its length (8 bytes) and bytes; per
 * record end 0x02. */
typedef struct {
    char *buf;
    size_t len, cap;
    long lines;     /* line breaks in the input + 1: positions must not pass it */
    size_t nfields; /* of the current record (csvscan positions check) */
} rec;

static void put(rec *r, const void *p, size_t n)
{
    if (r->len + n > r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 256;
        while (cap < r->len + n) cap *= 2;
        r->buf = realloc(r->buf, cap);
        if (!r->buf) abort();
        r->cap = cap;
    }
    memcpy(r->buf + r->len, p, n);
    r->len += n;
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
}

static void scan_row(void *ctx, long line)
{
    rec *r = ctx;
    FUZZ_CHECK(line >= 1 && line <= r->lines, "record at line %ld of %ld", line, r->lines);
    put_end(r);
}

/* 0 accepted, 1 refused. */
static int scan(const char *p, size_t n, size_t split, rec *out, long *eline, long *ecol)
{
    csvscan_state st;
    csvscan_init(&st);
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *p = (const char *)data;
    long lines = 1;
    for (size_t i = 0; i < size; i++) lines += p[i] == '\n' || p[i] == '\r';

    rec lib = {0}, whole = {0}, pieces = {0};
    whole.lines = pieces.lines = lines;
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
    free(lib.buf);
    free(whole.buf);
    free(pieces.buf);
    return 0;
}
