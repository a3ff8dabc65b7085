/* fuzz_units.c - numbers as people type them (units_parse_count: 750M,
 * 32k, 1e9) and number cells (numparse via catalog_parse_number).
 * Properties: what parses is finite; numparse's fast path agrees with
 * strtod to the bit; a formatted count reads back within its rounding. */
#include <ctype.h>
#include <errno.h>
#include <math.h>

#include "fuzz_common.h"

#include "llmdeck/units.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fz_cstr(data, size);
    double v;
    if (units_parse_count(s, &v) == 0) {
        FUZZ_CHECK(isfinite(v), "'%s' gave %g", s, v);
        char buf[64];
        units_format_count(v, buf, sizeof buf);
        double back;
        FUZZ_CHECK(units_parse_count(buf, &back) == 0 || fabs(v) < 1e-300,
                   "'%s' formats as '%s', which does not read back", s, buf);
        if (fabs(v) >= 1e-300) {
            /* 3 decimals on the scaled value (k, M, B, T), 10 digits below 1000 */
            double tol = fabs(v) >= 1000 ? 5e-4 * fabs(v) + 1e-9 : 1e-9 * fabs(v) + 1e-300;
            FUZZ_CHECK(fabs(back - v) <= tol, "'%s' = %.17g formats as '%s'", s, v, buf);
        }
        char usd[64];
        units_format_usd(v, usd, sizeof usd);
        FUZZ_CHECK(strchr(usd, '$') != NULL, "usd '%s'", usd);
    }
    /* prices as people type them (the CLI's per-1K flags, the TUI's per-1M prompt) */
    double p;
    int unit = -1;
    if (units_parse_price(s, 1000, &p, &unit) == 0) {
        FUZZ_CHECK(isfinite(p) && p >= 0, "price '%s' gave %g", s, p);
        FUZZ_CHECK(unit == 0 || unit == 1, "unit %d", unit);
    }
    if (units_parse_price(s, 1e6, &p, NULL) == 0) FUZZ_CHECK(isfinite(p) && p >= 0, "price '%s'", s);
    char g[48];
    if (units_parse_count(s, &v) == 0) {
        units_format_grouped(v, g, sizeof g);
        FUZZ_CHECK(strlen(g) < sizeof g - 1, "grouped '%s'", g);
    }
    long l;
    if (units_parse_long(s, -1000000, 2000000000L, &l) == 0)
        FUZZ_CHECK(l >= -1000000 && l <= 2000000000L, "%ld", l);
    /* number cells: the bytes as they are, NULs and all */
    int rc = catalog_parse_number((const char *)data, size, &v);
    FUZZ_CHECK(rc >= -1 && rc <= 1, "rc %d", rc);
    if (rc == 0) {
        FUZZ_CHECK(isfinite(v), "cell '%s' gave %g", s, v);
        /* the same text through strtod (blanks trimmed) must give the same double */
        size_t a = 0, b = size;
        while (a < b && (s[a] == ' ' || s[a] == '\t')) a++;
        while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) b--;
        FUZZ_CHECK(memchr(data + a, 0, b - a) == NULL, "a NUL inside a number");
        char *t = fz_cstr(data + a, b - a);
        char *end;
        double w = strtod(t, &end);
        FUZZ_CHECK(end == t + (b - a), "strtod stops early on '%s'", t);
        FUZZ_CHECK(w == v || (v == 0 && fabs(w) < 1e-300),
                   "cell '%s': numparse %.17g, strtod %.17g", t, v, w);
        free(t);
    }
    free(s);
    return 0;
}
