/* theme.h - colour themes: roles mapped to curses attributes.
 *
 * A theme is a JSON file (themes/NAME.json, embedded in the binary, or any
 * file given to --theme):
 *
 *   {"name": "default", "description": "...",
 *    "roles": {"header": {"fg": 214, "fg8": "yellow", "bg": 236, "bg8": "black",
 *                         "attrs": ["bold"]}, ...}}
 *
 * fg/bg are 256-colour indexes (-1 = the terminal's default), fg8/bg8 the
 * 8-colour fallback names (black red green yellow blue magenta cyan white
 * default).  Views never use colours directly: they ask for a role's
 * attributes, so every theme (and mono) carries the same meaning. */
#ifndef LLMDECK_TUI_THEME_H
#define LLMDECK_TUI_THEME_H

#include <stddef.h>

#include "llmdeck/error.h"
#include "tui_curses.h"

typedef enum {
    ROLE_TEXT, ROLE_TITLE, ROLE_TAB, ROLE_TAB_ACTIVE, ROLE_HEADER, ROLE_HEADER_SORT,
    ROLE_CURSOR, ROLE_SELECTED, ROLE_MARKED, ROLE_BEST, ROLE_WORST, ROLE_MISSING,
    ROLE_MUTED, ROLE_ACCENT, ROLE_API, ROLE_SELFHOST, ROLE_BREAKEVEN, ROLE_WARNING,
    ROLE_ERROR, ROLE_STATUS, ROLE_HINT, ROLE_BORDER, ROLE_PROMPT, ROLE_MATCH, ROLE_BAR,
    /* the chart's colour groups (families, licences), the last "other" */
    ROLE_SERIES1, ROLE_SERIES2, ROLE_SERIES3, ROLE_SERIES4, ROLE_SERIES5, ROLE_SERIES6, ROLE_SERIES_OTHER,
    ROLE__COUNT
} ld_role;

typedef struct {
    short fg, bg;   /* 256-colour values, -1 = default */
    short fg8, bg8; /* 8-colour values, -1 = default */
    unsigned attrs; /* THEME_A_* */
    int set;        /* the theme file named this role */
} ld_role_style;

enum { THEME_A_BOLD = 1, THEME_A_REVERSE = 2, THEME_A_UNDERLINE = 4, THEME_A_DIM = 8,
       THEME_A_STANDOUT = 16, THEME_A_ITALIC = 32 };

typedef struct {
    char name[64];
    char origin[256]; /* "embedded" or the file path */
    ld_role_style role[ROLE__COUNT];
} ld_theme;


/* Loads theme `name_or_file`: a built-in name ("light"), or a path (a name
 * containing '/' or ending in .json).  Roles the file leaves out take the
 * mono theme's attributes.  Errors are LD_ERR_USAGE naming `what`
 * (e.g. "--theme"), or LD_ERR_PARSE with the file's position. */
int theme_load(ld_theme *t, const char *name_or_file, const char *what, ld_error *err);

/* Parses a theme from JSON text (used by theme_load; exposed for tests). */
int theme_parse(ld_theme *t, const char *json, size_t len, const char *name, ld_error *err);

/* Built-in theme names in cycle order ("default" first); *n set. */
const char *const *theme_builtin_names(size_t *n);

/* The theme after `current` in the cycle (wraps). */
const char *theme_next_name(const char *current);

/* Curses side (theme.c): sets up colour pairs for `t`.  mono != 0 ignores
 * colours (NO_COLOR, --no-color, or a terminal without colours). */
void theme_apply(const ld_theme *t, int mono);
/* The curses attributes of a role under the applied theme. */
attr_t theme_attr(ld_role r);

#endif
