/* wizard_lines.h - how the wizard's answer page is put together, shared by
 * its parts (wizard_answer.c, the page; wizard_candidates.c, its table of
 * candidates).  Internal to the TUI. */
#ifndef LLMDECK_TUI_WIZARD_LINES_H
#define LLMDECK_TUI_WIZARD_LINES_H

#include <stddef.h>

#include "wizard.h"

/* Appends one line to the page (printf-style); on a failed allocation
 * the line is left out and w->lines_nomem set, which the page's builder
 * reports once. */
void wz_add(wz_state *w, ld_role role, int indent, int hang, int nowrap, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* A catalogue cell as safe text, "n/a" when missing or absent. */
const char *wz_cell(const ld_catalog *cat, size_t row, const char *id, char *buf, size_t n);

/* The candidates: the intro, the table fitted to w->layout_width, and its
 * legend. */
void wz_add_candidates(app *a, wz_state *w);

#endif
