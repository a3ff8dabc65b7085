/* test_csvscan.c - the record scanner agrees with libcsv (CSV_STRICT) on
 * generated inputs, fed whole and in random pieces, and locates errors; the
 * in-place mode reads what the copying mode reads. */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "core/csvscan.h"

/* Fields and row ends as one string: fields joined by \x1f, rows by \x1e. */
typedef struct {
    char *s;
    size_t n, cap;
} trace;

static void put(trace *t, const char *p, size_t n)
{
    if (t->n + n + 1 > t->cap) {
        t->cap = (t->n + n + 1) * 2;
        t->s = realloc(t->s, t->cap);
        assert_non_null(t->s);
    }
    memcpy(t->s + t->n, p, n);
    t->n += n;
    t->s[t->n] = '\0';
}

static void lib_field(void *s, size_t n, void *ctx) { put(ctx, s, n); put(ctx, "\x1f", 1); }
static void lib_row(int c, void *ctx) { (void)c; put(ctx, "\x1e", 1); }
static void scan_field(void *ctx, const char *s, size_t n, long line, long col)
{
    (void)line;
    (void)col;
    put(ctx, s, n);
    put(ctx, "\x1f", 1);
}
static void scan_row(void *ctx, long line) { (void)line; put(ctx, "\x1e", 1); }

static int via_libcsv(const char *in, size_t n, trace *t)
{
    struct csv_parser p;
    csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
    int ok = csv_parse(&p, in, n, lib_field, lib_row, t) == n &&
             csv_fini(&p, lib_field, lib_row, t) == 0;
    csv_free(&p);
    return ok;
}

/* Feeds the scanner in pieces of random size, carrying what it leaves. */
static int via_scan(const char *in, size_t n, trace *t, unsigned seed)
{
    csvscan_state st;
    csvscan_init(&st);
    csvscan_callbacks cb = {scan_field, scan_row, t};
    char *buf = malloc(n + 1);
    size_t have = 0, pos = 0;
    int ok = 1;
    srand(seed);
    for (;;) {
        size_t piece = seed ? (size_t)(rand() % 7) : n;
        if (piece > n - pos) piece = n - pos;
        memcpy(buf + have, in + pos, piece);
        have += piece;
        pos += piece;
        int eof = pos == n;
        size_t used = 0;
        if (csvscan_feed(&st, buf, have, eof, &cb, &used) != CSVSCAN_OK) {
            ok = 0;
            break;
        }
        memmove(buf, buf + used, have - used);
        have -= used;
        if (eof) break;
    }
    free(buf);
    csvscan_free(&st);
    return ok;
}

static void gen(char *out, size_t cap, unsigned seed)
{
    static const char *const pieces[] = {
        "a", "bc", "12.5", " x ", "\"q\"", "\"a,b\"", "\"he said \"\"hi\"\"\"", "\"multi\nline\"",
        "", "\"\"", "é中", "\t", "\"crlf\r\nin\"",
    };
    static const char *const seps[] = {",", ",", ",", "\n", "\r\n", "\r"};
    srand(seed);
    size_t o = 0;
    int items = 1 + rand() % 40;
    for (int i = 0; i < items; i++) {
        const char *p = pieces[rand() % (int)(sizeof pieces / sizeof pieces[0])];
        const char *s = seps[rand() % (int)(sizeof seps / sizeof seps[0])];
        if (o + strlen(p) + strlen(s) + 1 >= cap) break;
        o += (size_t)sprintf(out + o, "%s%s", p, s);
    }
    out[o] = '\0';
}

static void test_agrees_with_libcsv(void **state)
{
    (void)state;
    char in[2048];
    int compared = 0;
    for (unsigned seed = 1; seed <= 3000; seed++) {
        gen(in, sizeof in, seed);
        size_t n = strlen(in);
        trace a = {0}, b = {0}, c = {0};
        int la = via_libcsv(in, n, &a);
        int sb = via_scan(in, n, &b, 0);
        int sc = via_scan(in, n, &c, seed);
        assert_int_equal(la, sb);
        assert_int_equal(sb, sc);
        if (la) {
            if (strcmp(a.s ? a.s : "", b.s ? b.s : "") != 0)
                fail_msg("seed %u: libcsv and csvscan differ on [%s]", seed, in);
            assert_string_equal(b.s ? b.s : "", c.s ? c.s : "");
            compared++;
        }
        free(a.s);
        free(b.s);
        free(c.s);
    }
    assert_true(compared > 1000); /* the generator mostly makes valid CSV */
}

