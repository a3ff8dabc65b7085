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

/* Whether act is a shell action (quit, help, theme, view switch, redraw)
 * that app_key_action() performs wherever it is pressed: the one answer for
 * the loop, the help overlay and the wizard's text fields. */
int keys_is_global(ld_action act);

/* One item of a key hint: the keys of up to four actions, joined by '/'
 * ("j/k"), then the label; an item without actions is its label alone. */
typedef struct {
    ld_action act[4];
    const char *label;
} ld_hint;

/* Writes "key label  key label ..." to buf for the n items, each key being
 * the first bound to the action that reaches it from scope s (searched as
 * keys_lookup does: s, SCOPE_MOVE, SCOPE_GLOBAL), named without angle
 * brackets ("Enter", "C-l").  typing: a text field has the focus, so keys
 * that type a character are skipped and the editing keys of SCOPE_PROMPT
 * are searched first.  An action without a key in reach is left out.
 * Returns buf. */
char *keys_hint(ld_scope s, int view, int typing, const ld_hint *items, size_t n, char *buf, size_t len);

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
