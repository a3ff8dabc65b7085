/* widgets.h - drawing helpers every view uses.
 *
 * All text goes through output_sanitize (data may hold escape sequences or
 * bidi overrides) and is measured with wcwidth, so wide characters and
 * combining marks line up; without a UTF-8 locale non-ASCII characters are
 * shown as '?'.  Text that does not fit is cut with an ellipsis.  Nothing
 * here allocates: views call these for every frame. */
#ifndef LLMDECK_TUI_WIDGETS_H
#define LLMDECK_TUI_WIDGETS_H

#include "app.h"

enum { UI_LEFT = 0, UI_RIGHT = 1, UI_CENTER = 2 };

/* Draws s at (y, x) in at most w columns with attr, aligned in the w
 * columns (the rest is left as it was unless pad != 0, then it is filled
 * with blanks in attr).  Returns the columns the text used. */
int ui_put(const app *a, WINDOW *win, int y, int x, int w, const char *s, attr_t attr, int align,
           int pad);
/* Shorthand: left-aligned, no padding. */
int ui_text(const app *a, WINDOW *win, int y, int x, int w, const char *s, attr_t attr);
/* printf into ui_text. */
int ui_printf(const app *a, WINDOW *win, int y, int x, int w, attr_t attr, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;
/* Display width of s as ui_put would draw it. */
int ui_width(const app *a, const char *s);
/* Blanks w columns at (y, x) in attr. */
void ui_fill(WINDOW *win, int y, int x, int w, attr_t attr);
/* A box with a title, its inside cleared. */
void ui_box(const app *a, WINDOW *win, int y, int x, int h, int w, const char *title);
/* Horizontal line of w columns. */
void ui_hline(const app *a, WINDOW *win, int y, int x, int w, attr_t attr);
/* A bar showing frac (0..1) of w columns, in eighths with Unicode. */
void ui_bar(const app *a, WINDOW *win, int y, int x, int w, double frac, attr_t attr);
/* Word wrap: the byte length of the first line of s that fits in w
 * columns (breaking at a blank when there is one); *next gets where the
 * next line starts.  Returns 0 at the end of s. */
size_t ui_wrap(const app *a, const char *s, int w, const char **next);

#endif