static void test_error_positions(void **state)
{
    (void)state;
    static const struct { const char *in; csvscan_status st; long line, col; } cases[] = {
        {"a,b\n1,\"open\n2,3\n", CSVSCAN_UNTERMINATED, 2, 3},
        {"a,b\n1,x\"y\n", CSVSCAN_BAD_QUOTE, 2, 4},
        {"a,b\n\"1\"x,2\n", CSVSCAN_BAD_QUOTE, 2, 4},
        {"a\n\"two\nlines\" z\n", CSVSCAN_BAD_QUOTE, 3, 8},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        csvscan_state st;
        csvscan_init(&st);
        trace t = {0};
        csvscan_callbacks cb = {scan_field, scan_row, &t};
        size_t used;
        csvscan_status r = csvscan_feed(&st, cases[i].in, strlen(cases[i].in), 1, &cb, &used);
        assert_int_equal(r, cases[i].st);
        assert_int_equal(st.err_line, cases[i].line);
        assert_int_equal(st.err_col, cases[i].col);
        csvscan_free(&st);
        free(t.s);
    }
}

static void test_blank_lines_skipped(void **state)
{
    (void)state;
    const char *in = "\n\na,b\n  \n\r\n1,2\n\t\n";
    trace t = {0};
    assert_true(via_scan(in, strlen(in), &t, 0));
    assert_string_equal(t.s, "a\x1f" "b\x1f\x1e" "1\x1f" "2\x1f\x1e");
    free(t.s);
}

/* ---- in-place mode against copying mode ----------------------------------
 *
 * csvscan_feed_inplace must read exactly what csvscan_feed reads: the same
 * status and error position, the same records with the same fields, texts
 * and positions.  On top of that its own promises: each field a C string
 * where it lies, the fields of a record back to back, `special` right, the
 * record's flag the OR of its fields', nothing written past what it
 * consumed (the loader appends to the unconsumed tail and calls again). */

/* A run as one string: per field 'F' line ':' col ':' length ':' bytes, per
 * record end 'R' line ';'.  Lengths make it unambiguous for any bytes. */
typedef struct {
    trace t;
    csvscan_status rc;
    long err_line, err_col;
    size_t records;
} outcome;

static void put_field_pos(trace *t, const char *s, size_t n, long line, long col)
{
    char head[96];
    int h = snprintf(head, sizeof head, "F%ld:%ld:%zu:", line, col, n);
    put(t, head, (size_t)h);
    put(t, s, n);
}

static void put_record_end(trace *t, long line)
{
    char head[48];
    int h = snprintf(head, sizeof head, "R%ld;", line);
    put(t, head, (size_t)h);
}

static void pos_field(void *ctx, const char *s, size_t n, long line, long col)
{
    put_field_pos(&((outcome *)ctx)->t, s, n, line, col);
}

static void pos_row(void *ctx, long line)
{
    outcome *o = ctx;
    put_record_end(&o->t, line);
    o->records++;
}

/* Piece sizes, the same sequence for both modes: mostly tiny (cuts inside
 * quotes, between "" and after a CR), now and then bigger. */
static size_t next_piece(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return (*s >> 8) % 8 == 0 ? (size_t)((*s >> 12) % 97) : (size_t)((*s >> 12) % 7);
}

/* The fast path for simple records: off in both runners when set, and the
 * records it read, counted (so a test can tell it was taken). */
static int general_only;
static size_t simple_records;

