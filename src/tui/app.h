/* app.h - the TUI's shared state, actions and the view interface.
 *
 * One event loop (app.c) owns the screen.  Every key goes through one key
 * table (keys.c, plus each view's own bindings) that turns it into an
 * action; views receive actions, never raw keys, except while a text field
 * has focus (the `text` hook).  The key table also generates the help
 * overlay and the README's key list, and --keys/--play use the same key
 * syntax (keyspec.h), so they can never disagree.  Each view is a module
 * with the same small interface, in the manner of ncdu's
 * browse_draw()/browse_key().
 *
 * Writing a view (wizard_view.c and cost_view.c are the examples): fill an
 * ld_view_ops, keep your state behind a pointer you allocate in `init`, draw
 * with the helpers of widgets.h and the roles of theme.h, ask for text with
 * app_prompt(), keep settings with config.h (your own section), report with
 * app_message(). */
#ifndef LLMDECK_TUI_APP_H
#define LLMDECK_TUI_APP_H

#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "llmdeck/dataset.h"
#include "llmdeck/score.h"
#include "theme.h"
#include "tui_curses.h"

/* A key: a Unicode code point, or LD_KEYCODE(a curses KEY_* code). */
typedef int32_t ld_key;
#define LD_KEYCODE(k) ((ld_key)(0x200000 + (k)))
#define LD_IS_CHAR(k) ((k) >= 0 && (k) < 0x200000)

typedef enum {
    ACT_NONE = 0,
    /* everywhere */
    ACT_QUIT, ACT_HELP, ACT_THEME_NEXT, ACT_VIEW_TABLE, ACT_VIEW_WIZARD, ACT_VIEW_COST,
    ACT_NEXT_VIEW, ACT_PREV_VIEW, ACT_REDRAW, /* the last global one: see keys_is_global() */
    /* movement */
    ACT_UP, ACT_DOWN, ACT_LEFT, ACT_RIGHT, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_TOP, ACT_BOTTOM,
    ACT_LINE_START, ACT_LINE_END,
    /* table */
    ACT_SORT_ASC, ACT_SORT_DESC, ACT_SORT_ADD_ASC, ACT_SORT_ADD_DESC, ACT_SORT_CLEAR, ACT_BACK_TO_ROW, ACT_COST_OF,
    ACT_FILTER, ACT_CLEAR, ACT_NEXT_MATCH, ACT_PREV_MATCH, ACT_DETAIL, ACT_MARK, ACT_UNMARK_ALL,
    ACT_COMPARE, ACT_WEIGHTS, ACT_HIDE_COLUMN, ACT_SHOW_COLUMNS, ACT_COLUMNS, ACT_EXPORT,
    ACT_COL_WIDER, ACT_COL_NARROWER, ACT_COL_FIT, ACT_COL_STATS, ACT_COL_FREQ, ACT_CHART,
    ACT_MEM_SETUP,
    /* panels and editors */
    ACT_CLOSE, ACT_INC, ACT_DEC, ACT_INC_BIG, ACT_DEC_BIG, ACT_ZERO, ACT_RESET, ACT_POLICY, ACT_SCALE,
    ACT_TOGGLE, ACT_EDIT, ACT_SEARCH,
    /* wizard / cost (their views decide what these mean) */
    ACT_ACCEPT, ACT_BACK, ACT_RESTART, ACT_START_OVER, ACT_MODE,
    /* the chart (chart_view.c): export it as SVG, colour by, next axis, type an axis */
    ACT_CHART_EXPORT, ACT_CHART_COLOR, ACT_CHART_X, ACT_CHART_Y, ACT_CHART_X_PICK, ACT_CHART_Y_PICK,
    /* text fields (prompt.c) */
    ACT_TXT_LEFT, ACT_TXT_RIGHT, ACT_TXT_HOME, ACT_TXT_END, ACT_TXT_BS, ACT_TXT_DEL,
    ACT_TXT_KILL_LINE, ACT_TXT_KILL_END, ACT_TXT_KILL_WORD, ACT_TXT_ACCEPT, ACT_TXT_CANCEL,
    ACT__COUNT
} ld_action;

/* Key scopes: a key is looked up in the current scope, then in SCOPE_MOVE,
 * then in SCOPE_GLOBAL (SCOPE_PROMPT has no fallback: other keys type). */
typedef enum {
    SCOPE_GLOBAL, SCOPE_MOVE, SCOPE_TABLE, SCOPE_DETAIL, SCOPE_COMPARE, SCOPE_WEIGHTS,
    SCOPE_COLUMNS, SCOPE_HELP, SCOPE_PROMPT, SCOPE_WIZARD, SCOPE_COST, SCOPE_CHART,
    SCOPE_STATS, SCOPE_COST_PICK, SCOPE__COUNT
} ld_scope;

/* One binding: a key in keyspec syntax ("j", "<Down>", "<C-c>"). */
typedef struct {
    ld_scope scope;
    const char *key;
    ld_action action;
    const char *help; /* shown in the help overlay; bindings of one action share it */
} ld_keybind;

struct app;

