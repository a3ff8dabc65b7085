/* test_units.c - numbers as people type them (units.h).
 *
 * Expected values are written out by hand from the header's contract:
 * suffixes k/K = 1e3, m/M = 1e6, b/B/g/G = 1e9, t/T = 1e12; surrounding
 * blanks allowed; everything else refused. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <math.h>

#include "testutil.h"

#include "llmdeck/suggest.h"
#include "llmdeck/units.h"

static void accepts(const char *s, double want)
{
    double v = -12345.0;
    if (units_parse_count(s, &v) != 0) fail_msg("units_parse_count(\"%s\") refused, expected %.17g", s, want);
    if (v != want) fail_msg("units_parse_count(\"%s\") = %.17g, expected %.17g", s, v, want);
}

static void refuses(const char *s)
{
    double v = -12345.0;
    if (units_parse_count(s, &v) == 0) fail_msg("units_parse_count(\"%s\") accepted (%.17g), expected a refusal", s, v);
}

static void test_parse_count_suffixes(void **state)
{
    (void)state;
    accepts("750M", 750e6);
    accepts("750m", 750e6);
    accepts("1.25B", 1.25e9);
    accepts("1.25b", 1.25e9);
    accepts("1.5G", 1.5e9);
    accepts("2T", 2e12);
    accepts("2t", 2e12);
    accepts("32k", 32000.0);
    accepts("32K", 32000.0);
    accepts("0.5k", 500.0);
    accepts(".5k", 500.0);
    accepts("8000", 8000.0);
    accepts("1e9", 1e9);
    accepts("1E9", 1e9);
    accepts("2.5e3", 2500.0);
    accepts("0", 0.0);
    accepts("-5", -5.0);
    accepts("+7", 7.0);
}

static void test_parse_count_blanks(void **state)
{
    (void)state;
    accepts(" 12 ", 12.0);
    accepts("\t12\t", 12.0);
    accepts("  32k  ", 32000.0);
    accepts("\n1.25B\n", 1.25e9);
}

static void test_parse_count_refusals(void **state)
{
    (void)state;
    refuses("12abc");
    refuses("12 abc");
    refuses("12kk");
    refuses("12 k");   /* the suffix belongs to the number */
    refuses("12x");
    refuses("k");
    refuses("M");
    refuses("nan");
    refuses("NaN");
    refuses("-nan");
    refuses("inf");
    refuses("-inf");
    refuses("Infinity");
    refuses("0x10");
    refuses("0X1p3");
    refuses("");
    refuses("   ");
    refuses("1e400");   /* overflow */
    refuses("-1e400");
    refuses("1e300T");  /* overflow after scaling */
    refuses("1e");
    refuses("1,00");    /* "1,000" is a thousands separator now: test_parse_count_grouped */
    refuses("12.5.3");
    refuses("--5");
    refuses("+");
    refuses(".");
    refuses("$5");
    double v = 3;
    assert_int_equal(units_parse_count(NULL, &v), -1);
}

static void test_parse_count_leaves_output_alone_on_error(void **state)
{
    (void)state;
    double v = 42.0;
    assert_int_equal(units_parse_count("12abc", &v), -1);
    assert_true(v == 42.0);
}

static void test_parse_long(void **state)
{
    (void)state;
    long out = -1;
    assert_int_equal(units_parse_long("32k", 0, 1000000, &out), 0);
    assert_int_equal(out, 32000);
    assert_int_equal(units_parse_long("1.25B", 0, LONG_MAX, &out), 0);
    assert_int_equal(out, 1250000000L);
    assert_int_equal(units_parse_long("750M", 0, LONG_MAX, &out), 0);
    assert_int_equal(out, 750000000L);
    assert_int_equal(units_parse_long(" 8000 ", 0, 8000, &out), 0);
    assert_int_equal(out, 8000);
    assert_int_equal(units_parse_long("0", 0, 10, &out), 0);
    assert_int_equal(out, 0);
    assert_int_equal(units_parse_long("-3", -5, 5, &out), 0);
    assert_int_equal(out, -3);
    /* the bounds are inclusive */
    assert_int_equal(units_parse_long("10", 0, 10, &out), 0);
    assert_int_equal(out, 10);
    assert_int_equal(units_parse_long("5", 5, 10, &out), 0);
    assert_int_equal(out, 5);

    out = 77;
    assert_int_equal(units_parse_long("11", 0, 10, &out), -1);
    assert_int_equal(units_parse_long("4", 5, 10, &out), -1);
    assert_int_equal(units_parse_long("-1", 0, 10, &out), -1);
    assert_int_equal(units_parse_long("1.5", 0, 10, &out), -1);   /* not whole */
    assert_int_equal(units_parse_long("1.0001k", 0, 10000, &out), -1);
    assert_int_equal(units_parse_long("3000000000", 0, 2000000000L, &out), -1);
    assert_int_equal(units_parse_long("12abc", 0, 100, &out), -1);
    assert_int_equal(units_parse_long("", 0, 100, &out), -1);
    assert_int_equal(units_parse_long("nan", 0, 100, &out), -1);
    assert_int_equal(units_parse_long("1e400", 0, LONG_MAX, &out), -1);
    assert_int_equal(out, 77);
}

