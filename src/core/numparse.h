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

/* 0: a finite number in *out; 1: empty or a missing marker (NA, N/A, -,
 * null, none, nan, any case); -1: not a number (words, inf, overflow). */
int numparse_cell(const char *s, size_t len, double *out);

#endif
