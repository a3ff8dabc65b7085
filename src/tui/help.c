/* help.c - the help overlay, generated from the key table (keys.c), so a
 * key can never be bound without being documented. */
#include "help.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "keys.h"
#include "widgets.h"

static void scroll_to(app *a, int top);

/* Help opens at the keys of the view it was called from. */
void help_open(app *a)
{
    a->help.open = 1;
    a->help.top = 0;
    a->help.search[0] = '\0';
    const ld_view_ops *v = ld_views[a->view];
    int scope = v->scope ? (int)v->scope(a) : SCOPE_GLOBAL;
    size_t n;
    const ld_helpline *l = keys_help_lines(&n);
    for (size_t i = 0; i < n; i++)
        if (l[i].title && (int)l[i].scope == scope) {
            scroll_to(a, (int)i);
            break;
        }
}

static int contains(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; hay && *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0) return 1;
    return 0;
}

/* Whether line i is shown under the current search: a binding matches on
 * its keys or text, or when its scope's title matches; a title is shown
 * when any line of its scope is. */
static int shown(const app *a, const ld_helpline *l, size_t n, size_t i)
{
    const char *q = a->help.search;
    if (!*q) return 1;
    if (contains(keys_scope_title(l[i].scope), q)) return 1;
    if (!l[i].title) return contains(l[i].keys, q) || contains(l[i].help, q);
    for (size_t j = i + 1; j < n && !l[j].title; j++)
        if (contains(l[j].keys, q) || contains(l[j].help, q)) return 1;
    return 0;
}

static int count_shown(const app *a)
{
    size_t n;
    const ld_helpline *l = keys_help_lines(&n);
    int c = 0;
    for (size_t i = 0; i < n; i++) c += shown(a, l, n, i);
    return c;
}

static int page(const app *a) { return a->rows - 6 > 1 ? a->rows - 6 : 1; }

static void scroll_to(app *a, int top)
{
    int max = count_shown(a) - page(a);
    if (top > max) top = max;
    if (top < 0) top = 0;
    a->help.top = top;
}

static int search_cb(app *a, void *ctx, const char *text, int done, char *err, size_t errlen)
{
    (void)ctx;
    if (done < 0) text = ""; /* cancelled: everything again */
    snprintf(a->help.search, sizeof a->help.search, "%s", text);
    a->help.top = 0;
    if (done >= 0 && count_shown(a) == 0) snprintf(err, errlen, "no key matches");
    return done > 0 && count_shown(a) == 0 ? -1 : 0;
}

void help_wheel(app *a, int dir) { scroll_to(a, a->help.top + 3 * dir); }

void help_key(app *a, ld_key k)
{
    ld_action act = keys_lookup(SCOPE_HELP, -1, k);
    switch (act) {
    case ACT_CLOSE:
        if (k == 27 && a->help.search[0]) { /* Esc clears the search first */
            a->help.search[0] = '\0';
            a->help.top = 0;
        } else {
            a->help.open = 0;
        }
        break;
    case ACT_SEARCH: app_prompt(a, "Search help: ", a->help.search, search_cb, NULL); break;
    case ACT_UP: scroll_to(a, a->help.top - 1); break;
    case ACT_DOWN: scroll_to(a, a->help.top + 1); break;
    case ACT_PAGE_UP: scroll_to(a, a->help.top - page(a)); break;
    case ACT_PAGE_DOWN: scroll_to(a, a->help.top + page(a)); break;
    case ACT_TOP: scroll_to(a, 0); break;
    case ACT_BOTTOM: scroll_to(a, 1 << 20); break;
    default:
        /* the shell's keys act as everywhere; a view switch closes the help
         * (and help itself is already open) */
        if (!keys_is_global(act) || act == ACT_HELP) break;
        if (act != ACT_THEME_NEXT && act != ACT_REDRAW && act != ACT_QUIT) a->help.open = 0;
        app_key_action(a, act);
        break;
    }
}

void help_draw(app *a)
{
    WINDOW *w = stdscr;
    int top = 1, left = 0, h = a->rows - 3, wd = a->cols;
    char title[200];
    if (a->help.search[0])
        snprintf(title, sizeof title, "Help: keys matching \"%s\" (Esc: all keys)", a->help.search);
    else
        snprintf(title, sizeof title, "Help: every key (/ search, q close)");
    ui_box(a, w, top, left, h, wd, title);
    size_t n;
    const ld_helpline *l = keys_help_lines(&n);
    int inner = wd - 4, keyw = 26, row = 0, seen = 0, rows = h - 2;
    for (size_t i = 0; i < n && row < rows; i++) {
        if (!shown(a, l, n, i)) continue;
        if (seen++ < a->help.top) continue;
        int y = top + 1 + row++;
        if (l[i].title) {
            ui_text(a, w, y, left + 2, inner, l[i].title, app_attr(a, ROLE_ACCENT));
            continue;
        }
        ui_text(a, w, y, left + 3, keyw - 2, l[i].keys, app_attr(a, ROLE_HEADER_SORT));
        ui_text(a, w, y, left + 2 + keyw, inner - keyw, l[i].help, app_attr(a, ROLE_TEXT));
    }
    int total = count_shown(a);
    if (total > rows) {
        char pos[48];
        snprintf(pos, sizeof pos, " %d-%d of %d ", a->help.top + 1,
                 a->help.top + rows < total ? a->help.top + rows : total, total);
        ui_put(a, w, top + h - 1, left + 2, wd - 4, pos, app_attr(a, ROLE_MUTED), UI_RIGHT, 0);
    }
}