/* The copying mode, whole (seed 0) or in pieces, the cut record carried. */
static void run_copy(const char *in, size_t n, unsigned seed, outcome *o)
{
    memset(o, 0, sizeof *o);
    csvscan_state st;
    csvscan_init(&st);
    st.general_only = general_only;
    csvscan_callbacks cb = {pos_field, pos_row, o};
    char *buf = malloc(n + 1);
    assert_non_null(buf);
    size_t have = 0, pos = 0;
    uint32_t rs = seed * 2654435761u + 1;
    for (;;) {
        size_t piece = seed ? next_piece(&rs) : n;
        if (piece > n - pos) piece = n - pos;
        if (piece) memcpy(buf + have, in + pos, piece);
        have += piece;
        pos += piece;
        int eof = pos == n;
        size_t used = 0;
        o->rc = csvscan_feed(&st, buf, have, eof, &cb, &used);
        if (o->rc != CSVSCAN_OK) {
            o->err_line = st.err_line;
            o->err_col = st.err_col;
            break;
        }
        assert_true(used <= have);
        memmove(buf, buf + used, have - used);
        have -= used;
        if (eof) {
            assert_int_equal(have, 0); /* at the end everything is read */
            break;
        }
    }
    free(buf);
    simple_records += st.simple_records;
    csvscan_free(&st);
}

/* Bytes for a message: escaped, cut at 300 (three buffers in turn, so one
 * message can show three things). */
static const char *show(const char *s, size_t n)
{
    static char bufs[3][1400];
    static int turn;
    char *out = bufs[turn++ % 3];
    const size_t cap = sizeof bufs[0];
    size_t o = 0;
    for (size_t i = 0; i < n && i < 300; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n') o += (size_t)snprintf(out + o, cap - o, "\\n");
        else if (c == '\r') o += (size_t)snprintf(out + o, cap - o, "\\r");
        else if (c == '\t') o += (size_t)snprintf(out + o, cap - o, "\\t");
        else if (c < 0x20 || c == '\\') o += (size_t)snprintf(out + o, cap - o, "\\x%02x", c);
        else out[o++] = (char)c;
    }
    if (n > 300) o += (size_t)snprintf(out + o, cap - o, "...(%zu bytes)", n);
    out[o] = '\0';
    return out;
}

typedef struct {
    outcome *o;
    char *p;          /* the buffer of the current call ... */
    size_t n;         /* ... and its length */
    int input_has_nul;
    size_t last_nul;  /* highest offset of a NUL written for a field this call */
    int any_record;   /* this call handed out a record */
    const char *in;   /* the whole input, for messages */
    size_t in_n;
} inplace_ctx;

/* Would this final text need quotes to be written as CSV again?  Written
 * from the definition, not from the scanner. */
static int text_special(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == '"' || s[i] == ',' || s[i] == '\n' || s[i] == '\r') return 1;
    return n > 0 && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t');
}

#define IN show(x->in, x->in_n) /* the input, for messages */
static void on_inplace_record(void *vctx, const csvscan_field *f, size_t nf, long line, int special)
{
    inplace_ctx *x = vctx;
    int any = 0;
    if (nf == 0) fail_msg("a record with no field (line %ld), input [%s]", line, IN);
    for (size_t k = 0; k < nf; k++) {
        if (f[k].off > x->n || f[k].len > x->n - f[k].off)
            fail_msg("field %zu at %zu+%zu outside the buffer of %zu, input [%s]", k, f[k].off, f[k].len, x->n, IN);
        const char *s = x->p + f[k].off;
        if (s[f[k].len] != '\0')
            fail_msg("field %zu (%ld:%ld) not NUL-terminated, input [%s]", k, f[k].line, f[k].col, IN);
        if (k + 1 < nf && f[k + 1].off != f[k].off + f[k].len + 1)
            fail_msg("fields %zu and %zu not back to back (%zu+%zu+1 != %zu), input [%s]", k, k + 1, f[k].off,
                     f[k].len, f[k + 1].off, IN);
        if (!x->input_has_nul && memchr(s, '\0', f[k].len))
            fail_msg("field %zu (%ld:%ld) has a NUL inside, input [%s]", k, f[k].line, f[k].col, IN);
        int want = text_special(s, f[k].len);
        if (!!f[k].special != want)
            fail_msg("field %zu [%s]: special %d, its text says %d, input [%s]", k, show(s, f[k].len),
                     f[k].special, want, IN);
        if (f[k].escaped && (!f[k].quoted || !memchr(s, '"', f[k].len)))
            fail_msg("field %zu [%s] escaped, but not quoted or with no quote, input [%s]", k,
                     show(s, f[k].len), IN);
        any |= want;
        if (!x->any_record || f[k].off + f[k].len > x->last_nul) x->last_nul = f[k].off + f[k].len;
        x->any_record = 1;
        put_field_pos(&x->o->t, s, f[k].len, f[k].line, f[k].col);
    }
    if (!!special != any)
        fail_msg("record at line %ld: flag %d, its fields say %d, input [%s]", line, special, any, IN);
    put_record_end(&x->o->t, line);
    x->o->records++;
}
#undef IN

