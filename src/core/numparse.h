/* numparse.h - fast, exact parsing of number cells (internal to the core).
 *
 * strtod dominates load time on large files, so the common shape (an
 * optional sign, at most 15 significant digits, an optional fraction of at
 * most 22 digits) is parsed as an integer mantissa divided by an exact power
 * of ten: both are exact doubles and IEEE division rounds correctly, so the
 * result equals strtod's.  Anything else falls back to strtod. */
#ifndef LLMDECK_NUMPARSE_H
#define LLMDECK_NUMPARSE_H

#include <stddef.h>
#include <stdint.h>

extern const double numparse_pow10[16];

/* The common shape only: an optional sign, then at most 15 digits with at
 * most one '.', nothing else (no blanks).  Returns 0 with *out set, or -2
 * when the cell has another shape (numparse_cell handles every shape).
 * Inline: it is the inner loop of loading a large file. */
static inline int numparse_simple(const char *s, size_t len, double *out)
{
    const char *p = s, *end = s + len, *dot = NULL;
    int neg = 0;
    if (p < end && (*p == '-' || *p == '+')) neg = *p++ == '-';
    uint64_t mant = 0;
    int digits = 0;
    for (; p < end; p++) {
        unsigned d = (unsigned)(unsigned char)*p - '0';
        if (d < 10) {
            mant = mant * 10 + d;
            digits++;
        } else if (*p == '.' && !dot) {
            dot = p;
        } else {
            return -2;
        }
    }
    if (digits == 0 || digits > 15) return -2;
    /* mant < 10^15 < 2^53 and the power of ten are exact: the quotient is
     * correctly rounded, as strtod's */
    double v = (double)mant / numparse_pow10[dot ? end - dot - 1 : 0];
    *out = neg ? -v : v;
    return 0;
}

/* numparse_simple for a cell with 16 readable bytes ending where it ends
 * (s + len - 16 and on: the loader's arena holds the file's earlier bytes
 * there): the same answer and the same double, 16 bytes at a time with
 * SSE4.1 where the CPU has it (checked at run time; numparse_simple
 * otherwise).  Why: the byte loop's exit depends on each cell's length;
 * on shape1's 9-digit cells ("28.7091344") it took 9.1 ns a cell, this
 * 5.9 (doc/performance.md, "Numbers").  tests/unit/test_numparse.c
 * compares the two on every cell of up to 5 bytes and a million longer. */
int numparse_tail(const char *s, size_t len, double *out);

/* 0: a finite number in *out; 1: empty or a missing marker (NA, N/A, -,
 * null, none, nan, any case); -1: not a number (words, inf, overflow). */
int numparse_cell(const char *s, size_t len, double *out);

/* 1 when numparse_cell would call the cell a word (-1), else 0, without
 * computing the number for the common shape (numparse_simple's: a sign,
 * at most 15 digits, at most one '.'): the check of a declared numeric column whose
 * numbers nobody reads (csvload.h, numbers_read). */
static inline int numparse_is_word(const char *s, size_t len)
{
    const char *p = s, *end = s + len;
    int dot = 0, digits = 0;
    if (p < end && (*p == '-' || *p == '+')) p++;
    for (; p < end; p++) {
        if ((unsigned)(unsigned char)*p - '0' < 10) digits++;
        else if (*p == '.' && !dot) dot = 1;
        else break;
    }
    if (p == end && digits && digits <= 15) return 0; /* numparse_simple's shape exactly: a longer one may be refused */
    double v;
    return numparse_cell(s, len, &v) < 0;
}

#endif
