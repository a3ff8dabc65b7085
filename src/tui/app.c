/* app.c - the event loop's heart: one key at a time becomes an action and
 * goes to whoever has the focus (prompt, help, the view), then the whole
 * screen is drawn again from the state.  The loop itself (reading a real
 * terminal, or replaying keys headless) is in term.c and headless.c; both
 * call app_key / app_mouse / app_draw, so tests exercise the same code. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "bgjob.h"
#include "chrome.h"
#include "help.h"
#include "keys.h"
#include "prompt.h"
#include "widgets.h"

const ld_view_ops *const ld_views[VIEW_COUNT] = {&table_view_ops, &wizard_view_ops, &cost_view_ops};

static const ld_glyphs glyphs_utf8 = {"\u25B2", "\u25BC", "\u2502", "\u2500", "\u2026", ">", "*",
                                      "\u2588", "\u258C", "*"};
static const ld_glyphs glyphs_ascii = {"^", "v", "|", "-", "~", ">", "*", "#", "#", "*"};

void app_message(app *a, ld_msgkind kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->message, sizeof a->message, fmt, ap);
    va_end(ap);
    a->message_kind = kind;
}

static void set_background(app *a)
{
    attr_t t = app_attr(a, ROLE_TEXT);
    cchar_t bg;
    setcchar(&bg, L" ", t & ~A_COLOR, (short)PAIR_NUMBER(t), NULL);
    wbkgrndset(stdscr, &bg);
    if (a->body) wbkgrndset(a->body, &bg);
}

int app_set_theme(app *a, const char *name, int save)
{
    ld_theme t;
    ld_error err;
    error_clear(&err);
    if (theme_load(&t, name, "theme", &err) != 0) {
        char msg[600];
        error_format(&err, msg, sizeof msg);
        app_message(a, MSG_ERROR, "%s", msg);
        return -1;
    }
    a->theme = t;
    theme_apply(&a->theme, a->mono);
    set_background(a);
    if (save) config_set_string(a->cfg, NULL, "theme", name);
    return 0;
}

void app_resize(app *a)
{
    a->rows = LINES;
    a->cols = COLS;
    a->too_small = a->cols < LD_MIN_COLS || a->rows < LD_MIN_ROWS;
    if (a->body) delwin(a->body);
    a->body = NULL;
    /* the view area is rebuilt only on resize, never per frame */
    if (!a->too_small) a->body = derwin(stdscr, a->rows - 3, a->cols, 1, 0);
    if (a->body) set_background(a);
    clearok(curscr, TRUE);
}

int app_init(app *a, char *err, size_t errlen)
{
    a->g = a->utf8 ? glyphs_utf8 : glyphs_ascii;
    if (keys_init(err, errlen) != 0) return -1;
    for (int v = 0; v < VIEW_COUNT; v++)
        if (ld_views[v]->init && ld_views[v]->init(a, &a->view_state[v]) != 0) {
            snprintf(err, errlen, "the %s view could not start (out of memory?)", ld_views[v]->name);
            return -1;
        }
    app_resize(a);
    return 0;
}

void app_fini(app *a)
{
    for (int v = 0; v < VIEW_COUNT; v++) {
        if (ld_views[v]->fini) ld_views[v]->fini(a, a->view_state[v]);
        a->view_state[v] = NULL;
    }
    if (a->body) delwin(a->body);
    a->body = NULL;
    keys_fini();
}

void app_key_action(app *a, ld_action act)
{
    switch (act) {
    case ACT_QUIT: a->quit = 1; break;
    case ACT_HELP: help_open(a); break;
    case ACT_THEME_NEXT:
        if (a->mono) {
            app_message(a, MSG_WARN, "colours are off (NO_COLOR, --no-color or the terminal): mono only");
            break;
        }
        if (app_set_theme(a, theme_next_name(a->theme.name), 1) == 0)
            app_message(a, MSG_INFO, "theme: %s", a->theme.name);
        break;
    case ACT_VIEW_TABLE: a->view = VIEW_TABLE; break;
    case ACT_VIEW_WIZARD: a->view = VIEW_WIZARD; break;
    case ACT_VIEW_COST: a->view = VIEW_COST; break;
    case ACT_NEXT_VIEW: a->view = (a->view + 1) % VIEW_COUNT; break;
    case ACT_PREV_VIEW: a->view = (a->view + VIEW_COUNT - 1) % VIEW_COUNT; break;
    case ACT_REDRAW: clearok(curscr, TRUE); break;
    default: break;
    }
}

void app_key(app *a, ld_key k)
{
    if (k == LD_KEYCODE(KEY_RESIZE)) {
        app_resize(a);
        return;
    }
    a->message[0] = '\0';
    if (bgjob_running(a) && !a->prompt.open) {
        bgjob_key(a, k);
        return;
    }
    if (a->prompt.open) {
        prompt_key(a, k);
        return;
    }
    if (a->too_small) { /* nothing is drawn; only quitting makes sense */
        if (keys_lookup(SCOPE_GLOBAL, -1, k) == ACT_QUIT) a->quit = 1;
        return;
    }
    if (a->help.open) {
        help_key(a, k);
        return;
    }
    const ld_view_ops *v = ld_views[a->view];
    if (v->text_mode && v->text && v->text_mode(a)) {
        v->text(a, k);
        return;
    }
    ld_action act = keys_lookup(v->scope ? v->scope(a) : SCOPE_GLOBAL, a->view, k);
    if (act == ACT_NONE) {
        char name[32];
        app_message(a, MSG_WARN, "%s does nothing here; ? lists the keys", keys_name(k, name, sizeof name));
    } else if (keys_is_global(act)) {
        app_key_action(a, act);
    } else if (v->act) {
        v->act(a, act);
    }
}

void app_mouse(app *a, int y, int x, int wheel)
{
    if (a->prompt.open || a->too_small || bgjob_running(a)) return;
    if (a->help.open) {
        if (wheel) help_wheel(a, wheel);
        return;
    }
    if (y == 0 && !wheel) {
        int v = chrome_tab_at(a, x);
        if (v >= 0) a->view = v;
        return;
    }
    const ld_view_ops *v = ld_views[a->view];
    if (y >= 1 && y < a->rows - 2 && v->mouse) v->mouse(a, y - 1, x, wheel);
}

void app_draw(app *a)
{
    static int cursor_shown = -1;
    werase(stdscr);
    int cx = -1;
    if (a->too_small) {
        chrome_too_small(a);
    } else {
        chrome_title(a);
        if (a->body) {
            werase(a->body);
            ld_views[a->view]->draw(a, a->body);
        }
        chrome_status(a);
        if (a->help.open) help_draw(a);
        cx = chrome_bottom(a);
    }
    /* the terminal cursor shows only in a text field */
    int want = cx >= 0;
    if (want != cursor_shown) {
        curs_set(want);
        cursor_shown = want;
    }
    wmove(stdscr, want ? a->rows - 1 : 0, want ? cx : 0);
    touchwin(stdscr); /* the view drew through a subwindow */
}
