/* basis.h - building the "basis" text every estimate carries: the inputs
 * and the formula, one line each (internal to the core). */
#ifndef LLMDECK_BASIS_H
#define LLMDECK_BASIS_H

#include <stddef.h>

/* Appends one formatted line (and a newline) to the NUL-terminated text in
 * buf[0..size); a line that does not fit is cut, never overflows. */
void basis_appendf(char *buf, size_t size, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#endif
