/* test_output_numbers.c - computed numbers as the writers print them: the
 * fixed-decimals fast path against printf, and three significant digits
 * for people (tables, compare view, recommend's candidates) against every
 * digit for programs (CSV, JSON). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"
#include "llmdeck/output.h"
#include "llmdeck/score.h"

#include "render.h"

/* output_derived_number's fixed-decimals fast path against printf, byte
 * for byte: random magnitudes, every decimals setting, exact halves (ties
 * go to even, as glibc rounds), negatives and -0. */
static void test_derived_number_equals_printf(void **state)
{
    (void)state;
    unsigned long long x = 0x2545F4914F6CDD1DULL;
    char got[64], want[64];
    for (long i = 0; i < 2000000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        double v;
        int kind = (int)(x % 5);
        if (kind == 0) v = (double)(x >> 11) / 9007199254740992.0 * 100; /* [0, 100) */
        else if (kind == 1) v = ldexp((double)(x >> 40), -(int)(x % 30)); /* exact binary fractions: ties */
        else if (kind == 2) v = (double)((x >> 20) % 2000000) / 1000000.0; /* near printed digits */
        else if (kind == 3) v = ldexp((double)(x >> 11), (int)((x >> 3) % 80) - 100); /* wide range */
        else v = (double)((x >> 8) % 100000) + 0.5; /* halves of integers */
        if (x & (1ULL << 63)) v = -v;
        int d = (int)((x >> 5) % 11) - 1; /* -1 (as written: 6) .. 9 */
        size_t len = output_derived_number(v, d, got, sizeof got);
        if (v != 0 && (fabs(v) >= 1e15 || fabs(v) < 1e-6)) snprintf(want, sizeof want, "%.17g", v);
        else snprintf(want, sizeof want, "%.*f", d >= 0 ? d : 6, v);
        if (strcmp(got, want) != 0) fail_msg("%.17g with %d decimals: '%s', printf '%s'", v, d, got, want);
        if (strlen(got) != len) fail_msg("%.17g: length %zu returned for '%s'", v, len, got);
    }
    /* the digits go eight at a time: values at the groups' edges, and
     * more decimals than digits */
    static const struct { double v; int d; } edge[] = {
        {99999999.5, 0}, {100000000.0, 0}, {99999999.4, 0}, {0.5, 9}, {0.000001, 9}, {7.0, 9},
        {1234567890.123456789, 9}, {9999999999999999.0 / 1e9, 9}, {12345678.87654321, 8}, {1e8 - 0.25, 1},
    };
    for (size_t i = 0; i < sizeof edge / sizeof edge[0]; i++) {
        size_t len = output_derived_number(edge[i].v, edge[i].d, got, sizeof got);
        snprintf(want, sizeof want, "%.*f", edge[i].d, edge[i].v);
        assert_string_equal(got, want);
        assert_int_equal(len, strlen(want)); /* the length it returns */
    }
    output_derived_number(-0.0, 2, got, sizeof got);
    assert_string_equal(got, "-0.00");
    output_derived_number(0.125, 2, got, sizeof got); /* a tie: to even */
    assert_string_equal(got, "0.12");
    output_derived_number(0.375, 2, got, sizeof got);
    assert_string_equal(got, "0.38");
    output_derived_number(-0.001, 2, got, sizeof got);
    assert_string_equal(got, "-0.00");
    output_derived_number(NAN, 2, got, sizeof got);
    assert_string_equal(got, "");
}

/* People's formats (text, Markdown, the TUI) show a computed score to three
 * significant digits; CSV and JSON keep every digit. */
static void test_display_cell_three_digits(void **state)
{
    (void)state;
    /* quality = mmlu/100; value = quality / cost: 0.689 / 0.05 = 13.78,
     * 0.5 / 0.0012 = 416.666..., 0.12345 / 1 = 0.12345 */
    const char *csv = "model,mmlu,relative_cost\nA,68.9,0.05\nB,50,0.0012\nC,12.345,1\nD,40,\n";
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_buffer(csv, strlen(csv), "d.csv", NULL, &err);
    assert_non_null(cat);
    score_parse_weights(cat, "mmlu=1", "--weights", NULL);
    int vc = score_update(cat, LD_MISSING_ZERO);
    assert_true(vc >= 0);
    char buf[64];
    assert_string_equal(output_display_cell(cat, 0, (size_t)vc, buf, sizeof buf), "13.8");
    assert_string_equal(output_display_cell(cat, 1, (size_t)vc, buf, sizeof buf), "417");
    assert_string_equal(output_display_cell(cat, 2, (size_t)vc, buf, sizeof buf), "0.123");
    assert_string_equal(output_display_cell(cat, 3, (size_t)vc, buf, sizeof buf), ""); /* no cost: no value */
    /* the same rule for a score that is no cell (recommend's task-weighted candidates) */
    output_display_number(331.79, buf, sizeof buf);
    assert_string_equal(buf, "332");
    output_display_number(89.58, buf, sizeof buf);
    assert_string_equal(buf, "89.6");
    output_display_number(0.7214, buf, sizeof buf);
    assert_string_equal(buf, "0.721");
    output_display_number(NAN, buf, sizeof buf);
    assert_string_equal(buf, "");
    /* a relative cost: three figures, no trailing zeros, never rounded to 0 */
    static const struct { double v; const char *shown; } ratios[] = {
        {0.00206369, "0.00206"}, {0.0032, "0.0032"}, {0.05, "0.05"}, {1, "1"}, {0.000629141, "0.000629"},
        {1e-9, "1e-09"}, {1059.4, "1059"}, {0, "0"},
    };
    for (size_t i = 0; i < sizeof ratios / sizeof *ratios; i++) {
        output_display_ratio(ratios[i].v, buf, sizeof buf);
        assert_string_equal(buf, ratios[i].shown);
    }
    /* every digit where a program reads it */
    assert_string_equal(output_cell(cat, 0, (size_t)vc, buf, sizeof buf), "13.780000");
    /* a loaded cell stays as written */
    assert_string_equal(output_display_cell(cat, 2, 1, buf, sizeof buf), "12.345");
    uint32_t idx[] = {0, 1};
    int cols[] = {0, vc};
    size_t len;
    char *text = render(cat, idx, 2, cols, 2, LD_FMT_TEXT, &len);
    assert_non_null(strstr(text, "13.8"));
    assert_null(strstr(text, "13.780000"));
    free(text);
    char *csvout = render(cat, idx, 2, cols, 2, LD_FMT_CSV, &len);
    assert_non_null(strstr(csvout, "A,13.780000"));
    free(csvout);
    catalog_free(cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_derived_number_equals_printf),
        cmocka_unit_test(test_display_cell_three_digits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
