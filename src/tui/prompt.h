/* prompt.h - the bottom-line text field and y/n question (app_prompt and
 * app_confirm are declared in app.h). */
#ifndef LLMDECK_TUI_PROMPT_H
#define LLMDECK_TUI_PROMPT_H

#include "app.h"

/* Handles a key while the prompt is open. */
void prompt_key(app *a, ld_key k);
/* Draws the prompt on row y of win; returns the cursor's column. */
int prompt_draw(app *a, WINDOW *win, int y);

#endif
