/* test_numparse.c - numparse_tail (src/core/numparse.c), the loader's
 * 16-bytes-at-a-time number reader, against numparse_simple, the byte
 * loop it stands in for: the same answer (0 or -2) and the very same
 * double for every cell, whatever bytes lie before the cell (it reads
 * them and must ignore them).  Where the CPU lacks SSE4.1 numparse_tail
 * is numparse_simple and these tests agree trivially.  numparse_is_word
 * against numparse_cell on every one of those cells too. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "core/numparse.h"

/* Before the cell: bytes that would change the answer if they were read
 * as part of it (digits, dots, a sign, a NUL). */
static const char *const before[] = {
    "9999999999999999999999999999999999999999",
    "................................................",
    "-1.5\0-2.25\0-7777777777777777777777777777777",
    "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
};
#define PAD 32

/* numparse_is_word, the check of a column whose numbers are unread, says
 * "word" exactly when numparse_cell does. */
static void same_word(const char *cell, size_t len)
{
    double v;
    int word = numparse_cell(cell, len, &v) < 0;
    if (numparse_is_word(cell, len) != word)
        fail_msg("\"%.*s\": numparse_cell says %s, numparse_is_word not", (int)len, cell, word ? "word" : "number");
}

static void agree(const char *cell, size_t len)
{
    same_word(cell, len);
    char buf[PAD + 64];
    for (size_t b = 0; b < sizeof before / sizeof before[0]; b++) {
        memcpy(buf, before[b], PAD);
        memcpy(buf + PAD, cell, len);
        buf[PAD + len] = '\0';
        double want = -7, got = -7;
        int rw = numparse_simple(buf + PAD, len, &want);
        int rg = numparse_tail(buf + PAD, len, &got);
        if (rw != rg || (rw == 0 && memcmp(&want, &got, sizeof got) != 0))
            fail_msg("\"%.*s\" (before it: %zu): numparse_simple %d %.17g, numparse_tail %d %.17g", (int)len, cell,
                     b, rw, want, rg, got);
    }
}

static void test_cells_seen_in_leaderboards(void **state)
{
    (void)state;
    static const char *const cells[] = {"28.7091344", "54.18",  "158.8", "3.323", "0.060", "82.41", "0",
                                        "100",        "1.",     ".5",    "007",   "1e5",   "1,5",   "12%",
                                        "-3.5",       "+2",     "2024-12-10", "NA", " 1", "1 ", "."};
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) agree(cells[i], strlen(cells[i]));
    double v = 0;
    char buf[PAD + 16];
    memcpy(buf, before[0], PAD);
    memcpy(buf + PAD, "28.7091344", 11);
    assert_int_equal(numparse_tail(buf + PAD, 10, &v), 0);
    assert_true(v == 28.7091344);
    memcpy(buf + PAD, "-0.25", 6); /* a sign: the byte loop's */
    assert_int_equal(numparse_tail(buf + PAD, 5, &v), 0);
    assert_true(v == -0.25);
}

/* Every cell of up to 5 bytes over digits, dot, signs, a letter and a
 * blank: 15^5 + ... cells, each after every kind of bytes before. */
static void test_every_short_cell(void **state)
{
    (void)state;
    static const char alphabet[] = "0123456789.-+x ";
    const size_t na = sizeof alphabet - 1;
    char cell[8];
    for (size_t len = 1; len <= 5; len++) {
        size_t total = 1;
        for (size_t i = 0; i < len; i++) total *= na;
        for (size_t code = 0; code < total; code++) {
            size_t t = code;
            for (size_t i = 0; i < len; i++, t /= na) cell[i] = alphabet[t % na];
            agree(cell, len);
        }
    }
}

/* Long cells: 6-20 bytes of digits with a dot or none, now and then a
 * stray byte; 15 and 16 digits (the limit), 16 and 17 bytes (the width). */
static void test_long_cells(void **state)
{
    (void)state;
    unsigned seed = 2026;
    char cell[24];
    for (int it = 0; it < 1000000; it++) {
        seed = seed * 1103515245u + 12345u;
        size_t len = 6 + (seed >> 8) % 15;
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            cell[i] = (char)('0' + (seed >> 16) % 10);
        }
        seed = seed * 1103515245u + 12345u;
        if (seed % 4) cell[(seed >> 8) % len] = '.';
        if (seed % 61 == 0) cell[(seed >> 12) % len] = (char)(seed >> 20);
        agree(cell, len);
    }
    agree("123456789012345", 15);   /* 15 digits: the fast shape */
    agree("1234567890123456", 16);  /* 16: not */
    agree("12345678.9012345", 16);  /* 15 digits in 16 bytes */
    agree("1234567.89012345", 16);
    agree("0.000000000000001", 17); /* wider than the reader: the byte loop */
    static const char *const shapes[] = {"", "NA", "n/a", "-", "null", "nan", "inf", "-inf", "1e5", "1e400",
                                         "sixty", "1,5", "85%", " 7", "7 ", "+", ".", "1.", ".5", "-.5", "1..2",
                                         "0x10", "12345678901234567890"};
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) same_word(shapes[i], strlen(shapes[i]));
    /* digits past any reader's buffer: 16 to 400 of them, with and without a point */
    char many[402];
    for (size_t n = 16; n <= 400; n += 3) {
        memset(many, '9', n);
        many[0] = '1';
        same_word(many, n);
        many[n / 2] = '.';
        same_word(many, n);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cells_seen_in_leaderboards),
        cmocka_unit_test(test_every_short_cell),
        cmocka_unit_test(test_long_cells),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
