/* basis.c - see basis.h. */
#include "basis.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void basis_appendf(char *buf, size_t size, const char *fmt, ...)
{
    size_t used = strlen(buf);
    if (used + 1 >= size) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + used, size - used, fmt, ap);
    va_end(ap);
    used = strlen(buf);
    if (used + 1 < size) {
        buf[used] = '\n';
        buf[used + 1] = '\0';
    }
}