/* The interface every view implements (NULL hooks are allowed where said). */
typedef struct {
    const char *name; /* "Table", "Wizard", "Cost" */
    /* Creates the view's state in *state (may read the config); 0 = ok. */
    int (*init)(struct app *a, void **state);
    /* Saves settings to the config and frees the state. */
    void (*fini)(struct app *a, void *state);
    /* Draws the whole view into w (the area between title and status bar). */
    void (*draw)(struct app *a, WINDOW *w);
    void (*act)(struct app *a, ld_action act);
    /* The key scope right now (e.g. SCOPE_DETAIL while a panel is open). */
    ld_scope (*scope)(const struct app *a);
    /* The view's own bindings, ending with {0}; may be NULL. */
    const ld_keybind *keys;
    /* Raw text input: while text_mode returns 1, keys go to `text` instead
     * of the key table (KEY_RESIZE and the prompt excepted); may be NULL. */
    int (*text_mode)(const struct app *a);
    void (*text)(struct app *a, ld_key key);
    /* Mouse: view-relative row and column; button 1 click, or wheel -1 up /
     * +1 down (then y, x are where the pointer is); may be NULL. */
    void (*mouse)(struct app *a, int y, int x, int wheel);
    /* The view's part of the status bar (sort, filter, position); may be NULL. */
    void (*status)(const struct app *a, char *buf, size_t n);
    /* The key hint of the bottom line, written to buf; built with
     * keys_hint() from the bindings, so a rebound key shows as bound.
     * May be NULL. */
    void (*hint)(const struct app *a, char *buf, size_t n);
} ld_view_ops;

enum { VIEW_TABLE = 0, VIEW_WIZARD = 1, VIEW_COST = 2, VIEW_COUNT = 3 };

/* Called when a prompt is submitted (done = 1: return 0 to close it, or -1
 * with a message in err to keep it open showing the message) or edited
 * (done = 0: live preview; err may be filled, return ignored). */
typedef int (*ld_prompt_fn)(struct app *a, void *ctx, const char *text, int done, char *err,
                            size_t errlen);
typedef void (*ld_confirm_fn)(struct app *a, void *ctx, int yes);

typedef struct {
    int open;
    int confirm;          /* a y/n question instead of a text field */
    char label[96];
    char buf[512];
    size_t len, cur;      /* bytes; cur is at a character boundary */
    int fresh;            /* the value it opened with, untouched: a typed character replaces it */
    char err[256];
    ld_prompt_fn fn;
    ld_confirm_fn confirm_fn;
    void *ctx;
} ld_prompt;

typedef struct {
    int open;
    int top;              /* first line shown */
    char search[128];
} ld_help;

/* Glyphs: Unicode in a UTF-8 locale, ASCII otherwise. */
typedef struct {
    const char *up, *down, *vline, *hline, *ellipsis, *cursor, *mark, *bar, *bar_half, *best;
} ld_glyphs;

typedef enum { MSG_INFO = 0, MSG_WARN, MSG_ERROR } ld_msgkind;

typedef struct app {
    ld_dataset *ds;
    char data_label[256];  /* "embedded", "--data DIR", "FILE" (+ loads) */
    ld_missing missing;
    int view;              /* VIEW_* */
    int quit;
    int headless;
    int rows, cols;        /* screen size */
    int too_small;
    int utf8;              /* UTF-8 locale: Unicode glyphs and wide characters */
    int mono;              /* colours off (NO_COLOR, --no-color, no colours) */
    WINDOW *body;          /* the views' area */
    ld_theme theme;
    ld_config *cfg;
    ld_glyphs g;
    ld_prompt prompt;
    ld_help help;
    char message[512];     /* one-shot status message, cleared by the next key */
    ld_msgkind message_kind;
    void *view_state[VIEW_COUNT];
} app;

extern const ld_view_ops table_view_ops, wizard_view_ops, cost_view_ops;
extern const ld_view_ops *const ld_views[VIEW_COUNT];

/* Smallest screen the views are drawn on; below it a notice is shown. */
#define LD_MIN_COLS 60
#define LD_MIN_ROWS 16

/* A one-shot message on the bottom line (sanitized when drawn). */
void app_message(app *a, ld_msgkind kind, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Opens the prompt on the bottom line with `initial` text. */
void app_prompt(app *a, const char *label, const char *initial, ld_prompt_fn fn, void *ctx);
/* The same for a value (a knob, a weight, an axis): the current value is
 * shown, and the first character typed replaces it (an editing key such as
 * a cursor move or backspace keeps it to edit), as in the wizard's fields:
 * typing 0.5 into "2/2" gives 0.5, not 2/20.5. */
void app_prompt_value(app *a, const char *label, const char *initial, ld_prompt_fn fn, void *ctx);
/* Asks a y/n question on the bottom line. */
void app_confirm(app *a, const char *question, ld_confirm_fn fn, void *ctx);
/* The attributes of a theme role. */
static inline attr_t app_attr(const app *a, ld_role r)
{
    (void)a;
    return theme_attr(r);
}

/* app.c: life cycle and input (used by tui_main.c and headless.c). */
int app_init(app *a, char *err, size_t errlen);
void app_fini(app *a);
/* Handles one key (including LD_KEYCODE(KEY_RESIZE)). */
void app_key(app *a, ld_key k);
/* Performs a shell action (quit, help, theme, view switch, redraw). */
void app_key_action(app *a, ld_action act);
/* Handles a mouse event at screen (y, x): button 1 click or wheel -1/+1. */
void app_mouse(app *a, int y, int x, int wheel);
/* Resize to the current LINES x COLS. */
void app_resize(app *a);
/* Draws the whole screen into stdscr (no refresh). */
void app_draw(app *a);
/* Switches theme by name; 0 on success. */
int app_set_theme(app *a, const char *name, int save);

#endif
