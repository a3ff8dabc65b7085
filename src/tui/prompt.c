/* prompt.c - the one-line text field and y/n question on the bottom line.
 *
 * Views ask for text with app_prompt() and get it back through a callback,
 * so a prompt never blocks the event loop (resize, headless replay and
 * signals keep working while it is open).  Its editing keys come from the
 * key table (scope "Text fields"), like every other key. */
#include "prompt.h"

#include <stdarg.h>
#include <string.h>

#include "keys.h"
#include "widgets.h"

/* Copies s into out (n bytes); what does not fit is cut at a character
 * boundary, never inside one.  (Views pass short texts; a file name that
 * could be longer is checked by its view before it gets here.) */
static void copy_text(char *out, size_t n, const char *s)
{
    size_t len = strlen(s);
    if (len >= n) {
        len = n - 1;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80) len--;
    }
    memcpy(out, s, len);
    out[len] = '\0';
}

void app_prompt(app *a, const char *label, const char *initial, ld_prompt_fn fn, void *ctx)
{
    ld_prompt *p = &a->prompt;
    memset(p, 0, sizeof *p);
    p->open = 1;
    copy_text(p->label, sizeof p->label, label);
    copy_text(p->buf, sizeof p->buf, initial ? initial : "");
    p->len = p->cur = strlen(p->buf);
    p->fn = fn;
    p->ctx = ctx;
}

void app_confirm(app *a, const char *question, ld_confirm_fn fn, void *ctx)
{
    ld_prompt *p = &a->prompt;
    memset(p, 0, sizeof *p);
    p->open = 1;
    p->confirm = 1;
    snprintf(p->label, sizeof p->label, "%s (y/n) ", question);
    p->confirm_fn = fn;
    p->ctx = ctx;
}

/* Byte offset of the character before / after `at`. */
static size_t prev_char(const char *s, size_t at)
{
    if (at == 0) return 0;
    do at--;
    while (at > 0 && ((unsigned char)s[at] & 0xC0) == 0x80);
    return at;
}

static size_t next_char(const char *s, size_t len, size_t at)
{
    if (at >= len) return len;
    do at++;
    while (at < len && ((unsigned char)s[at] & 0xC0) == 0x80);
    return at;
}

static void cut(ld_prompt *p, size_t from, size_t to)
{
    memmove(p->buf + from, p->buf + to, p->len - to + 1);
    p->len -= to - from;
    p->cur = from;
}

/* Types k at the cursor; -1 when the field is full (nothing changes). */
static int insert(ld_prompt *p, ld_key k)
{
    char u[4];
    size_t n;
    uint32_t c = (uint32_t)k;
    if (c < 0x80) u[0] = (char)c, n = 1;
    else if (c < 0x800) u[0] = (char)(0xC0 | (c >> 6)), u[1] = (char)(0x80 | (c & 0x3F)), n = 2;
    else if (c < 0x10000) {
        u[0] = (char)(0xE0 | (c >> 12));
        u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (c >> 18));
        u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    if (p->len + n >= sizeof p->buf) return -1;
    memmove(p->buf + p->cur + n, p->buf + p->cur, p->len - p->cur + 1);
    memcpy(p->buf + p->cur, u, n);
    p->len += n;
    p->cur += n;
    return 0;
}

