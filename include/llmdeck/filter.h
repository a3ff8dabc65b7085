/* filter.h - the filter expression language of `table --filter` and `/`.
 *
 *   expr   := or
 *   or     := and ("or" and)*
 *   and    := unary ("and" unary)*
 *   unary  := "not" unary | "(" expr ")" | cmp | word
 *   cmp    := COLUMN OP VALUE       OP: >= <= > < = == != ~ (contains)
 *   VALUE  := number with optional k/M/B suffix (32k) | word | "quoted text"
 *   word   := any other text: matches rows where any column contains it
 *             (case-insensitive); the name of a yes/no column alone
 *             (`frontier`) means COLUMN=yes, and such a column compares
 *             only with = or != against yes or no
 *
 * Examples: `mmlu>=65 and context_length>=32k`, `license~apache`, `mistral`,
 * `frontier and license~apache`.
 * A comparison with a missing value is false. */
#ifndef LLMDECK_FILTER_H
#define LLMDECK_FILTER_H

#include <stddef.h>
#include <stdint.h>

#include "llmdeck/catalog.h"
#include "llmdeck/error.h"
#include "llmdeck/view.h"

typedef struct ld_filter ld_filter;

/* Compiles `expr` for `cat`.  Errors are LD_ERR_USAGE with `what` as the
 * file and the 1-based character position in col.  An empty expression
 * matches everything. */
ld_filter *filter_compile(const ld_catalog *cat, const char *expr,
                          const char *what, ld_error *err);
void filter_free(ld_filter *f);
int filter_match(const ld_filter *f, const ld_catalog *cat, size_t row);
/* Keeps the rows of in[0..n) that match, in order, in out; returns the count.
 * `out` may equal `in`. */
size_t filter_apply(const ld_filter *f, const ld_catalog *cat,
                    const uint32_t *in, size_t n, uint32_t *out);

/* filter_apply reporting n units to p and cancellable (view.h): 0 with the
 * count in *nout, LD_CANCELLED with out untouched, or -1 (no memory). */
int filter_apply_progress(const ld_filter *f, const ld_catalog *cat, const uint32_t *in, size_t n,
                          uint32_t *out, size_t *nout, ld_progress *p);

#endif
