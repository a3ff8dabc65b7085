/* numparse.c - see numparse.h. */
#include "numparse.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const double pow10_exact[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};
const double numparse_pow10[16] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
};

static int is_missing_marker(const char *s, size_t n)
{
    static const char *const markers[] = {"na", "n/a", "-", "null", "none", "nan", "?"};
    for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++)
        if (strlen(markers[i]) == n && strncasecmp(s, markers[i], n) == 0) return 1;
    return 0;
}

static int slow_parse(const char *s, size_t n, double *out)
{
    char buf[128];
    if (n >= sizeof buf) return -1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    /* only decimal notation: no hex floats, no inf/nan spelled out */
    for (size_t i = 0; i < n; i++) {
        char c = buf[i];
        if (!(isdigit((unsigned char)c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'))
            return -1;
    }
    errno = 0;
    char *end;
    double v = strtod(buf, &end);
    if (end != buf + n || end == buf) return -1;
    if (errno == ERANGE && fabs(v) > 1.0) return -1; /* overflow; underflow is 0 */
    if (!isfinite(v)) return -1;
    *out = v;
    return 0;
}

int numparse_cell(const char *s, size_t len, double *out)
{
    if (numparse_simple(s, len, out) == 0) return 0;
    /* surrounding blanks are tolerated: spreadsheets pad numbers */
    while (len && (*s == ' ' || *s == '\t')) s++, len--;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t')) len--;
    if (len == 0) return 1;
    const char *p = s, *end = s + len;
    int neg = 0;
    if (*p == '-' || *p == '+') {
        neg = *p == '-';
        p++;
    }
    uint64_t mant = 0;
    int digits = 0, frac = 0, seen_dot = 0, any = 0;
    for (; p < end; p++) {
        char c = *p;
        if (c >= '0' && c <= '9') {
            any = 1;
            if (digits || c != '0') digits++;
            if (digits > 15) break;
            mant = mant * 10 + (uint64_t)(c - '0');
            if (seen_dot) frac++;
        } else if (c == '.' && !seen_dot) {
            seen_dot = 1;
        } else {
            break;
        }
    }
    if (p == end && any && frac <= 22) {
        double v = (double)mant / pow10_exact[frac];
        *out = neg ? -v : v;
        return 0;
    }
    if (is_missing_marker(s, len)) return 1;
    return slow_parse(s, len, out);
}