/* At the top of long's range a double cannot hold LONG_MAX: 9223372036854775807
 * rounds to 2^63, which is > LONG_MAX.  Accepting it must never produce a
 * value outside [min, max] (the cast of 2^63 to long is undefined and gives
 * LONG_MIN on x86-64). */
static void test_parse_long_top_of_range(void **state)
{
    (void)state;
    static const char *const inputs[] = {"9223372036854775807", "9223372036854775808",
                                         "9.2233720368547758e18", "9.3e18", "1e19"};
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        long out = 12345;
        int rc = units_parse_long(inputs[i], 0, LONG_MAX, &out);
        if (rc == 0 && out < 0)
            fail_msg("units_parse_long(\"%s\", 0, LONG_MAX) accepted and returned %ld (outside the range)",
                     inputs[i], out);
    }
}

static void fmt_count(double v, const char *want)
{
    char buf[64];
    memset(buf, 'Z', sizeof buf);
    units_format_count(v, buf, sizeof buf);
    if (strcmp(buf, want) != 0) fail_msg("units_format_count(%.17g) = \"%s\", expected \"%s\"", v, buf, want);
}

static void test_format_count(void **state)
{
    (void)state;
    fmt_count(750e6, "750M");
    fmt_count(1.25e9, "1.25B");
    fmt_count(32000, "32k");
    fmt_count(4000, "4k");
    fmt_count(1e9, "1B");
    fmt_count(2e12, "2T");
    fmt_count(1.5e12, "1.5T");
    fmt_count(999, "999");
    fmt_count(500, "500");
    fmt_count(0, "0");
    fmt_count(1234567, "1.235M"); /* four figures, rounded */
    fmt_count(580.35e6, "580.4M"); /* a break-even claims no more than four */
    fmt_count(62.809e9, "62.81B");
    fmt_count(474.537e6, "474.5M");
    fmt_count(-2500, "-2.5k");
    fmt_count(NAN, "n/a");
    fmt_count(INFINITY, "n/a");
}

/* Rounding to four figures must not produce "1000k" or "1000M": 999,999.9
 * is 1M, and so is 999,960. */
static void test_format_count_rounding_boundary(void **state)
{
    (void)state;
    fmt_count(999999.9, "1M");
    fmt_count(999999999.9, "1B");
    fmt_count(999.96e6, "1B"); /* 1000.0M at four figures */
    fmt_count(999.94e6, "999.9M");
}

static void test_format_count_small_buffer(void **state)
{
    (void)state;
    char buf[4];
    units_format_count(1.25e9, buf, sizeof buf);
    assert_true(strlen(buf) < sizeof buf);
    assert_int_equal(strncmp(buf, "1.2", 3), 0);
}

static void fmt_usd(double v, const char *want)
{
    char buf[64];
    units_format_usd(v, buf, sizeof buf);
    if (strcmp(buf, want) != 0) fail_msg("units_format_usd(%.17g) = \"%s\", expected \"%s\"", v, buf, want);
}

static void test_format_usd(void **state)
{
    (void)state;
    fmt_usd(1500, "$1,500");
    fmt_usd(2500, "$2,500");
    fmt_usd(0.12, "$0.12");
    fmt_usd(1234567, "$1,234,567");
    fmt_usd(-1500, "-$1,500");
    fmt_usd(NAN, "n/a");
}

