/* widgets.c - drawing helpers (see widgets.h). */
#include "widgets.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "llmdeck/output.h"

#define MAX_COMBINING 4

/* Decodes one UTF-8 code point; invalid bytes give U+FFFD (sanitized text
 * has none, but a view may pass its own strings). */
static const char *decode(const char *p, unsigned *cp)
{
    const unsigned char *s = (const unsigned char *)p;
    unsigned c;
    int len;
    if (s[0] < 0x80) return *cp = s[0], p + 1;
    if ((s[0] & 0xE0) == 0xC0) len = 2, c = s[0] & 0x1F;
    else if ((s[0] & 0xF0) == 0xE0) len = 3, c = s[0] & 0x0F;
    else if ((s[0] & 0xF8) == 0xF0) len = 4, c = s[0] & 0x07;
    else return *cp = 0xFFFD, p + 1;
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return *cp = 0xFFFD, p + i;
        c = (c << 6) | (s[i] & 0x3F);
    }
    *cp = c;
    return p + len;
}

/* One screen cell: a base character and its combining marks.  Returns the
 * number of wide characters put in wc (0 at the end), the cell's width in
 * *w, and advances *p. */
static int next_cell(const app *a, const char **p, wchar_t wc[MAX_COMBINING + 2], int *w)
{
    while (**p) {
        unsigned cp;
        const char *q = decode(*p, &cp);
        *p = q;
        int cw = a->utf8 ? wcwidth((wchar_t)cp) : (cp < 0x80 ? 1 : -1);
        if (cw == 0 && cp >= 0x80) continue; /* a stray combining mark */
        if (cw < 0) cp = '?', cw = 1;
        int n = 0;
        wc[n++] = (wchar_t)cp;
        while (a->utf8 && **p) { /* combining marks join the cell */
            unsigned next;
            const char *r = decode(*p, &next);
            if (next < 0x80 || wcwidth((wchar_t)next) != 0) break;
            if (n <= MAX_COMBINING) wc[n++] = (wchar_t)next;
            *p = r;
        }
        wc[n] = L'\0';
        *w = cw;
        return n;
    }
    return 0;
}

static int width_of(const app *a, const char *s)
{
    wchar_t wc[MAX_COMBINING + 2];
    int w, total = 0;
    while (next_cell(a, &s, wc, &w)) total += w;
    return total;
}

int ui_width(const app *a, const char *s)
{
    char safe[2048];
    return width_of(a, output_sanitize(s ? s : "", safe, sizeof safe));
}

static void put_cell(WINDOW *win, int y, int x, const wchar_t *wc, attr_t attr)
{
    cchar_t cc;
    /* setcchar takes the colour pair apart from the attributes */
    if (setcchar(&cc, wc, attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL) == OK)
        mvwadd_wch(win, y, x, &cc);
}

void ui_fill(WINDOW *win, int y, int x, int w, attr_t attr)
{
    int maxy, maxx;
    getmaxyx(win, maxy, maxx);
    if (y < 0 || y >= maxy) return;
    for (int i = 0; i < w && x + i < maxx; i++)
        if (x + i >= 0) put_cell(win, y, x + i, L" ", attr);
}

int ui_put(const app *a, WINDOW *win, int y, int x, int w, const char *s, attr_t attr, int align,
           int pad)
{
    int maxy, maxx;
    getmaxyx(win, maxy, maxx);
    if (y < 0 || y >= maxy || x >= maxx || w <= 0) return 0;
    if (x + w > maxx) w = maxx - x;
    char safe[2048];
    output_sanitize(s ? s : "", safe, sizeof safe);
    int total = width_of(a, safe);
    int cut = total > w; /* leave the last column for the ellipsis */
    int avail = cut ? w - 1 : w, used = cut ? w : total;
    int start = x;
    if (!cut && align == UI_RIGHT) start = x + w - total;
    else if (!cut && align == UI_CENTER) start = x + (w - total) / 2;
    if (pad) ui_fill(win, y, x, w, attr);
    const char *p = safe;
    wchar_t wc[MAX_COMBINING + 2];
    int cw, col = 0;
    while (next_cell(a, &p, wc, &cw)) {
        if (col + cw > avail) break;
        if (start + col >= 0) put_cell(win, y, start + col, wc, attr);
        col += cw;
    }
    if (cut) {
        /* a wide character that did not fit leaves a gap before the mark */
        for (; col < avail; col++) put_cell(win, y, start + col, L" ", attr);
        wchar_t ell[2] = {a->utf8 ? 0x2026 : L'~', 0};
        put_cell(win, y, start + col, ell, attr);
    }
    return used;
}

