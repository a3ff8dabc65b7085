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

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

/* Shuffles that close a cell's digits up over its dot at lane p (lanes up
 * to p take the lane before; lane 0 becomes 0); row 16: no dot. */
#define CLOSE_UP(p)                                                                          \
    {0x80, 1 > p ? 1 : 0, 2 > p ? 2 : 1, 3 > p ? 3 : 2, 4 > p ? 4 : 3, 5 > p ? 5 : 4,      \
     6 > p ? 6 : 5, 7 > p ? 7 : 6, 8 > p ? 8 : 7, 9 > p ? 9 : 8, 10 > p ? 10 : 9,           \
     11 > p ? 11 : 10, 12 > p ? 12 : 11, 13 > p ? 13 : 12, 14 > p ? 14 : 13, 15 > p ? 15 : 14}
static const unsigned char close_up[17][16] = {
    CLOSE_UP(0),  CLOSE_UP(1),  CLOSE_UP(2),  CLOSE_UP(3),  CLOSE_UP(4),  CLOSE_UP(5),
    CLOSE_UP(6),  CLOSE_UP(7),  CLOSE_UP(8),  CLOSE_UP(9),  CLOSE_UP(10), CLOSE_UP(11),
    CLOSE_UP(12), CLOSE_UP(13), CLOSE_UP(14), CLOSE_UP(15),
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}};
#undef CLOSE_UP

/* The 16 bytes ending at the cell's end: the cell is lanes 16-len..15,
 * right-aligned, so each digit's place value is fixed by its lane once
 * the digits are closed up over the dot.  The same shape test as
 * numparse_simple (digits and at most one dot, 1-15 digits) and the same
 * mantissa and power of ten, so the same double. */
__attribute__((target("sse4.1,popcnt"))) static int tail_sse41(const char *s, size_t len, double *out)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + len - 16));
    const __m128i lane = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    __m128i in_cell = _mm_cmpgt_epi8(lane, _mm_set1_epi8((char)(15 - (int)len)));
    __m128i d = _mm_sub_epi8(v, _mm_set1_epi8('0'));
    __m128i is_digit = _mm_and_si128(_mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d), in_cell);
    unsigned cell = (unsigned)_mm_movemask_epi8(in_cell);
    unsigned digits = (unsigned)_mm_movemask_epi8(is_digit);
    unsigned dot = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')), in_cell));
    int ndigits = __builtin_popcount(digits);
    if ((digits | dot) != cell || (dot & (dot - 1)) || ndigits == 0 || ndigits > 15) return -2;
    int at = dot ? __builtin_ctz(dot) : 16;
    d = _mm_shuffle_epi8(_mm_and_si128(d, is_digit), _mm_loadu_si128((const __m128i *)(const void *)close_up[at]));
    /* digit pairs, then fours, then eights: 16 digits as two 8-digit halves */
    __m128i t = _mm_maddubs_epi16(d, _mm_setr_epi8(10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1));
    t = _mm_madd_epi16(t, _mm_setr_epi16(100, 1, 100, 1, 100, 1, 100, 1));
    t = _mm_packus_epi32(t, t);
    t = _mm_madd_epi16(t, _mm_setr_epi16(10000, 1, 10000, 1, 10000, 1, 10000, 1));
    int64_t mant = (int64_t)_mm_cvtsi128_si32(t) * 100000000 + _mm_extract_epi32(t, 1);
    *out = (double)mant / numparse_pow10[dot ? 15 - at : 0];
    return 0;
}

int numparse_tail(const char *s, size_t len, double *out)
{
    if (len - 1 < 16 && s[0] != '-' && s[0] != '+' && __builtin_cpu_supports("sse4.1") &&
        __builtin_cpu_supports("popcnt"))
        return tail_sse41(s, len, out);
    return numparse_simple(s, len, out);
}
#else
int numparse_tail(const char *s, size_t len, double *out) { return numparse_simple(s, len, out); }
#endif

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
