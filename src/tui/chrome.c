/* chrome.c - title bar, status bar, bottom line, too-small notice. */
#include "chrome.h"

#include <stdio.h>
#include <string.h>

#include "keys.h"
#include "prompt.h"
#include "widgets.h"

/* Where each tab was drawn, for mouse clicks (one screen at a time). */
static int tab_x0[VIEW_COUNT], tab_x1[VIEW_COUNT];

void chrome_title(app *a)
{
    attr_t bar = app_attr(a, ROLE_TAB);
    ui_fill(stdscr, 0, 0, a->cols, bar);
    int x = ui_text(a, stdscr, 0, 0, a->cols, " llmdeck ", app_attr(a, ROLE_TITLE)) + 1;
    for (int v = 0; v < VIEW_COUNT; v++) {
        char t[48];
        int active = v == a->view;
        /* brackets as well as colour: the active tab shows in mono and in
         * screen dumps too */
        snprintf(t, sizeof t, active ? "[%d %s]" : " %d %s ", v + 1, ld_views[v]->name);
        tab_x0[v] = x;
        x += ui_text(a, stdscr, 0, x, a->cols - x, t, app_attr(a, active ? ROLE_TAB_ACTIVE : ROLE_TAB));
        tab_x1[v] = x;
        x += 1;
    }
    static const ld_hint shell[] = {{{ACT_HELP}, "help"}, {{ACT_QUIT}, "quit"}};
    char right[64];
    keys_hint(SCOPE_GLOBAL, -1, 0, shell, 2, right, sizeof right - 1);
    strcat(right, " ");
    int rw = ui_width(a, right);
    if (x + rw < a->cols) ui_put(a, stdscr, 0, a->cols - rw, rw, right, bar, UI_RIGHT, 0);
}

int chrome_tab_at(const app *a, int x)
{
    (void)a;
    for (int v = 0; v < VIEW_COUNT; v++)
        if (x >= tab_x0[v] && x < tab_x1[v]) return v;
    return -1;
}

void chrome_status(app *a)
{
    int y = a->rows - 2;
    attr_t st = app_attr(a, ROLE_STATUS);
    ui_fill(stdscr, y, 0, a->cols, st);
    char view[512] = "";
    const ld_view_ops *v = ld_views[a->view];
    if (v->status) v->status(a, view, sizeof view);
    char left[1024];
    snprintf(left, sizeof left, " %s %s %s%s%s%s", v->name, a->g.vline, a->data_label,
             view[0] ? " " : "", view[0] ? a->g.vline : "", view[0] ? " " : "");
    size_t l = strlen(left);
    snprintf(left + l, sizeof left - l, "%s", view);
    char theme[96];
    snprintf(theme, sizeof theme, " theme: %s ", a->theme.name);
    int tw = ui_width(a, theme), lw = ui_width(a, left);
    /* the view's state matters more than the theme's name */
    if (lw + tw + 1 <= a->cols) ui_put(a, stdscr, y, a->cols - tw, tw, theme, st, UI_RIGHT, 0);
    ui_text(a, stdscr, y, 0, a->cols, left, st);
}

int chrome_bottom(app *a)
{
    int y = a->rows - 1;
    if (a->prompt.open) return prompt_draw(a, stdscr, y);
    ui_fill(stdscr, y, 0, a->cols, app_attr(a, ROLE_TEXT));
    if (a->message[0]) {
        ld_role r = a->message_kind == MSG_ERROR ? ROLE_ERROR
                  : a->message_kind == MSG_WARN ? ROLE_WARNING : ROLE_ACCENT;
        ui_text(a, stdscr, y, 0, a->cols, a->message, app_attr(a, r));
        return -1;
    }
    /* generated from the key table, so a rebound key shows as bound */
    static const ld_hint help[] = {{{ACT_DOWN, ACT_UP}, "scroll"}, {{ACT_SEARCH}, "search"},
                                   {{ACT_CLOSE}, "close help (Esc first clears a search)"}};
    static const ld_hint shell[] = {{{ACT_VIEW_TABLE, ACT_VIEW_WIZARD, ACT_VIEW_COST}, "views"},
                                    {{ACT_THEME_NEXT}, "theme"}, {{ACT_HELP}, "help"}, {{ACT_QUIT}, "quit"}};
    const ld_view_ops *v = ld_views[a->view];
    char hint[512];
    if (a->help.open) keys_hint(SCOPE_HELP, -1, 0, help, sizeof help / sizeof help[0], hint, sizeof hint);
    else if (v->hint) v->hint(a, hint, sizeof hint);
    else keys_hint(SCOPE_GLOBAL, -1, 0, shell, sizeof shell / sizeof shell[0], hint, sizeof hint);
    ui_text(a, stdscr, y, 0, a->cols, hint, app_attr(a, ROLE_HINT));
    return -1;
}

void chrome_too_small(app *a)
{
    char size[64], need[64];
    snprintf(size, sizeof size, "%dx%d", a->cols, a->rows);
    snprintf(need, sizeof need, "need %dx%d", LD_MIN_COLS, LD_MIN_ROWS);
    const char *lines[] = {"Terminal too small", size, need, "enlarge it, or q to quit"};
    int n = 4, y0 = (a->rows - n) / 2;
    if (y0 < 0) y0 = 0;
    for (int i = 0; i < n && y0 + i < a->rows; i++)
        ui_put(a, stdscr, y0 + i, 0, a->cols, lines[i], app_attr(a, i == 0 ? ROLE_WARNING : ROLE_TEXT),
               UI_CENTER, 0);
}
