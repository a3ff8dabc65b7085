/* error.c - filling and formatting ld_error. */
#include "llmdeck/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void error_clear(ld_error *e)
{
    if (e) memset(e, 0, sizeof *e);
}

int error_set(ld_error *e, ld_code code, const char *file, long line, long col,
              const char *fmt, ...)
{
    if (!e) return -1;
    e->code = code;
    snprintf(e->file, sizeof e->file, "%s", file ? file : "");
    e->line = line;
    e->col = col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    return -1;
}

void error_format(const ld_error *e, char *buf, size_t n)
{
    if (!n) return;
    if (!e->file[0])
        snprintf(buf, n, "%s", e->msg);
    else if (e->line > 0 && e->col > 0)
        snprintf(buf, n, "%s:%ld:%ld: %s", e->file, e->line, e->col, e->msg);
    else if (e->line > 0)
        snprintf(buf, n, "%s:%ld: %s", e->file, e->line, e->msg);
    else
        snprintf(buf, n, "%s: %s", e->file, e->msg);
}

int error_exit_status(const ld_error *e)
{
    return (e->code == LD_ERR_PARSE || e->code == LD_ERR_USAGE) ? 2 : 1;
}
