/* keys.h - the key table: keys to actions, per scope, and the help text
 * generated from it.
 *
 * The bindings of the shell and the table view live in keys.c; each view
 * may add its own (ld_view_ops.keys).  keys_init() parses every binding
 * once, so a typo in a key name is caught at start-up (and by the tests),
 * not when the key is pressed. */
#ifndef LLMDECK_TUI_KEYS_H
#define LLMDECK_TUI_KEYS_H

#include <stdio.h>

#include "app.h"
#include "keyspec.h"

/* The table's column widths: actions of the table scope (its custom ones). */
#define ACT_COL_WIDER ACT_CUSTOM1
#define ACT_COL_NARROWER ACT_CUSTOM2
#define ACT_COL_FIT ACT_CUSTOM3
/* i and F: a column's statistics and frequencies (table_stats.c) */
#define ACT_COL_STATS ACT_CUSTOM7
#define ACT_COL_FREQ ACT_CUSTOM8
/* v: the chart of the rows shown (chart_view.c) */
#define ACT_CHART ACT_CUSTOM4
#define ACT_MEM_SETUP ACT_CUSTOM5

/* Parses all bindings; 0 on success, -1 with the bad binding in err. */
int keys_init(char *err, size_t errlen);
void keys_fini(void);

/* The action of key k in scope s (with the fallbacks described in app.h);
 * the current view's own bindings are searched before the shared ones. */
ld_action keys_lookup(ld_scope s, int view, ld_key k);

/* A key event of keyspec.h as an ld_key (KS_CHAR / KS_KEY only); 0 if none. */
ld_key keys_from_event(const ks_event *ev);
/* A raw curses input (wget_wch result) as an ld_key, with the usual
 * equivalences (CR and KEY_ENTER are Enter, DEL and ^H are Backspace). */
ld_key keys_from_curses(int is_key, unsigned code);

/* The name of key k in keyspec syntax ("j", "<Up>", "<C-x>"); returns buf. */
char *keys_name(ld_key k, char *buf, size_t n);

/* The scope's title in the help ("Table", "Text fields"). */
const char *keys_scope_title(ld_scope s);

/* The help overlay's lines, generated from the bindings: scope titles
 * (keys == NULL) and bindings ("j <Down>" and the help text). */
typedef struct {
    ld_scope scope;
    const char *title; /* a scope title line, or NULL */
    char keys[64];     /* the keys of one action, space-separated */
    const char *help;
} ld_helpline;
const ld_helpline *keys_help_lines(size_t *n);

/* Writes the key table as a Markdown table (the README's). */
void keys_print_markdown(FILE *out);

#endif
