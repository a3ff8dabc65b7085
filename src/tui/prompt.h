/* prompt.h - the bottom-line text field and y/n question (app_prompt and
 * app_confirm are declared in app.h). */
#ifndef LLMDECK_TUI_PROMPT_H
#define LLMDECK_TUI_PROMPT_H

#include "app.h"
#include "lineedit.h"

/* A key in a text field (the prompt's or a view's): an editing key of the
 * "Text fields" scope is applied to l, a printable character is typed.
 * Returns 1 if it was one of those (*changed says whether the text
 * changed), -1 if the field is full (nothing changed), 0 if the key is not
 * for the field (Enter, Esc, Tab, F1: the caller's). */
int prompt_edit_key(le_line *l, ld_key k, int *changed);

/* Handles a key while the prompt is open. */
void prompt_key(app *a, ld_key k);
/* Draws the prompt on row y of win; returns the cursor's column. */
int prompt_draw(app *a, WINDOW *win, int y);

#endif