int ui_text(const app *a, WINDOW *win, int y, int x, int w, const char *s, attr_t attr)
{
    return ui_put(a, win, y, x, w, s, attr, UI_LEFT, 0);
}

int ui_printf(const app *a, WINDOW *win, int y, int x, int w, attr_t attr, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return ui_put(a, win, y, x, w, buf, attr, UI_LEFT, 0);
}

void ui_hline(const app *a, WINDOW *win, int y, int x, int w, attr_t attr)
{
    wchar_t h[2] = {a->utf8 ? 0x2500 : L'-', 0};
    for (int i = 0; i < w; i++) put_cell(win, y, x + i, h, attr);
}

void ui_box(const app *a, WINDOW *win, int y, int x, int h, int w, const char *title)
{
    if (h < 2 || w < 2) return;
    attr_t b = app_attr(a, ROLE_BORDER);
    wchar_t tl[2] = {a->utf8 ? 0x250C : L'+', 0}, tr[2] = {a->utf8 ? 0x2510 : L'+', 0};
    wchar_t bl[2] = {a->utf8 ? 0x2514 : L'+', 0}, br[2] = {a->utf8 ? 0x2518 : L'+', 0};
    wchar_t v[2] = {a->utf8 ? 0x2502 : L'|', 0};
    for (int r = 1; r < h - 1; r++) {
        put_cell(win, y + r, x, v, b);
        ui_fill(win, y + r, x + 1, w - 2, app_attr(a, ROLE_TEXT));
        put_cell(win, y + r, x + w - 1, v, b);
    }
    put_cell(win, y, x, tl, b);
    ui_hline(a, win, y, x + 1, w - 2, b);
    put_cell(win, y, x + w - 1, tr, b);
    put_cell(win, y + h - 1, x, bl, b);
    ui_hline(a, win, y + h - 1, x + 1, w - 2, b);
    put_cell(win, y + h - 1, x + w - 1, br, b);
    if (title && *title && w > 6) {
        char t[256];
        snprintf(t, sizeof t, " %s ", title);
        ui_text(a, win, y, x + 2, w - 4, t, app_attr(a, ROLE_TITLE));
    }
}

void ui_bar(const app *a, WINDOW *win, int y, int x, int w, double frac, attr_t attr)
{
    if (!(frac > 0)) return;
    if (frac > 1) frac = 1;
    int eighths = (int)(frac * w * 8 + 0.5);
    for (int i = 0; i < w && eighths > 0; i++, eighths -= 8) {
        wchar_t c[2] = {L'#', 0};
        if (a->utf8) c[0] = eighths >= 8 ? 0x2588 : (wchar_t)(0x2590 - eighths); /* U+2589..258F */
        else if (eighths < 4) break;
        put_cell(win, y, x + i, c, attr);
    }
}

size_t ui_wrap(const app *a, const char *s, int w, const char **next)
{
    const char *p = s, *brk = NULL, *brk_next = NULL;
    wchar_t wc[MAX_COMBINING + 2];
    int cw, col = 0;
    if (!*s) {
        *next = s;
        return 0;
    }
    for (;;) {
        const char *before = p;
        if (!next_cell(a, &p, wc, &cw)) { /* all of it fits */
            *next = p;
            return (size_t)(p - s);
        }
        if (wc[0] == L'\n') {
            *next = p;
            return (size_t)(before - s);
        }
        if (col + cw > w) {
            if (brk) {
                *next = brk_next;
                return (size_t)(brk - s);
            }
            *next = before == s ? p : before; /* at least one cell per line */
            return (size_t)(*next - s);
        }
        if (wc[0] == L' ') {
            brk = before;
            brk_next = p;
            while (*brk_next == ' ') brk_next++;
        } else if (wc[0] == L'|') { /* a list without spaces (a card's 110 languages): after a bar */
            brk = brk_next = p;
        }
        col += cw;
    }
}
