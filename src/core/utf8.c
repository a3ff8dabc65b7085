/* utf8.c - see llmdeck/utf8.h. */
#include "llmdeck/utf8.h"

size_t utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    if (cp > 0x10FFFF) return 0;
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t utf8_decode(const unsigned char *s, uint32_t *cp)
{
    if (s[0] < 0x80) return *cp = s[0], 1;
    size_t len;
    uint32_t c, min;
    if ((s[0] & 0xE0) == 0xC0) len = 2, c = s[0] & 0x1F, min = 0x80;
    else if ((s[0] & 0xF0) == 0xE0) len = 3, c = s[0] & 0x0F, min = 0x800;
    else if ((s[0] & 0xF8) == 0xF0) len = 4, c = s[0] & 0x07, min = 0x10000;
    else return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    *cp = c;
    return len;
}

static int continuation(char c) { return ((unsigned char)c & 0xC0) == 0x80; }

size_t utf8_prev(const char *s, size_t at)
{
    if (at == 0) return 0;
    do at--;
    while (at > 0 && continuation(s[at]));
    return at;
}

size_t utf8_next(const char *s, size_t len, size_t at)
{
    if (at >= len) return len;
    do at++;
    while (at < len && continuation(s[at]));
    return at;
}