/* The in-place mode, fed the way csvload feeds it: one buffer with exactly
 * one spare byte (for p[n]), each call given the unconsumed tail plus the
 * new piece appended after it, where it lies (never moved back). */
static void run_inplace(const char *in, size_t n, unsigned seed, outcome *o)
{
    memset(o, 0, sizeof *o);
    csvscan_state st;
    csvscan_init(&st);
    st.general_only = general_only;
    char *buf = malloc(n + 1);
    assert_non_null(buf);
    inplace_ctx x = {o, NULL, 0, memchr(in, '\0', n) != NULL, 0, 0, in, n};
    size_t start = 0, have = 0, pos = 0;
    uint32_t rs = seed * 2654435761u + 1;
    for (;;) {
        size_t piece = seed ? next_piece(&rs) : n;
        if (piece > n - pos) piece = n - pos;
        if (piece) memcpy(buf + start + have, in + pos, piece);
        have += piece;
        pos += piece;
        int eof = pos == n;
        size_t used = 0;
        x.p = buf + start;
        x.n = have;
        x.any_record = 0;
        o->rc = csvscan_feed_inplace(&st, buf + start, have, eof, on_inplace_record, &x, &used);
        if (o->rc != CSVSCAN_OK) {
            o->err_line = st.err_line;
            o->err_col = st.err_col;
            break;
        }
        if (used > have) fail_msg("consumed %zu of %zu, input [%s]", used, have, show(in, n));
        /* what it handed out lies in what it consumed (the last field of
         * the input may end at p[n], the spare byte) */
        if (x.any_record && !(x.last_nul < used || (eof && x.last_nul == have)))
            fail_msg("a field's NUL at %zu, but only %zu of %zu bytes consumed (eof %d), input [%s]", x.last_nul,
                     used, have, eof, show(in, n));
        /* the tail is untouched: it is the input's bytes as given */
        if (have - used && memcmp(buf + start + used, in + pos - (have - used), have - used) != 0)
            fail_msg("the unconsumed %zu bytes were changed (consumed %zu of %zu), input [%s]", have - used, used,
                     have, show(in, n));
        start += used;
        have -= used;
        if (eof) {
            if (have) fail_msg("at the end %zu bytes left unconsumed, input [%s]", have, show(in, n));
            break;
        }
    }
    free(buf);
    simple_records += st.simple_records;
    csvscan_free(&st);
}

static void same_outcome(const outcome *a, const outcome *b, const char *what, const char *in, size_t n)
{
    if (a->rc != b->rc || a->err_line != b->err_line || a->err_col != b->err_col)
        fail_msg("%s: status %d at %ld:%ld vs %d at %ld:%ld on [%s]", what, (int)a->rc, a->err_line, a->err_col,
                 (int)b->rc, b->err_line, b->err_col, show(in, n));
    if (a->t.n != b->t.n || (a->t.n && memcmp(a->t.s, b->t.s, a->t.n) != 0))
        fail_msg("%s: different records on [%s]:\n  %s\n  %s", what, show(in, n), show(a->t.s, a->t.n),
                 show(b->t.s, b->t.n));
    assert_int_equal(a->records, b->records);
}

