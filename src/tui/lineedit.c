/* lineedit.c - see lineedit.h. */
#include "lineedit.h"

#include <string.h>

#include "llmdeck/utf8.h"

int le_printable(uint32_t c)
{
    return c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0) && !(c >= 0xD800 && c <= 0xDFFF) && c <= 0x10FFFF;
}

le_line le_over(char *buf, size_t size, size_t cur)
{
    le_line l = {buf, size, strlen(buf), cur};
    if (l.cur > l.len) l.cur = l.len;
    while (l.cur > 0 && ((unsigned char)buf[l.cur] & 0xC0) == 0x80) l.cur--;
    return l;
}

void le_set(le_line *l, char *buf, size_t size, const char *text)
{
    l->buf = buf;
    l->size = size;
    l->len = l->cur = 0;
    if (size) buf[0] = '\0';
    le_insert_text(l, text ? text : "");
}

/* Inserts n bytes at the cursor if they fit; -1 if not. */
static int put(le_line *l, const char *bytes, size_t n)
{
    if (l->len + n >= l->size) return -1;
    memmove(l->buf + l->cur + n, l->buf + l->cur, l->len - l->cur + 1);
    memcpy(l->buf + l->cur, bytes, n);
    l->len += n;
    l->cur += n;
    return 0;
}

int le_insert(le_line *l, uint32_t c)
{
    char u[4];
    if (!le_printable(c)) return 0;
    size_t n = utf8_encode(c, u);
    return n && put(l, u, n) == 0 ? 1 : -1;
}

int le_insert_text(le_line *l, const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    while (*s) {
        uint32_t c;
        size_t n = utf8_decode(s, &c);
        if (!n) { /* an invalid byte: dropped, never shown */
            s++;
            continue;
        }
        if (!le_printable(c)) c = ' ';
        if (le_insert(l, c) != 1) return -1;
        s += n;
    }
    return 0;
}

static int cut(le_line *l, size_t from, size_t to)
{
    if (to <= from) {
        l->cur = from;
        return 0;
    }
    memmove(l->buf + from, l->buf + to, l->len - to + 1);
    l->len -= to - from;
    l->cur = from;
    return 1;
}

int le_apply(le_line *l, le_op op)
{
    switch (op) {
    case LE_LEFT: l->cur = utf8_prev(l->buf, l->cur); return 0;
    case LE_RIGHT: l->cur = utf8_next(l->buf, l->len, l->cur); return 0;
    case LE_HOME: l->cur = 0; return 0;
    case LE_END: l->cur = l->len; return 0;
    case LE_BS: return l->cur > 0 ? cut(l, utf8_prev(l->buf, l->cur), l->cur) : 0;
    case LE_DEL: return l->cur < l->len ? cut(l, l->cur, utf8_next(l->buf, l->len, l->cur)) : 0;
    case LE_KILL_LINE: return cut(l, 0, l->len);
    case LE_KILL_END: {
        size_t at = l->cur;
        int changed = cut(l, at, l->len);
        l->cur = at;
        return changed;
    }
    case LE_KILL_WORD: { /* as readline's C-w: blanks, then the word before them */
        size_t from = l->cur;
        while (from > 0 && l->buf[from - 1] == ' ') from--;
        while (from > 0 && l->buf[from - 1] != ' ') from--;
        return cut(l, from, l->cur);
    }
    }
    return 0;
}
