/* utf8.h - the one UTF-8 encoder, and character boundaries in UTF-8 text.
 *
 * Every module that turns a code point into bytes (the key syntax, the
 * text fields, the headless screen dump, the braille charts) calls
 * utf8_encode, so there is one place that knows the byte layout. */
#ifndef LLMDECK_UTF8_H
#define LLMDECK_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Writes code point cp as 1 to 4 bytes to out (no NUL) and returns the
 * count; 0, writing nothing, for a surrogate or a value above U+10FFFF,
 * which have no UTF-8 form. */
size_t utf8_encode(uint32_t cp, char out[4]);

/* Decodes one UTF-8 sequence at s (NUL-terminated, so a cut-short
 * sequence stops at the NUL); returns its length and sets *cp, or 0 for an
 * invalid one (overlong, surrogate, above U+10FFFF, a stray byte). */
size_t utf8_decode(const unsigned char *s, uint32_t *cp);

/* The byte offset of the character before `at` (0 at the start), and of
 * the one after it (len at the end), in text of len bytes: continuation
 * bytes (10xxxxxx) are stepped over, so a cursor never lands inside a
 * character. */
size_t utf8_prev(const char *s, size_t at);
size_t utf8_next(const char *s, size_t len, size_t at);

#endif