/* Both modes, whole and in pieces (three cuttings). */
static void differential(const char *in, size_t n, unsigned seed)
{
    outcome cw, iw;
    run_copy(in, n, 0, &cw);
    run_inplace(in, n, 0, &iw);
    same_outcome(&cw, &iw, "whole: copying vs in place", in, n);
    for (unsigned k = 0; k < 3; k++) {
        unsigned s = seed * 3 + k + 1;
        outcome cp, ip;
        run_copy(in, n, s, &cp);
        run_inplace(in, n, s, &ip);
        same_outcome(&cp, &ip, "in pieces: copying vs in place", in, n);
        same_outcome(&iw, &ip, "in place: whole vs in pieces", in, n);
        free(cp.t.s);
        free(ip.t.s);
    }
    free(cw.t.s);
    free(iw.t.s);
}

/* Inputs that are often not CSV: quotes where they do not belong, NUL
 * bytes, lone CRs, blanks around quotes. */
static size_t gen_hostile(char *out, size_t cap, unsigned seed)
{
    static const char *const tok[] = {
        "a", "xy", " ", "\t", ",", ",", "\n", "\r", "\r\n", "\"", "\"\"", "\"q\"", "\"a\"\"b\"", " \"s\" ",
        "\"c,d\"", "\"l\nm\"", "\"r\rs\"", "\"\"\"\"", "\xc3\xa9", "\"x\"y", "z\"", "", "\"e\r\n\"",
        "\"t \"", "\"u\t\"", "\" v\"", "\"\t\"", "\" \"\"w\"",
    };
    uint32_t s = seed * 2246822519u + 7;
    size_t o = 0;
    int items = 1 + (int)(next_piece(&s) * 7 % 60);
    for (int i = 0; i < items; i++) {
        s ^= s << 13, s ^= s >> 17, s ^= s << 5;
        if ((s >> 4) % 29 == 0) { /* a NUL byte */
            if (o + 1 >= cap) break;
            out[o++] = '\0';
            continue;
        }
        const char *t = tok[(s >> 9) % (sizeof tok / sizeof tok[0])];
        size_t l = strlen(t);
        if (o + l >= cap) break;
        memcpy(out + o, t, l);
        o += l;
    }
    return o;
}

#define CASE(lit) {lit, sizeof lit - 1}
static const struct { const char *s; size_t n; } HOSTILE[] = {
    /* the error cases above */
    CASE("a,b\n1,\"open\n2,3\n"), CASE("a,b\n1,x\"y\n"), CASE("a,b\n\"1\"x,2\n"), CASE("a\n\"two\nlines\" z\n"),
    /* the fuzz corpus's shapes */
    CASE("\"a\" b,c\n"), CASE("a,b\"c\n"), CASE("\n  \n\t\r\n ,\n  ,\n"), CASE("a,b\rc,d\r\re"),
    CASE("a\0,\0\"\n"), CASE("a,\"b \"\"c\"\" d\",\"e\nf\"\r\n  \" g \" ,h\n"), CASE("  a  ,  \"b\"  ,\t\n"),
    CASE("a,\"b\nc\n"),
    /* edges */
    CASE(""), CASE(" "), CASE("\n"), CASE("\r"), CASE("\r\n"), CASE(" \t \r\n\n"), CASE("a"), CASE("a\r"),
    CASE("a\r\n"), CASE("\"a\""), CASE("\"a\"\r"), CASE("\"\""), CASE("\"\"\"\""), CASE("\"\"\""),
    CASE("\"a\"\"\""), CASE("\"a\"\"b\"\"\",\"\"\"\"\n"), CASE("\"a"), CASE("\"a\n"), CASE("x\""),
    CASE("\"a\" x"), CASE(",,,\n,,\n,"), CASE("\"\",\"\" , \"\"\n"), CASE("a\0b,\"c\0d\"\n\0"),
    CASE("\"multi\r\nline\",x\r\ny,\"z\"\"\"\r\n"), CASE("\"a\rb\",c\rd\r"), CASE("\xef\xbb\xbf" "a,b\n1,2"),
    CASE("a,b  \n  c\t,\"d\"\t"), CASE("\"\"\"a\"\"\" ,b\n"), CASE("a,\"b\"\"\"\"c\""), CASE("\"a\"\"\" \"\n"),
    CASE("\"t \",\"u\t\",\" \"\n\"\t\"\r\"x\ty\"\n"),
};

