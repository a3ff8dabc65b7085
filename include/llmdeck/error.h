/* error.h - the one error type of the core.
 *
 * Every fallible core function takes an `ld_error *` (may be NULL) and fills
 * it on failure.  The faces (CLI, TUI) decide how to show it; the core never
 * prints.  `file`, `line` and `col` locate bad input (`FILE:LINE:COL`); a
 * usage error names the flag or expression in `file` (e.g. "--filter"). */
#ifndef LLMDECK_ERROR_H
#define LLMDECK_ERROR_H

#include <stddef.h>

typedef enum {
    LD_OK = 0,
    LD_ERR_IO,      /* could not read/write a file: runtime failure (exit 1) */
    LD_ERR_PARSE,   /* malformed input data (exit 2) */
    LD_ERR_USAGE,   /* bad flag, value or expression (exit 2) */
    LD_ERR_NOMEM,   /* out of memory (exit 1) */
    LD_ERR_CANCEL   /* the user cancelled a long operation (exit 1) */
} ld_code;

typedef struct {
    ld_code code;
    char file[256]; /* file name, or the flag / expression for usage errors */
    long line;      /* 1-based; 0 = unknown */
    long col;       /* 1-based; 0 = unknown */
    char msg[512];
} ld_error;

void error_clear(ld_error *e);
/* Fills `e` (if not NULL) and returns -1, so callers can `return error_set(...)`. */
int error_set(ld_error *e, ld_code code, const char *file, long line, long col,
              const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
/* "FILE:LINE:COL: msg", "FILE:LINE: msg", "FILE: msg" or "msg". */
void error_format(const ld_error *e, char *buf, size_t n);
/* Process exit status for an error: 2 for bad input/usage, 1 otherwise. */
int error_exit_status(const ld_error *e);

#endif
