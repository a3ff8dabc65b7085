/* jsonpos.c - see jsonpos.h. */
#include "jsonpos.h"

#include <cjson/cJSON.h>
#include <ctype.h>

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
    /* On a bad object key cJSON points one past the offending character
     * (`{"a": 1,}` points after the '}'): when the character before the
     * pointer itself follows a '{' or ',', that character is the culprit. */
    if (off > 0 && off - 1 < len && !isspace((unsigned char)text[off - 1])) {
        size_t q = off - 1, p = q;
        while (p > 0 && isspace((unsigned char)text[p - 1])) p--;
        if (p > 0 && (text[p - 1] == ',' || text[p - 1] == '{') && text[q] != '"') off = q;
    }
    jsonpos_of_offset(text, len, off, line, col);
}