static void test_inplace_matches_copy(void **state)
{
    (void)state;
    char in[4096];
    for (unsigned seed = 1; seed <= 3000; seed++) { /* the libcsv test's inputs */
        gen(in, sizeof in, seed);
        differential(in, strlen(in), seed);
    }
    for (unsigned seed = 1; seed <= 3000; seed++) { /* and broken ones */
        size_t n = gen_hostile(in, sizeof in, seed);
        differential(in, n, seed);
    }
    for (size_t i = 0; i < sizeof HOSTILE / sizeof HOSTILE[0]; i++)
        for (unsigned seed = 1; seed <= 20; seed++) differential(HOSTILE[i].s, HOSTILE[i].n, seed);
}

/* Records longer than the scanner's first field array (64) and fields with
 * many "" to collapse, cut anywhere. */
static void test_inplace_wide_and_escaped(void **state)
{
    (void)state;
    size_t cap = 1 << 16, o = 0;
    char *in = malloc(cap);
    assert_non_null(in);
    for (int r = 0; r < 3; r++) {
        for (int k = 0; k < 300; k++)
            o += (size_t)snprintf(in + o, cap - o, k % 7 == 3 ? "\"q\"\"%d\"\"\"," : "f%d,", k);
        in[o - 1] = '\n';
    }
    in[o++] = '"';
    for (int k = 0; k < 2000; k++) {
        memcpy(in + o, k % 3 ? "ab" : "\"\"", 2);
        o += 2;
    }
    in[o++] = '"';
    memcpy(in + o, ",\" tail \"", 9);
    o += 9;
    for (unsigned seed = 1; seed <= 10; seed++) differential(in, o, seed);
    outcome w;
    run_inplace(in, o, 0, &w);
    assert_int_equal(w.rc, CSVSCAN_OK);
    assert_int_equal(w.records, 4);
    free(w.t.s);
    free(in);
}

/* ---- the fast path for simple records ----------------------------------
 *
 * Records long enough for it (64 bytes from a record's start), of what
 * leaderboards hold: plain cells, URLs, long numbers, quoted cells with
 * commas and blanks, and what it must leave to the general scanner:
 * "" escapes, line breaks in quotes, CRs, blanks at a cell's ends, quotes
 * out of place.  Every outcome (fields, positions, `special`, errors) must
 * be the one of the general scanner alone. */
static size_t gen_long(char *out, size_t cap, unsigned seed)
{
    static const char *const cell[] = {
        "alpha", "12.5", "68.7000000012", "https://huggingface.co/org/model-123", "", "x", "-3",
        "Llama 2 70B", "a b c", "\"pretrained, base\"", "\"q\"", "\"\"", "\"with space\"",
        "\"apache-2.0\"", "\" lead\"", "\"trail \"", "\"a\"\"b\"", "\"multi\nline\"",
        "\"cr\r\nlf\"", " a", "b ", "\tc", "d\t", "\"x\" ", " \"y\"", "a  b",
        "a\"b", "\"ab\"c", "\xc3\xa9t\xc3\xa9", "0.000123", "1e-5",
    };
    static const int rare[] = {16, 17, 18, 19, 20, 21, 22, 23, 24, 26, 27}; /* odd ones: fewer */
    uint32_t s = seed * 2654435761u + 11;
    size_t o = 0;
    int records = 1 + (int)(s % 40);
    for (int r = 0; r < records; r++) {
        s ^= s << 13, s ^= s >> 17, s ^= s << 5;
        int fields = 1 + (int)((s >> 7) % 25);
        for (int f = 0; f < fields; f++) {
            s ^= s << 13, s ^= s >> 17, s ^= s << 5;
            int k = (int)((s >> 9) % 16);
            if ((s >> 3) % 150 == 0) k = rare[(s >> 14) % (sizeof rare / sizeof rare[0])];
            else if ((s >> 5) % 50 == 0) k = 16 + (int)((s >> 20) % 15);
            const char *t = cell[k];
            size_t l = strlen(t);
            if (o + l + 4 >= cap) return o;
            memcpy(out + o, t, l);
            o += l;
            if (f + 1 < fields) out[o++] = ',';
        }
        s ^= s << 13, s ^= s >> 17, s ^= s << 5;
        unsigned e = (s >> 11) % 50;
        const char *end = e == 0 ? "\r" : e == 1 ? "\r\n" : e == 2 ? "\n \n" : "\n";
        if (o + strlen(end) >= cap) return o;
        memcpy(out + o, end, strlen(end));
        o += strlen(end);
    }
    if (seed % 97 == 0 && o + 3 < cap) memcpy(out + o, "\"un", 3), o += 3; /* never closed */
    return o;
}

