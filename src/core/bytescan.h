/* bytescan.h - find the first of a few bytes, 16 at a time (internal).
 *
 * The hot loops of CSV reading and writing look for the next byte that is
 * a comma, quote or line break.  On x86-64, SSE2 is part of the base
 * instruction set and compares 16 bytes at once; elsewhere a byte table. */
#ifndef LLMDECK_BYTESCAN_H
#define LLMDECK_BYTESCAN_H

#include <stddef.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* The offset of the first byte at or after p[i] that is one of a..f (repeat
 * one to look for fewer) and for which table[byte] is non-zero too (the
 * same set, for the byte-by-byte tail), or n if none. */
static inline size_t bytescan_first(const char *p, size_t i, size_t n, char a, char b, char c,
                                    char d, char e, char f, const unsigned char table[256])
{
#ifdef __SSE2__
    const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c);
    const __m128i vd = _mm_set1_epi8(d), ve = _mm_set1_epi8(e), vf = _mm_set1_epi8(f);
    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, vc), _mm_cmpeq_epi8(v, vd)));
        hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(v, ve), _mm_cmpeq_epi8(v, vf)));
        unsigned mask = (unsigned)_mm_movemask_epi8(hit);
        if (mask) return i + (size_t)__builtin_ctz(mask);
        i += 16;
    }
#else
    (void)a, (void)b, (void)c, (void)d, (void)e, (void)f;
#endif
    while (i < n && !table[(unsigned char)p[i]]) i++;
    return i;
}

/* Copies s[0..len) to d with every NUL made c, in one pass (d and s
 * apart): a row's cells as a CSV line. */
static inline void bytescan_copy_nul_to(char *d, const char *s, size_t len, char c)
{
#ifdef __SSE2__
    if (len >= 16) {
        const __m128i zero = _mm_setzero_si128(), vc = _mm_set1_epi8(c);
        size_t k = 0;
        for (; k + 16 <= len; k += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + k));
            _mm_storeu_si128((__m128i *)(void *)(d + k), _mm_or_si128(v, _mm_and_si128(_mm_cmpeq_epi8(v, zero), vc)));
        }
        if (k < len) { /* the last 16 bytes again, overlapping: the same bytes */
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + len - 16));
            _mm_storeu_si128((__m128i *)(void *)(d + len - 16), _mm_or_si128(v, _mm_and_si128(_mm_cmpeq_epi8(v, zero), vc)));
        }
        return;
    }
#endif
    for (size_t k = 0; k < len; k++) d[k] = s[k] ? s[k] : c;
}

#endif
