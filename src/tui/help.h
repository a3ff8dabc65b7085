/* help.h - the help overlay: every binding of the key table, by scope,
 * searchable with '/'. */
#ifndef LLMDECK_TUI_HELP_H
#define LLMDECK_TUI_HELP_H

#include "app.h"

void help_open(app *a);
void help_key(app *a, ld_key k);
void help_wheel(app *a, int dir);
void help_draw(app *a);

#endif
