/* chrome.h - what surrounds the views: the title bar with the view tabs,
 * the status bar, the bottom line (prompt, message or key hints) and the
 * "terminal too small" notice. */
#ifndef LLMDECK_TUI_CHROME_H
#define LLMDECK_TUI_CHROME_H

#include "app.h"

void chrome_title(app *a);
/* The view whose tab is at column x of the title bar, or -1. */
int chrome_tab_at(const app *a, int x);
void chrome_status(app *a);
/* Draws the bottom line; returns the column for the terminal cursor when
 * a text field is open, else -1. */
int chrome_bottom(app *a);
void chrome_too_small(app *a);

#endif
