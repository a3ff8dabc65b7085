/* test_sanitize_stream.c - output_sanitize_stream, the filter behind every
 * subcommand's output on a terminal (src/cli/ttysafe.c): what a terminal
 * would obey comes out escaped, line feeds and tabs stay, and a UTF-8
 * character cut between two writes is judged whole. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "llmdeck/output.h"

/* Feeds `in` in two writes split at `cut`, carrying what a write leaves
 * (as ttysafe.c does), then a final call; returns what came out. */
static char *filter(const char *in, size_t len, size_t cut)
{
    char *out = NULL;
    size_t sz = 0;
    FILE *f = open_memstream(&out, &sz);
    assert_non_null(f);
    char carry[8];
    size_t nc = 0, used = output_sanitize_stream(f, in, cut, 0);
    assert_true(cut - used <= 3); /* only an incomplete character stays */
    nc = cut - used;
    memcpy(carry, in + used, nc);
    char *rest = malloc(nc + len - cut + 1);
    assert_non_null(rest);
    memcpy(rest, carry, nc);
    memcpy(rest + nc, in + cut, len - cut);
    used = output_sanitize_stream(f, rest, nc + len - cut, 1);
    assert_int_equal(used, nc + len - cut);
    free(rest);
    fclose(f);
    return out;
}

static void test_sanitize_stream(void **state)
{
    (void)state;
    static const char in[] = "A,\033]0;pwned\007 \033[31mred\n"
                             "B,\"x\ry \xe2\x80\xae rtl\"\tz\n"
                             "C,caf\xc3\xa9 \xc2\x9b \xff end\x7f\n";
    static const char want[] = "A,\\x1b]0;pwned\\x07 \\x1b[31mred\n"
                               "B,\"x\\ry \\u202e rtl\"\tz\n"
                               "C,caf\xc3\xa9 \\x9b \\xff end\\x7f\n";
    size_t len = sizeof in - 1;
    for (size_t cut = 0; cut <= len; cut++) { /* every split, inside characters too */
        char *got = filter(in, len, cut);
        if (strcmp(got, want) != 0) fail_msg("cut at %zu:\n%s\nwanted:\n%s", cut, got, want);
        free(got);
    }
}

static void test_sanitize_stream_keeps_incomplete_tail(void **state)
{
    (void)state;
    /* the first two bytes of a three-byte character: nothing written yet */
    char *out = NULL;
    size_t sz = 0;
    FILE *f = open_memstream(&out, &sz);
    assert_int_equal(output_sanitize_stream(f, "ok\xe2\x80", 4, 0), 2);
    /* at the end of the output they are what they are: invalid */
    assert_int_equal(output_sanitize_stream(f, "\xe2\x80", 2, 1), 2);
    fclose(f);
    assert_string_equal(out, "ok\\xe2\\x80");
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sanitize_stream),
        cmocka_unit_test(test_sanitize_stream_keeps_incomplete_tail),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
