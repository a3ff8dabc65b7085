/* jsonpos.c - see jsonpos.h. */
#include "jsonpos.h"

#include <cjson/cJSON.h>

void jsonpos_of_offset(const char *text, size_t len, size_t off, long *line, long *col)
{
    long l = 1, c = 1;
    for (size_t i = 0; i < off && i < len; i++) {
        if (text[i] == '\n') l++, c = 1;
        else c++;
    }
    *line = l;
    *col = c;
}

void jsonpos_of_error(const char *text, size_t len, long *line, long *col)
{
    const char *e = cJSON_GetErrorPtr();
    size_t off = 0;
    if (e && e >= text && e <= text + len) off = (size_t)(e - text);
    jsonpos_of_offset(text, len, off, line, col);
}
