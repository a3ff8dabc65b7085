/* test_csvscan.c - the record scanner agrees with libcsv (CSV_STRICT) on
 * generated inputs, fed whole and in random pieces, and locates errors. */
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_agrees_with_libcsv),
        cmocka_unit_test(test_error_positions),
        cmocka_unit_test(test_blank_lines_skipped),
    };
    return cmocka_run_group_tests_name("csvscan", tests, NULL, NULL);
}