void prompt_key(app *a, ld_key k)
{
    ld_prompt *p = &a->prompt;
    if (p->confirm) {
        int yes = k == 'y' || k == 'Y';
        ld_confirm_fn fn = p->confirm_fn;
        void *ctx = p->ctx;
        p->open = 0;
        if (fn) fn(a, ctx, yes);
        return;
    }
    ld_action act = keys_lookup(SCOPE_PROMPT, -1, k);
    int edited = 1;
    switch (act) {
    case ACT_TXT_ACCEPT: {
        ld_prompt saved = *p;
        char err[256] = "";
        p->open = 0;
        /* the callback may open another prompt (a y/n question) */
        if (saved.fn && saved.fn(a, saved.ctx, saved.buf, 1, err, sizeof err) != 0) {
            *p = saved;
            snprintf(p->err, sizeof p->err, "%s", err);
        }
        return;
    }
    case ACT_TXT_CANCEL: {
        ld_prompt saved = *p;
        char err[8];
        p->open = 0;
        if (saved.fn) saved.fn(a, saved.ctx, saved.buf, -1, err, sizeof err);
        return;
    }
    case ACT_TXT_LEFT: p->cur = prev_char(p->buf, p->cur); edited = 0; break;
    case ACT_TXT_RIGHT: p->cur = next_char(p->buf, p->len, p->cur); edited = 0; break;
    case ACT_TXT_HOME: p->cur = 0; edited = 0; break;
    case ACT_TXT_END: p->cur = p->len; edited = 0; break;
    case ACT_TXT_BS:
        if (p->cur > 0) cut(p, prev_char(p->buf, p->cur), p->cur);
        break;
    case ACT_TXT_DEL:
        if (p->cur < p->len) cut(p, p->cur, next_char(p->buf, p->len, p->cur));
        break;
    case ACT_TXT_KILL_LINE: cut(p, 0, p->len); break;
    case ACT_TXT_KILL_END: cut(p, p->cur, p->len); break;
    case ACT_TXT_KILL_WORD: {
        size_t from = p->cur;
        while (from > 0 && p->buf[from - 1] == ' ') from--;
        while (from > 0 && p->buf[from - 1] != ' ') from--;
        cut(p, from, p->cur);
        break;
    }
    default:
        /* everything else that is a printable character is typed */
        if (LD_IS_CHAR(k) && k >= 0x20 && k != 0x7F && !(k >= 0x80 && k < 0xA0)) {
            if (insert(p, k) != 0) {
                /* said, not silently dropped; and nothing to re-check (a
                 * paste of 100 KB costs one message a key, not a filter) */
                snprintf(p->err, sizeof p->err, "full: at most %zu bytes", sizeof p->buf - 1);
                return;
            }
        } else {
            edited = 0;
        }
        break;
    }
    if (edited) {
        p->err[0] = '\0';
        if (p->fn) p->fn(a, p->ctx, p->buf, 0, p->err, sizeof p->err);
    }
}

int prompt_draw(app *a, WINDOW *win, int y)
{
    ld_prompt *p = &a->prompt;
    int cols = getmaxx(win);
    attr_t text = app_attr(a, ROLE_TEXT);
    ui_fill(win, y, 0, cols, text);
    int x = ui_text(a, win, y, 0, cols - 1, p->label, app_attr(a, ROLE_PROMPT));
    if (p->confirm) return x;
    /* the error takes the right part of the line, at most half of it */
    int errw = 0;
    if (p->err[0]) {
        /* as much room as the text leaves, and at least half the line */
        int room = cols - x - ui_width(a, p->buf) - 3;
        errw = ui_width(a, p->err) + 2;
        if (errw > room) errw = room > cols / 2 ? room : cols / 2;
        ui_put(a, win, y, cols - errw, errw, p->err, app_attr(a, ROLE_ERROR), UI_RIGHT, 0);
    }
    int avail = cols - x - errw - 1;
    if (avail < 1) return cols - 1;
    /* scroll the text so the cursor stays visible: the first character
     * shown is the earliest from which the text up to the cursor is
     * narrower than the field.  Walking back from the cursor one character
     * at a time measures only what is shown (O(field width) per frame; the
     * text is never measured prefix by prefix). */
    size_t start = p->cur;
    int head = 0;
    while (start > 0) {
        size_t prev = prev_char(p->buf, start);
        char one[8];
        size_t n = start - prev < sizeof one ? start - prev : sizeof one - 1;
        memcpy(one, p->buf + prev, n);
        one[n] = '\0';
        int cw = ui_width(a, one);
        if (head + cw >= avail) break;
        head += cw;
        start = prev;
    }
    ui_text(a, win, y, x, avail, p->buf + start, text);
    return x + head;
}