static void fast_vs_general(const char *in, size_t n, unsigned seed)
{
    for (unsigned piece_seed = 0; piece_seed < 3; piece_seed++) {
        unsigned ps = piece_seed ? seed * 5 + piece_seed : 0; /* whole, then two cuttings */
        outcome fc, gc, fi, gi;
        general_only = 0;
        run_copy(in, n, ps, &fc);
        run_inplace(in, n, ps, &fi);
        general_only = 1;
        run_copy(in, n, ps, &gc);
        run_inplace(in, n, ps, &gi);
        general_only = 0;
        same_outcome(&gc, &fc, "copying: general vs fast", in, n);
        same_outcome(&gi, &fi, "in place: general vs fast", in, n);
        free(fc.t.s), free(gc.t.s), free(fi.t.s), free(gi.t.s);
    }
}

static void test_fast_path_matches_general(void **state)
{
    (void)state;
    size_t cap = 16384;
    char *in = malloc(cap);
    assert_non_null(in);
    simple_records = 0;
    size_t records = 0;
    for (unsigned seed = 1; seed <= 1500; seed++) {
        size_t n = gen_long(in, cap, seed);
        fast_vs_general(in, n, seed);
        for (size_t i = 0; i < n; i++) records += in[i] == '\n';
    }
    /* the hostile shapes, behind a long simple record so the fast path
     * meets them too */
    for (unsigned seed = 1; seed <= 1500; seed++) {
        size_t o = (size_t)snprintf(in, cap, "%s\n", "https://huggingface.co/a/b,68.7000000012,\"x, y\",z,1,2,3,4,5,6,7");
        o += gen_hostile(in + o, cap - o, seed);
        fast_vs_general(in, o, seed);
    }
    /* it was taken, and for most records of the generated files (each
     * input is read 6 times with the fast path on, in 3 cuttings) */
    if (!(simple_records > records)) fail_msg("the fast path read %zu records of %zu x 6", simple_records, records);
    free(in);
}

/* What the in-place mode hands out, for one small input, spelled out. */
static void test_inplace_layout(void **state)
{
    (void)state;
    char in[] = " a ,\"b\"\"c\" ,\"\",\" d\"\r\n\"x,y\",\"e \"\nlast";
    size_t n = sizeof in - 1;
    outcome o;
    run_inplace(in, n, 0, &o);
    assert_int_equal(o.rc, CSVSCAN_OK);
    put(&o.t, "", 0);
    assert_string_equal(o.t.s, "F1:2:1:aF1:5:3:b\"cF1:13:0:F1:16:2: dR1;"
                               "F2:1:3:x,yF2:7:2:e R2;"
                               "F3:1:4:lastR3;");
    free(o.t.s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_agrees_with_libcsv),
        cmocka_unit_test(test_error_positions),
        cmocka_unit_test(test_blank_lines_skipped),
        cmocka_unit_test(test_inplace_matches_copy),
        cmocka_unit_test(test_inplace_wide_and_escaped),
        cmocka_unit_test(test_fast_path_matches_general),
        cmocka_unit_test(test_inplace_layout),
    };
    return cmocka_run_group_tests_name("csvscan", tests, NULL, NULL);
}
