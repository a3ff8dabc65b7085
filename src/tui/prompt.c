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
#include "term.h"
#include "llmdeck/utf8.h"
#include "widgets.h"

void app_prompt(app *a, const char *label, const char *initial, ld_prompt_fn fn, void *ctx)
{
    ld_prompt *p = &a->prompt;
    memset(p, 0, sizeof *p);
    p->open = 1;
    le_line l;
    le_set(&l, p->label, sizeof p->label, label);
    le_set(&l, p->buf, sizeof p->buf, initial);
    p->len = l.len;
    p->cur = l.cur;
    p->fn = fn;
    p->ctx = ctx;
}

void app_prompt_value(app *a, const char *label, const char *initial, ld_prompt_fn fn, void *ctx)
{
    app_prompt(a, label, initial, fn, ctx);
    a->prompt.fresh = a->prompt.len > 0;
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

int prompt_edit_key(le_line *l, ld_key k, int *changed)
{
    static const struct {
        ld_action act;
        le_op op;
    } ops[] = {
        {ACT_TXT_LEFT, LE_LEFT},     {ACT_TXT_RIGHT, LE_RIGHT},        {ACT_TXT_HOME, LE_HOME},
        {ACT_TXT_END, LE_END},       {ACT_TXT_BS, LE_BS},              {ACT_TXT_DEL, LE_DEL},
        {ACT_TXT_KILL_LINE, LE_KILL_LINE}, {ACT_TXT_KILL_END, LE_KILL_END}, {ACT_TXT_KILL_WORD, LE_KILL_WORD},
    };
    ld_action act = keys_lookup(SCOPE_PROMPT, -1, k);
    *changed = 0;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (ops[i].act == act) {
            *changed = le_apply(l, ops[i].op);
            return 1;
        }
    /* y is bound (to answer a y/n question) but types in a field */
    if (act == ACT_TXT_ACCEPT || act == ACT_TXT_CANCEL || !LD_IS_CHAR(k) || !le_printable((uint32_t)k)) return 0;
    if (le_insert(l, (uint32_t)k) != 1) return -1;
    *changed = 1;
    return 1;
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
    if (p->fresh) { /* the first key: a typed character replaces the value, any other keeps it */
        p->fresh = 0;
        ld_action act = keys_lookup(SCOPE_PROMPT, -1, k);
        int editing = act == ACT_TXT_LEFT || act == ACT_TXT_RIGHT || act == ACT_TXT_HOME || act == ACT_TXT_END ||
                      act == ACT_TXT_BS || act == ACT_TXT_DEL || act == ACT_TXT_KILL_LINE ||
                      act == ACT_TXT_KILL_END || act == ACT_TXT_KILL_WORD || act == ACT_TXT_ACCEPT ||
                      act == ACT_TXT_CANCEL;
        if (!editing && LD_IS_CHAR(k) && le_printable((uint32_t)k)) {
            p->buf[0] = '\0';
            p->len = p->cur = 0;
        }
    }
    le_line l = {p->buf, sizeof p->buf, p->len, p->cur};
    int edited = 0;
    int r = prompt_edit_key(&l, k, &edited);
    p->len = l.len;
    p->cur = l.cur;
    if (r < 0) {
        /* said, not silently dropped; and nothing to re-check (a paste of
         * 100 KB costs one message a key, not a filter) */
        snprintf(p->err, sizeof p->err, "full: at most %zu bytes", sizeof p->buf - 1);
        term_drop_typeahead(a);
        return;
    }
    if (r == 0) {
        switch (keys_lookup(SCOPE_PROMPT, -1, k)) {
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
        default: return;
        }
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
        if (errw > cols - x - 1) errw = cols - x - 1; /* never over the label: a space after it */
        if (errw < 1) errw = 0;
        if (errw) ui_put(a, win, y, cols - errw, errw, p->err, app_attr(a, ROLE_ERROR), UI_RIGHT, 0);
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
        size_t prev = utf8_prev(p->buf, start);
        char one[8];
        size_t n = start - prev < sizeof one ? start - prev : sizeof one - 1;
        memcpy(one, p->buf + prev, n);
        one[n] = '\0';
        int cw = ui_width(a, one);
        if (head + cw >= avail) break;
        head += cw;
        start = prev;
    }
    /* an untouched value shows selected, with the hint the wizard gives */
    int w = ui_text(a, win, y, x, avail, p->buf + start, p->fresh ? app_attr(a, ROLE_SELECTED) : text);
    if (p->fresh && avail - w > 22)
        ui_text(a, win, y, x + w + 2, avail - w - 2, "typing replaces it", app_attr(a, ROLE_MUTED));
    return x + head;
}
