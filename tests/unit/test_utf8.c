/* test_utf8.c - the one UTF-8 encoder and decoder, and character
 * boundaries (src/core/utf8.c). */
#include <string.h>

#include "testutil.h"

#include "llmdeck/utf8.h"

/* Encodes cp and checks the bytes, then decodes them back. */
static void round_trip(uint32_t cp, const char *want)
{
    char out[5] = {0};
    size_t n = utf8_encode(cp, out);
    assert_int_equal(n, strlen(want));
    assert_memory_equal(out, want, n);
    uint32_t back = 0;
    assert_int_equal(utf8_decode((const unsigned char *)want, &back), n);
    assert_int_equal(back, cp);
}

static void test_encode_lengths(void **state)
{
    (void)state;
    round_trip('a', "a");
    round_trip(0x7F, "\x7F");
    round_trip(0x80, "\xC2\x80");
    round_trip(0xE9, "\xC3\xA9");                 /* é */
    round_trip(0x7FF, "\xDF\xBF");
    round_trip(0x800, "\xE0\xA0\x80");
    round_trip(0x2800 + 0x3F, "\xE2\xA0\xBF");   /* a braille cell of the charts */
    round_trip(0x901A, "\xE9\x80\x9A");           /* 通 */
    round_trip(0xFFFD, "\xEF\xBF\xBD");
    round_trip(0x10000, "\xF0\x90\x80\x80");
    round_trip(0x1F600, "\xF0\x9F\x98\x80");      /* an emoji */
    round_trip(0x10FFFF, "\xF4\x8F\xBF\xBF");
}

static void test_encode_refuses_non_characters(void **state)
{
    (void)state;
    char out[4] = {'x', 'x', 'x', 'x'};
    assert_int_equal(utf8_encode(0xD800, out), 0); /* surrogates have no UTF-8 form */
    assert_int_equal(utf8_encode(0xDFFF, out), 0);
    assert_int_equal(utf8_encode(0x110000, out), 0);
    assert_int_equal(utf8_encode(0xFFFFFFFFu, out), 0);
    assert_int_equal(out[0], 'x'); /* nothing written */
}

static void test_decode_refuses_invalid(void **state)
{
    (void)state;
    uint32_t cp = 0;
    assert_int_equal(utf8_decode((const unsigned char *)"\xC0\xAF", &cp), 0);         /* overlong '/' */
    assert_int_equal(utf8_decode((const unsigned char *)"\xED\xA0\x80", &cp), 0);     /* a surrogate */
    assert_int_equal(utf8_decode((const unsigned char *)"\xF4\x90\x80\x80", &cp), 0); /* > U+10FFFF */
    assert_int_equal(utf8_decode((const unsigned char *)"\x80", &cp), 0);             /* stray continuation */
    assert_int_equal(utf8_decode((const unsigned char *)"\xE2\xA0", &cp), 0);         /* cut short by the NUL */
    assert_int_equal(utf8_decode((const unsigned char *)"\xFF", &cp), 0);
}

static void test_boundaries(void **state)
{
    (void)state;
    const char *s = "a\xC3\xA9\xE9\x80\x9A\xF0\x9F\x98\x80z"; /* a é 通 😀 z: 1+2+3+4+1 bytes */
    size_t len = strlen(s);
    size_t fwd[] = {0, 1, 3, 6, 10, 11};
    size_t at = 0;
    for (size_t i = 1; i < sizeof fwd / sizeof fwd[0]; i++) {
        at = utf8_next(s, len, at);
        assert_int_equal(at, fwd[i]);
    }
    assert_int_equal(utf8_next(s, len, len), len); /* the end stays the end */
    for (size_t i = sizeof fwd / sizeof fwd[0] - 1; i > 0; i--) {
        at = utf8_prev(s, at);
        assert_int_equal(at, fwd[i - 1]);
    }
    assert_int_equal(utf8_prev(s, 0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_encode_lengths),
        cmocka_unit_test(test_encode_refuses_non_characters),
        cmocka_unit_test(test_decode_refuses_invalid),
        cmocka_unit_test(test_boundaries),
    };
    return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