/* The header's own example: "$12,346". */
static void test_format_usd_header_example(void **state)
{
    (void)state;
    fmt_usd(12345.678, "$12,346");
}

/* "1,000,000" as people write it; a decimal comma is refused, not guessed. */
static void test_parse_count_grouped(void **state)
{
    (void)state;
    double v = 0;
    assert_int_equal(units_parse_count("1,000,000", &v), 0);
    assert_true(v == 1e6);
    assert_int_equal(units_parse_count("12,345.5", &v), 0);
    assert_true(v == 12345.5);
    assert_int_equal(units_parse_count("2,500M", &v), 0);
    assert_true(v == 2.5e9);
    assert_int_equal(units_parse_count("-1,000", &v), 0);
    assert_true(v == -1000);
    static const char *const bad[] = {"1,5", "1,5B", "1,0000", "1000,000", ",100", "1,,000", "1,000,00", "1,000.5,0"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (units_parse_count(bad[i], &v) == 0) fail_msg("'%s' parsed as %g", bad[i], v);
}

/* Prices with their unit; bare figures in the caller's unit. */
static void test_parse_price(void **state)
{
    (void)state;
    double p = 0;
    int unit = -1;
    assert_int_equal(units_parse_price("0.5/M", 1000, &p, &unit), 0);
    assert_near(p, 0.0005, 1e-15);
    assert_int_equal(unit, 1);
    assert_int_equal(units_parse_price("$0.002/1K", 1e6, &p, &unit), 0);
    assert_near(p, 0.002, 1e-15);
    assert_int_equal(units_parse_price("2.5/1m", 1000, &p, NULL), 0);
    assert_near(p, 0.0025, 1e-15);
    assert_int_equal(units_parse_price("0.002", 1000, &p, &unit), 0); /* the CLI's per 1K */
    assert_near(p, 0.002, 1e-15);
    assert_int_equal(unit, 0);
    assert_int_equal(units_parse_price("2", 1e6, &p, &unit), 0); /* the TUI's per 1M */
    assert_near(p, 0.002, 1e-15);
    static const char *const bad[] = {"0.5M", "0.5/G", "-1/M", "abc", "0x1p3", "nan/M", "1/", "$"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (units_parse_price(bad[i], 1000, &p, NULL) == 0) fail_msg("'%s' parsed as %g", bad[i], p);
}

static void test_format_grouped(void **state)
{
    (void)state;
    char b[48];
    units_format_grouped(131072, b, sizeof b);
    assert_string_equal(b, "131,072");
    units_format_grouped(1890.4, b, sizeof b);
    assert_string_equal(b, "1,890");
    units_format_grouped(999, b, sizeof b);
    assert_string_equal(b, "999");
    units_format_grouped(-1234567, b, sizeof b);
    assert_string_equal(b, "-1,234,567");
    units_format_grouped(NAN, b, sizeof b);
    assert_string_equal(b, "n/a");
}

static void test_suggest(void **state)
{
    (void)state;
    assert_int_equal(suggest_distance("tabel", "table"), 2);
    assert_int_equal(suggest_distance("SIZE", "size"), 0);
    assert_int_equal(suggest_distance("", "cost"), 4);
    static const char *const cmds[] = {"table", "recommend", "cost", "size", "data"};
    assert_string_equal(suggest_closest("tabel", cmds, 5, 2), "table");
    assert_string_equal(suggest_closest("reccomend", cmds, 5, 2), "recommend");
    assert_null(suggest_closest("models.csv", cmds, 5, 2));
}

/* prices in fixed notation, never an exponent a reader must decode */
static void test_format_price(void **state)
{
    (void)state;
    static const struct { double v; const char *want; } cases[] = {
        {0.00004, "$0.00004"}, {0.000075, "$0.000075"}, {0.0025, "$0.0025"}, {0.0002625, "$0.0002625"},
        {0.000234375, "$0.0002344"}, {2.5, "$2.5"}, {2, "$2"}, {1500, "$1500"}, {0.0228311, "$0.02283"},
        {0, "$0"}, {-0.5, "-$0.5"}, {NAN, "n/a"},
    };
    char buf[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        units_format_price(cases[i].v, buf, sizeof buf);
        if (strcmp(buf, cases[i].want) != 0)
            fail_msg("units_format_price(%.17g) = \"%s\", expected \"%s\"", cases[i].v, buf, cases[i].want);
        assert_null(strchr(buf, 'e'));
    }
}

static void test_format_rate(void **state)
{
    (void)state;
    static const struct { double v; const char *want; } cases[] = {
        {10.59, "10.6"}, {38.2654, "38.3"}, {223.33, "223"}, {1890.4, "1,890"}, {0.5, "0.5"},
    };
    char buf[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        units_format_rate(cases[i].v, buf, sizeof buf);
        assert_string_equal(buf, cases[i].want);
    }
}

/* A stretch's edges rounded into it (its start up, its end down) and with
 * more figures when they would print alike; a multiplied price keeps its
 * cents; two compared prices print apart. */
static void test_format_bounds(void **state)
{
    (void)state;
    char a[32], b[32];
    units_format_count_bound(2.8125e9, +1, 4, a, sizeof a);
    assert_string_equal(a, "2.813B");
    units_format_count_bound(2.8125e9, -1, 4, a, sizeof a);
    assert_string_equal(a, "2.812B");
    units_format_count_bound(1.875e9, +1, 4, a, sizeof a); /* on the grid: unchanged */
    assert_string_equal(a, "1.875B");
    units_format_count_bound(999.96e6, +1, 4, a, sizeof a);
    assert_string_equal(a, "1B");
    units_format_count_bound(188.6486e6, +1, 4, a, sizeof a);
    assert_string_equal(a, "188.7M");
    units_format_count_bound(872.35e6, 0, 4, a, sizeof a); /* 0: as units_format_count */
    units_format_count(872.35e6, b, sizeof b);
    assert_string_equal(a, b);
    units_format_range(1.313955e9, 1.314e9, 4, a, sizeof a, b, sizeof b);
    assert_string_equal(a, "1.31396B");
    assert_string_equal(b, "1.314B");
    units_format_range(1.277e9, 1.314e9, 4, a, sizeof a, b, sizeof b);
    assert_string_equal(a, "1.277B");
    assert_string_equal(b, "1.314B");
    units_format_range(201.75e6, 201.76e6, 4, a, sizeof a, b, sizeof b); /* never the wrong way round */
    assert_string_equal(a, "201.75M");
    assert_string_equal(b, "201.76M");
    units_format_usd_exact(1160.7, a, sizeof a);
    assert_string_equal(a, "$1,160.70");
    units_format_usd_exact(1500, a, sizeof a);
    assert_string_equal(a, "$1,500");
    units_format_usd_exact(357.7, a, sizeof a);
    assert_string_equal(a, "$357.70");
    units_format_prices_apart(0.00228311, 0.0022831, a, sizeof a, b, sizeof b);
    assert_string_equal(a, "$0.00228311");
    assert_string_equal(b, "$0.0022831");
    units_format_prices_apart(0.004, 0.002, a, sizeof a, b, sizeof b);
    assert_string_equal(a, "$0.004");
    assert_string_equal(b, "$0.002");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_count_suffixes),
        cmocka_unit_test(test_parse_count_blanks),
        cmocka_unit_test(test_parse_count_refusals),
        cmocka_unit_test(test_parse_count_leaves_output_alone_on_error),
        cmocka_unit_test(test_parse_long),
        cmocka_unit_test(test_parse_long_top_of_range),
        cmocka_unit_test(test_format_count),
        cmocka_unit_test(test_format_count_rounding_boundary),
        cmocka_unit_test(test_format_count_small_buffer),
        cmocka_unit_test(test_format_usd),
        cmocka_unit_test(test_format_usd_header_example),
        cmocka_unit_test(test_parse_count_grouped),
        cmocka_unit_test(test_parse_price),
        cmocka_unit_test(test_format_grouped),
        cmocka_unit_test(test_format_price),
        cmocka_unit_test(test_format_rate),
        cmocka_unit_test(test_format_bounds),
        cmocka_unit_test(test_suggest),
    };
    if (getenv("LD_TEST_FILTER")) cmocka_set_test_filter(getenv("LD_TEST_FILTER"));
    return cmocka_run_group_tests(tests, NULL, NULL);
}
